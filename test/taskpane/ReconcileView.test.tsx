/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { OUTCOME_COLORS } from "../../src/engine/report/reconcile";
import { conditionalStyleAt } from "../../src/workbench/host";
import { INVOICES, STATEMENT } from "../excel/reconcileFixtures";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sheetNames } from "./harness";

// Clicking through Fluent UI in jsdom: one test has taken over a minute on a busy 2-core machine.
jest.setTimeout(180_000);

beforeAll(emulateLayout);

async function openReconcile(user: ReturnType<typeof userEvent.setup>, lang: "en-US" | "zh-CN" = "en-US") {
  const workbook = await createTestWorkbook([INVOICES, STATEMENT]);
  renderPane(runOf(workbook), { displayLanguage: lang });
  await user.click(await screen.findByRole("tab", { name: lang === "zh-CN" ? "对账" : "Reconcile" }));
  const panel = screen.getByRole("tabpanel", { name: lang === "zh-CN" ? "对账" : "Reconcile" });
  await waitFor(() =>
    expect(within(panel).getByRole("combobox", { name: lang === "zh-CN" ? "A 表" : "Table A" })).toHaveTextContent("Invoices"),
  );
  return { workbook, panel: within(panel) };
}

const sheetOf = (workbook: Awaited<ReturnType<typeof createTestWorkbook>>, name: string) =>
  workbook.workbook.sheets.find((s) => s.name === name)!;

