/**
 * Formatting a written sheet from its SheetModel: formats, widths, freeze panes, filter,
 * conditional highlights and charts. Every call here is per range, per column or per rule,
 * never per cell, so the cost does not grow with the number of rows.
 */
import type { ChartModel, ConditionalHighlight, FormatRange, GridRange, SheetModel } from "../engine/types";
import { cellA1 } from "./a1";
import { isExcelApiSupported } from "./support";

/**
 * Points for a column width given in characters (Excel's width unit): a character of the
 * default font is 7 pixels, Excel adds 5 pixels of padding, and a pixel is 0.75 point.
 * Excel's default width of 8.43 characters gives 48 points.
 *
 * @example
 * columnWidthPoints(8.43); // 48
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Sets one number format on every cell of `range` with a single value. Office.js applies a
 * scalar assigned to `numberFormat` to the whole range; a 2D array would have to be as large
 * as the range (a 100k-row column would be over a megabyte of repeated format strings).
 *
 * @example
 * setUniformNumberFormat(sheet.getRange("C2:C100001"), "#,##0.00");
 */
export function setUniformNumberFormat(range: Excel.Range, format: string): void {
  // The typings only describe the 2D form; the scalar form is the Office boundary's broadcast.
  (range as unknown as { numberFormat: string }).numberFormat = format;
}

function rangeOf(worksheet: Excel.Worksheet, r: GridRange): Excel.Range | null {
  if (r.rowCount <= 0 || r.colCount <= 0) return null;
  return worksheet.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount);
}

/**
 * The number format of each column's data block, "@" for text columns. Applied before the
 * values: a Text format set afterwards would not undo Excel's parsing of the strings.
 *
 * @example
 * applyColumnNumberFormats(sheet, model);
 */
export function applyColumnNumberFormats(worksheet: Excel.Worksheet, model: SheetModel): void {
  const rows = model.dataEnd - model.dataStart;
  if (rows <= 0) return;
  const formats = model.columns.map((c) => (c.isText ? "@" : c.numberFormat));
  // Adjacent columns with the same format share one range.
  for (let c = 0; c < formats.length;) {
    const format = formats[c];
    let end = c + 1;
    while (end < formats.length && formats[end] === format) end++;
    if (format && format !== "General") {
      setUniformNumberFormat(worksheet.getRangeByIndexes(model.dataStart, c, rows, end - c), format);
    }
    c = end;
  }
}

function applyFormatRange(worksheet: Excel.Worksheet, f: FormatRange): void {
  const range = rangeOf(worksheet, f.range);
  if (!range) return;
  if (f.numberFormat !== undefined) setUniformNumberFormat(range, f.numberFormat);
  if (f.bold !== undefined) range.format.font.bold = f.bold;
  if (f.italic !== undefined) range.format.font.italic = f.italic;
  if (f.fontColor !== undefined) range.format.font.color = f.fontColor;
  if (f.fontSize !== undefined) range.format.font.size = f.fontSize;
  if (f.fill !== undefined) range.format.fill.color = f.fill;
  if (f.horizontalAlignment !== undefined) {
    range.format.horizontalAlignment = f.horizontalAlignment === "left" ? "Left" : f.horizontalAlignment === "center" ? "Center" : "Right";
  }
  if (f.borderTop) {
    const edge = range.format.borders.getItem("EdgeTop");
    edge.style = "Continuous";
    edge.weight = "Thin";
  }
}

/**
 * A formula operand for a conditional format: numbers as they are, text as an Excel string
 * literal (quotes doubled) so that the rule compares text and cannot inject a formula.
 */
function operand(value: number | string): string {
  return typeof value === "number" ? `=${value}` : `="${value.replace(/"/g, '""')}"`;
}

const OPERATORS = {
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  equalTo: "EqualTo",
  greaterThanOrEqual: "GreaterThanOrEqual",
} as const;

function applyHighlight(worksheet: Excel.Worksheet, h: ConditionalHighlight): void {
  const range = rangeOf(worksheet, h.range);
  if (!range) return;
  const cf = range.conditionalFormats.add("CellValue");
  cf.cellValue.format.fill.color = h.fill;
  if (h.fontColor !== undefined) cf.cellValue.format.font.color = h.fontColor;
  cf.cellValue.rule =
    h.rule.type === "textEquals"
      ? { formula1: operand(h.rule.text), operator: "EqualTo" }
      : { formula1: operand(h.rule.value), operator: OPERATORS[h.rule.operator] };
}

function addChart(worksheet: Excel.Worksheet, c: ChartModel): void {
  const source = rangeOf(worksheet, c.source);
  if (!source) return;
  const chart = worksheet.charts.add(
    c.type === "columnStacked" ? "ColumnStacked" : "ColumnClustered",
    source,
    c.seriesBy === "rows" ? "Rows" : "Columns",
  );
  chart.title.text = c.title;
  chart.setPosition(cellA1(c.anchor.row, c.anchor.col));
}

/**
 * Estimated request bytes of one format range as the Office.js client builds it: an object path
 * per object reached (range; its format; font, fill or border) and an action per property set
 * (see the workbench's payload model, calibrated against the real client). Kept on the high side.
 *
 * @example
 * formatRangeBytes({ range, numberFormat: "#,##0" }); // about 400
 */
