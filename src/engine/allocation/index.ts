/**
 * Application of cash: which invoices payments and credit notes settle, what each invoice
 * still owes at the as-of date, and what credit each account holds unapplied.
 *
 * Everything is columnar (typed arrays indexed like Book.invoices / Book.payments) so a book
 * of a million invoices allocates without per-row objects: invoice numbers are found through the
 * index the reader built (numberIndex.ts) rather than hashed again, and orderings are counting
 * sorts. `npm run bench -- engine` times it.
 *
 * Typed-array reads use `!`: every index below comes from a loop bound or an index built from
 * the same book, which `noUncheckedIndexedAccess` cannot see.
 */
import type { Book, ExcludedRow, Lang, RowIssue } from "../types";
import { buildNumberIndex } from "../numberIndex";
import { documentSheet, float64Column, int32Column, uint8Column } from "../columns";
import { indexAccounts } from "./accounts";
import { applyCreditNotes, applyOldestDueFirst, applyPayments, hasOpenAmounts, needsLookup, NOT_LOOKED_UP, openingBalances } from "./apply";
import type { Context } from "./context";
import { orderForApplication } from "./order";

export { compareDocumentNumbers } from "./documentNumbers";
export { duplicateRowsOf } from "./apply";

/** Options of {@link allocateCash}. */
export interface AllocationOptions {
  /** Excel serial of the as-of date: documents and payments dated after it are left out. */
  asOf: number;
  /** Apply unreferenced cash, unreferenced credit and excess oldest-due-first. */
  autoApply: boolean;
  /** Language of issue messages. */
  lang: Lang;
  /**
   * An allocation of the same book at the same or a later as-of, whose work is reused: its
   * accounts' report order (not sorted by name again; see indexAccounts) and the invoices its
   * payments and credit notes name (not looked up again). The result is the same without it.
   */
  later?: Allocation;
}

/**
 * Accounts: one per (customer, currency) pair that has an included document or payment,
 * numbered in report order (currency code, then customer name).
 */
export interface AccountColumns {
  length: number;
  /** Index into Book.customers. */
  customer: Int32Array;
  /** Index into Book.currencies. */
  currency: Int32Array;
  /**
   * Credit the account holds that no invoice absorbed (prepayments, credit notes, excess), in
   * minor units. Negative only when refunds (negative payments) exceed the account's credit.
   */
  unapplied: Float64Array;
  /** The part of `unapplied` that is cash naming an invoice dated after as-of (never auto-applied). */
  earmarked?: Float64Array;
  /** Invoices of account a are `Allocation.order[start[a] .. start[a + 1])`; length + 1 entries. */
  start: Int32Array;
}

/** Per-payment results; indices as in Book.payments. */
export interface PaymentAllocation {
  /** 1 when the payment counts in the balances (dated on or before as-of, no currency mismatch). */
  included: Uint8Array;
  /** Minor units applied to the invoice the payment names; the rest joined the account's credit. */
  applied: Float64Array;
  /** Account of the payment (customer × currency), -1 when the payment is not included. */
  account: Int32Array;
}

/** What {@link allocateCash} found; per-invoice arrays are indexed like Book.invoices. */
export interface Allocation {
  asOf: number;
  autoApply: boolean;
  /** 1 when the document is dated on or before as-of. */
  included: Uint8Array;
  /**
   * Minor units settled. Invoices: cash and credit applied (amount − open). Credit notes: the
   * (negative) part used on the invoice they reference; the rest joined the account's credit.
   */
  applied: Float64Array;
  /** Minor units still owed, 0 ≤ open ≤ amount for invoices; always 0 for credit notes. */
  open: Float64Array;
  /** Account of each document, -1 when the document is not included. */
  account: Int32Array;
  /** null when the book has no payments table. */
  payments: PaymentAllocation | null;
  accounts: AccountColumns;
  /**
   * The invoices (not credit notes) that payments and credit notes naming them left with
   * something open, grouped by account, oldest due first within an account (ties: invoice date,
   * invoice number, sheet row): the order auto-apply settles them in. Invoices already settled
   * by then are not in it, since nothing more can apply to them; on a large ledger that is most
   * of them, and ordering only the rest is what keeps this step and aging's walk over it short.
   * Every invoice open at the end is in it.
   */
  order: Int32Array;
  /** Rows left out by the allocation: dated after as-of, or payments with a currency mismatch. */
  excluded: ExcludedRow[];
  /** Problems found while applying cash (unknown references, mismatches, open amounts out of range). */
  issues: RowIssue[];
}

