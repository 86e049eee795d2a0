/**
 * Cells that hold no usable value even though they are not blank: Excel's error values (#N/A
 * from a failed VLOOKUP, #REF!, …) and booleans where a name or number is expected.
 *
 * Adapters hand error cells over as their text ("#N/A"): the .xlsx reader from the cell's
 * type, the Office.js reader from `valueTypes`, a CSV file as Excel exported it. So the text of
 * an error value, alone in a cell, is read as that error wherever it comes from.
 */
import type { CellValue } from "../types";
import { codeUnit } from "./normalize";

/** Excel's error values, as Excel shows them (English names are used in files and by Office.js). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
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
  const first = codeUnit(cell, 0);
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
  // Runs on every row: one type check and one code unit per cell, the set only for "#…".
  for (let c = 0, n = cells.length; c < n; c++) {
    const cell = cells[c];
    if (typeof cell === "string" && codeUnit(cell, 0) === 0x23 && EXCEL_ERRORS.has(cell)) return c;
  }
  return -1;
}

/**
 * The column that makes a ledger row unusable at once: its number or customer cell holds an
 * Excel error value, or a boolean (TRUE/FALSE) where a name or number is expected. -1 when
 * neither. `number` and `customer` are the cells' texts, already read by the row loop, so this
 * costs a code unit each; error values in the other columns a loop reads are caught where their
 * value fails to parse (see `report` in state.ts).
 *
 * @example
 * rowDefect([true, "Acme", 5], "TRUE", "Acme", 0, 1)  // 0
 * rowDefect(["I-1", "#N/A", 5], "I-1", "#N/A", 0, 1)  // 1
 */
export function rowDefect(
  cells: readonly (CellValue | undefined)[],
  number: string | null,
  customer: string | null,
  cNumber: number,
  cCustomer: number,
): number {
  if (number !== null && codeUnit(number, 0) === 0x23 && EXCEL_ERRORS.has(number)) return cNumber;
  if (customer !== null && codeUnit(customer, 0) === 0x23 && EXCEL_ERRORS.has(customer)) return cCustomer;
  if (cNumber >= 0 && typeof cells[cNumber] === "boolean") return cNumber;
  if (cCustomer >= 0 && typeof cells[cCustomer] === "boolean") return cCustomer;
  return -1;
}

/**
 * False when neither text can make {@link rowDefect} answer: a text that is an error value
 * starts with "#", and a boolean cell's text is "TRUE" or "FALSE". The row loops ask this first,
 * so a usual row pays one code unit per text, not the call.
 *
 * @example
 * mayHaveDefect("INV-1", "Acme")  // false
 * mayHaveDefect("INV-1", "#N/A")  // true
 * mayHaveDefect("TRUE", "Acme")   // true
 */
export function mayHaveDefect(number: string | null, customer: string | null): boolean {
  return mayBeDefect(number) || mayBeDefect(customer);
}

/** A text that starts like an error value ("#") or a boolean's text ("T", "F"). */
function mayBeDefect(text: string | null): boolean {
  if (text === null) return false;
  const first = codeUnit(text, 0);
  return first === 0x23 || first === 0x54 || first === 0x46;
}

/**
 * True when a text read from a cell is one of Excel's error values; for texts the row loops
 * already hold (a code unit, then the set).
 *
 * @example
 * isErrorText("#N/A") // true
 */
export function isErrorText(text: string | null): boolean {
  return text !== null && codeUnit(text, 0) === 0x23 && EXCEL_ERRORS.has(text);
}
