/**
 * Reading a memo-heavy CJK table against Excel on the web's 5 MB response limit: the first
 * block must not be a guess that fails for good.
 */
import { readWorkbookTables } from "../../../src/excel";
import { FIRST_BLOCK_CELLS } from "../../../src/excel/read";
import type { ExcelRun } from "../../../src/excel/types";
import { createWorkbench } from "../../../src/workbench/host";

const LIMIT = 5 * 1024 * 1024;

/** A memo of `n` CJK characters (three bytes each in UTF-8). */
function memo(seed: number, n: number): string {
  const chars = "应收账款客户发票付款备注逾期核对余额";
  return Array.from({ length: n }, (_, k) => chars[(seed * 7 + k) % chars.length]).join("");
}

/** Invoices with four long memo columns: about 7 KB a row in the response. */
function memoTable(rows: number): unknown[][] {
  const header = ["发票号", "客户", "到期日", "金额", "备注一", "备注二", "备注三", "备注四"];
  const body = Array.from({ length: rows }, (_, i) => [
    `INV-${i + 1}`,
    `客户 ${i % 50}`,
    46000 + (i % 300),
    100 + i,
    memo(i, 600),
    memo(i + 1, 600),
    memo(i + 2, 600),
    memo(i + 3, 600),
  ]);
  return [header, ...body];
}

describe("a memo-heavy CJK table", () => {
  it("reads completely, retrying a block Excel refuses as too large, every delivered response under 5 MB", async () => {
    const wb = createWorkbench();
    const cells = memoTable(3_000);
    wb.seed({ sheets: [{ name: "发票", cells, tables: [{ name: "tblInvoices", address: `A1:H${cells.length}` }] }] });
    // Learning from a first block of short rows and then meeting the memos is the hard case:
    // the first FIRST_BLOCK_CELLS cells are plain, the memos start after them.
    const plainRows = Math.ceil(FIRST_BLOCK_CELLS / 8) + 10;
    for (let r = 1; r <= plainRows; r++) for (let c = 4; c < 8; c++) cells[r]![c] = "短";
    wb.seed({ sheets: [{ name: "发票", cells, tables: [{ name: "tblInvoices", address: `A1:H${cells.length}` }] }] });

    wb.stats.reset();
    const result = await readWorkbookTables(wb.run as ExcelRun);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]!.rows).toEqual(cells.slice(1));

    const refused = wb.stats.requests.filter((r) => r.errorCode === "ResponsePayloadSizeLimitExceeded");
    expect(refused.length).toBeGreaterThan(0);
    const delivered = wb.stats.requests.filter((r) => r.ok);
    expect(delivered.length).toBeGreaterThan(0);
    for (const r of delivered) expect(r.responseBytes).toBeLessThan(LIMIT);
  }, 120_000);

  it("starts small: a uniformly memo-heavy table needs no retry at all", async () => {
    const wb = createWorkbench();
    const cells = memoTable(2_000);
    wb.seed({ sheets: [{ name: "发票", cells, tables: [{ name: "tblInvoices", address: `A1:H${cells.length}` }] }] });
    wb.stats.reset();
    const result = await readWorkbookTables(wb.run as ExcelRun);
    expect(result.tables[0]!.rows).toEqual(cells.slice(1));
    expect(wb.stats.requests.length).toBeGreaterThan(0);
    expect(wb.stats.requests.every((r) => r.ok)).toBe(true);
  }, 120_000);
});
