/**
 * The one currency + amount reader that every ledger table (invoices, payments) shares, and
 * optional amounts (open amount, credit limit).
 *
 * Rules, per table:
 * - **Currency column**: the column recognised by its heading; when none is, a column whose
 *   every non-blank value is an ISO 4217 code ("Code", or the unheaded half of a merged
 *   "Amount" heading) is the currency column, whatever its heading, and a note says so.
 * - **Several currencies, no currency column**: when a table has no currency column but shows
 *   several currencies — amounts that write theirs ("EUR 1.234,50", "¥1,000") beside amounts
 *   that do not, or an unmapped column of mostly ISO codes (EUR, JPY, …) that is not wholly
 *   codes — a row whose currency is stated nowhere (not in a column, not in its amount, not by
 *   its customer) is an error, never a default-currency amount; a table note says why. One
 *   currency written throughout, or none anywhere, is not a mix.
 * - **Decimal mark** of text amounts is decided per column from all its values: a column whose
 *   unambiguous values use a decimal comma ("1.234,50", "12,5") reads "12.500" as twelve
 *   thousand five hundred; a column with both conventions is an issue, and its values that
 *   could be either ("12.500", "1,234") are errors for their rows, never guessed.
 * - **Rounding**: an amount with more decimals than its currency has is rounded half away from
 *   zero (the engine's money rule) and gets a warning naming the row.
 * - **Magnitude**: every amount of a currency, invoices and payments together, must sum to at
 *   most 2^53 − 1 minor units in absolute value, so every total the engine forms is exact; the
 *   row that would pass the bound is an error.
 */
import { isCurrencyCode, normalizeCurrency } from "../currency";
import { parseAmount, toMinor } from "../money";
import type { TableData, TableDetection } from "../types";
import { cellText, codeUnit, isBlankCell } from "./normalize";
import { currencyIndexOf, currencyOfText, MAX_MINOR, report, tableNote, type Cell, type ReadState, type Row } from "./state";

const { abs, round } = Math;
/** 10^d for the ISO 4217 decimals in use (0–4). */
const POW10 = [1, 10, 100, 1000, 10000, 100000];

/** Result of the slow amount path. */
export type AmountRead =
  { ok: true; minor: number; currency: number; named?: boolean } | { ok: false; code: string; params?: Record<string, string> };

/**
 * Minor units of a number cell, or NaN when it is not a usable amount. The fast path of every
 * amount column.
 */
export function minorOfNumber(value: number, decimals: number): number {
  const minor = toMinor(value, decimals);
  return minor <= MAX_MINOR && minor >= -MAX_MINOR ? minor : NaN;
}

/**
 * True when a number has digits beyond `decimals` that rounding to minor units drops: 0.004 in
 * USD, 1234.5 in JPY. The float noise of a decimal value (1234.56 × 100 = 123456.00000000001)
 * does not count.
 *
 * @example
 * hasExcessDecimals(0.004, 2)   // true
 * hasExcessDecimals(1234.56, 2) // false
 * hasExcessDecimals(1234.5, 0)  // true
 */
export function hasExcessDecimals(value: number, decimals: number): boolean {
  const scaled = value * (POW10[decimals] ?? 10 ** decimals);
  const rest = abs(scaled - Math.round(scaled));
  return rest > abs(scaled) * 1e-14 + 1e-9;
}

/** Which character is the decimal mark of a column's text amounts; "?" when both are used. */
export type DecimalMark = "." | "," | "?";

/**
 * What one text amount says about its column's decimal mark: "." or "," when it can only be
 * read one way, null when it has no separator or could be either ("12.500", "1,234").
 *
 * @example
 * decimalEvidence("1.234,50") // ","
 * decimalEvidence("12,5")     // ","
 * decimalEvidence("1,234.5")  // "."
 * decimalEvidence("12.500")   // null
 * decimalEvidence("1.234.567")// ","
 */
export function decimalEvidence(text: string): "." | "," | null {
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? "." : ",";
  const at = lastDot >= 0 ? lastDot : lastComma;
  if (at < 0) return null;
  const mark = text.charAt(at) as "." | ",";
  const other = mark === "." ? "," : ".";
  // Several of one mark: it groups thousands, so the other is the decimal mark.
  if (text.indexOf(mark) !== at) return other;
  return /^\d{3}(?!\d)/.test(text.slice(at + 1)) ? null : mark;
}

