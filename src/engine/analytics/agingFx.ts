/**
 * The aging's totals in a reporting currency (the group view): each document currency's totals
 * converted at its rate on the as-of date, then added up. Converted figures live in their own
 * rows under their own header, never in a column of document-currency figures, and a missing
 * rate leaves the group total out (the converter names the currency) instead of guessing.
 */
import type { CurrencyTotals } from "../aging";
import type { FormatRange, Lang, RowIssue, SheetValue } from "../types";
import { currencyDecimals } from "../currency";
import { fromMinor } from "../money";
import { isoFromSerial } from "../dates";
import { t } from "../../i18n";
import { moneyFormat, pad } from "../report/sheet";
import { Converter, type FxRate } from "./fx";

/** Bucket amounts, open, unapplied and net in minor units of the reporting currency. */
export interface ConvertedAmounts {
  buckets: number[];
  open: number;
  unapplied: number;
  /** open − unapplied, as in the aging. */
  net: number;
}

/** One document currency's totals, converted. */
export interface ConvertedAgingRow extends ConvertedAmounts {
  /** The document currency converted from. */
  currency: string;
  /** 1 unit of `currency` = `rate` units of the reporting currency, on the as-of date. */
  rate: number;
}

/** The aging's totals in the reporting currency. */
export interface ConvertedAging {
  reportCurrency: string;
  /** The as-of date: the rates are those in force on it. */
  asOf: number;
  /** Document currencies with a rate, in the aging's order. */
  rows: ConvertedAgingRow[];
  /** Σ rows; null when any document currency has no rate (never a partial total). */
  total: ConvertedAmounts | null;
  /** Document currencies without a rate on the as-of date. */
  missing: string[];
  /** One per missing rate, naming the currency and the date. */
  issues: RowIssue[];
}

/**
 * Converts each currency's aging totals at its rate on the as-of date. Each bucket is converted
 * and rounded to the reporting currency's minor unit (half away from zero); open is the sum of
 * the converted buckets and net = open − unapplied, so every converted row ties like the aging's
 * own rows, and the total is the sum of the rows (asserted).
 *
 * @example
 * const c = convertAgingTotals(report.totals, "CNY", [{ currency: "USD", rate: 7.1, date: null }], report.asOf, "en-US");
 * c.total?.net // the book's net balance in CNY fen, or null when a currency has no rate
 */
export function convertAgingTotals(
  totals: readonly CurrencyTotals[],
  reportCurrency: string,
  rates: readonly FxRate[],
  asOf: number,
  lang: Lang,
): ConvertedAging {
  const converter = new Converter(reportCurrency, rates, lang);
  const rows: ConvertedAgingRow[] = [];
  const missing: string[] = [];
  for (const total of totals) {
    const rate = converter.rateOn(total.currency, asOf);
    if (rate === null) {
      // Records the issue naming the currency and the date.
      converter.convert(0, total.currency, asOf);
      missing.push(total.currency);
      continue;
    }
    const at = (minor: number): number => converter.convert(minor, total.currency, asOf)!;
    const buckets = total.buckets.map(at);
    const open = buckets.reduce((sum, v) => sum + v, 0);
    const unapplied = at(total.unapplied);
    rows.push({ currency: total.currency, rate, buckets, open, unapplied, net: open - unapplied });
  }
  let total: ConvertedAmounts | null = null;
  if (missing.length === 0) {
    const bucketCount = totals[0]?.buckets.length ?? 0;
    const sum: ConvertedAmounts = { buckets: new Array<number>(bucketCount).fill(0), open: 0, unapplied: 0, net: 0 };
    for (const row of rows) {
      row.buckets.forEach((v, b) => (sum.buckets[b] = (sum.buckets[b] ?? 0) + v));
      sum.open += row.open;
      sum.unapplied += row.unapplied;
      sum.net += row.net;
    }
    const bucketSum = sum.buckets.reduce((s, v) => s + v, 0);
    if (bucketSum !== sum.open || sum.open - sum.unapplied !== sum.net) {
      throw new Error(`converted aging totals do not tie: buckets ${bucketSum}, open ${sum.open}, net ${sum.net}`);
    }
    total = sum;
  }
  return { reportCurrency, asOf, rows, total, missing, issues: converter.issues };
}

