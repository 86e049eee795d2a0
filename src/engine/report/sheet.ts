/**
 * The sheet-building kit every report builder uses (aging, credit, GL tie-out, reconciliation):
 * number formats, column specs, padding, text widths, standard formats and the SheetModel
 * itself. One kit, so every sheet AR Desk writes looks and behaves the same.
 */
import type { ChartModel, FormatRange, SheetColumn, SheetKind, SheetModel, SheetValue } from "../types";
import { currencyDecimals } from "../currency";
import { isoFromSerial } from "../dates";

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
 * The period a report belongs to, "YYYY-MM" of its as-of date. Sheet names carry it so each
 * month-end keeps its own aging, and a re-run for the same month replaces its own sheets.
 *
 * @example
 * reportPeriod(serialFromIso("2026-10-31")!) // "2026-10"
 */
export function reportPeriod(asOf: number): string {
  return isoFromSerial(asOf).slice(0, 7);
}

/** A column as a builder describes it: header, kind of value and minimum width. */
export interface ColumnSpec {
  header: string;
  kind: "text" | "money" | "date" | "integer" | "percent";
  /** Minimum width; text columns grow with their content. */
  width: number;
}

/** Money format for a sheet: the currency's digits when it has one currency, else 2. */
export function sheetMoneyFormat(currencies: readonly string[]): string {
  return moneyFormat(currencies.length === 1 ? currencyDecimals(currencies[0]!) : 2);
}

export function columnOf(spec: ColumnSpec, money: string): SheetColumn {
  const numberFormat =
    spec.kind === "money"
      ? money
      : spec.kind === "date"
        ? DATE_FORMAT
        : spec.kind === "integer"
          ? INTEGER_FORMAT
          : spec.kind === "percent"
            ? PERCENT_FORMAT
            : TEXT_FORMAT;
  return { width: spec.width, numberFormat, isText: spec.kind === "text" };
}

/**
 * Pads a row with blanks to `width` cells (every row of a SheetModel has the sheet's width).
 *
 * @example
 * pad(["Total"], 3) // ["Total", null, null]
 */
export function pad(row: SheetValue[], width: number): SheetValue[] {
  while (row.length < width) row.push(null);
  return row;
}

/**
 * Widens text columns to their longest value among the first 2,000 data rows, within 60
 * characters (Excel width units; CJK characters count two).
 *
 * @example
 * fitTextWidths(columns, cells, headerRow + 1); columns[0].width // e.g. 24
 */
export function fitTextWidths(columns: SheetColumn[], cells: SheetValue[][], from: number): void {
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
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}

/**
 * Room Excel's filter button takes at the right of a header cell, in width units: a square of
 * about 16 pixels, at 7 pixels per unit of the default font.
 */
export const FILTER_BUTTON_WIDTH = 3;
/** Headers wider than this wrap rather than widen their column further. */
const HEADER_WIDTH_CAP = 50;

/**
 * The width rule for a header: the column is at least as wide as the header's text in bold (a
 * tenth wider than the body font, rounded up), plus one unit of padding, plus
 * {@link FILTER_BUTTON_WIDTH} when the header row carries an autofilter, so the button never
 * covers the header's last letters ("Invoice dat", "Utilisatio"). CJK characters count two.
 *
 * @example
 * headerWidth("Invoice date", true)  // 18: ceil(12 × 1.1) + 1 + 3
 * headerWidth("Invoice date", false) // 15
 * headerWidth("发票日期", true)       // 13: ceil(8 × 1.1) + 1 + 3
 */
export function headerWidth(header: string, filter: boolean): number {
  return Math.min(HEADER_WIDTH_CAP, Math.ceil((displayWidth(header) * 11) / 10) + 1 + (filter ? FILTER_BUTTON_WIDTH : 0));
}

/**
 * Widens each column to {@link headerWidth} of its header (columns already wider keep their width).
 *
 * @example
 * fitHeaderWidths(columns, cells[headerRow], true); columns[4].width // ≥ 18 for "Invoice date"
 */
