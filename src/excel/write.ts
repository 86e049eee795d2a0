/**
 * Writing report sheets (SheetModels) into the workbook.
 *
 * **Atomic.** Each model is written into a new, hidden sheet with a temporary name, tagged
 * "pending". Only when every block is in, the layout applied and the signal not aborted does
 * one final round trip unhide the new sheets, delete the AR Desk sheets they replace and give
 * them their names. On cancel or error before that, the temporary sheets are deleted and the
 * previous report is untouched; the error (or {@link CancelledError}) is rethrown. A commit
 * that fails half-way leaves at worst hidden "pending" sheets, which the next write deletes.
 *
 * **Owned sheets.** A model replaces AR Desk's own sheet of the same name (whatever its period:
 * the name is the report's identity). A user's sheet with that name is never touched: the
 * model goes to "Name (2)" (or the next free or AR Desk-owned name) and the result lists it in
 * `renamed`. Source tables are never read or written here.
 *
 * **Text safety.** See `textSafety.ts`: text columns are formatted "@" before their values;
 * other strings that Excel would parse get a quote prefix.
 *
 * **Cost.** Round trips: 2 to take stock (sheet list, tags; 1 without worksheet custom
 * properties), 1 to create the sheets, 1 per value block, 1 for the layout, 1 to commit:
 * `roundTrips = fixed + blocks` where `blocks = planWrite(sheets).batches.length`. A block
 * carries rows of one or more sheets (small sheets share one) and at most
 * {@link BLOCK_BUDGET_BYTES} of estimated JSON, so no request nears Excel's 5 MB limit.
 * Calculation is suspended for each block (ExcelApi 1.6).
 */
import type { SheetModel } from "../engine/types";
import { BLOCK_BUDGET_BYTES, rowBlocks } from "./blocks";
import { throwIfAborted } from "./errors";
import { applyColumnNumberFormats, applyLayout } from "./layout";
import { applyPageLayout } from "./pageLayout";
import {
  type OwnedRecordEntry,
  type SheetEntry,
  TAG_VERSION,
  type SheetTag,
  queueSheetList,
  queueTags,
  sameSheetName,
  sanitizeSheetName,
  tagSheet,
  uniqueSheetName,
  writeRecord,
} from "./owned";
import { RoundTrips, runBatch } from "./roundTrips";
import { isExcelApiSupported } from "./support";
import { toExcelValue } from "./textSafety";
import type { ExcelRun, WriteOptions, WriteResult } from "./types";

/** Rows of one sheet in one block. */
export interface WritePart {
  /** Index into the models. */
  sheet: number;
  start: number;
  count: number;
  bytes: number;
}

/** One round trip's worth of values. */
export interface WriteBatch {
  parts: WritePart[];
  bytes: number;
}

/** How a write will be cut into round trips; computed before touching the workbook. */
export interface WritePlan {
  batches: WriteBatch[];
  /** Column count of each model's grid. */
  widths: number[];
}

/**
 * Checks that a model can be written as a grid: rectangular cells and row markers in range.
 * Throws a RangeError naming the problem (a bug in the model builder, not in user data).
 */
function checkModel(model: SheetModel): number {
  const width = model.cells[0]?.length ?? 0;
  model.cells.forEach((row, r) => {
    if (row.length !== width) {
      throw new RangeError(`Sheet model "${model.name}": row ${r} has ${row.length} cells, row 0 has ${width}.`);
    }
  });
  const n = model.cells.length;
  if (!(model.dataStart <= model.dataEnd && model.dataEnd <= model.totalsEnd && model.totalsEnd <= n)) {
    throw new RangeError(`Sheet model "${model.name}": data/totals rows out of range.`);
  }
  return width;
}

/**
 * The values to send for rows [start, start + count) of a model, text made safe
 * (see `textSafety.ts`).
 *
 * @example
 * excelRows(model, 0, 10); // [["AR Aging", "", …], …]
 */
export function excelRows(model: SheetModel, start: number, count: number): Array<Array<string | number | boolean>> {
  const out: Array<Array<string | number | boolean>> = [];
  const textColumns = model.columns.map((c) => c.isText);
  for (let r = start; r < start + count; r++) {
    const row = model.cells[r] ?? [];
    const literal = r >= model.dataStart && r < model.dataEnd;
    out.push(row.map((v, c) => toExcelValue(v, literal && textColumns[c] === true)));
  }
  return out;
}

