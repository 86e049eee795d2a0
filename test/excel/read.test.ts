/**
 * Finding and reading the user's tables in the simulated Excel host.
 */
import { CancelledError } from "../../src/excel/errors";
import { readWorkbookTables } from "../../src/excel/read";
import { cellKey } from "../../src/engine/read/cells";
import type { ExcelRun, Progress } from "../../src/excel/types";
import { writeReportSheets } from "../../src/excel/write";
import { createWorkbench, type Workbench } from "../../src/workbench/host";
import { summaryModel } from "./models";

let wb: Workbench;
let run: ExcelRun;
beforeEach(() => {
  wb = createWorkbench();
  run = wb.run as unknown as ExcelRun;
});

describe("readWorkbookTables", () => {
  it("reads Excel tables: header, rows, position, address; dates stay serial numbers", async () => {
    wb.seed({
      sheets: [
        {
          name: "Sales",
          cells: [
            [],
            [null, "Invoice No", "Customer", "Due", "Amount"],
            [null, "INV-1", "Acme", 46000, 100.5],
            [null, "INV-2", "", 46031, 7],
          ],
          tables: [{ name: "tblSales", address: "B2:E4" }],
        },
      ],
    });
    const result = await readWorkbookTables(run);
    expect(result.tables).toEqual([
      {
        sheet: "Sales",
        name: "tblSales",
        header: ["Invoice No", "Customer", "Due", "Amount"],
        rows: [
          ["INV-1", "Acme", 46000, 100.5],
          ["INV-2", null, 46031, 7],
        ],
        firstRow: 3,
        firstColumn: 1,
        // Cell types known (Office.js): no cell holds an error value.
        errorCells: new Set(),
      },
    ]);
    expect(result.info).toEqual([{ name: "tblSales", sheet: "Sales", address: "Sales!B2:E4", kind: "table", rowCount: 2 }]);
    expect(result.dateSystem).toBe(1900);
  });

  it("finds a header row on a plain sheet below title rows, reads past a blank row and stops at a second header row, naming the rows", async () => {
    wb.seed({
      sheets: [
        {
          name: "Open items",
          cells: [
            ["Prepared by", "J. Smith"],
            [],
            ["Doc", "Customer", "Amount"],
            ["A-1", "Acme", 10],
            [],
            ["A-2", "Beta", 20],
            [],
            ["Receipt", "Customer", "Payment Date"],
            ["R-1", "Acme", 46000],
          ],
        },
        {
          name: "Numbers only",
          cells: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
    const result = await readWorkbookTables(run);
    expect(result.tables).toEqual([
      {
        sheet: "Open items",
        name: "Open items",
        header: ["Doc", "Customer", "Amount"],
        rows: [
          ["A-1", "Acme", 10],
          [null, null, null],
          ["A-2", "Beta", 20],
        ],
        firstRow: 4,
        firstColumn: 0,
        notes: [
          { severity: "warning", code: "table.blankRowsSkipped", row: null, params: { count: 1, row: 5 } },
          { severity: "warning", code: "table.stoppedAtBlock", row: 8, params: { row: 8, endRow: 9, lastRow: 6 } },
        ],
        errorCells: new Set(),
      },
    ]);
    expect(result.info).toEqual([{ name: "Open items", sheet: "Open items", address: "'Open items'!A3:C6", kind: "range", rowCount: 3 }]);
  });

  it("detects the 1904 date system with Excel's own DATE function", async () => {
    // The simulated host has no Functions API (then the adapter assumes 1900, as tested above);
    // here DATE(1904,1,2) answers 1, as it does in a 1904 workbook.
    const date = jest.fn(() => ({ load: () => undefined, value: 1 }));
    const run1904 = ((batch: (context: Excel.RequestContext) => Promise<unknown>) =>
      run(async (context) => {
        Object.defineProperty(context.workbook, "functions", { value: { date } });
        return batch(context);
      })) as ExcelRun;
    expect((await readWorkbookTables(run1904)).dateSystem).toBe(1904);
    expect(date).toHaveBeenCalledWith(1904, 1, 2);
  });

  it("names rows typed just below an Excel table, outside it, without an extra round trip (point 6)", async () => {
    wb.seed({
      sheets: [
        {
          name: "Sales",
          cells: [
            ["Invoice No", "Customer", "Due", "Amount"],
            ["INV-1", "Acme", 46000, 1],
            ["INV-2", "Acme", 46000, 2],
            ["INV-3", "Acme", 46000, 3],
          ],
          tables: [{ name: "tblSales", address: "A1:D3" }],
        },
      ],
    });
    const result = await readWorkbookTables(run);
    expect(result.tables[0]?.rows).toHaveLength(2);
    expect(result.tables[0]?.notes).toEqual([{ severity: "warning", code: "table.rowsBelowTable", row: 4, params: { row: 4, endRow: 4 } }]);
  });

  it("tells error values from text typed like them by Range.valueTypes, asking only for cells that read like errors (point 7)", async () => {
    wb.seed({
      sheets: [
        {
          name: "Invoices",
          cells: [
            ["Invoice No", "Customer", "Due Date", "Amount"],
            ["I-1", "'#N/A", 46000, 10],
            ["I-2", "#N/A", 46000, 10],
            ["I-3", "#N/A", 46000, "=1/0"],
            ["I-4", "Acme", 46000, 10],
          ],
          tables: [{ name: "tblInvoices", address: "A1:D5" }],
        },
      ],
    });
    const trips = wb.stats.roundTrips;
    const result = await readWorkbookTables(run);
    const table = result.tables[0]!;
    expect(table.rows.map((row) => row[1])).toEqual(["#N/A", "#N/A", "#N/A", "Acme"]);
    // Row 0's customer is text (quote prefix); rows 1–2's is the error constant; row 2's amount a failed formula.
    expect([...(table.errorCells ?? [])].sort((a, b) => a - b)).toEqual([cellKey(1, 1), cellKey(2, 1), cellKey(2, 3)]);
    // One round trip more than a book without such text: the types of the suspect cells.
    const plain = createWorkbench();
    plain.seed({
      sheets: [
        {
          name: "Invoices",
          cells: [
            ["Invoice No", "Customer", "Due Date", "Amount"],
            ["I-1", "Acme", 46000, 10],
          ],
          tables: [{ name: "tblInvoices", address: "A1:D2" }],
        },
      ],
    });
    const plainTrips = plain.stats.roundTrips;
    await readWorkbookTables(plain.run as unknown as ExcelRun);
    expect(wb.stats.roundTrips - trips).toBe(plain.stats.roundTrips - plainTrips + 1);
  });

  it("looks for a header only on sheets without an Excel table", async () => {
    wb.seed({
      sheets: [
        {
          name: "Mixed",
          cells: [["Invoice", "Amount"], ["I-1", 1], [], ["Note", "Other"], ["x", "y"]],
          tables: [{ name: "tblMixed", address: "A1:B2" }],
        },
      ],
    });
    const result = await readWorkbookTables(run);
    expect(result.tables.map((t) => t.name)).toEqual(["tblMixed"]);
  });

  it("skips AR Desk's own sheets", async () => {
    wb.seed({
      sheets: [
        {
          name: "Invoices",
          cells: [
            ["Invoice", "Amount"],
            ["I-1", 1],
          ],
        },
      ],
    });
    await writeReportSheets(run, [summaryModel()], { period: "2026-10" });
    const result = await readWorkbookTables(run);
    expect(result.tables.map((t) => t.sheet)).toEqual(["Invoices"]);
  });

  it("reads a large table in blocks: one round trip per block after the two that find the tables", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => [`INV-${i}`, `Customer ${i % 300}`, 46000 + (i % 400), (i * 13) % 9999]);
    wb.seed({
      sheets: [
        { name: "Big", cells: [["Invoice", "Customer", "Due", "Amount"], ...rows], tables: [{ name: "tblBig", address: "A1:D60001" }] },
      ],
    });
    const progress: Progress[] = [];
    wb.stats.reset();
    const result = await readWorkbookTables(run, { onProgress: (p) => progress.push(p), blockBudgetBytes: 500_000 });
    expect(result.tables[0]?.rows).toEqual(rows);
    const blocks = progress.length;
    expect(blocks).toBeGreaterThan(3);
    // Sheet list, tags + table positions + used ranges, then the blocks (no plain sheet to probe).
    expect(wb.stats.roundTrips).toBe(2 + blocks);
    expect(progress[progress.length - 1]).toEqual({ stage: "read", done: blocks, total: blocks });
    // The learned bytes-per-cell keeps later blocks near the budget, never far over it.
    for (const r of wb.stats.requests) expect(r.responseBytes).toBeLessThan(1_000_000);
  }, 60_000);

  it("stays under Excel's response limit with the default budget", async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [
      `INV-${i}`,
      `A customer with a long name ${i % 300}`,
      46000 + (i % 400),
      (i * 13) % 9999,
      "Open",
    ]);
    wb.seed({ sheets: [{ name: "Big", cells: [["Invoice", "Customer", "Due", "Amount", "Status"], ...rows] }] });
    wb.stats.reset();
    const result = await readWorkbookTables(run);
    expect(result.tables[0]?.rows.length).toBe(100_000);
    expect(wb.stats.maxResponseBytes).toBeLessThan(4_000_000);
  }, 60_000);

  it("can be cancelled between blocks", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`INV-${i}`, i]);
    wb.seed({ sheets: [{ name: "Big", cells: [["Invoice", "Amount"], ...rows], tables: [{ name: "tblBig", address: "A1:B20001" }] }] });
    const controller = new AbortController();
    const read = readWorkbookTables(run, { signal: controller.signal, blockBudgetBytes: 50_000, onProgress: () => controller.abort() });
    await expect(read).rejects.toBeInstanceOf(CancelledError);
  });
});
