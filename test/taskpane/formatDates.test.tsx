/** @jest-environment jsdom */
/**
 * "Format selection as dates" (custom functions cannot format their own cell) and the help link.
 */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { selectCell } from "../../src/excel";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sampleTables } from "./harness";

beforeAll(emulateLayout);

describe("Settings: dates from AR. functions", () => {
  it("formats the selected cells as dates and says which", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook(sampleTables());
    await selectCell(runOf(workbook), "Invoices", "C2:D4");
    renderPane(runOf(workbook));
    await user.click(await screen.findByRole("tab", { name: "Settings" }));
    const section = within(screen.getByRole("region", { name: "Dates from AR. functions" }));
    await user.click(section.getByRole("button", { name: "Format selection as dates" }));
    expect(await section.findByText("Invoices!C2:D4 now shows dates.")).toBeInTheDocument();
    const sheet = workbook.workbook.sheets.find((s) => s.name === "Invoices")!;
    for (const [row, col] of [
      [1, 2],
      [3, 3],
    ] as const)
      expect(sheet.numberFormat(row, col)).toBe("yyyy-mm-dd");
  }, 60000);

  it("offers help in the pane's language", async () => {
    const workbook = await createTestWorkbook([]);
    renderPane(runOf(workbook), { displayLanguage: "zh-CN" });
    const help = await screen.findByRole("link", { name: /^帮助/ });
    expect(help).toHaveAttribute("href", "help.html#zh-CN");
  });
});