/**
 * Decides a column's decimal mark from every text value in it (numbers say nothing): "," when
 * some value can only be a decimal comma and none a decimal point, "?" when both occur, "."
 * otherwise (the default, also for columns of numbers).
 *
 * @example
 * columnDecimalMark([["1.234,50"], ["12.500"]], 0) // ","
 * columnDecimalMark([["1,234.50"], ["12,5"]], 0)   // "?"
 */
export function columnDecimalMark(rows: readonly Row[], column: number): DecimalMark {
  let comma = false;
  let dot = false;
  for (let i = 0; i < rows.length; i++) {
    const cell = rows[i]?.[column];
    if (typeof cell !== "string") continue;
    const evidence = decimalEvidence(cell);
    if (evidence === ",") comma = true;
    else if (evidence === ".") dot = true;
    if (comma && dot) return "?";
  }
  return comma ? "," : ".";
}

/** "1.234,50" as "1,234.50": a decimal-comma amount in the notation parseAmount reads first. */
function swapMarks(text: string): string {
  return text.replace(/[.,]/g, (mark) => (mark === "." ? "," : "."));
}

/** Digits after the decimal mark of a text amount read with mark `mark` that are not zeros beyond `decimals`. */
function textHasExcessDecimals(text: string, mark: "." | ",", decimals: number): boolean {
  const at = text.lastIndexOf(mark);
  if (at < 0) return false;
  const evidence = decimalEvidence(text);
  // A mark that groups thousands is not a decimal mark.
  if (evidence !== null && evidence !== mark) return false;
  if (evidence === null && mark === ",") return false;
  const digits = /^\d+/.exec(text.slice(at + 1))?.[0] ?? "";
  return /[1-9]/.test(digits.slice(decimals));
}

/**
 * Index of the column holding currency codes when no heading named one: the first column not
 * mapped to any field whose non-blank values are all ISO 4217 codes (at least one). -1 when none.
 *
 * @example
 * currencyColumnByValues({ header: ["Inv", "Amount", null], rows: [["A", 1, "EUR"], ["B", 2, "JPY"]], … }, new Set([0, 1])) // 2
 */
export function currencyColumnByValues(table: TableData, used: ReadonlySet<number>): number {
  const width = table.header.length;
  for (let c = 0; c < width; c++) {
    if (used.has(c)) continue;
    let codes = 0;
    let other = false;
    for (const row of table.rows) {
      const text = cellText(row[c]);
      if (text === null) continue;
      if (text.length !== 3 || !isCurrencyCode(text.toUpperCase())) {
        other = true;
        break;
      }
      codes++;
    }
    if (!other && codes > 0) return c;
  }
  return -1;
}

/** Non-blank values looked at for a column of currency codes among other text. */
const CODES_SAMPLE = 200;

/**
 * An unmapped column that shows several currencies without being wholly codes (so not taken as
 * the currency column): in its first values, most are ISO 4217 codes and at least two differ.
 * Returns the column and its codes, or null.
 *
 * @example
 * mixedCodesColumn({ header: ["Inv", "Amount", "Cur"], rows: [["A", 1, "EUR"], ["B", 2, "JPY"], ["C", 3, "n/a"]], … }, new Set([0, 1]))
 * // { column: 2, codes: ["EUR", "JPY"] }
 */
export function mixedCodesColumn(table: TableData, used: ReadonlySet<number>): { column: number; codes: string[] } | null {
  const width = table.header.length;
  for (let c = 0; c < width; c++) {
    if (used.has(c)) continue;
    const codes = new Set<string>();
    let seen = 0;
    let coded = 0;
    for (const row of table.rows) {
      const text = cellText(row[c]);
      if (text === null) continue;
      if (++seen > CODES_SAMPLE) break;
      const upper = text.toUpperCase();
      if (upper.length === 3 && isCurrencyCode(upper)) {
        coded++;
        codes.add(upper);
      } else if (seen - coded > seen / 2 + 2) break;
    }
    if (codes.size >= 2 && coded * 2 > Math.min(seen, CODES_SAMPLE)) return { column: c, codes: [...codes].sort() };
  }
  return null;
}

/**
 * A table's money columns and what reading a row's money produced. `readMoney` fills `minor`
 * and `currency`; one object per table, so the row loop allocates nothing.
 */
export interface MoneyReader {
  table: TableData;
  cAmount: number;
  cCurrency: number;
  /** The amount column's decimal mark, decided when the first text amount needs it. */
  mark: DecimalMark | null;
  /** Index of the book's default currency, -1 until first needed. */
  defaultCurrency: number;
  /** Without a currency column: the currencies amounts wrote themselves ("EUR 100"), null until one does. */
  named: Set<number> | null;
  /** Without a currency column: an unmapped column showing several currency codes (see mixedCodesColumn), else null. */
  codes: { column: number; codes: string[] } | null;
  minor: number;
  currency: number;
}

