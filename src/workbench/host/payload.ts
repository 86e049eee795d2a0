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
export const ACTION_BYTES = 90;
/** One object path with its "instantiate" action, typical arguments included. */
export const PATH_BYTES = 185;

/**
 * Object paths a proxy of each type brings into a request beyond what its parent already has:
 * a font is reached through the range's `format`, a rule's fill through the rule's `format`,
 * a border through `borders.getItem(…)`. Types not listed bring one.
 */
const PATH_UNITS: Readonly<Record<string, number>> = {
  RangeFormat: 2,
  RangeFont: 3,
  RangeFill: 3,
  RangeBorder: 4,
  RangeBorderCollection: 3,
  ConditionalFormatCollection: 2,
  ConditionalFormatRule: 2,
  ConditionalRangeFormat: 2,
  ConditionalRangeFill: 2,
  ConditionalRangeFont: 2,
  WorksheetFreezePanes: 2,
  AutoFilter: 2,
  ChartTitle: 2,
  ChartLegend: 2,
  WorksheetCustomProperty: 2,
  WorksheetCustomPropertyCollection: 2,
  Setting: 2,
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
    bytes += ACTION_BYTES + jsonUtf8Bytes(op.args);
    if (op.target && !seen.has(op.target)) {
      seen.add(op.target);
      bytes += PATH_BYTES * (PATH_UNITS[op.owner ?? ""] ?? 1);
    }
  }
  return bytes;
}
