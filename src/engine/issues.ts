/**
 * Issues about the whole book or request rather than one cell: a missing setting, a rate that
 * is not in the table, a bucket with no history. They carry no sheet, row or column; the
 * message is the code's, in the user's language.
 */
import { t, type MessageParams } from "../i18n";
import type { CellValue, Lang, RowIssue, Severity } from "./types";

/**
 * An issue located nowhere in the book (sheet "", row and column null), with `code`'s message in
 * `lang`, filled with `params`; `value` is what it is about, when there is one.
 *
 * @example
 * bookIssue("en-US", "warning", "statements.company.missing")
 * // { severity: "warning", sheet: "", row: null, column: null, cell: null, value: null, code: "statements.company.missing", message: "…" }
 */
export function bookIssue(lang: Lang, severity: Severity, code: string, params: MessageParams = {}, value: CellValue = null): RowIssue {
  return { severity, sheet: "", row: null, column: null, cell: null, value, code, message: t(lang, code, params) };
}
