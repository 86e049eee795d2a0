/**
 * The simulated workbook's state: what the proxies read and write at `sync()`, and what tests
 * and the grid view inspect through `workbench.workbook`.
 *
 * Storage is sparse by row: each sheet keeps `values[row][col]`, `formulas[row][col]` and
 * `styles[row][col]` (an id into an interned style table), so 100k-row blocks are cheap to
 * write and read. Whole-column and whole-row formatting is kept per column / row (as Excel
 * does) instead of touching a million cells.
 */
import { MAX_COLS, MAX_ROWS, Rect, columnLetters, fullAddress, intersects } from "./address";
import { StoredValue, formatValue } from "./cells";
import { Calculator } from "./calc";
import type { FunctionRegistry } from "./functions";

/** One border edge. */
export interface BorderStyle {
  style: string;
  color: string;
  weight: string;
}

/** Formatting of one cell. Absent fields mean Excel's defaults. */
export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** Edges keyed by Excel.BorderIndex string ("EdgeTop", …). */
  borders?: Record<string, BorderStyle>;
  /** The cell was written with a leading apostrophe. */
  quotePrefix?: boolean;
}

/** Excel's defaults as the API reports them. */
export const DEFAULT_STYLE = {
  numberFormat: "General",
  bold: false,
  italic: false,
  underline: "None",
  fontColor: "#000000",
  fontSize: 11,
  fontName: "Calibri",
  fill: null as string | null,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
} as const;

/** Default column width in points (8.43 characters = 64 px). */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Default row height in points. */
export const DEFAULT_ROW_HEIGHT = 15;

/** Interns cell styles so cells store a small integer and identical styles are shared. */
export class StyleTable {
  private readonly list: CellStyle[] = [{}];
  private readonly ids = new Map<string, number>([["{}", 0]]);

  /** The style for an id (0 = default). */
  get(id: number): CellStyle {
    return this.list[id] ?? {};
  }

  /** The id of a style, adding it when new. */
  intern(style: CellStyle): number {
    const key = styleKey(style);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(style);
      this.ids.set(key, id);
    }
    return id;
  }
}

function styleKey(s: CellStyle): string {
  const keys = Object.keys(s).sort() as (keyof CellStyle)[];
  const o: Record<string, unknown> = {};
  for (const k of keys) {
    const v = s[k];
    if (v === undefined) continue;
    o[k] = k === "borders" && v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v;
  }
  return JSON.stringify(o);
}

/** A conditional format rule as stored. */
export interface ConditionalFormatState {
  id: string;
  sheet: SheetState;
  rect: Rect;
  /** Excel.ConditionalFormatType string: "CellValue", "ContainsText", "Custom". */
  type: string;
  priority: number;
  stopIfTrue: boolean;
  /** CellValue: { formula1, formula2?, operator }; ContainsText: { operator, text }; Custom: { formula }. */
  rule: Record<string, unknown>;
  format: { fill: string | null; fontColor: string | null; bold: boolean | null; italic: boolean | null };
}

/** A chart as stored. */
export interface ChartState {
  id: string;
  name: string;
  sheet: SheetState;
  chartType: string;
  source: Rect;
  seriesBy: string;
  title: string;
  titleVisible: boolean;
  legendPosition: string;
  legendVisible: boolean;
  top: number;
  left: number;
  width: number;
  height: number;
  /** Cells the chart was positioned over with setPosition, if any. */
  anchor: { start: Rect; end: Rect | null } | null;
}

/** An Excel table (ListObject) as stored. */
export interface TableState {
  id: string;
  name: string;
  sheet: SheetState;
  /** Whole table including the header row and the totals row. */
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showFilterButton: boolean;
}

/** One worksheet's state. */
export class SheetState {
  name: string;
  readonly id: string;
  visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  deleted = false;
  values: (StoredValue | undefined)[][] = [];
  formulas: (string | undefined)[][] = [];
  styles: (number | undefined)[][] = [];
  /** Whole-row and whole-column styles (from formatting "3:3" or "C:C"). */
  rowStyles = new Map<number, number>();
  colStyles = new Map<number, number>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  frozen = { rows: 0, cols: 0 };
  customProperties = new Map<string, { key: string; value: string }>();
  /** Sheet-scoped names by lower-case name (see ./names.ts). */
  names = new Map<string, { name: string; formula: string; comment: string }>();
  conditionalFormats: ConditionalFormatState[] = [];
  charts: ChartState[] = [];
  autoFilter: Rect | null = null;
  selection: Rect = { row: 0, col: 0, rows: 1, cols: 1 };

  constructor(
    readonly workbook: WorkbookState,
    name: string,
    id: string,
  ) {
    this.name = name;
    this.id = id;
  }

  /** 0-based position among the workbook's sheets. */
  get position(): number {
    return this.workbook.sheets.indexOf(this);
  }

