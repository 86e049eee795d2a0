/**
 * The contract between the UI (task pane, ribbon commands) and the Office.js adapter.
 *
 * Every adapter function takes an `ExcelRun` — `Excel.run` itself in the add-in, or the
 * workbench's simulated `run` in tests and in the browser preview — so nothing in the UI calls
 * `Excel.run` directly and the adapter can be exercised without Excel.
 */
import type { SheetModel, TableData } from "../engine/types";

/** `Excel.run` as the adapter uses it (with or without run options). */
export type ExcelRun = <T>(
  ...args:
    | [batch: (context: Excel.RequestContext) => Promise<T>]
    | [options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>]
) => Promise<T>;

/** A stage of a long operation, for progress bars. `done`/`total` count blocks or rows. */
export interface Progress {
  stage: "read" | "compute" | "write" | "format";
  done: number;
  total: number;
}

export type ProgressListener = (progress: Progress) => void;

/** Where a source table lives, so the UI can name it and select its cells. */
export interface SourceTableInfo {
  /** Excel table name, or the sheet name for a header row on a plain sheet. */
  name: string;
  sheet: string;
  /** Sheet-qualified address of header + data, e.g. "Invoices!A1:K61". */
  address: string;
  kind: "table" | "range";
  rowCount: number;
}

/** Per-workbook settings: defined with the use cases (src/app/settings.ts). */
export type { WorkbookSettings } from "../app/settings";

/** What writing report sheets did, for the UI to report. */
export interface WriteResult {
  /** Names of the sheets written, in order. */
  sheets: string[];
  /**
   * Requested names that belonged to a user's sheet, and the name used instead
   * (AR Desk never touches a sheet it did not create).
   */
  renamed: Array<{ requested: string; used: string }>;
  /**
   * AR Desk's sheets the user edited since they were written: not replaced but kept, renamed
   * (`keptAs`, e.g. "AR Aging 2026-10 (edited)"), beside the new `sheet`. The UI says so.
   */
  kept: Array<{ sheet: string; keptAs: string }>;
  /**
   * AR Desk's sheets the user had edited and chose to replace all the same (see
   * `WriteTuning.decideEdited`): their edits are gone, the UI says so.
   */
  overwritten?: string[];
  /** context.sync round trips used by the write. */
  roundTrips: number;
  /**
   * What could not be applied although the report was written, e.g. freeze panes or the filter
   * of a sheet (Excel has known bugs there): the sheet is complete without them.
   */
  warnings: WriteWarning[];
}

/** Something a write could not do, the report being written all the same. */
export interface WriteWarning {
  /** Sheet concerned, as written. */
  sheet: string;
  /** "view-settings": freeze panes or autofilter failed. */
  kind: "view-settings";
  /** Excel's error code (e.g. "GeneralException"), for a bug report; the UI words the warning per kind. */
  detail: string;
}

/** One of AR Desk's report sheets that the user edited since it was written, found before a re-run. */
export interface EditedSheet {
  /** The sheet's name (the new report takes it). */
  sheet: string;
  /** The name the edited sheet keeps if kept, e.g. "AR Aging 2026-10 (edited)". */
  keptAs: string;
}

/** What to do with edited report sheets: keep them renamed, replace them, or write nothing at all. */
export type EditedSheetChoice = "keep" | "replace" | "cancel";

/** Options for writing report sheets. */
export interface WriteOptions {
  /** Period tag, e.g. "2026-10": a re-run replaces AR Desk's sheet of the same name and period. */
  period: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** Activate the first written sheet when done (default true). */
  activate?: boolean;
  /**
   * Wait while the user is editing a cell instead of failing (`Excel.run`'s `delayForCellEdit`);
   * set by ribbon commands, which can start while a cell is in edit mode.
   */
  delayForCellEdit?: boolean;
}

/** Tables read from the workbook plus the workbook's date system. */
export interface WorkbookTables {
  tables: TableData[];
  info: SourceTableInfo[];
  dateSystem: 1900 | 1904;
}

/** Options for reading the workbook's tables. */
export interface ReadOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

/** The shape of the adapter's report writer, for code that receives it as a dependency. */
export type WriteReportSheets = (run: ExcelRun, sheets: SheetModel[], options: WriteOptions) => Promise<WriteResult>;
