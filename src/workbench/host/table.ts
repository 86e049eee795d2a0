/**
 * `Excel.TableCollection`, `Excel.Table`, `Excel.TableColumnCollection` / `TableColumn` and
 * `Excel.TableRowCollection` (count and add).
 *
 * Choices: headers are made unique, non-empty text as Excel does ("Amount", "Amount2",
 * "Column3"); `add(range, false)` inserts a generated header row above the data by shifting
 * the cells of those columns down (formulas elsewhere are not re-pointed); `showTotals = true`
 * uses the row below the table and labels it "Total" (no SUBTOTAL formulas); `delete()`
 * removes the table and clears its cells, `convertToRange()` keeps them. A table may not
 * overlap another table; a worksheet AutoFilter it overlaps is removed.
 */
import { Rect, intersects, parseAddress } from "./address";
import { HostError, HostErrorCode } from "./errors";
import { SheetState, TableState, WorkbookState } from "./model";
import { clearRect, shiftDown, writeContent } from "./ops";
import { HostClientResult, HostCollection, HostContextBase, HostObject } from "./proxy";
import { RangeProxy, RangeTarget } from "./range";
import { WorksheetProxy } from "./worksheet";

/** Where a table collection looks: the whole workbook or one sheet. */
export interface TableScope {
  wb: WorkbookState;
  sheet: SheetState | null;
}

/** Throws unless `name` is a valid, unused table name. */
export function checkTableName(wb: WorkbookState, name: unknown, self: TableState | null, label: string): string {
  if (
    typeof name !== "string" ||
    name.length > 255 ||
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) ||
    /^[RrCc]$/.test(name) ||
    /^R\d*C\d*$/i.test(name)
  ) {
    throw new HostError(
      HostErrorCode.invalidArgument,
      `The argument is invalid or missing or has an incorrect format: table name '${String(name)}'.`,
      label,
    );
  }
  const other = wb.table(name);
  if (other && other !== self)
    throw new HostError(
      HostErrorCode.itemAlreadyExists,
      `A resource with the same name or identifier already exists: table '${name}'.`,
      label,
    );
  return name;
}

function aliveTable(t: TableState): void {
  if (!t.sheet.workbook.tables.includes(t))
    throw new HostError(HostErrorCode.itemNotFound, "The requested resource doesn't exist: the table was deleted.", "Table");
}

/** Rewrites a header row as unique, non-empty text. */
function normaliseHeaders(sheet: SheetState, row: number, col: number, cols: number): void {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let j = 0; j < cols; j++) {
    const v = sheet.value(row, col + j);
    let name = v === undefined || v === "" ? `Column${j + 1}` : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
    if (seen.has(name.toLowerCase())) {
      let k = 2;
      while (seen.has(`${name}${k}`.toLowerCase())) k++;
      name = `${name}${k}`;
    }
    seen.add(name.toLowerCase());
    out.push(name);
  }
  out.forEach((name, j) => {
    if (sheet.value(row, col + j) !== name || sheet.formula(row, col + j) !== undefined) sheet.setContent(row, col + j, name);
  });
}

/** `Excel.TableCollection` (workbook-wide or of one worksheet). */
export class TableCollectionProxy extends HostCollection<TableState, TableProxy> {
  protected readonly _typeName = "TableCollection";
  private readonly _scope: () => TableScope | null;

  constructor(context: HostContextBase, sheet: () => SheetState | null, wb: () => WorkbookState | null, workbookWide = false) {
    const scope = (): TableScope | null => {
      if (workbookWide) {
        const w = wb();
        return w === null ? null : { wb: w, sheet: null };
      }
      const s = sheet();
      return s === null ? null : { wb: s.workbook, sheet: s };
    };
    super(context, () => {
      const sc = scope();
      return sc === null ? null : sc.wb.tables.filter((t) => sc.sheet === null || t.sheet === sc.sheet);
    });
    this._scope = scope;
  }

  protected _makeItem(e: TableState): TableProxy {
    return new TableProxy(this.context, () => e);
  }

