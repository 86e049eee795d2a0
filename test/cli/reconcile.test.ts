import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { serialFromIso } from "../../src/engine/dates";
import type { CellValue, TableData } from "../../src/engine/types";
import { writeTablesWorkbook } from "../../src/file/write";
import { findTable, tolerance } from "../../src/cli/reconcile";
import { run } from "./run";
import type { ReconcileJson } from "../../src/engine/report/reconcile";

/** The JSON `ar-desk reconcile --json` writes: the engine's own contract. */
type JsonShape = ReconcileJson;

const d = (iso: string): number => serialFromIso(iso) as number;
const D = d("2026-10-01");

/** Our invoices (sheet rows 2…) and the customer's statement of them, with one difference of each kind. */
const INVOICES: TableData = {
  sheet: "Invoices",
  name: "Invoices",
  header: ["Invoice No", "Customer", "Invoice Date", "Amount", "Currency"],
  rows: [
    ["INV-001", "Acme", D, 100, "USD"], // row 2: matched
    ["INV-002", "Acme", D, 250, "USD"], // row 3: amount differs by 0.5 within a 1.00 tolerance only
    ["INV-003", "Acme", D, 80, "USD"], // row 4: statement dated 2 days later
    ["INV-004", "Beta", D, 40, "USD"], // row 5: not on the statement
    ["INV-005", "Beta", D, 1000, "USD"], // row 6: statement has it in two parts
  ],
  firstRow: 2,
  firstColumn: 0,
};
const STATEMENT: TableData = {
  sheet: "Statement",
  name: "Statement",
  header: ["Reference", "Customer", "Date", "Amount"],
  rows: [
    ["1", "Acme", D, 100], // row 2
    ["INV 002", "Acme", D, 249.5], // row 3
    ["inv-0003", "Acme", d("2026-10-03"), 80], // row 4
    ["INV-005", "Beta", D, 600], // row 5
    ["INV-005", "Beta", D, 400], // row 6
    ["INV-009", "Gamma", D, 75], // row 7: not in our books
  ],
  firstRow: 2,
  firstColumn: 0,
};

let dir: string;
let book: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-desk-reconcile-"));
  book = path.join(dir, "book.xlsx");
  await writeTablesWorkbook([INVOICES, STATEMENT], book, { numberFormats: { "Invoice Date": "yyyy-mm-dd", Date: "yyyy-mm-dd" } });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const outcomes = (json: JsonShape): [string, number[], number[], number | null][] =>
  json.rows.map((r) => [r.outcome, r.aRows, r.bRows, r.variance]);

