/**
 * Reading custom-function arguments: what Excel passes (numbers, text, booleans, null for an
 * omitted argument, 2D arrays for ranges) becomes engine values, through the engine's own
 * parsers (dates, amounts, terms, boundaries). Each reader returns the value, null for a blank,
 * or the FunctionError to show.
 */
import type { AgingBasis, CellValue } from "../../engine/types";
import { parseDateCell } from "../../engine/dates";
import { parseAmount } from "../../engine/money";
import { parseTerms, type PaymentTerms } from "../../engine/terms";
import { DEFAULT_BOUNDARIES, MAX_BOUNDARIES, isValidBoundaries, parseBoundaries } from "../../engine/aging";
import type { FunctionId } from "../ids";
import { argError, FunctionError, type FunctionContext } from "./errors";

/** A reader of one cell of one parameter. */
export type Reader<T> = (cell: unknown) => T | null | FunctionError;

/** Amounts are read and returned in cents: worksheet functions do not know the currency. */
export const AMOUNT_DECIMALS = 2;

/** Text dates need no order when unambiguous; serials are read in the book's date system. */
const dateOptions = (ctx: FunctionContext) => ({ dateOrder: null, dateSystem: ctx.dateSystem ?? 1900 }) as const;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * True for what counts as an empty cell: null (omitted argument or empty cell), undefined, and
 * text that is empty or only spaces.
 *
 * @example
 * isBlank("  ") // true
 * isBlank(0)    // false
 */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function isCellValue(cell: unknown): cell is CellValue {
  return cell === null || typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean";
}

/**
 * Reads a date into a 1900-system serial: an Excel serial (of the book's date system, see
 * FunctionContext.dateSystem; a time of day is dropped), ISO text
 * ("2026-10-31"), or other text dates the engine reads without a day/month order (so
 * "31/10/2026" reads but "03/04/2026" is ambiguous and an error).
 *
 * @example
 * dateReader(ctx, "DAYSOVERDUE", "due_date")("2026-10-31") // 46326
 */
export function dateReader(ctx: FunctionContext, id: FunctionId, param: string): Reader<number> {
  return (cell) => {
    if (isBlank(cell)) return null;
    if (!isCellValue(cell)) return argError(ctx, id, param, "fn.date.invalid", cell);
    const parsed = parseDateCell(cell, dateOptions(ctx));
    if (parsed.ok) return parsed.serial;
    return argError(ctx, id, param, parsed.code === "date.ambiguous" ? "fn.date.ambiguous" : "fn.date.invalid", cell);
  };
}

/**
 * Reads an amount into cents: a number, or text the engine reads as an amount ("1,234.50",
 * "(100.00)", "¥1,000").
 *
 * @example
 * amountReader(ctx, "DISCOUNT", "amount")(1000.5) // 100050
 */
export function amountReader(ctx: FunctionContext, id: FunctionId, param: string): Reader<number> {
  return (cell) => {
    if (isBlank(cell)) return null;
    if (!isCellValue(cell)) return argError(ctx, id, param, "fn.amount.invalid", cell);
    const parsed = parseAmount(cell, AMOUNT_DECIMALS);
    return parsed.ok ? parsed.minor : argError(ctx, id, param, "fn.amount.invalid", cell);
  };
}

/** A finite number from a number or plain numeric text ("30", "-1.5"); null when it is neither. */
function plainNumber(cell: unknown): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "string" && PLAIN_NUMBER.test(cell.trim())) return Number(cell.trim());
  return null;
}

/**
 * Reads a number that must pass `check` (message `messageId` otherwise).
 *
 * @example
 * numberReader(ctx, "DSO", "days", "fn.period.invalid", (n) => n > 0)("90") // 90
 */
export function numberReader(
  ctx: FunctionContext,
  id: FunctionId,
  param: string,
  messageId: string,
  check: (n: number) => boolean = () => true,
): Reader<number> {
  return (cell) => {
    if (isBlank(cell)) return null;
    const n = plainNumber(cell);
    if (n === null) return argError(ctx, id, param, "fn.number.invalid", cell);
    return check(n) ? n : argError(ctx, id, param, messageId, cell);
  };
}

/** Reads whole days ≥ 0 (hold_days, oldest_days_overdue). */
export function daysReader(ctx: FunctionContext, id: FunctionId, param: string): Reader<number> {
  return numberReader(ctx, id, param, "fn.days.invalid", (n) => Number.isSafeInteger(n) && n >= 0);
}

/**
 * Reads an annual rate ≥ 0: a number (18% in a cell is 0.18) or text "18%" / "0.18".
 *
 * @example
 * rateReader(ctx, "LATEFEE", "annual_rate")("18%") // 0.18
 */
