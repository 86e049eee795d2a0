/**
 * Expected credit loss by the IFRS 9 simplified approach (坏账准备): provision = Σ over the
 * aging buckets of (open amount in the bucket × loss rate), per currency and per customer.
 *
 * Loss rates, one per bucket, are either given (in percent) or derived by the roll-rate method:
 * rate(b) = Π over k = b … last − 1 of the average monthly roll rate k → k + 1 over the last H
 * month-ends × the last bucket's loss share × (1 + forward-looking adjustment), in percent,
 * rounded to 2 decimals and capped at 100 %.
 *
 * Rounding: each bucket row is its exact amount × rate rounded to the currency's minor unit
 * (half away from zero); the currency total is the sum of its rows; each customer's share is
 * the total split in proportion to the customer's exact provision (largest remainder, ties in
 * customer order), so the customers sum to the total exactly.
 */
import type { AgingBasis, Book, Lang, RowIssue, TableData } from "../types";
import { cellAddress } from "../read/normalize";
import { currencyDecimals, isCurrencyCode } from "../currency";
import { fromMinor, toMinor } from "../money";
import { ageBook, type AgingReport, type Bucket } from "../aging";
import { t } from "../../i18n";
import { buildHistory, historyRows } from "./history";
import { monthEndSerial, monthOfSerial } from "./months";
import { percentOf, roundTo } from "./round";
import { rollRates } from "./scorecard";
import { bookIssue } from "../issues";

export interface ProvisionOptions {
  asOf: number;
  basis: AgingBasis;
  boundaries: readonly number[];
  autoApply: boolean;
  lang: Lang;
  /** Loss rates in percent, one per bucket; null to derive them from history. */
  rates: readonly number[] | null;
  /** Month-ends of history for derived rates (default 12). */
  history?: number;
  /** Loss share of the last bucket in percent (default 100). */
  lastShare?: number;
  /** Forward-looking adjustment in percent (default 0): derived rates × (1 + adjust ÷ 100). */
  adjust?: number;
  /** A previous provision per currency (minor units), for the movement. */
  previous?: Readonly<Record<string, number>>;
}

/** How one derived rate was reached, for the auditor. */
export interface RateDerivation {
  currency: string;
  bucket: string;
  label: string;
  /** The roll rates multiplied for this bucket: each with its monthly values and average (fractions). */
  rolls: { from: string; to: string; monthly: (number | null)[]; average: number | null }[];
  /** Π of the averages (1 for the last bucket); null when an average has no data. */
  product: number | null;
  lastShare: number;
  adjust: number;
  /** Percent, rounded to 2 decimals, capped at 100. */
  rate: number;
}

export interface ProvisionRow {
  currency: string;
  bucket: string;
  label: string;
  amount: number;
  /** Percent. */
  rate: number;
  provision: number;
}

export interface ProvisionTotal {
  currency: string;
  amount: number;
  provision: number;
  previous: number | null;
  movement: number | null;
}

export interface ProvisionResult {
  asOf: number;
  method: "rates" | "roll-rate";
  buckets: Bucket[];
  rows: ProvisionRow[];
  totals: ProvisionTotal[];
  customers: { customer: string; currency: string; provision: number }[];
  derivations: RateDerivation[];
  /** Month-ends whose roll rates were averaged (derived method), oldest first. */
  historyMonths: number[];
  issues: RowIssue[];
  aging: AgingReport;
}

/**
 * The provision at `options.asOf`. Throws a RangeError when given rates do not match the buckets.
 *
 * @example
 * const p = expectedCreditLoss(book, { asOf, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US", rates: [0, 1.5, 3.4, 7.1, 10.8] });
 * p.totals[0].provision // minor units
 */
