/**
 * Writing report sheets (SheetModels) into the workbook.
 *
 * **Atomic.** Each model is written into a new, hidden sheet with a temporary name, tagged
 * "pending". Only when every block is in, the layout applied and the signal not aborted does
 * one round trip unhide the new sheets, delete the AR Desk sheets they replace and give them
 * their names. On cancel or error before that, the temporary sheets are deleted and the
 * previous report is untouched; the error (or {@link CancelledError}) is rethrown. A commit
 * that fails half-way leaves at worst hidden "pending" sheets, which the next write deletes.
 *
 * **Owned sheets.** A model replaces AR Desk's own sheet of the same name (whatever its period:
 * the name is the report's identity), in its place in the tab order, unless the user edited that
 * sheet since it was written (its values no longer hash to what its tag records, see
 * `edits.ts`): then the edited sheet is kept, renamed "… (edited)", just after the new one, and
 * the result lists it in `kept`; a caller may ask the user first (`decideEdited`: keep, replace,
 * or cancel before anything is written). A sheet is AR Desk's only if it carries AR Desk's tag in
 * the sheet itself under its current name (see `owned.ts`); no record, and never a sheet id,
 * can make a sheet ours. A user's sheet with that name is never touched: the model goes to
 * "Name (2)" (or the next free or AR Desk-owned name) and the result lists it in `renamed`.
 * Source tables are never read or written here.
 *
 * **Dates.** Models carry 1900-system serials; a 1904 book gets its own (see `dateSystem.ts`),
 * probed in the first round trip.
 *
 * **Text safety.** See `textSafety.ts`: text columns are formatted "@" before their values;
 * other strings that Excel would parse get a quote prefix.
 *
 * **Cost.** Round trips: 2 to take stock (sheet list and date system, tags), then for each
 * sheet being replaced one per block of its values read back (to see whether it was edited;
 * `isUnchanged`), 1 to create the
 * sheets, 1 per value block, 1 per layout request, 1 to commit, 1 for freeze panes and filters:
 * `roundTrips = 6 + blocks + (layout requests - 1)` where `blocks = planWrite(sheets).batches.length`
 * and the layout requests are `planWrite(sheets).layout.length`. A block carries rows of one or
 * more sheets (small sheets share one) and at most {@link BLOCK_BUDGET_BYTES} of estimated JSON;
 * a layout request carries formats, widths, highlights and charts of at most the same estimated
 * size as the real client builds them (a format range costs about 300 bytes whatever its size),
 * so no request nears Excel's 5 MB limit. Calculation is suspended for each block (ExcelApi 1.6).
 *
 * **View settings.** Freeze panes and the filter are applied after the sheets are shown, in a
 * request of their own (Excel has known bugs freezing hidden or inactive sheets); a failure
 * there becomes a warning in the result, the report stands.
 */
import type { SheetModel } from "../engine/types";
import { BLOCK_BUDGET_BYTES, rowBlocks } from "./blocks";
import { inBookDates, queueDateSystem } from "./dateSystem";
import { editedName, isUnchanged, writtenHash } from "./edits";
import { CancelledError, throwIfAborted } from "./errors";
import { type LayoutStep, applyColumnNumberFormats, applyViewSettings, layoutSteps } from "./layout";
import { applyPageLayout } from "./pageLayout";
import {
  type SheetEntry,
  TAG_VERSION,
  type SheetTag,
  queueSheetList,
  queueTags,
  sameSheetName,
  sanitizeSheetName,
  tagSheet,
  uniqueSheetName,
} from "./owned";
import { RoundTrips, runBatch } from "./roundTrips";
import { isExcelApiSupported } from "./support";
import { toExcelValue } from "./textSafety";
import type { EditedSheet, EditedSheetChoice, ExcelRun, WriteOptions, WriteResult, WriteWarning } from "./types";

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
  /** Layout requests: each holds steps (model index, step) whose estimated bytes fit one budget. */
  layout: Array<Array<{ sheet: number; step: LayoutStep }>>;
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

/**
 * Packs the models' layout steps into requests of at most `budget` estimated bytes (a request
 * always takes at least one step), in sheet order.
 */
function planLayout(sheets: readonly SheetModel[], widths: readonly number[], budget: number): WritePlan["layout"] {
  const requests: WritePlan["layout"] = [];
  let current: WritePlan["layout"][number] = [];
  let bytes = 0;
  sheets.forEach((model, sheet) => {
    for (const step of layoutSteps(model, widths[sheet] ?? 0)) {
      if (current.length > 0 && bytes + step.bytes > budget) {
        requests.push(current);
        current = [];
        bytes = 0;
      }
      current.push({ sheet, step });
      bytes += step.bytes;
    }
  });
  if (current.length > 0 || requests.length === 0) requests.push(current);
  return requests;
}

/** Steps of planning: yields after each measured block so a caller can yield to the UI. */
function* planSteps(sheets: readonly SheetModel[], budget: number, plan: WritePlan): Generator<void, void, undefined> {
  sheets.forEach((model) => plan.widths.push(checkModel(model)));
  plan.layout = planLayout(sheets, plan.widths, budget);
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
  const plan: WritePlan = { batches: [], widths: [], layout: [] };
  for (const _ of planSteps(sheets, budget, plan)) {
    // Synchronous: nothing to wait for between blocks.
  }
  return plan;
}

