/**
 * One-click monthly aging (the ribbon's "Monthly aging" button): the last month-end, the saved
 * mapping and aging scheme, no questions. When it cannot run it says why and opens the task
 * pane on the problem instead of guessing.
 */
import type { ExcelRun } from "../excel/types";
import { defaultSettings, loadSettings } from "../excel";
import { lastMonthEnd } from "../engine/dates";
import { pickLang } from "../i18n";
import { runAgingPipeline } from "./agingPipeline";
import { setPendingProblem, type MonthlyAgingProblem } from "./problemStore";
import { showTaskpane } from "../host/office";

/** Host facts the command needs; the clock is read by the caller, never by the engine. */
export interface MonthlyAgingDeps {
  /** Today as an Excel serial. */
  today: () => number;
  /** Office's display language tag, used unless the workbook's settings pin a language. */
  displayLanguage: string;
  /** Opens the task pane on failure; defaults to Office.addin.showAsTaskpane where available. */
  showTaskpane?: () => Promise<void>;
}

/** What the button did: the sheets written, or why it wrote nothing. */
export type MonthlyAgingOutcome =
  | { ok: true; asOf: number; period: string; sheets: string[]; renamed: Array<{ requested: string; used: string }> }
  | { ok: false; reason: MonthlyAgingProblem };

/**
 * Wraps `run` so every batch waits while the user is editing a cell: a ribbon button can be
 * pressed mid-edit, and without `delayForCellEdit` the batch would fail.
 */
export function withDelayForCellEdit(run: ExcelRun): ExcelRun {
  const wrapped = <T>(
    ...args: [batch: (context: Excel.RequestContext) => Promise<T>] | [options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>]
  ): Promise<T> => (args.length === 1 ? run<T>({ delayForCellEdit: true }, args[0]) : run<T>({ ...args[0], delayForCellEdit: true }, args[1]));
  return wrapped;
}

/**
 * Writes "AR Aging YYYY-MM" (summary, detail and exceptions) for the last month-end before
 * today. Running it twice gives the same workbook: the adapter replaces its own sheets of the
 * same name and period.
 *
 * @example
 * const outcome = await runMonthlyAging(Excel.run, { today: todaySerial, displayLanguage: "en-US" });
 * if (!outcome.ok) console.log(outcome.reason.code); // "no-invoice-table"
 */
export async function runMonthlyAging(run: ExcelRun, deps: MonthlyAgingDeps): Promise<MonthlyAgingOutcome> {
  const ribbonRun = withDelayForCellEdit(run);
  const outcome = await attempt(ribbonRun, deps);
  setPendingProblem(outcome.ok ? null : outcome.reason);
  if (!outcome.ok) await (deps.showTaskpane ?? showTaskpane)();
  return outcome;
}

async function attempt(run: ExcelRun, deps: MonthlyAgingDeps): Promise<MonthlyAgingOutcome> {
  try {
    const settings = (await loadSettings(run)) ?? defaultSettings();
    const lang = settings.lang ?? pickLang(deps.displayLanguage);
    const asOf = lastMonthEnd(deps.today());
    const result = await runAgingPipeline(
      run,
      {
        asOf,
        basis: settings.basis,
        boundaries: settings.boundaries,
        autoApply: settings.autoApply,
        groupBy: settings.groupBy,
        lang,
        dateOrder: settings.dateOrder,
        defaultCurrency: settings.defaultCurrency,
        mapping: settings.mapping,
      },
      {},
    );
    if (!result.ok) return { ok: false, reason: result.problem };
    return { ok: true, asOf, period: result.period, sheets: result.write.sheets, renamed: result.write.renamed };
  } catch (error) {
    // A ribbon button has no other place to show an error: it is handed to the task pane,
    // which opens on it, rather than lost.
    return { ok: false, reason: { code: "failed", message: error instanceof Error ? error.message : String(error) } };
  }
}
