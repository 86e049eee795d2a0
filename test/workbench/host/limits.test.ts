/** Request/response size limits and throughput of the simulated host. */
import { createWorkbench, HostError } from "../../../src/workbench/host";

async function rejection(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected a rejection");
}

function block(rows: number, cols: number, offset: number): (string | number)[][] {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (j === 0 ? `INV-${offset + i}` : (offset + i) * 1.25 + j)),
  );
}

describe("payload limits", () => {
  it("rejects a request over maxRequestBytes before running any of it", async () => {
    const wb = createWorkbench({ maxRequestBytes: 10_000 });
    const e = await rejection(
      wb.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["first"]];
        ws.getRange("A2:L1001").values = block(1000, 12, 0);
        await context.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.snapshot("Sheet1")).toEqual([]);
    expect(wb.stats.requests[0]).toMatchObject({ ok: false, errorCode: "RequestPayloadSizeLimitExceeded" });
    expect(wb.stats.lastRequestBytes).toBeGreaterThan(10_000);
  });

  it("uses 5 MB by default, as Excel on the web", async () => {
    const wb = createWorkbench();
    const big = block(60_000, 12, 0);
    const e = await rejection(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:L60000").values = big;
        await context.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
  });

  it("rejects a response over the limit (writes of that request stay applied)", async () => {
    const wb = createWorkbench();
    wb.seed({ sheets: [{ name: "S", cells: block(100_000, 12, 0) }] });
    const e = await rejection(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:L100000").load("values");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("refuses to read more than 5,000,000 cells of one range", async () => {
    const wb = createWorkbench();
    const e = await rejection(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A:E").load("values");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("estimates response bytes of loads", async () => {
    const wb = createWorkbench();
    wb.seed({ sheets: [{ name: "S", cells: block(100, 4, 0) }] });
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:D100").load("values");
      await context.sync();
    });
    expect(wb.stats.lastResponseBytes).toBeGreaterThan(100 * 4 * 3);
  });
});

describe("throughput", () => {
  it("writes and reads 100k rows × 12 columns in 10k-row blocks quickly", async () => {
    const wb = createWorkbench();
    const rows = 100_000;
    const blockRows = 10_000;
    const blocks = Array.from({ length: rows / blockRows }, (_, b) => block(blockRows, 12, b * blockRows));
    const t0 = Date.now();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.add("Detail");
      context.workbook.application.suspendApiCalculationUntilNextSync();
      ws.getRange(`B1:B${rows}`).numberFormat = "#,##0.00" as unknown as string[][];
      for (let b = 0; b < blocks.length; b++) {
        ws.getRangeByIndexes(b * blockRows, 0, blockRows, 12).values = blocks[b]!;
        await context.sync();
      }
    });
    const writeMs = Date.now() - t0;
    const t1 = Date.now();
    // One load of all 1.2M cells would exceed the 5 MB response limit: read in blocks.
    const read: unknown[][] = [];
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Detail");
      const used = ws.getUsedRange(true).load("rowCount");
      await context.sync();
      for (let start = 0; start < used.rowCount; start += 25_000) {
        const r = ws.getRangeByIndexes(start, 0, Math.min(25_000, used.rowCount - start), 12).load("values");
        await context.sync();
        read.push(...r.values);
      }
    });
    const readMs = Date.now() - t1;
    expect(read).toHaveLength(rows);
    expect(read[rows - 1]![0]).toBe(`INV-${rows - 1}`);
    expect(wb.stats.syncCount).toBe(10 + 1 + 4);
    expect(wb.stats.maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
    expect(wb.stats.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(writeMs).toBeLessThan(3000);
    expect(readMs).toBeLessThan(2000);
  });
});