  /**
   * Stored value of a cell: formula cells give their result (the top-left value of a spill),
   * empty cells in a spill range the spilled value.
   */
  value(row: number, col: number): StoredValue | undefined {
    if (this.formulas[row]?.[col] !== undefined) return this.workbook.calc.formulaValue(this, row, col);
    return this.values[row]?.[col] ?? this.workbook.calc.spilledValue(this, row, col);
  }

  /** Whether a cell's value is computed (a formula's result or a spilled value), not entered. */
  isComputed(row: number, col: number): boolean {
    return (
      this.formulas[row]?.[col] !== undefined ||
      (this.values[row]?.[col] === undefined && this.workbook.calc.spilledValue(this, row, col) !== undefined)
    );
  }

  /** The detail of the error a computed cell shows (e.g. why an argument is #VALUE!), if any. */
  errorMessage(row: number, col: number): string | undefined {
    return this.workbook.calc.message(this, row, col);
  }

  /** Formula of a cell, or undefined for constants and empty cells. */
  formula(row: number, col: number): string | undefined {
    return this.formulas[row]?.[col];
  }

  /** Style id of a cell: its own, else its row's, else its column's, else the default. */
  styleId(row: number, col: number): number {
    return this.styles[row]?.[col] ?? this.rowStyles.get(row) ?? this.colStyles.get(col) ?? 0;
  }

  /** Effective style of a cell. */
  style(row: number, col: number): CellStyle {
    return this.workbook.styles.get(this.styleId(row, col));
  }

  /** Number format of a cell ("General" by default). */
  numberFormat(row: number, col: number): string {
    return this.style(row, col).numberFormat ?? "General";
  }

  /** The cell as the grid shows it (`Range.text`). */
  text(row: number, col: number): string {
    return formatValue(this.value(row, col), this.numberFormat(row, col));
  }

  /** Sets or clears a cell's content (value or formula). */
  setContent(row: number, col: number, value: StoredValue | undefined, formula?: string): void {
    this.workbook.calc.invalidate();
    let vr = this.values[row];
    if (!vr) {
      if (value === undefined && formula === undefined) return;
      vr = this.values[row] = [];
    }
    vr[col] = value;
    const fr = this.formulas[row];
    if (formula !== undefined) {
      (fr ?? (this.formulas[row] = []))[col] = formula;
    } else if (fr && fr[col] !== undefined) {
      fr[col] = undefined;
    }
  }

  /** Sets a cell's own style id. */
  setStyleId(row: number, col: number, id: number): void {
    (this.styles[row] ?? (this.styles[row] = []))[col] = id;
  }

  /** Column width in points. */
  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Row height in points. */
  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /**
   * Bounding box of non-empty cells (and, unless `valuesOnly`, of formatted cells), or null
   * for an empty sheet.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let r1 = -1;
    let r2 = -1;
    let c1 = MAX_COLS;
    let c2 = -1;
    const scan = (rows: unknown[][], isStyle: boolean): void => {
      rows.forEach((row, r) => {
        if (!row) return;
        let any = false;
        row.forEach((v, c) => {
          if (v === undefined || (isStyle && v === 0)) return;
          any = true;
          if (c < c1) c1 = c;
          if (c > c2) c2 = c;
        });
        if (any) {
          if (r1 < 0 || r < r1) r1 = r;
          if (r > r2) r2 = r;
        }
      });
    };
    scan(this.values, false);
    scan(this.formulas, false);
    if (!valuesOnly) scan(this.styles, true);
    // Spilled cells are part of the used range, as in Excel.
    const spill = this.workbook.calc.spillBounds(this);
    if (spill) {
      if (r1 < 0 || spill.row < r1) r1 = spill.row;
      r2 = Math.max(r2, spill.row + spill.rows - 1);
      c1 = Math.min(c1, spill.col);
      c2 = Math.max(c2, spill.col + spill.cols - 1);
    }
    if (r1 < 0) return null;
    return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
  }

  /** Sheet-qualified address of a rectangle on this sheet. */
  address(r: Rect): string {
    return fullAddress(this.name, r);
  }

  /** Values of the used range as a 2D array ("" for empty cells); [] for an empty sheet. */
  snapshot(): StoredValue[][] {
    const used = this.usedRect(true);
    if (!used) return [];
    return this.readValues(used);
  }

  /** Values of a rectangle ("" for empty cells), formulas evaluated. */
  readValues(r: Rect): StoredValue[][] {
    const out: StoredValue[][] = new Array(r.rows);
    for (let i = 0; i < r.rows; i++) {
      const row: StoredValue[] = new Array(r.cols);
      const vr = this.values[r.row + i];
      const fr = this.formulas[r.row + i];
      for (let j = 0; j < r.cols; j++) {
        const c = r.col + j;
        row[j] =
          fr?.[c] !== undefined ? (this.value(r.row + i, c) ?? "") : (vr?.[c] ?? this.workbook.calc.spilledValue(this, r.row + i, c) ?? "");
      }
      out[i] = row;
    }
    return out;
  }

