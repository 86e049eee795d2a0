/**
 * Which sheets belong to AR Desk.
 *
 * Every sheet AR Desk writes carries a tag: the worksheet custom property "ARDesk" (ExcelApi
 * 1.12) holding JSON `{ kind, period, version, sheet, state }`, plus an entry in the workbook
 * setting "ARDesk.ownedSheets" (ExcelApi 1.4) listing `{ id, name, … }` for clients without
 * worksheet custom properties. A sheet is AR Desk's when either record names it *under its
 * current name*: a user who renames an AR Desk sheet, or copies one (custom properties travel
 * with the copy, the id does not), has made it theirs, and AR Desk will never replace it.
 *
 * `state: "pending"` marks a sheet being written (a temporary, hidden sheet). A write that was
 * interrupted by a crash leaves such sheets behind; the next write deletes them, and reading
 * skips them like any other AR Desk sheet.
 */
import type { SheetKind } from "../engine/types";
import { isExcelApiSupported } from "./support";
import type { ExcelRun } from "./types";

/** Worksheet custom property key of the tag. */
export const TAG_KEY = "ARDesk";
/** Workbook setting key of the fallback record. */
export const OWNED_RECORD_KEY = "ARDesk.ownedSheets";
/** Version of the tag format. */
export const TAG_VERSION = 1;

/** The tag stored on each AR Desk sheet. */
export interface SheetTag {
  kind: SheetKind | "sample";
  /** Period tag of the run that wrote it, e.g. "2026-10". */
  period: string;
  version: number;
  /** The sheet's name when AR Desk wrote it; a different current name means the user took it over. */
  sheet: string;
  state: "final" | "pending";
}

/** One entry of the fallback record in workbook settings. */
export interface OwnedRecordEntry {
  id: string;
  name: string;
  kind: SheetTag["kind"];
  period: string;
  state: SheetTag["state"];
}

/** A sheet AR Desk owns, as listed to the UI. */
export interface OwnedSheet {
  name: string;
  id: string;
  kind: SheetTag["kind"];
  period: string;
}

