import { addHighlights, clearHighlights, planHighlights, writeReportSheets, HIGHLIGHTS_KEY, insertTables } from "../../src/excel";
import type { ExcelRun } from "../../src/excel/types";
import { creditSheet } from "../../src/engine/report/credit";
import { createWorkbench, conditionalStyleAt } from "../../src/workbench/host";
import { creditOf, CUSTOMER_AREA, FLAGGED_CUSTOMERS, tablesOf } from "../engine/credit/fixtures";

const spec = FLAGGED_CUSTOMERS;

async function workbook() {
  const workbench = createWorkbench();
  const run = workbench.run as ExcelRun;
  await insertTables(run, tablesOf(spec));
  return { workbench, run };
}

function snapshotOf(workbench: ReturnType<typeof createWorkbench>, sheet: string) {
  const state = workbench.workbook.sheets.find((s) => s.name === sheet)!;
  return { values: JSON.stringify(state.snapshot()), formats: state.conditionalFormats.map((cf) => cf.id) };
}

describe("credit highlights on the customer table", () => {
  const report = creditOf(spec);
  const area = CUSTOMER_AREA;

  it("plans one rule per run of rows of a flagged status, riskiest first", () => {
    expect(planHighlights(report, area)).toEqual([
      { status: "blocked", address: "A3:E4", fill: "#D9D9D9" },
      { status: "over", address: "A5:E5", fill: "#FFC7CE" },
      { status: "near", address: "A6:E6", fill: "#FFEB9C" },
    ]);
    expect(planHighlights(report, area, 1)).toHaveLength(1);
  });

  it("adds conditional formats, and Clear removes exactly those, never touching values or the user's rules", async () => {
    const { workbench, run } = await workbook();
    // The user's own rule on the customer table.
    await run(async (context) => {
      const cf = context.workbook.worksheets.getItem("Customers").getRange("B2:B6").conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = "#00FF00";
      cf.cellValue.rule = { formula1: "=500", operator: "GreaterThan" };
      await context.sync();
    });
    const before = snapshotOf(workbench, "Customers");

    const { added } = await addHighlights(run, planHighlights(report, area), "Customers");
    expect(added).toBe(3);
    const sheet = workbench.workbook.sheets.find((s) => s.name === "Customers")!;
    expect(sheet.conditionalFormats).toHaveLength(4);
    expect(conditionalStyleAt(sheet, 2, 0)?.fill).toBe("#D9D9D9");
    expect(conditionalStyleAt(sheet, 5, 3)?.fill).toBe("#FFEB9C");
    expect(snapshotOf(workbench, "Customers").values).toBe(before.values);

    // Adding again replaces AR Desk's rules instead of stacking them.
    await addHighlights(run, planHighlights(report, area), "Customers");
    expect(sheet.conditionalFormats).toHaveLength(4);

    expect((await clearHighlights(run)).removed).toBe(3);
    expect(snapshotOf(workbench, "Customers")).toEqual(before);
    expect(workbench.workbook.settings.has(HIGHLIGHTS_KEY)).toBe(false);
    expect((await clearHighlights(run)).removed).toBe(0);
  });

  it("skips rules the user already deleted", async () => {
    const { workbench, run } = await workbook();
    await addHighlights(run, planHighlights(report, area), "Customers");
    const sheet = workbench.workbook.sheets.find((s) => s.name === "Customers")!;
    sheet.conditionalFormats.pop();
    expect((await clearHighlights(run)).removed).toBe(2);
    expect(sheet.conditionalFormats).toHaveLength(0);
  });
});

describe("AR Credit sheet on the simulated host", () => {
  it("writes the sheet with its status colours", async () => {
    const { workbench, run } = await workbook();
    const model = creditSheet(creditOf(spec), "en-US");
    const result = await writeReportSheets(run, [model], { period: "2026-10" });
    expect(result.sheets).toEqual(["AR Credit"]);
    const sheet = workbench.workbook.sheets.find((s) => s.name === "AR Credit")!;
    const status = model.cells[model.headerRow]!.indexOf("Status");
    expect(status).toBeGreaterThan(0);
    expect(sheet.readValues({ row: model.headerRow, col: 0, rows: 1, cols: model.columns.length })[0]?.[status]).toBe("Status");
    expect(sheet.conditionalFormats.length).toBe(model.highlights.length);
    // First data row: a Blocked customer.
    expect(conditionalStyleAt(sheet, model.dataStart, status)?.fill).toBe("#D9D9D9");
  });
});
