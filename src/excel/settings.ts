/**
 * Per-workbook settings, stored in `workbook.settings` (ExcelApi 1.4) under "ARDesk.settings"
 * as a JSON string. Workbook settings are saved with the file, so they survive reopening and
 * travel with the workbook to other users; they are batched like any other Excel call.
 */
import {
  SETTINGS_KEY,
  creditSettingsProblem,
  parseSettings,
  settingsShapeProblem,
  type CreditSettings,
  type SettingsLoad,
  type WorkbookSettings,
} from "../app/settings";
import { RoundTrips } from "./roundTrips";
import type { ExcelRun } from "./types";

// What settings hold and how they are validated is the use cases' (src/app/settings.ts);
// re-exported here where the adapter's callers always found it.
export {
  SETTINGS_KEY,
  creditSettingsProblem,
  defaultSettings,
  parseSettings,
  settingsShapeProblem,
  type CreditSettings,
  type SettingsLoad,
  type SettingsProblem,
} from "../app/settings";

/**
 * Loads the workbook's settings with the reason when there are none to use.
 *
 * @example
 * const { settings, problem } = await loadSettingsDetailed(Excel.run);
 * if (problem?.code === "shape") notify(t("settings.reset"));
 */
export async function loadSettingsDetailed(run: ExcelRun): Promise<SettingsLoad> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    await new RoundTrips(context).sync();
    if (item.isNullObject) return { settings: null, problem: { code: "missing", detail: `no "${SETTINGS_KEY}" setting` } };
    return parseSettings(item.value);
  });
}

/**
 * Loads the workbook's settings; null when none were saved or they are invalid (use
 * {@link loadSettingsDetailed} for the reason).
 *
 * @example
 * const settings = (await loadSettings(Excel.run)) ?? defaultSettings();
 */
export async function loadSettings(run: ExcelRun): Promise<WorkbookSettings | null> {
  return (await loadSettingsDetailed(run)).settings;
}

/**
 * Saves settings into the workbook (one round trip). Invalid settings throw a RangeError
 * before anything is written, so a bad value can never be stored and then rejected on load.
 *
 * @example
 * await saveSettings(Excel.run, { ...defaultSettings(), boundaries: [30, 60, 90, 120] });
 */
export async function saveSettings(run: ExcelRun, settings: WorkbookSettings): Promise<void> {
  const problem = settingsShapeProblem(settings);
  if (problem) throw new RangeError(`Invalid settings: ${problem}.`);
  await run(async (context) => {
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
    await context.sync();
  });
}

/** Workbook setting key of the credit check's options. */
export const CREDIT_SETTINGS_KEY = "ARDesk.creditSettings";

/**
 * Loads the credit check's saved options; null when none were saved or what is stored is not
 * valid (the view then starts from its defaults).
 *
 * @example
 * const saved = await loadCreditSettings(Excel.run); // { version: 1, nearPercent: 75, … } or null
 */
export async function loadCreditSettings(run: ExcelRun): Promise<CreditSettings | null> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(CREDIT_SETTINGS_KEY);
    item.load("value");
    await new RoundTrips(context).sync();
    if (item.isNullObject) return null;
    let value: unknown = item.value;
    if (typeof value === "string") {
      try {
        value = JSON.parse(value);
      } catch (error) {
        if (error instanceof SyntaxError) return null;
        throw error;
      }
    }
    return creditSettingsProblem(value) === null ? (value as CreditSettings) : null;
  });
}

/**
 * Saves the credit check's options in the workbook (one round trip), so the next check, by
 * anyone opening the file, starts from them. Invalid options throw a RangeError first.
 *
 * @example
 * await saveCreditSettings(Excel.run, { version: 1, nearPercent: 75, holdDays: 45, noLimit: "zero", netUnapplied: true });
 */
export async function saveCreditSettings(run: ExcelRun, settings: CreditSettings): Promise<void> {
  const problem = creditSettingsProblem(settings);
  if (problem) throw new RangeError(`Invalid credit settings: ${problem}.`);
  await run(async (context) => {
    context.workbook.settings.add(CREDIT_SETTINGS_KEY, JSON.stringify(settings));
    await context.sync();
  });
}
