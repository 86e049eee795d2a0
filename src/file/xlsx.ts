/**
 * .xlsx input: every Excel table (ListObject) as one TableData, and for sheets without tables
 * the block under the first header-like row.
 *
 * The package is read directly (ZIP central directory, one inflate and one scan per sheet)
 * rather than through ExcelJS: both of its readers build an object per cell (slower, and the
 * workbook reader holds them all in memory; `npm run bench` prints this reader's figures), and
 * neither reports a formula's cached error (#N/A) nor, in the streaming case, the tables.
 *
 * Dates: cells hold serial numbers in the workbook's own date system and are returned unchanged
 * (a date-formatted cell is just a number in the file). `dateSystem` says which system that is;
 * the engine's reader (ReadOptions.dateSystem) is the one place that converts 1904 serials, as
 * it does for values from Office.js.
 */
import { readFile } from "node:fs/promises";
import type { CellValue, TableData, TableNote } from "../engine/types";
import { findHeaderIndex, HEADER_SEARCH_ROWS, tableExtent } from "../engine/read/shape";
import { cellKey } from "../engine/read/cells";
import { serialFromIso } from "../engine/dates";
import { FileError, asFileError } from "./errors";
import { inflateBudget, packageKind, zipData, zipEntries, type ZipEntry } from "./zip";

/** What an .xlsx file holds for the engine. */
export interface WorkbookTables {
  tables: TableData[];
  dateSystem: 1900 | 1904;
  /** Sheets searched for a header row in vain, with the rows searched, for "no table" messages. */
  examined?: { sheet: string; rows: number }[];
}

/** One worksheet as sparse rows: rows.get(1-based row)[0-based column]. */
export interface SheetGrid {
  name: string;
  rows: Map<number, CellValue[]>;
  /** Largest 1-based row and 0-based column holding a value (0 and -1 when none). */
  maxRow?: number;
  maxCol?: number;
  /** Cells beyond Excel's grid (past XFD or row 1,048,576), skipped. */
  outside?: number;
  /** Sheet rows of cells holding a formula without a saved value, with their addresses. */
  unsaved?: Map<number, string[]>;
  /** Sheet rows of cells holding an error value (type "e": #N/A …), with their 0-based columns. */
  errors?: Map<number, number[]>;
}

/** Excel's grid: columns A..XFD, rows 1..1,048,576. Nothing beyond is read or allocated. */
export const MAX_COLUMNS = 16384;
export const MAX_ROWS = 1048576;

/** An Excel table's definition (xl/tables/tableN.xml). */
export interface TableDefinition {
  name: string;
  /** 1-based first/last row, 0-based first/last column of the whole table. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  headerRowCount: number;
  totalsRowCount: number;
  columnNames: string[];
}

/** Inflated sheet XML is scanned in slices of this many bytes, cut at row ends. */
const SLICE_BYTES = 16 * 1024 * 1024;

/**
 * Reads the tables of an .xlsx workbook. The file is only read.
 *
 * @example
 * const { tables, dateSystem } = await readWorkbookTables("ledger.xlsx");
 * // tables[0] → { sheet: "Invoices", name: "tblInvoices", header: [...], rows: [...], firstRow: 2, firstColumn: 0 }
 */
export async function readWorkbookTables(file: string): Promise<WorkbookTables> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw asFileError(error, file);
  }
  try {
    return readPackage(bytes, file);
  } catch (error) {
    // Whatever a damaged or hostile package makes the parser trip over, the user learns which
    // file and what, never a stack trace.
    if (error instanceof FileError) throw error;
    throw new FileError("cli.file.damaged", file, error instanceof Error ? error.message : String(error));
  }
}

const KIND_CODES = {
  encrypted: "cli.file.encrypted",
  xls: "cli.file.xls",
  xlsb: "cli.file.xlsb",
  ods: "cli.file.ods",
  truncated: "cli.file.truncated",
} as const;

/** Most shared strings a package may hold: a million-row book has a few million. */
const MAX_SHARED_STRINGS = 20_000_000;

