/**
 * `Excel.Range` and its format objects (RangeFormat, RangeFont, RangeFill, RangeBorder).
 */
import { MAX_COLS, MAX_ROWS, Rect, checkRect, intersection, parseAddress } from "./address";
import { isErrorLiteral } from "./cells";
import { normalizeColor } from "./color";
import { ConditionalFormatCollectionProxy } from "./conditional";
import { HostError, HostErrorCode } from "./errors";
import { BorderStyle, CellStyle, DEFAULT_COLUMN_WIDTH, DEFAULT_STYLE, SheetState, isWholeColumns, isWholeRows } from "./model";
import { checkShape, clearRect, patchStyles, readMatrix, uniform, writeContent } from "./ops";
import { HostClientResult, HostContextBase, HostObject } from "./proxy";
import { WorksheetProxy } from "./worksheet";

/** What a range proxy is bound to: a fixed rectangle on a sheet. */
export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

function aliveSheet(sheet: SheetState, type: string): void {
  if (sheet.deleted)
    throw new HostError(HostErrorCode.itemNotFound, "The requested resource doesn't exist: the worksheet was deleted.", type);
}

/** Resolves a Range-or-address argument against a sheet (during a sync). */
export function resolveRangeArg(arg: unknown, sheet: SheetState | null, label: string): RangeTarget {
  if (arg instanceof RangeProxy) {
    const t = arg._bind();
    if (t === null) throw new HostError(HostErrorCode.invalidArgument, "The argument is a null object.", label);
    return t;
  }
  if (typeof arg === "string") {
    const p = parseAddress(arg);
    const s = p.sheet !== null ? sheet?.workbook.sheet(p.sheet) : sheet;
    if (!s) throw new HostError(HostErrorCode.itemNotFound, `The requested resource doesn't exist: worksheet '${p.sheet ?? ""}'.`, label);
    return { sheet: s, rect: p.rect };
  }
  throw new HostError(HostErrorCode.invalidArgument, "The argument is invalid or missing or has an incorrect format.", label);
}

const RANGE_SCALARS = [
  "address",
  "addressLocal",
  "cellCount",
  "columnCount",
  "rowCount",
  "columnIndex",
  "rowIndex",
  "values",
  "formulas",
  "formulasLocal",
  "numberFormat",
  "numberFormatLocal",
  "text",
  "valueTypes",
  "isEntireColumn",
  "isEntireRow",
] as const;

/**
 * `Range.valueTypes` of a cell, as Excel reports it: an error value is "Error" whether a formula
 * produced it or it was typed (Excel's input parser turns a typed "#N/A" into the error
 * constant, see cells.ts); the same text stored as text (quote prefix, or a text-format cell)
 * is "String". Only the type tells a customer named "#N/A" from a failed VLOOKUP.
 */
