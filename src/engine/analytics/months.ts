/**
 * Calendar months as the analytics count them: a month is an integer index (year × 12 + month − 1),
 * so month arithmetic is integer arithmetic, and it is written "YYYY-MM" in JSON and sheet names.
 */
import { daysInMonth, serialFromYmd, ymdFromSerial } from "../dates";

/**
 * The month index of "YYYY-MM", or null when the text is not a month.
 *
 * @example
 * parseMonth("2026-10") // 24321
 * parseMonth("2026-13") // null
 */
export function parseMonth(text: string): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 1900 || year > 9999 || month < 1 || month > 12) return null;
  return year * 12 + month - 1;
}

/**
 * "YYYY-MM" of a month index.
 *
 * @example
 * monthKey(24321) // "2026-10"
 */
export function monthKey(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, "0")}-${String(month - year * 12 + 1).padStart(2, "0")}`;
}

/**
 * The month index of an Excel serial date.
 *
 * @example
 * monthOfSerial(46326) // 24321 (2026-10-31 is in 2026-10)
 */
export function monthOfSerial(serial: number): number {
  const { year, month } = ymdFromSerial(serial);
  return year * 12 + month - 1;
}

/**
 * Serial of the last day of a month.
 *
 * @example
 * monthEndSerial(24321) // 46326 (2026-10-31)
 */
export function monthEndSerial(month: number): number {
  const year = Math.floor(month / 12);
  const m = month - year * 12 + 1;
  return serialFromYmd(year, m, daysInMonth(year, m));
}

/**
 * Calendar days of a month.
 *
 * @example
 * monthDays(parseMonth("2024-02")!) // 29
 */
export function monthDays(month: number): number {
  const year = Math.floor(month / 12);
  return daysInMonth(year, month - year * 12 + 1);
}
