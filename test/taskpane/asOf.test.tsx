/** @jest-environment jsdom */
/**
 * The as-of date follows the user from the aging to the credit check and the GL tie-out, is
 * saved in the workbook, and the order check counts what is owed today (issue: credit and GL
 * tie-out always used the last month-end and had no date field).
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultSettings, loadSettings, saveSettings } from "../../src/excel";
import { serialFromIso } from "../../src/engine/dates";
import { createTestWorkbook, emulateLayout, renderPane, runOf } from "./harness";
import { userTable } from "../engine/builders";

beforeAll(emulateLayout);

const d = (iso: string): number => serialFromIso(iso) as number;

/**
 * Acme, limit 1,000.00. At 2026-09-30 it owes 300.00; at 2026-10-31 also INV-2 (500.00); on
 * the harness's today (2026-11-15) also INV-3 (400.00), invoiced on 2026-11-10.
 */
const TABLES = [
  userTable(
    "Invoices",
    ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount"],
    [
      ["INV-1", "Acme", d("2026-09-01"), d("2026-10-01"), 300],
      ["INV-2", "Acme", d("2026-10-05"), d("2026-11-04"), 500],
      ["INV-3", "Acme", d("2026-11-10"), d("2026-12-10"), 400],
    ],
  ),
  userTable("Customers", ["Customer", "Credit Limit", "Currency"], [["Acme", 1000, "USD"]]),
];

async function open(asOf = "last-month-end") {
  const user = userEvent.setup();
  const workbook = await createTestWorkbook(TABLES);
  await saveSettings(runOf(workbook), { ...defaultSettings(), asOf, mapping: { invoices: { table: "Invoices" } } });
  renderPane(runOf(workbook));
  return { user, workbook };
}

describe("as-of dates beyond the aging", () => {
  it("the aging's date is saved, and the credit check starts from it and writes its sheet as of it", async () => {
    const { user, workbook } = await open();
    await user.click(await screen.findByRole("tab", { name: "Aging" }));
    const date = within(screen.getByRole("tabpanel", { name: "Aging" })).getByLabelText("As-of date");
    await user.clear(date);
    await user.type(date, "2026-09-30");
    await user.click(screen.getByRole("button", { name: "Generate aging" }));
    await waitFor(async () => expect((await loadSettings(runOf(workbook)))?.asOf).toBe("2026-09-30"), { timeout: 20000 });

    await user.click(screen.getByRole("tab", { name: "Credit" }));
    const credit = within(screen.getByRole("tabpanel", { name: "Credit" }));
    expect(credit.getByLabelText("Credit check as of")).toHaveValue("2026-09-30");
    await user.click(credit.getByRole("button", { name: "Check credit" }));
    expect(await credit.findByText("As of 2026-09-30, written to sheet AR Credit.")).toBeInTheDocument();
  }, 60000);

  it("a date chosen for the credit check is saved in the workbook", async () => {
    const { user, workbook } = await open();
    await user.click(await screen.findByRole("tab", { name: "Credit" }));
    const credit = within(screen.getByRole("tabpanel", { name: "Credit" }));
    const date = credit.getByLabelText("Credit check as of");
    expect(date).toHaveValue("2026-10-31");
    await user.clear(date);
    await user.type(date, "2026-09-30");
    await user.click(credit.getByRole("button", { name: "Check credit" }));
    expect(await credit.findByText("As of 2026-09-30, written to sheet AR Credit.")).toBeInTheDocument();
    await waitFor(async () => expect((await loadSettings(runOf(workbook)))?.asOf).toBe("2026-09-30"));
  }, 60000);

  it("the order check counts this month's invoices: as of today, not the last month-end", async () => {
    const { user } = await open();
    await user.click(await screen.findByRole("tab", { name: "Credit" }));
    const credit = within(screen.getByRole("tabpanel", { name: "Credit" }));
    expect(credit.getByLabelText(/Owed as of/)).toHaveValue("2026-11-15");
    await user.click(credit.getByRole("button", { name: "Check credit" }));
    await credit.findByText("As of 2026-10-31, written to sheet AR Credit.");
    await user.type(credit.getByRole("combobox", { name: "Customer" }), "Acme");
    await user.type(credit.getByRole("textbox", { name: "Order amount" }), "150");
    await user.click(credit.getByRole("button", { name: "Check order" }));
    const result = within(credit.getByRole("region", { name: "Order check" }));
    expect(result.getByText("Exposure as of 2026-11-15.")).toBeInTheDocument();
    // 300 + 500 + 400 owed today + 150 ordered = 1,350.00 over 1,000.00 (the month-end's 950.00 would be Near).
    expect(result.getByText("Exposure 1,350.00 USD is over the limit 1,000.00 USD by 350.00 USD.")).toBeInTheDocument();
    expect(result.getByText("Available now -200.00 USD; after the order -350.00 USD.")).toBeInTheDocument();
  }, 60000);

  it("the GL tie-out has a date field starting from the aging's date, and says when a sheet does not exist", async () => {
    const { user, workbook } = await open("2026-09-30");
    await user.click(await screen.findByRole("tab", { name: "Reconcile" }));
    const gl = within(screen.getByRole("region", { name: "GL tie-out" }));
    expect(gl.getByLabelText("Tie-out as of")).toHaveValue("2026-09-30");
    await user.type(gl.getByRole("textbox", { name: /Control balance/ }), "GL!B5");
    await user.click(gl.getByRole("button", { name: "Tie out" }));
    expect(
      await gl.findByText(
        "This workbook has no sheet named “GL”, so GL!B5 cannot be read. Enter the control balance as an amount, or a cell on an existing sheet.",
      ),
    ).toBeInTheDocument();
    expect(gl.queryByText(/Something went wrong/)).not.toBeInTheDocument();

    await user.clear(gl.getByRole("textbox", { name: /Control balance/ }));
    await user.type(gl.getByRole("textbox", { name: /Control balance/ }), "300");
    await user.click(gl.getByRole("button", { name: "Tie out" }));
    expect(await gl.findByText("As of 2026-09-30")).toBeInTheDocument();
    expect((await loadSettings(runOf(workbook)))?.asOf).toBe("2026-09-30");
  }, 60000);
});
