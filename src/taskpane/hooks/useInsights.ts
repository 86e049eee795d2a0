/**
 * The Insights view's work: run the analytics use cases over the workbook (read → roll-forward,
 * KPIs and rep scorecard → write "AR Roll-forward" and "AR Rep Scorecard"; or the provision →
 * "AR Provision") and keep what the view shows.
 */
import { useCallback, useMemo, useState } from "react";
import { useGuardedRun } from "./useGuardedRun";
import type { WorkbookSettings } from "../../excel/types";
import type { WorkbookPort } from "../../app/port";
import { usePanePort } from "../writes";
import type { Lang } from "../../engine/types";
import type { HistoryGrouping } from "../../engine/analytics/history";
import {
  runInsights,
  runProvision,
  type AnalyticsPort,
  type KpiOutcome,
  type ProvisionOutcome,
  type ReadSettings,
} from "../../app/analytics";

/** What the user sets in the view. Months are month indices; rates in percent (null: derived). */
export interface InsightsForm {
  from: number;
  to: number;
  window: number;
  /** Rows of the written roll-forward: per currency, or per customer or rep within it. */
  by: HistoryGrouping;
  reportCurrency: { currency: string; ratesTable: string } | null;
}

export interface ProvisionForm {
  asOf: number;
  rates: number[] | null;
  /** A table or sheet of the workbook holding the loss rates, instead of `rates`. */
  lossRatesTable?: string;
  history: number;
  adjust: number;
  /** A previous provision as typed ("USD=5000, CNY=12000", or one amount for a one-currency book), for the movement. */
  previous?: string;
}

/** State and actions of the Insights view. */
export interface InsightsState {
  running: boolean;
  kpis: KpiOutcome | null;
  provision: ProvisionOutcome | null;
  written: string[];
  /** Message of a "no invoice table" answer. */
  notice: string | null;
  error: unknown;
  /** Resolves true when the analysis finished (false: `error` says why). */
  analyse: (form: InsightsForm) => Promise<boolean>;
  /** Resolves with the provision computed, or null when none was (the notice or error says why). */
  provide: (form: ProvisionForm, reportCurrency: InsightsForm["reportCurrency"]) => Promise<ProvisionOutcome | null>;
}

/** The workbook as the analytics use cases see it, over the pane's port (which asks about edited sheets and notes what it did). */
function paneWorkbook(port: WorkbookPort): AnalyticsPort {
  return {
    readTables: () => port.readTables(),
    writeSheets: (sheets, options) => port.writeSheets(sheets, { period: options.period, activate: false }),
  };
}

/** Runs the analytics against the workbook and keeps the results. */
export function useInsights(settings: WorkbookSettings, lang: Lang): InsightsState {
  const [kpis, setKpis] = useState<KpiOutcome | null>(null);
  const [provision, setProvision] = useState<ProvisionOutcome | null>(null);
  const [written, setWritten] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const { running, error, guard } = useGuardedRun(() => setNotice(null));
  const panePort = usePanePort();
  const port = useMemo(() => paneWorkbook(panePort), [panePort]);
  const read: ReadSettings = useMemo(
    () => ({ lang, dateOrder: settings.dateOrder, defaultCurrency: settings.defaultCurrency, mapping: settings.mapping }),
    [lang, settings.dateOrder, settings.defaultCurrency, settings.mapping],
  );
  const shape = useMemo(
    () => ({ basis: settings.basis, boundaries: settings.boundaries, autoApply: settings.autoApply, lang }),
    [settings.basis, settings.boundaries, settings.autoApply, lang],
  );

  const analyse = useCallback(
    (form: InsightsForm) =>
      guard(async () => {
        const outcome = await runInsights(port, read, {
          ...shape,
          from: form.from,
          to: form.to,
          window: form.window,
          by: form.by,
          reportCurrency: form.reportCurrency ?? undefined,
        });
        if (!outcome.ok) return setNotice(outcome.message);
        setKpis(outcome.kpis);
        setWritten(outcome.written);
      }),
    [guard, port, read, shape],
  );

  const provide = useCallback(
    async (form: ProvisionForm, reportCurrency: InsightsForm["reportCurrency"]) => {
      let computed: ProvisionOutcome | null = null;
      await guard(async () => {
        const outcome = await runProvision(port, read, { ...shape, ...form, lastShare: 100, reportCurrency: reportCurrency ?? undefined });
        if (!outcome.ok) return setNotice(outcome.message);
        computed = outcome.outcome;
        setProvision(outcome.outcome);
        setWritten(outcome.written);
      });
      return computed;
    },
    [guard, port, read, shape],
  );

  return { running, kpis, provision, written, notice, error, analyse, provide };
}
