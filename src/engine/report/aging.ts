/**
 * The aging report as host-neutral sheets: Aging Summary, Aging Detail, Exceptions (and,
 * on request, Aging by Rep). Writers render these models; every number is computed here.
 *
 * Money is summed in integer minor units and divided only when a cell is written, so each
 * totals row equals the sum of the data rows above it to the cent.
 */
import type { ChartModel, FormatRange, Lang, SheetColumn, SheetKind, SheetModel, SheetValue } from "../types";
import { NO_DATE } from "../types";
import type { AgingReport } from "../aging";
import { currencyDecimals } from "../currency";
import { fromMinor } from "../money";
import { isoFromSerial } from "../dates";
import { t } from "../../i18n";

/** Options of {@link agingSheets}. */
export interface AgingSheetOptions {
  /** Add the "aging-by-rep" summary sheet (default false). */
  byRep?: boolean;
}

/**
 * Number formats of the aging sheets (money formats come from {@link moneyFormat}).
 *
 * @example
 * sheet.columns[4].numberFormat === DATE_FORMAT // an invoice-date column
 */
export const DATE_FORMAT = "yyyy-mm-dd";
/** Share-of-total rows. @example PERCENT_FORMAT // "0.0%" */
export const PERCENT_FORMAT = "0.0%";
/** Days overdue, sheet rows. @example INTEGER_FORMAT // "0" */
export const INTEGER_FORMAT = "0";
const TEXT_FORMAT = "General";

/**
 * Number format for money with a currency's minor-unit digits.
 *
 * @example
 * moneyFormat(2) // "#,##0.00;-#,##0.00"
 * moneyFormat(0) // "#,##0"
 * moneyFormat(3) // "#,##0.000;-#,##0.000"
 */
export function moneyFormat(decimals: number): string {
  if (decimals <= 0) return "#,##0";
  const body = `#,##0.${"0".repeat(decimals)}`;
  return `${body};-${body}`;
}

/**
 * The aging report's sheets in the report's order: Summary, Detail, (By Rep), Exceptions.
 *
 * @example
 * const [summary, detail, exceptions] = agingSheets(ageBook(book, options), "en-US");
 * summary.name // "AR Aging 2026-10" for an as-of date in October 2026
 */
export function agingSheets(report: AgingReport, lang: Lang, options: AgingSheetOptions = {}): SheetModel[] {
  const sheets = [summarySheet(report, lang), detailSheet(report, lang)];
  if (options.byRep) sheets.push(byRepSheet(report, lang));
  sheets.push(exceptionsSheet(report, lang));
  return sheets;
}

/**
 * The period a report belongs to, "YYYY-MM" of its as-of date. Sheet names carry it so each
 * month-end keeps its own aging, and a re-run for the same month replaces its own sheets.
 *
 * @example
 * reportPeriod(serialFromIso("2026-10-31")!) // "2026-10"
 */
export function reportPeriod(asOf: number): string {
  return isoFromSerial(asOf).slice(0, 7);
}

// ---------------------------------------------------------------------------------------------
// Shared layout
// ---------------------------------------------------------------------------------------------

interface ColumnSpec {
  header: string;
  kind: "text" | "money" | "date" | "integer" | "percent";
  /** Minimum width; text columns grow with their content. */
  width: number;
}

/** Money format for a sheet: the currency's digits when it has one currency, else 2. */
function sheetMoneyFormat(currencies: readonly string[]): string {
  return moneyFormat(currencies.length === 1 ? currencyDecimals(currencies[0]!) : 2);
}

function columnOf(spec: ColumnSpec, money: string): SheetColumn {
  const numberFormat =
    spec.kind === "money" ? money : spec.kind === "date" ? DATE_FORMAT : spec.kind === "integer" ? INTEGER_FORMAT : spec.kind === "percent" ? PERCENT_FORMAT : TEXT_FORMAT;
  return { width: spec.width, numberFormat, isText: spec.kind === "text" };
}

/** Title block: title, as-of line, an optional basis line, then one blank row. */
function titleRows(report: AgingReport, lang: Lang, titleId: string, width: number, withBasis: boolean): SheetValue[][] {
  const rows: SheetValue[][] = [[t(lang, titleId)], [t(lang, "report.as-of", { date: isoFromSerial(report.asOf) })]];
  if (withBasis) rows.push([t(lang, report.basis === "due" ? "report.basis.due" : "report.basis.invoice")]);
  rows.push([]);
  return rows.map((row) => pad(row, width));
}

