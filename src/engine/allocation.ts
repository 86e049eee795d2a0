/**
 * Application of cash: which invoices payments and credit notes settle, what each invoice
 * still owes at the as-of date, and what credit each account holds unapplied.
 *
 * Everything is columnar (typed arrays indexed like Book.invoices / Book.payments) so a book
 * of a million invoices allocates in well under a second: no per-row objects, invoice numbers
 * found through the index the reader built (numberIndex.ts) rather than hashed again, and
 * orderings done with counting sorts.
 *
 * Typed-array reads use `!`: every index below comes from a loop bound or an index built from
 * the same book, which `noUncheckedIndexedAccess` cannot see.
 */
import type { Book, ExcludedRow, Field, InvoiceColumns, Lang, PaymentColumns, Role, RowIssue, Severity, CellValue } from "./types";
import { NO_DATE } from "./types";
import { cellAddress, codeUnit, foldCase } from "./read/normalize";
import { buildNumberIndex, firstWithNumber, nextWithNumber, type NumberIndex } from "./numberIndex";
import { currencyDecimals } from "./currency";
import { formatMoney } from "./money";
import { t, type MessageParams } from "../i18n";
import { float64Column, int32Column, uint8Column } from "./columns";

// Bound once: these run per row, and a global `Math.x` lookup is slow in sandboxed runtimes.
const { abs, floor, max, min } = Math;

/** Options of {@link allocateCash}. */
export interface AllocationOptions {
  /** Excel serial of the as-of date: documents and payments dated after it are left out. */
  asOf: number;
  /** Apply unreferenced cash, unreferenced credit and excess oldest-due-first. */
  autoApply: boolean;
  /** Language of issue messages. */
  lang: Lang;
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
 *    oldest due first (ties: invoice date, invoice number, sheet row); otherwise they are kept;
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
  listAfterAsOf(excluded, "invoice", inv.sheet, inv.number, inv.row, included);
  const paymentIncluded = pay ? includedByDate(pay.date, pay.length, asOf) : null;
  if (pay && paymentIncluded) listAfterAsOf(excluded, "payment", pay.sheet, pay.reference, pay.row, paymentIncluded);

  const accounts = indexAccounts(book, included, paymentIncluded);
  const pool = float64Column(accounts.length);
  // Until the credit notes are applied (step c), open[c] of a credit note holds the credit it
  // brings (positive = credit to the customer); afterwards it is 0 like every credit note's.
  const open = float64Column(inv.length);
  const applied = float64Column(inv.length);
  const context: Context = { book, lang, issues, excluded, open, applied, pool };

  openingBalances(context, included, pay === null && hasOpenAmounts(inv));

  // The reader's index of invoice numbers; a ledger made by hand gets one here.
  const lookup = needsLookup(book, included, paymentIncluded) ? (inv.numberIndex ?? buildNumberIndex(inv.number, inv.length)) : null;
  let payments: PaymentAllocation | null = null;
  if (pay && paymentIncluded) {
    const paymentApplied = float64Column(pay.length);
    applyPayments(context, pay, paymentIncluded, accounts.paymentAccount, included, paymentApplied, lookup);
    payments = { included: paymentIncluded, applied: paymentApplied, account: accounts.paymentAccount };
    for (let p = 0; p < pay.length; p++) if (!paymentIncluded[p]) accounts.paymentAccount[p] = -1;
  }
  applyCreditNotes(context, included, accounts.invoiceAccount, lookup);

  const { order, start } = orderForApplication(inv, included, open, accounts.invoiceAccount, accounts.length);
  if (autoApply) applyOldestDueFirst(order, start, open, applied, pool);

  return {
    asOf,
    autoApply,
    included,
    applied,
    open,
    account: accounts.invoiceAccount,
    payments,
    accounts: { length: accounts.length, customer: accounts.customer, currency: accounts.currency, unapplied: pool, start },
    order,
    excluded,
    issues,
  };
}

