/**
 * Per-workbook settings, stored in `workbook.settings` (ExcelApi 1.4) under "ARDesk.settings"
 * as a JSON string. Workbook settings are saved with the file, so they survive reopening and
 * travel with the workbook to other users; they are batched like any other Excel call.
 */
import type { Field, RoleMapping, TableMapping } from "../engine/types";
import { RoundTrips } from "./roundTrips";
import type { ExcelRun, WorkbookSettings } from "./types";

/** Workbook setting key. */
export const SETTINGS_KEY = "ARDesk.settings";

/**
 * The settings a workbook starts with.
 *
 * @example
 * defaultSettings().boundaries; // [30, 60, 90]
 */
export function defaultSettings(): WorkbookSettings {
  return {
    version: 1,
    mapping: {},
    basis: "due",
    boundaries: [30, 60, 90],
    autoApply: true,
    asOf: "last-month-end",
    groupBy: "customer",
    lang: null,
    dateOrder: null,
    defaultCurrency: "USD",
  };
}

/** Why stored settings were not used. */
export interface SettingsProblem {
  /** "missing": never saved; "json": not JSON; "shape": JSON of the wrong shape. */
  code: "missing" | "json" | "shape";
  /** English detail for logs and bug reports (the UI shows its own message per code). */
  detail: string;
}

/** Result of loading settings: the settings, or null and why. */
export type SettingsLoad = { settings: WorkbookSettings; problem: null } | { settings: null; problem: SettingsProblem };

const FIELDS: ReadonlySet<string> = new Set<Field>([
  "invoiceNumber", "customer", "invoiceDate", "dueDate", "terms", "amount", "currency", "salesRep", "documentType",
  "reference", "openAmount", "status", "po", "description", "paymentReference", "paymentDate", "creditLimit", "group", "segment", "hold",
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkRoleMapping(value: unknown, role: string): string | null {
  if (value === undefined) return null;
  if (!isRecord(value)) return `mapping.${role} must be an object`;
  const m = value as RoleMapping & Record<string, unknown>;
  if (m.table !== undefined && typeof m.table !== "string") return `mapping.${role}.table must be a string`;
  if (m.columns !== undefined) {
    if (!isRecord(m.columns)) return `mapping.${role}.columns must be an object`;
    for (const [field, header] of Object.entries(m.columns)) {
      if (!FIELDS.has(field)) return `mapping.${role}.columns has unknown field "${field}"`;
      if (typeof header !== "string") return `mapping.${role}.columns.${field} must be a string`;
    }
  }
  return null;
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The first thing wrong with `value` as WorkbookSettings, or null when it is valid.
 *
 * @example
 * settingsShapeProblem(defaultSettings()); // null
 * settingsShapeProblem({ version: 2 }); // "version must be 1"
 */
export function settingsShapeProblem(value: unknown): string | null {
  if (!isRecord(value)) return "settings must be an object";
  const s = value;
  if (s.version !== 1) return "version must be 1";
  if (!isRecord(s.mapping)) return "mapping must be an object";
  const mapping = s.mapping as TableMapping & Record<string, unknown>;
  for (const key of Object.keys(mapping)) {
    if (key !== "invoices" && key !== "payments" && key !== "customers") return `mapping has unknown role "${key}"`;
    const problem = checkRoleMapping(mapping[key], key);
    if (problem) return problem;
  }
  if (s.basis !== "due" && s.basis !== "invoice") return 'basis must be "due" or "invoice"';
  const b = s.boundaries;
  if (!Array.isArray(b) || b.length === 0) return "boundaries must be a non-empty list";
  for (let i = 0; i < b.length; i++) {
    const day: unknown = b[i];
    if (typeof day !== "number" || !Number.isInteger(day) || day <= 0) return "boundaries must be positive whole days";
    const previous: unknown = b[i - 1];
    if (i > 0 && typeof previous === "number" && day <= previous) return "boundaries must increase";
  }
  if (typeof s.autoApply !== "boolean") return "autoApply must be true or false";
  if (s.asOf !== "last-month-end" && !(typeof s.asOf === "string" && isIsoDate(s.asOf))) {
    return 'asOf must be "last-month-end" or a date YYYY-MM-DD';
  }
  if (s.groupBy !== "customer" && s.groupBy !== "salesRep") return 'groupBy must be "customer" or "salesRep"';
  if (s.lang !== null && s.lang !== "en-US" && s.lang !== "zh-CN") return 'lang must be null, "en-US" or "zh-CN"';
  if (s.dateOrder !== null && s.dateOrder !== "DMY" && s.dateOrder !== "MDY" && s.dateOrder !== "YMD") {
    return 'dateOrder must be null, "DMY", "MDY" or "YMD"';
  }
  if (typeof s.defaultCurrency !== "string" || !/^[A-Z]{3}$/.test(s.defaultCurrency)) {
    return "defaultCurrency must be a three-letter ISO 4217 code";
  }
  return null;
}

/**
 * Validates a stored setting value (a JSON string, or an object from a client that stored one).
 *
 * @example
 * parseSettings("not json").problem?.code; // "json"
 * parseSettings(JSON.stringify(defaultSettings())).settings?.basis; // "due"
 */
export function parseSettings(stored: unknown): SettingsLoad {
  let value: unknown = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      return { settings: null, problem: { code: "json", detail: error.message } };
    }
  }
  const problem = settingsShapeProblem(value);
  if (problem) return { settings: null, problem: { code: "shape", detail: problem } };
  return { settings: value as WorkbookSettings, problem: null };
}

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
