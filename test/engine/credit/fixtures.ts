/** Small books for the credit check's tests, built as the user's tables. */
import { ageBook, type AgingReport } from "../../../src/engine/aging";
import { checkCredit, type CreditOptions, type CreditReport } from "../../../src/engine/credit/check";
import { DEFAULT_CREDIT_POLICY } from "../../../src/engine/credit/status";
import { readBook, readCreditTables, type CreditTables } from "../../../src/engine/read";
import type { CellValue, TableData } from "../../../src/engine/types";

/** 2026-10-31 */
export const AS_OF = 46326;

/** [name, limit, currency?, credit group (the "Parent" column)?, hold?, segment (a plain "Group" column)?] */
export type CustomerRow = [name: string, limit: CellValue, currency?: CellValue, group?: CellValue, hold?: CellValue, segment?: CellValue];
/** [number, customer, days past due at as-of, amount, currency?] */
export type InvoiceRow = [string, string, number, number, string?];
/** [reference, customer, amount, currency?] — dated ten days before as-of, unreferenced */
export type PaymentRow = [string, string, number, string?];
export type OrderRow = [string, string, number, string?, string?];

export function table(name: string, header: CellValue[], rows: CellValue[][]): TableData {
  return { sheet: name, name, header, rows, firstRow: 2, firstColumn: 0 };
}

export interface CreditBook {
  customers?: CustomerRow[];
  invoices: InvoiceRow[];
  payments?: PaymentRow[];
  orders?: OrderRow[];
  rates?: [string, string, number][];
}

export function tablesOf(spec: CreditBook): TableData[] {
  const tables = [
    table(
      "Invoices",
      ["Invoice No", "Customer", "Due Date", "Amount", "Currency"],
      spec.invoices.map(([n, c, days, amount, cur]) => [n, c, AS_OF - days, amount, cur ?? "USD"]),
    ),
  ];
  if (spec.customers) {
    tables.push(
      table(
        "Customers",
        ["Customer", "Credit Limit", "Currency", "Parent", "Hold", "Group"],
        spec.customers.map(([n, l, cur, g, h, segment]) => [n, l, cur ?? "USD", g ?? null, h ?? null, segment ?? null]),
      ),
    );
  }
  if (spec.payments) {
    tables.push(
      table(
        "Payments",
        ["Payment No", "Customer", "Payment Date", "Amount", "Currency"],
        spec.payments.map(([r, c, a, cur]) => [r, c, AS_OF - 10, a, cur ?? "USD"]),
      ),
    );
  }
  if (spec.orders)
    tables.push(
      table(
        "Orders",
        ["Order No", "Customer", "Amount", "Currency", "Status"],
        spec.orders.map(([n, c, a, cur, s]) => [n, c, a, cur ?? "USD", s ?? "Open"]),
      ),
    );
  if (spec.rates) tables.push(table("Rates", ["From", "To", "Rate"], spec.rates));
  return tables;
}

/**
 * A customer table whose rows the credit highlights colour: Acme OK, Beta and Gamma blocked
 * (held; two adjacent rows, one rule), Delta over its limit, Omega near it.
 */
export const FLAGGED_CUSTOMERS: CreditBook = {
  customers: [
    ["Acme", 1000],
    ["Beta", 1000, "USD", null, "Y"],
    ["Gamma", 1000, "USD", null, "Y"],
    ["Delta", 100],
    ["Omega", 1000],
  ],
  invoices: [
    ["I1", "Acme", 0, 10],
    ["I2", "Beta", 0, 10],
    ["I3", "Delta", 0, 500],
    ["I4", "Omega", 0, 900],
  ],
};

/** Where {@link tablesOf} writes the customer table's name, limit, currency, parent and hold columns. */
export const CUSTOMER_AREA = { sheet: "Customers", firstColumn: 0, columnCount: 5 };

/**
 * Reads and ages a small book (en-US, USD by default, due basis, as of {@link AS_OF}): what the
 * credit check takes, the aging and the order and rate tables.
 *
 * @example
 * const { aging, side } = agedCreditBook(spec); checkCredit(aging, { ...options, orders: side.orders, rates: side.rates })
 */
export function agedCreditBook(spec: CreditBook): { aging: AgingReport; side: CreditTables } {
  const tables = tablesOf(spec);
  const book = readBook(tables, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  const side = readCreditTables(tables, { lang: "en-US", defaultCurrency: "USD" });
  const aging = ageBook(book, { asOf: AS_OF, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
  return { aging, side };
}

/** Reads, ages and checks a small book. */
export function creditOf(spec: CreditBook, options: Partial<CreditOptions> = {}): CreditReport {
  const { aging, side } = agedCreditBook(spec);
  return checkCredit(aging, {
    policy: DEFAULT_CREDIT_POLICY,
    netUnapplied: true,
    defaultCurrency: "USD",
    orders: side.orders,
    rates: side.rates,
    lang: "en-US",
    ...options,
  });
}

export function rowOf(report: CreditReport, customer: string) {
  const row = report.customers.find((c) => c.customer === customer);
  if (!row) throw new Error(`no row for ${customer}`);
  return row;
}
