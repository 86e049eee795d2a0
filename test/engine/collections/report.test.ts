import { buildLetters } from "../../../src/engine/collections";
import { collectionsSheet, lettersSheet, toCollectionsJson, wrapText } from "../../../src/engine/report/collections";
import { isReportSheetName } from "../../../src/engine/report/names";
import { AS_OF, day, reportOf, type CollectionsBook } from "./fixtures";

const spec: CollectionsBook = {
  invoices: [
    ["A1", "Acme", 40, 1000],
    ["A2", "Acme", 10, 500],
    ["B1", "Beta", 70, 300],
    ["C1", "Cato", 5, 200, "JPY"],
    ["D1", "Dora", -3, 50],
  ],
  customers: [
    ["Acme", 5000, false, "ap@acme.example"],
    ["Beta", 1000],
    ["Cato", 100000],
    ["Dora", 1000],
  ],
  log: [
    [day(-5), "Beta", "B1", "dispute", null, null],
    [day(-20), "Acme", null, "promise", 300, day(-2)],
  ],
};

describe("the AR Collections sheet", () => {
  const report = reportOf(spec);
  const sheet = collectionsSheet(report, "en-US");

  it("is named by period in both languages, and recognised as AR Desk's own", () => {
    expect(sheet.name).toBe("AR Collections 2026-10");
    expect(collectionsSheet(report, "zh-CN").name).toBe("催收 2026-10");
    expect(isReportSheetName(sheet.name)).toBe(true);
    expect(isReportSheetName("催收 2026-10")).toBe(true);
  });

  it("lists the ranked customers with a stage as its data, and totals that tie per currency", () => {
    const rows = sheet.cells.slice(sheet.dataStart, sheet.dataEnd);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[1])).toEqual(report.worklist.customers.filter((c) => c.stage !== null).map((c) => c.customer));
    const totals = sheet.cells.slice(sheet.dataEnd, sheet.totalsEnd);
    expect(totals.map((r) => r[2])).toEqual(["JPY", "USD"]);
    for (const total of totals) {
      const currencyRows = rows.filter((r) => r[2] === total[2]);
      for (const col of [6, 7, 8, 9]) {
        const sum = currencyRows.reduce((s, r) => s + Math.round((r[col] as number) * 100), 0);
        expect(Math.round((total[col] as number) * 100)).toBe(sum);
      }
      expect(Math.round((total[9] as number) * 100) + Math.round((total[7] as number) * 100) + Math.round((total[8] as number) * 100)).toBe(
        Math.round((total[6] as number) * 100),
      );
    }
  });

  it("puts customers with nothing to chase, and the warnings, in their own sections", () => {
    const labels = sheet.cells.map((r) => r[0]);
    const noStage = labels.indexOf("Nothing to chase: overdue items disputed or promised");
    const warnings = labels.indexOf("Early warnings");
    expect(noStage).toBeGreaterThan(sheet.totalsEnd - 1);
    expect(warnings).toBeGreaterThan(noStage);
    expect(sheet.cells[noStage + 1]![1]).toBe("Beta");
    expect(sheet.cells.slice(warnings).some((r) => r[1] === "Beta" && r[3] === "Oldest overdue")).toBe(true);
  });
});

describe("the letters sheet", () => {
  const report = reportOf(spec);
  const letters = buildLetters(report.aging, report.worklist, { lang: "en-US" });
  const sheet = lettersSheet(letters, AS_OF, "en-US");
  it("prints one letter per page: portrait, one page wide, numbered pages", () => {
    expect(letters.length).toBeGreaterThan(1);
    expect(sheet.page).toEqual({
      orientation: "portrait",
      paper: "Letter",
      fitToWidth: true,
      printTitleRows: null,
      footer: "Page &P of &N",
      rowBreaks: expect.any(Array),
    });
    expect(sheet.page!.rowBreaks).toHaveLength(letters.length - 1);
    for (const [k, row] of sheet.page!.rowBreaks.entries()) expect(String(sheet.cells[row]![0])).toContain(letters[k + 1]!.subject);
  });
  it("shows each letter's amount asked and total", () => {
    const asked = sheet.cells.filter((r) => r[0] === "Amount asked").map((r) => r[4]);
    expect(asked).toEqual(letters.map((l) => l.asked / (l.currency === "JPY" ? 1 : 100)));
  });
  it("has no line wider than the page", () => {
    for (const row of sheet.cells)
      if (typeof row[0] === "string")
        expect([...row[0]].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)).toBeLessThanOrEqual(96);
  });
});

describe("wrapText", () => {
  it.each<[string, number, string[]]>([
    ["Dear Acme, this is a reminder", 12, ["Dear Acme,", "this is a", "reminder"]],
    ["截至二〇二六年十月", 8, ["截至二〇", "二六年十", "月"]],
    ["line one\nline two", 40, ["line one", "line two"]],
    ["short", 40, ["short"]],
  ])("%s at %i", (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });
});

describe("the JSON contract", () => {
  it("has the issue's fields: amounts in major units, ISO dates, stage null without anything chaseable", () => {
    const json = toCollectionsJson(reportOf(spec), [{ customer: "Acme", file: "letters/Acme.eml" }]);
    expect(json.asOf).toBe("2026-10-31");
    expect(json.stages[0]).toEqual({ stage: 0, fromDays: -7, toDays: 0, action: "Payment reminder" });
    const acme = json.customers.find((c) => c.customer === "Acme")!;
    expect(acme).toMatchObject({
      currency: "USD",
      overdue: 1500,
      chase: 1500,
      disputed: 0,
      promised: 0,
      oldestDaysOverdue: 40,
      stage: 4,
      email: "ap@acme.example",
      creditStatus: "OK",
    });
    expect(acme.promises).toEqual([{ date: day(-20), until: day(-2), amount: 300, status: "broken", type: "promise", invoice: null }]);
    expect(json.customers.find((c) => c.customer === "Beta")).toMatchObject({ stage: null, disputed: 300, chase: 0 });
    expect(json.customers.find((c) => c.customer === "Cato")).toMatchObject({ currency: "JPY", overdue: 200 });
    expect(json.letters).toEqual([{ customer: "Acme", file: "letters/Acme.eml" }]);
    expect(json.warnings.some((w) => w.rule === "brokenPromise" && w.customer === "Acme")).toBe(true);
  });
});
