/**
 * Puts the sample book into the simulated workbook as a user would have it: one sheet per
 * table with an Excel table over header + rows (the host's seed API), then dates and money
 * shown with number formats and columns wide enough to read (through `Excel.run`, like any
 * add-in would). Round-trip statistics are cleared afterwards so the status bar counts only
 * what AR Desk does.
 */
import { SAMPLE_DATE_COLUMNS, SAMPLE_MONEY_COLUMNS, generateSampleBook } from "../../engine/sample";
import type { TableData } from "../../engine/types";
import { columnLetters } from "../host/address";
import type { SeedSheet, Workbench } from "../host/workbench";

const DATE_FORMAT = "yyyy-mm-dd";
const MONEY_FORMAT = "#,##0.00";

/** A sheet of the seed spec for one table: cells from A1 and its Excel table. */
export function seedSheet(table: TableData): SeedSheet {
  // A loop, not Math.max(...rows): a spread of 200,000 arguments overflows the call stack.
  const width = table.rows.reduce((most, r) => Math.max(most, r.length), table.header.length);
  const pad = (row: readonly unknown[]): unknown[] => Array.from({ length: width }, (_, c) => row[c] ?? "");
  const row0 = Math.max(0, table.firstRow - 2);
  const col0 = Math.max(0, table.firstColumn);
  const cells: unknown[][] = [];
  for (let r = 0; r < row0; r++) cells.push([]);
  for (const row of [table.header, ...table.rows]) cells.push([...Array.from({ length: col0 }, () => null), ...pad(row)]);
  const last = `${columnLetters(col0 + width - 1)}${row0 + table.rows.length + 1}`;
  return {
    name: table.sheet,
    cells,
    tables: [{ name: `tbl${table.name.replace(/[^A-Za-z0-9_]/g, "")}`, address: `${columnLetters(col0)}${row0 + 1}:${last}` }],
  };
}

/** Width in points that shows a column's longest entry. */
function widthFor(values: readonly unknown[], format: string | null): number {
  let chars = 0;
  for (const v of values) {
    const n =
      typeof v === "number"
        ? format === DATE_FORMAT
          ? 10
          : format === MONEY_FORMAT
            ? Math.abs(v).toFixed(2).length + Math.floor(Math.abs(v).toFixed(0).length / 3)
            : String(v).length
        : String(v ?? "").length;
    if (n > chars) chars = n;
  }
  return Math.min(220, Math.max(48, Math.round(chars * 6.5 + 14)));
}

/**
 * Seeds the workbench with `tables` and formats them; resolves when done.
 *
 * @example
 * await seedTables(workbench, generateSampleBook({ invoices: 60, seed: 1 }));
 */
export async function seedTables(workbench: Workbench, tables: TableData[]): Promise<void> {
  workbench.seed({ sheets: tables.map(seedSheet) });
  await workbench.run(async (context) => {
    for (const table of tables) {
      const ws = context.workbook.worksheets.getItem(table.sheet);
      const row0 = Math.max(0, table.firstRow - 1);
      const col0 = Math.max(0, table.firstColumn);
      table.header.forEach((header, c) => {
        const name = String(header ?? "");
        const format = SAMPLE_DATE_COLUMNS.includes(name) ? DATE_FORMAT : SAMPLE_MONEY_COLUMNS.includes(name) ? MONEY_FORMAT : null;
        const column = ws.getRangeByIndexes(row0, col0 + c, Math.max(1, table.rows.length), 1);
        // One value for the whole column (Office.js applies a single value to every cell of the
        // range): a value per row exceeds the request limit on a book of 100,000 rows.
        if (format && table.rows.length > 0) column.numberFormat = format as unknown as string[][];
        ws.getRangeByIndexes(row0 - 1, col0 + c, 1, 1).format.columnWidth = widthFor([name, ...table.rows.map((r) => r[c])], format);
      });
      // Shown and active first: a page made unkind (`?freezePanes=inactive`) refuses to freeze other sheets, as Excel desktop does.
      ws.activate();
      ws.freezePanes.freezeRows(row0);
    }
    const first = tables[0];
    if (first) context.workbook.worksheets.getItem(first.sheet).activate();
    await context.sync();
  });
  workbench.stats.reset();
}

/** The sample book the workbench starts with (the CLI's `ar-desk sample --invoices 60 --seed 1`). */
export function sampleTables(invoices: number, seed: number): TableData[] {
  return generateSampleBook({ invoices, seed });
}
