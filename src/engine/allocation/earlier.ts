/**
 * The overdue position of a ledger at an earlier date (the previous month-end) from the
 * allocation at a later date, without applying cash again invoice by invoice.
 *
 * Cash application is {@link allocateCash}'s; only two sums per account are wanted here (what was
 * open ≥ 1 day past due, and the part more than `days` past due), and those do not depend on the
 * order in which the steps settle an invoice:
 * - payments naming an invoice (b) leave it max(0, open − claims) when they over-claim it (the
 *   excess joins the account's credit) and open − claims otherwise, whatever their date order;
 * - credit notes naming an invoice (c) use min(credit, open) of it in total, whatever their order;
 * - auto-apply (d) settles each account's open invoices oldest due first, so the account's credit
 *   takes the items more than `days` past due first, then the other overdue ones, then the rest:
 *   the sums after it are max(0, sum − credit).
 * The later allocation lends what depends only on the book: each document's account (the
 * accounts at the earlier date are a subset of the later one's, in the same report order) and
 * the invoice each payment and credit note names. A property test compares the sums with a full
 * aging at the earlier date on random books.
 *
 * Typed-array reads use `!`: every index comes from a loop bound or an index built from the same
 * book, which `noUncheckedIndexedAccess` cannot see.
 */
import type { Book } from "../types";
import { NO_DATE } from "../types";
import { float64Column } from "../columns";
import { NOT_LOOKED_UP, hasOpenAmounts } from "./apply";
import { referencesOf, type Allocation } from "./index";

/** Per account of the later allocation (its numbering): overdue and the part more than `days` past due at `date`, minor units. */
export interface EarlierOverdue {
  overdue: Float64Array;
  beyond: Float64Array;
}

/**
 * Overdue sums per account at `date` from `later`, an allocation of the same book (cash
 * auto-applied) at `date` or after; null when the shortcut does not apply (the caller then
 * applies cash at `date` in full): a book whose open amounts are stated rather than paid, an
 * invoice without any date, or an allocation without the references it found.
 *
 * @example
 * const sums = overdueAtEarlierDate(book, lastMonthEnd(asOf), 60, aging.allocation);
 * sums?.overdue[0] // minor units the first account had ≥ 1 day past due at the month-end
 */
export function overdueAtEarlierDate(book: Book, date: number, days: number, later: Allocation): EarlierOverdue | null {
  const inv = book.invoices;
  const pay = book.payments;
  const references = referencesOf(later);
  if (!later.autoApply || later.asOf < date || later.included.length !== inv.length || references?.notes.length !== inv.length) return null;
  if (pay && references.payments.length !== pay.length) return null;
  if (pay === null ? hasOpenAmounts(inv) : !later.payments || later.payments.account.length !== pay.length) return null;
  const accountCount = later.accounts.length;
  const { invoiceDate, dueDate, amount: amounts, isCreditNote, currency: invoiceCurrency } = inv;
  const accountOf = later.account;

  // Step b: what payments dated by then claim of each invoice, and the account credit from the rest.
  const pool = float64Column(accountCount);
  const claims = float64Column(inv.length);
  if (pay && later.payments) {
    const { date: payDate, amount: payAmount } = pay;
    const paymentAccount = later.payments.account;
    const found = references.payments;
    for (let p = 0, n = pay.length; p < n; p++) {
      if (payDate[p]! > date) continue;
      const a = paymentAccount[p]!;
      // -1: left out at the later date for a currency mismatch with the invoice it names; by
      // then that invoice is either there (the same mismatch) or not yet (cash earmarked for
      // it): either way the payment settles nothing and is no credit to apply.
      if (a < 0) continue;
      const amount = payAmount[p]!;
      // The later allocation looked up exactly the payments (dated by then) that name an
      // invoice and bring cash: the rest (no invoice named, refunds) is the account's credit.
      const i = found[p]!;
      if (i === NOT_LOOKED_UP) {
        pool[a] = pool[a]! + amount;
        continue;
      }
      if (i < 0) pool[a] = pool[a]! + amount;
      // A payment the later allocation kept (a ≥ 0) names an invoice in its own currency (it left
      // mismatches out); an invoice dated after this date is one the cash is earmarked for.
      else if (invoiceDate[i]! <= date) claims[i] = claims[i]! + amount;
    }
  }

  // Step c: the credit notes' credit, on the invoice each names or to the account.
  const noteCredit = float64Column(inv.length);
  for (let c = 0, n = inv.length; c < n; c++) {
    if (!isCreditNote[c] || invoiceDate[c]! > date) continue;
    const a = accountOf[c]!;
    const available = -amounts[c]!;
    // Looked up by the later allocation exactly when the note names an invoice and brings credit.
    const target = references.notes[c]!;
    if (target === NOT_LOOKED_UP) {
      pool[a] = pool[a]! + available;
      continue;
    }
    if (target >= 0 && invoiceDate[target]! <= date && invoiceCurrency[target] === invoiceCurrency[c])
      noteCredit[target] = noteCredit[target]! + available;
    else pool[a] = pool[a]! + available;
  }

  // Each invoice's open amount after b and c, summed by how far past due it was; the positive
  // part is what auto-apply can still settle.
  const overdueOpen = float64Column(accountCount);
  const beyondOpen = float64Column(accountCount);
  const overdueRest = float64Column(accountCount);
  const beyondRest = float64Column(accountCount);
  const lastOverdueDue = date - 1;
  const lastBeyondDue = date - days - 1;
  for (let i = 0, n = inv.length; i < n; i++) {
    if (isCreditNote[i] || invoiceDate[i]! > date) continue;
    // An invoice without any date is due at the date itself (not overdue) but settled first.
    if (invoiceDate[i] === NO_DATE && dueDate[i] === NO_DATE) return null;
    const a = accountOf[i]!;
    let open = amounts[i]!;
    const claimed = claims[i]!;
    if (claimed > 0) {
      if (open - claimed < 0) {
        pool[a] = pool[a]! + (claimed - open);
        open = 0;
      } else open -= claimed;
    }
    const credit = noteCredit[i]!;
    if (credit > 0) {
      const used = Math.min(credit, open);
      open -= used;
      pool[a] = pool[a]! + (credit - used);
    }
    if (open === 0) continue;
    const due = dueDate[i] === NO_DATE ? invoiceDate[i]! : dueDate[i]!;
    if (due > lastOverdueDue) continue;
    if (open > 0) {
      overdueOpen[a] = overdueOpen[a]! + open;
      if (due <= lastBeyondDue) beyondOpen[a] = beyondOpen[a]! + open;
    } else {
      overdueRest[a] = overdueRest[a]! + open;
      if (due <= lastBeyondDue) beyondRest[a] = beyondRest[a]! + open;
    }
  }

  // Step d: the account's credit settles the oldest due first.
  for (let a = 0; a < accountCount; a++) {
    const credit = pool[a]!;
    let overdue = overdueOpen[a]!;
    let beyond = beyondOpen[a]!;
    if (credit > 0) {
      overdue = Math.max(0, overdue - credit);
      beyond = Math.max(0, beyond - credit);
    }
    overdueOpen[a] = overdue + overdueRest[a]!;
    beyondOpen[a] = beyond + beyondRest[a]!;
  }
  return { overdue: overdueOpen, beyond: beyondOpen };
}
