import fc from "fast-check";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { serialFromYmd } from "../../src/engine/dates";
import { cellKey } from "../../src/engine/read/cells";
import type { SheetModel } from "../../src/engine/types";
import { plainSheetModel } from "../excel/models";
import { writeReportWorkbook } from "../../src/file/write";
import {
  columnIndex,
  ooxmlText,
  parseSheetData,
  parseSharedStrings,
  readWorkbookTables,
  resolvePart,
  tableFromHeaderRow,
} from "../../src/file/xlsx";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-desk-xlsx-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A workbook with an Excel table (with a totals row) and a plain sheet with a title above its header. */
async function writeFixture(file: string, date1904 = false): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  const invoices = workbook.addWorksheet("Invoices");
  invoices.getCell("A1").value = "Open invoices";
  invoices.addTable({
    name: "tblInvoices",
    ref: "B3",
    headerRow: true,
    totalsRow: true,
    columns: [
      { name: "Invoice No", totalsRowLabel: "Total" },
      { name: "Customer" },
      { name: "Invoice Date" },
      { name: "Amount", totalsRowFunction: "sum" },
      { name: "Paid" },
    ],
    rows: [
      ["INV-1", { richText: [{ text: "Acme " }, { font: { bold: true }, text: "Corp" }] }, new Date(Date.UTC(2026, 9, 31)), 1234.5, true],
      ["=INV-2", 'R&D <Labs> "Q"', new Date(Date.UTC(2026, 0, 2)), { formula: "1+1", result: 2 }, false],
      [
        "INV-3",
        { text: "Linked Ltd", hyperlink: "https://example.com" },
        { formula: "DATE(2026,2,1)", result: new Date(Date.UTC(2026, 1, 1)) },
        { formula: "VLOOKUP(1,A:A,2,0)", result: { error: "#N/A" } },
        { formula: '"x"&"y"', result: "xy" },
      ],
    ],
  });
  const payments = workbook.addWorksheet("Payments");
  payments.getCell("A1").value = "Payments export";
  payments.getRow(3).values = [null, "Payment No", "Amount", null, "Customer"];
  payments.getRow(4).values = [null, "P-1", 100, null, "Acme Corp"];
  payments.getRow(5).values = [null, "P-2", -5.25, "stray", "上海华东贸易有限公司"];
  payments.getRow(7).values = [null, "Notes below a blank row", "are not data"];
  workbook.addWorksheet("Empty");
  await workbook.xlsx.writeFile(file);
}

describe("readWorkbookTables", () => {
  it("reads each Excel table without its totals row, and a plain sheet's rows under its header to the end of the used range", async () => {
    const file = path.join(dir, "book.xlsx");
    await writeFixture(file);
    const { tables, dateSystem } = await readWorkbookTables(file);
    expect(dateSystem).toBe(1900);
    expect(tables).toHaveLength(2);
    const [invoices, payments] = tables;
    expect(invoices).toEqual({
      sheet: "Invoices",
      name: "tblInvoices",
      header: ["Invoice No", "Customer", "Invoice Date", "Amount", "Paid"],
      rows: [
        ["INV-1", "Acme Corp", serialFromYmd(2026, 10, 31), 1234.5, true],
        ["=INV-2", 'R&D <Labs> "Q"', serialFromYmd(2026, 1, 2), 2, false],
        ["INV-3", "Linked Ltd", serialFromYmd(2026, 2, 1), "#N/A", "xy"],
      ],
      firstRow: 4,
      firstColumn: 1,
      // The #N/A is a cell of type error (a failed formula), listed so that typed text is not one.
      errorCells: new Set([cellKey(2, 3)]),
    });
    expect(payments).toEqual({
      sheet: "Payments",
      name: "Payments",
      header: ["Payment No", "Amount", null, "Customer"],
      rows: [
        ["P-1", 100, null, "Acme Corp"],
        ["P-2", -5.25, "stray", "上海华东贸易有限公司"],
        // A blank row is skipped, not an end: what follows is read (and judged by the engine).
        [null, null, null, null],
        ["Notes below a blank row", "are not data", null, null],
      ],
      firstRow: 4,
      firstColumn: 1,
      notes: [{ severity: "warning", code: "table.blankRowsSkipped", row: null, params: { count: 1, row: 6 } }],
      errorCells: new Set(),
    });
  });

  it("returns the serials of a 1904 workbook unchanged and says so, for the engine to convert", async () => {
    const file = path.join(dir, "book1904.xlsx");
    await writeFixture(file, true);
    const { tables, dateSystem } = await readWorkbookTables(file);
    expect(dateSystem).toBe(1904);
    expect(tables[0]?.rows[0]?.[2]).toBe(serialFromYmd(2026, 10, 31) - 1462);
  });

  it("names the file when it is missing or not an .xlsx package", async () => {
    const fake = path.join(dir, "old.xlsx");
    await writeFile(fake, "Invoice,Amount\nA,1\n");
    await expect(readWorkbookTables(fake)).rejects.toMatchObject({ code: "cli.file.notXlsx", file: fake });
    const missing = path.join(dir, "missing.xlsx");
    await expect(readWorkbookTables(missing)).rejects.toMatchObject({ code: "cli.file.notFound", file: missing });
  });
});