function valueType(v: unknown, isFormula: boolean, isText: boolean): string {
  if (v === undefined || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if ((isFormula || !isText) && typeof v === "string" && isErrorLiteral(v)) return "Error";
  return "String";
}

/** `Excel.Range`. */
export class RangeProxy extends HostObject<RangeTarget> {
  protected readonly _typeName = "Range";
  private _format?: RangeFormatProxy;
  private _cfs?: ConditionalFormatCollectionProxy;
  private _ws?: WorksheetProxy;

  constructor(context: HostContextBase, resolver: () => RangeTarget | null, nullable = false) {
    super(context, resolver, nullable);
  }

  protected _scalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }

  protected override _checkAlive(t: RangeTarget): void {
    aliveSheet(t.sheet, "Range");
  }

  protected override _navigation(name: string): HostObject<unknown> | undefined {
    if (name === "format") return this.format as HostObject<unknown>;
    if (name === "worksheet") return this.worksheet as HostObject<unknown>;
    if (name === "conditionalFormats") return this.conditionalFormats as HostObject<unknown>;
    return undefined;
  }

  protected _readScalar(t: RangeTarget, name: string): unknown {
    const { sheet, rect } = t;
    const label = `Range.${name}`;
    switch (name) {
      case "address":
      case "addressLocal":
        return sheet.address(rect);
      case "cellCount":
        return rect.rows * rect.cols;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "isEntireColumn":
        return isWholeColumns(rect);
      case "isEntireRow":
        return isWholeRows(rect);
      case "values":
        return readMatrix(rect, label, (r, c) => sheet.value(r, c) ?? "");
      case "formulas":
      case "formulasLocal":
        return readMatrix(rect, label, (r, c) => sheet.formula(r, c) ?? sheet.values[r]?.[c] ?? "");
      case "numberFormat":
      case "numberFormatLocal":
        return readMatrix(rect, label, (r, c) => sheet.numberFormat(r, c));
      case "text":
        return readMatrix(rect, label, (r, c) => sheet.text(r, c));
      case "valueTypes":
        return readMatrix(rect, label, (r, c) =>
          valueType(
            sheet.value(r, c),
            sheet.formula(r, c) !== undefined,
            sheet.style(r, c).quotePrefix === true || sheet.numberFormat(r, c) === "@",
          ),
        );
      default:
        return undefined;
    }
  }

  private _derive(fn: (t: RangeTarget) => RangeTarget | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const t = this._bind();
        return t === null ? null : fn(t);
      },
      nullable,
    );
  }

  /** Sheet-qualified address, e.g. "Sheet1!A1:D10". */
  get address(): string {
    return this._get("address");
  }
  /** Same as address (no localisation in the simulated host). */
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }

  /** Cell values; empty cells read as "". Writing follows the rules in cells.ts. */
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._set("values", v, (t) => writeContent(t.sheet, t.rect, v, "Range.values"));
  }

  /** Formulas ("=SUM(A1:A3)"), or the constant for non-formula cells. */
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._set("formulas", v, (t) => writeContent(t.sheet, t.rect, v, "Range.formulas"));
  }
  get formulasLocal(): unknown[][] {
    return this._get("formulasLocal");
  }
  set formulasLocal(v: unknown[][]) {
    this._set("formulasLocal", v, (t) => writeContent(t.sheet, t.rect, v, "Range.formulasLocal"));
  }

  /** Number format codes per cell ("General" by default). */
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, (t) => setNumberFormat(t, v, "Range.numberFormat"));
  }
  get numberFormatLocal(): unknown[][] {
    return this._get("numberFormatLocal");
  }
  set numberFormatLocal(v: unknown[][]) {
    this._set("numberFormatLocal", v, (t) => setNumberFormat(t, v, "Range.numberFormatLocal"));
  }

  /** Formatting of the range. */
  get format(): RangeFormatProxy {
    return (this._format ??= new RangeFormatProxy(this.context, () => this._bind()));
  }

  /** Conditional formats that intersect the range. */
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return (this._cfs ??= new ConditionalFormatCollectionProxy(this.context, () => this._bind()));
  }

  /** The worksheet containing the range. */
  get worksheet(): WorksheetProxy {
    return (this._ws ??= new WorksheetProxy(this.context, () => this._bind()?.sheet ?? null));
  }

  /** One cell, relative to the range's top-left (may lie outside the range, as in Excel). */
  getCell(row: number, column: number): RangeProxy {
    return this._derive((t) => ({
      sheet: t.sheet,
      rect: checkRect({ row: t.rect.row + row, col: t.rect.col + column, rows: 1, cols: 1 }),
    }));
  }

  /** The range moved by the given offsets. */
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derive((t) => ({
      sheet: t.sheet,
      rect: checkRect({ ...t.rect, row: t.rect.row + rowOffset, col: t.rect.col + columnOffset }),
    }));
  }

  /** The range with its bottom-right corner moved by the deltas. */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derive((t) => ({
      sheet: t.sheet,
      rect: checkRect({ ...t.rect, rows: t.rect.rows + deltaRows, cols: t.rect.cols + deltaColumns }),
    }));
  }

  /** A range with the same top-left cell and the given size. */
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this._derive((t) => ({ sheet: t.sheet, rect: checkRect({ ...t.rect, rows: numRows, cols: numColumns }) }));
  }

  /** One row of the range (0-based). */
  getRow(row: number): RangeProxy {
    return this._derive((t) => ({
      sheet: t.sheet,
      rect: checkRect({ row: t.rect.row + row, col: t.rect.col, rows: 1, cols: t.rect.cols }),
    }));
  }

  /** One column of the range (0-based). */
  getColumn(column: number): RangeProxy {
    return this._derive((t) => ({
      sheet: t.sheet,
      rect: checkRect({ row: t.rect.row, col: t.rect.col + column, rows: t.rect.rows, cols: 1 }),
    }));
  }

  /** The last row of the range. */
  getLastRow(): RangeProxy {
    return this._derive((t) => ({ sheet: t.sheet, rect: { ...t.rect, row: t.rect.row + t.rect.rows - 1, rows: 1 } }));
  }

  /** The last column of the range. */
  getLastColumn(): RangeProxy {
    return this._derive((t) => ({ sheet: t.sheet, rect: { ...t.rect, col: t.rect.col + t.rect.cols - 1, cols: 1 } }));
  }

  /** The bottom-right cell of the range. */
  getLastCell(): RangeProxy {
    return this._derive((t) => ({
      sheet: t.sheet,
      rect: { row: t.rect.row + t.rect.rows - 1, col: t.rect.col + t.rect.cols - 1, rows: 1, cols: 1 },
    }));
  }

  /** Whole columns spanned by the range ("C:E"). */
  getEntireColumn(): RangeProxy {
    return this._derive((t) => ({ sheet: t.sheet, rect: { row: 0, col: t.rect.col, rows: MAX_ROWS, cols: t.rect.cols } }));
  }

  /** Whole rows spanned by the range ("3:5"). */
  getEntireRow(): RangeProxy {
    return this._derive((t) => ({ sheet: t.sheet, rect: { row: t.rect.row, col: 0, rows: t.rect.rows, cols: MAX_COLS } }));
  }

  /** The overlap with another range; fails with ItemNotFound when there is none. */
  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this._derive((t) => {
      const o = resolveRangeArg(anotherRange, t.sheet, "Range.getIntersection");
      const x = o.sheet === t.sheet ? intersection(t.rect, o.rect) : null;
      if (!x)
        throw new HostError(
          HostErrorCode.itemNotFound,
          "The requested resource doesn't exist: the ranges do not intersect.",
          "Range.getIntersection",
        );
      return { sheet: t.sheet, rect: x };
    });
  }

  /** The overlap with another range, or a null object. */
  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    return this._derive((t) => {
      const o = resolveRangeArg(anotherRange, t.sheet, "Range.getIntersectionOrNullObject");
      const x = o.sheet === t.sheet ? intersection(t.rect, o.rect) : null;
      return x ? { sheet: t.sheet, rect: x } : null;
    }, true);
  }

  /** The smallest range containing both ranges. */
  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    return this._derive((t) => {
      const o = resolveRangeArg(anotherRange, t.sheet, "Range.getBoundingRect");
      const row = Math.min(t.rect.row, o.rect.row);
      const col = Math.min(t.rect.col, o.rect.col);
      const r2 = Math.max(t.rect.row + t.rect.rows, o.rect.row + o.rect.rows);
      const c2 = Math.max(t.rect.col + t.rect.cols, o.rect.col + o.rect.cols);
      return { sheet: t.sheet, rect: { row, col, rows: r2 - row, cols: c2 - col } };
    });
  }

  /** The used part of this range; the top-left cell when nothing is used. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._derive((t) => {
      const used = t.sheet.usedRect(valuesOnly === true);
      const x = used ? intersection(used, t.rect) : null;
      if (!x)
        throw new HostError(
          HostErrorCode.itemNotFound,
          "The requested resource doesn't exist: the range has no used cells.",
          "Range.getUsedRange",
        );
      return { sheet: t.sheet, rect: x };
    });
  }

  /** The used part of this range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._derive((t) => {
      const used = t.sheet.usedRect(valuesOnly === true);
      const x = used ? intersection(used, t.rect) : null;
      return x ? { sheet: t.sheet, rect: x } : null;
    }, true);
  }

  /** Selects the range (activating its sheet). */
  select(): void {
    this._call("select", [], (t) => {
      t.sheet.workbook.activeSheet = t.sheet;
      t.sheet.selection = { ...t.rect };
    });
  }

  /** Clears contents and/or formats ("All" by default, "Contents", "Formats"). */
  clear(applyTo?: string): void {
    this._call("clear", [applyTo ?? "All"], (t) => clearRect(t.sheet, t.rect, applyTo ?? "All"));
  }

  /** Number of cells as a ClientResult (convenience mirroring `cellCount`). */
  getCellCount(): HostClientResult<number> {
    return this._callResult("getCellCount", [], (t) => t.rect.rows * t.rect.cols);
  }
}

