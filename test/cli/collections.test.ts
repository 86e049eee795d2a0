/**
 * `ar-desk collections` on a real .xlsx book (written with ExcelJS): the JSON contract, the
 * .eml letters parsed back with a maintained mail parser, and the written workbook opened in
 * LibreOffice (skipped with a message when soffice is absent outside CI).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { simpleParser } from "mailparser";
import { lateFee } from "../../src/engine/functions/lateFee";
import { parseCsv } from "../../src/file/csv";
import { encodeHeaderWords, letterFileName } from "../../src/file/eml";
import { writeTablesWorkbook } from "../../src/file/write";
import type { CollectionsJson } from "../../src/engine/report/collections";
import { day, tablesOf, type CollectionsBook } from "../engine/collections/fixtures";
import { run } from "./run";
import { withAddinSettings } from "../file/webExtension";

const spec: CollectionsBook = {
  invoices: [
    ["A1", "Acme", 40, 1000],
    ["A2", "Acme", 10, 500.5],
    ["B1", "北京华达", 70, 300],
    ["C1", "Cato", 20, 120],
  ],
  payments: [["P1", "Cato", day(-3), 20]],
  customers: [
    ["Acme", 5000, false, "ap@acme.example"],
    ["北京华达", 1000, false, "finance@huada.example"],
    ["Cato", 1000],
  ],
  log: [
    [day(-5), "Acme", "A2", "dispute", null, null],
    [day(-20), "北京华达", null, "promise", 100, day(-2)],
    [day(-5), "Nobody", null, "call", null, null],
  ],
};

const DEFAULT_ACTIONS = [
  "Payment reminder",
  "Phone call",
  "Written notice",
  "Visit; consider stopping supply",
  "Final demand (lawyer's letter)",
  "Legal action",
];

let dir: string;
let book: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-desk-collections-"));
  book = path.join(dir, "book.xlsx");
  await writeTablesWorkbook(tablesOf(spec), book, { numberFormats: { "Invoice Date": "yyyy-mm-dd", "Due Date": "yyyy-mm-dd" } });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("ar-desk collections", () => {
  it("prints the JSON contract: amounts in major units, ISO dates, stage null without anything chaseable, log issues by sheet/row/column", async () => {
    const result = await run(["collections", "--input", book, "--as-of", "2026-10-31", "--json", "-"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as CollectionsJson;
    expect(json.asOf).toBe("2026-10-31");
    expect(json.stages).toHaveLength(6);
    expect(json.customers.length).toBeGreaterThan(0);
    expect(json.customers.map((c) => c.rank)).toEqual(json.customers.map((_, k) => k + 1));
    const acme = json.customers.find((c) => c.customer === "Acme")!;
    expect(acme).toMatchObject({
      currency: "USD",
      overdue: 1500.5,
      disputed: 500.5,
      promised: 0,
      chase: 1000,
      stage: 3,
      email: "ap@acme.example",
      lastContact: day(-5),
    });
    const huada = json.customers.find((c) => c.customer === "北京华达")!;
    expect(huada.promises).toEqual([{ date: day(-20), until: day(-2), amount: 100, status: "broken", type: "promise", invoice: null }]);
    expect(huada.stage).toBe(5); // 70 days → 4, one up for the broken promise
    for (const c of json.customers) expect(Math.round((c.chase + c.disputed + c.promised) * 100)).toBe(Math.round(c.overdue * 100));
    expect(json.issues).toEqual([
      expect.objectContaining({
        sheet: "AR Follow-ups",
        row: 4,
        column: "Customer",
        value: "Nobody",
        code: "collections.log.customer.unknown",
      }),
    ]);
    expect(result.stderr).toContain("AR Follow-ups!B4");
  });

  it("writes one .eml draft per customer that a mail parser reads back: To, subject, total and Chinese text intact", async () => {
    const letters = path.join(dir, "letters-zh");
    const result = await run([
      "collections",
      "--input",
      book,
      "--as-of",
      "2026-10-31",
      "--lang",
      "zh-CN",
      "--letters",
      letters,
      "--late-fee",
      "18%",
      "--json",
      path.join(dir, "zh.json"),
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(await readFile(path.join(dir, "zh.json"), "utf8")) as CollectionsJson;
    const files = await readdir(letters);
    expect(files.length).toBeGreaterThan(0);
    expect(json.letters.map((l) => path.basename(l.file)).sort()).toEqual([...files].sort());
    const entry = json.letters.find((l) => l.customer === "北京华达")!;
    const raw = await readFile(entry.file);
    expect(raw.toString("latin1")).toMatch(/^X-Unsent: 1\r\n/);
    expect(raw.toString("latin1")).toMatch(/\r\nSubject: =\?UTF-8\?B\?/);
    const mail = await simpleParser(raw);
    expect(mail.headers.get("x-unsent")).toBe("1");
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : null).toBe("finance@huada.example");
    // 300.00 overdue 70 days, plus AR.LATEFEE's interest at 18 % a year.
    const total = ((30000 + lateFee(30000, 70, 0.18)) / 100).toFixed(2);
    expect(mail.subject).toBe(`最后催款通知：北京华达 应付 ${total} USD`);
    expect(mail.text).toContain(`合计 ${total} USD`);
    expect(mail.text).toContain("北京华达：");
    expect(mail.text).toContain("截至 2026-10-31");
    expect(mail.text).toContain("300.00");
    expect(mail.html).toContain("<table");
    expect(mail.html).toContain("北京华达");
    const cato = json.letters.find((l) => l.customer === "Cato")!;
    const catoMail = await simpleParser(await readFile(cato.file));
    expect(catoMail.to).toBeUndefined(); // no email in the customer table
  });

  it("writes the sheets, and LibreOffice opens them showing the worklist with totals that tie", async () => {
    const out = path.join(dir, "collections.xlsx");
    expect((await run(["collections", "--input", book, "--as-of", "2026-10-31", "--out", out])).code).toBe(0);
    if (!soffice) {
      console.warn("LibreOffice (soffice) not found: skipping the LibreOffice part of test/cli/collections.test.ts.");
      expect(process.env.CI).toBeFalsy();
      return;
    }
    const csvDir = path.join(dir, "csv");
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", CSV_FILTER, "--outdir", csvDir, out],
      { stdio: "pipe", timeout: 120_000 },
    );
    const files = await readdir(csvDir);
    expect(files).toEqual(expect.arrayContaining(["collections-AR Collections 2026-10.csv", "collections-AR Letters 2026-10.csv"]));
    const shown = parseCsv(await readFile(path.join(csvDir, "collections-AR Collections 2026-10.csv"), "utf8"), ",");
    const total = shown.find((r) => r[1] === "Total" && r[2] === "USD");
    expect(total).toBeDefined();
    const header = shown.findIndex((r) => r[0] === "Rank");
    const rows = shown.slice(header + 1, shown.indexOf(total!));
    expect(rows.length).toBeGreaterThan(0);
    for (const col of [6, 7, 8, 9]) expect(cents(total![col])).toBe(rows.reduce((s, r) => s + cents(r[col]), 0));
    expect(cents(total![9]) + cents(total![7]) + cents(total![8])).toBe(cents(total![6]));
    const letters = await readFile(path.join(csvDir, "collections-AR Letters 2026-10.csv"), "utf8");
    expect(letters).toContain("Dear Acme,");
  });

  it("refuses a ladder file with a gap, naming the file and the stage", async () => {
    const ladder = path.join(dir, "ladder.json");
    await writeFile(
      ladder,
      JSON.stringify([
        { stage: 0, fromDays: 1, toDays: 10, action: { "en-US": "a", "zh-CN": "b" } },
        { stage: 1, fromDays: 12, toDays: null, action: { "en-US": "c", "zh-CN": "d" } },
      ]),
    );
    const result = await run(["collections", "--input", book, "--ladder", ladder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--ladder ${ladder}: Ladder stage 1`);
  });

  it("works the ladder of a --ladder file: its stages and actions, not the defaults", async () => {
    const ladder = path.join(dir, "two-stages.json");
    await writeFile(
      ladder,
      JSON.stringify([
        { stage: 0, fromDays: 1, toDays: 30, action: { "en-US": "Friendly call", "zh-CN": "友好电话" } },
        { stage: 1, fromDays: 31, toDays: null, action: { "en-US": "Hand to counsel", "zh-CN": "转交律师" } },
      ]),
    );
    const result = await run(["collections", "--input", book, "--as-of", "2026-10-31", "--ladder", ladder, "--json", "-"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as CollectionsJson;
    expect(json.stages.map((s) => s.action)).toEqual(["Friendly call", "Hand to counsel"]);
    expect(json.customers.length).toBeGreaterThan(0);
    // Acme's oldest item is 40 days overdue: past the file's 30-day first stage.
    expect(json.customers.find((c) => c.customer === "Acme")!.stage).toBe(1);
  });

  describe("rules saved in the workbook by the task pane", () => {
    const savedLadder = [
      { stage: 0, fromDays: 1, toDays: 45, action: { "en-US": "Saved: call", "zh-CN": "保存的：电话" } },
      { stage: 1, fromDays: 46, toDays: null, action: { "en-US": "Saved: counsel", "zh-CN": "保存的：律师" } },
    ];
    let saved: string;
    beforeAll(async () => {
      saved = path.join(dir, "saved-rules.xlsx");
      await writeFile(
        saved,
        withAddinSettings(await readFile(book), [
          {
            "collections.ladder": savedLadder,
            // Oldest overdue above 30 days instead of 60: Acme (40 days) is warned too.
            "collections.warnings": { oldestOverdue: { days: 30 } },
            "collections.templates": {
              "en-US": { "1": { subject: "Saved template for {customer}", body: "Please pay {amount} {currency}." } },
            },
            "collections.lateFee": { annualRate: 0.18, fixedFee: 0 },
          },
        ]),
      );
    });
    const asOf = ["--as-of", "2026-10-31"];
    const warned = (json: CollectionsJson) =>
      json.warnings
        .filter((w) => w.rule === "oldestOverdue")
        .map((w) => w.customer)
        .sort();

    it("are used without options, and the summary says so", async () => {
      const letters = path.join(dir, "letters-saved");
      const result = await run(["collections", "--input", saved, ...asOf, "--letters", letters, "--json", "-"]);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout) as CollectionsJson;
      expect(json.stages.map((s) => s.action)).toEqual(["Saved: call", "Saved: counsel"]);
      // Acme 40 days: the saved ladder's stage 0 reaches to day 45; 北京华达 70 days: stage 1.
      expect(json.customers.find((c) => c.customer === "Acme")!.stage).toBe(0);
      expect(warned(json)).toEqual(["Acme", "北京华达"]);
      const mail = await simpleParser(await readFile(json.letters.find((l) => l.customer === "北京华达")!.file));
      expect(mail.subject).toBe("Saved template for 北京华达");
      expect(result.stderr).toContain(
        "Rules used: ladder saved in the workbook; warnings saved in the workbook; letter templates saved in the workbook; late fee saved in the workbook.",
      );
    });

    it("give way to option files, and the summary names them", async () => {
      const ladder = path.join(dir, "override.json");
      await writeFile(
        ladder,
        JSON.stringify([
          { stage: 0, fromDays: 1, toDays: 30, action: { "en-US": "File: call", "zh-CN": "文件：电话" } },
          { stage: 1, fromDays: 31, toDays: null, action: { "en-US": "File: counsel", "zh-CN": "文件：律师" } },
        ]),
      );
      const result = await run(["collections", "--input", saved, ...asOf, "--ladder", ladder, "--lang", "zh-CN", "--json", "-"]);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout) as CollectionsJson;
      expect(json.stages.map((s) => s.action)).toEqual(["文件：电话", "文件：律师"]);
      expect(warned(json)).toEqual(["Acme", "北京华达"]);
      expect(result.stderr).toContain(
        `所用规则：催收策略来自 --ladder ${ladder}；预警规则为工作簿中保存的设置；函件模板为工作簿中保存的设置；滞纳金为工作簿中保存的设置。`,
      );
    });

    it("say when a saved rule cannot be used and the default stands in", async () => {
      const broken = path.join(dir, "broken-rules.xlsx");
      await writeFile(broken, withAddinSettings(await readFile(book), [{ "collections.ladder": [{ stage: 3 }] }]));
      const result = await run(["collections", "--input", broken, ...asOf, "--json", "-"]);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout) as CollectionsJson;
      expect(json.stages.map((s) => s.action)).toEqual(DEFAULT_ACTIONS);
      expect(warned(json)).toEqual(["北京华达"]);
      expect(result.stderr).toContain("Rules used: ladder defaults; warnings defaults; letter templates defaults; late fee none.");
      expect(result.stderr).toMatch(/Ladder stage 0/);
    });

    it("are read by ar-desk statements too: the footer's stage and the company block", async () => {
      const withCompany = path.join(dir, "saved-company.xlsx");
      await writeFile(
        withCompany,
        withAddinSettings(await readFile(book), [{ "collections.ladder": savedLadder, "ARDesk.company": { name: "Contoso Saved Ltd" } }]),
      );
      const out = path.join(dir, "saved-statements.xlsx");
      const result = await run([
        "statements",
        "--input",
        withCompany,
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--json",
        "-",
        "--out",
        out,
      ]);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout) as { statements: Array<{ customer: string; collectionStage: unknown }> };
      expect(json.statements.find((s) => s.customer === "Acme")!.collectionStage).toEqual({ stage: 0, action: "Saved: call" });
      expect(result.stderr).toContain("Company block: Contoso Saved Ltd, as saved in the workbook.");
    });
  });

  it("chases as of today by default", async () => {
    const result = await run(["collections", "--input", book, "--json", "-"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as CollectionsJson).asOf).toBe("2026-11-15"); // the test's fixed today
  });

  it("shows its help in both languages", async () => {
    expect((await run(["help", "collections"])).stdout).toContain("--letters");
    expect((await run(["collections", "--help", "--lang", "zh-CN"])).stdout).toContain("催款函输出目录");
  });
});

describe("e-mail pieces", () => {
  it("encodes a subject as encoded-words of at most 75 characters, split between characters", () => {
    const subject = "最后催款通知：北京华达建材有限公司 应付 1,234,567.89 USD — 请于七日内付款";
    const encoded = encodeHeaderWords(subject);
    const words = encoded.split("\r\n ");
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), "base64")).reduce((a, b) => Buffer.concat([a, b]));
    expect(decoded.toString("utf8")).toBe(subject);
    expect(encodeHeaderWords("Overdue account Acme")).toBe("Overdue account Acme");
  });
  it.each<[string, string, string[], string]>([
    ["Acme / Ltd.", "USD", [], "Acme _ Ltd.eml"],
    ["Acme", "EUR", ["acme.eml"], "Acme EUR.eml"],
    ["Acme", "EUR", ["acme.eml", "acme eur.eml"], "Acme EUR (2).eml"],
    ["...", "USD", [], "customer.eml"],
  ])("file name of %s (%s)", (customer, currency, taken, name) => {
    expect(letterFileName(customer, currency, new Set(taken))).toBe(name);
  });
});

const soffice = ((): string | null => {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  return found.status === 0 ? (found.stdout.trim().split("\n")[0] ?? null) : null;
})();
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
const cents = (text: string | undefined): number => Math.round(Number(text ?? 0) * 100);
