/**
 * .xlsx output with ExcelJS: report SheetModels and plain source tables (the sample book).
 *
 * Both go through ExcelJS's streaming WorkbookWriter: its in-memory Workbook holds every cell as
 * an object until the end, which on a large report takes several times the time and an order of
 * magnitude more memory (`npm run bench` prints the writer's figures). Every file is written to a
 * temporary file beside the target and renamed into place, so a failed run never leaves a
 * half-written workbook, and a path that is one of the run's inputs is refused.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { CellValue, ConditionalHighlight, FormatRange, SheetModel, TableData } from "../engine/types";
import { writeAtomically } from "./atomic";
import { excelJsPageOptions } from "./pageLayout";

/** Options shared by the writers. */
export interface WriteOptions {
  /** Files the run read; writing over one of them is refused. */
  inputs?: readonly string[];
}

/** Options of writeTablesWorkbook. */
export interface TablesWriteOptions extends WriteOptions {
  /** Number format by header text, e.g. { "Invoice Date": "yyyy-mm-dd", "Amount": "#,##0.00" }. */
  numberFormats?: Readonly<Record<string, string>>;
}

/**
 * Up to this many rows per table, writeTablesWorkbook writes real Excel tables (ListObjects)
 * with ExcelJS's in-memory Workbook; beyond it, the streaming writer (which cannot write tables)
 * writes a styled header row with an autofilter, which readers treat the same way.
 */
export const LIST_OBJECT_MAX_ROWS = 20000;

const HEADER_FILL = "FF1F4E78";
const HEADER_FONT = "FFFFFFFF";

/**
 * Writes report sheets to an .xlsx file: values from A1, column number formats over the data
 * block, widths, format ranges, conditional highlights, frozen panes and an autofilter over
 * header + data when `filter` is set. Text is always written as a string cell (shared string),
 * so values such as "=1+1" or "@SUM" from the user's data never become formulas.
 *
 * Charts (SheetModel.charts) are not written: ExcelJS cannot create charts. The Office.js writer
 * draws them in Excel; the file's data ranges are the charts' sources, so a user can insert one.
 *
 * @example
 * await writeReportWorkbook(agingSheets(report, "en-US"), "AR Aging 2026-10.xlsx", { inputs: ["ledger.xlsx"] });
 */
export async function writeReportWorkbook(sheets: readonly SheetModel[], file: string, options: WriteOptions = {}): Promise<void> {
  await writeAtomically(file, options.inputs ?? [], async (temp) => {
    await writeStreamed(temp, (workbook) => {
      const used = new Set<string>();
      sheets.forEach((sheet, index) => {
        checkSheetName(sheet.name, used);
        writeSheetModel(workbook, sheet);
        // The sheet's tag in the file: readers skip only tagged sheets, never one merely named like a report.
        workbook.definedNames.add(`${quoteSheetName(sheet.name)}!$A$1`, `${REPORT_TAG_PREFIX}${index + 1}`);
      });
    });
  });
}

/**
 * Text as OOXML stores it so that Excel shows it unchanged: Excel decodes `_xHHHH_` in cell
 * text (`_x0041_` is "A"), and ExcelJS writes strings as given, so an invoice number such as
 * "INV_x0041_" would show as "INVA". The underscore that starts such a sequence is written as
 * `_x005F_` (the escape of "_"), which Excel and every reader decode back to the text as typed.
 * Other values pass through.
 *
 * @example
 * escapeOoxmlText("INV_x0041_") // "INV_x005F_x0041_"
 * escapeOoxmlText("A_B")        // "A_B"
 * escapeOoxmlText(12)           // 12
 */
export function escapeOoxmlText<T>(value: T): T | string {
  if (typeof value !== "string" || !value.includes("_x")) return value;
  return value.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_");
}

/**
 * Defined names `ARDesk.Report.<n>`, each pointing at A1 of a sheet AR Desk wrote: the tag of a
 * report sheet in a saved file (the add-in tags its sheets with a worksheet custom property
 * "ARDesk", which a saved file keeps as a <customPr>). Readers skip tagged sheets only.
 */
