/**
 * The analytics benchmark (issue 18): 24 month-ends of history over a generated book, in its own
 * process so its peak memory is its own:
 *   node --expose-gc -r ts-node/register/transpile-only bench/analytics-case.ts 1000000
 * Prints one JSON line: reading the book, then the one-sweep history (24 month-ends, grouped by
 * rep, summed per currency), the KPIs and roll rates, and the scorecard from the same sweep (ms),
 * and memory (MB).
 */
import { generateSampleBook } from "../src/engine/sample";
import { readBook } from "../src/engine/read";
import { serialFromIso } from "../src/engine/dates";
import { buildHistory, currencyTotals, historyRows } from "../src/engine/analytics/history";
import { kpiRows } from "../src/engine/analytics/kpi";
import { rollRates, repScorecard } from "../src/engine/analytics/scorecard";
import { parseMonth } from "../src/engine/analytics/months";

const invoices = Number(process.argv[2] ?? "10000");
const asOf = serialFromIso("2026-10-31")!;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number): number => Math.round(bytes / 1048576);

const tables = generateSampleBook({ invoices, seed: 42, asOf, messy: false });
gc();
const inputRss = process.memoryUsage().rss;

let t0 = performance.now();
const book = readBook(tables, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
const readMs = performance.now() - t0;

const to = parseMonth("2026-10")!;
const from = to - 23;
const shape = { from, to, basis: "due" as const, boundaries: [30, 60, 90], autoApply: true, lang: "en-US" as const };

// One sweep grouped by rep; the currency history is its sums (as the KPI use case does).
t0 = performance.now();
const repHistory = buildHistory(book, { ...shape, groupBy: "rep" });
const history = currencyTotals(repHistory, book.currencies);
const rows = historyRows(history);
const historyMs = performance.now() - t0;

t0 = performance.now();
const kpis = kpiRows(history, 3, rows);
const rates = rollRates(history, rows);
const kpiMs = performance.now() - t0;

t0 = performance.now();
const scores = repScorecard(repHistory, 3);
const scorecardMs = performance.now() - t0;

const peakRss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({
    invoices: book.invoices.length,
    payments: book.payments?.length ?? 0,
    monthEnds: to - from + 1,
    readMs: Math.round(readMs),
    historyMs: Math.round(historyMs),
    kpiMs: Math.round(kpiMs),
    scorecardMs: Math.round(scorecardMs),
    analyticsMs: Math.round(historyMs + kpiMs + scorecardMs),
    rows: rows.length,
    kpiRows: kpis.length,
    rollRates: rates.length,
    repRows: scores.length,
    inputMB: mb(inputRss),
    peakMB: mb(peakRss),
  }) + "\n",
);
