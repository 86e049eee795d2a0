/**
 * The page layout subset of the simulated host (ExcelApi 1.9): `Worksheet.pageLayout`
 * (orientation, paper size, zoom / fit to pages, print title rows, headers and footers) and
 * `Worksheet.horizontalPageBreaks`. Only what the statements writer uses, validated as Excel
 * validates it; the state is kept per sheet beside the sheet model so the page and tests can
 * read it back.
 */
import { MAX_ROWS } from "./address";
import { HostError, HostErrorCode } from "./errors";
import type { SheetState } from "./model";
import { HostCollection, HostContextBase, HostObject } from "./proxy";
import { RangeProxy, resolveRangeArg } from "./range";

/** `Excel.PageLayoutZoomOptions`. */
export interface PageZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

/** A sheet's print settings as the simulated host holds them. */
export interface PageLayoutState {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: PageZoom;
  /** "$1:$6", or null. */
  printTitleRows: string | null;
  footers: { leftFooter: string; centerFooter: string; rightFooter: string; leftHeader: string; centerHeader: string; rightHeader: string };
  /** 0-based rows a manual horizontal page break starts a page at, ascending. */
  rowBreaks: number[];
}

const states = new WeakMap<SheetState, PageLayoutState>();

/**
 * The print settings of a sheet (Excel's defaults until something is set).
 *
 * @example
 * pageLayoutOf(sheet).rowBreaks // [40, 80]
 */
export function pageLayoutOf(sheet: SheetState): PageLayoutState {
  let state = states.get(sheet);
  if (!state) {
    state = {
      orientation: "Portrait",
      paperSize: "Letter",
      zoom: { scale: 100 },
      printTitleRows: null,
      footers: { leftFooter: "", centerFooter: "", rightFooter: "", leftHeader: "", centerHeader: "", rightHeader: "" },
      rowBreaks: [],
    };
    states.set(sheet, state);
  }
  return state;
}

/** Excel.PaperType values the host accepts (a subset; others are rejected as Excel rejects unknown ones). */
const PAPER_TYPES = ["Letter", "LetterSmall", "Legal", "A3", "A4", "A4Small", "A5", "B4", "B5", "Executive", "Tabloid"];

/** `Excel.PageLayout`. */
export class PageLayoutProxy extends HostObject<SheetState> {
  protected readonly _typeName = "PageLayout";
  private _headersFooters?: HeaderFooterGroupProxy;

  protected _scalarNames(): readonly string[] {
    return ["orientation", "paperSize", "zoom"];
  }

  protected _readScalar(s: SheetState, name: string): unknown {
    const state = pageLayoutOf(s);
    if (name === "orientation") return state.orientation;
    if (name === "paperSize") return state.paperSize;
    if (name === "zoom") return { ...state.zoom };
    return undefined;
  }

  protected override _navigation(name: string): HostObject<unknown> | undefined {
    return name === "headersFooters" ? (this.headersFooters as HostObject<unknown>) : undefined;
  }

  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(v: string) {
    this._set("orientation", v, (s) => {
      if (v !== "Portrait" && v !== "Landscape") throw invalid(`orientation '${v}'`, "PageLayout.orientation");
      pageLayoutOf(s).orientation = v;
    });
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(v: string) {
    this._set("paperSize", v, (s) => {
      if (!PAPER_TYPES.includes(v)) throw invalid(`paperSize '${v}'`, "PageLayout.paperSize");
      pageLayoutOf(s).paperSize = v;
    });
  }
  get zoom(): PageZoom {
    return this._get("zoom");
  }
  /** Either a scale (10–400) or fit-to-pages counts (0 = automatic in that direction), as Excel takes them. */
  set zoom(v: PageZoom) {
    this._set("zoom", v, (s) => {
      const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
      if (fit && v.scale !== undefined) throw invalid("zoom: scale together with fit to pages", "PageLayout.zoom");
      if (v.scale !== undefined && !(Number.isInteger(v.scale) && v.scale >= 10 && v.scale <= 400))
        throw invalid(`zoom.scale ${v.scale}`, "PageLayout.zoom");
      for (const n of [v.horizontalFitToPages, v.verticalFitToPages]) {
        if (n !== undefined && !(Number.isInteger(n) && n >= 0 && n <= 32767)) throw invalid(`zoom fit to pages ${n}`, "PageLayout.zoom");
      }
      pageLayoutOf(s).zoom = { ...v };
    });
  }

  get headersFooters(): HeaderFooterGroupProxy {
    return (this._headersFooters ??= new HeaderFooterGroupProxy(this.context, () => this._bind()));
  }

  /** Rows repeated at the top of every printed page: whole rows ("$1:$6" or a Range of them). */
  setPrintTitleRows(rows: RangeProxy | string): void {
    this._call("setPrintTitleRows", [typeof rows === "string" ? rows : "<Range>"], (s) => {
      const target = resolveRangeArg(rows, s, "PageLayout.setPrintTitleRows");
      if (target.sheet !== s || target.rect.cols < 16384)
        throw invalid("print title rows must be whole rows of this sheet", "PageLayout.setPrintTitleRows");
      pageLayoutOf(s).printTitleRows = `$${target.rect.row + 1}:$${target.rect.row + target.rect.rows}`;
    });
  }
}

/** `Excel.HeaderFooterGroup`: only `defaultForAllPages`. */
export class HeaderFooterGroupProxy extends HostObject<SheetState> {
  protected readonly _typeName = "HeaderFooterGroup";
  private _default?: HeaderFooterProxy;
  protected _scalarNames(): readonly string[] {
    return [];
  }
  protected _readScalar(): unknown {
    return undefined;
  }
  protected override _navigation(name: string): HostObject<unknown> | undefined {
    return name === "defaultForAllPages" ? (this.defaultForAllPages as HostObject<unknown>) : undefined;
  }
  get defaultForAllPages(): HeaderFooterProxy {
    return (this._default ??= new HeaderFooterProxy(this.context, () => this._bind()));
  }
}

type FooterName = keyof PageLayoutState["footers"];
const FOOTER_NAMES: readonly FooterName[] = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];