function setNumberFormat(t: RangeTarget, v: unknown, label: string): void {
  const mode = checkShape(v, t.rect, label);
  if (mode === "broadcast") {
    if (v === null || v === undefined) return;
    const fmt = String(v);
    patchStyles(t.sheet, t.rect, (s) => ({ ...s, numberFormat: fmt }));
    return;
  }
  const m = v as unknown[][];
  patchStyles(
    t.sheet,
    t.rect,
    (s, r, c) => {
      const f = m[r - t.rect.row]?.[c - t.rect.col];
      return f === null || f === undefined ? s : { ...s, numberFormat: String(f) };
    },
    true,
  );
}

/** `Excel.RangeFormat`. */
export class RangeFormatProxy extends HostObject<RangeTarget> {
  protected readonly _typeName = "RangeFormat";
  private _font?: RangeFontProxy;
  private _fill?: RangeFillProxy;
  private _borders?: RangeBorderCollectionProxy;

  protected _scalarNames(): readonly string[] {
    return ["horizontalAlignment", "verticalAlignment", "wrapText", "columnWidth", "rowHeight"];
  }

  protected override _navigation(name: string): HostObject<unknown> | undefined {
    if (name === "font") return this.font as HostObject<unknown>;
    if (name === "fill") return this.fill as HostObject<unknown>;
    return undefined;
  }

