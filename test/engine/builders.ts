/**
 * Test builders: write a book the way a person reads a ledger (ISO dates, amounts in major
 * units) and get the columnar Book the engine works on.
 *
 * @example
 * const book = bookOf({
 *   invoices: [{ number: "INV-1", customer: "Acme", invoiceDate: "2026-09-01", dueDate: "2026-10-01", amount: 500 }],
 *   payments: [{ reference: "PAY-1", customer: "Acme", date: "2026-10-05", amount: 200, invoiceNumber: "INV-1" }],
 * });
 */
import type {
  Book,
  CellValue,
  CustomerColumns,
  InvoiceColumns,
  PaymentColumns,
  ReadOptions,
  RowIssue,
  TableData,
} from "../../src/engine/types";
import { NO_DATE } from "../../src/engine/types";
import { currencyDecimals } from "../../src/engine/currency";
import { normalizeKey } from "../../src/engine/read/normalize";
import { toMinor as minor } from "../../src/engine/money";
import { serialFromIso } from "../../src/engine/dates";

export interface InvoiceSpec {
  number: string;
  customer: string;
  /** ISO date. */
  invoiceDate: string;
  /** ISO date; defaults to the invoice date. */
  dueDate?: string;
  /** Major units; a credit note may be written positive or negative, it is stored negative. */
  amount: number;
  currency?: string;
  creditNote?: boolean;
  /** Invoice a credit note applies to. */
  reference?: string | null;
  salesRep?: string | null;
  /** Major units, from an open/balance column. */
  openAmount?: number;
  status?: string | null;
  /** Sheet row; defaults to the position in the list + 2 (row 1 is the header). */
  row?: number;
}

export interface PaymentSpec {
  reference: string;
  customer: string;
  /** ISO date. */
  date: string;
  /** Major units. */
  amount: number;
  invoiceNumber?: string | null;
  currency?: string;
  row?: number;
}

export interface CustomerSpec {
  name: string;
  /** Major units of the customer's currency. */
  creditLimit?: number;
  currency?: string;
  salesRep?: string | null;
  group?: string | null;
  hold?: boolean;
  terms?: string | null;
}

export interface BookSpec {
  invoices: InvoiceSpec[];
  /** Omitted → the book has no payments table (book.payments === null). */
  payments?: PaymentSpec[] | null;
  customers?: CustomerSpec[];
  /** Currency of rows that name none; default "USD". */
  defaultCurrency?: string;
  issues?: RowIssue[];
}

/** Sheet names the builder writes, so tests can assert on issue locations. */
export const SHEETS = { invoices: "Invoices", payments: "Payments", customers: "Customers" } as const;

/**
 * Builds a valid columnar Book from readable specs: amounts become minor units of their
 * currency, ISO dates become Excel serials, customers are collected from every table.
 *
 * @example
 * bookOf({ invoices: [{ number: "A", customer: "X", invoiceDate: "2026-01-01", amount: 10 }] }).invoices.amount[0] // 1000
 */
export function bookOf(spec: BookSpec): Book {
  const defaultCurrency = spec.defaultCurrency ?? "USD";
  const currencies: string[] = [];
  const currencyIndex = (code: string | undefined): number => {
    const upper = (code ?? defaultCurrency).toUpperCase();
    let i = currencies.indexOf(upper);
    if (i < 0) i = currencies.push(upper) - 1;
    return i;
  };
  const salesReps: string[] = [];
  const repIndex = (rep: string | null | undefined): number => {
    if (rep === null || rep === undefined || rep === "") return -1;
    let i = salesReps.indexOf(rep);
    if (i < 0) i = salesReps.push(rep) - 1;
    return i;
  };

  const customerSpecs = spec.customers ?? [];
  const names: string[] = [];
  const index = new Map<string, number>();
  const customerOf = (name: string): number => {
    const key = normalizeKey(name);
    let i = index.get(key);
    if (i === undefined) {
      i = names.push(name) - 1;
      index.set(key, i);
    }
    return i;
  };
  customerSpecs.forEach((c) => customerOf(c.name));
  spec.invoices.forEach((d) => customerOf(d.customer));
  (spec.payments ?? []).forEach((p) => customerOf(p.customer));

  const customers = customerColumns(names, index);
  customerSpecs.forEach((c, position) => {
    const i = customerOf(c.name);
    const currency = c.currency === undefined ? -1 : currencyIndex(c.currency);
    customers.currency[i] = currency;
    customers.creditLimit[i] = c.creditLimit === undefined ? NaN : minor(c.creditLimit, currencyDecimals(c.currency ?? defaultCurrency));
    customers.salesRep[i] = repIndex(c.salesRep);
    customers.group[i] = c.group ?? null;
    customers.terms[i] = c.terms ?? null;
    customers.hold[i] = c.hold ? 1 : 0;
    customers.inTable[i] = 1;
    customers.row[i] = position + 2;
  });

  const invoices = invoiceColumns(spec.invoices.length);
  spec.invoices.forEach((d, i) => {
    const customer = customerOf(d.customer);
    const currency = currencyIndex(d.currency);
    const decimals = currencyDecimals(currencies[currency]!);
    const creditNote = d.creditNote === true || d.amount < 0;
    const amount = minor(creditNote ? -Math.abs(d.amount) : d.amount, decimals);
    invoices.row[i] = d.row ?? i + 2;
    invoices.number[i] = d.number;
    invoices.customer[i] = customer;
    invoices.currency[i] = currency;
    invoices.invoiceDate[i] = serial(d.invoiceDate);
    invoices.dueDate[i] = serial(d.dueDate ?? d.invoiceDate);
    invoices.amount[i] = amount;
    invoices.openAmount[i] = d.openAmount === undefined ? NaN : minor(d.openAmount, decimals);
    invoices.isCreditNote[i] = creditNote ? 1 : 0;
    invoices.reference[i] = d.reference ?? null;
    const ownRep = repIndex(d.salesRep);
    invoices.salesRep[i] = ownRep >= 0 ? ownRep : (customers.salesRep[customer] ?? -1);
    invoices.status[i] = d.status ?? null;
  });

  let payments: PaymentColumns | null = null;
  if (spec.payments) {
    const columns = paymentColumns(spec.payments.length);
    spec.payments.forEach((p, i) => {
      const currency = currencyIndex(p.currency);
      columns.row[i] = p.row ?? i + 2;
      columns.reference[i] = p.reference;
      columns.customer[i] = customerOf(p.customer);
      columns.currency[i] = currency;
      columns.date[i] = serial(p.date);
      columns.amount[i] = minor(p.amount, currencyDecimals(currencies[currency]!));
      columns.invoiceNumber[i] = p.invoiceNumber ?? null;
    });
    payments = columns;
  }
  if (currencies.length === 0) currencyIndex(defaultCurrency);

  return {
    invoices,
    payments,
    customers,
    currencies,
    salesReps,
    sources: {},
    excluded: [],
    issues: spec.issues ?? [],
  };
}

