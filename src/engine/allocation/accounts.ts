/**
 * Accounts of cash application: one per customer × currency, numbered in report order.
 *
 * Typed-array reads use `!`: every index comes from a loop bound or an index built from the same
 * book, which `noUncheckedIndexedAccess` cannot see.
 */
import type { Book } from "../types";
import { float64Column, int32Column, uint8Column } from "../columns";
import { compareText } from "./sort";

const { floor, max } = Math;

export interface AccountIndex {
  length: number;
  customer: Int32Array;
  currency: Int32Array;
  invoiceAccount: Int32Array;
  paymentAccount: Int32Array;
  /**
   * Each customer's position by name (ignoring case, then exact, then index) among the
   * customers with an account, when the names were sorted here (not when a later allocation's
   * order was reused); 0 for a customer without an account.
   */
  customerRank?: Int32Array;
}

/** Above this many customer × currency slots a Map replaces the dense lookup table. */
export const DENSE_ACCOUNT_SLOTS = 1 << 22;

/** Accounts already numbered in report order (customer and currency per account), e.g. those of a later allocation. */
export interface NumberedAccounts {
  length: number;
  customer: Int32Array;
  currency: Int32Array;
}

/**
 * The accounts of the included documents and payments, numbered in report order. With `known`
 * (the accounts of the same book at a later as-of: a superset, since a later date includes
 * more), the order is taken from it instead of sorting names again: report order is a total
 * order, so the accounts seen here keep their relative positions. When `known` lacks one of
 * them, it is ignored and the accounts are sorted.
 */
export function indexAccounts(
  book: Book,
  included: Uint8Array,
  paymentIncluded: Uint8Array | null,
  known?: NumberedAccounts,
): AccountIndex {
  const inv = book.invoices;
  const pay = book.payments;
  const currencyCount = max(1, book.currencies.length);
  const slots = book.customers.length * currencyCount;
  const dense = slots <= DENSE_ACCOUNT_SLOTS ? int32Column(slots).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  const keys: number[] = [];
  const slotOf = (key: number): number => (dense ? dense[key]! : (sparse!.get(key) ?? -1));
  // The position in `keys` of a customer × currency, added when first seen.
  const keyOf = (customer: number, currency: number): number => {
    const key = customer * currencyCount + currency;
    let k = dense ? dense[key]! : (sparse!.get(key) ?? -1);
    if (k < 0) {
      k = keys.length;
      if (dense) dense[key] = k;
      else sparse!.set(key, k);
      keys.push(key);
    }
    return k;
  };
  // Each document's key position now, renumbered to its account below: one pass over the
  // ledgers instead of one to find the accounts and another to look them up.
  const invoiceAccount = int32Column(inv.length).fill(-1);
  const { customer: invoiceCustomer, currency: invoiceCurrency } = inv;
  for (let i = 0, n = inv.length; i < n; i++) if (included[i]) invoiceAccount[i] = keyOf(invoiceCustomer[i]!, invoiceCurrency[i]!);
  const paymentAccount = int32Column(pay ? pay.length : 0).fill(-1);
  if (pay && paymentIncluded) {
    const { customer: paymentCustomer, currency: paymentCurrency } = pay;
    for (let p = 0, n = pay.length; p < n; p++) if (paymentIncluded[p]) paymentAccount[p] = keyOf(paymentCustomer[p]!, paymentCurrency[p]!);
  }

  const customer = int32Column(keys.length);
  const currency = int32Column(keys.length);
  // The account of each key position.
  const accountOfKey = int32Column(keys.length);
  let numbered = 0;
  let customerRank: Int32Array | undefined;
  if (known) {
    for (let a = 0; a < known.length && numbered < keys.length; a++) {
      const key = known.customer[a]! * currencyCount + known.currency[a]!;
      if (known.currency[a]! >= currencyCount || key >= slots) continue;
      const k = slotOf(key);
      if (k < 0) continue;
      customer[numbered] = known.customer[a]!;
      currency[numbered] = known.currency[a]!;
      accountOfKey[k] = numbered;
      numbered++;
    }
  }
  if (numbered !== keys.length) {
    // Report order: currency code, then customer name (case-insensitive, then exact). Names are
    // ranked once per customer so the accounts sort on numbers.
    customerRank = rankCustomers(book.customers.name, keys, currencyCount);
    const currencyRank = rankTexts(book.currencies);
    const sortKey = float64Column(keys.length);
    keys.forEach((key, k) => {
      sortKey[k] = currencyRank[key % currencyCount]! * book.customers.length + customerRank![floor(key / currencyCount)]!;
    });
    const ranked = Array.from(keys.keys()).sort((a, b) => sortKey[a]! - sortKey[b]!);
    ranked.forEach((k, account) => {
      const key = keys[k]!;
      customer[account] = floor(key / currencyCount);
      currency[account] = key % currencyCount;
      accountOfKey[k] = account;
    });
  }

  for (let i = 0, n = invoiceAccount.length; i < n; i++) {
    const k = invoiceAccount[i]!;
    if (k >= 0) invoiceAccount[i] = accountOfKey[k]!;
  }
  for (let p = 0, n = paymentAccount.length; p < n; p++) {
    const k = paymentAccount[p]!;
    if (k >= 0) paymentAccount[p] = accountOfKey[k]!;
  }
  return { length: keys.length, customer, currency, invoiceAccount, paymentAccount, customerRank };
}

/** Rank of each customer that has an account, by name (case-insensitive, then exact, then index). */
function rankCustomers(names: string[], keys: number[], currencyCount: number): Int32Array {
  const seen = uint8Column(names.length);
  const customers: number[] = [];
  for (const key of keys) {
    const c = floor(key / currencyCount);
    if (!seen[c]) {
      seen[c] = 1;
      customers.push(c);
    }
  }
  const lowered = new Map(customers.map((c) => [c, (names[c] ?? "").toLowerCase()]));
  customers.sort((a, b) => compareText(lowered.get(a)!, lowered.get(b)!) || compareText(names[a] ?? "", names[b] ?? "") || a - b);
  const rank = int32Column(names.length);
  customers.forEach((c, r) => (rank[c] = r));
  return rank;
}

/** Rank of each text in code-unit order. */
function rankTexts(texts: string[]): Int32Array {
  const rank = int32Column(max(1, texts.length));
  Array.from(texts.keys())
    .sort((a, b) => compareText(texts[a]!, texts[b]!) || a - b)
    .forEach((t, r) => (rank[t] = r));
  return rank;
}
