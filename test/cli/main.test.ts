import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { isoFromSerial, serialFromUtcMs } from "../../src/engine/dates";
import { generateSampleBook } from "../../src/engine/sample";
import { generateSampleStatement } from "../../src/engine/sampleStatement";
import type { CellValue } from "../../src/engine/types";
import { readCsvDirectory } from "../../src/file/csv";
import { readWorkbookTables } from "../../src/file/xlsx";
import { run } from "./run";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-desk-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha = async (file: string): Promise<string> =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

describe("help and version", () => {
  it("prints help and the version with exit code 0", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("ar-desk aging --input");
    const aging = await run(["help", "aging"]);
    expect(aging.stdout).toContain("--no-auto-apply");
    for (const command of ["credit", "reconcile", "sample"]) {
      expect(help.stdout).toContain(`ar-desk ${command} --`);
      expect((await run(["help", command])).code).toBe(0);
    }
    expect((await run(["help", "credit"])).stdout).toContain("--orders");
    expect((await run(["aging", "--help", "--lang", "zh-CN"])).stdout).toContain("截止日期");
    const pkg = JSON.parse(await readFile(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });
});

describe("usage errors exit with 2 and the usage line", () => {
  it.each([
    [["frobnicate"], "Unknown command: frobnicate"],
    [["aging", "--input", "x.xlsx", "--colour", "red"], "Unknown option: --colour"],
    [["aging", "--input"], "Option --input needs a value."],
    [["aging", "--as-of", "2026-10-31"], "Option --input is required."],
    [["aging", "--input", "x.xlsx", "--as-of", "2026-02-30"], '--as-of must be a date written YYYY-MM-DD, not "2026-02-30"'],
    [["aging", "--input", "x.xlsx", "--as-of", "31/10/2026"], "--as-of must be a date"],
    [["aging", "--input", "x.xlsx", "--buckets", "60,30"], "--buckets must be up to 100 increasing"],
    [["aging", "--input", "x.xlsx", "--buckets", "30,abc"], "--buckets must be up to 100 increasing"],
    [["aging", "--input", "x.xlsx", "--basis", "posting"], "--basis must be one of due, invoice"],
    [["aging", "--input", "x.xlsx", "--date-order", "DDMMYY"], "--date-order must be one of DMY, MDY, YMD"],
    [["aging", "--input", "x.xlsx", "--currency", "dollars"], "--currency must be an ISO 4217 code"],
    [["aging", "--input", "x.xlsx", "extra"], "Unexpected argument: extra"],
    [["sample", "--out", "x.xlsx"], "Option --invoices is required."],
    [["sample", "--invoices", "-5", "--out", "x.xlsx"], '--invoices must be a whole number from 1 to 1000000, not "-5"'],
    [["sample", "--invoices", "ten", "--out", "x.xlsx"], "--invoices must be a whole number from 1 to 1000000"],
    [["sample", "--invoices", "10", "--out", "book.xls"], "--out must be one of FILE.xlsx, DIR"],
  ])("%j", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Usage: ar-desk aging");
    expect(result.stdout).toBe("");
  });

  it("speaks the language asked for", async () => {
    const result = await run(["aging", "--lang", "zh-CN", "--input", "x.xlsx", "--bogus"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("未知选项：--bogus");
    expect(result.stderr).toContain("用法：");
  });
});

describe("nothing to report exits with 1 and names the file", () => {
  it("when the input is missing", async () => {
    const missing = path.join(dir, "nope.xlsx");
    const result = await run(["aging", "--input", missing, "--as-of", "2026-10-31"]);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toContain(`File not found: ${missing}`);
  });

  it("when a CSV file is not UTF-8", async () => {
    const file = path.join(dir, "gbk.csv");
    await writeFile(file, Buffer.from([0xb7, 0xa2, 0xc6, 0xb1, 0xba, 0xc5, 0x2c, 0x41, 0x0a])); // 发票号,A in GBK
    const result = await run(["aging", "--input", file, "--lang", "zh-CN"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file} 不是 UTF-8 文本`);
  });

  it("when the book has no invoice table", async () => {
    const folder = path.join(dir, "customers-only");
    await mkdir(folder);
    await writeFile(path.join(folder, "Customers.csv"), "Customer,Credit Limit\nAcme,5000\n");
    const result = await run(["aging", "--input", folder, "--as-of", "2026-10-31"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`No invoice table found in ${folder}`);
    expect(result.stderr).toContain("Customers");
  });

  it("when the mapping file is not valid", async () => {
    const book = path.join(dir, "for-map.xlsx");
    expect((await run(["sample", "--invoices", "20", "--out", book])).code).toBe(0);
    const map = path.join(dir, "map.json");
    await writeFile(map, '{ "invoice": { "table": "Sales" } }');
    const result = await run(["aging", "--input", book, "--map", map]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${map} is not a valid mapping: unknown role "invoice"`);
  });
});

describe("the sample command", () => {
  it("writes a workbook that reads back as the generated tables", async () => {
    const file = path.join(dir, "sample.xlsx");
    const result = await run(["sample", "--invoices", "150", "--seed", "9", "--out", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Sample book written: ${file} (150 invoices`);
    const { tables, dateSystem } = await readWorkbookTables(file);
    expect(dateSystem).toBe(1900);
    const book = generateSampleBook({ invoices: 150, seed: 9 });
    // The book, then a customer's statement of it for `reconcile --customers-of-b`.
    const statement = generateSampleStatement(book);
    expect(statement).not.toBeNull();
    // Read with cell types known (errorCells), the sample holds no error cells.
    expect(tables).toEqual([...book, statement!].map((table) => ({ ...table, errorCells: new Set() })));
  });

  it("writes one CSV per table to a folder, dates as ISO text", async () => {
    const folder = path.join(dir, "sample-csv");
    expect((await run(["sample", "--invoices", "40", "--clean", "--as-of", "2026-06-30", "--out", folder])).code).toBe(0);
    const tables = await readCsvDirectory(folder);
    const book = generateSampleBook({ invoices: 40, seed: 1, messy: false, asOf: 46203 });
    // Forty invoices leave no customer with six: no statement then.
    const statement = generateSampleStatement(book);
    const expected = statement ? [...book, statement] : book;
    const asText = (value: CellValue, header: CellValue): CellValue =>
      value === null ? null : typeof value === "number" && String(header).endsWith("Date") ? isoFromSerial(value) : String(value);
    expect(tables.map((t) => t.name)).toEqual(expected.map((t) => t.name).sort());
    for (const table of tables) {
      const source = expected.find((t) => t.name === table.name)!;
      expect(table.rows).toEqual(source.rows.map((row) => row.map((v, c) => asText(v, source.header[c] ?? null))));
    }
  });
});

/** Every sheet of a workbook as rows of plain values, dates as ISO text. */
async function sheetsOf(file: string): Promise<Map<string, CellValue[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = new Map<string, CellValue[][]>();
  workbook.eachSheet((sheet) => {
    const rows: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value;
        values[c - 1] = v instanceof Date ? isoFromSerial(serialFromUtcMs(v.getTime())) : (v as CellValue);
      });
      rows[r - 1] = values;
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** True when `row` holds every value of `values` (as a multiset). */
function rowHolds(row: readonly CellValue[], values: readonly CellValue[]): boolean {
  const left = [...row];
  return values.every((v) => {
    const at = left.findIndex((x) => x === v);
    if (at < 0) return false;
    left.splice(at, 1);
    return true;
  });
}

interface AgingJsonShape {
  asOf: string;
  buckets: { label: string }[];
  items: {
    invoice: string;
    customer: string;
    currency: string;
    dueDate: string;
    amount: number;
    applied: number;
    open: number;
    daysOverdue: number;
    bucket: string;
  }[];
  totals: { currency: string; buckets: number[]; open: number; unapplied: number; net: number }[];
  issues: { severity: string; code: string }[];
  excluded: unknown[];
}

describe("the aging command", () => {
  let book: string;
  let bookHash: string;
  beforeAll(async () => {
    book = path.join(dir, "book.xlsx");
    expect((await run(["sample", "--invoices", "400", "--seed", "5", "--out", book])).code).toBe(0);
    bookHash = await sha(book);
  });

  it("writes a report whose workbook holds every item row and total of its JSON, and leaves the input untouched", async () => {
    const out = path.join(dir, "report.xlsx");
    const json = path.join(dir, "report.json");
    const result = await run(["aging", "--input", book, "--as-of", "2026-10-31", "--out", out, "--json", json]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("AR aging as of 2026-10-31 (basis: due date)");
    expect(result.stdout).toContain(`Report written: ${out}`);
    expect(result.stdout).toContain(`JSON written: ${json}`);
    expect(await sha(book)).toBe(bookHash);

    const report = JSON.parse(await readFile(json, "utf8")) as AgingJsonShape;
    expect(report.asOf).toBe("2026-10-31");
    expect(report.items.length).toBeGreaterThan(50);
    expect(report.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["amount.invalid"]));
    const rows = [...(await sheetsOf(out)).values()].flat();

    const used = new Set<CellValue[]>();
    for (const item of report.items) {
      const row = rows.find(
        (r) =>
          !used.has(r) &&
          rowHolds(r, [item.invoice, item.customer, item.dueDate, item.amount, item.applied, item.open, item.daysOverdue, item.bucket]),
      );
      expect({ item, found: row !== undefined }).toEqual({ item, found: true });
      used.add(row!);
    }
    for (const total of report.totals) {
      const values = [total.currency, ...total.buckets, total.open, total.unapplied, total.net];
      expect({ total, found: rows.some((r) => rowHolds(r, values)) }).toEqual({ total, found: true });
    }
    expect(result.stdout).toContain(`${report.totals.length > 0 ? report.totals[0]!.currency : ""}`);
  });

  it("prints JSON alone on stdout with --json - and the summary on stderr", async () => {
    const result = await run(["aging", "--input", book, "--json", "-", "--basis", "invoice", "--buckets", "30,60,90,180"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as AgingJsonShape & { basis: string };
    expect(report.asOf).toBe("2026-10-31"); // the last month-end before the fixed clock
    expect(report.basis).toBe("invoice");
    expect(report.buckets).toHaveLength(5);
    expect(result.stderr).toContain("AR aging as of 2026-10-31 (basis: invoice date)");
  });

  it("ages a folder of CSV files like the workbook", async () => {
    const folder = path.join(dir, "book-csv");
    expect((await run(["sample", "--invoices", "400", "--seed", "5", "--out", folder])).code).toBe(0);
    const fromCsv = await run(["aging", "--input", folder, "--as-of", "2026-10-31", "--json", "-"]);
    const fromXlsx = await run(["aging", "--input", book, "--as-of", "2026-10-31", "--json", "-"]);
    expect(fromCsv.code).toBe(0);
    const strip = (text: string): unknown => {
      // Issues quote the raw cell values, which are numbers in the workbook and text in CSV.
      const { issues: _issues, ...rest } = JSON.parse(text) as AgingJsonShape;
      return rest;
    };
    expect(strip(fromCsv.stdout)).toEqual(strip(fromXlsx.stdout));
  });

  it("uses --map for a table whose name and headers are not recognised", async () => {
    const folder = path.join(dir, "mapped");
    await mkdir(folder);
    await writeFile(
      path.join(folder, "Sales.csv"),
      'Ref,Party,Booked,Pay by,Value\nS-1,Acme,2026-09-01,2026-10-01,500\nS-2,Acme,2026-10-20,2026-11-19,"1,250.00"\n',
    );
    expect((await run(["aging", "--input", folder, "--as-of", "2026-10-31"])).code).toBe(1);
    const map = path.join(dir, "sales-map.json");
    await writeFile(
      map,
      JSON.stringify({
        invoices: {
          table: "Sales",
          columns: { invoiceNumber: "Ref", customer: "Party", invoiceDate: "Booked", dueDate: "Pay by", amount: "Value" },
        },
      }),
    );
    const result = await run(["aging", "--input", folder, "--map", map, "--as-of", "2026-10-31", "--json", "-", "--lang", "zh-CN"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as AgingJsonShape;
    expect(report.items.map((i) => [i.invoice, i.open, i.daysOverdue, i.bucket])).toEqual([
      ["S-1", 500, 30, "1-30"],
      ["S-2", 1250, -19, "Current"],
    ]);
    expect(report.totals.map((x) => [x.currency, x.open])).toEqual([["USD", 1750]]);
    expect(result.stderr).toContain("应收账款账龄，截至 2026-10-31");
    expect(result.stderr).toContain("未到期");
  });

  it("refuses to write the report over its input", async () => {
    const result = await run(["aging", "--input", book, "--out", book]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Refusing to write over the input file ${book}`);
    expect(await sha(book)).toBe(bookHash);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("draws a progress bar on stderr only for a terminal", async () => {
    const out = path.join(dir, "tty.xlsx");
    const tty = await run(["aging", "--input", book, "--out", out], true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain("Reading");
    expect(tty.stderr).toContain("Writing");
    expect(tty.stderr.endsWith("\r\x1b[K")).toBe(true);
    const piped = await run(["aging", "--input", book, "--out", out]);
    expect(piped.stderr).toBe("");
  });
});
