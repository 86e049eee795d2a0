/**
 * The order in which auto-apply settles each account's open invoices: oldest due first, then by
 * document number (see ./documentNumbers.ts).
 *
 * Typed-array reads use `!`: every index comes from a loop bound or an index built from the same
 * book, which `noUncheckedIndexedAccess` cannot see.
 */
import type { InvoiceColumns } from "../types";
import { NO_DATE } from "../types";
import { int32Column, uint8Column } from "../columns";
import { compareDocumentNumbers } from "./documentNumbers";
import { stableSortByKey } from "./sort";

const { max } = Math;

/**
 * Included invoices still open (open > 0) grouped by account, oldest due first. When the
 * (due, invoice date) pairs span a small enough range, two stable counting passes do it: one
 * over the invoices in source order by (due, invoice date), then one by account; otherwise
 * stable passes by invoice date, due date and account. Either way the result is ordered by
 * (account, due, invoice date, source position), and runs that still tie are then ordered by
 * invoice number and sheet row, so the result does not depend on source order. Besides
 * `order`, only one scratch index of the same size, one byte per invoice marking ties, and the
 * counters are allocated: a million invoices allocate little enough that the ordering does not
 * by itself set off a full garbage collection.
 */
export function orderForApplication(
  inv: InvoiceColumns,
  included: Uint8Array,
  open: Float64Array,
  invoiceAccount: Int32Array,
  accountCount: number,
): { order: Int32Array; start: Int32Array } {
  const { dueDate, invoiceDate, isCreditNote } = inv;
  const length = inv.length;
  // After steps b and c an invoice's open amount is never below 0.
  const isOpenInvoice = (i: number): boolean => included[i] === 1 && isCreditNote[i] === 0 && open[i]! > 0;
  // Count the invoices, their date ranges and how many each account has.
  const start = int32Column(accountCount + 1);
  let n = 0;
  let dueLo = Infinity,
    dueHi = -Infinity,
    dateLo = Infinity,
    dateHi = -Infinity;
  for (let i = 0; i < length; i++) {
    if (!isOpenInvoice(i)) continue;
    n++;
    const date = invoiceDate[i]!;
    const stated = dueDate[i]!;
    const due = stated === NO_DATE ? date : stated;
    if (due < dueLo) dueLo = due;
    if (due > dueHi) dueHi = due;
    if (date < dateLo) dateLo = date;
    if (date > dateHi) dateHi = date;
    const slot = invoiceAccount[i]! + 1;
    start[slot] = start[slot]! + 1;
  }
  for (let a = 0; a < accountCount; a++) start[a + 1] = start[a + 1]! + start[a]!;

  // byDate: the invoices ordered by (due, invoice date), stable. Entries [ends[g - 1], ends[g])
  // share one (due, invoice date) pair, so ties are known without reading the dates again.
  let byDate: Int32Array;
  let ends: Int32Array;
  const dateRange = dateHi - dateLo + 1;
  const keyRange = (dueHi - dueLo + 1) * dateRange;
  if (n > 0 && keyRange <= 4 * n + 65536) {
    const at = int32Column(keyRange + 1);
    for (let i = 0; i < length; i++) {
      if (!isOpenInvoice(i)) continue;
      const date = invoiceDate[i]!;
      const stated = dueDate[i]!;
      const slot = ((stated === NO_DATE ? date : stated) - dueLo) * dateRange + (date - dateLo) + 1;
      at[slot] = at[slot]! + 1;
    }
    for (let v = 0; v < keyRange; v++) at[v + 1] = at[v + 1]! + at[v]!;
    byDate = int32Column(n);
    for (let i = 0; i < length; i++) {
      if (!isOpenInvoice(i)) continue;
      const date = invoiceDate[i]!;
      const stated = dueDate[i]!;
      const slot = ((stated === NO_DATE ? date : stated) - dueLo) * dateRange + (date - dateLo);
      const to = at[slot]!;
      byDate[to] = i;
      at[slot] = to + 1;
    }
    // Each counter now holds the end of its key's entries.
    ends = at;
  } else {
    const index = int32Column(n);
    for (let i = 0, k = 0; i < length; i++) if (isOpenInvoice(i)) index[k++] = i;
    const due = int32Column(n === 0 ? 0 : length);
    for (let k = 0; k < n; k++) {
      const i = index[k]!;
      due[i] = dueDate[i] === NO_DATE ? invoiceDate[i]! : dueDate[i]!;
    }
    byDate = stableSortByKey(stableSortByKey(index, invoiceDate), due);
    ends = int32Column(n + 1);
    let groups = 0;
    for (let k = 1; k <= n; k++) {
      if (k < n && due[byDate[k]!] === due[byDate[k - 1]!] && invoiceDate[byDate[k]!] === invoiceDate[byDate[k - 1]!]) continue;
      ends[groups++] = k;
    }
  }

  // Stable pass by account: each account's invoices go to its range of `order`; tie[k] = 1 when
  // order[k] has the same dates as order[k - 1] (same account: they arrive one after the other).
  const order = int32Column(n);
  const tie = uint8Column(n);
  const next = start.slice(0, max(1, accountCount));
  const lastGroup = int32Column(max(1, accountCount)).fill(-1);
  for (let k = 0, g = 0; k < n; k++) {
    while (ends[g]! <= k) g++;
    const i = byDate[k]!;
    const a = invoiceAccount[i]!;
    const to = next[a]!;
    order[to] = i;
    next[a] = to + 1;
    if (lastGroup[a] === g) tie[to] = 1;
    lastGroup[a] = g;
  }

  // Runs that tie: by invoice number, then sheet row.
  const byNumberThenRow = (a: number, b: number): number =>
    compareDocumentNumbers(inv.number[a]!, inv.number[b]!) || inv.row[a]! - inv.row[b]! || a - b;
  for (let k = 1; k < n; k++) {
    if (!tie[k]) continue;
    const runStart = k - 1;
    while (k < n && tie[k]) k++;
    sortRun(order, runStart, k, byNumberThenRow);
  }
  return { order, start };
}

/** Sorts order[from, to) by `compare`: insertion sort for the short runs ties produce. */
function sortRun(order: Int32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  if (to - from > 16) {
    order.subarray(from, to).sort(compare);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const value = order[k]!;
    let j = k - 1;
    while (j >= from && compare(order[j]!, value) > 0) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = value;
  }
}
