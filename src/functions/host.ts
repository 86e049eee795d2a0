/**
 * What the custom functions read from their host, in one place: the display language (from
 * Office when the shared runtime has it, else en-US) and today's date (from the clock module).
 */
import type { Lang } from "../engine/types";
import { systemToday } from "../host/clock";
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
 * The context of one calculation in Excel.
 *
 * @example
 * hostContext().lang // "en-US" outside Office
 */
export function hostContext(): FunctionContext {
  return { lang: displayLang(), today: systemToday };
}
