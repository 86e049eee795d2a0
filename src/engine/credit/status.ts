/**
 * Credit status of an account: the one set of rules behind both the credit check report and
 * the AR.CREDITSTATUS worksheet function.
 *
 * Rules, in order (the first that applies wins):
 * 1. **Hold** — the oldest open item is more than `holdDays` days overdue (default 60), whatever
 *    the limit: the account is too far behind to extend more credit.
 * 2. **Over limit** — exposure is greater than the credit limit.
 * 3. **Near limit** — exposure is at least `nearPercent` % of the limit (default 80 %).
 *    A zero limit with zero exposure is Near limit: there is no headroom left.
 * 4. **OK** — otherwise.
 *
 * Money is integer minor units, so the comparisons are exact.
 */
import type { Lang } from "../types";
import { t } from "../../i18n";

/** The four statuses, as stable codes (labels come from {@link creditStatusLabel}). */
export type CreditStatus = "ok" | "near" | "over" | "hold";

/** Thresholds of the credit rules. */
export interface CreditRules {
  /** Near limit from this percentage of the limit (80 = 80 %); 0 < nearPercent ≤ 100. */
  nearPercent: number;
  /** Hold when the oldest open item is more than this many days overdue; an integer ≥ 0. */
  holdDays: number;
}

/** The defaults: Near limit from 80 % of the limit, Hold after 60 days overdue. */
export const DEFAULT_CREDIT_RULES: Readonly<CreditRules> = { nearPercent: 80, holdDays: 60 };

/** Percent written to hundredths, as an integer (80 → 8000, 87.5 → 8750). */
const PERCENT_SCALE = 100;

/**
 * The credit status of an account (see the module comment for the rules).
 *
 * @param limitMinor credit limit in minor units
 * @param exposureMinor what the customer owes and may still owe (open items net of unapplied
 *   cash, plus whatever else the caller counts), in minor units of the limit's currency
 * @param oldestDaysOverdue days overdue of the oldest open item; null when nothing is open
 * @example
 * creditStatus(1000000, 500000, 10)                 // "ok"
 * creditStatus(1000000, 800000, 10)                 // "near" (80 % of the limit)
 * creditStatus(1000000, 1000001, 10)                // "over"
 * creditStatus(1000000, 0, 61)                      // "hold" (more than 60 days overdue)
 * creditStatus(1000000, 900000, 30, { nearPercent: 95, holdDays: 30 }) // "ok"
 */
export function creditStatus(
  limitMinor: number,
  exposureMinor: number,
  oldestDaysOverdue: number | null,
  rules: Readonly<CreditRules> = DEFAULT_CREDIT_RULES,
): CreditStatus {
  if (oldestDaysOverdue !== null && oldestDaysOverdue > rules.holdDays) return "hold";
  if (exposureMinor > limitMinor) return "over";
  // exposure ≥ limit × percent / 100, compared as integers: exposure × 10000 ≥ limit × percent × 100.
  const percent = Math.round(rules.nearPercent * PERCENT_SCALE);
  const left = BigInt(exposureMinor) * BigInt(100 * PERCENT_SCALE);
  const right = BigInt(limitMinor) * BigInt(percent);
  return left >= right ? "near" : "ok";
}

/**
 * Credit still available: limit − exposure, in minor units. Negative when the account is over
 * its limit (by that much).
 *
 * @example
 * creditAvailable(1000000, 250000) // 750000
 * creditAvailable(1000000, 1200000) // -200000
 */
export function creditAvailable(limitMinor: number, exposureMinor: number): number {
  return limitMinor - exposureMinor;
}

/**
 * The status as the user reads it: "OK", "Near limit", "Over limit", "Hold" (正常, 接近额度,
 * 超出额度, 冻结).
 *
 * @example
 * creditStatusLabel("near", "en-US") // "Near limit"
 * creditStatusLabel("hold", "zh-CN") // "冻结"
 */
export function creditStatusLabel(status: CreditStatus, lang: Lang): string {
  return t(lang, `credit.status.${status}`);
}
