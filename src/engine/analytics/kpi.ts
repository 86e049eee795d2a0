/**
 * The DSO family and the monthly collection measures, per month and currency, from a history.
 *
 * Formulas, exactly as computed (amounts in minor units; sales(m) = invoiced − credits; the
 * window W is the N months ending with m; days(W) their calendar days):
 * - DSO = closing ÷ Σ sales(W) × days(W)
 * - count-back DSO: see {@link countBackDso}
 * - best-possible DSO = current ÷ Σ sales(W) × days(W)   (current = open items not yet due)
 * - ADD = DSO − best-possible DSO
 * - CEI % = (opening + sales − closing) ÷ (opening + sales − current) × 100
 * - overdue % = overdue ÷ (current + overdue) × 100   (open items, gross)
 * - collection rate % = cash ÷ (opening + sales) × 100
 * A ratio whose denominator is not positive is null. Values are rounded to 2 decimals for output.
 */
import type { History, HistoryRow } from "./history";
import { historyRows, monthlySales } from "./history";
import { monthDays } from "./months";
import { ratio } from "./round";

/** KPIs of one month and group; null where the ratio is undefined. Not rounded. */
export interface KpiRow {
  month: number;
  currency: string;
  key: string | null;
  sales: number;
  closing: number;
  dso: number | null;
  dsoCountBack: number | null;
  /** True when count-back reached the ledger's first month with balance left (a lower bound). */
  countBackExhausted: boolean;
  bpdso: number | null;
  add: number | null;
  cei: number | null;
  overduePct: number | null;
  collectionRate: number | null;
}

/**
 * Count-back DSO by the exhaustion method: walk back from the month of the balance, consuming
 * each month's sales against it. A month whose sales the balance covers adds its calendar
 * days; a month without sales (or with net credits) adds its days; the month that exhausts the
 * balance adds remaining ÷ sales × days. If the balance outlasts the months given (the ledger's
 * first month), the walk stops there and `exhausted` is true. A balance ≤ 0 is 0 days.
 *
 * @param sales monthly sales, oldest first, the last entry being the balance's month
 * @param days calendar days of the same months
 * @example
 * // Apr–Sep sales 2,250 / 2,000 / 2,500 / 2,250 / 1,750 / 2,500, debtors 13,000 at Sep 30:
 * countBackDso(13000, [2250, 2000, 2500, 2250, 1750, 2500], [30, 31, 30, 31, 31, 30]).days // 179.666…
 */
export function countBackDso(balance: number, sales: readonly number[], days: readonly number[]): { days: number; exhausted: boolean } {
  let remaining = balance;
  let total = 0;
  for (let k = sales.length - 1; k >= 0; k--) {
    if (remaining <= 0) return { days: total, exhausted: false };
    const monthSales = sales[k]!;
    const monthDays = days[k]!;
    if (monthSales <= 0) {
      total += monthDays;
      continue;
    }
    if (remaining >= monthSales) {
      total += monthDays;
      remaining -= monthSales;
      continue;
    }
    return { days: total + (remaining / monthSales) * monthDays, exhausted: false };
  }
  return { days: total, exhausted: remaining > 0 };
}

/**
 * KPI rows for every history row (months from..to), with a window of `window` months.
 * The history should keep flows back to the ledger's first month (no keepMonths) for
 * count-back DSO; with fewer months kept, count-back stops at the first kept month.
 *
 * @example
 * kpiRows(buildHistory(book, { ...options, groupBy: "currency" }), 3)[0].dso
 */
export function kpiRows(history: History, window: number, rows: readonly HistoryRow[] = historyRows(history)): KpiRow[] {
  const groupIndex = new Map(history.groups.map((g, k) => [`${g.currency}|${g.key}`, k]));
  const seriesByGroup = new Map<number, { firstMonth: number; sales: number[]; days: number[] }>();
  const series = (g: number) => {
    let s = seriesByGroup.get(g);
    if (!s) {
      const flows = monthlySales(history, g);
      s = { firstMonth: flows.firstMonth, sales: flows.sales, days: flows.sales.map((_, k) => monthDays(flows.firstMonth + k)) };
      seriesByGroup.set(g, s);
    }
    return s;
  };
  // Count-back stops at the ledger's first month: months before it have no sales to consume.
  const ledgerFirst = history.firstMonth ?? history.keepFrom;
  return rows.map((row) => {
    const g = groupIndex.get(`${row.currency}|${row.key}`)!;
    const s = series(g);
    const at = row.month - s.firstMonth;
    let windowSales = 0;
    let windowDays = 0;
    for (let m = row.month - window + 1; m <= row.month; m++) {
      const k = m - s.firstMonth;
      windowSales += k >= 0 ? s.sales[k]! : 0;
      windowDays += monthDays(m);
    }
    const countBack = countBackDso(
      row.closing,
      s.sales.slice(Math.max(0, ledgerFirst - s.firstMonth), at + 1),
      s.days.slice(Math.max(0, ledgerFirst - s.firstMonth), at + 1),
    );
    return {
      month: row.month,
      currency: row.currency,
      key: row.key,
      ...kpiOf(
        {
          opening: row.opening,
          sales: row.invoiced - row.credits,
          closing: row.closing,
          current: row.current,
          overdue: row.overdue,
          cash: row.cash,
        },
        windowSales,
        windowDays,
      ),
      dsoCountBack: countBack.days,
      countBackExhausted: countBack.exhausted,
    };
  });
}

/** The month's figures the KPIs are computed from (one currency, minor units). */
export interface KpiFigures {
  opening: number;
  sales: number;
  closing: number;
  current: number;
  overdue: number;
  cash: number;
}

/**
 * The KPIs of one month from its figures and its window's sales and days (count-back aside).
 *
 * @example
 * kpiOf({ opening: 0, sales: 1000, closing: 500, current: 500, overdue: 0, cash: 500 }, 1000, 30).dso // 15
 */
export function kpiOf(
  f: KpiFigures,
  windowSales: number,
  windowDays: number,
): Omit<KpiRow, "month" | "currency" | "key" | "dsoCountBack" | "countBackExhausted"> {
  const perDay = (amount: number): number | null => {
    const r = ratio(amount, windowSales);
    return r === null ? null : r * windowDays;
  };
  const percent = (numerator: number, denominator: number): number | null => {
    const r = ratio(numerator, denominator);
    return r === null ? null : r * 100;
  };
  const dso = perDay(f.closing);
  const bpdso = perDay(f.current);
  return {
    sales: f.sales,
    closing: f.closing,
    dso,
    bpdso,
    add: dso === null || bpdso === null ? null : dso - bpdso,
    cei: percent(f.opening + f.sales - f.closing, f.opening + f.sales - f.current),
    overduePct: percent(f.overdue, f.current + f.overdue),
    collectionRate: percent(f.cash, f.opening + f.sales),
  };
}
