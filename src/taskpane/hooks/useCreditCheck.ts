/**
 * The Credit view's work: run the credit check use case (read → age as the aging does → check →
 * write "AR Credit"), keep the report for the order check, and add or clear the customer-table
 * highlights.
 */
import { usePanePort } from "../writes";
import { useCallback, useEffect, useRef, useState } from "react";
import { useGuardedRun } from "./useGuardedRun";
import type { ExcelRun, WorkbookSettings } from "../../excel/types";
import { loadCreditSettings, saveCreditSettings, selectCell } from "../../excel";
import { ageBook } from "../../engine/aging";
import { checkCredit, type CreditReport } from "../../engine/credit/check";
import { isoFromSerial } from "../../engine/dates";
import type { CreditPolicy } from "../../engine/credit/status";
import type { Book, Lang } from "../../engine/types";
import type { OrderColumns, RateTable } from "../../engine/read/creditTables";
import { requestFromSettings } from "../../app/aging";
import { clearCreditHighlights, highlightCredit, runCreditCheck } from "../../app/credit";
import type { MonthlyAgingProblem } from "../../app/problemStore";
import { asOfSetting } from "./useAgingForm";

/** The options the user sets in the view. */
export interface CreditForm {
  policy: CreditPolicy;
  netUnapplied: boolean;
}

/** Where the customer table is, for highlights. */
interface CustomerArea {
  sheet: string;
  firstColumn: number;
  columnCount: number;
}

/** State and actions of the Credit view. */
export interface CreditCheckState {
  running: boolean;
  report: CreditReport | null;
  sheet: string | null;
  error: unknown;
  /** Why the check could not pick the tables (as the aging would stop), or null. */
  problem: MonthlyAgingProblem | null;
  /** Message id and params of the last highlight action. */
  notice: { id: string; params: Record<string, string | number> } | null;
  /**
   * Checks credit as of `asOf` (an Excel serial) and writes "AR Credit"; the date is saved as the workbook's as-of.
   * Like the actions below, resolves true when it finished (false: `error` says why).
   */
  check: (form: CreditForm, asOf: number) => Promise<boolean>;
  /**
   * The credit report as of another date (the order check's, usually today), computed from the
   * book the last check read; null before a check.
   */
  reportAsOf: (asOf: number) => CreditReport | null;
  highlight: () => Promise<boolean>;
  clear: () => Promise<boolean>;
  select: (location: { sheet: string; cell: string }) => Promise<boolean>;
  /** The options saved in the workbook by the last check (null until loaded, or none saved). */
  saved: CreditForm | null;
}

/** Runs the credit check against the workbook and keeps its report. */
export function useCreditCheck(
  run: ExcelRun,
  settings: WorkbookSettings,
  lang: Lang,
  today: () => number,
  save?: (next: WorkbookSettings) => Promise<void>,
): CreditCheckState {
  const [report, setReport] = useState<CreditReport | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [area, setArea] = useState<CustomerArea | null>(null);
  const [problem, setProblem] = useState<MonthlyAgingProblem | null>(null);
  const { running, error, guard } = useGuardedRun(() => setProblem(null));
  const port = usePanePort();
  const [notice, setNotice] = useState<CreditCheckState["notice"]>(null);
  const [saved, setSaved] = useState<CreditForm | null>(null);

  // The options are kept in the workbook, like the aging settings.
  useEffect(() => {
    let live = true;
    loadCreditSettings(run).then(
      (stored) => {
        if (live && stored)
          setSaved({
            policy: { nearPercent: stored.nearPercent, holdDays: stored.holdDays, noLimit: stored.noLimit },
            netUnapplied: stored.netUnapplied,
          });
      },
      // Unreadable saved options: the view keeps its defaults.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [run]);
  /** What the last check read, to re-check as of another date without reading the workbook again. */
  const inputs = useRef<{ book: Book; orders: OrderColumns | null; rates: RateTable | null; form: CreditForm } | null>(null);

  const check = useCallback(
    (form: CreditForm, asOf: number) =>
      guard(async () => {
        // The same request as the aging, at the view's date: a credit check never ages other
        // tables than the aging would.
        const done = await runCreditCheck(port, { aging: { ...requestFromSettings(settings, lang, today()), asOf }, ...form });
        if (!done.ok) {
          setProblem(done.problem);
          return;
        }
        inputs.current = { book: done.book, orders: done.orders, rates: done.rates, form };
        setArea(done.customerArea);
        setReport(done.report);
        setSheet(done.sheet);
        await saveCreditSettings(run, { version: 1, ...form.policy, netUnapplied: form.netUnapplied });
        setSaved(form);
        const asOfSaved = asOfSetting(isoFromSerial(asOf), today());
        if (save && asOfSaved !== settings.asOf) await save({ ...settings, asOf: asOfSaved });
      }),
    [guard, port, run, settings, lang, today, save],
  );

  const reportAsOf = useCallback(
    (asOf: number): CreditReport | null => {
      const last = inputs.current;
      if (!last || !report) return null;
      if (report.asOf === asOf) return report;
      const aging = ageBook(last.book, {
        asOf,
        basis: settings.basis,
        boundaries: settings.boundaries,
        autoApply: settings.autoApply,
        lang,
      });
      return checkCredit(aging, { ...last.form, defaultCurrency: settings.defaultCurrency, orders: last.orders, rates: last.rates, lang });
    },
    [report, settings, lang],
  );

  const highlight = useCallback(
    () =>
      guard(async () => {
        if (!report || !area) {
          setNotice({ id: "credit.pane.noCustomerTable", params: {} });
          return;
        }
        const { added } = await highlightCredit(port, report, area);
        setNotice({ id: "credit.pane.highlighted", params: { count: added, sheet: area.sheet } });
      }),
    [guard, port, report, area],
  );

  const clear = useCallback(
    () =>
      guard(async () => {
        const { removed } = await clearCreditHighlights(port);
        setNotice({ id: "credit.pane.cleared", params: { count: removed } });
      }),
    [guard, port],
  );

  const select = useCallback(
    (location: { sheet: string; cell: string }) => guard(() => selectCell(run, location.sheet, location.cell)),
    [guard, run],
  );

  return { running, report, sheet, error, problem, notice, check, reportAsOf, highlight, clear, select, saved };
}
