import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { serialFromIso } from "../../src/engine/dates";
import { generateSampleBook } from "../../src/engine/sample";
import { takeCustomers } from "../../src/cli/statements";
import { CJK_FONT_CANDIDATES, collectionFaceNames, loadPdfFont, PdfFontError, statementFileName } from "../../src/file/statementsPdf";
import { writeTablesWorkbook } from "../../src/file/write";
import { zipData, zipEntries } from "../../src/file/zip";
import { run } from "./run";
import { userTable } from "../engine/builders";

const d = (iso: string): number => serialFromIso(iso) as number;

/**
 * October 2026. Acme (USD): opening 1,000.00 (INV-1), INV-2 500.00 and PAY-1 200.00 in October,
 * closing 1,300.00. 北京远景科技有限公司 (CNY): INV-3 8,800.00, a 300.00 refund after a
 * 1,000.00 prepayment in September (a refund is a debit document in the invoice table, type
 * "退款"): opening −1,000.00, closing 8,100.00. Gamma: nothing since
 * its invoice was paid in August, so no statement.
 */
const TABLES = [
  userTable(
    "Invoices",
    ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency", "PO", "Type"],
    [
      ["INV-1", "Acme", d("2026-08-31"), d("2026-09-30"), 1000, "USD", null, "Invoice"],
      ["INV-2", "Acme", d("2026-10-15"), d("2026-11-14"), 500, "USD", "PO-77", "Invoice"],
      ["INV-3", "北京远景科技有限公司", d("2026-10-10"), d("2026-11-09"), 8800, "CNY", null, "发票"],
      ["RF-1", "北京远景科技有限公司", d("2026-10-28"), d("2026-10-28"), 300, "CNY", null, "退款"],
      ["INV-4", "Gamma", d("2026-07-01"), d("2026-07-31"), 90, "USD", null, "Invoice"],
      ["INV-9", "Acme", d("2026-11-05"), d("2026-12-05"), 700, "USD", null, "Invoice"],
    ],
  ),
  userTable(
    "Payments",
    ["Payment No", "Customer", "Payment Date", "Amount", "Invoice No", "Currency"],
    [
      ["PAY-1", "Acme", d("2026-10-05"), 200, "INV-2", "USD"],
      ["PRE-1", "北京远景科技有限公司", d("2026-09-20"), 1000, null, "CNY"],
      ["PAY-4", "Gamma", d("2026-08-10"), 90, "INV-4", "USD"],
    ],
  ),
  userTable(
    "Customers",
    ["Customer", "Sales Rep", "Address", "Email"],
    [
      ["Acme", "Ann", "1 Main Street, Springfield", "ap@acme.example"],
      ["北京远景科技有限公司", "Li", "北京市朝阳区建国路 1 号", null],
    ],
  ),
];