  /** Creates a table on a range (address or Range); see the module notes on headers. */
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let created: TableState | null | undefined;
    const proxy = new TableProxy(this.context, () => {
      if (created === undefined)
        throw new HostError(HostErrorCode.invalidObjectPath, "The object path was not created.", "TableCollection.add");
      return created;
    });
    this._enqueue("add()", [typeof address === "string" ? address : "<Range>", hasHeaders], true, () => {
      const sc = this._scope();
      if (sc === null) {
        created = null;
        return;
      }
      let target: RangeTarget;
      if (typeof address === "string") {
        const p = parseAddress(address);
        const sheet = p.sheet !== null ? sc.wb.sheet(p.sheet) : (sc.sheet ?? sc.wb.activeSheet);
        if (!sheet)
          throw new HostError(
            HostErrorCode.itemNotFound,
            `The requested resource doesn't exist: worksheet '${p.sheet ?? ""}'.`,
            "TableCollection.add",
          );
        target = { sheet, rect: p.rect };
      } else {
        const t = address._bind();
        if (t === null) throw new HostError(HostErrorCode.invalidArgument, "The range is a null object.", "TableCollection.add");
        target = t;
      }
      const { sheet } = target;
      const rect: Rect = { ...target.rect };
      if (sc.sheet !== null && sheet !== sc.sheet)
        throw new HostError(HostErrorCode.invalidArgument, "The range is on another worksheet.", "TableCollection.add");
      if (rect.rows > 1048575 || rect.cols > 16384)
        throw new HostError(HostErrorCode.invalidArgument, "The range is too large for a table.", "TableCollection.add");
      if (sc.wb.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect))) {
        throw new HostError(HostErrorCode.invalidOperation, "A table can't overlap another table.", "TableCollection.add");
      }
      if (!hasHeaders) {
        shiftDown(sheet, rect.row, rect.col, rect.cols, 1);
        writeContent(
          sheet,
          { row: rect.row, col: rect.col, rows: 1, cols: rect.cols },
          [Array.from({ length: rect.cols }, (_, j) => `Column${j + 1}`)],
          "TableCollection.add",
        );
        rect.rows += 1;
      } else {
        normaliseHeaders(sheet, rect.row, rect.col, rect.cols);
      }
      if (rect.rows < 2) rect.rows = 2;
      if (sheet.autoFilter && intersects(sheet.autoFilter, rect)) sheet.autoFilter = null;
      created = {
        id: sc.wb.newId("table"),
        name: sc.wb.freeName("Table", (n) => sc.wb.table(n) !== undefined),
        sheet,
        rect,
        showHeaders: true,
        showTotals: false,
        style: "TableStyleMedium2",
        showBandedRows: true,
        showFilterButton: true,
      };
      sc.wb.tables.push(created);
    });
    return proxy;
  }

  private _find(key: string): TableState | undefined {
    const sc = this._scope();
    if (sc === null) return undefined;
    const t = sc.wb.table(key) ?? sc.wb.tables.find((x) => x.id === key);
    return t && (sc.sheet === null || t.sheet === sc.sheet) ? t : undefined;
  }

  /** The table with this name or id; ItemNotFound at sync otherwise. */
  getItem(key: string): TableProxy {
    return new TableProxy(this.context, () => {
      if (this._scope() === null) return null;
      const t = this._find(key);
      if (!t)
        throw new HostError(HostErrorCode.itemNotFound, `The requested resource doesn't exist: table '${key}'.`, "TableCollection.getItem");
      return t;
    });
  }

  /** The table with this name or id, or a null object. */
  getItemOrNullObject(key: string): TableProxy {
    return new TableProxy(this.context, () => this._find(key) ?? null, true);
  }

  /** The table at a position. */
  getItemAt(index: number): TableProxy {
    return new TableProxy(this.context, () => {
      const list = this._bind();
      if (list === null) return null;
      const t = list[index];
      if (!t)
        throw new HostError(
          HostErrorCode.itemNotFound,
          `The requested resource doesn't exist: table at ${index}.`,
          "TableCollection.getItemAt",
        );
      return t;
    });
  }
}

function tablePart(t: TableState, part: "all" | "header" | "body" | "totals"): RangeTarget {
  const { row, col, rows, cols } = t.rect;
  const bodyStart = row + (t.showHeaders ? 1 : 0);
  const bodyEnd = row + rows - (t.showTotals ? 1 : 0);
  switch (part) {
    case "all":
      return { sheet: t.sheet, rect: { ...t.rect } };
    case "header":
      if (!t.showHeaders) throw new HostError(HostErrorCode.itemNotFound, "The table has no header row shown.", "Table.getHeaderRowRange");
      return { sheet: t.sheet, rect: { row, col, rows: 1, cols } };
    case "body":
      return { sheet: t.sheet, rect: { row: bodyStart, col, rows: Math.max(1, bodyEnd - bodyStart), cols } };
    default:
      if (!t.showTotals) throw new HostError(HostErrorCode.itemNotFound, "The table has no totals row shown.", "Table.getTotalRowRange");
      return { sheet: t.sheet, rect: { row: row + rows - 1, col, rows: 1, cols } };
  }
}

/** `Excel.Table`. */
export class TableProxy extends HostObject<TableState> {
  protected readonly _typeName = "Table";
  private _ws?: WorksheetProxy;
  private _columns?: TableColumnCollectionProxy;
  private _rows?: TableRowCollectionProxy;

