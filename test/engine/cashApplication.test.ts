/**
 * Point 10 of "Nothing read silently wrong": refunds and earmarked deposits in cash application,
 * read from a table the way a user keeps them.
 */
import { allocateCash } from "../../src/engine/allocation";
import { readBook } from "../../src/engine/read";
import { serialFromIso } from "../../src/engine/dates";
import type { CellValue } from "../../src/engine/types";
import { bookOf, serial, userTable } from "./builders";

const asOf = serial("2026-10-31");
const d = (iso: string): number => serialFromIso(iso) ?? Number.NaN;

describe("point 10a: a payment naming an invoice dated after as-of is earmarked", () => {
  const book = bookOf({
    invoices: [
      { number: "OLD-1", customer: "Acme", invoiceDate: "2026-08-01", dueDate: "2026-09-01", amount: 300 },
      { number: "FUT-1", customer: "Acme", invoiceDate: "2026-11-15", dueDate: "2026-12-15", amount: 500 },
    ],
    payments: [{ reference: "DEP-1", customer: "Acme", date: "2026-10-20", amount: 200, invoiceNumber: "FUT-1" }],
  });

  it.each([true, false])("stays the customer's unapplied credit with auto-apply %s, leaving the older invoice open", (autoApply) => {
    const a = allocateCash(book, { asOf, autoApply, lang: "en-US" });
    expect(a.open[0]).toBe(30000);
    expect(a.included[1]).toBe(0);
    expect(a.accounts.unapplied[a.account[0]!]).toBe(20000);
    expect(a.accounts.earmarked?.[a.account[0]!]).toBe(20000);
    expect(a.issues.map((i) => i.code)).toEqual(["payment.invoice.after-as-of"]);
  });

  it("still settles the invoice once the as-of date reaches it", () => {
    const a = allocateCash(book, { asOf: serial("2026-11-30"), autoApply: true, lang: "en-US" });
    expect(a.open[1]).toBe(30000);
    expect(a.open[0]).toBe(30000);
    expect(a.accounts.unapplied[a.account[0]!]).toBe(0);
  });
});

describe("point 10b: a refund (negative payment) reduces unapplied credit and never reopens an invoice", () => {
  const read = (payments: CellValue[][]) =>
    readBook(
      [
        userTable("Invoices", ["Invoice No", "Customer", "Due Date", "Amount"], [["INV-1", "Acme", d("2026-10-01"), 100]]),
        userTable("Payments", ["Receipt No", "Customer", "Payment Date", "Amount", "Invoice"], payments),
      ],
      { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" },
    );

  it("reads a negative payment as a refund, not an error", () => {
    const book = read([
      ["R-1", "Acme", d("2026-10-05"), 150, "INV-1"],
      ["RF-1", "Acme", d("2026-10-10"), -30, null],
    ]);
    expect(book.issues).toEqual([]);
    expect([...(book.payments?.amount ?? [])]).toEqual([15000, -3000]);
    const a = allocateCash(book, { asOf, autoApply: true, lang: "en-US" });
    expect(a.open[0]).toBe(0);
    // 150 paid on a 100 invoice leaves 50 of credit; the refund of 30 takes it to 20.
    expect(a.accounts.unapplied[0]).toBe(2000);
  });

  it.each([true, false])("never reopens a settled invoice, even when the refund exceeds the credit (auto-apply %s)", (autoApply) => {
    const book = read([
      ["R-1", "Acme", d("2026-10-05"), 100, "INV-1"],
      ["RF-1", "Acme", d("2026-10-10"), -40, "INV-1"],
    ]);
    const a = allocateCash(book, { asOf, autoApply, lang: "en-US" });
    expect(a.open[0]).toBe(0);
    expect(a.accounts.unapplied[0]).toBe(-4000);
    // The identity still ties: open − unapplied = documents − cash.
    expect(a.open[0]! - a.accounts.unapplied[0]!).toBe(10000 - (10000 - 4000));
  });
});
