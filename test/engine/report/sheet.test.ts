/**
 * The sheet kit's width rule: every column of a report sheet is wide enough for its header in
 * bold plus, on a filtered header row, Excel's filter button, so no button covers the header's
 * last letters ("Invoice dat", "Utilisatio"). Checked by rule and on the sample book's sheets.
 */
import { requestFromSettings, runAging } from "../../../src/app/aging";
import { runCreditCheck } from "../../../src/app/credit";
import { defaultSettings } from "../../../src/app/settings";
import { serialFromYmd } from "../../../src/engine/dates";
import { DEFAULT_CREDIT_POLICY } from "../../../src/engine/credit/status";
import {
  FILTER_BUTTON_WIDTH,
  chartColumns,
  displayWidth,
  headerWidth,
  moneyFormat,
  pushHeadingRow,
  pushSectionHeading,
  sheetModel,
  tableCurrencyFormats,
  tableSheetModel,
} from "../../../src/engine/report/sheet";
import { generateSampleBook } from "../../../src/engine/sample";
import type { FormatRange, Lang, SheetModel, SheetValue } from "../../../src/engine/types";
import { memoryWorkbook } from "../../app/memoryPort";

describe("headerWidth", () => {
  it.each<[string, boolean, number]>([
    // ceil(text × 1.1 for bold) + 1 of padding (+ 3 for the filter button)
    ["Invoice date", true, 18],
    ["Invoice date", false, 15],
    ["Utilisation", true, 17],
    ["发票日期", true, 13],
    ["额度使用率", false, 12],
    ["", true, 4],
  ])("%j with filter %s is %d units", (header, filter, width) => {
    expect(headerWidth(header, filter)).toBe(width);
  });

  it("counts CJK characters double and leaves room for the button", () => {
    expect(displayWidth("发票日期")).toBe(8);
    expect(headerWidth("Amount", true) - headerWidth("Amount", false)).toBe(FILTER_BUTTON_WIDTH);
  });
});

describe("chartColumns", () => {
  it("starts each chart past the 370 points the one before takes", () => {
    const columns = Array.from({ length: 20 }, () => ({ width: 14, numberFormat: "General", isText: false }));
    // A 14-unit column is (14 × 7 + 5) × 0.75 = 77.25 points: five columns hold a chart and its gap.
    expect(chartColumns(columns, 3)).toEqual([0, 5, 10]);
    // Past the last column Excel's default 8.43 units (48 points) is assumed: eight of them.
    expect(chartColumns([], 2)).toEqual([0, 8]);
  });
});

const TODAY = serialFromYmd(2026, 11, 15);

async function sampleSheets(lang: Lang): Promise<SheetModel[]> {
  const port = memoryWorkbook(generateSampleBook({ invoices: 400, seed: 1, asOf: serialFromYmd(2026, 10, 31), lang }));
  const aging = requestFromSettings(defaultSettings(), lang, TODAY);
  const aged = await runAging(port, aging);
  if (!aged.ok) throw new Error(`aging stopped: ${aged.problem.code}`);
  const credit = await runCreditCheck(port, { aging, policy: DEFAULT_CREDIT_POLICY, netUnapplied: true });
  if (!credit.ok) throw new Error(`credit stopped: ${credit.problem.code}`);
  return [...port.sheets.values()];
}

describe("tableCurrencyFormats", () => {
  it("formats the data rows and the totals rows of each currency whose digits are not 2", () => {
    // Header at row 4: data rows 5–7 (JPY, JPY, USD), totals rows 8–9 (JPY, USD).
    const formats = tableCurrencyFormats(
      { headerRow: 4, dataEnd: 8, rowCurrencies: ["JPY", "JPY", "USD"], totalCurrencies: ["JPY", "USD"] },
      [2, 5],
      ["JPY", "USD"],
    );
    const jpy = moneyFormat(0);
    expect(formats).toEqual([
      { range: { row: 5, col: 2, rowCount: 2, colCount: 1 }, numberFormat: jpy },
      { range: { row: 5, col: 5, rowCount: 2, colCount: 1 }, numberFormat: jpy },
      { range: { row: 8, col: 2, rowCount: 1, colCount: 1 }, numberFormat: jpy },
      { range: { row: 8, col: 5, rowCount: 1, colCount: 1 }, numberFormat: jpy },
    ]);
  });

  it("adds nothing to a one-currency sheet (the column formats already carry its digits) or a table without totals", () => {
    expect(tableCurrencyFormats({ headerRow: 0, dataEnd: 2, rowCurrencies: ["JPY"], totalCurrencies: ["JPY"] }, [1], ["JPY"])).toEqual([]);
    expect(tableCurrencyFormats({ headerRow: 0, dataEnd: 2, rowCurrencies: ["USD"] }, [1], ["JPY", "USD"])).toEqual([]);
  });
});

