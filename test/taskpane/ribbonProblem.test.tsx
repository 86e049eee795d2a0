/** @jest-environment jsdom */
/**
 * The ribbon's "Monthly aging" that could not run (the sample inserted twice: two candidate
 * invoice tables) is unmistakable in the pane: the problem is focused and in view, and nothing
 * says "finished".
 */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import { runMonthlyAging } from "../../src/commands/monthlyAging";
import { setPendingProblem } from "../../src/app/problemStore";
import { TODAY, createTestWorkbook, emulateLayout, renderPane, runOf, sampleTables } from "./harness";

beforeAll(emulateLayout);
afterEach(() => setPendingProblem(null));

describe("a ribbon run that could not go ahead", () => {
  it("opens the pane with its problem focused, and writes nothing", async () => {
    // Copies that map differently (last column dropped): rivals the ribbon must not choose between.
    // (Copies with the same columns would be read together, not a problem.)
    const copy = sampleTables().map((table) => ({
      ...table,
      sheet: `${table.sheet} copy`,
      name: `${table.name}Copy`,
      header: table.header.slice(0, -1),
      rows: table.rows.map((row) => row.slice(0, -1)),
    }));
    const workbook = await createTestWorkbook([...sampleTables(), ...copy]);
    const sheetsBefore = workbook.workbook.sheets.map((sheet) => sheet.name);
    let opened = 0;
    const outcome = await runMonthlyAging(runOf(workbook), {
      today: () => TODAY,
      displayLanguage: "en-US",
      showTaskpane: async () => void opened++,
    });
    expect(outcome.ok).toBe(false);
    expect(opened).toBe(1);
    expect(workbook.workbook.sheets.map((sheet) => sheet.name)).toEqual(sheetsBefore);

    renderPane(runOf(workbook));
    const title = await screen.findByText("Monthly aging could not run");
    const banner = title.closest("[tabindex='-1']");
    expect(banner).not.toBeNull();
    await waitFor(() => expect(banner).toHaveFocus());
    expect(screen.queryByText(/finished/i)).not.toBeInTheDocument();
  }, 60000);
});
