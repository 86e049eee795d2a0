/**
 * A re-run must not destroy what the user typed on a report sheet: AR Desk's tag records a hash
 * of what it wrote, and a sheet edited since is kept, renamed "… (edited)", in its place.
 */
import { listOwnedSheets, writeReportSheets } from "../../../src/excel";
import { editedName, writtenHash } from "../../../src/excel/edits";
import type { ExcelRun } from "../../../src/excel/types";
import { createWorkbench } from "../../../src/workbench/host";
import { addUserSheet, sheetNames } from "../helpers";
import { detailModel, summaryModel } from "../models";

function bench() {
  const wb = createWorkbench();
  return { wb, run: wb.run as ExcelRun };
}

async function type(run: ExcelRun, sheet: string, address: string, value: unknown): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
  });
}

describe("a re-run over a report sheet", () => {
  it("replaces an unedited sheet in place, saying nothing", async () => {
    const { run } = bench();
    await addUserSheet(run, "Notes", [["mine"]]);
    await writeReportSheets(run, [summaryModel(), detailModel(50)], { period: "2026-10" });
    await addUserSheet(run, "After", [["mine too"]]);
    const before = await sheetNames(run);
    const again = await writeReportSheets(run, [summaryModel(), detailModel(60)], { period: "2026-10" });
    expect(again.kept).toEqual([]);
    expect(await sheetNames(run)).toEqual(before);
  });

  it.each([
    ["a note typed beside the report", "M2", "ask Bob about INV-7"],
    ["a changed figure", "D5", 12345],
    ["a cleared cell", "A4", ""],
  ])("keeps a sheet with %s, renamed '… (edited)', next to the new one in the same place", async (_, address, value) => {
    const { wb, run } = bench();
    const model = detailModel(50);
    await addUserSheet(run, "Notes", [["mine"]]);
    await writeReportSheets(run, [summaryModel(), model], { period: "2026-10" });
    await addUserSheet(run, "After", [["mine too"]]);
    await type(run, model.name, address, value);
    const edited = wb.snapshot(model.name);

    const again = await writeReportSheets(run, [summaryModel(), detailModel(60)], { period: "2026-10" });
    const kept = "AR Aging Deta… 2026-10 (edited)";
    expect(again.kept).toEqual([{ sheet: model.name, keptAs: kept }]);
    expect(await sheetNames(run)).toEqual(["Sheet1", "Notes", "AR Aging 2026-10", model.name, kept, "After"]);
    // The user's work is intact, and it is the user's now: a third run leaves it alone.
    expect(wb.snapshot(kept)).toEqual(edited);
    expect((await listOwnedSheets(run)).map((s) => s.name)).toEqual(["AR Aging 2026-10", model.name]);
    const third = await writeReportSheets(run, [summaryModel(), detailModel(60)], { period: "2026-10" });
    expect(third.kept).toEqual([]);
    expect(wb.snapshot(kept)).toEqual(edited);
  });

  it("still recognises its unedited sheets after a save and reopen", async () => {
    const { wb, run } = bench();
    await writeReportSheets(run, [detailModel(30)], { period: "2026-10" });
    wb.saveAndReopen();
    const again = await writeReportSheets(run, [detailModel(30)], { period: "2026-10" });
    expect(again.kept).toEqual([]);
  });

  it("reads a large sheet back in blocks, within limits", async () => {
    const { wb, run } = bench();
    await writeReportSheets(run, [detailModel(40_000)], { period: "2026-10" });
    wb.stats.reset();
    const again = await writeReportSheets(run, [detailModel(40_000)], { period: "2026-10" });
    expect(again.kept).toEqual([]);
    expect(wb.stats.requests.every((r) => r.ok && r.responseBytes < 4_000_000)).toBe(true);
  }, 120_000);

  it.each([
    ["AR Credit", "AR Credit (edited)"],
    ["AR Aging Detail 2026-10", "AR Aging Deta… 2026-10 (edited)"],
    ["AR Reconciliation Differences", "AR Reconciliation Dif… (edited)"],
  ])("names the kept sheet of %s %s, within 31 characters", (name, kept) => {
    expect(editedName(name)).toBe(kept);
    expect(kept.length).toBeLessThanOrEqual(31);
  });

  it("takes the suffix in the user's language", () => {
    expect(editedName("应收账款账龄 2026-10", "（已编辑）")).toBe("应收账款账龄 2026-10（已编辑）");
    expect(editedName("AR Credit", " [edited]")).toBe("AR Credit _edited_");
  });

  it("hashes what Excel reads back: order and layout of the values matter", () => {
    const a = detailModel(3);
    const b = detailModel(3);
    expect(writtenHash(a)).toBe(writtenHash(b));
    b.cells[4] = [...b.cells[4]!];
    b.cells[4]![0] = "INV-X";
    expect(writtenHash(b)).not.toBe(writtenHash(a));
  });
});

