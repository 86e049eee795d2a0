/**
 * .xlsx input: every Excel table (ListObject) as one TableData, and for sheets without tables
 * the block under the first header-like row.
 *
 * The package is read directly (ZIP central directory, one inflate and one scan per sheet)
 * rather than through ExcelJS: on a 100k-invoice + 80k-payment book ExcelJS's streaming reader
 * took about 3.9 s and its workbook reader about 7 s and 850 MB, and neither reports a formula's
 * cached error (#N/A) nor, in the streaming case, the tables.
 *
 * Dates: cells hold serial numbers in the workbook's own date system and are returned unchanged
 * (a date-formatted cell is just a number in the file). `dateSystem` says which system that is;
 * the engine's reader (ReadOptions.dateSystem) is the one place that converts 1904 serials, as
 * it does for values from Office.js.
 */
import { readFile } from "node:fs/promises";
import type { CellValue, TableData } from "../engine/types";
import { serialFromIso } from "../engine/dates";
import { FileError, asFileError } from "./errors";
import { zipData, zipEntries, type ZipEntry } from "./zip";
import { isReportSheetName } from "../engine/report/names";

/** What an .xlsx file holds for the engine. */
export interface WorkbookTables {
  tables: TableData[];
  dateSystem: 1900 | 1904;
}

/** One worksheet as sparse rows: rows.get(1-based row)[0-based column]. */
export interface SheetGrid {
  name: string;
  rows: Map<number, CellValue[]>;
}

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

/** How many rows from the top of a sheet without tables are searched for a header row. */
const HEADER_SEARCH_ROWS = 30;
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
  const entries = zipEntries(bytes);
  if (!entries || !entries.has("xl/workbook.xml")) throw new FileError("cli.file.notXlsx", file);
  const part = (name: string): string | null => {
    const entry: ZipEntry | undefined = entries.get(name);
    return entry ? zipData(bytes, entry).toString("utf8") : null;
  };
  const part$ = (name: string): Buffer | null => {
    const entry = entries.get(name);
    return entry ? zipData(bytes, entry) : null;
  };

  const workbookXml = part("xl/workbook.xml") ?? "";
  const dateSystem = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml) ? 1904 : 1900;
  const workbookRels = parseRelationships(part("xl/_rels/workbook.xml.rels") ?? "", "xl/workbook.xml");
  const sharedStringsPath = [...workbookRels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const sharedStrings = parseSharedStrings(part(sharedStringsPath) ?? "");

  const tables: TableData[] = [];
  for (const sheet of parseSheets(workbookXml)) {
    // AR Desk's own report sheets are output, never input (the add-in skips them by their tags).
    if (isReportSheetName(sheet.name)) continue;
    const sheetPath = workbookRels.get(sheet.rid)?.target;
    const xml = sheetPath ? part$(sheetPath) : null;
    if (!sheetPath || !xml) continue;
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
    }
  }
  return { tables, dateSystem };
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
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
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
  const state = { row: 0, col: -1, cells: [] as CellValue[] };
  let start = xml.indexOf("<sheetData");
  if (start < 0) start = xml.indexOf(":sheetData");
  if (start < 0) return { name, rows };
  while (start < xml.length) {
    // Cut slices at a row end so no element spans two slices.
    let end = Math.min(xml.length, start + SLICE_BYTES);
    if (end < xml.length) end = rowEndAfter(xml, end);
    scanCells(xml.toString("utf8", start, end), state, rows, sharedStrings, dateSystem);
    start = end;
  }
  return { name, rows };
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
  state: { row: number; col: number; cells: CellValue[] },
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
      state.cells = [];
      rows.set(state.row, state.cells);
      continue;
    }
    const refText = rawAttribute(attrText, "r");
    const ref = refText === undefined ? null : splitReference(refText);
    state.col = ref ? ref.col : state.col + 1;
    if (ref && ref.row !== state.row) {
      // A cell outside its <row> element (not written by Excel, but legal enough to honour).
      state.row = ref.row;
      state.cells = rows.get(state.row) ?? [];
      rows.set(state.row, state.cells);
    }
    if (match[3] === "/") continue;
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
    CELL_OR_ROW.lastIndex = close < 0 ? text.length : close + endTag.length;
    if (value !== null) {
      while (state.cells.length < state.col) state.cells.push(null);
      state.cells[state.col] = value;
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

/**
 * The TableData of an Excel table on a sheet grid (totals row left out).
 *
 * @example
 * tableFromDefinition(grid, parseTableDefinition(xml)!)
 */
export function tableFromDefinition(grid: SheetGrid, definition: TableDefinition): TableData {
  const { top, bottom, left, right, headerRowCount, totalsRowCount } = definition;
  const width = right - left + 1;
  const headerCells = headerRowCount > 0 ? (grid.rows.get(top) ?? []) : [];
  const header: CellValue[] = [];
  for (let c = 0; c < width; c++) {
    const cell = headerCells[left + c];
    header.push(isFilled(cell) ? (cell as CellValue) : (definition.columnNames[c] ?? null));
  }
  const firstRow = top + (headerRowCount > 0 ? 1 : 0);
  const rows: CellValue[][] = [];
  for (let r = firstRow; r <= bottom - totalsRowCount; r++) rows.push(sliceRow(grid.rows.get(r), left, width));
  return { sheet: grid.name, name: definition.name || grid.name, header, rows, firstRow, firstColumn: left };
}

function sliceRow(cells: CellValue[] | undefined, left: number, width: number): CellValue[] {
  const row: CellValue[] = new Array<CellValue>(width);
  for (let c = 0; c < width; c++) row[c] = cells?.[left + c] ?? null;
  return row;
}

/**
 * For a sheet without Excel tables: the first of its top rows with at least two non-empty text
 * cells is the header (spanning its first to last non-empty cell), and the rows below it up to
 * the first blank one are the data. Null when no such row exists (a notes or chart sheet).
 *
 * @example
 * tableFromHeaderRow({ name: "Sheet1", rows: new Map([[3, ["Invoice", "Amount"]], [4, ["A-1", 5]]]) })
 * // { sheet: "Sheet1", name: "Sheet1", header: ["Invoice", "Amount"], rows: [["A-1", 5]], firstRow: 4, firstColumn: 0 }
 */
export function tableFromHeaderRow(grid: SheetGrid): TableData | null {
  for (let r = 1; r <= HEADER_SEARCH_ROWS; r++) {
    const cells = grid.rows.get(r);
    if (!cells) continue;
    const texts = cells.filter((v) => typeof v === "string" && v.trim() !== "").length;
    if (texts < 2) continue;
    let left = cells.findIndex(isFilled);
    let right = cells.length - 1;
    while (right > left && !isFilled(cells[right])) right--;
    if (left < 0) left = 0;
    const width = right - left + 1;
    const rows: CellValue[][] = [];
    for (let d = r + 1; ; d++) {
      const row = sliceRow(grid.rows.get(d), left, width);
      if (!row.some(isFilled)) break;
      rows.push(row);
    }
    return { sheet: grid.name, name: grid.name, header: sliceRow(cells, left, width), rows, firstRow: r + 1, firstColumn: left };
  }
  return null;
}
