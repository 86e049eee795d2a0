/**
 * Just enough of the ZIP format to read the parts of an .xlsx package: the central directory
 * and stored / deflated entries. Reading parts directly (instead of through a workbook object
 * model) keeps a 100k-row book to one inflate and one scan per sheet.
 *
 * Hostile or damaged packages end in a FileError naming the file and what is wrong, never in
 * a JavaScript exception: offsets are checked against the file, a declared size is never used
 * to allocate, and inflating stops at a cap per part and in total (a decompression bomb of a
 * few megabytes would otherwise inflate to gigabytes). The caps are raised with the
 * environment variables AR_DESK_MAX_PART_MB and AR_DESK_MAX_INFLATE_MB.
 */
import { inflateRawSync } from "node:zlib";
import { FileError } from "./errors";

export interface ZipEntry {
  name: string;
  method: number;
  /** General purpose flags; bit 0 set means the entry is encrypted. */
  flags?: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

/**
 * Inflated bytes allowed per part and for a whole package. A million-row sheet is about 450 MB
 * of XML, so the default per part leaves room for it while keeping a bomb's cost bounded.
 */
export const DEFAULT_MAX_PART_MB = 512;
export const DEFAULT_MAX_INFLATE_MB = 1024;

/** How many inflated bytes a package may still produce, and the cap per part. */
export interface InflateBudget {
  file: string;
  perPart: number;
  remaining: number;
}

function megabytes(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * The inflate budget of one package, from the environment's caps (in MB) or the defaults.
 *
 * @example
 * inflateBudget("book.xlsx", { AR_DESK_MAX_PART_MB: "2000" }).perPart // 2000 MB in bytes
 */
export function inflateBudget(file: string, env: Record<string, string | undefined> = {}): InflateBudget {
  const perPart = megabytes(env.AR_DESK_MAX_PART_MB, DEFAULT_MAX_PART_MB) * MB;
  return { file, perPart, remaining: Math.max(perPart, megabytes(env.AR_DESK_MAX_INFLATE_MB, DEFAULT_MAX_INFLATE_MB) * MB) };
}

/**
 * Lists the entries of a ZIP archive by name; null when `bytes` is not a ZIP archive
 * (e.g. an old binary .xls or a renamed CSV). A central directory that points outside the
 * file is a FileError ("cli.file.damaged").
 *
 * @example
 * zipEntries(await readFile("book.xlsx"))?.has("xl/workbook.xml") // true
 */
export function zipEntries(bytes: Buffer, file = ""): Map<string, ZipEntry> | null {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw new FileError("cli.file.damaged", file, "ZIP central directory");
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (p + 46 + nameLength > bytes.length) throw new FileError("cli.file.damaged", file, "ZIP central directory");
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLength);
    entries.set(name, {
      name,
      method: bytes.readUInt16LE(p + 10),
      flags: bytes.readUInt16LE(p + 8),
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
 * The uncompressed bytes of one entry (stored or deflated), within `budget` when given (the
 * budget shrinks by what was inflated). Every failure is a FileError naming the file: an
 * encrypted entry, another compression method, data cut short or corrupt, a part over the cap.
 *
 * @example
 * zipData(bytes, entries.get("xl/workbook.xml")!).toString("utf8")
 */
export function zipData(bytes: Buffer, entry: ZipEntry, budget?: InflateBudget): Buffer {
  const file = budget?.file ?? "";
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== LOCAL) throw new FileError("cli.file.damaged", file, `ZIP entry ${entry.name}`);
  if (((entry.flags ?? 0) & 1) === 1) throw new FileError("cli.file.encrypted", file);
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  if (start + entry.compressedSize > bytes.length) throw new FileError("cli.file.truncated", file, entry.name);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return charge(budget, data, entry.name);
  if (entry.method !== 8) throw new FileError("cli.file.damaged", file, `compression method ${entry.method} in ${entry.name}`);
  const limit = budget ? Math.min(budget.perPart, budget.remaining) : undefined;
  let inflated: Buffer;
  try {
    inflated = limit === undefined ? inflateRawSync(data) : inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) throw tooLarge(budget, entry.name);
    throw new FileError("cli.file.damaged", file, `${entry.name}: ${typeof code === "string" ? code : "corrupt data"}`);
  }
  return charge(budget, inflated, entry.name);
}

function tooLarge(budget: InflateBudget | undefined, part: string): FileError {
  const mb = (bytes: number): number => Math.round(bytes / MB);
  return new FileError(
    "cli.file.tooLarge",
    budget?.file ?? "",
    `${part}: over ${mb(Math.min(budget?.perPart ?? 0, budget?.remaining ?? 0))} MB`,
  );
}

function charge(budget: InflateBudget | undefined, data: Buffer, part: string): Buffer {
  if (!budget) return data;
  if (data.length > budget.perPart || data.length > budget.remaining) throw tooLarge(budget, part);
  budget.remaining -= data.length;
  return data;
}

/**
 * What a file that is not a readable .xlsx package is, for the message: "encrypted" (an Office
 * file protected with a password is an OLE container holding an EncryptedPackage), "xls" (an
 * OLE file otherwise), "xlsb", "ods", "truncated" (a ZIP cut short), or null.
 *
 * @example
 * packageKind(Buffer.from("PK\x03\x04…")) // "truncated" when the central directory is missing
 */
export function packageKind(
  bytes: Buffer,
  entries: Map<string, ZipEntry> | null,
): "encrypted" | "xls" | "xlsb" | "ods" | "truncated" | null {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    return bytes.includes(Buffer.from("EncryptedPackage", "utf16le")) ? "encrypted" : "xls";
  }
  if (entries) {
    if (entries.has("xl/workbook.bin")) return "xlsb";
    if (entries.has("content.xml") && entries.has("mimetype")) return "ods";
    return null;
  }
  return bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL ? "truncated" : null;
}