function pad(row: SheetValue[], width: number): SheetValue[] {
  while (row.length < width) row.push(null);
  return row;
}

/** Widens text columns to their longest value (sampled), within Excel-friendly limits. */
function fitTextWidths(columns: SheetColumn[], cells: SheetValue[][], from: number): void {
  const last = Math.min(cells.length, from + 2000);
  columns.forEach((column, c) => {
    if (!column.isText) return;
    let longest = column.width;
    for (let r = from; r < last; r++) {
      const value = cells[r]?.[c];
      if (typeof value === "string") longest = Math.max(longest, displayWidth(value) + 2);
    }
    column.width = Math.min(60, longest);
  });
}

/** Excel width units: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}

/** Standard formats: bold title (larger), bold header, bold totals with a top border. */
function baseFormats(width: number, headerRow: number, dataEnd: number, totalsEnd: number): FormatRange[] {
  const formats: FormatRange[] = [
    { range: { row: 0, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 14 },
    { range: { row: headerRow, col: 0, rowCount: 1, colCount: width }, bold: true },
  ];
  if (totalsEnd > dataEnd) formats.push({ range: { row: dataEnd, col: 0, rowCount: totalsEnd - dataEnd, colCount: width }, bold: true, borderTop: true });
  return formats;
}

/**
 * In a multi-currency sheet, rows of a currency whose digits are not 2 (JPY, BHD) get their own
 * money format, one range per run of rows and money column.
 */
function currencyRowFormats(rowCurrencies: readonly string[], firstRow: number, moneyColumns: readonly number[], currencies: readonly string[]): FormatRange[] {
  if (currencies.length <= 1) return [];
  const formats: FormatRange[] = [];
  let start = 0;
  for (let k = 1; k <= rowCurrencies.length; k++) {
    if (k < rowCurrencies.length && rowCurrencies[k] === rowCurrencies[start]) continue;
    const decimals = currencyDecimals(rowCurrencies[start] ?? "");
    if (decimals !== 2) {
      for (const col of moneyColumns) formats.push({ range: { row: firstRow + start, col, rowCount: k - start, colCount: 1 }, numberFormat: moneyFormat(decimals) });
    }
    start = k;
  }
  return formats;
}

function model(
  kind: SheetKind,
  name: string,
  cells: SheetValue[][],
  headerRow: number,
  dataEnd: number,
  totalsEnd: number,
  columns: SheetColumn[],
  formats: FormatRange[],
  extra: { charts?: ChartModel[]; filter?: boolean; freezeCols?: number } = {},
): SheetModel {
  return {
    kind,
    name: safeSheetName(name),
    cells,
    headerRow,
    dataStart: headerRow + 1,
    dataEnd,
    totalsEnd,
    columns,
    // Column formats cover the data block only (see SheetColumn), so the totals rows get the
    // same formats here, first, so that per-currency overrides that follow win.
    formats: [...totalsColumnFormats(columns, dataEnd, totalsEnd), ...formats],
    highlights: [],
    charts: extra.charts ?? [],
    freeze: { rows: headerRow + 1, cols: extra.freezeCols ?? 0 },
    filter: extra.filter ?? false,
  };
}

/**
 * The number formats of the columns applied to the totals rows, one range per run of adjacent
 * columns sharing a format (text columns skipped).
 *
 * @example
 * totalsColumnFormats([{ width: 10, numberFormat: "@", isText: true }, money, money], 5, 6)
 * // [{ range: { row: 5, col: 1, rowCount: 1, colCount: 2 }, numberFormat: "#,##0.00;-#,##0.00" }]
 */
export function totalsColumnFormats(columns: readonly SheetColumn[], dataEnd: number, totalsEnd: number): FormatRange[] {
  const formats: FormatRange[] = [];
  if (totalsEnd <= dataEnd) return formats;
  let start = 0;
  for (let col = 1; col <= columns.length; col++) {
    const first = columns[start]!;
    if (col < columns.length && columns[col]!.numberFormat === first.numberFormat) continue;
    if (!first.isText && first.numberFormat !== TEXT_FORMAT) {
      formats.push({ range: { row: dataEnd, col: start, rowCount: totalsEnd - dataEnd, colCount: col - start }, numberFormat: first.numberFormat });
    }
    start = col;
  }
  return formats;
}

/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\ . */
function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
}

