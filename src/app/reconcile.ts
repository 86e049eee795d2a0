/**
 * Reconciliation as a use case: two tables of the workbook matched (our invoices against a
 * customer's statement, our receipts against the bank's), "AR Reconciliation" written, and both
 * tables' rows coloured by outcome.
 */
import {
  detectReconcileColumns,
  reconcile,
  type ReconcileOptions,
  type ReconcilePreset,
  type ReconcileResult,
  type ReconcileScope,
} from "../engine/reconcile";
import { highlightPlan, reconcileSheet } from "../engine/report/reconcile";
import { MAX_HIGHLIGHT_RULES, reconcileHighlightRules } from "../engine/report/highlights";
import type { DateOrder, Lang, TableData } from "../engine/types";
import { t } from "../i18n";
import type { PortTables, WorkbookPort } from "./port";

/** What to reconcile, and how. */
export interface ReconcileRequest {
  /** Table names (as the port lists them) of side A and side B. */
  tableA: string;
  tableB: string;
  preset?: ReconcilePreset;
  amountTolerance?: number;
  percentTolerance?: number;
  dateTolerance?: number;
  lang: Lang;
  dateOrder: DateOrder | null;
  defaultCurrency: string;
  /** Period tag of the written sheet ("YYYY-MM"). */
  period: string;
  /** Column overrides per side (header names), when detection is not to be trusted. */
  mapping?: ReconcileOptions["mapping"];
  /** Colour both tables' rows by outcome (default true). */
  highlight?: boolean;
  /** "customers-in-b": compare A only on the customers B names (a customer's statement); default "all". */
  scope?: ReconcileScope;
}

/** A finished reconciliation. */
export interface ReconcileDone {
  ok: true;
  result: ReconcileResult;
  sheet: string;
  highlights: { added: number; skipped: number };
  /** The tables as read for this run (the user may have edited them since the last listing). */
  tables: PortTables;
}

/** A reconciliation that could not start: a table is gone, or lacks a key or amount column. */
export interface ReconcileBlocked {
  ok: false;
  messages: string[];
  tables: PortTables;
}

/**
 * The engine's options for a request (tolerances left out when not given, so the preset's
 * defaults apply).
 *
 * @example
 * reconcileOptions(request, 1900).preset // "invoices-vs-statement"
 */
export function reconcileOptions(request: ReconcileRequest, dateSystem: 1900 | 1904): ReconcileOptions {
  return {
    lang: request.lang,
    preset: request.preset,
    amountTolerance: request.amountTolerance,
    percentTolerance: request.percentTolerance,
    dateTolerance: request.dateTolerance,
    dateOrder: request.dateOrder,
    dateSystem,
    defaultCurrency: request.defaultCurrency,
    ...(request.mapping ? { mapping: request.mapping } : {}),
    ...(request.scope ? { scope: request.scope } : {}),
  };
}

/**
 * Reads the tables afresh (unless the caller just read them), checks both have the columns a match needs, reconciles, writes the
 * sheet and highlights both tables.
 *
 * @example
 * const done = await runReconcile(port, { tableA: "Invoices", tableB: "Statement", lang: "en-US", dateOrder: null, defaultCurrency: "USD", period: "2026-11" });
 * if (!done.ok) show(done.messages);
 */
export async function runReconcile(
  port: WorkbookPort,
  request: ReconcileRequest,
  options: { tables?: PortTables } = {},
): Promise<ReconcileDone | ReconcileBlocked> {
  const tables = options.tables ?? (await port.readTables({}));
  const a = tables.tables.find((table) => table.name === request.tableA);
  const b = tables.tables.find((table) => table.name === request.tableB);
  if (!a || !b) {
    const gone = [a ? null : request.tableA, b ? null : request.tableB].filter((name): name is string => name !== null);
    return { ok: false, messages: gone.map((table) => t(request.lang, "pane.reconcile.tableGone", { table })), tables };
  }
  const blocking = missingColumns([a, b], request);
  if (blocking.length > 0) return { ok: false, messages: blocking, tables };
  const result = reconcile(a, b, reconcileOptions(request, tables.dateSystem));
  const written = await port.writeSheets([reconcileSheet(result, request.lang)], { period: request.period });
  let highlights = { added: 0, skipped: 0 };
  if (request.highlight ?? true) {
    const planned = reconcileHighlightRules(highlightPlan(result), MAX_HIGHLIGHT_RULES);
    const { added } = await port.setHighlights("reconcile", planned.rules);
    highlights = { added, skipped: planned.skipped.A + planned.skipped.B };
  }
  return { ok: true, result, sheet: written.sheets[0] ?? "", highlights, tables };
}

/** The messages of columns a table must have (key, amount) and lacks. */
function missingColumns(tables: readonly TableData[], request: ReconcileRequest): string[] {
  return tables.flatMap((table, side) =>
    detectReconcileColumns(table, request.lang, request.preset, side === 0 ? request.mapping?.a : request.mapping?.b)
      .issues.filter((issue) => issue.code === "reconcile.column.missing")
      .map((issue) => issue.message),
  );
}

/**
 * Removes the reconciliation's highlights, and only those.
 *
 * @example
 * const { removed } = await clearReconcileHighlights(port);
 */
export async function clearReconcileHighlights(port: WorkbookPort): Promise<{ removed: number }> {
  return port.clearHighlights("reconcile");
}
