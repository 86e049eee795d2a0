/**
 * Just enough of the ZIP format to read the parts of an .xlsx package: the central directory
 * and stored / deflated entries. Reading parts directly (instead of through a workbook object
 * model) keeps a 100k-row book to one inflate and one scan per sheet.
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Lists the entries of a ZIP archive by name; null when `bytes` is not a ZIP archive
 * (e.g. an old binary .xls or a renamed CSV).
 *
 * @example
 * zipEntries(await readFile("book.xlsx"))?.has("xl/workbook.xml") // true
 */
export function zipEntries(bytes: Buffer): Map<string, ZipEntry> | null {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLength);
    entries.set(name, {
      name,
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      localHeaderOffset: bytes.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record sits at the end, followed by a comment of at most 65535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let p = bytes.length - 22; p >= stop; p--) {
    if (bytes.readUInt32LE(p) === EOCD) return p;
  }
  return -1;
}

/**
 * The uncompressed bytes of one entry (stored or deflated).
 *
 * @example
 * zipData(bytes, entries.get("xl/workbook.xml")!).toString("utf8")
 */
export function zipData(bytes: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localHeaderOffset;
  if (bytes.readUInt32LE(p) !== LOCAL) throw new Error(`Corrupt ZIP entry ${entry.name}`);
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`Unsupported ZIP compression ${entry.method} in ${entry.name}`);
}
