/**
 * Highlights on the user's tables (credit status on the customer table; reconciliation outcomes
 * on both reconciled tables), each set tracked by its purpose.
 *
 * Credit highlights on the user's customer table: rows coloured by credit status with
 * conditional formats, never by editing values or the user's own formats. Every rule AR Desk
 * adds carries a marker in its formula ("ARDesk credit"), so "Clear highlights" finds exactly
 * those rules by content and nothing else, even after other rules were added or deleted and
 * after the workbook was saved and reopened (Excel's rule ids are positions, not keys).
 *
 * A rule covers a run of consecutive rows of one status ("=TRUE" custom rule on a bounded
 * range), so the number of rules grows with runs of flagged customers, not with the table; it is
 * capped, riskiest statuses first.
 */
import {
  MAX_HIGHLIGHT_RULES,
  planHighlights,
  type CustomerTableArea,
  type HighlightRun,
  type TrackedRule,
} from "../engine/report/highlights";
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

/** Every purpose, in the order their rules are listed. */
export const HIGHLIGHT_PURPOSES: readonly HighlightPurpose[] = ["credit", "reconcile", "collections"];

/**
 * Where AR Desk put rules, for the user's information (e.g. "highlights on Customers"). Never
 * used to find or delete a rule: Excel's conditional-format ids are positions that shift when
 * any rule is added or deleted and are not saved in the file, so rules are found by the marker
 * in their formula instead (see {@link markedPurpose}).
 */
export interface HighlightRecord {
  sheet: string;
  address: string;
  /** Written by versions that keyed deletion on ids; ignored. */
  id?: string;
  /** Absent in records written before purposes existed: those were credit highlights. */
  purpose?: HighlightPurpose;
}

/** The purpose of a recorded rule (records without one are credit's, see HighlightRecord). */
const purposeOf = (record: HighlightRecord): HighlightPurpose => record.purpose ?? "credit";

/**
 * The formula of AR Desk's rules: always true, so the whole range takes the fill, and carrying
 * the marker "ARDesk <purpose>", by which Clear finds them again (and a person reading the rule
 * in Excel's "Manage Rules" can tell whose it is).
 *
 * @example
 * ruleFormula("credit"); // '="ARDesk credit"<>""'
 */
export const ruleFormula = (purpose: HighlightPurpose): string => `="ARDesk ${purpose}"<>""`;

/** The marker inside {@link ruleFormula}: the string literal "ARDesk <purpose>". */
const RULE_MARKER = /"ARDesk (credit|reconcile|collections)"/;

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
      (e.purpose === undefined || (HIGHLIGHT_PURPOSES as readonly unknown[]).includes(e.purpose)),
  );
}

/**
 * The purpose whose marker a conditional-format formula carries, or null when it is not one of
 * AR Desk's rules (a user's rule never carries the marker, so it is never ours).
 *
 * @example
 * markedPurpose('="ARDesk credit"<>""'); // "credit"
 * markedPurpose("=$B2>1000"); // null
 */
export function markedPurpose(formula: unknown): HighlightPurpose | null {
  if (typeof formula !== "string") return null;
  const m = RULE_MARKER.exec(formula);
  return m ? (m[1] as HighlightPurpose) : null;
}

/**
 * Removes AR Desk's credit highlights (only those: a rule is deleted when its formula carries
 * the credit marker); other purposes' highlights and the user's rules stay.
 *
 * @example
 * const { removed } = await clearHighlights(Excel.run);
 */
export async function clearHighlights(run: ExcelRun): Promise<{ removed: number; roundTrips: number }> {
  return clearTrackedHighlights(run, "credit");
}

/**
 * Colours the customer table's rows by credit status: clears AR Desk's earlier highlights and
 * adds the planned rules. The user's values and formats are untouched.
 *
 * @example
 * await addHighlights(Excel.run, planHighlights(report, area), "Customers");
 */
export async function addHighlights(
  run: ExcelRun,
  runs: readonly HighlightRun[],
  sheet: string,
): Promise<{ added: number; removed: number }> {
  return addTrackedHighlights(
    run,
    "credit",
    runs.map((r) => ({ sheet, address: r.address, fill: r.fill })),
  );
}

/**
 * Removes AR Desk's rules of `purpose` and nothing else. Rules are found by content: every
 * sheet's conditional formats are listed, and a rule is deleted only when it is a formula rule
 * whose formula carries the marker of this purpose. Excel's `ConditionalFormat.id` is the rule's
 * priority position (it shifts when rules are added or deleted and is not kept in the file), so
 * nothing is keyed on it; the deletes of one sheet go in one request from the lowest priority
 * (highest position) up, so each delete leaves the positions of the ones still to come intact.
 * Four round trips: sheets, their rules, the formula rules' formulas, the deletes.
 *
 * @example
 * const { removed } = await clearTrackedHighlights(Excel.run, "reconcile");
 */
