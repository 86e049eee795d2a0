/**
 * Rounding for analytics output: ratios and days to 2 decimals, half away from zero, decided on
 * the value's 15-digit decimal (as money is read), so 1.005 rounds to 1.01 as a person expects.
 */
import { fromMinor, toMinor } from "../money";

/**
 * A ratio or a count of days rounded to `decimals` (default 2); null stays null.
 *
 * @example
 * roundTo(179.6666) // 179.67
 * roundTo(1.005)    // 1.01
 * roundTo(null)     // null
 */
export function roundTo(value: number | null, decimals = 2): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return fromMinor(toMinor(value, decimals), decimals);
}

/**
 * numerator ÷ denominator, or null when the ratio is undefined: every denominator of the AR
 * measures (sales, open items, collectible balance) must be positive. Never Infinity or NaN.
 *
 * @example
 * ratio(1, 4)  // 0.25
 * ratio(1, 0)  // null
 */
export function ratio(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}

/**
 * amount × (rate% ÷ 100) in integer minor units, rounded half away from zero, computed exactly
 * (the rate is taken to 6 decimals of a percent).
 *
 * @example
 * percentOf(700000000, 1.5) // 10500000 (1.5 % of 7,000,000.00 = 105,000.00)
 * percentOf(5, 50)          // 3 (2.5 rounds away from zero)
 */
export function percentOf(amount: number, ratePercent: number): number {
  const product = BigInt(amount) * BigInt(Math.round(ratePercent * 1e6));
  return Number(divideHalfAway(product, 100000000n));
}

/** Integer division rounded half away from zero (divisor > 0). */
export function divideHalfAway(numerator: bigint, divisor: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + divisor) / (divisor * 2n);
  return negative ? -quotient : quotient;
}
