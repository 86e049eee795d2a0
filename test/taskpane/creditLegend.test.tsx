/** @jest-environment jsdom */
/** The customer-table highlights come with a legend in the pane; the flagged customer's name leads its line. */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultSettings, saveSettings } from "../../src/excel";
import { CREDIT_STATUS_COLORS } from "../../src/engine/report/credit";
import { createTestWorkbook, emulateLayout, renderPane, runOf } from "./harness";
import { tablesOf } from "../engine/credit/fixtures";

beforeAll(emulateLayout);

/** Acme near its limit, Beta blocked, Omega over. */
const tables = tablesOf({
  customers: [
    ["Acme", 1000],
    ["Beta", 1000, "USD", null, "Y"],
    ["Omega", 100],
  ],
  invoices: [
    ["I1", "Acme", 0, 850],
    ["I2", "Beta", 0, 10],
    ["I3", "Omega", 0, 200],
  ],
});

describe("Credit view: highlight legend", () => {
  it("names each colour added to the customer table", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook(tables);
    await saveSettings(runOf(workbook), { ...defaultSettings(), mapping: { invoices: { table: "Invoices" } } });
    renderPane(runOf(workbook));
    await user.click(await screen.findByRole("tab", { name: "Credit" }));
    const panel = within(screen.getByRole("tabpanel", { name: "Credit" }));
    await user.click(panel.getByRole("button", { name: "Check credit" }));
    await panel.findByRole("list", { name: "Customers by status" });
    expect(panel.queryByRole("list", { name: "Highlight colours in the customer table" })).not.toBeInTheDocument();
    await user.click(panel.getByRole("button", { name: "Highlight customer table" }));
    const legend = await panel.findByRole("list", { name: "Highlight colours in the customer table" });
    const items = within(legend).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual(["Blocked", "Over limit", "Near limit"]);
    const swatch = items[0]!.querySelector("span[aria-hidden=true]") as HTMLElement;
    expect(swatch.style.backgroundColor).not.toBe("");
    expect(Object.keys(CREDIT_STATUS_COLORS)).toContain("blocked");
  }, 90000);
});
