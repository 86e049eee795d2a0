import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { serialFromIso } from "../../../src/engine/dates";
import { buildStatements } from "../../../src/engine/statements/build";
import { activityHeadings, openItemsHeadings, statementsSheet, statementsSheetName } from "../../../src/engine/statements/sheets";
import type { StatementOptions, StatementSet } from "../../../src/engine/statements/types";
import type { Lang, SheetModel } from "../../../src/engine/types";
import { writeReportWorkbook } from "../../../src/file/write";
import { zipData, zipEntries } from "../../../src/file/zip";
import { bookOf } from "../builders";

const d = (iso: string): number => serialFromIso(iso)!;
const book = bookOf({
  customers: [
    { name: "Acme Corp", salesRep: "Ann" },
    { name: "北京远景科技有限公司", salesRep: "Ann" },
    { name: "Cobalt Ltd", salesRep: "Bo" },
  ],
  invoices: [
    { number: "INV-1", customer: "Acme Corp", invoiceDate: "2026-09-10", dueDate: "2026-10-10", amount: 500 },
    { number: "INV-2", customer: "Acme Corp", invoiceDate: "2026-10-05", dueDate: "2026-11-04", amount: 300 },
    {
      number: "INV-3",
      customer: "北京远景科技有限公司",
      invoiceDate: "2026-10-08",
      dueDate: "2026-10-20",
      amount: 120000,
      currency: "JPY",
    },
    { number: "INV-4", customer: "Cobalt Ltd", invoiceDate: "2026-10-09", amount: 75.5 },
  ],
  payments: [{ reference: "PAY-1", customer: "Acme Corp", date: "2026-10-12", amount: 200, invoiceNumber: "INV-1" }],
});
const options = (extra: Partial<StatementOptions> = {}): StatementOptions => ({
  from: d("2026-10-01"),
  to: d("2026-10-31"),
  basis: "due",
  boundaries: [30, 60, 90],
  autoApply: true,
  lang: "en-US",
  openItems: true,
  ...extra,
});
const company = {
  name: "Contoso Trading Ltd",
  address: "1 Harbour Road\nShanghai",
  taxId: "91310000MA1FL0000X",
  bank: "ICBC 1001 2345 6789",
};

/** Text of every cell of a model, row by row. */
const texts = (sheet: SheetModel): string[] => sheet.cells.map((row) => row.filter((v) => v !== null).join(" | "));

describe("activityHeadings and openItemsHeadings", () => {
  it.each<[Lang, string[], (string | null)[]]>([
    [
      "en-US",
      ["Date", "Type", "Reference", "Description / PO", "Due date", "Debit", "Credit", "Balance"],
      ["Date", null, "Reference", null, "Due date", "Amount", "Open", "Days past due"],
    ],
  ])("%s: one heading per column of the statement, the open items under the activity's columns", (lang, activity, openItems) => {
    expect(activityHeadings(lang)).toEqual(activity);
    expect(openItemsHeadings(lang)).toEqual(openItems);
  });

  it("has as many columns in Chinese", () => {
    expect(activityHeadings("zh-CN")).toHaveLength(8);
    expect(openItemsHeadings("zh-CN").map((h) => h === null)).toEqual(openItemsHeadings("en-US").map((h) => h === null));
  });
});

