/**
 * Money as integer minor units (cents, fen; none for JPY). Amounts become integers the moment a
 * cell is read, so every sum after that is exact; they become decimals again only when written.
 */
import type { CellValue, Lang } from "./types";
import { currencyDecimals, isCurrencyCode, toHalfWidth } from "./currency";

/** Result of reading one amount cell: minor units, or the code of the problem. */
export type AmountParse =
  | {
      ok: true;
      minor: number;
      /**
       * The currency symbol or code written in a text amount ("$", "HK$", "USD", "元"), exactly
       * as found, so the reader can compare it with the row's currency; null when none.
       */
      currencyText: string | null;
    }
  | { ok: false; code: "amount.invalid" | "amount.empty" };

// Bound once: toMinor runs millions of times per report, and every `Math.x` is a global
// lookup, which is slow in sandboxed contexts (e.g. a test runner's vm context).
const { abs, trunc } = Math;
const { isFinite: isFiniteNumber, isSafeInteger } = Number;

const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

function pow10(decimals: number): number {
  return POWERS_OF_TEN[decimals] ?? 10 ** decimals;
}

/**
 * Converts an amount in major units (as a spreadsheet stores it, a double) to integer minor
 * units. The double is first read as its 15-significant-digit decimal (`toPrecision(15)`, the
 * digits a spreadsheet shows), and that decimal is rounded half away from zero. So 1.005, stored
 * as 1.00499999999999989…, is 101 cents, as the user sees it, not the 100 that `Math.round(x * 100)`
 * gives. Non-finite values give NaN.
 *
 * @example
 * toMinor(1.005, 2)     // 101
 * toMinor(-2.675, 2)    // -268
 * toMinor(0.1 + 0.2, 2) // 30
 * toMinor(1234.5, 0)    // 1235
 */
export function toMinor(value: number, decimals: number): number {
  if (!isFiniteNumber(value)) return NaN;
  const scaled = value * pow10(decimals);
  const whole = trunc(scaled);
  const fraction = scaled - whole; // exact: both operands share the binade
  // The 15-digit decimal differs from `value` by at most 5e-15 relative, and `scaled` carries
  // one more rounding error (1.1e-16 relative). When the fraction is further than twice that
  // from the .5 boundary, both round the same way and the string path is not needed.
  if (abs(abs(fraction) - 0.5) > abs(scaled) * 1e-14) {
    const minor = abs(fraction) > 0.5 ? whole + (scaled < 0 ? -1 : 1) : whole;
    return minor === 0 ? 0 : minor;
  }
  return toMinorFromDecimal(value.toPrecision(15), decimals);
}

/**
 * Rounds a decimal string ("-1.00500000000000", "1.23456789012346e+21") half away from zero to
 * `decimals` places and returns it in minor units, using digit arithmetic only.
 */
function toMinorFromDecimal(text: string, decimals: number): number {
  const negative = text.charCodeAt(0) === 45; // "-"
  const unsigned = negative ? text.slice(1) : text;
  const e = unsigned.indexOf("e");
  const mantissa = e < 0 ? unsigned : unsigned.slice(0, e);
  const exponent = e < 0 ? 0 : Number(unsigned.slice(e + 1));
  const point = mantissa.indexOf(".");
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  const intLength = (point < 0 ? mantissa.length : point) + exponent;
  return roundDigits(digits, intLength, decimals, negative);
}

/**
 * `digits` with the decimal point after `intLength` digits (which may be ≤ 0 or beyond the end),
 * rounded half away from zero to `decimals` places, as an integer count of minor units.
 */
function roundDigits(digits: string, intLength: number, decimals: number, negative: boolean): number {
  const keep = intLength + decimals; // how many leading digits form the minor-unit integer
  let magnitude: number;
  if (keep <= 0) {
    // Everything is below the last kept place; only a first dropped digit ≥ 5 at keep = 0 counts.
    magnitude = keep === 0 && digits.charCodeAt(0) >= 53 ? 1 : 0;
  } else if (keep >= digits.length) {
    magnitude = Number(digits + "0".repeat(keep - digits.length));
  } else {
    magnitude = Number(digits.slice(0, keep));
    if (digits.charCodeAt(keep) >= 53) magnitude += 1; // "5".."9"
  }
  return negative && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * Major units for writing a cell or JSON: the double nearest to `minor / 10^decimals`
 * (IEEE division is correctly rounded, so 12345 cents is exactly the double written 123.45).
 *
 * @example
 * fromMinor(12345, 2) // 123.45
 * fromMinor(-5, 3)    // -0.005
 * fromMinor(1200, 0)  // 1200
 */
export function fromMinor(minor: number, decimals: number): number {
  const major = minor / pow10(decimals);
  return major === 0 ? 0 : major;
}

/**
 * Exact sum of amounts in minor units (exact while the total stays within ±2^53).
 *
 * @example
 * sumMinor([10, 20, -5])                // 25
 * sumMinor(new Float64Array([1, 2, 3])) // 6
 */
export function sumMinor(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}

const INVALID: AmountParse = { ok: false, code: "amount.invalid" };
const EMPTY: AmountParse = { ok: false, code: "amount.empty" };

/**
 * Currency marks accepted before or after a text amount. Three-letter upper-case ISO codes are
 * accepted too (checked against the ISO list), so "100 CHF" reads but "12abc" does not.
 */
const CURRENCY_PREFIX = /^(?:US\$|HK\$|NT\$|S\$|A\$|C\$|NZ\$|CN¥|JP¥|RMB|rmb|CNY|cny|USD|usd|[A-Z]{3}|[$€£¥元円₩₹])/;
const CURRENCY_SUFFIX = /(?:US\$|HK\$|NT\$|S\$|A\$|C\$|NZ\$|CN¥|JP¥|RMB|rmb|CNY|cny|USD|usd|[A-Z]{3}|[$€£¥元円₩₹])$/;

/** Spaces that may appear around a text amount or separate its thousands. */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]/;