function readPackage(bytes: Buffer, file: string): WorkbookTables {
  const entries = zipEntries(bytes, file);
  if (!entries || !entries.has("xl/workbook.xml")) {
    const kind = packageKind(bytes, entries);
    throw new FileError(kind ? KIND_CODES[kind] : "cli.file.notXlsx", file, kind === "truncated" ? "ZIP" : "");
  }
  const budget = inflateBudget(file, process.env);
  const part = (name: string): string | null => {
    const entry: ZipEntry | undefined = entries.get(name);
    return entry ? zipData(bytes, entry, budget).toString("utf8") : null;
  };
  const part$ = (name: string): Buffer | null => {
    const entry = entries.get(name);
    return entry ? zipData(bytes, entry, budget) : null;
  };

  const workbookXml = part("xl/workbook.xml") ?? "";
  const dateSystem = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml) ? 1904 : 1900;
  const workbookRels = parseRelationships(part("xl/_rels/workbook.xml.rels") ?? "", "xl/workbook.xml");
  const sharedStringsPath = [...workbookRels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const sharedStrings = parseSharedStrings(part(sharedStringsPath) ?? "");
  if (sharedStrings.length > MAX_SHARED_STRINGS) throw new FileError("cli.file.tooLarge", file, `${sharedStrings.length} shared strings`);

  const tables: TableData[] = [];
  const examined: { sheet: string; rows: number }[] = [];
  const tagged = taggedSheetNames(workbookXml);
  for (const sheet of parseSheets(workbookXml)) {
    // AR Desk's own sheets are output, never input: only those carrying its tag. A user's
    // sheet named like a report ("AR Aging 2026-10" typed by hand) is read like any other.
    if (tagged.has(sheet.name)) continue;
    const sheetPath = workbookRels.get(sheet.rid)?.target;
    const xml = sheetPath ? part$(sheetPath) : null;
    if (!sheetPath || !xml) continue;
    if (hasAddinTag(xml)) continue;
    const grid = parseSheetData(sheet.name, xml, sharedStrings, dateSystem);
    const sheetRels = parseRelationships(part(relsPathOf(sheetPath)) ?? "", sheetPath);
    const definitions: TableDefinition[] = [];
    for (const rel of sheetRels.values()) {
      if (!rel.type.endsWith("/table")) continue;
      const definition = parseTableDefinition(part(rel.target) ?? "");
      if (definition) definitions.push(definition);
    }
    if (definitions.length > 0) {
      definitions.sort((a, b) => a.top - b.top || a.left - b.left);
      for (const definition of definitions) tables.push(tableFromDefinition(grid, definition));
    } else {
      const table = tableFromHeaderRow(grid);
      if (table) tables.push(table);
      else examined.push({ sheet: sheet.name, rows: Math.min(lastRowOf(grid), HEADER_SEARCH_ROWS) });
    }
  }
  return { tables, dateSystem, examined };
}

// ---------------------------------------------------------------------------------------------
// Package parts
// ---------------------------------------------------------------------------------------------

interface Relationship {
  type: string;
  /** Resolved part name inside the package, e.g. "xl/worksheets/sheet1.xml". */
  target: string;
}

/**
 * Relationships of a part by id, targets resolved against the part's folder.
 *
 * @example
 * parseRelationships('<Relationship Id="rId1" Type=".../worksheet" Target="worksheets/sheet1.xml"/>', "xl/workbook.xml")
 * // Map { "rId1" => { type: ".../worksheet", target: "xl/worksheets/sheet1.xml" } }
 */
export function parseRelationships(xml: string, sourcePart: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = attributes(match[1] ?? "");
    const id = attrs.get("Id");
    const target = attrs.get("Target");
    if (!id || !target || attrs.get("TargetMode") === "External") continue;
    rels.set(id, { type: attrs.get("Type") ?? "", target: resolvePart(sourcePart, target) });
  }
  return rels;
}

/**
 * Resolves a relationship target against the folder of the part that names it.
 *
 * @example
 * resolvePart("xl/worksheets/sheet1.xml", "../tables/table1.xml") // "xl/tables/table1.xml"
 */
export function resolvePart(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = sourcePart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

const relsPathOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
};

/**
 * Names of the sheets the CLI's writer tagged: the targets of the defined names
 * `ARDesk.Report.<n>` (see file/write.ts).
 *
 * @example
 * taggedSheetNames(`<definedName name="ARDesk.Report.1">'AR Aging 2026-10'!$A$1</definedName>`) // Set { "AR Aging 2026-10" }
 */