/**
 * Reorders a book's invoice and payment rows (each keeps its sheet row number), for tests
 * that results do not depend on row order.
 *
 * @example
 * permuteBook(book, [2, 0, 1], [1, 0])
 */
export function permuteBook(book: Book, invoiceOrder: readonly number[], paymentOrder: readonly number[] = []): Book {
  const inv = book.invoices;
  const pick = <T>(values: ArrayLike<T>, order: readonly number[]): T[] => order.map((i) => values[i]!);
  const invoices: InvoiceColumns = {
    length: inv.length,
    sheet: inv.sheet,
    row: Int32Array.from(pick(inv.row, invoiceOrder)),
    number: pick(inv.number, invoiceOrder),
    customer: Int32Array.from(pick(inv.customer, invoiceOrder)),
    currency: Int32Array.from(pick(inv.currency, invoiceOrder)),
    invoiceDate: Int32Array.from(pick(inv.invoiceDate, invoiceOrder)),
    dueDate: Int32Array.from(pick(inv.dueDate, invoiceOrder)),
    amount: Float64Array.from(pick(inv.amount, invoiceOrder)),
    openAmount: Float64Array.from(pick(inv.openAmount, invoiceOrder)),
    isCreditNote: Uint8Array.from(pick(inv.isCreditNote, invoiceOrder)),
    reference: pick(inv.reference, invoiceOrder),
    salesRep: Int32Array.from(pick(inv.salesRep, invoiceOrder)),
    status: pick(inv.status, invoiceOrder),
    po: pick(inv.po, invoiceOrder),
    description: pick(inv.description, invoiceOrder),
  };
  const pay = book.payments;
  const payments: PaymentColumns | null = pay && {
    length: pay.length,
    sheet: pay.sheet,
    row: Int32Array.from(pick(pay.row, paymentOrder)),
    reference: pick(pay.reference, paymentOrder),
    customer: Int32Array.from(pick(pay.customer, paymentOrder)),
    currency: Int32Array.from(pick(pay.currency, paymentOrder)),
    date: Int32Array.from(pick(pay.date, paymentOrder)),
    amount: Float64Array.from(pick(pay.amount, paymentOrder)),
    invoiceNumber: pick(pay.invoiceNumber, paymentOrder),
  };
  return { ...book, invoices, payments };
}

function customerColumns(names: string[], index: Map<string, number>): CustomerColumns {
  const n = names.length;
  return {
    length: n,
    name: names,
    index,
    creditLimit: new Float64Array(n).fill(NaN),
    currency: new Int32Array(n).fill(-1),
    terms: new Array<string | null>(n).fill(null),
    salesRep: new Int32Array(n).fill(-1),
    group: new Array<string | null>(n).fill(null),
    hold: new Uint8Array(n),
    inTable: new Uint8Array(n),
    row: new Int32Array(n),
  };
}

