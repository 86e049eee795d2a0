/**
 * Dates as Excel serial day numbers in the 1900 date system: 1 = 1900-01-01, 60 = the phantom
 * 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility, 61 = 1900-03-01, and from there
 * serial = days since 1899-12-30 (46326 = 2026-10-31, 2958465 = 9999-12-31). Calendar arithmetic
 * is done on integers (no Date objects, no time zones); dayjs is used only to read text dates in
 * a day/month order.
 */
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";
import utc from "dayjs/plugin/utc";
import type { CellValue, DateOrder } from "./types";
import { toHalfWidth } from "./currency";

dayjs.extend(customParseFormat);
dayjs.extend(utc);

/** A calendar date. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Result of reading one date cell: a 1900-system serial, or the code of the problem. */
export type DateParse = { ok: true; serial: number } | { ok: false; code: "date.invalid" | "date.ambiguous" | "date.empty" };

/** Options for {@link parseDateCell}, as in ReadOptions. */
export interface DateCellOptions {
  /** Day/month order of text dates; null when unknown (ambiguous text is then an issue). */
  dateOrder: DateOrder | null;
  /** The workbook's date system; serials of a 1904 book are shifted by 1462 days. */
  dateSystem: 1900 | 1904;
}

/** Largest serial Excel shows as a date: 9999-12-31. */
export const MAX_SERIAL = 2958465;
/** Days between the 1904 and 1900 systems' day zero (1904-01-01 is 1462 in the 1900 system). */
const OFFSET_1904 = 1462;
/** Serial of 1970-01-01, the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25569;
const PHANTOM_LEAP_DAY = 60;
const MS_PER_DAY = 86400000;
// Bound once: these run millions of times per report, and every `Math.x` is a global lookup,
// which is slow in sandboxed contexts (e.g. a test runner's vm context).
const { floor } = Math;
const { isInteger } = Number;

// Days since 1970-01-01 for a proleptic Gregorian date, and back (H. Hinnant's algorithms).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yoe = y - era * 400;
  const doy = floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const day = doy - floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month of the 1900 date system, where February 1900 has 29 days (the phantom day).
 *
 * @example
 * daysInMonth(2026, 2) // 28
 * daysInMonth(1900, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) || year === 1900 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Serial of a date known to be valid (1900-01-01 … 9999-12-31, phantom day included). */
function serialOf(year: number, month: number, day: number): number {
  if (year === 1900 && month <= 2) return month === 1 ? day : day === 29 ? PHANTOM_LEAP_DAY : 31 + day;
  return daysFromCivil(year, month, day) + UNIX_EPOCH_SERIAL;
}

/**
 * Serial of a calendar date in the 1900 system, for 1900-01-01 (1) to 9999-12-31 (2958465);
 * NaN when the date does not exist or is out of that range. 1900-02-29 exists here: it is
 * serial 60, as in Excel.
 *
 * @example
 * serialFromYmd(2026, 10, 31) // 46326
 * serialFromYmd(1900, 2, 29)  // 60
 * serialFromYmd(1900, 3, 1)   // 61
 * serialFromYmd(2026, 2, 29)  // NaN
 */
export function serialFromYmd(year: number, month: number, day: number): number {
  if (!isValidYmd(year, month, day)) return NaN;
  return serialOf(year, month, day);
}

function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    isInteger(year) &&
    isInteger(month) &&
    isInteger(day) &&
    year >= 1900 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Calendar date of a serial (its integer part; a time fraction is dropped). Defined for
 * 1 … 2958465; serial 60 is 1900-02-29.
 *
 * @example
 * ymdFromSerial(46326.75) // { year: 2026, month: 10, day: 31 }
 * ymdFromSerial(60)       // { year: 1900, month: 2, day: 29 }
 */