export function expectedCreditLoss(book: Book, options: ProvisionOptions): ProvisionResult {
  const { asOf, basis, lang } = options;
  const aging = ageBook(book, { asOf, basis, boundaries: [...options.boundaries], autoApply: options.autoApply, lang });
  const buckets = aging.buckets;
  const issues: RowIssue[] = [...aging.issues];
  let ratesByCurrency: Map<string, readonly number[]>;
  let derivations: RateDerivation[] = [];
  let historyMonths: number[] = [];
  if (options.rates) {
    if (options.rates.length !== buckets.length) throw new RangeError(`Expected ${buckets.length} loss rates, got ${options.rates.length}`);
    if (options.rates.some((r) => !Number.isFinite(r) || r < 0 || r > 100)) throw new RangeError("Loss rates must be between 0 and 100 %");
    const given = [...options.rates];
    ratesByCurrency = new Map(aging.totals.map((total) => [total.currency, given]));
  } else {
    const derived = deriveRates(book, options, buckets);
    ratesByCurrency = derived.rates;
    derivations = derived.derivations;
    historyMonths = derived.months;
    issues.push(...derived.issues);
  }

  const rows: ProvisionRow[] = [];
  const totals: ProvisionTotal[] = [];
  const customers: ProvisionResult["customers"] = [];
  for (const total of aging.totals) {
    const rates = ratesByCurrency.get(total.currency) ?? buckets.map(() => 0);
    let provision = 0;
    buckets.forEach((bucket, b) => {
      const amount = total.buckets[b]!;
      const row = percentOf(amount, rates[b]!);
      provision += row;
      rows.push({ currency: total.currency, bucket: bucket.key, label: bucket.label, amount, rate: rates[b]!, provision: row });
    });
    const previous = options.previous?.[total.currency];
    totals.push({
      currency: total.currency,
      amount: total.open,
      provision,
      previous: previous ?? null,
      movement: previous === undefined ? null : provision - previous,
    });
    const accounts = aging.accounts.filter((a) => a.currency === total.currency && a.open > 0);
    const micro = rates.map((r) => BigInt(Math.round(r * 1e6)));
    const weights = accounts.map((a) => a.buckets.reduce((sum, amount, b) => sum + BigInt(amount) * micro[b]!, 0n));
    const shares = largestRemainder(provision, weights);
    accounts.forEach((a, k) => customers.push({ customer: a.customer, currency: a.currency, provision: shares[k]! }));
  }
  return {
    asOf,
    method: options.rates ? "rates" : "roll-rate",
    buckets,
    rows,
    totals,
    customers,
    derivations,
    historyMonths,
    issues,
    aging,
  };
}

/**
 * Splits `total` (minor units, ≥ 0) in proportion to `weights`: each part is floored, and the
 * units left go one each to the largest remainders (ties: the earlier part). Sums to `total`.
 *
 * @example
 * largestRemainder(10, [1n, 1n, 1n]) // [4, 3, 3]
 * largestRemainder(0, [5n, 0n])      // [0, 0]
 */
export function largestRemainder(total: number, weights: readonly bigint[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n || total === 0) return weights.map(() => 0);
  const whole = BigInt(total);
  const parts = weights.map((w) => (whole * w) / sum);
  const remainders = weights.map((w, k) => ({ k, r: (whole * w) % sum }));
  let left = total - Number(parts.reduce((a, b) => a + b, 0n));
  remainders.sort((x, y) => (x.r === y.r ? x.k - y.k : x.r > y.r ? -1 : 1));
  const out = parts.map(Number);
  for (let j = 0; left > 0; j++, left--) out[remainders[j]!.k]! += 1;
  return out;
}

/** Loss rates per currency by the roll-rate method over the month-ends before as-of. */
function deriveRates(
  book: Book,
  options: ProvisionOptions,
  buckets: readonly Bucket[],
): { rates: Map<string, number[]>; derivations: RateDerivation[]; months: number[]; issues: RowIssue[] } {
  const span = options.history ?? 12;
  const lastShare = options.lastShare ?? 100;
  const adjust = options.adjust ?? 0;
  // The last complete month-end on or before as-of.
  const asOfMonth = monthOfSerial(options.asOf);
  const to = monthEndSerial(asOfMonth) === options.asOf ? asOfMonth : asOfMonth - 1;
  const from = to - span + 1;
  const history = buildHistory(book, {
    from,
    to,
    basis: options.basis,
    boundaries: options.boundaries,
    autoApply: options.autoApply,
    lang: options.lang,
    groupBy: "currency",
    keepMonths: 0,
  });
  const rows = historyRows(history);
  const rolls = rollRates(history, rows);
  const currencies = [...new Set(rows.map((r) => r.currency))];
  const months = Array.from({ length: span }, (_, k) => from + k);
  const rates = new Map<string, number[]>();
  const derivations: RateDerivation[] = [];
  const issues: RowIssue[] = [];
  for (const currency of currencies) {
    const averages = buckets.slice(0, -1).map((bucket, b) => {
      const monthly = months.map((m) => rolls.find((r) => r.currency === currency && r.month === m && r.from === bucket.key)?.rate ?? null);
      const known = monthly.filter((v): v is number => v !== null);
      return {
        from: bucket.key,
        to: buckets[b + 1]!.key,
        monthly,
        average: known.length === 0 ? null : known.reduce((a, v) => a + v, 0) / known.length,
      };
    });
    const currencyRates = buckets.map((bucket, b) => {
      const chain = averages.slice(b);
      const product = chain.some((c) => c.average === null) ? null : chain.reduce((p, c) => p * c.average!, 1);
      if (product === null) {
        issues.push(bookIssue(options.lang, "warning", "analytics.provision.no-history", { bucket: bucket.label, currency }));
      }
      const exact = product === null ? 0 : product * lastShare * (1 + adjust / 100);
      const rate = Math.min(100, Math.max(0, roundTo(exact) ?? 0));
      derivations.push({ currency, bucket: bucket.key, label: bucket.label, rolls: chain, product, lastShare, adjust, rate });
      return rate;
    });
    rates.set(currency, currencyRates);
  }
  return { rates, derivations, months, issues };
}

