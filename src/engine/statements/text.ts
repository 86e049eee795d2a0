/**
 * Plain-text helpers for printed documents: display width (CJK characters take two columns) and
 * wrapping a paragraph into lines, since sheet cells of a printed statement do not wrap.
 */

/**
 * Display width of text in monospace columns: East Asian wide and full-width characters count 2.
 *
 * @example
 * displayWidth("Acme")   // 4
 * displayWidth("对账单") // 6
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * Splits a paragraph into lines of at most `width` display columns: at spaces for Latin text,
 * between any two characters for CJK text (which has no spaces). A single word longer than the
 * width gets a line of its own.
 *
 * @example
 * wrapText("Please confirm the balance of your account", 20) // ["Please confirm the", "balance of your", "account"]
 * wrapText("本函仅为复核账目之用，并非催款结算。", 12)            // ["本函仅为复核", "账目之用，并", "非催款结算。"]
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  const flush = (): void => {
    if (line.trim() !== "") lines.push(line.trimEnd());
    line = "";
    lineWidth = 0;
  };
  for (const token of tokens(text)) {
    const w = displayWidth(token);
    if (/^\s+$/.test(token)) {
      if (lineWidth > 0 && lineWidth + w <= width) {
        line += token;
        lineWidth += w;
      } else if (lineWidth > 0) flush();
      continue;
    }
    if (lineWidth + w > width && lineWidth > 0) flush();
    line += token;
    lineWidth += w;
  }
  flush();
  return lines;
}

/** Words of Latin text, single wide characters, and runs of spaces. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = "";
  let space = "";
  for (const ch of text) {
    if (/\s/.test(ch)) {
      if (word) out.push(word);
      word = "";
      space += ch;
      continue;
    }
    if (space) out.push(space);
    space = "";
    if (isWide(ch.codePointAt(0) ?? 0)) {
      if (word) out.push(word);
      word = "";
      out.push(ch);
    } else word += ch;
  }
  if (word) out.push(word);
  if (space) out.push(space);
  return out;
}
