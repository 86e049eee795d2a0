/**
 * Model mutations and reads that the range proxies run at sync time: writing values and
 * formulas under the rules of `cells.ts`, patching styles, uniform reads, clearing and
 * shifting cells.
 */
import { Rect } from "./address";
import { classifyInput } from "./cells";
import { HostError, HostErrorCode } from "./errors";
import { CellStyle, SheetState, isWholeColumns, isWholeRows } from "./model";

/** Excel's limit for one range read (the documented 5M-cell guidance). */
export const MAX_READ_CELLS = 5_000_000;

function shapeError(label: string): HostError {
  return new HostError(
    HostErrorCode.invalidArgument,
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    label,
  );
}

/**
 * Checks a 2D input against the range's shape. A non-array input is a scalar broadcast to every
 * cell (Excel accepts that for values, formulas and numberFormat); an array must match exactly.
 */
export function checkShape(input: unknown, rect: Rect, label: string): "broadcast" | "matrix" {
  if (!Array.isArray(input)) return "broadcast";
  if (input.length !== rect.rows) throw shapeError(label);
  for (const row of input) if (!Array.isArray(row) || row.length !== rect.cols) throw shapeError(label);
  return "matrix";
}

/** Writes `Range.values` / `Range.formulas` under the cell write rules. */
export function writeContent(sheet: SheetState, rect: Rect, input: unknown, label: string): void {
  const mode = checkShape(input, rect, label);
  const styles = sheet.workbook.styles;
  const matrix = input as unknown[][];
  const quoteOn = new Map<number, number>();
  const quoteOff = new Map<number, number>();
  const implied = new Map<string, number>();
  for (let i = 0; i < rect.rows; i++) {
    const src = mode === "matrix" ? matrix[i] : undefined;
    const r = rect.row + i;
    for (let j = 0; j < rect.cols; j++) {
      const v = src ? src[j] : input;
      const c = rect.col + j;
      const sid = sheet.styleId(r, c);
      const st = styles.get(sid);
      let k;
      try {
        k = classifyInput(v, st.numberFormat ?? "General");
      } catch {
        throw new HostError(HostErrorCode.invalidArgument, "The argument is invalid or missing or has an incorrect format.", label);
      }
      switch (k.kind) {
        case "skip":
          break;
        case "clear":
          sheet.setContent(r, c, undefined);
          break;
        case "formula":
          sheet.setContent(r, c, undefined, k.formula);
          break;
        case "value": {
          sheet.setContent(r, c, k.value);
          let next = sid;
          if (k.quotePrefix && !st.quotePrefix) next = memo(quoteOn, sid, () => styles.intern({ ...st, quotePrefix: true }));
          else if (!k.quotePrefix && st.quotePrefix) next = memo(quoteOff, sid, () => styles.intern({ ...st, quotePrefix: undefined }));
          if (k.impliedFormat) {
            const fmt = k.impliedFormat;
            const base = next;
            next = memo(implied, `${base}|${fmt}`, () => styles.intern({ ...styles.get(base), numberFormat: fmt }));
          }
          if (next !== sid) sheet.setStyleId(r, c, next);
          break;
        }
      }
    }
  }
}

function memo<K>(m: Map<K, number>, key: K, make: () => number): number {
  let v = m.get(key);
  if (v === undefined) {
    v = make();
    m.set(key, v);
  }
  return v;
}

/** Applies `fn` to the style of every cell of `rect` (whole rows/columns use row/column styles). */
export function patchStyles(
  sheet: SheetState,
  rect: Rect,
  fn: (s: CellStyle, row: number, col: number) => CellStyle,
  perCell = false,
): void {
  const styles = sheet.workbook.styles;
  const cache = new Map<number, number>();
  const apply = (id: number, row: number, col: number): number =>
    perCell ? styles.intern(fn(styles.get(id), row, col)) : memo(cache, id, () => styles.intern(fn(styles.get(id), row, col)));
  const c2 = rect.col + rect.cols;
  const r2 = rect.row + rect.rows;
  if (isWholeColumns(rect) && !perCell) {
    for (const [r, id] of sheet.rowStyles)
      for (let c = rect.col; c < c2; c++) if (sheet.styles[r]?.[c] === undefined) sheet.setStyleId(r, c, id);
    for (let c = rect.col; c < c2; c++) sheet.colStyles.set(c, apply(sheet.colStyles.get(c) ?? 0, 0, c));
    sheet.styles.forEach((row, r) => {
      row?.forEach((id, c) => {
        if (id !== undefined && c >= rect.col && c < c2) row[c] = apply(id, r, c);
      });
    });
    return;
  }
  if (isWholeRows(rect) && !perCell) {
    for (const [c, id] of sheet.colStyles)
      for (let r = rect.row; r < r2; r++) if (sheet.styles[r]?.[c] === undefined && !sheet.rowStyles.has(r)) sheet.setStyleId(r, c, id);
    for (let r = rect.row; r < r2; r++) {
      sheet.rowStyles.set(r, apply(sheet.rowStyles.get(r) ?? 0, r, 0));
      sheet.styles[r]?.forEach((id, c, row) => {
        if (id !== undefined) row[c] = apply(id, r, c);
      });
    }
    return;
  }
  for (let r = rect.row; r < r2; r++) {
    for (let c = rect.col; c < c2; c++) sheet.setStyleId(r, c, apply(sheet.styleId(r, c), r, c));
  }
}

