import fc from "fast-check";
import { readBook } from "../../../src/engine/read";
import { customerOfName } from "../../../src/engine/read/customers";
import { firstWithNumber, nextWithNumber } from "../../../src/engine/numberIndex";
import { serialFromIso } from "../../../src/engine/dates";
import { NO_DATE, type Book, type CellValue, type ReadOptions, type RowIssue, type TableData } from "../../../src/engine/types";
import { readOptions } from "../builders";

const serial = (iso: string): number => serialFromIso(iso) ?? Number.NaN;

/** A table as an adapter hands it in: header on sheet row 1, data from row 2, from column B. */
function table(sheet: string, header: CellValue[], rows: CellValue[][]): TableData {
  return { sheet, name: sheet, header, rows, firstRow: 2, firstColumn: 1 };
}

const INVOICE_HEADER = ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency", "Terms", "Type", "Open Amount"];
/** An invoice row with sensible defaults; override by column name. */
function invoiceRow(over: Partial<Record<(typeof INVOICE_HEADER)[number], CellValue>> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    "Invoice No": "INV-1",
    Customer: "Acme",
    "Invoice Date": serial("2026-09-01"),
    "Due Date": serial("2026-10-01"),
    Amount: 100,
    Currency: null,
    Terms: null,
    Type: null,
    "Open Amount": null,
    ...over,
  };
  return INVOICE_HEADER.map((h) => base[h] ?? null);
}
const invoices = (...rows: CellValue[][]): TableData => table("Invoices", INVOICE_HEADER, rows);

const PAYMENT_HEADER = ["Receipt No", "Customer", "Payment Date", "Amount", "Invoice"];
const payments = (...rows: CellValue[][]): TableData => table("Payments", PAYMENT_HEADER, rows);
const payment = (amount: CellValue, date: CellValue = serial("2026-10-05")): CellValue[] => ["R-1", "Acme", date, amount, "INV-1"];

const CUSTOMER_HEADER = ["Customer", "Credit Limit", "Currency", "Terms", "Sales Rep", "Group", "Hold"];
const customers = (...rows: CellValue[][]): TableData => table("Customers", CUSTOMER_HEADER, rows);

const issueCodes = (book: Book): string[] => book.issues.map((i) => i.code);

describe("readBook: a well-formed book", () => {
  const book = readBook(
    [
      invoices(invoiceRow(), invoiceRow({ "Invoice No": "INV-2", Customer: " ACME ", Amount: "1,234.50", Currency: "eur" })),
      payments(payment(60)),
      customers(["Acme", 5000, "USD", "Net 30", "Li", "Acme Group", "N"]),
    ],
    readOptions(),
  );

  it("reads every row with no issue", () => {
    expect(book.issues).toEqual([]);
    expect(book.excluded).toEqual([]);
    expect(book.invoices.length).toBe(2);
    expect(book.payments?.length).toBe(1);
  });

  it("stores invoices as typed columns in minor units and serials", () => {
    const inv = book.invoices;
    expect(inv.sheet).toBe("Invoices");
    expect([...inv.row]).toEqual([2, 3]);
    expect(inv.number).toEqual(["INV-1", "INV-2"]);
    expect([...inv.amount]).toEqual([10000, 123450]);
    expect(inv.currency[1] === undefined ? null : book.currencies[inv.currency[1]]).toBe("EUR");
    expect(book.currencies[inv.currency[0] ?? -1]).toBe("USD");
    expect([...inv.invoiceDate]).toEqual([serial("2026-09-01"), serial("2026-09-01")]);
    expect([...inv.dueDate]).toEqual([serial("2026-10-01"), serial("2026-10-01")]);
    expect(Number.isNaN(inv.openAmount[0])).toBe(true);
    expect([...inv.isCreditNote]).toEqual([0, 0]);
    expect(inv.amount).toBeInstanceOf(Float64Array);
    expect(inv.dueDate).toBeInstanceOf(Int32Array);
  });

  it("keeps one customer index across tables, named as the customer table spells it", () => {
    expect(book.customers.length).toBe(1);
    expect([...book.invoices.customer]).toEqual([0, 0]);
    expect([...(book.payments?.customer ?? [])]).toEqual([0]);
    expect(book.customers.name).toEqual(["Acme"]);
    expect(book.customers.index.get("acme")).toBe(0);
    expect([...book.customers.creditLimit]).toEqual([500000]);
    expect(book.customers.terms).toEqual(["Net 30"]);
    // A plain "Group" heading is a segment, not a credit group sharing a limit.
    expect(book.customers.group).toEqual([null]);
    expect(book.customers.segment).toEqual(["Acme Group"]);
    expect([...book.customers.inTable]).toEqual([1]);
    expect([...book.customers.row]).toEqual([2]);
  });

  it("gives invoices the customer's sales rep when they name none", () => {
    expect(book.salesReps).toEqual(["Li"]);
    expect([...book.invoices.salesRep]).toEqual([0, 0]);
  });

  it("reads payments", () => {
    const pay = book.payments;
    expect(pay?.reference).toEqual(["R-1"]);
    expect([...(pay?.amount ?? [])]).toEqual([6000]);
    expect([...(pay?.date ?? [])]).toEqual([serial("2026-10-05")]);
    expect(pay?.invoiceNumber).toEqual(["INV-1"]);
  });

  it("records which table served each role", () => {
    expect(book.sources.invoices?.table.name).toBe("Invoices");
    expect(book.sources.payments?.table.name).toBe("Payments");
    expect(book.sources.customers?.table.name).toBe("Customers");
  });
});