/** State shared by the allocation steps. */
interface Context {
  book: Book;
  lang: Lang;
  issues: RowIssue[];
  excluded: ExcludedRow[];
  open: Float64Array;
  applied: Float64Array;
  /** Unreferenced cash + credit + excess per account; what is left at the end is unapplied. */
  pool: Float64Array;
}

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
  sheet: string,
  id: string[],
  row: Int32Array,
  included: Uint8Array,
): void {
  for (let i = 0; i < included.length; i++) {
    if (!included[i]) excluded.push({ kind, id: id[i]!, reason: "after-as-of", sheet, row: row[i]! });
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts (customer × currency), numbered in report order
// ---------------------------------------------------------------------------------------------

interface AccountIndex {
  length: number;
  customer: Int32Array;
  currency: Int32Array;
  invoiceAccount: Int32Array;
  paymentAccount: Int32Array;
}

/** Above this many customer × currency slots a Map replaces the dense lookup table. */
const DENSE_ACCOUNT_SLOTS = 1 << 22;

function indexAccounts(book: Book, included: Uint8Array, paymentIncluded: Uint8Array | null): AccountIndex {
  const inv = book.invoices;
  const pay = book.payments;
  const currencyCount = max(1, book.currencies.length);
  const slots = book.customers.length * currencyCount;
  const dense = slots <= DENSE_ACCOUNT_SLOTS ? int32Column(slots).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  const keys: number[] = [];
  const slotOf = (key: number): number => (dense ? dense[key]! : (sparse!.get(key) ?? -1));
  const setSlot = (key: number, value: number): void => {
    if (dense) dense[key] = value;
    else sparse!.set(key, value);
  };
  const see = (customer: number, currency: number): void => {
    const key = customer * currencyCount + currency;
    if (slotOf(key) < 0) {
      setSlot(key, keys.length);
      keys.push(key);
    }
  };
  for (let i = 0; i < inv.length; i++) if (included[i]) see(inv.customer[i]!, inv.currency[i]!);
  if (pay && paymentIncluded) for (let p = 0; p < pay.length; p++) if (paymentIncluded[p]) see(pay.customer[p]!, pay.currency[p]!);

  // Report order: currency code, then customer name (case-insensitive, then exact). Names are
  // ranked once per customer so the accounts sort on numbers.
  const customerRank = rankCustomers(book.customers.name, keys, currencyCount);
  const currencyRank = rankTexts(book.currencies);
  const sortKey = float64Column(keys.length);
  keys.forEach((key, k) => {
    sortKey[k] = currencyRank[key % currencyCount]! * book.customers.length + customerRank[floor(key / currencyCount)]!;
  });
  const ranked = Array.from(keys.keys()).sort((a, b) => sortKey[a]! - sortKey[b]!);
  const customer = int32Column(keys.length);
  const currency = int32Column(keys.length);
  ranked.forEach((k, account) => {
    const key = keys[k]!;
    customer[account] = floor(key / currencyCount);
    currency[account] = key % currencyCount;
    setSlot(key, account);
  });

  const invoiceAccount = int32Column(inv.length).fill(-1);
  for (let i = 0; i < inv.length; i++) {
    if (included[i]) invoiceAccount[i] = slotOf(inv.customer[i]! * currencyCount + inv.currency[i]!);
  }
  const paymentAccount = int32Column(pay ? pay.length : 0).fill(-1);
  if (pay && paymentIncluded) {
    for (let p = 0; p < pay.length; p++) {
      if (paymentIncluded[p]) paymentAccount[p] = slotOf(pay.customer[p]! * currencyCount + pay.currency[p]!);
    }
  }
  return { length: keys.length, customer, currency, invoiceAccount, paymentAccount };
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

/** Code-unit order: deterministic on every platform, unlike locale collation. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Opening balances
// ---------------------------------------------------------------------------------------------

function hasOpenAmounts(inv: InvoiceColumns): boolean {
  for (let i = 0; i < inv.length; i++) if (!Number.isNaN(inv.openAmount[i]!)) return true;
  return false;
}

/**
 * Invoices start fully open and credit notes bring their whole amount as credit — unless the
 * book has no payments and carries open amounts (an ERP export), which then are the truth.
 * The credit of a credit note is kept in its open entry until applyCreditNotes uses it.
 */
function openingBalances(context: Context, included: Uint8Array, fromOpenAmounts: boolean): void {
  const { book, open, applied } = context;
  const inv = book.invoices;
  const { amount: amounts, isCreditNote, openAmount } = inv;
  for (let i = 0, n = inv.length; i < n; i++) {
    if (!included[i]) continue;
    const amount = amounts[i]!;
    if (isCreditNote[i]) {
      // A credit note's amount is negative; its credit is the magnitude.
      let available = -amount;
      const stated = openAmount[i]!;
      if (fromOpenAmounts && !Number.isNaN(stated)) available = clampOpen(context, i, abs(stated), abs(amount), stated);
      open[i] = available;
      continue;
    }
    const stated = openAmount[i]!;
    const start = fromOpenAmounts && !Number.isNaN(stated) ? clampOpen(context, i, stated, amount, stated) : amount;
    open[i] = start;
    applied[i] = amount - start;
  }
}

/** Clamps a stated open amount to [0, limit], warning when it had to. */
function clampOpen(context: Context, i: number, value: number, limit: number, stated: number): number {
  const upper = max(0, limit);
  if (value >= 0 && value <= upper) return value;
  const taken = min(max(value, 0), upper);
  const inv = context.book.invoices;
  const code = context.book.currencies[inv.currency[i]!] ?? "";
  const money = (minor: number): string => formatMoney(minor, code, context.lang);
  context.issues.push(
    issueAt(context, "invoices", "openAmount", inv.sheet, inv.row[i]!, stated / 10 ** currencyDecimals(code), "warning", "open.out-of-range", {
      invoice: inv.number[i],
      open: money(stated),
      amount: money(inv.amount[i]!),
      taken: money(inv.isCreditNote[i] ? -taken : taken),
    }),
  );
  return taken;
}

// ---------------------------------------------------------------------------------------------
// Invoice-number lookup (built once, only when something names an invoice)
// ---------------------------------------------------------------------------------------------

function needsLookup(book: Book, included: Uint8Array, paymentIncluded: Uint8Array | null): boolean {
  const inv = book.invoices;
  for (let i = 0; i < inv.length; i++) if (included[i] && inv.isCreditNote[i] && inv.reference[i]) return true;
  const pay = book.payments;
  if (pay && paymentIncluded) for (let p = 0; p < pay.length; p++) if (paymentIncluded[p] && pay.invoiceNumber[p]) return true;
  return false;
}

/** The invoice (not credit note) of `customer` whose number matches `number`, or -1. Dates are not looked at. */
function findInvoice(lookup: NumberIndex | null, number: string, customer: number, inv: InvoiceColumns): number {
  if (!lookup) return -1;
  const i = firstWithNumber(lookup, inv.number, number);
  if (i < 0) return -1;
  // Nearly always the number's only document: no chain to walk.
  if (inv.customer[i] === customer && !inv.isCreditNote[i]) return i;
  for (let j = nextWithNumber(lookup, i); j >= 0; j = nextWithNumber(lookup, j)) {
    if (inv.customer[j] === customer && !inv.isCreditNote[j]) return j;
  }
  return -1;
}

/**
 * Names of the customers owning an invoice numbered `number`, sorted so a message does not
 * depend on row order; "" when nobody does.
 */
function ownersOf(lookup: NumberIndex | null, number: string, book: Book): string {
  if (!lookup) return "";
  const owners = new Set<string>();
  const inv = book.invoices;
  for (let i = firstWithNumber(lookup, inv.number, number); i >= 0; i = nextWithNumber(lookup, i)) {
    if (!inv.isCreditNote[i]) owners.add(book.customers.name[inv.customer[i]!] ?? "");
  }
  return [...owners].sort(compareText).join(", ");
}

/** Per book: invoice number → sheet rows of the documents left out as duplicates. */
const duplicateRowsByBook = new WeakMap<Book, Map<string, number[]>>();

/**
 * The sheet rows ("4, 9") of the documents numbered `number` that the reader left out as
 * duplicates; "" when none was. A payment naming such an invoice finds no invoice, and the
 * user must hear why: the invoice is there, twice.
 *
 * @example
 * duplicateRowsOf(book, "INV-0000031") // "33, 61"
 */
export function duplicateRowsOf(book: Book, number: string): string {
  let byNumber = duplicateRowsByBook.get(book);
  if (byNumber === undefined) {
    byNumber = new Map<string, number[]>();
    for (const row of book.excluded) {
      if (row.kind !== "invoice" || row.reason !== "duplicate") continue;
      const key = row.id.trim().toUpperCase();
      const rows = byNumber.get(key);
      if (rows) rows.push(row.row);
      else byNumber.set(key, [row.row]);
    }
    duplicateRowsByBook.set(book, byNumber);
  }
  const rows = byNumber.get(number.trim().toUpperCase());
  return rows ? [...rows].sort((a, b) => a - b).join(", ") : "";
}

// ---------------------------------------------------------------------------------------------
// b. Payments that name an invoice
// ---------------------------------------------------------------------------------------------

function applyPayments(
  context: Context,
  pay: PaymentColumns,
  paymentIncluded: Uint8Array,
  paymentAccount: Int32Array,
  included: Uint8Array,
  paymentApplied: Float64Array,
  lookup: NumberIndex | null,
): void {
  const { book, open, applied, pool } = context;
  const inv = book.invoices;
  const names = book.customers.name;

  // Pass 1, in source order (sequential reads): resolve each payment's invoice, or settle it as
  // unreferenced cash / an issue right away, and take what is claimed off the invoice's open
  // amount (so an open amount below 0 means the invoice is over-claimed).
  const target = int32Column(pay.length).fill(-1);
  // Columns in locals: findInvoice is a call, after which V8 would load each from its object again.
  const { amount: paymentAmount, invoiceNumber: paymentInvoice, customer: paymentCustomer, currency: paymentCurrency } = pay;
  const invoiceCurrency = inv.currency;
  for (let p = 0, n = pay.length; p < n; p++) {
    if (!paymentIncluded[p]) continue;
    const amount = paymentAmount[p]!;
    const account = paymentAccount[p]!;
    const number = paymentInvoice[p];
    // Refunds and unreferenced cash go to the account's credit.
    if (!number || amount <= 0) {
      pool[account] = pool[account]! + amount;
      continue;
    }
    const customer = paymentCustomer[p]!;
    const i = findInvoice(lookup, number, customer, inv);
    if (i >= 0 && included[i] && invoiceCurrency[i] === paymentCurrency[p]) {
      target[p] = i;
      open[i] = open[i]! - amount;
      continue;
    }
    const params: MessageParams = { payment: pay.reference[p], invoice: number, customer: names[customer] };
    if (i < 0) {
      const owner = ownersOf(lookup, number, book);
      const duplicateRows = owner ? "" : duplicateRowsOf(book, number);
      const code = owner ? "payment.invoice.other-customer" : duplicateRows ? "payment.invoice.duplicate" : "payment.invoice.unknown";
      context.issues.push(issueAt(context, "payments", "invoiceNumber", pay.sheet, pay.row[p]!, number, "warning", code, { ...params, owner, rows: duplicateRows }));
      pool[account] = pool[account]! + amount;
    } else if (!included[i]) {
      context.issues.push(issueAt(context, "payments", "invoiceNumber", pay.sheet, pay.row[p]!, number, "warning", "payment.invoice.after-as-of", params));
      pool[account] = pool[account]! + amount;
    } else {
      const currencies = book.currencies;
      context.issues.push(
        issueAt(context, "payments", "currency", pay.sheet, pay.row[p]!, currencies[pay.currency[p]!] ?? null, "error", "payment.currency-mismatch", {
          ...params,
          paymentCurrency: currencies[pay.currency[p]!],
          invoiceCurrency: currencies[inv.currency[i]!],
        }),
      );
      context.excluded.push({ kind: "payment", id: pay.reference[p]!, reason: "currency-mismatch", sheet: pay.sheet, row: pay.row[p]! });
      paymentIncluded[p] = 0;
    }
  }

  // Pass 2: where the claims fit in the invoice, every payment applies in full and order does
  // not matter. Only over-claimed invoices need their payments in date order (ties: sheet row),
  // so the first payments are applied in full and the last one brings the excess.
  // Sums of minor units are exact, so giving the contested claims back restores the open amount.
  const contested = uint8Column(pay.length);
  let contestedCount = 0;
  for (let p = 0, n = pay.length; p < n; p++) {
    const i = target[p]!;
    if (i < 0) continue;
    const amount = paymentAmount[p]!;
    if (open[i]! < 0) {
      contested[p] = 1;
      contestedCount++;
      continue;
    }
    applied[i] = applied[i]! + amount;
    paymentApplied[p] = amount;
  }
  if (contestedCount === 0) return;
  for (let p = 0; p < pay.length; p++) {
    if (contested[p]) open[target[p]!] = open[target[p]!]! + pay.amount[p]!;
  }
  const byDate = sortByKeyThenRow(indicesWhere(contested), pay.date, pay.row);
  for (let k = 0; k < byDate.length; k++) {
    const p = byDate[k]!;
    const i = target[p]!;
    const amount = pay.amount[p]!;
    const used = min(amount, open[i]!);
    open[i] = open[i]! - used;
    applied[i] = applied[i]! + used;
    paymentApplied[p] = used;
    // Same customer and currency as the invoice, so the excess stays in the payer's account.
    const account = paymentAccount[p]!;
    pool[account] = pool[account]! + (amount - used);
  }
}

// ---------------------------------------------------------------------------------------------
// c. Credit notes
// ---------------------------------------------------------------------------------------------

function applyCreditNotes(context: Context, included: Uint8Array, invoiceAccount: Int32Array, lookup: NumberIndex | null): void {
  const { book, open, applied, pool } = context;
  const inv = book.invoices;
  const names = book.customers.name;
  const notes = uint8Column(inv.length);
  for (let i = 0; i < inv.length; i++) notes[i] = included[i]! & inv.isCreditNote[i]!;
  const byDate = sortByKeyThenRow(indicesWhere(notes), inv.invoiceDate, inv.row);

  for (let k = 0; k < byDate.length; k++) {
    const c = byDate[k]!;
    // The credit openingBalances parked in the note's open entry; a credit note owes nothing.
    const available = open[c]!;
    open[c] = 0;
    const account = invoiceAccount[c]!;
    const reference = inv.reference[c];
    if (!reference || available <= 0) {
      pool[account] = pool[account]! + available;
      continue;
    }
    const customer = inv.customer[c]!;
    const target = findInvoice(lookup, reference, customer, inv);
    const params: MessageParams = { credit: inv.number[c], invoice: reference, customer: names[customer] };
    let code: string | null = null;
    if (target < 0) {
      params.owner = ownersOf(lookup, reference, book);
      params.rows = params.owner ? "" : duplicateRowsOf(book, reference);
      code = params.owner ? "credit.reference.other-customer" : params.rows ? "credit.reference.duplicate" : "credit.reference.unknown";
    } else if (!included[target]) {
      code = "credit.reference.after-as-of";
    } else if (inv.currency[target] !== inv.currency[c]) {
      code = "credit.reference.currency-mismatch";
      params.creditCurrency = book.currencies[inv.currency[c]!];
      params.invoiceCurrency = book.currencies[inv.currency[target]!];
    }
    if (code !== null) {
      context.issues.push(issueAt(context, "invoices", "reference", inv.sheet, inv.row[c]!, reference, "warning", code, params));
      pool[account] = pool[account]! + available;
      continue;
    }
    const i = target;
    const used = min(available, open[i]!);
    open[i] = open[i]! - used;
    applied[i] = applied[i]! + used;
    applied[c] = -used;
    pool[account] = pool[account]! + (available - used);
  }
}

// ---------------------------------------------------------------------------------------------
// d. Oldest due first
// ---------------------------------------------------------------------------------------------

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
function orderForApplication(
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
  let dueLo = Infinity, dueHi = -Infinity, dateLo = Infinity, dateHi = -Infinity;
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

function applyOldestDueFirst(order: Int32Array, start: Int32Array, open: Float64Array, applied: Float64Array, pool: Float64Array): void {
  for (let a = 0; a < pool.length; a++) {
    let left = pool[a]!;
    for (let k = start[a]!, end = start[a + 1]!; left > 0 && k < end; k++) {
      const i = order[k]!;
      const used = min(left, open[i]!);
      if (used <= 0) continue;
      open[i] = open[i]! - used;
      applied[i] = applied[i]! + used;
      left -= used;
    }
    pool[a] = left;
  }
}

// ---------------------------------------------------------------------------------------------
// Sorting helpers
// ---------------------------------------------------------------------------------------------

/** Indices where `flags` is non-zero, ascending. */
function indicesWhere(flags: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i]) count++;
  const out = int32Column(count);
  for (let i = 0, k = 0; i < flags.length; i++) if (flags[i]) out[k++] = i;
  return out;
}

/**
 * Stable sort of `indices` by `key[index]`: a counting sort when the key range is small
 * (dates, account numbers), else a comparison sort that keeps input order on ties.
 */
function stableSortByKey(indices: Int32Array, key: Int32Array): Int32Array {
  const n = indices.length;
  if (n < 2) return indices.slice();
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = key[indices[k]!]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo + 1;
  if (range > 4 * n + 65536) {
    const position = int32Column(key.length);
    for (let k = 0; k < n; k++) position[indices[k]!] = k;
    return indices.slice().sort((a, b) => key[a]! - key[b]! || position[a]! - position[b]!);
  }
  const counts = int32Column(range + 1);
  for (let k = 0; k < n; k++) {
    const slot = key[indices[k]!]! - lo + 1;
    counts[slot] = counts[slot]! + 1;
  }
  for (let v = 0; v < range; v++) counts[v + 1] = counts[v + 1]! + counts[v]!;
  const out = int32Column(n);
  for (let k = 0; k < n; k++) {
    const index = indices[k]!;
    const slot = key[index]! - lo;
    const at = counts[slot]!;
    out[at] = index;
    counts[slot] = at + 1;
  }
  return out;
}

/** Sorts by a date key, ties by sheet row (then position), independent of source order. */
function sortByKeyThenRow(indices: Int32Array, key: Int32Array, row: Int32Array): Int32Array {
  let rowsAscending = true;
  for (let k = 1; k < indices.length && rowsAscending; k++) rowsAscending = row[indices[k]!]! >= row[indices[k - 1]!]!;
  // Source order is row order in every real table, so a stable sort by date is enough.
  if (rowsAscending) return stableSortByKey(indices, key);
  return indices.slice().sort((a, b) => key[a]! - key[b]! || row[a]! - row[b]! || a - b);
}

/**
 * Orders document numbers as people read them: digit runs by value, so INV-9 < INV-10;
 * other characters case-insensitively, then exactly. Only the sign of the result counts.
 *
 * Numbers of one series (same length, same prefix) are decided at the first code unit where
 * they differ, without walking their digit runs: a million-invoice book compares a few
 * hundred thousand such pairs when it orders ties, and each read of a character is a call.
 *
 * @example
 * compareDocumentNumbers("INV-9", "INV-10") < 0        // true
 * compareDocumentNumbers("INV-0012", "INV-0009") > 0  // true
 * compareDocumentNumbers("inv-1", "INV-1") > 0        // true ("I" < "i" once all else ties)
 */
export function compareDocumentNumbers(a: string, b: string): number {
  const length = a.length;
  if (length === b.length) {
    let k = 0;
    while (k < length && codeUnit(a, k) === codeUnit(b, k)) k++;
    if (k === length) return 0;
    const ca = codeUnit(a, k);
    const cb = codeUnit(b, k);
    if (isDigit(ca) && isDigit(cb)) {
      // Everything before k is the same, so the two digit runs through k start together; if they
      // also end together they have equal lengths, and equal-length digit runs order by value
      // exactly as they order character by character.
      let end = k + 1;
      while (end < length && isDigit(codeUnit(a, end)) && isDigit(codeUnit(b, end))) end++;
      if (end === length || (!isDigit(codeUnit(a, end)) && !isDigit(codeUnit(b, end)))) return ca < cb ? -1 : 1;
    } else if (k === 0 || !isDigit(codeUnit(a, k - 1)) || (!isDigit(ca) && !isDigit(cb))) {
      // Not inside a digit run that one side continues: the characters at k decide, unless they
      // differ only in case.
      const la = foldCase(ca);
      const lb = foldCase(cb);
      if (la !== lb) return la - lb;
    }
  }
  return compareDocumentNumbersInFull(a, b);
}

/** compareDocumentNumbers by walking both numbers run by run: the general case. */
function compareDocumentNumbersInFull(a: string, b: string): number {
  const aLength = a.length;
  const bLength = b.length;
  let i = 0;
  let j = 0;
  while (i < aLength && j < bLength) {
    const ca = codeUnit(a, i);
    const cb = codeUnit(b, j);
    if (isDigit(ca) && isDigit(cb)) {
      // Compare the digit runs by value without copying them: skip leading zeros, then the
      // longer run is larger, and equal lengths compare digit by digit.
      let si = i;
      let sj = j;
      while (si < aLength && codeUnit(a, si) === 48) si++;
      while (sj < bLength && codeUnit(b, sj) === 48) sj++;
      let ei = si;
      let ej = sj;
      while (ei < aLength && isDigit(codeUnit(a, ei))) ei++;
      while (ej < bLength && isDigit(codeUnit(b, ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let d = 0; d < ei - si; d++) {
        const x = codeUnit(a, si + d);
        const y = codeUnit(b, sj + d);
        if (x !== y) return x < y ? -1 : 1;
      }
      i = ei;
      j = ej;
      continue;
    }
    const la = foldCase(ca);
    const lb = foldCase(cb);
    if (la !== lb) return la - lb;
    i++;
    j++;
  }
  return aLength - i - (bLength - j) || compareText(a, b);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}


// ---------------------------------------------------------------------------------------------
// Issues
// ---------------------------------------------------------------------------------------------

/** A RowIssue located at the column the source table used for `field`, when known. */
function issueAt(
  context: Context,
  role: Role,
  field: Field,
  sheet: string,
  row: number,
  value: CellValue,
  severity: Severity,
  code: string,
  params: MessageParams,
): RowIssue {
  const source = context.book.sources[role];
  const match = source?.columns.find((c) => c.field === field);
  return {
    severity,
    sheet,
    row,
    column: match ? match.header : null,
    cell: match && source ? cellAddress(source.table.firstColumn + match.index, row) : null,
    value,
    code,
    message: t(context.lang, code, params),
  };
}
