/**
 * Credit groups as a credit controller means them: a shared limit only from a column that says
 * so (parent / credit group), the group's limit from its own row, members in other currencies
 * converted only with rates, and a member owing nothing never blanking the others.
 */
import { ageBook } from "../../../src/engine/aging";
import { checkCredit, checkOrder, decidingSide, DEFAULT_CREDIT_OPTIONS } from "../../../src/engine/credit/check";
import { readBook, readCreditTables } from "../../../src/engine/read";
import { recognizeHeader } from "../../../src/engine/read/headers";
import { generateSampleBook } from "../../../src/engine/sample";
import { serialFromIso } from "../../../src/engine/dates";
import type { Lang } from "../../../src/engine/types";
import { creditOf, rowOf } from "./fixtures";

describe("which customer column means a credit group", () => {
  it.each<[string, "group" | "segment"]>([
    ["Group", "segment"],
    ["Customer Group", "segment"],
    ["Segment", "segment"],
    ["客户分组", "segment"],
    ["客户组", "segment"],
    ["Credit Group", "group"],
    ["Parent", "group"],
    ["Parent Account", "group"],
    ["集团", "group"],
    ["母公司", "group"],
  ])("%s is a %s", (heading, field) => {
    const best = recognizeHeader(heading)
      .filter((m) => m.role === "customers")
      .sort((a, b) => b.confidence - a.confidence)[0];
    expect(best?.field).toBe(field);
  });
});

