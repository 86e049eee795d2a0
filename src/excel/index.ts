/**
 * The Office.js adapter: the only code that calls `Excel.run`. The task pane and ribbon
 * commands import from here.
 */
export type * from "./types";
export { readWorkbookTables, findHeaderRow, type ReadTuning } from "./read";
export { writeReportSheets, planWrite, excelRows, type WritePlan, type WriteBatch, type WritePart, type WriteTuning } from "./write";
export { listOwnedSheets, type OwnedSheet, type SheetTag, TAG_KEY, OWNED_RECORD_KEY } from "./owned";
export {
  loadSettings,
  loadSettingsDetailed,
  saveSettings,
  defaultSettings,
  parseSettings,
  SETTINGS_KEY,
  loadCreditSettings,
  saveCreditSettings,
  CREDIT_SETTINGS_KEY,
  type CreditSettings,
  type SettingsLoad,
  type SettingsProblem,
} from "./settings";
export { selectCell, selectRows, rowsBlock, type RowsTarget } from "./navigate";
export { readCellValue, parseCellReference, type CellReference, type CellRead } from "./cells";
export { insertTables, DATE_FORMAT, MONEY_FORMAT, TEXT_FORMAT, type ColumnFormats, type InsertTablesOptions } from "./sample";
export { CancelledError, isCancelled } from "./errors";
export { needsQuotePrefix } from "./textSafety";
export { MAX_REQUEST_BYTES, BLOCK_BUDGET_BYTES } from "./blocks";
export {
  addHighlights,
  clearHighlights,
  planHighlights,
  HIGHLIGHTS_KEY,
  MAX_HIGHLIGHT_RULES,
  type CustomerTableArea,
  type HighlightRun,
  type HighlightRecord,
} from "./highlights";
export { addTrackedHighlights, clearTrackedHighlights, type HighlightPurpose, type TrackedRule } from "./highlights";
export {
  highlightReconciliation,
  clearReconcileHighlights,
  reconcileHighlightRules,
  type ReconcileHighlightRules,
} from "./reconcileHighlights";
export { excelPort, settingValue, type ExcelPortOptions } from "./port";
