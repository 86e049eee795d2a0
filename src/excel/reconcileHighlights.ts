/**
 * Reconciliation highlights: the rows of both reconciled tables coloured by outcome (the
 * engine's highlightPlan, in OUTCOME_COLORS), added as tracked highlights of purpose
 * "reconcile" so that "Clear highlights" removes exactly these and leaves the credit check's,
 * the user's rules, values and formats alone. Matched rows stay uncoloured.
 */
import type { ReconcileResult } from "../engine/reconcile";
import { highlightPlan } from "../engine/report/reconcile";
import { MAX_HIGHLIGHT_RULES, reconcileHighlightRules, type ReconcileHighlightRules } from "../engine/report/highlights";
import { addTrackedHighlights, clearTrackedHighlights } from "./highlights";
import type { ExcelRun } from "./types";

export { reconcileHighlightRules, type ReconcileHighlightRules };

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