export const REPORT_TAG_PREFIX = "ARDesk.Report.";

/** A sheet name as a formula reference quotes it: 'AR Aging 2026-10', quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Throws when a sheet name breaks Excel's rules (1–31 characters, none of []:*?/\, unique
 * ignoring case): ExcelJS's streaming writer would write a workbook Excel refuses to open.
 *
 * @example
 * checkSheetName("AR Aging 2026-10", new Set()) // ok, and remembers the name
 */
export function checkSheetName(name: string, used: Set<string>): void {
  const key = name.toLowerCase();
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || used.has(key))
    throw new Error(`Invalid or duplicate sheet name: ${name}`);
  used.add(key);
}

/**
 * Runs a streaming workbook writer on our own file stream, opened before anything is written
 * and closed before returning, so the caller can rename the file on success or delete it on
 * failure (a stream ExcelJS opened itself could create the file after the delete).
 */
async function writeStreamed(temp: string, build: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<void> {
  const stream = createWriteStream(temp);
  await once(stream, "open");
  const closed = once(stream, "close").catch(() => undefined);
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
    build(workbook);
    await workbook.commit();
  } catch (error) {
    stream.destroy();
    throw error;
  } finally {
    await closed;
  }
}

function writeSheetModel(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SheetModel): void {
  const views: Partial<ExcelJS.WorksheetView>[] =
    sheet.freeze.rows > 0 || sheet.freeze.cols > 0
      ? [
          {
            state: "frozen",
            xSplit: sheet.freeze.cols,
            ySplit: sheet.freeze.rows,
            topLeftCell: cellAddress(sheet.freeze.rows, sheet.freeze.cols),
          },
        ]
      : [];
  const worksheet = workbook.addWorksheet(sheet.name, { views, ...(sheet.page ? excelJsPageOptions(sheet.page) : {}) });
  worksheet.columns = sheet.columns.map((c) => ({ width: c.width }));
  const breaks = new Set(sheet.page?.rowBreaks ?? []);
  const styles = new StyleCache(sheet);
  for (let r = 0; r < sheet.cells.length; r++) {
    const values = sheet.cells[r] as CellValue[];
    const row = worksheet.getRow(r + 1);
    const formats = sheet.formats.filter((f) => r >= f.range.row && r < f.range.row + f.range.rowCount);
    const inData = r >= sheet.dataStart && r < sheet.totalsEnd;
    for (let c = 0; c < values.length; c++) {
      const value = values[c] ?? null;
      const style = styles.get(r, c, inData, formats);
      if (value === null && !style) continue;
      const cell = row.getCell(c + 1);
      if (value !== null) cell.value = escapeOoxmlText(value);
      if (style) cell.style = style;
    }
    // A page starts at each break row: the break sits below the row before it (committed in order).
    if (breaks.has(r + 1)) row.addPageBreak();
    row.commit();
  }
  for (const highlight of sheet.highlights) worksheet.addConditionalFormatting(conditionalFormat(highlight));
  if (sheet.filter) {
    const lastRow = Math.max(sheet.headerRow, sheet.dataEnd - 1);
    const width = sheet.columns.length || (sheet.cells[sheet.headerRow]?.length ?? 1);
    worksheet.autoFilter = `${cellAddress(sheet.headerRow, 0)}:${cellAddress(lastRow, width - 1)}`;
  }
  worksheet.commit();
}

/**
 * Builds each distinct cell style once: data cells take their column's number format, format
 * ranges layer on top in order. Cells share style objects so ExcelJS registers each style once.
 */
class StyleCache {
  private readonly cache = new Map<string, Partial<ExcelJS.Style>>();
  constructor(private readonly sheet: SheetModel) {}