/** `Excel.HeaderFooter`: the six texts, in Excel's header/footer codes (&P, &N …). */
export class HeaderFooterProxy extends HostObject<SheetState> {
  protected readonly _typeName = "HeaderFooter";
  protected _scalarNames(): readonly string[] {
    return FOOTER_NAMES;
  }
  protected _readScalar(s: SheetState, name: string): unknown {
    return pageLayoutOf(s).footers[name as FooterName];
  }
  private _text(name: FooterName, v: string): void {
    this._set(name, v, (s) => {
      // Excel limits each section to 255 characters.
      if (typeof v !== "string" || v.length > 255) throw invalid(`${name} longer than 255 characters`, `HeaderFooter.${name}`);
      pageLayoutOf(s).footers[name] = v;
    });
  }
  get centerFooter(): string {
    return this._get("centerFooter");
  }
  set centerFooter(v: string) {
    this._text("centerFooter", v);
  }
  get leftFooter(): string {
    return this._get("leftFooter");
  }
  set leftFooter(v: string) {
    this._text("leftFooter", v);
  }
  get rightFooter(): string {
    return this._get("rightFooter");
  }
  set rightFooter(v: string) {
    this._text("rightFooter", v);
  }
}

/** One manual page break. */
interface PageBreakEntry {
  sheet: SheetState;
  row: number;
}

/** `Excel.PageBreak`. */
export class PageBreakProxy extends HostObject<PageBreakEntry> {
  protected readonly _typeName = "PageBreak";
  protected _scalarNames(): readonly string[] {
    return ["rowIndex", "columnIndex"];
  }
  protected _readScalar(e: PageBreakEntry, name: string): unknown {
    return name === "rowIndex" ? e.row : name === "columnIndex" ? 0 : undefined;
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
}

/** `Excel.PageBreakCollection` of horizontal breaks. */
export class PageBreakCollectionProxy extends HostCollection<PageBreakEntry, PageBreakProxy> {
  protected readonly _typeName = "PageBreakCollection";

  constructor(
    context: HostContextBase,
    private readonly _sheet: () => SheetState | null,
  ) {
    super(context, () => {
      const s = _sheet();
      return s === null ? null : pageLayoutOf(s).rowBreaks.map((row) => ({ sheet: s, row }));
    });
  }

  protected _makeItem(e: PageBreakEntry): PageBreakProxy {
    return new PageBreakProxy(this.context, () => e);
  }

  /** Adds a break above the top-left cell of the range (a second break on the same row is ignored, as in Excel). */
  add(pageBreakRange: RangeProxy | string): void {
    this._enqueue("add()", [typeof pageBreakRange === "string" ? pageBreakRange : "<Range>"], true, () => {
      const s = this._sheet();
      if (s === null) return;
      const target = resolveRangeArg(pageBreakRange, s, "PageBreakCollection.add");
      if (target.sheet !== s) throw invalid("the range is on another sheet", "PageBreakCollection.add");
      const row = target.rect.row;
      if (row <= 0 || row >= MAX_ROWS) throw invalid(`a page break cannot start at row ${row + 1}`, "PageBreakCollection.add");
      const breaks = pageLayoutOf(s).rowBreaks;
      if (!breaks.includes(row)) {
        breaks.push(row);
        breaks.sort((a, b) => a - b);
      }
    });
  }

  /** Removes every manual break of the sheet. */
  removePageBreaks(): void {
    this._enqueue("removePageBreaks()", [], true, () => {
      const s = this._sheet();
      if (s !== null) pageLayoutOf(s).rowBreaks = [];
    });
  }
}

function invalid(what: string, label: string): HostError {
  return new HostError(HostErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: ${what}.`, label);
}
