/**
 * The workbench: a simulated Excel host with Office.js semantics, for tests and for the
 * browser preview on machines without Excel.
 *
 * Requests: every `context.sync()` that has queued operations is one round trip. Its request
 * size is estimated as the real client builds the body (./payload.ts: an action per operation
 * with its arguments in UTF-8, an object path per object touched; calibrated against the
 * Office.js client library), and its response size as the UTF-8 JSON length of what the loads
 * return. A request whose estimate exceeds `maxRequestBytes` (default 5 MB, as
 * Excel on the web) is rejected before anything runs with "RequestPayloadSizeLimitExceeded";
 * a response over the same limit fails with "ResponsePayloadSizeLimitExceeded" (the request's
 * writes have then been applied, but nothing loaded is delivered), and so does loading more
 * than 5,000,000 cells of one range at once. A `sync()` with nothing queued resolves without
 * a round trip (Office.js sends nothing either) but is counted in `stats.syncCalls`.
 * `Excel.run` sends whatever is still queued when the batch's promise resolves (one more round
 * trip), and drops it when the batch rejects.
 *
 * Add-in functions: formulas call the functions of a pluggable registry (`options.functions`
 * or `registerFunctions`; see ./functions.ts), their arrays spill, and every change
 * recalculates (see ./calc.ts).
 */
import { MAX_COLS, Rect, parseAddress } from "./address";
import type { StoredValue } from "./cells";
import { HostError, HostErrorCode } from "./errors";
import type { FunctionRegistry } from "./functions";
import { SheetState, WorkbookState } from "./model";
import { writeContent } from "./ops";
import { installOffice } from "./office";
import { HostContextBase, HostObject, HostRuntime, QueuedOp } from "./proxy";
import { checkTableName } from "./table";
import { requestBytes as estimateRequestBytes } from "./payload";
import { reopenedWorkbook } from "./reopen";
import { RequestContextProxy, RunContextOptions } from "./workbook";
import { checkSheetName } from "./worksheet";

/** Default request/response limit: 5 MB, as Excel on the web. */
export const DEFAULT_MAX_REQUEST_BYTES = 5 * 1024 * 1024;

/** Options of `createWorkbench`. */
export interface WorkbenchOptions {
  /** Display language reported by `Office.context.displayLanguage` (default "en-US"). */
  locale?: string;
  /** Largest request/response accepted, in bytes (default 5 MB). */
  maxRequestBytes?: number;
  /** Add-in functions formulas can call (`=AR.DAYSOVERDUE(D2:D9)`); none by default. */
  functions?: FunctionRegistry | null;
  /**
   * When freezing panes fails (see `checkFreezable` in ./worksheet.ts): "hidden" (default) on
   * hidden sheets; "inactive" also on shown sheets that are not the active one, as Excel desktop
   * has done (office-js#1463), so the pane's warning for it can be seen and tested.
   */
  freezePanesFail?: "hidden" | "inactive";
}

/** One round trip as recorded. */
export interface RequestRecord {
  /** 1-based number of the round trip. */
  index: number;
  /** Number of queued operations sent. */
  operations: number;
  /** Statement labels, e.g. "Range.values", "WorksheetCollection.add()". */
  statements: string[];
  requestBytes: number;
  responseBytes: number;
  ok: boolean;
  errorCode: string | null;
}

/** Round-trip and payload statistics. */
export class WorkbenchStats {
  /** Every round trip, in order. */
  requests: RequestRecord[] = [];
  /** Every `context.sync()` call, including empty ones that send nothing. */
  syncCalls = 0;
  /** Number of `Excel.run` calls. */
  runs = 0;

  /** Round trips (syncs that sent a request). */
  get syncCount(): number {
    return this.requests.length;
  }
  /** Same as syncCount. */
  get roundTrips(): number {
    return this.requests.length;
  }
  get lastRequestBytes(): number {
    return this.requests[this.requests.length - 1]?.requestBytes ?? 0;
  }
  get maxRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.requestBytes), 0);
  }
  get totalRequestBytes(): number {
    return this.requests.reduce((m, r) => m + r.requestBytes, 0);
  }
  get lastResponseBytes(): number {
    return this.requests[this.requests.length - 1]?.responseBytes ?? 0;
  }
  get maxResponseBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }
  get totalResponseBytes(): number {
    return this.requests.reduce((m, r) => m + r.responseBytes, 0);
  }

  /** Forgets all recorded requests. */
  reset(): void {
    this.requests = [];
    this.syncCalls = 0;
    this.runs = 0;
  }
}

