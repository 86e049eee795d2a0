import { ageBook, type AgingReport } from "../../../src/engine/aging";
import { serialFromIso } from "../../../src/engine/dates";
import { agingTotalFor, glCandidatesFromAging, glTieOutForAging, type GlBasis } from "../../../src/engine/reconcile";
import { glMethodText, glTieOutSheet, toGlTieOutJson } from "../../../src/engine/report/gl";
import { isReportSheetName } from "../../../src/engine/report/names";
import type { Book, TableData } from "../../../src/engine/types";
import { bookOf } from "../builders";

const AS_OF = serialFromIso("2026-10-31")!;

/**
 * As of 2026-10-31, in USD: open INV-1 1,000.00, INV-2 300.00 (500.00 less PAY-1), INV-3 250.00
 * (open total 1,550.00); Gamma's unreferenced PAY-3 120.00 is its unapplied credit (net 1,430.00).
 * Dated after the as-of date: INV-9 700.00, INV-10 40.00 and PAY-9 60.00. A EUR invoice stays out of a USD tie-out.
 */
function sampleBook(): Book {
  return bookOf({
    invoices: [
      { number: "INV-1", customer: "Acme", invoiceDate: "2026-08-31", amount: 1000 },
      { number: "INV-2", customer: "Acme", invoiceDate: "2026-09-15", amount: 500 },
      { number: "INV-3", customer: "Beta", invoiceDate: "2026-10-10", amount: 250 },
      { number: "INV-9", customer: "Acme", invoiceDate: "2026-11-05", amount: 700 },
      { number: "INV-10", customer: "Beta", invoiceDate: "2026-11-02", amount: 40 },
      { number: "INV-E", customer: "Delta", invoiceDate: "2026-10-01", amount: 999, currency: "EUR" },
    ],
    payments: [
      { reference: "PAY-1", customer: "Acme", date: "2026-10-05", amount: 200, invoiceNumber: "INV-2" },
      { reference: "PAY-3", customer: "Gamma", date: "2026-10-20", amount: 120 },
      { reference: "PAY-9", customer: "Acme", date: "2026-11-03", amount: 60 },
    ],
  });
}

