/**
 * Statements of account: per customer and currency, the opening balance, every document and
 * payment of the period with a running balance, and the closing balance, which is checked
 * against the aging's net balance at the statement date before anything is returned.
 *
 * The statement walks the same book the aging reads, with the same inclusion rules (the
 * allocation's: documents and payments dated on or before `to`; payments in a mismatched currency
 * left out of every balance), so opening + debits − credits is the aging's net at `to` by
 * construction. The check is still made on every statement: a statement that does not tie is a
 * bug in AR Desk, never a figure to send to a customer.
 */
import { sourceAt } from "../sources";
import type { Book, RowIssue } from "../types";
import { NO_DATE } from "../types";
import { ageBook, type AgingReport } from "../aging";
import { cellText, normalizeHeader, normalizeKey } from "../read/normalize";
import { documentSheet, float64Column, int32Column } from "../columns";
import { formatMoney } from "../money";
import { isoFromSerial } from "../dates";
import { t } from "../../i18n";
import type { Statement, StatementLine, StatementOpenItem, StatementOptions, StatementSet } from "./types";
import { bookIssue } from "../issues";

/** A statement whose closing balance differs from the aging's net: a defect, never a report. */
export class StatementTieError extends Error {
  constructor(
    readonly customer: string,
    readonly currency: string,
    readonly closing: number,
    readonly agingNet: number,
  ) {
    super(`Statement of ${customer} in ${currency} does not tie: closing ${closing} ≠ aging net ${agingNet} (minor units)`);
    this.name = "StatementTieError";
  }
}

/**
 * Builds the statements of [options.from, options.to] for every selected customer and currency:
 * each account (customer × currency) with a non-zero opening or closing balance or at least one
 * line in the period. Throws a RangeError when from > to or the boundaries are invalid (callers
 * validate user input), and a {@link StatementTieError} when a closing balance does not equal
 * the aging's net at `to`.
 *
 * @example
 * const set = buildStatements(book, { from: serialFromIso("2026-10-01")!, to: serialFromIso("2026-10-31")!,
 *   basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
 * set.statements[0].closing === set.statements[0].opening + set.statements[0].debits - set.statements[0].credits // true
 */
export function buildStatements(book: Book, options: StatementOptions): StatementSet {
  const { from, to, lang } = options;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from <= to))
    throw new RangeError(`Statement period: from ${from} is after to ${to}`);
  const aging = sameAging(book, options)
    ? options.aging!
    : ageBook(book, { asOf: to, basis: options.basis, boundaries: options.boundaries, autoApply: options.autoApply, lang });
  const issues: RowIssue[] = [...aging.issues];
  const base = { from, to, lang, buckets: aging.buckets, aging };

  // A book without payments that carries open amounts (an ERP export) ages from those amounts:
  // the cash behind them is not in the book, so no statement of movements could tie.
  if (book.payments === null && hasOpenAmounts(book)) {
    issues.push(tableIssue(book, lang, "statements.openAmounts"));
    return { ...base, statements: [], issues };
  }

  const selected = selectCustomers(book, options, issues);
  const { allocation } = aging;
  const accounts = allocation.accounts;
  const inv = book.invoices;
  const pay = book.payments;

  // Opening balances, and the lines of the period (document i as i, payment p as −1 − p).
  const opening = float64Column(accounts.length);
  const lineIds: number[] = [];
  const lineAccount: number[] = [];
  for (let i = 0, n = inv.length; i < n; i++) {
    const a = allocation.account[i]!;
    if (a < 0 || !selected(accounts.customer[a]!)) continue;
    if (inv.invoiceDate[i]! < from) opening[a] = opening[a]! + inv.amount[i]!;
    else {
      lineIds.push(i);
      lineAccount.push(a);
    }
  }
  if (pay && allocation.payments) {
    const paymentAccount = allocation.payments.account;
    for (let p = 0, n = pay.length; p < n; p++) {
      const a = paymentAccount[p]!;
      if (a < 0 || !selected(accounts.customer[a]!)) continue;
      if (pay.date[p]! < from) opening[a] = opening[a]! - pay.amount[p]!;
      else {
        lineIds.push(-1 - p);
        lineAccount.push(a);
      }
    }
  }

  // Statement order: account, date, documents before cash, number, sheet row.
  const order = int32Column(lineIds.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  const dateOf = (id: number): number => (id >= 0 ? inv.invoiceDate[id]! : pay!.date[-1 - id]!);
  const refOf = (id: number): string => (id >= 0 ? inv.number[id]! : pay!.reference[-1 - id]!);
  const rowOf = (id: number): number => (id >= 0 ? inv.row[id]! : pay!.row[-1 - id]!);
  order.sort((x, y) => {
    const a = lineIds[x]!;
    const b = lineIds[y]!;
    return (
      lineAccount[x]! - lineAccount[y]! ||
      dateOf(a) - dateOf(b) ||
      (a >= 0 ? 0 : 1) - (b >= 0 ? 0 : 1) ||
      compareText(refOf(a), refOf(b)) ||
      rowOf(a) - rowOf(b)
    );
  });

  // The aging's view of each account at `to`.
  const agingIndex = new Map<number, number>();
  aging.accounts.forEach((account, k) => agingIndex.set(account.customerIndex * book.currencies.length + account.currencyIndex, k));
  const describe = descriptiveTexts(book);
  const isRefund = refundDocuments(book);

  const statements: Statement[] = [];
  let k = 0;
  for (let a = 0; a < accounts.length; a++) {
    const lines: StatementLine[] = [];
    let balance = opening[a]!;
    let debits = 0;
    let credits = 0;
    for (; k < order.length && lineAccount[order[k]!]! === a; k++) {
      const line = lineOf(book, lineIds[order[k]!]!, describe, isRefund);
      debits += line.debit;
      credits += line.credit;
      balance += line.debit - line.credit;
      line.balance = balance;
      lines.push(line);
    }
    const customerIndex = accounts.customer[a]!;
    if (!selected(customerIndex)) continue;
    const currencyIndex = accounts.currency[a]!;
    const agingAt = agingIndex.get(customerIndex * book.currencies.length + currencyIndex);
    const aged = agingAt === undefined ? null : aging.accounts[agingAt]!;
    const agingNet = aged ? aged.net : 0;
    const customer = book.customers.name[customerIndex] ?? "";
    const currency = book.currencies[currencyIndex] ?? "";
    if (balance !== agingNet) throw new StatementTieError(customer, currency, balance, agingNet);
    if (opening[a] === 0 && balance === 0 && lines.length === 0) continue;
    statements.push({
      customerIndex,
      customer,
      currencyIndex,
      currency,
      salesRep: aged?.salesRep ?? repOfCustomer(book, customerIndex),
      opening: opening[a]!,
      lines,
      debits,
      credits,
      closing: balance,
      buckets: aged ? [...aged.buckets] : new Array<number>(aging.buckets.length).fill(0),
      open: aged?.open ?? 0,
      unapplied: aged?.unapplied ?? 0,
      oldestDaysOverdue: aged?.oldestDaysOverdue ?? null,
      openItems: options.openItems && agingAt !== undefined ? openItemsOf(aging, agingAt) : [],
      collectionStage: options.collectionStage?.(customerIndex, currency) ?? null,
    });
  }
  statements.sort((x, y) => compareText(normalizeKey(x.customer), normalizeKey(y.customer)) || compareText(x.currency, y.currency));
  return { ...base, statements, issues };
}

