/**
 * Clear highlights against Excel's real conditional-format semantics: a rule's id is its
 * priority position (it shifts when any rule is added or deleted) and a saved file keeps no ids.
 */
import {
  addHighlights,
  addTrackedHighlights,
  clearHighlights,
  clearTrackedHighlights,
  insertTables,
  planHighlights,
} from "../../../src/excel";
import { markedPurpose } from "../../../src/excel/highlights";
import type { ExcelRun } from "../../../src/excel/types";
import { createWorkbench, type Workbench } from "../../../src/workbench/host";
import { creditOf, CUSTOMER_AREA, FLAGGED_CUSTOMERS, tablesOf } from "../../engine/credit/fixtures";

const spec = FLAGGED_CUSTOMERS;
const area = CUSTOMER_AREA;

/** A user's rule: "amount over `limit`" on column B, its own colour. */
async function addUserRule(run: ExcelRun, limit: number, fill: string): Promise<void> {
  await run(async (context) => {
    const cf = context.workbook.worksheets.getItem("Customers").getRange("B2:B6").conditionalFormats.add("CellValue");
    cf.cellValue.format.fill.color = fill;
    cf.cellValue.rule = { formula1: `=${limit}`, operator: "GreaterThan" };
    await context.sync();
  });
}

/** Deletes the user's rule of that colour through the API (as the user would in Manage Rules). */
async function deleteUserRule(run: ExcelRun, fill: string): Promise<void> {
  await run(async (context) => {
    const formats = context.workbook.worksheets.getItem("Customers").getRange().conditionalFormats;
    formats.load("items/type");
    await context.sync();
    const fills = formats.items.map((cf) => {
      const f = cf.type === "CellValue" ? cf.cellValue.format.fill : null;
      f?.load("color");
      return { cf, f };
    });
    await context.sync();
    fills.find((x) => x.f?.color === fill)?.cf.delete();
    await context.sync();
  });
}

/** What is on the customer sheet: the user's rules by fill, and AR Desk's by purpose. */
function rulesOn(workbench: Workbench): { user: string[]; ours: string[] } {
  const sheet = workbench.workbook.sheets.find((s) => s.name === "Customers")!;
  const user: string[] = [];
  const ours: string[] = [];
  for (const cf of sheet.conditionalFormats) {
    const purpose = cf.type === "Custom" ? markedPurpose(cf.rule["formula"]) : null;
    if (purpose) ours.push(purpose);
    else user.push(cf.format.fill ?? "");
  }
  return { user: user.sort(), ours: ours.sort() };
}

async function book() {
  const workbench = createWorkbench();
  const run = workbench.run as ExcelRun;
  await insertTables(run, tablesOf(spec));
  return { workbench, run };
}

describe("Clear highlights when rule ids are positions", () => {
  const runs = planHighlights(creditOf(spec), area);

  it("the simulated host reports ids as positions that shift", async () => {
    const { run } = await book();
    await addUserRule(run, 500, "#00FF00");
    const idsAfter = async () =>
      run(async (context) => {
        const formats = context.workbook.worksheets.getItem("Customers").getRange().conditionalFormats;
        formats.load("items/id,items/type");
        await context.sync();
        return formats.items.map((cf) => `${cf.id}:${cf.type}`);
      });
    expect(await idsAfter()).toEqual(["0:CellValue"]);
    await addUserRule(run, 900, "#0000FF");
    // The first rule moved to position 1 and took id "1"; the new one is "0".
    expect(await idsAfter()).toEqual(["0:CellValue", "1:CellValue"]);
    await deleteUserRule(run, "#0000FF");
    expect(await idsAfter()).toEqual(["0:CellValue"]);
  });

  it("removes exactly AR Desk's rules after the user added and deleted rules, never a user's", async () => {
    const { workbench, run } = await book();
    await addUserRule(run, 500, "#00FF00");
    expect((await addHighlights(run, runs, "Customers")).added).toBe(3);
    // The user adds a rule above ours and deletes the one below: every position moved.
    await addUserRule(run, 900, "#0000FF");
    await deleteUserRule(run, "#00FF00");
    expect(rulesOn(workbench)).toEqual({ user: ["#0000FF"], ours: ["credit", "credit", "credit"] });

    expect((await clearHighlights(run)).removed).toBe(3);
    expect(rulesOn(workbench)).toEqual({ user: ["#0000FF"], ours: [] });
  });

  it("removes exactly AR Desk's rules after a save and reopen", async () => {
    const { workbench, run } = await book();
    await addHighlights(run, runs, "Customers");
    await addUserRule(run, 500, "#00FF00");
    await addTrackedHighlights(run, "reconcile", [{ sheet: "Customers", address: "A2:E2", fill: "#FFC7CE" }]);
    workbench.saveAndReopen();
    await addUserRule(run, 900, "#0000FF");
    expect(rulesOn(workbench)).toEqual({ user: ["#0000FF", "#00FF00"], ours: ["credit", "credit", "credit", "reconcile"] });

    expect((await clearHighlights(run)).removed).toBe(3);
    expect(rulesOn(workbench)).toEqual({ user: ["#0000FF", "#00FF00"], ours: ["reconcile"] });
    expect((await clearTrackedHighlights(run, "reconcile")).removed).toBe(1);
    expect(rulesOn(workbench)).toEqual({ user: ["#0000FF", "#00FF00"], ours: [] });
  });

  it("re-running replaces AR Desk's rules instead of stacking them, after a reopen too", async () => {
    const { workbench, run } = await book();
    await addUserRule(run, 500, "#00FF00");
    await addHighlights(run, runs, "Customers");
    workbench.saveAndReopen();
    expect(await addHighlights(run, runs, "Customers")).toEqual({ added: 3, removed: 3 });
    expect(rulesOn(workbench)).toEqual({ user: ["#00FF00"], ours: ["credit", "credit", "credit"] });
  });

  it("only a formula carrying the marker is ours", () => {
    expect(markedPurpose('="ARDesk credit"<>""')).toBe("credit");
    expect(markedPurpose('="ARDesk reconcile"<>""')).toBe("reconcile");
    expect(markedPurpose("=$B2>1000")).toBeNull();
    expect(markedPurpose('="ARDesk"<>""')).toBeNull();
    expect(markedPurpose(undefined)).toBeNull();
  });
});