describe("readBook: every problem is a located issue", () => {
  type Case = [
    code: string,
    severity: RowIssue["severity"],
    table: () => TableData[],
    column: string,
    cell: string,
    value: CellValue,
    excluded: boolean,
  ];
  const bad =
    (over: Parameters<typeof invoiceRow>[0]): (() => TableData[]) =>
    () => [invoices(invoiceRow({ "Invoice No": "INV-0" }), invoiceRow(over))];
  it.each<Case>([
    ["invoiceNumber.missing", "error", bad({ "Invoice No": "  " }), "Invoice No", "B3", "  ", true],
    ["customer.missing", "error", bad({ Customer: null }), "Customer", "C3", null, true],
    ["amount.invalid", "error", bad({ Amount: "abc" }), "Amount", "F3", "abc", true],
    ["amount.empty", "error", bad({ Amount: "" }), "Amount", "F3", "", true],
    ["amount.currencyConflict", "error", bad({ Amount: "€100", Currency: "USD" }), "Amount", "F3", "€100", true],
    ["currency.unknown", "error", bad({ Currency: "dollars" }), "Currency", "G3", "dollars", true],
    ["date.invalid", "error", bad({ "Due Date": "soon" }), "Due Date", "E3", "soon", true],
    ["date.ambiguous", "error", bad({ "Due Date": "03/04/2026" }), "Due Date", "E3", "03/04/2026", true],
    ["dueDate.missing", "error", bad({ "Due Date": null }), "Due Date", "E3", null, true],
    ["terms.invalid", "error", bad({ "Due Date": null, Terms: "whenever" }), "Terms", "H3", "whenever", true],
    ["date.invalid", "warning", bad({ "Invoice Date": "someday" }), "Invoice Date", "D3", "someday", false],
    ["dueDate.beforeInvoiceDate", "warning", bad({ "Due Date": serial("2026-08-01") }), "Due Date", "E3", serial("2026-08-01"), false],
    ["documentType.unknown", "warning", bad({ Type: "banana" }), "Type", "I3", "banana", false],
    ["openAmount.inconsistent", "warning", bad({ "Open Amount": 150 }), "Open Amount", "J3", 150, false],
    ["amount.invalid", "warning", bad({ "Open Amount": "n/a" }), "Open Amount", "J3", "n/a", false],
    ["date.empty", "error", () => [invoices(), payments(payment(5), payment(5, null))], "Payment Date", "D3", null, true],
    [
      "hold.invalid",
      "warning",
      () => [invoices(), customers(["A"], ["Acme", null, null, null, null, null, "maybe"])],
      "Hold",
      "H3",
      "maybe",
      false,
    ],
    ["terms.invalid", "warning", () => [invoices(), customers(["A"], ["Acme", null, null, "soonish"])], "Terms", "E3", "soonish", false],
    ["currency.unknown", "warning", () => [invoices(), customers(["A"], ["Acme", null, "dollars"])], "Currency", "D3", "dollars", false],
    ["customer.duplicate", "warning", () => [invoices(), customers(["Acme"], [" ACME "])], "Customer", "B3", " ACME ", false],
  ])("%s (%s) at %s %s", (code, severity, tables, column, cell, value, excluded) => {
    const book = readBook(tables(), readOptions());
    const sheet = tables()[tables().length - 1]?.sheet;
    expect(book.issues).toEqual([{ severity, sheet, row: 3, column, cell, value, code, message: expect.any(String) as string }]);
    expect(book.issues[0]?.message).not.toMatch(/\{\w+\}/);
    const excludedRows = book.excluded.map((e) => [e.sheet, e.row, e.reason]);
    expect(excludedRows).toEqual(excluded ? [[sheet, 3, "invalid"]] : []);
  });

  it("names the date order option in the ambiguous-date message", () => {
    const book = readBook([invoices(invoiceRow({ "Due Date": "03/04/2026" }))], readOptions());
    expect(book.issues[0]?.message).toContain("--date-order");
  });

  it("writes messages in Chinese for zh-CN", () => {
    const book = readBook([invoices(invoiceRow({ Amount: "abc" }))], readOptions({ lang: "zh-CN" }));
    expect(book.issues[0]?.message).toBe("金额无法识别：abc");
  });

  it("keeps reading the rest of the table after a bad row", () => {
    const book = readBook([invoices(invoiceRow({ Amount: "abc" }), invoiceRow({ "Invoice No": "INV-2" }))], readOptions());
    expect(book.invoices.number).toEqual(["INV-2"]);
    expect(book.excluded).toEqual([{ kind: "invoice", id: "INV-1", reason: "invalid", sheet: "Invoices", row: 2 }]);
  });
});