/**
 * Applies payments and credit notes to invoices for an as-of date, in this order:
 * a. documents and payments dated after as-of are excluded and listed;
 * b. payments naming an invoice (same customer) apply to it up to its open amount, in payment
 *    date order (ties: sheet row); excess, and cash naming an unknown or another customer's
 *    invoice (a warning), is unreferenced cash of the payer; a currency mismatch is an error
 *    and the payment is left out of the balances entirely (listed as "currency-mismatch"),
 *    because we cannot tell whether the currency or the reference is wrong;
 * c. credit notes apply to the invoice they reference (same customer and currency), else they
 *    are unreferenced credit;
 * d. with `autoApply`, unreferenced cash, credit and excess settle the account's open invoices
 *    oldest due first (ties: invoice date, invoice number, sheet row); otherwise they are kept.
 *    Cash naming an invoice dated after as-of (a deposit for it) is earmarked: it is never
 *    auto-applied and stays the account's unapplied credit at as-of (a warning says so);
 * e. what remains is the account's unapplied credit.
 *
 * A book without payments whose invoices carry an open amount takes that as the open amount
 * (clamped to [0, amount], with a warning when outside); credit notes then bring the magnitude
 * of their open amount as credit, applied by c and d. Negative payments (refunds) reduce the
 * account's credit and never reopen an invoice.
 *
 * For every account: Σ open − unapplied = Σ included document amounts − Σ included cash.
 *
 * @example
 * const a = allocateCash(book, { asOf: 46326, autoApply: true, lang: "en-US" });
 * a.open[0]                 // minor units still owed on the first invoice
 * a.accounts.unapplied[0]   // prepayment held by the first account
 */