/**
 * Reads an amount cell into integer minor units.
 *
 * - Numbers are converted with {@link toMinor}; booleans, NaN and ±Infinity are invalid.
 * - Empty cells (null, "", spaces only) give "amount.empty".
 * - Text may carry: a currency symbol or code before or after the number ($, US$, HK$, €, £,
 *   ¥, ￥, RMB, CNY, USD, 元, any upper-case ISO code); a leading "-" or "+", a trailing "-"
 *   ("100.00-", as ERP exports write credits), or parentheses "(1,234.50)" for a negative;
 *   full-width digits and punctuation ("１２３，４５６．７８"); the Unicode minus sign.
 * - Separators. Thousands may be grouped with ",", ".", spaces (normal, no-break, thin), or
 *   "'" and "’" (Swiss style); every group after the first must have exactly 3 digits, or, in
 *   Indian lakh/crore grouping ("12,34,567.00"), 2 digits except the last 3.
 *   Which of "." and "," is the decimal separator:
 *   - both appear: the one that comes last is the decimal separator ("1.234,56" and
 *     "1,234.56" are both 1234.56);
 *   - only ",": a single "," followed by exactly 3 digits is a thousands separator
 *     ("1,234" is 1234); several are thousands ("1,234,567"); otherwise it is the decimal
 *     separator ("12,5" is 12.5);
 *   - only ".": a single "." is the decimal separator ("1.234" is 1.234); several are
 *     thousands only when every group is valid ("1.234.567"), so "1.2.3" is invalid.
 * - Digits beyond `decimals` are rounded half away from zero on the decimal text itself.
 * - Anything else is invalid: letters ("12abc"), two decimal separators, a sign on both sides,
 *   unbalanced parentheses, and amounts whose minor units exceed ±2^53 (sums would be inexact).
 *
 * @example
 * parseAmount(1234.5, 2)           // { ok: true, minor: 123450, currencyText: null }
 * parseAmount("(1,234.50)", 2)     // { ok: true, minor: -123450, currencyText: null }
 * parseAmount("1.234,56 €", 2)     // { ok: true, minor: 123456, currencyText: "€" }
 * parseAmount("￥１２３，４５６．７８", 2) // { ok: true, minor: 12345678, currencyText: "¥" }
 * parseAmount("100.00-", 2)        // { ok: true, minor: -10000, currencyText: null }
 * parseAmount("12abc", 2)          // { ok: false, code: "amount.invalid" }
 * parseAmount("  ", 2)             // { ok: false, code: "amount.empty" }
 */
export function parseAmount(cell: CellValue, decimals: number): AmountParse {
  if (typeof cell === "number") {
    const minor = toMinor(cell, decimals);
    return isSafeInteger(minor) ? { ok: true, minor, currencyText: null } : INVALID;
  }
  if (typeof cell === "string") return parseAmountText(cell, decimals);
  return cell === null ? EMPTY : INVALID;
}