/** A worksheet of the workbook with what AR Desk knows about it. */
export interface SheetEntry {
  worksheet: Excel.Worksheet;
  name: string;
  id: string;
  position: number;
  /** The matching tag or record entry when the sheet is AR Desk's, else null. */
  owner: SheetTag | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    // A tag or record that is not JSON was not written by AR Desk: treat it as absent.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * Reads a tag from a custom property value; anything malformed is not a tag.
 *
 * @example
 * parseTag('{"kind":"aging-summary","period":"2026-10","version":1,"sheet":"AR Aging","state":"final"}');
 */
export function parseTag(value: unknown): SheetTag | null {
  const v = parseJson(value);
  if (!isRecord(v)) return null;
  if (typeof v.kind !== "string" || typeof v.period !== "string" || typeof v.version !== "number" || typeof v.sheet !== "string") {
    return null;
  }
  const state = v.state === "pending" ? "pending" : "final";
  return { kind: v.kind as SheetTag["kind"], period: v.period, version: v.version, sheet: v.sheet, state };
}

/**
 * Reads the fallback record; malformed entries are dropped.
 *
 * @example
 * parseRecord('[{"id":"{1}","name":"AR Credit","kind":"credit","period":"2026-10","state":"final"}]');
 */
export function parseRecord(value: unknown): OwnedRecordEntry[] {
  const v = parseJson(value);
  if (!Array.isArray(v)) return [];
  const entries: OwnedRecordEntry[] = [];
  for (const e of v) {
    if (!isRecord(e) || typeof e.id !== "string" || typeof e.name !== "string") continue;
    entries.push({
      id: e.id,
      name: e.name,
      kind: (typeof e.kind === "string" ? e.kind : "sample") as SheetTag["kind"],
      period: typeof e.period === "string" ? e.period : "",
      state: e.state === "pending" ? "pending" : "final",
    });
  }
  return entries;
}

/** Sheet names compare case-insensitively in Excel. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** What the first round trip of an inventory loads. */
export interface ListedSheets {
  worksheets: Excel.Worksheet[];
  record: OwnedRecordEntry[];
}

/**
 * Queues the loads for the sheet list and the fallback record; call the returned function
 * after the next `sync`.
 *
 * @example
 * const listed = queueSheetList(context); await trips.sync(); const { worksheets } = listed();
 */
export function queueSheetList(context: Excel.RequestContext): () => ListedSheets {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/position");
  const setting = isExcelApiSupported("1.4") ? context.workbook.settings.getItemOrNullObject(OWNED_RECORD_KEY) : null;
  setting?.load("value");
  return () => ({
    worksheets: worksheets.items,
    record: setting && !setting.isNullObject ? parseRecord(setting.value) : [],
  });
}

/**
 * Queues the tag loads (when custom properties are supported). After the next `sync` (needed
 * only when `needsSync`), `collect()` returns every sheet with its owner, if any.
 *
 * @example
 * const tags = queueTags(listed()); if (tags.needsSync) await trips.sync(); const sheets = tags.collect();
 */
export function queueTags(listed: ListedSheets): { needsSync: boolean; collect: () => SheetEntry[] } {
  const useProperties = isExcelApiSupported("1.12");
  const properties = useProperties ? listed.worksheets.map((ws) => ws.customProperties.getItemOrNullObject(TAG_KEY)) : [];
  for (const p of properties) p.load("value");
  return {
    needsSync: properties.length > 0,
    collect: () =>
      listed.worksheets.map((ws, i) => {
        const property = properties[i];
        const tag = property && !property.isNullObject ? parseTag(property.value) : null;
        let owner: SheetTag | null = tag && sameSheetName(tag.sheet, ws.name) ? tag : null;
        if (!owner) {
          const entry = listed.record.find((e) => e.id === ws.id && sameSheetName(e.name, ws.name));
          if (entry) owner = { kind: entry.kind, period: entry.period, version: TAG_VERSION, sheet: entry.name, state: entry.state };
        }
        return { worksheet: ws, name: ws.name, id: ws.id, position: ws.position, owner };
      }),
  };
}

/**
 * Tags a sheet: the custom property where supported (the record is written by the caller, in
 * one setting for all sheets).
 *
 * @example
 * tagSheet(ws, { kind: "credit", period: "2026-10", version: 1, sheet: "AR Credit", state: "final" });
 */
export function tagSheet(worksheet: Excel.Worksheet, tag: SheetTag): void {
  if (isExcelApiSupported("1.12")) worksheet.customProperties.add(TAG_KEY, JSON.stringify(tag));
}

/**
 * Writes the fallback record (replacing the previous one).
 *
 * @example
 * writeRecord(context, [{ id, name: "AR Credit", kind: "credit", period: "2026-10", state: "final" }]);
 */
export function writeRecord(context: Excel.RequestContext, entries: OwnedRecordEntry[]): void {
  if (isExcelApiSupported("1.4")) context.workbook.settings.add(OWNED_RECORD_KEY, JSON.stringify(entries));
}

const MAX_SHEET_NAME = 31;

/**
 * A sheet name Excel accepts: characters []:*?/\ replaced by "_", no leading or trailing
 * apostrophe, at most 31 characters, never empty.
 *
 * @example
 * sanitizeSheetName("AR: 2026/10"); // "AR_ 2026_10"
 */
export function sanitizeSheetName(name: string): string {
  let clean = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "");
  clean = clean.slice(0, MAX_SHEET_NAME).trim();
  return clean.length > 0 ? clean : "Sheet";
}

/**
 * `base` if `isFree(base)`, else "base (2)", "base (3)" … (the base shortened so the whole name
 * stays within 31 characters).
 *
 * @example
 * uniqueSheetName("AR Aging", (n) => n !== "AR Aging"); // "AR Aging (2)"
 */
export function uniqueSheetName(base: string, isFree: (name: string) => boolean): string {
  if (isFree(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (isFree(candidate)) return candidate;
  }
}

/**
 * AR Desk's finished sheets in the workbook, in tab order (two round trips; one without
 * worksheet custom properties).
 *
 * @example
 * const owned = await listOwnedSheets(Excel.run); // [{ name: "AR Aging 2026-10", kind: "aging-summary", … }]
 */
export async function listOwnedSheets(run: ExcelRun): Promise<OwnedSheet[]> {
  return run(async (context) => {
    const listing = queueSheetList(context);
    await context.sync();
    const tags = queueTags(listing());
    if (tags.needsSync) await context.sync();
    return tags
      .collect()
      .filter((e) => e.owner?.state === "final")
      .sort((a, b) => a.position - b.position)
      .map((e) => ({ name: e.name, id: e.id, kind: e.owner?.kind ?? "sample", period: e.owner?.period ?? "" }));
  });
}
