/**
 * Promises to pay and payment plans: whether each is open, kept or broken at the as-of date.
 *
 * - A **promise** (customer, amount, until) is *kept* when the customer's cash dated from the
 *   promise's date through `until` (both inclusive, and not after as-of) reaches the amount;
 *   otherwise it is *open* while `until` ≥ as-of and *broken* once `until` < as-of.
 * - A **plan** is the set of plan rows of one customer and currency agreed on one date; its
 *   instalments are promises that together form a schedule, so instalment k is kept when the
 *   cash from the plan's date through its `until` reaches the instalments 1 … k together (cash
 *   that paid instalment 1 cannot pay instalment 2 as well).
 * - A row the user marked resolved is *resolved*: neither open (it covers nothing) nor broken.
 *
 * Money in minor units of the promise's currency.
 */
import type { Allocation } from "../allocation";
import type { Book } from "../types";
import { NO_DATE } from "../types";
import type { FollowUp } from "./log";

/** Where a promise stands at as-of. */
export type PromiseStatus = "open" | "kept" | "broken" | "resolved";

/** A promise or plan instalment with its status. */
export interface PromiseState {
  entry: FollowUp;
  status: PromiseStatus;
  /** Cash counted towards it (for a plan instalment: towards the plan through its until), ≤ what was promised. */
  received: number;
  /** What is still promised and not yet received: amount − received when open, else 0. */
  remaining: number;
}

/**
 * A customer's cash in one currency, sorted by date, with running totals, for window sums.
 */
interface CashLine {
  dates: number[];
  /** cumulative[k] = Σ amounts of dates[0 … k−1]. */
  cumulative: number[];
}

/** Cash of dates in [from, to], both inclusive. */
function cashBetween(line: CashLine | undefined, from: number, to: number): number {
  if (!line || to < from) return 0;
  return line.cumulative[upperBound(line.dates, to)]! - line.cumulative[lowerBound(line.dates, from)]!;
}

function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const cashKey = (customer: number, currency: string): string => `${customer}\u0000${currency}`;

/**
 * The cash lines of the customers that made promises: payments counted by cash application
 * (dated on or before as-of, currency matching), by customer and currency.
 */
function cashLines(book: Book, allocation: Allocation, customers: ReadonlySet<number>): Map<string, CashLine> {
  const lines = new Map<string, { date: number; amount: number }[]>();
  const pay = book.payments;
  if (!pay || customers.size === 0) return new Map();
  const included = allocation.payments?.included;
  for (let p = 0; p < pay.length; p++) {
    const customer = pay.customer[p]!;
    if (!customers.has(customer) || (included && !included[p])) continue;
    const key = cashKey(customer, book.currencies[pay.currency[p]!] ?? "");
    let list = lines.get(key);
    if (!list) lines.set(key, (list = []));
    list.push({ date: pay.date[p]!, amount: pay.amount[p]! });
  }
  const result = new Map<string, CashLine>();
  for (const [key, list] of lines) {
    list.sort((a, b) => a.date - b.date);
    const cumulative = [0];
    for (const x of list) cumulative.push(cumulative[cumulative.length - 1]! + x.amount);
    result.set(key, { dates: list.map((x) => x.date), cumulative });
  }
  return result;
}

/**
 * The status of every promise and plan instalment of the log at `asOf` (see the module comment
 * for the rules), in log order.
 *
 * @example
 * const states = promiseStates(followUps, book, aging.allocation, asOf);
 * states.filter((s) => s.status === "broken").length
 */
export function promiseStates(followUps: readonly FollowUp[], book: Book, allocation: Allocation, asOf: number): PromiseState[] {
  const promised = followUps.filter((f) => (f.type === "promise" || f.type === "plan") && f.amount !== null && f.until !== NO_DATE);
  const lines = cashLines(book, allocation, new Set(promised.map((f) => f.customer)));
  const states = new Map<FollowUp, PromiseState>();
  const decide = (entry: FollowUp, received: number, needed: number): PromiseState => {
    const amount = entry.amount!;
    if (received >= needed) return { entry, status: "kept", received: amount, remaining: 0 };
    const own = Math.max(0, Math.min(amount, amount - (needed - received)));
    if (entry.status === "resolved") return { entry, status: "resolved", received: own, remaining: 0 };
    if (entry.until >= asOf) return { entry, status: "open", received: own, remaining: amount - own };
    return { entry, status: "broken", received: own, remaining: 0 };
  };

  const plans = new Map<string, FollowUp[]>();
  for (const entry of promised) {
    const line = lines.get(cashKey(entry.customer, entry.currency));
    if (entry.type === "promise") {
      const received = cashBetween(line, entry.date, Math.min(entry.until, asOf));
      states.set(entry, decide(entry, received, entry.amount!));
    } else {
      const key = `${cashKey(entry.customer, entry.currency)}\u0000${entry.date}`;
      let plan = plans.get(key);
      if (!plan) plans.set(key, (plan = []));
      plan.push(entry);
    }
  }
  for (const plan of plans.values()) {
    plan.sort((a, b) => a.until - b.until || a.row - b.row);
    let cumulative = 0;
    for (const entry of plan) {
      cumulative += entry.amount!;
      const line = lines.get(cashKey(entry.customer, entry.currency));
      const received = cashBetween(line, entry.date, Math.min(entry.until, asOf));
      // Cash beyond the earlier instalments counts for this one: received − (cumulative − amount).
      states.set(entry, decide(entry, received, cumulative));
    }
  }
  return promised.map((entry) => states.get(entry)!);
}
