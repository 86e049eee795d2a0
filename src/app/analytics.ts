/**
 * Analytics use cases: the roll-forward, the KPIs with the rep scorecard, and the expected credit
 * loss — each from a Book (for the CLI, which reads files itself) and over the WorkbookPort (for
 * the task pane and the ribbon): read the tables, compute with the engine, write the sheets.
 */
import type { AgingBasis, Book, DateOrder, Lang, RowIssue, SheetModel, TableData, TableMapping } from "../engine/types";
import type { Bucket } from "../engine/aging";
import { readBook } from "../engine/read";
import { t } from "../i18n";
import { buildHistory, currencyTotals, historyRows, type HistoryGrouping, type HistoryRow } from "../engine/analytics/history";
import { kpiOf, kpiRows, type KpiRow } from "../engine/analytics/kpi";
import { repScorecard, rollRates, type RepScore, type RollRate } from "../engine/analytics/scorecard";
import { expectedCreditLoss, lossRatesFromTable, parsePreviousProvision, type ProvisionResult } from "../engine/analytics/provision";
import { Converter, convertRollForward, ratesFromTables, type ConvertedMonth, type FxRate } from "../engine/analytics/fx";
import {
  toKpiJson,
  toProvisionJson,
  toRollForwardJson,
  type KpiJson,
  type ProvisionJson,
  type RollForwardJson,
} from "../engine/analytics/json";
import { provisionSheet, repScorecardSheet, rollForwardSheet } from "../engine/analytics/sheets";
import { monthDays, monthKey, monthOfSerial } from "../engine/analytics/months";
import type { PortTables, WorkbookPort } from "./port";
import { bookIssue } from "../engine/issues";

/** What the analytics use cases need of a workbook: its tables, and writing owned sheets. */
export interface AnalyticsPort {
  readTables(): Promise<Pick<PortTables, "tables" | "dateSystem">>;
  writeSheets: WorkbookPort["writeSheets"];
}

/** How balances are aged in every analytics figure. */
export interface AnalyticsShape {
  basis: AgingBasis;
  boundaries: number[];
  autoApply: boolean;
  lang: Lang;
}

/** Converted totals beside the document-currency figures. */
export interface ReportCurrency {
  currency: string;
  rates: FxRate[];
}

export interface RollForwardRequest extends AnalyticsShape {
  /** Month indices (see parseMonth). */
  from: number;
  to: number;
  by: HistoryGrouping;
  reportCurrency?: ReportCurrency;
}

export interface RollForwardOutcome {
  rows: HistoryRow[];
  rollRates: RollRate[];
  buckets: Bucket[];
  converted?: ConvertedMonth[];
  issues: RowIssue[];
  json: RollForwardJson;
  sheet: SheetModel;
}

/**
 * The roll-forward of months from..to (per currency, or per customer or rep within it).
 *
 * @example
 * rollForward(book, { from, to, by: "currency", basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" }).json.months
 */
export function rollForward(book: Book, request: RollForwardRequest): RollForwardOutcome {
  const history = buildHistory(book, { ...request, groupBy: request.by });
  const rows = historyRows(history);
  const rates = rollRates(history, rows);
  const issues = [...book.issues, ...history.issues];
  let converted: ConvertedMonth[] | undefined;
  if (request.reportCurrency) {
    const converter = new Converter(request.reportCurrency.currency, request.reportCurrency.rates, request.lang);
    // Converted totals add currencies up, so they come from the currency totals whatever the grouping.
    const totals = request.by === "currency" ? rows : historyRows(currencyTotals(history, book.currencies));
    converted = convertRollForward(totals, converter);
    issues.push(...converter.issues);
  }
  const json = toRollForwardJson(rows, rates, history.buckets, request.by, issues, converted);
  const sheet = rollForwardSheet(
    { rows, rollRates: rates, buckets: history.buckets, groupBy: request.by, from: request.from, to: request.to, converted },
    request.lang,
  );
  return { rows, rollRates: rates, buckets: history.buckets, converted, issues, json, sheet };
}

export interface KpiRequest extends AnalyticsShape {
  from: number;
  to: number;
  /** Months in the DSO window (default 3). */
  window: number;
  /** Rows of the written roll-forward: per currency (default), or per customer or rep within it. */
  by?: HistoryGrouping;
  reportCurrency?: ReportCurrency;
}