  protected _readScalar(t: RangeTarget, name: string): unknown {
    switch (name) {
      case "horizontalAlignment":
        return uniform(t.sheet, t.rect, (s) => s.horizontalAlignment ?? DEFAULT_STYLE.horizontalAlignment);
      case "verticalAlignment":
        return uniform(t.sheet, t.rect, (s) => s.verticalAlignment ?? DEFAULT_STYLE.verticalAlignment);
      case "wrapText":
        return uniform(t.sheet, t.rect, (s) => s.wrapText ?? false);
      case "columnWidth": {
        const first = t.sheet.columnWidth(t.rect.col);
        for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) if (t.sheet.columnWidth(c) !== first) return null;
        return first;
      }
      case "rowHeight": {
        const first = t.sheet.rowHeight(t.rect.row);
        if (t.rect.rows > 100000) return t.sheet.rowHeights.size === 0 ? first : null;
        for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) if (t.sheet.rowHeight(r) !== first) return null;
        return first;
      }
      default:
        return undefined;
    }
  }

  private _style(name: string, value: unknown, patch: (s: CellStyle) => CellStyle): void {
    this._set(name, value, (t) => patchStyles(t.sheet, t.rect, patch));
  }

  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._style("horizontalAlignment", v, (s) => ({ ...s, horizontalAlignment: v }));
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._style("verticalAlignment", v, (s) => ({ ...s, verticalAlignment: v }));
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._style("wrapText", v, (s) => ({ ...s, wrapText: v }));
  }

  /** Column width in points (Excel's API unit); null when the columns differ. */
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v, (t) => {
      if (!(v >= 0))
        throw new HostError(
          HostErrorCode.invalidArgument,
          "The argument is invalid or missing or has an incorrect format: columnWidth.",
          "RangeFormat.columnWidth",
        );
      for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) t.sheet.columnWidths.set(c, v);
    });
  }

  /** Row height in points; null when the rows differ. */
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._set("rowHeight", v, (t) => {
      if (!(v >= 0))
        throw new HostError(
          HostErrorCode.invalidArgument,
          "The argument is invalid or missing or has an incorrect format: rowHeight.",
          "RangeFormat.rowHeight",
        );
      for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) t.sheet.rowHeights.set(r, v);
    });
  }

  get font(): RangeFontProxy {
    return (this._font ??= new RangeFontProxy(this.context, () => this._bind()));
  }
  get fill(): RangeFillProxy {
    return (this._fill ??= new RangeFillProxy(this.context, () => this._bind()));
  }
  get borders(): RangeBorderCollectionProxy {
    return (this._borders ??= new RangeBorderCollectionProxy(this.context, () => this._bind()));
  }

  /**
   * Fits column widths to the displayed text of the range's cells (about 7 px per character
   * plus padding, in points); columns with no text keep their width.
   */
  autofitColumns(): void {
    this._call("autofitColumns", [], (t) => {
      const rowEnd = Math.min(t.rect.row + t.rect.rows, Math.max(t.sheet.values.length, t.sheet.formulas.length));
      for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
        let max = 0;
        for (let r = t.rect.row; r < rowEnd; r++) {
          if (t.sheet.values[r]?.[c] === undefined && t.sheet.formulas[r]?.[c] === undefined) continue;
          const len = t.sheet.text(r, c).length * (t.sheet.style(r, c).bold ? 1.1 : 1);
          if (len > max) max = len;
        }
        if (max > 0) t.sheet.columnWidths.set(c, Math.max(DEFAULT_COLUMN_WIDTH / 4, Math.round((max * 7 + 10) * 0.75 * 100) / 100));
      }
    });
  }

  /** Row heights back to the default (the simulated host does not measure wrapped text). */
  autofitRows(): void {
    this._call("autofitRows", [], (t) => {
      for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) t.sheet.rowHeights.delete(r);
    });
  }
}

