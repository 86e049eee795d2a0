/**
 * Collections fixtures: a ledger and a follow-up log written as a person writes them (ISO
 * dates, amounts in major units, days past due relative to the as-of date), turned into the
 * tables an adapter hands in, and read and computed by the real engine.
 */
import { addDays, isoFromSerial, serialFromIso } from "../../../src/engine/dates";
import { readBook } from "../../../src/engine/read";
import {
  collectionsReport,
  isFollowUpTable,
  type CollectionCustomer,
  type CollectionsOptions,
  type CollectionsReport,
} from "../../../src/engine/collections";
import type { CellValue, TableData } from "../../../src/engine/types";
import { userTable } from "../builders";

export const AS_OF = serialFromIso("2026-10-31")!;

/** ISO date `days` days after the as-of date (negative: before). */
export const day = (days: number): string => isoFromSerial(addDays(AS_OF, days));

/** [number, customer, days past due at as-of, amount, currency?] */
export type InvoiceRow = [string, string, number, number, string?];
/** [reference, customer, ISO date, amount, invoice?] */
export type PaymentRow = [string, string, string, number, string?];
/** [name, credit limit or null, hold?, email?] */
export type CustomerRow = [string, number | null, boolean?, string?];
/** [ISO date, customer, invoice or null, type, amount or null, ISO until or null, status?] */
export type LogRow = [CellValue, CellValue, CellValue, CellValue, CellValue, CellValue, CellValue?];

export interface CollectionsBook {
  invoices: InvoiceRow[];
  payments?: PaymentRow[];
  customers?: CustomerRow[];
  log?: LogRow[];
  /** Log headings (default English). */
  logHeader?: string[];
}

export const LOG_HEADER = ["Date", "Customer", "Invoice", "Type", "Amount", "Until", "Status", "By", "Note"];

/** The book's tables: Invoices, Payments, Customers, AR Follow-ups (when given). */
export function tablesOf(spec: CollectionsBook): TableData[] {
  const tables = [
    userTable(
      "Invoices",
      ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency"],
      spec.invoices.map(([number, customer, days, amount, currency]) => {
        const due = addDays(AS_OF, -days);
        return [number, customer, addDays(due, -30), due, amount, currency ?? "USD"];
      }),
    ),
  ];
  if (spec.payments) {
    tables.push(
      userTable(
        "Payments",
        ["Payment No", "Customer", "Payment Date", "Amount", "Invoice No"],
        spec.payments.map(([ref, customer, date, amount, invoice]) => [ref, customer, date, amount, invoice ?? null]),
      ),
    );
  }
  if (spec.customers) {
    tables.push(
      userTable(
        "Customers",
        ["Customer", "Credit Limit", "Hold", "Email"],
        spec.customers.map(([name, limit, hold, email]) => [name, limit, hold ? "Y" : null, email ?? null]),
      ),
    );
  }
  if (spec.log)
    tables.push(
      userTable(
        "AR Follow-ups",
        spec.logHeader ?? LOG_HEADER,
        spec.log.map((r): CellValue[] => [r[0], r[1], r[2], r[3], r[4], r[5], r[6] ?? "open", "Ann", null]),
      ),
    );
  return tables;
}

/** Reads the tables like the use case does (the log kept out of the ledger) and computes collections. */
export function reportOf(spec: CollectionsBook, options: Partial<CollectionsOptions> = {}): CollectionsReport {
  const tables = tablesOf(spec);
  const ledger = tables.filter((x) => !isFollowUpTable(x));
  const log = tables.find(isFollowUpTable) ?? null;
  const lang = options.lang ?? "en-US";
  const book = readBook(ledger, { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  return collectionsReport(book, log, { asOf: AS_OF, lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD", ...options });
}

/** The worklist row of a customer (first currency), or undefined when not listed. */
export function rowOf(report: CollectionsReport, customer: string): CollectionCustomer | undefined {
  return report.worklist.customers.find((c) => c.customer === customer);
}