const major = (minor: number, currency: string): number => fromMinor(minor, currencyDecimals(currency));

// ---------------------------------------------------------------------------------------------
// Aging Summary
// ---------------------------------------------------------------------------------------------

function summarySheet(report: AgingReport, lang: Lang): SheetModel {
  const buckets = report.buckets;
  const specs: ColumnSpec[] = [
    { header: t(lang, "report.column.customer"), kind: "text", width: 24 },
    { header: t(lang, "report.column.currency"), kind: "text", width: 9 },
    { header: t(lang, "report.column.sales-rep"), kind: "text", width: 14 },
    { header: t(lang, "report.column.credit-limit"), kind: "money", width: 14 },
    ...buckets.map((b): ColumnSpec => ({ header: b.label, kind: "money", width: 14 })),
    { header: t(lang, "report.column.open"), kind: "money", width: 15 },
    { header: t(lang, "report.column.unapplied"), kind: "money", width: 17 },
    { header: t(lang, "report.column.net"), kind: "money", width: 15 },
  ];
  const width = specs.length;
  const firstBucket = 4;
  const openCol = firstBucket + buckets.length;
  const currencies = report.totals.map((x) => x.currency);
  const money = sheetMoneyFormat(currencies);

  const cells = titleRows(report, lang, "report.title.summary", width, true);
  const headerRow = cells.length;
  cells.push(specs.map((s) => s.header));
  for (const a of report.accounts) {
    const m = (v: number): number => major(v, a.currency);
    cells.push([a.customer, a.currency, a.salesRep, a.creditLimit === null ? null : m(a.creditLimit), ...a.buckets.map(m), m(a.open), m(a.unapplied), m(a.net)]);
  }
  const dataEnd = cells.length;
  for (const total of report.totals) {
    const m = (v: number): number => major(v, total.currency);
    cells.push([t(lang, "report.total"), total.currency, null, null, ...total.buckets.map(m), m(total.open), m(total.unapplied), m(total.net)]);
  }
  const totalsEnd = cells.length;
  for (const total of report.totals) {
    cells.push(pad([t(lang, "report.share"), total.currency, null, null, ...total.buckets.map((v) => (total.open === 0 ? 0 : v / total.open))], width));
  }
  const shareEnd = cells.length;

  // Chart data: one series per currency over the buckets, under the bucket columns.
  const charts: ChartModel[] = [];
  const formats = baseFormats(width, headerRow, dataEnd, totalsEnd);
  if (report.totals.length > 0) {
    cells.push(pad([], width));
    const blockRow = cells.length;
    cells.push(pad([null, null, null, t(lang, "report.column.currency"), ...buckets.map((b) => b.label)], width));
    for (const total of report.totals) cells.push(pad([null, null, null, total.currency, ...total.buckets.map((v) => major(v, total.currency))], width));
    formats.push({ range: { row: blockRow, col: firstBucket - 1, rowCount: 1, colCount: buckets.length + 1 }, bold: true });
    formats.push({ range: { row: blockRow + 1, col: firstBucket, rowCount: report.totals.length, colCount: buckets.length }, numberFormat: money });
    charts.push({
      type: "columnClustered",
      title: t(lang, "report.chart.by-bucket"),
      source: { row: blockRow, col: firstBucket - 1, rowCount: report.totals.length + 1, colCount: buckets.length + 1 },
      seriesBy: "rows",
      anchor: { row: cells.length + 1, col: 0 },
    });
    formats.push(...currencyRowFormats(currencies, blockRow + 1, buckets.map((_, b) => firstBucket + b), currencies));
  }
  if (shareEnd > totalsEnd) {
    formats.push({ range: { row: totalsEnd, col: firstBucket, rowCount: shareEnd - totalsEnd, colCount: buckets.length }, numberFormat: PERCENT_FORMAT, italic: true });
  }
  const moneyColumns = [3, ...buckets.map((_, b) => firstBucket + b), openCol, openCol + 1, openCol + 2];
  const accountCurrencies = report.accounts.map((a) => a.currency);
  formats.push(...currencyRowFormats(accountCurrencies, headerRow + 1, moneyColumns, currencies));
  formats.push(...currencyRowFormats(currencies, dataEnd, moneyColumns, currencies));

  const columns = specs.map((s) => columnOf(s, money));
  fitTextWidths(columns, cells, headerRow);
  return model("aging-summary", t(lang, "report.sheet.summary", { period: reportPeriod(report.asOf) }), cells, headerRow, dataEnd, totalsEnd, columns, formats, { charts, freezeCols: 1 });
}

