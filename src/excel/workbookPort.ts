/**
 * The workbook port over Office.js for the Collections view on this branch. The architecture
 * work adds the shared one (src/excel/port.ts, excelPort) with the same behaviour; when both are
 * present, this file is to be deleted and the pane given excelPort(run).
 */
import type { CellValue, SheetModel } from "../engine/types";
import type { PortHighlight, PortHighlightPurpose, PortNewTable, PortReadOptions, PortWriteOptions, WorkbookPort } from "../app/port";
import { addTrackedHighlights, clearTrackedHighlights, type HighlightPurpose } from "./highlights";
import { readWorkbookTables } from "./read";
import { RoundTrips } from "./roundTrips";
import { insertTables } from "./sample";
import type { ExcelRun } from "./types";
import { writeReportSheets } from "./write";
import { toExcelValue } from "./textSafety";

/** A setting's stored JSON text as its value; other text as it is. */
function settingValue(stored: unknown): unknown {
  if (typeof stored !== "string") return stored;
  try {
    return JSON.parse(stored) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return stored;
    throw error;
  }
}

/** The sheet of a sheet-qualified address ("'My Sheet'!A1:C4" → "My Sheet"). */
function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  const sheet = bang < 0 ? "" : address.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/**
 * The workbook port over `run`.
 *
 * @example
 * const port = officeWorkbookPort(Excel.run);
 * await runCollections(port, request);
 */
export function officeWorkbookPort(run: ExcelRun): WorkbookPort {
  // Highlight records are keyed by the purpose's text, so "collections" is recorded and cleared like the others.
  const purposeOf = (purpose: PortHighlightPurpose): HighlightPurpose => purpose as HighlightPurpose;
  return {
    readTables: (options: PortReadOptions = {}) => readWorkbookTables(run, { signal: options.signal }),
    writeSheets: (sheets: SheetModel[], options: PortWriteOptions) => writeReportSheets(run, sheets, { period: options.period, signal: options.signal, activate: options.activate }),
    readSetting: (key: string) =>
      run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(key);
        item.load("value");
        await new RoundTrips(context).sync();
        return item.isNullObject ? null : settingValue(item.value);
      }),
    writeSetting: (key: string, value: unknown) =>
      run(async (context) => {
        context.workbook.settings.add(key, JSON.stringify(value));
        await new RoundTrips(context).sync();
      }),
    setHighlights: (purpose: PortHighlightPurpose, rules: readonly PortHighlight[]) => addTrackedHighlights(run, purposeOf(purpose), rules),
    clearHighlights: async (purpose: PortHighlightPurpose) => ({ removed: (await clearTrackedHighlights(run, purposeOf(purpose))).removed }),
    createTable: async (table: PortNewTable) => {
      const formats = table.header.map((_, c) => table.formats?.[c] ?? null);
      const [sheet] = await insertTables(run, [{ sheet: table.sheet, name: table.name, header: table.header, rows: [], firstRow: 2, firstColumn: 0 }], {
        columnFormats: [formats],
      });
      const name = await run(async (context) => {
        const tables = context.workbook.worksheets.getItem(sheet ?? table.sheet).tables;
        tables.load("items/name");
        await new RoundTrips(context).sync();
        return tables.items[0]?.name ?? table.name;
      });
      return { sheet: sheet ?? table.sheet, name };
    },
    appendRows: (name: string, rows: CellValue[][]) =>
      run(async (context) => {
        const trips = new RoundTrips(context);
        const table = context.workbook.tables.getItem(name);
        const range = table.getRange();
        range.load("address,rowIndex,rowCount");
        await trips.sync();
        // One call adds every row (the table grows once); text Excel would read as a formula or a
        // number ("=will pay", "1-30") is written as text, blanks as Excel's empty value.
        if (rows.length > 0) table.rows.add(undefined, rows.map((r) => r.map((v) => toExcelValue(v, false))));
        await trips.sync();
        return { sheet: sheetOfAddress(range.address), firstRow: range.rowIndex + range.rowCount + 1 };
      }),
  };
}
