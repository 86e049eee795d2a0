/**
 * Normalisation of header texts and of the keys that join tables (customer names, invoice
 * numbers). Two functions with different purposes:
 * - normalizeHeader throws punctuation away, because "Invoice No." and "invoice no" are the
 *   same column heading;
 * - normalizeKey keeps punctuation, because "INV-001" and "INV001" are different documents.
 */
import type { CellValue } from "../types";

const charCodeAt = String.prototype.charCodeAt;

/**
 * `text.charCodeAt(index)`, called through String.prototype. The reader's cells are strings of
 * many internal kinds (flat, concatenated, sliced, one- or two-byte), and a `text.charCodeAt`
 * call site that has seen more than four of them looks the method up generically on every
 * call, which made up a tenth of reading a large table. Calling the one known function avoids it.
 *
 * @example
 * codeUnit("INV-1", 0) // 73 ("I")
 */
export function codeUnit(text: string, index: number): number {
  return charCodeAt.call(text, index);
}

/**
 * Matches everything that is not a letter or a digit in any script. Used only on header texts,
 * never in the per-row hot loop.
 */
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * Turns a header cell into a comparison key: NFKC (full-width letters and digits become ASCII,
 * "№" becomes "No"), lower case, and every space and punctuation mark removed. "#" goes too,
 * so "Inv #" and "Inv" share a key; number markers such as "No" are kept here and handled by
 * header recognition, which knows they are markers.
 *
 * @example
 * normalizeHeader("Invoice No.") // "invoiceno"
 * normalizeHeader("Inv #")       // "inv"
 * normalizeHeader("ＤＵＥ　ＤＡＴＥ") // "duedate"
 * normalizeHeader("发票号码")      // "发票号码"
 */
export function normalizeHeader(text: CellValue): string {
  if (text === null || text === undefined) return "";
  return String(text).normalize("NFKC").toLowerCase().replace(NOT_LETTER_OR_DIGIT, "");
}

/**
 * True when `text` is already in normal form except perhaps for upper-case ASCII letters:
 * printable ASCII, no leading, trailing or doubled spaces. NFKC leaves such text unchanged, so
 * lower-casing is all normalizeKey has to do.
 */
function isPlainAscii(text: string): boolean {
  const length = text.length;
  if (length === 0) return false;
  let previousSpace = true; // a leading space is not plain
  for (let i = 0; i < length; i++) {
    const code = codeUnit(text, i);
    if (code === 0x20) {
      if (previousSpace) return false;
      previousSpace = true;
    } else if (code > 0x20 && code < 0x7f) {
      previousSpace = false;
    } else {
      return false;
    }
  }
  return !previousSpace;
}

/**
 * Key for joining customers and invoice numbers across tables: NFKC, trimmed, inner whitespace
 * collapsed to one space, lower case. Punctuation is kept, so "INV-001" and "INV001" stay apart.
 *
 * @example
 * normalizeKey("  ACME   Corp ") // "acme corp"
 * normalizeKey("ＡＣＭＥ")         // "acme"
 * normalizeKey("INV-001")        // "inv-001"
 */
