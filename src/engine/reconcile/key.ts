/**
 * Match keys: how "INV-0012", "inv 12" and "＃１２" become the same key "12", and what was
 * removed to get there. The normalisation is shown to the user, never hidden, so each step is
 * recorded as a KeyChange that can be explained in words.
 *
 * Unlike normalizeKey in engine/read (which keeps punctuation because it identifies documents
 * within one ledger), a match key is deliberately loose: it joins two ledgers that were typed
 * by different people and systems.
 */
import type { Lang } from "../types";
import { t } from "../../i18n";

/**
 * Prefixes removed from the start of keys by default. "INV-" is listed beside "INV" because a
 * prefix that ends in a separator may be followed by a letter ("INV-A12" → "a12"), while one
 * that ends in a letter must be followed by a digit or a separator ("INTL-5" keeps its "IN").
 */
export const DEFAULT_KEY_PREFIXES: readonly string[] = ["INV-", "INV", "IN", "NO.", "NO", "#", "发票号", "发票", "单号"];

/** One thing normalisation did to a key. */
export type KeyChange =
  | { kind: "width" }
  | { kind: "case" }
  | { kind: "prefix"; text: string }
  | { kind: "punctuation"; text: string }
  | { kind: "zeros"; count: number };

/** A normalised key with the changes that produced it and their explanation. */
export interface MatchKey {
  /** The key rows are joined on; "" when nothing is left (the row cannot be matched). */
  key: string;
  changes: KeyChange[];
  /** The changes in words, in `lang` (a "key unchanged" text when there are none). */
  explanation: string;
}

export interface MatchKeyOptions {
  /** Prefixes to remove (any case and width); default DEFAULT_KEY_PREFIXES. */
  prefixes?: readonly string[];
  /** Language of the explanation; default en-US. */
  lang?: Lang;
}

/** Prefixes folded like keys, longest first, grouped by their first character for a fast lookup. */
export interface CompiledPrefixes {
  byFirst: Map<number, string[]>;
}

/** Characters skipped after a removed prefix ("INV - 12", "NO.: 5"); they would go anyway. */
function isSeparatorCode(code: number): boolean {
  return (
    code === 0x20 || code === 0x2d || code === 0x5f || code === 0x2e || code === 0x3a || code === 0x23 || code === 0x2f || code === 0x09
  );
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiAlnum(code: number): boolean {
  return isAsciiDigit(code) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** True when `text` at `i` starts a letter or digit in any script (surrogate pairs included). */
function isAlnumAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return isAsciiAlnum(code);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i) ?? code));
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * Folds a prefix list once, as keys are folded (NFKC, lower case), longest first so "INV-"
 * is tried before "INV" and "IN".
 *
 * @example
 * compilePrefixes(["INV", "INV-"]).byFirst.get(0x69) // ["inv-", "inv"]
 */
export function compilePrefixes(prefixes: readonly string[]): CompiledPrefixes {
  const folded = [...new Set(prefixes.map((p) => p.normalize("NFKC").toLowerCase().trim()).filter((p) => p !== ""))];
  folded.sort((x, y) => y.length - x.length);
  const byFirst = new Map<number, string[]>();
  for (const prefix of folded) {
    const first = prefix.charCodeAt(0);
    const list = byFirst.get(first);
    if (list) list.push(prefix);
    else byFirst.set(first, [prefix]);
  }
  return { byFirst };
}

/**
 * Length of the prefix at `start` of `s` that may be removed (with the separators after it),
 * or 0. A prefix is removed only when what follows contains a digit and starts at a boundary:
 * the prefix ends in a separator, or is followed by a separator or a digit.
 */
function prefixLength(s: string, start: number, prefixes: CompiledPrefixes): number {
  const candidates = prefixes.byFirst.get(s.charCodeAt(start));
  if (!candidates) return 0;
  for (const prefix of candidates) {
    if (!s.startsWith(prefix, start)) continue;
    const next = start + prefix.length;
    if (next >= s.length) continue;
    const endsInSeparator = !isAlnumAt(prefix, prefix.length - 1);
    const nextCode = s.charCodeAt(next);
    if (!endsInSeparator && !isSeparatorCode(nextCode) && !isAsciiDigit(nextCode)) continue;
    let end = next;
    while (end < s.length && isSeparatorCode(s.charCodeAt(end))) end++;
    if (!hasDigitFrom(s, end)) continue;
    return end - start;
  }
  return 0;
}

function hasDigitFrom(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) if (isAsciiDigit(s.charCodeAt(i))) return true;
  return false;
}

/**
 * The normalisation itself (see normalizeMatchKey); records changes into `changes` when given
 * (the report path) and skips that work when null (the per-row path of a 100k-row
 * reconciliation).
 *
 * @example
 * foldMatchKey("INV-0012", compilePrefixes(DEFAULT_KEY_PREFIXES), null) // "12"
 */
