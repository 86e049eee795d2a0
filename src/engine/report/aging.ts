/**
 * The aging report as host-neutral sheets: Aging Summary, Aging Detail, Exceptions (and,
 * on request, Aging by Rep). Writers render these models; every number is computed here.
 *
 * Money is summed in integer minor units and divided only when a cell is written, so each
 * totals row equals the sum of the data rows above it to the cent.
 */
import type { ChartModel, Lang, SheetModel, SheetValue } from "../types";
import { NO_DATE } from "../types";
import type { AgingReport } from "../aging";
import { currencyDecimals } from "../currency";
import { fromMinor } from "../money";
import { isoFromSerial } from "../dates";
import { t } from "../../i18n";
import { convertedAgingSection, type ConvertedAging } from "../analytics/agingFx";
import {
  baseFormats,
  chartColumns,
  columnOf,
  fitTextWidths,
  pad,
  pushSectionHeading,
  reportPeriod,
  tableSheetModel,
  type LaidOutTable,
  sheetMoneyFormat,
  moneyFormat,
  PERCENT_FORMAT,
  tableCurrencyFormats,
  type ColumnSpec,
} from "./sheet";

// The kit every report builder uses lives in ./sheet.ts; what callers always imported from here stays exported.
export { DATE_FORMAT, INTEGER_FORMAT, PERCENT_FORMAT, moneyFormat, reportPeriod, totalsColumnFormats } from "./sheet";

/** Options of {@link agingSheets}. */
export interface AgingSheetOptions {
  /** Add the "aging-by-rep" summary sheet (default false). */
  byRep?: boolean;
  /** The totals in a reporting currency: a section of its own below the summary's totals. */
  converted?: ConvertedAging;
}

/**
 * The aging report's sheets in the report's order: Summary, Detail, (By Rep), Exceptions.
 *
 * @example
 * const [summary, detail, exceptions] = agingSheets(ageBook(book, options), "en-US");
 * summary.name // "AR Aging 2026-10" for an as-of date in October 2026
 */
export function agingSheets(report: AgingReport, lang: Lang, options: AgingSheetOptions = {}): SheetModel[] {
  const sheets = [summarySheet(report, lang, options.converted), detailSheet(report, lang)];
  if (options.byRep) sheets.push(byRepSheet(report, lang));
  sheets.push(exceptionsSheet(report, lang));
  return sheets;
}

/** Title block: title, as-of line, an optional basis line, then one blank row. */
function titleRows(report: AgingReport, lang: Lang, titleId: string, width: number, withBasis: boolean): SheetValue[][] {
  const rows: SheetValue[][] = [[t(lang, titleId)], [t(lang, "report.as-of", { date: isoFromSerial(report.asOf) })]];
  if (withBasis) rows.push([t(lang, report.basis === "due" ? "report.basis.due" : "report.basis.invoice")]);
  rows.push([]);
  return rows.map((row) => pad(row, width));
}

const major = (minor: number, currency: string): number => fromMinor(minor, currencyDecimals(currency));

/** Message id of each aging sheet's name ("AR Aging Detail {period}"). */
const SHEET_NAME_IDS = {
  "aging-summary": "report.sheet.summary",
  "aging-detail": "report.sheet.detail",
  "aging-by-rep": "report.sheet.by-rep",
  exceptions: "report.sheet.exceptions",
} as const;

/**
 * An aging sheet's model, named for the report's month and tagged with it, so that each
 * month-end keeps its own sheets and a re-run for the month replaces them.
 *
 * @example
 * agingModel(report, "en-US", "aging-detail", table, { filter: true }).name // "AR Aging Detail 2026-10"
 */
function agingModel(
  report: AgingReport,
  lang: Lang,
  kind: keyof typeof SHEET_NAME_IDS,
  table: LaidOutTable,
  extra: { filter?: boolean; freezeCols?: number },
): SheetModel {
  const period = reportPeriod(report.asOf);
  return tableSheetModel(kind, t(lang, SHEET_NAME_IDS[kind], { period }), table, { ...extra, period });
}

// ---------------------------------------------------------------------------------------------
// Aging Summary
// ---------------------------------------------------------------------------------------------

