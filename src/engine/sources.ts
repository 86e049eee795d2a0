/**
 * Which source table a row of the Book came from, when a role was read from several tables
 * together (Book.joined): issues raised after reading (cash application, statements, the
 * credit check) name the cell in the row's own table.
 */
import type { Book, Role, TableDetection } from "./types";

/**
 * The detected table of `role` holding sheet row `row` of `sheet`: the joined table that does,
 * else the role's source.
 *
 * @example
 * sourceAt(book, "invoices", "Invoices Q3", 5)?.table.name // "Invoices Q3"
 * sourceAt(book, "invoices", "Invoices", 2)?.table.name    // "Invoices" (also the only source)
 */
export function sourceAt(book: Pick<Book, "sources" | "joined">, role: Role, sheet: string, row: number): TableDetection | undefined {
  const parts = book.joined?.[role];
  if (parts) {
    for (const part of parts) {
      const table = part.table;
      if (table.sheet === sheet && row >= table.firstRow && row < table.firstRow + table.rows.length) return part;
    }
  }
  return book.sources[role];
}
