/**
 * The simulated Excel host ("workbench"): Office.js semantics over an in-memory workbook, for
 * adapter tests and the browser preview. Never part of production bundles.
 *
 * @example
 * const wb = createWorkbench();
 * wb.seed({ sheets: [{ name: "Invoices", cells: [["No", "Amount"], ["INV-1", 100]], tables: [{ name: "tblInvoices", address: "A1:B2" }] }] });
 * await wb.run(async (context) => {
 *   const range = context.workbook.worksheets.getItem("Invoices").getRange("A1:B2");
 *   range.load("values");
 *   await context.sync();
 *   return range.values;
 * });
 * wb.stats.syncCount; // 1
 */
export { createWorkbench, DEFAULT_MAX_REQUEST_BYTES, WorkbenchStats } from "./workbench";
export type { Workbench, WorkbenchOptions, WorkbenchChange, RequestRecord, SeedSpec, SeedSheet, Batch } from "./workbench";
export { HostError, HostErrorCode } from "./errors";
export { isFunctionErrorValue } from "./functions";
export type {
  FunctionRegistry,
  HostFunction,
  FunctionArgument,
  FunctionArgumentCell,
  FunctionResultCell,
  FunctionErrorValue,
} from "./functions";
export type { HostDebugInfo } from "./errors";
export { WorkbookState, SheetState, cellInfo, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, DEFAULT_STYLE } from "./model";
export type { CellInfo, CellStyle, BorderStyle, TableState, ChartState, ConditionalFormatState } from "./model";
export { conditionalStyleAt } from "./conditional";
export { formatValue, classifyInput } from "./cells";
export type { StoredValue, CellInput } from "./cells";
export { columnLetters, columnIndex, parseAddress, fullAddress, rectAddress, MAX_ROWS, MAX_COLS } from "./address";
export type { Rect, ParsedAddress } from "./address";
export { ExcelEnums } from "./enums";
export { SUPPORTED_SETS } from "./office";
export { pageLayoutOf } from "./pageLayout";
export type { PageLayoutState } from "./pageLayout";
