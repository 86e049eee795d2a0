/**
 * Geometry of the grid view: Excel's point sizes in CSS pixels, column offsets (prefix sums)
 * and which rows and columns a viewport shows. Rows have one fixed height so a 100k-row sheet
 * renders only the ~40 rows on screen.
 */
import type { SheetState } from "../host/model";

export const ROW_HEIGHT = 20;
export const HEADER_HEIGHT = 22;
export const ROW_HEADER_WIDTH = 48;
/** Rows and columns shown beyond the used range, as an empty sheet shows. */
export const EXTRA_ROWS = 30;
export const EXTRA_COLS = 4;
export const MIN_ROWS = 60;
export const MIN_COLS = 14;

/** Points (Excel's unit for widths and positions) to CSS pixels. */
export function px(points: number): number {
  return Math.round((points * 4) / 3);
}

export interface SheetLayout {
  rowCount: number;
  colCount: number;
  /** colLeft[c] = x of column c's left edge (without the row header); length colCount + 1. */
  colLeft: number[];
  width: number;
  height: number;
}

/** Layout of a sheet: extent (used range plus margin) and column offsets. */
export function sheetLayout(sheet: SheetState): SheetLayout {
  const used = sheet.usedRect(false);
  const rowCount = Math.max(MIN_ROWS, used ? used.row + used.rows + EXTRA_ROWS : 0);
  let colCount = Math.max(MIN_COLS, used ? used.col + used.cols + EXTRA_COLS : 0);
  for (const chart of sheet.charts) colCount = Math.max(colCount, chart.source.col + chart.source.cols);
  const colLeft = new Array<number>(colCount + 1);
  colLeft[0] = 0;
  for (let c = 0; c < colCount; c++) colLeft[c + 1] = colLeft[c]! + Math.max(px(sheet.columnWidth(c)), 4);
  return { rowCount, colCount, colLeft, width: ROW_HEADER_WIDTH + colLeft[colCount]!, height: HEADER_HEIGHT + rowCount * ROW_HEIGHT };
}

/** Index of the column containing x (x measured from column A's left edge). */
export function columnAt(layout: SheetLayout, x: number): number {
  let lo = 0;
  let hi = layout.colCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.colLeft[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows and columns a viewport shows (inclusive start, exclusive end), with a small overscan. */
export function visibleWindow(
  layout: SheetLayout,
  scrollTop: number,
  scrollLeft: number,
  viewportWidth: number,
  viewportHeight: number,
): { rowStart: number; rowEnd: number; colStart: number; colEnd: number } {
  const rowStart = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 2);
  const rowEnd = Math.min(layout.rowCount, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + 2);
  const colStart = Math.max(0, columnAt(layout, scrollLeft) - 1);
  const colEnd = Math.min(layout.colCount, columnAt(layout, scrollLeft + viewportWidth) + 2);
  return { rowStart, rowEnd, colStart, colEnd };
}