/**
 * Reads one style attribute over a range: the common value, or null when cells differ (as
 * Excel reports mixed formatting). Whole rows/columns look at row/column styles and the
 * cells that have their own style.
 */
export function uniform<V>(sheet: SheetState, rect: Rect, get: (s: CellStyle) => V): V | null {
  const styles = sheet.workbook.styles;
  let first = true;
  let value: V | null = null;
  const seen = new Set<number>();
  const visit = (id: number): boolean => {
    if (seen.has(id)) return true;
    seen.add(id);
    const v = get(styles.get(id));
    if (first) {
      value = v;
      first = false;
      return true;
    }
    return v === value;
  };
  if (isWholeColumns(rect) || isWholeRows(rect)) {
    const c2 = rect.col + rect.cols;
    const r2 = rect.row + rect.rows;
    if (isWholeColumns(rect)) for (let c = rect.col; c < c2; c++) if (!visit(sheet.colStyles.get(c) ?? 0)) return null;
    if (isWholeRows(rect)) for (let r = rect.row; r < r2; r++) if (!visit(sheet.rowStyles.get(r) ?? 0)) return null;
    for (let r = rect.row; r < Math.min(r2, sheet.styles.length); r++) {
      const row = sheet.styles[r];
      if (!row) continue;
      for (let c = rect.col; c < Math.min(c2, row.length); c++) if (row[c] !== undefined && !visit(row[c] as number)) return null;
    }
    return value;
  }
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    for (let c = rect.col; c < rect.col + rect.cols; c++) if (!visit(sheet.styleId(r, c))) return null;
  }
  return value;
}

/** Builds a 2D array by reading each cell; refuses reads over MAX_READ_CELLS. */
export function readMatrix<V>(rect: Rect, label: string, read: (row: number, col: number) => V): V[][] {
  if (rect.rows * rect.cols > MAX_READ_CELLS) {
    throw new HostError(
      HostErrorCode.responsePayloadSizeLimitExceeded,
      `The response payload size has exceeded the limit: a range of ${rect.rows * rect.cols} cells cannot be read at once (limit ${MAX_READ_CELLS}).`,
      label,
    );
  }
  const out: V[][] = new Array(rect.rows);
  for (let i = 0; i < rect.rows; i++) {
    const row: V[] = new Array(rect.cols);
    for (let j = 0; j < rect.cols; j++) row[j] = read(rect.row + i, rect.col + j);
    out[i] = row;
  }
  return out;
}

/** Clears contents and/or formats of a rectangle (`Range.clear(applyTo)`). */
export function clearRect(sheet: SheetState, rect: Rect, applyTo: string): void {
  const contents = applyTo === "All" || applyTo === "Contents";
  const formats = applyTo === "All" || applyTo === "Formats";
  const r2 = Math.min(rect.row + rect.rows, Math.max(sheet.values.length, sheet.formulas.length, sheet.styles.length));
  const c2 = rect.col + rect.cols;
  for (let r = rect.row; r < r2; r++) {
    if (contents) {
      const vr = sheet.values[r];
      const fr = sheet.formulas[r];
      if (vr) for (let c = rect.col; c < Math.min(c2, vr.length); c++) vr[c] = undefined;
      if (fr) for (let c = rect.col; c < Math.min(c2, fr.length); c++) fr[c] = undefined;
    }
    if (formats) {
      const sr = sheet.styles[r];
      if (sr) for (let c = rect.col; c < Math.min(c2, sr.length); c++) if (sr[c] !== undefined) sr[c] = 0;
    }
  }
  if (formats) {
    if (isWholeColumns(rect)) for (let c = rect.col; c < c2; c++) sheet.colStyles.delete(c);
    if (isWholeRows(rect)) for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.rowStyles.delete(r);
    // Cells inheriting a row/column style get an explicit default style.
    if (!isWholeColumns(rect) && !isWholeRows(rect) && (sheet.rowStyles.size > 0 || sheet.colStyles.size > 0)) {
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < c2; c++) if (sheet.styleId(r, c) !== 0) sheet.setStyleId(r, c, 0);
    }
    sheet.conditionalFormats = sheet.conditionalFormats.filter(
      (cf) =>
        !(
          cf.rect.row >= rect.row &&
          cf.rect.col >= rect.col &&
          cf.rect.row + cf.rect.rows <= rect.row + rect.rows &&
          cf.rect.col + cf.rect.cols <= c2
        ),
    );
  }
}

/** Inserts `by` empty rows' worth of cells at `row` within columns [col, col+cols), shifting down. */
export function shiftDown(sheet: SheetState, row: number, col: number, cols: number, by: number): void {
  const grids = [sheet.values, sheet.formulas, sheet.styles] as unknown[][][];
  for (const grid of grids) {
    for (let r = grid.length - 1; r >= row; r--) {
      const src = grid[r];
      if (!src) continue;
      for (let c = col; c < col + cols; c++) {
        const v = src[c];
        if (v === undefined) continue;
        const dst = grid[r + by] ?? (grid[r + by] = []);
        dst[c] = v;
        src[c] = undefined;
      }
    }
  }
}
