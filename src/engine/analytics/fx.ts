/**
 * Reporting currency: exchange rates read from a table the user keeps (currency, rate, and
 * optionally the date the rate applies from), and conversion of document-currency figures into
 * converted totals shown beside them — never mixed into one column. A missing rate is an
 * issue naming the currency and date, never a guess.
 */
import type { CellValue, Lang, RowIssue, TableData } from "../types";
import { normalizeCurrency, currencyDecimals } from "../currency";
import { fromMinor, toMinor } from "../money";
import { parseDateCell, isoFromSerial } from "../dates";
import { cellAddress } from "../read/normalize";
import { t } from "../../i18n";
import { monthEndSerial, parseMonth } from "./months";
import type { HistoryRow } from "./history";
import { bookIssue } from "../issues";

/** One rate: 1 unit of `currency` = `rate` units of the reporting currency, from `date` on (null: always). */
export interface FxRate {
  currency: string;
  rate: number;
  date: number | null;
}

const HEADERS = {
  currency: ["currency", "ccy", "currency code", "币种", "货币"],
  rate: ["rate", "fx rate", "exchange rate", "汇率"],
  date: ["date", "month", "as of", "effective date", "日期", "月份"],
};

/**
 * Reads a rates table. Rows with an unknown currency, a rate that is not a positive number or
 * an unreadable date are issues naming sheet, row, column and value; the rest are used.
 *
 * @example
 * parseFxTable({ sheet: "Rates", name: "Rates", header: ["Currency", "Rate"], rows: [["USD", 7.1]], firstRow: 2, firstColumn: 0 }, "en-US").rates
 * // [{ currency: "USD", rate: 7.1, date: null }]
 */
export function parseFxTable(table: TableData, lang: Lang): { rates: FxRate[]; issues: RowIssue[] } {
  const header = table.header.map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase(),
  );
  const find = (names: readonly string[]): number => header.findIndex((h) => names.includes(h));
  const currencyCol = find(HEADERS.currency);
  const rateCol = find(HEADERS.rate);
  const dateCol = find(HEADERS.date);
  const issues: RowIssue[] = [];
  const issue = (row: number | null, col: number, value: CellValue, code: string, params: Record<string, string | number> = {}): void => {
    issues.push({
      severity: "error",
      sheet: table.sheet,
      row,
      column: col >= 0 ? String(table.header[col] ?? "") : null,
      cell: row !== null && col >= 0 ? cellAddress(table.firstColumn + col, row) : null,
      value,
      code,
      message: t(lang, code, { sheet: table.sheet, row: row ?? "", value: value === null ? "" : String(value), ...params }),
    });
  };
  if (currencyCol < 0 || rateCol < 0) {
    issue(null, -1, null, "analytics.fx.columns");
    return { rates: [], issues };
  }
  const rates: FxRate[] = [];
  table.rows.forEach((cells, k) => {
    const row = table.firstRow + k;
    const rawCurrency = cells[currencyCol] ?? null;
    const rawRate = cells[rateCol] ?? null;
    if ((rawCurrency === null || rawCurrency === "") && (rawRate === null || rawRate === "")) return;
    const currency = typeof rawCurrency === "string" ? normalizeCurrency(rawCurrency) : null;
    if (!currency) return issue(row, currencyCol, rawCurrency, "analytics.fx.currency");
    const rate = typeof rawRate === "number" ? rawRate : typeof rawRate === "string" ? rateFromText(rawRate) : NaN;
    if (!Number.isFinite(rate) || rate <= 0) return issue(row, rateCol, rawRate, "analytics.fx.rate");
    let date: number | null = null;
    const rawDate = dateCol >= 0 ? (cells[dateCol] ?? null) : null;
    if (rawDate !== null && rawDate !== "") {
      const month = typeof rawDate === "string" ? parseMonth(rawDate) : null;
      const parsed =
        month !== null
          ? { ok: true as const, serial: monthEndSerial(month) }
          : parseDateCell(rawDate, { dateOrder: null, dateSystem: 1900 });
      if (!parsed.ok) return issue(row, dateCol, rawDate, "analytics.fx.date");
      date = parsed.serial;
    }
    rates.push({ currency, rate, date });
  });
  return { rates, issues };
}

/**
 * The exchange rates kept in the workbook table or sheet named `name` (the one reader every
 * front end shares): its rates and problems, or an issue saying no such table exists.
 *
 * @example
 * ratesFromTables(tables, "Rates", "en-US").rates // [{ currency: "USD", rate: 7.1, date: null }]
 * ratesFromTables([], "Rates", "en-US").issues[0].code // "analytics.fx.no-table"
 */
