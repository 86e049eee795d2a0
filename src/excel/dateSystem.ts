/**
 * The workbook's date system, in one place for every reader and writer.
 *
 * Inside AR Desk every date is a 1900-system serial (the engine's reader shifts a 1904 book's
 * serials on the way in). A 1904 book stores serials counted from 1904-01-01, 1,462 days fewer
 * for the same day, so every date written into such a book must be shifted back on the way out,
 * or it shows four years and a day late.
 *
 * Office.js has no released property for the system (`Workbook.use1904DateSystem` is not in a
 * numbered requirement set), so AR Desk asks Excel's own DATE function (`workbook.functions`,
 * ExcelApi 1.2): DATE(1904,1,2) is 1463 in the 1900 system and 1 in the 1904 system. Where the
 * Functions API is missing the workbook is assumed to use 1900.
 */
import type { SheetModel, SheetValue } from "../engine/types";
import { isExcelApiSupported } from "./support";

/** A workbook date system. */
export type DateSystem = 1900 | 1904;

/** Days from the 1900 system's serials to the 1904 system's for the same day. */
export const OFFSET_1904 = 1462;

/**
 * Queues the date-system probe in the current batch; the returned function gives the answer
 * after the next sync.
 *
 * @example
 * const system = queueDateSystem(context.workbook); await context.sync(); system(); // 1900
 */
export function queueDateSystem(workbook: Excel.Workbook): () => DateSystem {
  const functions = isExcelApiSupported("1.2") ? (workbook as { functions?: Excel.Functions }).functions : undefined;
  if (!functions || typeof functions.date !== "function") return () => 1900;
  const result = functions.date(1904, 1, 2);
  result.load("value");
  return () => (typeof result.value === "number" && result.value < OFFSET_1904 ? 1904 : 1900);
}

/**
 * A 1900-system serial as the book stores it.
 *
 * @example
 * toBookSerial(46326, 1904); // 44864 (2026-10-31)
 * toBookSerial(46326, 1900); // 46326
 */
export function toBookSerial(serial1900: number, system: DateSystem): number {
  return system === 1904 ? serial1900 - OFFSET_1904 : serial1900;
}

/**
 * Whether a number format shows a date (day, month or year tokens outside quoted text, escapes
 * and [colour]/[$-locale] sections); a time-only format ("h:mm") or a number format is not.
 *
 * @example
 * isDateFormat("yyyy-mm-dd"); // true
 * isDateFormat('#,##0.00 "days"'); // false
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
}

/**
 * Which cells of a model hold dates: data rows of date-formatted columns, and every cell of a
 * format range with a date number format (an "as of" cell in a title row).
 *
 * @example
 * const isDate = dateCells(model); isDate(model.dataStart, 4); // true for an invoice-date column
 */
export function dateCells(model: SheetModel): (row: number, col: number) => boolean {
  const columns = model.columns.map((c) => !c.isText && isDateFormat(c.numberFormat));
  const ranges = model.formats.filter((f) => isDateFormat(f.numberFormat)).map((f) => f.range);
  return (row, col) =>
    (columns[col] === true && row >= model.dataStart && row < model.dataEnd) ||
    ranges.some((r) => row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount);
}

/**
 * The model with its date cells converted to the book's system (the same model when the book
 * uses 1900). Every writer of the Office.js adapter goes through this.
 *
 * @example
 * inBookDates(agingDetail, 1904).cells[5][4]; // 44864 where the model says 46326
 */
export function inBookDates(model: SheetModel, system: DateSystem): SheetModel {
  if (system === 1900) return model;
  const isDate = dateCells(model);
  const cells = model.cells.map((row, r) =>
    row.map((v, c): SheetValue => (typeof v === "number" && isDate(r, c) ? toBookSerial(v, system) : v)),
  );
  return { ...model, cells };
}
