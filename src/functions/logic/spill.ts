/**
 * Element-wise evaluation with spilling: every element-wise argument may be a single value or a
 * range; the result has the shape of the ranges (all ranges given must have the same shape),
 * and single values are used for every cell. A single value in, a single value out (a 1×1
 * result shows as a plain value in Excel).
 *
 * Blanks: a blank cell in a range gives a blank ("") result. A single blank value gives the
 * argument's default when it has one (an omitted optional argument), otherwise blank results.
 * Bad cells: a bad single value is thrown (the formula shows #VALUE! with its message); a bad
 * cell in a range gives #VALUE! in that result cell only.
 */
import type { FunctionId } from "../ids";
import { argError, FunctionError, paramLabel, type Cell, type FunctionContext } from "./errors";
import { toGrid, type Reader } from "./read";

/** One element-wise argument: the raw value Excel passed and how to read each cell. */
export interface SpillArg<T> {
  /** English parameter name (messages show its label in the context's language). */
  name: string;
  value: unknown;
  read: Reader<T>;
  /** Value of an omitted (single blank) argument; without it a blank gives blank results. */
  fallback?: () => T;
  /** True when a blank cell inside a range also takes `fallback` (instead of a blank result). */
  fallbackInRange?: boolean;
}

type Args<T extends unknown[]> = { [K in keyof T]: SpillArg<T[K]> };

/**
 * Evaluates `compute` for every cell of the result shape. `compute` receives the read values
 * (in argument order) in a buffer that is reused for the next cell, so it must not keep it.
 *
 * @example
 * spill(ctx, "DAYSOVERDUE", [
 *   { name: "due_date", value: [[46300], [""]], read: dateReader(ctx, "DAYSOVERDUE", "due_date") },
 *   { name: "as_of", value: 46326, read: dateReader(ctx, "DAYSOVERDUE", "as_of") },
 * ], ([due, asOf]) => asOf - due)
 * // [[26], [""]]
 */
export function spill<T extends unknown[]>(ctx: FunctionContext, id: FunctionId, args: Args<T>, compute: (values: T) => Cell): Cell[][] {
  const specs = args as readonly SpillArg<unknown>[];
  const grids = specs.map((arg) => toGrid(arg.value));
  const { rows, cols } = resultShape(ctx, id, specs, grids);

  // Single values are read once; a bad one fails the whole call.
  const fixed: unknown[] = new Array<unknown>(specs.length);
  const ranged: number[] = [];
  let blank = false;
  specs.forEach((arg, k) => {
    const grid = grids[k]!;
    if (!isSingle(grid)) {
      ranged.push(k);
      return;
    }
    const value = arg.read(grid[0]![0]);
    if (value instanceof FunctionError) throw value;
    if (value !== null) fixed[k] = value;
    else if (arg.fallback) fixed[k] = arg.fallback();
    else blank = true;
  });
  if (blank) return Array.from({ length: rows }, () => new Array<Cell>(cols).fill(""));

  const values = fixed.slice() as T;
  const out: Cell[][] = new Array<Cell[]>(rows);
  for (let r = 0; r < rows; r++) {
    const line: Cell[] = new Array<Cell>(cols);
    cells: for (let c = 0; c < cols; c++) {
      for (let j = 0; j < ranged.length; j++) {
        const k = ranged[j]!;
        const spec = specs[k]!;
        let value = spec.read(grids[k]![r]?.[c] ?? null);
        if (value === null && spec.fallbackInRange && spec.fallback) value = spec.fallback();
        if (value === null || value instanceof FunctionError) {
          line[c] = value ?? "";
          continue cells;
        }
        values[k] = value;
      }
      line[c] = compute(values);
    }
    out[r] = line;
  }
  return out;
}

function isSingle(grid: readonly (readonly unknown[])[]): boolean {
  return grid.length === 1 && grid[0]!.length === 1;
}

/** The shape shared by the range arguments (1×1 when all are single values). */
function resultShape(
  ctx: FunctionContext,
  id: FunctionId,
  specs: readonly SpillArg<unknown>[],
  grids: readonly (readonly (readonly unknown[])[])[],
): { rows: number; cols: number } {
  let shape: { rows: number; cols: number; name: string } | null = null;
  specs.forEach((arg, k) => {
    const grid = grids[k]!;
    if (isSingle(grid)) return;
    const rows = grid.length;
    const cols = grid[0]?.length ?? 0;
    if (shape === null) shape = { rows, cols, name: arg.name };
    else if (shape.rows !== rows || shape.cols !== cols) {
      const other = shape.name;
      throw argError(ctx, id, arg.name, "fn.shape", null, {
        rows,
        cols,
        other: paramLabel(ctx.lang, id, other),
        otherRows: shape.rows,
        otherCols: shape.cols,
      });
    }
  });
  const found = shape as { rows: number; cols: number } | null;
  return found ?? { rows: 1, cols: 1 };
}
