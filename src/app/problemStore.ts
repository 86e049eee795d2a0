/**
 * Why the last ribbon run could not produce the aging, handed from the command to the task pane.
 *
 * The add-in uses a shared runtime, so the ribbon command and the task pane live in one
 * JavaScript context. The value is kept on the global object under a registered symbol rather
 * than in a module variable, so it is shared even when the commands and the pane are built as
 * separate bundles of the same page.
 */
import type { Field, Role } from "../engine/types";

/** A reason the one-click monthly aging could not run, in terms the pane can explain. */
export type MonthlyAgingProblem =
  | { code: "no-invoice-table" }
  | { code: "ambiguous-tables"; role: Role; candidates: string[] }
  | { code: "missing-columns"; role: Role; table: string; fields: Field[] }
  | { code: "failed"; message: string };

type Listener = (problem: MonthlyAgingProblem | null) => void;

interface Store {
  pending: MonthlyAgingProblem | null;
  listeners: Set<Listener>;
}

const STORE_KEY = Symbol.for("ar-desk.monthly-aging-problem");

function store(): Store {
  const holder = globalThis as typeof globalThis & { [STORE_KEY]?: Store };
  holder[STORE_KEY] ??= { pending: null, listeners: new Set() };
  return holder[STORE_KEY];
}

/** Records the problem of the latest ribbon run (null clears it) and tells an open pane. */
export function setPendingProblem(problem: MonthlyAgingProblem | null): void {
  const current = store();
  current.pending = problem;
  for (const listener of current.listeners) listener(problem);
}

/** The problem of the latest ribbon run, if any. */
export function getPendingProblem(): MonthlyAgingProblem | null {
  return store().pending;
}

/**
 * Calls `listener` whenever a ribbon run records or clears a problem (the pane may already be
 * open when the user presses the button again). Returns the unsubscribe function.
 */
export function subscribePendingProblem(listener: Listener): () => void {
  const { listeners } = store();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
