/**
 * Calculation of the simulated workbook: formula results (memoised until the next change) and
 * the spilled cells of array results.
 *
 * Recalculation model (simple on purpose, and documented because it differs from Excel's
 * dependency tree): every change to the workbook (a write, a mutating request, a seed, a new
 * function registry, `workbench.recalculate()`) invalidates all results at once. The next read
 * then re-evaluates every formula that calls a registered function (only those can spill),
 * places their spills, and evaluates the other formulas lazily as they are read. So a
 * formula's result is always consistent with the cells it references, without tracking
 * dependencies; the price is that one write re-evaluates all registry formulas (a few
 * thousand AR formulas over a few thousand rows recalculate in well under a second; see
 * test/workbench/host/functions.test.ts). Without a registry nothing is evaluated eagerly.
 *
 * Order: a formula may read cells another formula spills into. Before a range is read, the
 * spills that covered it in the previous calculation are placed first; if the spill layout
 * still changes during a calculation (a new or moved spill), the calculation runs again
 * with the new layout (at most three passes), so the result does not depend on sheet order.
 *
 * Spills follow Excel: the formula's cell shows the top-left value and keeps the formula; the
 * other cells show the rest (values only: `Range.formulas` of a spilled cell reads "", as the
 * cell holds nothing of its own). When a cell of the spill range is not empty (a value, a
 * formula, or another spill) or the range leaves the sheet, the formula shows "#SPILL!" and
 * nothing spills.
 */
import { MAX_COLS, MAX_ROWS, intersects } from "./address";
import type { Rect } from "./address";
import type { StoredValue } from "./cells";
import { callsRegistry, evaluateFormulaResult, FormulaError } from "./formula";
import type { FunctionRegistry } from "./functions";
import type { SheetState, WorkbookState } from "./model";

/** Passes of one calculation at most (see the module comment). */
const MAX_PASSES = 3;

/** Cells remembered per formula text before the "may it spill?" cache is emptied. */
const CANDIDATE_CACHE_LIMIT = 50000;

/** A cell's computed value and, for an error, its detail. */
interface Computed {
  value: StoredValue;
  message?: string;
}

const CIRCULAR: Computed = { value: 0 };

function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

/** The spilled cells of one sheet (sparse rows, like the sheet's own storage). */
class SpillLayer {
  readonly rows: (StoredValue | undefined)[][] = [];
  readonly messages = new Map<number, string>();
  /** Anchor (formula) cell key → the whole spill range, anchor included. */
  readonly anchors = new Map<number, Rect>();
}

/** The calculation state of one workbook (`workbook.calc`). */
export class Calculator {
  private generation = 0;
  private calculated = -1;
  private building = false;
  private layers = new Map<SheetState, SpillLayer>();
  /** Spill ranges of the previous pass or calculation, placed first when read (see above). */
  private previous = new Map<SheetState, Map<number, Rect>>();
  private readonly memo = new Map<SheetState, Map<number, Computed>>();
  private readonly evaluating = new Map<SheetState, Set<number>>();
  private candidateCache = new Map<string, boolean>();
  private candidateRegistry: FunctionRegistry | null = null;

  constructor(private readonly workbook: WorkbookState) {}

  /** Forgets every result: the next read recalculates. Cheap; call on every change. */
  invalidate(): void {
    this.generation++;
  }

  /** The value a formula cell shows (top-left of a spill, "#SPILL!" when blocked). */
  formulaValue(sheet: SheetState, row: number, col: number): StoredValue {
    this.ensure();
    return this.compute(sheet, row, col).value;
  }

  /** The value spilled into an otherwise empty cell, if any. */
  spilledValue(sheet: SheetState, row: number, col: number): StoredValue | undefined {
    this.prepare(sheet, { row, col, rows: 1, cols: 1 });
    return this.layers.get(sheet)?.rows[row]?.[col];
  }

  /** The detail of an error shown in a formula cell or spilled cell (e.g. a #VALUE!'s reason). */
  message(sheet: SheetState, row: number, col: number): string | undefined {
    if (sheet.formula(row, col) !== undefined) {
      this.ensure();
      return this.compute(sheet, row, col).message;
    }
    this.prepare(sheet, { row, col, rows: 1, cols: 1 });
    return this.layers.get(sheet)?.messages.get(cellKey(row, col));
  }

