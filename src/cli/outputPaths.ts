/**
 * Checks on where a command writes, made before any work: two outputs on one file, an
 * extension that does not match what is written, "-" where only JSON can go to stdout; and
 * the cleanup of temporary files an interrupted run leaves beside its outputs.
 */
import { readdirSync, statSync, unlinkSync } from "node:fs";
import * as path from "node:path";
import { activeTempFiles } from "../file/atomic";
import { UsageError } from "./args";

/** Outputs of a command: option name → the path given, undefined when absent. */
export type Outputs = Record<string, string | undefined>;

/** The extension each output option writes. */
const EXTENSIONS: Record<string, string> = { "--out": ".xlsx", "--json": ".json" };

/**
 * Refuses outputs that would go wrong (usage errors, exit 2): "-" for anything but --json
 * (stdout carries JSON only), an extension other than the one written (`--out report.csv`
 * would hold xlsx bytes), and two options naming the same file.
 *
 * @example
 * checkOutputs({ "--out": "a.xlsx", "--json": "a.xlsx" }) // throws UsageError "cli.error.outputClash"
 */
export function checkOutputs(outputs: Outputs): void {
  const seen = new Map<string, string>();
  for (const [option, file] of Object.entries(outputs)) {
    if (file === undefined) continue;
    if (file === "-") {
      if (option === "--json") continue;
      throw new UsageError("cli.error.outputStdout", { option });
    }
    const key = path.resolve(file).toLowerCase();
    const other = seen.get(key);
    if (other) throw new UsageError("cli.error.outputClash", { option, other, value: file });
    seen.set(key, option);
    const extension = EXTENSIONS[option];
    if (extension && path.extname(file).toLowerCase() !== extension)
      throw new UsageError("cli.error.outputExtension", { option, value: file, extension });
  }
}

/**
 * True when `name` is a temporary file of ours for `target`: ".NAME.<12 hex>.tmp" beside it
 * (see file/atomic.ts).
 *
 * @example
 * isTempFileOf(".aging.xlsx.0123456789ab.tmp", "out/aging.xlsx") // true
 */
export function isTempFileOf(name: string, target: string): boolean {
  const base = path.basename(target);
  return name.startsWith(`.${base}.`) && /^\.[\s\S]+\.[0-9a-f]{12}\.tmp$/.test(name) && name.length === base.length + 18;
}

/**
 * Removes temporary files an earlier, interrupted run left for these targets, when older than
 * `olderThanMs` (a run writing the same file right now keeps its own). Returns the files removed.
 *
 * @example
 * sweepStaleTemps(["out/aging.xlsx"]) // ["out/.aging.xlsx.0123456789ab.tmp"] left by a killed run
 */
export function sweepStaleTemps(targets: readonly string[], nowMs = wallClockMs(), olderThanMs = 60_000): string[] {
  const removed: string[] = [];
  for (const target of targets) {
    const dir = path.dirname(path.resolve(target));
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!isTempFileOf(name, target)) continue;
      const file = path.join(dir, name);
      try {
        if (nowMs - statSync(file).mtimeMs < olderThanMs) continue;
        unlinkSync(file);
        removed.push(file);
      } catch {
        // Gone already, or not ours to remove: nothing to clean.
      }
    }
  }
  return removed;
}

/**
 * Milliseconds since the epoch, to compare with file times. Only an age is needed, never a
 * date: the performance clock serves, and the one date clock stays in host/clock.ts.
 */
function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Exit codes of a run ended by a signal, as shells report them (128 + signal number). */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** What {@link removeTempsOnSignal} needs of the process. */
export interface SignalTarget {
  on(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  off(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  exit(code: number): never;
}

/**
 * While a run writes, SIGINT (Ctrl+C) and SIGTERM remove its temporary files before the process
 * exits with 130 / 143. Returns the function that stops listening.
 *
 * @example
 * const stop = removeTempsOnSignal(process); try { await run(); } finally { stop(); }
 */
export function removeTempsOnSignal(target: SignalTarget): () => void {
  const handlers = (["SIGINT", "SIGTERM"] as const).map((signal) => {
    const listener = (): void => {
      for (const file of activeTempFiles()) {
        try {
          unlinkSync(file);
        } catch {
          // Already renamed into place or removed.
        }
      }
      target.exit(SIGNAL_EXIT[signal] ?? 1);
    };
    target.on(signal, listener);
    return { signal, listener };
  });
  return () => {
    for (const { signal, listener } of handlers) target.off(signal, listener);
  };
}
