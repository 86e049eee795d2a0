/**
 * Scope of a reconciliation: a customer's statement speaks for one account (or a few), so our
 * side is compared only on the customers the statement names. Rows of A outside them are not
 * differences: they are left out and counted, never listed as "missing in B".
 */
import type { SideRows } from "./types";

/** What scoping left of side A, and what it left out. */
export interface ScopedSide {
  rows: SideRows;
  /** Rows of A left out: a customer B does not name, or no customer at all. */
  left: number;
  /** B's customers as first written, in B's order (what the scope is). */
  customers: string[];
}

/**
 * Side A limited to the customers side B names (compared as the reader joins customers: case and
 * spacing aside, punctuation kept). A row of A without a customer is left out too: it cannot be
 * shown to belong to the statement.
 *
 * @example
 * scopeToCustomersOf(ourInvoices, statement) // { rows: (Acme's rows only), left: 57, customers: ["Acme Supply Inc."] }
 */
export function scopeToCustomersOf(a: SideRows, b: SideRows): ScopedSide {
  const named = new Map<string, string>();
  for (let i = 0; i < b.length; i++) {
    const key = b.customerKey[i];
    if (key !== null && key !== undefined && !named.has(key)) named.set(key, b.customer[i] ?? key);
  }
  const keep: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const key = a.customerKey[i];
    if (key !== null && key !== undefined && named.has(key)) keep.push(i);
  }
  return { rows: pickRows(a, keep), left: a.length - keep.length, customers: [...named.values()] };
}

/**
 * The rows at `indexes` (ascending), every column alike.
 *
 * @example
 * pickRows(rows, [0, 2]).length // 2
 */
export function pickRows(rows: SideRows, indexes: readonly number[]): SideRows {
  const take = <T>(values: readonly T[]): T[] => indexes.map((i) => values[i]!);
  return {
    length: indexes.length,
    row: Int32Array.from(indexes, (i) => rows.row[i]!),
    keyText: take(rows.keyText),
    key: take(rows.key),
    amount: Float64Array.from(indexes, (i) => rows.amount[i]!),
    currency: Int32Array.from(indexes, (i) => rows.currency[i]!),
    date: Int32Array.from(indexes, (i) => rows.date[i]!),
    customer: take(rows.customer),
    customerKey: take(rows.customerKey),
  };
}