/**
 * The money reader of a detected ledger table: its amount and currency columns (the currency
 * column found by its values when no heading names one, with a note) and the amount column's
 * decimal mark (an ambiguous column gets a table note).
 */
export function moneyReader(state: ReadState, detection: TableDetection): MoneyReader {
  const table = detection.table;
  let cAmount = -1;
  let cCurrency = -1;
  for (const column of detection.columns) {
    if (column.field === "amount") cAmount = column.index;
    else if (column.field === "currency") cCurrency = column.index;
  }
  let codes: MoneyReader["codes"] = null;
  if (cCurrency < 0) {
    const used = new Set(detection.columns.map((c) => c.index));
    cCurrency = currencyColumnByValues(table, used);
    if (cCurrency >= 0) {
      tableNote(state, "warning", table, "currency.columnByValues", { column: headingOf(table, cCurrency) });
    } else {
      codes = mixedCodesColumn(table, used);
    }
  }
  return { table, cAmount, cCurrency, mark: null, defaultCurrency: -1, named: null, codes, minor: 0, currency: -1 };
}

function headingOf(table: TableData, column: number): string {
  const heading = table.header[column];
  return heading === null || heading === undefined ? `#${column + 1}` : String(heading);
}

/**
 * After a table without a currency column is read: when it showed several currencies (amounts
 * naming a currency other than the default, or a column of mixed codes), the rows stored in the
 * default currency that state theirs nowhere are errors. Returns, for each such row, its index
 * in the table (the caller removes the stored document and lists it as excluded), after an error
 * issue on each and one table note; an empty list when the table is not a mix. Runs once per
 * table, and looks at rows only when a mix was seen.
 *
 * @param stored the table row index of each stored document, with its currency and customer.
 */
export function unstatedCurrencyRows(
  state: ReadState,
  m: MoneyReader,
  stored: { count: number; rowIndex: (k: number) => number; currency: ArrayLike<number>; customer: ArrayLike<number> },
): Set<number> {
  const none = new Set<number>();
  if (m.cCurrency >= 0 || m.defaultCurrency < 0) return none;
  const others = m.named ? [...m.named].filter((c) => c !== m.defaultCurrency) : [];
  if (others.length === 0 && m.codes === null) return none;
  const customerCurrency = state.customers.currency;
  const rows = new Set<number>();
  for (let k = 0; k < stored.count; k++) {
    if (stored.currency[k] !== m.defaultCurrency || (customerCurrency[stored.customer[k] ?? -1] ?? -1) >= 0) continue;
    const i = stored.rowIndex(k);
    const cell = m.table.rows[i]?.[m.cAmount];
    // An amount that writes the default currency itself ("$100" in a USD book) states it.
    const parsed = typeof cell === "string" ? parseAmount(cell, 2) : null;
    if (parsed?.ok && parsed.currencyText !== null) continue;
    rows.add(i);
  }
  if (rows.size === 0) return none;
  const currencies = m.codes
    ? m.codes.codes.join(", ")
    : [m.defaultCurrency, ...others]
        .map((c) => state.currencies[c] ?? "")
        .sort()
        .join(", ");
  const fallback = state.currencies[m.defaultCurrency] ?? "";
  if (m.codes) {
    tableNote(state, "error", m.table, "currency.codesNotColumn", {
      column: headingOf(m.table, m.codes.column),
      currencies,
      currency: fallback,
      count: rows.size,
    });
  } else {
    tableNote(state, "error", m.table, "currency.severalNoColumn", { currencies, currency: fallback, count: rows.size });
  }
  for (const i of [...rows].sort((a, b) => a - b)) {
    report(state, "error", m.table, i, m.cAmount, "currency.unstated", { currencies, currency: fallback });
  }
  return rows;
}

/**
 * The amount column's decimal mark, decided from all its values the first time a text amount
 * is read (a column of numbers never pays for the pass); a column mixing both marks gets a note.
 */
function decimalMarkOf(state: ReadState, m: MoneyReader): DecimalMark {
  if (m.mark === null) {
    m.mark = columnDecimalMark(m.table.rows, m.cAmount);
    if (m.mark === "?")
      tableNote(state, "warning", m.table, "amount.mixedDecimalMarks", { column: String(m.table.header[m.cAmount] ?? "") });
  }
  return m.mark;
}