  get(row: number, col: number, inData: boolean, rowFormats: readonly FormatRange[]): Partial<ExcelJS.Style> | null {
    const column = this.sheet.columns[col];
    const columnFormat = inData && column && column.numberFormat && column.numberFormat !== "General" ? column.numberFormat : null;
    const applying: number[] = [];
    rowFormats.forEach((f) => {
      if (col >= f.range.col && col < f.range.col + f.range.colCount) applying.push(this.sheet.formats.indexOf(f));
    });
    if (!columnFormat && applying.length === 0) return null;
    const key = `${columnFormat ?? ""}|${applying.join(",")}`;
    let style = this.cache.get(key);
    if (!style) {
      style = composeStyle(
        columnFormat,
        applying.map((i) => this.sheet.formats[i] as FormatRange),
      );
      this.cache.set(key, style);
    }
    return style;
  }
}

/**
 * The ExcelJS style of a cell from its column's number format and the format ranges over it
 * (later ranges win).
 *
 * @example
 * composeStyle("#,##0.00", [{ range, bold: true, borderTop: true }])
 * // { numFmt: "#,##0.00", font: { bold: true }, border: { top: { style: "thin" } } }
 */
export function composeStyle(numberFormat: string | null, formats: readonly FormatRange[]): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (numberFormat) style.numFmt = numberFormat;
  for (const f of formats) {
    if (f.numberFormat) style.numFmt = f.numberFormat;
    if (f.bold !== undefined) font.bold = f.bold;
    if (f.italic !== undefined) font.italic = f.italic;
    if (f.fontSize !== undefined) font.size = f.fontSize;
    if (f.fontColor) font.color = { argb: argb(f.fontColor) };
    if (f.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
    if (f.horizontalAlignment) style.alignment = { horizontal: f.horizontalAlignment };
    if (f.borderTop) style.border = { top: { style: "thin" } };
  }
  if (Object.keys(font).length > 0) style.font = font;
  return style;
}

/**
 * "#RRGGBB" → ExcelJS ARGB "FFRRGGBB".
 *
 * @example
 * argb("#c00000") // "FFC00000"
 */
export function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

/**
 * A1 address of a 0-based row and column.
 *
 * @example
 * cellAddress(0, 27) // "AB1"
 */
export function cellAddress(row: number, col: number): string {
  let letters = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

const rangeAddress = (r: { row: number; col: number; rowCount: number; colCount: number }): string =>
  `${cellAddress(r.row, r.col)}:${cellAddress(r.row + r.rowCount - 1, r.col + r.colCount - 1)}`;

/** A formula literal for a rule value: numbers as written, text quoted with quotes doubled. */
const literal = (value: number | string): string => (typeof value === "number" ? String(value) : `"${value.replace(/"/g, '""')}"`);

/**
 * ExcelJS conditional formatting for a highlight rule on its bounded range.
 *
 * @example
 * conditionalFormat({ range: { row: 5, col: 3, rowCount: 10, colCount: 1 }, rule: { type: "cellValue", operator: "greaterThan", value: 0 }, fill: "#FFC7CE" })
 */
export function conditionalFormat(highlight: ConditionalHighlight): ExcelJS.ConditionalFormattingOptions {
  const style: Partial<ExcelJS.Style> = { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(highlight.fill) } } };
  if (highlight.fontColor) style.font = { color: { argb: argb(highlight.fontColor) } };
  const ref = rangeAddress(highlight.range);
  const rule = highlight.rule;
  if (rule.type === "textEquals") {
    return { ref, rules: [{ type: "cellIs", operator: "equal", formulae: [literal(rule.text)], style, priority: 1 }] };
  }
  if (rule.operator === "greaterThanOrEqual") {
    // ExcelJS's typings lack this cellIs operator; an expression relative to the range's top-left cell is equivalent.
    const topLeft = cellAddress(highlight.range.row, highlight.range.col);
    return {
      ref,
      rules: [{ type: "expression", formulae: [`AND(ISNUMBER(${topLeft}),${topLeft}>=${literal(rule.value)})`], style, priority: 1 }],
    };
  }
  const operator = rule.operator === "equalTo" ? "equal" : rule.operator;
  return { ref, rules: [{ type: "cellIs", operator, formulae: [literal(rule.value)], style, priority: 1 }] };
}

