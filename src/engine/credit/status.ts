/**
 * Credit status of an account: the one set of rules behind both the credit check report and
 * the AR.CREDITSTATUS worksheet function.
 *
 * Rules, in order (the first that applies wins):
 * 1. **Blocked** — the customer table flags the account (hold / block column). Only the credit
 *    check knows the flag; {@link creditDecision} applies it.
 * 2. **Hold** — the oldest open item is more than `holdDays` days overdue (default 60), whatever
 *    the limit: the account is too far behind to extend more credit.
 * 3. **Currency mismatch** — part of the exposure is in a currency with no rate to the limit's
 *    currency, so it cannot be compared with the limit (credit check only).
 * 4. **No limit** — no credit limit is stated; a warning by default, or (policy "zero") the
 *    account is checked against a limit of zero (credit check only).
 * 5. **Over limit** — exposure is greater than the credit limit.
 * 6. **Near limit** — exposure is at least `nearPercent` % of the limit (default 80 %).
 *    A zero limit with zero exposure is Near limit: there is no headroom left.
 * 7. **OK** — otherwise.
 *
 * Rules 2, 5, 6 and 7 are {@link creditStatus}; {@link creditDecision} wraps it with 1, 3 and 4,
 * so the worksheet function and the credit sheet can never disagree on the same inputs.
 * Money is integer minor units, so the comparisons are exact.
 */
import type { Lang } from "../types";
import { t } from "../../i18n";

/**
 * Every status of the credit check, as stable codes (labels come from {@link creditStatusLabel}).
 * "currency": exposure in a currency that cannot be converted to the limit's.
 */
export type CreditStatus = "blocked" | "hold" | "currency" | "nolimit" | "over" | "near" | "ok";

/** The statuses {@link creditStatus} decides from numbers alone. */
export type LimitStatus = "ok" | "near" | "over" | "hold";

/** Risk order, most urgent first: the credit sheet sorts by it. */
export const CREDIT_STATUSES: readonly CreditStatus[] = ["blocked", "hold", "over", "currency", "near", "nolimit", "ok"];

/** Thresholds of the credit rules. */
export interface CreditRules {
  /** Near limit from this percentage of the limit (80 = 80 %); 0 < nearPercent ≤ 100. */
  nearPercent: number;
  /** Hold when the oldest open item is more than this many days overdue; an integer ≥ 0. */
  holdDays: number;
}

/** The defaults: Near limit from 80 % of the limit, Hold after 60 days overdue. */
export const DEFAULT_CREDIT_RULES: Readonly<CreditRules> = { nearPercent: 80, holdDays: 60 };

/** What to do when no limit is stated: warn ("No limit"), or check against a limit of zero. */
export type NoLimitPolicy = "warn" | "zero";

// Bound once: the credit check decides 100k statuses and `Math.x` is a global lookup.
const { round } = Math;
const { isSafeInteger } = Number;

/** Percent written to hundredths, as an integer (80 → 8000, 87.5 → 8750). */
const PERCENT_SCALE = 100;

/**
 * The credit status of an account from its numbers (rules 2, 5, 6, 7 of the module comment).
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
): LimitStatus {
  if (isHold(oldestDaysOverdue, rules)) return "hold";
  if (exposureMinor > limitMinor) return "over";
  return isNear(limitMinor, exposureMinor, rules) ? "near" : "ok";
}

/**
 * True when the oldest open item is more than `holdDays` overdue (exactly `holdDays` is not).
 *
 * @example
 * isHold(61, DEFAULT_CREDIT_RULES) // true
 * isHold(60, DEFAULT_CREDIT_RULES) // false
 */
export function isHold(oldestDaysOverdue: number | null, rules: Readonly<CreditRules>): boolean {
  return oldestDaysOverdue !== null && oldestDaysOverdue > rules.holdDays;
}

/** exposure ≥ limit × percent / 100, compared as integers: exposure × 10000 ≥ limit × percent × 100. */
function isNear(limitMinor: number, exposureMinor: number, rules: Readonly<CreditRules>): boolean {
  const percent = round(rules.nearPercent * PERCENT_SCALE);
  // Products stay exact below 2^53 for every realistic amount; BigInt only beyond.
  const left = exposureMinor * (100 * PERCENT_SCALE);
  const right = limitMinor * percent;
  if (isSafeInteger(left) && isSafeInteger(right)) return left >= right;
  return BigInt(exposureMinor) * BigInt(100 * PERCENT_SCALE) >= BigInt(limitMinor) * BigInt(percent);
}

/** Everything the credit check knows about one account (or credit group) when it decides. */
export interface CreditFacts {
  /** Limit in minor units of the limit's currency; null when none is stated. */
  limitMinor: number | null;
  /** Exposure in minor units of the limit's currency (only its comparable part when `comparable` is false). */
  exposureMinor: number;
  oldestDaysOverdue: number | null;
  /** The customer table flags the account as blocked / on hold. */
  blocked: boolean;
  /** False when part of the exposure is in a currency without a rate to the limit's currency. */
  comparable: boolean;
}

/** Rules of the credit check: the thresholds plus the no-limit policy. */
export interface CreditPolicy extends CreditRules {
  noLimit: NoLimitPolicy;
}

/** The credit check's defaults: 80 %, 60 days, "No limit" as a warning. */
export const DEFAULT_CREDIT_POLICY: Readonly<CreditPolicy> = { ...DEFAULT_CREDIT_RULES, noLimit: "warn" };

/**
 * The credit check's status of an account: Blocked → Hold → Currency mismatch → No limit →
 * Over → Near → OK, the numeric part decided by {@link creditStatus}.
 *
 * @example
 * const facts = { limitMinor: 100000, exposureMinor: 90000, oldestDaysOverdue: 5, blocked: false, comparable: true };
 * creditDecision(facts, DEFAULT_CREDIT_POLICY)                                  // "near"
 * creditDecision({ ...facts, blocked: true }, DEFAULT_CREDIT_POLICY)            // "blocked"
 * creditDecision({ ...facts, limitMinor: null }, DEFAULT_CREDIT_POLICY)         // "nolimit"
 * creditDecision({ ...facts, limitMinor: null }, { ...DEFAULT_CREDIT_POLICY, noLimit: "zero" }) // "over"
 */
export function creditDecision(facts: Readonly<CreditFacts>, policy: Readonly<CreditPolicy> = DEFAULT_CREDIT_POLICY): CreditStatus {
  if (facts.blocked) return "blocked";
  const status = creditStatus(facts.limitMinor ?? 0, facts.exposureMinor, facts.oldestDaysOverdue, policy);
  if (status === "hold") return "hold";
  if (!facts.comparable) return "currency";
  if (facts.limitMinor === null && policy.noLimit === "warn") return "nolimit";
  return status;
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
 * The status as the user reads it: "OK", "Near limit", "Over limit", "Hold", "Blocked",
 * "No limit", "Currency mismatch" (正常, 接近额度, 超出额度, 冻结, 停供, 无额度, 币种不一致).
 *
 * @example
 * creditStatusLabel("near", "en-US") // "Near limit"
 * creditStatusLabel("hold", "zh-CN") // "冻结"
 */
export function creditStatusLabel(status: CreditStatus, lang: Lang): string {
  return t(lang, `credit.status.${status}`);
}