export function formatRangeBytes(f: FormatRange): number {
  let bytes = PATH_COST;
  if (f.numberFormat !== undefined) bytes += ACTION_COST + f.numberFormat.length;
  const font = [f.bold, f.italic, f.fontColor, f.fontSize].filter((v) => v !== undefined).length;
  if (font > 0) bytes += 2 * PATH_COST + font * ACTION_COST;
  if (f.fill !== undefined) bytes += 2 * PATH_COST + ACTION_COST;
  if (f.horizontalAlignment !== undefined) bytes += PATH_COST + ACTION_COST;
  if (f.borderTop) bytes += 3 * PATH_COST + 2 * ACTION_COST;
  return bytes;
}

/** One object path with its instantiate action, rounded up (the real client: about 185). */
const PATH_COST = 220;
/** One property-set or method action with short arguments (the real client: about 100). */
const ACTION_COST = 130;
/** A conditional format with a rule and a fill (the real client: about 1,400). */
const HIGHLIGHT_COST = 1_700;
/** A chart with a title and a position. */
const CHART_COST = 1_500;

/**
 * Format ranges with the same formatting on the same rows and adjacent columns merged into one
 * range (a multi-currency sheet formats each money column of a run of JPY rows alike): fewer
 * ranges, smaller requests, same result.
 *
 * @example
 * mergeAdjacentFormats([{ range: { row: 5, col: 3, rowCount: 2, colCount: 1 }, numberFormat: "#,##0" },
 *                       { range: { row: 5, col: 4, rowCount: 2, colCount: 1 }, numberFormat: "#,##0" }]);
 * // [{ range: { row: 5, col: 3, rowCount: 2, colCount: 2 }, numberFormat: "#,##0" }]
 */
export function mergeAdjacentFormats(formats: readonly FormatRange[]): FormatRange[] {
  const out: FormatRange[] = [];
  const styleKey = (f: FormatRange) => JSON.stringify({ ...f, range: undefined });
  for (const f of formats) {
    const last = out[out.length - 1];
    if (
      last &&
      styleKey(last) === styleKey(f) &&
      last.range.row === f.range.row &&
      last.range.rowCount === f.range.rowCount &&
      last.range.col + last.range.colCount === f.range.col
    ) {
      out[out.length - 1] = { ...last, range: { ...last.range, colCount: last.range.colCount + f.range.colCount } };
    } else out.push(f);
  }
  return out;
}

/** A piece of a sheet's layout and its estimated request bytes, so layout can be cut into budgeted requests. */
export interface LayoutStep {
  bytes: number;
  apply: (worksheet: Excel.Worksheet) => void;
}

/**
 * Everything after the values except the view settings, as steps of estimated size: formats
 * (adjacent equal ones merged), widths, highlights, charts. Conditional formats are skipped on
 * clients without ExcelApi 1.6; the values and number formats are complete without them.
 *
 * @example
 * for (const step of layoutSteps(model, width)) step.apply(sheet);
 */
export function layoutSteps(model: SheetModel, width: number): LayoutStep[] {
  const steps: LayoutStep[] = mergeAdjacentFormats(model.formats).map((f) => ({
    bytes: formatRangeBytes(f),
    apply: (ws) => applyFormatRange(ws, f),
  }));
  const widths = model.columns.map((c) => c.width);
  for (let c = 0; c < widths.length;) {
    const w = widths[c];
    let end = c + 1;
    while (end < widths.length && widths[end] === w) end++;
    const [from, count] = [c, end - c];
    if (w !== undefined && w > 0) {
      steps.push({
        bytes: 2 * PATH_COST + ACTION_COST,
        apply: (ws) => (ws.getRangeByIndexes(0, from, 1, count).format.columnWidth = columnWidthPoints(w)),
      });
    }
    c = end;
  }
  if (width > 0 && isExcelApiSupported("1.6")) {
    for (const h of model.highlights) steps.push({ bytes: HIGHLIGHT_COST, apply: (ws) => applyHighlight(ws, h) });
  }
  for (const c of model.charts) steps.push({ bytes: CHART_COST, apply: (ws) => addChart(ws, c) });
  return steps;
}

/**
 * Freeze panes and autofilter: applied only once the sheet is visible, in a request of their
 * own, because Excel has known bugs with `freezePanes` on hidden or inactive sheets
 * (office-js#1463, #3148) and a failure there must not cost the report (freeze panes need
 * ExcelApi 1.7, autofilter 1.9; skipped below that).
 *
 * @example
 * applyViewSettings(sheet, model, width); await context.sync(); // guarded by the caller
 */
export function applyViewSettings(worksheet: Excel.Worksheet, model: SheetModel, width: number): boolean {
  let queued = false;
  const { rows, cols } = model.freeze;
  if ((rows > 0 || cols > 0) && isExcelApiSupported("1.7")) {
    if (rows > 0 && cols > 0) worksheet.freezePanes.freezeAt(worksheet.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) worksheet.freezePanes.freezeRows(rows);
    else worksheet.freezePanes.freezeColumns(cols);
    queued = true;
  }
  if (model.filter && width > 0 && model.dataEnd > model.headerRow && isExcelApiSupported("1.9")) {
    worksheet.autoFilter.apply(worksheet.getRangeByIndexes(model.headerRow, 0, model.dataEnd - model.headerRow, width));
    queued = true;
  }
  return queued;
}
