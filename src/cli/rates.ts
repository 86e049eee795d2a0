/**
 * `--report-currency CUR --rates FILE`: the exchange-rate file every command that converts
 * reads the same way (a CSV or .xlsx whose first table has the columns Currency, Rate and
 * optionally Date; the engine's one rates reader), and the option pair checked together.
 */
import { isCurrencyCode } from "../engine/currency";
import { parseFxTable, type FxRate } from "../engine/analytics/fx";
import { convertedAgingJson, type ConvertedAging, type ConvertedAgingJson } from "../engine/analytics/agingFx";
import { isoFromSerial } from "../engine/dates";
import { formatMoney } from "../engine/money";
import { t } from "../i18n";
import type { Lang, RowIssue } from "../engine/types";
import { UsageError, type Parsed } from "./args";
import { readInput } from "./input";

/**
 * The rates in a file: its first table read as a rates table; problems are issues naming the
 * file's sheet, row, column and value.
 *
 * @example
 * (await readRatesFile("rates.csv", "en-US")).rates // [{ currency: "USD", rate: 7.1, date: null }]
 */
export async function readRatesFile(file: string, lang: Lang): Promise<{ rates: FxRate[]; issues: RowIssue[] }> {
  const { tables } = await readInput(file);
  const table = tables[0];
  return table ? parseFxTable(table, lang) : { rates: [], issues: [] };
}

/**
 * `--report-currency` (upper-cased) and the file of its rates (`ratesOption`, `--rates` unless
 * the command uses that name for something else), or null when no reporting currency is asked
 * for. A bad code or a currency without a rates file is a usage error.
 *
 * @example
 * reportCurrencyOption(new Map([["report-currency", "cny"], ["rates", "fx.csv"]])) // { currency: "CNY", file: "fx.csv" }
 */
export function reportCurrencyOption(parsed: Parsed, ratesOption = "rates"): { currency: string; file: string } | null {
  const code = parsed.get("report-currency")?.toUpperCase();
  if (code === undefined) return null;
  if (!isCurrencyCode(code)) throw new UsageError("cli.error.badCurrency", { value: code });
  const file = parsed.get(ratesOption);
  if (!file) throw new UsageError("cli.error.missingOption", { option: `--${ratesOption}` });
  return { currency: code, file };
}

/**
 * The aging's JSON with its `reportCurrency` member when totals were converted (absent
 * otherwise, so the document-currency contract is unchanged).
 *
 * @example
 * withConvertedJson(toAgingJson(report), converted).reportCurrency?.total?.net // 7100
 */
export function withConvertedJson<T extends object>(
  json: T,
  converted: ConvertedAging | undefined,
): T & { reportCurrency?: ConvertedAgingJson } {
  return converted ? { ...json, reportCurrency: convertedAgingJson(converted) } : json;
}

/**
 * The summary line of converted totals: the net balance in the reporting currency, or why
 * there is none.
 *
 * @example
 * convertedSummary(converted, "en-US") // ["Net in CNY at the rates of 2026-10-31: 71,000.00"]
 */
export function convertedSummary(converted: ConvertedAging | undefined, lang: Lang): string[] {
  if (!converted) return [];
  const currency = converted.reportCurrency;
  if (!converted.total) return [t(lang, "analytics.aging-fx.incomplete", { currency, missing: converted.missing.join(", ") })];
  return [
    t(lang, "analytics.aging-fx.summary", {
      currency,
      date: isoFromSerial(converted.asOf),
      net: formatMoney(converted.total.net, currency, lang),
    }),
  ];
}
