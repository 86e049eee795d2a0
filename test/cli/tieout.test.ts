import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { serialFromIso } from "../../src/engine/dates";
import { writeTablesWorkbook } from "../../src/file/write";
import { controlOption } from "../../src/cli/tieout";
import { run } from "./run";
import { userTable } from "../engine/builders";

const d = (iso: string): number => serialFromIso(iso) as number;

/**
 * As of 2026-10-31, auto-applying cash: open INV-1 1,000.00, INV-2 300.00 (less PAY-1), INV-3 200.00
 * (less Beta's unreferenced PAY-4); Gamma's PAY-3 120.00 is unapplied. Open 1,500.00, net 1,380.00.
 * INV-9 (row 5) is dated after the as-of date.
 */
const INVOICES = userTable(
  "Invoices",
  ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount"],
  [
    ["INV-1", "Acme", d("2026-08-31"), d("2026-09-30"), 1000],
    ["INV-2", "Acme", d("2026-09-15"), d("2026-10-15"), 500],
    ["INV-3", "Beta", d("2026-10-10"), d("2026-11-09"), 250],
    ["INV-9", "Acme", d("2026-11-05"), d("2026-12-05"), 700],
  ],
);
const PAYMENTS = userTable(
  "Payments",
  ["Payment No", "Customer", "Payment Date", "Amount", "Invoice No"],
  [
    ["PAY-1", "Acme", d("2026-10-05"), 200, "INV-2"],
    ["PAY-3", "Gamma", d("2026-10-20"), 120, null],
    ["PAY-4", "Beta", d("2026-10-25"), 50, null],
  ],
);

let dir: string;
let book: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-desk-tieout-"));
  book = path.join(dir, "book.xlsx");
  await writeTablesWorkbook([INVOICES, PAYMENTS], book, {
    numberFormats: { "Invoice Date": "yyyy-mm-dd", "Due Date": "yyyy-mm-dd", "Payment Date": "yyyy-mm-dd" },
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("ar-desk tieout", () => {
  it("prints the tie-out alone on stdout with --json -: net basis and last month-end by default, the explaining item with its sheet and row", async () => {
    const result = await run(["tieout", "--input", book, "--control", "2,080.00", "--json", "-"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      asOf: "2026-10-31",
      currency: "USD",
      basis: "net",
      agingTotal: 1380,
      controlBalance: 2080,
      difference: -700,
      method: "single",
      otherMatches: 0,
      items: [{ kind: "after-as-of", label: "INV-9", amount: -700, sheet: "Invoices", row: 5 }],
    });
    expect(result.stderr).toContain("AR GL tie-out as of 2026-10-31 in USD");
    expect(result.stderr).toMatch(/Difference \(aging − control\)\s+-700\.00/);
    expect(result.stderr).toContain("Explained by one item: INV-9 (Dated after the as-of date).");
    expect(result.stderr).toContain("Dated after the as-of date: INV-9  -700.00  (Invoices!5)");
  });

  it("compares gross open items with --basis open, and ages with --no-auto-apply as the aging would", async () => {
    const applied = JSON.parse(
      (await run(["tieout", "--input", book, "--control", "1500", "--basis", "open", "--as-of", "2026-10-31", "--json", "-"])).stdout,
    ) as { agingTotal: number; method: string };
    expect(applied).toMatchObject({ agingTotal: 1500, method: "balanced" });

    const result = await run([
      "tieout",
      "--input",
      book,
      "--control",
      "1500",
      "--basis",
      "open",
      "--no-auto-apply",
      "--as-of",
      "2026-10-31",
      "--json",
      "-",
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      agingTotal: 1550,
      difference: 50,
      method: "single",
      items: [{ kind: "unapplied-credit", label: "Beta", amount: 50, sheet: null, row: null }],
    });
  });

  it("writes the AR GL Tie-out sheet and the JSON file, in Chinese with --lang zh-CN, and says when nothing explains the difference", async () => {
    const out = path.join(dir, "tieout.xlsx");
    const json = path.join(dir, "tieout.json");
    const result = await run([
      "tieout",
      "--input",
      book,
      "--control",
      "(1,000.00)",
      "--as-of",
      "2026-10-31",
      "--out",
      out,
      "--json",
      json,
      "--lang",
      "zh-CN",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("应收总账勾稽，截至 2026-10-31，币种 USD");
    expect(result.stdout).toContain("差额未能解释");
    expect(result.stdout).toContain(`报告已写入：${out}`);
    expect(JSON.parse(await readFile(json, "utf8"))).toMatchObject({
      controlBalance: -1000,
      difference: 2380,
      method: "unexplained",
      items: [],
    });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("应收总账勾稽");
    expect(sheet).toBeDefined();
    expect(sheet?.getCell("A1").value).toBe("应收总账勾稽（USD）");
    const values = (sheet?.getSheetValues() ?? []).map((row) => (Array.isArray(row) ? row.slice(1, 3) : []));
    expect(values).toEqual(
      expect.arrayContaining([
        ["总账控制科目余额", -1000],
        ["差额（账龄 − 总账）", 2380],
      ]),
    );
  });

  it("exits 1 when the book has no invoice table", async () => {
    const other = path.join(dir, "notes.xlsx");
    await writeTablesWorkbook([userTable("Notes", ["Topic", "Owner"], [["Close", "Ann"]])], other);
    const result = await run(["tieout", "--input", other, "--control", "100"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("No invoice table found");
  });

  it.each([
    [["--control", "12abc"], '--control must be an amount such as 125000.00 or (1,250.00), not "12abc".'],
    [["--control", "€100"], "--control must be an amount"],
    [["--control", "100", "--basis", "gross"], "--basis must be one of net, open"],
    [["--control", "100", "--currency", "dollars"], "--currency must be an ISO 4217 code"],
    [[], "Option --control is required."],
  ])("rejects %j with exit code 2", async (args, message) => {
    const result = await run(["tieout", "--input", book, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("ar-desk tieout --input");
  });

  it("is listed in the help, with its own page", async () => {
    expect((await run(["--help"])).stdout).toMatch(/tieout +tie the aging to the general ledger/);
    const help = await run(["help", "tieout"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--control AMOUNT");
    expect((await run(["tieout", "--help", "--lang", "zh-CN"])).stdout).toContain("总账应收控制科目余额");
  });

  it("reads ledger-style control amounts in the currency's digits", () => {
    expect(controlOption(new Map([["control", "1,250.50"]]), "USD")).toBe(125050);
    expect(controlOption(new Map([["control", "(1,250.50)"]]), "USD")).toBe(-125050);
    expect(controlOption(new Map([["control", "125000"]]), "JPY")).toBe(125000);
  });
});