function aging(book: Book = sampleBook()): AgingReport {
  return ageBook(book, { asOf: AS_OF, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
}

const cents = (major: number): number => Math.round(major * 100);

describe("glCandidatesFromAging", () => {
  it("lists documents dated after the as-of date, unapplied credits, then open items, each signed by its effect on aging − control", () => {
    const candidates = glCandidatesFromAging(aging(), "USD", "net");
    expect(candidates.map((c) => [c.kind, c.label, c.amount, c.sheet, c.row])).toEqual([
      ["after-as-of", "INV-9", -70000, "Invoices", 5],
      ["after-as-of", "INV-10", -4000, "Invoices", 6],
      ["after-as-of", "PAY-9", 6000, "Payments", 4],
      ["unapplied-credit", "Gamma", -12000, undefined, undefined],
      ["open-item", "INV-1", 100000, "Invoices", 2],
      ["open-item", "INV-2", 30000, "Invoices", 3],
      ["open-item", "INV-3", 25000, "Invoices", 4],
    ]);
  });

  it("signs an unapplied credit +amount on the open basis: the aging leaves it out, the ledger nets it", () => {
    const credit = glCandidatesFromAging(aging(), "USD", "open").find((c) => c.kind === "unapplied-credit");
    expect(credit?.amount).toBe(12000);
  });

  it("keeps to the currency asked for", () => {
    expect(glCandidatesFromAging(aging(), "EUR").map((c) => c.label)).toEqual(["INV-E"]);
    expect(glCandidatesFromAging(aging(), "GBP")).toEqual([]);
  });

  it("locates an unapplied credit on the customer's row of the customer table when the book has one", () => {
    const book = bookOf({
      invoices: [],
      payments: [{ reference: "P", customer: "Gamma", date: "2026-10-20", amount: 5 }],
      customers: [{ name: "Gamma" }],
    });
    book.sources.customers = { table: { sheet: "Customers" } as TableData, role: "customers", confidence: 1, columns: [], missing: [] };
    expect(glCandidatesFromAging(aging(book), "USD")).toEqual([
      { kind: "unapplied-credit", label: "Gamma", amount: -500, sheet: "Customers", row: 2 },
    ]);
  });
});

describe("glTieOutForAging", () => {
  it.each<[string, GlBasis, number, string, string[]]>([
    ["the ledger agrees with the net aging", "net", 1430, "balanced", []],
    ["the ledger lacks one open invoice", "net", 1180, "single", ["INV-3"]],
    [
      "the ledger was extracted after the as-of date and holds every later document",
      "net",
      2110,
      "kind-total",
      ["INV-9", "INV-10", "PAY-9"],
    ],
    ["the ledger keeps unapplied cash in another account (net basis: −120.00)", "net", 1550, "single", ["Gamma"]],
    ["an open invoice and an invoice dated after the as-of date together", "net", 470, "pair", ["INV-10", "INV-1"]],
    ["one cent that nothing adds up to", "net", 1429.99, "unexplained", []],
    ["the open basis agrees with a ledger of gross open items", "open", 1550, "balanced", []],
    ["the open basis against a ledger that nets unapplied cash (+120.00)", "open", 1430, "single", ["Gamma"]],
  ])("%s", (_name, basis, control, method, labels) => {
    const result = glTieOutForAging(aging(), { currency: "usd", controlBalanceMinor: cents(control), basis });
    expect(result.currency).toBe("USD");
    expect(result.basis).toBe(basis);
    expect(result.asOf).toBe(AS_OF);
    expect(result.agingOpenTotal).toBe(basis === "net" ? 143000 : 155000);
    expect(result.difference).toBe(result.agingOpenTotal - cents(control));
    expect(result.method).toBe(method);
    expect(result.items.map((i) => i.label)).toEqual(labels);
    if (labels.length > 0) expect(result.items.reduce((sum, i) => sum + i.amount, 0)).toBe(result.difference);
  });

  it("defaults to the net basis", () => {
    expect(glTieOutForAging(aging(), { currency: "USD", controlBalanceMinor: 0 }).basis).toBe("net");
  });

  it("compares a currency the aging does not hold as a zero total", () => {
    expect(agingTotalFor(aging(), "GBP", "net")).toBe(0);
    expect(glTieOutForAging(aging(), { currency: "GBP", controlBalanceMinor: 500 })).toMatchObject({
      agingOpenTotal: 0,
      difference: -500,
      method: "unexplained",
    });
  });
});

describe("GL tie-out output", () => {
  const result = () => glTieOutForAging(aging(), { currency: "USD", controlBalanceMinor: 47000, basis: "net" });

  it("puts the totals, the method in words and the explaining items with their sheet and row on the AR GL Tie-out sheet", () => {
    const sheet = glTieOutSheet(result(), "en-US");
    expect(sheet.name).toBe("AR GL Tie-out");
    expect(sheet.kind).toBe("gl-tieout");
    const text = sheet.cells.map((row) => row.filter((v) => v !== null));
    expect(text.slice(0, 3)).toEqual([["AR GL Tie-out (USD)"], ["As of 2026-10-31"], [expect.stringMatching(/^Basis: net/)]]);
    expect(text).toEqual(
      expect.arrayContaining([
        ["Aging net total", 1430],
        ["Control balance (GL)", 470],
        ["Difference (aging − control)", 960],
        ["Explanation", "Explained by two items together: INV-10 and INV-1."],
      ]),
    );
    expect(sheet.cells[sheet.headerRow]).toEqual(["Kind", "Document or customer", "Effect on difference", "Sheet", "Row"]);
    expect(sheet.cells.slice(sheet.dataStart, sheet.dataEnd)).toEqual([
      ["Dated after the as-of date", "INV-10", -40, "Invoices", 6],
      ["Open invoice", "INV-1", 1000, "Invoices", 2],
    ]);
    expect(sheet.cells[sheet.dataEnd]?.slice(0, 3)).toEqual(["Total", null, 960]);
    expect(isReportSheetName(sheet.name)).toBe(true);
    expect(isReportSheetName(glTieOutSheet(result(), "zh-CN").name)).toBe(true);
  });

  it("writes the same in Chinese", () => {
    const sheet = glTieOutSheet(result(), "zh-CN");
    expect(sheet.name).toBe("应收总账勾稽");
    expect(sheet.cells.flat()).toContain("由两笔项目合计解释：INV-10 和 INV-1。");
  });

  it("says when a single item is not the only one with that effect", () => {
    expect(glMethodText({ method: "single", items: [{ kind: "open-item", label: "A" }], otherMatches: 2 }, "en-US")).toBe(
      "Explained by one item: A (Open invoice). 2 other items have the same effect; check which one the ledger differs by.",
    );
  });

  it("gives the JSON in major units", () => {
    expect(toGlTieOutJson(result())).toEqual({
      asOf: "2026-10-31",
      currency: "USD",
      basis: "net",
      agingTotal: 1430,
      controlBalance: 470,
      difference: 960,
      method: "pair",
      otherMatches: 0,
      items: [
        { kind: "after-as-of", label: "INV-10", amount: -40, sheet: "Invoices", row: 6 },
        { kind: "open-item", label: "INV-1", amount: 1000, sheet: "Invoices", row: 2 },
      ],
    });
  });
});