/** What a change listener receives. */
export interface WorkbenchChange {
  /** "calculate": results changed without a write (new functions, `recalculate()`). */
  kind: "sync" | "seed" | "reset" | "settings" | "calculate";
}

/** A sheet to seed. */
export interface SeedSheet {
  name: string;
  /** Rows of cells from A1; written with the same rules as `Range.values` (null skips). */
  cells?: unknown[][];
  /** Excel tables to create over seeded cells (header row included in `address`). */
  tables?: { name: string; address: string; hasHeaders?: boolean }[];
}

/** A workbook to seed. */
export interface SeedSpec {
  sheets: SeedSheet[];
  /** Initial `workbook.settings` / document settings. */
  settings?: Record<string, unknown>;
  /** The workbook's date system (default 1900): in 1904 `workbook.functions.date` answers as a 1904 book does. */
  dateSystem?: 1900 | 1904;
}

/** Batch function of `Excel.run`. */
export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** The simulated host. */
export interface Workbench {
  /** `Excel.run` against the simulated workbook (all overloads). */
  run: typeof Excel.run;
  /** Round trips and payload sizes. */
  readonly stats: WorkbenchStats;
  /** The workbook model (for tests and the grid view). */
  readonly workbook: WorkbookState;
  /** Display language given at creation. */
  readonly locale: string;
  /** Replaces the workbook with the given sheets, tables and settings. */
  seed(spec: SeedSpec): void;
  /** Values of a sheet's used range (values only), "" for empty cells. */
  snapshot(sheetName: string): StoredValue[][];
  /** Back to a new workbook with one empty "Sheet1"; statistics are cleared. */
  reset(): void;
  /**
   * The user saves, closes and reopens the workbook: what the file keeps stays (cells, formats,
   * rules, custom properties, settings), session ids do not (sheets get new, possibly recycled
   * ids; see ./reopen.ts). Proxies of earlier contexts must not be used afterwards.
   */
  saveAndReopen(): void;
  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: (change: WorkbenchChange) => void): () => void;
  /** Simulates the user entering/leaving cell edit mode. */
  setCellEditMode(editing: boolean): void;
  /** Defines `Excel`, `OfficeExtension` and a minimal `Office` on a global object. */
  install(globalObj: object): void;
  /** Invokes an action registered with `Office.actions.associate`; resolves on `event.completed()`. */
  invokeAction(id: string): Promise<void>;
  /** Notifies listeners (used by the installed `Office` for document settings). */
  notify(change: WorkbenchChange): void;
  /** Action handlers registered through `Office.actions.associate`. */
  readonly actions: Map<string, (event: { completed: (options?: unknown) => void }) => unknown>;
  /**
   * Sets the add-in functions formulas call (null: none, so their names evaluate as unknown
   * functions); kept across `seed` and `reset`. Recalculates and notifies listeners.
   *
   * @example
   * workbench.registerFunctions({ namespaces: ["AR"], resolve: (name) => lookup(name) });
   */
  registerFunctions(registry: FunctionRegistry | null): void;
  /**
   * Recalculates every formula (as Excel's Calculate Now): for results that depend on more than
   * the cells, e.g. after the functions' display language or "today" changed. Notifies listeners.
   */
  recalculate(): void;
}