describe("readBook: rows that are not documents", () => {
  it.each<[string, CellValue[]]>([
    ["a blank row", [null, "", "  ", null, null, null, null, null, null]],
    ["a Total row", invoiceRow({ "Invoice No": "Total", Customer: null, Amount: 500 })],
    ["a Grand Total row in the customer column", invoiceRow({ "Invoice No": null, Customer: "Grand Total", Amount: 500 })],
    ["a 合计 row", invoiceRow({ "Invoice No": "合计", Customer: null, Amount: 500 })],
    ["a 小计 row", invoiceRow({ "Invoice No": null, Customer: "小计", Amount: 500 })],
    ["a total label in another column", [null, null, "Total for Acme", null, 500, null, null, null, null]],
    ["a section heading", [null, null, "Acme Corp", null, null, null, null, null, null]],
  ])("skips %s silently", (_case, row) => {
    const book = readBook([invoices(invoiceRow(), row, invoiceRow({ "Invoice No": "INV-2" }))], readOptions());
    expect(book.issues).toEqual([]);
    expect(book.excluded).toEqual([]);
    expect(book.invoices.number).toEqual(["INV-1", "INV-2"]);
  });

  it("reads a customer whose name starts with Total", () => {
    const book = readBook([invoices(invoiceRow({ Customer: "Total Wine & More" }))], readOptions());
    expect(book.customers.name).toEqual(["Total Wine & More"]);
  });
});

describe("readBook: duplicate invoice numbers", () => {
  it("excludes every row of a number used twice for one customer, with an error on each", () => {
    const book = readBook(
      [invoices(invoiceRow(), invoiceRow({ "Invoice No": "INV-2" }), invoiceRow({ "Invoice No": "inv-1 ", Customer: "ACME" }))],
      readOptions(),
    );
    expect(book.invoices.number).toEqual(["INV-2"]);
    expect(book.issues.map((i) => [i.code, i.severity, i.row, i.cell])).toEqual([
      ["invoice.duplicate", "error", 2, "B2"],
      ["invoice.duplicate", "error", 4, "B4"],
    ]);
    expect(book.issues[0]?.message).toContain("row 4");
    expect(book.excluded.map((e) => [e.id, e.reason, e.row])).toEqual([
      ["INV-1", "duplicate", 2],
      ["inv-1 ".trim(), "duplicate", 4],
    ]);
  });

  it("allows one number for different customers, with a warning", () => {
    const book = readBook([invoices(invoiceRow(), invoiceRow({ Customer: "Beta" }))], readOptions());
    expect(book.invoices.length).toBe(2);
    expect(book.issues).toEqual([expect.objectContaining({ code: "invoice.numberReused", severity: "warning", row: 3 })]);
    expect(book.issues[0]?.message).toBe("Invoice number INV-1 is also used for customer Acme (row 2).");
  });

  it("still finds the duplicate when another customer's row sits between", () => {
    const book = readBook([invoices(invoiceRow(), invoiceRow({ Customer: "Beta" }), invoiceRow({ Customer: "Beta" }))], readOptions());
    expect(book.invoices.customer.length).toBe(1);
    expect(book.excluded.map((e) => e.row)).toEqual([3, 4]);
  });
});

