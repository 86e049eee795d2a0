/**
 * The overdue view of an aging report (what the task pane's result shows): totals by bucket per
 * currency and the largest overdue balances. It lives in the engine because it sums money.
 * Everything stays in integer minor units and per currency — currencies are
 * never added together — and amounts are only formatted when rendered.
 */
import type { AgingReport, Bucket, CurrencyTotals } from "../aging";

/** Whose balances are ranked: customers or sales reps. */
export type OverdueGrouping = "customer" | "salesRep";

/** One overdue balance: a customer (or a sales rep) in one currency. */
export interface OverdueRow {
  /** Customer name, or sales rep name; null for invoices without a rep. */
  name: string | null;
  /** Minor units past due at the as-of date, whatever the aging basis. */
  overdue: number;
  /** Minor units open in total. */
  open: number;
}

/** The largest overdue balances of one currency. */
export interface OverdueByCurrency {
  currency: string;
  rows: OverdueRow[];
}

/** The result view's data. */
export interface AgingSummary {
  buckets: Bucket[];
  totals: CurrencyTotals[];
  topOverdue: OverdueByCurrency[];
}

/** How many overdue balances the pane lists per currency. */
export const TOP_OVERDUE = 5;

/**
 * Summarises a report for the pane. "Overdue" is past the due date at the as-of date (days
 * overdue > 0), so it means the same under either aging basis.
 *
 * @example
 * summarizeAging(report, "customer").topOverdue[0]?.rows[0] // { name: "Contoso", overdue: 1250000, open: 2000000 }
 */
export function summarizeAging(report: AgingReport, groupBy: OverdueGrouping, limit = TOP_OVERDUE): AgingSummary {
  const { items, allocation, book } = report;
  // key "currency\u0000name" -> row, in first-seen order so equal amounts keep report order.
  const groups = new Map<string, { currency: string; row: OverdueRow }>();

  for (let i = 0; i < items.length; i++) {
    const invoice = items.invoice[i] ?? -1;
    const account = report.accounts[items.account[i] ?? -1];
    if (!account || invoice < 0) continue;
    const open = allocation.open[invoice] ?? 0;
    let name: string | null = account.customer;
    if (groupBy === "salesRep") {
      const rep = book.invoices.salesRep[invoice] ?? -1;
      name = rep >= 0 ? (book.salesReps[rep] ?? null) : null;
    }
    const key = `${account.currency}\u0000${name ?? ""}`;
    let group = groups.get(key);
    if (!group) {
      group = { currency: account.currency, row: { name, overdue: 0, open: 0 } };
      groups.set(key, group);
    }
    group.row.open += open;
    if ((items.daysOverdue[i] ?? 0) > 0) group.row.overdue += open;
  }

  const byCurrency = new Map<string, OverdueRow[]>();
  for (const { currency, row } of groups.values()) {
    if (row.overdue <= 0) continue;
    const rows = byCurrency.get(currency) ?? [];
    rows.push(row);
    byCurrency.set(currency, rows);
  }
  const topOverdue = [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, rows]) => ({ currency, rows: rows.sort((a, b) => b.overdue - a.overdue).slice(0, limit) }));

  return { buckets: report.buckets, totals: report.totals, topOverdue };
}
