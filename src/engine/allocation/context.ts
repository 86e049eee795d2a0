/**
 * State shared by the steps of cash application, and the issues they raise at the source cell.
 */
import { sourceAt } from "../sources";
import type { Book, CellValue, ExcludedRow, Field, Lang, Role, RowIssue, Severity } from "../types";
import { cellAddress } from "../read/normalize";
import { t, type MessageParams } from "../../i18n";

export interface Context {
  book: Book;
  lang: Lang;
  issues: RowIssue[];
  excluded: ExcludedRow[];
  open: Float64Array;
  applied: Float64Array;
  /** Unreferenced cash + credit + excess per account; what is left at the end is unapplied. */
  pool: Float64Array;
  /** Cash naming an invoice dated after as-of, per account: unapplied credit, never auto-applied. */
  earmarked: Float64Array;
}

/** A RowIssue located at the column the source table used for `field`, when known. */
export function issueAt(
  context: Context,
  role: Role,
  field: Field,
  sheet: string,
  row: number,
  value: CellValue,
  severity: Severity,
  code: string,
  params: MessageParams,
): RowIssue {
  // The row's own table, when the role was read from several.
  const source = sourceAt(context.book, role, sheet, row);
  const match = source?.columns.find((c) => c.field === field);
  return {
    severity,
    sheet,
    row,
    column: match ? match.header : null,
    cell: match && source ? cellAddress(source.table.firstColumn + match.index, row) : null,
    value,
    code,
    message: t(context.lang, code, params),
  };
}
