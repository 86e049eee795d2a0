/**
 * Text the command prints is safe for a terminal: invoice numbers, customer names and sheet
 * names come from the user's files, and an escape sequence in one (ESC[2J clears the screen,
 * others retitle the window or move the cursor) must show as text, not act.
 */

/**
 * Control characters that act on a terminal: C0 (but line feed and tab), DEL, C1, and the
 * bidirectional overrides that reorder what is shown.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Replaces every control character with a visible escape (`\x1b`, `\u202e`).
 *
 * @example
 * escapeControl("INV-1\x1b[2J") // "INV-1\\x1b[2J"
 * escapeControl("a\nb")         // "a\nb"
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** What a stream needs for {@link safeStream}. */
export interface TextSink {
  write(text: string): unknown;
}

/** The progress bar's own line control (see progress.ts): kept, the text after it escaped. */
const LINE_RESET = "\r\x1b[K";

/**
 * A stream whose writes are escaped with {@link escapeControl}, except the progress bar's line
 * reset at the start of a write.
 *
 * @example
 * safeStream(process.stderr).write("Sheet \x1b]0;pwned\x07\n") // prints Sheet \x1b]0;pwned\x07
 */
export function safeStream(sink: TextSink): TextSink {
  return {
    write(text: string): unknown {
      if (text.startsWith(LINE_RESET)) return sink.write(LINE_RESET + escapeControl(text.slice(LINE_RESET.length)));
      return sink.write(escapeControl(text));
    },
  };
}
