/**
 * `Excel.ChartCollection`, `Excel.Chart`, `Excel.ChartTitle` and `Excel.ChartLegend`.
 *
 * Charts keep their type, source range, series orientation, title, legend and position (points).
 * A new chart is 360 × 216 pt, placed at the top just right of the used range; series,
 * axes and data labels are not simulated.
 */
import { Rect } from "./address";
import { CHART_TYPES } from "./enums";
import { HostError, HostErrorCode } from "./errors";
import { ChartState, SheetState } from "./model";
import { HostCollection, HostContextBase, HostObject } from "./proxy";
import { RangeProxy, resolveRangeArg } from "./range";
import { WorksheetProxy } from "./worksheet";

function aliveChart(c: ChartState): void {
  if (!c.sheet.charts.includes(c) || c.sheet.deleted)
    throw new HostError(HostErrorCode.itemNotFound, "The requested resource doesn't exist: the chart was deleted.", "Chart");
}

/** Top-left position of a cell in points. */
function cellOrigin(sheet: SheetState, row: number, col: number): { top: number; left: number } {
  let top = row * 15;
  for (const [r, h] of sheet.rowHeights) if (r < row) top += h - 15;
  let left = 0;
  for (let c = 0; c < col; c++) left += sheet.columnWidth(c);
  return { top, left };
}

/** `Excel.ChartCollection` of a worksheet. */
export class ChartCollectionProxy extends HostCollection<ChartState, ChartProxy> {
  protected readonly _typeName = "ChartCollection";
  private readonly _sheet: () => SheetState | null;

  constructor(context: HostContextBase, sheet: () => SheetState | null) {
    super(context, () => {
      const s = sheet();
      return s === null ? null : [...s.charts];
    });
    this._sheet = sheet;
  }

  protected _makeItem(e: ChartState): ChartProxy {
    return new ChartProxy(this.context, () => e);
  }

  /** Adds a chart of an Excel.ChartType over a source range ("Auto", "Columns", "Rows"). */
  add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy {
    let created: ChartState | null | undefined;
    const proxy = new ChartProxy(this.context, () => {
      if (created === undefined)
        throw new HostError(HostErrorCode.invalidObjectPath, "The object path was not created.", "ChartCollection.add");
      return created;
    });
    this._enqueue("add()", [type, "<Range>", seriesBy ?? "Auto"], true, () => {
      const s = this._sheet();
      if (s === null) {
        created = null;
        return;
      }
      if (!CHART_TYPES.includes(type) || type === "Invalid")
        throw new HostError(
          HostErrorCode.invalidArgument,
          `The argument is invalid or missing or has an incorrect format: chart type '${type}'.`,
          "ChartCollection.add",
        );
      const by = seriesBy ?? "Auto";
      if (!["Auto", "Columns", "Rows"].includes(by))
        throw new HostError(
          HostErrorCode.invalidArgument,
          `The argument is invalid or missing or has an incorrect format: seriesBy '${by}'.`,
          "ChartCollection.add",
        );
      const src = resolveRangeArg(sourceData, s, "ChartCollection.add");
      const wb = s.workbook;
      let n = s.charts.length + 1;
      while (s.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const used = s.usedRect(false);
      const origin = cellOrigin(s, 0, used ? used.col + used.cols + 1 : 0);
      created = {
        id: wb.newId("chart"),
        name: `Chart ${n}`,
        sheet: s,
        chartType: type,
        source: { ...src.rect },
        seriesBy: by,
        title: "",
        titleVisible: false,
        legendPosition: "Right",
        legendVisible: true,
        top: origin.top,
        left: origin.left,
        width: 360,
        height: 216,
        anchor: null,
      };
      s.charts.push(created);
    });
    return proxy;
  }

  private _find(name: string): ChartState | undefined {
    const s = this._sheet();
    return s?.charts.find((c) => c.name === name || c.id === name);
  }

  /** The chart with this name; ItemNotFound at sync otherwise. */
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, () => {
      if (this._sheet() === null) return null;
      const c = this._find(name);
      if (!c)
        throw new HostError(
          HostErrorCode.itemNotFound,
          `The requested resource doesn't exist: chart '${name}'.`,
          "ChartCollection.getItem",
        );
      return c;
    });
  }

  /** The chart with this name, or a null object. */
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.context, () => this._find(name) ?? null, true);
  }

  /** The chart at a position. */
  getItemAt(index: number): ChartProxy {
    return new ChartProxy(this.context, () => {
      const s = this._sheet();
      if (s === null) return null;
      const c = s.charts[index];
      if (!c)
        throw new HostError(
          HostErrorCode.itemNotFound,
          `The requested resource doesn't exist: chart at ${index}.`,
          "ChartCollection.getItemAt",
        );
      return c;
    });
  }
}

/** `Excel.Chart`. */
export class ChartProxy extends HostObject<ChartState> {
  protected readonly _typeName = "Chart";
  private _title?: ChartTitleProxy;
  private _legend?: ChartLegendProxy;
  private _ws?: WorksheetProxy;

