/**
 * The reconciliation as output: the "AR Reconciliation" sheet (tie-out, detail list, then the
 * outcome summary with its legend and the issues), the JSON the CLI writes, and the plan of highlights for the two source tables.
 *
 * Money leaves the engine here: minor units are divided by 10^decimals of the record's currency
 * only when a cell or a JSON number is written.
 */
import type { ConditionalHighlight, FormatRange, GridRange, Lang, SheetColumn, SheetModel, SheetValue } from "../types";
import { currencyDecimals } from "../currency";
import { isoFromSerial } from "../dates";
import { fromMinor } from "../money";
import { t } from "../../i18n";
import { compilePrefixes, explainKeyChanges, foldMatchKey, type KeyChange } from "../reconcile/key";
import {
  OUTCOMES,
  type OutcomeSummary,
  type ReconcileOutcome,
  type ReconcileRecord,
  type ReconcileResult,
  type TieOut,
} from "../reconcile/types";
import { DATE_FORMAT, INTEGER_FORMAT, fitHeaderWidths, fitTextWidths, moneyFormat, pad as padTo, safeSheetName } from "./sheet";

/**
 * Fill colour of each outcome (#RRGGBB): on the reconciliation sheet's outcome column and
 * legend, and (through the Office adapter) on the rows of the source tables. Light tints, so
 * the user's own text stays readable; reds for money at stake, yellow for dates.
 */
export const OUTCOME_COLORS: Readonly<Record<ReconcileOutcome, string>> = {
  matched: "#C6EFCE",
  "amount-differs": "#FFC7CE",
  "date-differs": "#FFEB9C",
  "customer-differs": "#E4DFEC",
  split: "#DDEBF7",
  "duplicate-key": "#F8CBAD",
  "missing-in-b": "#FCE4D6",
  "missing-in-a": "#D9E1F2",
};

const TEXT_FORMAT = "General";
/** Width of the sheet: the detail list's columns. */
const WIDTH = 15;
/** The legend sits to the right of the summary block, so the blocks above the list stay short. */
const LEGEND_COL = 9;

const major = (minor: number, currency: string): number => fromMinor(minor, currencyDecimals(currency));
const majorOrNull = (minor: number | null, currency: string): number | null => (minor === null ? null : major(minor, currency));

/** A row of the sheet's width. */
const pad = (row: SheetValue[]): SheetValue[] => padTo(row, WIDTH);

/** "Invoices!12" or "Invoices!12, 15, 20". */
function rowReference(sheet: string, rows: readonly number[]): string | null {
  return rows.length === 0 ? null : `${sheet}!${rows.join(", ")}`;
}

function outcomeLabel(outcome: ReconcileOutcome, lang: Lang): string {
  return t(lang, `reconcile.outcome.${outcome}`);
}

/** Money format ranges for one row of a block, in the row currency's digits. */
function moneyCells(row: number, firstCol: number, colCount: number, currency: string): FormatRange {
  return { range: { row, col: firstCol, rowCount: 1, colCount }, numberFormat: moneyFormat(currencyDecimals(currency)) };
}

/** Explains the key normalisation of a record, side by side; null when neither key changed beyond case. */
class KeyExplainer {
  private readonly prefixes;
  private readonly cache = new Map<string, string>();
  constructor(
    prefixes: readonly string[],
    private readonly lang: Lang,
  ) {
    this.prefixes = compilePrefixes(prefixes);
  }

  explain(text: string | null): string | null {
    if (text === null) return null;
    const changes: KeyChange[] = [];
    foldMatchKey(text, this.prefixes, changes);
    const shown = changes.filter((c) => c.kind !== "case");
    if (shown.length === 0) return null;
    const signature = JSON.stringify(changes);
    let explanation = this.cache.get(signature);
    if (explanation === undefined) {
      explanation = explainKeyChanges(changes, this.lang);
      this.cache.set(signature, explanation);
    }
    return explanation;
  }
}

