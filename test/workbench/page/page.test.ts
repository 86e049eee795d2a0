/**
 * The workbench page's pure parts: query parameters, grid geometry, chart series and the seed
 * spec of the sample book. The page itself is exercised in Chromium by test/e2e.
 */
import { generateSampleBook } from "../../../src/engine/sample";
import { createWorkbench } from "../../../src/workbench/host/workbench";
import { chartData } from "../../../src/workbench/page/chartData";
import {
  HEADER_HEIGHT,
  MIN_COLS,
  MIN_ROWS,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  columnAt,
  px,
  sheetLayout,
  visibleWindow,
} from "../../../src/workbench/page/layout";
import { pageParams } from "../../../src/workbench/page/params";
import { seedSheet, seedTables } from "../../../src/workbench/page/seed";

describe("pageParams", () => {
  it("defaults to English, light, the clock, 60 invoices, seed 1, pane open, the aging in the worker", () => {
    expect(pageParams("")).toEqual({
      lang: "en-US",
      theme: "light",
      today: null,
      invoices: 60,
      seed: 1,
      empty: false,
      paneOpen: true,
      paneWidth: 350,
      freezePanesFail: "hidden",
      engine: "worker",
    });
  });
  it("reads language, theme, today, the book size, the unkind freeze panes and where the aging computes", () => {
    expect(
      pageParams(
        "?lang=zh-cn&theme=dark&today=2026-11-16&invoices=500&seed=7&empty=1&pane=0&paneWidth=320&freezePanes=inactive&engine=inprocess",
      ),
    ).toEqual({
      lang: "zh-CN",
      theme: "dark",
      today: "2026-11-16",
      invoices: 500,
      seed: 7,
      empty: true,
      paneOpen: false,
      paneWidth: 320,
      freezePanesFail: "inactive",
      engine: "inprocess",
    });
  });
  it("ignores values it cannot use", () => {
    const p = pageParams("?lang=fr&today=16/11/2026&invoices=-3&seed=x&paneWidth=10&freezePanes=always");
    expect([p.lang, p.today, p.invoices, p.seed, p.paneWidth, p.freezePanesFail]).toEqual(["en-US", null, 60, 1, 350, "hidden"]);
  });
});

describe("grid layout", () => {
  const wb = createWorkbench();
  wb.seed({
    sheets: [
      {
        name: "S",
        cells: [
          ["a", "b", "c"],
          [1, 2, 3],
        ],
      },
    ],
  });
  const sheet = wb.workbook.sheet("S")!;

  it("shows at least an empty sheet's worth of rows and columns, in pixels", () => {
    const layout = sheetLayout(sheet);
    expect(layout.rowCount).toBe(MIN_ROWS);
    expect(layout.colCount).toBe(MIN_COLS);
    expect(layout.colLeft[1]).toBe(px(48)); // Excel's default 8.43 characters = 64 px
    expect(layout.width).toBe(ROW_HEADER_WIDTH + MIN_COLS * 64);
    expect(layout.height).toBe(HEADER_HEIGHT + MIN_ROWS * ROW_HEIGHT);
  });

  it("renders only the rows and columns in view (plus a little overscan)", () => {
    sheet.columnWidths.set(1, 150);
    const layout = sheetLayout(sheet);
    expect(columnAt(layout, 0)).toBe(0);
    expect(columnAt(layout, 64)).toBe(1);
    expect(columnAt(layout, 64 + 199)).toBe(1);
    expect(columnAt(layout, 64 + 200)).toBe(2);
    const w = visibleWindow(layout, ROW_HEIGHT * 20, 0, 300, ROW_HEIGHT * 10);
    expect(w.rowStart).toBe(18);
    expect(w.rowEnd).toBe(32);
    expect(w.colStart).toBe(0);
    expect(w.colEnd).toBeLessThanOrEqual(5);
  });

  it("grows with the used range of a large sheet without rendering it all", () => {
    const big = createWorkbench();
    big.seed({ sheets: [{ name: "Big", cells: Array.from({ length: 5000 }, (_, i) => [i]) }] });
    const layout = sheetLayout(big.workbook.sheet("Big")!);
    expect(layout.rowCount).toBeGreaterThan(5000);
    const w = visibleWindow(layout, 4000 * ROW_HEIGHT, 0, 800, 600);
    expect(w.rowEnd - w.rowStart).toBeLessThan(40);
  });
});

describe("seeding the sample book", () => {
  it("describes each table as a sheet from A1 with an Excel table over header and rows", () => {
    const [invoices] = generateSampleBook({ invoices: 10, seed: 1 });
    const spec = seedSheet(invoices!);
    expect(spec.name).toBe("Invoices");
    expect(spec.cells![0]).toEqual(invoices!.header);
    expect(spec.cells).toHaveLength(11);
    expect(spec.tables).toEqual([{ name: "tblInvoices", address: `A1:${String.fromCharCode(64 + invoices!.header.length)}11` }]);
  });

  it("formats dates and money, freezes the header and leaves no round trips counted", async () => {
    const wb = createWorkbench();
    const tables = generateSampleBook({ invoices: 20, seed: 1 });
    await seedTables(wb, tables);
    expect(wb.workbook.sheets.map((s) => s.name)).toEqual(["Invoices", "Payments", "Customers"]);
    expect(wb.workbook.tables.map((t) => t.name)).toEqual(["tblInvoices", "tblPayments", "tblCustomers"]);
    const sheet = wb.workbook.sheet("Invoices")!;
    const header = tables[0]!.header;
    expect(sheet.text(1, header.indexOf("Invoice Date"))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sheet.numberFormat(1, header.indexOf("Amount"))).toBe("#,##0.00");
    expect(sheet.frozen.rows).toBe(1);
    expect(wb.workbook.activeSheet?.name).toBe("Invoices");
    expect(wb.stats.roundTrips).toBe(0);
  });
});

describe("chartData", () => {
  it("reads series by rows: categories from the header row, one series per row", () => {
    const wb = createWorkbench();
    wb.seed({
      sheets: [
        {
          name: "S",
          cells: [
            ["Currency", "Current", "1-30"],
            ["USD", 10, 20],
            ["EUR", 1, 2],
          ],
        },
      ],
    });
    const sheet = wb.workbook.sheet("S")!;
    const chart = {
      id: "c",
      name: "c",
      sheet,
      chartType: "ColumnClustered",
      source: { row: 0, col: 0, rows: 3, cols: 3 },
      seriesBy: "Rows",
      title: "By bucket",
      titleVisible: true,
      legendPosition: "Bottom",
      legendVisible: true,
      top: 0,
      left: 0,
      width: 360,
      height: 216,
      anchor: null,
    };
    expect(chartData(chart)).toEqual({
      title: "By bucket",
      stacked: false,
      categories: ["Current", "1-30"],
      series: [
        { name: "USD", values: [10, 20] },
        { name: "EUR", values: [1, 2] },
      ],
    });
    expect(chartData({ ...chart, seriesBy: "Columns", chartType: "ColumnStacked" })).toEqual({
      title: "By bucket",
      stacked: true,
      categories: ["USD", "EUR"],
      series: [
        { name: "Current", values: [10, 1] },
        { name: "1-30", values: [20, 2] },
      ],
    });
  });
});
