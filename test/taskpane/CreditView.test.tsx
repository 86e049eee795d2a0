/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { saveSettings, defaultSettings } from "../../src/excel";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sheetNames } from "./harness";
import { tablesOf } from "../engine/credit/fixtures";

// Clicking through Fluent UI in jsdom: one test has taken over a minute on a busy 2-core machine.
jest.setTimeout(180_000);

beforeAll(emulateLayout);

/** Acme near its limit, Beta blocked, Omega over; the as-of date is the harness's last month-end. */
const tables = tablesOf({
  customers: [
    ["Acme", 1000],
    ["Beta", 1000, "USD", null, "Y"],
    ["Omega", 100],
  ],
  invoices: [
    ["I1", "Acme", 0, 500],
    ["I2", "Beta", 0, 10],
    ["I3", "Omega", 0, 200],
  ],
});

async function openCredit() {
  const user = userEvent.setup();
  const workbook = await createTestWorkbook(tables);
  await saveSettings(runOf(workbook), { ...defaultSettings(), mapping: { invoices: { table: "Invoices" } } });
  renderPane(runOf(workbook));
  await user.click(await screen.findByRole("tab", { name: "Credit" }));
  return { user, workbook };
}

describe("Credit view", () => {
  it("checks credit: counts by status, flagged customers, and a click selects the customer's row", async () => {
    const { user, workbook } = await openCredit();
    await user.click(screen.getByRole("button", { name: "Check credit" }));
    const counts = await screen.findByRole("list", { name: "Customers by status" });
    expect(within(counts).getByText("Blocked: 1")).toBeInTheDocument();
    expect(within(counts).getByText("Over limit: 1")).toBeInTheDocument();
    expect(within(counts).getByText("OK: 1")).toBeInTheDocument();
    expect(sheetNames(workbook)).toContain("AR Credit");

    const flagged = screen.getByRole("list", { name: "Flagged customers" });
    expect(
      within(flagged)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/^Beta Blocked — Blocked in the customer table/),
      expect.stringMatching(/^Omega Over limit — Exposure 200\.00 USD is over the limit 100\.00 USD/),
    ]);
    await user.click(within(flagged).getByRole("button", { name: "Select the row of Omega" }));
    const active = workbook.workbook.sheets.find((s) => s.name === "Customers");
    expect(workbook.workbook.activeSheet).toBe(active);
    expect(active?.selection).toEqual(expect.objectContaining({ row: 3, col: 0 }));
  });

  it("checks an order: available credit and the status it causes, with the reason", async () => {
    const { user } = await openCredit();
    await user.click(screen.getByRole("button", { name: "Check credit" }));
    await screen.findByRole("list", { name: "Customers by status" });
    await user.type(screen.getByRole("combobox", { name: "Customer" }), "Acme");
    await user.type(screen.getByRole("textbox", { name: "Order amount" }), "400");
    await user.click(screen.getByRole("button", { name: "Check order" }));
    const result = await screen.findByRole("region", { name: "Order check" });
    expect(within(result).getByText("With this order: Near limit")).toBeInTheDocument();
    expect(within(result).getByText("Exposure 900.00 USD is 90.0% of the limit 1,000.00 USD (near from 80%).")).toBeInTheDocument();
    expect(within(result).getByText("Available now 500.00 USD; after the order 100.00 USD.")).toBeInTheDocument();
  });

  it("highlights the customer table and clears exactly its own rules", async () => {
    const { user, workbook } = await openCredit();
    await user.click(screen.getByRole("button", { name: "Check credit" }));
    await screen.findByRole("list", { name: "Customers by status" });
    await user.click(screen.getByRole("button", { name: "Highlight customer table" }));
    expect(await screen.findByText("2 highlight rules added to Customers.")).toBeInTheDocument();
    const customers = workbook.workbook.sheets.find((s) => s.name === "Customers")!;
    const values = JSON.stringify(customers.snapshot());
    expect(customers.conditionalFormats).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Clear highlights" }));
    expect(await screen.findByText("2 highlight rules removed.")).toBeInTheDocument();
    expect(customers.conditionalFormats).toHaveLength(0);
    expect(JSON.stringify(customers.snapshot())).toBe(values);
  });

  it("asks for a credit check before an order check", async () => {
    const { user } = await openCredit();
    await user.click(screen.getByRole("button", { name: "Check order" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Run the credit check first.");
  });
});
