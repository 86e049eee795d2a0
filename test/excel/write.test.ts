/**
 * Writing report sheets into the simulated Excel host: what lands in the cells, what it costs
 * in round trips and bytes, and the rules for AR Desk's own sheets.
 */
import type { SheetModel } from "../../src/engine/types";
import { MAX_REQUEST_BYTES } from "../../src/excel/blocks";
import { CancelledError } from "../../src/excel/errors";
import { listOwnedSheets } from "../../src/excel/owned";
import type { ExcelRun } from "../../src/excel/types";
import { planWrite, writeReportSheets } from "../../src/excel/write";
import { createWorkbench, type Workbench } from "../../src/workbench/host";
import { addUserSheet, addUserTable, failingAtSync, readCells, sheetNames, simulateExcelApi } from "./helpers";
import { detailModel, readBack, summaryModel } from "./models";

let wb: Workbench;
let run: ExcelRun;
beforeEach(() => {
  wb = createWorkbench();
  run = wb.run as unknown as ExcelRun;
});

async function expectSheetMatches(model: SheetModel, sheet = model.name): Promise<void> {
  const width = model.cells[0]?.length ?? 0;
  const got = await readCells(run, sheet, 0, model.cells.length, width);
  expect(got.values).toEqual(model.cells.map((row) => row.map(readBack)));
  for (let r = model.dataStart; r < model.dataEnd; r++) {
    expect(got.numberFormat[r]).toEqual(model.columns.map((c) => (c.isText ? "@" : c.numberFormat)));
  }
}

describe("writeReportSheets: cells", () => {
  it("writes every cell of each model, with each column's number format over its data rows", async () => {
    const summary = summaryModel();
    const detail = detailModel(1_000);
    const result = await writeReportSheets(run, [summary, detail], { period: "2026-10" });
    expect(result.sheets).toEqual([summary.name, detail.name]);
    expect(result.renamed).toEqual([]);
    await expectSheetMatches(summary);
    await expectSheetMatches(detail);
  });

  it("writes formula-looking text from data as text and reads it back unchanged", async () => {
    const tricky = ["=SUM(A1)", "+1", "-x", "@foo", "00123", "'quoted", "1-2", "TRUE", "#N/A"];
    const model = detailModel(tricky.length, { ids: tricky });
    // The same strings in a title cell and a General column (outside the Text-formatted block).
    model.cells[0] = ['=HYPERLINK("http://x")', null, null, null, null, "-x"];
    await writeReportSheets(run, [model], { period: "2026-10" });
    const got = await readCells(run, model.name, 0, model.cells.length, 6);
    expect(got.values.slice(3, 3 + tricky.length).map((r) => r[0])).toEqual(tricky);
    expect(got.values[0]?.[0]).toBe('=HYPERLINK("http://x")');
    expect(got.values[0]?.[5]).toBe("-x");
    expect(got.values[2]?.[5]).toBe("Bucket");
    // Bucket labels in a General column stay text too ("1-30" is not a date, "90+" not a formula).
    const buckets = got.values.slice(3, 3 + tricky.length).map((r) => r[5]);
    expect(buckets).toEqual(model.cells.slice(3, 3 + tricky.length).map((r) => r[5]));
    for (const row of got.valueTypes.slice(3, 3 + tricky.length)) expect(row[0]).toBe("String");
  });

  it("applies the layout: header and totals styling, widths, freeze panes, filter, highlight, chart", async () => {
    const summary = summaryModel();
    const detail = detailModel(100);
    await writeReportSheets(run, [summary, detail], { period: "2026-10" });
    const layout = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(detail.name);
      const header = ws.getRange("A3");
      header.load("format/font/bold,format/fill/color");
      const width = ws.getRange("B1");
      width.load("format/columnWidth");
      const frozen = ws.freezePanes.getLocationOrNullObject();
      frozen.load("address");
      const filter = ws.autoFilter.getRangeOrNullObject();
      filter.load("address");
      const cfs = ws.getRange("E4:E103").conditionalFormats;
      cfs.load("items/type");
      const charts = context.workbook.worksheets.getItem(summary.name).charts;
      charts.load("items/name,items/chartType");
      const title = charts.getItemAt(0).title;
      title.load("text");
      await context.sync();
      return {
        bold: header.format.font.bold,
        fill: header.format.fill.color,
        width: width.format.columnWidth,
        frozen: frozen.isNullObject ? null : frozen.address,
        filter: filter.isNullObject ? null : filter.address,
        conditionalFormats: cfs.items.map((c) => c.type),
        charts: charts.items.map((c) => c.chartType),
        title: title.text,
      };
    });
    expect(layout).toEqual({
      bold: true,
      fill: "#DDEBF7",
      width: 28 * 5.25 + 3.75,
      frozen: expect.stringMatching(/A1:A3$/),
      filter: expect.stringMatching(/A3:F103$/),
      conditionalFormats: ["CellValue"],
      charts: ["ColumnStacked"],
      title: "Aging by bucket",
    });
  });
});

