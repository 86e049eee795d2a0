/**
 * Cells that hold no usable value even though they are not blank: Excel's error values (#N/A
 * from a failed VLOOKUP, #REF!, …) and booleans where a name or number is expected.
 *
 * Adapters hand error cells over as their text ("#N/A"). The .xlsx reader (from the cell's type)
 * and the Office.js reader (from `valueTypes`) also list which cells are errors
 * (`TableData.errorCells`), so a customer typed as the text "#N/A" stays a customer; a CSV file
 * cannot say, so there the text of an error value, alone in a cell, is that error.
 */
import type { CellValue, TableData } from "../types";
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
 * value fails to parse (see `report` in state.ts). `textErrors` false (the adapter listed its
 * error cells, which {@link errorRows} found first) leaves text like "#N/A" to be text.
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
  textErrors = true,
): number {
  if (textErrors && number !== null && codeUnit(number, 0) === 0x23 && EXCEL_ERRORS.has(number)) return cNumber;
  if (textErrors && customer !== null && codeUnit(customer, 0) === 0x23 && EXCEL_ERRORS.has(customer)) return cCustomer;
  if (cNumber >= 0 && typeof cells[cNumber] === "boolean") return cNumber;
  if (cCustomer >= 0 && typeof cells[cCustomer] === "boolean") return cCustomer;
  return -1;
}

/**
 * False when {@link rowDefect} cannot find a defect in the row: a boolean is told by its cell's
 * type, and an error value's text starts with "#" (looked at only with `textErrors`, as in
 * rowDefect). The row loops ask this first, so a usual row pays two type checks, not the call.
 *
 * @example
 * mayHaveDefect("INV-1", "Acme", "INV-1", "Acme", true) // false
 * mayHaveDefect("INV-1", "#N/A", "INV-1", "#N/A", true) // true
 * mayHaveDefect("INV-1", "#N/A", "INV-1", "#N/A", false) // false (the adapter listed its error cells)
 * mayHaveDefect(true, "Acme", "TRUE", "Acme", false)    // true
 */
export function mayHaveDefect(
  numberCell: CellValue | undefined,
  customerCell: CellValue | undefined,
  number: string | null,
  customer: string | null,
  textErrors: boolean,
): boolean {
  return (
    typeof numberCell === "boolean" ||
    typeof customerCell === "boolean" ||
    (textErrors && (startsWithHash(number) || startsWithHash(customer)))
  );
}

/** A text that starts like an error value ("#"). */
function startsWithHash(text: string | null): boolean {
  return text !== null && codeUnit(text, 0) === 0x23;
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

/** Columns per row in a cell key: Excel's 16,384 (A..XFD), so keys stay exact doubles. */
const KEY_COLUMNS = 16384;

/**
 * The key of cell (row index `i` into `TableData.rows`, column index `c` into its header) in
 * `TableData.errorCells` and `unsavedFormulas`.
 *
 * @example
 * cellKey(2, 3) // 32771
 */
export function cellKey(i: number, c: number): number {
  return i * KEY_COLUMNS + c;
}

/** Row index and column index of a {@link cellKey}. */
export function cellOfKey(key: number): { i: number; c: number } {
  const c = key % KEY_COLUMNS;
  return { i: (key - c) / KEY_COLUMNS, c };
}

/**
 * True when cell (i, c) of `table` holds an Excel error value: by the adapter's list when it
 * gave one, else by the cell's text.
 *
 * @example
 * isErrorCell({ ...table, errorCells: new Set() }, 0, 1, "#N/A") // false: typed as text
 * isErrorCell(csvTable, 0, 1, "#N/A")                            // true
 */
export function isErrorCell(table: TableData, i: number, c: number, value: CellValue | undefined): boolean {
  if (!isErrorValue(value)) return false;
  return table.errorCells === undefined || table.errorCells.has(cellKey(i, c));
}

/**
 * The rows of `table` with an error value in one of the `used` columns, each with its first such
 * column; null when none. Error values in columns the run does not use are not looked at.
 * Adapters that list their error cells make this a walk over that (short) list; without a list
 * the `scan` columns (the used columns the row loop does not already check) are searched by text.
 *
 * @example
 * errorRows({ ...table, errorCells: new Set([cellKey(4, 2)]) }, [0, 1, 2], []) // Map { 4 => 2 }
 */
export function errorRows(table: TableData, used: readonly number[], scan: readonly number[]): Map<number, number> | null {
  let rows: Map<number, number> | null = null;
  const mark = (i: number, c: number): void => {
    rows ??= new Map();
    const known = rows.get(i);
    if (known === undefined || c < known) rows.set(i, c);
  };
  if (table.errorCells !== undefined) {
    if (table.errorCells.size === 0) return null;
    const wanted = new Set(used);
    for (const key of table.errorCells) {
      const { i, c } = cellOfKey(key);
      if (wanted.has(c)) mark(i, c);
    }
    return rows;
  }
  const data = table.rows;
  const columns = scan.filter((c) => c >= 0).sort((a, b) => a - b);
  if (columns.length === 0) return null;
  // Row by row (each row is touched once, while it is in cache), "#" tested inline, three
  // columns at a time in locals: this runs over every row of a CSV ledger's descriptive columns.
  for (let from = 0; from < columns.length; from += 3) {
    const c0 = columns[from]!;
    const c1 = columns[from + 1] ?? c0;
    const c2 = columns[from + 2] ?? c0;
    for (let i = 0, n = data.length; i < n; i++) {
      const cells = data[i];
      if (cells === undefined) continue;
      const a = cells[c0];
      const b = cells[c1];
      const d = cells[c2];
      if (typeof a === "string" && a.charCodeAt(0) === 0x23 && EXCEL_ERRORS.has(a)) mark(i, c0);
      if (typeof b === "string" && b.charCodeAt(0) === 0x23 && EXCEL_ERRORS.has(b)) mark(i, c1);
      if (typeof d === "string" && d.charCodeAt(0) === 0x23 && EXCEL_ERRORS.has(d)) mark(i, c2);
    }
  }
  return rows;
}
