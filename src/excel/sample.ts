/**
 * Inserting tables as new sheets, for "Insert sample data": each table becomes an Excel table
 * on a new sheet, never overwriting an existing sheet. These sheets are the user's data from
 * then on, so they are not tagged as AR Desk's.
 */
import type { TableData } from "../engine/types";
import { planRowBlocks } from "./blocks";
import { type DateSystem, isDateFormat, queueDateSystem, toBookSerial } from "./dateSystem";
import { throwIfAborted } from "./errors";
import { setUniformNumberFormat } from "./layout";
import { sameSheetName, sanitizeSheetName, uniqueSheetName } from "./owned";
import { RoundTrips } from "./roundTrips";
import { toExcelValue } from "./textSafety";
import type { ExcelRun, ProgressListener } from "./types";

/** Number format for date columns (serials): ISO order reads the same in every locale. */
export const DATE_FORMAT = "yyyy-mm-dd";
/** Number format for money columns. */
export const MONEY_FORMAT = "#,##0.00";
/** Number format for text columns (ids such as "00123" stay text). */
export const TEXT_FORMAT = "@";

/**
 * Number format per column of one table (null or missing: General), e.g.
 * `[TEXT_FORMAT, null, DATE_FORMAT, MONEY_FORMAT]`.
 */
export type ColumnFormats = ReadonlyArray<string | null>;

/** Options for {@link insertTables}. */
export interface InsertTablesOptions {
  /** Column formats per table, parallel to `tables`. */
  columnFormats?: ReadonlyArray<ColumnFormats | undefined>;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

/**
 * A valid, unused Excel table name derived from `name`: letters, digits, "_" and "." only,
 * not starting with a digit, not shaped like a cell reference.
 *
 * @example
 * tableName("Sample Invoices", () => true); // "Sample_Invoices"
 */
export function tableName(name: string, isFree: (candidate: string) => boolean): string {
  let base = name.replace(/[^A-Za-z0-9_.\u00C0-\uFFFF]/g, "_").slice(0, 200);
  if (!/^[A-Za-z_\u00C0-\uFFFF]/.test(base)) base = `_${base}`;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(base) || /^[RrCc][0-9]*$/.test(base)) base = `_${base}`;
  if (isFree(base)) return base;
  for (let n = 2; ; n++) if (isFree(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * Creates one new sheet per table (named after `table.sheet`, made unique), writes the header
 * and rows where the table says (`firstRow`, `firstColumn`), applies the column formats before
 * the values, and makes each an Excel table. Returns the sheet names used.
 *
 * Round trips: 1 to list sheets and tables, 1 per value block, 1 to create the tables.
 *
 * @example
 * const names = await insertTables(Excel.run, sampleBook.tables, {
 *   columnFormats: [[TEXT_FORMAT, TEXT_FORMAT, DATE_FORMAT, DATE_FORMAT, MONEY_FORMAT]],
 * });
 */
export async function insertTables(run: ExcelRun, tables: TableData[], options: InsertTablesOptions = {}): Promise<string[]> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  if (tables.length === 0) return [];
  const grids = tables.map((t, i) => {
    const formats = options.columnFormats?.[i] ?? [];
    const width = Math.max(t.header.length, ...t.rows.map((r) => r.length));
    const pad = (row: readonly unknown[]) => Array.from({ length: width }, (_, c) => row[c] ?? null);
    const cells = [pad(t.header), ...t.rows.map(pad)] as Array<Array<string | number | boolean | null>>;
    const dates = formats.map((f) => isDateFormat(f ?? undefined));
    // Dates arrive as 1900-system serials and go into the book in its own system.
    const toValues = (start: number, count: number, system: DateSystem = 1900) =>
      cells.slice(start, start + count).map((row, r) =>
        row.map((v, c) => {
          const body = start + r > 0;
          const value = body && dates[c] === true && typeof v === "number" ? toBookSerial(v, system) : v;
          return toExcelValue(value, body && formats[c] === TEXT_FORMAT);
        }),
      );
    return { table: t, formats, width, cells, toValues, blocks: planRowBlocks(0, cells.length, toValues) };
  });

  return run(async (context) => {
    const trips = new RoundTrips(context);
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const existingTables = context.workbook.tables;
    existingTables.load("items/name");
    const dateSystem = queueDateSystem(context.workbook);
    await trips.sync();
    const system = dateSystem();

    const sheetNames = worksheets.items.map((w) => w.name);
    const tableNames = existingTables.items.map((t) => t.name.toLowerCase());
    const placed = grids.map((g) => {
      const name = uniqueSheetName(sanitizeSheetName(g.table.sheet), (n) => !sheetNames.some((s) => sameSheetName(s, n)));
      sheetNames.push(name);
      const ws = worksheets.add(name);
      const row = Math.max(0, g.table.firstRow - 2);
      const col = Math.max(0, g.table.firstColumn);
      // Formats before values: a text format must be in place when the strings arrive.
      g.formats.forEach((format, c) => {
        if (format && g.cells.length > 1) setUniformNumberFormat(ws.getRangeByIndexes(row + 1, col + c, g.cells.length - 1, 1), format);
      });
      return { ...g, name, ws, row, col };
    });

    const total = placed.reduce((n, p) => n + p.blocks.length, 0);
    let done = 0;
    for (const p of placed) {
      for (const block of p.blocks) {
        throwIfAborted(signal);
        p.ws.getRangeByIndexes(p.row + block.start, p.col, block.count, p.width).values = p.toValues(block.start, block.count, system);
        await trips.sync();
        onProgress?.({ stage: "write", done: ++done, total });
      }
    }

    for (const p of placed) {
      if (p.width === 0) continue;
      const range = p.ws.getRangeByIndexes(p.row, p.col, Math.max(2, p.cells.length), p.width);
      const table = p.ws.tables.add(range, true);
      const name = tableName(p.table.name, (n) => !tableNames.includes(n.toLowerCase()));
      tableNames.push(name.toLowerCase());
      table.name = name;
      range.format.autofitColumns();
    }
    await trips.sync();
    return placed.map((p) => p.name);
  });
}