export function taggedSheetNames(workbookXml: string): Set<string> {
  const names = new Set<string>();
  for (const match of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)</g)) {
    if (!(attributes(match[1] ?? "").get("name") ?? "").startsWith("ARDesk.Report.")) continue;
    const ref = unescapeXml(match[2] ?? "").trim();
    const bang = ref.lastIndexOf("!");
    if (bang <= 0) continue;
    const sheet = ref.slice(0, bang);
    names.add(sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet);
  }
  return names;
}

/**
 * True when a worksheet part carries the add-in's tag: the worksheet custom property "ARDesk"
 * (ExcelApi 1.12), which a saved file keeps as `<customPr name="ARDesk" r:id="…"/>`.
 */
function hasAddinTag(sheetXml: Buffer): boolean {
  // The custom properties follow the sheet data: look only at the part's tail.
  const tail = sheetXml.toString("utf8", Math.max(0, sheetXml.length - 4096));
  return /<(?:\w+:)?customPr\b[^>]*\bname="ARDesk"/.test(tail);
}

function parseSheets(workbookXml: string): { name: string; rid: string }[] {
  const sheets: { name: string; rid: string }[] = [];
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const attrs = attributes(match[1] ?? "");
    const rid = [...attrs.entries()].find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const name = attrs.get("name");
    if (rid && name !== undefined) sheets.push({ name, rid });
  }
  return sheets;
}

/** XML attributes of a start tag's attribute text, values unescaped. */
function attributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(match[1] as string, unescapeXml(match[2] ?? match[3] ?? ""));
  }
  return attrs;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Replaces XML character and entity references.
 *
 * @example
 * unescapeXml("R&amp;D &#x4E0A;") // "R&D 上"
 */
export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // A reference beyond Unicode (a damaged file) stays as written rather than throwing.
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * Text of a string item: XML-unescaped, with OOXML's _xHHHH_ escapes (used for control
 * characters such as _x000D_) decoded.
 *
 * @example
 * ooxmlText("Line_x000D_two") // "Line\rtwo"
 */
export function ooxmlText(raw: string): string {
  const text = unescapeXml(raw);
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Concatenated <t> runs of a string item (<si> or <is>), phonetic runs (<rPh>) left out. */
function stringItemText(inner: string): string {
  // The usual item is one plain run, <t>text</t> or <t xml:space="preserve">text</t>: its text
  // is cut out directly rather than by the patterns below (a large book has hundreds of
  // thousands of items). Anything else (rich runs, phonetic runs, prefixes) takes the patterns.
  if (inner.startsWith("<t") && inner.endsWith("</t>")) {
    const textStart = inner.indexOf(">") + 1;
    const textEnd = inner.length - 4;
    if ((textStart === 3 || inner.charCodeAt(2) === 0x20) && textStart <= textEnd && inner.indexOf("<", textStart) === textEnd) {
      return ooxmlText(inner.slice(textStart, textEnd));
    }
  }
  const body = inner.includes("rPh") ? inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : inner;
  let text = "";
  for (const match of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)) text += match[1] ?? "";
  return ooxmlText(text);
}

/**
 * The shared string table (rich text runs joined).
 *
 * @example
 * parseSharedStrings('<sst><si><t>Acme</t></si><si><r><t>A</t></r><r><t>B</t></r></si></sst>') // ["Acme", "AB"]
 */
export function parseSharedStrings(xml: string): string[] {
  return unprefixedSharedStrings(xml) ?? sharedStringsByPattern(xml);
}

/**
 * parseSharedStrings for the table as Excel writes it, items `<si>…</si>` or `<si/>` without a
 * namespace prefix, found with indexOf rather than a pattern; null for anything else (a prefix,
 * an item that does not close), which sharedStringsByPattern then reads.
 */
function unprefixedSharedStrings(xml: string): string[] | null {
  if (xml.includes(":si>") || xml.includes(":si/>")) return null;
  const strings: string[] = [];
  for (let at = xml.indexOf("<si"); at >= 0; at = xml.indexOf("<si", at)) {
    if (xml.startsWith("<si>", at)) {
      const close = xml.indexOf("</si>", at + 4);
      if (close < 0) return null;
      strings.push(stringItemText(xml.slice(at + 4, close)));
      at = close + 5;
    } else if (xml.startsWith("<si/>", at)) {
      strings.push("");
      at += 5;
    } else return null;
  }
  return strings;
}

/** parseSharedStrings by pattern: items with or without a namespace prefix. */
function sharedStringsByPattern(xml: string): string[] {
  const strings: string[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)) {
    strings.push(match[1] === undefined ? "" : stringItemText(match[1]));
  }
  return strings;
}

