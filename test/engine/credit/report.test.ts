import { creditSheet, toCreditJson } from "../../../src/engine/report/credit";
import type { Lang } from "../../../src/engine/types";
import { creditOf, type CreditBook } from "./fixtures";

const report = creditOf({
  customers: [
    ["Acme", 1000],
    ["Beta", 500, "USD", null, "Y"],
    ["东方贸易", 100000, "JPY"],
  ],
  invoices: [
    ["I1", "Acme", 10, 900],
    ["I2", "Beta", 0, 10],
    ["I3", "东方贸易", 0, 5000, "JPY"],
    ["I4", "Ghost", 70, 20],
  ],
  orders: [["SO1", "Acme", 50]],
});

describe("AR Credit sheet", () => {
  const sheet = creditSheet(report, "en-US");
  it("has the issue's columns and one row per customer, riskiest first", () => {
    expect(sheet.name).toBe("AR Credit");
    expect(sheet.kind).toBe("credit");
    expect(sheet.cells[sheet.headerRow]).toEqual([
      "Customer",
      "Credit group",
      "Segment",
      "Currency",
      "Credit limit",
      "Open AR",
      "Open orders",
      "Exposure",
      "Available",
      "Utilisation",
      "Oldest days past due",
      "Overdue",
      "Status",
      "Reason",
    ]);
    const data = sheet.cells.slice(sheet.dataStart, sheet.dataEnd);
    expect(data.map((r) => [r[0], r[12]])).toEqual([
      ["Beta", "Blocked"],
      ["Ghost", "Hold"],
      ["Acme", "Near limit"],
      ["东方贸易", "OK"],
    ]);
    expect(data[2]).toEqual([
      "Acme",
      null,
      null,
      "USD",
      1000,
      900,
      50,
      950,
      50,
      0.95,
      10,
      900,
      "Near limit",
      expect.stringMatching(/95\.0%/),
    ]);
    expect(data[3]?.slice(4, 9)).toEqual([100000, 5000, 0, 5000, 95000]);
  });

  it("colours status and utilisation with a few conditional formats on bounded ranges", () => {
    expect(sheet.highlights.length).toBeLessThanOrEqual(8);
    for (const h of sheet.highlights) {
      expect(h.range.row).toBe(sheet.dataStart);
      expect(h.range.rowCount).toBe(sheet.dataEnd - sheet.dataStart);
      expect(h.range.colCount).toBe(1);
    }
    expect(sheet.highlights).toContainEqual(expect.objectContaining({ rule: { type: "textEquals", text: "Over limit" } }));
    expect(sheet.highlights).toContainEqual(
      expect.objectContaining({ rule: { type: "cellValue", operator: "greaterThanOrEqual", value: 0.8 } }),
    );
    // JPY rows keep their own money format in a mixed-currency sheet.
    expect(sheet.formats).toContainEqual(
      expect.objectContaining({ numberFormat: "#,##0", range: expect.objectContaining({ row: sheet.dataStart + 3 }) }),
    );
  });

  it("is localised", () => {
    const zh = creditSheet(report, "zh-CN");
    expect(zh.name).toBe("应收信用");
    expect(zh.cells[zh.dataStart]?.[12]).toBe("停供");
    expect(zh.cells[zh.headerRow]?.slice(1, 3)).toEqual(["信用集团", "客户分组"]);
  });
});

describe("the segment (a plain Group / 客户分组 column)", () => {
  const customers = (segments: boolean): CreditBook["customers"] => [
    ["Acme", 1000, "USD", null, null, segments ? "Retail" : null],
    ["Beta", 500, "USD", null, null, segments ? "Retail" : null],
    ["东方贸易", 100000, "JPY", null, null, segments ? "亚太" : null],
  ];
  const invoices: CreditBook["invoices"] = [
    ["I1", "Acme", 10, 900],
    ["I2", "Beta", 0, 450],
    ["I3", "东方贸易", 0, 5000, "JPY"],
  ];
  const withSegments = creditOf({ customers: customers(true), invoices });
  const without = creditOf({ customers: customers(false), invoices });

  it.each<[Lang, string]>([
    ["en-US", "Segment"],
    ["zh-CN", "客户分组"],
  ])("is a column of AR Credit under the header row's filter (%s)", (lang, header) => {
    const sheet = creditSheet(withSegments, lang);
    const col = sheet.cells[sheet.headerRow]!.indexOf(header);
    expect(col).toBeGreaterThan(0);
    expect(sheet.filter).toBe(true);
    expect(col).toBeLessThan(sheet.columns.length);
    const shown = sheet.cells.slice(sheet.dataStart, sheet.dataEnd).map((r) => [r[0], r[col]]);
    expect(shown).toHaveLength(3);
    expect(new Map(shown as [string, string][])).toEqual(
      new Map([
        ["Acme", "Retail"],
        ["Beta", "Retail"],
        ["东方贸易", "亚太"],
      ]),
    );
    expect(
      toCreditJson(withSegments)
        .map((r) => r.segment)
        .sort(),
    ).toEqual(["Retail", "Retail", "亚太"]);
  });

  it("changes no limit, exposure, status or reason", () => {
    const facts = (r: typeof withSegments) =>
      r.customers.map((c) => [c.customer, c.group, c.limit, c.exposure, c.available, c.utilisation, c.status, c.reason]);
    expect(withSegments.customers.length).toBe(3);
    expect(facts(withSegments)).toEqual(facts(without));
    expect(withSegments.customers.every((c) => c.group === null && !c.decidedByGroup)).toBe(true);
  });
});

describe("toCreditJson", () => {
  it("writes one row per customer in major units with en-US statuses", () => {
    const json = toCreditJson(report);
    expect(json[2]).toEqual({
      customer: "Acme",
      group: null,
      segment: null,
      currency: "USD",
      limit: 1000,
      openAR: 900,
      openOrders: 50,
      exposure: 950,
      available: 50,
      utilisation: 0.95,
      oldestDaysOverdue: 10,
      overdue: 900,
      status: "Near limit",
      reason: expect.any(String),
    });
    expect(json[1]).toMatchObject({
      customer: "Ghost",
      limit: null,
      status: "Hold",
      reason: "Oldest open item is 70 days past due (more than 60).",
    });
  });
});
