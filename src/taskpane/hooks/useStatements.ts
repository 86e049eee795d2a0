/**
 * The Statements view's work: the form's defaults (last month, the pane's language), the saved
 * company block, and running the statements use case over the workbook.
 */
import { useCallback, useEffect, useState } from "react";
import { loadCompany, runStatements, saveCompany, type StatementsResult } from "../../app/statements";
import { addDays, isoFromSerial, lastMonthEnd, serialFromIso, ymdFromSerial } from "../../engine/dates";
import type { CompanyInfo, StatementDocumentKind } from "../../engine/statements";
import type { Lang } from "../../engine/types";
import { usePanePort } from "../writes";
import type { WorkbookSettings } from "../../excel/types";

/** Which customers get a statement. */
export type StatementsScope = "all" | "one" | "rep";

/** The view's form, as the user typed it. */
export interface StatementsForm {
  scope: StatementsScope;
  /** Customer name (scope "one") or sales rep (scope "rep"). */
  name: string;
  /** YYYY-MM-DD. */
  from: string;
  to: string;
  document: StatementDocumentKind;
  lang: Lang;
  openItems: boolean;
}

/**
 * The form's defaults: last month, all customers, statements, in the pane's language.
 *
 * @example
 * defaultStatementsForm(serialFromIso("2026-11-15")!, "zh-CN") // { from: "2026-10-01", to: "2026-10-31", lang: "zh-CN", … }
 */
export function defaultStatementsForm(today: number, lang: Lang): StatementsForm {
  const to = lastMonthEnd(today);
  const { year, month } = ymdFromSerial(to);
  const from = serialFromIso(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`) ?? addDays(to, -30);
  return { scope: "all", name: "", from: isoFromSerial(from), to: isoFromSerial(to), document: "statement", lang, openItems: false };
}

/** Why the form cannot run, as a message id, or null. */
export function statementsFormProblem(form: StatementsForm): string | null {
  const from = serialFromIso(form.from);
  const to = serialFromIso(form.to);
  if (from === null || to === null || from > to) return "statements.pane.badPeriod";
  if (form.scope !== "all" && form.name.trim() === "") return "statements.pane.needName";
  return null;
}

/** State and actions of the Statements view. */
export interface StatementsState {
  running: boolean;
  result: StatementsResult | null;
  error: unknown;
  company: CompanyInfo | null;
  create: (form: StatementsForm) => Promise<void>;
  saveCompany: (company: CompanyInfo) => Promise<void>;
}

/** Runs statements against the workbook and keeps the last result. */
export function useStatements(settings: WorkbookSettings): StatementsState {
  const port = usePanePort();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<StatementsResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [company, setCompany] = useState<CompanyInfo | null>(null);

  useEffect(() => {
    let live = true;
    loadCompany(port).then(
      (saved) => live && setCompany(saved),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [port]);

  const create = useCallback(
    async (form: StatementsForm) => {
      setError(null);
      setRunning(true);
      try {
        const name = form.name.trim();
        setResult(
          await runStatements(port, {
            from: serialFromIso(form.from)!,
            to: serialFromIso(form.to)!,
            document: form.document,
            lang: form.lang,
            customers: form.scope === "one" ? [name] : [],
            salesRep: form.scope === "rep" ? name : null,
            openItems: form.openItems,
            basis: settings.basis,
            boundaries: settings.boundaries,
            autoApply: settings.autoApply,
            dateOrder: settings.dateOrder,
            defaultCurrency: settings.defaultCurrency,
            mapping: settings.mapping,
          }),
        );
      } catch (failure) {
        setError(failure);
      } finally {
        setRunning(false);
      }
    },
    [port, settings],
  );

  const save = useCallback(
    async (next: CompanyInfo) => {
      setError(null);
      try {
        await saveCompany(port, next);
        setCompany(next);
      } catch (failure) {
        setError(failure);
      }
    },
    [port],
  );

  return { running, result, error, company, create, saveCompany: save };
}
