import type { TableData } from "../../src/engine/types";
import type { ExcelRun } from "../../src/excel/types";
import { defaultSettings, insertTables, listOwnedSheets, saveSettings } from "../../src/excel";
import { lastMonthEnd, serialFromYmd } from "../../src/engine/dates";
import { generateSampleBook } from "../../src/engine/sample";
import { createWorkbench, type Workbench } from "../../src/workbench/host";
import { runMonthlyAging, type MonthlyAgingDeps } from "../../src/commands/monthlyAging";
import { ribbonActions } from "../../src/commands/ribbon";
import { getPendingProblem, setPendingProblem } from "../../src/app/problemStore";
import { getRibbonNotes, setRibbonNotes } from "../../src/app/ribbonNotes";
import { readBook } from "../../src/engine/read";
import { ageBook } from "../../src/engine/aging";
import { agingSheets } from "../../src/engine/report/aging";

/** Mid-November 2026: the monthly aging is October's (the sample book's as-of date). */
const TODAY = serialFromYmd(2026, 11, 15);

function sample(): TableData[] {
  return generateSampleBook({ invoices: 60, seed: 1 });
}

async function workbookWith(tables: TableData[]): Promise<Workbench> {
  const workbench = createWorkbench();
  if (tables.length > 0) await insertTables(workbench.run as ExcelRun, tables);
  return workbench;
}

function deps(overrides: Partial<MonthlyAgingDeps> = {}): MonthlyAgingDeps & { showTaskpane: jest.Mock } {
  return {
    today: () => TODAY,
    displayLanguage: "en-US",
    showTaskpane: jest.fn(async () => undefined),
    ...overrides,
  } as MonthlyAgingDeps & { showTaskpane: jest.Mock };
}

/** Every sheet's name and values, in workbook order. */
function contents(workbench: Workbench): Array<[string, unknown[][]]> {
  return workbench.workbook.sheets.map((sheet) => [sheet.name, workbench.snapshot(sheet.name)]);
}

afterEach(() => setPendingProblem(null));