/** Steps of planning: yields after each measured block so a caller can yield to the UI. */
function* planSteps(sheets: readonly SheetModel[], budget: number, plan: WritePlan): Generator<void, void, undefined> {
  sheets.forEach((model) => plan.widths.push(checkModel(model)));
  for (let sheet = 0; sheet < sheets.length; sheet++) {
    const model = sheets[sheet];
    if (!model || (plan.widths[sheet] ?? 0) === 0) continue;
    for (const block of rowBlocks(0, model.cells.length, (s, n) => excelRows(model, s, n), budget)) {
      // Consecutive blocks share a round trip while they fit one budget (small sheets ride along).
      const part: WritePart = { sheet, ...block };
      const last = plan.batches[plan.batches.length - 1];
      if (last && last.bytes + part.bytes <= budget) {
        last.parts.push(part);
        last.bytes += part.bytes;
      } else {
        plan.batches.push({ parts: [part], bytes: part.bytes });
      }
      yield;
    }
  }
}

/**
 * Cuts the writing of `sheets` into round trips: each model's rows in blocks under `budget`
 * estimated bytes, consecutive blocks packed together while they fit one budget.
 *
 * @example
 * planWrite([summary, detail]).batches.length; // value round trips of the write
 */
export function planWrite(sheets: readonly SheetModel[], budget = BLOCK_BUDGET_BYTES): WritePlan {
  const plan: WritePlan = { batches: [], widths: [] };
  for (const _ of planSteps(sheets, budget, plan)) {
    // Synchronous: nothing to wait for between blocks.
  }
  return plan;
}

/** {@link planWrite}, giving the event loop a turn after each block (Excel restarts add-ins that block it for 5 s). */
async function planWriteYielding(sheets: readonly SheetModel[], budget: number, signal: AbortSignal | undefined): Promise<WritePlan> {
  const plan: WritePlan = { batches: [], widths: [] };
  for (const _ of planSteps(sheets, budget, plan)) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    throwIfAborted(signal);
  }
  return plan;
}

/** Options beyond the contract's WriteOptions. */
export interface WriteTuning {
  /** Value bytes per round trip (tests lower it to force several blocks on small models). */
  blockBudgetBytes?: number;
}

/** Where each model goes. */
interface Target {
  final: string;
  /** AR Desk's sheet of that name, deleted at commit. */
  replaces: SheetEntry | null;
}

function chooseTargets(models: readonly SheetModel[], entries: readonly SheetEntry[]): { targets: Target[]; renamed: WriteResult["renamed"] } {
  const chosen: string[] = [];
  const renamed: WriteResult["renamed"] = [];
  const existing = (name: string) => entries.find((e) => sameSheetName(e.name, name));
  const targets = models.map((model) => {
    const base = sanitizeSheetName(model.name);
    const isFree = (name: string) => {
      if (chosen.some((c) => sameSheetName(c, name))) return false;
      const e = existing(name);
      return !e || (e.owner !== null && e.owner.state === "final");
    };
    const final = uniqueSheetName(base, isFree);
    chosen.push(final);
    if (final !== model.name) renamed.push({ requested: model.name, used: final });
    return { final, replaces: existing(final) ?? null };
  });
  return { targets, renamed };
}

function tempNames(count: number, entries: readonly SheetEntry[], finals: readonly string[]): string[] {
  const names: string[] = [];
  const taken = (n: string) => entries.some((e) => sameSheetName(e.name, n)) || finals.some((f) => sameSheetName(f, n)) || names.includes(n);
  for (let i = 0, k = 1; i < count; k++) {
    const name = `~ARDesk writing ${k}`;
    if (!taken(name)) {
      names.push(name);
      i++;
    }
  }
  return names;
}

/**
 * Writes report sheets atomically and returns the names used.
 *
 * @example
 * const result = await writeReportSheets(Excel.run, [summary, detail], {
 *   period: "2026-10",
 *   signal: controller.signal,
 *   onProgress: (p) => setProgress(p),
 * });
 * if (result.renamed.length) notify(result.renamed);
 */