describe("ar-desk reconcile", () => {
  it("prints JSON alone on stdout with --json -: one row per outcome with both sides' rows, and a tie-out that balances", async () => {
    const result = await run(["reconcile", "--input", book, "--a", "Invoices", "--b", "Statement", "--json", "-"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as JsonShape;
    expect(json.a.name).toBe("Invoices");
    expect(json.b.columns).toMatchObject({ key: "Reference", amount: "Amount" });
    expect(outcomes(json)).toEqual([
      ["matched", [2], [2], 0],
      ["amount-differs", [3], [3], 0.5],
      ["date-differs", [4], [4], 0],
      ["missing-in-b", [5], [], null],
      ["split", [6], [5, 6], 0],
      ["missing-in-a", [], [7], null],
    ]);
    expect(json.rows[1]).toMatchObject({ key: "2", amountA: 250, amountB: 249.5, currency: "USD" });
    expect(json.tieOut).toEqual([
      expect.objectContaining({
        currency: "USD",
        totalA: 1470,
        totalB: 1504.5,
        difference: -34.5,
        variance: 0.5,
        unmatchedA: 40,
        unmatchedB: 75,
      }),
    ]);
    const [tie] = json.tieOut;
    expect(tie!.difference).toBeCloseTo(tie!.variance + tie!.unmatchedA - tie!.unmatchedB, 9);
    // The summary goes to stderr so that stdout stays parseable.
    expect(result.stderr).toContain("AR reconciliation: A = Invoices, B = Statement");
    expect(result.stderr).toContain("Amount differs 1");
    expect(result.stderr).toMatch(/USD\s+1,470\.00\s+1,504\.50\s+-34\.50\s+0\.50\s+40\.00\s+75\.00/);
  });

  it("applies the amount and date tolerances", async () => {
    const result = await run([
      "reconcile",
      "--input",
      book,
      "--a",
      "invoices",
      "--b",
      "STATEMENT",
      "--amount-tolerance",
      "1",
      "--date-tolerance",
      "3",
      "--json",
      "-",
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as JsonShape;
    expect(json.settings).toMatchObject({ amountTolerance: 1, dateTolerance: 3 });
    expect(json.rows.slice(0, 3).map((r) => r.outcome)).toEqual(["matched", "matched", "matched"]);
    const percent = JSON.parse(
      (await run(["reconcile", "--input", book, "--a", "Invoices", "--b", "Statement", "--percent-tolerance", "0.1", "--json", "-"]))
        .stdout,
    ) as JsonShape;
    expect(percent.rows[1]?.outcome).toBe("amount-differs"); // 0.5 is 0.2 % of 250
    const wider = JSON.parse(
      (await run(["reconcile", "--input", book, "--a", "Invoices", "--b", "Statement", "--percent-tolerance", "0.2", "--json", "-"]))
        .stdout,
    ) as JsonShape;
    expect(wider.rows[1]?.outcome).toBe("matched");
  });

  it("compares the sample's customer statement on its customer with --customers-of-b", async () => {
    const sample = path.join(dir, "sample-with-statement.xlsx");
    expect((await run(["sample", "--invoices", "60", "--out", sample])).code).toBe(0);
    const json = JSON.parse(
      (await run(["reconcile", "--input", sample, "--a", "Invoices", "--b", "CustomerStatement", "--customers-of-b", "--json", "-"]))
        .stdout,
    ) as JsonShape;
    expect(json.rows.length).toBeGreaterThan(0);
    const count = (outcome: string) => json.rows.filter((r) => r.outcome === outcome).length;
    expect(["amount-differs", "date-differs", "split", "duplicate-key", "missing-in-b", "missing-in-a"].map(count)).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
    expect(json.scoped?.customers).toHaveLength(1);
    // Without the flag the other customers' invoices are compared too (and are nearly all "missing in B"):
    // every row of A is compared in one run or counted as left out in the other.
    const all = JSON.parse(
      (await run(["reconcile", "--input", sample, "--a", "Invoices", "--b", "CustomerStatement", "--json", "-"])).stdout,
    ) as JsonShape;
    expect(all.scoped).toBeUndefined();
    const rowsOfA = (rows: { aRows: number[] }[]) => rows.reduce((n, r) => n + r.aRows.length, 0);
    expect(rowsOfA(all.rows)).toBe(rowsOfA(json.rows) + json.scoped!.leftA);
    expect(all.rows.filter((r) => r.outcome === "missing-in-b").length).toBeGreaterThan(json.scoped!.leftA / 2);
  });

  it("writes the AR Reconciliation sheet and a JSON file, in the language asked for", async () => {
    const out = path.join(dir, "reconciliation.xlsx");
    const jsonFile = path.join(dir, "reconciliation.json");
    const result = await run([
      "reconcile",
      "--input",
      book,
      "--a",
      "Invoices",
      "--b",
      "Statement",
      "--out",
      out,
      "--json",
      jsonFile,
      "--lang",
      "zh-CN",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("应收对账：A = Invoices，B = Statement");
    expect(result.stdout).toContain(`报告已写入：${out}`);
    expect((JSON.parse(await readFile(jsonFile, "utf8")) as JsonShape).rows).toHaveLength(6);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["应收对账"]);
    const texts: CellValue[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => texts.push(cell.value as CellValue)));
    expect(texts).toEqual(expect.arrayContaining(["金额不符", "Statement!5, 6", "A 中缺失"]));
  });

  it("takes column overrides by header", async () => {
    const folder = path.join(dir, "csv");
    await mkdir(folder);
    await writeFile(path.join(folder, "Ours.csv"), "Doc,Memo,Gross\nA-1,x,10\nA-2,y,20\n");
    await writeFile(path.join(folder, "Bank.csv"), "Text,Value\nA-2,20\nA-1,12\n");
    const without = await run(["reconcile", "--input", folder, "--a", "Ours", "--b", "Bank"]);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain("Table Bank has no key (invoice or reference) column");
    expect(without.stderr).toContain("--key-a");
    const result = await run([
      "reconcile",
      "--input",
      folder,
      "--a",
      "Ours",
      "--b",
      "Bank",
      "--key-a",
      "Doc",
      "--amount-a",
      "Gross",
      "--key-b",
      "text",
      "--amount-b",
      "Value",
      "--json",
      "-",
    ]);
    expect(result.code).toBe(0);
    expect(outcomes(JSON.parse(result.stdout) as JsonShape)).toEqual([
      ["amount-differs", [2], [3], -2],
      ["matched", [3], [2], 0],
    ]);
  });

  it("exits with 1 and names the tables it saw when a table is not found", async () => {
    const result = await run(["reconcile", "--input", book, "--a", "Invoices", "--b", "Bank"]);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toContain(`No table Bank in ${book}. Tables seen: Invoices, Statement.`);
    const missing = await run(["reconcile", "--input", path.join(dir, "nope.xlsx"), "--a", "A", "--b", "B"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("File not found");
  });

  it.each([
    [["reconcile", "--a", "X", "--b", "Y"], "Option --input is required."],
    [["reconcile", "--input", "x.xlsx", "--b", "Y"], "Option --a is required."],
    [
      ["reconcile", "--input", "x.xlsx", "--a", "X", "--b", "Y", "--preset", "bank"],
      "--preset must be one of invoices-vs-statement, payments-vs-bank",
    ],
    [
      ["reconcile", "--input", "x.xlsx", "--a", "X", "--b", "Y", "--amount-tolerance", "-1"],
      "--amount-tolerance must be a number of zero or more",
    ],
    [["reconcile", "--input", "x.xlsx", "--a", "X", "--b", "Y", "--date-tolerance", "1.5"], "--date-tolerance must be a number"],
    [["reconcile", "--input", "x.xlsx", "--a", "X", "--b", "Y", "--key-c", "Ref"], "Unknown option: --key-c"],
  ])("exits with 2 on a usage error: %j", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("documents itself in help, in both languages", async () => {
    expect((await run(["help", "reconcile"])).stdout).toContain("--amount-tolerance");
    expect((await run(["reconcile", "--help", "--lang", "zh-CN"])).stdout).toContain("日期容差");
    expect((await run(["--help"])).stdout).toContain("ar-desk reconcile --input");
  });
});

describe("helpers", () => {
  it("finds a table by name, sheet or Sheet!Table, a table's own name first", () => {
    const t = (sheet: string, name: string): TableData => ({ sheet, name, header: [], rows: [], firstRow: 2, firstColumn: 0 });
    const tables = [t("Ledger", "tblInvoices"), t("tblInvoices", "Other"), t("Bank", "Bank")];
    expect(findTable(tables, "TBLINVOICES")?.name).toBe("tblInvoices");
    expect(findTable(tables, "ledger!tblinvoices")?.name).toBe("tblInvoices");
    expect(findTable(tables, "Ledger")?.name).toBe("tblInvoices");
    expect(findTable(tables, "bank")?.name).toBe("Bank");
    expect(findTable(tables, "Nope")).toBeUndefined();
  });

  it.each([
    ["0.01", 0.01],
    ["3", 3],
    [".5", 0.5],
  ])("reads the tolerance %s", (text, value) => {
    expect(tolerance(new Map([["x", text]]), "x")).toBe(value);
  });

  it.each(["-1", "1e3", "abc", "0x10", ""])("refuses the tolerance %j", (text) => {
    expect(() => tolerance(new Map([["x", text]]), "x")).toThrow("cli.error.badTolerance");
  });
});