/** Creates a simulated Excel host with a new workbook holding one empty "Sheet1". */
export function createWorkbench(options: WorkbenchOptions = {}): Workbench {
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const locale = options.locale ?? "en-US";
  let functions = options.functions ?? null;
  // The unkindness chosen at creation holds for every workbook this host opens.
  const unkind = (wb: WorkbookState): WorkbookState => {
    wb.freezePanesFail = options.freezePanesFail ?? "hidden";
    return wb;
  };
  let state = unkind(freshWorkbook(functions));
  const stats = new WorkbenchStats();
  const listeners = new Set<(c: WorkbenchChange) => void>();
  const editWaiters: (() => void)[] = [];
  const actions = new Map<string, (event: { completed: (options?: unknown) => void }) => unknown>();

  const notify = (change: WorkbenchChange): void => {
    for (const l of [...listeners]) l(change);
  };

  const runtime: HostRuntime = {
    async execute(ctx: HostContextBase, ops: QueuedOp[], nullChecks: HostObject<unknown>[]): Promise<void> {
      stats.syncCalls++;
      // Answer asynchronously, like a real round trip.
      await Promise.resolve();
      if (ops.length === 0 && nullChecks.length === 0) return;
      if (state.cellEditMode) {
        const delay = ctx instanceof RequestContextProxy && ctx.runOptions.delayForCellEdit === true;
        if (!delay)
          throw new HostError(
            HostErrorCode.invalidOperationInCellEditMode,
            "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
          );
        await new Promise<void>((resolve) => editWaiters.push(resolve));
      }
      const requestBytes = estimateRequestBytes(ops);
      const record: RequestRecord = {
        index: stats.requests.length + 1,
        operations: ops.length,
        statements: ops.map((o) => o.label),
        requestBytes,
        responseBytes: 0,
        ok: false,
        errorCode: null,
      };
      stats.requests.push(record);
      if (requestBytes > maxBytes) {
        record.errorCode = HostErrorCode.requestPayloadSizeLimitExceeded;
        throw new HostError(
          HostErrorCode.requestPayloadSizeLimitExceeded,
          `The request payload size has exceeded the limit (${requestBytes} > ${maxBytes} bytes). Please split the request into smaller ones.`,
        );
      }
      const commits: (() => void)[] = [];
      let mutated = false;
      let responseBytes = 0;
      try {
        for (const op of ops) {
          try {
            const delivery = op.run();
            if (op.mutates) {
              mutated = true;
              // Later operations of the same request read recalculated results.
              state.calc.invalidate();
            }
            if (delivery) {
              responseBytes += delivery.bytes;
              commits.push(delivery.commit);
            }
          } catch (e) {
            if (e instanceof HostError) {
              e.debugInfo.statement ??= op.label;
              e.debugInfo.errorLocation ??= op.label;
              throw e;
            }
            throw new HostError(
              HostErrorCode.generalException,
              `An internal error has occurred: ${e instanceof Error ? e.message : String(e)}`,
              op.label,
              op.label,
            );
          }
        }
        for (const o of nullChecks) o._resolveNullCheck();
        record.responseBytes = responseBytes;
        if (responseBytes > maxBytes) {
          throw new HostError(
            HostErrorCode.responsePayloadSizeLimitExceeded,
            `The response payload size has exceeded the limit (${responseBytes} > ${maxBytes} bytes). Please load less data per request.`,
          );
        }
      } catch (e) {
        record.errorCode = e instanceof HostError ? e.code : HostErrorCode.generalException;
        if (mutated) notify({ kind: "sync" });
        throw e;
      }
      for (const c of commits) c();
      record.ok = true;
      if (mutated) notify({ kind: "sync" });
    },
  };

  function run<T>(...args: unknown[]): Promise<T> {
    stats.runs++;
    const batch = args[args.length - 1] as Batch<T>;
    const first = args.length > 1 ? args[0] : undefined;
    let ctx: RequestContextProxy | undefined;
    let runOptions: RunContextOptions = {};
    if (first instanceof RequestContextProxy) ctx = first;
    else if (first instanceof HostObject) ctx = first.context as RequestContextProxy;
    else if (Array.isArray(first)) ctx = (first[0] as HostObject<unknown> | undefined)?.context as RequestContextProxy | undefined;
    else if (first && typeof first === "object") {
      const o = first as { delayForCellEdit?: boolean; previousObjects?: unknown };
      runOptions = { delayForCellEdit: o.delayForCellEdit === true };
      const prev = Array.isArray(o.previousObjects) ? o.previousObjects[0] : o.previousObjects;
      if (prev instanceof RequestContextProxy) ctx = prev;
      else if (prev instanceof HostObject) ctx = prev.context as RequestContextProxy;
    }
    const context = ctx ?? new RequestContextProxy(runtime, () => state, runOptions);
    const go = async (): Promise<T> => {
      if (state.cellEditMode && runOptions.delayForCellEdit === true) await new Promise<void>((resolve) => editWaiters.push(resolve));
      const result = batch(context as unknown as Excel.RequestContext) as unknown;
      if (!result || typeof (result as Promise<T>).then !== "function") {
        throw new HostError(
          HostErrorCode.runMustReturnPromise,
          'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
        );
      }
      let value: T;
      try {
        value = await (result as Promise<T>);
      } catch (e) {
        context._queue = [];
        context._nullChecks = [];
        throw e;
      }
      if (context._queue.length > 0) await context.sync();
      return value;
    };
    return go();
  }

  const wb: Workbench = {
    run: run as unknown as typeof Excel.run,
    stats,
    get workbook(): WorkbookState {
      return state;
    },
    locale,
    actions,
    seed(spec: SeedSpec): void {
      const next = new WorkbookState();
      next.functions = functions;
      for (const s of spec.sheets) {
        const sheet = next.addSheet(checkSheetName(next, s.name, null, "seed"));
        const cells = s.cells ?? [];
        const width = cells.reduce((m, r) => Math.max(m, r.length), 0);
        if (cells.length > 0 && width > 0) {
          const rect: Rect = { row: 0, col: 0, rows: cells.length, cols: Math.min(width, MAX_COLS) };
          writeContent(
            sheet,
            rect,
            cells.map((r) => Array.from({ length: rect.cols }, (_, j) => r[j] ?? null)),
            "seed",
          );
        }
      }
      for (const s of spec.sheets) {
        const sheet = next.sheet(s.name) as SheetState;
        for (const t of s.tables ?? []) {
          const p = parseAddress(t.address);
          next.tables.push({
            id: next.newId("table"),
            name: checkTableName(next, t.name, null, "seed"),
            sheet: p.sheet !== null ? (next.sheet(p.sheet) ?? sheet) : sheet,
            rect: p.rect,
            showHeaders: t.hasHeaders !== false,
            showTotals: false,
            style: "TableStyleMedium2",
            showBandedRows: true,
            showFilterButton: true,
          });
        }
      }
      if (next.sheets.length === 0) next.addSheet("Sheet1");
      next.dateSystem = spec.dateSystem ?? 1900;
      for (const [k, v] of Object.entries(spec.settings ?? {})) next.settings.set(k, JSON.parse(JSON.stringify(v)) as unknown);
      state = unkind(next);
      notify({ kind: "seed" });
    },
    snapshot(sheetName: string): StoredValue[][] {
      const s = state.sheet(sheetName);
      if (!s) throw new HostError(HostErrorCode.itemNotFound, `No worksheet named '${sheetName}'.`);
      return s.snapshot();
    },
    reset(): void {
      state = unkind(freshWorkbook(functions));
      stats.reset();
      notify({ kind: "reset" });
    },
    saveAndReopen(): void {
      state = unkind(reopenedWorkbook(state));
      notify({ kind: "reset" });
    },
    onChange(listener: (change: WorkbenchChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setCellEditMode(editing: boolean): void {
      state.cellEditMode = editing;
      if (!editing) for (const w of editWaiters.splice(0)) w();
    },
    install(globalObj: object): void {
      installOffice(globalObj, wb);
    },
    invokeAction(id: string): Promise<void> {
      const handler = actions.get(id);
      if (!handler) return Promise.reject(new Error(`No action registered with id '${id}'.`));
      return new Promise<void>((resolve) => {
        void handler({ completed: () => resolve() });
      });
    },
    notify,
    registerFunctions(registry: FunctionRegistry | null): void {
      functions = registry;
      state.functions = registry;
      notify({ kind: "calculate" });
    },
    recalculate(): void {
      state.calc.invalidate();
      notify({ kind: "calculate" });
    },
  };
  return wb;
}

function freshWorkbook(functions: FunctionRegistry | null): WorkbookState {
  const wb = new WorkbookState();
  wb.functions = functions;
  wb.addSheet("Sheet1");
  return wb;
}
