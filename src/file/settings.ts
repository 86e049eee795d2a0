/**
 * The add-in's settings saved in an .xlsx file, for the command line: what the task pane saved
 * with `workbook.settings` (the ladder, warning rules, letter templates, late-fee terms, the
 * company block …) travels in the file as the add-in's web extension part,
 * `xl/webextensions/webextensionN.xml`, one `<we:property name="KEY" value="JSON"/>` per setting.
 *
 * Office keeps each value as JSON; AR Desk stores its values as JSON text, so a value is JSON of
 * a JSON string and is decoded twice (a value that is plain JSON is taken as it is). A workbook
 * may host several add-ins, each with its own part: only parts holding one of AR Desk's keys
 * are read.
 */
import { readFile } from "node:fs/promises";
import { unescapeXml } from "./xlsx";
import { inflateBudget, zipData, zipEntries } from "./zip";

/** Keys AR Desk saves (a part holding none of them belongs to another add-in). */
const OWN_KEY = /^(ARDesk\.|collections\.(ladder|warnings|templates|lateFee|remitTo)$)/;

/** Most bytes of one web extension part read (settings are small; a larger part is not ours). */
const MAX_PART_BYTES = 16 * 1024 * 1024;

/**
 * The settings saved in `xml` (one web extension part), decoded; an unreadable value is left out.
 *
 * @example
 * webExtensionSettings('<we:property name="collections.lateFee" value="&quot;{\\&quot;annualRate\\&quot;:0.12}&quot;"/>')
 * // Map { "collections.lateFee" => { annualRate: 0.12 } }
 */
export function webExtensionSettings(xml: string): Map<string, unknown> {
  const settings = new Map<string, unknown>();
  // Attribute values may hold ">" (XML allows it unescaped there), so a tag ends only outside quotes.
  for (const match of xml.matchAll(/<(?:\w+:)?property\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const attributes = match[1] ?? "";
    const name = attribute(attributes, "name");
    const value = attribute(attributes, "value");
    if (name === undefined || value === undefined) continue;
    const decoded = decode(unescapeXml(value));
    if (decoded !== undefined) settings.set(unescapeXml(name), decoded);
  }
  return settings;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** JSON, then the JSON text it may hold; undefined when the value is not JSON at all. */
function decode(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * The AR Desk settings saved in an .xlsx workbook; empty for a file without them, for CSV input
 * and for anything that is not a readable package (the tables' reader reports those).
 *
 * @example
 * (await readSavedSettings("book.xlsx")).get("collections.ladder") // the ladder the pane saved, or undefined
 */
export async function readSavedSettings(file: string): Promise<Map<string, unknown>> {
  const settings = new Map<string, unknown>();
  if (!/\.xlsx$|\.xlsm$/i.test(file)) return settings;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return settings;
  }
  try {
    const entries = zipEntries(bytes, file);
    if (!entries) return settings;
    const budget = inflateBudget(file, { AR_DESK_MAX_PART_MB: String(MAX_PART_BYTES / (1024 * 1024)) });
    const parts = [...entries.keys()].filter((name) => /^xl\/webextensions\/webextension\d*\.xml$/i.test(name)).sort();
    for (const name of parts) {
      const part = webExtensionSettings(zipData(bytes, entries.get(name)!, budget).toString("utf8"));
      if (![...part.keys()].some((key) => OWN_KEY.test(key))) continue;
      for (const [key, value] of part) if (!settings.has(key)) settings.set(key, value);
    }
  } catch {
    // A damaged package: the tables' reader names the problem; settings are then simply absent.
    return new Map();
  }
  return settings;
}