/**
 * The customers a request selects: all, the named ones, and/or one sales rep's. A name or rep
 * that matches nothing becomes a warning, so a typo never yields a silently empty run.
 */
function selectCustomers(book: Book, options: StatementOptions, issues: RowIssue[]): (customer: number) => boolean {
  const customers = book.customers;
  let allowed: Uint8Array | null = null;
  const names = (options.customers ?? []).filter((name) => name.trim() !== "");
  if (names.length > 0) {
    allowed = new Uint8Array(customers.length);
    for (const name of names) {
      const index = customers.index.get(normalizeKey(name.trim()));
      if (index === undefined) issues.push(requestIssue(options.lang, "statements.customer.unknown", name));
      else allowed[index] = 1;
    }
  }
  const rep = options.salesRep?.trim();
  if (rep) {
    const key = normalizeKey(rep);
    const reps = new Set<number>();
    book.salesReps.forEach((name, r) => {
      if (normalizeKey(name) === key) reps.add(r);
    });
    const ofRep = new Uint8Array(customers.length);
    // A customer belongs to its own rep; one without a rep in the customer table to the reps of its documents.
    for (let c = 0; c < customers.length; c++) if (reps.has(customers.salesRep[c]!)) ofRep[c] = 1;
    const inv = book.invoices;
    for (let i = 0; i < inv.length; i++) {
      const c = inv.customer[i]!;
      if (customers.salesRep[c]! < 0 && reps.has(inv.salesRep[i]!)) ofRep[c] = 1;
    }
    if (reps.size === 0) issues.push(requestIssue(options.lang, "statements.rep.unknown", rep));
    if (allowed) for (let c = 0; c < customers.length; c++) allowed[c] = allowed[c]! & ofRep[c]!;
    else allowed = ofRep;
  }
  const only = allowed;
  return only ? (customer) => only[customer] === 1 : () => true;
}

/** True when the caller's aging is this book's at `to` with the same options (it is then reused). */
function sameAging(book: Book, options: StatementOptions): boolean {
  const a = options.aging;
  return (
    a !== undefined &&
    a.book === book &&
    a.asOf === options.to &&
    a.basis === options.basis &&
    a.autoApply === options.autoApply &&
    a.lang === options.lang &&
    a.boundaries.length === options.boundaries.length &&
    a.boundaries.every((b, k) => b === options.boundaries[k])
  );
}

function repOfCustomer(book: Book, customer: number): string | null {
  const rep = book.customers.salesRep[customer]!;
  return rep >= 0 ? (book.salesReps[rep] ?? null) : null;
}