describe("a segment is not a credit group", () => {
  it("customers in one segment keep their own limits, and the reason names no group", () => {
    const report = creditOf({
      customers: [
        ["Evergreen", 62000, "USD", null, null, "Retail"],
        ["Acme", 40000, "USD", null, null, "Retail"],
        ["Keystone", 33000, "USD", null, null, "Retail"],
      ],
      invoices: [
        ["I1", "Evergreen", 0, 20000],
        ["I2", "Acme", 0, 35000],
        ["I3", "Keystone", 0, 1000],
      ],
    });
    expect(report.groups).toEqual([]);
    expect([rowOf(report, "Evergreen").limit, rowOf(report, "Evergreen").status]).toEqual([6200000, "ok"]);
    expect([rowOf(report, "Acme").limit, rowOf(report, "Acme").status]).toEqual([4000000, "near"]);
    for (const name of ["Evergreen", "Acme", "Keystone"]) expect(rowOf(report, name).reason).not.toMatch(/group|Retail/i);
  });

  it.each<Lang>(["en-US", "zh-CN"])("on the sample book every customer is checked on its own row's limit (%s)", (lang) => {
    const tables = generateSampleBook({ invoices: 120, seed: 1 });
    const book = readBook(tables, { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
    const aging = ageBook(book, { asOf: serialFromIso("2026-10-31")!, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang });
    const side = readCreditTables(tables, { lang, defaultCurrency: "USD" });
    const report = checkCredit(aging, { ...DEFAULT_CREDIT_OPTIONS, defaultCurrency: "USD", orders: side.orders, rates: side.rates, lang });
    const inTable = report.customers.filter((c) => c.inTable);
    expect(inTable.length).toBeGreaterThan(5);
    expect(report.groups).toEqual([]);
    for (const row of inTable) {
      const stated = book.customers.creditLimit[row.customerIndex]!;
      expect(row.limit).toBe(Number.isNaN(stated) ? null : stated);
      expect(row.decidedByGroup).toBe(false);
    }
    // The segment is still there to show and filter on.
    expect(book.customers.segment?.some((s) => s === "Retail")).toBe(true);
  });
});

describe("the group's limit is its own row's", () => {
  it("never the smallest member's, and the reason names the group and its limit", () => {
    const report = creditOf({
      customers: [
        ["Holdings", 10000],
        ["Sub A", 500, "USD", "Holdings"],
        ["Sub B", null, "USD", "Holdings"],
      ],
      invoices: [
        ["I1", "Sub B", 0, 3000],
        ["I2", "Sub A", 0, 100],
      ],
    });
    const b = rowOf(report, "Sub B");
    expect([b.limit, b.status, b.decidedByGroup]).toEqual([1000000, "ok", true]);
    expect(b.reason).toBe(
      "Credit group Holdings, limit 10,000.00 USD: Exposure 3,100.00 USD is 31.0% of the limit 10,000.00 USD; 6,900.00 USD available.",
    );
    // Sub A's own limit still applies to its own exposure.
    expect(rowOf(report, "Sub A").status).toBe("ok");
  });

  it("a member over its own limit is over even when the group has room", () => {
    const report = creditOf({
      customers: [
        ["Holdings", 10000],
        ["Sub A", 500, "USD", "Holdings"],
      ],
      invoices: [["I1", "Sub A", 0, 600]],
    });
    const a = rowOf(report, "Sub A");
    expect([a.status, a.decidedByGroup, a.limit]).toEqual(["over", false, 50000]);
    expect(a.reason).toBe("Exposure 600.00 USD is over the limit 500.00 USD by 100.00 USD.");
  });

  it.each([
    ["ok", "over", true, false, "group"],
    ["over", "ok", true, false, "own"],
    ["near", "near", true, false, "group"],
    ["over", "ok", false, false, "group"],
    ["over", "ok", true, true, "group"],
    ["over", null, true, false, "own"],
  ] as const)("own %s, group %s, own limit %s, own row of the group %s: %s decides", (own, group, stated, isParent, side) => {
    expect(decidingSide(own, group, stated, isParent)).toBe(side);
  });
});

describe("members in other currencies", () => {
  // 上海华东 is the group's own row (CNY); Tokyo Seiki (JPY) owes nothing.
  const book = (rates?: [string, string, number][]) => ({
    customers: [
      ["上海华东", 100000, "CNY"],
      ["Tokyo Seiki", 5000000, "JPY", "上海华东"],
    ] as [string, number, string, string?][],
    invoices: [["C1", "上海华东", 0, 30000, "CNY"]] as [string, string, number, number, string][],
    rates,
  });

  it("a member owing nothing needs no rate and never blanks the others", () => {
    const report = creditOf(book());
    const parent = rowOf(report, "上海华东");
    expect([parent.status, parent.available, parent.utilisation]).toEqual(["ok", 7000000, 0.3]);
    expect(report.groups[0]!.comparable).toBe(true);
  });

  it("an order in the member's currency without a rate names both currencies, never '?'", () => {
    const check = checkOrder(creditOf(book()), "Tokyo Seiki", 100000);
    expect(check.status).toBe("currency");
    expect(check.reason).toBe("Amounts in JPY have no rate to CNY, so they cannot be compared with the limit. Add a rate table.");
    expect(check.reason).not.toContain("?");
  });

  it("with a rate the order counts against both limits", () => {
    const report = creditOf(book([["JPY", "CNY", 0.05]]));
    const check = checkOrder(report, "Tokyo Seiki", 1000000);
    // 1,000,000 JPY = 50,000.00 CNY: the group's exposure 80,000.00 of 100,000.00 CNY.
    expect([check.status, check.currency, check.availableAfter]).toEqual(["near", "CNY", 2000000]);
    const small = checkOrder(report, "Tokyo Seiki", 100000);
    expect([small.status, small.availableBefore, small.availableAfter]).toEqual(["ok", 7000000, 6500000]);
  });

  it("a JPY member with exposure and no rate makes the group a currency mismatch naming JPY", () => {
    const spec = book();
    spec.invoices.push(["J1", "Tokyo Seiki", 0, 200000, "JPY"]);
    const report = creditOf(spec);
    const parent = rowOf(report, "上海华东");
    expect(parent.status).toBe("currency");
    expect(parent.reason).toMatch(/^Amounts in JPY have no rate to CNY/);
  });
});
