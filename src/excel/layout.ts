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
  for (let c = 0; c < formats.length; ) {
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
  const chart = worksheet.charts.add(c.type === "columnStacked" ? "ColumnStacked" : "ColumnClustered", source, c.seriesBy === "rows" ? "Rows" : "Columns");
  chart.title.text = c.title;
  chart.setPosition(cellA1(c.anchor.row, c.anchor.col));
}

/**
 * Queues everything after the values: formats, widths, freeze panes, filter, highlights,
 * charts. Optional features are skipped on clients without their requirement set (freeze panes
 * 1.7, autofilter 1.9, conditional formats 1.6); the values and number formats are complete
 * without them.
 *
 * @example
 * applyLayout(sheet, model, model.cells[0]?.length ?? 0);
 */
export function applyLayout(worksheet: Excel.Worksheet, model: SheetModel, width: number): void {
  for (const f of model.formats) applyFormatRange(worksheet, f);

  // Column widths, adjacent equal widths in one range.
  const widths = model.columns.map((c) => c.width);
  for (let c = 0; c < widths.length; ) {
    const w = widths[c];
    let end = c + 1;
    while (end < widths.length && widths[end] === w) end++;
    if (w !== undefined && w > 0) worksheet.getRangeByIndexes(0, c, 1, end - c).format.columnWidth = columnWidthPoints(w);
    c = end;
  }

  const { rows, cols } = model.freeze;
  if ((rows > 0 || cols > 0) && isExcelApiSupported("1.7")) {
    if (rows > 0 && cols > 0) worksheet.freezePanes.freezeAt(worksheet.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) worksheet.freezePanes.freezeRows(rows);
    else worksheet.freezePanes.freezeColumns(cols);
  }

  if (model.filter && width > 0 && model.dataEnd > model.headerRow && isExcelApiSupported("1.9")) {
    worksheet.autoFilter.apply(worksheet.getRangeByIndexes(model.headerRow, 0, model.dataEnd - model.headerRow, width));
  }

  if (isExcelApiSupported("1.6")) for (const h of model.highlights) applyHighlight(worksheet, h);
  for (const c of model.charts) addChart(worksheet, c);
}
