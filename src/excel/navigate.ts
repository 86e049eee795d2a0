/**
 * Taking the user to a cell (an issue in the issues list, a source table).
 */
import { rangeA1 } from "./a1";
import type { ExcelRun } from "./types";

/**
 * Activates `sheet` and selects `cellAddress` on it (one round trip). A sheet or address that
 * no longer exists rejects with Excel's ItemNotFound / InvalidArgument error.
 *
 * @example
 * await selectCell(Excel.run, "Invoices", "C12");
 */
export async function selectCell(run: ExcelRun, sheet: string, cellAddress: string): Promise<void> {
  await run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(cellAddress).select();
    await context.sync();
  });
}

/** Rows of a table to select: 1-based sheet rows, across the table's columns. */
export interface RowsTarget {
  sheet: string;
  rows: readonly number[];
  /** 0-based sheet column of the table's first column, and the table's width. */
  firstColumn: number;
  columnCount: number;
}

/**
 * The block `selectRows` selects: all the rows when they are consecutive, else the first one.
 * Office.js selects one rectangle at a time (`Range.select`); rows far apart (a split or a
 * duplicate key) cannot be selected together, so the caller names the others to the user.
 * Null when there is no row.
 *
 * @example
 * rowsBlock({ sheet: "Invoices", rows: [12, 13], firstColumn: 0, columnCount: 6 }) // "A12:F13"
 * rowsBlock({ sheet: "Invoices", rows: [12, 40], firstColumn: 0, columnCount: 6 }) // "A12:F12"
 */
export function rowsBlock(target: RowsTarget): string | null {
  const rows = [...target.rows].sort((a, b) => a - b);
  const first = rows[0];
  if (first === undefined) return null;
  const consecutive = rows.every((row, k) => row === first + k);
  const last = consecutive ? (rows[rows.length - 1] ?? first) : first;
  return rangeA1({ row: first - 1, col: target.firstColumn, rowCount: last - first + 1, colCount: Math.max(1, target.columnCount) });
}

/**
 * Activates the table's sheet and selects the rows (see `rowsBlock`) in one round trip;
 * resolves to the address selected, or null when there was no row to select.
 *
 * @example
 * await selectRows(Excel.run, { sheet: "Statement", rows: [5, 6], firstColumn: 0, columnCount: 4 }); // "A5:D6"
 */
export async function selectRows(run: ExcelRun, target: RowsTarget): Promise<string | null> {
  const address = rowsBlock(target);
  if (address === null) return null;
  await selectCell(run, target.sheet, address);
  return address;
}