export interface KpiOutcome {
  rows: HistoryRow[];
  kpis: KpiRow[];
  scores: RepScore[];
  converted?: KpiRow[];
  issues: RowIssue[];
  json: KpiJson;
  /** "AR Roll-forward" with the KPIs and its chart, then "AR Rep Scorecard" of the last month. */
  sheets: SheetModel[];
}

/**
 * KPIs per month and currency, and the rep scorecard.
 *
 * @example
 * kpis(book, { from, to, window: 3, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "zh-CN" }).json.reps[0].rank // 1
 */
export function kpis(book: Book, request: KpiRequest): KpiOutcome {
  // One sweep grouped by rep serves both: the currency totals are its sums (count-back DSO
  // needs the whole ledger, which the scorecard reads no differently).
  const repHistory = buildHistory(book, { ...request, groupBy: "rep" });
  const history = currencyTotals(repHistory, book.currencies);
  const rows = historyRows(history);
  const kpiList = kpiRows(history, request.window, rows);
  const scores = repScorecard(repHistory, request.window);
  const issues = [...book.issues, ...history.issues];
  for (const k of kpiList) {
    if (!k.countBackExhausted) continue;
    issues.push(
      bookIssue(request.lang, "warning", "analytics.kpi.count-back-exhausted", {
        currency: k.currency,
        month: monthKey(k.month),
        first: monthKey(history.firstMonth ?? k.month),
      }),
    );
  }
  let converted: KpiRow[] | undefined;
  let convertedMonths: ConvertedMonth[] | undefined;
  if (request.reportCurrency) {
    const converter = new Converter(request.reportCurrency.currency, request.reportCurrency.rates, request.lang);
    ({ kpis: converted, months: convertedMonths } = convertedKpis(book, request, converter));
    issues.push(...converter.issues);
  }
  const json = toKpiJson(kpiList, scores, issues, converted);
  // The sheet's rows follow the chosen grouping; the KPIs, the chart and the converted totals
  // stay per currency (the grouped history is the same sweep seen per customer or rep).
  const by = request.by ?? "currency";
  const grouped = by === "currency" ? history : by === "rep" ? repHistory : buildHistory(book, { ...request, groupBy: "customer" });
  const groupedRows = by === "currency" ? rows : historyRows(grouped);
  const sheets = [
    rollForwardSheet(
      {
        rows: groupedRows,
        rollRates: rollRates(grouped, groupedRows),
        buckets: history.buckets,
        groupBy: by,
        from: request.from,
        to: request.to,
        kpis: kpiList,
        totals: rows,
        converted: convertedMonths,
        convertedKpis: converted,
      },
      request.lang,
    ),
    repScorecardSheet(scores, request.to, request.lang),
  ];
  return { rows, kpis: kpiList, scores, converted, issues, json, sheets };
}

/**
 * KPIs of the converted totals: each month's figures at its month-end rates, the window's sales
 * each at its own month's rates. Months whose window lacks a rate are left out. Count-back DSO
 * is not computed on converted figures (null).
 */
function convertedKpis(book: Book, request: KpiRequest, converter: Converter): { kpis: KpiRow[]; months: ConvertedMonth[] } {
  const start = request.from - request.window + 1;
  const history = buildHistory(book, { ...request, from: start, groupBy: "currency" });
  const all = convertRollForward(historyRows(history), converter);
  const months = new Map(all.map((c) => [c.month, c]));
  const out: KpiRow[] = [];
  for (let m = request.from; m <= request.to; m++) {
    const c = months.get(m);
    if (!c) continue;
    let windowSales = 0;
    let windowDays = 0;
    let complete = true;
    for (let k = m - request.window + 1; k <= m; k++) {
      const month = months.get(k);
      if (!month) complete = false;
      else windowSales += month.invoiced - month.credits;
      windowDays += monthDays(k);
    }
    if (!complete) continue;
    const figures = {
      opening: c.opening,
      sales: c.invoiced - c.credits,
      closing: c.closing,
      current: c.current,
      overdue: c.overdue,
      cash: c.cash,
    };
    out.push({
      month: m,
      currency: c.currency,
      key: null,
      ...kpiOf(figures, windowSales, windowDays),
      dsoCountBack: null,
      countBackExhausted: false,
    });
  }
  return { kpis: out, months: all.filter((c) => c.month >= request.from && c.month <= request.to) };
}

