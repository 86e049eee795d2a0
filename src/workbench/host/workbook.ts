/**
 * `Excel.RequestContext`, `Excel.Workbook`, `Excel.SettingCollection` / `Setting` and
 * `Excel.Application`.
 */
import { HostError, HostErrorCode } from "./errors";
import { WorkbookState } from "./model";
import { HostCollection, HostContextBase, HostObject, HostRuntime } from "./proxy";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";
import { FunctionsProxy, functionsProxy } from "./worksheetFunctions";

/** Options of one `Excel.run`. */
export interface RunContextOptions {
  delayForCellEdit?: boolean;
}

/** `Excel.RequestContext` of the simulated host. */
export class RequestContextProxy extends HostContextBase {
  /** The workbook of this context. */
  readonly workbook: WorkbookProxy;
  /** Same as `workbook.application`. */
  readonly application: ApplicationProxy;

  constructor(
    runtime: HostRuntime,
    private readonly _state: () => WorkbookState,
    /** Options the context's run was started with. */
    readonly runOptions: RunContextOptions = {},
  ) {
    super(runtime);
    this.workbook = new WorkbookProxy(this, _state);
    this.application = this.workbook.application;
  }
}

/** `Excel.Workbook`. */
export class WorkbookProxy extends HostObject<WorkbookState> {
  protected readonly _typeName = "Workbook";
  /** The workbook's sheets. */
  readonly worksheets: WorksheetCollectionProxy;
  /** Every table of the workbook. */
  readonly tables: TableCollectionProxy;
  /** Per-workbook settings of the add-in (ExcelApi 1.4). */
  readonly settings: SettingCollectionProxy;
  /** Calculation and screen-update control. */
  readonly application: ApplicationProxy;
  /** Excel's worksheet functions (ExcelApi 1.2); DATE answers in the book's date system. */
  readonly functions: FunctionsProxy;

  constructor(context: HostContextBase, state: () => WorkbookState) {
    super(context, state);
    this.worksheets = new WorksheetCollectionProxy(context, state);
    this.tables = new TableCollectionProxy(context, () => null, state, true);
    this.settings = new SettingCollectionProxy(context, state);
    this.application = new ApplicationProxy(context, state);
    this.functions = functionsProxy(context, state);
  }

  protected _scalarNames(): readonly string[] {
    return ["name"];
  }
  protected _readScalar(_wb: WorkbookState, name: string): unknown {
    return name === "name" ? "Book1.xlsx" : undefined;
  }
  protected override _navigation(name: string): HostObject<unknown> | undefined {
    switch (name) {
      case "worksheets":
        return this.worksheets as HostObject<unknown>;
      case "tables":
        return this.tables as HostObject<unknown>;
      case "settings":
        return this.settings as HostObject<unknown>;
      case "application":
        return this.application as HostObject<unknown>;
      default:
        return undefined;
    }
  }

  get name(): string {
    return this._get("name");
  }

  /** The selected range on the active sheet. */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const wb = this._bind();
      const s = wb?.activeSheet;
      if (!wb || !s)
        throw new HostError(HostErrorCode.itemNotFound, "The requested resource doesn't exist: no selection.", "Workbook.getSelectedRange");
      return { sheet: s, rect: { ...s.selection } };
    });
  }

  /** The active cell (top-left of the selection). */
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this._bind()?.activeSheet;
      if (!s)
        throw new HostError(HostErrorCode.itemNotFound, "The requested resource doesn't exist: no active cell.", "Workbook.getActiveCell");
      return { sheet: s, rect: { row: s.selection.row, col: s.selection.col, rows: 1, cols: 1 } };
    });
  }
}

interface SettingTarget {
  wb: WorkbookState;
  key: string;
}

function copyValue(v: unknown, label: string): unknown {
  // Settings are stored as JSON in the file; a value that does not survive JSON fails.
  if (v === undefined) throw new HostError(HostErrorCode.invalidArgument, "The argument is invalid or missing: value.", label);
  const json = JSON.stringify(v);
  if (json === undefined) throw new HostError(HostErrorCode.invalidArgument, "The argument is invalid: value is not serialisable.", label);
  return JSON.parse(json) as unknown;
}