  constructor(context: HostContextBase, resolver: () => TableState | null, nullable = false) {
    super(context, resolver, nullable);
  }

  protected _scalarNames(): readonly string[] {
    return ["id", "name", "showHeaders", "showTotals", "style", "showBandedRows", "showFilterButton"];
  }
  protected override _checkAlive(t: TableState): void {
    aliveTable(t);
  }
  protected _readScalar(t: TableState, name: string): unknown {
    return (t as unknown as Record<string, unknown>)[name];
  }
  protected override _navigation(name: string): HostObject<unknown> | undefined {
    if (name === "worksheet") return this.worksheet as HostObject<unknown>;
    if (name === "columns") return this.columns as HostObject<unknown>;
    if (name === "rows") return this.rows as HostObject<unknown>;
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t) => {
      t.name = checkTableName(t.sheet.workbook, v, t, "Table.name");
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  set showHeaders(v: boolean) {
    this._set("showHeaders", v, (t) => {
      t.showHeaders = v;
    });
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  set showTotals(v: boolean) {
    this._set("showTotals", v, (t) => {
      if (v === t.showTotals) return;
      if (v) {
        t.rect = { ...t.rect, rows: t.rect.rows + 1 };
        t.showTotals = true;
        t.sheet.setContent(t.rect.row + t.rect.rows - 1, t.rect.col, "Total");
      } else {
        clearRect(t.sheet, { ...t.rect, row: t.rect.row + t.rect.rows - 1, rows: 1 }, "All");
        t.rect = { ...t.rect, rows: t.rect.rows - 1 };
        t.showTotals = false;
      }
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t) => {
      t.style = v;
    });
  }
  get showBandedRows(): boolean {
    return this._get("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this._set("showBandedRows", v, (t) => {
      t.showBandedRows = v;
    });
  }
  get showFilterButton(): boolean {
    return this._get("showFilterButton");
  }
  set showFilterButton(v: boolean) {
    this._set("showFilterButton", v, (t) => {
      t.showFilterButton = v;
    });
  }

  get worksheet(): WorksheetProxy {
    return (this._ws ??= new WorksheetProxy(this.context, () => this._bind()?.sheet ?? null));
  }
  get columns(): TableColumnCollectionProxy {
    return (this._columns ??= new TableColumnCollectionProxy(this.context, () => this._bind()));
  }
  get rows(): TableRowCollectionProxy {
    return (this._rows ??= new TableRowCollectionProxy(this.context, () => this._bind()));
  }

  private _part(part: "all" | "header" | "body" | "totals"): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this._bind();
      return t === null ? null : tablePart(t, part);
    });
  }

  /** The whole table (header, body, totals). */
  getRange(): RangeProxy {
    return this._part("all");
  }
  /** The header row. */
  getHeaderRowRange(): RangeProxy {
    return this._part("header");
  }
  /** The data rows. */
  getDataBodyRange(): RangeProxy {
    return this._part("body");
  }
  /** The totals row (ItemNotFound when not shown). */
  getTotalRowRange(): RangeProxy {
    return this._part("totals");
  }

  /** Deletes the table and clears its cells. */
  delete(): void {
    this._call("delete", [], (t) => {
      clearRect(t.sheet, t.rect, "All");
      t.sheet.workbook.tables = t.sheet.workbook.tables.filter((x) => x !== t);
    });
  }

  /** Turns the table back into a plain range, keeping the cells. */
  convertToRange(): RangeProxy {
    const range = new RangeProxy(this.context, () => {
      const t = this._bind();
      return t === null ? null : tablePart(t, "all");
    });
    this._call("convertToRange", [], (t) => {
      range._bind();
      t.sheet.workbook.tables = t.sheet.workbook.tables.filter((x) => x !== t);
    });
    return range;
  }
}

interface ColumnTarget {
  table: TableState;
  index: number;
}

/** `Excel.TableColumnCollection`. Column names are the header cells. */
export class TableColumnCollectionProxy extends HostCollection<ColumnTarget, TableColumnProxy> {
  protected readonly _typeName = "TableColumnCollection";
  private readonly _table: () => TableState | null;

  constructor(context: HostContextBase, table: () => TableState | null) {
    super(context, () => {
      const t = table();
      return t === null ? null : Array.from({ length: t.rect.cols }, (_, index) => ({ table: t, index }));
    });
    this._table = table;
  }

  protected _makeItem(e: ColumnTarget): TableColumnProxy {
    return new TableColumnProxy(this.context, () => e);
  }