export function foldMatchKey(text: string, prefixes: CompiledPrefixes, changes: KeyChange[] | null): string {
  let shown = text;
  if (!isAscii(text)) {
    shown = text.normalize("NFKC");
    if (shown !== text && changes) changes.push({ kind: "width" });
  }
  const s = shown.toLowerCase();
  if (s !== shown && changes) changes.push({ kind: "case" });
  // Lower-casing keeps lengths for all but a few letters; show removed text as the user wrote it when it can.
  const original = s.length === shown.length ? shown : s;

  let removed = "";
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x09)) {
    if (!removed.includes(s.charAt(i))) removed += s.charAt(i);
    i++;
  }
  // At most three prefixes ("NO. INV-12"): a bound, so a key can never be eaten to nothing.
  for (let round = 0; round < 3; round++) {
    const length = prefixLength(s, i, prefixes);
    if (length === 0) break;
    if (changes) changes.push({ kind: "prefix", text: original.slice(i, i + length).trim() });
    i += length;
  }

  let out = "";
  let zeros = 0;
  let inRun = false;
  let leading = false;
  let pending = 0;
  // A run of zeros only ("INV-000") keeps one zero: "0" is a number, "" is not a key. That zero
  // is held until we know what follows: if more digits follow ("0-12"), it would become a
  // leading zero of the joined key ("012") and the key would change when normalised again, so
  // it is dropped too.
  let heldZero = false;
  const releaseZero = (digitFollows: boolean): void => {
    if (!heldZero) return;
    if (digitFollows) zeros++;
    else out += "0";
    heldZero = false;
  };
  const endRun = (): void => {
    if (inRun && leading) {
      releaseZero(true);
      heldZero = true;
      pending--;
    }
    zeros += pending;
    pending = 0;
    inRun = false;
  };
  for (; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isAsciiDigit(code)) {
      if (!inRun) {
        inRun = true;
        leading = true;
      }
      if (leading && code === 0x30) {
        pending++;
        continue;
      }
      leading = false;
      releaseZero(true);
      out += s.charAt(i);
      continue;
    }
    endRun();
    const wide = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const ch = s.slice(i, i + wide);
    if (code < 0x80 ? isAsciiAlnum(code) : LETTER_OR_DIGIT.test(ch)) {
      releaseZero(false);
      out += ch;
    } else if (changes && !removed.includes(ch)) removed += ch;
    i += wide - 1;
  }
  endRun();
  releaseZero(false);
  if (changes) {
    if (removed !== "") changes.push({ kind: "punctuation", text: removed });
    if (zeros > 0) changes.push({ kind: "zeros", count: zeros });
  }
  return out;
}

/**
 * A key's changes in words, in `lang`.
 *
 * @example
 * explainKeyChanges([{ kind: "prefix", text: "INV-" }, { kind: "zeros", count: 2 }], "en-US")
 * // "prefix “INV-” removed; 2 leading zeros removed"
 */
export function explainKeyChanges(changes: readonly KeyChange[], lang: Lang): string {
  if (changes.length === 0) return t(lang, "reconcile.key.unchanged");
  const parts = changes.map((change) => {
    switch (change.kind) {
      case "width":
        return t(lang, "reconcile.key.width");
      case "case":
        return t(lang, "reconcile.key.case");
      case "prefix":
        return t(lang, "reconcile.key.prefix", { text: change.text });
      case "punctuation":
        return t(lang, "reconcile.key.punctuation", { text: change.text.replace(/ /g, "␠") });
      case "zeros":
        return t(lang, "reconcile.key.zeros", { count: change.count });
    }
  });
  return parts.join(t(lang, "reconcile.key.separator"));
}

/**
 * Normalises a key for matching two tables, and says what was removed:
 * 1. compatibility forms folded (NFKC: full-width "ＩＮＶ１２" → "INV12");
 * 2. case ignored;
 * 3. leading prefixes removed (`options.prefixes`, default DEFAULT_KEY_PREFIXES), up to three,
 *    with the separators after them, only when a digit follows somewhere and the prefix ends at
 *    a boundary (so "INTL-5" keeps its "IN" and "INV" alone is not emptied);
 * 4. leading zeros removed from every run of digits ("2026-0012" → runs 2026 and 12);
 * 5. spaces and punctuation removed (letters and digits of every script are kept).
 * Steps 4 and 5 run together, so runs are those of the written key: "INV-2026-0012" and
 * "INV2026-12" both become "202612".
 *
 * @example
 * normalizeMatchKey("INV-0012").key            // "12"
 * normalizeMatchKey("ｉｎｖ－００１２").key         // "12"
 * normalizeMatchKey("发票号：00345").key          // "345"
 * normalizeMatchKey("INTL-5").key              // "intl5"
 * normalizeMatchKey("INV-0012").explanation    // "case ignored; prefix “INV-” removed; 2 leading zeros removed"
 */
export function normalizeMatchKey(text: string, options: MatchKeyOptions = {}): MatchKey {
  const changes: KeyChange[] = [];
  const key = foldMatchKey(text, compilePrefixes(options.prefixes ?? DEFAULT_KEY_PREFIXES), changes);
  return { key, changes, explanation: explainKeyChanges(changes, options.lang ?? "en-US") };
}
