import { runInsights, runProvision, runRollForward, type ReadSettings } from "../../src/app/analytics";
import { ageBook } from "../../src/engine/aging";
import { monthKey, parseMonth } from "../../src/engine/analytics/months";
import { currencyDecimals } from "../../src/engine/currency";
import { toMinor } from "../../src/engine/money";
import { readBook } from "../../src/engine/read";
import { generateSampleBook } from "../../src/engine/sample";
import { serialFromIso } from "../../src/engine/dates";
import type { Lang, TableData } from "../../src/engine/types";
import { memoryWorkbook } from "./memoryPort";

const SHAPE = { basis: "due" as const, boundaries: [30, 60, 90], autoApply: true };
const settings = (lang: Lang): ReadSettings => ({ lang, dateOrder: "YMD", defaultCurrency: "USD" });
const FROM = parseMonth("2026-07")!;
const TO = parseMonth("2026-10")!;
const RATES: TableData = {
  sheet: "Rates",
  name: "Rates",
  header: ["Currency", "Rate"],
  rows: [
    ["USD", 7.1],
    ["EUR", 7.7],
    ["CNY", 1],
    ["JPY", 0.048],
  ],
  firstRow: 2,
  firstColumn: 0,
};

/** Insights of July–October in English with CNY as the reporting currency, rates from the "Rates" table. */
async function insightsInCny(tables: TableData[]) {
  const port = memoryWorkbook(tables);
  const outcome = await runInsights(port, settings("en-US"), {
    ...SHAPE,
    lang: "en-US",
    from: FROM,
    to: TO,
    window: 3,
    reportCurrency: { currency: "CNY", ratesTable: "Rates" },
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return { port, outcome };
}

describe("runInsights over the workbook port", () => {
  it.each<Lang>(["en-US", "zh-CN"])("writes the roll-forward (with a chart) and the rep scorecard, ranked (%s)", async (lang) => {
    const port = memoryWorkbook(generateSampleBook({ invoices: 400, seed: 3 }));
    const outcome = await runInsights(port, settings(lang), { ...SHAPE, lang, from: FROM, to: TO, window: 3 });
    if (!outcome.ok) throw new Error(outcome.message);
    const expectedNames =
      lang === "en-US" ? ["AR Roll-forward 2026-10", "AR Rep Scorecard 2026-10"] : ["应收滚动 2026-10", "销售员考核 2026-10"];
    expect(outcome.written).toEqual(expectedNames);
    const rollforward = port.sheets.get(expectedNames[0]!)!;
    expect(rollforward.charts.length).toBeGreaterThan(0);
    const scorecard = port.sheets.get(expectedNames[1]!)!;
    const ranks = scorecard.cells.slice(scorecard.dataStart, scorecard.dataEnd).map((row) => row[0]);
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks[0]).toBe(1);
    // Ranks restart at 1 per currency and rise by one.
    ranks.forEach((rank, k) => expect(rank === 1 || rank === (ranks[k - 1] as number) + 1).toBe(true));
  });

  it("ties each month's closing to the aging of the same workbook at that month-end", async () => {
    const tables = generateSampleBook({ invoices: 300, seed: 5 });
    const port = memoryWorkbook(tables);
    const outcome = await runInsights(port, settings("en-US"), { ...SHAPE, lang: "en-US", from: FROM, to: TO, window: 3 });
    if (!outcome.ok) throw new Error(outcome.message);
    const book = readBook(tables, { lang: "en-US", dateOrder: "YMD", dateSystem: 1900, defaultCurrency: "USD" });
    const rows = outcome.kpis.rows;
    expect(rows.length).toBeGreaterThan(0);
    const october = ageBook(book, { ...SHAPE, lang: "en-US", asOf: serialFromIso("2026-10-31")! });
    for (const total of october.totals) {
      const row = rows.find((r) => r.month === TO && r.currency === total.currency)!;
      expect(row.closing).toBe(total.net);
      expect(row.buckets).toEqual(total.buckets);
    }
  });

  it("adds converted totals from a rates table in the workbook: every month, in the reporting currency", async () => {
    const { outcome } = await insightsInCny([...generateSampleBook({ invoices: 300, seed: 5 }), RATES]);
    expect(new Set(outcome.kpis.rows.map((r) => r.currency))).toEqual(new Set(["CNY", "EUR", "JPY", "USD"]));
    expect(outcome.kpis.converted!.map((k) => k.currency)).toEqual(["CNY", "CNY", "CNY", "CNY"]);
    expect(outcome.kpis.issues.filter((i) => i.code.startsWith("analytics.fx"))).toEqual([]);
  });

  it("writes the converted roll-forward and KPIs in sections of their own under headers naming the reporting currency", async () => {
    const { port, outcome } = await insightsInCny([...generateSampleBook({ invoices: 300, seed: 5 }), RATES]);
    const sheet = port.sheets.get("AR Roll-forward 2026-10")!;
    const titles = sheet.cells.map((row) => row[0]);
    const converted = titles.indexOf("Converted totals in CNY");
    const kpis = titles.indexOf("Collection KPIs of the totals in CNY");
    expect(converted).toBeGreaterThan(sheet.dataEnd);
    expect(kpis).toBeGreaterThan(converted);
    // Each section's rows are all in CNY, and no document-currency row of the table above is.
    const kpiRows = sheet.cells.slice(kpis + 2, kpis + 2 + outcome.kpis.converted!.length);
    expect(kpiRows.length).toBe(4);
    expect(kpiRows.every((row) => row[1] === "CNY")).toBe(true);
    const closing = kpiRows.map((row) => row[3]);
    expect(closing).toEqual(outcome.kpis.converted!.map((k) => k.closing / 100));
  });

  it.each(["customer", "rep"] as const)(
    "writes the roll-forward per %s and ties each month's groups to the currency totals",
    async (by) => {
      const port = memoryWorkbook(generateSampleBook({ invoices: 300, seed: 5 }));
      const outcome = await runInsights(port, settings("en-US"), { ...SHAPE, lang: "en-US", from: FROM, to: TO, window: 3, by });
      if (!outcome.ok) throw new Error(outcome.message);
      const sheet = port.sheets.get("AR Roll-forward 2026-10")!;
      expect(sheet.cells[sheet.headerRow]!.slice(0, 3)).toEqual(["Month", "Currency", by === "customer" ? "Customer" : "Sales rep"]);
      const rows = sheet.cells.slice(sheet.dataStart, sheet.dataEnd);
      expect(rows.length).toBeGreaterThan(outcome.kpis.rows.length);
      // Closing is the 9th column (after month, currency, group, opening, invoiced, credits, cash, refunds).
      for (const total of outcome.kpis.rows) {
        const month = monthKey(total.month);
        const groups = rows.filter((row) => row[0] === month && row[1] === total.currency);
        expect(groups.length).toBeGreaterThan(0);
        const sum = groups.reduce((s, row) => s + toMinor(row[8] as number, currencyDecimals(total.currency)), 0);
        expect({ month, currency: total.currency, closing: sum }).toEqual({ month, currency: total.currency, closing: total.closing });
      }
      expect(sheet.charts.length).toBeGreaterThan(0);
    },
  );

  it("names a missing rate and leaves converted totals out rather than guessing", async () => {
    const withoutJpy: TableData = { ...RATES, rows: RATES.rows.filter((r) => r[0] !== "JPY") };
    const { outcome } = await insightsInCny([...generateSampleBook({ invoices: 300, seed: 5 }), withoutJpy]);
    expect(outcome.kpis.converted).toEqual([]);
    const missing = outcome.kpis.issues.filter((i) => i.code === "analytics.fx.missing");
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0]!.message).toMatch(/^No rate from JPY to CNY on 20\d\d-\d\d-\d\d/);
  });
});

