/**
 * AR.DISCOUNT, AR.LATEFEE, AR.CREDITAVAILABLE and AR.CREDITSTATUS: money in cents through the
 * engine (engine/terms, engine/functions/lateFee, engine/credit/status), element-wise.
 */
import { daysBetween } from "../../engine/dates";
import { fromMinor } from "../../engine/money";
import { discountEarned, type PaymentTerms } from "../../engine/terms";
import { lateFee as lateFeeMinor } from "../../engine/functions/lateFee";
import {
  creditAvailable as availableMinor,
  creditStatus as statusOf,
  creditStatusLabel,
  DEFAULT_CREDIT_RULES,
} from "../../engine/credit/status";
import type { FunctionId } from "../ids";
import { argError, type Cell, type FunctionContext } from "./errors";
import { AMOUNT_DECIMALS, amountReader, dateReader, daysReader, numberReader, rateReader, termsReader, type Reader } from "./read";
import { spill } from "./spill";

const major = (minor: number): number => fromMinor(minor, AMOUNT_DECIMALS);

/**
 * Early-payment discount earned: amount × d % when paid within D days of the invoice date
 * under "d/D Net N" terms (the last day counts), else 0. Rounded to cents.
 *
 * @example
 * discount(ctx, 1000.5, "2/10 Net 30", 46296, 46306) // [[20.01]]
 * discount(ctx, 1000.5, "2/10 Net 30", 46296, 46307) // [[0]]
 */
export function discount(ctx: FunctionContext, amount: unknown, terms: unknown, invoiceDate: unknown, paymentDate: unknown): Cell[][] {
  const id = "DISCOUNT";
  return spill<[number, PaymentTerms, number, number]>(
    ctx,
    id,
    [
      { name: "amount", value: amount, read: amountReader(ctx, id, "amount") },
      { name: "terms", value: terms, read: termsReader(ctx, id, "terms") },
      { name: "invoice_date", value: invoiceDate, read: dateReader(ctx, id, "invoice_date") },
      { name: "payment_date", value: paymentDate, read: dateReader(ctx, id, "payment_date") },
    ],
    ([minor, parsed, invoiced, paid]) => major(discountEarned(minor, parsed, invoiced, paid)),
  );
}

/** An amount reader that rejects negative amounts. */
function nonNegativeAmount(ctx: FunctionContext, id: FunctionId, param: string): Reader<number> {
  const read = amountReader(ctx, id, param);
  return (cell) => {
    const value = read(cell);
    return typeof value === "number" && value < 0 ? argError(ctx, id, param, "fn.negative", cell) : value;
  };
}

/**
 * Late fee: simple interest amount × annual_rate × days overdue / 365, plus fixed_fee, rounded to
 * cents; 0 when not overdue at as_of (or the amount is not positive).
 *
 * @example
 * lateFee(ctx, 1000, 46296, 46326, 0.18)     // [[14.79]]  (30 days at 18 %)
 * lateFee(ctx, 1000, 46296, 46326, 0.18, 25) // [[39.79]]
 * lateFee(ctx, 1000, 46326, 46326, 0.18, 25) // [[0]]      (due today)
 */
export function lateFee(
  ctx: FunctionContext,
  amount: unknown,
  dueDate: unknown,
  asOf: unknown,
  annualRate: unknown,
  fixedFee?: unknown,
): Cell[][] {
  const id = "LATEFEE";
  return spill<[number, number, number, number, number]>(
    ctx,
    id,
    [
      { name: "amount", value: amount, read: amountReader(ctx, id, "amount") },
      { name: "due_date", value: dueDate, read: dateReader(ctx, id, "due_date") },
      { name: "as_of", value: asOf, read: dateReader(ctx, id, "as_of") },
      { name: "annual_rate", value: annualRate, read: rateReader(ctx, id, "annual_rate") },
      { name: "fixed_fee", value: fixedFee, read: nonNegativeAmount(ctx, id, "fixed_fee"), fallback: () => 0, fallbackInRange: true },
    ],
    ([minor, due, at, rate, fee]) => major(lateFeeMinor(minor, daysBetween(due, at), rate, fee)),
  );
}

/**
 * Credit still available: limit − exposure (negative when over the limit).
 *
 * @example
 * creditAvailable(ctx, 10000, 2500)  // [[7500]]
 * creditAvailable(ctx, 10000, 12000) // [[-2000]]
 */
export function creditAvailable(ctx: FunctionContext, limit: unknown, exposure: unknown): Cell[][] {
  const id = "CREDITAVAILABLE";
  return spill<[number, number]>(
    ctx,
    id,
    [
      { name: "limit", value: limit, read: amountReader(ctx, id, "limit") },
      { name: "exposure", value: exposure, read: amountReader(ctx, id, "exposure") },
    ],
    ([limitMinor, exposureMinor]) => major(availableMinor(limitMinor, exposureMinor)),
  );
}

/** Stands for "no overdue item" where a blank oldest_days_overdue is read. */
const NONE = Number.NEGATIVE_INFINITY;

/**
 * Credit status by the credit check's rules (engine/credit/status): "Hold" when
 * oldest_days_overdue > hold_days (default 60), else "Over limit" when exposure > limit, else
 * "Near limit" when exposure ≥ near_pct % of the limit (default 80), else "OK"; labels in the
 * context's language. A blank oldest_days_overdue means nothing is overdue.
 *
 * @example
 * creditStatus(ctx, 10000, 8500)          // [["Near limit"]]
 * creditStatus(ctx, 10000, 8500, 75)      // [["Hold"]]
 * creditStatus(ctx, 10000, 8500, 10, 90)  // [["OK"]]
 */
export function creditStatus(
  ctx: FunctionContext,
  limit: unknown,
  exposure: unknown,
  oldestDaysOverdue?: unknown,
  nearPct?: unknown,
  holdDays?: unknown,
): Cell[][] {
  const id = "CREDITSTATUS";
  return spill<[number, number, number, number, number]>(
    ctx,
    id,
    [
      { name: "limit", value: limit, read: amountReader(ctx, id, "limit") },
      { name: "exposure", value: exposure, read: amountReader(ctx, id, "exposure") },
      {
        name: "oldest_days_overdue",
        value: oldestDaysOverdue,
        read: numberReader(ctx, id, "oldest_days_overdue", "fn.number.invalid", Number.isSafeInteger),
        fallback: () => NONE,
        fallbackInRange: true,
      },
      {
        name: "near_pct",
        value: nearPct,
        read: numberReader(ctx, id, "near_pct", "fn.percent.invalid", (n) => n >= 1 && n <= 100),
        fallback: () => DEFAULT_CREDIT_RULES.nearPercent,
      },
      { name: "hold_days", value: holdDays, read: daysReader(ctx, id, "hold_days"), fallback: () => DEFAULT_CREDIT_RULES.holdDays },
    ],
    ([limitMinor, exposureMinor, oldest, nearPercent, hold]) =>
      creditStatusLabel(statusOf(limitMinor, exposureMinor, oldest === NONE ? null : oldest, { nearPercent, holdDays: hold }), ctx.lang),
  );
}