function checkKey(key: unknown, label: string): string {
  if (typeof key !== "string" || key === "")
    throw new HostError(
      HostErrorCode.invalidArgument,
      `The argument is invalid or missing or has an incorrect format: key '${String(key)}'.`,
      label,
    );
  return key;
}

/** `Excel.SettingCollection`. Values persist in the workbook across `Excel.run` calls. */
export class SettingCollectionProxy extends HostCollection<SettingTarget, SettingProxy> {
  protected readonly _typeName = "SettingCollection";

  constructor(
    context: HostContextBase,
    private readonly _wb: () => WorkbookState,
  ) {
    super(context, () => {
      const wb = _wb();
      return [...wb.settings.keys()].map((key) => ({ wb, key }));
    });
  }

  protected _makeItem(e: SettingTarget): SettingProxy {
    return new SettingProxy(this.context, () => e);
  }

  /** Adds or replaces a setting (JSON-serialisable value). */
  add(key: string, value: unknown): SettingProxy {
    this._enqueue("add()", [key, value], true, () => {
      this._wb().settings.set(checkKey(key, "SettingCollection.add"), copyValue(value, "SettingCollection.add"));
    });
    return this.getItem(key);
  }

  /** The setting with this key; ItemNotFound at sync otherwise. */
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, () => {
      const wb = this._wb();
      if (!wb.settings.has(checkKey(key, "SettingCollection.getItem")))
        throw new HostError(
          HostErrorCode.itemNotFound,
          `The requested resource doesn't exist: setting '${key}'.`,
          "SettingCollection.getItem",
        );
      return { wb, key };
    });
  }

  /** The setting with this key, or a null object. */
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(
      this.context,
      () => {
        const wb = this._wb();
        return wb.settings.has(checkKey(key, "SettingCollection.getItemOrNullObject")) ? { wb, key } : null;
      },
      true,
    );
  }
}

/** `Excel.Setting`. */
export class SettingProxy extends HostObject<SettingTarget> {
  protected readonly _typeName = "Setting";
  protected _scalarNames(): readonly string[] {
    return ["key", "value"];
  }
  protected override _checkAlive(t: SettingTarget): void {
    if (!t.wb.settings.has(t.key))
      throw new HostError(HostErrorCode.itemNotFound, "The requested resource doesn't exist: the setting was deleted.", "Setting");
  }
  protected _readScalar(t: SettingTarget, name: string): unknown {
    return name === "key" ? t.key : name === "value" ? copyValue(t.wb.settings.get(t.key), "Setting.value") : undefined;
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, (t) => {
      t.wb.settings.set(t.key, copyValue(v, "Setting.value"));
    });
  }
  /** Removes the setting. */
  delete(): void {
    this._call("delete", [], (t) => {
      t.wb.settings.delete(t.key);
    });
  }
}

/** `Excel.Application`. Suspensions are recorded in the request log and have no other effect. */
export class ApplicationProxy extends HostObject<WorkbookState> {
  protected readonly _typeName = "Application";
  protected _scalarNames(): readonly string[] {
    return ["calculationMode"];
  }
  protected _readScalar(wb: WorkbookState, name: string): unknown {
    return name === "calculationMode" ? wb.calculationMode : undefined;
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  set calculationMode(v: string) {
    this._set("calculationMode", v, (wb) => {
      if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(v))
        throw new HostError(
          HostErrorCode.invalidArgument,
          `The argument is invalid: calculationMode '${v}'.`,
          "Application.calculationMode",
        );
      wb.calculationMode = v;
    });
  }
  /** Suspends calculation until the next sync (ExcelApi 1.6). */
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined, false);
  }
  /** Suspends screen updating until the next sync (ExcelApi 1.9). */
  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined, false);
  }
  /** Recalculates: results are computed again at the next read (see calc.ts). */
  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], (wb) => wb.calc.invalidate(), false);
  }
}