export function fitHeaderWidths(columns: SheetColumn[], header: readonly SheetValue[] | undefined, filter: boolean): void {
  columns.forEach((column, c) => {
    const text = header?.[c];
    if (typeof text === "string" && text !== "") column.width = Math.max(column.width, headerWidth(text, filter));
  });
}

/**
 * Points Excel gives a column `characters` wide: 7 pixels a character plus 5 of padding, at
 * 0.75 point a pixel (the Office.js writer sets widths by the same rule).
 */
const columnPoints = (characters: number): number => (characters * 7 + 5) * 0.75;

/** Excel's default chart size, 5 × 3 inches. */
export const CHART_WIDTH_POINTS = 360;

/**
 * The columns where `count` charts of Excel's default width start when placed side by side from
 * column A, a small gap between them (past the last column, Excel's default width is assumed).
 *
 * @example
 * chartColumns(columns, 2) // [0, 4] when columns A–D together are at least 370 points wide
 */
export function chartColumns(columns: readonly SheetColumn[], count: number, chartPoints = CHART_WIDTH_POINTS): number[] {
  const starts: number[] = [];
  let col = 0;
  for (let k = 0; k < count; k++) {
    starts.push(col);
    let room = 0;
    while (room < chartPoints + 10) room += columnPoints(columns[col++]?.width ?? 8.43);
  }
  return starts;
}

