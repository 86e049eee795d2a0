import { isoFromSerial, serialFromYmd } from "../../src/engine/dates";
import { SAMPLE_HEADERS, generateSampleBook, mulberry32, sampleDueDate } from "../../src/engine/sample";
import type { CellValue, TableData } from "../../src/engine/types";
import { readBook } from "../../src/engine/read";
import { customerDetailsOf } from "../../src/engine/statements";
import { customerContacts } from "../../src/engine/collections";

const byName = (tables: TableData[], name: string): TableData => tables.find((t) => t.name === name)!;
const column = (table: TableData, header: string): CellValue[] => {
  const index = table.header.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return table.rows.map((r) => r[index] ?? null);
};

describe("mulberry32", () => {
  it("is deterministic per seed and spreads over [0, 1)", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.filter((v) => v < 0.5).length).toBeGreaterThan(450);
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });
});

describe("sampleDueDate", () => {
  it.each([
    ["Net 30", "2026-10-15", "2026-11-14"],
    ["Net 45", "2026-10-15", "2026-11-29"],
    ["2/10 Net 30", "2026-10-15", "2026-11-14"],
    ["Net 30 EOM", "2026-10-15", "2026-11-30"],
    ["月结30天", "2026-02-03", "2026-03-30"],
  ])("%s from %s is due %s", (terms, invoice, due) => {
    const [y, m, d] = invoice.split("-").map(Number) as [number, number, number];
    expect(isoFromSerial(sampleDueDate(serialFromYmd(y, m, d), terms))).toBe(due);
  });
});

