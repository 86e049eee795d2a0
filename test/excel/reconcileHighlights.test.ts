import {
  HIGHLIGHTS_KEY,
  addHighlights,
  clearHighlights,
  clearReconcileHighlights,
  highlightReconciliation,
  insertTables,
  readWorkbookTables,
  reconcileHighlightRules,
  rowsBlock,
  selectRows,
} from "../../src/excel";
import type { ExcelRun } from "../../src/excel/types";
import { reconcile } from "../../src/engine/reconcile";
import { OUTCOME_COLORS, highlightPlan } from "../../src/engine/report/reconcile";
import { INVOICES, STATEMENT } from "./reconcileFixtures";
import { conditionalStyleAt, createWorkbench, type SheetState, type Workbench } from "../../src/workbench/host";

async function setUp(): Promise<{ workbench: Workbench; run: ExcelRun; sheet: (name: string) => SheetState }> {
  const workbench = createWorkbench();
  const run = workbench.run as ExcelRun;
  await insertTables(run, [INVOICES, STATEMENT]);
  const sheet = (name: string) => workbench.workbook.sheets.find((s) => s.name === name)!;
  return { workbench, run, sheet };
}

async function reconciled(run: ExcelRun) {
  const { tables, dateSystem } = await readWorkbookTables(run);
  const a = tables.find((t) => t.sheet === "Invoices")!;
  const b = tables.find((t) => t.sheet === "Statement")!;
  return reconcile(a, b, { lang: "en-US", dateOrder: null, dateSystem, defaultCurrency: "USD" });
}

/** Everything a user could see of a sheet besides AR Desk's own rules: values, number formats, the other rules. */
function state(sheet: SheetState, ours: ReadonlySet<string> = new Set()) {
  const formats: string[][] = [];
  for (let r = 0; r < 10; r++) formats.push(Array.from({ length: 6 }, (_, c) => sheet.numberFormat(r, c)));
  return {
    values: JSON.stringify(sheet.snapshot()),
    formats,
    rules: sheet.conditionalFormats
      .filter((cf) => !ours.has(cf.id))
      .map((cf) => ({ id: cf.id, rect: { ...cf.rect }, type: cf.type, rule: { ...cf.rule }, format: { ...cf.format } })),
  };
}