export function allocateCash(book: Book, options: AllocationOptions): Allocation {
  const { asOf, autoApply, lang } = options;
  const inv = book.invoices;
  const pay = book.payments;
  const excluded: ExcludedRow[] = [];
  const issues: RowIssue[] = [];

  // a. the as-of cut
  const included = includedByDate(inv.invoiceDate, inv.length, asOf);
  listAfterAsOf(excluded, "invoice", inv, inv.number, included);
  const paymentIncluded = pay ? includedByDate(pay.date, pay.length, asOf) : null;
  if (pay && paymentIncluded) listAfterAsOf(excluded, "payment", pay, pay.reference, paymentIncluded);

  // Only an allocation of this book at a date on or after this one includes everything this one does.
  const later = options.later && options.later.asOf >= asOf && options.later.included.length === inv.length ? options.later : null;
  const known = later ? foundReferences.get(later) : undefined;
  const accounts = indexAccounts(book, included, paymentIncluded, later?.accounts);
  const pool = float64Column(accounts.length);
  // Until the credit notes are applied (step c), open[c] of a credit note holds the credit it
  // brings (positive = credit to the customer); afterwards it is 0 like every credit note's.
  const open = float64Column(inv.length);
  const applied = float64Column(inv.length);
  // Cash naming an invoice dated after as-of (a deposit for it) is earmarked: it stays the
  // customer's credit at as-of and never settles the customer's older invoices.
  const earmarked = float64Column(accounts.length);
  const context: Context = { book, lang, issues, excluded, open, applied, pool, earmarked };

  openingBalances(context, included, pay === null && hasOpenAmounts(inv));

  // The reader's index of invoice numbers; a ledger made by hand gets one here.
  const lookup = needsLookup(book, included, paymentIncluded) ? (inv.numberIndex ?? buildNumberIndex(inv.number, inv.length)) : null;
  const paymentReferences = int32Column(pay ? pay.length : 0).fill(NOT_LOOKED_UP);
  const noteReferences = int32Column(inv.length).fill(NOT_LOOKED_UP);
  let payments: PaymentAllocation | null = null;
  if (pay && paymentIncluded) {
    const paymentApplied = float64Column(pay.length);
    applyPayments(context, pay, paymentIncluded, accounts.paymentAccount, included, paymentApplied, lookup, {
      found: paymentReferences,
      known: known?.payments.length === pay.length ? known.payments : null,
    });
    payments = { included: paymentIncluded, applied: paymentApplied, account: accounts.paymentAccount };
    for (let p = 0; p < pay.length; p++) if (!paymentIncluded[p]) accounts.paymentAccount[p] = -1;
  }
  applyCreditNotes(context, included, accounts.invoiceAccount, lookup, { found: noteReferences, known: known?.notes ?? null });

  const { order, start } = orderForApplication(inv, included, open, accounts.invoiceAccount, accounts.length);
  if (autoApply) applyOldestDueFirst(order, start, open, applied, pool);
  for (let a = 0; a < accounts.length; a++) if (earmarked[a] !== 0) pool[a] = pool[a]! + earmarked[a]!;

  const allocation: Allocation = {
    asOf,
    autoApply,
    included,
    applied,
    open,
    account: accounts.invoiceAccount,
    payments,
    accounts: { length: accounts.length, customer: accounts.customer, currency: accounts.currency, unapplied: pool, earmarked, start },
    order,
    excluded,
    issues,
  };
  foundReferences.set(allocation, { payments: paymentReferences, notes: noteReferences });
  if (accounts.customerRank) customerRanks.set(allocation, accounts.customerRank);
  return allocation;
}

/** Per allocation, the invoices its payments and credit notes named (see References), for an earlier allocation of the same book. */
const foundReferences = new WeakMap<Allocation, { payments: Int32Array; notes: Int32Array }>();

/** Per allocation, its customers' positions by name when it sorted them (see AccountIndex.customerRank). */
const customerRanks = new WeakMap<Allocation, Int32Array>();

/**
 * Each customer's position by name (ignoring case, then exact, then index) among the customers
 * with an account of `allocation`, 0 for the others; undefined when the allocation took its
 * account order from a later one instead of sorting names.
 *
 * @example
 * customerRankOf(aging.allocation)?.[0] // where the book's first customer comes by name
 */
export function customerRankOf(allocation: Allocation): Int32Array | undefined {
  return customerRanks.get(allocation);
}

/**
 * The invoice each payment and credit note of `allocation` named (by payment / document index;
 * -1: none found, NOT_LOOKED_UP: not looked up), for work on the same book at an earlier date;
 * undefined for an allocation not made by {@link allocateCash}.
 *
 * @example
 * referencesOf(aging.allocation)?.payments[0] // the invoice the first payment names, or -1
 */
export function referencesOf(allocation: Allocation): { payments: Int32Array; notes: Int32Array } | undefined {
  return foundReferences.get(allocation);
}

/** State shared by the allocation steps. */

// ---------------------------------------------------------------------------------------------
// a. The as-of cut
// ---------------------------------------------------------------------------------------------

function includedByDate(date: Int32Array, length: number, asOf: number): Uint8Array {
  const included = uint8Column(length);
  for (let i = 0; i < length; i++) included[i] = date[i]! <= asOf ? 1 : 0;
  return included;
}

function listAfterAsOf(
  excluded: ExcludedRow[],
  kind: ExcludedRow["kind"],
  columns: { sheet: string; sheets?: string[]; row: Int32Array },
  id: string[],
  included: Uint8Array,
): void {
  for (let i = 0; i < included.length; i++) {
    if (!included[i]) excluded.push({ kind, id: id[i]!, reason: "after-as-of", sheet: documentSheet(columns, i), row: columns.row[i]! });
  }
}
