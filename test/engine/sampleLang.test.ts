/** The Chinese sample book is the same book: Chinese sheets and headers, the same figures. */
import { ageBook } from "../../src/engine/aging";
import { serialFromYmd } from "../../src/engine/dates";
import { readBook } from "../../src/engine/read";
import { SAMPLE_HEADERS_ZH, generateSampleBook, sampleSheetNames } from "../../src/engine/sample";
import type { Lang } from "../../src/engine/types";

const asOf = serialFromYmd(2027, 2, 28);
function aged(lang: Lang) {
  const tables = generateSampleBook({ invoices: 300, seed: 3, asOf, lang });
  const book = readBook(tables, { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  return { tables, book, report: ageBook(book, { asOf, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang }) };
}

describe("the sample book in Chinese", () => {
  it("has Chinese sheet names and headers", () => {
    const { tables } = aged("zh-CN");
    expect(tables.map((table) => table.sheet)).toEqual([...sampleSheetNames("zh-CN")]);
    expect(tables.map((table) => table.header)).toEqual([
      [...SAMPLE_HEADERS_ZH.invoices],
      [...SAMPLE_HEADERS_ZH.payments],
      [...SAMPLE_HEADERS_ZH.customers],
    ]);
  });

  it("reads every column and ages to the same figures as the English book", () => {
    const en = aged("en-US");
    const zh = aged("zh-CN");
    expect(zh.book.invoices.length).toBeGreaterThan(250);
    expect(zh.book.invoices.length).toBe(en.book.invoices.length);
    expect(zh.book.payments?.length).toBe(en.book.payments?.length);
    expect([...zh.book.customers.creditLimit]).toEqual([...en.book.customers.creditLimit]);
    expect([...zh.book.customers.hold]).toEqual([...en.book.customers.hold]);
    expect(zh.book.customers.segment).toEqual(en.book.customers.segment);
    expect(zh.report.totals).toEqual(en.report.totals);
    expect(zh.report.issues.map((issue) => [issue.code, issue.cell])).toEqual(en.report.issues.map((issue) => [issue.code, issue.cell]));
  });

  it("runs up to its as-of date: the newest invoice is within days of it", () => {
    const { book } = aged("en-US");
    const newest = Math.max(...book.invoices.invoiceDate);
    expect(newest).toBeGreaterThan(asOf - 10);
  });
});
