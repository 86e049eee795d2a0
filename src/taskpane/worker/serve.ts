/**
 * The engine worker's body: answers the pane's requests (src/app/engineProtocol.ts) by running
 * the same computation as the in-process engine, {@link ageTables}. Kept apart from the worker
 * entry (engine.worker.ts) so tests drive it over a MessageChannel.
 */
import { ageTables } from "../../app/agingEngine";
import { encodeOutput, receiveRequest, type EngineReply, type EngineRequest, type PendingJob } from "../../app/engineProtocol";

/** What the worker needs of its global scope (a DedicatedWorkerGlobalScope, or a MessagePort in tests). */
export interface EngineScope {
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  postMessage(message: EngineReply, transfer: Transferable[]): void;
}

/**
 * Serves aging jobs on `scope` until the worker is terminated. Each job's tables arrive in slices;
 * its `run` computes, reporting progress, and replies `done` with the columns transferred, or
 * `failed` with the error's name and message (the engine's own errors are bugs, not bad data).
 *
 * @example
 * serveEngine(self as unknown as EngineScope); // in engine.worker.ts
 */
export function serveEngine(scope: EngineScope): void {
  const jobs = new Map<number, PendingJob>();
  scope.addEventListener("message", (event) => {
    const message = event.data as EngineRequest;
    const job = message.job;
    try {
      const input = receiveRequest(jobs, message);
      if (!input) return;
      const result = ageTables(input, (progress) => scope.postMessage({ type: "progress", job, progress }, []));
      const { output, transfer } = encodeOutput(result, input.tables);
      scope.postMessage({ type: "done", job, output }, transfer);
    } catch (error) {
      jobs.delete(job);
      const { name, message: text } = error instanceof Error ? error : new Error(String(error));
      scope.postMessage({ type: "failed", job, name, message: text }, []);
    }
  });
}
