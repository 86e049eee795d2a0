/**
 * Cells that hold no usable value even though they are not blank: Excel's error values (#N/A
 * from a failed VLOOKUP, #REF!, …) and booleans where a name or number is expected.
 *
 * Adapters hand error cells over as their text ("#N/A"): the .xlsx reader from the cell's
 * type, the Office.js reader from `valueTypes`, a CSV file as Excel exported it. So the text of
 * an error value, alone in a cell, is read as that error wherever it comes from.
 */
import type { CellValue } from "../types";

/** Excel's error values, as Excel shows them (English names are used in files and by Office.js). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!",
  "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!",
]);

/**
 * True when a cell holds one of Excel's error values.
 *
 * @example
 * isErrorValue("#N/A")    // true
 * isErrorValue(" #REF! ") // true
 * isErrorValue("#12")     // false
 */
export function isErrorValue(cell: CellValue | undefined): boolean {
  if (typeof cell !== "string") return false;
  // Most cells do not start with "#": one comparison before the set lookup.
  const first = cell.charCodeAt(0);
  if (first !== 0x23 && first !== 0x20) return false;
  return EXCEL_ERRORS.has(cell.trim().toUpperCase());
}

/**
 * Index of the first error cell of a row, -1 when it has none.
 *
 * @example
 * errorColumn(["INV-1", "#N/A", 5]) // 1
 */
export function errorColumn(cells: readonly (CellValue | undefined)[]): number {
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (typeof cell === "string" && isErrorValue(cell)) return c;
  }
  return -1;
}

/**
 * The column that makes a ledger row unusable although it is not blank: the first error cell
 * in any column, else a boolean (TRUE/FALSE) where a name or number is expected (columns
 * `first` and `second`, -1 for none). -1 when the row has neither.
 *
 * @example
 * rowDefect(["INV-1", "#N/A", 5], 0, 1) // 1
 * rowDefect([true, "Acme", 5], 0, 1)    // 0
 */
export function rowDefect(cells: readonly (CellValue | undefined)[], first: number, second: number): number {
  const error = errorColumn(cells);
  if (error >= 0) return error;
  if (first >= 0 && typeof cells[first] === "boolean") return first;
  if (second >= 0 && typeof cells[second] === "boolean") return second;
  return -1;
}
