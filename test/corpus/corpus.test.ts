/**
 * Runs `ar-desk aging` over every file of the bad-input corpus (generate.ts) and checks what
 * each run ends with: exit code, issue codes and totals; bombs within 10 s and 1 GB.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { promisify } from "node:util";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { readInput } from "../../src/cli/input";
import { readBook } from "../../src/engine/read";
import type { AgingJson } from "../../src/engine/report/json";
import { run } from "../cli/run";
import { CORPUS, writeCorpus, type CorpusCase } from "./generate";

const GB = 1024 * 1024 * 1024;
const execFileAsync = promisify(execFile);
let dir = "";
let files = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ardesk-corpus-"));
  files = await writeCorpus(path.join(dir, "in"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it("has at least 60 files, each with a distinct name and a reason", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(60);
  expect(new Set(CORPUS.map((c) => c.file)).size).toBe(CORPUS.length);
  for (const entry of CORPUS) expect(entry.about.length).toBeGreaterThan(5);
});

/**
 * Runs `ar-desk aging` on `input` in a Node process of its own and returns its exit code, the
 * time the run took (without starting Node) and the process's peak memory.
 */
async function runAlone(input: string): Promise<{ code: number; seconds: number; maxRss: number }> {
  const script = `
    const { main } = require("./src/cli/main");
    const sink = { write: () => true };
    const started = performance.now();
    main(["aging", "--input", ${JSON.stringify(input)}, "--as-of", "2026-10-31"], { stdout: sink, stderr: sink, isTTY: false, today: () => 46326 })
      .then((code) => process.stdout.write(JSON.stringify({ code, seconds: (performance.now() - started) / 1000, maxRss: process.resourceUsage().maxRSS * 1024 })));
  `;
  const { stdout } = await execFileAsync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
    cwd: path.join(__dirname, "..", ".."),
    timeout: 120_000,
  });
  return JSON.parse(stdout) as { code: number; seconds: number; maxRss: number };
}

const byCurrency = (json: AgingJson, key: "open" | "net"): Record<string, number> =>
  Object.fromEntries(json.totals.map((t) => [t.currency, t[key]]));

describe.each(CORPUS.map((c) => [c.file, c] as const))("%s", (file: string, entry: CorpusCase) => {
  it(`ends as it should: ${entry.about}`, async () => {
    const input = files.get(file) as string;
    const out = path.join(dir, `${file}.json`);
    const args = ["aging", "--input", input, "--as-of", "2026-10-31", ...(entry.args ?? [])];
    if (!(entry.args ?? []).includes("--json")) args.push("--json", out);
    const started = performance.now();
    const result = await run(args);
    const seconds = (performance.now() - started) / 1000;

    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: entry.expect.code });
    // Whatever happened, no stack trace and no raw control character reached the user.
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(result.stdout + result.stderr).not.toMatch(/\u001b/);
    if (entry.expect.stderr) expect(result.stderr).toContain(entry.expect.stderr);
    if (entry.bomb) {
      expect(seconds).toBeLessThan(10);
      // Peak memory of a run of its own, as the command has it (this worker's holds every test's).
      const own = await runAlone(input);
      expect(own.code).toBe(entry.expect.code);
      expect(own.seconds).toBeLessThan(10);
      expect(own.maxRss).toBeLessThan(GB);
    }
    if (entry.expect.code !== 0) return;

    const json = JSON.parse(await readFile(out, "utf8")) as AgingJson;
    const codes = new Set(json.issues.map((i) => i.code));
    for (const code of entry.expect.issues ?? [])
      expect({ file, codes: [...codes] }).toEqual({ file, codes: expect.arrayContaining([code]) });
    for (const code of entry.expect.noIssues ?? []) expect(codes.has(code)).toBe(false);
    if (entry.expect.open) expect(byCurrency(json, "open")).toEqual(entry.expect.open);
    if (entry.expect.net) expect(byCurrency(json, "net")).toEqual(entry.expect.net);
    if (entry.expect.invoicesRead !== undefined) {
      const { tables, dateSystem } = await readInput(input);
      const book = readBook(tables, { lang: "en-US", dateOrder: null, dateSystem, defaultCurrency: "USD" });
      expect(book.invoices.length).toBe(entry.expect.invoicesRead);
    }
  });
});
