import { creditSheet, toCreditJson } from "../../../src/engine/report/credit";
import { creditOf } from "./fixtures";

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
      "Group",
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
    expect(data.map((r) => [r[0], r[11]])).toEqual([
      ["Beta", "Blocked"],
      ["Ghost", "Hold"],
      ["Acme", "Near limit"],
      ["东方贸易", "OK"],
    ]);
    expect(data[2]).toEqual(["Acme", null, "USD", 1000, 900, 50, 950, 50, 0.95, 10, 900, "Near limit", expect.stringMatching(/95\.0%/)]);
    expect(data[3]?.slice(3, 8)).toEqual([100000, 5000, 0, 5000, 95000]);
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
    expect(zh.cells[zh.dataStart]?.[11]).toBe("停供");
  });
});

describe("toCreditJson", () => {
  it("writes one row per customer in major units with en-US statuses", () => {
    const json = toCreditJson(report);
    expect(json[2]).toEqual({
      customer: "Acme",
      group: null,
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