/**
 * Loss rates from a table (a sheet of the workbook, or a CSV file): one row per bucket in bucket
 * order, the rate in percent in a column named like "Rate" / "损失率" / "计提比例" (else the last
 * column), as a number or text such as "5%". The yearly bands of 账龄分析法 are one such table.
 * A bad value or a count that does not match the buckets is an issue naming the table.
 *
 * @example
 * lossRatesFromTable({ sheet: "Rates", name: "Rates", header: ["Band", "Rate"], rows: [["1年以内", 5], ["1-2年", "10%"]], firstRow: 2, firstColumn: 0 }, 2, "zh-CN").rates // [5, 10]
 */
export function lossRatesFromTable(table: TableData, bucketCount: number, lang: Lang): { rates: number[] | null; issues: RowIssue[] } {
  const header = table.header.map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase(),
  );
  let col = header.findIndex((h) => /rate|损失率|计提比例|比例/.test(h));
  if (col < 0) col = header.length - 1;
  const issues: RowIssue[] = [];
  const rates: number[] = [];
  table.rows.forEach((row, k) => {
    const value = row[col] ?? null;
    if (value === null || value === "") return;
    const rate =
      typeof value === "number" ? value : /^\s*\d+(\.\d+)?\s*%?\s*$/.test(String(value)) ? Number(String(value).replace(/%/, "")) : NaN;
    if (!(rate >= 0 && rate <= 100)) {
      const sheetRow = table.firstRow + k;
      issues.push({
        severity: "error",
        sheet: table.sheet,
        row: sheetRow,
        column: String(table.header[col] ?? ""),
        cell: cellAddress(table.firstColumn + col, sheetRow),
        value,
        code: "analytics.provision.bad-rate",
        message: t(lang, "analytics.provision.bad-rate", { sheet: table.sheet, row: sheetRow, value: String(value) }),
      });
      return;
    }
    rates.push(rate);
  });
  if (issues.length === 0 && rates.length !== bucketCount) {
    issues.push({
      severity: "error",
      sheet: table.sheet,
      row: null,
      column: null,
      cell: null,
      value: rates.length,
      code: "analytics.provision.rate-count",
      message: t(lang, "analytics.provision.rate-count", { sheet: table.sheet, count: rates.length, buckets: bucketCount }),
    });
  }
  return { rates: issues.length === 0 ? rates : null, issues };
}

/**
 * A previous provision as a user writes it: `CUR=AMOUNT` pairs in major units separated by
 * commas (or semicolons, full-width too), or one bare amount when the book has a single
 * currency. Null when any part is unreadable or names no currency code.
 *
 * @example
 * parsePreviousProvision("USD=5000, jpy=120000", ["JPY", "USD"]) // { USD: 500000, JPY: 120000 }
 * parsePreviousProvision("5000", ["USD"])                        // { USD: 500000 }
 * parsePreviousProvision("5000", ["USD", "EUR"])                 // null: which currency?
 */
export function parsePreviousProvision(text: string, currencies: readonly string[]): Record<string, number> | null {
  const out: Record<string, number> = {};
  const parts = text.split(/[,，;；]/).map((p) => p.trim());
  if (parts.every((p) => p === "")) return null;
  for (const part of parts) {
    if (part === "") continue;
    const pair = /^([A-Za-z]{3})\s*[=:：]\s*(-?\d+(?:\.\d+)?)$/.exec(part);
    const bare = /^(-?\d+(?:\.\d+)?)$/.exec(part);
    const code = pair ? pair[1]!.toUpperCase() : bare && currencies.length === 1 ? currencies[0]! : null;
    const amount = Number(pair ? pair[2] : bare?.[1]);
    if (code === null || !isCurrencyCode(code) || !Number.isFinite(amount)) return null;
    out[code] = toMinor(amount, currencyDecimals(code));
  }
  return out;
}

/**
 * A provision's totals written back as {@link parsePreviousProvision} reads them, for next
 * month's "previous provision".
 *
 * @example
 * previousProvisionText([{ currency: "USD", provision: 526500 }]) // "USD=5265"
 */
export function previousProvisionText(totals: readonly { currency: string; provision: number }[]): string {
  return totals.map((x) => `${x.currency}=${fromMinor(x.provision, currencyDecimals(x.currency))}`).join(", ");
}
