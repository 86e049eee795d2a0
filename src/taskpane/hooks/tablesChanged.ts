/**
 * "The workbook's tables changed": views stay mounted when hidden, so a view that listed the
 * tables before "Insert sample data" would offer a stale list. The action that adds tables says
 * so here; views that list tables re-read them.
 */
import { useEffect } from "react";

const listeners = new Set<() => void>();

/**
 * Tells every mounted view that lists tables to read them again.
 *
 * @example
 * await insertTables(run, sample); notifyTablesChanged();
 */
export function notifyTablesChanged(): void {
  for (const listener of [...listeners]) listener();
}

/**
 * Calls `reload` whenever {@link notifyTablesChanged} is called while the component is mounted.
 *
 * @example
 * useTablesChanged(reload);
 */
export function useTablesChanged(reload: () => void): void {
  useEffect(() => {
    listeners.add(reload);
    return () => {
      listeners.delete(reload);
    };
  }, [reload]);
}
