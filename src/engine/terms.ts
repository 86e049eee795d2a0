/**
 * Payment terms as written on invoices and customer masters ("Net 30", "2/10 Net 30",
 * "Net 30 EOM", "月结30天"), the due dates they give, and early-payment discounts.
 */
import { toHalfWidth } from "./currency";
import { toMinor } from "./money";
import { daysBetween, endOfMonth } from "./dates";

/**
 * Payment terms, following common practice:
 * - **Net N**: due N days after the invoice date.
 * - **EOM** (end of month): due on the last day of the invoice's month.
 * - **Net N EOM**, **N EOM**, **月结N天**: due N days after the end of the invoice's month
 *   (月结 = monthly settlement: invoices are totalled at month end and paid N days later).
 * - **Due on receipt**, COD, CIA, 货到付款, 见票即付, 即付: due on the invoice date (Net 0).
 * - **d/D Net N** ("2/10 Net 30"): d % off when paid within D days of the invoice date.
 */
export interface PaymentTerms {
  /** Days after the invoice date, or after the end of its month when `endOfMonth` is set. */
  netDays: number;
  /** True when the days count from the end of the invoice's month. */
  endOfMonth: boolean;
  /** Early-payment discount in percent of the amount (2 for "2/10 Net 30"); 0 when none. */
  discountPercent: number;
  /** Days after the invoice date within which the discount applies (inclusive); 0 when none. */
  discountDays: number;
  /** The terms as written (trimmed). */
  text: string;
}

/** Terms that make an invoice due on its own date. */
const DUE_IMMEDIATELY = new Set([
  "due on receipt",
  "due upon receipt",
  "on receipt",
  "upon receipt",
  "receipt",
  "payable on receipt",
  "due immediately",
  "immediate",
  "immediately",
  "cod",
  "c.o.d.",
  "c.o.d",
  "cash on delivery",
  "cia",
  "c.i.a.",
  "cash in advance",
  "prepaid",
  "prepayment",
  "货到付款",
  "见票即付",
  "見票即付",
  "即付",
  "款到发货",
  "预付",
  "预付款",
  "现结",
  "現結",
  "现款",
]);

/** "2/10 ", "2% 10 ", "2%/10, ", "1.5/15 " at the start of the terms. */
const DISCOUNT = /^(\d{1,2}(?:\.\d{1,2})?)\s*(?:%\s*\/?|\/)\s*(\d{1,3})\s*(?:days?\s*)?,?\s*/;
/** "net 30", "net30", "n30", "n/30", "30 days", "30 days net", "net 30 days eom", "30 eom". */
const NET = /^(?:(?:net|n)\s*\/?\s*)?(\d{1,3})\s*(?:days?)?\s*(?:net)?\s*(eom|e\.o\.m\.?|end of month)?$/;
/** "eom", "net eom", "n/eom". */
const EOM_ONLY = /^(?:(?:net|n)\s*\/?\s*)?(?:eom|e\.o\.m\.?|end of month)$/;
/** 月结30天, 月结 60 天, 月結30日 */
const MONTHLY = /^月[结結]\s*(\d{1,3})\s*[天日]$/;
/** 30天, 账期30天, 帐期 45 天, 发票后30天, 30天内付款 */
const DAYS_ZH = /^(?:[账帳帐]期|发票后|發票後|开票后|開票後)?\s*(\d{1,3})\s*[天日](?:内付款|內付款|付款)?$/;

/**
 * Reads payment terms (English or Chinese, any case, full-width accepted); null when the text
 * is not a form listed here, so the reader can report it instead of guessing a due date.
 * See {@link PaymentTerms} for what each form means.
 *
 * @example
 * parseTerms("Net 30")      // { netDays: 30, endOfMonth: false, discountPercent: 0, discountDays: 0, text: "Net 30" }
 * parseTerms("2/10 Net 30") // { netDays: 30, endOfMonth: false, discountPercent: 2, discountDays: 10, ... }
 * parseTerms("Net 30 EOM")  // { netDays: 30, endOfMonth: true, ... }
 * parseTerms("月结60天")     // { netDays: 60, endOfMonth: true, ... }
 * parseTerms("货到付款")     // { netDays: 0, endOfMonth: false, ... }
 * parseTerms("whenever")    // null
 */
export function parseTerms(text: string): PaymentTerms | null {
  const written = text.trim();
  const s = toHalfWidth(written).toLowerCase().replace(/\s+/g, " ").trim();
  if (s === "") return null;
  const terms = (netDays: number, endOfMonth: boolean, discountPercent = 0, discountDays = 0): PaymentTerms => ({
    netDays,
    endOfMonth,
    discountPercent,
    discountDays,
    text: written,
  });
  if (DUE_IMMEDIATELY.has(s)) return terms(0, false);
  const monthly = MONTHLY.exec(s);
  if (monthly !== null) return terms(Number(monthly[1]), true);
  const daysZh = DAYS_ZH.exec(s);
  if (daysZh !== null) return terms(Number(daysZh[1]), false);

  const discount = DISCOUNT.exec(s);
  const rest = discount === null ? s : s.slice(discount[0].length);
  const percent = discount === null ? 0 : Number(discount[1]);
  const discountDays = discount === null ? 0 : Number(discount[2]);
  if (EOM_ONLY.test(rest)) return terms(0, true, percent, discountDays);
  const net = NET.exec(rest);
  if (net === null) return null;
  return terms(Number(net[1]), net[2] !== undefined, percent, discountDays);
}

/**
 * Due date (serial) of an invoice under the terms: invoice date + N, or for end-of-month terms
 * the end of the invoice's month + N.
 *
 * @example
 * // invoice 2026-10-15 (46310)
 * dueDateFromTerms(46310, parseTerms("Net 30")!)     // 46340 (2026-11-14)
 * dueDateFromTerms(46310, parseTerms("EOM")!)        // 46326 (2026-10-31)
 * dueDateFromTerms(46310, parseTerms("Net 30 EOM")!) // 46356 (2026-11-30)
 */
export function dueDateFromTerms(invoiceSerial: number, terms: PaymentTerms): number {
  const start = terms.endOfMonth ? endOfMonth(invoiceSerial) : invoiceSerial;
  return start + terms.netDays;
}

/**
 * Early-payment discount earned (minor units): amount × discountPercent / 100, rounded half away
 * from zero to a whole minor unit, when payment is made no later than `discountDays` after the
 * invoice date (the last day counts); otherwise 0. Exact for any safe-integer amount;
 * NaN when the amount is not one.
 *
 * @example
 * // "2/10 Net 30", invoice 2026-10-01 (46296)
 * discountEarned(100050, parseTerms("2/10 Net 30")!, 46296, 46306) // 2001 (20.01 of 1,000.50)
 * discountEarned(100050, parseTerms("2/10 Net 30")!, 46296, 46307) // 0
 */
export function discountEarned(amountMinor: number, terms: PaymentTerms, invoiceSerial: number, paymentSerial: number): number {
  if (!Number.isSafeInteger(amountMinor)) return NaN;
  if (terms.discountPercent <= 0 || daysBetween(invoiceSerial, paymentSerial) > terms.discountDays) return 0;
  // Percent to millionths of the amount (1.5 % = 15000 ppm), then integer arithmetic in BigInt
  // so the product cannot lose digits.
  const partsPerMillion = BigInt(toMinor(terms.discountPercent, 4));
  const product = BigInt(amountMinor) * partsPerMillion;
  const magnitude = product < 0n ? -product : product;
  const rounded = (magnitude * 2n + 1000000n) / 2000000n;
  const discount = Number(rounded);
  return product < 0n ? -discount : discount;
}