  /**
   * The spill a cell belongs to: its formula cell and the whole range (anchor included), or
   * null when the cell is not part of a spill.
   */
  spillAt(sheet: SheetState, row: number, col: number): { anchor: { row: number; col: number }; range: Rect } | null {
    this.prepare(sheet, { row, col, rows: 1, cols: 1 });
    const layer = this.layers.get(sheet);
    if (!layer) return null;
    for (const [key, range] of layer.anchors) {
      if (row >= range.row && row < range.row + range.rows && col >= range.col && col < range.col + range.cols) {
        return { anchor: { row: Math.floor(key / MAX_COLS), col: key % MAX_COLS }, range };
      }
    }
    return null;
  }

  /** Whether any spill reaches this sheet row (for sparse scans of ranges). */
  hasSpillRow(sheet: SheetState, row: number): boolean {
    return this.layers.get(sheet)?.rows[row] !== undefined;
  }

  /** One past the last sheet row a spill reaches (0 when none). */
  spillRowCount(sheet: SheetState): number {
    return this.layers.get(sheet)?.rows.length ?? 0;
  }

  /** Bounding box of a sheet's spilled cells, or null. */
  spillBounds(sheet: SheetState): Rect | null {
    this.ensure();
    const layer = this.layers.get(sheet);
    if (!layer || layer.anchors.size === 0) return null;
    let r1 = MAX_ROWS;
    let c1 = MAX_COLS;
    let r2 = -1;
    let c2 = -1;
    for (const range of layer.anchors.values()) {
      r1 = Math.min(r1, range.row);
      c1 = Math.min(c1, range.col);
      r2 = Math.max(r2, range.row + range.rows - 1);
      c2 = Math.max(c2, range.col + range.cols - 1);
    }
    return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
  }

  /**
   * Call before reading the cells of `rect`: brings the calculation up to date, and during a
   * calculation places the spills that covered `rect` last time, so the read sees them.
   */
  prepare(sheet: SheetState, rect: Rect): void {
    if (!this.building) {
      this.ensure();
      return;
    }
    const before = this.previous.get(sheet);
    if (!before) return;
    for (const [key, range] of before) {
      if (!intersects(range, rect)) continue;
      // Placed once per pass: forget it, so reading many cells does not rescan settled spills.
      before.delete(key);
      this.compute(sheet, Math.floor(key / MAX_COLS), key % MAX_COLS);
    }
  }

  private ensure(): void {
    if (this.building || this.calculated === this.generation) return;
    this.calculated = this.generation;
    this.recalculate();
  }

  private recalculate(): void {
    this.memo.clear();
    let previous = anchorsOf(this.layers);
    this.layers = new Map();
    const registry = this.workbook.functions;
    if (!registry) return;
    const candidates = this.candidates(registry);
    if (candidates.length === 0) return;
    this.building = true;
    try {
      for (let pass = 1; ; pass++) {
        this.previous = copyLayout(previous);
        for (const { sheet, row, col } of candidates) this.compute(sheet, row, col);
        const now = anchorsOf(this.layers);
        if (sameLayout(now, previous) || pass === MAX_PASSES) break;
        previous = now;
        this.memo.clear();
        this.layers = new Map();
      }
    } finally {
      this.building = false;
      this.previous = new Map();
    }
  }

  /** Formula cells that call a registered function, in sheet order. */
  private candidates(registry: FunctionRegistry): { sheet: SheetState; row: number; col: number }[] {
    if (this.candidateRegistry !== registry || this.candidateCache.size > CANDIDATE_CACHE_LIMIT) {
      this.candidateCache = new Map();
      this.candidateRegistry = registry;
    }
    const out: { sheet: SheetState; row: number; col: number }[] = [];
    for (const sheet of this.workbook.sheets) {
      if (sheet.deleted) continue;
      sheet.formulas.forEach((cells, row) => {
        cells?.forEach((formula, col) => {
          if (formula === undefined) return;
          let calls = this.candidateCache.get(formula);
          if (calls === undefined) {
            calls = callsRegistry(formula, registry);
            this.candidateCache.set(formula, calls);
          }
          if (calls) out.push({ sheet, row, col });
        });
      });
    }
    return out;
  }

