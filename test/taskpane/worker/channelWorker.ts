/**
 * A stand-in for the pane's engine worker: the worker's body (serveEngine) on the far port of a
 * Node MessageChannel, so messages are structured-cloned and transferred as between threads.
 */
import { MessageChannel } from "node:worker_threads";
import type { EngineWorker } from "../../../src/taskpane/worker/client";
import { serveEngine } from "../../../src/taskpane/worker/serve";

type Listener = (event: { data?: unknown }) => void;

/** A worker whose body runs on the far port of a MessageChannel. */
export interface ChannelWorker extends EngineWorker {
  terminated: boolean;
  /** Fires the worker's "error" event, as a browser does when the worker's script cannot load. */
  fail(): void;
}

/**
 * A new channel worker.
 *
 * @example
 * const engine = workerAgingEngine(() => channelWorker());
 */
export function channelWorker(): ChannelWorker {
  const { port1, port2 } = new MessageChannel();
  serveEngine({
    addEventListener: (_type, listener) => port2.on("message", (data: unknown) => listener({ data })),
    postMessage: (message, transfer) => port2.postMessage(message, transfer as ArrayBuffer[]),
  });
  const listeners = new Map<string, Set<Listener>>();
  const emit = (type: string, event: { data?: unknown }) => [...(listeners.get(type) ?? [])].forEach((l) => l(event));
  port1.on("message", (data: unknown) => emit("message", { data }));
  const worker: ChannelWorker = {
    terminated: false,
    postMessage: (message, transfer) => port1.postMessage(message, transfer as ArrayBuffer[]),
    addEventListener: (type, listener) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    removeEventListener: (type, listener) => listeners.get(type)?.delete(listener),
    terminate: () => {
      worker.terminated = true;
      port1.close();
      port2.close();
    },
    fail: () => emit("error", {}),
  };
  return worker;
}
