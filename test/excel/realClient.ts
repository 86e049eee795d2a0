/**
 * The real Office.js client library (`@microsoft/office-js`, excel-web-16.00.debug.js) loaded in
 * a Node `vm` context with a minimal window/document stub. It cannot talk to Excel, but its
 * `Excel.RequestContext` queues real operations and builds the real request body, so tests can
 * measure what a batch of the adapter would send to Excel on the web.
 */
import { readFileSync } from "fs";
import { createContext, runInContext } from "vm";

const CLIENT = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");

let excel: typeof Excel | null = null;

/** The real client's `Excel` namespace (loaded once per test file). */
export function realExcel(): typeof Excel {
  if (excel) return excel;
  const noop = (): void => undefined;
  const element = () => ({ style: {}, setAttribute: noop, appendChild: noop });
  const win: Record<string, unknown> = {
    location: { href: "https://localhost/" },
    navigator: { userAgent: "node" },
    addEventListener: noop,
    removeEventListener: noop,
    setTimeout,
    clearTimeout,
    console,
  };
  win.document = {
    createElement: element,
    getElementsByTagName: () => [],
    addEventListener: noop,
    readyState: "complete",
    documentElement: {},
    cookie: "",
  };
  win.window = win;
  win.self = win;
  const context = createContext(win);
  runInContext(readFileSync(CLIENT, "utf8"), context, { filename: "excel-web-16.00.debug.js" });
  excel = (context as { Excel: typeof Excel }).Excel;
  return excel;
}

/** A fresh real request context (no host behind it: never sync it). */
export function realContext(): Excel.RequestContext {
  const ExcelNs = realExcel();
  return new ExcelNs.RequestContext("https://localhost/");
}

/**
 * UTF-8 bytes of the request body the real client would send for what is queued on `context`.
 *
 * @example
 * const ctx = realContext(); ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[1]]; realRequestBytes(ctx);
 */
export function realRequestBytes(context: Excel.RequestContext): number {
  const pending = (context as unknown as { _pendingRequest: { buildRequestMessageBodyAndRequestFlags(): { body: unknown } } })
    ._pendingRequest;
  return Buffer.byteLength(JSON.stringify(pending.buildRequestMessageBodyAndRequestFlags().body), "utf8");
}
