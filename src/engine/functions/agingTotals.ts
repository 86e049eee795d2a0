/**
 * Bucket totals of loose rows (an age in days and an amount each), for aging summaries computed
 * outside a Book, such as the AR.AGING worksheet function. Same buckets and bucket rule as
 * engine/aging, which this delegates to.
 */
import type { AgingBasis } from "../types";
import { bucketIndex } from "../aging";

/**
 * Sums `amounts[i]` into the bucket of `ages[i]` (see bucketIndex: inclusive upper bounds, and
 * with basis "due" everything not yet overdue is Current). Returns one total per bucket, in
 * the order of makeBuckets(basis, boundaries, …). Amounts are minor units; sums are exact.
 *
 * @example
 * bucketTotals([-5, 0, 1, 30, 31, 91], [1, 2, 4, 8, 16, 32], "due", [30, 60, 90])
 * // [3, 12, 16, 0, 32]  (Current, 1-30, 31-60, 61-90, 90+)
 */
export function bucketTotals(
  ages: ArrayLike<number>,
  amounts: ArrayLike<number>,
  basis: AgingBasis,
  boundaries: readonly number[],
): number[] {
  const count = boundaries.length + (basis === "due" ? 2 : 1);
  const totals = new Float64Array(count);
  const lookup = bucketLookup(basis, boundaries);
  for (let i = 0; i < ages.length; i++) {
    const k = lookup(ages[i]!);
    totals[k] = totals[k]! + amounts[i]!;
  }
  return Array.from(totals);
}

/** bucketIndex with the boundaries bound, tabulated for ages up to the last boundary. */
function bucketLookup(basis: AgingBasis, boundaries: readonly number[]): (days: number) => number {
  const last = boundaries[boundaries.length - 1] ?? 0;
  if (last > 100000) return (days) => bucketIndex(days, basis, boundaries);
  const table = new Uint16Array(last + 1);
  for (let d = 0; d <= last; d++) table[d] = bucketIndex(d, basis, boundaries);
  const below = bucketIndex(0, basis, boundaries);
  const over = bucketIndex(last + 1, basis, boundaries);
  return (days) => (days <= 0 ? below : days > last ? over : table[days]!);
}
