/** @jest-environment jsdom */
/**
 * A finished aging is unmistakable: focus moves to the result's heading, a live region says it
 * in words, and a run that left rows out is a warning that counts them — never a plain
 * "Written".
 */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ageBook } from "../../src/engine/aging";
import { readBook } from "../../src/engine/read";
import { lastMonthEnd } from "../../src/engine/dates";
import type { TableData } from "../../src/engine/types";
import { TODAY, createTestWorkbook, emulateLayout, renderPane, runOf, sampleTables } from "./harness";

beforeAll(emulateLayout);

/** Source rows the engine leaves out of the figures as unusable (not those after the as-of date). */
function leftOutBy(tables: TableData[]): number {
  const book = readBook(tables, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  const report = ageBook(book, { asOf: lastMonthEnd(TODAY), basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
  return report.excluded.filter((row) => row.reason !== "after-as-of").length;
}

async function generate(tables = sampleTables()) {
  const user = userEvent.setup();
  const workbook = await createTestWorkbook(tables);
  renderPane(runOf(workbook));
  await user.click(await screen.findByRole("tab", { name: "Aging" }));
  const panel = within(screen.getByRole("tabpanel", { name: "Aging" }));
  await user.click(panel.getByRole("button", { name: "Generate aging" }));
  const heading = await panel.findByRole("heading", { name: "Aging as of 2026-10-31" }, { timeout: 30000 });
  return { panel, heading };
}

describe("the end of an aging run", () => {
  it("moves focus to the result's heading and announces the result", async () => {
    const { panel, heading } = await generate();
    expect(heading).toHaveFocus();
    expect(panel.getByRole("status")).toHaveTextContent(/^Aging as of 2026-10-31 written/);
  }, 60000);

  it("says where a setting is in the pane, not which command-line option to pass", async () => {
    // The sample has a text date "03/04/2026" that could be March or April.
    const { panel } = await generate();
    expect(
      panel.getAllByText(
        /The date 03\/04\/2026 could be day\/month or month\/day\. Choose the order in Settings › Order of dates written as text/,
      ).length,
    ).toBeGreaterThan(0);
    expect(panel.queryAllByText(/--date-order|command line/)).toEqual([]);
  }, 60000);

  it("says how many rows were left out, as a warning, when some invoices cannot be read", async () => {
    const [invoices, ...rest] = sampleTables();
    const amount = invoices!.header.indexOf("Amount");
    expect(amount).toBeGreaterThanOrEqual(0);
    // Three invoices with amounts nobody can read.
    const rows = invoices!.rows.map((row, k) => (k < 3 ? row.map((cell, c) => (c === amount ? "n/a" : cell)) : row));
    const tables = [{ ...invoices!, rows }, ...rest];
    // The sample is messy on purpose (an amount "abc", an invoice keyed twice): three more here.
    const count = leftOutBy(tables);
    expect(count).toBe(leftOutBy(sampleTables()) + 3);
    const { panel } = await generate(tables);
    expect(
      panel.getByText(`${count} source rows were left out of the figures because they could not be used; see the issues below.`, {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(panel.getByRole("status")).toHaveTextContent(`Aging as of 2026-10-31 written, with ${count} source rows left out.`);
  }, 60000);
});