function noteOf(record: ReconcileRecord, lang: Lang, keys: KeyExplainer): string | null {
  const parts: string[] = [];
  if (record.also.length > 0)
    parts.push(t(lang, "reconcile.note.also", { outcomes: record.also.map((o) => outcomeLabel(o, lang)).join(", ") }));
  if (record.manySide) parts.push(t(lang, "reconcile.note.manySide", { side: record.manySide === "both" ? "A, B" : record.manySide }));
  if (record.otherCurrency) parts.push(t(lang, "reconcile.note.otherCurrency", { currency: record.otherCurrency }));
  const keyA = keys.explain(record.keyA);
  if (keyA !== null) parts.push(t(lang, "reconcile.note.keyA", { explanation: keyA }));
  const keyB = keys.explain(record.keyB);
  if (keyB !== null) parts.push(t(lang, "reconcile.note.keyB", { explanation: keyB }));
  return parts.length === 0 ? null : parts.join(t(lang, "reconcile.key.separator"));
}

/** Records grouped by currency (tie-out order), source order inside each currency. */
function detailOrder(result: ReconcileResult): ReconcileRecord[] {
  const rank = new Map(result.tieOut.map((tie, i) => [tie.currency, i]));
  const indexed = result.records.map((record, i) => ({ record, i }));
  indexed.sort((x, y) => (rank.get(x.record.currency) ?? 0) - (rank.get(y.record.currency) ?? 0) || x.i - y.i);
  return indexed.map((entry) => entry.record);
}

function tieOutRow(tie: TieOut): SheetValue[] {
  const c = tie.currency;
  const unexplained = tie.difference - (tie.variance + tie.unmatchedA - tie.unmatchedB);
  return pad([
    c,
    major(tie.totalA, c),
    major(tie.totalB, c),
    major(tie.difference, c),
    major(tie.variance, c),
    major(tie.unmatchedA, c),
    major(tie.unmatchedB, c),
    major(unexplained, c),
  ]);
}

function summaryRow(summary: OutcomeSummary, lang: Lang): SheetValue[] {
  const c = summary.currency;
  return pad([
    outcomeLabel(summary.outcome, lang),
    c,
    summary.count,
    summary.rowsA,
    summary.rowsB,
    major(summary.amountA, c),
    major(summary.amountB, c),
    major(summary.variance, c),
  ]);
}

function detailRow(record: ReconcileRecord, result: ReconcileResult, keys: KeyExplainer): SheetValue[] {
  const c = record.currency;
  const lang = result.lang;
  return [
    outcomeLabel(record.outcome, lang),
    c,
    record.key,
    record.keyA,
    rowReference(result.a.sheet, record.aRows),
    majorOrNull(record.amountA, c),
    record.dateA ?? null,
    record.customerA ?? null,
    record.keyB,
    rowReference(result.b.sheet, record.bRows),
    majorOrNull(record.amountB, c),
    record.dateB ?? null,
    record.customerB ?? null,
    majorOrNull(record.variance, c),
    noteOf(record, lang, keys),
  ];
}

/** Detail columns: kind and minimum width. */
const DETAIL_COLUMNS: readonly { id: string; kind: "text" | "money" | "date"; width: number }[] = [
  { id: "outcome", kind: "text", width: 16 },
  { id: "currency", kind: "text", width: 9 },
  { id: "key", kind: "text", width: 14 },
  { id: "keyA", kind: "text", width: 14 },
  { id: "rowsA", kind: "text", width: 14 },
  { id: "amountA", kind: "money", width: 14 },
  { id: "dateA", kind: "date", width: 11 },
  { id: "customerA", kind: "text", width: 18 },
  { id: "keyB", kind: "text", width: 14 },
  { id: "rowsB", kind: "text", width: 14 },
  { id: "amountB", kind: "money", width: 14 },
  { id: "dateB", kind: "date", width: 11 },
  { id: "customerB", kind: "text", width: 18 },
  { id: "variance", kind: "money", width: 14 },
  { id: "note", kind: "text", width: 30 },
];
const MONEY_COLUMNS = DETAIL_COLUMNS.flatMap((column, i) => (column.kind === "money" ? [i] : []));

/** The issues section's columns: what the user needs to find and fix each unreadable row. */
const ISSUE_COLUMNS = ["severity", "sheet", "row", "column", "value", "message"] as const;

