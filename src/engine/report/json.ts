/**
 * The aging report as JSON (the CLI's --json): amounts as decimal numbers in major units of
 * their currency, dates as ISO text, bucket labels in en-US whatever the report's language.
 */
import type { AgingBasis, CellValue, ExcludedRow, RowIssue, Severity } from "../types";
import { NO_DATE } from "../types";
import type { AgingReport } from "../aging";
import { currencyDecimals } from "../currency";
import { fromMinor } from "../money";
import { isoFromSerial } from "../dates";

export interface AgingJsonBucket {
  label: string;
  minDays: number | null;
  maxDays: number | null;
}

export interface AgingJsonCustomer {
  customer: string;
  currency: string;
  salesRep: string | null;
  creditLimit: number | null;
  buckets: number[];
  open: number;
  unapplied: number;
  net: number;
}

export interface AgingJsonItem {
  invoice: string;
  customer: string;
  currency: string;
  invoiceDate: string | null;
  dueDate: string | null;
  amount: number;
  applied: number;
  open: number;
  /** Negative for documents not yet due. */
  daysOverdue: number;
  bucket: string;
}

export interface AgingJsonTotals {
  currency: string;
  buckets: number[];
  open: number;
  unapplied: number;
  net: number;
}

export interface AgingJsonExcluded {
  kind: ExcludedRow["kind"];
  id: string;
  reason: ExcludedRow["reason"];
}

export interface AgingJsonIssue {
  severity: Severity;
  sheet: string;
  row: number | null;
  column: string | null;
  value: CellValue;
  code: string;
  message: string;
}

/**
 * An issue as the aging and collections JSON write it: where, what and why, in this key order;
 * no cell address or internal fields.
 *
 * @example
 * agingJsonIssue(issue) // { severity: "error", sheet: "Invoices", row: 7, column: "Amount", value: "abc", code: "amount.invalid", message: "…" }
 */
export function agingJsonIssue(i: RowIssue): AgingJsonIssue {
  return { severity: i.severity, sheet: i.sheet, row: i.row, column: i.column, value: i.value, code: i.code, message: i.message };
}

/** The documented --json shape, exactly. */
export interface AgingJson {
  asOf: string;
  basis: AgingBasis;
  buckets: AgingJsonBucket[];
  customers: AgingJsonCustomer[];
  items: AgingJsonItem[];
  totals: AgingJsonTotals[];
  excluded: AgingJsonExcluded[];
  issues: AgingJsonIssue[];
}

/**
 * Converts a report to the --json shape. `items` holds every invoice with a non-zero open amount,
 * in report order (currency, customer, oldest due first).
 *
 * @example
 * JSON.stringify(toAgingJson(ageBook(book, options)), null, 2)
 * // { "asOf": "2026-10-31", "basis": "due", "buckets": [{ "label": "Current", "minDays": null, "maxDays": 0 }, …], … }
 */
export function toAgingJson(report: AgingReport): AgingJson {
  const { book, allocation, items } = report;
  const inv = book.invoices;
  const decimals = book.currencies.map(currencyDecimals);
  const major = (minor: number, currencyIndex: number): number => fromMinor(minor, decimals[currencyIndex] ?? 2);
  const majorIn = (minor: number, currency: string): number => fromMinor(minor, currencyDecimals(currency));
  const iso = (serial: number): string | null => (serial === NO_DATE ? null : isoFromSerial(serial));

  const itemList: AgingJsonItem[] = new Array<AgingJsonItem>(items.length);
  for (let k = 0; k < items.length; k++) {
    const i = items.invoice[k]!;
    const currency = inv.currency[i]!;
    itemList[k] = {
      invoice: inv.number[i]!,
      customer: book.customers.name[inv.customer[i]!] ?? "",
      currency: book.currencies[currency] ?? "",
      invoiceDate: iso(inv.invoiceDate[i]!),
      dueDate: iso(inv.dueDate[i]!),
      amount: major(inv.amount[i]!, currency),
      applied: major(allocation.applied[i]!, currency),
      open: major(allocation.open[i]!, currency),
      daysOverdue: items.daysOverdue[k]!,
      bucket: report.buckets[items.bucket[k]!]?.key ?? "",
    };
  }

  return {
    asOf: isoFromSerial(report.asOf),
    basis: report.basis,
    buckets: report.buckets.map((b) => ({ label: b.key, minDays: b.minDays, maxDays: b.maxDays })),
    customers: report.accounts.map((a) => ({
      customer: a.customer,
      currency: a.currency,
      salesRep: a.salesRep,
      creditLimit: a.creditLimit === null ? null : major(a.creditLimit, a.currencyIndex),
      buckets: a.buckets.map((v) => major(v, a.currencyIndex)),
      open: major(a.open, a.currencyIndex),
      unapplied: major(a.unapplied, a.currencyIndex),
      net: major(a.net, a.currencyIndex),
    })),
    items: itemList,
    totals: report.totals.map((t) => ({
      currency: t.currency,
      buckets: t.buckets.map((v) => majorIn(v, t.currency)),
      open: majorIn(t.open, t.currency),
      unapplied: majorIn(t.unapplied, t.currency),
      net: majorIn(t.net, t.currency),
    })),
    excluded: report.excluded.map((e) => ({ kind: e.kind, id: e.id, reason: e.reason })),
    issues: report.issues.map(agingJsonIssue),
  };
}
