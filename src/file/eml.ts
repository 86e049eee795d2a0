/**
 * A collection letter as an .eml draft (RFC 5322 + MIME): UTF-8 throughout, the subject as RFC
 * 2047 encoded-words, a multipart/alternative body with the text and HTML parts in base64, and
 * `X-Unsent: 1` so Outlook opens the file as a draft to review and send. Pure: building the
 * message touches no file; the CLI writes it.
 */
import { letterHtml, letterText, type Letter } from "../engine/collections/letters";

const CRLF = "\r\n";
/** Cannot occur in base64 lines (a "=" is only padding at a line's end), so it needs no check. */
const BOUNDARY = "=_ar-desk_alternative";
/** An encoded-word is at most 75 characters: "=?UTF-8?B?" + 60 base64 characters + "?=" = 72. */
const WORD_BYTES = 45;

/**
 * A header value as RFC 2047 "B" encoded-words, split between characters (never inside one)
 * and folded onto continuation lines; plain ASCII without specials is kept as it is.
 *
 * @example
 * encodeHeaderWords("Overdue")      // "Overdue"
 * encodeHeaderWords("催款函：Acme")  // "=?UTF-8?B?5YKs5qy+5Ye977yaQWNtZQ==?="
 */
export function encodeHeaderWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && !/=\?|\?=/.test(text) && text.length <= 900) return text;
  const words: string[] = [];
  let chunk: number[] = [];
  for (const ch of text) {
    const bytes = [...Buffer.from(ch, "utf8")];
    if (chunk.length + bytes.length > WORD_BYTES) {
      words.push(chunk.length ? `=?UTF-8?B?${Buffer.from(chunk).toString("base64")}?=` : "");
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length) words.push(`=?UTF-8?B?${Buffer.from(chunk).toString("base64")}?=`);
  return words.filter(Boolean).join(`${CRLF} `);
}

/** Base64 in lines of 76 characters (RFC 2045). */
function base64Lines(text: string): string {
  return (
    Buffer.from(text, "utf8")
      .toString("base64")
      .match(/.{1,76}/g) ?? []
  ).join(CRLF);
}

/** An address fit for a To: header (one address, no line breaks or header injection), else null. */
function safeAddress(email: string | null): string | null {
  if (email === null) return null;
  const first = email.split(/[;,\s]+/).find((x) => x !== "") ?? "";
  return /^[^\s@<>()"\r\n]+@[^\s@<>()"\r\n]+$/.test(first) ? first : null;
}

/**
 * The letter as an .eml message (CRLF line ends).
 *
 * @example
 * const eml = letterEml(letter);
 * eml.startsWith("X-Unsent: 1\r\n") // true
 */
export function letterEml(letter: Letter): string {
  const to = safeAddress(letter.email);
  const html = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n${letterHtml(letter)}</body></html>\n`;
  const lines = [
    "X-Unsent: 1",
    ...(to ? [`To: ${to}`] : []),
    `Subject: ${encodeHeaderWords(letter.subject)}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    "",
    `--${BOUNDARY}`,
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(letterText(letter)),
    `--${BOUNDARY}`,
    "Content-Type: text/html; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(html),
    `--${BOUNDARY}--`,
    "",
  ];
  return lines.join(CRLF);
}

/**
 * A file name for a customer's letter: characters Windows and macOS refuse become "_", and the
 * name is kept short; `taken` (lower-cased names already used) gets the currency, then a number.
 *
 * @example
 * letterFileName("Acme / Ltd.", "USD", new Set()) // "Acme _ Ltd.eml"
 */
export function letterFileName(customer: string, currency: string, taken: Set<string>): string {
  const base =
    customer
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")
      .replace(/[. ]+$/, "")
      .trim()
      .slice(0, 80) || "customer";
  let name = `${base}.eml`;
  if (taken.has(name.toLowerCase())) name = `${base} ${currency}.eml`;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base} ${currency} (${k}).eml`;
  taken.add(name.toLowerCase());
  return name;
}