export async function clearTrackedHighlights(run: ExcelRun, purpose: HighlightPurpose): Promise<{ removed: number; roundTrips: number }> {
  return run(async (context) => {
    const trips = new RoundTrips(context);
    const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_KEY);
    setting.load("value");
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await trips.sync();
    const removed = await deleteMarkedRules(context, trips, worksheets.items, purpose);
    const others = setting.isNullObject ? [] : readRecord(setting.value).filter((entry) => purposeOf(entry) !== purpose);
    if (others.length > 0) context.workbook.settings.add(HIGHLIGHTS_KEY, JSON.stringify(others));
    else if (!setting.isNullObject) setting.delete();
    await trips.sync();
    return { removed, roundTrips: trips.count };
  });
}

/**
 * Deletes the rules carrying `purpose`'s marker on every sheet (two round trips to find them;
 * the deletes are queued for the caller's next sync). Returns how many.
 */
async function deleteMarkedRules(
  context: Excel.RequestContext,
  trips: RoundTrips,
  sheets: readonly Excel.Worksheet[],
  purpose: HighlightPurpose,
): Promise<number> {
  if (sheets.length === 0) return 0;
  // The whole sheet: a rule whose cells were emptied is still there to be removed.
  const collections = sheets.map((ws) => {
    const formats = ws.getRange().conditionalFormats;
    formats.load("items/type,items/priority");
    return formats;
  });
  await trips.sync();
  const custom = collections.map((formats) =>
    formats.items
      .filter((cf) => cf.type === "Custom")
      .map((cf) => {
        const rule = cf.custom.rule;
        rule.load("formula");
        return { cf, rule };
      }),
  );
  if (custom.every((list) => list.length === 0)) return 0;
  await trips.sync();
  let removed = 0;
  for (const list of custom) {
    const ours = list.filter(({ rule }) => markedPurpose(rule.formula) === purpose).sort((a, b) => b.cf.priority - a.cf.priority);
    for (const { cf } of ours) cf.delete();
    removed += ours.length;
  }
  return removed;
}

/**
 * Queues `rules` as AR Desk rules of `purpose`: one "always true" custom conditional format each,
 * its formula carrying the purpose's marker. Nothing is loaded back (ids are positions, useless
 * as keys).
 *
 * @example
 * queueMarkedRules(context, "credit", [{ sheet: "Customers", address: "A5:G7", fill: "#FFC7CE" }]);
 */
export function queueMarkedRules(context: Excel.RequestContext, purpose: HighlightPurpose, rules: readonly TrackedRule[]): void {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const rule of rules) {
    let ws = sheets.get(rule.sheet);
    if (!ws) sheets.set(rule.sheet, (ws = context.workbook.worksheets.getItem(rule.sheet)));
    const cf = ws.getRange(rule.address).conditionalFormats.add("Custom");
    cf.custom.rule.formula = ruleFormula(purpose);
    cf.custom.format.fill.color = rule.fill;
  }
}

/** Most rules one request adds, so that a request stays far below Excel's 5 MB (a rule is about 1.4 kB). */
export const RULES_PER_REQUEST = 500;

/**
 * Replaces the highlights of `purpose`: removes AR Desk's rules of that purpose (found by their
 * marker), adds `rules` and notes where they are. Values, the user's formats and rules, and the
 * other purposes' rules are untouched.
 *
 * @example
 * await addTrackedHighlights(Excel.run, "reconcile", [{ sheet: "Invoices", address: "A12:F12", fill: "#FFC7CE" }]);
 */
export async function addTrackedHighlights(
  run: ExcelRun,
  purpose: HighlightPurpose,
  rules: readonly TrackedRule[],
): Promise<{ added: number; removed: number }> {
  const { removed } = await clearTrackedHighlights(run, purpose);
  if (rules.length === 0) return { added: 0, removed };
  return run(async (context) => {
    const trips = new RoundTrips(context);
    const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_KEY);
    setting.load("value");
    for (let k = 0; k < rules.length; k += RULES_PER_REQUEST) {
      queueMarkedRules(context, purpose, rules.slice(k, k + RULES_PER_REQUEST));
      await trips.sync();
    }
    const kept = setting.isNullObject ? [] : readRecord(setting.value).filter((entry) => purposeOf(entry) !== purpose);
    const record: HighlightRecord[] = rules.map((rule) => ({ sheet: rule.sheet, address: rule.address, purpose }));
    context.workbook.settings.add(HIGHLIGHTS_KEY, JSON.stringify([...kept, ...record]));
    await trips.sync();
    return { added: record.length, removed };
  });
}
