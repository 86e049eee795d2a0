import { detectSources, isClosedOrderStatus, ordersTable, ratesTable, readCreditTables } from "../../../src/engine/read";
import { creditDecision, DEFAULT_CREDIT_POLICY, type CreditFacts, type CreditStatus } from "../../../src/engine/credit/status";
import { table, tablesOf } from "./fixtures";

describe("orders and rates tables", () => {
  it.each([
    ["Orders", ["Order No", "Customer", "Amount"]],
    ["Sheet1", ["Sales Order", "Sold To", "Net Value", "Currency", "Status"]],
    ["订单", ["订单号", "客户名称", "订单金额", "币种"]],
    ["Sheet2", ["销售订单", "客户", "金额", "订单状态"]],
  ])("recognises %s with headings %j", (name, header) => {
    expect(ordersTable(table(name, header, []))?.columns.map((c) => c.field)).toEqual(
      expect.arrayContaining(["orderNumber", "customer", "amount"]),
    );
  });

  it("leaves an invoice table with a sales-order column to the ledger", () => {
    const invoices = table("Invoices", ["Invoice No", "Customer", "Due Date", "Amount", "Sales Order"], []);
    expect(ordersTable(invoices)).toBeNull();
    expect(detectSources([invoices], undefined, "en-US").sources.invoices?.table).toBe(invoices);
  });

  it("keeps orders and rates out of ledger detection (an orders table looks like payments)", () => {
    const tables = tablesOf({
      customers: [["Acme", 10]],
      invoices: [["I1", "Acme", 0, 1]],
      orders: [["SO1", "Acme", 5]],
      rates: [["EUR", "USD", 1.1]],
    });
    const plan = detectSources(tables, undefined, "en-US");
    expect(plan.sources.payments).toBeUndefined();
    expect(plan.issues).toEqual([]);
  });

  it("reads open orders and skips closed ones, with issues for bad rows", () => {
    const orders = table(
      "Orders",
      ["Order No", "Customer", "Amount", "Currency", "Status"],
      [
        ["SO1", "Acme", 100.5, "EUR", "Open"],
        ["SO2", "Acme", 50, null, "已开票"],
        ["SO3", null, 10, null, null],
        ["SO4", "Beta", "abc", null, null],
        ["SO5", "Beta", -1, null, null],
        [null, "Total", 150, null, null],
        ["SO6", "Beta", "1,000.00", null, ""],
      ],
    );
    const read = readCreditTables([orders], { lang: "en-US", defaultCurrency: "USD" });
    expect(read.orders?.number).toEqual(["SO1", "SO6"]);
    expect(Array.from(read.orders!.amount)).toEqual([10050, 100000]);
    expect(read.orders?.currency).toEqual(["EUR", "USD"]);
    expect(read.issues.map((i) => [i.code, i.cell])).toEqual([
      ["customer.missing", "B4"],
      ["amount.invalid", "C5"],
      ["credit.order.negative", "C6"],
    ]);
  });

  it("reads rates with or without a To column", () => {
    expect(ratesTable(table("Sheet9", ["Currency", "Rate"], []))).not.toBeNull();
    const read = readCreditTables(
      [
        table(
          "汇率",
          ["币种", "汇率"],
          [
            ["EUR", 7.8],
            ["XYZ", 1],
            ["JPY", "x"],
          ],
        ),
      ],
      { lang: "zh-CN", defaultCurrency: "CNY" },
    );
    expect(read.rates?.rates).toEqual([{ from: "EUR", to: "CNY", rate: 7.8 }]);
    expect(read.issues.map((i) => i.code)).toEqual(["currency.unknown", "credit.rate.invalid"]);
  });

  it.each([
    ["Invoiced", true],
    ["Cancelled", true],
    ["作废", true],
    ["Open", false],
    ["Partially shipped", false],
  ])("order status %s closed: %s", (text, closed) => {
    expect(isClosedOrderStatus(text)).toBe(closed);
  });
});

describe("creditDecision: the credit check's extra rules around creditStatus", () => {
  const base: CreditFacts = { limitMinor: 1000, exposureMinor: 500, oldestDaysOverdue: 10, blocked: false, comparable: true };
  it.each<[string, Partial<CreditFacts>, "warn" | "zero", CreditStatus]>([
    ["OK", {}, "warn", "ok"],
    ["Blocked before everything", { blocked: true, oldestDaysOverdue: 100, comparable: false }, "warn", "blocked"],
    ["Hold before currency", { oldestDaysOverdue: 61, comparable: false }, "warn", "hold"],
    ["Currency before no limit", { comparable: false, limitMinor: null }, "warn", "currency"],
    ["No limit warns", { limitMinor: null }, "warn", "nolimit"],
    ["No limit as zero: over", { limitMinor: null }, "zero", "over"],
    ["No limit as zero, nothing owed: near (no headroom)", { limitMinor: null, exposureMinor: 0 }, "zero", "near"],
  ])("%s", (_name, facts, noLimit, status) => {
    expect(creditDecision({ ...base, ...facts }, { ...DEFAULT_CREDIT_POLICY, noLimit })).toBe(status);
  });
});