/** {@link planWrite}, giving the event loop a turn after each block (Excel restarts add-ins that block it for 5 s). */
async function planWriteYielding(sheets: readonly SheetModel[], budget: number, signal: AbortSignal | undefined): Promise<WritePlan> {
  const plan: WritePlan = { batches: [], widths: [], layout: [] };
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
  /**
   * Suffix of an edited sheet kept on a re-run, in the user's language (default: the language
   * of the sheet's own name, " (edited)" or "（已编辑）", see `editedSuffixFor`).
   */
  editedSuffix?: string;
  /**
   * Asked, before anything is written, what to do with report sheets the user edited since they
   * were written (the task pane asks the user; without it they are kept, as the ribbon does).
   * "cancel" writes nothing and rejects with {@link CancelledError}.
   */
  decideEdited?: (edited: EditedSheet[]) => Promise<EditedSheetChoice>;
}

/** Where each model goes. */
interface Target {
  final: string;
  /** AR Desk's sheet of that name, deleted at commit (or kept under another name when edited). */
  replaces: SheetEntry | null;
  /** The name the replaced sheet keeps when the user edited it since it was written. */
  keepAs?: string;
}

function chooseTargets(
  models: readonly SheetModel[],
  entries: readonly SheetEntry[],
): { targets: Target[]; renamed: WriteResult["renamed"] } {
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
  const taken = (n: string) =>
    entries.some((e) => sameSheetName(e.name, n)) || finals.some((f) => sameSheetName(f, n)) || names.includes(n);
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
export async function writeReportSheets(run: ExcelRun, sheets: SheetModel[], options: WriteOptions & WriteTuning): Promise<WriteResult> {
  const { signal, onProgress, period } = options;
  throwIfAborted(signal);
  if (sheets.length === 0) return { sheets: [], renamed: [], kept: [], overwritten: [], roundTrips: 0, warnings: [] };
  const plan = await planWriteYielding(sheets, options.blockBudgetBytes ?? BLOCK_BUDGET_BYTES, signal);
  const runOptions = options.delayForCellEdit ? { delayForCellEdit: true } : undefined;

  return runBatch(run, runOptions, async (context) => {
    const trips = new RoundTrips(context);
    const worksheets = context.workbook.worksheets;

    // Take stock: every sheet, which are AR Desk's (by the tag in the sheet, nothing else), and
    // the book's date system.
    const listing = queueSheetList(context);
    const dateSystem = queueDateSystem(context.workbook);
    await trips.sync();
    const listed = listing();
    const tags = queueTags(listed);
    if (tags.needsSync) await trips.sync();
    const entries = tags.collect();
    throwIfAborted(signal);
    // Dates leave in the book's own system (a 1904 book stores every date 1,462 lower).
    const models = sheets.map((model) => inBookDates(model, dateSystem()));

    const { targets, renamed } = chooseTargets(models, entries);
    const leftovers = entries.filter((e) => e.owner?.state === "pending");
    // A sheet the user edited since it was written is kept, renamed "… (edited)".
    const taken = entries.map((e) => e.name).concat(targets.map((t) => t.final));
    for (const target of targets) {
      const written = target.replaces?.owner?.written;
      if (!target.replaces || !written || (await isUnchanged(trips, target.replaces.worksheet, written))) continue;
      target.keepAs = uniqueSheetName(editedName(target.final, options.editedSuffix), (n) => !taken.some((t) => sameSheetName(t, n)));
      taken.push(target.keepAs);
      throwIfAborted(signal);
    }
    // The user decides (the pane asks); nothing has been created yet, so "cancel" leaves the book as it was.
    const overwritten: string[] = [];
    const edited = targets.flatMap((t) => (t.keepAs ? [{ sheet: t.final, keptAs: t.keepAs }] : []));
    if (edited.length > 0 && options.decideEdited) {
      const choice = await options.decideEdited(edited);
      if (choice === "cancel") throw new CancelledError();
      if (choice === "replace") {
        for (const target of targets) if (target.keepAs) overwritten.push(target.final);
        for (const target of targets) delete target.keepAs;
      }
      throwIfAborted(signal);
    }
    const temps = tempNames(models.length, entries, taken);
    const created: Excel.Worksheet[] = [];
    let committing = false;

    try {
      // Create: drop sheets left pending by an interrupted write, add the hidden temporary
      // sheets, tag them, and set the column formats before any value arrives.
      for (const e of leftovers) e.worksheet.delete();
      models.forEach((model, i) => {
        const ws = worksheets.add(temps[i]);
        ws.visibility = "Hidden";
        tagSheet(ws, { kind: model.kind, period, version: TAG_VERSION, sheet: temps[i] ?? "", state: "pending" }, true);
        applyColumnNumberFormats(ws, model);
        created.push(ws);
      });
      await trips.sync();

      // Values, block by block.
      const total = plan.batches.length;
      for (let b = 0; b < total; b++) {
        throwIfAborted(signal);
        if (isExcelApiSupported("1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
        for (const part of plan.batches[b]?.parts ?? []) {
          const model = models[part.sheet];
          const ws = created[part.sheet];
          const width = plan.widths[part.sheet] ?? 0;
          if (!model || !ws) continue;
          ws.getRangeByIndexes(part.start, 0, part.count, width).values = excelRows(model, part.start, part.count);
        }
        await trips.sync();
        onProgress?.({ stage: "write", done: b + 1, total });
      }

      // Layout in budgeted requests; the last one also loads where the replaced sheets are. Print
      // layout (a few properties and one break per page) rides with the first request.
      throwIfAborted(signal);
      sheets.forEach((model, i) => {
        const ws = created[i];
        if (ws) applyPageLayout(ws, model);
      });
      const replaced = targets.map((t) => t.replaces?.worksheet ?? null);
      for (let k = 0; k < plan.layout.length; k++) {
        throwIfAborted(signal);
        for (const { sheet, step } of plan.layout[k] ?? []) {
          const ws = created[sheet];
          if (ws) step.apply(ws);
        }
        if (k === plan.layout.length - 1) for (const ws of replaced) ws?.load("position");
        await trips.sync();
        onProgress?.({ stage: "format", done: k + 1, total: plan.layout.length });
      }
      throwIfAborted(signal);

      // Commit: show the new sheets, delete the ones they replace (each new sheet takes the old
      // one's place in the tab order), name and tag them.
      committing = true;
      created.forEach((ws) => (ws.visibility = "Visible"));
      const order = targets
        .map((_, i) => ({ i, old: replaced[i] }))
        .filter((x): x is { i: number; old: Excel.Worksheet } => x.old !== null && x.old !== undefined)
        .sort((a, b) => a.old.position - b.old.position);
      // A kept (edited) sheet stays, just after the new one: later positions move by one.
      let shift = 0;
      for (const { i, old } of order) {
        const keepAs = targets[i]?.keepAs;
        if (keepAs) old.name = keepAs;
        else old.delete();
        const ws = created[i];
        if (ws) ws.position = old.position + shift;
        if (keepAs) shift++;
      }
      models.forEach((model, i) => {
        const ws = created[i];
        const name = targets[i]?.final ?? model.name;
        if (!ws) return;
        ws.name = name;
        const cols = plan.widths[i] ?? 0;
        const tag: SheetTag = {
          kind: model.kind,
          period,
          version: TAG_VERSION,
          sheet: name,
          state: "final",
          written: { hash: writtenHash(model), rows: model.cells.length, cols },
        };
        tagSheet(ws, tag, false);
      });
      if (options.activate !== false) created[0]?.activate();
      await trips.sync();
    } catch (error) {
      if (!committing) await discard(context, trips, temps);
      throw error;
    }
    const warnings = await applyViews(
      trips,
      created,
      models,
      plan.widths,
      targets.map((t) => t.final),
    );
    const kept = targets.flatMap((t) => (t.keepAs ? [{ sheet: t.final, keptAs: t.keepAs }] : []));
    return { sheets: targets.map((t) => t.final), renamed, kept, overwritten, roundTrips: trips.count, warnings };
  });
}

/**
 * Freeze panes and filters on the shown sheets, in their own request (see `applyViewSettings`):
 * a failure there costs the sheet its frozen header or filter, never the report. When the
 * request for all sheets fails, each sheet is tried alone so the others still get theirs; the
 * sheets that fail are returned as warnings.
 */
async function applyViews(
  trips: RoundTrips,
  created: readonly Excel.Worksheet[],
  models: readonly SheetModel[],
  widths: readonly number[],
  names: readonly string[],
): Promise<WriteWarning[]> {
  const queue = (i: number) => {
    const ws = created[i];
    const model = models[i];
    return ws && model ? applyViewSettings(ws, model, widths[i] ?? 0) : false;
  };
  const withViews = models.map((_, i) => i).filter((i) => queue(i));
  if (withViews.length === 0) return [];
  try {
    await trips.sync();
    return [];
  } catch (error) {
    if (withViews.length === 1) return [viewWarning(names[withViews[0] ?? 0] ?? "", error)];
  }
  const warnings: WriteWarning[] = [];
  for (const i of withViews) {
    queue(i);
    try {
      await trips.sync();
    } catch (error) {
      warnings.push(viewWarning(names[i] ?? "", error));
    }
  }
  return warnings;
}

function viewWarning(sheet: string, error: unknown): WriteWarning {
  const code =
    typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"
      ? (error as { code: string }).code
      : "";
  return { sheet, kind: "view-settings", detail: code || (error instanceof Error ? error.message : String(error)) };
}

/**
 * Deletes the temporary sheets of a failed or cancelled write (found by name: a sheet whose
 * creation failed has no object to delete).
 */
async function discard(context: Excel.RequestContext, trips: RoundTrips, temps: readonly string[]): Promise<void> {
  const found = temps.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  for (const ws of found) ws.load("name");
  await trips.sync();
  for (const ws of found) if (!ws.isNullObject) ws.delete();
  await trips.sync();
}
