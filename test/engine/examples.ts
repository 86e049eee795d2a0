import type { RowIssue } from "../../src/engine/types";
import type { BookSpec } from "./builders";

/** The issue's example: Acme owes 1000 not yet due, 300 that is 30 days late, 250 that is 77 days late. */
export const acmeSpec: BookSpec = {
  customers: [{ name: "Acme", creditLimit: 5000, salesRep: "Li" }],
  invoices: [
    { number: "INV-1", customer: "Acme", invoiceDate: "2026-10-16", dueDate: "2026-11-15", amount: 1000 },
    { number: "INV-2", customer: "Acme", invoiceDate: "2026-09-01", dueDate: "2026-10-01", amount: 500 },
    { number: "INV-3", customer: "Acme", invoiceDate: "2026-07-16", dueDate: "2026-08-15", amount: 250 },
  ],
  payments: [
    { reference: "PAY-1", customer: "Acme", date: "2026-10-10", amount: 200, invoiceNumber: "INV-2" },
    { reference: "PAY-9", customer: "Acme", date: "2026-11-03", amount: 900, invoiceNumber: "INV-3" },
  ],
};

/** An amount the reader could not read (Invoices!E12 holds "abc"), as it reports it in zh-CN. */
export const amountIssue: RowIssue = {
  severity: "error",
  sheet: "Invoices",
  row: 12,
  column: "Amount",
  cell: "E12",
  value: "abc",
  code: "amount.invalid",
  message: "金额无法识别：abc",
};
