/** @jest-environment jsdom */
/**
 * The Data view shows how each role's tables are read, as the run will read them: tables read
 * together, tables left out, and columns competing for one field (which is used, which ignored);
 * and it lets the user pick several tables for a role, saved with the mapping.
 */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { TableData } from "../../src/engine/types";
import { loadSettings } from "../../src/excel/settings";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sampleTables } from "./harness";

jest.setTimeout(180_000);
beforeAll(emulateLayout);

/** The sample's invoices split in two tables with the same columns, on sheets of their own. */
function splitInvoices(): TableData[] {
  const tables = sampleTables();
  const invoices = tables.find((t) => t.name === "Invoices")!;
  const half = Math.floor(invoices.rows.length / 2);
  return [
    ...tables.filter((t) => t !== invoices),
    { ...invoices, rows: invoices.rows.slice(0, half) },
    { ...invoices, sheet: "Invoices Q3", name: "Invoices_Q3", rows: invoices.rows.slice(half) },
  ];
}

describe("Data view: several tables for a role", () => {
  it("shows two invoice tables with the same columns as read together, both picked", async () => {
    const workbook = await createTestWorkbook(splitInvoices());
    renderPane(runOf(workbook));
    const data = within(await screen.findByRole("tabpanel", { name: "Data" }));
    const invoices = within(await data.findByRole("region", { name: "Invoices" }));
    expect(await invoices.findByText("Read together: Invoices and Invoices_Q3")).toBeInTheDocument();
    expect(invoices.getByRole("combobox", { name: /Invoices table/ })).toHaveTextContent("Invoices and Invoices_Q3");
    expect(invoices.getByText(/The invoice rows are read from 2 tables together/)).toBeInTheDocument();
  });

  it("lets the user add a table that maps differently, and saves both in the mapping", async () => {
    const user = userEvent.setup();
    const tables = sampleTables();
    const invoices = tables.find((t) => t.name === "Invoices")!;
    // An older ledger without the PO column: not read unless picked.
    const older: TableData = {
      ...invoices,
      sheet: "Old ledger",
      name: "Old_ledger",
      header: invoices.header.slice(0, -1),
      rows: invoices.rows.slice(0, 3).map((row) => [`OLD-${String(row[0])}`, ...row.slice(1, -1)]),
    };
    const workbook = await createTestWorkbook([...tables, older]);
    renderPane(runOf(workbook));
    const data = within(await screen.findByRole("tabpanel", { name: "Data" }));
    const section = within(await data.findByRole("region", { name: "Invoices" }));
    // Before: the run will say plainly that the older ledger is not read.
    expect(await section.findByText(/“Old_ledger” also holds invoice rows, but its columns map differently/)).toBeInTheDocument();

    await user.click(section.getByRole("combobox", { name: /Invoices table/ }));
    // A multi-select lists its tables as checkable items (Fluent gives them the role menuitemcheckbox).
    await user.click(await screen.findByRole("menuitemcheckbox", { name: /Old_ledger/ }));
    expect(await section.findByText("Read together: Invoices and Old_ledger")).toBeInTheDocument();
    expect(section.queryByText(/also holds invoice rows/)).not.toBeInTheDocument();

    await user.click(data.getByRole("button", { name: "Save mapping" }));
    await data.findByText("Mapping saved in this workbook.");
    const saved = await loadSettings(runOf(workbook));
    expect(saved?.mapping.invoices).toMatchObject({ table: "Invoices", tables: ["Invoices", "Old_ledger"] });
  });

  it("names the competing column used and the one ignored beside the mapping", async () => {
    // Excel keeps table headings unique: a second "Amount" becomes "Amount2", still an amount heading.
    const tables = sampleTables().map((table) =>
      table.name === "Invoices" ? { ...table, header: [...table.header, "Amount"], rows: table.rows.map((row) => [...row, 1]) } : table,
    );
    const workbook = await createTestWorkbook(tables);
    renderPane(runOf(workbook));
    const data = within(await screen.findByRole("tabpanel", { name: "Data" }));
    const section = within(await data.findByRole("region", { name: "Invoices" }));
    expect(
      await section.findByText(
        "“Invoices” has more than one amount column: “Amount” (column F) is used, “Amount2” (column L) is ignored. Map the column to choose the other.",
      ),
    ).toBeInTheDocument();
  });
});
