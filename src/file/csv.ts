/**
 * CSV input: RFC 4180 records (quoted fields, doubled quotes, embedded newlines, CRLF/LF/CR),
 * UTF-8 with or without a byte-order mark, comma / semicolon / tab detected from the header line
 * (or given by Excel's `sep=` first line), the header found below any title lines.
 *
 * Values stay text: the engine parses amounts and dates from text with the user's date order,
 * so nothing here guesses what "03/04/2026" or "1.234,50" means.
 * Other encodings (GBK, Windows-1252) are refused with an error naming the file rather than
 * decoded wrongly: re-save the file as "CSV UTF-8".
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import type { CellValue, TableData } from "../engine/types";
import { FileError, asFileError } from "./errors";
import { writeAtomically } from "./atomic";
import { findHeaderIndex, headerScore, HEADER_SEARCH_ROWS, tableExtent } from "../engine/read/shape";

export type CsvDelimiter = "," | ";" | "\t";

const CANDIDATES: readonly CsvDelimiter[] = [",", ";", "\t"];

/**
 * Decodes UTF-8 bytes, dropping a leading byte-order mark; invalid bytes are an error naming
 * `file` (a GBK or ANSI export would otherwise turn names into replacement characters).
 *
 * @example
 * decodeUtf8(Buffer.from("\uFEFFa,b"), "x.csv") // "a,b"
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new FileError("cli.csv.encoding", file);
  }
}

/**
 * Picks the delimiter that occurs most often outside quotes on the first line; comma on a tie
 * or when none occurs (a one-column file).
 *
 * @example
 * detectDelimiter("Invoice;Amount\r\nA;1") // ";"
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ",";
  for (const candidate of CANDIDATES) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}

/**
 * Splits CSV text into records of fields (RFC 4180). A final line break does not start a record.
 * Quotes are only special at the start of a field; a stray quote inside an unquoted field is kept.
 * A quote that is never closed would swallow the rest of the file into one field: instead that
 * record is left empty (its row keeps its number) and reported through `onUnclosed` with its
 * record index, and reading resumes on the next line.
 *
 * @example
 * parseCsv('a,"b ""x""\nc"\r\n1,2', ",") // [["a", 'b "x"\nc'], ["1", "2"]]
 */