export interface ProvisionRequest extends AnalyticsShape {
  asOf: number;
  /** Percent per bucket; null derives them by the roll-rate method. */
  rates: number[] | null;
  history: number;
  lastShare: number;
  adjust: number;
  previous?: Record<string, number>;
  reportCurrency?: ReportCurrency;
}

export interface ProvisionOutcome {
  result: ProvisionResult;
  converted?: { currency: string; amount: number; provision: number };
  issues: RowIssue[];
  json: ProvisionJson;
  sheet: SheetModel;
}

/**
 * The expected credit loss at the as-of date.
 *
 * @example
 * provision(book, { asOf, rates: [0, 1.5, 3.4, 7.1, 10.8], history: 12, lastShare: 100, adjust: 0, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" }).json.totals
 */
export function provision(book: Book, request: ProvisionRequest): ProvisionOutcome {
  const result = expectedCreditLoss(book, request);
  const issues = [...result.issues];
  let converted: ProvisionOutcome["converted"];
  if (request.reportCurrency) {
    const converter = new Converter(request.reportCurrency.currency, request.reportCurrency.rates, request.lang);
    let amount = 0;
    let total = 0;
    let complete = true;
    for (const x of result.totals) {
      const a = converter.convert(x.amount, x.currency, request.asOf);
      const p = converter.convert(x.provision, x.currency, request.asOf);
      if (a === null || p === null) complete = false;
      else {
        amount += a;
        total += p;
      }
    }
    if (complete) converted = { currency: request.reportCurrency.currency, amount, provision: total };
    issues.push(...converter.issues);
  }
  result.issues = issues;
  return { result, converted, issues, json: toProvisionJson(result, converted), sheet: provisionSheet(result, request.lang, converted) };
}

// ---------------------------------------------------------------------------------------------
// Over the workbook port
// ---------------------------------------------------------------------------------------------

/** How the workbook's tables are read (as the aging reads them). */
export interface ReadSettings {
  lang: Lang;
  dateOrder: DateOrder | null;
  defaultCurrency: string;
  mapping?: TableMapping;
}

/** A use case's answer when the workbook has no invoice table. */
export interface NoInvoiceTable {
  ok: false;
  message: string;
}

/** The workbook's book and, when asked, its exchange-rate table. */
async function readWorkbook(
  port: AnalyticsPort,
  settings: ReadSettings,
  ratesTable?: string,
  lossRatesTable?: string,
): Promise<{ ok: true; book: Book; rates: FxRate[]; rateIssues: RowIssue[]; lossTable: TableData | null } | NoInvoiceTable> {
  const { tables, dateSystem } = await port.readTables();
  let rates: FxRate[] = [];
  let rateIssues: RowIssue[] = [];
  let bookTables: TableData[] = tables;
  // A loss-rates table is a side table, never a source of the book.
  const lossTable = lossRatesTable ? (tables.find((x) => x.name === lossRatesTable || x.sheet === lossRatesTable) ?? null) : null;
  if (lossTable) bookTables = bookTables.filter((x) => x !== lossTable);
  if (ratesTable) {
    const found = ratesFromTables(tables, ratesTable, settings.lang);
    ({ rates, issues: rateIssues } = found);
    bookTables = bookTables.filter((x) => x !== found.table);
  }
  const book = readBook(bookTables, {
    lang: settings.lang,
    dateOrder: settings.dateOrder,
    dateSystem,
    defaultCurrency: settings.defaultCurrency,
    mapping: settings.mapping,
  });
  if (!book.sources.invoices) return { ok: false, message: t(settings.lang, "analytics.no-invoices") };
  return { ok: true, book, rates, rateIssues, lossTable };
}

/** The Insights view's request: months, window, and optionally a reporting currency and its rates table. */
export interface InsightsRequest extends Omit<KpiRequest, "reportCurrency"> {
  reportCurrency?: { currency: string; ratesTable: string };
}