function parseAmountText(raw: string, decimals: number): AmountParse {
  let s = toHalfWidth(raw)
    .replace(/\u2212/g, "-")
    .trim();
  if (s === "") return EMPTY;
  let negative = false;
  let signed = false;
  let openParen = false;
  let currencyText: string | null = null;

  // Peel marks off the left: "(", a sign and a currency, each at most once, in any order.
  for (;;) {
    const c = s.charAt(0);
    if (c === "(" && !openParen) {
      openParen = true;
      s = s.slice(1).trimStart();
    } else if ((c === "-" || c === "+") && !signed) {
      signed = true;
      negative = c === "-";
      s = s.slice(1).trimStart();
    } else {
      const m: RegExpExecArray | null = currencyText === null ? CURRENCY_PREFIX.exec(s) : null;
      if (m === null || !isCurrencyMark(m[0])) break;
      currencyText = m[0];
      s = s.slice(m[0].length).trimStart();
    }
  }
  // Then off the right: ")" closing the "(", a trailing "-", and a currency if none yet.
  let closedParen = false;
  for (;;) {
    const c = s.charAt(s.length - 1);
    if (c === ")" && openParen && !closedParen) {
      closedParen = true;
      s = s.slice(0, -1).trimEnd();
    } else if (c === "-" && !signed) {
      signed = true;
      negative = true;
      s = s.slice(0, -1).trimEnd();
    } else {
      const m: RegExpExecArray | null = currencyText === null ? CURRENCY_SUFFIX.exec(s) : null;
      if (m === null || !isCurrencyMark(m[0])) break;
      currencyText = m[0];
      s = s.slice(0, -m[0].length).trimEnd();
    }
  }
  if (openParen !== closedParen || (openParen && signed)) return INVALID;
  if (openParen) negative = true;

  const number = splitNumber(s);
  if (number === null) return INVALID;
  const minor = roundDigits(number.digits, number.intLength, decimals, negative);
  return isSafeInteger(minor) ? { ok: true, minor, currencyText } : INVALID;
}

function isCurrencyMark(mark: string): boolean {
  return mark.length !== 3 || !/^[A-Z]{3}$/.test(mark) || isCurrencyCode(mark) || mark === "RMB";
}

/**
 * Splits the numeric core of a text amount into its digits and the position of the decimal
 * point, applying the separator rules documented on {@link parseAmount}; null when invalid.
 */
function splitNumber(s: string): { digits: string; intLength: number } | null {
  if (s === "" || !/^[0-9.,'’\s\u00a0\u2007\u2009\u202f]+$/.test(s)) return null;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let decimalAt = -1; // index of the decimal separator, -1 for none
  let thousands = ""; // "." or "," when that character groups thousands
  if (lastDot >= 0 && lastComma >= 0) {
    decimalAt = Math.max(lastDot, lastComma);
    thousands = lastDot > lastComma ? "," : ".";
  } else if (lastComma >= 0) {
    const single = s.indexOf(",") === lastComma;
    if (single && !/^\d{3}$/.test(s.slice(lastComma + 1))) decimalAt = lastComma;
    else thousands = ",";
  } else if (lastDot >= 0) {
    if (s.indexOf(".") === lastDot) decimalAt = lastDot;
    else thousands = ".";
  }
  const intText = decimalAt < 0 ? s : s.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? "" : s.slice(decimalAt + 1);
  if (!/^\d*$/.test(fraction)) return null;
  const intDigits = groupedDigits(intText, thousands);
  if (intDigits === null || intDigits.length + fraction.length === 0) return null;
  return { digits: intDigits + fraction, intLength: intDigits.length };
}

/** The digits of an integer part whose thousands may be grouped; null when a group is malformed. */
function groupedDigits(text: string, thousands: string): string | null {
  if (/^\d*$/.test(text)) return text;
  const groups: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c >= "0" && c <= "9") current += c;
    else if (c === thousands || c === "'" || c === "’" || SPACES.test(c)) {
      groups.push(current);
      current = "";
    } else return null;
  }
  groups.push(current);
  const [first, ...rest] = groups;
  if (first === undefined || first.length < 1 || first.length > 3) return null;
  if (rest.every((g) => g.length === 3)) return groups.join("");
  // Indian grouping (lakh, crore): "12,34,567" has 2-digit groups before the last 3 digits.
  const last = rest[rest.length - 1];
  const indian = last?.length === 3 && first.length <= 2 && rest.slice(0, -1).every((g) => g.length === 2);
  return indian ? groups.join("") : null;
}

/**
 * An amount for messages and the task pane: grouped with "," and "." for decimals, the
 * currency's ISO 4217 decimals, and the ISO code after the number ("1,234.50 USD",
 * "-1,200 JPY"). Both languages use this form: it is unambiguous in either, and
 * {@link parseAmount} reads it back to the same minor units.
 *
 * @param _lang reserved; en-US and zh-CN currently share the format.
 * @example
 * formatMoney(123450, "USD", "en-US") // "1,234.50 USD"
 * formatMoney(-1200, "JPY", "zh-CN")  // "-1,200 JPY"
 * formatMoney(5, "BHD", "en-US")      // "0.005 BHD"
 */
export function formatMoney(minor: number, currency: string, _lang: Lang): string {
  const code = currency.toUpperCase();
  if (!Number.isFinite(minor)) return `${minor} ${code}`;
  const decimals = currencyDecimals(code);
  const whole = Math.round(minor);
  const digits = String(Math.abs(whole)).padStart(decimals + 1, "0");
  const intPart = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const grouped = intPart.replace(/\B(?=(\d{3})+$)/g, ",");
  const sign = whole < 0 ? "-" : "";
  return `${sign}${grouped}${decimals > 0 ? "." + fraction : ""} ${code}`;
}
