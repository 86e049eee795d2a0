/**
 * The workbook port over Office.js: what the use cases (src/app) need from a workbook, built from
 * the adapter's functions and one `Excel.run` (the real one, the ribbon's delay-for-cell-edit
 * wrapper, or the workbench's simulated one).
 */
import type { CellValue, SheetModel } from "../engine/types";
import type { PortHighlight, PortHighlightPurpose, PortNewTable, PortReadOptions, PortWriteOptions, WorkbookPort } from "../app/port";
import { addTrackedHighlights, clearTrackedHighlights } from "./highlights";
import { readWorkbookTables } from "./read";
import { RoundTrips } from "./roundTrips";
import { insertTables } from "./sample";
import type { ExcelRun } from "./types";
import { type WriteTuning, writeReportSheets } from "./write";

/** What a front end decides for every write through its port. */
export type ExcelPortOptions = Pick<WriteTuning, "editedSuffix" | "decideEdited">;

/**
 * A setting's stored text as the JSON value it holds; text that is not JSON is returned as it is
 * (a value saved by hand or by an older version: the use case decides what to make of it).
 *
 * @example
 * settingValue('{"a":1}') // { a: 1 }
 * settingValue("plain")   // "plain"
 */
export function settingValue(stored: unknown): unknown {
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
 * The workbook port over `run`. `options` are the front end's: the task pane asks the user what
 * to do with an edited report sheet (`decideEdited`); the ribbon, which cannot ask, keeps it.
 *
 * @example
 * const port = excelPort(officeRun(), { decideEdited: (edited) => askUser(edited) });
 * const result = await runAging(port, requestFromSettings(settings, lang, today()));
 */
export function excelPort(run: ExcelRun, portOptions: ExcelPortOptions = {}): WorkbookPort {
  return {
    readTables: (options: PortReadOptions = {}) => readWorkbookTables(run, options),
    writeSheets: (sheets: SheetModel[], options: PortWriteOptions) => writeReportSheets(run, sheets, { ...portOptions, ...options }),
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
    setHighlights: (purpose: PortHighlightPurpose, rules: readonly PortHighlight[]) => addTrackedHighlights(run, purpose, rules),
    clearHighlights: async (purpose: PortHighlightPurpose) => ({ removed: (await clearTrackedHighlights(run, purpose)).removed }),
    createTable: async (table: PortNewTable) => {
      const formats = table.header.map((_, c) => table.formats?.[c] ?? null);
      const [sheet] = await insertTables(
        run,
        [{ sheet: table.sheet, name: table.name, header: table.header, rows: [], firstRow: 2, firstColumn: 0 }],
        {
          columnFormats: [formats],
        },
      );
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
        const body = table.getDataBodyRange();
        body.load("values,rowIndex,rowCount");
        await trips.sync();
        const values = rows as (string | number | boolean)[][];
        // A new table has one blank data row (Excel needs one): the first rows fill it instead of
        // leaving a gap at the top of the user's log.
        const blankBody = body.rowCount === 1 && (body.values[0] ?? []).every((cell) => cell === "" || cell === null);
        if (blankBody && values.length > 0) {
          body.values = [values[0]!];
          if (values.length > 1) table.rows.add(undefined, values.slice(1));
        } else if (values.length > 0) {
          // Excel grows the table by the rows added in one call (never a call per row).
          table.rows.add(undefined, values);
        }
        await trips.sync();
        const firstRow = blankBody ? body.rowIndex + 1 : range.rowIndex + range.rowCount + 1;
        return { sheet: sheetOfAddress(range.address), firstRow };
      }),
  };
}
