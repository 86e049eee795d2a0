/**
 * Running the aging from the pane: progress, cancellation and the outcome. The work itself is
 * the pipeline shared with the ribbon command.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ExcelRun, Progress, WriteResult } from "../../excel/types";
import type { AgingReport } from "../../engine/aging";
import { isCancelled } from "../../excel/errors";
import { runAgingPipeline, type AgingRequest } from "../../commands/agingPipeline";
import type { MonthlyAgingProblem } from "../../commands/problemStore";

/** A finished run, as the result view needs it. */
export interface AgingRunDone {
  report: AgingReport;
  write: WriteResult;
  period: string;
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
 */
export function useAgingRun(run: ExcelRun, onDone?: (request: AgingRequest, result: AgingRunDone) => void): AgingRunState {
  const [status, setStatus] = useState<AgingRunStatus>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);

  // A pane closed mid-run must not keep writing to the workbook.
  useEffect(() => () => controller.current?.abort(), []);

  const generate = useCallback(
    async (request: AgingRequest) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setStatus({ kind: "running", progress: null });
      try {
        const outcome = await runAgingPipeline(run, request, {
          signal: abort.signal,
          onProgress: (progress) => {
            if (!abort.signal.aborted) setStatus({ kind: "running", progress });
          },
        });
        if (!outcome.ok) {
          setStatus({ kind: "stopped", problem: outcome.problem });
          return;
        }
        const result: AgingRunDone = { report: outcome.report, write: outcome.write, period: outcome.period };
        setStatus({ kind: "done", result });
        onDone?.(request, result);
      } catch (error) {
        setStatus(isCancelled(error) ? { kind: "cancelled" } : { kind: "failed", error });
      } finally {
        controller.current = null;
      }
    },
    [run, onDone],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { status, generate, cancel };
}
