import { buildHistory, historyRows } from "../../../src/engine/analytics/history";
import { kpiRows } from "../../../src/engine/analytics/kpi";
import { parseMonth } from "../../../src/engine/analytics/months";
import { expectedCreditLoss } from "../../../src/engine/analytics/provision";
import { repScorecard, rollRates } from "../../../src/engine/analytics/scorecard";
import { provisionSheet, repScorecardSheet, rollForwardSheet } from "../../../src/engine/analytics/sheets";
import { parseFxTable } from "../../../src/engine/analytics/fx";
import { readBook } from "../../../src/engine/read";
import { generateSampleBook } from "../../../src/engine/sample";
import type { Lang, SheetModel } from "../../../src/engine/types";
import { serialFromIso } from "../../../src/engine/dates";

const book = readBook(generateSampleBook({ invoices: 300, seed: 8 }), {
  lang: "en-US",
  dateOrder: null,
  dateSystem: 1900,
  defaultCurrency: "USD",
});
const from = parseMonth("2026-05")!;
const to = parseMonth("2026-10")!;

/** What every writer relies on: a rectangular grid, ranges inside it, an Excel-legal name. */
function expectWellFormed(sheet: SheetModel): void {
  expect(sheet.name.length).toBeLessThanOrEqual(31);
  expect(sheet.name).not.toMatch(/[[\]:*?/\\]/);
  const width = sheet.cells[0]!.length;
  expect(sheet.cells.length).toBeGreaterThan(sheet.dataStart);
  for (const row of sheet.cells) expect(row).toHaveLength(width);
  expect(sheet.columns).toHaveLength(width);
  for (const f of sheet.formats) {
    expect(f.range.row + f.range.rowCount).toBeLessThanOrEqual(sheet.cells.length);
    expect(f.range.col + f.range.colCount).toBeLessThanOrEqual(width);
  }
  for (const chart of sheet.charts) {
    expect(chart.source.row + chart.source.rowCount).toBeLessThanOrEqual(sheet.cells.length);
    expect(chart.source.col + chart.source.colCount).toBeLessThanOrEqual(width);
  }
}

describe.each<Lang>(["en-US", "zh-CN"])("analytics sheets (%s)", (lang) => {
  const history = buildHistory(book, { from, to, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang, groupBy: "currency" });
  const rows = historyRows(history);

  it("roll-forward: one row per month and currency, the month chart over the bucket block", () => {
    const sheet = rollForwardSheet(
      {
        rows,
        rollRates: rollRates(history, rows),
        buckets: history.buckets,
        groupBy: "currency",
        from,
        to,
        kpis: kpiRows(history, 3, rows),
      },
      lang,
    );
    expectWellFormed(sheet);
    expect(sheet.name).toBe(lang === "en-US" ? "AR Roll-forward 2026-10" : "应收滚动 2026-10");
    expect(sheet.dataEnd - sheet.dataStart).toBe(rows.length);
    expect(sheet.charts.length).toBeGreaterThan(0);
    const chart = sheet.charts[0]!;
    // The chart's block: a header row of bucket labels, then one row per month.
    expect(sheet.cells[chart.source.row]!.slice(1, 1 + history.buckets.length)).toEqual(history.buckets.map((b) => b.label));
    expect(chart.source.rowCount).toBe(to - from + 2);
  });

  it("scorecard: the month's reps in rank order", () => {
    const scores = repScorecard(
      buildHistory(book, { from, to, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang, groupBy: "rep", keepMonths: 3 }),
      3,
    );
    const sheet = repScorecardSheet(scores, to, lang);
    expectWellFormed(sheet);
    const ranks = sheet.cells.slice(sheet.dataStart, sheet.dataEnd).map((r) => r[0]);
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks[0]).toBe(1);
    expect(sheet.charts).toHaveLength(1);
  });

  it("provision: bucket rows, currency totals equal to their rows, derivation and customers", () => {
    const result = expectedCreditLoss(book, {
      asOf: serialFromIso("2026-10-31")!,
      basis: "due",
      boundaries: [30, 60, 90],
      autoApply: true,
      lang,
      rates: null,
      history: 6,
    });
    const sheet = provisionSheet(result, lang);
    expectWellFormed(sheet);
    const dataRows = sheet.cells.slice(sheet.dataStart, sheet.dataEnd);
    const totals = sheet.cells.slice(sheet.dataEnd, sheet.totalsEnd);
    expect(totals.length).toBe(result.totals.length);
    for (const total of totals) {
      const sum = dataRows.filter((r) => r[0] === total[1]).reduce((s, r) => s + Math.round((r[4] as number) * 1000), 0);
      expect(Math.round((total[4] as number) * 1000)).toBe(sum);
    }
    const text = sheet.cells.flat().filter((v): v is string => typeof v === "string");
    expect(text).toContain(lang === "en-US" ? "How the loss rates were reached" : "损失率的推算过程");
  });
});

describe("parseFxTable", () => {
  it("reads currency, rate and date, and names each bad row by sheet, row, column and value", () => {
    const { rates, issues } = parseFxTable(
      {
        sheet: "Rates",
        name: "Rates",
        header: ["Currency", "Rate", "Date"],
        rows: [
          ["usd", 7.1, null],
          ["EUR", "7.7", "2026-10"],
          ["XX", 1, null],
          ["JPY", -1, null],
          ["GBP", 9, "soon"],
          ["CHF", "7,7", null],
        ],
        firstRow: 2,
        firstColumn: 1,
      },
      "en-US",
    );
    expect(rates).toEqual([
      { currency: "USD", rate: 7.1, date: null },
      { currency: "EUR", rate: 7.7, date: serialFromIso("2026-10-31") },
    ]);
    expect(issues.map((i) => [i.row, i.column, i.cell, i.value, i.code])).toEqual([
      [4, "Currency", "B4", "XX", "analytics.fx.currency"],
      [5, "Rate", "C5", -1, "analytics.fx.rate"],
      [6, "Date", "D6", "soon", "analytics.fx.date"],
      // A decimal comma could mean 7.7 or 77: rejected, never guessed.
      [7, "Rate", "C7", "7,7", "analytics.fx.rate"],
    ]);
  });
});