function summarySheet(report: AgingReport, lang: Lang, converted?: ConvertedAging): SheetModel {
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
    cells.push([
      a.customer,
      a.currency,
      a.salesRep,
      a.creditLimit === null ? null : m(a.creditLimit),
      ...a.buckets.map(m),
      m(a.open),
      m(a.unapplied),
      m(a.net),
    ]);
  }
  const dataEnd = cells.length;
  for (const total of report.totals) {
    const m = (v: number): number => major(v, total.currency);
    cells.push([
      t(lang, "report.total"),
      total.currency,
      null,
      null,
      ...total.buckets.map(m),
      m(total.open),
      m(total.unapplied),
      m(total.net),
    ]);
  }
  const totalsEnd = cells.length;
  for (const total of report.totals) {
    cells.push(
      pad(
        [t(lang, "report.share"), total.currency, null, null, ...total.buckets.map((v) => (total.open === 0 ? 0 : v / total.open))],
        width,
      ),
    );
  }
  const shareEnd = cells.length;
  const formats = baseFormats(width, headerRow, dataEnd, totalsEnd);
  if (converted) {
    const section = convertedAgingSection(
      converted,
      buckets.map((b) => b.label),
      lang,
      { width, firstBucket, firstRow: cells.length },
    );
    cells.push(...section.cells);
    formats.push(...section.formats);
  }

  // "Totals by currency": a titled section, one small table per currency (its bucket totals and
  // open total, under the bucket columns), each the source of that currency's own chart, so
  // amounts in different currencies never share an axis.
  const sources: { currency: string; source: ChartModel["source"] }[] = [];
  if (report.totals.length > 0) {
    pushSectionHeading(cells, formats, width, t(lang, "report.totals-by-currency"), 12);
    for (const total of report.totals) {
      const blockRow = cells.length;
      cells.push(
        pad([null, null, null, t(lang, "report.column.currency"), ...buckets.map((b) => b.label), t(lang, "report.column.open")], width),
      );
      cells.push(
        pad(
          [null, null, null, total.currency, ...total.buckets.map((v) => major(v, total.currency)), major(total.open, total.currency)],
          width,
        ),
      );
      cells.push(pad([], width));
      formats.push({ range: { row: blockRow, col: firstBucket - 1, rowCount: 1, colCount: buckets.length + 2 }, bold: true });
      formats.push({
        range: { row: blockRow + 1, col: firstBucket, rowCount: 1, colCount: buckets.length + 1 },
        numberFormat: moneyFormat(currencyDecimals(total.currency)),
      });
      sources.push({
        currency: total.currency,
        source: { row: blockRow, col: firstBucket - 1, rowCount: 2, colCount: buckets.length + 1 },
      });
    }
  }
  if (shareEnd > totalsEnd) {
    formats.push({
      range: { row: totalsEnd, col: firstBucket, rowCount: shareEnd - totalsEnd, colCount: buckets.length },
      numberFormat: PERCENT_FORMAT,
      italic: true,
    });
  }
  const moneyColumns = [3, ...buckets.map((_, b) => firstBucket + b), openCol, openCol + 1, openCol + 2];
  const accountCurrencies = report.accounts.map((a) => a.currency);
  formats.push(
    ...tableCurrencyFormats(
      { headerRow, dataEnd, rowCurrencies: accountCurrencies, totalCurrencies: currencies },
      moneyColumns,
      currencies,
    ),
  );

  const columns = specs.map((s) => columnOf(s, money));
  // Widths follow the accounts and totals, not the section below them.
  fitTextWidths(columns, cells.slice(0, shareEnd), headerRow);
  const sheet = agingModel(report, lang, "aging-summary", { cells, headerRow, dataEnd, totalsEnd, columns, formats }, { freezeCols: 1 });
  // One chart per currency, side by side below the section (the first MAX_CURRENCY_CHARTS currencies).
  const charted = sources.slice(0, MAX_CURRENCY_CHARTS);
  const anchors = chartColumns(sheet.columns, charted.length);
  sheet.charts = charted.map(({ currency, source }, k) => ({
    type: "columnClustered",
    title: t(lang, "report.chart.by-bucket", { currency }),
    source,
    seriesBy: "rows",
    anchor: { row: cells.length, col: anchors[k] ?? 0 },
  }));
  return sheet;
}

/** Currencies charted on the summary (each has its table in "Totals by currency" whatever their number). */
export const MAX_CURRENCY_CHARTS = 8;

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
    cells.push([
      t(lang, "report.total"),
      null,
      currency,
      null,
      null,
      null,
      major(total.amount, currency),
      major(total.applied, currency),
      major(total.open, currency),
      null,
      null,
    ]);
  }
  const totalsEnd = cells.length;
  const formats = baseFormats(width, headerRow, dataEnd, totalsEnd);
  formats.push(...tableCurrencyFormats({ headerRow, dataEnd, rowCurrencies, totalCurrencies }, [6, 7, 8], currencies));
  const columns = specs.map((s) => columnOf(s, money));
  fitTextWidths(columns, cells, headerRow);
  return agingModel(
    report,
    lang,
    "aging-detail",
    { cells, headerRow, dataEnd, totalsEnd, columns, formats },
    { filter: true, freezeCols: 1 },
  );
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
  formats.push(...tableCurrencyFormats({ headerRow, dataEnd, rowCurrencies, totalCurrencies: currencies }, moneyColumns, currencies));
  const columns = specs.map((s) => columnOf(s, sheetMoneyFormat(currencies)));
  fitTextWidths(columns, cells, headerRow);
  return agingModel(report, lang, "aging-by-rep", { cells, headerRow, dataEnd, totalsEnd, columns, formats }, { freezeCols: 1 });
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
    cells.push([
      t(lang, `report.severity.${issue.severity}`),
      issue.sheet,
      issue.row,
      issue.column,
      issue.value,
      issue.code,
      issue.message,
    ]);
  }
  for (const row of report.excluded) {
    const kind = t(lang, `report.kind.${row.kind}`);
    cells.push([
      t(lang, "report.severity.excluded"),
      row.sheet,
      row.row,
      null,
      row.id,
      `excluded.${row.reason}`,
      t(lang, `report.excluded.${row.reason}`, { kind, id: row.id }),
    ]);
  }
  const dataEnd = cells.length;
  const formats = baseFormats(width, headerRow, dataEnd, dataEnd);
  const columns = specs.map((s) => columnOf(s, moneyFormat(2)));
  fitTextWidths(columns, cells, headerRow);
  const message = columns[6]!;
  message.width = Math.min(message.width, 100);
  return agingModel(report, lang, "exceptions", { cells, headerRow, dataEnd, totalsEnd: dataEnd, columns, formats }, { filter: true });
}

/**
 * Layout helpers shared with the other report builders (credit, …), so every AR Desk sheet has
 * the same title block, column formats, widths and totals styling.
 *
 * @example
 * const columns = specs.map((s) => columnOf(s, moneyFormat(2)));
 * fitTextWidths(columns, cells, headerRow);
 */