describe("statementsSheet", () => {
  const set = buildStatements(book, options());

  it("prints one page per statement: a manual break before each after the first, company block as print titles", () => {
    expect(set.statements.length).toBe(3);
    const sheet = statementsSheet(set, "en-US", { document: "statement", company, openItems: true });
    expect(sheet.name).toBe("AR Statements 2026-10");
    expect(sheet.page).toMatchObject({ orientation: "portrait", paper: "Letter", fitToWidth: true, footer: "Page &P of &N" });
    expect(sheet.page!.rowBreaks.length).toBe(2);
    // Each page begins with the document title; the print titles hold the company block.
    for (const row of sheet.page!.rowBreaks) expect(sheet.cells[row]![0]).toBe("Statement of Account");
    const titles = sheet.page!.printTitleRows!;
    expect(texts(sheet).slice(titles.first, titles.last + 1)).toEqual([
      "Contoso Trading Ltd",
      "1 Harbour Road",
      "Shanghai",
      "Tax ID: 91310000MA1FL0000X",
      "Bank / remit to: ICBC 1001 2345 6789",
      "",
    ]);
  });

  it("shows opening, lines with running balance, totals and a closing balance that ties, in major units", () => {
    const sheet = statementsSheet({ ...set, statements: set.statements.filter((s) => s.customer === "Acme Corp") }, "en-US", {
      document: "statement",
      company,
    });
    expect(sheet.name).toBe("AR Statement Acme Corp 2026-10");
    expect(sheet.page!.rowBreaks).toEqual([]);
    const rows = texts(sheet);
    const at = (label: string): (string | number | boolean | null)[] => sheet.cells.find((r) => r[1] === label)!;
    expect(at("Opening balance")[7]).toBe(500);
    expect(rows).toContain(`${d("2026-10-05")} | Invoice | INV-2 | ${d("2026-11-04")} | 300 | 800`);
    expect(rows).toContain(`${d("2026-10-12")} | Payment | PAY-1 | 200 | 600`);
    expect(at("Period totals").slice(5, 7)).toEqual([300, 200]);
    expect(at("Closing balance")[7]).toBe(600);
  });

  it("formats money in each statement's currency (JPY without decimals)", () => {
    const sheet = statementsSheet(set, "zh-CN", { document: "statement", company });
    const jpyPage = sheet.page!.rowBreaks.find((row) => sheet.cells.slice(row, row + 8).some((r) => r.includes("JPY")))!;
    expect(sheet.formats.some((f) => f.range.row === jpyPage && f.numberFormat === "#,##0")).toBe(true);
    expect(sheet.page!.paper).toBe("A4");
    expect(sheet.page!.footer).toBe("第 &P 页，共 &N 页");
  });

  it.each<[Lang, string[]]>([
    [
      "en-US",
      [
        "Balance Confirmation",
        "To: Acme Corp",
        "Reply",
        "☐ Agreed: the balance above agrees with our records.",
        "Authorized signature: ____________________",
      ],
    ],
    ["zh-CN", ["企业询证函", "Acme Corp：", "回函", "☐ 信息证明无误。", "经办人签字：____________________", "（公司盖章）"]],
  ])("writes the balance confirmation in %s with a reply section and signature lines", (lang, expected) => {
    const one = buildStatements(book, options({ lang, customers: ["acme corp"] }));
    const sheet = statementsSheet(one, lang, { document: "confirmation", company });
    expect(sheet.kind).toBe("confirmations");
    const firstCells = sheet.cells.map((r) => r[0]);
    for (const text of expected) expect(firstCells).toContain(text);
    expect(sheet.cells.some((r) => r[7] === 600 && r[5] === "USD")).toBe(true);
  });

  it("keeps sheet names within 31 characters and keeps the period", () => {
    const long = buildStatements(book, options({ customers: ["北京远景科技有限公司"] }));
    const renamed: StatementSet = {
      ...long,
      statements: long.statements.map((s) => ({ ...s, customer: "A very long customer name: with [brackets] / slashes Inc." })),
    };
    const name = statementsSheetName(renamed, "confirmation", "en-US");
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).toMatch(/^AR Confirmation A very.* 2026-10$/);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
  });
});

describe("statementsSheet written by the ExcelJS writer", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ar-desk-statements-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("carries the page setup, footer, print titles and page breaks into the .xlsx", async () => {
    const set = buildStatements(book, options());
    const sheet = statementsSheet(set, "en-US", { document: "statement", company });
    const file = path.join(dir, "statements.xlsx");
    await writeReportWorkbook([sheet], file);
    const bytes = await readFile(file);
    const entries = zipEntries(bytes)!;
    const xml = zipData(bytes, entries.get("xl/worksheets/sheet1.xml")!).toString("utf8");
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="1"/);
    expect(xml).toMatch(/<pageSetup[^>]*orientation="portrait"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"/);
    expect(xml).toContain("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>");
    const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    // A break sits below sheet row `id`: the next page starts on the model's break row.
    expect(breaks).toEqual(sheet.page!.rowBreaks);
    const workbookXml = zipData(bytes, entries.get("xl/workbook.xml")!).toString("utf8");
    expect(workbookXml).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;AR Statements 2026-10&apos;!\$1:\$6<\/definedName>/,
    );

    // ExcelJS reads it back: same values where the model has them.
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(file);
    const ws = read.getWorksheet("AR Statements 2026-10")!;
    expect(ws.getCell("A1").value).toBe("Contoso Trading Ltd");
  });
});