describe("writeReportSheets: cost", () => {
  it("uses round trips that grow with the number of blocks only, each request under 4 MB", async () => {
    const small = detailModel(1_000);
    const large = detailModel(100_000);
    const blocksSmall = planWrite([summaryModel(), small]).batches.length;
    const blocksLarge = planWrite([summaryModel(), large]).batches.length;
    expect(planWrite([summaryModel(), small]).layout).toHaveLength(1);
    expect(planWrite([summaryModel(), large]).layout).toHaveLength(1);

    wb.stats.reset();
    const a = await writeReportSheets(run, [summaryModel(), small], { period: "2026-10" });
    expect(a.roundTrips).toBe(wb.stats.roundTrips);

    // A fresh book: replacing a's sheets would add the read-back of their values (tested apart).
    wb.reset();
    const b = await writeReportSheets(run, [summaryModel(), large], { period: "2026-10" });
    expect(b.roundTrips).toBe(wb.stats.roundTrips);
    expect(wb.stats.maxRequestBytes).toBeLessThan(MAX_REQUEST_BYTES);

    expect(blocksLarge).toBeGreaterThan(blocksSmall);
    expect(b.roundTrips - a.roundTrips).toBe(blocksLarge - blocksSmall);
    // Fixed part: list sheets, load tags, create, layout, commit, then freeze panes and filter.
    expect(a.roundTrips).toBe(6 + blocksSmall);

    const tail = await readCells(run, large.name, large.cells.length - 3, 3, 6);
    expect(tail.values).toEqual(large.cells.slice(-3).map((row) => row.map(readBack)));
  }, 120_000);
});

describe("writeReportSheets: AR Desk's own sheets", () => {
  it("replaces its own sheet on a re-run, in the same place in the tab order", async () => {
    await addUserSheet(run, "Notes", [["keep me"]]);
    await writeReportSheets(run, [summaryModel()], { period: "2026-10" });
    await addUserSheet(run, "After", [["x"]]);
    const before = await sheetNames(run);

    const updated = summaryModel();
    updated.cells[3] = ["Acme Ltd", 999, 0, 0, 0, 0];
    const result = await writeReportSheets(run, [updated], { period: "2026-10" });

    expect(result.renamed).toEqual([]);
    expect(await sheetNames(run)).toEqual(before);
    await expectSheetMatches(updated);
    expect((await listOwnedSheets(run)).map((s) => s.name)).toEqual([updated.name]);
  });

  it("never touches a user's sheet of the same name: writes 'Name (2)' and says so", async () => {
    const model = summaryModel();
    await addUserSheet(run, model.name, [["my own numbers", 1, 2]]);
    const mine = wb.snapshot(model.name);

    const first = await writeReportSheets(run, [model], { period: "2026-10" });
    expect(first.renamed).toEqual([{ requested: model.name, used: `${model.name} (2)` }]);
    expect(first.sheets).toEqual([`${model.name} (2)`]);
    expect(wb.snapshot(model.name)).toEqual(mine);
    await expectSheetMatches(model, `${model.name} (2)`);

    // A re-run replaces its "(2)" sheet rather than adding "(3)".
    const again = await writeReportSheets(run, [model], { period: "2026-10" });
    expect(again.sheets).toEqual([`${model.name} (2)`]);
    expect((await sheetNames(run)).filter((n) => n.startsWith(model.name))).toEqual([model.name, `${model.name} (2)`]);
    expect(wb.snapshot(model.name)).toEqual(mine);
  });

  it("treats an AR Desk sheet the user renamed as the user's", async () => {
    await writeReportSheets(run, [summaryModel()], { period: "2026-10" });
    await run(async (context) => {
      context.workbook.worksheets.getItem("AR Aging 2026-10").name = "My copy";
      await context.sync();
    });
    await writeReportSheets(run, [summaryModel()], { period: "2026-10" });
    expect(await sheetNames(run)).toEqual(["Sheet1", "My copy", "AR Aging 2026-10"]);
    expect((await listOwnedSheets(run)).map((s) => s.name)).toEqual(["AR Aging 2026-10"]);
  });

  it("recognises its sheets by the tag name in the sheet on clients without custom properties", async () => {
    const restore = simulateExcelApi("1.11");
    try {
      await writeReportSheets(run, [summaryModel()], { period: "2026-10" });
      const second = await writeReportSheets(run, [summaryModel()], { period: "2026-11" });
      expect(second.renamed).toEqual([]);
      expect(await sheetNames(run)).toEqual(["Sheet1", "AR Aging 2026-10"]);
      expect(await listOwnedSheets(run)).toEqual([expect.objectContaining({ name: "AR Aging 2026-10", period: "2026-11" })]);
    } finally {
      restore();
    }
  });

  it("leaves source tables exactly as they were", async () => {
    await addUserTable(run, "Invoices", "tblInvoices", [
      ["Invoice", "Amount"],
      ["=1+1", 5],
      ["INV-2", 7],
    ]);
    const before = wb.snapshot("Invoices");
    await writeReportSheets(run, [summaryModel(), detailModel(2_000)], { period: "2026-10" });
    expect(wb.snapshot("Invoices")).toEqual(before);
  });
});

