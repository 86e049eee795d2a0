/**
 * Reconciliation highlights: the rows of both reconciled tables coloured by outcome (the
 * engine's highlightPlan, in OUTCOME_COLORS), added as tracked highlights of purpose
 * "reconcile" so that "Clear highlights" removes exactly these and leaves the credit check's,
 * the user's rules, values and formats alone. Matched rows stay uncoloured.
 */
import type { ReconcileResult } from "../engine/reconcile";
import { highlightPlan, type TableHighlightPlan } from "../engine/report/reconcile";
import { rangeA1 } from "./a1";
import { MAX_HIGHLIGHT_RULES, addTrackedHighlights, clearTrackedHighlights, type TrackedRule } from "./highlights";
import type { ExcelRun } from "./types";

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

/**
 * Colours the rows of both source tables by outcome, replacing AR Desk's earlier
 * reconciliation highlights.
 *
 * @example
 * const { added, skipped } = await highlightReconciliation(Excel.run, reconcile(a, b, options));
 */
export async function highlightReconciliation(
  run: ExcelRun,
  result: ReconcileResult,
  maxRules = MAX_HIGHLIGHT_RULES,
): Promise<{ added: number; removed: number; skipped: { A: number; B: number } }> {
  const planned = reconcileHighlightRules(highlightPlan(result), maxRules);
  const { added, removed } = await addTrackedHighlights(run, "reconcile", planned.rules);
  return { added, removed, skipped: planned.skipped };
}

/**
 * Removes AR Desk's reconciliation highlights (and nothing else).
 *
 * @example
 * const { removed } = await clearReconcileHighlights(Excel.run);
 */
export async function clearReconcileHighlights(run: ExcelRun): Promise<{ removed: number }> {
  const { removed } = await clearTrackedHighlights(run, "reconcile");
  return { removed };
}
