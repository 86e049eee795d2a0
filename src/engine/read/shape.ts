/**
 * Where a table on a plain sheet (no Excel table) starts and ends, for every adapter: the
 * .xlsx reader, the Office.js reader and CSV files share these rules so the add-in and the CLI
 * read the same rows.
 *
 * - **Header row**: among the top rows, the one whose cells map best to known headings
 *   (English and Chinese synonyms of every role); a title line ("Prepared by | J. Smith")
 *   maps to nothing and loses to the real header even when it comes first.
 * - **End**: the table runs to the end of the used range. Blank rows inside it are skipped,
 *   never an end. It stops only where a second header row starts (the same headings again, or
 *   another block's headings): the rows from there on are named in a warning, never dropped
 *   silently.
 */
import type { CellValue, TableNote } from "../types";
import { recognizeHeader } from "./headers";
import { normalizeHeader } from "./normalize";

/** Rows searched for the header row, from the top of the used range. */
export const HEADER_SEARCH_ROWS = 100;

type Cells = readonly (CellValue | undefined)[];

const isFilled = (value: CellValue | undefined): boolean =>
  value !== null && value !== undefined && (typeof value !== "string" || value.trim() !== "");

/** True when no cell of the row holds anything. */
export function isBlankCells(cells: Cells | undefined): boolean {
  if (!cells) return true;
  for (const cell of cells) if (isFilled(cell)) return false;
  return true;
}

/**
 * True for a number, or text that is one (CSV fields are all text: "0", "1.5%", "(1,200.00)"):
 * headings are words, so a row holding one is data.
 *
 * @example
 * isNumberLike("1,234.50") // true
 * isNumberLike("Q3")       // false
 */
export function isNumberLike(cell: unknown): boolean {
  if (typeof cell === "number") return true;
  return typeof cell === "string" && /^\s*[-+(]?\s*[\d.,\s]*\d[\d.,\s]*%?\s*\)?\s*$/.test(cell);
}

/**
 * How well a row reads as a header: the number of its text cells recognised as a heading of
 * any role, or 0 when it has fewer than two text cells or holds a number (data rows do).
 *
 * @example
 * headerScore(["Invoice No", "Customer", "Due Date", "Amount"]) // 4
 * headerScore(["Prepared by", "J. Smith"])                      // 0
 * headerScore(["INV-1", "Acme", 46000, 100])                     // 0
 */
export function headerScore(cells: Cells): number {
  let texts = 0;
  let recognised = 0;
  for (const cell of cells) {
    if (isNumberLike(cell)) return 0;
    if (typeof cell !== "string" || cell.trim() === "") continue;
    texts++;
    if (recognizeHeader(cell).length > 0) recognised++;
  }
  return texts >= 2 ? recognised : 0;
}

/**
 * Index in `rows` of the header row among the first {@link HEADER_SEARCH_ROWS}: the first row
 * that reads as a header (at least two recognised headings, and at least half of its text
 * cells recognised), else the row with the best {@link headerScore}; when no row maps to any
 * heading, the first row with at least two text cells, as before; -1 when there is none. The
 * first good header wins over a better one below it: that is the next block's.
 *
 * @example
 * findHeaderIndex([["Prepared by", "J. Smith"], [], ["Invoice", "Customer", "Amount"]]) // 2
 */
export function findHeaderIndex(rows: readonly (Cells | undefined)[]): number {
  let best = -1;
  let bestScore = 0;
  let firstTexty = -1;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = rows[r];
    if (!cells) continue;
    let texts = 0;
    for (const cell of cells) if (typeof cell === "string" && cell.trim() !== "" && !isNumberLike(cell)) texts++;
    if (texts < 2) continue;
    if (firstTexty < 0) firstTexty = r;
    const score = headerScore(cells);
    if (score >= 2 && score * 2 >= texts) return r;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best >= 0 ? best : firstTexty;
}

/**
 * True when a data row is really the header of another block: it repeats at least half of the
 * table's headings, or at least two of its text cells are headings and it holds no number.
 *
 * @example
 * isSecondHeader(["Invoice No", "Amount"], ["Invoice No", "Amount"])      // true
 * isSecondHeader(["Invoice No", "Amount"], ["Receipt", "Payment Date"])   // true
 * isSecondHeader(["Invoice No", "Amount"], ["INV-9", 12])                 // false
 */
export function isSecondHeader(header: Cells, cells: Cells): boolean {
  const keys = new Set<string>();
  for (const cell of header) {
    const key = normalizeHeader(cell ?? null);
    if (key !== "") keys.add(key);
  }
  let repeated = 0;
  for (const cell of cells) if (typeof cell === "string" && keys.has(normalizeHeader(cell))) repeated++;
  if (keys.size > 0 && repeated >= Math.max(2, Math.ceil(keys.size / 2))) return true;
  return headerScore(cells) >= 2;
}

/** Where a plain-range table's data ends and what to tell the user about it. */
export interface TableExtent {
  /** Number of data rows read (blank rows inside included, so row numbers stay the sheet's). */
  rowCount: number;
  notes: TableNote[];
}

/**
 * Decides how many of `rows` (the data rows below a header, down to the end of the used range)
 * belong to the table: all of them, trailing blank rows cut, unless a second header row starts
 * after a blank row. `firstRow` is the sheet row of rows[0], for the notes.
 *
 * @example
 * tableExtent(["Invoice", "Amount"], [["A", 1], [], ["B", 2]], 2)
 * // { rowCount: 3, notes: [{ code: "table.blankRowsSkipped", … }] }
 */
export function tableExtent(header: Cells, rows: readonly (Cells | undefined)[], firstRow: number): TableExtent {
  const notes: TableNote[] = [];
  let end = rows.length;
  let blanks = 0;
  let firstBlank = -1;
  let afterBlank = false;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (isBlankCells(cells)) {
      afterBlank = true;
      continue;
    }
    if (afterBlank && cells && isSecondHeader(header, cells)) {
      end = r;
      break;
    }
    afterBlank = false;
  }
  // Trailing blank rows are the used range's edge, not part of the table.
  let last = end;
  while (last > 0 && isBlankCells(rows[last - 1])) last--;
  for (let r = 0; r < last; r++) {
    if (!isBlankCells(rows[r])) continue;
    if (firstBlank < 0) firstBlank = r;
    blanks++;
  }
  if (blanks > 0)
    notes.push({ severity: "warning", code: "table.blankRowsSkipped", row: null, params: { count: blanks, row: firstRow + firstBlank } });
  if (end < rows.length) {
    let endRow = rows.length;
    while (endRow > end && isBlankCells(rows[endRow - 1])) endRow--;
    notes.push({
      severity: "warning",
      code: "table.stoppedAtBlock",
      row: firstRow + end,
      params: { row: firstRow + end, endRow: firstRow + endRow - 1, lastRow: firstRow + last - 1 },
    });
  }
  return { rowCount: last, notes };
}
