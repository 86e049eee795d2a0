/**
 * The clock: the one module in AR Desk that reads the real date. Everything else — engine, use
 * cases, task pane, ribbon, custom functions, CLI — receives "today" as a {@link Today} argument,
 * so a test or the workbench (`?today=2026-11-15`) can fix it and every front end agrees on it.
 * A lint rule forbids `new Date()` and `Date.now()` everywhere else in `src/`.
 */
import { serialFromYmd } from "../engine/dates";

/** Today's date as an Excel serial day number, read when called (a session can pass midnight). */
export type Today = () => number;

/**
 * The Excel serial of the calendar day `now` falls on in the user's time zone (as Excel's
 * TODAY()): at 07:00 on 1 November in Shanghai it is already November there, whatever UTC says.
 *
 * @example
 * localDateSerial(new Date(2026, 9, 31, 23, 30)) // 46326 (2026-10-31)
 */
export function localDateSerial(now: Date): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Today from the machine's clock: what production entry points (task pane, ribbon, custom
 * functions, the `ar-desk` command) pass down when nobody fixed the date.
 *
 * @example
 * const today: Today = systemToday;
 * today() // e.g. 46363 on 2026-12-07
 */
export const systemToday: Today = () => localDateSerial(new Date());

/**
 * A clock stopped at one serial: for tests, the workbench's `?today=` and `--today`-style
 * fixtures.
 *
 * @example
 * fixedToday(46326)() // 46326
 */
export function fixedToday(serial: number): Today {
  return () => serial;
}