describe("Reconcile view", () => {
  it("reconciles two tables, shows the tie-out and counts, steps through differences selecting both sides, and clears its highlights", async () => {
    const user = userEvent.setup();
    const { workbook, panel } = await openReconcile(user);
    expect(panel.getByRole("combobox", { name: "Table B (matched against A)" })).toHaveTextContent("Statement");

    await user.click(panel.getByRole("button", { name: "Reconcile" }));
    expect(await panel.findByText("Written to the sheet AR Reconciliation; 6 highlights added to the two tables.")).toBeInTheDocument();
    expect(sheetNames(workbook)).toContain("AR Reconciliation");

    const tie = panel.getByRole("table", { name: "Tie-out (USD)" });
    expect(within(tie).getByRole("row", { name: /^Total A/ })).toHaveTextContent("2,100.00 USD");
    expect(within(tie).getByRole("row", { name: /^Difference A − B/ })).toHaveTextContent("450.00 USD");
    expect(within(tie).getByRole("row", { name: /^Unmatched A/ })).toHaveTextContent("500.00 USD");
    expect(within(tie).getByRole("row", { name: /^Unmatched B/ })).toHaveTextContent("50.00 USD");
    const counts = panel.getByRole("table", { name: "Outcomes" });
    expect(
      within(counts)
        .getAllByRole("row")
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(["Matched2", "Amount differs2", "Split1", "Missing in B1", "Missing in A1"]);
    // Both source tables carry the outcome colours.
    expect(conditionalStyleAt(sheetOf(workbook, "Invoices"), 2, 0)?.fill).toBe(OUTCOME_COLORS["amount-differs"]);
    expect(conditionalStyleAt(sheetOf(workbook, "Statement"), 7, 0)?.fill).toBe(OUTCOME_COLORS["missing-in-a"]);

    // Next: the first difference, INV-2, selected in A.
    expect(panel.getByRole("status")).toHaveTextContent("5 to go through: press Next.");
    await user.click(panel.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(panel.getByRole("status")).toHaveTextContent("1 of 5"));
    const current = panel.getByRole("group", { name: "Current difference" });
    expect(current).toHaveTextContent("Amount differs");
    expect(current).toHaveTextContent("-10.00 USD");
    await waitFor(() => expect(workbook.workbook.activeSheet?.name).toBe("Invoices"));
    expect(sheetOf(workbook, "Invoices").selection).toEqual({ row: 2, col: 0, rows: 1, cols: 4 });
    expect(panel.getByText("Selected Invoices!A3:D3.")).toBeInTheDocument();
    // Its other side, on the statement.
    await user.click(within(current).getByRole("button", { name: "Show in B (Statement!3)" }));
    await waitFor(() => expect(workbook.workbook.activeSheet?.name).toBe("Statement"));
    expect(sheetOf(workbook, "Statement").selection).toEqual({ row: 2, col: 0, rows: 1, cols: 4 });

    // Previous is disabled at the first; Next walks on to the last, a row only the statement has, selected in B.
    expect(panel.getByRole("button", { name: "Previous" })).toBeDisabled();
    for (let k = 0; k < 4; k++) await user.click(panel.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(panel.getByRole("status")).toHaveTextContent("5 of 5"));
    expect(panel.getByRole("group", { name: "Current difference" })).toHaveTextContent("Missing in A");
    await waitFor(() => expect(sheetOf(workbook, "Statement").selection).toEqual({ row: 7, col: 0, rows: 1, cols: 4 }));
    expect(panel.getByRole("button", { name: "Next" })).toBeDisabled();

    // Filter: only splits; the split's two statement rows are consecutive, so both are selected.
    await user.click(panel.getByRole("combobox", { name: "Show" }));
    await user.click(await screen.findByRole("option", { name: "Split (1)" }));
    await user.click(panel.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(panel.getByRole("status")).toHaveTextContent("1 of 1"));
    await user.click(
      within(panel.getByRole("group", { name: "Current difference" })).getByRole("button", { name: "Show in B (Statement!6, 7)" }),
    );
    await waitFor(() => expect(sheetOf(workbook, "Statement").selection).toEqual({ row: 5, col: 0, rows: 2, cols: 4 }));

    await user.click(panel.getByRole("button", { name: "Clear highlights" }));
    expect(await panel.findByText("6 reconciliation highlights removed; your own formatting is untouched.")).toBeInTheDocument();
    expect(sheetOf(workbook, "Invoices").conditionalFormats).toEqual([]);
    expect(sheetOf(workbook, "Statement").conditionalFormats).toEqual([]);
  });

  it("refuses the same table twice and a tolerance that is not a number", async () => {
    const user = userEvent.setup();
    const { panel } = await openReconcile(user);
    await user.click(panel.getByRole("combobox", { name: "Table B (matched against A)" }));
    await user.click(await screen.findByRole("option", { name: "Invoices" }));
    expect(await panel.findByText("Choose two different tables.")).toBeInTheDocument();
    expect(panel.getByRole("button", { name: "Reconcile" })).toBeDisabled();

    await user.click(panel.getByRole("combobox", { name: "Table B (matched against A)" }));
    await user.click(await screen.findByRole("option", { name: "Statement" }));
    await user.type(panel.getByRole("textbox", { name: /Date tolerance/ }), "1.5");
    expect(panel.getByText("Enter a whole number of days.")).toBeInTheDocument();
    expect(panel.getByRole("button", { name: "Reconcile" })).toBeDisabled();
    await user.clear(panel.getByRole("textbox", { name: /Date tolerance/ }));
    await user.type(panel.getByRole("textbox", { name: /Amount tolerance/ }), "20");
    expect(panel.getByRole("button", { name: "Reconcile" })).toBeEnabled();

    // With a 20.00 tolerance the two amount differences match.
    await user.click(panel.getByRole("button", { name: "Reconcile" }));
    const counts = await panel.findByRole("table", { name: "Outcomes" });
    expect(within(counts).getByRole("row", { name: /^Matched/ })).toHaveTextContent("4");
  });

  it("speaks Chinese", async () => {
    const user = userEvent.setup();
    const { panel } = await openReconcile(user, "zh-CN");
    await user.click(panel.getByRole("button", { name: "开始对账" }));
    expect(await panel.findByText("已写入工作表 应收对账；在两张表中添加了 6 处标记。")).toBeInTheDocument();
    expect(panel.getByRole("table", { name: "勾稽（USD）" })).toBeInTheDocument();
    await user.click(panel.getByRole("button", { name: "下一处" }));
    await waitFor(() => expect(panel.getByRole("status")).toHaveTextContent("第 1 处，共 5 处"));
  });
});