interface DescriptiveTexts {
  po: (i: number) => string | null;
  description: (i: number) => string | null;
}

/** PO and description of documents, read from the book only if a line needs them. */
function descriptiveTexts(book: Book): DescriptiveTexts {
  let po: (string | null)[] | null = null;
  let description: (string | null)[] | null = null;
  return {
    po: (i) => (po ??= book.invoices.po)[i] ?? null,
    description: (i) => (description ??= book.invoices.description)[i] ?? null,
  };
}

/** The line of document `id` (≥ 0) or payment −1 − id, balance still to be filled. */
function lineOf(book: Book, id: number, describe: DescriptiveTexts, isRefund: (i: number) => boolean): StatementLine {
  if (id >= 0) {
    const inv = book.invoices;
    const amount = inv.amount[id]!;
    const due = inv.dueDate[id]!;
    return {
      type: inv.isCreditNote[id] ? "credit" : isRefund(id) ? "refund" : "invoice",
      date: inv.invoiceDate[id]!,
      ref: inv.number[id]!,
      due: due === NO_DATE ? null : due,
      po: describe.po(id),
      description: describe.description(id),
      debit: amount > 0 ? amount : 0,
      credit: amount < 0 ? -amount : 0,
      balance: 0,
      sheet: documentSheet(inv, id),
      row: inv.row[id]!,
    };
  }
  const pay = book.payments!;
  const p = -1 - id;
  const amount = pay.amount[p]!;
  return {
    type: amount < 0 ? "refund" : "payment",
    date: pay.date[p]!,
    ref: pay.reference[p]!,
    due: null,
    po: null,
    description: null,
    debit: amount < 0 ? -amount : 0,
    credit: amount > 0 ? amount : 0,
    balance: 0,
    sheet: documentSheet(pay, p),
    row: pay.row[p]!,
  };
}

/** Document types that mean a refund (a debit document in the invoice table). */
const REFUND_TYPES = new Set(["Refund", "Customer Refund", "退款", "退款单"].map(normalizeHeader));

/**
 * Whether document i is a refund by its type cell. The book keeps no type column (no figure
 * depends on it), so the cell is read from the source table, by sheet row, only when asked.
 */
function refundDocuments(book: Book): (i: number) => boolean {
  const source = book.sources.invoices;
  if (!source) return () => false;
  return (i) => {
    // The document's own table: tables read together may order their columns differently.
    const row = book.invoices.row[i]!;
    const part = sourceAt(book, "invoices", documentSheet(book.invoices, i), row) ?? source;
    const column = part.columns.find((c) => c.field === "documentType")?.index;
    if (column === undefined) return false;
    const text = cellText(part.table.rows[row - part.table.firstRow]?.[column]);
    return text !== null && REFUND_TYPES.has(normalizeHeader(text));
  };
}

function openItemsOf(aging: AgingReport, accountIndex: number): StatementOpenItem[] {
  const account = aging.accounts[accountIndex]!;
  const inv = aging.book.invoices;
  const items: StatementOpenItem[] = [];
  for (let k = account.itemStart; k < account.itemEnd; k++) {
    const i = aging.items.invoice[k]!;
    const due = inv.dueDate[i]!;
    items.push({
      ref: inv.number[i]!,
      date: inv.invoiceDate[i]!,
      due: due === NO_DATE ? null : due,
      amount: inv.amount[i]!,
      open: aging.allocation.open[i]!,
      daysOverdue: aging.items.daysOverdue[k]!,
      bucket: aging.items.bucket[k]!,
    });
  }
  return items;
}

function hasOpenAmounts(book: Book): boolean {
  const open = book.invoices.openAmount;
  for (let i = 0; i < open.length; i++) if (!Number.isNaN(open[i]!)) return true;
  return false;
}

function tableIssue(book: Book, lang: StatementOptions["lang"], code: string): RowIssue {
  return {
    severity: "error",
    sheet: book.invoices.sheet,
    row: null,
    column: null,
    cell: null,
    value: null,
    code,
    message: t(lang, code, { sheet: book.invoices.sheet }),
  };
}

function requestIssue(lang: StatementOptions["lang"], code: string, value: string): RowIssue {
  return bookIssue(lang, "warning", code, { value }, value);
}

/** Code-unit order: the same on every machine, unlike locale collation. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A one-line description of a statement for messages and logs.
 *
 * @example
 * statementLabel(statement, "en-US") // "Acme Corp · USD · closing 1,250.00 USD"
 */
export function statementLabel(statement: Statement, lang: StatementOptions["lang"]): string {
  return t(lang, "statements.label", {
    customer: statement.customer,
    currency: statement.currency,
    closing: formatMoney(statement.closing, statement.currency, lang),
  });
}

/**
 * The statement period as text, "2026-10-01 – 2026-10-31".
 *
 * @example
 * periodText(46296, 46326) // "2026-10-01 – 2026-10-31"
 */
export function periodText(from: number, to: number): string {
  return `${isoFromSerial(from)} – ${isoFromSerial(to)}`;
}