// ---------------------------------------------------------------------------------------------
// Aging Detail
// ---------------------------------------------------------------------------------------------

function detailSheet(report: AgingReport, lang: Lang): SheetModel {
  const { book, allocation, items } = report;
  const inv = book.invoices;
  const specs: ColumnSpec[] = [
    { header: t(lang, "report.column.invoice"), kind: "text", width: 14 },
    { header: t(lang, "report.column.customer"), kind: "text", width: 24 },
    { header: t(lang, "report.column.currency"), kind: "text", width: 9 },
    { header: t(lang, "report.column.sales-rep"), kind: "text", width: 14 },
    { header: t(lang, "report.column.invoice-date"), kind: "date", width: 12 },
    { header: t(lang, "report.column.due-date"), kind: "date", width: 12 },
    { header: t(lang, "report.column.amount"), kind: "money", width: 15 },
    { header: t(lang, "report.column.applied"), kind: "money", width: 15 },
    { header: t(lang, "report.column.open"), kind: "money", width: 15 },
    { header: t(lang, "report.column.days-overdue"), kind: "integer", width: 12 },
    { header: t(lang, "report.column.bucket"), kind: "text", width: 10 },
  ];
  const width = specs.length;
  const currencies = report.totals.map((x) => x.currency);
  const money = sheetMoneyFormat(currencies);
  const cells = titleRows(report, lang, "report.title.detail", width, true);
  const headerRow = cells.length;
  cells.push(specs.map((s) => s.header));

  const totals = new Map<string, { amount: number; applied: number; open: number }>();
  const rowCurrencies: string[] = new Array<string>(items.length);
  const date = (serial: number): number | null => (serial === NO_DATE ? null : serial);
  for (let k = 0; k < items.length; k++) {
    const i = items.invoice[k]!;
    const currency = book.currencies[inv.currency[i]!] ?? "";
    const rep = inv.salesRep[i]!;
    const amount = inv.amount[i]!;
    const applied = allocation.applied[i]!;
    const open = allocation.open[i]!;
    cells.push([
      inv.number[i]!,
      book.customers.name[inv.customer[i]!] ?? "",
      currency,
      rep >= 0 ? (book.salesReps[rep] ?? null) : null,
      date(inv.invoiceDate[i]!),
      date(inv.dueDate[i]!),
      major(amount, currency),
      major(applied, currency),
      major(open, currency),
      items.daysOverdue[k]!,
      report.buckets[items.bucket[k]!]?.label ?? "",
    ]);
    rowCurrencies[k] = currency;
    const total = totals.get(currency) ?? { amount: 0, applied: 0, open: 0 };
    total.amount += amount;
    total.applied += applied;
    total.open += open;
    totals.set(currency, total);
  }
  const dataEnd = cells.length;
  const totalCurrencies = [...totals.keys()].sort();
  for (const currency of totalCurrencies) {
    const total = totals.get(currency)!;
    cells.push([t(lang, "report.total"), null, currency, null, null, null, major(total.amount, currency), major(total.applied, currency), major(total.open, currency), null, null]);
  }
  const totalsEnd = cells.length;
  const formats = baseFormats(width, headerRow, dataEnd, totalsEnd);
  formats.push(...currencyRowFormats(rowCurrencies, headerRow + 1, [6, 7, 8], currencies));
  formats.push(...currencyRowFormats(totalCurrencies, dataEnd, [6, 7, 8], currencies));
  const columns = specs.map((s) => columnOf(s, money));
  fitTextWidths(columns, cells, headerRow);
  return model("aging-detail", t(lang, "report.sheet.detail", { period: reportPeriod(report.asOf) }), cells, headerRow, dataEnd, totalsEnd, columns, formats, { filter: true, freezeCols: 1 });
}

// ---------------------------------------------------------------------------------------------
// Aging by Rep
// ---------------------------------------------------------------------------------------------

