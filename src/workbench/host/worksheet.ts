/**
 * `Excel.WorksheetCollection`, `Excel.Worksheet`, `Excel.WorksheetFreezePanes`,
 * `Excel.WorksheetCustomPropertyCollection` / `WorksheetCustomProperty` and `Excel.AutoFilter`.
 */
import { NamedItemCollectionProxy } from "./names";
import { MAX_COLS, MAX_ROWS, Rect, checkRect, intersects, parseAddress } from "./address";
import { ChartCollectionProxy } from "./chart";
import { HostError, HostErrorCode } from "./errors";
import { SheetState, WorkbookState, isWholeColumns, isWholeRows } from "./model";
import { HostCollection, HostContextBase, HostObject } from "./proxy";
import { RangeProxy, RangeTarget, resolveRangeArg } from "./range";
import { TableCollectionProxy } from "./table";
import { PageBreakCollectionProxy, PageLayoutProxy } from "./pageLayout";

/** Throws unless `name` is a valid, unused worksheet name (Excel's rules). */
export function checkSheetName(wb: WorkbookState, name: unknown, self: SheetState | null, label: string): string {
  if (
    typeof name !== "string" ||
    name.trim() === "" ||
    name.length > 31 ||
    /[[\]:*?/\\]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history"
  ) {
    throw new HostError(
      HostErrorCode.invalidArgument,
      `The argument is invalid or missing or has an incorrect format: worksheet name '${String(name)}'.`,
      label,
    );
  }
  const other = wb.sheet(name);
  if (other && other !== self)
    throw new HostError(
      HostErrorCode.itemAlreadyExists,
      `A resource with the same name or identifier already exists: worksheet '${name}'.`,
      label,
    );
  return name;
}

function aliveSheet(s: SheetState): void {
  if (s.deleted)
    throw new HostError(HostErrorCode.itemNotFound, "The requested resource doesn't exist: the worksheet was deleted.", "Worksheet");
}

function visibleSheets(wb: WorkbookState): SheetState[] {
  return wb.sheets.filter((s) => s.visibility === "Visible");
}

/** `Excel.WorksheetCollection`. */
export class WorksheetCollectionProxy extends HostCollection<SheetState, WorksheetProxy> {
  protected readonly _typeName = "WorksheetCollection";

  constructor(
    context: HostContextBase,
    private readonly _wb: () => WorkbookState,
  ) {
    super(context, () => [..._wb().sheets]);
  }

  protected _makeItem(e: SheetState): WorksheetProxy {
    return new WorksheetProxy(this.context, () => e);
  }

  /** Adds a sheet at the end (named "SheetN" when no name is given); it is not activated. */
  add(name?: string): WorksheetProxy {
    let created: SheetState | undefined;
    const proxy = new WorksheetProxy(this.context, () => {
      if (!created) throw new HostError(HostErrorCode.invalidObjectPath, "The object path was not created.", "WorksheetCollection.add");
      return created;
    });
    this._enqueue("add()", [name ?? null], true, () => {
      const wb = this._wb();
      const n =
        name === undefined
          ? wb.freeName("Sheet", (x) => wb.sheet(x) !== undefined)
          : checkSheetName(wb, name, null, "WorksheetCollection.add");
      created = wb.addSheet(n);
    });
    return proxy;
  }

  private _find(key: string): SheetState | undefined {
    const wb = this._wb();
    return wb.sheet(key) ?? wb.sheets.find((s) => s.id === key);
  }

  /** The sheet with this name or id; ItemNotFound at sync otherwise. */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const s = this._find(key);
      if (!s)
        throw new HostError(
          HostErrorCode.itemNotFound,
          `The requested resource doesn't exist: worksheet '${key}'.`,
          "WorksheetCollection.getItem",
        );
      return s;
    });
  }

  /** The sheet with this name or id, or a null object. */
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this._find(key) ?? null, true);
  }

  /** The active sheet. */
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const s = this._wb().activeSheet;
      if (!s)
        throw new HostError(
          HostErrorCode.itemNotFound,
          "The requested resource doesn't exist: no active worksheet.",
          "WorksheetCollection.getActiveWorksheet",
        );
      return s;
    });
  }

  /** The first sheet. */
  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const wb = this._wb();
      const s = (visibleOnly ? visibleSheets(wb) : wb.sheets)[0];
      if (!s) throw new HostError(HostErrorCode.itemNotFound, "The requested resource doesn't exist.", "WorksheetCollection.getFirst");
      return s;
    });
  }

  /** The last sheet. */
  getLast(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const wb = this._wb();
      const list = visibleOnly ? visibleSheets(wb) : wb.sheets;
      const s = list[list.length - 1];
      if (!s) throw new HostError(HostErrorCode.itemNotFound, "The requested resource doesn't exist.", "WorksheetCollection.getLast");
      return s;
    });
  }
}

