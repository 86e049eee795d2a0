/**
 * The GL tie-out of an aging report: which of the aging's items could explain a difference
 * between the aging's total and the general ledger's AR control balance, signed by their effect
 * on (aging − control), and the tie-out itself for one currency.
 *
 * Basis. Controllers tie the AR control account to the sub-ledger's net balance: cash received
 * but not yet applied to an invoice is posted to the control account, so the ledger already
 * nets it. Basis "net" (the default of every caller) compares open − unapplied; basis "open"
 * compares the gross open items, for ledgers that keep unapplied cash in a separate account.
 * The sign of an unapplied credit as a candidate follows from the basis (see
 * {@link glCandidatesFromAging}).
 */
import { documentSheet } from "../columns";
import type { AgingReport } from "../aging";
import { glTieOut, type GlCandidate, type GlTieOut } from "./gl";

/** What the aging total is: gross open items, or open items less unapplied credits. */
export type GlBasis = "open" | "net";

/** Options of {@link glTieOutForAging}. */
export interface GlAgingOptions {
  /** ISO 4217 code: the tie-out covers this currency only (currencies are never added). */
  currency: string;
  /** The ledger's control balance in minor units of `currency` (a debit balance is positive). */
  controlBalanceMinor: number;
  /** Default "net". */
  basis?: GlBasis;
}

/** A GL tie-out of one aging in one currency. */
export interface GlAgingTieOut extends GlTieOut {
  currency: string;
  basis: GlBasis;
  /** Excel serial of the aging's as-of date. */
  asOf: number;
}

/**
 * The aging's total that is compared with the ledger: the currency's open total (basis "open")
 * or its net total, open − unapplied (basis "net"); 0 when the aging has nothing in it.
 *
 * @example
 * agingTotalFor(report, "USD", "net") // report.totals USD open − unapplied, in cents
 */
export function agingTotalFor(report: AgingReport, currency: string, basis: GlBasis): number {
  const total = report.totals.find((x) => x.currency === currency);
  if (!total) return 0;
  return basis === "open" ? total.open : total.net;
}

/**
 * The items of an aging that may explain a GL difference in one currency, each signed by its
 * effect on (aging − control), in the order the tie-out prefers them when amounts are equal:
 * 1. "after-as-of": documents and payments the aging left out because they are dated after the
 *    as-of date, which a ledger extracted later already holds. An invoice the ledger holds makes
 *    it larger, so its effect is −amount (a credit note's, +amount); a payment +amount.
 * 2. "unapplied-credit": each account's unapplied credit (label: the customer). Basis "open": the
 *    aging leaves it out but the ledger nets it, so +unapplied. Basis "net": the aging nets it;
 *    it explains a difference only when the ledger keeps it elsewhere, so −unapplied.
 * 3. "open-item": each open invoice, +open (an item the ledger has already cleared or lacks).
 * Items of other currencies and items of zero effect are left out. Sheet and row locate the
 * source row (for an unapplied credit, the customer's row in the customer table when it has one).
 *
 * @example
 * glCandidatesFromAging(report, "USD", "net")
 * // [{ kind: "after-as-of", label: "INV-20", amount: -70000, sheet: "Invoices", row: 61 },
 * //  { kind: "unapplied-credit", label: "Acme", amount: -12000, sheet: "Customers", row: 4 },
 * //  { kind: "open-item", label: "INV-9", amount: 50000, sheet: "Invoices", row: 10 }, …]
 */
export function glCandidatesFromAging(report: AgingReport, currency: string, basis: GlBasis = "net"): GlCandidate[] {
  return [
    ...afterAsOfCandidates(report, currency),
    ...unappliedCandidates(report, currency, basis),
    ...openItemCandidates(report, currency),
  ];
}

