/**
 * The Credit view's work: run the credit check (read → age → check → write "AR Credit"), keep
 * the report for the order check, and add or clear the customer-table highlights.
 */
import { useCallback, useEffect, useState } from "react";
import type { ExcelRun, WorkbookSettings } from "../../excel/types";
import { addHighlights, clearHighlights, planHighlights, readWorkbookTables, writeReportSheets, selectCell, loadCreditSettings, saveCreditSettings } from "../../excel";
import { readBook, readCreditTables } from "../../engine/read";
import { ageBook } from "../../engine/aging";
import { checkCredit, type CreditReport } from "../../engine/credit/check";
import { creditSheet } from "../../engine/report/credit";
import { lastMonthEnd, serialFromIso } from "../../engine/dates";
import type { CreditPolicy } from "../../engine/credit/status";
import type { Lang } from "../../engine/types";
import { resolveTables } from "../../commands/resolveTables";
import { periodOf } from "../../commands/agingPipeline";

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
        const tables = await readWorkbookTables(run);
        const resolution = resolveTables(tables.tables, settings.mapping);
        const mapping = resolution.ok ? resolution.mapping : settings.mapping;
        const book = readBook(tables.tables, { lang, dateOrder: settings.dateOrder, dateSystem: tables.dateSystem, defaultCurrency: settings.defaultCurrency, mapping });
        const asOf = (settings.asOf !== "last-month-end" ? serialFromIso(settings.asOf) : null) ?? lastMonthEnd(today());
        const aging = ageBook(book, { asOf, basis: settings.basis, boundaries: settings.boundaries, autoApply: settings.autoApply, lang });
        const side = readCreditTables(tables.tables, { lang, defaultCurrency: settings.defaultCurrency });
        const next = checkCredit(aging, { ...form, defaultCurrency: settings.defaultCurrency, orders: side.orders, rates: side.rates, lang });
        const written = await writeReportSheets(run, [creditSheet(next, lang)], { period: periodOf(asOf), activate: false });
        const customers = book.sources.customers?.table;
        setArea(customers ? { sheet: customers.sheet, firstColumn: customers.firstColumn, columnCount: customers.header.length } : null);
        setReport(next);
        setSheet(written.sheets[0] ?? null);
        await saveCreditSettings(run, { version: 1, ...form.policy, netUnapplied: form.netUnapplied });
        setSaved(form);
      }),
    [guard, run, settings, lang, today],
  );

  const highlight = useCallback(
    () =>
      guard(async () => {
        if (!report || !area) {
          setNotice({ id: "credit.pane.noCustomerTable", params: {} });
          return;
        }
        const { added } = await addHighlights(run, planHighlights(report, area), area.sheet);
        setNotice({ id: "credit.pane.highlighted", params: { count: added, sheet: area.sheet } });
      }),
    [guard, run, report, area],
  );

  const clear = useCallback(
    () =>
      guard(async () => {
        const { removed } = await clearHighlights(run);
        setNotice({ id: "credit.pane.cleared", params: { count: removed } });
      }),
    [guard, run],
  );

  const select = useCallback((location: { sheet: string; cell: string }) => guard(() => selectCell(run, location.sheet, location.cell)), [guard, run]);

  return { running, report, sheet, error, notice, check, highlight, clear, select, saved };
}