export function ymdFromSerial(serial: number): Ymd {
  const whole = floor(serial);
  if (whole === PHANTOM_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
  // Before the phantom day Excel's count is one day ahead of the real calendar.
  return civilFromDays(whole - (whole < PHANTOM_LEAP_DAY ? UNIX_EPOCH_SERIAL - 1 : UNIX_EPOCH_SERIAL));
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/**
 * ISO 8601 date text (YYYY-MM-DD) of a serial.
 *
 * @example
 * isoFromSerial(46326) // "2026-10-31"
 * isoFromSerial(60)    // "1900-02-29"
 */
export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Serial of strict ISO date text "YYYY-MM-DD" (as in `--as-of`), or null when the text is not
 * in that form or names no real date. "1900-02-29" is accepted as serial 60.
 *
 * @example
 * serialFromIso("2026-10-31") // 46326
 * serialFromIso("2026-02-30") // null
 * serialFromIso("2026-1-5")   // null
 */
export function serialFromIso(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return null;
  const serial = serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  return Number.isNaN(serial) ? null : serial;
}

/**
 * Converts a serial of a workbook in the 1904 date system (0 = 1904-01-01) to the 1900 system
 * the engine uses.
 *
 * @example
 * serialFrom1904(0)     // 1462 (1904-01-01)
 * serialFrom1904(44864) // 46326 (2026-10-31)
 */
export function serialFrom1904(serial1904: number): number {
  return serial1904 + OFFSET_1904;
}

/**
 * Serial of the UTC calendar day of a JavaScript time value (milliseconds since 1970-01-01 UTC),
 * for adapters that receive Date objects. Valid from 1900-03-01 (serial 61): earlier days would
 * need the phantom-day correction, and no receivable is dated then.
 *
 * @example
 * serialFromUtcMs(Date.UTC(2026, 9, 31))          // 46326
 * serialFromUtcMs(Date.UTC(2026, 9, 31, 23, 59)) // 46326
 */
export function serialFromUtcMs(ms: number): number {
  return floor(ms / MS_PER_DAY) + UNIX_EPOCH_SERIAL;
}

/**
 * Serial of the last day of the serial's month (as Excel's EOMONTH(date, 0)).
 *
 * @example
 * endOfMonth(46310) // 46326 (2026-10-15 → 2026-10-31)
 */
export function endOfMonth(serial: number): number {
  const { year, month } = ymdFromSerial(serial);
  return serialOf(year, month, daysInMonth(year, month));
}

/**
 * Serial `days` days later (earlier when negative).
 *
 * @example
 * addDays(46326, 30) // 46356 (2026-11-30)
 */
export function addDays(serial: number, days: number): number {
  return serial + days;
}

/**
 * The same day `months` months later (earlier when negative), clamped to the end of a shorter
 * month, as Excel's EDATE: 2026-01-31 plus one month is 2026-02-28.
 *
 * @example
 * addMonths(serialFromYmd(2026, 1, 31), 1)  // serialFromYmd(2026, 2, 28)
 * addMonths(serialFromYmd(2026, 3, 15), -3) // serialFromYmd(2025, 12, 15)
 */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = ymdFromSerial(serial);
  const index = year * 12 + (month - 1) + months;
  const y = floor(index / 12);
  const m = index - y * 12 + 1;
  return serialOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * The last month end strictly before the serial's month: the default as-of date for a monthly
 * aging run on `serial` (usually today, supplied by the caller). It is the previous month's end
 * even when `serial` itself is a month end, because a run on 2026-11-30 during the day is
 * normally closing October, not a month that has not yet ended; pass that month end explicitly
 * to age as of it.
 *
 * @example
 * lastMonthEnd(serialFromYmd(2026, 11, 23)) // 46326 (2026-10-31)
 * lastMonthEnd(serialFromYmd(2026, 11, 30)) // 46326 (2026-10-31)
 * lastMonthEnd(serialFromYmd(2026, 1, 5))   // serialFromYmd(2025, 12, 31)
 */
export function lastMonthEnd(serial: number): number {
  const { year, month } = ymdFromSerial(serial);
  return serialOf(year, month, 1) - 1;
}

/**
 * Days from `from` to `to` (negative when `to` is earlier): `daysOverdue = daysBetween(due, asOf)`.
 * Like Excel's date subtraction, spans that cross 1900-02-29 count the phantom day.
 *
 * @example
 * daysBetween(serialFromYmd(2026, 10, 1), serialFromYmd(2026, 10, 31)) // 30
 */
export function daysBetween(from: number, to: number): number {
  return to - from;
}

// -------------------------------------------------------------------------------------------
// Reading date cells
// -------------------------------------------------------------------------------------------

const INVALID: DateParse = { ok: false, code: "date.invalid" };
const AMBIGUOUS: DateParse = { ok: false, code: "date.ambiguous" };
const EMPTY: DateParse = { ok: false, code: "date.empty" };

/** Year first with a 4-digit year: 2026-10-31, 2026/10/31, 2026.10.31, with an optional time. */
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Three numbers with one separator: 31/10/2026, 10-31-26, 31.10.2026. */
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/;
/** Day, month name, year: 31 Oct 2026, 31-Oct-26, 1 October 2026. */
const DAY_MONTH_NAME = /^(\d{1,2})([ \-/])([A-Za-z]{3,9})\2(\d{2}|\d{4})$/;
/** Month name, day, year: Oct 31, 2026, October 31 2026. */
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})( )(\d{1,2})(, ?| )(\d{4})$/;

