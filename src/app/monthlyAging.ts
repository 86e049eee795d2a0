/**
 * One-click monthly aging (the ribbon's "Monthly aging" button) as a use case: the workbook's
 * saved settings (a fixed as-of date included), the language they pin or the display language,
 * no questions. It stops with a problem the task pane can explain instead of guessing.
 */
import { pickLang } from "../i18n";
import { requestFromSettings, runAging } from "./aging";
import type { PortWriteResult, WorkbookPort } from "./port";
import type { MonthlyAgingProblem } from "./problemStore";
import { SETTINGS_KEY, defaultSettings, parseSettings } from "./settings";

/** What the use case needs from its host besides the workbook. */
export interface MonthlyAgingRequest {
  /** Today as an Excel serial. */
  today: number;
  /** The host's display language tag, used unless the workbook's settings pin a language. */
  displayLanguage: string;
}

/** What the button did: the sheets written, or why it wrote nothing. */
export type MonthlyAgingOutcome =
  | {
      ok: true;
      asOf: number;
      period: string;
      sheets: string[];
      renamed: Array<{ requested: string; used: string }>;
      /** Edited report sheets kept as "… (edited)" (the button cannot ask, so it keeps them). */
      kept: NonNullable<PortWriteResult["kept"]>;
      /** What Excel would not apply (freeze panes, filter); the sheets are complete without it. */
      warnings: NonNullable<PortWriteResult["warnings"]>;
    }
  | { ok: false; reason: MonthlyAgingProblem };

/**
 * Writes "AR Aging YYYY-MM" (summary, detail and exceptions) for the settings' as-of date — the
 * last month-end before today unless a fixed date is saved. Running it twice gives the same
 * workbook: the port replaces its own sheets of the same name and period. Never throws: a
 * failure is an outcome, since a ribbon button has nowhere else to show it.
 *
 * @example
 * const outcome = await monthlyAging(port, { today: 46341, displayLanguage: "en-US" });
 * if (!outcome.ok) outcome.reason.code; // "no-invoice-table"
 */
export async function monthlyAging(port: WorkbookPort, request: MonthlyAgingRequest): Promise<MonthlyAgingOutcome> {
  try {
    // Settings that are missing or unreadable are the defaults here; the pane explains them.
    const settings = parseSettings(await port.readSetting(SETTINGS_KEY)).settings ?? defaultSettings();
    const lang = settings.lang ?? pickLang(request.displayLanguage);
    const agingRequest = requestFromSettings(settings, lang, request.today);
    const result = await runAging(port, agingRequest);
    if (!result.ok) return { ok: false, reason: result.problem };
    const { sheets, renamed, kept = [], warnings = [] } = result.write;
    return { ok: true, asOf: agingRequest.asOf, period: result.period, sheets, renamed, kept, warnings };
  } catch (error) {
    // Handed to the task pane, which opens on it, rather than lost.
    return { ok: false, reason: { code: "failed", message: error instanceof Error ? error.message : String(error) } };
  }
}
