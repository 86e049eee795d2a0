/**
 * The workbook port: everything a use case (src/app) needs from a workbook, and nothing more.
 * The Office.js adapter (src/excel) implements it over `Excel.run`; the file adapter (src/file)
 * implements it over .xlsx/.csv files for the `ar-desk` command; tests use an in-memory one.
 *
 * Use cases take a request (plain values: as-of date, buckets, language …) and a port, and return
 * a result the front end shows. They never see Office.js, the DOM, the file system or the clock.
 */
import type { CellValue, SheetModel, TableData } from "../engine/types";

/** A stage of a long operation, for progress bars. `done`/`total` count blocks or rows. */
export interface PortProgress {
  stage: "read" | "compute" | "write" | "format";
  done: number;
  total: number;
}

/** Called as a long operation advances. */
export type PortProgressListener = (progress: PortProgress) => void;

/** Where a source table lives, so a front end can name it and select its cells. */
export interface PortTableInfo {
  /** Excel table name, or the sheet name for a header row on a plain sheet (or a CSV file). */
  name: string;
  sheet: string;
  /** Sheet-qualified address of header + data, e.g. "Invoices!A1:K61". */
  address: string;
  kind: "table" | "range";
  rowCount: number;
}

/** The workbook's tables, where they are, and its date system. */
export interface PortTables {
  tables: TableData[];
  info: PortTableInfo[];
  dateSystem: 1900 | 1904;
  /** Sheets looked at and their rows, where the port can say (for "no invoice table" messages). */
  examined?: Array<{ sheet: string; rows: number }>;
}

/** Options of a read. */
export interface PortReadOptions {
  signal?: AbortSignal;
  onProgress?: PortProgressListener;
}

/** Options of writing owned report sheets. */
export interface PortWriteOptions {
  /** Period tag, e.g. "2026-10": a re-run replaces AR Desk's own sheet of the same name and period. */
  period: string;
  signal?: AbortSignal;
  onProgress?: PortProgressListener;
  /** Activate the first written sheet when done (default true). */
  activate?: boolean;
}

/** What writing owned sheets did. */
export interface PortWriteResult {
  /** Names of the sheets written, in order. */
  sheets: string[];
  /** Requested names that belonged to a user's sheet, and the name used instead. */
  renamed: Array<{ requested: string; used: string }>;
  /** Office.js round trips the write used, where the port counts them (for the bench). */
  roundTrips?: number;
  /**
   * Our sheets the user edited since we wrote them: kept under `keptAs` rather than replaced
   * (ports that cannot tell, such as a new output file, report none).
   */
  kept?: Array<{ sheet: string; keptAs: string }>;
  /** Our sheets the user had edited and chose to have replaced all the same (their edits are gone). */
  overwritten?: string[];
  /** What could not be applied although the sheets were written (e.g. freeze panes). */
  warnings?: Array<{ sheet: string; kind: "view-settings"; detail: string }>;
}

/**
 * What a set of highlights is for. Each feature clears and replaces only its own: re-running the
 * credit check leaves the reconciliation's (or the collections' warnings') highlights alone.
 */
export type PortHighlightPurpose = "credit" | "reconcile" | "collections";

/** One highlight: a bounded range on a sheet, coloured whatever its values. */
export interface PortHighlight {
  sheet: string;
  /** A1 address on the sheet, e.g. "A5:G7" (never whole columns). */
  address: string;
  /** Fill colour, "#RRGGBB". */
  fill: string;
}

/** A user table to create once (e.g. the follow-up log): it belongs to the user from then on. */
export interface PortNewTable {
  /** Sheet to create (a free name is chosen if taken) and table name. */
  sheet: string;
  name: string;
  header: string[];
  /** Number formats per column index, e.g. { 0: "yyyy-mm-dd" }. */
  formats?: Record<number, string>;
}

/**
 * The workbook as use cases see it.
 *
 * @example
 * const { tables } = await port.readTables();
 * const result = await port.writeSheets(agingSheets(report, "en-US"), { period: "2026-10" });
 */
export interface WorkbookPort {
  /** Every table (Excel tables and header-row ranges) of the workbook, minus AR Desk's own sheets. */
  readTables(options?: PortReadOptions): Promise<PortTables>;
  /** Writes (or replaces) AR Desk's own sheets; never a user's sheet. */
  writeSheets(sheets: SheetModel[], options: PortWriteOptions): Promise<PortWriteResult>;
  /** A JSON value saved in the workbook under `key` (settings survive save and reopen), or null. */
  readSetting(key: string): Promise<unknown>;
  /** Saves a JSON value in the workbook under `key`. */
  writeSetting(key: string, value: unknown): Promise<void>;
  /** Replaces this purpose's highlights by `rules` (other purposes' and the user's rules stay). */
  setHighlights(purpose: PortHighlightPurpose, rules: readonly PortHighlight[]): Promise<{ added: number; removed: number }>;
  /** Removes this purpose's highlights, and only ours. */
  clearHighlights(purpose: PortHighlightPurpose): Promise<{ removed: number }>;
  /** Creates a user table once; returns its sheet and name (the sheet name may differ if taken). */
  createTable(table: PortNewTable): Promise<{ sheet: string; name: string }>;
  /** Appends rows below a user's table (an Excel table grows; never rewrites existing rows). */
  appendRows(table: string, rows: CellValue[][]): Promise<{ sheet: string; firstRow: number }>;
}
