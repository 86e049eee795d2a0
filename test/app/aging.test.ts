import { DEFAULT_BOUNDARIES, ageBook } from "../../src/engine/aging";
import { serialFromIso, serialFromYmd } from "../../src/engine/dates";
import { readBook } from "../../src/engine/read";
import { agingSheets } from "../../src/engine/report/aging";
import { generateSampleBook } from "../../src/engine/sample";
import type { TableData } from "../../src/engine/types";
import { computeAging, requestFromSettings, runAging } from "../../src/app/aging";
import { asOfFor } from "../../src/app/asOf";
import { monthlyAging } from "../../src/app/monthlyAging";
import { SETTINGS_KEY, defaultSettings } from "../../src/app/settings";
import { memoryWorkbook } from "./memoryPort";

/** Mid-November 2026: the last month-end is 2026-10-31. */
const TODAY = serialFromYmd(2026, 11, 15);

const sample = (): TableData[] => generateSampleBook({ invoices: 60, seed: 1 });

describe("the as-of rule", () => {
  it.each([
    ["last-month-end", "2026-10-31"],
    ["2026-09-30", "2026-09-30"],
    ["2026-12-31", "2026-12-31"],
    // A saved value that is not a real date falls back to the month-end rule.
    ["2026-02-30", "2026-10-31"],
  ])("saved %s gives %s", (saved, expected) => {
    expect(asOfFor(saved, TODAY)).toBe(serialFromIso(expected));
  });
});

describe("requestFromSettings", () => {
  it("carries every setting the aging depends on, and a saved fixed as-of date", () => {
    const settings = {
      ...defaultSettings(),
      asOf: "2026-09-30",
      basis: "invoice" as const,
      boundaries: [15, 45],
      autoApply: false,
      dateOrder: "MDY" as const,
      defaultCurrency: "EUR",
    };
    expect(requestFromSettings(settings, "zh-CN", TODAY)).toEqual({
      asOf: serialFromIso("2026-09-30"),
      basis: "invoice",
      boundaries: [15, 45],
      autoApply: false,
      groupBy: "customer",
      lang: "zh-CN",
      dateOrder: "MDY",
      defaultCurrency: "EUR",
      mapping: {},
    });
  });

  it("starts from the engine's default buckets", () => {
    expect(requestFromSettings(defaultSettings(), "en-US", TODAY).boundaries).toEqual([...DEFAULT_BOUNDARIES]);
  });
});