function byRepSheet(report: AgingReport, lang: Lang): SheetModel {
  const buckets = report.buckets;
  const specs: ColumnSpec[] = [
    { header: t(lang, "report.column.sales-rep"), kind: "text", width: 16 },
    { header: t(lang, "report.column.currency"), kind: "text", width: 9 },
    ...buckets.map((b): ColumnSpec => ({ header: b.label, kind: "money", width: 14 })),
    { header: t(lang, "report.column.open"), kind: "money", width: 15 },
  ];
  const width = specs.length;
  const currencies = report.totals.map((x) => x.currency);
  const cells = titleRows(report, lang, "report.title.by-rep", width, true);
  const headerRow = cells.length;
  cells.push(specs.map((s) => s.header));
  const rowCurrencies: string[] = [];
  for (const rep of report.reps) {
    const m = (v: number): number => major(v, rep.currency);
    cells.push([rep.salesRep ?? t(lang, "report.no-rep"), rep.currency, ...rep.buckets.map(m), m(rep.open)]);
    rowCurrencies.push(rep.currency);
  }
  const dataEnd = cells.length;
  for (const total of report.totals) {
    const m = (v: number): number => major(v, total.currency);
    cells.push([t(lang, "report.total"), total.currency, ...total.buckets.map(m), m(total.open)]);
  }
  const totalsEnd = cells.length;
  const moneyColumns = [...buckets.map((_, b) => 2 + b), 2 + buckets.length];
  const formats = baseFormats(width, headerRow, dataEnd, totalsEnd);
  formats.push(...currencyRowFormats(rowCurrencies, headerRow + 1, moneyColumns, currencies));
  formats.push(...currencyRowFormats(currencies, dataEnd, moneyColumns, currencies));
  const columns = specs.map((s) => columnOf(s, sheetMoneyFormat(currencies)));
  fitTextWidths(columns, cells, headerRow);
  return model("aging-by-rep", t(lang, "report.sheet.by-rep", { period: reportPeriod(report.asOf) }), cells, headerRow, dataEnd, totalsEnd, columns, formats, { freezeCols: 1 });
}

// ---------------------------------------------------------------------------------------------
// Exceptions
// ---------------------------------------------------------------------------------------------

function exceptionsSheet(report: AgingReport, lang: Lang): SheetModel {
  const specs: ColumnSpec[] = [
    { header: t(lang, "report.column.severity"), kind: "text", width: 10 },
    { header: t(lang, "report.column.sheet"), kind: "text", width: 14 },
    { header: t(lang, "report.column.row"), kind: "integer", width: 8 },
    { header: t(lang, "report.column.column"), kind: "text", width: 14 },
    { header: t(lang, "report.column.value"), kind: "text", width: 16 },
    { header: t(lang, "report.column.code"), kind: "text", width: 18 },
    { header: t(lang, "report.column.message"), kind: "text", width: 60 },
  ];
  const width = specs.length;
  const cells = titleRows(report, lang, "report.title.exceptions", width, false);
  const headerRow = cells.length;
  cells.push(specs.map((s) => s.header));
  for (const issue of report.issues) {
    cells.push([t(lang, `report.severity.${issue.severity}`), issue.sheet, issue.row, issue.column, issue.value, issue.code, issue.message]);
  }
  for (const row of report.excluded) {
    const kind = t(lang, `report.kind.${row.kind}`);
    cells.push([t(lang, "report.severity.excluded"), row.sheet, row.row, null, row.id, `excluded.${row.reason}`, t(lang, `report.excluded.${row.reason}`, { kind, id: row.id })]);
  }
  const dataEnd = cells.length;
  const formats = baseFormats(width, headerRow, dataEnd, dataEnd);
  const columns = specs.map((s) => columnOf(s, moneyFormat(2)));
  fitTextWidths(columns, cells, headerRow);
  const message = columns[6]!;
  message.width = Math.min(message.width, 100);
  return model("exceptions", t(lang, "report.sheet.exceptions", { period: reportPeriod(report.asOf) }), cells, headerRow, dataEnd, dataEnd, columns, formats, { filter: true });
}

/**
 * Layout helpers shared with the other report builders (credit, …), so every AR Desk sheet has
 * the same title block, column formats, widths and totals styling.
 *
 * @example
 * const columns = specs.map((s) => columnOf(s, moneyFormat(2)));
 * fitTextWidths(columns, cells, headerRow);
 */
export { columnOf, pad, fitTextWidths, baseFormats, currencyRowFormats, sheetMoneyFormat, model as sheetModel, type ColumnSpec };