describe("sheet XML", () => {
  const sheet = (body: string): Buffer => Buffer.from(`<worksheet><sheetData>${body}</sheetData></worksheet>`);

  it("reads inline strings, namespace prefixes, cells without references and error cells", () => {
    const grid = parseSheetData(
      "S",
      Buffer.from(
        '<x:worksheet><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Client</x:t></x:is></x:c><x:c t="e"><x:v>#REF!</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      ),
      [],
      1900,
    );
    expect(grid.rows.get(2)).toEqual([null, "Client", "#REF!", true]);
  });

  it("tells an error cell from text reading like one, and lists formulas saved without a value, for the table's cells only", () => {
    const grid = parseSheetData(
      "Invoices",
      Buffer.from(
        "<worksheet><sheetData>" +
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Invoice No</t></is></c><c r="B1" t="inlineStr"><is><t>Customer</t></is></c><c r="C1" t="inlineStr"><is><t>Amount</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>I-1</t></is></c><c r="B2" t="inlineStr"><is><t>#N/A</t></is></c><c r="C2"><f>X9*2</f></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t>I-2</t></is></c><c r="B3" t="e"><f>VLOOKUP(A3,X:Y,2,0)</f><v>#N/A</v></c><c r="C3"><v>5</v></c></row>' +
          "</sheetData></worksheet>",
      ),
      [],
      1900,
    );
    const table = tableFromHeaderRow(grid);
    expect(table?.rows).toEqual([
      ["I-1", "#N/A", null],
      ["I-2", "#N/A", 5],
    ]);
    // B2 is text typed as "#N/A"; B3 is a failed VLOOKUP; C2 a formula never calculated.
    expect(table?.errorCells).toEqual(new Set([cellKey(1, 1)]));
    expect(table?.unsavedFormulas).toEqual(new Set([cellKey(0, 2)]));
  });

  it("joins rich text runs, leaves out phonetic runs and decodes _xHHHH_ escapes", () => {
    expect(
      parseSharedStrings(
        "<sst><si><r><t>株式</t></r><r><t>会社</t></r><rPh><t>カブ</t></rPh></si><si/><si><t>a_x000D_b &amp; c</t></si></sst>",
      ),
    ).toEqual(["株式会社", "", "a\rb & c"]);
    expect(ooxmlText("&#x4E0A;&#28023;")).toBe("上海");
  });

  it("reads every shared-string table as the general patterns read it, plain runs or not (property)", () => {
    // The patterns alone, as parseSharedStrings read every table before its direct path for
    // plain <t> runs: the specification the direct path must meet.
    const byPattern = (xml: string): string[] =>
      [...xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g)].map((m) => {
        if (m[1] === undefined) return "";
        const inner = m[1].includes("rPh") ? m[1].replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : m[1];
        return ooxmlText([...inner.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)].map((t) => t[1] ?? "").join(""));
      });
    const text = fc.constantFrom("INV-1", "", " Acme ", "R&amp;D", "a_x000D_b", "上海", "MurPhy", "x&#60;y", "t>");
    const item = fc.oneof(
      text.map((t) => `<si><t>${t}</t></si>`),
      text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
      fc.tuple(text, text).map(([a, b]) => `<si><r><t>${a}</t></r><r><rPr><b/></rPr><t>${b}</t></r></si>`),
      fc.tuple(text, text).map(([a, b]) => `<si><t>${a}</t><rPh sb="0" eb="1"><t>${b}</t></rPh></si>`),
      fc.constant("<si/>"),
      fc.constant("<si><t/></si>"),
      text.map((t) => `<x:si><x:t>${t}</x:t></x:si>`),
      text.map((t) => `<si><t>${t}</t>\n</si>`),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.constantFrom("", "\n  "), (items, gap) => {
        const xml = `<?xml version="1.0"?><sst count="${items.length}">${items.join(gap)}</sst>`;
        expect(parseSharedStrings(xml)).toEqual(byPattern(xml));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps empty rows empty and skips self-closing cells", () => {
    const grid = parseSheetData("S", sheet('<row r="1"/><row r="3"><c r="A3" s="1"/><c r="C3"><v>4.5</v></c></row>'), [], 1900);
    expect(grid.rows.get(1)).toEqual([]);
    expect(grid.rows.get(3)).toEqual([null, null, 4.5]);
  });

  it("finds the header row under a title and reads past a blank row", () => {
    const rows = new Map([
      [1, ["Aging export 2026", null]],
      [2, ["Invoice", "Amount", "Due"]],
      [3, ["A-1", 5, 46000]],
      [5, ["A-2", 6, 46001]],
    ]);
    expect(tableFromHeaderRow({ name: "Sheet1", rows })).toMatchObject({
      header: ["Invoice", "Amount", "Due"],
      rows: [
        ["A-1", 5, 46000],
        [null, null, null],
        ["A-2", 6, 46001],
      ],
      firstRow: 3,
    });
    expect(tableFromHeaderRow({ name: "Notes", rows: new Map([[1, ["Just one note"]]]) })).toBeNull();
  });

  it("resolves part names and column letters", () => {
    expect(resolvePart("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolvePart("xl/workbook.xml", "/xl/worksheets/sheet2.xml")).toBe("xl/worksheets/sheet2.xml");
    expect([columnIndex("A"), columnIndex("z"), columnIndex("AA"), columnIndex("XFD")]).toEqual([0, 25, 26, 16383]);
  });
});

describe("readWorkbookTables and AR Desk's own report sheets", () => {
  it("never offers a tagged report sheet as an input table, and reads an untagged sheet named like one (point 9)", async () => {
    const file = path.join(dir, "with-reports.xlsx");
    const workbook = new ExcelJS.Workbook();
    const invoices = workbook.addWorksheet("Invoices");
    invoices.addRow(["Invoice No", "Customer", "Due Date", "Amount"]);
    invoices.addRow(["INV-1", "Acme", 46300, 100]);
    ["AR Aging Detail 2026-10", "应收账龄明细 2026-09", "AR Aging Detail 2026-10 (2)", "AR Exceptions 2026-10"].forEach((name, index) => {
      const report = workbook.addWorksheet(name);
      report.addRow(["Invoice", "Customer", "Due date", "Amount", "Open"]);
      report.addRow(["INV-1", "Acme", 46300, 100, 100]);
      // The first three carry AR Desk's tag as the CLI's writer sets it; the last was typed by a user.
      if (index < 3) workbook.definedNames.add(`'${name}'!$A$1`, `ARDesk.Report.${index + 1}`);
    });
    await workbook.xlsx.writeFile(file);
    const { tables } = await readWorkbookTables(file);
    expect(tables.map((t) => t.sheet)).toEqual(["Invoices", "AR Exceptions 2026-10"]);
  });

  it("tags every sheet the report writer writes, so a later run skips exactly those", async () => {
    const file = path.join(dir, "written-report.xlsx");
    const sheet = (name: string): SheetModel =>
      plainSheetModel(name, [
        ["Invoice", "Customer", "Due", "Open"],
        ["INV-1", "Acme", 46300, 5],
      ]);
    await writeReportWorkbook([sheet("AR Aging 2026-10"), sheet("Bob's 'notes'")], file);
    const { tables } = await readWorkbookTables(file);
    expect(tables).toEqual([]);
  });
});
