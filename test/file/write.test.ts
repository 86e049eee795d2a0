import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { serialFromUtcMs } from "../../src/engine/dates";
import type { SheetModel, TableData } from "../../src/engine/types";
import { LIST_OBJECT_MAX_ROWS, argb, cellAddress, writeReportWorkbook, writeTablesWorkbook } from "../../src/file/write";
import { readWorkbookTables } from "../../src/file/xlsx";
import { zipData, zipEntries } from "../../src/file/zip";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-desk-write-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const model: SheetModel = {
  kind: "aging-detail",
  name: "Aging Detail",
  cells: [
    ["AR Aging Detail", null, null, null],
    [46326, null, null, null],
    ["Invoice", "Customer", "Due", "Open"],
    ['=HYPERLINK("x")', "+Acme", 46300, 1234.5],
    ["@SUM(A1)", "-Beta", 46310, -10],
    ["INV-3", "上海华东贸易有限公司", 46320, 0],
    ["Total", null, null, 1224.5],
  ],
  headerRow: 2,
  dataStart: 3,
  dataEnd: 6,
  totalsEnd: 7,
  columns: [
    { width: 14, numberFormat: "@", isText: true },
    { width: 30, numberFormat: "@", isText: true },
    { width: 12, numberFormat: "yyyy-mm-dd", isText: false },
    { width: 16, numberFormat: "#,##0.00", isText: false },
  ],
  formats: [
    { range: { row: 0, col: 0, rowCount: 1, colCount: 4 }, bold: true, fontSize: 14 },
    { range: { row: 1, col: 0, rowCount: 1, colCount: 1 }, numberFormat: "yyyy-mm-dd", italic: true },
    {
      range: { row: 2, col: 0, rowCount: 1, colCount: 4 },
      bold: true,
      fill: "#1F4E78",
      fontColor: "#FFFFFF",
      horizontalAlignment: "center",
    },
    { range: { row: 6, col: 0, rowCount: 1, colCount: 4 }, bold: true, borderTop: true },
  ],
  highlights: [
    {
      range: { row: 3, col: 3, rowCount: 3, colCount: 1 },
      rule: { type: "cellValue", operator: "lessThan", value: 0 },
      fill: "#FFC7CE",
      fontColor: "#9C0006",
    },
    { range: { row: 3, col: 1, rowCount: 3, colCount: 1 }, rule: { type: "textEquals", text: 'Say "x"' }, fill: "#FFEB9C" },
    {
      range: { row: 3, col: 3, rowCount: 3, colCount: 1 },
      rule: { type: "cellValue", operator: "greaterThanOrEqual", value: 1000 },
      fill: "#C6EFCE",
    },
  ],
  charts: [
    {
      type: "columnClustered",
      title: "By bucket",
      source: { row: 2, col: 0, rowCount: 4, colCount: 2 },
      seriesBy: "columns",
      anchor: { row: 0, col: 6 },
    },
  ],
  freeze: { rows: 3, cols: 1 },
  filter: true,
};

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe("writeReportWorkbook", () => {
  const file = (): string => path.join(dir, "report.xlsx");
  beforeAll(async () => {
    await writeReportWorkbook([model, { ...model, name: "Second", filter: false, freeze: { rows: 0, cols: 0 } }], file());
  });

  it("writes every value at A1 with column formats on the data block only", async () => {
    const sheet = (await readBack(file())).getWorksheet("Aging Detail")!;
    model.cells.forEach((row, r) =>
      row.forEach((value, c) => {
        const read = sheet.getCell(r + 1, c + 1).value;
        // ExcelJS turns date-formatted numbers into Dates on reading.
        expect(read instanceof Date ? serialFromUtcMs(read.getTime()) : read).toEqual(value);
      }),
    );
    expect(sheet.getCell("D4").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("C6").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("D7").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("D3").numFmt).toBeUndefined();
    expect(sheet.getCell("A2").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getColumn(2).width).toBe(30);
  });

  it("applies fonts, fills, alignment and borders of format ranges", async () => {
    const sheet = (await readBack(file())).getWorksheet("Aging Detail")!;
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell("A2").font).toMatchObject({ italic: true });
    expect(sheet.getCell("B3").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(sheet.getCell("B3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E78" } });
    expect(sheet.getCell("B3").alignment).toMatchObject({ horizontal: "center" });
    expect(sheet.getCell("D7").border?.top).toMatchObject({ style: "thin" });
    expect(sheet.getCell("D4").font?.bold).toBeFalsy();
  });

  it("freezes panes, filters header + data and adds the conditional formats", async () => {
    const workbook = await readBack(file());
    const sheet = workbook.getWorksheet("Aging Detail")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(sheet.autoFilter).toBe("A3:D6");
    // ExcelJS's typings omit the conditional formats it reads back.
    const { conditionalFormattings } = sheet as unknown as { conditionalFormattings: { ref: string; rules: object[] }[] };
    const rules = conditionalFormattings.flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, ...rule })));
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ref: "D4:D6", type: "cellIs", operator: "lessThan", formulae: ["0"] }),
        expect.objectContaining({ ref: "B4:B6", type: "cellIs", operator: "equal", formulae: ['"Say ""x"""'] }),
        expect.objectContaining({ ref: "D4:D6", type: "expression", formulae: ["AND(ISNUMBER(D4),D4>=1000)"] }),
      ]),
    );
    const second = workbook.getWorksheet("Second")!;
    expect(second.autoFilter).toBeFalsy();
    expect(second.views?.[0]?.state ?? "normal").toBe("normal");
  });

  it("writes formula-looking text as strings, never as formulas", async () => {
    const bytes = await readFile(file());
    const entries = zipEntries(bytes)!;
    for (const [name, entry] of entries) {
      if (name.startsWith("xl/worksheets/sheet")) expect(zipData(bytes, entry).toString("utf8")).not.toMatch(/<f[ >]/);
    }
    const sheet = (await readBack(file())).getWorksheet("Aging Detail")!;
    for (const address of ["A4", "B4", "A5", "B5"]) expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.String);
  });

  it("refuses to write over an input and leaves no temporary file when writing fails", async () => {
    const input = path.join(dir, "input.xlsx");
    await writeFile(input, "original");
    await expect(writeReportWorkbook([model], path.join(dir, ".", "input.xlsx"), { inputs: [input] })).rejects.toMatchObject({
      code: "cli.out.sameAsInput",
    });
    expect(await readFile(input, "utf8")).toBe("original");
    const before = await readdir(dir);
    // The second sheet's name is invalid: the temporary file exists by then and must be removed.
    await expect(writeReportWorkbook([model, { ...model, name: "Bad[name]?" }], path.join(dir, "bad.xlsx"))).rejects.toThrow(
      "Invalid or duplicate sheet name",
    );
    await expect(writeReportWorkbook([model, { ...model, name: "aging detail" }], path.join(dir, "bad.xlsx"))).rejects.toThrow(
      "Invalid or duplicate sheet name",
    );
    expect(await readdir(dir)).toEqual(before);
  });
});

