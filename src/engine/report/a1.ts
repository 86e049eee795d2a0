/**
 * A1-notation helpers. Addresses are built from 0-based indexes, the way the SheetModel and
 * `getRangeByIndexes` count.
 */
import type { GridRange } from "../types";

/**
 * Column letters for a 0-based column index.
 *
 * @example
 * columnName(0); // "A"
 * columnName(27); // "AB"
 */
export function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/**
 * A1 address of one cell from 0-based indexes.
 *
 * @example
 * cellA1(2, 1); // "B3"
 */
export function cellA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/**
 * A1 address of a block ("B3:D10"; a single cell stays "B3").
 *
 * @example
 * rangeA1({ row: 0, col: 0, rowCount: 2, colCount: 3 }); // "A1:C2"
 */
export function rangeA1(range: GridRange): string {
  const start = cellA1(range.row, range.col);
  if (range.rowCount === 1 && range.colCount === 1) return start;
  return `${start}:${cellA1(range.row + range.rowCount - 1, range.col + range.colCount - 1)}`;
}

/**
 * A sheet name as it must appear before "!" in a formula or address: quoted (with inner
 * quotes doubled) unless it is a plain identifier that cannot be mistaken for a cell.
 *
 * @example
 * quoteSheetName("Invoices"); // "Invoices"
 * quoteSheetName("AR Aging 2026-10"); // "'AR Aging 2026-10'"
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[RrCc][0-9]*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Sheet-qualified A1 address.
 *
 * @example
 * sheetAddress("Invoices", { row: 0, col: 0, rowCount: 61, colCount: 11 }); // "Invoices!A1:K61"
 */
export function sheetAddress(sheet: string, range: GridRange): string {
  return `${quoteSheetName(sheet)}!${rangeA1(range)}`;
}