export function rateReader(ctx: FunctionContext, id: FunctionId, param: string): Reader<number> {
  const read = numberReader(ctx, id, param, "fn.rate.invalid", (n) => n >= 0);
  return (cell) => {
    if (typeof cell === "string" && /%\s*$/.test(cell)) {
      const n = plainNumber(cell.replace(/%\s*$/, ""));
      return n !== null && n >= 0 ? n / 100 : argError(ctx, id, param, "fn.rate.invalid", cell);
    }
    return read(cell);
  };
}

/**
 * Reads payment terms with the engine's parseTerms; a number n means "Net n".
 *
 * @example
 * termsReader(ctx, "DUEDATE", "terms")("2/10 Net 30") // { netDays: 30, discountPercent: 2, … }
 */
export function termsReader(ctx: FunctionContext, id: FunctionId, param: string): Reader<PaymentTerms> {
  return (cell) => {
    if (isBlank(cell)) return null;
    if (typeof cell !== "string" && typeof cell !== "number") return argError(ctx, id, param, "fn.terms.invalid", cell);
    return parseTerms(String(cell)) ?? argError(ctx, id, param, "fn.terms.invalid", cell);
  };
}

/** Default aging boundaries: the engine's (Current, 1-30, 31-60, 61-90, 90+). */
export { DEFAULT_BOUNDARIES };

/**
 * Reads bucket boundaries from the whole argument: text "30,60,90" (any separator the engine
 * accepts) in one cell, or numbers in a range of cells (blanks skipped), read row by row.
 * Omitted or blank gives the default 30, 60, 90. Throws the FunctionError when invalid.
 *
 * @example
 * readBoundaries(ctx, "AGEBUCKET", "boundaries", [["30,60,90,120"]]) // [30, 60, 90, 120]
 * readBoundaries(ctx, "AGEBUCKET", "boundaries", [[30, 60, 90]])     // [30, 60, 90]
 */
export function readBoundaries(ctx: FunctionContext, id: FunctionId, param: string, grid: readonly (readonly unknown[])[]): number[] {
  const cells = grid.flat().filter((cell) => !isBlank(cell));
  if (cells.length === 0) return [...DEFAULT_BOUNDARIES];
  const only = cells[0];
  if (cells.length === 1 && typeof only === "string") {
    const parsed = parseBoundaries(only);
    if (parsed !== null) return parsed;
    throw argError(ctx, id, param, "fn.boundaries.invalid", only, { max: MAX_BOUNDARIES });
  }
  const numbers = cells.map(plainNumber);
  if (numbers.every((n): n is number => n !== null) && isValidBoundaries(numbers)) return numbers;
  throw argError(ctx, id, param, "fn.boundaries.invalid", cells.map((cell) => (typeof cell === "string" ? cell : String(cell))).join(","), {
    max: MAX_BOUNDARIES,
  });
}

const BASIS: Record<string, AgingBasis> = { due: "due", invoice: "invoice", 到期日: "due", 发票日期: "invoice", 發票日期: "invoice" };

/**
 * Reads the aging basis: "due" (default when omitted) or "invoice", any case; the Chinese
 * "到期日" / "发票日期" too. Throws the FunctionError otherwise.
 *
 * @example
 * readBasis(ctx, "AGEBUCKET", "basis", [["Invoice"]]) // "invoice"
 */
export function readBasis(ctx: FunctionContext, id: FunctionId, param: string, grid: readonly (readonly unknown[])[]): AgingBasis {
  const cell = single(ctx, id, param, grid);
  if (isBlank(cell)) return "due";
  const basis = typeof cell === "string" ? BASIS[cell.trim().toLowerCase()] : undefined;
  if (basis === undefined) throw argError(ctx, id, param, "fn.basis.invalid", cell);
  return basis;
}

/**
 * The one value of an argument that takes a single value; throws when given a larger range.
 *
 * @example
 * single(ctx, "AGING", "as_of", [[46326]]) // 46326
 */
export function single(ctx: FunctionContext, id: FunctionId, param: string, grid: readonly (readonly unknown[])[]): unknown {
  if (grid.length > 1 || (grid[0]?.length ?? 0) > 1) throw argError(ctx, id, param, "fn.single", null);
  return grid[0]?.[0] ?? null;
}

/**
 * An argument as a 2D array: ranges pass through, a single value becomes [[value]], and an
 * omitted argument (null / undefined) becomes [[null]].
 *
 * @example
 * toGrid(5)          // [[5]]
 * toGrid([[1], [2]]) // [[1], [2]]
 * toGrid(null)       // [[null]]
 */
export function toGrid(value: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(value)) return [[value ?? null]];
  if (value.length === 0) return [[null]];
  if (!Array.isArray(value[0])) return [value as unknown[]];
  return value as unknown[][];
}