/**
 * The "AR Reconciliation" sheet ("应收对账"), laid out so the detail list is what a screen
 * shows: only the title, the settings line and the tie-out sit above the list's header, and
 * the frozen panes end at that header (one currency: seven rows), so a 1366 × 768 screen shows
 * some twenty detail rows.
 * - title (which table is A and which is B), then one line with the tolerances, the rows left
 *   out as unreadable, and the rows where the sections below the list start;
 * - tie-out, one row per currency: total A, total B, difference, variances, unmatched A,
 *   unmatched B and "unexplained", which is always 0 (the engine asserts it);
 * - the detail list, one row per record, grouped by currency: outcome, both sides' keys as
 *   written, the key they matched on, sheet!row references, amounts, dates, customers, variance
 *   and notes (other differences, the side with several rows, and how each key was normalised);
 *   frozen header with a filter, outcome column coloured by conditional formats (one rule per
 *   outcome on the bounded data range);
 * - below the list, "Summary by outcome": count, rows and amounts per outcome and currency, each
 *   outcome cell in its colour, with the legend of all outcome colours beside it;
 * - then "Issues": every row that could not be read (severity, sheet, row, column, value,
 *   message), so "Rows left out as unreadable: A 2, B 7" always has its list.
 *
 * @example
 * const sheet = reconcileSheet(reconcile(a, b, options), "en-US");
 * sheet.name // "AR Reconciliation"
 */