/**
 * Reads row `i`'s currency and amount into `m.minor` and `m.currency`. The currency is the
 * row's, else the customer's (`customerCurrency`, -1 for none), else the book's default.
 * Returns false after reporting an error issue when the row's money is unusable (the caller
 * excludes the row); rounding a value to the currency's decimals is a warning.
 *
 * The common case, a number amount that is a whole number of minor units (up to float noise)
 * within bounds, is done here, in a function small enough to be inlined into the row loops;
 * everything else goes to {@link readMoneyOther}.
 */
export function readMoney(state: ReadState, m: MoneyReader, cells: Row, i: number, customerCurrency: number): boolean {
  const currencyText = m.cCurrency >= 0 ? cellText(cells[m.cCurrency]) : null;
  const currency =
    currencyText !== null ? currencyOfText(state, currencyText) : customerCurrency >= 0 ? customerCurrency : defaultCurrencyOf(state, m);
  const cell = cells[m.cAmount];
  if (currency >= 0 && typeof cell === "number") {
    const minor = plainMinor(cell, state.decimals[currency] ?? 2);
    if (minor === minor) {
      const total = state.absoluteTotal[currency]! + abs(minor);
      if (total <= MAX_MINOR) {
        state.absoluteTotal[currency] = total;
        m.minor = minor;
        m.currency = currency;
        return true;
      }
    }
  }
  return readMoneyOther(state, m, cells, i, currency, currencyText !== null);
}

/**
 * Minor units of a number amount that is a whole number of them up to float noise (1234.56 ×
 * 100 = 123456.00000000001) and below 10^13 of them; NaN for anything else. Such an amount lost
 * nothing, and its minor units are what toMinor gives (its fraction is nowhere near one half),
 * without toMinor's call. Float noise stays below 1e-6 up to about ten million in the currency;
 * a larger amount, or one off whole minor units, takes the exact path.
 *
 * @example
 * plainMinor(1234.56, 2) // 123456
 * plainMinor(0.004, 2)   // NaN (rounding loses digits: the exact path decides)
 * plainMinor(-0, 2)      // 0
 */
export function plainMinor(value: number, decimals: number): number {
  const scaled = value * (POW10[decimals] ?? NaN);
  const minor = round(scaled);
  const noise = scaled - minor;
  if (noise < 1e-6 && noise > -1e-6 && scaled < 1e13 && scaled > -1e13) return minor === 0 ? 0 : minor;
  return NaN;
}

/**
 * readMoney for what its fast path leaves: an unknown currency (an error), a number amount off
 * whole minor units (float noise above 1e-6 that loses nothing is still taken silently, as the
 * exact test says) or past the per-currency bound, and text amounts ({@link readMoneySlow}).
 */
function readMoneyOther(state: ReadState, m: MoneyReader, cells: Row, i: number, currency: number, currencyFromColumn: boolean): boolean {
  if (currency < 0) {
    report(state, "error", m.table, i, m.cCurrency, "currency.unknown");
    return false;
  }
  const cell = cells[m.cAmount];
  if (typeof cell === "number") {
    const decimals = state.decimals[currency] ?? 2;
    const minor = minorOfNumber(cell, decimals);
    // A number whose scaled value is its minor units (or within float noise of it) lost nothing.
    const noise = cell * (POW10[decimals] ?? 1) - minor;
    if (minor === minor && ((noise < 1e-6 && noise > -1e-6) || !hasExcessDecimals(cell, decimals))) {
      const total = state.absoluteTotal[currency]! + abs(minor);
      if (total <= MAX_MINOR) {
        state.absoluteTotal[currency] = total;
        m.minor = minor === 0 ? 0 : minor;
        m.currency = currency;
        return true;
      }
    }
  }
  return readMoneySlow(state, m, cells, i, currency, currencyFromColumn);
}

function defaultCurrencyOf(state: ReadState, m: MoneyReader): number {
  if (m.defaultCurrency < 0) m.defaultCurrency = currencyIndexOf(state, state.defaultCurrency);
  return m.defaultCurrency;
}