/** The `reportCurrency` member of the aging's JSON (amounts in major units of the reporting currency). */
export interface ConvertedAgingJson {
  currency: string;
  /** The date whose rates were used (the as-of date). */
  rateDate: string;
  rows: Array<{ from: string; rate: number; buckets: number[]; open: number; unapplied: number; net: number }>;
  total: { buckets: number[]; open: number; unapplied: number; net: number } | null;
  /** Document currencies left out for want of a rate. */
  missing: string[];
}

/**
 * The converted totals as the aging's JSON shows them.
 *
 * @example
 * convertedAgingJson(converted).total?.net // 7100 (1,000.00 USD at 7.1 in CNY)
 */
export function convertedAgingJson(converted: ConvertedAging): ConvertedAgingJson {
  const major = (minor: number): number => fromMinor(minor, currencyDecimals(converted.reportCurrency));
  const amounts = (a: ConvertedAmounts) => ({
    buckets: a.buckets.map(major),
    open: major(a.open),
    unapplied: major(a.unapplied),
    net: major(a.net),
  });
  return {
    currency: converted.reportCurrency,
    rateDate: isoFromSerial(converted.asOf),
    rows: converted.rows.map((row) => ({ from: row.currency, rate: row.rate, ...amounts(row) })),
    total: converted.total ? amounts(converted.total) : null,
    missing: [...converted.missing],
  };
}

/** Number format of a rate cell. */
const RATE_FORMAT = "0.0000##";

/**
 * Rows of the aging summary's "Totals in CNY" section, laid out under the summary's columns
 * (label, currency, rate in the rep column, bucket amounts from `firstBucket`, then open,
 * unapplied and net) with a header row of their own, and their formats. `firstRow` is the
 * sheet row the section starts at (a blank row comes first).
 *
 * @example
 * const section = convertedAgingSection(converted, ["Current", "1-30"], "en-US", { width: 9, firstBucket: 4, firstRow: 20 });
 * section.cells[1][0] // "Totals in CNY at the rates of 2026-10-31"
 */
export function convertedAgingSection(
  converted: ConvertedAging,
  bucketLabels: readonly string[],
  lang: Lang,
  layout: { width: number; firstBucket: number; firstRow: number },
): { cells: SheetValue[][]; formats: FormatRange[] } {
  const { width, firstBucket, firstRow } = layout;
  const code = converted.reportCurrency;
  const major = (minor: number): number => fromMinor(minor, currencyDecimals(code));
  const amounts = (a: ConvertedAmounts): SheetValue[] => [...a.buckets.map(major), major(a.open), major(a.unapplied), major(a.net)];
  const cells: SheetValue[][] = [
    [],
    [t(lang, "analytics.aging-fx.title", { currency: code, date: isoFromSerial(converted.asOf) })],
    [
      t(lang, "analytics.aging-fx.from"),
      t(lang, "report.column.currency"),
      t(lang, "analytics.aging-fx.rate"),
      null,
      ...bucketLabels.map((label) => `${label} (${code})`),
      `${t(lang, "report.column.open")} (${code})`,
      `${t(lang, "report.column.unapplied")} (${code})`,
      `${t(lang, "report.column.net")} (${code})`,
    ],
  ];
  const firstData = cells.length;
  for (const row of converted.rows) cells.push([row.currency, code, row.rate, null, ...amounts(row)]);
  const totalRow = cells.length;
  if (converted.total) cells.push([t(lang, "analytics.aging-fx.total", { currency: code }), code, null, null, ...amounts(converted.total)]);
  else cells.push([t(lang, "analytics.aging-fx.incomplete", { currency: code, missing: converted.missing.join(", ") })]);

  const formats: FormatRange[] = [
    { range: { row: firstRow + 1, col: 0, rowCount: 1, colCount: 1 }, bold: true },
    { range: { row: firstRow + 2, col: 0, rowCount: 1, colCount: width }, bold: true },
    { range: { row: firstRow + totalRow, col: 0, rowCount: 1, colCount: width }, bold: true, borderTop: true },
  ];
  const dataRows = totalRow - firstData + (converted.total ? 1 : 0);
  if (converted.rows.length > 0)
    formats.push({ range: { row: firstRow + firstData, col: 2, rowCount: converted.rows.length, colCount: 1 }, numberFormat: RATE_FORMAT });
  if (dataRows > 0) {
    formats.push({
      range: { row: firstRow + firstData, col: firstBucket, rowCount: dataRows, colCount: bucketLabels.length + 3 },
      numberFormat: moneyFormat(currencyDecimals(code)),
    });
  }
  return { cells: cells.map((row) => pad(row, width)), formats };
}