/**
 * Reads a date cell into a 1900-system serial.
 *
 * Numbers are serials: the time fraction is dropped, a 1904 book's serials are shifted by 1462
 * days, and anything outside 1900-01-01 … 9999-12-31 (or a negative 1904 serial) is invalid.
 *
 * Text (full-width digits accepted), in these forms:
 * - year first, always read as year-month-day: "2026-10-31", "2026/10/31", "2026.10.31",
 *   "2026-10-31 00:00:00" (the time is dropped), "2026年10月31日", "20261031";
 * - day and month as numbers: "31/10/2026", "10/31/2026", "31-10-2026", "31.10.2026", with a
 *   2- or 4-digit year. Two-digit years follow Excel: 00–29 are 2000–2029, 30–99 are 1930–1999.
 *   With `dateOrder` "DMY" or "MDY" the text is read in that order only. With no order
 *   ("YMD" counts as none for these, except that a 2-digit first number is then the year),
 *   the text is accepted only when it is a real date in exactly one of the possible orders:
 *   "31/10/2026" can only be 31 October. That is not a guess; "03/04/2026" is, so it gives
 *   "date.ambiguous" (unless both orders name the same day, as "05/05/2026"). With a 2-digit
 *   year and no order, year-first is a possible reading too ("26/10/31").
 * - month names in English, any case: "31 Oct 2026", "31-Oct-26", "1 October 2026",
 *   "Oct 31, 2026", "October 31 2026".
 *
 * Empty cells (null, blank text) give "date.empty"; booleans and any other text "date.invalid".
 *
 * @example
 * parseDateCell(46326.5, { dateOrder: null, dateSystem: 1900 })        // { ok: true, serial: 46326 }
 * parseDateCell(44864, { dateOrder: null, dateSystem: 1904 })          // { ok: true, serial: 46326 }
 * parseDateCell("2026年10月31日", { dateOrder: null, dateSystem: 1900 }) // { ok: true, serial: 46326 }
 * parseDateCell("31/10/2026", { dateOrder: null, dateSystem: 1900 })    // { ok: true, serial: 46326 }
 * parseDateCell("03/04/2026", { dateOrder: null, dateSystem: 1900 })    // { ok: false, code: "date.ambiguous" }
 * parseDateCell("03/04/2026", { dateOrder: "DMY", dateSystem: 1900 })   // 2026-04-03
 */
export function parseDateCell(cell: CellValue, options: DateCellOptions): DateParse {
  if (typeof cell === "number") return parseDateNumber(cell, options.dateSystem);
  if (typeof cell === "string") return parseDateText(cell, options.dateOrder);
  return cell === null ? EMPTY : INVALID;
}

function parseDateNumber(value: number, dateSystem: 1900 | 1904): DateParse {
  if (!Number.isFinite(value)) return INVALID;
  let serial = floor(value);
  if (dateSystem === 1904) {
    if (serial < 0) return INVALID;
    serial = serialFrom1904(serial);
  }
  return serial >= 1 && serial <= MAX_SERIAL ? { ok: true, serial } : INVALID;
}

function fromParts(year: number, month: number, day: number): DateParse {
  const serial = serialFromYmd(year, month, day);
  return Number.isNaN(serial) ? INVALID : { ok: true, serial };
}