describe("reading a report sheet back", () => {
  it("halves a block Excel refuses as too large and still tells an edit", async () => {
    // A host whose payload limit is far below the read-back block, as a sheet of long text would be.
    const wb = createWorkbench({ maxRequestBytes: 80_000 });
    const run = wb.run as ExcelRun;
    const model = detailModel(3_000);
    await writeReportSheets(run, [model], { period: "2026-10", blockBudgetBytes: 40_000 });
    await type(run, model.name, "B2000", "changed by hand");
    const again = await writeReportSheets(run, [detailModel(3_000)], { period: "2026-10", blockBudgetBytes: 40_000 });
    expect(wb.stats.requests.some((r) => r.errorCode === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(again.kept).toEqual([{ sheet: model.name, keptAs: "AR Aging Deta… 2026-10 (edited)" }]);
  }, 120_000);
});

describe("asking before a re-run over an edited sheet (decideEdited)", () => {
  async function editedBook() {
    const { wb, run } = bench();
    const model = detailModel(20);
    await writeReportSheets(run, [summaryModel(), model], { period: "2026-10" });
    await addUserSheet(run, "After", [["mine"]]);
    await type(run, model.name, "M2", "ask Bob");
    const edited = wb.snapshot(model.name);
    const before = await sheetNames(run);
    return { wb, run, model, edited, before };
  }

  it("is asked once, with every edited sheet and the name it would keep, before anything is created", async () => {
    const { run, model, before } = await editedBook();
    const asked: Array<{ sheet: string; keptAs: string }[]> = [];
    const namesWhenAsked: string[][] = [];
    await writeReportSheets(run, [summaryModel(), detailModel(25)], {
      period: "2026-10",
      decideEdited: async (edited) => {
        asked.push(edited);
        namesWhenAsked.push(await sheetNames(run));
        return "keep";
      },
    });
    expect(asked).toEqual([[{ sheet: model.name, keptAs: "AR Aging Deta… 2026-10 (edited)" }]]);
    expect(namesWhenAsked).toEqual([before]);
  });

  it("replace: the edited sheet is replaced in its place and listed as overwritten", async () => {
    const { wb, run, model, before } = await editedBook();
    const result = await writeReportSheets(run, [summaryModel(), detailModel(25)], {
      period: "2026-10",
      decideEdited: async () => "replace",
    });
    expect(result.kept).toEqual([]);
    expect(result.overwritten).toEqual([model.name]);
    expect(await sheetNames(run)).toEqual(before);
    expect(wb.snapshot(model.name)).toHaveLength(detailModel(25).cells.length);
  });

  it("cancel: rejects as cancelled and leaves the book exactly as it was", async () => {
    const { wb, run, model, edited, before } = await editedBook();
    await expect(
      writeReportSheets(run, [summaryModel(), detailModel(25)], { period: "2026-10", decideEdited: async () => "cancel" }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(await sheetNames(run)).toEqual(before);
    expect(wb.snapshot(model.name)).toEqual(edited);
  });

  it("is not asked when nothing was edited", async () => {
    const { run } = bench();
    await writeReportSheets(run, [summaryModel()], { period: "2026-10" });
    const decideEdited = jest.fn(async () => "replace" as const);
    const again = await writeReportSheets(run, [summaryModel()], { period: "2026-10", decideEdited });
    expect(decideEdited).not.toHaveBeenCalled();
    expect(again.overwritten).toEqual([]);
  });

  it.each([
    ["AR Credit", "AR Credit (edited)"],
    ["应收账龄 2026-10", "应收账龄 2026-10（已编辑）"],
  ])("without a suffix given, keeps %s as %s (the language of the sheet's own name)", async (name, kept) => {
    const { run } = bench();
    await writeReportSheets(run, [detailModel(5, { name })], { period: "2026-10" });
    await type(run, name, "M2", "note");
    const again = await writeReportSheets(run, [detailModel(5, { name })], { period: "2026-10" });
    expect(again.kept).toEqual([{ sheet: name, keptAs: kept }]);
  });
});
