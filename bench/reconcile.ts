/**
 * Reconciliation benchmark: 100k rows of our invoices against a 100k-row statement made from
 * them with known perturbations (2 % each of changed amounts, shifted dates, dropped rows,
 * rows split in two, duplicated rows, plus foreign rows), in two currencies.
 *
 * The case runs in its own process so that its heap and peak RSS are its own:
 *   node --expose-gc -r ts-node/register/transpile-only bench/reconcile.ts 100000
 * prints one JSON line; `npm run bench reconcile` calls benchReconcile(), which spawns it.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { reconcile, tieOutBalances } from "../src/engine/reconcile";
import { reconcileSheet, toReconcileJson } from "../src/engine/report/reconcile";
import type { CellValue, TableData } from "../src/engine/types";

const ROOT = path.resolve(__dirname, "..");
const mb = (bytes: number): number => Math.round(bytes / 1048576);

/** A small deterministic generator (mulberry32), so every run reconciles the same tables. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Our invoices (A) and a statement (B) derived from them.
 *
 * @example
 * const { a, b } = makeTables(1000); // a.rows.length === 1000
 */
export function makeTables(rows: number, seed = 7): { a: TableData; b: TableData } {
  const next = random(seed);
  const aRows: CellValue[][] = [];
  const bRows: CellValue[][] = [];
  const base = 46023; // 2026-01-01
  for (let i = 0; i < rows; i++) {
    const key = `INV-${String(i + 1).padStart(7, "0")}`;
    const customer = `Customer ${1 + Math.floor(next() * 5000)}`;
    const date = base + Math.floor(next() * 300);
    const amount = Math.round(100 + next() * 99900) / 100;
    const currency = next() < 0.8 ? "USD" : "EUR";
    aRows.push([key, customer, date, amount, currency]);
    // The statement writes keys its own way (no prefix, leading zeros) and perturbs some rows.
    const theirs = String(i + 1);
    const roll = next();
    if (roll < 0.02) bRows.push([theirs, customer, date, Math.round((amount + 1 + next() * 50) * 100) / 100, currency]);
    else if (roll < 0.04) bRows.push([theirs, customer, date + 5, amount, currency]);
    else if (roll < 0.06)
      continue; // dropped: missing in B
    else if (roll < 0.08) {
      const part = Math.round(amount * 40) / 100;
      bRows.push([theirs, customer, date, part, currency], [theirs, customer, date, Math.round((amount - part) * 100) / 100, currency]);
    } else if (roll < 0.1) bRows.push([theirs, customer, date, amount, currency], [theirs, customer, date, amount, currency]);
    else bRows.push([theirs, customer, date, amount, currency]);
    if (roll > 0.99) bRows.push([`X${i}`, customer, date, amount, currency]); // only on the statement
  }
  const header = (key: string): CellValue[] => [key, "Customer", "Invoice Date", "Amount", "Currency"];
  return {
    a: { sheet: "Invoices", name: "Invoices", header: header("Invoice No"), rows: aRows, firstRow: 2, firstColumn: 0 },
    b: { sheet: "Statement", name: "Statement", header: header("Reference"), rows: bRows, firstRow: 2, firstColumn: 0 },
  };
}

/** One measured case in this process: figures in ms and MB. */
export function reconcileCase(rows: number): Record<string, number> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const { a, b } = makeTables(rows);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let t0 = performance.now();
  const result = reconcile(a, b, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD", amountTolerance: 0.01 });
  const reconcileMs = performance.now() - t0;
  const heapAfter = process.memoryUsage().heapUsed;
  t0 = performance.now();
  const sheet = reconcileSheet(result, "en-US");
  const sheetMs = performance.now() - t0;
  t0 = performance.now();
  const json = JSON.stringify(toReconcileJson(result));
  const jsonMs = performance.now() - t0;
  if (!result.tieOut.every(tieOutBalances)) throw new Error("The tie-out does not balance.");
  return {
    rowsA: a.rows.length,
    rowsB: b.rows.length,
    records: result.records.length,
    differences: result.records.filter((r) => r.outcome !== "matched").length,
    reconcileMs: Math.round(reconcileMs),
    sheetMs: Math.round(sheetMs),
    jsonMs: Math.round(jsonMs),
    sheetRows: sheet.cells.length,
    jsonMB: Math.round(json.length / 104857.6) / 10,
    inputRssMB: mb(rssBefore),
    reconcileHeapMB: mb(heapAfter - heapBefore),
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  };
}

/**
 * 100k × 100k reconciliation time and memory, measured in a child process.
 *
 * @example
 * const figures = await benchReconcile(); // { rowsA: 100000, reconcileMs: …, peakRssMB: … }
 */
export async function benchReconcile(): Promise<Record<string, number>> {
  const run = spawnSync(process.execPath, ["--expose-gc", "-r", "ts-node/register/transpile-only", "bench/reconcile.ts", "100000"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 << 20,
  });
  if (run.status !== 0) throw new Error(`bench/reconcile.ts failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as Record<string, number>;
}

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(reconcileCase(Number(process.argv[2] ?? "100000")))}\n`);
}
