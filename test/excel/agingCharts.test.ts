/**
 * The aging summary's charts as the Office.js writer draws them on the simulated host (the same
 * host the workbench page previews): one chart per currency, each plotting only its own
 * currency's buckets, so CNY, EUR and USD never share an axis.
 */
import { writeReportSheets } from "../../src/excel";
import type { ExcelRun } from "../../src/excel/types";
import { ageBook } from "../../src/engine/aging";
import { serialFromYmd } from "../../src/engine/dates";
import { readBook } from "../../src/engine/read";
import { agingSheets } from "../../src/engine/report/aging";
import { generateSampleBook } from "../../src/engine/sample";
import type { Lang } from "../../src/engine/types";
import { createWorkbench } from "../../src/workbench/host";
import { chartData } from "../../src/workbench/page/chartData";

const AS_OF = serialFromYmd(2026, 10, 31);

describe.each<Lang>(["en-US", "zh-CN"])("the sample's aging summary in Excel (%s)", (lang) => {
  it("has one chart per currency, each with its currency's single series", async () => {
    const tables = generateSampleBook({ invoices: 300, seed: 1, asOf: AS_OF, lang });
    const book = readBook(tables, { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
    const report = ageBook(book, { asOf: AS_OF, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang });
    const [summary] = agingSheets(report, lang);
    const currencies = report.totals.map((t) => t.currency);
    expect(currencies).toEqual(["CNY", "EUR", "JPY", "USD"]);

    const workbench = createWorkbench();
    await writeReportSheets(workbench.run as ExcelRun, [summary!], { period: "2026-10" });
    const sheet = workbench.workbook.sheets.find((s) => s.name === summary!.name)!;
    expect(sheet.charts).toHaveLength(currencies.length);
    const drawn = sheet.charts.map((chart) => chartData(chart));
    expect(drawn.map((d) => d.series.map((s) => s.name))).toEqual(currencies.map((c) => [c]));
    for (const [k, data] of drawn.entries()) {
      const total = report.totals[k]!;
      expect(data.title).toContain(total.currency);
      expect(data.categories).toEqual(report.buckets.map((b) => b.label));
      // The bars are the currency's bucket totals in major units.
      const decimals = total.currency === "JPY" ? 0 : 2;
      expect(data.series[0]!.values).toEqual(total.buckets.map((v) => v / 10 ** decimals));
    }
    // Side by side: no chart starts where the one before it still is.
    const lefts = sheet.charts.map((c) => c.left);
    for (let k = 1; k < lefts.length; k++) expect(lefts[k]! - lefts[k - 1]!).toBeGreaterThanOrEqual(360);
  });
});
