/**
 * Command-line behaviour of "Nothing read silently wrong" (points 12, 14, 16, 18) run through
 * `main`, in both languages.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "./run";

let dir = "";
let book = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-desk-hostile-cli-"));
  book = path.join(dir, "Invoices.csv");
  await writeFile(book, "Invoice No,Customer,Due Date,Amount\nI-1,Acme,2026-09-30,100\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("point 16: --map naming a folder", () => {
  it.each([
    ["en-US", "is a folder, not a file"],
    ["zh-CN", "是文件夹，不是文件"],
  ])("says so in %s (exit 1)", async (lang, text) => {
    const result = await run(["aging", "--input", book, "--as-of", "2026-10-31", "--map", dir, "--lang", lang]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(text);
  });
});

describe("point 14: nothing usable is not a zero balance", () => {
  it.each([
    ["en-US", "Nothing could be read from “Broken”"],
    ["zh-CN", "“Broken”中没有可读取的内容"],
  ])("exits 1 and says why in %s", async (lang, text) => {
    const broken = path.join(dir, "Broken.csv");
    await writeFile(broken, "Invoice No,Customer,Due Date,Amount\nI-1,Acme,someday,100\n");
    const result = await run(["aging", "--input", broken, "--as-of", "2026-10-31", "--lang", lang]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(text);
    expect(result.stderr).toContain("Broken!C2");
    expect(result.stdout).not.toContain("Nothing is open");
  });
});

describe("point 18: --lang", () => {
  it("exits 2 for a language AR Desk does not have, naming the supported ones", async () => {
    const result = await run(["aging", "--input", book, "--lang", "fr-FR"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("en-US, zh-CN");
  });
});

describe("point 12: no stack trace unless --debug", () => {
  it("accepts --debug anywhere on the line and still runs", async () => {
    const result = await run(["aging", "--debug", "--input", book, "--as-of", "2026-10-31"]);
    expect(result.code).toBe(0);
  });
});

describe("point 5: the competing-column warning is in the summary, not only counted", () => {
  it.each([
    [
      "en-US",
      "How the tables were read:",
      "“Invoices” has more than one amount column: “Amount” (column D) is used, “Amount” (column E) is ignored.",
    ],
    ["zh-CN", "表格读取说明：", "“Invoices”有多个金额列：使用“Amount”（第 D 列），忽略“Amount”（第 E 列）。"],
  ])("names the column used and the one ignored in %s, for a workbook built in Excel's format", async (lang, heading, text) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Invoices");
    ws.addRow(["Invoice No", "Customer", "Due Date", "Amount", "Amount"]);
    ws.addRow(["I-1", "Acme", new Date(Date.UTC(2026, 8, 30)), 100, 999]);
    const file = path.join(dir, `two-amounts-${lang}.xlsx`);
    await wb.xlsx.writeFile(file);
    const result = await run(["aging", "--input", file, "--as-of", "2026-10-31", "--lang", lang]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    const at = lines.indexOf(heading);
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toContain(text);
  });
});

describe("point 6: tables of one role are read together, and the summary says which", () => {
  it("reads a folder of monthly invoice CSVs as one ledger and lists them; a table mapping differently is named as not read", async () => {
    const folder = path.join(dir, "months");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "Invoices Jan.csv"), "Invoice No,Customer,Due Date,Amount\nJ-1,Acme,2026-09-30,100\n");
    // The same fields in another order.
    await writeFile(
      path.join(folder, "Invoices Feb.csv"),
      "Amount,Invoice No,Customer,Due Date\n50,F-1,Acme,2026-09-30\nnot a number,F-2,Acme,2026-09-30\n",
    );
    const json = path.join(dir, "months.json");
    const result = await run(["aging", "--input", folder, "--as-of", "2026-10-31", "--json", json]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("The invoice rows are read from 2 tables together: “Invoices Feb”, “Invoices Jan”.");
    expect(result.stdout).toMatch(/ 150\.00\s+0\.00\s+150\.00$/m);
    const report = JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(json, "utf8"))) as {
      issues: { sheet: string; row: number | null; code: string }[];
    };
    // The bad row is named in its own file and row.
    expect(report.issues.filter((i) => i.code === "amount.invalid").map((i) => [i.sheet, i.row])).toEqual([["Invoices Feb", 3]]);

    await writeFile(path.join(folder, "Invoices Q3.csv"), "Invoice No,Customer,Due Date,Amount,PO\nQ-1,Acme,2026-09-30,7,P-1\n");
    const third = await run(["aging", "--input", folder, "--as-of", "2026-10-31"]);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain("also holds invoice rows, but its columns map differently");
  });

  it("reads the tables a --map file names together", async () => {
    const folder = path.join(dir, "mapped");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "Ledger A.csv"), "Invoice No,Customer,Due Date,Amount\nA-1,Acme,2026-09-30,100\n");
    await writeFile(path.join(folder, "Ledger B.csv"), "Invoice No,Customer,Due Date,Amount,PO\nB-1,Acme,2026-09-30,5,P\n");
    const map = path.join(dir, "tables.json");
    await writeFile(map, JSON.stringify({ invoices: { tables: ["Ledger A", "Ledger B"] } }));
    const result = await run(["aging", "--input", folder, "--as-of", "2026-10-31", "--map", map]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ 105\.00\s+0\.00\s+105\.00$/m);
    await writeFile(map, JSON.stringify({ invoices: { tables: "Ledger A" } }));
    const bad = await run(["aging", "--input", folder, "--as-of", "2026-10-31", "--map", map]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"invoices.tables" must be a list of table names');
  });
});
