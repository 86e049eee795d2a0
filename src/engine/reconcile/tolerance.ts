/**
 * Tolerances, decided in integers so that "exactly at the tolerance" is always within it and
 * one minor unit more never is.
 */
import { toMinor } from "../money";

const { abs, round } = Math;

/** Percent tolerances are kept to this many parts per hundred percent (6 decimals of a percent). */
const PERCENT_SCALE = 1e6;

/** An amount tolerance resolved for one currency. */
export interface AmountTolerance {
  /** Largest tolerated |A − B| in minor units. */
  absolute: number;
  /** Percent of |A| in millionths of a percent (0.5 % → 500000); 0 for none. */
  percentScaled: number;
}

/**
 * Resolves a tolerance given in major units (and percent) for a currency with `decimals`
 * minor-unit digits: 0.01 is 1 cent in USD, 0 yen in JPY.
 *
 * @example
 * amountTolerance(0.01, 0, 2) // { absolute: 1, percentScaled: 0 }
 * amountTolerance(5, 0.5, 0)  // { absolute: 5, percentScaled: 500000 }
 */
export function amountTolerance(major: number, percent: number, decimals: number): AmountTolerance {
  const absolute = toMinor(major, decimals);
  return { absolute: absolute > 0 ? absolute : 0, percentScaled: percent > 0 ? round(percent * PERCENT_SCALE) : 0 };
}

/**
 * True when `variance` (A − B, minor units) is within the tolerance: |variance| ≤ absolute,
 * or |variance| ≤ percent × |amountA| / 100. The percent test is exact: it compares
 * |variance| × 10^8 with percentScaled × |amountA| (as BigInt when those exceed 2^53).
 *
 * @example
 * withinAmountTolerance(100, 10000, { absolute: 0, percentScaled: 1000000 }) // true (1 % of 100.00)
 * withinAmountTolerance(101, 10000, { absolute: 0, percentScaled: 1000000 }) // false
 */
export function withinAmountTolerance(variance: number, amountA: number, tolerance: AmountTolerance): boolean {
  const v = abs(variance);
  if (v <= tolerance.absolute) return true;
  if (tolerance.percentScaled === 0) return false;
  const left = v * 100 * PERCENT_SCALE;
  const right = tolerance.percentScaled * abs(amountA);
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) return left <= right;
  return BigInt(v) * BigInt(100 * PERCENT_SCALE) <= BigInt(tolerance.percentScaled) * BigInt(abs(amountA));
}

/**
 * True when two dates (serials) are at most `days` apart, both ends inclusive. Callers do not
 * compare a row without a date: a missing date is never a difference.
 *
 * @example
 * withinDateTolerance(46326, 46329, 3) // true
 * withinDateTolerance(46326, 46330, 3) // false
 */
export function withinDateTolerance(dateA: number, dateB: number, days: number): boolean {
  return abs(dateA - dateB) <= days;
}