describe("readBook: status, PO and description", () => {
  const header = ["Invoice No", "Customer", "Due Date", "Amount", "Status", "PO", "Description"];
  const row = (number: string, customer: string, status: CellValue, po: CellValue, description: CellValue): CellValue[] => [
    number,
    customer,
    serial("2026-10-01"),
    100,
    status,
    po,
    description,
  ];

  it("come with each document, trimmed, null when blank, after skipped and duplicate rows", () => {
    const book = readBook(
      [
        table("Invoices", header, [
          row("INV-1", "Acme", "Disputed", " PO-7 ", "Freight"),
          row("INV-2", "Acme", null, "  ", null),
          ["Total", null, null, 200, null, null, null],
          row("INV-3", "Beta", "open", 4501, "Spare parts"),
          row("INV-3", "Beta", "open", "PO-9", "the same invoice keyed twice"),
          row("INV-4", "Beta", null, "PO-10", null),
        ]),
      ],
      readOptions(),
    );
    expect(book.invoices.number).toEqual(["INV-1", "INV-2", "INV-4"]);
    expect(book.invoices.status).toEqual(["Disputed", null, null]);
    expect(book.invoices.po).toEqual(["PO-7", null, "PO-10"]);
    expect(book.invoices.description).toEqual(["Freight", null, null]);
    // Asked again: the same column, not read a second time.
    expect(book.invoices.po).toBe(book.invoices.po);
  });

  it("are all null when the table has no such column", () => {
    const book = readBook([invoices(invoiceRow(), invoiceRow({ "Invoice No": "INV-2" }))], readOptions());
    expect(book.invoices.status).toEqual([null, null]);
    expect(book.invoices.po).toEqual([null, null]);
    expect(book.invoices.description).toEqual([null, null]);
  });

  it("can be replaced like any other column", () => {
    const book = readBook([invoices(invoiceRow())], readOptions());
    book.invoices.status = ["paid"];
    expect(book.invoices.status).toEqual(["paid"]);
    expect({ ...book.invoices }.status).toEqual(["paid"]);
  });
});

describe("readBook: credit notes", () => {
  it.each<[string, CellValue, CellValue, number, number]>([
    ["typed with a positive amount: stored negative", "Credit Memo", 100, -10000, 1],
    ["typed with a negative amount", "CN", -100, -10000, 1],
    ["typed in Chinese", "红字发票", 100, -10000, 1],
    ["untyped with a negative amount", null, -100, -10000, 1],
    ["an invoice", "Invoice", 100, 10000, 0],
  ])("%s", (_case, type, amount, minor, isCredit) => {
    const book = readBook([invoices(invoiceRow({ Type: type, Amount: amount }))], readOptions());
    expect([...book.invoices.amount]).toEqual([minor]);
    expect([...book.invoices.isCreditNote]).toEqual([isCredit]);
  });

  it("keeps the referenced invoice of a credit note only", () => {
    const header = ["Invoice No", "Customer", "Due Date", "Amount", "Original Invoice"];
    const book = readBook(
      [
        table("Invoices", header, [
          ["CN-1", "Acme", 46000, -50, "INV-1"],
          ["INV-2", "Acme", 46000, 50, "INV-1"],
        ]),
      ],
      readOptions(),
    );
    expect(book.invoices.reference).toEqual(["INV-1", null]);
  });

  it("flips the open amount with the amount of a typed credit note", () => {
    const book = readBook([invoices(invoiceRow({ Type: "Credit Note", Amount: 100, "Open Amount": 40 }))], readOptions());
    expect([...book.invoices.openAmount]).toEqual([-4000]);
    expect(book.issues).toEqual([]);
  });
});