let dir: string;
let book: string;
let companyFile: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-desk-statements-cli-"));
  book = path.join(dir, "book.xlsx");
  await writeTablesWorkbook(TABLES, book);
  companyFile = path.join(dir, "company.json");
  await writeFile(
    companyFile,
    JSON.stringify({
      name: "Contoso Trading Ltd",
      address: "88 Harbour Road, Shanghai",
      taxId: "91310000MA1FL0000X",
      bank: "ICBC 1001 2345 6789",
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const period = ["--from", "2026-10-01", "--to", "2026-10-31"];

/** The system's CJK font, or a failure that says what CI must install: never a silent skip. */
function requireCjkFont(): void {
  const found = CJK_FONT_CANDIDATES.some((c) => existsSync(c.file));
  if (!found)
    throw new Error(
      "These tests need a CJK font: install fonts-noto-cjk (Debian) so that /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc exists.",
    );
}

const pdfText = (file: string): string => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
const pdfPages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
const pdfFonts = (file: string): string => execFileSync("pdffonts", [file], { encoding: "utf8" });

describe("ar-desk statements: JSON", () => {
  it("follows the JSON contract: opening, lines with running balance, closing, buckets, unapplied, in major units", async () => {
    const result = await run(["statements", "--input", book, ...period, "--json", "-"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { from: string; to: string; statements: Array<Record<string, unknown>>; issues: unknown[] };
    expect(json.from).toBe("2026-10-01");
    expect(json.to).toBe("2026-10-31");
    expect(json.statements.map((s) => `${s.customer as string}/${s.currency as string}`)).toEqual(["Acme/USD", "北京远景科技有限公司/CNY"]);
    const [acme, beijing] = json.statements as Array<{
      opening: number;
      closing: number;
      lines: unknown[];
      buckets: Array<{ label: string; amount: number }>;
      unapplied: number;
    }>;
    expect(acme).toMatchObject({
      opening: 1000,
      lines: [
        { date: "2026-10-05", type: "payment", ref: "PAY-1", due: null, debit: 0, credit: 200, balance: 800 },
        { date: "2026-10-15", type: "invoice", ref: "INV-2", due: "2026-11-14", po: "PO-77", debit: 500, credit: 0, balance: 1300 },
      ],
      closing: 1300,
      unapplied: 0,
    });
    expect(acme!.buckets.map((b) => b.label)).toEqual(["Current", "1-30", "31-60", "61-90", "90+"]);
    expect(acme!.buckets.reduce((sum, b) => sum + b.amount, 0)).toBe(1300);
    expect(beijing).toMatchObject({ opening: -1000, closing: 8100, unapplied: 0 });
    expect((beijing!.lines as Array<{ type: string; debit: number }>).map((l) => [l.type, l.debit])).toEqual([
      ["invoice", 8800],
      ["refund", 300],
    ]);
  });

  it("matches --customer names as the readers do, repeatable, and names one that matches nothing", async () => {
    const result = await run(["statements", "--input", book, ...period, "--customer", "  ACME ", "--customer=Nobody Inc", "--json", "-"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { statements: Array<{ customer: string }> };
    expect(json.statements.map((s) => s.customer)).toEqual(["Acme"]);
    expect(result.stderr).toContain('No customer named "Nobody Inc" in the book.');
  });

  it.each([
    [["--from", "2026-10-31", "--to", "2026-10-01", "--json", "-"], "--from 2026-10-31 is after --to 2026-10-01."],
    [["--from", "2026-10-01", "--to", "2026-10-32", "--json", "-"], "--to"],
    [["--from", "2026-10-01", "--to", "2026-10-31"], "Nothing to write: give --out, --pdf or --json."],
    [["--from", "2026-10-01", "--to", "2026-10-31", "--json", "-", "--customer"], "--customer"],
  ])("rejects %j as a usage error", async (args, message) => {
    const result = await run(["statements", "--input", book, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("puts the collection stage of overdue customers in the JSON, from a --ladder file when given", async () => {
    const ladderFile = path.join(dir, "ladder.json");
    await writeFile(
      ladderFile,
      JSON.stringify([
        { stage: 0, fromDays: -7, toDays: 29, action: { "en-US": "Remind", "zh-CN": "提醒" } },
        { stage: 1, fromDays: 30, toDays: null, action: { "en-US": "Call the CFO", "zh-CN": "致电财务总监" } },
      ]),
    );
    const stages = async (extra: string[]) => {
      const result = await run(["statements", "--input", book, ...period, "--json", "-", ...extra]);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout) as { statements: Array<{ customer: string; collectionStage: unknown }> };
      expect(json.statements.length).toBe(2);
      return Object.fromEntries(json.statements.map((s) => [s.customer, s.collectionStage]));
    };
    expect(await stages([])).toEqual({ Acme: { stage: 3, action: "Visit; consider stopping supply" }, 北京远景科技有限公司: null });
    expect(await stages(["--ladder", ladderFile])).toEqual({ Acme: { stage: 1, action: "Call the CFO" }, 北京远景科技有限公司: null });
  });

  it("splits repeated --customer out of the options", () => {
    expect(takeCustomers(["--customer", "Acme", "--from", "2026-10-01", "--customer=Beta"])).toEqual({
      customers: ["Acme", "Beta"],
      rest: ["--from", "2026-10-01"],
    });
  });

  it("prints its help in both languages", async () => {
    const en = await run(["help", "statements"]);
    const zh = await run(["help", "statements", "--lang", "zh-CN"]);
    expect(en.stdout).toContain("ar-desk statements --input BOOK --from YYYY-MM-DD --to YYYY-MM-DD");
    expect(zh.stdout).toContain("询证函");
  });
});

describe("ar-desk statements: xlsx", () => {
  it("writes one sheet with one page per statement", async () => {
    const out = path.join(dir, "statements.xlsx");
    const result = await run(["statements", "--input", book, ...period, "--company", companyFile, "--out", out]);
    expect(result.code).toBe(0);
    const bytes = await readFile(out);
    const entries = zipEntries(bytes)!;
    const xml = zipData(bytes, entries.get("xl/worksheets/sheet1.xml")!).toString("utf8");
    expect([...xml.matchAll(/<brk /g)].length).toBe(1);
    // Fit to one page wide, as many pages tall as the breaks make (Excel's own file form).
    expect(xml).toMatch(/<pageSetUpPr[^>]*\bfitToPage="1"/);
    expect(xml).toMatch(/<pageSetup\b(?=[^>]*\bfitToWidth="1")(?=[^>]*\bfitToHeight="0")(?=[^>]*\borientation="portrait")[^>]*>/);
    expect(zipData(bytes, entries.get("xl/workbook.xml")!).toString("utf8")).toContain('name="AR Statements 2026-10"');
  });
});

describe("ar-desk statements: PDF", () => {
  it("writes one PDF per customer and currency with the customer, the closing balance and the Chinese labels", async () => {
    requireCjkFont();
    const pdfDir = path.join(dir, "pdf-zh");
    const jsonFile = path.join(dir, "zh.json");
    const result = await run([
      "statements",
      "--input",
      book,
      ...period,
      "--company",
      companyFile,
      "--lang",
      "zh-CN",
      "--pdf",
      pdfDir,
      "--json",
      jsonFile,
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(await readFile(jsonFile, "utf8")) as { statements: Array<{ customer: string; closing: number; file: string }> };
    const files = (await readdir(pdfDir)).sort();
    expect(files).toEqual(["Acme USD.pdf", "北京远景科技有限公司 CNY.pdf"]);
    expect(json.statements.map((s) => path.basename(s.file)).sort()).toEqual(files);
    for (const s of json.statements) {
      const text = pdfText(s.file);
      expect(text).toContain(s.customer);
      expect(text).toContain(s.closing.toLocaleString("en-US", { minimumFractionDigits: 2 }));
      for (const label of ["对账单", "期初余额", "期末余额", "借方", "贷方", "余额", "第 1 页，共 1 页"]) expect(text).toContain(label);
      expect(text).toContain("Contoso Trading Ltd");
      expect(pdfPages(s.file)).toBe(1);
      // Fonts embedded (subset), not referenced.
      expect(pdfFonts(s.file)).toMatch(/\+\S+\s+.*\byes\s+yes\b/);
    }
    expect(pdfText(path.join(pdfDir, "北京远景科技有限公司 CNY.pdf"))).toContain("退款");
    // Acme's INV-1 is 31 days past due at the statement date: the ladder's stage 3 in the footer;
    // nothing of 北京远景 is overdue, so its footer has no stage line.
    expect(pdfText(path.join(pdfDir, "Acme USD.pdf")).replace(/[ \t]+/g, " ")).toContain("催收阶段 3：上门催收");
    expect(pdfText(path.join(pdfDir, "北京远景科技有限公司 CNY.pdf"))).not.toContain("催收阶段");
    // A4 for Chinese.
    expect(execFileSync("pdfinfo", [path.join(pdfDir, "Acme USD.pdf")], { encoding: "utf8" })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/);
  });

  it("keeps every file's text readable when a run's files share one font subset (sample book, zh-CN)", async () => {
    requireCjkFont();
    const sampleBook = path.join(dir, "sample.xlsx");
    await writeTablesWorkbook(generateSampleBook({ invoices: 300, seed: 5, messy: false }), sampleBook);
    const pdfDir = path.join(dir, "pdf-sample");
    const jsonFile = path.join(dir, "sample.json");
    const result = await run(["statements", "--input", sampleBook, ...period, "--lang", "zh-CN", "--pdf", pdfDir, "--json", jsonFile]);
    expect(result.code).toBe(0);
    const json = JSON.parse(await readFile(jsonFile, "utf8")) as {
      statements: Array<{ customer: string; currency: string; closing: number; file: string }>;
    };
    expect(json.statements.length).toBeGreaterThan(10);
    expect((await readdir(pdfDir)).length).toBe(json.statements.length);
    for (const s of json.statements) {
      const text = pdfText(s.file).replace(/\s+/g, " ");
      expect(text).toContain(s.customer.replace(/\s+/g, " "));
      expect(text).toContain(s.closing.toLocaleString("en-US", { minimumFractionDigits: s.currency === "JPY" ? 0 : 2 }));
      expect(text).toContain("期末余额");
      expect(pdfPages(s.file)).toBeGreaterThanOrEqual(1);
    }
  });

  it("writes balance confirmations with the reply section, on Letter paper in English", async () => {
    requireCjkFont();
    const pdfDir = path.join(dir, "pdf-en");
    const result = await run([
      "statements",
      "--input",
      book,
      ...period,
      "--company",
      companyFile,
      "--confirmations",
      "--customer",
      "acme",
      "--pdf",
      pdfDir,
    ]);
    expect(result.code).toBe(0);
    const files = await readdir(pdfDir);
    expect(files).toEqual(["Balance Confirmation Acme USD.pdf"]);
    const file = path.join(pdfDir, files[0]!);
    const text = pdfText(file);
    for (const expected of [
      "Balance Confirmation",
      "At 2026-10-31 you owed us 1,300.00 USD.",
      "Reply",
      "Agreed",
      "Authorized signature",
      "1 Main Street, Springfield",
    ])
      expect(text).toContain(expected);
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Page size:\s+612 x 792/);
    // Latin text only: the Latin TrueType font is embedded, not the CJK one.
    expect(pdfFonts(file)).toMatch(/\+(DejaVuSans|LiberationSans|Arial)/);
  });

  it("names the missing font when --font cannot be used, and writes nothing", async () => {
    const pdfDir = path.join(dir, "pdf-nofont");
    const missing = path.join(dir, "no-such-font.ttc");
    const result = await run(["statements", "--input", book, ...period, "--lang", "zh-CN", "--pdf", pdfDir, "--font", missing]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(missing);
    expect(existsSync(pdfDir)).toBe(false);
  });

  it("without a CJK font on the machine, fails naming every font it looked for; Latin-only text falls back to a Latin font", () => {
    const candidates = [
      { file: path.join(dir, "missing/NotoSansCJK-Regular.ttc"), family: "NotoSansCJKsc-Regular" },
      { file: path.join(dir, "missing/msyh.ttc") },
    ];
    let error: unknown = null;
    try {
      loadPdfFont({ needsCjk: true, candidates });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PdfFontError);
    expect((error as PdfFontError).looked).toEqual(candidates.map((c) => c.file));
    const latin = [{ file: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" }];
    if (!existsSync(latin[0]!.file)) throw new Error("This test needs DejaVu Sans (Debian: fonts-dejavu-core).");
    const font = loadPdfFont({ needsCjk: false, candidates, latin });
    expect(font.file).toBe(latin[0]!.file);
    expect(font.cjk).toBe(false);
  });

  it("reads the face names of a font collection", async () => {
    requireCjkFont();
    const found = CJK_FONT_CANDIDATES.find((c) => c.file.endsWith(".ttc") && existsSync(c.file))!;
    const names = collectionFaceNames(await readFile(found.file));
    expect(names.length).toBeGreaterThan(1);
    expect(names).toContain(found.family);
  });
});

describe("statementFileName", () => {
  it.each([
    ["Acme: Corp / EU", "EUR", "Acme_ Corp _ EU EUR.pdf"],
    ['A<b>c|d?e*"f', "USD", "A_b_c_d_e__f USD.pdf"],
    ["CON", "USD", "_CON USD.pdf"],
    ["lpt1.txt", "USD", "_lpt1.txt USD.pdf"],
    ["Trailing dots...", "USD", "Trailing dots USD.pdf"],
    ["北京远景科技有限公司", "CNY", "北京远景科技有限公司 CNY.pdf"],
  ])("makes %j safe on Windows", (customer, currency, expected) => {
    expect(statementFileName(customer, currency, new Set())).toBe(expected);
  });

  it("keeps names unique (as Windows compares them) and within 100 characters", () => {
    const used = new Set<string>();
    const names = ["Acme", "ACME", "acme", "x".repeat(300)].map((customer) => statementFileName(customer, "USD", used));
    expect(names.slice(0, 3)).toEqual(["Acme USD.pdf", "ACME USD (2).pdf", "acme USD (3).pdf"]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(100);
  });
});
