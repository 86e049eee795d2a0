/**
 * The steps of cash application that move money: opening balances, payments that name an
 * invoice (b), credit notes (c), and whatever is left applied oldest due first (d).
 *
 * Typed-array reads use `!`: every index comes from a loop bound or an index built from the same
 * book, which `noUncheckedIndexedAccess` cannot see.
 */
import type { Book, InvoiceColumns, PaymentColumns } from "../types";
import { firstWithHashes, firstWithNumber, nextWithNumber, numberHashes, type NumberIndex } from "../numberIndex";
import { currencyDecimals } from "../currency";
import { formatMoney } from "../money";
import { documentSheet, int32Column, uint8Column } from "../columns";
import type { MessageParams } from "../../i18n";
import { issueAt, type Context } from "./context";
import { indicesWhere, sortByKeyThenRow, compareText } from "./sort";

const { abs, max, min } = Math;

// ---------------------------------------------------------------------------------------------
// Opening balances
// ---------------------------------------------------------------------------------------------

export function hasOpenAmounts(inv: InvoiceColumns): boolean {
  for (let i = 0; i < inv.length; i++) if (!Number.isNaN(inv.openAmount[i]!)) return true;
  return false;
}

/**
 * Invoices start fully open and credit notes bring their whole amount as credit — unless the
 * book has no payments and carries open amounts (an ERP export), which then are the truth.
 * The credit of a credit note is kept in its open entry until applyCreditNotes uses it.
 */
export function openingBalances(context: Context, included: Uint8Array, fromOpenAmounts: boolean): void {
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
    issueAt(
      context,
      "invoices",
      "openAmount",
      documentSheet(inv, i),
      inv.row[i]!,
      stated / 10 ** currencyDecimals(code),
      "warning",
      "open.out-of-range",
      {
        invoice: inv.number[i],
        open: money(stated),
        amount: money(inv.amount[i]!),
        taken: money(inv.isCreditNote[i] ? -taken : taken),
      },
    ),
  );
  return taken;
}

// ---------------------------------------------------------------------------------------------
// Invoice-number lookup (built once, only when something names an invoice)
// ---------------------------------------------------------------------------------------------

export function needsLookup(book: Book, included: Uint8Array, paymentIncluded: Uint8Array | null): boolean {
  const inv = book.invoices;
  for (let i = 0; i < inv.length; i++) if (included[i] && inv.isCreditNote[i] && inv.reference[i]) return true;
  const pay = book.payments;
  if (pay && paymentIncluded) for (let p = 0; p < pay.length; p++) if (paymentIncluded[p] && pay.invoiceNumber[p]) return true;
  return false;
}

/** Marks a document whose reference was not looked up in {@link References}. */
export const NOT_LOOKED_UP = -2;

/**
 * The invoice each payment (or credit note) names, as {@link findInvoice} found it (-1: none),
 * by payment (or document) index; NOT_LOOKED_UP where it was not looked up. The answer depends
 * only on the book (number and customer, never the date), so an allocation of the same book at
 * an earlier date can take `known` from a later one's `found` instead of hashing again.
 */
export interface References {
  found: Int32Array;
  known: Int32Array | null;
}

/** The invoice (not credit note) of `customer` whose number matches `number`, or -1. Dates are not looked at. */
function findInvoice(lookup: NumberIndex | null, number: string, customer: number, inv: InvoiceColumns): number {
  if (!lookup) return -1;
  return invoiceOfCustomer(lookup, firstWithNumber(lookup, inv.number, number), customer, inv);
}

/**
 * findInvoice from the first document carrying the number (`i`, -1 for none): that document
 * when it is an invoice of `customer`, else the next such one along the number's chain.
 */
function invoiceOfCustomer(lookup: NumberIndex, i: number, customer: number, inv: InvoiceColumns): number {
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

// ---------------------------------------------------------------------------------------------
// b. Payments that name an invoice
// ---------------------------------------------------------------------------------------------

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

export function applyPayments(
  context: Context,
  pay: PaymentColumns,
  paymentIncluded: Uint8Array,
  paymentAccount: Int32Array,
  included: Uint8Array,
  paymentApplied: Float64Array,
  lookup: NumberIndex | null,
  references: References,
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
  // The first document carrying each payment's number, found for all of them at once (see
  // firstWithHashes), from the hashes the reader took when they are this ledger's numbers' (see
  // PaymentColumns.invoiceNumberHash), else from hashes taken here.
  const { known } = references;
  const wanted = (p: number): boolean =>
    paymentIncluded[p] === 1 && paymentAmount[p]! > 0 && (known === null || known[p] === NOT_LOOKED_UP);
  const taken = pay.invoiceNumberHash;
  const firstDocument =
    lookup === null
      ? null
      : firstWithHashes(
          lookup,
          inv.number,
          paymentInvoice,
          taken !== undefined && taken.numbers === paymentInvoice ? taken.hashes : numberHashes(paymentInvoice, wanted),
          wanted,
        );
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
    const found = known === null ? NOT_LOOKED_UP : known[p]!;
    const i = found !== NOT_LOOKED_UP ? found : firstDocument === null ? -1 : invoiceOfCustomer(lookup!, firstDocument[p]!, customer, inv);
    references.found[p] = i;
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
      context.issues.push(
        issueAt(context, "payments", "invoiceNumber", documentSheet(pay, p), pay.row[p]!, number, "warning", code, {
          ...params,
          owner,
          rows: duplicateRows,
        }),
      );
      pool[account] = pool[account]! + amount;
    } else if (!included[i]) {
      context.issues.push(
        issueAt(
          context,
          "payments",
          "invoiceNumber",
          documentSheet(pay, p),
          pay.row[p]!,
          number,
          "warning",
          "payment.invoice.after-as-of",
          params,
        ),
      );
      context.earmarked[account] = context.earmarked[account]! + amount;
    } else {
      const currencies = book.currencies;
      context.issues.push(
        issueAt(
          context,
          "payments",
          "currency",
          documentSheet(pay, p),
          pay.row[p]!,
          currencies[pay.currency[p]!] ?? null,
          "error",
          "payment.currency-mismatch",
          {
            ...params,
            paymentCurrency: currencies[pay.currency[p]!],
            invoiceCurrency: currencies[inv.currency[i]!],
          },
        ),
      );
      context.excluded.push({
        kind: "payment",
        id: pay.reference[p]!,
        reason: "currency-mismatch",
        sheet: documentSheet(pay, p),
        row: pay.row[p]!,
      });
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

export function applyCreditNotes(
  context: Context,
  included: Uint8Array,
  invoiceAccount: Int32Array,
  lookup: NumberIndex | null,
  references: References,
): void {
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
    const known = references.known === null ? NOT_LOOKED_UP : references.known[c]!;
    const target = known === NOT_LOOKED_UP ? findInvoice(lookup, reference, customer, inv) : known;
    references.found[c] = target;
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
      context.issues.push(
        issueAt(context, "invoices", "reference", documentSheet(inv, c), inv.row[c]!, reference, "warning", code, params),
      );
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

export function applyOldestDueFirst(
  order: Int32Array,
  start: Int32Array,
  open: Float64Array,
  applied: Float64Array,
  pool: Float64Array,
): void {
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