describe("runMonthlyAging", () => {
  it("writes the last month-end's aging and clears any earlier problem", async () => {
    const workbench = await workbookWith(sample());
    setPendingProblem({ code: "no-invoice-table" });
    const outcome = await runMonthlyAging(workbench.run as ExcelRun, deps());

    expect(outcome).toMatchObject({ ok: true, asOf: lastMonthEnd(TODAY), period: "2026-10" });
    if (!outcome.ok) throw new Error("unreachable");
    // The sheets are exactly the engine's aging sheets (summary, detail, exceptions), in order.
    const book = readBook(sample(), { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
    const report = ageBook(book, { asOf: lastMonthEnd(TODAY), basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
    expect(outcome.sheets).toEqual(agingSheets(report, "en-US").map((sheet) => sheet.name));
    expect(outcome.sheets[0]).toMatch(/^AR Aging/);
    // Tagged with the month, so the sheets are known as AR Desk's October aging.
    const owned = await listOwnedSheets(workbench.run as ExcelRun);
    expect(owned.map((sheet) => [sheet.name, sheet.period])).toEqual(outcome.sheets.map((name) => [name, "2026-10"]));
    for (const name of outcome.sheets) expect(workbench.workbook.sheets.map((s) => s.name)).toContain(name);
    expect(getPendingProblem()).toBeNull();
  });

  it("gives the same workbook when run twice", async () => {
    const workbench = await workbookWith(sample());
    const first = await runMonthlyAging(workbench.run as ExcelRun, deps());
    const once = contents(workbench);
    const second = await runMonthlyAging(workbench.run as ExcelRun, deps());

    expect(second).toEqual(first);
    expect(contents(workbench)).toEqual(once);
  });

  it("ages at a fixed as-of date saved in the workbook, as the task pane does", async () => {
    const workbench = await workbookWith(sample());
    await saveSettings(workbench.run as ExcelRun, { ...defaultSettings(), asOf: "2026-09-30" });
    const outcome = await runMonthlyAging(workbench.run as ExcelRun, deps());

    expect(outcome).toMatchObject({ ok: true, asOf: serialFromYmd(2026, 9, 30), period: "2026-09" });
    const owned = await listOwnedSheets(workbench.run as ExcelRun);
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.every((sheet) => sheet.period === "2026-09")).toBe(true);
  });

  it("reports a missing invoice table, records it for the pane and opens the pane", async () => {
    const customersOnly = sample().filter((table) => table.name === "Customers");
    const workbench = await workbookWith(customersOnly);
    const before = contents(workbench);
    const d = deps();
    const outcome = await runMonthlyAging(workbench.run as ExcelRun, d);

    expect(outcome).toEqual({ ok: false, reason: { code: "no-invoice-table" } });
    expect(getPendingProblem()).toEqual({ code: "no-invoice-table" });
    expect(d.showTaskpane).toHaveBeenCalledTimes(1);
    expect(contents(workbench)).toEqual(before);
  });

  it("refuses to guess between two tables that could both be the invoices", async () => {
    const tables = sample();
    const invoices = tables.find((table) => table.name === "Invoices")!;
    // A copy that maps differently (no PO column): a rival, not a table to read with the first.
    const rival = { ...invoices, header: invoices.header.slice(0, -1), rows: invoices.rows.map((row) => row.slice(0, -1)) };
    const workbench = await workbookWith([...tables, { ...rival, sheet: "Open Invoices", name: "Open_Invoices" }]);
    const outcome = await runMonthlyAging(workbench.run as ExcelRun, deps());

    expect(outcome).toMatchObject({ ok: false, reason: { code: "ambiguous-tables", role: "invoices" } });
  });

  it("names the required columns the invoice table lacks", async () => {
    const tables = sample().map((table) => {
      if (table.name !== "Invoices") return table;
      const keep = table.header.map((_, k) => k).filter((k) => table.header[k] !== "Amount");
      return { ...table, header: keep.map((k) => table.header[k]!), rows: table.rows.map((row) => keep.map((k) => row[k] ?? null)) };
    });
    const workbench = await workbookWith(tables);
    const outcome = await runMonthlyAging(workbench.run as ExcelRun, deps());

    expect(outcome).toEqual({ ok: false, reason: { code: "missing-columns", role: "invoices", table: "Invoices", fields: ["amount"] } });
  });

  it("waits while the user is editing a cell instead of failing", async () => {
    const workbench = await workbookWith(sample());
    workbench.setCellEditMode(true);
    let settled = false;
    const running = runMonthlyAging(workbench.run as ExcelRun, deps()).then((outcome) => {
      settled = true;
      return outcome;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    workbench.setCellEditMode(false);
    expect(await running).toMatchObject({ ok: true });
  });
});

describe("ribbon actions", () => {
  /** Installs the simulated Office globals, then loads the commands module as Office would. */
  async function loadCommands(workbench: Workbench): Promise<void> {
    workbench.install(globalThis);
    await jest.isolateModulesAsync(async () => {
      await import("../../src/commands/commands");
    });
  }

  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    delete (globalThis as { Excel?: unknown }).Excel;
    delete (globalThis as { OfficeExtension?: unknown }).OfficeExtension;
  });

  it("registers both buttons at load and completes the event after writing the aging", async () => {
    const workbench = await workbookWith(sample());
    await loadCommands(workbench);
    expect([...workbench.actions.keys()]).toEqual(expect.arrayContaining(["ARDesk.MonthlyAging", "ARDesk.ShowTaskpane"]));

    await workbench.invokeAction("ARDesk.MonthlyAging");
    expect(workbench.workbook.sheets.some((sheet) => sheet.name.startsWith("AR Aging"))).toBe(true);
  });

  it("completes the event when the aging cannot run, and opens the pane on the problem", async () => {
    const workbench = await workbookWith([]);
    await loadCommands(workbench);

    await workbench.invokeAction("ARDesk.MonthlyAging");
    expect(getPendingProblem()).toEqual({ code: "no-invoice-table" });
    expect((Office.addin as unknown as { isTaskpaneVisible: boolean }).isTaskpaneVisible).toBe(true);
  });

  it("completes the event even when opening the pane fails", async () => {
    const workbench = await workbookWith([]);
    await loadCommands(workbench);
    Office.addin.showAsTaskpane = () => Promise.reject(new Error("no task pane"));

    const actions = ribbonActions({
      run: workbench.run as ExcelRun,
      today: () => TODAY,
      displayLanguage: "en-US",
      showTaskpane: () => Office.addin.showAsTaskpane(),
    });
    const event = { completed: jest.fn() };
    await expect(actions.monthlyAging(event)).rejects.toThrow("no task pane");
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("opens the task pane from the Open AR Desk button", async () => {
    const workbench = await workbookWith([]);
    await loadCommands(workbench);
    await workbench.invokeAction("ARDesk.ShowTaskpane");
    expect((Office.addin as unknown as { isTaskpaneVisible: boolean }).isTaskpaneVisible).toBe(true);
  });

  it("loads without registering anything where Office is absent", async () => {
    await expect(
      jest.isolateModulesAsync(async () => {
        await import("../../src/commands/commands");
      }),
    ).resolves.toBeUndefined();
  });
});

describe("what the ribbon's aging did besides writing", () => {
  afterEach(() => setRibbonNotes(null));

  async function edit(workbench: Workbench, sheet: string, address: string, value: string): Promise<void> {
    await workbench.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
      await context.sync();
    });
  }

  it("keeps a report sheet the user edited as '… (edited)' in place, says so to the pane and opens it", async () => {
    const workbench = await workbookWith(sample());
    const first = deps();
    await runMonthlyAging(workbench.run as ExcelRun, first);
    expect(first.showTaskpane).not.toHaveBeenCalled();
    expect(getRibbonNotes()).toBeNull();
    await edit(workbench, "AR Aging 2026-10", "K3", "Call Bob on Monday");
    const names = workbench.workbook.sheets.map((s) => s.name);

    const again = deps();
    const outcome = await runMonthlyAging(workbench.run as ExcelRun, again);
    if (!outcome.ok) throw new Error("the aging should have run");
    expect(outcome.kept).toEqual([{ sheet: "AR Aging 2026-10", keptAs: "AR Aging 2026-10 (edited)" }]);
    expect(getRibbonNotes()).toEqual({ sheets: outcome.sheets, kept: outcome.kept, warnings: [] });
    expect(again.showTaskpane).toHaveBeenCalledTimes(1);
    // The kept sheet sits just after the new one; every other sheet keeps its place.
    const at = names.indexOf("AR Aging 2026-10");
    expect(workbench.workbook.sheets.map((s) => s.name)).toEqual([
      ...names.slice(0, at + 1),
      "AR Aging 2026-10 (edited)",
      ...names.slice(at + 1),
    ]);
    expect(workbench.snapshot("AR Aging 2026-10 (edited)")[2]?.[10]).toBe("Call Bob on Monday");
  });

  it("keeps it with the Chinese suffix when the sheets are Chinese", async () => {
    const workbench = await workbookWith(sample());
    await runMonthlyAging(workbench.run as ExcelRun, deps({ displayLanguage: "zh-CN" }));
    await edit(workbench, "应收账龄 2026-10", "K3", "周一致电");
    const outcome = await runMonthlyAging(workbench.run as ExcelRun, deps({ displayLanguage: "zh-CN" }));
    expect(outcome).toMatchObject({ ok: true, kept: [{ sheet: "应收账龄 2026-10", keptAs: "应收账龄 2026-10（已编辑）" }] });
  });

  it("hands freeze panes Excel refused to the pane as warnings, and a clean run clears them", async () => {
    const workbench = createWorkbench({ freezePanesFail: "inactive" });
    await insertTables(workbench.run as ExcelRun, sample());
    const first = deps();
    const outcome = await runMonthlyAging(workbench.run as ExcelRun, first);
    if (!outcome.ok) throw new Error("the aging should have run");
    expect(outcome.warnings.map((w) => w.sheet)).toEqual(outcome.sheets.slice(1));
    expect(getRibbonNotes()?.warnings).toEqual(outcome.warnings);
    expect(first.showTaskpane).toHaveBeenCalledTimes(1);

    const kind = await workbookWith(sample());
    await runMonthlyAging(kind.run as ExcelRun, deps());
    expect(getRibbonNotes()).toBeNull();
  });
});