describe("readBook: due dates from terms", () => {
  const date = serial("2026-10-15");
  it.each<[string, CellValue, string]>([
    ["Net 30", "Net 30", "2026-11-14"],
    ["EOM", "EOM", "2026-10-31"],
    ["月结30天", "月结30天", "2026-11-30"],
  ])("invoice date + the row's terms %s", (_case, terms, due) => {
    const book = readBook([invoices(invoiceRow({ "Invoice Date": date, "Due Date": null, Terms: terms }))], readOptions());
    expect([...book.invoices.dueDate]).toEqual([serial(due)]);
  });

  it("falls back to the customer's terms", () => {
    const header = ["Invoice No", "Customer", "Invoice Date", "Amount"];
    const book = readBook(
      [table("Invoices", header, [["INV-1", "acme", date, 10]]), customers(["Acme", null, null, "Net 45"])],
      readOptions(),
    );
    expect(book.sources.invoices?.missing).toEqual([]);
    expect([...book.invoices.dueDate]).toEqual([serial("2026-11-29")]);
  });

  it("prefers the due date column to the terms", () => {
    const book = readBook(
      [invoices(invoiceRow({ "Invoice Date": date, "Due Date": serial("2026-12-01"), Terms: "Net 30" }))],
      readOptions(),
    );
    expect([...book.invoices.dueDate]).toEqual([serial("2026-12-01")]);
  });
});

