/**
 * Running the aging from the pane: progress, cancellation and the outcome. The work itself is
 * the aging use case (src/app/aging.ts) shared with the ribbon command and the CLI.
 */
import type { ConvertedAging } from "../../engine/analytics/agingFx";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Progress } from "../../excel/types";
import type { AgingReport } from "../../engine/aging";
import { usePanePort } from "../writes";
import { isCancelled } from "../../app/cancel";
import { runAging, type AgingRequest } from "../../app/aging";
import type { AgingEngine } from "../../app/agingEngine";
import type { PortWriteResult } from "../../app/port";
import type { MonthlyAgingProblem } from "../../app/problemStore";

/** A finished run, as the result view needs it. */
export interface AgingRunDone {
  report: AgingReport;
  write: PortWriteResult;
  period: string;
  /** The totals in the reporting currency, when one was asked for. */
  converted?: ConvertedAging;
}

/** Where a run stands. */
export type AgingRunStatus =
  | { kind: "idle" }
  | { kind: "running"; progress: Progress | null }
  | { kind: "done"; result: AgingRunDone }
  | { kind: "stopped"; problem: MonthlyAgingProblem }
  | { kind: "cancelled" }
  | { kind: "failed"; error: unknown };

/** Run state plus the two actions. */
export interface AgingRunState {
  status: AgingRunStatus;
  /** Starts a run; resolves when it ends (any way). Ignored while one is running. */
  generate: (request: AgingRequest) => Promise<void>;
  /** Aborts the running job; the adapter removes anything half-written. */
  cancel: () => void;
}

/**
 * Drives one aging run at a time. `onDone` is told about each successful write (the pane saves
 * the options used so the ribbon's one-click aging matches); it reports its own failures.
 * `engine` computes the aging (the page's worker, so the pane keeps answering); in process when
 * not given. Its progress drives the same progress bar, and Cancel stops it too.
 */
export function useAgingRun(onDone?: (request: AgingRequest, result: AgingRunDone) => void, engine?: AgingEngine): AgingRunState {
  const [status, setStatus] = useState<AgingRunStatus>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);
  const port = usePanePort();

  // A pane closed mid-run must not keep writing to the workbook.
  useEffect(() => () => controller.current?.abort(), []);

  const generate = useCallback(
    async (request: AgingRequest) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setStatus({ kind: "running", progress: null });
      try {
        const outcome = await runAging(port, request, {
          engine,
          signal: abort.signal,
          onProgress: (progress) => {
            if (!abort.signal.aborted) setStatus({ kind: "running", progress });
          },
        });
        if (!outcome.ok) {
          setStatus({ kind: "stopped", problem: outcome.problem });
          return;
        }
        const result: AgingRunDone = { report: outcome.report, write: outcome.write, period: outcome.period, converted: outcome.converted };
        setStatus({ kind: "done", result });
        onDone?.(request, result);
      } catch (error) {
        setStatus(isCancelled(error) ? { kind: "cancelled" } : { kind: "failed", error });
      } finally {
        controller.current = null;
      }
    },
    [port, onDone, engine],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { status, generate, cancel };
}
