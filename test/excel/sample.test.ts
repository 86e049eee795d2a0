/**
 * Inserting sample tables, going to a cell, listing AR Desk's sheets.
 */
import type { TableData } from "../../src/engine/types";
import { readWorkbookTables } from "../../src/excel/read";
import { selectCell } from "../../src/excel/navigate";
import { listOwnedSheets } from "../../src/excel/owned";
import { DATE_FORMAT, MONEY_FORMAT, TEXT_FORMAT, insertTables } from "../../src/excel/sample";
import type { ExcelRun } from "../../src/excel/types";
import { writeReportSheets } from "../../src/excel/write";
import { createWorkbench, type Workbench } from "../../src/workbench/host";
import { readCells, sheetNames } from "./helpers";
import { summaryModel } from "./models";

let wb: Workbench;
let run: ExcelRun;
beforeEach(() => {
  wb = createWorkbench();
  run = wb.run as unknown as ExcelRun;
});

const invoices: TableData = {
  sheet: "Invoices",
  name: "Invoices",
  header: ["Invoice No", "Customer", "Due Date", "Amount"],
  rows: [
    ["00123", "=Acme", 46000, 1200.5],
    ["INV-2", "Beta", 46031, 99],
  ],
  firstRow: 2,
  firstColumn: 0,
};

describe("insertTables", () => {
  it("creates an Excel table per table on a new sheet, formats before values, and reads back the same", async () => {
    await run(async (context) => {
      context.workbook.worksheets.add("Invoices");
      await context.sync();
    });
    const names = await insertTables(run, [invoices], { columnFormats: [[TEXT_FORMAT, TEXT_FORMAT, DATE_FORMAT, MONEY_FORMAT]] });
    expect(names).toEqual(["Invoices (2)"]);
    const cells = await readCells(run, "Invoices (2)", 0, 3, 4);
    expect(cells.values).toEqual([invoices.header, ...invoices.rows]);
    expect(cells.numberFormat[1]).toEqual(["@", "@", DATE_FORMAT, MONEY_FORMAT]);

    const read = await readWorkbookTables(run);
    expect(read.tables).toEqual([{ ...invoices, sheet: "Invoices (2)", errorCells: new Set() }]);
  });

  it("never overwrites an existing sheet or table name", async () => {
    const first = await insertTables(run, [invoices]);
    const second = await insertTables(run, [invoices]);
    expect([first, second]).toEqual([["Invoices"], ["Invoices (2)"]]);
    const read = await readWorkbookTables(run);
    expect(read.tables.map((t) => t.name)).toEqual(["Invoices", "Invoices_2"]);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell", async () => {
    await insertTables(run, [invoices]);
    await selectCell(run, "Invoices", "C3");
    const where = await run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load("address");
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      return { address: range.address, sheet: active.name };
    });
    expect(where).toEqual({ address: "Invoices!C3", sheet: "Invoices" });
  });
});

describe("listOwnedSheets", () => {
  it("lists only AR Desk's finished sheets", async () => {
    await insertTables(run, [invoices]);
    await writeReportSheets(run, [summaryModel()], { period: "2026-10" });
    expect(await sheetNames(run)).toEqual(["Sheet1", "Invoices", "AR Aging 2026-10"]);
    expect(await listOwnedSheets(run)).toEqual([
      { name: "AR Aging 2026-10", id: expect.any(String), kind: "aging-summary", period: "2026-10" },
    ]);
  });
});
