/** @jest-environment jsdom */
/**
 * Rows a reconciliation leaves out as unreadable are listed in the pane, each a jump to its
 * cell (the sheet lists them too, in its "Issues" section below the detail list).
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { columnLetters } from "../../src/workbench/host";
import { INVOICES, STATEMENT } from "../excel/reconcileFixtures";
import { createTestWorkbook, emulateLayout, renderPane, runOf } from "./harness";

beforeAll(emulateLayout);

describe("Reconcile view: rows left out", () => {
  it("lists the unreadable rows and selects one's cell when pressed", async () => {
    const user = userEvent.setup();
    // Row 9 of the statement: an amount nobody can read.
    const statement = { ...STATEMENT, rows: [...STATEMENT.rows, ["INV-10", "Gamma", STATEMENT.rows[0]![2]!, "n/a"]] };
    const workbook = await createTestWorkbook([INVOICES, statement]);
    renderPane(runOf(workbook));
    await user.click(await screen.findByRole("tab", { name: "Reconcile" }));
    const panel = within(screen.getByRole("tabpanel", { name: "Reconcile" }));
    await waitFor(() => expect(panel.getByRole("combobox", { name: "Table B (matched against A)" })).toHaveTextContent("Statement"));
    await user.click(panel.getByRole("button", { name: "Reconcile" }));
    await panel.findByRole("table", { name: "Outcomes" }, { timeout: 30000 });

    const list = panel.getByRole("list", { name: /^Issues \(\d+\)$/ });
    const jumps = within(list).getAllByRole("button", { name: /Go to Statement!D9/ });
    expect(jumps.length).toBeGreaterThan(0);
    await user.click(jumps[0]!);
    await waitFor(() => expect(workbook.workbook.activeSheet?.name).toBe("Statement"));
    const { selection } = workbook.workbook.activeSheet!;
    expect(`${columnLetters(selection.col)}${selection.row + 1}`).toBe("D9");
  }, 120000);
});
