/**
 * A1 addresses: parsing "Sheet1!A1:D10", "'My sheet'!B2", "A:C", "3:5" and formatting them the
 * way Excel returns `Range.address` (sheet-qualified, quoted when needed, "D5" for one cell).
 */
import { HostError, HostErrorCode } from "./errors";

/** Rows in a worksheet (Excel 2007+). */
export const MAX_ROWS = 1048576;
/** Columns in a worksheet (A..XFD). */
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** 0-based column index → letters ("A", "Z", "AA"). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index; -1 when not letters. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** Quotes a sheet name for use in an address when Excel would ("'AR Aging 2026-10'"). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Formats a rectangle as "A1" / "A1:D10" / "A:C" / "3:5" without the sheet. */
export function rectAddress(r: Rect): string {
  if (r.rows === MAX_ROWS && r.row === 0 && r.cols !== MAX_COLS) {
    return `${columnLetters(r.col)}:${columnLetters(r.col + r.cols - 1)}`;
  }
  if (r.cols === MAX_COLS && r.col === 0 && r.rows !== MAX_ROWS) {
    return `${r.row + 1}:${r.row + r.rows}`;
  }
  const a = `${columnLetters(r.col)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:${columnLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

/** Sheet-qualified address as Excel returns it from `Range.address`. */
export function fullAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(r)}`;
}

/** A parsed address: the optional sheet name and the rectangle. */
export interface ParsedAddress {
  sheet: string | null;
  rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

function bad(address: string): HostError {
  return new HostError(
    HostErrorCode.invalidArgument,
    `The argument is invalid or missing or has an incorrect format: address '${address}'.`,
  );
}

/**
 * Parses an A1-style address. Accepts a sheet prefix (quoted or not), absolute markers ($),
 * single cells, rectangles in either corner order, whole columns ("A:C") and whole rows ("2:4").
 * Throws InvalidArgument for anything else.
 */
export function parseAddress(address: string): ParsedAddress {
  let sheet: string | null = null;
  let ref = address.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    let s = ref.slice(0, bang);
    if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) s = s.slice(1, -1).replace(/''/g, "'");
    sheet = s;
    ref = ref.slice(bang + 1);
  }
  const parts = ref.split(":");
  if (parts.length < 1 || parts.length > 2) throw bad(address);
  const a = parts[0] ?? "";
  const b = parts[1] ?? a;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]) - 1;
    const r2 = Number(cb[2]) - 1;
    const c1 = columnIndex(ca[1] ?? "");
    const c2 = columnIndex(cb[1] ?? "");
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 < 0 || c2 < 0 || c1 >= MAX_COLS || c2 >= MAX_COLS) throw bad(address);
    const row = Math.min(r1, r2);
    const col = Math.min(c1, c2);
    return { sheet, rect: { row, col, rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 } };
  }
  if (parts.length === 2) {
    const xa = COL.exec(a);
    const xb = COL.exec(b);
    if (xa && xb) {
      const c1 = columnIndex(xa[1] ?? "");
      const c2 = columnIndex(xb[1] ?? "");
      if (c1 < 0 || c2 < 0 || c1 >= MAX_COLS || c2 >= MAX_COLS) throw bad(address);
      return { sheet, rect: { row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 } };
    }
    const ya = ROW.exec(a);
    const yb = ROW.exec(b);
    if (ya && yb) {
      const r1 = Number(ya[1]) - 1;
      const r2 = Number(yb[1]) - 1;
      if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) throw bad(address);
      return { sheet, rect: { row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLS } };
    }
  }
  throw bad(address);
}

/** True when the rectangles share at least one cell. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** The common rectangle of two rectangles, or null. */
export function intersection(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const r2 = Math.min(a.row + a.rows, b.row + b.rows);
  const c2 = Math.min(a.col + a.cols, b.col + b.cols);
  return r2 > row && c2 > col ? { row, col, rows: r2 - row, cols: c2 - col } : null;
}

/** True when `inner` lies completely inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

/** Throws InvalidArgument unless the rectangle lies on the sheet. */
export function checkRect(r: Rect): Rect {
  if (
    !Number.isInteger(r.row) ||
    !Number.isInteger(r.col) ||
    !Number.isInteger(r.rows) ||
    !Number.isInteger(r.cols) ||
    r.row < 0 ||
    r.col < 0 ||
    r.rows < 1 ||
    r.cols < 1 ||
    r.row + r.rows > MAX_ROWS ||
    r.col + r.cols > MAX_COLS
  ) {
    throw new HostError(
      HostErrorCode.invalidArgument,
      `The argument is invalid or missing or has an incorrect format: range (${r.row}, ${r.col}, ${r.rows}, ${r.cols}).`,
    );
  }
  return r;
}
