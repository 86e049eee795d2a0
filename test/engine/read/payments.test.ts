import { readBook } from "../../../src/engine/read";
import { numberHash } from "../../../src/engine/numberIndex";
import { serialFromIso } from "../../../src/engine/dates";
import type { PaymentColumns, TableData } from "../../../src/engine/types";
import { readOptions, userTable } from "../builders";

const PAID = serialFromIso("2026-10-05") ?? Number.NaN;
const INVOICES = userTable(
  "Invoices",
  ["Invoice No", "Customer", "Due Date", "Amount"],
  [
    ["INV-1", "Acme", PAID, 100],
    ["INV-2", "Beta", PAID, 50],
  ],
);
const PAY_HEADER = ["Receipt No", "Customer", "Payment Date", "Amount", "Invoice"];

/** What a reader's hashes say of each payment: the hash, or 0 where it names no invoice. */
function expectedHashes(payments: PaymentColumns): number[] {
  return payments.invoiceNumber.map((text) => (text === null ? 0 : numberHash(text)));
}

describe("payments: the named invoice numbers' hashes, taken while reading (for cash application)", () => {
  it("hashes each payment's invoice number as the number index matches it, 0 where it names none", () => {
    const payments = userTable("Payments", PAY_HEADER, [
      ["R-1", "Acme", PAID, 60, " inv-1 "],
      ["R-2", "Acme", PAID, 10, null],
      ["R-3", "Beta", PAID, 50, "ＩＮＶ-2"],
    ]);
    const pay = readBook([INVOICES, payments], readOptions()).payments!;
    expect(pay.invoiceNumber).toEqual(["inv-1", null, "ＩＮＶ-2"]);
    expect(pay.invoiceNumberHash?.numbers).toBe(pay.invoiceNumber);
    expect([...pay.invoiceNumberHash!.hashes]).toEqual(expectedHashes(pay));
    expect(pay.invoiceNumberHash!.hashes[0]).toBe(numberHash("INV-1"));
  });

  it("keeps each hash beside its payment when rows are left out", () => {
    const payments = userTable("Payments", PAY_HEADER, [
      ["R-1", "Acme", "not a date", 60, "INV-1"],
      [null, null, null, null, null],
      ["R-2", "Beta", PAID, 50, "INV-2"],
    ]);
    const pay = readBook([INVOICES, payments], readOptions()).payments!;
    expect(pay.reference).toEqual(["R-2"]);
    expect([...pay.invoiceNumberHash!.hashes]).toEqual([numberHash("INV-2")]);
  });

  it("keeps each hash beside its payment when a table of several currencies loses the rows that state none", () => {
    const payments = userTable("Payments", PAY_HEADER, [
      ["R-1", "Acme", PAID, "EUR 60", "INV-1"],
      ["R-2", "Beta", PAID, 50, "INV-2"],
      ["R-3", "Beta", PAID, "EUR 5", null],
      ["R-4", "Beta", PAID, "EUR 7", "INV-2"],
    ]);
    const book = readBook([INVOICES, payments], readOptions());
    const pay = book.payments!;
    expect(book.issues.some((i) => i.code === "currency.unstated" && i.row === 3)).toBe(true);
    expect(pay.reference).toEqual(["R-1", "R-3", "R-4"]);
    expect([...pay.invoiceNumberHash!.hashes]).toEqual([numberHash("INV-1"), 0, numberHash("INV-2")]);
  });

  it("joins the hashes of payment tables read together, in the joined ledger's order", () => {
    const tables: TableData[] = [
      INVOICES,
      userTable("Payments Jan", PAY_HEADER, [["R-1", "Acme", PAID, 60, "INV-1"]]),
      userTable("Payments Feb", PAY_HEADER, [
        ["R-2", "Beta", PAID, 50, "INV-2"],
        ["R-3", "Beta", PAID, 5, null],
      ]),
    ];
    const book = readBook(tables, readOptions());
    const pay = book.payments!;
    expect(book.joined?.payments?.map((d) => d.table.name)).toEqual(["Payments Jan", "Payments Feb"]);
    expect(pay.invoiceNumberHash?.numbers).toBe(pay.invoiceNumber);
    expect([...pay.invoiceNumberHash!.hashes]).toEqual(expectedHashes(pay));
  });

  it("has no hashes when the table has no invoice column", () => {
    const payments = userTable("Payments", PAY_HEADER.slice(0, 4), [["R-1", "Acme", PAID, 60]]);
    expect(readBook([INVOICES, payments], readOptions()).payments!.invoiceNumberHash).toBeUndefined();
  });
});
