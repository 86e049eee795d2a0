/**
 * What the ribbon's last write could not do quietly, handed from the command to the task pane:
 * an edited report sheet kept as "… (edited)", or freeze panes / a filter Excel refused. A
 * ribbon button has no place to say it, so the command opens the pane, which shows these notes
 * in the Aging view (like `problemStore.ts`, on the global object so separate bundles of one
 * page share it).
 */
import type { PortWriteResult } from "./port";

/** The notes of one write: the sheets written, what was kept, and what could not be applied. */
export type RibbonNotes = Pick<PortWriteResult, "sheets" | "kept" | "warnings">;

type Listener = (notes: RibbonNotes | null) => void;

interface Store {
  pending: RibbonNotes | null;
  listeners: Set<Listener>;
}

const STORE_KEY = Symbol.for("ar-desk.ribbon-write-notes");

function store(): Store {
  const holder = globalThis as typeof globalThis & { [STORE_KEY]?: Store };
  holder[STORE_KEY] ??= { pending: null, listeners: new Set() };
  return holder[STORE_KEY];
}

/**
 * Whether a write has something to tell: a kept sheet or a warning.
 *
 * @example
 * hasNotes({ sheets: ["AR Aging 2026-10"], kept: [], warnings: [] }); // false
 */
export function hasNotes(write: Pick<PortWriteResult, "kept" | "warnings">): boolean {
  return (write.kept?.length ?? 0) > 0 || (write.warnings?.length ?? 0) > 0;
}

/** Records the notes of the latest ribbon write (null clears them) and tells an open pane. */
export function setRibbonNotes(notes: RibbonNotes | null): void {
  const current = store();
  current.pending = notes;
  for (const listener of current.listeners) listener(notes);
}

/** The notes of the latest ribbon write, if any. */
export function getRibbonNotes(): RibbonNotes | null {
  return store().pending;
}

/** Calls `listener` whenever a ribbon write records or clears its notes; returns the unsubscribe function. */
export function subscribeRibbonNotes(listener: Listener): () => void {
  const { listeners } = store();
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
