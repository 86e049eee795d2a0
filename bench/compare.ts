/**
 * The comparison the reading standard asks for: reader changes must not slow the 1M-invoice
 * engine row, nor the 100k-invoice CLI row. Runs both rows in a baseline checkout and in this
 * one, interleaved (A B A B …) so both sides see the same load on a shared machine, and prints
 * the median and minimum of each figure per side. It measures; the verdict is the reader's.
 *
 *   npm run bench:compare -- <baseline checkout> [--runs 5] [engine] [cli]
 *
 * The baseline is a checkout of the commit to compare with, e.g.
 *   git worktree add ../base <commit> && ln -s "$PWD/node_modules" ../base/node_modules
 * Its bench/engine-case.ts and `ar-desk aging` are used as they are at that commit; the CLI is
 * built in both checkouts first (tsc -p tsconfig.cli.json), and both age the same 100k .xlsx.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { agingCliArgs } from "./agingCli";

type Side = "baseline" | "current";
type Samples = Record<string, number[]>;

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "bench-output", "compare");
const TS_NODE = ["-r", "ts-node/register/transpile-only"];
/** The engine-case figures compared: reading, reading + aging, and the aging alone. */
const ENGINE_FIGURES = ["readMs", "computeMs", "agedMs"];
/** The CLI's own read / compute / write line, in seconds. */
const CLI_TIMING = /read ([\d.]+) s.*compute ([\d.]+) s.*write ([\d.]+) s/i;

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/**
 * Middle value of a non-empty list (the mean of the two middle ones for an even count).
 *
 * @example
 * median([3, 1, 2])    // 2
 * median([4, 1, 3, 2]) // 2.5
 */
function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One engine row: bench/engine-case.ts with 1M invoices in a checkout, its figures by name. */
function engineRow(checkout: string): Record<string, number> {
  const stdout = run(process.execPath, ["--expose-gc", ...TS_NODE, "bench/engine-case.ts", "1000000"], checkout);
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as Record<string, number>;
}

/** One CLI row: `ar-desk aging` of the 100k book in a checkout, wall time and its own timing line. */
function cliRow(checkout: string, book: string): Record<string, number> {
  const args = agingCliArgs(checkout, book, OUT);
  const started = performance.now();
  const stdout = run(process.execPath, args, checkout);
  const wallMs = performance.now() - started;
  const timing = CLI_TIMING.exec(stdout);
  if (!timing) throw new Error(`no read/compute/write line in the output of ${checkout}:\n${stdout}`);
  return { readS: Number(timing[1]), computeS: Number(timing[2]), writeS: Number(timing[3]), wallS: Math.round(wallMs / 10) / 100 };
}

/** Runs `row` in both checkouts `runs` times, interleaved, the side going first alternating. */
function interleave(runs: number, checkouts: Record<Side, string>, row: (checkout: string) => Record<string, number>, figures: string[]) {
  const samples: Record<Side, Samples> = { baseline: {}, current: {} };
  for (let r = 0; r < runs; r++) {
    const order: Side[] = r % 2 === 0 ? ["baseline", "current"] : ["current", "baseline"];
    for (const side of order) {
      const result = row(checkouts[side]);
      for (const figure of figures) (samples[side][figure] ??= []).push(Number(result[figure]));
      process.stderr.write(`  ${side} ${figures.map((f) => `${f}=${result[f]}`).join(" ")}\n`);
    }
  }
  return samples;
}

/** A figure as printed: at most three decimals (the CLI's seconds), without float noise. */
function shown(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function printComparison(title: string, samples: Record<Side, Samples>, figures: string[]): void {
  process.stdout.write(`\n## ${title}\n`);
  const header = ["figure", "baseline median", "baseline min", "current median", "current min", "median change"];
  const rows = figures.map((figure) => {
    const base = samples.baseline[figure] ?? [];
    const current = samples.current[figure] ?? [];
    const change = ((median(current) - median(base)) / median(base)) * 100;
    return [
      figure,
      shown(median(base)),
      shown(Math.min(...base)),
      shown(median(current)),
      shown(Math.min(...current)),
      `${change >= 0 ? "+" : ""}${change.toFixed(1)} %`,
    ].map(String);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  process.stdout.write(`${line(header)}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

function main(): void {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
  const positional = args.filter((a, i) => !a.startsWith("--") && (runsAt < 0 || i !== runsAt + 1));
  const [baselineArg, ...sections] = positional;
  if (!baselineArg || !Number.isInteger(runs) || runs < 1) {
    throw new Error("usage: npm run bench:compare -- <baseline checkout> [--runs 5] [engine] [cli]");
  }
  const baseline = path.resolve(baselineArg);
  if (!fs.existsSync(path.join(baseline, "bench", "engine-case.ts")))
    throw new Error(`${baseline} is not a checkout with bench/engine-case.ts`);
  const wanted = sections.length > 0 ? sections : ["engine", "cli"];
  const checkouts: Record<Side, string> = { baseline, current: ROOT };
  fs.mkdirSync(OUT, { recursive: true });
  process.stdout.write(`Baseline ${baseline} vs current ${ROOT}, ${runs} interleaved runs each\n`);

  if (wanted.includes("engine")) {
    const samples = interleave(runs, checkouts, engineRow, ENGINE_FIGURES);
    printComparison("engine: 1M invoices (engine-case.ts, ms)", samples, ENGINE_FIGURES);
  }
  if (wanted.includes("cli")) {
    for (const checkout of [baseline, ROOT]) run("npx", ["tsc", "-p", "tsconfig.cli.json"], checkout);
    const book = path.join(OUT, "book-100k.xlsx");
    run(process.execPath, [path.join(ROOT, "bin", "ar-desk.js"), "sample", "--invoices", "100000", "--seed", "7", "--out", book], ROOT);
    const figures = ["readS", "computeS", "writeS", "wallS"];
    const samples = interleave(runs, checkouts, (checkout) => cliRow(checkout, book), figures);
    printComparison("cli: ar-desk aging, 100k invoices (.xlsx, s)", samples, figures);
  }
}

main();
