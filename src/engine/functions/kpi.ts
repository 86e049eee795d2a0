/**
 * Collection KPIs over a period, from balances in minor units:
 * - **DSO** (days sales outstanding) = receivables / credit sales × days in the period;
 * - **Best possible DSO** = current (not yet due) receivables / credit sales × days;
 * - **CEI** (collection effectiveness index) =
 *   (beginning AR + credit sales − ending AR) / (beginning AR + credit sales − ending current AR),
 *   a fraction (0.85 = 85 %; 1 means everything collectable was collected).
 * Each gives null when its denominator is 0 (undefined, shown as #DIV/0!).
 */

/**
 * Days sales outstanding.
 *
 * @example
 * dso(12000000, 36000000, 90) // 30
 * dso(100, 0, 30)             // null
 */
export function dso(receivablesMinor: number, creditSalesMinor: number, days: number): number | null {
  return creditSalesMinor === 0 ? null : (receivablesMinor / creditSalesMinor) * days;
}

/**
 * Best possible DSO: the DSO if every overdue item had been paid on time.
 *
 * @example
 * bestPossibleDso(9000000, 36000000, 90) // 22.5
 */
export function bestPossibleDso(currentReceivablesMinor: number, creditSalesMinor: number, days: number): number | null {
  return dso(currentReceivablesMinor, creditSalesMinor, days);
}

/**
 * Collection effectiveness index, as a fraction.
 *
 * @example
 * // begin 100,000; sales 50,000; end 60,000; end current 40,000
 * cei(10000000, 5000000, 6000000, 4000000) // 0.8181818181818182 (90,000 / 110,000)
 */
export function cei(beginMinor: number, creditSalesMinor: number, endMinor: number, endCurrentMinor: number): number | null {
  const collectable = beginMinor + creditSalesMinor - endCurrentMinor;
  return collectable === 0 ? null : (beginMinor + creditSalesMinor - endMinor) / collectable;
}
