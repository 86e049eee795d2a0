/**
 * Two small tables for reconciliation tests on the simulated host: our invoices and a customer's
 * statement of them, with one difference of several kinds (sheet rows in the comments).
 */
import { serialFromIso } from "../../src/engine/dates";
import { userTable } from "../engine/builders";

const D = serialFromIso("2026-10-01") as number;

/** Our invoices (sheet rows 2–7) and a statement of them (rows 2–7) with differences of several kinds. */
export const INVOICES = userTable(
  "Invoices",
  ["Invoice No", "Customer", "Invoice Date", "Amount"],
  [
    ["INV-1", "Acme", D, 100], // 2 matched
    ["INV-2", "Acme", D, 200], // 3 amount differs
    ["INV-3", "Acme", D, 300], // 4 amount differs
    ["INV-4", "Beta", D, 400], // 5 matched
    ["INV-5", "Beta", D, 500], // 6 missing in B
    ["INV-6", "Beta", D, 600], // 7 split in B
  ],
);
export const STATEMENT = userTable(
  "Statement",
  ["Reference", "Customer", "Date", "Amount"],
  [
    ["INV-1", "Acme", D, 100], // 2
    ["INV-2", "Acme", D, 210], // 3
    ["INV-3", "Acme", D, 290], // 4
    ["INV-4", "Beta", D, 400], // 5
    ["INV-6", "Beta", D, 100], // 6
    ["INV-6", "Beta", D, 500], // 7
    ["INV-9", "Gamma", D, 50], // 8 missing in A
  ],
);