describe("writeReportSheets: atomicity", () => {
  async function previousReport(): Promise<{ names: string[]; cells: unknown[][] }> {
    return { names: await sheetNames(run), cells: wb.snapshot("AR Aging Detail 2026-10") };
  }

  it("cancelled after the first block: no new or half-written sheet, the previous report intact", async () => {
    await writeReportSheets(run, [summaryModel(), detailModel(100)], { period: "2026-10" });
    const before = await previousReport();

    const controller = new AbortController();
    let totalBlocks = 0;
    const large = detailModel(30_000, { customerPrefix: "Changed" });
    const write = writeReportSheets(run, [summaryModel(), large], {
      period: "2026-10",
      signal: controller.signal,
      blockBudgetBytes: 500_000,
      onProgress: (p) => {
        if (p.stage === "write" && p.done === 1) {
          totalBlocks = p.total;
          controller.abort();
        }
      },
    });
    await expect(write).rejects.toBeInstanceOf(CancelledError);
    expect(totalBlocks).toBeGreaterThan(1);
    expect(await previousReport()).toEqual(before);
    expect((await listOwnedSheets(run)).map((s) => s.name)).toEqual(["AR Aging 2026-10", "AR Aging Detail 2026-10"]);
  });

  it("rejected by Excel half-way: the error is rethrown and nothing half-written remains", async () => {
    await writeReportSheets(run, [summaryModel(), detailModel(100)], { period: "2026-10" });
    const before = await previousReport();
    // Round trip 4 is the first value block (after list, tags, create).
    const write = writeReportSheets(failingAtSync(run, 4), [summaryModel(), detailModel(50, { customerPrefix: "Changed" })], {
      period: "2026-10",
    });
    await expect(write).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(await previousReport()).toEqual(before);
  });

  it("keeps the sheets being written hidden until the commit", async () => {
    const seen: Array<{ name: string; visibility: string }[]> = [];
    await writeReportSheets(run, [summaryModel(), detailModel(5_000)], {
      period: "2026-10",
      blockBudgetBytes: 100_000,
      onProgress: (p) => {
        if (p.stage === "write") seen.push(wb.workbook.sheets.map((s) => ({ name: s.name, visibility: s.visibility })));
      },
    });
    expect(seen[0]).toEqual([
      { name: "Sheet1", visibility: "Visible" },
      { name: "~ARDesk writing 1", visibility: "Hidden" },
      { name: "~ARDesk writing 2", visibility: "Hidden" },
    ]);
    expect(wb.workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sheet1", "Visible"],
      ["AR Aging 2026-10", "Visible"],
      ["AR Aging Detail 2026-10", "Visible"],
    ]);
  });

  it("deletes sheets left pending by an interrupted write, and never a user's sheet that looks alike", async () => {
    await run(async (context) => {
      const leftover = context.workbook.worksheets.add("~ARDesk writing 1");
      leftover.visibility = "Hidden";
      leftover.customProperties.add(
        "ARDesk",
        JSON.stringify({ kind: "aging-summary", period: "2026-09", version: 1, sheet: "~ARDesk writing 1", state: "pending" }),
      );
      context.workbook.worksheets.add("~ARDesk writing 2"); // a user's sheet (no tag)
      await context.sync();
    });
    const result = await writeReportSheets(run, [summaryModel()], { period: "2026-10" });
    expect(result.sheets).toEqual(["AR Aging 2026-10"]);
    expect(await sheetNames(run)).toEqual(["Sheet1", "~ARDesk writing 2", "AR Aging 2026-10"]);
  });

  it("an already-aborted signal writes nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(writeReportSheets(run, [summaryModel()], { period: "2026-10", signal: controller.signal })).rejects.toBeInstanceOf(
      CancelledError,
    );
    expect(await sheetNames(run)).toEqual(["Sheet1"]);
  });

  it("waits for cell edit mode to end when asked to (ribbon runs)", async () => {
    wb.setCellEditMode(true);
    const write = writeReportSheets(run, [summaryModel()], { period: "2026-10", delayForCellEdit: true });
    setTimeout(() => wb.setCellEditMode(false), 20);
    await expect(write).resolves.toMatchObject({ sheets: ["AR Aging 2026-10"] });
  });
});
