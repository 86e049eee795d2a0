/** @jest-environment jsdom */
/**
 * The Reconcile view on the sample book: "Insert sample data" adds a customer statement, the
 * view offers it as table B compared on its customer, and each deliberate difference shows as
 * its outcome; the book's unreadable rows are listed, each a jump to its cell. EN and ZH.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t } from "../../src/i18n";
import type { Lang } from "../../src/engine/types";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sheetNames } from "./harness";

jest.setTimeout(180_000);
beforeAll(emulateLayout);

describe.each<Lang>(["en-US", "zh-CN"])("Reconcile on the sample book (%s)", (lang) => {
  const tr = (id: string, params: Record<string, string | number> = {}) => t(lang, id, params);

  it("compares the sample's customer statement with the invoices on its customer, one of each difference", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook([]);
    renderPane(runOf(workbook), { displayLanguage: lang });
    await user.click(await screen.findByRole("button", { name: tr("pane.data.sample") }));
    await screen.findByText(new RegExp(`^${tr("pane.data.sampleInserted.sheets", { count: 60, sheets: "" }).slice(0, 8)}`));
    expect(sheetNames(workbook)).toContain(lang === "en-US" ? "Customer Statement" : "客户对账单");

    await user.click(screen.getByRole("tab", { name: tr("pane.tab.reconcile") }));
    const panel = within(screen.getByRole("tabpanel", { name: tr("pane.tab.reconcile") }));
    await waitFor(() => expect(panel.getByRole("combobox", { name: tr("pane.reconcile.tableB") })).toHaveTextContent("CustomerStatement"), {
      timeout: 30000,
    });
    expect(panel.getByRole("combobox", { name: tr("pane.reconcile.tableA") })).toHaveTextContent("Invoices");
    expect(panel.getByRole("checkbox", { name: tr("pane.reconcile.customersOfB") })).toBeChecked();
    await user.click(panel.getByRole("button", { name: tr("pane.reconcile.run") }));

    const counts = await panel.findByRole("table", { name: tr("pane.reconcile.counts") }, { timeout: 60000 });
    const shown = new Map(
      within(counts)
        .getAllByRole("row")
        .slice(1)
        .map(
          (row) =>
            within(row)
              .getAllByRole("cell")
              .map((cell) => cell.textContent ?? "") as [string, string],
        ),
    );
    expect(shown.size).toBeGreaterThan(0);
    for (const outcome of ["amount-differs", "date-differs", "split", "duplicate-key", "missing-in-b", "missing-in-a"]) {
      expect(shown.get(tr(`reconcile.outcome.${outcome}`))).toBe("1");
    }
    expect(shown.has(tr("reconcile.outcome.customer-differs"))).toBe(false);
    // The other customers' invoices are not differences: they are counted as left out.
    const [before, after] = tr("reconcile.sheet.scoped", { customers: "\u0000", left: "\u0001" }).split("\u0000") as [string, string];
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const scoped = new RegExp(`^${escape(before)}.+${escape(after).replace("\u0001", "[1-9]\\d*")}$`);
    expect(panel.getByText(scoped)).toBeInTheDocument();

    // The rows the sample spoils on purpose: listed, and a press selects the cell.
    const issues = panel.getByRole("list", { name: tr("pane.result.issues", { count: 2 }) });
    const jumps = within(issues).getAllByRole("button");
    expect(jumps).toHaveLength(2);
    await user.click(jumps[0]!);
    await waitFor(() => expect(workbook.workbook.activeSheet?.name).toBe(lang === "en-US" ? "Invoices" : "发票"));
  });
});