describe("runAging", () => {
  it("writes exactly the engine's aging sheets, tagged with the as-of month", async () => {
    const port = memoryWorkbook(sample());
    const request = requestFromSettings(defaultSettings(), "en-US", TODAY);
    const result = await runAging(port, request);
    if (!result.ok) throw new Error(`stopped: ${result.problem.code}`);
    const report = ageBook(readBook(sample(), { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" }), {
      ...request,
    });
    const expected = agingSheets(report, "en-US");
    expect(expected.length).toBeGreaterThan(0);
    expect(result.period).toBe("2026-10");
    expect(result.write.sheets).toEqual(expected.map((s) => s.name));
    for (const sheet of expected) expect(port.sheets.get(sheet.name)).toEqual(sheet);
  });

  it("reads two invoice tables whose columns map the same way together, in the add-in as on the command line", async () => {
    const book = sample();
    const invoices = book.find((t) => t.name === "Invoices");
    if (!invoices) throw new Error("the sample has an Invoices table");
    // The second half of the invoices on a sheet of its own ("one sheet per month").
    const half = Math.floor(invoices.rows.length / 2);
    const first: TableData = { ...invoices, rows: invoices.rows.slice(0, half) };
    const second: TableData = { ...invoices, sheet: "Invoices Q3", name: "Invoices Q3", rows: invoices.rows.slice(half) };
    const whole = await computeAging(memoryWorkbook(book), requestFromSettings(defaultSettings(), "en-US", TODAY));
    const request = requestFromSettings(defaultSettings(), "en-US", TODAY);
    for (const tableChoice of ["unambiguous", "best"] as const) {
      const split = await computeAging(memoryWorkbook([...book.filter((t) => t !== invoices), first, second]), { ...request, tableChoice });
      if (!split.ok || !whole.ok) throw new Error("both age");
      expect(split.book.invoices.length).toBe(whole.book.invoices.length);
      expect(split.report.totals).toEqual(whole.report.totals);
      expect(split.book.issues.filter((i) => i.code === "table.joined")).toHaveLength(1);
    }
    const resolved = await computeAging(memoryWorkbook([...book.filter((t) => t !== invoices), first, second]), request);
    expect(resolved.ok && resolved.mapping.invoices).toEqual({ table: "Invoices", tables: ["Invoices", "Invoices Q3"] });
  });

  it("stops on two equally likely invoice tables that map differently in the add-in, and takes the reader's pick on the command line", async () => {
    const book = sample();
    const invoices = book.find((t) => t.name === "Invoices");
    if (!invoices) throw new Error("the sample has an Invoices table");
    // A copy without its last column (PO): it maps differently, so it is a rival, not a companion.
    const twin: TableData = {
      ...invoices,
      sheet: "Invoices copy",
      name: "Invoices copy",
      header: invoices.header.slice(0, -1),
      rows: invoices.rows.map((row) => row.slice(0, -1)),
    };
    const port = memoryWorkbook([...book, twin]);
    const request = requestFromSettings(defaultSettings(), "en-US", TODAY);

    const strict = await computeAging(port, request);
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.problem).toMatchObject({ code: "ambiguous-tables", role: "invoices" });

    const best = await computeAging(port, { ...request, tableChoice: "best" });
    expect(best.ok).toBe(true);
    expect(port.sheets.size).toBe(0);
  });

  it("says there is no invoice table whichever way tables are picked", async () => {
    const port = memoryWorkbook(sample().filter((t) => t.name !== "Invoices"));
    const request = requestFromSettings(defaultSettings(), "en-US", TODAY);
    for (const tableChoice of ["unambiguous", "best"] as const) {
      const result = await runAging(port, { ...request, tableChoice });
      expect(result).toMatchObject({ ok: false, problem: { code: "no-invoice-table" } });
    }
    expect(port.sheets.size).toBe(0);
  });
});

describe("monthlyAging (the ribbon's use case)", () => {
  it("ages at the last month-end when nothing is saved", async () => {
    const port = memoryWorkbook(sample());
    const outcome = await monthlyAging(port, { today: TODAY, displayLanguage: "en-US" });
    expect(outcome).toMatchObject({ ok: true, asOf: serialFromIso("2026-10-31"), period: "2026-10" });
  });

  it("honours a saved fixed as-of date, buckets and language, as the task pane does", async () => {
    const port = memoryWorkbook(sample());
    await port.writeSetting(
      SETTINGS_KEY,
      JSON.stringify({ ...defaultSettings(), asOf: "2026-09-30", boundaries: [30, 60, 90, 120], lang: "zh-CN" }),
    );
    const outcome = await monthlyAging(port, { today: TODAY, displayLanguage: "en-US" });
    expect(outcome).toMatchObject({ ok: true, asOf: serialFromIso("2026-09-30"), period: "2026-09" });
    if (!outcome.ok) throw new Error("unreachable");
    const summary = port.sheets.get(outcome.sheets[0] ?? "");
    if (!summary) throw new Error("the summary was written");
    expect(summary.cells[summary.headerRow]).toEqual(expect.arrayContaining(["91-120天"]));
  });

  it("turns a failure into an outcome the task pane can show", async () => {
    const port = memoryWorkbook(sample());
    port.readTables = async () => {
      throw new Error("The workbook is busy.");
    };
    expect(await monthlyAging(port, { today: TODAY, displayLanguage: "en-US" })).toEqual({
      ok: false,
      reason: { code: "failed", message: "The workbook is busy." },
    });
  });
});