/** readMoney for everything but a plain number amount: text, rounding, bounds, errors. */
function readMoneySlow(state: ReadState, m: MoneyReader, cells: Row, i: number, rowCurrency: number, currencyFromColumn: boolean): boolean {
  let currency = rowCurrency;
  const amountCell = cells[m.cAmount];
  const decimals = state.decimals[currency] ?? 2;
  let amount = typeof amountCell === "number" ? minorOfNumber(amountCell, decimals) : NaN;
  if (amount === amount) {
    if (hasExcessDecimals(amountCell as number, decimals)) {
      report(state, "warning", m.table, i, m.cAmount, "amount.rounded", { decimals, currency: state.currencies[currency] ?? "" });
    }
  } else {
    let cell: Cell = amountCell;
    const mark = typeof cell === "string" ? decimalMarkOf(state, m) : ".";
    if (typeof cell === "string") {
      if (mark === ",") cell = swapMarks(cell);
      else if (mark === "?" && decimalEvidence(cell) === null && /[.,]/.test(cell)) {
        report(state, "error", m.table, i, m.cAmount, "amount.ambiguousSeparator");
        return false;
      }
    }
    const read = readAmountSlow(state, cell, currency, currencyFromColumn);
    if (!read.ok) {
      report(state, "error", m.table, i, m.cAmount, read.code, read.params);
      return false;
    }
    amount = read.minor;
    currency = read.currency;
    if (read.named && m.cCurrency < 0) (m.named ??= new Set()).add(currency);
    if (
      typeof cell === "string" &&
      textHasExcessDecimals(cell, mark === "?" ? (decimalEvidence(cell) ?? ".") : ".", state.decimals[currency] ?? 2)
    ) {
      report(state, "warning", m.table, i, m.cAmount, "amount.rounded", {
        decimals: state.decimals[currency] ?? 2,
        currency: state.currencies[currency] ?? "",
      });
    }
  }

  // Every sum the engine forms over this currency stays exact while the absolute total does.
  const total = state.absoluteTotal[currency]! + abs(amount);
  if (total > MAX_MINOR) {
    report(state, "error", m.table, i, m.cAmount, "amount.totalTooLarge", { currency: state.currencies[currency] ?? "" });
    return false;
  }
  state.absoluteTotal[currency] = total;
  m.minor = amount === 0 ? 0 : amount;
  m.currency = currency;
  return true;
}

/**
 * Reads an amount that is not a plain number: text with symbols and separators, or something
 * invalid. A currency written in the amount ("€ 100") decides the row's currency unless the row
 * names one in its currency column, in which case the two must agree.
 */
export function readAmountSlow(state: ReadState, cell: Cell, currency: number, currencyFromColumn: boolean): AmountRead {
  const decimals = state.decimals[currency] ?? 2;
  if (typeof cell === "number" && Number.isFinite(cell)) return { ok: false, code: "amount.outOfRange" };
  const parsed = parseAmount(cell ?? null, decimals);
  if (!parsed.ok)
    return { ok: false, code: parsed.code === "amount.invalid" && isHugeNumberText(cell) ? "amount.outOfRange" : parsed.code };
  if (parsed.currencyText === null) return { ok: true, minor: parsed.minor, currency };
  const written = normalizeCurrency(parsed.currencyText, state.currencies[currency] ?? state.defaultCurrency);
  if (written === null) return { ok: true, minor: parsed.minor, currency };
  if (written === state.currencies[currency]) return { ok: true, minor: parsed.minor, currency, named: true };
  if (currencyFromColumn) return { ok: false, code: "amount.currencyConflict", params: { currency: state.currencies[currency] ?? "" } };
  const own = currencyIndexOf(state, written);
  const reparsed = parseAmount(cell ?? null, state.decimals[own] ?? 2);
  return reparsed.ok ? { ok: true, minor: reparsed.minor, currency: own, named: true } : { ok: false, code: reparsed.code };
}

/** True for text that is a plain number too large to hold in minor units exactly ("1e15", "9999999999999999"). */
function isHugeNumberText(cell: Cell): boolean {
  if (typeof cell !== "string") return false;
  const text = cell.trim().replace(/[,\s]/g, "");
  if (text === "" || codeUnit(text, 0) === 0x23) return false;
  const value = Number(text);
  return Number.isFinite(value) && abs(value) >= 1e13;
}

/** An optional amount (open amount, credit limit): minor units, NaN when empty; bad text warns. */
export function readOptionalAmount(state: ReadState, table: TableData, i: number, column: number, cell: Cell, decimals: number): number {
  if (typeof cell === "number") {
    const minor = minorOfNumber(cell, decimals);
    if (minor === minor) return minor;
  }
  if (isBlankCell(cell)) return NaN;
  const parsed = parseAmount(cell ?? null, decimals);
  if (parsed.ok) return parsed.minor;
  report(state, "warning", table, i, column, parsed.code);
  return NaN;
}