/** `Excel.RangeFont`. */
export class RangeFontProxy extends HostObject<RangeTarget> {
  protected readonly _typeName = "RangeFont";

  protected _scalarNames(): readonly string[] {
    return ["bold", "italic", "color", "size", "name", "underline"];
  }

  protected _readScalar(t: RangeTarget, name: string): unknown {
    switch (name) {
      case "bold":
        return uniform(t.sheet, t.rect, (s) => s.bold ?? false);
      case "italic":
        return uniform(t.sheet, t.rect, (s) => s.italic ?? false);
      case "color":
        return uniform(t.sheet, t.rect, (s) => s.fontColor ?? DEFAULT_STYLE.fontColor);
      case "size":
        return uniform(t.sheet, t.rect, (s) => s.fontSize ?? DEFAULT_STYLE.fontSize);
      case "name":
        return uniform(t.sheet, t.rect, (s) => s.fontName ?? DEFAULT_STYLE.fontName);
      case "underline":
        return uniform(t.sheet, t.rect, (s) => s.underline ?? DEFAULT_STYLE.underline);
      default:
        return undefined;
    }
  }

  private _style(name: string, value: unknown, patch: (s: CellStyle) => CellStyle): void {
    this._set(name, value, (t) => patchStyles(t.sheet, t.rect, patch));
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._style("bold", v, (s) => ({ ...s, bold: v }));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._style("italic", v, (s) => ({ ...s, italic: v }));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => {
      const c = normalizeColor(v, "RangeFont.color");
      patchStyles(t.sheet, t.rect, (s) => ({ ...s, fontColor: c }));
    });
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._style("size", v, (s) => ({ ...s, fontSize: v }));
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._style("name", v, (s) => ({ ...s, fontName: v }));
  }
  get underline(): string {
    return this._get("underline");
  }
  set underline(v: string) {
    this._style("underline", v, (s) => ({ ...s, underline: v }));
  }
}

/** `Excel.RangeFill`. Unfilled cells read "#FFFFFF", as Excel reports them. */
export class RangeFillProxy extends HostObject<RangeTarget> {
  protected readonly _typeName = "RangeFill";

  protected _scalarNames(): readonly string[] {
    return ["color"];
  }

  protected _readScalar(t: RangeTarget, name: string): unknown {
    return name === "color" ? uniform(t.sheet, t.rect, (s) => s.fill ?? "#FFFFFF") : undefined;
  }

  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (t) => {
      const c = normalizeColor(v, "RangeFill.color");
      patchStyles(t.sheet, t.rect, (s) => ({ ...s, fill: c }));
    });
  }

  /** Removes the fill. */
  clear(): void {
    this._call("clear", [], (t) => patchStyles(t.sheet, t.rect, (s) => ({ ...s, fill: undefined })));
  }
}

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

