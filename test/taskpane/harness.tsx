/**
 * Test harness for the task pane: the workbench's simulated Excel host seeded through the
 * adapter, the pane rendered against it, and a jsdom layout shim Fluent's focus manager needs.
 */
import { render, type RenderResult } from "@testing-library/react";
import type { TableData } from "../../src/engine/types";
import type { ExcelRun } from "../../src/excel/types";
import { insertTables } from "../../src/excel";
import { serialFromYmd } from "../../src/engine/dates";
import { generateSampleBook } from "../../src/engine/sample";
import { createWorkbench, type Workbench } from "../../src/workbench/host";
import { App, type TaskpaneDeps } from "../../src/taskpane/App";

/** "Today" in every pane test: the sample book's as-of date (2026-10-31) is the last month-end before it. */
export const TODAY = serialFromYmd(2026, 11, 15);

/** The sample book the "Insert sample data" button inserts. */
export function sampleTables(): TableData[] {
  return generateSampleBook({ invoices: 60, seed: 1 });
}

/** A simulated workbook holding `tables` as Excel tables on their own sheets. */
export async function createTestWorkbook(tables: TableData[]): Promise<Workbench> {
  const workbench = createWorkbench();
  if (tables.length > 0) await insertTables(workbench.run as ExcelRun, tables);
  return workbench;
}

/** The workbench's `run`, typed as the adapter takes it. */
export function runOf(workbench: Workbench): ExcelRun {
  return workbench.run as ExcelRun;
}

/** Names of the workbook's sheets. */
export function sheetNames(workbench: Workbench): string[] {
  return workbench.workbook.sheets.map((sheet) => sheet.name);
}

/**
 * Wraps `run` so each batch first waits `ms` — long enough for a test to press Cancel while
 * the aging is still running.
 */
export function slowRun(run: ExcelRun, ms: number): ExcelRun {
  const slow = async <T,>(...args: Parameters<ExcelRun>): Promise<T> => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return (run as (...a: Parameters<ExcelRun>) => Promise<T>)(...args);
  };
  return slow as ExcelRun;
}

/** Renders the pane against `run`. */
export function renderPane(run: ExcelRun, overrides: Partial<TaskpaneDeps> = {}): RenderResult {
  return render(<App deps={{ run, displayLanguage: "en-US", today: () => TODAY, ...overrides }} />);
}

/**
 * jsdom does no layout: `offsetParent` is always null and <body> measures 0×0, so Fluent's
 * focus manager (tabster) treats every element as invisible and lets Tab fall through to
 * <body>. Emulate a laid-out page: a window-sized body, and `offsetParent` as a browser gives
 * it, null only when the element or an ancestor is not rendered (the `hidden` attribute, which
 * is how the pane hides inactive tab panels).
 */
export function emulateLayout(): void {
  // Fluent's MessageBar watches its width to decide when to wrap; with no layout nothing resizes.
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  // A plain rectangle: not every jsdom version defines DOMRect.
  const viewport = { x: 0, y: 0, top: 0, left: 0, width: 1024, height: 768, right: 1024, bottom: 768 };
  HTMLBodyElement.prototype.getBoundingClientRect = () => ({ ...viewport, toJSON: () => viewport }) as DOMRect;
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      return this.closest("[hidden]") ? null : this.parentElement;
    },
  });
}