  private _find(key: string | number): ColumnTarget | undefined {
    const t = this._table();
    if (t === null) return undefined;
    for (let i = 0; i < t.rect.cols; i++) {
      const name = String(t.sheet.value(t.rect.row, t.rect.col + i) ?? "");
      if (
        (typeof key === "number" && key === i + 1) ||
        (typeof key === "string" && (name.toLowerCase() === key.toLowerCase() || key === String(i + 1)))
      )
        return { table: t, index: i };
    }
    return undefined;
  }

  /** The column with this name or id (1-based). */
  getItem(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => {
      if (this._table() === null) return null;
      const c = this._find(key);
      if (!c)
        throw new HostError(
          HostErrorCode.itemNotFound,
          `The requested resource doesn't exist: table column '${String(key)}'.`,
          "TableColumnCollection.getItem",
        );
      return c;
    });
  }

  /** The column with this name or id, or a null object. */
  getItemOrNullObject(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => this._find(key) ?? null, true);
  }

  /** The column at a 0-based position. */
  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, () => {
      const t = this._table();
      if (t === null) return null;
      if (!Number.isInteger(index) || index < 0 || index >= t.rect.cols)
        throw new HostError(
          HostErrorCode.itemNotFound,
          `The requested resource doesn't exist: table column at ${index}.`,
          "TableColumnCollection.getItemAt",
        );
      return { table: t, index };
    });
  }
}

/** `Excel.TableColumn`. */
export class TableColumnProxy extends HostObject<ColumnTarget> {
  protected readonly _typeName = "TableColumn";
  protected _scalarNames(): readonly string[] {
    return ["id", "index", "name", "values"];
  }
  protected override _checkAlive(c: ColumnTarget): void {
    aliveTable(c.table);
  }
  protected _readScalar(c: ColumnTarget, name: string): unknown {
    const t = c.table;
    switch (name) {
      case "id":
        return c.index + 1;
      case "index":
        return c.index;
      case "name":
        return String(t.sheet.value(t.rect.row, t.rect.col + c.index) ?? "");
      case "values":
        return t.sheet.readValues({ row: t.rect.row, col: t.rect.col + c.index, rows: t.rect.rows, cols: 1 });
      default:
        return undefined;
    }
  }
  get id(): number {
    return this._get("id");
  }
  get index(): number {
    return this._get("index");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (c) => {
      c.table.sheet.setContent(c.table.rect.row, c.table.rect.col + c.index, String(v));
      normaliseHeaders(c.table.sheet, c.table.rect.row, c.table.rect.col, c.table.rect.cols);
    });
  }

  private _part(part: "all" | "header" | "body" | "totals"): RangeProxy {
    return new RangeProxy(this.context, () => {
      const c = this._bind();
      if (c === null) return null;
      const r = tablePart(c.table, part);
      return { sheet: r.sheet, rect: { ...r.rect, col: r.rect.col + c.index, cols: 1 } };
    });
  }
  getRange(): RangeProxy {
    return this._part("all");
  }
  getHeaderRowRange(): RangeProxy {
    return this._part("header");
  }
  getDataBodyRange(): RangeProxy {
    return this._part("body");
  }
  getTotalRowRange(): RangeProxy {
    return this._part("totals");
  }
}

/** `Excel.TableRowCollection`: `count`, `getCount()` and `add(index, values)` at the end. */
export class TableRowCollectionProxy extends HostObject<TableState> {
  protected readonly _typeName = "TableRowCollection";
  protected _scalarNames(): readonly string[] {
    return ["count"];
  }
  protected _readScalar(t: TableState, name: string): unknown {
    return name === "count" ? tablePart(t, "body").rect.rows : undefined;
  }
  get count(): number {
    return this._get("count");
  }
  /** Number of data rows. */
  getCount(): HostClientResult<number> {
    return this._callResult("getCount", [], (t) => tablePart(t, "body").rect.rows);
  }
  /**
   * Appends rows (index must be null/undefined or the end). Slow in real Excel when called in
   * a loop; the adapter should write the range and then create the table instead.
   */
  add(index: number | null | undefined, values: unknown[][]): void {
    this._call("add", [index ?? null, values], (t) => {
      const body = tablePart(t, "body").rect;
      const end = body.row + body.rows;
      if (index !== null && index !== undefined && index !== body.rows)
        throw new HostError(HostErrorCode.notImplemented, "Only appending rows is simulated.", "TableRowCollection.add");
      if (!Array.isArray(values) || values.length === 0)
        throw new HostError(HostErrorCode.invalidArgument, "The argument is invalid or missing: values.", "TableRowCollection.add");
      shiftDown(t.sheet, end, t.rect.col, t.rect.cols, values.length);
      writeContent(t.sheet, { row: end, col: t.rect.col, rows: values.length, cols: t.rect.cols }, values, "TableRowCollection.add");
      t.rect = { ...t.rect, rows: t.rect.rows + values.length };
    });
  }
}
