/**
 * Payload limits as the real Office.js client builds requests: the workbench's size estimate is
 * calibrated against the real client library, and the adapter's largest batches stay under
 * Excel on the web's 5 MB.
 */
import { MAX_REQUEST_BYTES, writeReportSheets } from "../../../src/excel";
import { queueMarkedRules, MAX_HIGHLIGHT_RULES, type TrackedRule } from "../../../src/excel/highlights";
import { applyColumnNumberFormats } from "../../../src/excel/layout";
import { excelRows, planWrite } from "../../../src/excel/write";
import type { SheetModel } from "../../../src/engine/types";
import type { ExcelRun } from "../../../src/excel/types";
import { createWorkbench } from "../../../src/workbench/host";
import { realContext, realRequestBytes } from "../realClient";
import { alternatingCurrencyModel, interleavedAgingSheets } from "./interleaved";

/** Excel on the web rejects a request of 5 MB. */
const EXCEL_WEB_LIMIT = 5 * 1024 * 1024;
/** How far the workbench's estimate may be from the real body (either way). */
const MARGIN = 0.1;

type Batch = (context: Excel.RequestContext) => void;

/** The same batch measured by the real client and by the workbench. */
async function measure(batch: Batch, sheets: string[]): Promise<{ real: number; estimate: number }> {
  const real = realContext();
  batch(real);
  const wb = createWorkbench();
  wb.seed({ sheets: sheets.map((name) => ({ name })) });
  await (wb.run as ExcelRun)(async (context) => {
    batch(context);
    await context.sync();
  });
  return { real: realRequestBytes(real), estimate: wb.stats.lastRequestBytes };
}

function expectCalibrated({ real, estimate }: { real: number; estimate: number }): void {
  expect(real).toBeLessThan(EXCEL_WEB_LIMIT);
  expect(Math.abs(estimate - real) / real).toBeLessThan(MARGIN);
}

describe("request sizes: the workbench against the real Office.js client", () => {
  const detail = interleavedAgingSheets(20_000)[1]!;
  const reconciliation = alternatingCurrencyModel(20_000);

  it("a value block (the largest of a 20k-row aging detail)", async () => {
    const plan = planWrite([detail]);
    const largest = [...plan.batches].sort((a, b) => b.bytes - a.bytes)[0]!;
    expect(largest.parts.length).toBeGreaterThan(0);
    const width = plan.widths[0]!;
    const sizes = await measure(
      (context) => {
        const ws = context.workbook.worksheets.getItem("Detail");
        applyColumnNumberFormats(ws, detail);
        for (const part of largest.parts)
          ws.getRangeByIndexes(part.start, 0, part.count, width).values = excelRows(detail, part.start, part.count);
      },
      ["Detail"],
    );
    expect(sizes.real).toBeGreaterThan(1_000_000);
    expectCalibrated(sizes);
  });

  it("a layout request (per-row currency formats of 20k alternating rows)", async () => {
    const plan = planWrite([reconciliation]);
    expect(plan.layout.length).toBeGreaterThan(1);
    for (const request of plan.layout) {
      expect(request.length).toBeGreaterThan(0);
      const sizes = await measure(
        (context) => {
          const ws = context.workbook.worksheets.getItem("Reconciliation");
          for (const { step } of request) step.apply(ws);
        },
        ["Reconciliation"],
      );
      expectCalibrated(sizes);
      // The adapter's own estimate, by which it cut the requests, is on the safe side.
      expect(request.reduce((n, { step }) => n + step.bytes, 0)).toBeGreaterThanOrEqual(sizes.real);
    }
  });

  it("a highlight request (the most rules one run adds)", async () => {
    const rules: TrackedRule[] = Array.from({ length: MAX_HIGHLIGHT_RULES }, (_, i) => ({
      sheet: "Customers",
      address: `A${2 + 2 * i}:G${2 + 2 * i}`,
      fill: "#FFC7CE",
    }));
    const sizes = await measure((context) => queueMarkedRules(context, "credit", rules), ["Customers"]);
    expect(sizes.real).toBeGreaterThan(MAX_HIGHLIGHT_RULES * 1_000);
    expectCalibrated(sizes);
  });
});

describe("number formats per run of rows, not conditional formats: what they cost", () => {
  it("the aging sheets group rows by currency: a handful of format ranges for 20k interleaved invoices", () => {
    const models = interleavedAgingSheets(20_000);
    expect(models.length).toBeGreaterThan(1);
    for (const model of models) {
      expect(model.formats.filter((f) => f.numberFormat !== undefined).length).toBeLessThan(100);
      expect(planWrite([model]).layout).toHaveLength(1);
    }
  });

  it("a sheet whose currencies alternate row by row needs one layout request per 10,000 rows at most", () => {
    for (const rows of [5_000, 20_000, 40_000]) {
      const layout = planWrite([alternatingCurrencyModel(rows)]).layout;
      expect(layout.length).toBeGreaterThan(0);
      expect(layout.length).toBeLessThanOrEqual(Math.ceil(rows / 10_000));
    }
  });
});

describe("a 20k-row book with interleaved JPY/BHD/USD", () => {
  async function writeAll(models: SheetModel[]) {
    const wb = createWorkbench();
    const result = await writeReportSheets(wb.run as ExcelRun, models, { period: "2026-10" });
    return { wb, result };
  }

  it("writes the aging report with every request within limits", async () => {
    const models = interleavedAgingSheets(20_000);
    const { wb, result } = await writeAll(models);
    expect(result.sheets).toEqual(models.map((m) => m.name));
    expect(wb.stats.requests.length).toBeGreaterThan(0);
    expect(wb.stats.requests.every((r) => r.ok)).toBe(true);
    expect(wb.stats.maxRequestBytes).toBeLessThan(MAX_REQUEST_BYTES);
  }, 120_000);

  it("writes a sheet of alternating currencies with every request within limits, formats intact", async () => {
    const model = alternatingCurrencyModel(20_000);
    const { wb, result } = await writeAll([model]);
    expect(result.warnings).toEqual([]);
    expect(wb.stats.requests.every((r) => r.ok)).toBe(true);
    expect(wb.stats.maxRequestBytes).toBeLessThan(MAX_REQUEST_BYTES);
    const sheet = wb.workbook.sheet(model.name)!;
    // JPY, BHD, USD rows keep their own decimals.
    expect([0, 1, 2].map((k) => sheet.numberFormat(model.dataStart + k, 3))).toEqual([
      "#,##0",
      "#,##0.000;-#,##0.000",
      "#,##0.00;-#,##0.00",
    ]);
  }, 120_000);
});