describe("the aging in a reporting currency", () => {
  /** The sample book (CNY, EUR, JPY, USD) and a rates table kept in the workbook. */
  const withRates = (rows: (string | number)[][]): TableData[] => [
    ...sample(),
    { sheet: "FX", name: "Rates", header: ["Currency", "Rate"], rows, firstRow: 2, firstColumn: 0 },
  ];
  const allRates = [
    ["USD", 7.1],
    ["EUR", 7.8],
    ["JPY", 0.048],
  ];
  const summaryOf = (port: ReturnType<typeof memoryWorkbook>, name: string) => {
    const sheet = port.sheets.get(name);
    if (!sheet) throw new Error(`${name} was not written`);
    return sheet;
  };

  it("writes the converted totals under the summary, tying to the document-currency totals at the table's rates", async () => {
    const port = memoryWorkbook(withRates(allRates));
    const request = { ...requestFromSettings(defaultSettings(), "en-US", TODAY), reportCurrency: { currency: "CNY", ratesTable: "Rates" } };
    const result = await runAging(port, request);
    if (!result.ok) throw new Error(`stopped: ${result.problem.code}`);
    const converted = result.converted!;
    expect(converted.rows.map((r) => r.currency)).toEqual(result.report.totals.map((x) => x.currency));
    expect(converted.rows.length).toBeGreaterThan(1);
    // The same figures as converting the plain aging's totals: the rates table changed nothing else.
    const plain = await computeAging(memoryWorkbook(sample()), requestFromSettings(defaultSettings(), "en-US", TODAY));
    if (!plain.ok) throw new Error("stopped");
    expect(result.report.totals).toEqual(plain.report.totals);
    const rate = (code: string) => (code === "CNY" ? 1 : (allRates.find((r) => r[0] === code)![1] as number));
    for (const row of converted.rows) {
      const source = result.report.totals.find((x) => x.currency === row.currency)!;
      expect(row.rate).toBe(rate(row.currency));
      row.buckets.forEach((v, b) =>
        expect(Math.abs(v - (source.buckets[b]! * row.rate) / (row.currency === "JPY" ? 0.01 : 1))).toBeLessThanOrEqual(0.5),
      );
    }
    expect(converted.total!.net).toBe(converted.rows.reduce((s, r) => s + r.net, 0));

    const summary = summaryOf(port, result.write.sheets[0]!);
    const totalRow = summary.cells.find((row) => row[0] === "Total in CNY");
    expect(totalRow).toBeDefined();
    expect(totalRow!.at(-1)).toBe(converted.total!.net / 100);
    expect(result.report.issues.filter((i) => i.code.startsWith("analytics.fx"))).toEqual([]);
  });

  it("names a missing rates table and a missing rate in the report's issues, and writes no total", async () => {
    const noTable = memoryWorkbook(sample());
    const request = { ...requestFromSettings(defaultSettings(), "en-US", TODAY), reportCurrency: { currency: "CNY", ratesTable: "Rates" } };
    const first = await runAging(noTable, request);
    if (!first.ok) throw new Error("stopped");
    expect(first.report.issues.map((i) => i.code)).toContain("analytics.fx.no-table");
    expect(first.converted!.total).toBeNull();

    // Leave out the rate of a currency the book has open.
    const dropped = first.report.totals.map((x) => x.currency).find((code) => code !== "CNY")!;
    const partial = memoryWorkbook(withRates(allRates.filter((r) => r[0] !== dropped)));
    const second = await runAging(partial, request);
    if (!second.ok) throw new Error("stopped");
    expect(second.converted!.missing).toEqual([dropped]);
    expect(second.report.issues.find((i) => i.code === "analytics.fx.missing")?.message).toContain(dropped);
    const summary = summaryOf(partial, second.write.sheets[0]!);
    expect(summary.cells.some((row) => row[0] === "Total in CNY")).toBe(false);
    expect(summary.cells.some((row) => String(row[0] ?? "").startsWith(`No total in CNY: no rate for ${dropped}`))).toBe(true);
  });

  it("is a saved setting: the ribbon's month-end aging writes the converted totals too", async () => {
    const port = memoryWorkbook(withRates(allRates));
    const settings = { ...defaultSettings(), reportCurrency: { currency: "CNY", ratesTable: "Rates" } };
    expect(requestFromSettings(settings, "en-US", TODAY).reportCurrency).toEqual({ currency: "CNY", ratesTable: "Rates" });
    await port.writeSetting(SETTINGS_KEY, JSON.stringify(settings));
    const outcome = await monthlyAging(port, { today: TODAY, displayLanguage: "zh-CN" });
    if (!outcome.ok) throw new Error("stopped");
    expect(summaryOf(port, outcome.sheets[0]!).cells.some((row) => row[0] === "CNY 合计")).toBe(true);
  });
});
