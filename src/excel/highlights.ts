/**
 * Highlights on the user's tables (credit status on the customer table; reconciliation outcomes
 * on both reconciled tables), each set tracked by its purpose.
 *
 * Credit highlights on the user's customer table: rows coloured by credit status with
 * conditional formats, never by editing values or the user's own formats. Every rule AR Desk
 * adds is recorded (sheet, address, id) in the workbook's settings, so "Clear highlights"
 * removes exactly those rules and nothing else, even after the workbook was saved and reopened.
 *
 * A rule covers a run of consecutive rows of one status ("=TRUE" custom rule on a bounded
 * range), so the number of rules grows with runs of flagged customers, not with the table; it is
 * capped, riskiest statuses first.
 */
import { MAX_HIGHLIGHT_RULES, planHighlights, type CustomerTableArea, type HighlightRun, type TrackedRule } from "../engine/report/highlights";
import type { PortHighlightPurpose } from "../app/port";
import type { ExcelRun } from "./types";
import { RoundTrips } from "./roundTrips";

/** Workbook setting holding the rules AR Desk added. */
export const HIGHLIGHTS_KEY = "ARDesk.highlights";

// The plans are pure and live in the engine (every front end shares them); re-exported here
// where the adapter's callers always found them.
export { MAX_HIGHLIGHT_RULES, planHighlights, type CustomerTableArea, type HighlightRun, type TrackedRule };

/**
 * What a set of highlights is for. Each feature clears and replaces only its own: re-running
 * the credit check leaves the reconciliation's highlights alone, and the other way round.
 */
export type HighlightPurpose = PortHighlightPurpose;

/** Every purpose a record may carry. */
const HIGHLIGHT_PURPOSES: readonly unknown[] = ["credit", "reconcile", "collections"] satisfies HighlightPurpose[];

/** A recorded rule, for exact removal. */
export interface HighlightRecord {
  sheet: string;
  address: string;
  id: string;
  /** Absent in records written before purposes existed: those were credit highlights. */
  purpose?: HighlightPurpose;
}

/** The purpose of a recorded rule (records without one are credit's, see HighlightRecord). */
const purposeOf = (record: HighlightRecord): HighlightPurpose => record.purpose ?? "credit";

/**
 * The formula of AR Desk's rules: always true, so the whole range takes the fill, and naming
 * its purpose, so a person reading the rule in Excel's "Manage Rules" can tell whose it is.
 */
const ruleFormula = (purpose: HighlightPurpose): string => `="ARDesk ${purpose}"<>""`;

function readRecord(value: unknown): HighlightRecord[] {
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (e): e is HighlightRecord =>
      typeof e === "object" &&
      e !== null &&
      typeof e.sheet === "string" &&
      typeof e.address === "string" &&
      typeof e.id === "string" &&
      (e.purpose === undefined || HIGHLIGHT_PURPOSES.includes(e.purpose)),
  );
}

/**
 * Removes the credit highlights recorded in the workbook (only those: a rule is deleted when its
 * id is one AR Desk recorded for credit); other purposes' highlights stay. Rules the user
 * already deleted are skipped.
 *
 * @example
 * const { removed } = await clearHighlights(Excel.run);
 */
export async function clearHighlights(run: ExcelRun): Promise<{ removed: number; roundTrips: number }> {
  return clearTrackedHighlights(run, "credit");
}

/**
 * Colours the customer table's rows by credit status: clears AR Desk's earlier highlights, adds
 * the planned rules and records their ids. The user's values and formats are untouched.
 *
 * @example
 * await addHighlights(Excel.run, planHighlights(report, area), "Customers");
 */
export async function addHighlights(run: ExcelRun, runs: readonly HighlightRun[], sheet: string): Promise<{ added: number; removed: number }> {
  return addTrackedHighlights(
    run,
    "credit",
    runs.map((r) => ({ sheet, address: r.address, fill: r.fill })),
  );
}

