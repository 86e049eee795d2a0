/**
 * How the simulated host turns what a batch writes into cell content, and how it renders a
 * value through a number format (for `Range.text` and the grid view).
 *
 * Write rules for `Range.values` (the adapter relies on these to write text from data safely;
 * they follow Excel's "as if typed" parsing of strings written through the API):
 *
 * 1. `null` in a 2D array leaves that cell unchanged (Office.js skips nulls on write).
 * 2. `""` clears the cell's value and formula; its formatting stays.
 * 3. Numbers and booleans are stored as they are. Dates are numbers; only the number format
 *    makes them look like dates. NaN/Infinity fail with InvalidArgument.
 * 4. When the cell's number format is text ("@"), every string is stored as text, verbatim:
 *    no formula, no number parsing. Set the format before the values (same batch is fine:
 *    operations run in queue order).
 * 5. A string starting with an apostrophe is stored as text without the apostrophe (quote
 *    prefix); the cell remembers the prefix in its style (`quotePrefix`).
 * 6. A string starting with "=" is a formula. A string starting with "+" or "-" that is not a
 *    number, or with "@", is also entered as a formula ("=+x", "=-x", "=@x"), as Excel's input
 *    parser does; text like "-abc" therefore shows "#NAME?" — exactly the unsafe write the
 *    adapter must avoid.
 * 7. A string that is one of Excel's error constants ("#N/A", "#ref!" …) becomes that error
 *    value (stored upper case; `valueTypes` says "Error"), as typing it does; in a text cell or
 *    behind an apostrophe it stays text.
 * 8. Other strings that look like numbers ("00123", "1,234.5", "-7", "12%", "1e3") become
 *    numbers, "TRUE"/"FALSE" (any case) become booleans, and ISO dates "yyyy-mm-dd" become
 *    serials (given a "yyyy-mm-dd" format when the cell's format is General). Other
 *    locale-shaped dates stay text here (Excel might convert them, depending on locale).
 *
 * `Range.formulas` is written with the same rules: Excel stores "=..." written through
 * `formulas` into a text-format ("@") cell as text as well.
 */

/** A stored cell value (empty cells are `undefined` in storage and "" when read). */
export type StoredValue = number | string | boolean;

/** What a write turns into. */
export type CellInput =
  | { kind: "skip" }
  | { kind: "clear" }
  | { kind: "value"; value: StoredValue; quotePrefix?: boolean; impliedFormat?: string }
  | { kind: "formula"; formula: string };

const NUMERIC = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a numeric-looking string as Excel would when typed; null when not numeric. */
export function parseNumericText(s: string): number | null {
  const t = s.trim();
  if (t === "" || !/\d/.test(t) || !NUMERIC.test(t)) return null;
  const pct = t.endsWith("%");
  const n = Number((pct ? t.slice(0, -1) : t).replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  return pct ? n / 100 : n;
}

/** The error constants Excel's input parser accepts when typed (and formulas return). */
const ERROR_LITERAL = /^#(DIV\/0!|VALUE!|NAME\?|REF!|N\/A|NUM!|NULL!)$/;

/**
 * True for the text of one of Excel's classic error values, as a cell shows it.
 *
 * @example
 * isErrorLiteral("#N/A") // true
 * isErrorLiteral("#n/a") // false (typed input is upper-cased first)
 */
export function isErrorLiteral(text: string): boolean {
  return ERROR_LITERAL.test(text);
}

/** Excel serial (1900 system) of a proleptic Gregorian date; valid from 1900-03-01. */
export function serialFromYmd(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

/** Classifies one value written to `Range.values` or `Range.formulas` under the rules above. */
export function classifyInput(input: unknown, cellFormat: string): CellInput {
  if (input === null || input === undefined) return { kind: "skip" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new TypeError("non-finite number");
    return { kind: "value", value: input };
  }
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (input instanceof Date) {
    // Office.js serialises a Date as its ISO string; Excel then parses it as typed text.
    return classifyInput(input.toISOString().slice(0, 10), cellFormat);
  }
  const s = typeof input === "string" ? input : String(input);
  if (s === "") return { kind: "clear" };
  if (cellFormat === "@") return { kind: "value", value: s };
  if (s.startsWith("'")) return { kind: "value", value: s.slice(1), quotePrefix: true };
  if (s.startsWith("=") && s.length > 1) return { kind: "formula", formula: s };
  const num = parseNumericText(s);
  if (num !== null) {
    return s.trim().endsWith("%") && cellFormat === "General"
      ? { kind: "value", value: num, impliedFormat: "0%" }
      : { kind: "value", value: num };
  }
  if (s.startsWith("+") || s.startsWith("-") || s.startsWith("@")) return { kind: "formula", formula: `=${s}` };
  const upper = s.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  if (isErrorLiteral(upper)) return { kind: "value", value: upper };
  const iso = ISO_DATE.exec(s);
  if (iso) {
    const y = Number(iso[1]);
    const m = Number(iso[2]);
    const d = Number(iso[3]);
    const dt = new Date(Date.UTC(y, m - 1, d));
    if (y >= 1900 && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && serialFromYmd(y, m, d) >= 61) {
      return cellFormat === "General"
        ? { kind: "value", value: serialFromYmd(y, m, d), impliedFormat: "yyyy-mm-dd" }
        : { kind: "value", value: serialFromYmd(y, m, d) };
    }
  }
  return { kind: "value", value: s };
}

// ---------------------------------------------------------------------------------------------
// Number format rendering (a practical subset of Excel's format language)
// ---------------------------------------------------------------------------------------------

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Year, month, day, and seconds-of-day of a 1900-system serial (60 is the phantom 1900-02-29). */
function serialParts(serial: number): { y: number; m: number; d: number; secs: number } {
  const day = Math.floor(serial);
  const secs = Math.round((serial - day) * 86400);
  if (day === 60) return { y: 1900, m: 2, d: 29, secs };
  const ms = ((day < 60 ? day + 1 : day) - 25569) * 86400000;
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), secs };
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

function generalText(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9))
    return v
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .replace("e", "E");
  return String(Number(v.toPrecision(10)));
}