/** `Excel.RangeBorderCollection` (getItem by Excel.BorderIndex). */
export class RangeBorderCollectionProxy extends HostObject<RangeTarget> {
  protected readonly _typeName = "RangeBorderCollection";

  protected _scalarNames(): readonly string[] {
    return [];
  }

  protected _readScalar(): unknown {
    return undefined;
  }

  /** The border on one side ("EdgeTop", "EdgeBottom", "InsideHorizontal", …). */
  getItem(index: string): RangeBorderProxy {
    return new RangeBorderProxy(this.context, () => {
      const t = this._bind();
      if (t === null) return null;
      if (!BORDER_INDEXES.includes(index))
        throw new HostError(
          HostErrorCode.invalidArgument,
          `The argument is invalid or missing or has an incorrect format: border index '${index}'.`,
          "RangeBorderCollection.getItem",
        );
      return { ...t, side: index };
    });
  }
}

interface BorderTarget extends RangeTarget {
  side: string;
}

/** The cells a border side is stored on, and the edge key it is stored under. */
function borderCells(t: BorderTarget): { rect: Rect; edge: string } | null {
  const { row, col, rows, cols } = t.rect;
  switch (t.side) {
    case "EdgeTop":
      return { rect: { row, col, rows: 1, cols }, edge: "EdgeTop" };
    case "EdgeBottom":
      return { rect: { row: row + rows - 1, col, rows: 1, cols }, edge: "EdgeBottom" };
    case "EdgeLeft":
      return { rect: { row, col, rows, cols: 1 }, edge: "EdgeLeft" };
    case "EdgeRight":
      return { rect: { row, col: col + cols - 1, rows, cols: 1 }, edge: "EdgeRight" };
    case "InsideHorizontal":
      return rows > 1 ? { rect: { row: row + 1, col, rows: rows - 1, cols }, edge: "EdgeTop" } : null;
    case "InsideVertical":
      return cols > 1 ? { rect: { row, col: col + 1, rows, cols: cols - 1 }, edge: "EdgeLeft" } : null;
    default:
      return { rect: t.rect, edge: t.side };
  }
}

/** `Excel.RangeBorder`: style ("Continuous", "None", …), color, weight ("Thin", …). */
export class RangeBorderProxy extends HostObject<BorderTarget> {
  protected readonly _typeName = "RangeBorder";

  protected _scalarNames(): readonly string[] {
    return ["sideIndex", "style", "color", "weight"];
  }

  protected _readScalar(t: BorderTarget, name: string): unknown {
    if (name === "sideIndex") return t.side;
    const cells = borderCells(t);
    if (!cells) return name === "style" ? "None" : null;
    const pick = (s: CellStyle): BorderStyle | undefined => s.borders?.[cells.edge];
    if (name === "style") return uniform(t.sheet, cells.rect, (s) => pick(s)?.style ?? "None");
    if (name === "color") return uniform(t.sheet, cells.rect, (s) => pick(s)?.color ?? "#000000");
    return uniform(t.sheet, cells.rect, (s) => pick(s)?.weight ?? "Thin");
  }

  private _patch(name: string, value: unknown, change: (b: BorderStyle) => BorderStyle): void {
    this._set(name, value, (t) => {
      const cells = borderCells(t);
      if (!cells) return;
      patchStyles(t.sheet, cells.rect, (s) => {
        const prev = s.borders?.[cells.edge] ?? { style: "None", color: "#000000", weight: "Thin" };
        const next = change(prev);
        const borders = { ...(s.borders ?? {}) };
        if (next.style === "None") delete borders[cells.edge];
        else borders[cells.edge] = next;
        return { ...s, borders: Object.keys(borders).length > 0 ? borders : undefined };
      });
    });
  }

  get sideIndex(): string {
    return this._get("sideIndex");
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._patch("style", v, (b) => ({ ...b, style: v }));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._patch("color", v, (b) => ({
      ...b,
      color: normalizeColor(v, "RangeBorder.color"),
      style: b.style === "None" ? "Continuous" : b.style,
    }));
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(v: string) {
    this._patch("weight", v, (b) => ({ ...b, weight: v, style: b.style === "None" ? "Continuous" : b.style }));
  }
}
