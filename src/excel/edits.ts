/**
 * Has the user edited one of AR Desk's report sheets since it was written? A re-run must not
 * destroy notes typed on "AR Aging 2026-10": each sheet's tag records a hash of the values AR
 * Desk wrote and the extent they cover, and before a sheet is replaced its values are read back
 * and hashed again. Any difference (a changed cell, a note typed beside the report, a deleted
 * row) means the sheet is the user's work now.
 *
 * The hash is FNV-1a (32 bits) over each row's JSON, as the values read back from Excel
 * (`Range.values`: "" for an empty cell, the text without its quote prefix, numbers and
 * booleans as they are). It detects edits; it is not a security measure.
 */
import type { SheetModel } from "../engine/types";
import { t } from "../i18n";
import type { RoundTrips } from "./roundTrips";

/** A hash of a grid of values, fed row by row. */
export class ContentHash {
  private h = 0x811c9dc5;
  private rows = 0;

  /** Adds one row of values as Excel reads them back. */
  update(row: readonly unknown[]): void {
    const text = JSON.stringify(row);
    let h = this.h;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    // Row separator, so [["a"],["b"]] and [["a","b"]] differ.
    h ^= 0x0a;
    this.h = Math.imul(h, 0x01000193) >>> 0;
    this.rows++;
  }

  /** The hash as 8 hex digits and the number of rows fed. */
  digest(): string {
    return `${this.h.toString(16).padStart(8, "0")}:${this.rows}`;
  }
}

/**
 * The hash of what a model's values look like in Excel once written: empty cells read back as
 * "", quote-prefixed text as the text itself.
 *
 * @example
 * writtenHash(model); // "1f3a5c7e:1204"
 */
export function writtenHash(model: SheetModel): string {
  const hash = new ContentHash();
  for (const row of model.cells) hash.update(row.map((v) => (v === null ? "" : v)));
  return hash.digest();
}

/** Cells read back per round trip (a report's cells are short; a refused block is halved). */
const READ_BACK_CELLS = 20_000;

function isPayloadLimit(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Whether a sheet still holds exactly what AR Desk wrote: the values of its `rows` × `cols`
 * region hash to `hash`, and nothing lies outside that region. Reads the region in blocks (one
 * round trip each, the first also loads the used range).
 *
 * @example
 * const unchanged = await isUnchanged(trips, sheet, { hash, rows: 1204, cols: 11 });
 */
export async function isUnchanged(
  trips: RoundTrips,
  worksheet: Excel.Worksheet,
  written: { hash: string; rows: number; cols: number },
): Promise<boolean> {
  const hash = new ContentHash();
  let cells = READ_BACK_CELLS;
  let first = true;
  for (let row = 0; row < written.rows || first;) {
    const count = Math.max(1, Math.min(written.rows - row, Math.floor(cells / Math.max(1, written.cols))));
    const block = written.rows > 0 && written.cols > 0 ? worksheet.getRangeByIndexes(row, 0, count, written.cols) : null;
    block?.load("values");
    // The used range travels with the first block (again, if that request was refused).
    const used = first ? worksheet.getUsedRangeOrNullObject(true) : null;
    used?.load("rowIndex,columnIndex,rowCount,columnCount");
    try {
      await trips.sync();
    } catch (error) {
      if (!isPayloadLimit(error) || count <= 1) throw error;
      cells = Math.floor((count * written.cols) / 2);
      continue;
    }
    if (used) {
      first = false;
      const outside =
        !used.isNullObject && (used.rowIndex + used.rowCount > written.rows || used.columnIndex + used.columnCount > written.cols);
      if (outside) return false;
    }
    if (!block) break;
    for (const values of block.values) hash.update(values);
    row += count;
  }
  return hash.digest() === written.hash;
}

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;
/** The English suffix of a kept sheet; see {@link editedSuffixFor} for the one a sheet gets. */
export const EDITED_SUFFIX = " (edited)";

/** Han characters: a sheet named with them was written in Chinese. */
const HAN = /[\u3400-\u9fff]/;

/**
 * The suffix a kept sheet gets when the caller names none: in the language of the sheet's own
 * name, so "应收账龄 2026-10" becomes "应收账龄 2026-10（已编辑）" whichever front end (pane,
 * ribbon) re-ran it — both write sheet names in the workbook's language.
 *
 * @example
 * editedSuffixFor("AR Credit");  // " (edited)"
 * editedSuffixFor("应收信用");    // "（已编辑）"
 */
export function editedSuffixFor(name: string): string {
  return t(HAN.test(name) ? "zh-CN" : "en-US", "report.sheet.editedSuffix");
}

/**
 * The name an edited report sheet keeps: "<name> (edited)", shortened in the middle when too
 * long so the period at its end survives.
 *
 * @example
 * editedName("AR Credit");               // "AR Credit (edited)"
 * editedName("AR Aging Detail 2026-10"); // "AR Aging Deta… 2026-10 (edited)"
 * editedName("应收账款账龄 2026-10", "（已编辑）"); // "应收账款账龄 2026-10（已编辑）"
 */
export function editedName(name: string, suffix = editedSuffixFor(name)): string {
  const clean = suffix.replace(/[[\]:*?/\\]/g, "_").slice(0, 12);
  if (name.length + clean.length <= MAX_SHEET_NAME) return name + clean;
  const room = MAX_SHEET_NAME - clean.length;
  const space = name.lastIndexOf(" ");
  const tail = space > 0 && name.length - space <= 10 ? name.slice(space) : "";
  return `${name.slice(0, room - tail.length - 1).trimEnd()}…${tail}${clean}`;
}
