/**
 * `npm run bench`: the figures each issue asks for, printed as a table and saved as JSON in
 * bench-output/results.json. Benchmarks measure; they assert nothing (tests do that).
 *
 *   npm run bench                  everything (a few minutes: 1M-row books, two webpack builds)
 *   npm run bench -- engine cli    only the named sections
 *
 * Sections:
 * - engine:    read + allocate + age generated books of 10k, 100k and 1M invoices (payments
 *              ≈ 0.8×), each in its own process so its peak memory is its own; the 1M book
 *              once more with its columns on plain ArrayBuffers, as in a browser task pane;
 * - cli:       `ar-desk aging` end to end on a 100k-invoice .xlsx (read, compute, write, peak);
 * - excel:     round trips and largest request for a 100k-invoice book through the Office.js
 *              adapter on the simulated host;
 * - functions: AR.AGEBUCKET over 100k cells, AR.AGING over 1M rows, 100k scalar calls;
 * - credit:    the credit check for 100k customers / 1M invoices beyond the aging;
 * - collections: the worklist for 1M invoices / 100k customers with a 50k-row follow-up log
 *              beyond the aging, and the whole collections run (with the early warnings);
 * - reconcile: 100k × 100k reconciliation;
 * - addin:     the task pane's production bundle (gzip) and its first render in Chromium;
 * - analytics: 24 month-ends of roll-forward, KPIs and rep scorecard over 1M invoices (one sweep).
 * - statements: October statements of every customer of a 1M-invoice book as JSON, and PDF
 *              statements per second (zh-CN and en-US).
 * - worker:    what handing a 1M-invoice aging to the task pane's worker costs: the rows' copies
 *              (total and longest slice), the result's transfer and decoding, beside the compute.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { agingCliArgs } from "./agingCli";

type Figures = Record<string, number | string>;

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "bench-output");
const TS_NODE = ["-r", "ts-node/register/transpile-only"];

function nodeJson(args: string[]): Figures {
  const run = spawnSync(process.execPath, ["--expose-gc", ...TS_NODE, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed:\n${run.stderr}`);
  const last = run.stdout.trim().split("\n").pop() ?? "{}";
  return JSON.parse(last) as Figures;
}

function engine(): Figures[] {
  const cases = [["10000"], ["100000"], ["1000000"], ["1000000", "--plain-columns"]];
  return cases.map((args) => nodeJson(["bench/engine-case.ts", ...args]));
}

/** Runs the compiled CLI under /usr/bin/time (when present) to get its peak memory. */
function cli(): Figures[] {
  const build = spawnSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`CLI build failed:\n${build.stdout}${build.stderr}`);
  fs.mkdirSync(OUT, { recursive: true });
  const book = path.join(OUT, "book-100k.xlsx");
  const bin = path.join(ROOT, "bin", "ar-desk.js");
  const sample = spawnSync(process.execPath, [bin, "sample", "--invoices", "100000", "--seed", "7", "--out", book], { encoding: "utf8" });
  if (sample.status !== 0) throw new Error(`sample failed:\n${sample.stderr}`);

  const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  const args = agingCliArgs(ROOT, book, OUT);
  const started = performance.now();
  const run = timeBin
    ? spawnSync(timeBin, ["-f", "maxrss_kb=%M", process.execPath, ...args], { encoding: "utf8" })
    : spawnSync(process.execPath, args, { encoding: "utf8" });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`aging failed:\n${run.stderr}`);
  const timing = /read ([\d.]+) s.*compute ([\d.]+) s.*write ([\d.]+) s/i.exec(run.stdout);
  const rss = /maxrss_kb=(\d+)/.exec(run.stderr);
  const json = JSON.parse(fs.readFileSync(path.join(OUT, "aging-100k.json"), "utf8")) as { items: unknown[] };
  return [
    {
      book: "100k invoices (.xlsx)",
      fileMB: Math.round(fs.statSync(book).size / 104857.6) / 10,
      readS: timing ? Number(timing[1]) : "n/a",
      computeS: timing ? Number(timing[2]) : "n/a",
      writeS: timing ? Number(timing[3]) : "n/a",
      wallS: Math.round(wallMs / 100) / 10,
      openItems: json.items.length,
      peakMB: rss ? Math.round(Number(rss[1]) / 1024) : "n/a",
    },
  ];
}

async function optional(modulePath: string, exportName: string): Promise<Figures[]> {
  const mod = (await import(modulePath)) as Record<string, () => Promise<Figures> | Figures>;
  const fn = mod[exportName];
  if (!fn) throw new Error(`${modulePath} has no ${exportName}`);
  return [await fn()];
}

const SECTIONS: Record<string, () => Promise<Figures[]> | Figures[]> = {
  engine,
  cli,
  excel: () => [nodeJson(["bench/excel-case.ts", "1000"]), nodeJson(["bench/excel-case.ts", "100000"])],
  functions: () => optional("./functions", "benchFunctions"),
  credit: () => optional("./credit", "benchCredit"),
  collections: () => [nodeJson(["bench/collections-case.ts"])],
  reconcile: () => optional("./reconcile", "benchReconcile"),
  addin: () => optional("./addin", "benchAddin"),
  analytics: () => [nodeJson(["bench/analytics-case.ts", "1000000"])],
  statements: () => [nodeJson(["bench/statements-case.ts", "1000000", "200"])],
  worker: () => [nodeJson(["bench/worker-case.ts", "1000000"])],
};

function printTable(title: string, rows: Figures[]): void {
  process.stdout.write(`\n## ${title}\n`);
  if (rows.length === 0) return;
  const keys = Array.from(new Set(rows.flatMap((r) => Object.keys(r))));
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? "").length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  process.stdout.write(`${line(keys)}\n`);
  for (const row of rows) process.stdout.write(`${line(keys.map((k) => String(row[k] ?? "")))}\n`);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const names = wanted.length > 0 ? wanted : Object.keys(SECTIONS);
  const unknown = names.filter((n) => !(n in SECTIONS));
  if (unknown.length > 0) throw new Error(`Unknown section(s): ${unknown.join(", ")}. Known: ${Object.keys(SECTIONS).join(", ")}`);
  process.stdout.write(
    `AR Desk benchmarks · node ${process.version} · ${os.cpus().length} cores · ${Math.round(os.totalmem() / 2 ** 30)} GB\n`,
  );
  const results: Record<string, Figures[] | { error: string }> = {};
  for (const name of names) {
    try {
      const rows = await SECTIONS[name]!();
      results[name] = rows;
      printTable(name, rows);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results[name] = { error: message };
      process.stdout.write(`\n## ${name}\nFAILED: ${message}\n`);
      process.exitCode = 1;
    }
  }
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, "results.json"), JSON.stringify(results, null, 2));
  process.stdout.write(`\nSaved ${path.relative(ROOT, path.join(OUT, "results.json"))}\n`);
}

void main();
