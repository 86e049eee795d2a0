/**
 * Custom function benchmarks for `npm run bench` (and on their own:
 * `node -r ts-node/register/transpile-only bench/functions.ts`):
 * - AR.AGEBUCKET over a 100,000-cell column in one call (target < 50 ms);
 * - AR.AGING over 1,000,000 rows in one call (target < 200 ms);
 * - 100,000 scalar AR.AGEBUCKET calls, one per cell, as a sheet filled down with a
 *   per-row formula would make — why one spilling formula per column is the way to use them.
 * Inputs are built as Excel passes them (2D arrays of numbers and text); each figure is the
 * median of several runs after a warm-up, in milliseconds. The calls go through the Excel
 * boundary (functions.ts) with a stand-in CustomFunctions global, so the result conversion is
 * measured too.
 */
import * as excel from "../src/functions/functions";
import { serialFromIso } from "../src/engine/dates";

const AS_OF = serialFromIso("2026-10-31")!;
const RUNS = 9;

/** A deterministic pseudo-random sequence (mulberry32). */
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function time(run: () => unknown): number {
  run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 10) / 10;
}

/** Due dates within a year before/after the as-of date, with a few blanks and ISO texts. */
function dueColumn(rows: number, seed: number): (number | string)[][] {
  const next = random(seed);
  return Array.from({ length: rows }, (_, i) => {
    if (i % 997 === 0) return [""];
    const serial = AS_OF - Math.floor(next() * 400) + 30;
    return [i % 101 === 0 ? `2026-0${1 + (i % 9)}-15` : serial];
  });
}

/** Open amounts, blank where the due date is blank (a blank row of the table). */
function amountColumn(dates: (number | string)[][], seed: number): (number | string)[][] {
  const next = random(seed);
  return dates.map(([date]) => [date === "" ? "" : Math.round(next() * 1_000_000) / 100]);
}

function installStandIns(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  class StandInError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  g.CustomFunctions = { Error: StandInError, ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!" } };
}

/** The benchmark figures (ms), by name. */
export function benchFunctions(): Record<string, number> {
  installStandIns();
  const asOf = [[AS_OF]];
  const column100k = dueColumn(100_000, 1);
  const dates1m = dueColumn(1_000_000, 2);
  const amounts1m = amountColumn(dates1m, 3);

  const bucketRange = time(() => excel.ageBucket(column100k, asOf));
  const aging1m = time(() => excel.aging(dates1m, amounts1m, asOf));
  const scalarCalls = time(() => {
    for (const row of column100k) excel.ageBucket([row], asOf);
  });
  return {
    "functions.agebucket.range100kMs": bucketRange,
    "functions.aging.rows1mMs": aging1m,
    "functions.agebucket.scalar100kCallsMs": scalarCalls,
  };
}

if (require.main === module) {
  const result = benchFunctions();
  for (const [name, value] of Object.entries(result)) console.log(`${name}\t${value}`);
}
