import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writeTablesWorkbook } from "../../src/file/write";
import { generateSampleBook } from "../../src/engine/sample";
import { serialFromIso } from "../../src/engine/dates";
import { run } from "./run";
import { userTable } from "../engine/builders";

const dir = mkdtempSync(path.join(tmpdir(), "ar-analytics-"));
const sample = path.join(dir, "sample.xlsx");
const ifrs = path.join(dir, "ifrs.xlsx");
const rates = path.join(dir, "rates.csv");

const d = (iso: string): number => serialFromIso(iso)!;

beforeAll(async () => {
  await writeTablesWorkbook(generateSampleBook({ invoices: 500, seed: 2 }), sample, {
    numberFormats: { "Invoice Date": "yyyy-mm-dd", "Due Date": "yyyy-mm-dd", "Payment Date": "yyyy-mm-dd" },
  });
  // The IFRS 9 illustration as a ledger: one invoice per bucket at 2026-10-31.
  await writeTablesWorkbook(
    [
      userTable(
        "Invoices",
        ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount", "Currency"],
        [
          ["I-1", "Alpha", d("2026-09-01"), d("2026-10-15"), 7000000, "USD"],
          ["I-2", "Beta", d("2026-08-01"), d("2026-09-15"), 4000000, "USD"],
          ["I-3", "Gamma", d("2026-07-01"), d("2026-08-15"), 2500000, "USD"],
          ["I-4", "Delta", d("2026-05-01"), d("2026-06-01"), 1000000, "USD"],
        ],
      ),
      userTable("Payments", ["Payment Ref", "Customer", "Payment Date", "Amount", "Invoice No"], []),
    ],
    ifrs,
  );
  writeFileSync(rates, "Currency,Rate\nUSD,7.1\nEUR,7.7\nJPY,0.048\n", "utf8");
});

