import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { writeTablesWorkbook } from "../../src/file/write";
import { creditPolicyOf } from "../../src/cli/credit";
import { run } from "./run";
import { table, tablesOf } from "../engine/credit/fixtures";

const dir = mkdtempSync(path.join(tmpdir(), "ar-credit-"));
const book = path.join(dir, "book.xlsx");
const orders = path.join(dir, "orders.xlsx");

beforeAll(async () => {
  await writeTablesWorkbook(
    tablesOf({
      customers: [
        ["Acme", 1000],
        ["Beta", 500, "USD", null, "Y"],
      ],
      invoices: [
        ["I1", "Acme", 10, 700],
        ["I2", "Beta", 0, 10],
        ["I3", "Ghost", 0, 5],
      ],
    }),
    book,
  );
  await writeTablesWorkbook(
    [
      table(
        "Sales Orders",
        ["Sales Order", "Customer", "Amount", "Status"],
        [
          ["SO1", "Acme", 400, "Open"],
          ["SO2", "Acme", 999, "Invoiced"],
        ],
      ),
    ],
    orders,
  );
});

describe("ar-desk credit", () => {
  it("writes one JSON row per customer, with orders from --orders", async () => {
    const result = await run(["credit", "--input", book, "--orders", orders, "--as-of", "2026-10-31", "--json", "-"]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rows.map((r) => [r.customer, r.status])).toEqual([
      ["Beta", "Blocked"],
      ["Acme", "Over limit"],
      ["Ghost", "No limit"],
    ]);
    expect(rows[1]).toEqual({
      customer: "Acme",
      group: null,
      segment: null,
      currency: "USD",
      limit: 1000,
      openAR: 700,
      openOrders: 400,
      exposure: 1100,
      available: -100,
      utilisation: 1.1,
      oldestDaysOverdue: 10,
      overdue: 700,
      status: "Over limit",
      reason: "Exposure 1,100.00 USD is over the limit 1,000.00 USD by 100.00 USD.",
    });
    expect(result.stderr).toMatch(/3 customers checked: Blocked 1, Over limit 1, No limit 1/);
  });

  it("applies --near, --hold and --no-limit, and writes the AR Credit workbook", async () => {
    const out = path.join(dir, "credit.xlsx");
    const json = path.join(dir, "credit.json");
    const result = await run([
      "credit",
      "--input",
      book,
      "--as-of",
      "2026-10-31",
      "--near",
      "60",
      "--no-limit",
      "zero",
      "--out",
      out,
      "--json",
      json,
      "--lang",
      "zh-CN",
    ]);
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const rows = JSON.parse(readFileSync(json, "utf8")) as { customer: string; status: string }[];
    expect(rows.map((r) => r.status)).toEqual(["Blocked", "Over limit", "Near limit"]);
  });

  it.each([
    [["--near", "0"], /--near must be a number from 0.01 to 100/],
    [["--no-limit", "maybe"], /--no-limit/],
  ])("rejects %j", async (args, message) => {
    const result = await run(["credit", "--input", book, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("reads the policy options", () => {
    expect(creditPolicyOf(new Map([["hold", "30"]]))).toEqual({ nearPercent: 80, holdDays: 30, noLimit: "warn" });
  });
});
