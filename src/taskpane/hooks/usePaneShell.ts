/**
 * The pane's top-level state: settings, language, the visible tab, and a problem handed over by
 * the ribbon's one-click aging.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Lang } from "../../engine/types";
import type { ExcelRun, WorkbookSettings } from "../../excel/types";
import { pickLang, t as translate, type MessageParams } from "../../i18n";
import { getPendingProblem, setPendingProblem, subscribePendingProblem, type MonthlyAgingProblem } from "../../commands/problemStore";
import { useWorkbookSettings } from "./useWorkbookSettings";

/** The pane's sections. */
export type PaneTab = "data" | "aging" | "credit" | "reconcile" | "collections" | "settings";

/** What the shell renders. */
export interface PaneShellState {
  settings: WorkbookSettings | null;
  save: (next: WorkbookSettings) => Promise<void>;
  loadError: unknown;
  lang: Lang;
  t: (id: string, params?: MessageParams) => string;
  tab: PaneTab;
  setTab: (tab: PaneTab) => void;
  problem: MonthlyAgingProblem | null;
  dismissProblem: () => void;
}

/**
 * Shell state. Opens on the Data view for a workbook without a saved mapping (first run) or
 * when the ribbon left a problem to explain; otherwise on the Aging view.
 */
export function usePaneShell(run: ExcelRun, displayLanguage: string): PaneShellState {
  const { settings, save, loadError } = useWorkbookSettings(run);
  const [problem, setProblem] = useState<MonthlyAgingProblem | null>(getPendingProblem);
  const [tab, setTab] = useState<PaneTab | null>(null);

  useEffect(
    () =>
      subscribePendingProblem((next) => {
        setProblem(next);
        if (next) setTab("data");
      }),
    [],
  );

  // The first tab depends on the saved mapping, known only once settings have loaded.
  const initialTab: PaneTab = problem || !settings?.mapping.invoices?.table ? "data" : "aging";

  const lang = settings?.lang ?? pickLang(displayLanguage);
  const t = useMemo(() => (id: string, params?: MessageParams) => translate(lang, id, params), [lang]);

  const dismissProblem = useCallback(() => {
    setPendingProblem(null);
  }, []);

  return { settings, save, loadError, lang, t, tab: tab ?? initialTab, setTab, problem, dismissProblem };
}