/**
 * Removes the rules AR Desk recorded for `purpose` (by id, so a rule the user added is never
 * touched, even on the same cells), and keeps the record of every other purpose. The setting is
 * deleted when nothing is left in it. Four round trips at most, whatever the number of rules.
 *
 * @example
 * const { removed } = await clearTrackedHighlights(Excel.run, "reconcile");
 */
export async function clearTrackedHighlights(run: ExcelRun, purpose: HighlightPurpose): Promise<{ removed: number; roundTrips: number }> {
  return run(async (context) => {
    const trips = new RoundTrips(context);
    const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_KEY);
    setting.load("value");
    await trips.sync();
    if (setting.isNullObject) return { removed: 0, roundTrips: trips.count };
    const record = readRecord(setting.value);
    const mine = record.filter((entry) => purposeOf(entry) === purpose);
    const others = record.filter((entry) => purposeOf(entry) !== purpose);
    const deleted = await deleteRecorded(context, trips, mine);
    if (others.length > 0) context.workbook.settings.add(HIGHLIGHTS_KEY, JSON.stringify(others));
    else setting.delete();
    await trips.sync();
    return { removed: deleted, roundTrips: trips.count };
  });
}

/** Deletes the recorded rules that still exist (two round trips when there are any); returns how many. */
async function deleteRecorded(context: Excel.RequestContext, trips: RoundTrips, record: readonly HighlightRecord[]): Promise<number> {
  if (record.length === 0) return 0;
  const sheets = new Map<string, Excel.Worksheet>();
  for (const entry of record) if (!sheets.has(entry.sheet)) sheets.set(entry.sheet, context.workbook.worksheets.getItemOrNullObject(entry.sheet));
  for (const ws of sheets.values()) ws.load("name");
  await trips.sync();
  const collections = record.flatMap((entry) => {
    const ws = sheets.get(entry.sheet);
    if (!ws || ws.isNullObject) return [];
    const formats = ws.getRange(entry.address).conditionalFormats;
    formats.load("items/id");
    return [formats];
  });
  await trips.sync();
  const wanted = new Set(record.map((e) => e.id));
  const deleted = new Set<string>();
  for (const formats of collections) {
    for (const cf of formats.items) {
      if (wanted.has(cf.id) && !deleted.has(cf.id)) {
        cf.delete();
        deleted.add(cf.id);
      }
    }
  }
  return deleted.size;
}

/**
 * Replaces the highlights of `purpose`: removes the rules recorded for it, adds `rules` (one
 * "always true" custom conditional format each, on any sheet) and records their ids beside the
 * other purposes' records. Values and the user's formats and rules are untouched.
 *
 * @example
 * await addTrackedHighlights(Excel.run, "reconcile", [{ sheet: "Invoices", address: "A12:F12", fill: "#FFC7CE" }]);
 */
export async function addTrackedHighlights(run: ExcelRun, purpose: HighlightPurpose, rules: readonly TrackedRule[]): Promise<{ added: number; removed: number }> {
  const { removed } = await clearTrackedHighlights(run, purpose);
  if (rules.length === 0) return { added: 0, removed };
  return run(async (context) => {
    const trips = new RoundTrips(context);
    const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_KEY);
    setting.load("value");
    const added = rules.map((rule) => {
      const cf = context.workbook.worksheets.getItem(rule.sheet).getRange(rule.address).conditionalFormats.add("Custom");
      cf.custom.rule.formula = ruleFormula(purpose);
      cf.custom.format.fill.color = rule.fill;
      cf.load("id");
      return { cf, rule };
    });
    await trips.sync();
    const kept = setting.isNullObject ? [] : readRecord(setting.value).filter((entry) => purposeOf(entry) !== purpose);
    const record: HighlightRecord[] = added.map(({ cf, rule }) => ({ sheet: rule.sheet, address: rule.address, id: cf.id, purpose }));
    context.workbook.settings.add(HIGHLIGHTS_KEY, JSON.stringify([...kept, ...record]));
    await trips.sync();
    return { added: record.length, removed };
  });
}