/** `Excel.Worksheet`. Bound to its sheet, so it follows renames. */
export class WorksheetProxy extends HostObject<SheetState> {
  protected readonly _typeName = "Worksheet";
  private _tables?: TableCollectionProxy;
  private _charts?: ChartCollectionProxy;
  private _freeze?: WorksheetFreezePanesProxy;
  private _props?: WorksheetCustomPropertyCollectionProxy;
  private _filter?: AutoFilterProxy;
  private _names?: NamedItemCollectionProxy;
  private _pageLayout?: PageLayoutProxy;
  private _pageBreaks?: PageBreakCollectionProxy;

  constructor(context: HostContextBase, resolver: () => SheetState | null, nullable = false) {
    super(context, resolver, nullable);
  }

  protected _scalarNames(): readonly string[] {
    return ["name", "id", "position", "visibility", "tabColor", "showGridlines"];
  }

  protected override _checkAlive(s: SheetState): void {
    aliveSheet(s);
  }

  protected _readScalar(s: SheetState, name: string): unknown {
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return s.position;
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "showGridlines":
        return s.showGridlines;
      default:
        return undefined;
    }
  }

  protected override _navigation(name: string): HostObject<unknown> | undefined {
    switch (name) {
      case "tables":
        return this.tables as HostObject<unknown>;
      case "charts":
        return this.charts as HostObject<unknown>;
      case "freezePanes":
        return this.freezePanes as HostObject<unknown>;
      case "customProperties":
        return this.customProperties as HostObject<unknown>;
      case "autoFilter":
        return this.autoFilter as HostObject<unknown>;
      case "names":
        return this.names as HostObject<unknown>;
      case "pageLayout":
        return this.pageLayout as HostObject<unknown>;
      case "horizontalPageBreaks":
        return this.horizontalPageBreaks as HostObject<unknown>;
      default:
        return undefined;
    }
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => {
      s.name = checkSheetName(s.workbook, v, s, "Worksheet.name");
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, (s) => {
      const list = s.workbook.sheets;
      if (!Number.isInteger(v) || v < 0 || v >= list.length)
        throw new HostError(
          HostErrorCode.invalidArgument,
          "The argument is invalid or missing or has an incorrect format: position.",
          "Worksheet.position",
        );
      list.splice(list.indexOf(s), 1);
      list.splice(v, 0, s);
    });
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._set("visibility", v, (s) => {
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden")
        throw new HostError(
          HostErrorCode.invalidArgument,
          `The argument is invalid or missing or has an incorrect format: visibility '${v}'.`,
          "Worksheet.visibility",
        );
      if (v !== "Visible" && s.visibility === "Visible" && visibleSheets(s.workbook).length === 1) {
        throw new HostError(
          HostErrorCode.invalidOperation,
          "A workbook must contain at least one visible worksheet.",
          "Worksheet.visibility",
        );
      }
      s.visibility = v;
      if (v !== "Visible" && s.workbook.activeSheet === s) s.workbook.activeSheet = visibleSheets(s.workbook)[0] ?? null;
    });
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._set("tabColor", v, (s) => {
      s.tabColor = v;
    });
  }
  get showGridlines(): boolean {
    return this._get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this._set("showGridlines", v, (s) => {
      s.showGridlines = v;
    });
  }

  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(
      this.context,
      () => this._bind(),
      () => this._bind()?.workbook ?? null,
    ));
  }
  get charts(): ChartCollectionProxy {
    return (this._charts ??= new ChartCollectionProxy(this.context, () => this._bind()));
  }
  get freezePanes(): WorksheetFreezePanesProxy {
    return (this._freeze ??= new WorksheetFreezePanesProxy(this.context, () => this._bind()));
  }
  get customProperties(): WorksheetCustomPropertyCollectionProxy {
    return (this._props ??= new WorksheetCustomPropertyCollectionProxy(this.context, () => this._bind()));
  }
  get autoFilter(): AutoFilterProxy {
    return (this._filter ??= new AutoFilterProxy(this.context, () => this._bind()));
  }
  /** Names scoped to this sheet (ExcelApi 1.4). */
  get names(): NamedItemCollectionProxy {
    return (this._names ??= new NamedItemCollectionProxy(this.context, () => this._bind()));
  }
  /** Print settings (ExcelApi 1.9), see pageLayout.ts. */
  get pageLayout(): PageLayoutProxy {
    return (this._pageLayout ??= new PageLayoutProxy(this.context, () => this._bind()));
  }
  get horizontalPageBreaks(): PageBreakCollectionProxy {
    return (this._pageBreaks ??= new PageBreakCollectionProxy(this.context, () => this._bind()));
  }

  private _range(fn: (s: SheetState) => Rect | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      (): RangeTarget | null => {
        const s = this._bind();
        if (s === null) return null;
        const rect = fn(s);
        return rect === null ? null : { sheet: s, rect };
      },
      nullable,
    );
  }

  /** A range by A1 address ("A1:D10", "D5", "A:C", "2:4"); the whole sheet without one. */
  getRange(address?: string): RangeProxy {
    return this._range((s) => {
      if (address === undefined || address === "") return { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
      const p = parseAddress(address);
      if (p.sheet !== null && p.sheet.toLowerCase() !== s.name.toLowerCase()) {
        throw new HostError(
          HostErrorCode.invalidArgument,
          `The argument is invalid or missing or has an incorrect format: address '${address}' is on another sheet.`,
          "Worksheet.getRange",
        );
      }
      return p.rect;
    });
  }

  /** A range by 0-based indexes. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this._range(() => checkRect({ row: startRow, col: startColumn, rows: rowCount, cols: columnCount }));
  }

  /** One cell by 0-based indexes. */
  getCell(row: number, column: number): RangeProxy {
    return this._range(() => checkRect({ row, col: column, rows: 1, cols: 1 }));
  }

  /**
   * The used range (values and formats, or values only); "A1" for an empty sheet, as Excel
   * returns.
   */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._range((s) => s.usedRect(valuesOnly === true) ?? { row: 0, col: 0, rows: 1, cols: 1 });
  }

  /** The used range, or a null object for an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._range((s) => s.usedRect(valuesOnly === true), true);
  }

  /** Makes the sheet active. */
  activate(): void {
    this._call("activate", [], (s) => {
      if (s.visibility !== "Visible")
        throw new HostError(HostErrorCode.invalidOperation, "A hidden worksheet cannot be activated.", "Worksheet.activate");
      s.workbook.activeSheet = s;
    });
  }

  /** Deletes the sheet with its tables, charts and conditional formats. */
  delete(): void {
    this._call("delete", [], (s) => {
      const wb = s.workbook;
      if (s.visibility === "Visible" && visibleSheets(wb).length === 1) {
        throw new HostError(HostErrorCode.invalidOperation, "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
      }
      const at = wb.sheets.indexOf(s);
      wb.sheets.splice(at, 1);
      wb.tables = wb.tables.filter((t) => t.sheet !== s);
      s.deleted = true;
      if (wb.activeSheet === s) {
        const vis = visibleSheets(wb);
        wb.activeSheet = vis.find((x) => wb.sheets.indexOf(x) >= at) ?? vis[vis.length - 1] ?? null;
      }
    });
  }
}

