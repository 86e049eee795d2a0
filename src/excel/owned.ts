/**
 * Which sheets belong to AR Desk.
 *
 * Every sheet AR Desk writes carries a tag *in the sheet itself*, JSON
 * `{ kind, period, version, sheet, state }`: the worksheet custom property "ARDesk" where
 * ExcelApi 1.12 exists, else the comment of the sheet-scoped name "ARDesk_tag" (ExcelApi 1.4).
 * Both live in the file with the sheet and travel with a copy of it. A sheet is AR Desk's only
 * when it carries the tag *under its current name* at the moment it is looked at: a user who
 * renames an AR Desk sheet, or copies one, has made it theirs, and AR Desk will never replace it.
 *
 * Nothing is keyed on `Worksheet.id`: ids hold within one session only and differ between Excel
 * on the web and desktop, so after a reopen a user's sheet can have the id one of ours had. The
 * workbook-settings record of earlier versions ("ARDesk.ownedSheets", id + name) is neither
 * written nor trusted any more.
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
/** Workbook setting key of the id-keyed record of earlier versions: ignored (see above). */
export const OWNED_RECORD_KEY = "ARDesk.ownedSheets";
/** Sheet-scoped name carrying the tag (in its comment) on clients without custom properties. */
export const TAG_NAME = "ARDesk_tag";
/** What the tag name refers to: a constant, so it never depends on (or breaks with) cells. */
const TAG_NAME_FORMULA = '="ARDesk"';
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
  /**
   * What AR Desk wrote (final sheets of this version on): the content hash of the values and the
   * rows × columns they cover, so a re-run can tell whether the user edited the sheet since.
   */
  written?: { hash: string; rows: number; cols: number };
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
  const tag: SheetTag = { kind: v.kind as SheetTag["kind"], period: v.period, version: v.version, sheet: v.sheet, state };
  const w = v.written;
  if (isRecord(w) && typeof w.hash === "string" && Number.isInteger(w.rows) && Number.isInteger(w.cols)) {
    tag.written = { hash: w.hash, rows: w.rows as number, cols: w.cols as number };
  }
  return tag;
}

/** Sheet names compare case-insensitively in Excel. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** What the first round trip of an inventory loads. */
export interface ListedSheets {
  worksheets: Excel.Worksheet[];
}

/**
 * Queues the load of the sheet list; call the returned function after the next `sync`.
 *
 * @example
 * const listed = queueSheetList(context); await trips.sync(); const { worksheets } = listed();
 */
export function queueSheetList(context: Excel.RequestContext): () => ListedSheets {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/position");
  return () => ({ worksheets: worksheets.items });
}

/**
 * Queues the tag loads (when custom properties are supported). After the next `sync` (needed
 * only when `needsSync`), `collect()` returns every sheet with its owner, if any.
 *
 * @example
 * const tags = queueTags(listed()); if (tags.needsSync) await trips.sync(); const sheets = tags.collect();
 */
export function queueTags(listed: ListedSheets): { needsSync: boolean; collect: () => SheetEntry[] } {
  const where = tagPlace();
  const tags = listed.worksheets.map((ws) => {
    if (where === "property") {
      const p = ws.customProperties.getItemOrNullObject(TAG_KEY);
      p.load("value");
      return () => (p.isNullObject ? null : p.value);
    }
    if (where === "name") {
      const n = ws.names.getItemOrNullObject(TAG_NAME);
      n.load("comment");
      return () => (n.isNullObject ? null : n.comment);
    }
    return () => null;
  });
  return {
    needsSync: where !== "none" && tags.length > 0,
    collect: () =>
      listed.worksheets.map((ws, i) => {
        const tag = parseTag(tags[i]?.() ?? null);
        // Ours only under the name we gave it: a renamed or copied sheet is the user's.
        const owner: SheetTag | null = tag && sameSheetName(tag.sheet, ws.name) ? tag : null;
        return { worksheet: ws, name: ws.name, id: ws.id, position: ws.position, owner };
      }),
  };
}

/**
 * Where this client keeps tags: a worksheet custom property (ExcelApi 1.12), a sheet-scoped
 * name (1.4), or nowhere (then no sheet is ever taken for AR Desk's, and writes go to free names).
 */
export function tagPlace(): "property" | "name" | "none" {
  return isExcelApiSupported("1.12") ? "property" : isExcelApiSupported("1.4") ? "name" : "none";
}

/**
 * Tags a sheet in the sheet itself (see the module comment). `created` says whether the sheet
 * was added in this batch (its tag name is then added, else updated).
 *
 * @example
 * tagSheet(ws, { kind: "credit", period: "2026-10", version: 1, sheet: "AR Credit", state: "final" }, false);
 */
export function tagSheet(worksheet: Excel.Worksheet, tag: SheetTag, created: boolean): void {
  const json = JSON.stringify(tag);
  const where = tagPlace();
  if (where === "property") worksheet.customProperties.add(TAG_KEY, json);
  else if (where === "name") {
    if (created) worksheet.names.add(TAG_NAME, TAG_NAME_FORMULA, json);
    else worksheet.names.getItem(TAG_NAME).comment = json;
  }
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