describe("ar-desk provision", () => {
  it("prints the provision contract: the IFRS 9 example gives 526,500", async () => {
    const result = await run(["provision", "--input", ifrs, "--as-of", "2026-10-31", "--rates", "0,1.5,3.4,7.1,10.8", "--json", "-"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ asOf: "2026-10-31", method: "rates", totals: [{ currency: "USD", amount: 14500000, provision: 526500 }] });
    expect(json.rows).toEqual([
      { currency: "USD", bucket: "Current", amount: 0, rate: 0, provision: 0 },
      { currency: "USD", bucket: "1-30", amount: 7000000, rate: 1.5, provision: 105000 },
      { currency: "USD", bucket: "31-60", amount: 4000000, rate: 3.4, provision: 136000 },
      { currency: "USD", bucket: "61-90", amount: 2500000, rate: 7.1, provision: 177500 },
      { currency: "USD", bucket: "90+", amount: 1000000, rate: 10.8, provision: 108000 },
    ]);
    expect(json.customers.map((c: { customer: string; provision: number }) => [c.customer, c.provision])).toEqual([
      ["Alpha", 105000],
      ["Beta", 136000],
      ["Delta", 108000],
      ["Gamma", 177500],
    ]);
    expect(result.stderr).toMatch(/Provision USD: 526500/);
  });

  it("writes the AR Provision sheet, converted to a reporting currency, with the movement", async () => {
    const out = path.join(dir, "provision.xlsx");
    const result = await run([
      "provision",
      "--input",
      ifrs,
      "--as-of",
      "2026-10-31",
      "--rates",
      "0,1.5,3.4,7.1,10.8",
      "--previous",
      "USD=500000",
      "--report-currency",
      "CNY",
      "--fx-rates",
      rates,
      "--out",
      out,
      "--json",
      "-",
      "--lang",
      "zh-CN",
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.totals[0]).toMatchObject({ previous: 500000, movement: 26500 });
    expect(json.converted).toEqual({ currency: "CNY", amount: 102950000, provision: 3738150 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["坏账准备 2026-10"]);
  });

  it("reads the loss rates from a file, one per bucket", async () => {
    const file = path.join(dir, "loss-rates.csv");
    writeFileSync(file, "Bucket,Rate\nCurrent,0\n1-30,1.5%\n31-60,3.4\n61-90,7.1\n90+,10.8\n", "utf8");
    const result = await run(["provision", "--input", ifrs, "--as-of", "2026-10-31", "--rates", file, "--json", "-"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).totals[0].provision).toBe(526500);
  });

  it("rejects a rate list that does not fit the buckets, naming how many are needed", async () => {
    const result = await run(["provision", "--input", ifrs, "--rates", "1,2,3"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/give 5 loss rates/);
  });

  it("derives the rates from roll rates when none are given, with the derivation in the JSON", async () => {
    const result = await run(["provision", "--input", sample, "--as-of", "2026-10-31", "--history", "6", "--adjust", "10", "--json", "-"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.method).toBe("roll-rate");
    expect(json.historyMonths).toEqual(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]);
    expect(json.derivations.length).toBeGreaterThan(0);
    for (const dv of json.derivations) expect(dv.adjust).toBe(10);
  });
});

describe("ar-desk rollforward and kpi", () => {
  it("prints the roll-forward contract, month by month, tied", async () => {
    const result = await run(["rollforward", "--input", sample, "--from", "2026-07", "--to", "2026-10", "--json", "-"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.months.length).toBeGreaterThan(0);
    for (const m of json.months) {
      expect(Object.keys(m)).toEqual([
        "month",
        "currency",
        "opening",
        "invoiced",
        "credits",
        "cash",
        "refunds",
        "closing",
        "current",
        "overdue",
        "unapplied",
        "buckets",
      ]);
      expect(m.closing).toBeCloseTo(m.opening + m.invoiced - m.credits - m.cash + m.refunds, 6);
      expect(m.buckets.map((b: { label: string }) => b.label)).toEqual(["Current", "1-30", "31-60", "61-90", "90+"]);
    }
    expect(json.rollRates.length).toBeGreaterThan(0);
    expect(json.rollRates[0]).toMatchObject({ month: "2026-07", from: "Current", to: "1-30" });
  });

  it("groups by customer with --by customer and writes the sheet with --out", async () => {
    const out = path.join(dir, "rollforward.xlsx");
    const result = await run([
      "rollforward",
      "--input",
      sample,
      "--from",
      "2026-09",
      "--to",
      "2026-10",
      "--by",
      "customer",
      "--out",
      out,
      "--json",
      "-",
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.months.every((m: { customer?: string }) => typeof m.customer === "string")).toBe(true);
    expect(existsSync(out)).toBe(true);
  });

  it("prints the KPI contract with the rep scorecard, and converted KPIs with --report-currency", async () => {
    const result = await run([
      "kpi",
      "--input",
      sample,
      "--from",
      "2026-08",
      "--to",
      "2026-10",
      "--window",
      "3",
      "--report-currency",
      "CNY",
      "--rates",
      rates,
      "--json",
      "-",
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.months.length).toBeGreaterThan(0);
    expect(Object.keys(json.months[0])).toEqual([
      "month",
      "currency",
      "sales",
      "closing",
      "dso",
      "dsoCountBack",
      "bpdso",
      "add",
      "cei",
      "overduePct",
      "collectionRate",
    ]);
    for (const m of json.months)
      for (const key of ["dso", "cei", "overduePct"]) if (m[key] !== null) expect(Math.round(m[key] * 100)).toBeCloseTo(m[key] * 100, 6);
    expect(json.reps.length).toBeGreaterThan(0);
    expect(json.reps[0]).toMatchObject({ rank: 1 });
    expect(json.converted.map((k: { currency: string }) => k.currency)).toEqual(["CNY", "CNY", "CNY"]);
  });

  it.each([
    [["rollforward", "--input", "x.xlsx", "--from", "2026-13", "--to", "2026-10"], /--from must be a month written YYYY-MM, not 2026-13/],
    [["kpi", "--input", "x.xlsx", "--from", "2026-10", "--to", "2026-07"], /--from 2026-10 must not be after --to 2026-07/],
    [["rollforward", "--input", "x.xlsx", "--from", "2026-07", "--to", "2026-10", "--by", "region"], /--by/],
    [["kpi", "--input", "x.xlsx", "--from", "2026-07", "--to", "2026-10", "--report-currency", "CNY"], /--rates/],
  ])("usage errors exit 2 with a message: %j", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("shows the commands in help, in Chinese too", async () => {
    expect((await run(["--help"])).stdout).toMatch(/rollforward {2}month-by-month AR roll-forward/);
    expect((await run(["help", "kpi", "--lang", "zh-CN"])).stdout).toMatch(/倒推DSO/);
  });
});