/**
 * Unkind where Excel is: freezing panes on a hidden sheet fails. Excel has known bugs with
 * `freezePanes` on hidden and non-active sheets (office-js#1463, #3148) whose outcome varies
 * by platform; the workbench takes the harshest one, so code must freeze only shown sheets and
 * survive a failure. Created with `freezePanesFail: "inactive"`, it also fails on a shown sheet
 * that is not the active one (checked when the request runs, as Excel does).
 */
function checkShown(s: SheetState, label: string): void {
  if (s.visibility !== "Visible")
    throw new HostError(HostErrorCode.generalException, "An internal error has occurred (freeze panes on a hidden sheet).", label);
  if (s.workbook.freezePanesFail === "inactive" && s.workbook.activeSheet !== s)
    throw new HostError(HostErrorCode.generalException, "An internal error has occurred (freeze panes on an inactive sheet).", label);
}

/** `Excel.WorksheetFreezePanes`. */
export class WorksheetFreezePanesProxy extends HostObject<SheetState> {
  protected readonly _typeName = "WorksheetFreezePanes";
  protected _scalarNames(): readonly string[] {
    return [];
  }
  protected _readScalar(): unknown {
    return undefined;
  }

  /** Freezes the top `count` rows (columns unfrozen). */
  freezeRows(count?: number): void {
    const n = count ?? 1;
    this._call("freezeRows", [n], (s) => {
      checkShown(s, "WorksheetFreezePanes.freezeRows");
      if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS)
        throw new HostError(HostErrorCode.invalidArgument, "The argument is invalid: count.", "WorksheetFreezePanes.freezeRows");
      s.frozen = { rows: n, cols: 0 };
    });
  }

  /** Freezes the left `count` columns (rows unfrozen). */
  freezeColumns(count?: number): void {
    const n = count ?? 1;
    this._call("freezeColumns", [n], (s) => {
      checkShown(s, "WorksheetFreezePanes.freezeColumns");
      if (!Number.isInteger(n) || n < 0 || n >= MAX_COLS)
        throw new HostError(HostErrorCode.invalidArgument, "The argument is invalid: count.", "WorksheetFreezePanes.freezeColumns");
      s.frozen = { rows: 0, cols: n };
    });
  }

  /** Freezes everything above and left of the bottom-right corner of `frozenRange`. */
  freezeAt(frozenRange: RangeProxy | string): void {
    this._call("freezeAt", [typeof frozenRange === "string" ? frozenRange : "<Range>"], (s) => {
      checkShown(s, "WorksheetFreezePanes.freezeAt");
      const t = resolveRangeArg(frozenRange, s, "WorksheetFreezePanes.freezeAt");
      const r = t.rect;
      // Whole rows freeze no columns and whole columns no rows, as in Excel.
      s.frozen = { rows: isWholeColumns(r) ? 0 : r.row + r.rows, cols: isWholeRows(r) ? 0 : r.col + r.cols };
    });
  }

  /** Removes frozen panes. */
  unfreeze(): void {
    this._call("unfreeze", [], (s) => {
      s.frozen = { rows: 0, cols: 0 };
    });
  }

  /** The frozen cells, or a null object when nothing is frozen. */
  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const s = this._bind();
        if (s === null || (s.frozen.rows === 0 && s.frozen.cols === 0)) return null;
        const { rows, cols } = s.frozen;
        const rect =
          rows > 0 && cols > 0
            ? { row: 0, col: 0, rows, cols }
            : rows > 0
              ? { row: 0, col: 0, rows, cols: MAX_COLS }
              : { row: 0, col: 0, rows: MAX_ROWS, cols };
        return { sheet: s, rect };
      },
      true,
    );
  }
}