describe("generateSampleBook", () => {
  const book = generateSampleBook({ invoices: 2000, seed: 3 });
  const invoices = byName(book, "Invoices");
  const payments = byName(book, "Payments");
  const customers = byName(book, "Customers");

  it("is the same for the same seed and different for another", () => {
    expect(generateSampleBook({ invoices: 2000, seed: 3 })).toEqual(book);
    expect(byName(generateSampleBook({ invoices: 2000, seed: 4 }), "Invoices").rows).not.toEqual(invoices.rows);
  });

  it("has the three tables with their headers and the requested number of invoice rows", () => {
    expect(book.map((t) => [t.sheet, t.name, t.header, t.firstRow, t.firstColumn])).toEqual([
      ["Invoices", "Invoices", SAMPLE_HEADERS.invoices, 2, 0],
      ["Payments", "Payments", SAMPLE_HEADERS.payments, 2, 0],
      ["Customers", "Customers", SAMPLE_HEADERS.customers, 2, 0],
    ]);
    expect(invoices.rows).toHaveLength(2000);
    for (const t of book) for (const row of t.rows) expect(row).toHaveLength(t.header.length);
    expect(payments.rows.length / invoices.rows.length).toBeGreaterThan(0.7);
    expect(payments.rows.length / invoices.rows.length).toBeLessThan(0.9);
  });

  it("mixes currencies, terms, credit notes, and full, partial and unreferenced payments", () => {
    const currencies = new Set(column(customers, "Currency"));
    expect(currencies).toEqual(new Set(["USD", "EUR", "CNY", "JPY"]));
    expect(column(customers, "Customer")).toContain("上海华东贸易有限公司");
    expect(new Set(column(customers, "Terms"))).toEqual(new Set(["Net 30", "Net 45", "2/10 Net 30", "Net 30 EOM", "月结30天"]));
    expect(column(customers, "Sales Rep").some((r) => typeof r === "string" && /[\u4e00-\u9fff]/.test(r))).toBe(true);
    const usd = column(customers, "Currency").filter((c) => c === "USD").length;
    expect(usd / customers.rows.length).toBeGreaterThan(0.6);

    const numbers = new Set(column(invoices, "Invoice No"));
    const types = column(invoices, "Type");
    const credits = invoices.rows.filter((_r, i) => types[i] === "Credit Note");
    expect(credits.length).toBeGreaterThan(10);
    for (const credit of credits) {
      expect(credit[5]).toBeLessThan(0);
      expect(numbers.has(credit[9] ?? null)).toBe(true);
    }

    const amountOf = new Map(invoices.rows.map((r) => [r[0], r[5]]));
    const referenced = payments.rows.filter((p) => p[4] !== null);
    const full = referenced.filter((p) => amountOf.get(p[4]) === p[3]);
    const partial = referenced.filter((p) => typeof amountOf.get(p[4]) === "number" && (p[3] as number) < (amountOf.get(p[4]) as number));
    expect(full.length).toBeGreaterThan(payments.rows.length * 0.5);
    expect(partial.length).toBeGreaterThan(payments.rows.length * 0.1);
    expect(payments.rows.length - referenced.length).toBeGreaterThan(payments.rows.length * 0.1);
  });

  it("dates most documents on or before the as-of date, a few after it", () => {
    const asOf = serialFromYmd(2026, 10, 31);
    const dates = column(invoices, "Invoice Date").filter((d): d is number => typeof d === "number");
    const after = dates.filter((d) => d > asOf).length;
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(dates.length * 0.05);
    expect(Math.min(...dates)).toBeLessThan(asOf - 365);
    const paid = column(payments, "Payment Date") as number[];
    expect(paid.some((d) => d > asOf)).toBe(true);
    for (const d of column(invoices, "Due Date")) if (typeof d === "number") expect(Number.isInteger(d)).toBe(true);
  });

  it("spoils a few rows only when messy", () => {
    expect(column(invoices, "Amount")).toContain("abc");
    expect(column(invoices, "Invoice Date")).toContain("03/04/2026");
    const numbers = column(invoices, "Invoice No");
    expect(new Set(numbers).size).toBe(numbers.length - 1);
    expect(column(payments, "Invoice No")).toContain("INV-9999999");

    const clean = generateSampleBook({ invoices: 2000, seed: 3, messy: false });
    const cleanInvoices = byName(clean, "Invoices");
    expect(cleanInvoices.rows.every((r) => typeof r[5] === "number" && typeof r[2] === "number")).toBe(true);
    expect(new Set(column(cleanInvoices, "Invoice No")).size).toBe(2000);
  });

  it("honours the as-of date and handles tiny books", () => {
    const asOf = serialFromYmd(2025, 12, 31);
    const shifted = byName(generateSampleBook({ invoices: 300, seed: 1, asOf }), "Invoices");
    const dates = column(shifted, "Invoice Date").filter((d): d is number => typeof d === "number");
    expect(Math.max(...dates)).toBeLessThanOrEqual(asOf + 5);
    expect(Math.max(...dates)).toBeGreaterThan(asOf - 10);
    expect(byName(generateSampleBook({ invoices: 1 }), "Invoices").rows).toHaveLength(1);
    expect(byName(generateSampleBook({ invoices: 0 }), "Invoices").rows).toHaveLength(0);
  });
});

describe("the sample's customer contacts (what statements and letters print)", () => {
  it.each(["en-US", "zh-CN"] as const)(
    "give every customer an address, a contact and an e-mail, read by statements and collections (%s)",
    (lang) => {
      const tables = generateSampleBook({ invoices: 200, seed: 2, lang });
      const book = readBook(tables, { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
      // The new columns are not taken for a customer field: no issue names them, and the customer column is still the name.
      const customers = byName(tables, "Customers");
      const extra = customers.header.slice(7).map(String);
      expect(extra).toEqual(lang === "en-US" ? ["Address", "Contact Person", "Email"] : ["地址", "联系人", "邮箱"]);
      expect(book.issues.filter((i) => extra.includes(String(i.column)))).toEqual([]);
      expect(book.customers.name.length).toBe(customers.rows.length);
      const details = customerDetailsOf(book);
      const contacts = customerContacts(book);
      for (let c = 0; c < book.customers.name.length; c++) {
        const d = details(c);
        expect(d.address).toEqual(expect.any(String));
        expect(d.contact).toEqual(expect.any(String));
        expect(d.email).toMatch(/^ap@[a-z0-9]{3,24}\.example$/);
        expect(contacts.get(c)?.email).toBe(d.email);
      }
    },
  );
});