describe("writeTablesWorkbook", () => {
  const table = (rows: number): TableData => ({
    sheet: "Invoices",
    name: "Invoices",
    header: ["Invoice No", "Invoice Date", "Amount", "Customer"],
    rows: Array.from({ length: rows }, (_v, i) => [
      `INV-${i + 1}`,
      46000 + (i % 300),
      i % 7 === 0 ? null : (i * 37.11) % 5000,
      i % 2 ? "Acme" : "=Beta",
    ]),
    firstRow: 2,
    firstColumn: 0,
  });
  const formats = { numberFormats: { "Invoice Date": "yyyy-mm-dd", Amount: "#,##0.00" } };

  it("writes a small table as an Excel table with formats, and reads back equal", async () => {
    const file = path.join(dir, "small.xlsx");
    const source = table(25);
    await writeTablesWorkbook([source, { ...source, sheet: "Customers", name: "Customers", rows: [] }], file, formats);
    const sheet = (await readBack(file)).getWorksheet("Invoices")!;
    expect(Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["Invoices"]);
    expect(sheet.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("C3").numFmt).toBe("#,##0.00");
    const { tables } = await readWorkbookTables(file);
    // Read with its cell types known: no error cells in it.
    expect(tables[0]).toEqual({ ...source, errorCells: new Set() });
  });

  it("streams a large table as a header row with an autofilter, and reads back equal", async () => {
    const file = path.join(dir, "large.xlsx");
    const source = table(LIST_OBJECT_MAX_ROWS + 5);
    await writeTablesWorkbook([source], file, formats);
    const { tables } = await readWorkbookTables(file);
    // Read with its cell types known: no error cells in it.
    expect(tables[0]).toEqual({ ...source, errorCells: new Set() });
  });
});

describe("colours and addresses", () => {
  it("converts colours and addresses", () => {
    expect(argb("#c00000")).toBe("FFC00000");
    expect([cellAddress(0, 0), cellAddress(9, 25), cellAddress(0, 26), cellAddress(4, 701), cellAddress(0, 702)]).toEqual([
      "A1",
      "Z10",
      "AA1",
      "ZZ5",
      "AAA1",
    ]);
  });
});
