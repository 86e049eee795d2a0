/**
 * The task pane's aging engine: the computation runs in a Web Worker, so the pane keeps answering
 * clicks, scrolling and Cancel while a large book is read and aged. Office.js calls (reading the
 * tables, writing the sheets) stay on the pane's thread; only tables go in and results come back
 * (src/app/engineProtocol.ts says how).
 *
 * Where a worker cannot be created or does not load (an old host, a content security policy that
 * forbids workers), the computation runs in process, as it always did, without a word to the user:
 * the figures are the same either way.
 */
import {
  COMPUTE_STEPS,
  inProcessAgingEngine,
  type AgingEngine,
  type AgingEngineInput,
  type AgingEngineOutput,
  type AgingEngineRunOptions,
} from "../../app/agingEngine";
import { CancelledError, throwIfAborted } from "../../app/cancel";
import type { PortProgress } from "../../app/port";
import { DEFAULT_SLICE_CELLS, decodeOutput, requestMessages, type EngineReply } from "../../app/engineProtocol";

/** What the client needs of a Worker (a MessagePort pair stands in for it in tests). */
export interface EngineWorker {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: "message" | "error" | "messageerror", listener: (event: { data?: unknown }) => void): void;
  removeEventListener(type: "message" | "error" | "messageerror", listener: (event: { data?: unknown }) => void): void;
  terminate(): void;
}

/** Options of {@link workerAgingEngine}. */
export interface WorkerEngineOptions {
  /** Used when no worker can be had; default in process. */
  fallback?: AgingEngine;
  /** Lets the pane's thread handle input between two slices of rows; default: the next task. */
  yieldToUi?: () => Promise<void>;
  /** Cells per message of rows (see DEFAULT_SLICE_CELLS). */
  sliceCells?: number;
}

/** The engine plus where it computes, for the pane's diagnostics and the tests. */
export interface WorkerAgingEngine extends AgingEngine {
  /** "worker" until a worker could not be created or loaded; "in-process" from then on. */
  readonly mode: "worker" | "in-process";
}

/**
 * An aging engine that computes in a worker made by `createWorker`, one job at a time per worker
 * (the worker is created on first use and kept). Cancelling terminates the worker at once (its
 * computation is synchronous and cannot be interrupted otherwise); the next job starts a new one.
 *
 * @example
 * const engine = workerAgingEngine(createEngineWorker);
 * await runAging(excelPort(run), request, { engine, signal, onProgress });
 */
export function workerAgingEngine(createWorker: () => EngineWorker, options: WorkerEngineOptions = {}): WorkerAgingEngine {
  const fallback = options.fallback ?? inProcessAgingEngine;
  const yieldToUi = options.yieldToUi ?? nextTask;
  const sliceCells = options.sliceCells ?? DEFAULT_SLICE_CELLS;
  let worker: EngineWorker | null = null;
  let unavailable = false;
  let nextJob = 1;
  let running = 0;

  const obtain = (): EngineWorker | null => {
    if (unavailable) return null;
    if (!worker) {
      try {
        worker = createWorker();
      } catch {
        unavailable = true;
      }
    }
    return worker;
  };
  const discard = (which: EngineWorker): void => {
    which.terminate();
    if (worker === which) worker = null;
  };

  const inWorker = (target: EngineWorker, input: AgingEngineInput, run: AgingEngineRunOptions): Promise<AgingEngineOutput | null> => {
    const { signal, onProgress } = run;
    const job = nextJob++;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (): boolean => {
        if (settled) return false;
        settled = true;
        target.removeEventListener("message", onMessage);
        target.removeEventListener("error", onUnavailable);
        target.removeEventListener("messageerror", onUnavailable);
        signal?.removeEventListener("abort", onAbort);
        return true;
      };
      // The stage starts when the rows start moving, not when the worker has them all; the
      // worker's own first step then repeats it and is not passed on twice.
      let last: PortProgress | null = null;
      const report = (progress: PortProgress): void => {
        if (settled || signal?.aborted) return;
        if (last && last.stage === progress.stage && last.done === progress.done && last.total === progress.total) return;
        last = progress;
        onProgress?.(progress);
      };
      const onMessage = (event: { data?: unknown }): void => {
        const reply = event.data as EngineReply | undefined;
        if (!reply || reply.job !== job) return;
        if (reply.type === "progress") {
          report(reply.progress);
          return;
        }
        if (!finish()) return;
        if (reply.type === "failed") reject(Object.assign(new Error(reply.message), { name: reply.name }));
        else {
          try {
            resolve(decodeOutput(reply.output, input.tables));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        }
      };
      // The worker's script did not load, or a message could not be read: compute here instead.
      const onUnavailable = (): void => {
        if (!finish()) return;
        unavailable = true;
        discard(target);
        resolve(null);
      };
      const onAbort = (): void => {
        if (!finish()) return;
        discard(target);
        reject(new CancelledError());
      };
      target.addEventListener("message", onMessage);
      target.addEventListener("error", onUnavailable);
      target.addEventListener("messageerror", onUnavailable);
      signal?.addEventListener("abort", onAbort);

      report({ stage: "compute", done: 0, total: COMPUTE_STEPS });
      void (async () => {
        for (const message of requestMessages(job, input, sliceCells)) {
          if (settled) return;
          target.postMessage(message, []);
          if (message.type === "rows") await yieldToUi();
        }
      })().catch(onUnavailable);
    });
  };

  return {
    get mode() {
      return unavailable ? "in-process" : "worker";
    },
    async age(input, run = {}) {
      throwIfAborted(run.signal);
      // One job per worker: a second one at the same time (not something the pane does) computes here.
      const target = running === 0 ? obtain() : null;
      if (!target) return fallback.age(input, run);
      running++;
      try {
        const output = await inWorker(target, input, run);
        return output ?? (await fallback.age(input, run));
      } finally {
        running--;
      }
    },
  };
}

/** Resolves in the next task of the event loop, after input and rendering had their turn. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel !== "function") {
      setTimeout(resolve, 0);
      return;
    }
    // A message is a new task without setTimeout's 4 ms clamp on nested timers.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
