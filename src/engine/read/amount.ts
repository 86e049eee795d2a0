/**
 * The currency + amount reader every ledger table (invoices, payments) shares, and optional
 * amounts (open amount, credit limit).
 */
import { normalizeCurrency } from "../currency";
import { parseAmount, toMinor } from "../money";
import type { TableData } from "../types";
import { isBlankCell } from "./normalize";
import { currencyIndexOf, MAX_MINOR, report, type Cell, type ReadState } from "./state";

/** Result of the slow amount path. */
export type AmountRead = { ok: true; minor: number; currency: number } | { ok: false; code: string; params?: Record<string, string> };

/**
 * Minor units of a number cell, or NaN when it is not a usable amount. The fast path of every
 * amount column.
 */
export function minorOfNumber(value: number, decimals: number): number {
  const minor = toMinor(value, decimals);
  return minor <= MAX_MINOR && minor >= -MAX_MINOR ? minor : NaN;
}

/**
 * Reads an amount that is not a plain number: text with symbols and separators, or something
 * invalid. A currency written in the amount ("€ 100") decides the row's currency unless the row
 * names one in its currency column, in which case the two must agree.
 */
export function readAmountSlow(state: ReadState, cell: Cell, currency: number, currencyFromColumn: boolean): AmountRead {
  const decimals = state.decimals[currency] ?? 2;
  const parsed = parseAmount(cell ?? null, decimals);
  if (!parsed.ok) return { ok: false, code: parsed.code };
  if (parsed.currencyText === null) return { ok: true, minor: parsed.minor, currency };
  const written = normalizeCurrency(parsed.currencyText, state.currencies[currency] ?? state.defaultCurrency);
  if (written === null || written === state.currencies[currency]) return { ok: true, minor: parsed.minor, currency };
  if (currencyFromColumn) return { ok: false, code: "amount.currencyConflict", params: { currency: state.currencies[currency] ?? "" } };
  const own = currencyIndexOf(state, written);
  const reparsed = parseAmount(cell ?? null, state.decimals[own] ?? 2);
  return reparsed.ok ? { ok: true, minor: reparsed.minor, currency: own } : { ok: false, code: reparsed.code };
}

/** An optional amount (open amount, credit limit): minor units, NaN when empty; bad text warns. */
export function readOptionalAmount(state: ReadState, table: TableData, i: number, column: number, cell: Cell, decimals: number): number {
  if (typeof cell === "number") {
    const minor = minorOfNumber(cell, decimals);
    if (minor === minor) return minor;
  }
  if (isBlankCell(cell)) return NaN;
  const parsed = parseAmount(cell ?? null, decimals);
  if (parsed.ok) return parsed.minor;
  report(state, "warning", table, i, column, parsed.code);
  return NaN;
}