  private compute(sheet: SheetState, row: number, col: number): Computed {
    const formula = sheet.formula(row, col);
    if (formula === undefined) return { value: sheet.values[row]?.[col] ?? "" };
    const key = cellKey(row, col);
    let memo = this.memo.get(sheet);
    if (!memo) this.memo.set(sheet, (memo = new Map()));
    const hit = memo.get(key);
    if (hit) return hit;
    let busy = this.evaluating.get(sheet);
    if (!busy) this.evaluating.set(sheet, (busy = new Set()));
    if (busy.has(key)) return CIRCULAR;
    busy.add(key);
    try {
      const result = evaluateFormulaResult(this.workbook, sheet, formula);
      const computed = Array.isArray(result) ? this.spill(sheet, row, col, result) : toComputed(result);
      memo.set(key, computed);
      return computed;
    } finally {
      busy.delete(key);
    }
  }

  /** Places an array result below and to the right of its formula cell; returns the anchor's value. */
  private spill(sheet: SheetState, row: number, col: number, cells: (StoredValue | FormulaError)[][]): Computed {
    const range: Rect = { row, col, rows: cells.length, cols: cells[0]?.length ?? 1 };
    if (range.row + range.rows > MAX_ROWS || range.col + range.cols > MAX_COLS) {
      return { value: "#SPILL!", message: "The spill range extends beyond the edge of the worksheet." };
    }
    let layer = this.layers.get(sheet);
    if (!layer) this.layers.set(sheet, (layer = new SpillLayer()));
    for (let r = range.row; r < range.row + range.rows; r++) {
      const values = sheet.values[r];
      const formulas = sheet.formulas[r];
      const spilled = layer.rows[r];
      if (!values && !formulas && !spilled) continue;
      for (let c = range.col; c < range.col + range.cols; c++) {
        if (r === row && c === col) continue;
        if (values?.[c] !== undefined || formulas?.[c] !== undefined || spilled?.[c] !== undefined) {
          return { value: "#SPILL!", message: `The spill range ${sheet.address(range)} isn't blank.` };
        }
      }
    }
    cells.forEach((values, i) => {
      const r = row + i;
      const target = layer.rows[r] ?? (layer.rows[r] = []);
      values.forEach((v, j) => {
        if (i === 0 && j === 0) return;
        const computed = toComputed(v);
        target[col + j] = computed.value;
        if (computed.message !== undefined) layer.messages.set(cellKey(r, col + j), computed.message);
      });
    });
    layer.anchors.set(cellKey(row, col), range);
    return toComputed(cells[0]![0]!);
  }
}

function toComputed(v: StoredValue | FormulaError): Computed {
  if (!(v instanceof FormulaError)) return { value: v };
  return v.message === undefined ? { value: v.code } : { value: v.code, message: v.message };
}

function copyLayout(layout: Map<SheetState, Map<number, Rect>>): Map<SheetState, Map<number, Rect>> {
  return new Map(Array.from(layout, ([sheet, anchors]) => [sheet, new Map(anchors)]));
}

function anchorsOf(layers: Map<SheetState, SpillLayer>): Map<SheetState, Map<number, Rect>> {
  const out = new Map<SheetState, Map<number, Rect>>();
  for (const [sheet, layer] of layers) if (layer.anchors.size > 0) out.set(sheet, new Map(layer.anchors));
  return out;
}

function sameLayout(a: Map<SheetState, Map<number, Rect>>, b: Map<SheetState, Map<number, Rect>>): boolean {
  if (a.size !== b.size) return false;
  for (const [sheet, anchors] of a) {
    const other = b.get(sheet);
    if (!other || other.size !== anchors.size) return false;
    for (const [key, r] of anchors) {
      const o = other.get(key);
      if (!o || o.row !== r.row || o.col !== r.col || o.rows !== r.rows || o.cols !== r.cols) return false;
    }
  }
  return true;
}