/**
 * Ties the aging to a control balance in one currency (see {@link glTieOut} for how the
 * difference is explained, and the module comment for the basis).
 *
 * @example
 * glTieOutForAging(report, { currency: "USD", controlBalanceMinor: 1200000, basis: "net" })
 * // { currency: "USD", basis: "net", asOf: 46326, agingOpenTotal: 1250000, difference: 50000, method: "single", … }
 */
export function glTieOutForAging(report: AgingReport, options: GlAgingOptions): GlAgingTieOut {
  const basis = options.basis ?? "net";
  const currency = options.currency.toUpperCase();
  const tie = glTieOut(agingTotalFor(report, currency, basis), options.controlBalanceMinor, glCandidatesFromAging(report, currency, basis));
  return { ...tie, currency, basis, asOf: report.asOf };
}

/** Index of each source row of a sheet's columns, by sheet row. */
/** Documents by sheet and row ("sheet\u0000row"): tables read together may repeat a row number. */
function rowIndex(columns: { sheet: string; sheets?: string[]; row: Int32Array }): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < columns.row.length; i++) index.set(`${documentSheet(columns, i)}\u0000${columns.row[i]!}`, i);
  return index;
}

function afterAsOfCandidates(report: AgingReport, currency: string): GlCandidate[] {
  const { book } = report;
  const inv = book.invoices;
  const pay = book.payments;
  const excluded = report.excluded.filter((row) => row.reason === "after-as-of");
  if (excluded.length === 0) return [];
  // Excluded rows name their source by sheet and row; the amounts live in the book's columns.
  const invoiceRows = rowIndex(inv);
  const paymentRows = pay ? rowIndex(pay) : new Map<string, number>();
  const candidates: GlCandidate[] = [];
  for (const row of excluded) {
    if (row.kind === "invoice") {
      const i = invoiceRows.get(`${row.sheet}\u0000${row.row}`);
      if (i === undefined || book.currencies[inv.currency[i]!] !== currency) continue;
      push(candidates, { kind: "after-as-of", label: row.id, amount: -inv.amount[i]!, sheet: row.sheet, row: row.row });
    } else if (row.kind === "payment" && pay) {
      const p = paymentRows.get(`${row.sheet}\u0000${row.row}`);
      if (p === undefined || book.currencies[pay.currency[p]!] !== currency) continue;
      push(candidates, { kind: "after-as-of", label: row.id, amount: pay.amount[p]!, sheet: row.sheet, row: row.row });
    }
  }
  return candidates;
}

function unappliedCandidates(report: AgingReport, currency: string, basis: GlBasis): GlCandidate[] {
  const customers = report.book.customers;
  const customerSheet = report.book.sources.customers?.table.sheet;
  const sign = basis === "open" ? 1 : -1;
  const candidates: GlCandidate[] = [];
  for (const account of report.accounts) {
    if (account.currency !== currency || account.unapplied === 0) continue;
    const row = customers.inTable[account.customerIndex] === 1 ? customers.row[account.customerIndex] : undefined;
    const location = customerSheet !== undefined && row ? { sheet: customerSheet, row } : {};
    push(candidates, { kind: "unapplied-credit", label: account.customer, amount: sign * account.unapplied, ...location });
  }
  return candidates;
}

function openItemCandidates(report: AgingReport, currency: string): GlCandidate[] {
  const { book, items, allocation } = report;
  const inv = book.invoices;
  const candidates: GlCandidate[] = [];
  for (let k = 0; k < items.length; k++) {
    const i = items.invoice[k]!;
    if (book.currencies[inv.currency[i]!] !== currency) continue;
    push(candidates, {
      kind: "open-item",
      label: inv.number[i]!,
      amount: allocation.open[i]!,
      sheet: documentSheet(inv, i),
      row: inv.row[i]!,
    });
  }
  return candidates;
}

/** Adds a candidate unless its effect is zero: it could explain nothing. */
function push(candidates: GlCandidate[], candidate: GlCandidate): void {
  if (candidate.amount === 0) return;
  candidates.push(candidate);
}