export interface InsightsOutcome {
  ok: true;
  kpis: KpiOutcome;
  /** The sheets written, in order. */
  written: string[];
}

/**
 * The Insights use case: reads the workbook, computes the roll-forward, KPIs and scorecard, and
 * writes "AR Roll-forward YYYY-MM" (with its chart) and "AR Rep Scorecard YYYY-MM".
 *
 * @example
 * const outcome = await runInsights(port, settings, { from, to, window: 3, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
 */
export async function runInsights(
  port: AnalyticsPort,
  settings: ReadSettings,
  request: InsightsRequest,
): Promise<InsightsOutcome | NoInvoiceTable> {
  const read = await readWorkbook(port, settings, request.reportCurrency?.ratesTable);
  if (!read.ok) return read;
  const reportCurrency = request.reportCurrency ? { currency: request.reportCurrency.currency, rates: read.rates } : undefined;
  const outcome = kpis(read.book, { ...request, reportCurrency });
  outcome.issues.push(...read.rateIssues);
  const result = await port.writeSheets(outcome.sheets, { period: monthKey(request.to) });
  return { ok: true, kpis: outcome, written: result.sheets };
}

/** The provision use case over the port; writes "AR Provision YYYY-MM". */
export async function runProvision(
  port: AnalyticsPort,
  settings: ReadSettings,
  request: Omit<ProvisionRequest, "reportCurrency" | "previous"> & {
    reportCurrency?: { currency: string; ratesTable: string };
    lossRatesTable?: string;
    /** Per currency in minor units, or as typed ("USD=5000, CNY=12000"; one amount for a one-currency book). */
    previous?: Record<string, number> | string;
  },
): Promise<{ ok: true; outcome: ProvisionOutcome; written: string[] } | NoInvoiceTable> {
  const read = await readWorkbook(port, settings, request.reportCurrency?.ratesTable, request.lossRatesTable);
  if (!read.ok) return read;
  let rates = request.rates;
  if (request.lossRatesTable) {
    // Loss rates kept in the workbook (e.g. the yearly bands of 账龄分析法): one per bucket.
    if (!read.lossTable)
      return { ok: false, message: t(settings.lang, "analytics.provision.no-rates-table", { table: request.lossRatesTable }) };
    const bucketCount = request.boundaries.length + (request.basis === "due" ? 2 : 1);
    const parsed = lossRatesFromTable(read.lossTable, bucketCount, settings.lang);
    if (!parsed.rates) return { ok: false, message: parsed.issues.map((i) => i.message).join(" ") };
    rates = parsed.rates;
  }
  const reportCurrency = request.reportCurrency ? { currency: request.reportCurrency.currency, rates: read.rates } : undefined;
  const previous = typeof request.previous === "string" ? parsePreviousProvision(request.previous, read.book.currencies) : request.previous;
  if (previous === null) return { ok: false, message: t(settings.lang, "analytics.pane.badPrevious") };
  const outcome = provision(read.book, { ...request, rates, reportCurrency, previous });
  outcome.issues.push(...read.rateIssues);
  const result = await port.writeSheets([outcome.sheet], { period: monthKey(monthOfSerial(request.asOf)) });
  return { ok: true, outcome, written: result.sheets };
}

/** The roll-forward use case over the port; writes "AR Roll-forward YYYY-MM". */
export async function runRollForward(
  port: AnalyticsPort,
  settings: ReadSettings,
  request: Omit<RollForwardRequest, "reportCurrency"> & { reportCurrency?: { currency: string; ratesTable: string } },
): Promise<{ ok: true; outcome: RollForwardOutcome; written: string[] } | NoInvoiceTable> {
  const read = await readWorkbook(port, settings, request.reportCurrency?.ratesTable);
  if (!read.ok) return read;
  const reportCurrency = request.reportCurrency ? { currency: request.reportCurrency.currency, rates: read.rates } : undefined;
  const outcome = rollForward(read.book, { ...request, reportCurrency });
  outcome.issues.push(...read.rateIssues);
  const result = await port.writeSheets([outcome.sheet], { period: monthKey(request.to) });
  return { ok: true, outcome, written: result.sheets };
}
