/**
 * How AR Desk writes text so that Excel stores exactly that text.
 *
 * `Range.values` parses a string the way Excel parses typed input: "=SUM(A1)", "+1", "-x" and
 * "@foo" become formulas, "00123" becomes 123, "1-30" becomes a date, "TRUE" a boolean,
 * "#N/A" an error. Two mechanisms stop that, and each cell gets exactly one of them:
 *
 * - **Text columns** (`SheetColumn.isText`, data rows only) get the number format "@" on the
 *   whole column range in the same batch *before* the values. Excel does not parse entries into
 *   Text-formatted cells, which also keeps ids like "00123" and "1-2" intact. Strings there are
 *   written unchanged: in a Text cell a leading apostrophe would be stored literally, so adding
 *   one would corrupt the value.
 * - **Every other string cell** (titles, headers, totals, labels in General/number columns) is
 *   written with a leading apostrophe when Excel would otherwise parse it ({@link needsQuotePrefix}).
 *   The apostrophe is Excel's quote prefix: it is not part of the value, `values` reads back the
 *   string without it, and number formats of the column still apply to numbers around it.
 *
 * Setting "@" on non-text columns is not an option (numbers written there would become text),
 * and prefixing inside Text cells is wrong (see above), hence the split.
 */
import type { SheetValue } from "../engine/types";

/** Characters that make Excel read an entry as a formula (= + - @) or that hide one (tab, CR, LF). */
const FORMULA_START = /^[=+\-@\t\r\n]/;
/**
 * Starts like a number, date, time, percentage or amount: Excel would convert it. Any currency
 * symbol counts (₹, ₩, ₽, ฿, ₫ … as well as $ € £ ¥: Excel reads the one of the user's locale).
 */
const NUMBER_LIKE = /^\s*[(\p{Sc}]?\s*[-+]?\s*\p{Sc}?\s*[.,]?[0-9]/u;
/** A month name or abbreviation followed by a number ("Oct 31", "October 2026", "Oct-26"): Excel reads a date. */
const MONTH_DATE =
  /^\s*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[\s\-/,]+[0-9]/i;

/**
 * Whether a string written to a General/number-formatted cell needs a quote prefix to stay the
 * same text: formula starts, a leading apostrophe (it would be eaten as the prefix), error
 * literals ("#N/A"), booleans and anything that starts like a number or date.
 *
 * @example
 * needsQuotePrefix("=SUM(A1)"); // true
 * needsQuotePrefix("1-30"); // true (Excel would store 30 January)
 * needsQuotePrefix("Oct 31"); // true (a date too)
 * needsQuotePrefix("Acme Ltd"); // false
 */
export function needsQuotePrefix(text: string): boolean {
  if (text.length === 0) return false;
  if (FORMULA_START.test(text) || text.startsWith("'") || text.startsWith("#")) return true;
  const upper = text.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return true;
  return NUMBER_LIKE.test(text) || MONTH_DATE.test(text);
}

/**
 * The value to put in `Range.values` for one SheetModel cell. `literalText` is true for cells
 * formatted "@" before the write (text columns' data rows): their strings go in unchanged.
 * Empty cells are written as "" (Excel's empty value). Non-finite numbers cannot be written
 * (they do not survive JSON) and indicate a bug upstream, so they throw.
 *
 * @example
 * toExcelValue("=x", false); // "'=x"
 * toExcelValue("=x", true); // "=x"  (the cell is Text-formatted)
 * toExcelValue(null, false); // ""
 */
export function toExcelValue(value: SheetValue, literalText: boolean): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return !literalText && needsQuotePrefix(value) ? `'${value}` : value;
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new RangeError(`Cannot write the non-finite number ${String(value)} to a cell.`);
  }
  return value;
}
