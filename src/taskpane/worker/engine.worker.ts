/**
 * Entry of the task pane's engine worker (webpack 5 bundles it from
 * `new Worker(new URL("./engine.worker.ts", import.meta.url))` in createWorker.ts).
 */
import { serveEngine, type EngineScope } from "./serve";

serveEngine(self as unknown as EngineScope);