export function parseCsv(text: string, delimiter: CsvDelimiter, onUnclosed?: (record: number) => void): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let recordStart = 0;
  const n = text.length;
  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = "";
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === "") {
      // Quoted field: runs to the next quote that is not doubled.
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          // Never closed: the record is unreadable. Keep its row (empty), name it, and go on
          // with the line after the one it started on.
          onUnclosed?.(records.length);
          records.push([""]);
          record = [];
          field = "";
          const lineEnd = text.slice(recordStart).search(/\r\n|\r|\n/);
          i = lineEnd < 0 ? n : recordStart + lineEnd + (text.startsWith("\r\n", recordStart + lineEnd) ? 2 : 1);
          recordStart = i;
          break;
        }
        field += text.slice(i, close);
        if (text[close + 1] === '"') {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    } else if (ch === delimiter) {
      record.push(field);
      field = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      recordStart = i;
    } else {
      // Unquoted run: copy up to the next delimiter or line break in one slice.
      let j = i + 1;
      while (j < n) {
        const next = text[j];
        if (next === delimiter || next === "\r" || next === "\n") break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

const isBlank = (record: readonly string[]): boolean => record.every((f) => f.trim() === "");

/**
 * Builds a TableData from CSV records: the header is the record among the first ones that maps
 * best to known headings (a title line above it is not data; see engine/read/shape.ts), empty
 * fields become null, every other value stays text. Trailing blank records are dropped; blank
 * records inside the data are kept so row numbers match what a spreadsheet shows; a second
 * header row ends the table with a note naming the rows not read.
 *
 * @example
 * csvTable("Invoices", [["Invoice No", "Amount"], ["INV-1", "100.00"]]).rows // [["INV-1", "100.00"]]
 */
export function csvTable(name: string, records: readonly string[][]): TableData {
  let headerIndex = findHeaderIndex(records.map((r) => r.map(cellFromField)));
  if (headerIndex < 0)
    headerIndex = Math.max(
      0,
      records.findIndex((r) => !isBlank(r)),
    );
  const header: CellValue[] = (records[headerIndex] ?? []).map(cellFromField);
  const rows: CellValue[][] = [];
  for (let r = headerIndex + 1; r < records.length; r++) {
    const cells = (records[r] as string[]).map(cellFromField);
    while (cells.length < header.length) cells.push(null);
    rows.push(cells);
  }
  const firstRow = headerIndex + 2;
  const extent = tableExtent(header, rows, firstRow);
  rows.length = extent.rowCount;
  const table: TableData = { sheet: name, name, header, rows, firstRow, firstColumn: 0 };
  if (extent.notes.length > 0) table.notes = extent.notes;
  return table;
}

const cellFromField = (field: string): CellValue => (field === "" ? null : field);

/**
 * CSV text as a table: honours Excel's `sep=;` first line (which Excel hides, so rows are
 * numbered from the line after it), otherwise picks the delimiter whose header row maps best to
 * known headings (a title line above the header says nothing), then builds the table. A quote
 * never closed is an error note naming the row; the other rows are read.
 *
 * @example
 * csvTableFromText("Invoices", "sep=;\nInvoice;Amount\nA;1,50").rows // [["A", "1,50"]]
 */
export function csvTableFromText(name: string, text: string): TableData {
  let body = text;
  let delimiter: CsvDelimiter | null = null;
  const sep = /^sep=(.)[ \t]*(?:\r\n|\r|\n|$)/i.exec(body);
  if (sep) {
    const given = sep[1] as string;
    delimiter = given === "," || given === ";" || given === "\t" ? given : null;
    body = body.slice(sep[0].length);
  }
  delimiter ??= bestDelimiter(body);
  const unclosed: number[] = [];
  const records = parseCsv(body, delimiter, (record) => unclosed.push(record));
  const table = csvTable(name, records);
  if (unclosed.length > 0) {
    const notes = table.notes ?? [];
    for (const record of unclosed)
      notes.push({ severity: "error", code: "csv.unterminatedQuote", row: record + 1, params: { row: record + 1 } });
    table.notes = notes;
  }
  return table;
}

/**
 * The delimiter to read `text` with: the one of comma, semicolon and tab whose best header row
 * (among the first lines) maps best to headings; on a tie, the one most frequent on the first
 * line, as {@link detectDelimiter} decides.
 */
function bestDelimiter(text: string): CsvDelimiter {
  const fallback = detectDelimiter(text);
  // The first lines are enough to find a header; cut at a line end.
  let head = text.slice(0, 64 * 1024);
  const lastBreak = Math.max(head.lastIndexOf("\n"), head.lastIndexOf("\r"));
  if (head.length < text.length && lastBreak > 0) head = head.slice(0, lastBreak);
  let best = fallback;
  let bestScore = -1;
  for (const candidate of [fallback, ...CANDIDATES.filter((c) => c !== fallback)]) {
    const records = parseCsv(head, candidate)
      .slice(0, HEADER_SEARCH_ROWS)
      .map((r) => r.map(cellFromField));
    const index = findHeaderIndex(records);
    const score = index < 0 ? 0 : headerScore(records[index] ?? []);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Reads one CSV file as a table named after the file (base name without extension).
 *
 * @example
 * const table = await readCsvFile("exports/Invoices.csv"); // table.name === "Invoices"
 */
export async function readCsvFile(file: string): Promise<TableData> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw asFileError(error, file);
  }
  const text = decodeUtf8(bytes, file);
  const name = path.basename(file, path.extname(file));
  return csvTableFromText(name, text);
}

/**
 * Reads every .csv / .tsv file of a directory (not recursive), in name order; a directory
 * without any is an error naming it.
 *
 * @example
 * const tables = await readCsvDirectory("exports"); // Customers, Invoices, Payments
 */
export async function readCsvDirectory(dir: string): Promise<TableData[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw asFileError(error, dir);
  }
  const files = names.filter((n) => /\.(csv|tsv)$/i.test(n)).sort();
  if (files.length === 0) throw new FileError("cli.csv.noFiles", dir);
  const tables: TableData[] = [];
  for (const name of files) tables.push(await readCsvFile(path.join(dir, name)));
  return tables;
}

/**
 * One CSV field: quoted when it holds the delimiter, a quote, a line break or edge spaces.
 *
 * @example
 * csvField('Say "hi", Bob') // '"Say ""hi"", Bob"'
 */
export function csvField(value: CellValue): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes each table to `<dir>/<table name>.csv` (UTF-8 with a byte-order mark so Excel shows
 * non-ASCII names correctly, CRLF line ends), creating the folder when needed. Each file is
 * written to a temporary file and renamed.
 *
 * @example
 * await writeCsvFiles(generateSampleBook({ invoices: 60 }), "sample-csv"); // Invoices.csv, Payments.csv, Customers.csv
 */
export async function writeCsvFiles(
  tables: readonly TableData[],
  dir: string,
  options: { inputs?: readonly string[] } = {},
): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new FileError("cli.out.unwritable", dir, typeof code === "string" ? code : "");
  }
  const written: string[] = [];
  for (const table of tables) {
    const file = path.join(dir, `${table.name}.csv`);
    const lines = [table.header, ...table.rows].map((row) => row.map(csvField).join(","));
    await writeAtomically(file, options.inputs ?? [], (temp) => writeFile(temp, `\uFEFF${lines.join("\r\n")}\r\n`, "utf8"));
    written.push(file);
  }
  return written;
}