function invoiceColumns(n: number): InvoiceColumns {
  return {
    length: n,
    sheet: SHEETS.invoices,
    row: new Int32Array(n),
    number: new Array<string>(n).fill(""),
    customer: new Int32Array(n),
    currency: new Int32Array(n),
    invoiceDate: new Int32Array(n).fill(NO_DATE),
    dueDate: new Int32Array(n).fill(NO_DATE),
    amount: new Float64Array(n),
    openAmount: new Float64Array(n).fill(NaN),
    isCreditNote: new Uint8Array(n),
    reference: new Array<string | null>(n).fill(null),
    salesRep: new Int32Array(n).fill(-1),
    status: new Array<string | null>(n).fill(null),
    po: new Array<string | null>(n).fill(null),
    description: new Array<string | null>(n).fill(null),
  };
}

function paymentColumns(n: number): PaymentColumns {
  return {
    length: n,
    sheet: SHEETS.payments,
    row: new Int32Array(n),
    reference: new Array<string>(n).fill(""),
    customer: new Int32Array(n),
    currency: new Int32Array(n),
    date: new Int32Array(n).fill(NO_DATE),
    amount: new Float64Array(n),
    invoiceNumber: new Array<string | null>(n).fill(null),
  };
}

/**
 * Excel serial of an ISO date; throws on a malformed date so a typo in a test cannot pass.
 *
 * @example
 * serial("2026-10-31") // 46326
 */
export function serial(iso: string): number {
  const value = serialFromIso(iso);
  if (value === null) throw new Error(`Not an ISO date: ${iso}`);
  return value;
}

/** An invoice as a property test draws it: amount in cents (yen for JPY), numbers as small integers. */
export interface InvoiceDraw {
  n: number;
  customer: string;
  currency: string;
  invoiceDate: string;
  cents: number;
  creditNote: boolean;
  /** The invoice number n a credit note applies to, or none. */
  reference: number | null;
}

/**
 * Invoice specs from random draws: INV-n (CN-n for a credit note, stored negative), a number its
 * customer already has skipped, rows from 2; `more` gives the fields a test draws beyond these
 * (the due date, a rep, an open amount), from the draw and its amount in major units.
 *
 * @example
 * invoiceSpecsOfDraws(draws, (d) => ({ dueDate: d.invoiceDate })) // every invoice due on its date
 */
export function invoiceSpecsOfDraws<D extends InvoiceDraw>(
  draws: readonly D[],
  more: (draw: D, major: number) => Omit<InvoiceSpec, "number" | "customer" | "invoiceDate" | "amount">,
): InvoiceSpec[] {
  const seen = new Set<string>();
  const specs: InvoiceSpec[] = [];
  for (const d of draws) {
    const number = `${d.creditNote ? "CN" : "INV"}-${d.n}`;
    if (seen.has(`${d.customer}|${number}`)) continue;
    seen.add(`${d.customer}|${number}`);
    const major = d.currency === "JPY" ? d.cents : d.cents / 100;
    specs.push({
      number,
      customer: d.customer,
      currency: d.currency,
      invoiceDate: d.invoiceDate,
      amount: d.creditNote ? -major : major,
      creditNote: d.creditNote,
      reference: d.creditNote && d.reference !== null ? `INV-${d.reference}` : null,
      ...more(d, major),
      row: specs.length + 2,
    });
  }
  return specs;
}

/** A payment as a property test draws it: amount in cents (yen for JPY), the invoice number n it names or none. */
export interface PaymentDraw {
  customer: string;
  currency: string;
  date: string;
  cents: number;
  invoice: number | null;
}

/**
 * Payment specs from random draws: P-0, P-1 … naming INV-n when drawn, amounts in major units, rows from 2.
 *
 * @example
 * paymentSpecsOfDraws([{ customer: "Acme", currency: "JPY", date: "2026-10-01", cents: 500, invoice: 3 }])[0]!.amount // 500
 */
export function paymentSpecsOfDraws(draws: readonly PaymentDraw[]): PaymentSpec[] {
  return draws.map((p, k) => ({
    reference: `P-${k}`,
    customer: p.customer,
    currency: p.currency,
    date: p.date,
    amount: p.currency === "JPY" ? p.cents : p.cents / 100,
    invoiceNumber: p.invoice === null ? null : `INV-${p.invoice}`,
    row: k + 2,
  }));
}

/**
 * A user's table as an adapter hands it in: sheet `name` (the table's name too), `header` on
 * row 1 from column A, `rows` from row 2.
 *
 * @example
 * userTable("Invoices", ["Invoice No", "Amount"], [["INV-1", 100]]).firstRow // 2
 */
export function userTable(name: string, header: CellValue[], rows: CellValue[][]): TableData {
  return { sheet: name, name, header, rows, firstRow: 2, firstColumn: 0 };
}

/**
 * Read options of the tests: en-US, no date order given, the 1900 date system, USD for rows
 * naming no currency; `over` changes any of them.
 *
 * @example
 * readOptions({ dateOrder: "DMY" }).defaultCurrency // "USD"
 */
export function readOptions(over: Partial<ReadOptions> = {}): ReadOptions {
  return { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD", ...over };
}