interface PropTarget {
  sheet: SheetState;
  key: string;
}

function propKey(key: unknown, label: string): string {
  if (typeof key !== "string" || key === "" || key.length > 255)
    throw new HostError(
      HostErrorCode.invalidArgument,
      `The argument is invalid or missing or has an incorrect format: key '${String(key)}'.`,
      label,
    );
  return key.toLowerCase();
}

/** `Excel.WorksheetCustomPropertyCollection` (ExcelApi 1.12). Keys are case-insensitive. */
export class WorksheetCustomPropertyCollectionProxy extends HostCollection<PropTarget, WorksheetCustomPropertyProxy> {
  protected readonly _typeName = "WorksheetCustomPropertyCollection";
  private readonly _sheet: () => SheetState | null;

  constructor(context: HostContextBase, sheet: () => SheetState | null) {
    super(context, () => {
      const s = sheet();
      return s === null ? null : [...s.customProperties.keys()].map((key) => ({ sheet: s, key }));
    });
    this._sheet = sheet;
  }

  protected _makeItem(e: PropTarget): WorksheetCustomPropertyProxy {
    return new WorksheetCustomPropertyProxy(this.context, () => e);
  }

  /** Adds a property, overwriting one with the same key. */
  add(key: string, value: string): WorksheetCustomPropertyProxy {
    this._enqueue("add()", [key, value], true, () => {
      const s = this._sheet();
      if (s === null) return;
      const k = propKey(key, "WorksheetCustomPropertyCollection.add");
      s.customProperties.set(k, { key, value: String(value) });
    });
    return this.getItem(key);
  }