export function ratesFromTables(
  tables: readonly TableData[],
  name: string,
  lang: Lang,
): { rates: FxRate[]; issues: RowIssue[]; table: TableData | null } {
  const wanted = name.trim().toLowerCase();
  const table = tables.find((x) => x.name.toLowerCase() === wanted || x.sheet.toLowerCase() === wanted) ?? null;
  if (table) return { ...parseFxTable(table, lang), table };
  return {
    rates: [],
    table: null,
    issues: [
      {
        severity: "error",
        sheet: name,
        row: null,
        column: null,
        cell: null,
        value: name,
        code: "analytics.fx.no-table",
        message: t(lang, "analytics.fx.no-table", { table: name }),
      },
    ],
  };
}

/**
 * A rate written as text: digits with "." for decimals and "," only as thousands separators
 * ("1,234.5"); "7,7" is not read as 7.7 or 77 but rejected, since either could be meant.
 */
function rateFromText(text: string): number {
  const s = text.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ""));
  return NaN;
}

/**
 * Converts document-currency figures to the reporting currency, remembering every missing rate.
 *
 * @example
 * const fx = new Converter("CNY", [{ currency: "USD", rate: 7.1, date: null }], "en-US");
 * fx.convert(10000, "USD", 46326) // 71000 (100.00 USD = 710.00 CNY)
 * fx.convert(10000, "EUR", 46326) // null, and fx.issues names EUR
 */
export class Converter {
  readonly issues: RowIssue[] = [];
  private readonly missing = new Set<string>();

  constructor(
    readonly reportCurrency: string,
    private readonly rates: readonly FxRate[],
    private readonly lang: Lang,
  ) {}

  /** The rate for `currency` on `date`: the latest dated rate on or before it, else an undated one. */
  rateOn(currency: string, date: number): number | null {
    if (currency === this.reportCurrency) return 1;
    let best: FxRate | null = null;
    for (const r of this.rates) {
      if (r.currency !== currency) continue;
      if (r.date === null) {
        if (best === null) best = r;
        continue;
      }
      if (r.date <= date && (best === null || best.date === null || r.date > best.date)) best = r;
    }
    return best ? best.rate : null;
  }

  /** `minor` of `currency` in minor units of the reporting currency (half away from zero), or null. */
  convert(minor: number, currency: string, date: number): number | null {
    const rate = this.rateOn(currency, date);
    if (rate === null) {
      const key = `${currency}|${date}`;
      if (!this.missing.has(key)) {
        this.missing.add(key);
        this.issues.push(
          bookIssue(
            this.lang,
            "error",
            "analytics.fx.missing",
            { currency, report: this.reportCurrency, date: isoFromSerial(date) },
            currency,
          ),
        );
      }
      return null;
    }
    return toMinor(fromMinor(minor, currencyDecimals(currency)) * rate, currencyDecimals(this.reportCurrency));
  }
}

/** A month's roll-forward in the reporting currency (all document currencies converted and added). */
export interface ConvertedMonth {
  month: number;
  currency: string;
  /** At the previous month-end's rates. */
  opening: number;
  /** Flows and balances at the month-end's rates. */
  invoiced: number;
  credits: number;
  cash: number;
  refunds: number;
  /** closing − (opening + invoiced − credits − cash + refunds): the effect of rates moving. */
  translation: number;
  closing: number;
  current: number;
  overdue: number;
  unapplied: number;
  buckets: number[];
}

/**
 * Converted totals per month from currency-grouped history rows. A month with any rate missing
 * is left out (the converter records the issue): converted totals are never partial.
 *
 * @example
 * convertRollForward(historyRows(h), new Converter("CNY", rates, "en-US"))[0].closing
 */
export function convertRollForward(rows: readonly HistoryRow[], converter: Converter): ConvertedMonth[] {
  const months = [...new Set(rows.map((r) => r.month))].sort((a, b) => a - b);
  const out: ConvertedMonth[] = [];
  for (const month of months) {
    const end = monthEndSerial(month);
    const before = monthEndSerial(month - 1);
    const total: ConvertedMonth = {
      month,
      currency: converter.reportCurrency,
      opening: 0,
      invoiced: 0,
      credits: 0,
      cash: 0,
      refunds: 0,
      translation: 0,
      closing: 0,
      current: 0,
      overdue: 0,
      unapplied: 0,
      buckets: [],
    };
    let complete = true;
    for (const row of rows) {
      if (row.month !== month) continue;
      const at = (minor: number, date: number): number => {
        const value = converter.convert(minor, row.currency, date);
        if (value === null) complete = false;
        return value ?? 0;
      };
      total.opening += at(row.opening, before);
      total.invoiced += at(row.invoiced, end);
      total.credits += at(row.credits, end);
      total.cash += at(row.cash, end);
      total.refunds += at(row.refunds, end);
      total.closing += at(row.closing, end);
      total.current += at(row.current, end);
      total.overdue += at(row.overdue, end);
      total.unapplied += at(row.unapplied, end);
      row.buckets.forEach((amount, b) => (total.buckets[b] = (total.buckets[b] ?? 0) + at(amount, end)));
    }
    if (!complete) continue;
    total.translation = total.closing - (total.opening + total.invoiced - total.credits - total.cash + total.refunds);
    out.push(total);
  }
  return out;
}
