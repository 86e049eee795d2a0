/**
 * The print layout of statement sheets through the Office.js writer, on the simulated host:
 * paper, orientation, fit to one page wide, print titles, footer and one page per customer.
 */
import { serialFromIso } from "../../src/engine/dates";
import { buildStatements } from "../../src/engine/statements/build";
import { statementsSheet } from "../../src/engine/statements/sheets";
import type { ExcelRun } from "../../src/excel/types";
import { writeReportSheets } from "../../src/excel/write";
import { createWorkbench, pageLayoutOf, type Workbench } from "../../src/workbench/host";
import { bookOf } from "../engine/builders";
import { simulateExcelApi } from "./helpers";

const book = bookOf({
  invoices: [
    { number: "INV-1", customer: "Acme Corp", invoiceDate: "2026-10-03", dueDate: "2026-11-02", amount: 100 },
    { number: "INV-2", customer: "Beta GmbH", invoiceDate: "2026-10-04", amount: 250, currency: "EUR" },
    { number: "INV-3", customer: "北京远景科技有限公司", invoiceDate: "2026-10-05", amount: 9000, currency: "CNY" },
  ],
  payments: [],
});
const set = buildStatements(book, {
  from: serialFromIso("2026-10-01")!,
  to: serialFromIso("2026-10-31")!,
  basis: "due",
  boundaries: [30, 60, 90],
  autoApply: true,
  lang: "zh-CN",
});
const sheet = statementsSheet(set, "zh-CN", { document: "statement", company: { name: "Contoso", address: "1 Harbour Road" } });

let wb: Workbench;
let run: ExcelRun;
beforeEach(() => {
  wb = createWorkbench();
  run = wb.run as unknown as ExcelRun;
});

describe("applyPageLayout through writeReportSheets", () => {
  it("sets A4 portrait, one page wide, print titles, the footer, and a page break before each customer after the first", async () => {
    expect(set.statements.length).toBe(3);
    await writeReportSheets(run, [sheet], { period: "2026-10" });
    const state = wb.workbook.sheet(sheet.name)!;
    const layout = pageLayoutOf(state);
    expect(layout).toMatchObject({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$3",
    });
    expect(layout.footers.centerFooter).toBe("第 &P 页，共 &N 页");
    expect(layout.rowBreaks).toEqual(sheet.page!.rowBreaks);
    expect(layout.rowBreaks.length).toBe(set.statements.length - 1);
    const customers = await run(async (context) => {
      const breaks = context.workbook.worksheets.getItem(sheet.name).horizontalPageBreaks;
      breaks.load("items/rowIndex");
      await context.sync();
      return breaks.items.map((b) => b.rowIndex);
    });
    expect(customers).toEqual(sheet.page!.rowBreaks);
  });

  it("writes the sheet without a print layout on a client before ExcelApi 1.9", async () => {
    const restore = simulateExcelApi("1.8");
    try {
      await writeReportSheets(run, [sheet], { period: "2026-10" });
    } finally {
      restore();
    }
    const layout = pageLayoutOf(wb.workbook.sheet(sheet.name)!);
    expect(layout.rowBreaks).toEqual([]);
    expect(layout.printTitleRows).toBeNull();
  });
});
