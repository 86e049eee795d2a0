/**
 * What the custom functions read from their host, in one place: the display language (from
 * Office when the shared runtime has it, else en-US) and today's date (the only clock read;
 * the engine never reads the clock).
 */
import type { Lang } from "../engine/types";
import { serialFromYmd } from "../engine/dates";
import { pickLang } from "../i18n";
import type { FunctionContext } from "./logic/errors";

interface OfficeLike {
  context?: { displayLanguage?: string } | null;
}

/**
 * The language for messages and labels: Office's display language when the shared runtime
 * has initialised Office.context, otherwise en-US.
 *
 * @example
 * displayLang() // "zh-CN" in Excel showing Chinese
 */
export function displayLang(): Lang {
  const office = (globalThis as { Office?: OfficeLike }).Office;
  return pickLang(office?.context?.displayLanguage);
}

/**
 * Excel serial of the local calendar date (as Excel's TODAY()).
 *
 * @example
 * todaySerial(new Date(2026, 9, 31, 23, 30)) // 46326
 */
export function todaySerial(now: Date = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * The context of one calculation in Excel.
 *
 * @example
 * hostContext().lang // "en-US" outside Office
 */
export function hostContext(): FunctionContext {
  return { lang: displayLang(), today: () => todaySerial() };
}
