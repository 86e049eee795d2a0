/**
 * The ribbon's "Monthly aging" handler: the monthly-aging use case (src/app/monthlyAging.ts) over
 * the Office.js port, with batches that wait while the user edits a cell. When it cannot run it
 * hands the problem to the task pane and opens it instead of guessing.
 */
import type { ExcelRun } from "../excel/types";
import { excelPort } from "../excel";
import { monthlyAging, type MonthlyAgingOutcome } from "../app/monthlyAging";
import { setPendingProblem } from "../app/problemStore";
import { hasNotes, setRibbonNotes } from "../app/ribbonNotes";
import type { Today } from "../host/clock";
import { showTaskpane } from "../host/office";

export type { MonthlyAgingOutcome };

/** Host facts the command needs; the clock is read by the caller, never by the use case. */
export interface MonthlyAgingDeps {
  /** Today as an Excel serial. */
  today: Today;
  /** Office's display language tag, used unless the workbook's settings pin a language. */
  displayLanguage: string;
  /** Opens the task pane on failure; defaults to Office.addin.showAsTaskpane where available. */
  showTaskpane?: () => Promise<void>;
}

/**
 * Wraps `run` so every batch waits while the user is editing a cell: a ribbon button can be
 * pressed mid-edit, and without `delayForCellEdit` the batch would fail.
 */
export function withDelayForCellEdit(run: ExcelRun): ExcelRun {
  const wrapped = <T>(
    ...args:
      | [batch: (context: Excel.RequestContext) => Promise<T>]
      | [options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>]
  ): Promise<T> =>
    args.length === 1 ? run<T>({ delayForCellEdit: true }, args[0]) : run<T>({ ...args[0], delayForCellEdit: true }, args[1]);
  return wrapped;
}

/**
 * Writes "AR Aging YYYY-MM" for the workbook's as-of date (the last month-end before today
 * unless a fixed date is saved), or records why not for the task pane and opens it. A report
 * sheet the user edited is kept as "… (edited)" (the button cannot ask); that, and any freeze
 * pane or filter Excel refused, is handed to the pane, which opens to say so.
 *
 * @example
 * const outcome = await runMonthlyAging(Excel.run, { today: systemToday, displayLanguage: "en-US" });
 * if (!outcome.ok) console.log(outcome.reason.code); // "no-invoice-table"
 */
export async function runMonthlyAging(run: ExcelRun, deps: MonthlyAgingDeps): Promise<MonthlyAgingOutcome> {
  const outcome = await monthlyAging(excelPort(withDelayForCellEdit(run)), { today: deps.today(), displayLanguage: deps.displayLanguage });
  setPendingProblem(outcome.ok ? null : outcome.reason);
  // A kept edited sheet or a freeze pane Excel refused is said in the pane: the button has no voice.
  const notes = outcome.ok && hasNotes(outcome) ? { sheets: outcome.sheets, kept: outcome.kept, warnings: outcome.warnings } : null;
  setRibbonNotes(notes);
  if (!outcome.ok || notes) await (deps.showTaskpane ?? showTaskpane)();
  return outcome;
}