/**
 * Writes source tables (the sample book), one sheet per table: an Excel table (ListObject) with a
 * banded style for tables up to LIST_OBJECT_MAX_ROWS rows, otherwise a bold filled header row
 * with an autofilter (streaming). Number formats are applied by header text.
 *
 * @example
 * await writeTablesWorkbook(generateSampleBook({ invoices: 60, seed: 1 }), "sample.xlsx",
 *   { numberFormats: { "Invoice Date": "yyyy-mm-dd", Amount: "#,##0.00" } });
 */
export async function writeTablesWorkbook(tables: readonly TableData[], file: string, options: TablesWriteOptions = {}): Promise<void> {
  const formats = options.numberFormats ?? {};
  const large = tables.some((t) => t.rows.length > LIST_OBJECT_MAX_ROWS);
  await writeAtomically(file, options.inputs ?? [], async (temp) => {
    if (large) {
      await writeStreamed(temp, (workbook) => {
        for (const table of tables) writeStreamedTable(workbook, table, formats);
      });
    } else {
      const workbook = new ExcelJS.Workbook();
      for (const table of tables) writeListObject(workbook, table, formats);
      await writeFile(temp, new Uint8Array(await workbook.xlsx.writeBuffer()));
    }
  });
}

const headerText = (value: CellValue, index: number): string => (value === null || value === "" ? `Column${index + 1}` : String(value));

/** Excel table names: letters, digits, underscores and dots, starting with a letter or underscore. */
const tableName = (name: string): string => {
  const cleaned = name.replace(/[^\p{L}\p{N}_.]/gu, "_");
  return /^[\p{L}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
};

function columnWidth(table: TableData, c: number, numberFormat: string | undefined): number {
  const header = headerText(table.header[c] ?? null, c);
  let width = header.length + 4;
  if (numberFormat) width = Math.max(width, 14);
  const sample = Math.min(table.rows.length, 200);
  for (let r = 0; r < sample; r++) {
    const v = table.rows[r]?.[c];
    if (typeof v === "string") width = Math.max(width, v.length + 2);
  }
  return Math.min(width, 40);
}

function writeListObject(workbook: ExcelJS.Workbook, table: TableData, formats: Readonly<Record<string, string>>): void {
  const worksheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  const headers = table.header.map(headerText);
  worksheet.addTable({
    name: tableName(table.name),
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: table.rows.length > 0 ? table.rows.map((r) => headers.map((_h, c) => escapeOoxmlText(r[c] ?? null))) : [headers.map(() => null)],
  });
  headers.forEach((h, c) => {
    const column = worksheet.getColumn(c + 1);
    column.width = columnWidth(table, c, formats[h]);
    const numFmt = formats[h];
    if (numFmt) for (let r = 0; r < table.rows.length; r++) worksheet.getCell(r + 2, c + 1).numFmt = numFmt;
  });
}

function writeStreamedTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  table: TableData,
  formats: Readonly<Record<string, string>>,
): void {
  const worksheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }] });
  const headers = table.header.map(headerText);
  worksheet.columns = headers.map((h, c) => ({ width: columnWidth(table, c, formats[h]) }));
  const headerStyle: Partial<ExcelJS.Style> = {
    font: { bold: true, color: { argb: HEADER_FONT } },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } },
  };
  const headerRow = worksheet.getRow(1);
  headers.forEach((h, c) => {
    const cell = headerRow.getCell(c + 1);
    cell.value = escapeOoxmlText(h);
    cell.style = headerStyle;
  });
  headerRow.commit();
  const columnStyles = headers.map((h) => (formats[h] ? ({ numFmt: formats[h] } as Partial<ExcelJS.Style>) : null));
  for (let r = 0; r < table.rows.length; r++) {
    const values = table.rows[r] as CellValue[];
    const row = worksheet.getRow(r + 2);
    for (let c = 0; c < headers.length; c++) {
      const value = values[c] ?? null;
      if (value === null) continue;
      const cell = row.getCell(c + 1);
      cell.value = escapeOoxmlText(value);
      const style = columnStyles[c];
      if (style) cell.style = style;
    }
    row.commit();
  }
  worksheet.autoFilter = `A1:${cellAddress(Math.max(1, table.rows.length), headers.length - 1)}`;
  worksheet.commit();
}