export function reconcileSheet(result: ReconcileResult, lang: Lang): SheetModel {
  const localized: ReconcileResult = { ...result, lang };
  const cells: SheetValue[][] = [];
  const formats: FormatRange[] = [];
  const settings = result.settings;
  const excludedA = result.excluded.filter((e) => e.side === "A").length;
  const keys = new KeyExplainer(settings.keyPrefixes, lang);
  const ordered = detailOrder(localized);

  // Where each part goes, known before writing: the line under the title points to the
  // sections below the list. Rows: title, settings, tie-out heading, its header, one per
  // currency, a blank; then the list's header and records; a blank; the summary's heading and
  // header, its rows (at least one per legend entry); a blank; the issues' heading and header.
  const headerRow = 4 + result.tieOut.length + 1;
  const dataStart = headerRow + 1;
  const dataEnd = dataStart + ordered.length;
  const summaryTitle = dataEnd + 1;
  const summaryRows = Math.max(result.summary.length, OUTCOMES.length);
  const issuesTitle = summaryTitle + 2 + summaryRows + 1;

  cells.push(pad([t(lang, "reconcile.sheet.title", { a: result.a.name, b: result.b.name })]));
  formats.push({ range: { row: 0, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 14 });
  const line = [
    t(lang, "reconcile.sheet.settings", {
      amount: settings.amountTolerance,
      percent: settings.percentTolerance,
      days: settings.dateTolerance,
    }),
    t(lang, "reconcile.sheet.excluded", { excludedA, excludedB: result.excluded.length - excludedA }),
    ...(result.scoped
      ? [t(lang, "reconcile.sheet.scoped", { customers: customerList(result.scoped.customers, lang), left: result.scoped.leftA })]
      : []),
    t(lang, "reconcile.sheet.sections", { summary: summaryTitle + 1, issues: issuesTitle + 1, count: result.issues.length }),
  ];
  cells.push(pad([line.join(" ")]));

  // Tie-out.
  cells.push(pad([t(lang, "reconcile.tie.heading")]));
  formats.push({ range: { row: cells.length - 1, col: 0, rowCount: 1, colCount: 1 }, bold: true });
  const tieHeader = ["currency", "totalA", "totalB", "difference", "variance", "unmatchedA", "unmatchedB", "check"].map((id) =>
    t(lang, `reconcile.tie.${id}`),
  );
  cells.push(pad(tieHeader));
  formats.push({ range: { row: cells.length - 1, col: 0, rowCount: 1, colCount: tieHeader.length }, bold: true });
  for (const tie of result.tieOut) {
    cells.push(tieOutRow(tie));
    formats.push(moneyCells(cells.length - 1, 1, 7, tie.currency));
  }
  cells.push(pad([]));

  // Detail list.
  assertRow(cells.length, headerRow, "detail header");
  cells.push(DETAIL_COLUMNS.map((column) => t(lang, `reconcile.detail.${column.id}`)));
  formats.push({ range: { row: headerRow, col: 0, rowCount: 1, colCount: WIDTH }, bold: true });
  for (const record of ordered) cells.push(detailRow(record, localized, keys));
  assertRow(cells.length, dataEnd, "end of the detail list");
  cells.push(pad([]));

  // Money columns of the list take the digits of their currency; records are grouped by currency.
  const sheetMoney = moneyFormat(result.tieOut.length === 1 ? currencyDecimals(result.tieOut[0]?.currency ?? "") : 2);
  if (result.tieOut.length > 1) {
    let start = 0;
    for (let k = 1; k <= ordered.length; k++) {
      const currency = ordered[start]?.currency ?? "";
      if (k < ordered.length && ordered[k]?.currency === currency) continue;
      if (currencyDecimals(currency) !== 2) {
        for (const col of MONEY_COLUMNS)
          formats.push({
            range: { row: dataStart + start, col, rowCount: k - start, colCount: 1 },
            numberFormat: moneyFormat(currencyDecimals(currency)),
          });
      }
      start = k;
    }
  }

  // Summary per outcome, with the legend to its right.
  assertRow(cells.length, summaryTitle, "summary");
  cells.push(pad([t(lang, "reconcile.summary.title")]));
  formats.push({ range: { row: summaryTitle, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 12 });
  const summaryTop = cells.length;
  const summaryHeader = ["heading", "count", "rowsA", "rowsB", "amountA", "amountB", "variance"].map((id) =>
    t(lang, `reconcile.summary.${id}`),
  );
  summaryHeader.splice(1, 0, t(lang, "reconcile.tie.currency"));
  cells.push(pad(summaryHeader));
  formats.push({ range: { row: summaryTop, col: 0, rowCount: 1, colCount: summaryHeader.length }, bold: true });
  for (const summary of result.summary) {
    cells.push(summaryRow(summary, lang));
    const row = cells.length - 1;
    formats.push({ range: { row, col: 0, rowCount: 1, colCount: 1 }, fill: OUTCOME_COLORS[summary.outcome] });
    formats.push({ range: { row, col: 2, rowCount: 1, colCount: 3 }, numberFormat: INTEGER_FORMAT });
    formats.push(moneyCells(row, 5, 3, summary.currency));
  }
  while (cells.length < summaryTop + 1 + summaryRows) cells.push(pad([]));
  const legendHeader = cells[summaryTop]!;
  legendHeader[LEGEND_COL] = t(lang, "reconcile.legend.heading");
  legendHeader[LEGEND_COL + 1] = t(lang, "reconcile.legend.meaning");
  formats.push({ range: { row: summaryTop, col: LEGEND_COL, rowCount: 1, colCount: 2 }, bold: true });
  OUTCOMES.forEach((outcome, k) => {
    const row = cells[summaryTop + 1 + k]!;
    row[LEGEND_COL] = outcomeLabel(outcome, lang);
    row[LEGEND_COL + 1] = t(lang, `reconcile.legend.${outcome}`);
    formats.push({ range: { row: summaryTop + 1 + k, col: LEGEND_COL, rowCount: 1, colCount: 1 }, fill: OUTCOME_COLORS[outcome] });
  });
  cells.push(pad([]));

  // Issues: every unreadable row, where it is and why.
  assertRow(cells.length, issuesTitle, "issues");
  cells.push(pad([t(lang, "reconcile.issues.title", { count: result.issues.length })]));
  formats.push({ range: { row: issuesTitle, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 12 });
  cells.push(pad(ISSUE_COLUMNS.map((id) => t(lang, `report.column.${id}`))));
  formats.push({ range: { row: issuesTitle + 1, col: 0, rowCount: 1, colCount: ISSUE_COLUMNS.length }, bold: true });
  if (result.issues.length === 0) cells.push(pad([t(lang, "reconcile.issues.none")]));
  for (const issue of result.issues) {
    cells.push(pad([t(lang, `report.severity.${issue.severity}`), issue.sheet, issue.row, issue.column, issue.value, issue.message]));
  }
  const issuesEnd = cells.length;
  if (issuesEnd > issuesTitle + 2) {
    const rows = issuesEnd - issuesTitle - 2;
    formats.push({ range: { row: issuesTitle + 2, col: 2, rowCount: rows, colCount: 1 }, numberFormat: INTEGER_FORMAT });
  }

  const columns: SheetColumn[] = DETAIL_COLUMNS.map((column) => ({
    width: column.width,
    numberFormat: column.kind === "money" ? sheetMoney : column.kind === "date" ? DATE_FORMAT : TEXT_FORMAT,
    isText: column.kind === "text",
  }));
  // Widths follow the list (the sections below have long sentences that wrap into the row).
  fitTextWidths(columns, cells.slice(0, dataEnd), dataStart);
  fitHeaderWidths(columns, cells[headerRow], true);

  const highlights: ConditionalHighlight[] =
    dataEnd > dataStart
      ? OUTCOMES.map((outcome) => ({
          range: { row: dataStart, col: 0, rowCount: dataEnd - dataStart, colCount: 1 },
          rule: { type: "textEquals", text: outcomeLabel(outcome, lang) },
          fill: OUTCOME_COLORS[outcome],
        }))
      : [];

  return {
    kind: "reconciliation",
    name: safeSheetName(t(lang, "reconcile.sheet.name")),
    cells,
    headerRow,
    dataStart,
    dataEnd,
    totalsEnd: dataEnd,
    columns,
    formats,
    highlights,
    charts: [],
    // Freezing ends at the list's header: the summary and issues are below the list, not above it.
    freeze: { rows: headerRow + 1, cols: 0 },
    filter: true,
  };
}

/**
 * The customers a scoped reconciliation covers, as the settings line names them: all of a few,
 * else the first three and how many more.
 *
 * @example
 * customerList(["Acme", "Beta", "Gamma", "Delta"], "en-US") // "Acme, Beta, Gamma and 1 more"
 */
export function customerList(customers: readonly string[], lang: Lang): string {
  const shown = customers.slice(0, 3).join(t(lang, "reconcile.sheet.list-separator"));
  return customers.length <= 3 ? shown : t(lang, "reconcile.sheet.more", { shown, more: customers.length - 3 });
}

/** The layout computed up front must be the layout written (a bug otherwise, not bad data). */
function assertRow(actual: number, expected: number, part: string): void {
  if (actual !== expected) throw new Error(`Reconciliation sheet: the ${part} is at row ${actual}, planned at ${expected}.`);
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/** One record in major units; dates as ISO text. */
export interface ReconcileJsonRow {
  outcome: ReconcileOutcome;
  aRows: number[];
  bRows: number[];
  key: string;
  amountA: number | null;
  amountB: number | null;
  variance: number | null;
  currency: string;
  keyA: string | null;
  keyB: string | null;
  dateA?: string;
  dateB?: string;
  customerA?: string;
  customerB?: string;
  also?: ReconcileOutcome[];
  manySide?: "A" | "B" | "both";
  otherCurrency?: string;
}

/** A tie-out in major units. */
export type ReconcileJsonTieOut = TieOut;

export interface ReconcileJson {
  a: { sheet: string; name: string; columns: Record<string, string> };
  b: { sheet: string; name: string; columns: Record<string, string> };
  settings: ReconcileResult["settings"];
  tieOut: ReconcileJsonTieOut[];
  summary: OutcomeSummary[];
  rows: ReconcileJsonRow[];
  excluded: ReconcileResult["excluded"];
  issues: ReconcileResult["issues"];
  /** With scope "customers-in-b": B's customers and the rows of A left out as other customers'. */
  scoped?: ReconcileResult["scoped"];
}

function jsonRow(record: ReconcileRecord): ReconcileJsonRow {
  const c = record.currency;
  const row: ReconcileJsonRow = {
    outcome: record.outcome,
    aRows: record.aRows,
    bRows: record.bRows,
    key: record.key,
    amountA: majorOrNull(record.amountA, c),
    amountB: majorOrNull(record.amountB, c),
    variance: majorOrNull(record.variance, c),
    currency: c,
    keyA: record.keyA,
    keyB: record.keyB,
  };
  if (record.dateA !== undefined) row.dateA = isoFromSerial(record.dateA);
  if (record.dateB !== undefined) row.dateB = isoFromSerial(record.dateB);
  if (record.customerA !== undefined) row.customerA = record.customerA;
  if (record.customerB !== undefined) row.customerB = record.customerB;
  if (record.also.length > 0) row.also = [...record.also];
  if (record.manySide) row.manySide = record.manySide;
  if (record.otherCurrency) row.otherCurrency = record.otherCurrency;
  return row;
}

/**
 * The reconciliation as JSON (the CLI's --json): rows `{ outcome, aRows, bRows, key, amountA,
 * amountB, variance, currency, … }` and the tie-out and summary per currency, all money in
 * major units of the row's currency (so 12.34 USD, 1234 JPY). A side without rows has null
 * amounts and a null variance.
 *
 * @example
 * toReconcileJson(result).tieOut[0] // { currency: "USD", totalA: 1250.5, totalB: 1200, difference: 50.5, … }
 */
export function toReconcileJson(result: ReconcileResult): ReconcileJson {
  const side = (s: ReconcileResult["a"]): ReconcileJson["a"] => ({ sheet: s.sheet, name: s.name, columns: { ...s.columns.headers } });
  return {
    a: side(result.a),
    b: side(result.b),
    settings: result.settings,
    tieOut: result.tieOut.map((tie) => {
      const c = tie.currency;
      return {
        ...tie,
        totalA: major(tie.totalA, c),
        totalB: major(tie.totalB, c),
        difference: major(tie.difference, c),
        variance: major(tie.variance, c),
        unmatchedA: major(tie.unmatchedA, c),
        unmatchedB: major(tie.unmatchedB, c),
      };
    }),
    summary: result.summary.map((s) => ({
      ...s,
      amountA: major(s.amountA, s.currency),
      amountB: major(s.amountB, s.currency),
      variance: major(s.variance, s.currency),
    })),
    rows: result.records.map(jsonRow),
    excluded: result.excluded,
    issues: result.issues,
    ...(result.scoped ? { scoped: result.scoped } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Highlights in the source tables
// ---------------------------------------------------------------------------------------------

/** Rows of one outcome in one source table, as few ranges as contiguous rows allow. */
export interface OutcomeHighlight {
  outcome: ReconcileOutcome;
  fill: string;
  /** 0-based sheet ranges across the table's columns. */
  ranges: GridRange[];
}

export interface TableHighlightPlan {
  side: "A" | "B";
  sheet: string;
  table: string;
  outcomes: OutcomeHighlight[];
}

/**
 * Which rows of each source table to colour, per outcome, merged into contiguous ranges so the
 * Office adapter can add a few conditional formats instead of formatting row by row. Ranges
 * span the table's columns and use 0-based sheet coordinates (sheet row 12 is row 11).
 * Matched rows are left uncoloured unless `includeMatched` is set: highlights are for differences.
 *
 * @example
 * highlightPlan(result)[0]
 * // { side: "A", sheet: "Invoices", table: "tblInvoices",
 * //   outcomes: [{ outcome: "amount-differs", fill: "#FFC7CE", ranges: [{ row: 11, col: 0, rowCount: 1, colCount: 6 }] }] }
 */
export function highlightPlan(result: ReconcileResult, options: { includeMatched?: boolean } = {}): TableHighlightPlan[] {
  return (["A", "B"] as const).map((sideName) => {
    const side = sideName === "A" ? result.a : result.b;
    const rowsBy = new Map<ReconcileOutcome, number[]>();
    for (const record of result.records) {
      if (record.outcome === "matched" && !options.includeMatched) continue;
      const rows = sideName === "A" ? record.aRows : record.bRows;
      if (rows.length === 0) continue;
      let list = rowsBy.get(record.outcome);
      if (!list) {
        list = [];
        rowsBy.set(record.outcome, list);
      }
      for (const row of rows) list.push(row);
    }
    const outcomes: OutcomeHighlight[] = [];
    for (const outcome of OUTCOMES) {
      const rows = rowsBy.get(outcome);
      if (!rows) continue;
      outcomes.push({ outcome, fill: OUTCOME_COLORS[outcome], ranges: mergeRows(rows, side.firstColumn, side.columnCount) });
    }
    return { side: sideName, sheet: side.sheet, table: side.name, outcomes };
  });
}

/**
 * Sheet rows (1-based, any order) as ranges of consecutive rows.
 *
 * @example
 * mergeRows([5, 3, 4, 9], 0, 6) // [{ row: 2, col: 0, rowCount: 3, colCount: 6 }, { row: 8, col: 0, rowCount: 1, colCount: 6 }]
 */
export function mergeRows(rows: readonly number[], col: number, colCount: number): GridRange[] {
  const sorted = Int32Array.from(rows).sort();
  const ranges: GridRange[] = [];
  let k = 0;
  while (k < sorted.length) {
    const first = sorted[k] ?? 0;
    let last = first;
    k++;
    while (k < sorted.length && (sorted[k] ?? 0) <= last + 1) last = sorted[k++] ?? last;
    ranges.push({ row: first - 1, col, rowCount: last - first + 1, colCount });
  }
  return ranges;
}
