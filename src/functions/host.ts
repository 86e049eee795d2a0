/**
 * What the custom functions read from their host, in one place: the display language (from
 * Office when the shared runtime has it, else en-US), today's date (from the clock module) and
 * the workbook's date system.
 *
 * The date system: in the shared runtime the functions may call Excel, so the book's system is
 * asked once per session (Excel's DATE(1904,1,2) is 1 in a 1904 book) as soon as Office is
 * ready; a 1904 answer triggers one full recalculation so results computed before it are
 * redone. Until the answer arrives, and where Excel cannot be asked (no shared runtime, no
 * ExcelApi 1.2), 1900 is assumed; the functions' help says so.
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
  return { lang: displayLang(), today: systemToday, dateSystem: bookDateSystem };
}

let bookDateSystem: 1900 | 1904 = 1900;
let detection: Promise<1900 | 1904> | null = null;

interface ExcelLike {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Asks the workbook for its date system once per session (later calls return the same
 * answer) and, when it is 1904, recalculates so every AR function result uses it. Resolves to
 * 1900 where Excel cannot be asked.
 *
 * @example
 * await detectBookDateSystem(Excel); // 1904 in a book created on an old Mac
 */
export function detectBookDateSystem(excel: ExcelLike | undefined): Promise<1900 | 1904> {
  detection ??= (async () => {
    if (!excel) return 1900;
    try {
      const system = await excel.run(async (context) => {
        const functions = (context.workbook as { functions?: Excel.Functions }).functions;
        if (!functions || typeof functions.date !== "function") return 1900;
        const probe = functions.date(1904, 1, 2);
        probe.load("value");
        await context.sync();
        return typeof probe.value === "number" && probe.value < 1462 ? 1904 : 1900;
      });
      bookDateSystem = system;
      if (system === 1904) {
        await excel.run(async (context) => {
          context.workbook.application.calculate("Full" as Excel.CalculationType.full);
          await context.sync();
        });
      }
      return system;
    } catch (error) {
      // No way to ask (an older Excel, or not the shared runtime): 1900, as the help says.
      if (error instanceof Error) return 1900;
      throw error;
    }
  })();
  return detection;
}

/**
 * Starts the detection when Office is ready, in the shared runtime (no-op elsewhere).
 *
 * @example
 * startDateSystemDetection(); // at the top of functions.ts
 */
export function startDateSystemDetection(): void {
  const g = globalThis as { Office?: { onReady?: (cb: () => void) => unknown }; Excel?: ExcelLike };
  if (typeof g.Office?.onReady !== "function" || typeof g.Excel?.run !== "function") return;
  g.Office.onReady(() => void detectBookDateSystem(g.Excel));
}

/** Forgets the session's answer (tests). */
export function resetDateSystemDetection(): void {
  detection = null;
  bookDateSystem = 1900;
}
