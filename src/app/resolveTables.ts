/**
 * Which table serves which role (invoices, payments, customers), from the saved mapping or, when
 * there is none, from detection — but only when detection is unambiguous. Used by the ribbon
 * command (which must not guess) and by the task pane (to preselect and explain its choice).
 */
import type { Role, TableData, TableDetection, TableMapping } from "../engine/types";
import { ROLES, detectSources, mappedTables, normalizeHeader } from "../engine/read";
import type { MonthlyAgingProblem } from "./problemStore";

/** Roles in the order they are shown and checked. */
export { ROLES };

/**
 * How far ahead (in detection confidence, 0..1) the best table for a role must be of the next
 * one before the ribbon trusts it without asking.
 */
export const CLEAR_LEAD = 0.15;

/** The outcome of resolving roles: a mapping to read with, or the reason there is none. */
export type Resolution =
  | { ok: true; mapping: TableMapping; chosen: Partial<Record<Role, TableDetection>>; detections: TableDetection[] }
  | { ok: false; problem: MonthlyAgingProblem; detections: TableDetection[] };

/** The detections for `role`, most confident first. */
export function candidatesFor(detections: TableDetection[], role: Role): TableDetection[] {
  return detections.filter((d) => d.role === role).sort((a, b) => b.confidence - a.confidence);
}

/** True when the mapping names `detection`'s table (by table or sheet name, as the reader matches). */
export function isNamed(detection: TableDetection, name: string | undefined): boolean {
  if (name === undefined) return false;
  const key = normalizeHeader(name);
  return key !== "" && (normalizeHeader(detection.table.name) === key || normalizeHeader(detection.table.sheet) === key);
}

/**
 * Picks the tables of each role exactly as the reader will (the saved tables that still exist
 * win, else the most confident detection together with the tables of the role whose columns map
 * the same way), and refuses when a detected choice is not clearly ahead of the next table of
 * its role that is not read with it, or when the chosen table lacks required columns. Invoices
 * are required; payments and customers are optional (an ERP export with an open-amount column
 * needs no payments). Tables read together are in the returned mapping's `tables`.
 *
 * @example
 * const r = resolveTables(workbook.tables, settings.mapping);
 * if (!r.ok) explain(r.problem);
 */
export function resolveTables(tables: TableData[], saved: TableMapping = {}): Resolution {
  const plan = detectSources(tables, saved, "en-US");
  const detections = plan.detections;
  const chosen: Partial<Record<Role, TableDetection>> = {};
  const mapping: TableMapping = {};

  for (const role of ROLES) {
    const source = plan.sources[role];
    if (!source) {
      if (role === "invoices") return { ok: false, problem: { code: "no-invoice-table" }, detections };
      continue;
    }
    const savedRole = saved[role];
    const together = plan.joined[role] ?? [source];
    if (!mappedTables(savedRole).some((name) => isNamed(source, name))) {
      // Tables read with the source are not rivals: only one the run would leave out is.
      const rival = candidatesFor(detections, role).find((d) => !together.includes(d));
      if (rival && source.confidence - rival.confidence < CLEAR_LEAD) {
        return {
          ok: false,
          problem: { code: "ambiguous-tables", role, candidates: candidatesFor(detections, role).map((d) => d.table.name) },
          detections,
        };
      }
    }
    if (source.missing.length > 0) {
      return { ok: false, problem: { code: "missing-columns", role, table: source.table.name, fields: [...source.missing] }, detections };
    }
    chosen[role] = source;
    mapping[role] = {
      table: source.table.name,
      ...(together.length > 1 ? { tables: together.map((d) => d.table.name) } : {}),
      ...(savedRole?.columns ? { columns: savedRole.columns } : {}),
    };
  }
  return { ok: true, mapping, chosen, detections };
}
