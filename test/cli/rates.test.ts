/**
 * `ar-desk aging --report-currency CNY --rates FILE` on real files: an .xlsx ledger in USD and
 * EUR, and a rates CSV. The expected figures are the rule written out: each bucket × the rate,
 * rounded to the fen; open = Σ buckets; net = open − unapplied; the total = Σ rows.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { serialFromIso } from "../../src/engine/dates";
import { writeTablesWorkbook } from "../../src/file/write";
import { table } from "../engine/credit/fixtures";
import { run } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "ar-aging-fx-"));
const book = path.join(dir, "book.xlsx");
const rates = path.join(dir, "rates.csv");
const usdOnly = path.join(dir, "usd-only.csv");
const d = (iso: string): number => serialFromIso(iso)!;

beforeAll(async () => {
  await writeTablesWorkbook(
    [
      table(
        "Invoices",
        ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency"],
        [
          ["I-1", "Alpha", d("2026-09-15"), d("2026-10-15"), 1000, "USD"], // 16 days overdue: 1-30
          ["I-2", "Beta", d("2026-10-30"), d("2026-11-30"), 500.5, "USD"], // not yet due: Current
          ["I-3", "Gamma", d("2026-07-15"), d("2026-08-15"), 200, "EUR"], // 77 days: 61-90
        ],
      ),
      // Cash naming no invoice stays Alpha's unapplied credit with --no-auto-apply.
      table(
        "Payments",
        ["Payment Ref", "Customer", "Payment Date", "Amount", "Currency", "Invoice No"],
        [["P-1", "Alpha", d("2026-10-20"), 100, "USD", null]],
      ),
    ],
    book,
  );
  writeFileSync(rates, "Currency,Rate\nUSD,7.1\nEUR,7.8\n", "utf8");
  writeFileSync(usdOnly, "Currency,Rate\nUSD,7.1\n", "utf8");
});

const aging = (...extra: string[]) => run(["aging", "--input", book, "--as-of", "2026-10-31", "--no-auto-apply", "--json", "-", ...extra]);

describe("ar-desk aging --report-currency", () => {
  it("adds the totals in CNY beside the document-currency totals, which stay as they are", async () => {
    const plain = JSON.parse((await aging()).stdout);
    const result = await aging("--report-currency", "cny", "--rates", rates);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.totals).toEqual(plain.totals);
    expect(plain.reportCurrency).toBeUndefined();
    expect(json.reportCurrency).toEqual({
      currency: "CNY",
      rateDate: "2026-10-31",
      rows: [
        { from: "EUR", rate: 7.8, buckets: [0, 0, 0, 1560, 0], open: 1560, unapplied: 0, net: 1560 },
        { from: "USD", rate: 7.1, buckets: [3553.55, 7100, 0, 0, 0], open: 10653.55, unapplied: 710, net: 9943.55 },
      ],
      total: { buckets: [3553.55, 7100, 0, 1560, 0], open: 12213.55, unapplied: 710, net: 11503.55 },
      missing: [],
    });
    expect(result.stderr).toContain("Net in CNY at the rates of 2026-10-31: 11,503.55");
  });

  it("writes the converted totals on the summary sheet under a header of their own, never in a document-currency row", async () => {
    const out = path.join(dir, "aging-cny.xlsx");
    expect(
      (
        await run([
          "aging",
          "--input",
          book,
          "--as-of",
          "2026-10-31",
          "--no-auto-apply",
          "--report-currency",
          "CNY",
          "--rates",
          rates,
          "--out",
          out,
        ])
      ).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("AR Aging 2026-10")!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === "Converted from");
    const total = rows.findIndex((r) => r[0] === "Total in CNY");
    expect(header).toBeGreaterThan(0);
    expect(rows[header]!.slice(4)).toEqual([
      "Current (CNY)",
      "1-30 (CNY)",
      "31-60 (CNY)",
      "61-90 (CNY)",
      "90+ (CNY)",
      "Open (CNY)",
      "Unapplied credit (CNY)",
      "Net (CNY)",
    ]);
    expect(rows[total]!.slice(0, 2)).toEqual(["Total in CNY", "CNY"]);
    expect(rows[total]![11]).toBe(11503.55);
    // Above the section, no row is in CNY: the ledger has none, and converted figures stay below their own header.
    expect(rows.slice(0, header).some((r) => r[1] === "CNY")).toBe(false);
  });

  it("names a currency without a rate and shows no total, in Chinese", async () => {
    const result = await aging("--report-currency", "CNY", "--rates", usdOnly, "--lang", "zh-CN");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.reportCurrency.rows.map((r: { from: string }) => r.from)).toEqual(["USD"]);
    expect(json.reportCurrency.total).toBeNull();
    expect(json.reportCurrency.missing).toEqual(["EUR"]);
    const issue = json.issues.find((i: { code: string }) => i.code === "analytics.fx.missing");
    expect(issue.message).toContain("EUR");
    expect(result.stderr).toContain("无 CNY 合计：缺少 EUR 的汇率");
  });

  it.each([
    [["--report-currency", "CNY"], "--rates"],
    [["--report-currency", "XX", "--rates", "r.csv"], "XX"],
  ])("%j is a usage error naming %s", async (extra, named) => {
    const result = await aging(...extra);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(named);
  });
});