export async function writeReportSheets(
  run: ExcelRun,
  sheets: SheetModel[],
  options: WriteOptions & WriteTuning,
): Promise<WriteResult> {
  const { signal, onProgress, period } = options;
  throwIfAborted(signal);
  if (sheets.length === 0) return { sheets: [], renamed: [], roundTrips: 0 };
  const plan = await planWriteYielding(sheets, options.blockBudgetBytes ?? BLOCK_BUDGET_BYTES, signal);
  const runOptions = options.delayForCellEdit ? { delayForCellEdit: true } : undefined;

  return runBatch(run, runOptions, async (context) => {
    const trips = new RoundTrips(context);
    const worksheets = context.workbook.worksheets;

    // Take stock: every sheet, and which are AR Desk's.
    const listing = queueSheetList(context);
    await trips.sync();
    const listed = listing();
    const tags = queueTags(listed);
    if (tags.needsSync) await trips.sync();
    const entries = tags.collect();
    throwIfAborted(signal);

    const { targets, renamed } = chooseTargets(sheets, entries);
    const leftovers = entries.filter((e) => e.owner?.state === "pending");
    const temps = tempNames(sheets.length, entries, targets.map((t) => t.final));
    const gone = new Set([...leftovers, ...targets.flatMap((t) => (t.replaces ? [t.replaces] : []))].map((e) => e.id));
    const keptRecord = listed.record.filter((r) => entries.some((e) => e.id === r.id) && !gone.has(r.id));
    const leftoverIds = new Set(leftovers.map((e) => e.id));
    const recordBefore = listed.record.filter((r) => entries.some((e) => e.id === r.id) && !leftoverIds.has(r.id));
    const created: Excel.Worksheet[] = [];
    let committing = false;

    try {
      // Create: drop sheets left pending by an interrupted write, add the hidden temporary
      // sheets, tag them, and set the column formats before any value arrives.
      for (const e of leftovers) e.worksheet.delete();
      sheets.forEach((model, i) => {
        const ws = worksheets.add(temps[i]);
        ws.visibility = "Hidden";
        tagSheet(ws, { kind: model.kind, period, version: TAG_VERSION, sheet: temps[i] ?? "", state: "pending" });
        applyColumnNumberFormats(ws, model);
        ws.load("id");
        created.push(ws);
      });
      await trips.sync();
      // Recorded as pending too, for clients without custom properties (sent with the next sync).
      const pendingRecord: OwnedRecordEntry[] = created.map((ws, i) => ({
        id: ws.id,
        name: temps[i] ?? "",
        kind: sheets[i]?.kind ?? "aging-summary",
        period,
        state: "pending",
      }));
      writeRecord(context, [...recordBefore, ...pendingRecord]);

      // Values, block by block.
      const total = plan.batches.length;
      for (let b = 0; b < total; b++) {
        throwIfAborted(signal);
        if (isExcelApiSupported("1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
        for (const part of plan.batches[b]?.parts ?? []) {
          const model = sheets[part.sheet];
          const ws = created[part.sheet];
          const width = plan.widths[part.sheet] ?? 0;
          if (!model || !ws) continue;
          ws.getRangeByIndexes(part.start, 0, part.count, width).values = excelRows(model, part.start, part.count);
        }
        await trips.sync();
        onProgress?.({ stage: "write", done: b + 1, total });
      }

      // Layout, and the current positions of the sheets being replaced.
      throwIfAborted(signal);
      sheets.forEach((model, i) => {
        const ws = created[i];
        if (ws) applyLayout(ws, model, plan.widths[i] ?? 0);
        if (ws) applyPageLayout(ws, model);
      });
      const replaced = targets.map((t) => t.replaces?.worksheet ?? null);
      for (const ws of replaced) ws?.load("position");
      await trips.sync();
      onProgress?.({ stage: "format", done: 1, total: 1 });
      throwIfAborted(signal);

      // Commit: show the new sheets, delete the ones they replace (each new sheet takes the old
      // one's place in the tab order), name and tag them.
      committing = true;
      created.forEach((ws) => (ws.visibility = "Visible"));
      const order = targets
        .map((_, i) => ({ i, old: replaced[i] }))
        .filter((x): x is { i: number; old: Excel.Worksheet } => x.old !== null)
        .sort((a, b) => a.old.position - b.old.position);
      for (const { i, old } of order) {
        old.delete();
        const ws = created[i];
        if (ws) ws.position = old.position;
      }
      const finalRecord: OwnedRecordEntry[] = [];
      sheets.forEach((model, i) => {
        const ws = created[i];
        const name = targets[i]?.final ?? model.name;
        if (!ws) return;
        ws.name = name;
        const tag: SheetTag = { kind: model.kind, period, version: TAG_VERSION, sheet: name, state: "final" };
        tagSheet(ws, tag);
        finalRecord.push({ id: ws.id, name, kind: model.kind, period, state: "final" });
      });
      writeRecord(context, [...keptRecord, ...finalRecord]);
      if (options.activate !== false) created[0]?.activate();
      await trips.sync();
    } catch (error) {
      if (!committing) await discard(context, trips, temps, recordBefore);
      throw error;
    }
    return { sheets: targets.map((t) => t.final), renamed, roundTrips: trips.count };
  });
}

/**
 * Deletes the temporary sheets of a failed or cancelled write (found by name: a sheet whose
 * creation failed has no object to delete) and restores the ownership record.
 */
async function discard(context: Excel.RequestContext, trips: RoundTrips, temps: readonly string[], record: OwnedRecordEntry[]): Promise<void> {
  const found = temps.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  for (const ws of found) ws.load("name");
  await trips.sync();
  for (const ws of found) if (!ws.isNullObject) ws.delete();
  writeRecord(context, record);
  await trips.sync();
}

