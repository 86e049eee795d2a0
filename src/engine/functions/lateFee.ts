/**
 * Late fee on an overdue amount: simple interest at an annual rate for the days overdue
 * (actual/365), plus an optional fixed fee, in integer minor units.
 */
import { toMinor } from "../money";

/** The rate is read to nine decimals (0.18 → 180000000 parts per billion). */
const RATE_DECIMALS = 9;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);
const DAYS_PER_YEAR = 365n;

/**
 * Late fee in minor units: amount × annualRate × daysOverdue / 365, rounded half away from zero
 * to a whole minor unit, plus `fixedFeeMinor`. Nothing is charged (0, fixed fee included) when
 * the item is not overdue (daysOverdue ≤ 0) or the amount is not positive (a credit note or a
 * settled item). Exact: the product is formed in integers. NaN when the amount is not a safe
 * integer or the rate is negative or not finite.
 *
 * @param amountMinor overdue amount in minor units
 * @param daysOverdue as-of date − due date, in days
 * @param annualRate yearly rate as a fraction (0.18 for 18 % a year)
 * @param fixedFeeMinor flat fee added to every overdue item, in minor units (default 0)
 * @example
 * lateFee(100000, 30, 0.18)     // 1479 (1,000.00 × 18 % × 30/365 = 14.79)
 * lateFee(100000, 30, 0.18, 2500) // 3979 (plus a 25.00 fee)
 * lateFee(100000, 0, 0.18, 2500)  // 0 (due today: not overdue)
 */
export function lateFee(amountMinor: number, daysOverdue: number, annualRate: number, fixedFeeMinor = 0): number {
  if (!Number.isSafeInteger(amountMinor) || !Number.isFinite(annualRate) || annualRate < 0) return NaN;
  if (daysOverdue <= 0 || amountMinor <= 0) return 0;
  const rate = BigInt(toMinor(annualRate, RATE_DECIMALS));
  const product = BigInt(amountMinor) * rate * BigInt(Math.trunc(daysOverdue));
  const divisor = DAYS_PER_YEAR * RATE_SCALE;
  const interest = (product * 2n + divisor) / (2n * divisor); // half up; product ≥ 0
  return Number(interest) + fixedFeeMinor;
}
