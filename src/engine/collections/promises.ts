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
 * Whether a log row is a promise or plan instalment that {@link promiseStates} decides (one with
 * an amount and an until date).
 *
 * @example
 * isPromised(followUp) // true for a promise of 500.00 until 2026-11-15
 */
export function isPromised(f: FollowUp): boolean {
  return (f.type === "promise" || f.type === "plan") && f.amount !== null && f.until !== NO_DATE;
}

/**
 * The status of every promise and plan instalment of the log at `asOf` (see the module comment
 * for the rules), in log order.
 *
 * Cash is summed per promise in one pass over the payments: each payment of a customer who
 * promised adds to the windows (date … min(until, as-of)) of that customer's promises in its
 * currency, so no per-customer cash lists are sorted.
 *
 * @example
 * const states = promiseStates(followUps, book, aging.allocation, asOf);
 * states.filter((s) => s.status === "broken").length
 */
export function promiseStates(followUps: readonly FollowUp[], book: Book, allocation: Allocation, asOf: number): PromiseState[] {
  const promised = followUps.filter(isPromised);
  const currencyCount = book.currencies.length + 1;
  const currencyIndex = new Map(book.currencies.map((c, k) => [c, k]));
  // A promise in a currency the ledger does not have can only be kept by no cash: index `currencyCount - 1`.
  const keyOf = (f: FollowUp): number => f.customer * currencyCount + (currencyIndex.get(f.currency) ?? currencyCount - 1);
  const byAccount = new Map<number, number[]>();
  promised.forEach((f, k) => {
    const key = keyOf(f);
    const list = byAccount.get(key);
    if (list) list.push(k);
    else byAccount.set(key, [k]);
  });

  const received = new Float64Array(promised.length);
  const pay = book.payments;
  if (pay && promised.length > 0) {
    const wanted = new Uint8Array(book.customers.length);
    // Cash outside every promise's window counts for none: most of a year's payments are skipped on their date.
    let from = Infinity;
    let through = -Infinity;
    for (const f of promised) {
      wanted[f.customer] = 1;
      if (f.date < from) from = f.date;
      if (f.until > through) through = f.until;
    }
    if (asOf < through) through = asOf;
    const included = allocation.payments?.included;
    const { customer: payCustomer, currency: payCurrency, date: payDate, amount: payAmount } = pay;
    for (let p = 0, n = pay.length; p < n; p++) {
      const date = payDate[p]!;
      if (date < from || date > through) continue;
      const customer = payCustomer[p]!;
      if (!wanted[customer] || (included && !included[p])) continue;
      const list = byAccount.get(customer * currencyCount + payCurrency[p]!);
      if (!list) continue;
      for (let j = 0; j < list.length; j++) {
        const k = list[j]!;
        const f = promised[k]!;
        if (date >= f.date && date <= f.until && date <= asOf) received[k] = received[k]! + payAmount[p]!;
      }
    }
  }

  const states: PromiseState[] = new Array<PromiseState>(promised.length);
  const decide = (k: number, needed: number): void => {
    const entry = promised[k]!;
    const amount = entry.amount!;
    const cash = received[k]!;
    if (cash >= needed) {
      states[k] = { entry, status: "kept", received: amount, remaining: 0 };
      return;
    }
    // Cash beyond the earlier instalments counts for this one: cash − (needed − amount).
    const own = Math.max(0, Math.min(amount, amount - (needed - cash)));
    const status: PromiseStatus = entry.status === "resolved" ? "resolved" : entry.until >= asOf ? "open" : "broken";
    states[k] = { entry, status, received: own, remaining: status === "open" ? amount - own : 0 };
  };
  const plans = new Map<string, number[]>();
  promised.forEach((entry, k) => {
    if (entry.type === "promise") return decide(k, entry.amount!);
    const key = `${keyOf(entry)}:${entry.date}`;
    const plan = plans.get(key);
    if (plan) plan.push(k);
    else plans.set(key, [k]);
  });
  for (const plan of plans.values()) {
    plan.sort((a, b) => promised[a]!.until - promised[b]!.until || promised[a]!.row - promised[b]!.row);
    let cumulative = 0;
    for (const k of plan) {
      cumulative += promised[k]!.amount!;
      decide(k, cumulative);
    }
  }
  return states;
}