describe("readBook: dates", () => {
  it("shifts serials of a 1904 workbook", () => {
    const book = readBook([invoices(invoiceRow({ "Invoice Date": 44864 - 31, "Due Date": 44864 }))], readOptions({ dateSystem: 1904 }));
    expect([...book.invoices.dueDate]).toEqual([serial("2026-10-31")]);
    expect([...book.invoices.invoiceDate]).toEqual([serial("2026-09-30")]);
  });

  it.each<[ReadOptions["dateOrder"], string]>([
    ["DMY", "2026-04-03"],
    ["MDY", "2026-03-04"],
  ])("reads text dates in the configured %s order", (dateOrder, iso) => {
    const book = readBook([invoices(invoiceRow({ "Invoice Date": "01/02/2026", "Due Date": "03/04/2026" }))], readOptions({ dateOrder }));
    expect([...book.invoices.dueDate]).toEqual([serial(iso)]);
  });

  it("reads ISO text dates with no configured order", () => {
    const book = readBook([invoices(invoiceRow({ "Due Date": "2026-10-31" }))], readOptions());
    expect([...book.invoices.dueDate]).toEqual([serial("2026-10-31")]);
  });

  it("keeps a row with an empty invoice date when the due date is known, with a warning", () => {
    const book = readBook([invoices(invoiceRow({ "Invoice Date": null }))], readOptions());
    expect([...book.invoices.invoiceDate]).toEqual([NO_DATE]);
    expect(book.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([["date.empty", "warning", "D2"]]);
  });
});

describe("readBook: currencies", () => {
  it("takes the row's currency, else the customer's, else the default", () => {
    const book = readBook(
      [
        invoices(
          invoiceRow({ Currency: "JPY", Amount: 1234 }),
          invoiceRow({ "Invoice No": "INV-2", Customer: "Beta", Amount: 5 }),
          invoiceRow({ "Invoice No": "INV-3", Customer: "Gamma", Amount: 7 }),
        ),
        customers(["Beta", 100, "EUR"]),
      ],
      readOptions({ defaultCurrency: "CNY" }),
    );
    const codes = [...book.invoices.currency].map((c) => book.currencies[c]);
    expect(codes).toEqual(["JPY", "EUR", "CNY"]);
    expect([...book.invoices.amount]).toEqual([1234, 500, 700]);
    expect([...book.customers.creditLimit][0]).toBe(10000);
  });

  it("takes the currency written in an amount when the row names none", () => {
    const book = readBook([invoices(invoiceRow({ Amount: "¥1,234" }))], readOptions({ defaultCurrency: "JPY" }));
    expect(book.currencies[book.invoices.currency[0] ?? -1]).toBe("JPY");
    expect([...book.invoices.amount]).toEqual([1234]);
  });
});

describe("readBook: customers", () => {
  it("reads hold flags and credit limits, and adds customers seen only on invoices", () => {
    const book = readBook(
      [
        invoices(invoiceRow({ Customer: "New Co" })),
        customers(["Acme", "2,000", null, null, null, null, "冻结"], ["Beta", null, null, null, null, null, true]),
      ],
      readOptions(),
    );
    expect(book.customers.name).toEqual(["Acme", "Beta", "New Co"]);
    expect([...book.customers.hold]).toEqual([1, 1, 0]);
    expect([...book.customers.inTable]).toEqual([1, 1, 0]);
    expect([...book.customers.creditLimit].map((x) => (Number.isNaN(x) ? null : x))).toEqual([200000, null, null]);
  });

  it("prefers the invoice's own sales rep and matches reps like names", () => {
    const header = ["Invoice No", "Customer", "Due Date", "Amount", "Salesperson"];
    const book = readBook(
      [
        table("Invoices", header, [
          ["INV-1", "Acme", 46000, 1, "Wang"],
          ["INV-2", "Acme", 46000, 1, " WANG "],
          ["INV-3", "Acme", 46000, 1, null],
        ]),
      ],
      readOptions(),
    );
    expect(book.salesReps).toEqual(["Wang"]);
    expect([...book.invoices.salesRep]).toEqual([0, 0, -1]);
  });
});

describe("readBook: missing tables", () => {
  it("reports a book without an invoice table and still returns empty columns", () => {
    const book = readBook([payments(payment(5))], readOptions());
    expect(book.sources.invoices).toBeUndefined();
    expect(book.invoices.length).toBe(0);
    expect(book.invoices.amount.length).toBe(0);
    expect(book.issues).toEqual([expect.objectContaining({ code: "table.invoices.missing", sheet: "", severity: "error", row: null })]);
    expect(book.payments?.length).toBe(1);
  });

  it("has null payments when there is no payment table", () => {
    expect(readBook([invoices(invoiceRow())], readOptions()).payments).toBeNull();
  });

  it("does not read a table that lacks a required column", () => {
    const book = readBook([table("Invoices", ["Invoice No", "Customer", "Due Date"], [["INV-1", "Acme", 46000]])], readOptions());
    expect(book.invoices.length).toBe(0);
    expect(issueCodes(book)).toEqual(["column.missing"]);
  });
});

describe("readBook: payments", () => {
  it.each<[ReadOptions["lang"], string]>([
    ["en-US", "row 2"],
    ["zh-CN", "第2行"],
  ])("generates a %s reference when the table has none", (lang, reference) => {
    const book = readBook(
      [invoices(), table("Payments", ["Customer", "Payment Date", "Amount"], [["Acme", 46000, 10]])],
      readOptions({ lang }),
    );
    expect(book.payments?.reference).toEqual([reference]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const customerName = fc.constantFrom("Acme", "Beta Ltd", "Gamma", "北京华联", "Ｄｅｌｔａ");
const generatedInvoice = fc.record({
  customer: customerName,
  invoiceDate: fc.integer({ min: serial("2020-01-01"), max: serial("2026-12-31") }),
  days: fc.integer({ min: 0, max: 120 }),
  cents: fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }),
  currency: fc.constantFrom(null, "USD", "EUR", "JPY"),
});
type Generated = typeof generatedInvoice extends fc.Arbitrary<infer T> ? T : never;

function toRow(g: Generated, i: number): CellValue[] {
  const decimals = g.currency === "JPY" ? 0 : 2;
  return invoiceRow({
    "Invoice No": `INV-${i}`,
    Customer: g.customer,
    "Invoice Date": g.invoiceDate,
    "Due Date": g.invoiceDate + g.days,
    Amount: g.cents / 10 ** decimals,
    Currency: g.currency,
  });
}

/** Documents of a book as comparable plain values, independent of indices. */
function documents(book: Book): string[] {
  const inv = book.invoices;
  return inv.number
    .map((number, k) =>
      JSON.stringify([
        number,
        book.customers.name[inv.customer[k] ?? -1],
        book.currencies[inv.currency[k] ?? -1],
        inv.invoiceDate[k],
        inv.dueDate[k],
        inv.amount[k],
        inv.isCreditNote[k],
        inv.row[k],
      ]),
    )
    .sort();
}

describe("readBook: properties", () => {
  it("reads back every row of a well-formed table exactly", () => {
    fc.assert(
      fc.property(fc.array(generatedInvoice, { maxLength: 40 }), (generated) => {
        const book = readBook([invoices(...generated.map(toRow))], readOptions());
        expect(book.issues).toEqual([]);
        expect(book.invoices.length).toBe(generated.length);
        generated.forEach((g, k) => {
          expect(book.invoices.number[k]).toBe(`INV-${k}`);
          expect(book.invoices.row[k]).toBe(k + 2);
          expect(book.customers.name[book.invoices.customer[k] ?? -1]).toBe(g.customer);
          expect(book.currencies[book.invoices.currency[k] ?? -1]).toBe(g.currency ?? "USD");
          expect(book.invoices.amount[k]).toBe(g.cents);
          expect(book.invoices.invoiceDate[k]).toBe(g.invoiceDate);
          expect(book.invoices.dueDate[k]).toBe(g.invoiceDate + g.days);
          expect(book.invoices.isCreditNote[k]).toBe(g.cents < 0 ? 1 : 0);
        });
      }),
    );
  });

  it("hands cash application an index of the invoice numbers it kept, also after dropping duplicates", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom("Acme", "Beta"), fc.boolean()), { maxLength: 25 }),
        (specs) => {
          const cells = specs.map(([n, customer, upper]) =>
            invoiceRow({ "Invoice No": upper ? `INV-${n}` : ` inv-${n}`, Customer: customer }),
          );
          const book = readBook([invoices(...cells)], readOptions());
          const inv = book.invoices;
          const index = inv.numberIndex;
          expect(index).toBeDefined();
          if (!index) return;
          for (let n = 0; n <= 6; n++) {
            const found: number[] = [];
            for (let k = firstWithNumber(index, inv.number, `INV-${n}`); k >= 0; k = nextWithNumber(index, k)) found.push(k);
            const expected = inv.number.flatMap((number, k) => (number.trim().toLowerCase() === `inv-${n}` ? [k] : []));
            expect(found).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads the same documents, issues and exclusions whatever the row order", () => {
    // Numbers from a small pool so duplicates and reused numbers occur.
    const row = fc.tuple(generatedInvoice, fc.integer({ min: 0, max: 8 }), fc.constantFrom(100, "abc", null, -5));
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }).chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(
              rows.map((_, i) => i),
              { minLength: rows.length, maxLength: rows.length },
            ),
          ),
        ),
        ([rows, order]) => {
          const cells = rows.map(([g, n, amount], i) => {
            const r = toRow(g, n);
            r[4] = amount;
            r[0] = i % 3 === 0 ? `INV-${n}` : `inv-${n}`;
            return r;
          });
          const original = readBook([invoices(...cells)], readOptions());
          const shuffled = readBook([invoices(...order.map((i) => cells[i] ?? []))], readOptions());
          // Rows move, so compare everything but the row numbers.
          const strip = (book: Book): string[] =>
            documents(book)
              .map((d) => JSON.stringify((JSON.parse(d) as unknown[]).slice(0, -1)))
              .sort();
          expect(strip(shuffled)).toEqual(strip(original));
          const issueKinds = (book: Book): string[] => book.issues.map((i) => `${i.code}:${i.severity}`).sort();
          const excludedKinds = (book: Book): string[] => book.excluded.map((e) => `${e.id.toLowerCase()}:${e.reason}`).sort();
          expect(excludedKinds(shuffled)).toEqual(excludedKinds(original));
          expect(issueKinds(shuffled).filter((c) => !c.startsWith("invoice.numberReused"))).toEqual(
            issueKinds(original).filter((c) => !c.startsWith("invoice.numberReused")),
          );
        },
      ),
    );
  });
});

