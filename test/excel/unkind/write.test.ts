/**
 * Writing report sheets against Excel as it really is: 1904 books, sheet ids that change on
 * reopen, freeze panes that fail on hidden sheets.
 */
import {
  DATE_FORMAT,
  MONEY_FORMAT,
  TEXT_FORMAT,
  insertTables,
  listOwnedSheets,
  readWorkbookTables,
  writeReportSheets,
} from "../../../src/excel";
import { OWNED_RECORD_KEY } from "../../../src/excel/owned";
import type { ExcelRun } from "../../../src/excel/types";
import { ageBook } from "../../../src/engine/aging";
import { readBook } from "../../../src/engine/read/parse";
import { agingSheets } from "../../../src/engine/report/aging";
import { createWorkbench, type Workbench } from "../../../src/workbench/host";
import { addUserSheet, failingAtSync, sheetNames } from "../helpers";
import { detailModel } from "../models";

function bench(dateSystem: 1900 | 1904 = 1900, sheets = [{ name: "Sheet1" }]) {
  const wb = createWorkbench();
  wb.seed({ sheets, dateSystem });
  return { wb, run: wb.run as ExcelRun };
}

function sheetState(wb: Workbench, name: string) {
  const s = wb.workbook.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("a 1904 workbook", () => {
  // Invoice and due dates as a 1904 book stores them: 2026-09-15 is 44818, 2026-10-15 is 44848.
  const invoices = [
    ["Invoice", "Customer", "Invoice date", "Due date", "Amount", "Currency"],
    ["INV-1", "Acme", 44818, 44848, 1200, "USD"],
    ["INV-2", "Beta", 44757, 44787, 300.5, "USD"],
    ["INV-3", "Acme", 44849, 44879, 99, "USD"],
  ];

  it("the simulated host answers DATE in the book's system", async () => {
    for (const [system, expected] of [
      [1900, 1463],
      [1904, 1],
    ] as const) {
      const { run } = bench(system);
      const value = await run(async (context) => {
        const r = context.workbook.functions.date(1904, 1, 2);
        r.load("value");
        await context.sync();
        return r.value;
      });
      expect(value).toBe(expected);
    }
  });

  it("gets back exactly its source dates on the aging detail", async () => {
    const { wb, run } = bench(1904);
    wb.seed({ sheets: [{ name: "Invoices", cells: invoices, tables: [{ name: "tblInvoices", address: "A1:F4" }] }], dateSystem: 1904 });
    const tables = await readWorkbookTables(run);
    expect(tables.dateSystem).toBe(1904);
    const book = readBook(tables.tables, { lang: "en-US", dateOrder: null, dateSystem: 1904, defaultCurrency: "USD" });
    expect(book.issues).toEqual([]);
    // 2026-10-31 in the 1900 system: the engine works in 1900 serials whatever the book.
    const report = ageBook(book, { asOf: 46326, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
    const detail = agingSheets(report, "en-US")[1]!;
    await writeReportSheets(run, [detail], { period: "2026-10" });

    const written = sheetState(wb, detail.name);
    const header = written.readValues({ row: detail.headerRow, col: 0, rows: 1, cols: detail.columns.length })[0]!;
    const dateColumns = detail.columns.flatMap((c, i) => (c.numberFormat === "yyyy-mm-dd" ? [i] : []));
    expect(dateColumns.length).toBeGreaterThan(0);
    const rows = written.readValues({
      row: detail.dataStart,
      col: 0,
      rows: detail.dataEnd - detail.dataStart,
      cols: detail.columns.length,
    });
    expect(rows).toHaveLength(3);
    const source = new Map(invoices.slice(1).map((r) => [r[0], r]));
    for (const row of rows) {
      const invoice = source.get(row[header.indexOf("Invoice")] as string);
      expect(invoice).toBeDefined();
      const dates = dateColumns.map((c) => row[c]);
      // Each written date is one of the invoice's own source dates, unshifted.
      for (const d of dates) expect([invoice![2], invoice![3]]).toContain(d);
    }
  });

  it("writes dates of format ranges (an as-of cell) in the book's system too", async () => {
    const { wb, run } = bench(1904);
    const model = detailModel(2);
    model.cells[0] = ["As of", 46326, null, null, null, null];
    model.formats.push({ range: { row: 0, col: 1, rowCount: 1, colCount: 1 }, numberFormat: "yyyy-mm-dd" });
    await writeReportSheets(run, [model], { period: "2026-10" });
    const s = sheetState(wb, model.name);
    expect(s.readValues({ row: 0, col: 1, rows: 1, cols: 1 })[0]![0]).toBe(46326 - 1462);
    expect(s.readValues({ row: model.dataStart, col: 2, rows: 2, cols: 1 }).map((r) => r[0])).toEqual([46000 - 1462, 46001 - 1462]);
    // Amounts are not dates: untouched.
    expect(s.readValues({ row: model.dataStart, col: 3, rows: 1, cols: 1 })[0]![0]).toBe(model.cells[model.dataStart]![3]);
  });
});

describe("ownership across a save and reopen", () => {
  it("a user's sheet with a recycled id and our sheet's name survives a reopen and a re-run", async () => {
    const { wb, run } = bench();
    const model = detailModel(3, { name: "AR Credit" });
    await writeReportSheets(run, [model], { period: "2026-10" });
    const [ours] = await listOwnedSheets(run);
    expect(ours?.name).toBe("AR Credit");

    // The user deletes our sheet and makes one of the same name with their own numbers.
    await run(async (context) => {
      context.workbook.worksheets.getItem("AR Credit").delete();
      await context.sync();
    });
    await addUserSheet(run, "AR Credit", [["my limits", 5000]]);
    const mine = wb.snapshot("AR Credit");
    // A record of earlier versions, keyed on the id our sheet had, is still in the settings.
    wb.workbook.settings.set(
      OWNED_RECORD_KEY,
      JSON.stringify([{ id: ours!.id, name: "AR Credit", kind: "credit", period: "2026-10", state: "final" }]),
    );

    wb.saveAndReopen();
    // The precondition of the danger: the user's sheet now has the id our sheet had.
    expect(sheetState(wb, "AR Credit").id).toBe(ours!.id);

    const again = await writeReportSheets(run, [model], { period: "2026-10" });
    expect(again.renamed).toEqual([{ requested: "AR Credit", used: "AR Credit (2)" }]);
    expect(wb.snapshot("AR Credit")).toEqual(mine);
    expect(await sheetNames(run)).toEqual(["Sheet1", "AR Credit", "AR Credit (2)"]);
  });

  it("its own sheets are still its own after a reopen (the tag lives in the sheet)", async () => {
    const { wb, run } = bench();
    const model = detailModel(3);
    await writeReportSheets(run, [model], { period: "2026-10" });
    wb.saveAndReopen();
    const again = await writeReportSheets(run, [model], { period: "2026-10" });
    expect(again.renamed).toEqual([]);
    expect(await sheetNames(run)).toEqual(["Sheet1", model.name]);
  });
});

describe("freeze panes and filter", () => {
  it("are applied once the sheet is shown (Excel fails freezing hidden sheets)", async () => {
    const { wb, run } = bench();
    const model = detailModel(5);
    const result = await writeReportSheets(run, [model], { period: "2026-10" });
    expect(result.warnings).toEqual([]);
    expect(sheetState(wb, model.name).frozen).toEqual({ rows: 3, cols: 1 });
    expect(sheetState(wb, model.name).autoFilter).not.toBeNull();
  });

  it("a failure there is a warning, not a lost report", async () => {
    const { wb, run } = bench();
    const model = detailModel(5);
    // The last round trip of this write applies the view settings: make every attempt fail.
    const plain = await writeReportSheets(run, [model], { period: "2026-09" });
    const viewTrip = plain.roundTrips;
    const failing = failingAtSyncs(run, [viewTrip, viewTrip + 1]);
    const result = await writeReportSheets(failing, [detailModel(5, { name: "AR Other" })], { period: "2026-10" });
    expect(result.warnings).toEqual([{ sheet: "AR Other", kind: "view-settings", detail: "ItemNotFound" }]);
    expect(wb.snapshot("AR Other")).toHaveLength(model.cells.length);
    expect((await listOwnedSheets(run)).map((s) => s.name)).toContain("AR Other");
  });
});

describe("freeze panes on a host that refuses them on inactive sheets (Excel desktop, office-js#1463)", () => {
  it("the active first sheet is frozen, each other sheet is a warning, and every sheet is complete", async () => {
    const wb = createWorkbench({ freezePanesFail: "inactive" });
    const run = wb.run as ExcelRun;
    const sheets = [detailModel(5, { name: "AR One" }), detailModel(6, { name: "AR Two" }), detailModel(7, { name: "AR Three" })];
    const result = await writeReportSheets(run, sheets, { period: "2026-10" });
    expect(result.warnings).toEqual([
      { sheet: "AR Two", kind: "view-settings", detail: "GeneralException" },
      { sheet: "AR Three", kind: "view-settings", detail: "GeneralException" },
    ]);
    expect(sheetState(wb, "AR One").frozen).toEqual({ rows: 3, cols: 1 });
    for (const model of sheets) expect(wb.snapshot(model.name)).toHaveLength(model.cells.length);
  });

  it("a kind host (the default) freezes every shown sheet", async () => {
    const wb = createWorkbench();
    const result = await writeReportSheets(wb.run as ExcelRun, [detailModel(5, { name: "AR One" }), detailModel(6, { name: "AR Two" })], {
      period: "2026-10",
    });
    expect(result.warnings).toEqual([]);
    expect(sheetState(wb, "AR Two").frozen).toEqual({ rows: 3, cols: 1 });
  });
});

/** `failingAtSync` for several round trips of the same batch. */
function failingAtSyncs(run: ExcelRun, trips: number[]): ExcelRun {
  return trips.reduce((r, n) => failingAtSync(r, n), run);
}

describe("sample tables in a 1904 workbook", () => {
  it("are inserted with the book's own date serials, and read back as the same dates", async () => {
    const { wb, run } = bench(1904);
    const invoices = {
      sheet: "Invoices",
      name: "tblInvoices",
      header: ["Invoice", "Customer", "Due date", "Amount"],
      rows: [["INV-1", "Acme", 46326, 10]],
      firstRow: 2,
      firstColumn: 0,
    };
    await insertTables(run, [invoices], { columnFormats: [[TEXT_FORMAT, TEXT_FORMAT, DATE_FORMAT, MONEY_FORMAT]] });
    expect(wb.snapshot("Invoices")[1]).toEqual(["INV-1", "Acme", 46326 - 1462, 10]);
    const tables = await readWorkbookTables(run);
    const book = readBook(tables.tables, { lang: "en-US", dateOrder: null, dateSystem: tables.dateSystem, defaultCurrency: "USD" });
    expect(book.issues).toEqual([]);
    expect(Array.from(book.invoices.dueDate.slice(0, book.invoices.length))).toEqual([46326]);
  });
});
