/**
 * An in-memory WorkbookPort for use-case tests: tables in, sheets, settings, highlights and
 * appended rows recorded so a test can read them back.
 */
import type { CellValue, SheetModel, TableData } from "../../src/engine/types";
import type { PortHighlight, PortHighlightPurpose, PortNewTable, WorkbookPort } from "../../src/app/port";

export interface MemoryWorkbook extends WorkbookPort {
  tables: TableData[];
  /** Sheets written, by name (a re-run replaces). */
  sheets: Map<string, SheetModel>;
  settings: Map<string, unknown>;
  highlights: Map<PortHighlightPurpose, PortHighlight[]>;
  dateSystem: 1900 | 1904;
}

/**
 * A workbook holding `tables`.
 *
 * @example
 * const port = memoryWorkbook(generateSampleBook({ invoices: 60, seed: 1 }));
 */
export function memoryWorkbook(tables: TableData[], dateSystem: 1900 | 1904 = 1900): MemoryWorkbook {
  const book: MemoryWorkbook = {
    tables: tables.map((t) => ({ ...t, header: [...t.header], rows: t.rows.map((r) => [...r]) })),
    sheets: new Map(),
    settings: new Map(),
    highlights: new Map(),
    dateSystem,
    async readTables() {
      return {
        tables: book.tables,
        info: book.tables.map((t) => ({
          name: t.name,
          sheet: t.sheet,
          address: `${t.sheet}!A1`,
          kind: "table" as const,
          rowCount: t.rows.length,
        })),
        dateSystem: book.dateSystem,
      };
    },
    async writeSheets(sheets: SheetModel[]) {
      for (const s of sheets) book.sheets.set(s.name, s);
      return { sheets: sheets.map((s) => s.name), renamed: [] };
    },
    async readSetting(key: string) {
      return book.settings.has(key) ? JSON.parse(JSON.stringify(book.settings.get(key))) : null;
    },
    async writeSetting(key: string, value: unknown) {
      book.settings.set(key, JSON.parse(JSON.stringify(value)));
    },
    async setHighlights(purpose, rules) {
      const removed = book.highlights.get(purpose)?.length ?? 0;
      book.highlights.set(purpose, [...rules]);
      return { added: rules.length, removed };
    },
    async clearHighlights(purpose) {
      const removed = book.highlights.get(purpose)?.length ?? 0;
      book.highlights.delete(purpose);
      return { removed };
    },
    async createTable(table: PortNewTable) {
      book.tables.push({ sheet: table.sheet, name: table.name, header: [...table.header], rows: [], firstRow: 2, firstColumn: 0 });
      return { sheet: table.sheet, name: table.name };
    },
    async appendRows(name: string, rows: CellValue[][]) {
      const table = book.tables.find((t) => t.name === name);
      if (!table) throw new Error(`No table ${name}`);
      const firstRow = table.firstRow + table.rows.length;
      table.rows.push(...rows.map((r) => [...r]));
      return { sheet: table.sheet, firstRow };
    },
  };
  return book;
}
