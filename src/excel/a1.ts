/** A1 addresses: the engine's (src/engine/report/a1.ts), re-exported where the adapter always found them. */
export * from "../engine/report/a1";
