/**
 * Highlight plans: which bounded ranges of the user's tables to colour, and in which fill, for a
 * credit check (customer rows by status) and a reconciliation (both tables' rows by outcome).
 * Pure planning shared by every front end; the Office.js adapter turns a plan into conditional
 * formats, and the file port records it.
 */
import type { CreditReport } from "../credit/check";
import { CREDIT_STATUSES, type CreditStatus } from "../credit/status";
import { cellAddress } from "../read/normalize";
import { CREDIT_STATUS_COLORS } from "./credit";
import { rangeA1 } from "./a1";
import type { TableHighlightPlan } from "./reconcile";

/** Most rules one highlight run adds: conditional formats slow recalculation. */
export const MAX_HIGHLIGHT_RULES = 500;

/** Where the customer table is: its sheet, first column (0-based) and width. */
export interface CustomerTableArea {
  sheet: string;
  firstColumn: number;
  columnCount: number;
}

/** One credit rule: a run of sheet rows of one status. */
export interface HighlightRun {
  status: Exclude<CreditStatus, "ok">;
  /** A1 address on the sheet, e.g. "A5:G7". */
  address: string;
  fill: string;
}

/** One rule to add for a purpose: a bounded range coloured whatever its values. */
export interface TrackedRule {
  sheet: string;
  /** A1 address on the sheet, e.g. "A5:G7" (never whole columns). */
  address: string;
  fill: string;
}

/**
 * The rules for a credit report on the customer table: one per run of consecutive rows with the
 * same flagged status, riskiest statuses first, at most `maxRules`.
 *
 * @example
 * planHighlights(report, { sheet: "Customers", firstColumn: 0, columnCount: 7 })
 * // [{ status: "blocked", address: "A5:G5", fill: "#D9D9D9" }, …]
 */
export function planHighlights(report: CreditReport, area: CustomerTableArea, maxRules = MAX_HIGHLIGHT_RULES): HighlightRun[] {
  const rowsByStatus = new Map<CreditStatus, number[]>();
  for (const c of report.customers) {
    if (c.status === "ok" || !c.inTable || c.location?.sheet !== area.sheet) continue;
    const row = Number(/\d+$/.exec(c.location.cell)?.[0] ?? NaN);
    if (!Number.isFinite(row)) continue;
    const list = rowsByStatus.get(c.status) ?? [];
    list.push(row);
    rowsByStatus.set(c.status, list);
  }
  const runs: HighlightRun[] = [];
  const lastColumn = area.firstColumn + Math.max(1, area.columnCount) - 1;
  for (const status of CREDIT_STATUSES) {
    if (status === "ok") continue;
    const rows = (rowsByStatus.get(status) ?? []).sort((a, b) => a - b);
    for (let k = 0; k < rows.length && runs.length < maxRules;) {
      let end = k + 1;
      while (end < rows.length && rows[end] === rows[end - 1]! + 1) end++;
      runs.push({
        status,
        address: `${cellAddress(area.firstColumn, rows[k]!)}:${cellAddress(lastColumn, rows[end - 1]!)}`,
        fill: CREDIT_STATUS_COLORS[status],
      });
      k = end;
    }
  }
  return runs;
}

/** The rules for one reconciliation, and how many ranges the cap left uncoloured, per side. */
export interface ReconcileHighlightRules {
  rules: TrackedRule[];
  /** Ranges (runs of consecutive rows of one outcome) per side, and those left out by the cap. */
  ranges: { A: number; B: number };
  skipped: { A: number; B: number };
}

/**
 * One rule per run of consecutive rows of one outcome, in both tables, in the legend's outcome
 * order. Each side gets at most half of `maxRules` (conditional formats slow recalculation, so a
 * reconciliation with thousands of scattered differences colours the first ones and says how
 * many it left out; the AR Reconciliation sheet lists them all).
 *
 * @example
 * reconcileHighlightRules(highlightPlan(result)).rules[0]
 * // { sheet: "Invoices", address: "A12:F12", fill: "#FFC7CE" }
 */
export function reconcileHighlightRules(plans: readonly TableHighlightPlan[], maxRules = MAX_HIGHLIGHT_RULES): ReconcileHighlightRules {
  const perSide = Math.max(1, Math.floor(maxRules / 2));
  const out: ReconcileHighlightRules = { rules: [], ranges: { A: 0, B: 0 }, skipped: { A: 0, B: 0 } };
  for (const plan of plans) {
    let taken = 0;
    for (const outcome of plan.outcomes) {
      for (const range of outcome.ranges) {
        out.ranges[plan.side]++;
        if (taken >= perSide) {
          out.skipped[plan.side]++;
          continue;
        }
        out.rules.push({ sheet: plan.sheet, address: rangeA1(range), fill: outcome.fill });
        taken++;
      }
    }
  }
  return out;
}