/** Standard formats: bold title (larger), bold header, bold totals with a top border. */
export function baseFormats(width: number, headerRow: number, dataEnd: number, totalsEnd: number): FormatRange[] {
  const formats: FormatRange[] = [
    { range: { row: 0, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 14 },
    { range: { row: headerRow, col: 0, rowCount: 1, colCount: width }, bold: true },
  ];
  if (totalsEnd > dataEnd)
    formats.push({ range: { row: dataEnd, col: 0, rowCount: totalsEnd - dataEnd, colCount: width }, bold: true, borderTop: true });
  return formats;
}

/**
 * In a multi-currency sheet, rows of a currency whose digits are not 2 (JPY, BHD) get their own
 * money format, one range per run of rows and money column.
 */
export function currencyRowFormats(
  rowCurrencies: readonly string[],
  firstRow: number,
  moneyColumns: readonly number[],
  currencies: readonly string[],
): FormatRange[] {
  if (currencies.length <= 1) return [];
  const formats: FormatRange[] = [];
  let start = 0;
  for (let k = 1; k <= rowCurrencies.length; k++) {
    if (k < rowCurrencies.length && rowCurrencies[k] === rowCurrencies[start]) continue;
    const decimals = currencyDecimals(rowCurrencies[start] ?? "");
    if (decimals !== 2) {
      for (const col of moneyColumns)
        formats.push({ range: { row: firstRow + start, col, rowCount: k - start, colCount: 1 }, numberFormat: moneyFormat(decimals) });
    }
    start = k;
  }
  return formats;
}

/**
 * The per-currency money formats of a table in a multi-currency sheet (see {@link currencyRowFormats}):
 * its data rows, from the row under `headerRow`, one currency each in `rowCurrencies`; then its
 * totals rows, from `dataEnd`, one currency each in `totalCurrencies` (none when the table has no totals).
 *
 * @example
 * tableCurrencyFormats({ headerRow: 4, dataEnd: 7, rowCurrencies: ["JPY", "USD"], totalCurrencies: ["JPY", "USD"] }, [6], ["JPY", "USD"])
 * // JPY's "#,##0" on row 5 and on row 7, column 6
 */
export function tableCurrencyFormats(
  table: { headerRow: number; dataEnd: number; rowCurrencies: readonly string[]; totalCurrencies?: readonly string[] },
  moneyColumns: readonly number[],
  currencies: readonly string[],
): FormatRange[] {
  return [
    ...currencyRowFormats(table.rowCurrencies, table.headerRow + 1, moneyColumns, currencies),
    ...currencyRowFormats(table.totalCurrencies ?? [], table.dataEnd, moneyColumns, currencies),
  ];
}

/**
 * Opens a section below a sheet's main table: a blank row, then `heading` in bold (at `fontSize`
 * when given). Returns the heading's row.
 *
 * @example
 * pushSectionHeading(cells, formats, width, "Roll rates"); // two rows more, the second in bold
 */
export function pushSectionHeading(
  cells: SheetValue[][],
  formats: FormatRange[],
  width: number,
  heading: string,
  fontSize?: number,
): number {
  cells.push(pad([], width));
  cells.push(pad([heading], width));
  const row = cells.length - 1;
  formats.push({ range: { row, col: 0, rowCount: 1, colCount: 1 }, bold: true, ...(fontSize === undefined ? {} : { fontSize }) });
  return row;
}

/**
 * Appends the column headings of a block below the main table, bold across the sheet's width.
 * Returns their row.
 *
 * @example
 * const head = pushHeadingRow(cells, formats, width, ["Currency", "Amount"]); // data rows start at head + 1
 */
export function pushHeadingRow(cells: SheetValue[][], formats: FormatRange[], width: number, headings: SheetValue[]): number {
  const row = cells.length;
  cells.push(pad(headings, width));
  formats.push({ range: { row, col: 0, rowCount: 1, colCount: width }, bold: true });
  return row;
}

/**
 * A SheetModel from its parts: the column formats are repeated on the totals rows, the header row
 * is frozen, each column is wide enough for its header (and its filter button, see
 * {@link headerWidth}) unless `fitHeader` is false, and the name is made safe for Excel. `period` ("YYYY-MM") is the month the sheet
 * reports on, when it has one: writers tag the owned sheet with it.
 *
 * @example
 * sheetModel("credit", "AR Credit", cells, 3, 10, 10, columns, [], { period: "2026-10" }).period // "2026-10"
 */
export function sheetModel(
  kind: SheetKind,
  name: string,
  cells: SheetValue[][],
  headerRow: number,
  dataEnd: number,
  totalsEnd: number,
  columns: SheetColumn[],
  formats: FormatRange[],
  extra: { charts?: ChartModel[]; filter?: boolean; freezeCols?: number; period?: string; fitHeader?: boolean } = {},
): SheetModel {
  // Row headerRow is a column header unless the builder says otherwise (a letter's first line is not).
  if (extra.fitHeader !== false) fitHeaderWidths(columns, cells[headerRow], extra.filter ?? false);
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
    ...(extra.period !== undefined ? { period: extra.period } : {}),
  };
}

/** A table a report builder has laid out: its cells, the header row, where the data and totals rows end, columns and formats. */
export interface LaidOutTable {
  cells: SheetValue[][];
  headerRow: number;
  dataEnd: number;
  /** End of the totals rows below the data (dataEnd when there are none). */
  totalsEnd: number;
  columns: SheetColumn[];
  formats: FormatRange[];
}

/**
 * {@link sheetModel} over a laid-out table.
 *
 * @example
 * tableSheetModel("credit", "AR Credit", { cells, headerRow: 3, dataEnd: 10, totalsEnd: 10, columns, formats }, { filter: true }).filter // true
 */
export function tableSheetModel(
  kind: SheetKind,
  name: string,
  table: LaidOutTable,
  extra: Parameters<typeof sheetModel>[8] = {},
): SheetModel {
  const { cells, headerRow, dataEnd, totalsEnd, columns, formats } = table;
  return sheetModel(kind, name, cells, headerRow, dataEnd, totalsEnd, columns, formats, extra);
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
      formats.push({
        range: { row: dataEnd, col: start, rowCount: totalsEnd - dataEnd, colCount: col - start },
        numberFormat: first.numberFormat,
      });
    }
    start = col;
  }
  return formats;
}

/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\ . */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);
}
