import { serialFromYmd } from "../../src/engine/dates";
import { DEFAULT_CREDIT_POLICY } from "../../src/engine/credit/status";
import { requestFromSettings } from "../../src/app/aging";
import { clearCreditHighlights, highlightCredit, orderCheck, runCreditCheck } from "../../src/app/credit";
import { defaultSettings } from "../../src/app/settings";
import { table, tablesOf } from "../engine/credit/fixtures";
import { memoryWorkbook } from "./memoryPort";

const TODAY = serialFromYmd(2026, 11, 15);
const request = () => requestFromSettings(defaultSettings(), "en-US", TODAY);

/** Acme is over its limit, Beta is on hold by flag, Ghost has invoices but no customer row. */
const book = () =>
  tablesOf({
    customers: [
      ["Acme", 1000],
      ["Beta", 500, "USD", null, "Y"],
    ],
    invoices: [
      ["I1", "Acme", 10, 1200],
      ["I2", "Beta", 0, 10],
      ["I3", "Ghost", 0, 5],
    ],
  });

describe("runCreditCheck", () => {
  it("checks every customer, writes AR Credit without activating it, and locates the customer table", async () => {
    const port = memoryWorkbook(book());
    const done = await runCreditCheck(port, { aging: request(), policy: DEFAULT_CREDIT_POLICY, netUnapplied: true });
    if (!done.ok) throw new Error(`stopped: ${done.problem.code}`);
    expect(done.report.customers.map((c) => [c.customer, c.status])).toEqual([
      ["Beta", "blocked"],
      ["Acme", "over"],
      ["Ghost", "nolimit"],
    ]);
    expect(done.sheet).not.toBeNull();
    expect([...port.sheets.keys()]).toEqual([done.sheet]);
    expect(done.customerArea).toEqual({ sheet: "Customers", firstColumn: 0, columnCount: expect.any(Number) });
  });

  it("stops as the aging does when the tables cannot be picked, and writes nothing", async () => {
    const tables = book();
    const invoices = tables.find((t) => t.name === "Invoices");
    if (!invoices) throw new Error("fixture has invoices");
    // A second invoice table that maps differently (one column fewer): ambiguous, not read together.
    const rival = { ...invoices, header: invoices.header.slice(0, -1), rows: invoices.rows.map((row) => row.slice(0, -1)) };
    const port = memoryWorkbook([...tables, { ...rival, sheet: "Invoices 2", name: "Invoices 2" }]);
    const done = await runCreditCheck(port, { aging: request(), policy: DEFAULT_CREDIT_POLICY, netUnapplied: true });
    expect(done).toMatchObject({ ok: false, problem: { code: "ambiguous-tables", role: "invoices" } });
    expect(port.sheets.size).toBe(0);
  });

  it("takes orders from side tables (the CLI's --orders file)", async () => {
    const orders = table("Sales Orders", ["Sales Order", "Customer", "Amount", "Status"], [["SO1", "Beta", 100, "Open"]]);
    const port = memoryWorkbook(book());
    const done = await runCreditCheck(port, {
      aging: request(),
      policy: DEFAULT_CREDIT_POLICY,
      netUnapplied: true,
      sideTables: [orders],
      write: false,
    });
    if (!done.ok) throw new Error("unreachable");
    expect(done.report.customers.find((c) => c.customer === "Beta")?.openOrders).toBe(10000);
    expect(port.sheets.size).toBe(0);
  });
});

describe("credit highlights", () => {
  it("colour the flagged customers' rows under the credit purpose, and clear only those", async () => {
    const port = memoryWorkbook(book());
    const done = await runCreditCheck(port, { aging: request(), policy: DEFAULT_CREDIT_POLICY, netUnapplied: true });
    if (!done.ok || !done.customerArea) throw new Error("unreachable");
    await port.setHighlights("reconcile", [{ sheet: "Invoices", address: "A2:D2", fill: "#FFC7CE" }]);
    const { added } = await highlightCredit(port, done.report, done.customerArea);
    const rules = port.highlights.get("credit") ?? [];
    expect(rules.length).toBeGreaterThan(0);
    expect(added).toBe(rules.length);
    expect(rules.every((r) => r.sheet === "Customers" && /^[A-Z]+\d+:[A-Z]+\d+$/.test(r.address))).toBe(true);
    expect(await clearCreditHighlights(port)).toEqual({ removed: rules.length });
    expect(port.highlights.get("reconcile")).toHaveLength(1);
  });
});

describe("orderCheck", () => {
  it.each([
    ["Acme", 100],
    [" acme ", 100],
  ])("finds %j case-insensitively and converts the amount to minor units", async (customer, amount) => {
    const port = memoryWorkbook(book());
    const done = await runCreditCheck(port, { aging: request(), policy: DEFAULT_CREDIT_POLICY, netUnapplied: true, write: false });
    if (!done.ok) throw new Error("unreachable");
    const check = orderCheck(done.report, { customer, amount, defaultCurrency: "USD" });
    const acme = done.report.customers.find((c) => c.customer === "Acme");
    if (!acme || acme.available === null) throw new Error("Acme has a limit");
    expect(check.availableAfter).toBe(acme.available - 10000);
  });
});
