/**
 * Reading one cell the user names ("GL!B5"), e.g. the general ledger's control balance for the
 * GL tie-out. The value is returned as read; what it means is the caller's business.
 */
import type { CellValue } from "../engine/types";
import type { ExcelRun } from "./types";

/** A reference to one cell: its sheet (null: the active sheet) and A1 address without "$". */
export interface CellReference {
  sheet: string | null;
  address: string;
}

/**
 * Reads a single-cell reference as a user types it: "GL!B5", "'GL balances'!$B$5" (quotes
 * doubled inside a quoted name, as in a formula; a name with spaces is also taken unquoted,
 * since users type it so), or "B5" on the active sheet. Null for anything else (a range, a bad
 * column, an empty sheet name).
 *
 * @example
 * parseCellReference("GL!$B$5")           // { sheet: "GL", address: "B5" }
 * parseCellReference("'Trial balance'!C9") // { sheet: "Trial balance", address: "C9" }
 * parseCellReference("B5")                // { sheet: null, address: "B5" }
 * parseCellReference("B5:C6")             // null
 */
export function parseCellReference(text: string): CellReference | null {
  const trimmed = text.trim();
  const bang = trimmed.lastIndexOf("!");
  const sheetPart = bang < 0 ? null : trimmed.slice(0, bang);
  const cellPart = bang < 0 ? trimmed : trimmed.slice(bang + 1);
  const cell = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(cellPart.trim());
  if (!cell) return null;
  // Excel's last column is XFD and its last row 1,048,576.
  const letters = cell[1]!.toUpperCase();
  if (letters.length === 3 && letters > "XFD") return null;
  if (Number(cell[2]) > 1048576) return null;
  const address = `${letters}${cell[2]}`;
  if (sheetPart === null) return { sheet: null, address };
  const sheet = unquoteSheet(sheetPart.trim());
  return sheet === null ? null : { sheet, address };
}

/** "'A ''b'''" → "A 'b'"; a plain name as is; null when empty or badly quoted. */
function unquoteSheet(text: string): string | null {
  if (text.startsWith("'")) {
    if (text.length < 3 || !text.endsWith("'")) return null;
    const inner = text.slice(1, -1);
    if (inner.replace(/''/g, "").includes("'")) return null;
    return inner.replace(/''/g, "'");
  }
  return text === "" || /['[\]:*?/\\]/.test(text) ? null : text;
}

/** One cell as read: where it is and what it holds (an empty cell is null). */
export interface CellRead {
  sheet: string;
  address: string;
  value: CellValue;
}

/**
 * Reads the value of one cell in one round trip; the sheet of a reference without one is the
 * active sheet. A sheet that does not exist rejects with Excel's ItemNotFound error; text that
 * is not a single-cell reference (see {@link parseCellReference}) rejects with a RangeError.
 *
 * @example
 * await readCellValue(Excel.run, "GL!B5") // { sheet: "GL", address: "B5", value: 125000 }
 */
export async function readCellValue(run: ExcelRun, cell: string | CellReference): Promise<CellRead> {
  const reference = typeof cell === "string" ? parseCellReference(cell) : cell;
  if (reference === null) throw new RangeError(`Not a single-cell reference: ${String(cell)}`);
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const worksheet = reference.sheet === null ? sheets.getActiveWorksheet() : sheets.getItem(reference.sheet);
    const range = worksheet.getRange(reference.address);
    worksheet.load("name");
    range.load("values");
    await context.sync();
    const raw: unknown = range.values[0]?.[0];
    return { sheet: worksheet.name, address: reference.address, value: cellValueOf(raw) };
  });
}

/** Office.js reads an empty cell as "": the engine's CellValue has null for that. */
function cellValueOf(raw: unknown): CellValue {
  if (typeof raw === "number" || typeof raw === "boolean") return raw;
  if (typeof raw === "string") return raw === "" ? null : raw;
  return null;
}
