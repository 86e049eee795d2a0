/**
 * Request and response sizes as the real Office.js client builds them, so the workbench rejects
 * what Excel on the web rejects (5 MB) and no earlier.
 *
 * A real request body is JSON: `{"Actions":[…],"ObjectPaths":{…}}`. Every object an operation
 * touches needs an object path (its parent, the method or property that reaches it and that
 * method's arguments) and an "instantiate" action, once per request; every property set or
 * method call is one more action carrying its arguments. So a range's number format costs about
 * 300 bytes, a font or fill (range → format → font) about 560, and one conditional-format rule
 * with a formula and a fill about 1,400, whatever the data: budgets must count operations, not
 * only values. The constants below are calibrated against the client library
 * (`@microsoft/office-js`, excel-web-16.00.debug.js) by test/excel/realClient.test.ts, which
 * builds the adapter's largest batches with both and holds the estimate within a stated margin.
 */
import type { QueuedOp } from "./proxy";

/** `{"Actions":[],"ObjectPaths":{}}` and the request envelope around it. */
export const REQUEST_BASE_BYTES = 130;
/** One property-set or method action without its arguments. */
export const ACTION_BYTES = 95;
/**
 * One object path with its "instantiate" action: about 125 bytes for a navigation without
 * arguments (`format`, `font`), about 190 with typical arguments (`getRange("A5:G7")`,
 * `getRangeByIndexes(5, 2, 1000, 1)`, `getItem("Sheet1")`).
 */
export const PATH_BYTES = 190;
const NAV_BYTES = 125;

/**
 * The real client cuts a 2D array of more than 1,500 cells set on a range (values, formulas,
 * number formats) into chunks of round(1500 / columns) rows, each set on a sub-range of its own
 * (two `getRow` paths and a `getBoundingRect` path, their instantiate actions and the set
 * action), after one `_ValidateArraySize` action.
 */
export const BULK_CELLS = 1_500;
/** Object paths and actions of one chunk, without its values. */
export const CHUNK_BYTES = 600;
/** The `_ValidateArraySize` action before the chunks. */
const VALIDATE_BYTES = 110;

/** Extra bytes of a bulk array set cut into chunks by the real client (0 for small or scalar values). */
function chunkBytes(args: unknown): number {
  if (!Array.isArray(args) || args.length === 0 || !Array.isArray(args[0])) return 0;
  const rows = args.length;
  const cols = (args[0] as unknown[]).length;
  if (rows * cols <= BULK_CELLS) return 0;
  const rowsPerChunk = Math.max(1, Math.round(BULK_CELLS / cols));
  return VALIDATE_BYTES + Math.ceil(rows / rowsPerChunk) * CHUNK_BYTES;
}

/**
 * Object-path bytes a proxy of each type brings into a request beyond what its parent already
 * has: a font is reached through the range's `format`, a rule's fill through the rule's
 * `format`, a border through `borders.getItem(…)`, a new conditional format through the
 * collection's `add(…)`. Types not listed bring one path with arguments.
 */
const PATH_COST: Readonly<Record<string, number>> = {
  RangeFormat: PATH_BYTES + NAV_BYTES,
  RangeFont: PATH_BYTES + 2 * NAV_BYTES,
  RangeFill: PATH_BYTES + 2 * NAV_BYTES,
  RangeBorderCollection: PATH_BYTES + 2 * NAV_BYTES,
  RangeBorder: 2 * PATH_BYTES + 2 * NAV_BYTES,
  ConditionalFormatCollection: 2 * PATH_BYTES + NAV_BYTES,
  ConditionalFormat: NAV_BYTES,
  CellValueConditionalFormat: NAV_BYTES,
  CustomConditionalFormat: NAV_BYTES,
  TextConditionalFormat: NAV_BYTES,
  ConditionalFormatRule: 2 * NAV_BYTES,
  ConditionalRangeFormat: 2 * NAV_BYTES,
  ConditionalRangeFill: 2 * NAV_BYTES,
  ConditionalRangeFont: 2 * NAV_BYTES,
  WorksheetFreezePanes: PATH_BYTES + NAV_BYTES,
  AutoFilter: PATH_BYTES + NAV_BYTES,
  ChartTitle: PATH_BYTES + NAV_BYTES,
  ChartLegend: PATH_BYTES + NAV_BYTES,
  WorksheetCustomPropertyCollection: PATH_BYTES + NAV_BYTES,
  WorksheetCustomProperty: PATH_BYTES + NAV_BYTES,
  Setting: PATH_BYTES + NAV_BYTES,
};

/**
 * UTF-8 length of a string (the payload limit counts bytes; a CJK character is 3).
 *
 * @example
 * utf8Length("应收"); // 6
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 bytes of a value as JSON (0 for undefined). */
export function jsonUtf8Bytes(value: unknown): number {
  if (value === undefined) return 0;
  const json = JSON.stringify(value);
  return json === undefined ? 0 : utf8Length(json);
}

/**
 * Estimated request body of a batch of queued operations.
 *
 * @example
 * requestBytes(context._queue);
 */
export function requestBytes(ops: readonly QueuedOp[]): number {
  let bytes = REQUEST_BASE_BYTES;
  const seen = new Set<object>();
  for (const op of ops) {
    // A load is a query action: the arguments are the selected property names.
    bytes += ACTION_BYTES + jsonUtf8Bytes(op.args) + chunkBytes(op.args);
    if (op.target && !seen.has(op.target)) {
      seen.add(op.target);
      bytes += PATH_COST[op.owner ?? ""] ?? PATH_BYTES;
    }
  }
  return bytes;
}