describe("runRollForward and runProvision over the workbook port", () => {
  it("writes the roll-forward by rep", async () => {
    const port = memoryWorkbook(generateSampleBook({ invoices: 200, seed: 9 }));
    const outcome = await runRollForward(port, settings("en-US"), { ...SHAPE, lang: "en-US", from: FROM, to: TO, by: "rep" });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.written).toEqual(["AR Roll-forward 2026-10"]);
    expect(outcome.outcome.json.months.length).toBeGreaterThan(0);
    expect(outcome.outcome.json.months.every((m) => "rep" in m)).toBe(true);
  });

  it.each<Lang>(["en-US", "zh-CN"])(
    "writes the provision with its derivation and customer shares summing to the total (%s)",
    async (lang) => {
      const port = memoryWorkbook(generateSampleBook({ invoices: 400, seed: 11 }));
      const outcome = await runProvision(port, settings(lang), {
        ...SHAPE,
        lang,
        asOf: serialFromIso("2026-10-31")!,
        rates: null,
        history: 6,
        lastShare: 100,
        adjust: 5,
      });
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.written).toEqual([lang === "en-US" ? "AR Provision 2026-10" : "坏账准备 2026-10"]);
      const { json } = outcome.outcome;
      expect(json.method).toBe("roll-rate");
      expect(json.derivations!.length).toBeGreaterThan(0);
      expect(json.totals.length).toBeGreaterThan(0);
      for (const total of json.totals) {
        const customers = json.customers
          .filter((c) => c.currency === total.currency)
          .reduce((sum, c) => sum + Math.round(c.provision * 1000), 0);
        expect(customers).toBe(Math.round(total.provision * 1000));
      }
    },
  );

  it("takes the loss rates from a table in the workbook (the yearly bands of 账龄分析法), and names a bad one", async () => {
    const bands: TableData = {
      sheet: "坏账比例",
      name: "坏账比例",
      header: ["账龄", "计提比例"],
      rows: [
        ["1年以内", 5],
        ["1-2年", "10%"],
        ["2-3年", 30],
        ["3年以上", 100],
      ],
      firstRow: 2,
      firstColumn: 0,
    };
    const request = {
      basis: "invoice" as const,
      boundaries: [365, 730, 1095],
      autoApply: true,
      lang: "zh-CN" as const,
      asOf: serialFromIso("2026-10-31")!,
      rates: null,
      history: 12,
      lastShare: 100,
      adjust: 0,
      lossRatesTable: "坏账比例",
    };
    const port = memoryWorkbook([...generateSampleBook({ invoices: 200, seed: 12 }), bands]);
    const outcome = await runProvision(port, settings("zh-CN"), request);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.outcome.json.method).toBe("rates");
    expect([...new Set(outcome.outcome.json.rows.map((r) => r.rate))]).toEqual([5, 10, 30, 100]);

    const bad = memoryWorkbook([
      ...generateSampleBook({ invoices: 200, seed: 12 }),
      {
        ...bands,
        rows: [
          ["1年以内", 5],
          ["1-2年", "十"],
        ],
      },
    ]);
    expect(await runProvision(bad, settings("zh-CN"), request)).toEqual({
      ok: false,
      message: "坏账比例 第 3 行：损失率 十 不是 0 至 100 之间的百分数。",
    });
  });

  it("answers without an invoice table instead of throwing", async () => {
    const port = memoryWorkbook([RATES]);
    const outcome = await runInsights(port, settings("zh-CN"), { ...SHAPE, lang: "zh-CN", from: FROM, to: TO, window: 3 });
    expect(outcome).toEqual({ ok: false, message: "工作簿中未找到发票表。" });
  });
});
