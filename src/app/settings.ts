/**
 * Per-workbook settings: what they hold, their defaults and their validation. Every front end
 * reads them the same way; the Office.js adapter stores them in `workbook.settings` under
 * {@link SETTINGS_KEY} as a JSON string, and a use case reads them through the workbook port.
 */
import { DEFAULT_BOUNDARIES } from "../engine/aging";
import { isField } from "../engine/fields";
import type { AgingBasis, Lang, RoleMapping, TableMapping } from "../engine/types";

/** Per-workbook settings, saved in the workbook so they survive reopening. */
export interface WorkbookSettings {
  version: 1;
  mapping: TableMapping;
  basis: AgingBasis;
  /** Inclusive upper bounds in days, e.g. [30, 60, 90]. */
  boundaries: number[];
  autoApply: boolean;
  /** "last-month-end" or a fixed ISO date. */
  asOf: "last-month-end" | string;
  groupBy: "customer" | "salesRep";
  /** null = follow Office's display language. */
  lang: Lang | null;
  dateOrder: "DMY" | "MDY" | "YMD" | null;
  defaultCurrency: string;
  /**
   * The aging's reporting currency and the workbook table or sheet holding its rates; absent
   * or null: document currencies only.
   */
  reportCurrency?: { currency: string; ratesTable: string } | null;
  /** The Insights view's choices, kept for next time. */
  insights?: InsightsSettings;
}

/** What the Insights view keeps in the workbook. */
export interface InsightsSettings {
  /** Rows of the written roll-forward. */
  by: "currency" | "customer" | "rep";
  /** Months in the DSO window, 1–24. */
  window: number;
  /**
   * The last provision computed, as "CUR=AMOUNT, …" in major units with its as-of date: the
   * "previous provision" of the next month-end's run.
   */
  lastProvision?: { asOf: string; totals: string };
}

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
    boundaries: [...DEFAULT_BOUNDARIES],
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
      if (!isField(field)) return `mapping.${role}.columns has unknown field "${field}"`;
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
  const fx = s.reportCurrency;
  if (fx !== undefined && fx !== null) {
    if (!isRecord(fx) || typeof fx.currency !== "string" || !/^[A-Z]{3}$/.test(fx.currency))
      return "reportCurrency.currency must be a three-letter ISO 4217 code";
    if (typeof fx.ratesTable !== "string" || fx.ratesTable.trim() === "") return "reportCurrency.ratesTable must name a table or sheet";
  }
  const insights = s.insights;
  if (insights !== undefined) {
    if (!isRecord(insights)) return "insights must be an object";
    if (insights.by !== "currency" && insights.by !== "customer" && insights.by !== "rep")
      return 'insights.by must be "currency", "customer" or "rep"';
    const w = insights.window;
    if (typeof w !== "number" || !Number.isInteger(w) || w < 1 || w > 24)
      return "insights.window must be a whole number of months from 1 to 24";
    const last = insights.lastProvision;
    if (
      last !== undefined &&
      (!isRecord(last) || typeof last.asOf !== "string" || !isIsoDate(last.asOf) || typeof last.totals !== "string")
    )
      return "insights.lastProvision must hold an ISO date and the totals as text";
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

/** The credit check's options as saved in the workbook (the Credit view's fields). */
export interface CreditSettings {
  version: 1;
  /** Near limit from this percentage of the limit; 0 < nearPercent ≤ 100. */
  nearPercent: number;
  /** Hold when the oldest open item is more than this many days overdue; an integer ≥ 0. */
  holdDays: number;
  /** No stated limit: warn ("No limit") or check against a limit of zero. */
  noLimit: "warn" | "zero";
  /** Net unapplied cash against exposure. */
  netUnapplied: boolean;
}

/**
 * The first thing wrong with `value` as CreditSettings, or null when it is valid.
 *
 * @example
 * creditSettingsProblem({ version: 1, nearPercent: 80, holdDays: 60, noLimit: "warn", netUnapplied: true }); // null
 * creditSettingsProblem({ version: 1, nearPercent: 0, holdDays: 60, noLimit: "warn", netUnapplied: true }); // "nearPercent must be in (0, 100]"
 */
export function creditSettingsProblem(value: unknown): string | null {
  if (!isRecord(value)) return "credit settings must be an object";
  if (value.version !== 1) return "version must be 1";
  const near = value.nearPercent;
  if (typeof near !== "number" || !(near > 0 && near <= 100)) return "nearPercent must be in (0, 100]";
  const hold = value.holdDays;
  if (typeof hold !== "number" || !Number.isInteger(hold) || hold < 0) return "holdDays must be a whole number of days, 0 or more";
  if (value.noLimit !== "warn" && value.noLimit !== "zero") return 'noLimit must be "warn" or "zero"';
  if (typeof value.netUnapplied !== "boolean") return "netUnapplied must be true or false";
  return null;
}
