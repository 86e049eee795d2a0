/**
 * The as-of rule every front end follows: a fixed date saved in the workbook's settings wins;
 * otherwise the last month-end before today. The task pane's default, the ribbon's one-click
 * aging, the credit check and the GL tie-out all take their date from here.
 */
import { isoFromSerial, lastMonthEnd, serialFromIso } from "../engine/dates";

/** What the settings say about the as-of date: follow the month-ends, or one fixed ISO date. */
export type SavedAsOf = "last-month-end" | string;

/**
 * The as-of serial for a saved choice and today (an Excel serial). A fixed date that is not a
 * real YYYY-MM-DD date falls back to the month-end rule rather than failing the run.
 *
 * @example
 * asOfFor("last-month-end", serialFromIso("2026-11-15")!) // 46326 (2026-10-31)
 * asOfFor("2026-09-30", serialFromIso("2026-11-15")!)     // 46295 (2026-09-30)
 */
export function asOfFor(saved: SavedAsOf, today: number): number {
  const fixed = saved !== "last-month-end" ? serialFromIso(saved) : null;
  return fixed ?? lastMonthEnd(today);
}

/**
 * {@link asOfFor} as ISO text, for a date field's initial value.
 *
 * @example
 * asOfIsoFor("last-month-end", serialFromIso("2026-11-15")!) // "2026-10-31"
 */
export function asOfIsoFor(saved: SavedAsOf, today: number): string {
  return isoFromSerial(asOfFor(saved, today));
}

/**
 * The period tag ("YYYY-MM") of an as-of date given as an Excel serial: owned sheets of the same
 * name and period are replaced on a re-run.
 *
 * @example
 * periodOf(serialFromIso("2026-10-31")!) // "2026-10"
 */
export function periodOf(asOf: number): string {
  return isoFromSerial(asOf).slice(0, 7);
}