describe("customerOfName: a customer found by the name the ledgers spell, as names are matched", () => {
  const book = readBook(
    [
      invoices(
        invoiceRow({ Customer: "ACME  Corp" }),
        invoiceRow({ "Invoice No": "INV-2", Customer: "Beta" }),
        invoiceRow({ Customer: "Total" }),
      ),
    ],
    readOptions(),
  );
  it.each([
    ["the exact spelling of a ledger", "ACME  Corp", "ACME  Corp"],
    ["another case, width and spacing", "ａｃｍｅ corp ", "ACME  Corp"],
    ["a name only on invoices", "beta", "Beta"],
  ])("%s", (_, text, name) => {
    const index = customerOfName(book.customers, text);
    expect(index === undefined ? null : book.customers.name[index]).toBe(name);
  });
  it("names no customer for an unknown name or a total label the ledger skipped", () => {
    expect(customerOfName(book.customers, "Gamma")).toBeUndefined();
    expect(customerOfName(book.customers, "Total")).toBeUndefined();
  });
  it("finds the same customer without the spellings (a book built otherwise)", () => {
    const { byText, ...plain } = book.customers;
    expect(byText?.get("ACME  Corp")).toBe(0);
    expect(customerOfName(plain, "ACME  Corp")).toBe(0);
  });
});
