/**
 * Creates the engine worker. Only the pane's page entries import this file: `import.meta` is an
 * ES module feature that webpack resolves at build time (it emits the worker as its own chunk),
 * while the type check and the jest tests compile the project as CommonJS.
 */
import type { EngineWorker } from "./client";

/**
 * A new engine worker; throws where workers are not allowed (the caller falls back to in-process).
 *
 * @example
 * const engine = workerAgingEngine(createEngineWorker);
 */
export function createEngineWorker(): EngineWorker {
  // @ts-expect-error TS1343: import.meta needs an ES module target; webpack compiles this file as one.
  return new Worker(new URL("./engine.worker.ts", import.meta.url), { name: "ar-desk-engine" });
}
