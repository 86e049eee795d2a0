/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { saveSettings, defaultSettings, loadCreditSettings } from "../../src/excel";
import { createTestWorkbook, emulateLayout, renderPane, runOf } from "./harness";
import { tablesOf } from "../engine/credit/fixtures";

beforeAll(emulateLayout);

const tables = tablesOf({ customers: [["Acme", 1000]], invoices: [["I1", "Acme", 0, 500]] });

describe("Credit view options", () => {
  it("are saved in the workbook by a check and shown again when the pane reopens", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook(tables);
    await saveSettings(runOf(workbook), { ...defaultSettings(), mapping: { invoices: { table: "Invoices" } } });
    const first = renderPane(runOf(workbook));
    await user.click(await screen.findByRole("tab", { name: "Credit" }));
    const near = screen.getByRole("spinbutton", { name: "Near limit from (%)" });
    await user.clear(near);
    await user.type(near, "70");
    await user.click(screen.getByRole("switch", { name: "Treat a missing limit as zero" }));
    await user.click(screen.getByRole("button", { name: "Check credit" }));
    await screen.findByRole("list", { name: "Customers by status" });
    expect(await loadCreditSettings(runOf(workbook))).toEqual({
      version: 1,
      nearPercent: 70,
      holdDays: 60,
      noLimit: "zero",
      netUnapplied: true,
    });
    first.unmount();

    workbook.saveAndReopen();
    renderPane(runOf(workbook));
    await user.click(await screen.findByRole("tab", { name: "Credit" }));
    expect(await screen.findByDisplayValue("70")).toBeInTheDocument();
    expect(screen.getByRole("spinbutton", { name: "Hold after days past due" })).toHaveValue(60);
    expect(screen.getByRole("switch", { name: "Treat a missing limit as zero" })).toBeChecked();
  });
});