/**
 * An Excel table's definition; null when the part has no usable ref.
 *
 * @example
 * parseTableDefinition('<table name="T" displayName="tblInvoices" ref="A1:C10" totalsRowCount="1">…')
 * // { name: "tblInvoices", top: 1, bottom: 10, left: 0, right: 2, headerRowCount: 1, totalsRowCount: 1, columnNames: [...] }
 */
export function parseTableDefinition(xml: string): TableDefinition | null {
  const tag = /<(?:\w+:)?table\b([^>]*)>/.exec(xml);
  if (!tag) return null;
  const attrs = attributes(tag[1] ?? "");
  const ref = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(attrs.get("ref") ?? "");
  if (!ref) return null;
  const columnNames = [...xml.matchAll(/<(?:\w+:)?tableColumn\b([^>]*)>/g)].map((m) => attributes(m[1] ?? "").get("name") ?? "");
  return {
    name: attrs.get("displayName") ?? attrs.get("name") ?? "",
    top: Number(ref[2]),
    bottom: Number(ref[4]),
    left: columnIndex(ref[1] as string),
    right: columnIndex(ref[3] as string),
    headerRowCount: Number(attrs.get("headerRowCount") ?? "1"),
    totalsRowCount: Number(attrs.get("totalsRowCount") ?? "0"),
    columnNames,
  };
}

/**
 * 0-based column index of column letters.
 *
 * @example
 * columnIndex("AA") // 26
 */
export function columnIndex(letters: string): number {
  let index = 0;
  for (let i = 0; i < letters.length; i++) index = index * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return index - 1;
}

// ---------------------------------------------------------------------------------------------
// Sheet data
// ---------------------------------------------------------------------------------------------

/**
 * Scans a worksheet part into sparse rows of CellValues: numbers (dates as serials of the
 * book's system), shared / inline / formula strings, booleans, error texts ("#N/A"); a formula
 * cell gives its cached result. Hyperlinks live elsewhere in the part, so linked cells give
 * their text.
 *
 * @example
 * parseSheetData("S", Buffer.from('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>'), ["Acme"], 1900)
 * // { name: "S", rows: Map { 1 => ["Acme"] } }
 */
export function parseSheetData(name: string, xml: Buffer, sharedStrings: readonly string[], dateSystem: 1900 | 1904): SheetGrid {
  const rows = new Map<number, CellValue[]>();
  const state: ScanState = { row: 0, col: -1, cells: [], maxRow: 0, maxCol: -1, outside: 0, unsaved: new Map(), errors: new Map() };
  let start = xml.indexOf("<sheetData");
  if (start < 0) start = xml.indexOf(":sheetData");
  if (start < 0) return { name, rows, maxRow: 0, maxCol: -1, outside: 0, unsaved: state.unsaved, errors: state.errors };
  while (start < xml.length) {
    // Cut slices at a row end so no element spans two slices.
    let end = Math.min(xml.length, start + SLICE_BYTES);
    if (end < xml.length) end = rowEndAfter(xml, end);
    scanCells(xml.toString("utf8", start, end), state, rows, sharedStrings, dateSystem);
    start = end;
  }
  return { name, rows, maxRow: state.maxRow, maxCol: state.maxCol, outside: state.outside, unsaved: state.unsaved, errors: state.errors };
}

interface ScanState {
  row: number;
  col: number;
  cells: CellValue[];
  maxRow: number;
  maxCol: number;
  outside: number;
  unsaved: Map<number, string[]>;
  errors: Map<number, number[]>;
}

/** Offset just after the first row end tag ("</row>" or "</x:row>") at or after `from`. */
function rowEndAfter(xml: Buffer, from: number): number {
  for (let p = xml.indexOf("row>", from); p >= 0; p = xml.indexOf("row>", p + 4)) {
    const before = xml[p - 1];
    if (before === 0x2f /* / */ || before === 0x3a /* : */) return p + 4;
  }
  return xml.length;
}

const CELL_OR_ROW = /<(?:\w+:)?(row|c)\b([^>]*?)(\/?)>/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\//;

/**
 * Value of attribute `name` in a start tag's attribute text, raw; undefined when absent.
 * indexOf instead of a regex per attribute: this runs for every cell of the book.
 */
