import { agingSummary, formatAmount } from "../../src/cli/summary";

describe("formatAmount", () => {
  it.each([
    [1234567.5, "USD", "1,234,567.50"],
    [-5000, "JPY", "-5,000"],
    [0.004, "USD", "0.00"],
    [-0.004, "USD", "0.00"],
    [12.3456, "BHD", "12.346"],
    [999, "CNY", "999.00"],
  ])("%d %s → %s", (value, currency, text) => {
    expect(formatAmount(value, currency)).toBe(text);
  });
});

describe("agingSummary", () => {
  const json = {
    asOf: "2026-10-31",
    basis: "due",
    buckets: [{ label: "Current" }, { label: "1-30" }, { label: "30+" }],
    customers: [{}, {}],
    items: [{}, {}, {}],
    totals: [
      { currency: "USD", buckets: [100, 20.5, 0], open: 120.5, unapplied: 10, net: 110.5 },
      { currency: "JPY", buckets: [5000, 0, 0], open: 5000, unapplied: 0, net: 5000 },
    ],
    excluded: [{}],
    issues: [{ severity: "error" }, { severity: "warning" }, { severity: "warning" }],
  };

  it("aligns totals per currency under the bucket labels and counts issues", () => {
    expect(agingSummary(json, "en-US")).toEqual([
      "AR aging as of 2026-10-31 (basis: due date)",
      "Currency  Current   1-30   30+    Open  Unapplied     Net",
      "USD        100.00  20.50  0.00  120.50      10.00  110.50",
      "JPY         5,000      0     0   5,000          0   5,000",
      "Customers: 2; open items: 3",
      "Issues: 1 errors, 2 warnings; excluded rows: 1",
    ]);
  });

  it("lists the issues that say how the tables were read, after the counts, and no others", () => {
    const lines = agingSummary(
      {
        ...json,
        issues: [
          { severity: "warning", code: "column.duplicate", message: "“Invoices” has more than one amount column …" },
          { severity: "error", code: "amount.invalid", message: "not shown" },
          { severity: "warning", code: "table.joined", message: "The invoice rows are read from 2 tables together …" },
        ],
      },
      "en-US",
    );
    expect(lines.slice(-3)).toEqual([
      "How the tables were read:",
      "- “Invoices” has more than one amount column …",
      "- The invoice rows are read from 2 tables together …",
    ]);
    expect(agingSummary(json, "en-US")).not.toContain("How the tables were read:");
  });

  it("uses the report's localised labels and says when nothing is open", () => {
    const lines = agingSummary({ ...json, totals: [] }, "zh-CN", ["未到期", "1-30天", "30天以上"]);
    expect(lines[0]).toBe("应收账款账龄，截至 2026-10-31（依据：到期日）");
    expect(lines[1]).toBe("截至该日期没有未清款项。");
  });
});