  protected _scalarNames(): readonly string[] {
    return ["id", "name", "chartType", "top", "left", "width", "height"];
  }
  protected override _checkAlive(c: ChartState): void {
    aliveChart(c);
  }
  protected _readScalar(c: ChartState, name: string): unknown {
    return (c as unknown as Record<string, unknown>)[name];
  }
  protected override _navigation(name: string): HostObject<unknown> | undefined {
    if (name === "title") return this.title as HostObject<unknown>;
    if (name === "legend") return this.legend as HostObject<unknown>;
    if (name === "worksheet") return this.worksheet as HostObject<unknown>;
    return undefined;
  }

  private _num(name: "top" | "left" | "width" | "height", v: number): void {
    this._set(name, v, (c) => {
      if (!Number.isFinite(v) || v < 0)
        throw new HostError(
          HostErrorCode.invalidArgument,
          `The argument is invalid or missing or has an incorrect format: ${name}.`,
          `Chart.${name}`,
        );
      c[name] = v;
      c.anchor = null;
    });
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (c) => {
      c.name = v;
    });
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(v: string) {
    this._set("chartType", v, (c) => {
      if (!CHART_TYPES.includes(v) || v === "Invalid")
        throw new HostError(HostErrorCode.invalidArgument, `The argument is invalid: chart type '${v}'.`, "Chart.chartType");
      c.chartType = v;
    });
  }
  get top(): number {
    return this._get("top");
  }
  set top(v: number) {
    this._num("top", v);
  }
  get left(): number {
    return this._get("left");
  }
  set left(v: number) {
    this._num("left", v);
  }
  get width(): number {
    return this._get("width");
  }
  set width(v: number) {
    this._num("width", v);
  }
  get height(): number {
    return this._get("height");
  }
  set height(v: number) {
    this._num("height", v);
  }

  get title(): ChartTitleProxy {
    return (this._title ??= new ChartTitleProxy(this.context, () => this._bind()));
  }
  get legend(): ChartLegendProxy {
    return (this._legend ??= new ChartLegendProxy(this.context, () => this._bind()));
  }
  get worksheet(): WorksheetProxy {
    return (this._ws ??= new WorksheetProxy(this.context, () => this._bind()?.sheet ?? null));
  }

  /** Places the chart over cells: its top-left at `startCell`, bottom-right at the end of `endCell`. */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this._call(
      "setPosition",
      [typeof startCell === "string" ? startCell : "<Range>", typeof endCell === "string" ? endCell : endCell ? "<Range>" : null],
      (c) => {
        const start = resolveRangeArg(startCell, c.sheet, "Chart.setPosition").rect;
        const end: Rect | null = endCell === undefined ? null : resolveRangeArg(endCell, c.sheet, "Chart.setPosition").rect;
        const o = cellOrigin(c.sheet, start.row, start.col);
        c.top = o.top;
        c.left = o.left;
        if (end) {
          const e = cellOrigin(c.sheet, end.row + end.rows, end.col + end.cols);
          if (e.top <= o.top || e.left <= o.left)
            throw new HostError(
              HostErrorCode.invalidArgument,
              "The end cell must be below and right of the start cell.",
              "Chart.setPosition",
            );
          c.width = e.left - o.left;
          c.height = e.top - o.top;
        }
        c.anchor = {
          start: { ...start, rows: 1, cols: 1 },
          end: end ? { row: end.row + end.rows - 1, col: end.col + end.cols - 1, rows: 1, cols: 1 } : null,
        };
      },
    );
  }

  /** Changes the source data. */
  setData(sourceData: RangeProxy, seriesBy?: string): void {
    this._call("setData", ["<Range>", seriesBy ?? "Auto"], (c) => {
      c.source = { ...resolveRangeArg(sourceData, c.sheet, "Chart.setData").rect };
      c.seriesBy = seriesBy ?? "Auto";
    });
  }

  /** Deletes the chart. */
  delete(): void {
    this._call("delete", [], (c) => {
      c.sheet.charts = c.sheet.charts.filter((x) => x !== c);
    });
  }
}

/** `Excel.ChartTitle`. Setting text makes the title visible, as in Excel. */
export class ChartTitleProxy extends HostObject<ChartState> {
  protected readonly _typeName = "ChartTitle";
  protected _scalarNames(): readonly string[] {
    return ["text", "visible"];
  }
  protected _readScalar(c: ChartState, name: string): unknown {
    return name === "text" ? c.title : name === "visible" ? c.titleVisible : undefined;
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (c) => {
      c.title = String(v);
      c.titleVisible = true;
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (c) => {
      c.titleVisible = v;
    });
  }
}

/** `Excel.ChartLegend`. */
export class ChartLegendProxy extends HostObject<ChartState> {
  protected readonly _typeName = "ChartLegend";
  protected _scalarNames(): readonly string[] {
    return ["position", "visible"];
  }
  protected _readScalar(c: ChartState, name: string): unknown {
    return name === "position" ? c.legendPosition : name === "visible" ? c.legendVisible : undefined;
  }
  get position(): string {
    return this._get("position");
  }
  set position(v: string) {
    this._set("position", v, (c) => {
      c.legendPosition = v;
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, (c) => {
      c.legendVisible = v;
    });
  }
}