  /** Tables on this sheet. */
  tables(): TableState[] {
    return this.workbook.tables.filter((t) => t.sheet === this);
  }

  /** Conditional formats whose range intersects `r`. */
  conditionalFormatsIn(r: Rect): ConditionalFormatState[] {
    return this.conditionalFormats.filter((cf) => intersects(cf.rect, r));
  }
}

/** The whole simulated workbook. */
export class WorkbookState {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  readonly styles = new StyleTable();
  /** `workbook.settings` and, once saved, `Office.context.document.settings`. */
  settings = new Map<string, unknown>();
  activeSheet: SheetState | null = null;
  calculationMode = "Automatic";
  /** True while the simulated user is editing a cell (batches fail or wait). */
  cellEditMode = false;
  /** Formula results and spills (see ./calc.ts). */
  readonly calc = new Calculator(this);
  private registry: FunctionRegistry | null = null;
  /** Next id per kind ("sheet", "table", …): sheet ids are numbered apart, so a reopened book recycles them. */
  private readonly nextIds = new Map<string, number>();
  /**
   * The workbook's date system: 1904 books store serials counted from 1904-01-01 (the Mac
   * default before Excel 2011; still set in books that come from it), and DATE() answers in it.
   */
  dateSystem: 1900 | 1904 = 1900;
  /** Which sheets freezing panes fails on (Excel's known bugs; see `WorkbenchOptions.freezePanesFail`). */
  freezePanesFail: "hidden" | "inactive" = "hidden";

  /** The add-in functions formulas can call (see ./functions.ts), or null. */
  get functions(): FunctionRegistry | null {
    return this.registry;
  }
  set functions(registry: FunctionRegistry | null) {
    this.registry = registry;
    this.calc.invalidate();
  }

  /**
   * A new unique id with a prefix (sheet ids look like "{00000000-0001-…}" in Excel). Each kind
   * counts from 1 in every session, so a sheet of a reopened book can get the id another sheet
   * had before: Excel promises nothing about sheet ids across sessions (they differ between
   * Excel on the web and desktop), and code that keys anything on them must break here too.
   */
  newId(prefix: string): string {
    const n = this.nextIds.get(prefix) ?? 1;
    this.nextIds.set(prefix, n + 1);
    return prefix === "sheet" ? `{00000000-0001-0000-${String(n).padStart(4, "0")}-000000000000}` : `{${prefix}-${n}}`;
  }

  /** The sheet with this name (case-insensitive, as Excel compares sheet names). */
  sheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Adds a sheet at the end. */
  addSheet(name: string): SheetState {
    const s = new SheetState(this, name, this.newId("sheet"));
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
  }

  /** The table with this name (case-insensitive). */
  table(name: string): TableState | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  /** A default name not yet used: prefix + smallest free number ("Sheet2", "Table1"). */
  freeName(prefix: string, taken: (name: string) => boolean): string {
    for (let i = 1; ; i++) if (!taken(`${prefix}${i}`)) return `${prefix}${i}`;
  }
}

/** Convenience for tests and the grid view: a cell's full content. */
export interface CellInfo {
  address: string;
  value: StoredValue | "";
  formula: string | null;
  text: string;
  numberFormat: string;
  style: CellStyle;
  /** The detail of the error the cell shows (a function's #VALUE! message), or null. */
  errorMessage: string | null;
  /** For a cell in a spill range: the address of the formula cell it spills from, else null. */
  spilledFrom: string | null;
}

/** Describes one cell of a sheet. */
export function cellInfo(sheet: SheetState, row: number, col: number): CellInfo {
  const v = sheet.value(row, col);
  const spill = sheet.workbook.calc.spillAt(sheet, row, col);
  return {
    address: `${columnLetters(col)}${row + 1}`,
    value: v ?? "",
    formula: sheet.formula(row, col) ?? null,
    text: sheet.text(row, col),
    numberFormat: sheet.numberFormat(row, col),
    style: sheet.style(row, col),
    errorMessage: sheet.errorMessage(row, col) ?? null,
    spilledFrom: spill ? `${columnLetters(spill.anchor.col)}${spill.anchor.row + 1}` : null,
  };
}

/** Whether a rectangle spans every row of the sheet (a whole-column reference). */
export function isWholeColumns(r: Rect): boolean {
  return r.row === 0 && r.rows === MAX_ROWS;
}

/** Whether a rectangle spans every column of the sheet (a whole-row reference). */
export function isWholeRows(r: Rect): boolean {
  return r.col === 0 && r.cols === MAX_COLS;
}