function parseDateText(raw: string, dateOrder: DateOrder | null): DateParse {
  const text = toHalfWidth(raw).trim();
  if (text === "") return EMPTY;
  const ymd = YEAR_FIRST.exec(text) ?? CHINESE.exec(text);
  if (ymd !== null) {
    const day = ymd.length === 5 ? ymd[4] : ymd[3];
    const month = ymd.length === 5 ? ymd[3] : ymd[2];
    return fromParts(Number(ymd[1]), Number(month), Number(day));
  }
  const compact = COMPACT.exec(text);
  if (compact !== null) return fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const numeric = NUMERIC.exec(text);
  if (numeric !== null) return parseNumericDate(numeric, dateOrder);
  const dayFirst = DAY_MONTH_NAME.exec(text);
  if (dayFirst !== null) {
    const [, day = "", separator = "", month = "", year = ""] = dayFirst;
    return parseWithDayjs([day, separator, titleCase(month), separator, fullYear(year)], ["D", "", "MMM", "", "YYYY"]);
  }
  const monthFirst = MONTH_NAME_DAY.exec(text);
  if (monthFirst !== null) {
    const [, month = "", space = "", day = "", separator = "", year = ""] = monthFirst;
    return parseWithDayjs([titleCase(month), space, day, separator, year], ["MMM", "", "D", "", "YYYY"]);
  }
  return INVALID;
}

/** "oct" and "OCT" → "Oct"; "Sept" → "Sep", which dayjs knows. */
function titleCase(word: string): string {
  const title = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  return title === "Sept" ? "Sep" : title;
}

/** Excel's two-digit-year rule: 00–29 → 20xx, 30–99 → 19xx. Four-digit years pass through. */
function fullYear(year: string): string {
  if (year.length !== 2) return year;
  return (Number(year) < 30 ? "20" : "19") + year;
}

/** The orders a numeric date could be in, given the configured order and the year's width. */
function candidateOrders(dateOrder: DateOrder | null, twoDigitYear: boolean, firstIsTwoDigits: boolean): DateOrder[] {
  if (dateOrder === "DMY" || dateOrder === "MDY") return [dateOrder];
  if (dateOrder === "YMD" && twoDigitYear && firstIsTwoDigits) return ["YMD"];
  return twoDigitYear && firstIsTwoDigits ? ["DMY", "MDY", "YMD"] : ["DMY", "MDY"];
}

function parseNumericDate(match: RegExpExecArray, dateOrder: DateOrder | null): DateParse {
  const [, a = "", separator = "", b = "", c = ""] = match;
  const orders = candidateOrders(dateOrder, c.length === 2, a.length === 2);
  let found: DateParse = INVALID;
  for (const order of orders) {
    const parsed = parseInOrder(order, a, separator, b, c);
    if (!parsed.ok) continue;
    if (found.ok && found.serial !== parsed.serial) return AMBIGUOUS;
    found = parsed;
  }
  return found;
}

/** Reads "a sep b sep c" in one order with dayjs' strict custom format. */
function parseInOrder(order: DateOrder, a: string, separator: string, b: string, c: string): DateParse {
  const token = (kind: "D" | "M", part: string): string => (part.length === 2 ? kind + kind : kind);
  switch (order) {
    case "DMY":
      return parseWithDayjs([a, separator, b, separator, fullYear(c)], [token("D", a), "", token("M", b), "", "YYYY"]);
    case "MDY":
      return parseWithDayjs([a, separator, b, separator, fullYear(c)], [token("M", a), "", token("D", b), "", "YYYY"]);
    case "YMD":
      return parseWithDayjs([fullYear(a), separator, b, separator, c], ["YYYY", "", token("M", b), "", token("D", c)]);
  }
}

/**
 * Parses text assembled from `parts` with the dayjs format assembled from `tokens` (an empty
 * token means the part is a literal, escaped in [brackets]). Strict mode rejects days that do
 * not exist (31/04) because the re-formatted text must equal the input.
 */
function parseWithDayjs(parts: string[], tokens: string[]): DateParse {
  let text = "";
  let format = "";
  parts.forEach((part, i) => {
    const token = tokens[i] ?? "";
    text += part;
    format += token === "" ? `[${part}]` : tokenFor(token, part);
  });
  const parsed = dayjs.utc(text, format, true);
  if (!parsed.isValid()) return INVALID;
  return fromParts(parsed.year(), parsed.month() + 1, parsed.date());
}

/** Widens a day, month or month-name token to the width of the text it must match exactly. */
function tokenFor(token: string, part: string): string {
  if (token === "D") return part.length === 2 ? "DD" : "D";
  if (token === "MMM") return part.length > 3 ? "MMMM" : "MMM";
  return token;
}