  /** The property with this key; ItemNotFound at sync otherwise. */
  getItem(key: string): WorksheetCustomPropertyProxy {
    return new WorksheetCustomPropertyProxy(this.context, () => {
      const s = this._sheet();
      if (s === null) return null;
      const k = propKey(key, "WorksheetCustomPropertyCollection.getItem");
      if (!s.customProperties.has(k))
        throw new HostError(
          HostErrorCode.itemNotFound,
          `The requested resource doesn't exist: custom property '${key}'.`,
          "WorksheetCustomPropertyCollection.getItem",
        );
      return { sheet: s, key: k };
    });
  }

  /** The property with this key, or a null object. */
  getItemOrNullObject(key: string): WorksheetCustomPropertyProxy {
    return new WorksheetCustomPropertyProxy(
      this.context,
      () => {
        const s = this._sheet();
        if (s === null) return null;
        const k = propKey(key, "WorksheetCustomPropertyCollection.getItemOrNullObject");
        return s.customProperties.has(k) ? { sheet: s, key: k } : null;
      },
      true,
    );
  }
}

/** `Excel.WorksheetCustomProperty`. */
export class WorksheetCustomPropertyProxy extends HostObject<PropTarget> {
  protected readonly _typeName = "WorksheetCustomProperty";
  protected _scalarNames(): readonly string[] {
    return ["key", "value"];
  }
  protected override _checkAlive(t: PropTarget): void {
    if (!t.sheet.customProperties.has(t.key) || t.sheet.deleted)
      throw new HostError(
        HostErrorCode.itemNotFound,
        "The requested resource doesn't exist: the custom property was deleted.",
        "WorksheetCustomProperty",
      );
  }
  protected _readScalar(t: PropTarget, name: string): unknown {
    const p = t.sheet.customProperties.get(t.key);
    return name === "key" ? p?.key : name === "value" ? p?.value : undefined;
  }
  get key(): string {
    return this._get("key");
  }
  get value(): string {
    return this._get("value");
  }
  set value(v: string) {
    this._set("value", v, (t) => {
      const p = t.sheet.customProperties.get(t.key);
      if (p) p.value = String(v);
    });
  }
  /** Removes the property. */
  delete(): void {
    this._call("delete", [], (t) => {
      t.sheet.customProperties.delete(t.key);
    });
  }
}

/** `Excel.AutoFilter` of a worksheet. A filter may not overlap a table (tables have their own). */
export class AutoFilterProxy extends HostObject<SheetState> {
  protected readonly _typeName = "AutoFilter";
  protected _scalarNames(): readonly string[] {
    return ["enabled", "isDataFiltered", "criteria"];
  }
  protected _readScalar(s: SheetState, name: string): unknown {
    return name === "enabled" ? s.autoFilter !== null : name === "isDataFiltered" ? false : name === "criteria" ? [] : undefined;
  }
  get enabled(): boolean {
    return this._get("enabled");
  }
  get isDataFiltered(): boolean {
    return this._get("isDataFiltered");
  }
  get criteria(): unknown[] {
    return this._get("criteria");
  }

  /** Turns the filter on for a range (criteria are accepted and not evaluated). */
  apply(range: RangeProxy | string, columnIndex?: number, criteria?: unknown): void {
    this._call("apply", [typeof range === "string" ? range : "<Range>", columnIndex ?? null, criteria ?? null], (s) => {
      const t = resolveRangeArg(range, s, "AutoFilter.apply");
      if (t.sheet !== s) throw new HostError(HostErrorCode.invalidArgument, "The range is on another worksheet.", "AutoFilter.apply");
      if (s.tables().some((tb) => intersects(tb.rect, t.rect)))
        throw new HostError(
          HostErrorCode.invalidOperation,
          "An AutoFilter can't be applied to a range that overlaps a table.",
          "AutoFilter.apply",
        );
      s.autoFilter = { ...t.rect };
    });
  }

  /** Clears filter criteria (none are kept). */
  clearCriteria(): void {
    this._call("clearCriteria", [], () => undefined);
  }

  /** Removes the filter. */
  remove(): void {
    this._call("remove", [], (s) => {
      s.autoFilter = null;
    });
  }

  /** The filtered range, or a null object. */
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const s = this._bind();
        return s === null || s.autoFilter === null ? null : { sheet: s, rect: { ...s.autoFilter } };
      },
      true,
    );
  }
}