function rawAttribute(attrText: string, name: string): string | undefined {
  const key = `${name}="`;
  let at = attrText.indexOf(key);
  // The name must start the attribute ("r=" must not match inside "attr=").
  while (at > 0 && attrText.charCodeAt(at - 1) > 32) at = attrText.indexOf(key, at + 1);
  if (at < 0) return undefined;
  const from = at + key.length;
  const to = attrText.indexOf('"', from);
  return to < 0 ? undefined : attrText.slice(from, to);
}

/** Splits a cell reference "AB12" into 0-based column and 1-based row; null when malformed. */
function splitReference(ref: string): { col: number; row: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  const row = Number(ref.slice(i));
  return i === 0 || !Number.isInteger(row) || row < 1 ? null : { col: col - 1, row };
}

function scanCells(
  text: string,
  state: ScanState,
  rows: Map<number, CellValue[]>,
  sharedStrings: readonly string[],
  dateSystem: 1900 | 1904,
): void {
  CELL_OR_ROW.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CELL_OR_ROW.exec(text)) !== null) {
    const attrText = match[2] ?? "";
    if (match[1] === "row") {
      const r = Number(rawAttribute(attrText, "r"));
      state.row = Number.isInteger(r) && r > 0 ? r : state.row + 1;
      state.col = -1;
      state.cells = state.row <= MAX_ROWS ? (rows.get(state.row) ?? []) : [];
      if (state.row <= MAX_ROWS) rows.set(state.row, state.cells);
      continue;
    }
    const refText = rawAttribute(attrText, "r");
    const ref = refText === undefined ? null : splitReference(refText);
    state.col = ref ? ref.col : state.col + 1;
    if (ref && ref.row !== state.row) {
      // A cell outside its <row> element (not written by Excel, but legal enough to honour).
      state.row = ref.row;
      state.cells = state.row <= MAX_ROWS ? (rows.get(state.row) ?? []) : [];
      if (state.row <= MAX_ROWS) rows.set(state.row, state.cells);
    }
    if (match[3] === "/") continue;
    // Beyond XFD or row 1,048,576 (a hostile file): skipped and counted, never allocated.
    const outside = state.col >= MAX_COLUMNS || state.row > MAX_ROWS;
    // The end tag carries the same namespace prefix as the start tag ("<c" or "<x:c").
    const endTag = match[0].charCodeAt(1) === 99 /* c */ ? "</c>" : `</${match[0].slice(1).split(/[\s/>]/, 1)[0] ?? "c"}>`;
    const close = text.indexOf(endTag, CELL_OR_ROW.lastIndex);
    const innerEnd = close < 0 ? text.length : close;
    const type = rawAttribute(attrText, "t") ?? "n";
    let value: CellValue;
    if (text.startsWith("<v>", CELL_OR_ROW.lastIndex) && type !== "inlineStr") {
      // Fast path for the common <c ...><v>…</v></c>.
      const valueEnd = text.indexOf("<", CELL_OR_ROW.lastIndex + 3);
      value = typedValue(type, text.slice(CELL_OR_ROW.lastIndex + 3, valueEnd), sharedStrings, dateSystem);
    } else {
      value = cellValue(type, text.slice(CELL_OR_ROW.lastIndex, innerEnd), sharedStrings, dateSystem);
    }
    if (value === null && type !== "inlineStr" && text.startsWith("<f", CELL_OR_ROW.lastIndex) && !outside) {
      const list = state.unsaved.get(state.row) ?? [];
      list.push(refText ?? "");
      state.unsaved.set(state.row, list);
    }
    CELL_OR_ROW.lastIndex = close < 0 ? text.length : close + endTag.length;
    if (value !== null) {
      if (outside) {
        state.outside++;
        continue;
      }
      while (state.cells.length < state.col) state.cells.push(null);
      state.cells[state.col] = value;
      if (type === "e") {
        // Only the type tells an error (#N/A) from the text "#N/A" a user typed.
        const list = state.errors.get(state.row) ?? [];
        list.push(state.col);
        state.errors.set(state.row, list);
      }
      if (state.row > state.maxRow) state.maxRow = state.row;
      if (state.col > state.maxCol) state.maxCol = state.col;
    }
  }
}

/** One cell's value from its type attribute and inner XML. */
function cellValue(type: string, inner: string, sharedStrings: readonly string[], dateSystem: 1900 | 1904): CellValue {
  if (type === "inlineStr") return stringItemText(inner);
  const raw = VALUE.exec(inner)?.[1];
  return raw === undefined ? null : typedValue(type, raw, sharedStrings, dateSystem);
}