describe("tableSheetModel", () => {
  it("is sheetModel over the table's parts", () => {
    const table = () => ({
      cells: [["Title"], ["Customer"], ["Acme"], ["Total"]] as SheetValue[][],
      headerRow: 1,
      dataEnd: 3,
      totalsEnd: 4,
      columns: [{ width: 10, numberFormat: "#,##0.00", isText: false }],
      formats: [] as FormatRange[],
    });
    const t = table();
    const expected = sheetModel("credit", "AR Credit", t.cells, t.headerRow, t.dataEnd, t.totalsEnd, t.columns, t.formats, {
      filter: true,
    });
    expect(tableSheetModel("credit", "AR Credit", table(), { filter: true })).toEqual(expected);
    expect(expected.totalsEnd).toBe(4);
  });
});

describe("pushSectionHeading and pushHeadingRow", () => {
  it("open a block below the table: a blank row, a bold title, then bold headings across the width", () => {
    const cells: SheetValue[][] = [["Customer", "Open", null]];
    const formats: FormatRange[] = [];
    expect(pushSectionHeading(cells, formats, 3, "Totals by currency", 12)).toBe(2);
    expect(pushHeadingRow(cells, formats, 3, ["Currency", "Open"])).toBe(3);
    expect(pushSectionHeading(cells, formats, 3, "Roll rates")).toBe(5);
    expect(cells).toEqual([
      ["Customer", "Open", null],
      [null, null, null],
      ["Totals by currency", null, null],
      ["Currency", "Open", null],
      [null, null, null],
      ["Roll rates", null, null],
    ]);
    expect(formats).toEqual([
      { range: { row: 2, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 12 },
      { range: { row: 3, col: 0, rowCount: 1, colCount: 3 }, bold: true },
      { range: { row: 5, col: 0, rowCount: 1, colCount: 1 }, bold: true },
    ]);
  });
});

describe.each<Lang>(["en-US", "zh-CN"])("the sample book's sheets (%s)", (lang) => {
  let sheets: SheetModel[] = [];
  beforeAll(async () => {
    sheets = await sampleSheets(lang);
  });

  it("fit every header, with its filter button where the header row has one", () => {
    expect(sheets.map((s) => s.kind).sort()).toEqual(["aging-detail", "aging-summary", "credit", "exceptions"]);
    for (const sheet of sheets) {
      const header = sheet.cells[sheet.headerRow]!;
      expect(header.length).toBe(sheet.columns.length);
      header.forEach((text, c) => {
        if (typeof text !== "string") return;
        const width = sheet.columns[c]!.width;
        if (width < headerWidth(text, sheet.filter)) throw new Error(`${sheet.name}: column "${text}" is ${width} wide`);
      });
    }
  });

  it("widen the columns the issue names", () => {
    const detail = sheets.find((s) => s.kind === "aging-detail")!;
    const credit = sheets.find((s) => s.kind === "credit")!;
    const widthOf = (sheet: SheetModel, header: string) => sheet.columns[sheet.cells[sheet.headerRow]!.indexOf(header)]!.width;
    const [invoiceDate, utilisation] = lang === "en-US" ? ["Invoice date", "Utilisation"] : ["开票日期", "额度使用率"];
    expect(detail.filter && credit.filter).toBe(true);
    expect(widthOf(detail, invoiceDate)).toBeGreaterThanOrEqual(headerWidth(invoiceDate, true));
    expect(widthOf(credit, utilisation)).toBeGreaterThanOrEqual(headerWidth(utilisation, true));
  });
});
