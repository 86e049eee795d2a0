/**
 * Roll rates between aging buckets, and the sales-rep scorecard.
 */
import type { History, HistoryRow } from "./history";
import { bucketsAt, historyRows } from "./history";
import { kpiRows } from "./kpi";
import { ratio } from "./round";

/** Share of bucket `from` at the previous month-end found in bucket `to` at this one. */
export interface RollRate {
  month: number;
  currency: string;
  key: string | null;
  /** Bucket keys (en-US labels). */
  from: string;
  to: string;
  /** A fraction; null when bucket `from` was empty at the previous month-end. */
  rate: number | null;
}

/**
 * Roll rates of every group and month: for each bucket b, the amount in bucket b + 1 at the
 * month-end ÷ the amount in bucket b at the previous month-end (the share that aged instead of
 * being paid). Month by month, then currency and group, then bucket.
 *
 * @example
 * rollRates(h).find((r) => r.from === "1-30")?.rate // e.g. 0.25
 */
export function rollRates(history: History, rows: readonly HistoryRow[] = historyRows(history)): RollRate[] {
  const groupIndex = new Map(history.groups.map((g, k) => [`${g.currency}|${g.key}`, k]));
  const keys = history.buckets.map((b) => b.key);
  const out: RollRate[] = [];
  for (const row of rows) {
    const g = groupIndex.get(`${row.currency}|${row.key}`)!;
    const before = bucketsAt(history, row.month - 1, g);
    for (let b = 0; b + 1 < keys.length; b++) {
      out.push({
        month: row.month,
        currency: row.currency,
        key: row.key,
        from: keys[b]!,
        to: keys[b + 1]!,
        rate: ratio(row.buckets[b + 1]!, before[b]!),
      });
    }
  }
  return out;
}

/** One rep's month in one currency. Money in minor units; ratios not rounded. */
export interface RepScore {
  rep: string | null;
  month: number;
  currency: string;
  /** 1 = best collection rate of the month and currency. */
  rank: number;
  invoiced: number;
  collected: number;
  closing: number;
  overdue: number;
  /** Open items more than 60 days past due. */
  overdue61: number;
  collectionRate: number | null;
  overduePct: number | null;
  dso: number | null;
  /** The rep's customers whose net balance exceeds their credit limit. */
  overLimit: number;
}

/**
 * The scorecard from a history grouped by rep: per month and currency, reps ranked by
 * collection rate (highest first), then overdue % (lowest first), then name; undefined ratios
 * rank last. Invoices count for their own rep, else the customer's; cash for the rep of the
 * invoice it names; unreferenced cash and unapplied credit for the customer's rep.
 *
 * @example
 * repScorecard(buildHistory(book, { ...options, groupBy: "rep" }), 3)[0].rank // 1
 */
export function repScorecard(history: History, window: number): RepScore[] {
  if (history.options.groupBy !== "rep") throw new Error("repScorecard needs a history grouped by rep");
  const rows = historyRows(history);
  const kpis = kpiRows(history, window, rows);
  const scores: RepScore[] = rows.map((row, k) => ({
    rep: row.key,
    month: row.month,
    currency: row.currency,
    rank: 0,
    invoiced: row.invoiced,
    collected: row.cash,
    closing: row.closing,
    overdue: row.overdue,
    overdue61: row.overdue61,
    collectionRate: kpis[k]!.collectionRate,
    overduePct: kpis[k]!.overduePct,
    dso: kpis[k]!.dso,
    overLimit: row.overLimit,
  }));
  const nullsLast = (x: number | null, y: number | null, descending: boolean): number => {
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return descending ? y - x : x - y;
  };
  scores.sort(
    (x, y) =>
      x.month - y.month ||
      (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0) ||
      nullsLast(x.collectionRate, y.collectionRate, true) ||
      nullsLast(x.overduePct, y.overduePct, false) ||
      (x.rep === y.rep ? 0 : x.rep === null ? 1 : y.rep === null ? -1 : x.rep < y.rep ? -1 : 1),
  );
  let rank = 0;
  scores.forEach((score, k) => {
    const previous = scores[k - 1];
    rank = previous && previous.month === score.month && previous.currency === score.currency ? rank + 1 : 1;
    score.rank = rank;
  });
  return scores;
}
