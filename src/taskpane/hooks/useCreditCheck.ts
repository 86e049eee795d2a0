/**
 * The Credit view's work: run the credit check use case (read → age as the aging does → check →
 * write "AR Credit"), keep the report for the order check, and add or clear the customer-table
 * highlights.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { ExcelRun, WorkbookSettings } from "../../excel/types";
import { excelPort, loadCreditSettings, saveCreditSettings, selectCell } from "../../excel";
import type { CreditReport } from "../../engine/credit/check";
import type { CreditPolicy } from "../../engine/credit/status";
import type { Lang } from "../../engine/types";
import { requestFromSettings } from "../../app/aging";
import { clearCreditHighlights, highlightCredit, runCreditCheck } from "../../app/credit";
import type { MonthlyAgingProblem } from "../../app/problemStore";

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
  check: (form: CreditForm) => Promise<void>;
  highlight: () => Promise<void>;
  clear: () => Promise<void>;
  select: (location: { sheet: string; cell: string }) => Promise<void>;
  /** The options saved in the workbook by the last check (null until loaded, or none saved). */
  saved: CreditForm | null;
}

/** Runs the credit check against the workbook and keeps its report. */
export function useCreditCheck(run: ExcelRun, settings: WorkbookSettings, lang: Lang, today: () => number): CreditCheckState {
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<CreditReport | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [area, setArea] = useState<CustomerArea | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<MonthlyAgingProblem | null>(null);
  const port = useMemo(() => excelPort(run), [run]);
  const [notice, setNotice] = useState<CreditCheckState["notice"]>(null);
  const [saved, setSaved] = useState<CreditForm | null>(null);

  // The options are kept in the workbook, like the aging settings.
  useEffect(() => {
    let live = true;
    loadCreditSettings(run).then(
      (stored) => {
        if (live && stored) setSaved({ policy: { nearPercent: stored.nearPercent, holdDays: stored.holdDays, noLimit: stored.noLimit }, netUnapplied: stored.netUnapplied });
      },
      // Unreadable saved options: the view keeps its defaults.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [run]);

  const guard = useCallback(async (work: () => Promise<void>) => {
    setError(null);
    setProblem(null);
    setRunning(true);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  }, []);

  const check = useCallback(
    (form: CreditForm) =>
      guard(async () => {
        // The same request as the aging: a credit check never ages other tables than the aging would.
        const done = await runCreditCheck(port, { aging: requestFromSettings(settings, lang, today()), ...form });
        if (!done.ok) {
          setProblem(done.problem);
          return;
        }
        setArea(done.customerArea);
        setReport(done.report);
        setSheet(done.sheet);
        await saveCreditSettings(run, { version: 1, ...form.policy, netUnapplied: form.netUnapplied });
        setSaved(form);
      }),
    [guard, port, run, settings, lang, today],
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

  const select = useCallback((location: { sheet: string; cell: string }) => guard(() => selectCell(run, location.sheet, location.cell)), [guard, run]);

  return { running, report, sheet, error, problem, notice, check, highlight, clear, select, saved };
}
