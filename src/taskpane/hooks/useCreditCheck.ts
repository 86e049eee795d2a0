/**
 * The Credit view's work: run the credit check (read → age → check → write "AR Credit"), keep
 * the report for the order check, and add or clear the customer-table highlights.
 */
import { useCallback, useRef, useState } from "react";
import type { ExcelRun, WorkbookSettings } from "../../excel/types";
import { addHighlights, clearHighlights, planHighlights, readWorkbookTables, writeReportSheets, selectCell } from "../../excel";
import { readBook, readCreditTables } from "../../engine/read";
import { ageBook } from "../../engine/aging";
import { checkCredit, type CreditReport } from "../../engine/credit/check";
import { creditSheet } from "../../engine/report/credit";
import { isoFromSerial } from "../../engine/dates";
import type { CreditPolicy } from "../../engine/credit/status";
import type { Book, Lang } from "../../engine/types";
import type { OrderColumns, RateTable } from "../../engine/read/creditTables";
import { asOfSetting } from "./useAgingForm";
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
  /** Checks credit as of `asOf` (an Excel serial) and writes "AR Credit"; the date is saved as the workbook's as-of. */
  check: (form: CreditForm, asOf: number) => Promise<void>;
  /**
   * The credit report as of another date (the order check's, usually today), computed from the
   * book the last check read; null before a check.
   */
  reportAsOf: (asOf: number) => CreditReport | null;
  highlight: () => Promise<void>;
  clear: () => Promise<void>;
  select: (location: { sheet: string; cell: string }) => Promise<void>;
}

/** Runs the credit check against the workbook and keeps its report. */
export function useCreditCheck(
  run: ExcelRun,
  settings: WorkbookSettings,
  lang: Lang,
  today: () => number,
  save?: (next: WorkbookSettings) => Promise<void>,
): CreditCheckState {
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<CreditReport | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [area, setArea] = useState<CustomerArea | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<CreditCheckState["notice"]>(null);
  /** What the last check read, to re-check as of another date without reading the workbook again. */
  const inputs = useRef<{ book: Book; orders: OrderColumns | null; rates: RateTable | null; form: CreditForm } | null>(null);

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
    (form: CreditForm, asOf: number) =>
      guard(async () => {
        const tables = await readWorkbookTables(run);
        const resolution = resolveTables(tables.tables, settings.mapping);
        const mapping = resolution.ok ? resolution.mapping : settings.mapping;
        const book = readBook(tables.tables, { lang, dateOrder: settings.dateOrder, dateSystem: tables.dateSystem, defaultCurrency: settings.defaultCurrency, mapping });
        const aging = ageBook(book, { asOf, basis: settings.basis, boundaries: settings.boundaries, autoApply: settings.autoApply, lang });
        const side = readCreditTables(tables.tables, { lang, defaultCurrency: settings.defaultCurrency });
        const next = checkCredit(aging, { ...form, defaultCurrency: settings.defaultCurrency, orders: side.orders, rates: side.rates, lang });
        const written = await writeReportSheets(run, [creditSheet(next, lang)], { period: periodOf(asOf), activate: false });
        const customers = book.sources.customers?.table;
        inputs.current = { book, orders: side.orders, rates: side.rates, form };
        setArea(customers ? { sheet: customers.sheet, firstColumn: customers.firstColumn, columnCount: customers.header.length } : null);
        setReport(next);
        setSheet(written.sheets[0] ?? null);
        const asOfSaved = asOfSetting(isoFromSerial(asOf), today());
        if (save && asOfSaved !== settings.asOf) await save({ ...settings, asOf: asOfSaved });
      }),
    [guard, run, settings, lang, today, save],
  );

  const reportAsOf = useCallback(
    (asOf: number): CreditReport | null => {
      const last = inputs.current;
      if (!last || !report) return null;
      if (report.asOf === asOf) return report;
      const aging = ageBook(last.book, { asOf, basis: settings.basis, boundaries: settings.boundaries, autoApply: settings.autoApply, lang });
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

  return { running, report, sheet, error, notice, check, reportAsOf, highlight, clear, select };
}