export function normalizeKey(text: string): string {
  if (isPlainAscii(text)) return text.toLowerCase();
  return text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * The lower-case code unit of an ASCII capital, any other code unit unchanged.
 *
 * @example
 * foldCase(0x41) // 0x61 ("A" -> "a")
 */
export function foldCase(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/**
 * normalizeKey(a) === normalizeKey(b), without building either key when both are plain ASCII
 * (the usual invoice number), for which normalizeKey only lower-cases.
 *
 * @example
 * sameKey("INV-1", "inv-1")  // true
 * sameKey("INV-1", "INV-01") // false
 */
export function sameKey(a: string, b: string): boolean {
  if (a === b) return true;
  if (isPlainAscii(a) && isPlainAscii(b)) {
    const length = a.length;
    if (length !== b.length) return false;
    for (let k = 0; k < length; k++) if (foldCase(codeUnit(a, k)) !== foldCase(codeUnit(b, k))) return false;
    return true;
  }
  return normalizeKey(a) === normalizeKey(b);
}

/** FNV-1a offset basis and prime (32-bit). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const { imul } = Math;

/**
 * FNV-1a over pairs of code units (one 32-bit word per two), so a hash takes half as many
 * dependent multiplications as one unit at a time; keyHash's fast path pairs them the same way.
 */
function hashString(text: string): number {
  let hash = FNV_OFFSET;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) hash = imul(hash ^ (codeUnit(text, i) | (codeUnit(text, i + 1) << 16)), FNV_PRIME);
  if (i < length) hash = imul(hash ^ codeUnit(text, i), FNV_PRIME);
  return hash | 0;
}

/** Printable ASCII other than space. */
function isVisibleAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/**
 * 32-bit hash of normalizeKey(text), computed without building the key when the text is plain
 * ASCII (the usual invoice number). Equal keys have equal hashes; equal hashes must still be
 * confirmed with normalizeKey. Used to find duplicate invoice numbers in large tables without
 * a million-entry Map of strings.
 *
 * @example
 * keyHash("INV-001") === keyHash(" inv-001 ") // true
 */
export function keyHash(text: string): number {
  // One pass hashes and checks isPlainAscii's conditions (for plain text normalizeKey only
  // lower-cases); anything else hashes normalizeKey itself.
  const length = text.length;
  let hash = FNV_OFFSET;
  let previousSpace = true; // a leading space is not plain
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const a = codeUnit(text, i);
    const b = codeUnit(text, i + 1);
    if (!isVisibleAscii(a) || !isVisibleAscii(b)) {
      // Plain only as a single space between visible characters.
      const aPlain = isVisibleAscii(a) || (a === 0x20 && !previousSpace);
      const bPlain = isVisibleAscii(b) || (b === 0x20 && a !== 0x20);
      if (!aPlain || !bPlain) return hashString(normalizeKey(text));
    }
    previousSpace = b === 0x20;
    hash = imul(hash ^ (foldCase(a) | (foldCase(b) << 16)), FNV_PRIME);
  }
  if (i < length) {
    const a = codeUnit(text, i);
    if (!isVisibleAscii(a)) return hashString(normalizeKey(text));
    previousSpace = false;
    hash = imul(hash ^ foldCase(a), FNV_PRIME);
  }
  if (previousSpace) return hashString(normalizeKey(text));
  return hash | 0;
}

/**
 * Column letters for a 0-based column index.
 *
 * @example
 * columnLetters(0)  // "A"
 * columnLetters(26) // "AA"
 */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A1 address of a cell from its 0-based sheet column and 1-based sheet row.
 *
 * @example
 * cellAddress(3, 12)  // "D12"
 * cellAddress(27, 2)  // "AB2"
 */
export function cellAddress(column: number, row: number): string {
  return columnLetters(column) + String(row);
}

/**
 * Text of a cell as the user sees it, trimmed, or null when the cell is blank. Numbers become
 * their shortest decimal text ("1001" for an invoice number typed as a number).
 *
 * @example
 * cellText("  INV-1 ") // "INV-1"
 * cellText(1001)       // "1001"
 * cellText("   ")      // null
 */
export function cellText(cell: CellValue | undefined): string | null {
  // The common case (a trimmed, non-empty string) is kept this small so V8 inlines it into the
  // reader's row loops, which call it several times per row; everything else is out of line.
  if (cell === null) return null;
  if (typeof cell === "string") {
    // `"" + cell` is the same string, but tells the optimizer it has one (a type check, no
    // call): the cells are strings of many internal kinds, and `cell.length` on such a value is
    // a generic property lookup per call where `text.length` is one load. (String(cell) says the
    // same but stays a call.)
    const text = "" + cell;
    const length = text.length;
    if (length !== 0 && codeUnit(text, 0) > 0x20 && codeUnit(text, length - 1) > 0x20) return text;
  }
  return cellTextSlow(cell);
}

/** cellText for everything but an already-trimmed string. */
function cellTextSlow(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "string") {
    const trimmed = cell.trim();
    return trimmed === "" ? null : trimmed;
  }
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : null;
  return cell ? "TRUE" : "FALSE";
}

/**
 * True when a cell holds nothing: null, an empty or whitespace-only string.
 *
 * @example
 * isBlankCell("  ") // true
 * isBlankCell(0)    // false
 */
export function isBlankCell(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return cell.length === 0 || cell.trim() === "";
  return false;
}
