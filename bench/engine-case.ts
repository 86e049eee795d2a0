/**
 * One engine benchmark case, run in its own process so its peak memory is its own:
 *   node --expose-gc -r ts-node/register/transpile-only bench/engine-case.ts 1000000 [--plain-columns]
 * Prints one JSON line: timings per phase (ms), the garbage-collection pauses inside them (ms),
 * rows/s and memory (MB). `--plain-columns` withholds SharedArrayBuffer, as a browser page that
 * is not cross-origin isolated does, so the columns are on plain ArrayBuffers (src/engine/columns.ts
 * says why that costs a full collection on a large book).
 */
import { generateSampleBook } from "../src/engine/sample";
import { readBook } from "../src/engine/read";
import { DEFAULT_BOUNDARIES, ageBook } from "../src/engine/aging";
import { agingSheets } from "../src/engine/report/aging";
import { serialFromIso } from "../src/engine/dates";
import { PerformanceObserver, constants, type PerformanceEntry } from "node:perf_hooks";

const invoices = Number(process.argv[2] ?? "10000");
const plainColumns = process.argv.includes("--plain-columns");
// Column storage looks SharedArrayBuffer up on every allocation, so withholding it here is enough.
if (plainColumns) delete (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer;
const asOf = serialFromIso("2026-10-31")!;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number): number => Math.round(bytes / 1048576);

// The tables as the .xlsx reader and the Office.js reader hand them over: with their cell types
// (`errorCells`, none here). Tables without them (CSV) are searched by text for error values in
// the columns the row loops do not read, which the `--csv-cells` flag measures.
const csvCells = process.argv.includes("--csv-cells");
const tables = generateSampleBook({ invoices, seed: 42, asOf, messy: false }).map((table) =>
  csvCells ? table : { ...table, errorCells: new Set<number>() },
);
const sourceRows = tables.reduce((n, t) => n + t.rows.length, 0);
gc();
const inputRss = process.memoryUsage().rss;

// Garbage-collection pauses inside the timed phases, so the figures show how much of the time
// is the engine's own work: a major collection has to mark the caller's input rows too.
const pauses: PerformanceEntry[] = [];
const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
observer.observe({ entryTypes: ["gc"] });

let t0 = performance.now();
const agedFrom = t0;
const book = readBook(tables, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
const readMs = performance.now() - t0;

t0 = performance.now();
const report = ageBook(book, { asOf, basis: "due", boundaries: [...DEFAULT_BOUNDARIES], autoApply: true, lang: "en-US" });
const computeMs = performance.now() - t0;
const agedTo = performance.now();

t0 = performance.now();
const sheets = agingSheets(report, "en-US");
const reportMs = performance.now() - t0;

const peakRss = process.resourceUsage().maxRSS * 1024;
// GC entries reach the observer on a later turn of the event loop: print once they have.
setImmediate(() => {
  pauses.push(...observer.takeRecords());
  observer.disconnect();
  const inAging = pauses.filter((p) => p.startTime >= agedFrom && p.startTime < agedTo);
  const isMajor = (p: PerformanceEntry): boolean =>
    (p as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
  const pauseMs = (entries: PerformanceEntry[]): number => Math.round(entries.reduce((sum, p) => sum + p.duration, 0));
  const result = {
    invoices,
    columns: plainColumns ? "plain" : "shared",
    cellTypes: csvCells ? "text (csv)" : "adapter",
    payments: book.payments?.length ?? 0,
    sourceRows,
    readMs: Math.round(readMs),
    computeMs: Math.round(computeMs),
    agedMs: Math.round(readMs + computeMs),
    reportMs: Math.round(reportMs),
    gcPauseMs: pauseMs(inAging),
    majorGcPauseMs: pauseMs(inAging.filter(isMajor)),
    rowsPerSecond: Math.round(sourceRows / ((readMs + computeMs) / 1000)),
    detailRows: sheets.find((s) => s.kind === "aging-detail")?.cells.length ?? 0,
    inputMB: mb(inputRss),
    peakMB: mb(peakRss),
  };
  process.stdout.write(JSON.stringify(result) + "\n");
});