/** A cell's value from its type attribute and the raw text of its <v> element. */
function typedValue(type: string, raw: string, sharedStrings: readonly string[], dateSystem: 1900 | 1904): CellValue {
  switch (type) {
    case "s":
      return sharedStrings[Number(raw)] ?? null;
    case "str":
      return ooxmlText(raw);
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "e":
      return unescapeXml(raw);
    case "d": {
      // ISO 8601 date cell (rare, strict OOXML writers): the serial in the book's own system.
      const text = unescapeXml(raw);
      const serial = serialFromIso(text.slice(0, 10));
      return serial === null ? text : dateSystem === 1904 ? serial - 1462 : serial;
    }
    default: {
      const number = Number(raw);
      return raw.trim() === "" || !Number.isFinite(number) ? null : number;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tables from grids
// ---------------------------------------------------------------------------------------------

const isFilled = (value: CellValue | undefined): boolean => value !== null && value !== undefined && value !== "";

/** Largest row number of a grid holding a value (grids parsed elsewhere may lack maxRow). */
function lastRowOf(grid: SheetGrid): number {
  if (grid.maxRow !== undefined) return grid.maxRow;
  let last = 0;
  for (const [r, cells] of grid.rows) if (r > last && cells.some(isFilled)) last = r;
  return last;
}

/** Largest column index of a grid holding a value. */
function lastColumnOf(grid: SheetGrid): number {
  if (grid.maxCol !== undefined) return grid.maxCol;
  let last = -1;
  for (const cells of grid.rows.values()) for (let c = cells.length - 1; c > last; c--) if (isFilled(cells[c])) last = c;
  return last;
}

/**
 * What the engine must know of a table's cells beyond their values: which hold an error value
 * (set for every parsed sheet, so the text "#N/A" a user typed stays text) and which a formula without a saved
 * value, as cell keys of the table's rows (sheet rows `firstRow`.., columns `left`..`right`).
 */
function cellKinds(grid: SheetGrid, table: TableData, left: number, right: number): void {
  const last = table.firstRow + table.rows.length - 1;
  // A grid made without types (by hand) cannot tell: the engine then goes by the text.
  if (grid.errors) {
    const errorCells = new Set<number>();
    for (const [row, cols] of grid.errors) {
      if (row < table.firstRow || row > last) continue;
      for (const col of cols) if (col >= left && col <= right) errorCells.add(cellKey(row - table.firstRow, col - left));
    }
    table.errorCells = errorCells;
  }
  const unsaved = new Set<number>();
  for (const [row, refs] of grid.unsaved ?? []) {
    if (row < table.firstRow || row > last) continue;
    for (const ref of refs) {
      const col = /^[A-Z]+/i.exec(ref);
      const index = col ? columnIndex(col[0]) : -1;
      if (index >= left && index <= right) unsaved.add(cellKey(row - table.firstRow, index - left));
    }
  }
  if (unsaved.size > 0) table.unsavedFormulas = unsaved;
}

/** A note for cells skipped beyond Excel's grid. */
function outsideNotes(grid: SheetGrid): TableNote[] {
  return grid.outside
    ? [{ severity: "warning", code: "sheet.cellsOutsideGrid", row: null, params: { count: grid.outside, sheet: grid.name } }]
    : [];
}

/**
 * The TableData of an Excel table on a sheet grid (totals row left out). The declared range is
 * cut to the cells that hold values, so a table declared over A1:XFD1048576 allocates only what
 * is there; rows typed just below the table (outside it) are named in a note.
 *
 * @example
 * tableFromDefinition(grid, parseTableDefinition(xml)!)
 */
export function tableFromDefinition(grid: SheetGrid, definition: TableDefinition): TableData {
  const { top, left, headerRowCount, totalsRowCount } = definition;
  const lastRow = lastRowOf(grid);
  const bottom = Math.min(definition.bottom, MAX_ROWS);
  const right = Math.min(
    definition.right,
    MAX_COLUMNS - 1,
    Math.max(lastColumnOf(grid), left + definition.columnNames.filter((n) => n !== "").length - 1),
  );
  const width = Math.max(0, right - left + 1);
  const headerCells = headerRowCount > 0 ? (grid.rows.get(top) ?? []) : [];
  const header: CellValue[] = [];
  for (let c = 0; c < width; c++) {
    const cell = headerCells[left + c];
    header.push(isFilled(cell) ? (cell as CellValue) : (definition.columnNames[c] ?? null));
  }
  const firstRow = top + (headerRowCount > 0 ? 1 : 0);
  const rows: CellValue[][] = [];
  const lastData = Math.min(bottom - totalsRowCount, lastRow);
  const blank = sliceRow(undefined, left, width);
  for (let r = firstRow; r <= lastData; r++) {
    const source = grid.rows.get(r);
    rows.push(source ? sliceRow(source, left, width) : blank);
  }
  // Bottom rows of the table with nothing in them are not data.
  while (rows.length > 0 && !(rows[rows.length - 1] as CellValue[]).some(isFilled)) rows.pop();
  const notes = outsideNotes(grid);
  // Rows typed right under the table, in its columns: contiguous non-blank rows.
  let below = bottom + 1;
  while (below <= lastRow && sliceRow(grid.rows.get(below), left, width).some(isFilled)) below++;
  if (below > bottom + 1)
    notes.push({ severity: "warning", code: "table.rowsBelowTable", row: bottom + 1, params: { row: bottom + 1, endRow: below - 1 } });
  const table: TableData = { sheet: grid.name, name: definition.name || grid.name, header, rows, firstRow, firstColumn: left };
  if (notes.length > 0) table.notes = notes;
  cellKinds(grid, table, left, right);
  return table;
}

function sliceRow(cells: CellValue[] | undefined, left: number, width: number): CellValue[] {
  const row: CellValue[] = new Array<CellValue>(width);
  for (let c = 0; c < width; c++) row[c] = cells?.[left + c] ?? null;
  return row;
}

/**
 * For a sheet without Excel tables: the header is the top row that maps best to known headings
 * (see engine/read/shape.ts), spanning its first to last non-empty cell; the data are the rows
 * below it to the end of the used range, blank rows skipped, stopping only where another
 * header row starts (a note names the rows not read). Null when no row has two text cells (a
 * notes or chart sheet).
 *
 * @example
 * tableFromHeaderRow({ name: "Sheet1", rows: new Map([[3, ["Invoice", "Amount"]], [4, ["A-1", 5]]]) })
 * // { sheet: "Sheet1", name: "Sheet1", header: ["Invoice", "Amount"], rows: [["A-1", 5]], firstRow: 4, firstColumn: 0 }
 */
export function tableFromHeaderRow(grid: SheetGrid): TableData | null {
  const lastRow = lastRowOf(grid);
  const top: (CellValue[] | undefined)[] = [];
  for (let r = 1; r <= Math.min(lastRow, HEADER_SEARCH_ROWS); r++) top.push(grid.rows.get(r));
  const index = findHeaderIndex(top);
  if (index < 0) return null;
  const r = index + 1;
  const cells = grid.rows.get(r) ?? [];
  let left = cells.findIndex(isFilled);
  let right = cells.length - 1;
  while (right > left && !isFilled(cells[right])) right--;
  if (left < 0) left = 0;
  // A heading merged over two columns ("Amount" over amount and currency code) leaves the
  // second one unheaded: take in adjacent columns that hold data in the rows just below.
  for (let more = true; more && right + 1 < MAX_COLUMNS;) {
    more = false;
    for (let d = r + 1; d <= Math.min(lastRow, r + 20); d++) {
      if (isFilled(grid.rows.get(d)?.[right + 1])) {
        right++;
        more = true;
        break;
      }
    }
  }
  const width = right - left + 1;
  const header = sliceRow(cells, left, width);
  const below: CellValue[][] = [];
  // Missing rows share one blank row: a sparse sheet allocates for the rows it has.
  const blank = sliceRow(undefined, left, width);
  for (let d = r + 1; d <= lastRow; d++) {
    const source = grid.rows.get(d);
    below.push(source ? sliceRow(source, left, width) : blank);
  }
  const extent = tableExtent(header, below, r + 1);
  below.length = extent.rowCount;
  const notes = [...extent.notes, ...outsideNotes(grid)];
  const table: TableData = { sheet: grid.name, name: grid.name, header, rows: below, firstRow: r + 1, firstColumn: left };
  if (notes.length > 0) table.notes = notes;
  cellKinds(grid, table, left, right);
  return table;
}