describe("reconciliation highlights in both source tables", () => {
  it("colours each side's rows by outcome, and Clear removes exactly them, leaving values, formats, the user's and the credit check's rules", async () => {
    const { workbench, run, sheet } = await setUp();
    // The user's own rule on the invoices, and the credit check's highlight on the statement.
    await run(async (context) => {
      const cf = context.workbook.worksheets.getItem("Invoices").getRange("D2:D7").conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = "#00FF00";
      cf.cellValue.rule = { formula1: "=450", operator: "GreaterThan" };
      context.workbook.worksheets.getItem("Invoices").getRange("C2:C7").numberFormat = [
        ["yyyy-mm-dd"],
        ["yyyy-mm-dd"],
        ["yyyy-mm-dd"],
        ["yyyy-mm-dd"],
        ["yyyy-mm-dd"],
        ["yyyy-mm-dd"],
      ];
      await context.sync();
    });
    await addHighlights(run, [{ status: "over", address: "A8:D8", fill: "#ABCDEF" }], "Statement");
    const before = { a: state(sheet("Invoices")), b: state(sheet("Statement")) };

    const result = await reconciled(run);
    const { added, skipped } = await highlightReconciliation(run, result);
    // A: rows 3–4 amount differs (one run), 6 missing in B, 7 split; B: 3–4, 6–7 split, 8 missing in A.
    expect(added).toBe(6);
    expect(skipped).toEqual({ A: 0, B: 0 });
    const fill = (name: string, row: number, col = 1) => conditionalStyleAt(sheet(name), row - 1, col)?.fill ?? null;
    expect([2, 3, 4, 5, 6, 7].map((row) => fill("Invoices", row))).toEqual([
      null,
      OUTCOME_COLORS["amount-differs"],
      OUTCOME_COLORS["amount-differs"],
      null,
      OUTCOME_COLORS["missing-in-b"],
      OUTCOME_COLORS.split,
    ]);
    expect([2, 3, 6, 7, 8].map((row) => fill("Statement", row, 0))).toEqual([
      null,
      OUTCOME_COLORS["amount-differs"],
      OUTCOME_COLORS.split,
      OUTCOME_COLORS.split,
      OUTCOME_COLORS["missing-in-a"],
    ]);
    // Only bounded ranges across the table's columns: the column right of each table stays plain.
    expect(fill("Invoices", 3, 4)).toBeNull();
    // The user's rule still applies where it is not overridden, and no value or format changed.
    const ours = new Set(
      sheet("Invoices")
        .conditionalFormats.concat(sheet("Statement").conditionalFormats)
        .filter((cf) => cf.type === "Custom" && String(cf.rule["formula"]).includes("reconcile"))
        .map((cf) => cf.id),
    );
    expect(ours.size).toBe(6);
    expect(state(sheet("Invoices"), ours)).toEqual(before.a);
    expect(state(sheet("Statement"), ours)).toEqual(before.b);

    // Running again replaces AR Desk's reconciliation rules instead of stacking them.
    const again = await highlightReconciliation(run, result);
    expect(again).toMatchObject({ added: 6, removed: 6 });
    // One user rule + 3 of ours on the invoices; the credit rule + 3 of ours on the statement.
    expect(sheet("Invoices").conditionalFormats.length).toBe(4);
    expect(sheet("Statement").conditionalFormats.length).toBe(4);

    expect(await clearReconcileHighlights(run)).toEqual({ removed: 6 });
    expect(state(sheet("Invoices"))).toEqual(before.a);
    expect(state(sheet("Statement"))).toEqual(before.b);
    // The credit check's record survives, and its own Clear still removes its rule.
    expect(workbench.workbook.settings.has(HIGHLIGHTS_KEY)).toBe(true);
    expect((await clearReconcileHighlights(run)).removed).toBe(0);
    expect((await clearHighlights(run)).removed).toBe(1);
    expect(workbench.workbook.settings.has(HIGHLIGHTS_KEY)).toBe(false);
    expect(sheet("Invoices").conditionalFormats.length).toBe(1);
  });

  it("caps the rules per side and counts what it left out", async () => {
    const { run } = await setUp();
    const plans = highlightPlan(await reconciled(run));
    const capped = reconcileHighlightRules(plans, 4);
    expect(capped.ranges).toEqual({ A: 3, B: 3 });
    expect(capped.rules.map((r) => `${r.sheet}!${r.address}`)).toEqual([
      "Invoices!A3:D4",
      "Invoices!A7:D7",
      "Statement!A3:D4",
      "Statement!A6:D7",
    ]);
    expect(capped.skipped).toEqual({ A: 1, B: 1 });
  });
});

describe("selecting a difference's rows", () => {
  it.each([
    [[12], "A12:F12"],
    [[13, 12], "A12:F13"],
    [[12, 40], "A12:F12"],
    [[], null],
  ])("rows %j select %s", (rows, address) => {
    expect(rowsBlock({ sheet: "S", rows, firstColumn: 0, columnCount: 6 })).toBe(address);
  });

  it("activates the table's sheet and selects the rows across its columns", async () => {
    const { workbench, run, sheet } = await setUp();
    expect(await selectRows(run, { sheet: "Statement", rows: [6, 7], firstColumn: 0, columnCount: 4 })).toBe("A6:D7");
    expect(workbench.workbook.activeSheet?.name).toBe("Statement");
    expect(sheet("Statement").selection).toEqual({ row: 5, col: 0, rows: 2, cols: 4 });
    expect(await selectRows(run, { sheet: "Invoices", rows: [], firstColumn: 0, columnCount: 4 })).toBeNull();
    expect(workbench.workbook.activeSheet?.name).toBe("Statement");
  });
});