function isDateFormat(section: string): boolean {
  const stripped = section
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[ydhs]/i.test(stripped) || (/m/i.test(stripped) && !/[0#?]/.test(stripped));
}

function renderDate(serial: number, fmt: string): string {
  const { y, m, d, secs } = serialParts(serial);
  const hh = Math.floor(secs / 3600);
  const mi = Math.floor((secs % 3600) / 60);
  const ss = secs % 60;
  const tokens = fmt.replace(/\[[^\]]*\]/g, "").match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|./gi) ?? [];
  let out = "";
  let lastWasHour = false;
  tokens.forEach((tok, i) => {
    const t = tok.toLowerCase();
    const next = (tokens.slice(i + 1).find((x) => /[a-z]/i.test(x)) ?? "").toLowerCase();
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith("\\")) out += tok.slice(1);
    else if (t === "yyyy") out += pad(y, 4);
    else if (t === "yy") out += pad(y % 100, 2);
    else if (t === "mmmm") out += MONTHS[m - 1] ?? "";
    else if (t === "mmm") out += (MONTHS[m - 1] ?? "").slice(0, 3);
    else if (t === "mm" || t === "m") {
      // "m" after an hour or before seconds means minutes, as in Excel.
      const minutes = lastWasHour || next.startsWith("s");
      out += t === "mm" ? pad(minutes ? mi : m, 2) : String(minutes ? mi : m);
    } else if (t === "dddd") out += new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-US", { weekday: "long", timeZone: "UTC" });
    else if (t === "ddd") out += new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-US", { weekday: "short", timeZone: "UTC" });
    else if (t === "dd") out += pad(d, 2);
    else if (t === "d") out += String(d);
    else if (t === "hh") out += pad(hh, 2);
    else if (t === "h") out += String(hh);
    else if (t === "ss") out += pad(ss, 2);
    else if (t === "s") out += String(ss);
    else if (t === "am/pm") out += hh < 12 ? "AM" : "PM";
    else out += tok;
    if (/^[hms]/.test(t) && t !== "mmm" && t !== "mmmm") lastWasHour = t.startsWith("h") || (lastWasHour && t.startsWith("m"));
  });
  return out;
}

function renderNumber(v: number, section: string): string {
  // Literal text (quoted, escaped, currency brackets like [$€-407]) is kept around the digits.
  const literal = (s: string): string =>
    s
      .replace(/\[\$([^-\]]*)[^\]]*\]/g, "$1")
      .replace(/\[[^\]]*\]/g, "")
      .replace(/"([^"]*)"/g, "$1")
      .replace(/\\(.)/g, "$1")
      .replace(/[_*]./g, "");
  // Blank out quoted text and [..] tags (same length) so their digits are not placeholders.
  const cleaned = section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, (q) => " ".repeat(q.length));
  const first = cleaned.search(/[0#?]/);
  if (first < 0) return literal(section);
  let last = first;
  for (let i = first; i < cleaned.length; i++) if (/[0#?.,]/.test(cleaned[i] ?? "")) last = i;
  const core = section.slice(first, last + 1);
  const prefix = literal(section.slice(0, first));
  const suffix = literal(section.slice(last + 1));
  const percent = section.includes("%") ? 100 : 1;
  const dot = core.indexOf(".");
  const decimals = dot >= 0 ? (core.slice(dot + 1).match(/[0#?]/g) ?? []).length : 0;
  const grouping = (dot >= 0 ? core.slice(0, dot) : core).includes(",");
  const scaled = Math.abs(v) * percent;
  const [intDigits, frac] = scaled.toFixed(decimals).split(".") as [string, string | undefined];
  let intPart = intDigits;
  const minInt = ((dot >= 0 ? core.slice(0, dot) : core).match(/0/g) ?? []).length;
  if (intPart === "0" && minInt === 0) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${prefix}${intPart}${frac !== undefined ? `.${frac}` : ""}${suffix}`;
}

/**
 * Renders a cell value through a number format, like `Range.text`. Supports General, "@",
 * digit placeholders (0 # ?), grouping, decimals, percent, literal text and currency tags,
 * up to four sections (positive;negative;zero;text), and date/time codes (y m d h s).
 */
export function formatValue(value: StoredValue | undefined, numberFormat: string): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const sections = splitSections(numberFormat);
  if (typeof value === "string") {
    const textSection = sections[3] ?? sections.find((s) => s.includes("@")) ?? "@";
    return textSection.includes("@") ? textSection.replace(/"([^"]*)"/g, "$1").replace("@", value) : value;
  }
  const fmt = numberFormat.trim();
  if (fmt === "" || /^general$/i.test(fmt) || fmt === "@") return generalText(value);
  let section = sections[0] ?? "";
  let v = value;
  if (value < 0 && sections.length >= 2) {
    section = sections[1] ?? section;
    v = -value;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2] ?? section;
  }
  if (/^general$/i.test(section.trim())) return generalText(v);
  if (isDateFormat(section)) return renderDate(v, section);
  const body = renderNumber(v, section);
  return v < 0 && !(value < 0 && sections.length >= 2) ? `-${body}` : body;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] ?? "";
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
