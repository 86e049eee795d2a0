import { runStatements, saveCompany, loadCompany } from "../../src/app/statements";
import { ageBook } from "../../src/engine/aging";
import { serialFromIso } from "../../src/engine/dates";
import { readBook } from "../../src/engine/read";
import { generateSampleBook } from "../../src/engine/sample";
import { COMPANY_SETTING } from "../../src/engine/statements";
import type { TableData } from "../../src/engine/types";
import { memoryWorkbook } from "./memoryPort";
import { COLLECTIONS_SETTINGS } from "../../src/app/collections";
import { DEFAULT_LADDER } from "../../src/engine/collections";
import { AS_OF, day, tablesOf } from "../engine/collections/fixtures";

const from = serialFromIso("2026-10-01")!;
const to = serialFromIso("2026-10-31")!;
const tables = generateSampleBook({ invoices: 400, seed: 3, messy: true });
const company = { name: "Contoso Trading Ltd", address: "1 Harbour Road", taxId: "91310000MA1FL0000X" };

/** The sales rep with the most customers in the sample's customer table. */
function busiestRep(sample: TableData[]): string {
  const customers = sample.find((t) => t.name === "Customers")!;
  const col = customers.header.indexOf("Sales Rep");
  const counts = new Map<string, number>();
  for (const row of customers.rows) if (typeof row[col] === "string") counts.set(row[col], (counts.get(row[col]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

describe("runStatements", () => {
  it("writes a sales rep's statements on one owned sheet, one page each, with the saved company block", async () => {
    const port = memoryWorkbook(tables);
    await saveCompany(port, company);
    expect(await loadCompany(port)).toEqual(company);
    const rep = busiestRep(tables);
    const result = await runStatements(port, { from, to, document: "statement", lang: "en-US", salesRep: rep });
    if (!result.ok) throw new Error(result.message);
    expect(result.set.statements.length).toBeGreaterThan(1);
    for (const s of result.set.statements) expect(s.salesRep).toBe(rep);
    expect(result.sheet).toBe("AR Statements 2026-10");
    const sheet = port.sheets.get("AR Statements 2026-10")!;
    expect(sheet.page!.rowBreaks.length).toBe(result.set.statements.length - 1);
    expect(sheet.cells[0]![0]).toBe("Contoso Trading Ltd");
    expect(result.issues.some((i) => i.code === "statements.company.missing")).toBe(false);
  });

  it("ties every statement to the aging of the same workbook at the statement date", async () => {
    const port = memoryWorkbook(tables);
    const result = await runStatements(port, { from, to, document: "statement", lang: "en-US" });
    if (!result.ok) throw new Error(result.message);
    const aging = ageBook(readBook(tables, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" }), {
      asOf: to,
      basis: "due",
      boundaries: [30, 60, 90],
      autoApply: true,
      lang: "en-US",
    });
    expect(result.set.statements.length).toBeGreaterThan(0);
    const net = new Map(aging.accounts.map((a) => [`${a.customer}/${a.currency}`, a.net]));
    for (const s of result.set.statements) expect(s.closing).toBe(net.get(`${s.customer}/${s.currency}`) ?? 0);
    // The data's problems come with the run, in the user's language.
    expect(result.issues.length).toBeGreaterThan(0);
  });

  it("states the book of an aging the front end already has, tying to that aging without reading the tables again", async () => {
    const port = memoryWorkbook(tables);
    const book = readBook(tables, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
    // Without cash application, so a statement tied to a fresh aging (which applies cash) would differ.
    const aging = ageBook(book, { asOf: to, basis: "due", boundaries: [30, 60, 90], autoApply: false, lang: "en-US" });
    const reads = jest.spyOn(port, "readTables");
    const result = await runStatements(port, {
      from,
      to,
      document: "statement",
      lang: "en-US",
      autoApply: false,
      company,
      aging,
    });
    if (!result.ok) throw new Error(result.message);
    expect(reads).not.toHaveBeenCalled();
    expect(result.set.aging).toBe(aging);
    expect(result.set.statements.length).toBeGreaterThan(0);
    const net = new Map(aging.accounts.map((a) => [`${a.customer}/${a.currency}`, a.net]));
    for (const s of result.set.statements) expect(s.closing).toBe(net.get(`${s.customer}/${s.currency}`) ?? 0);
  });

  it("writes one customer's confirmation under the customer's name, and warns when no company block is saved", async () => {
    const port = memoryWorkbook(tables);
    const first = await runStatements(port, { from, to, document: "statement", lang: "zh-CN" });
    if (!first.ok) throw new Error(first.message);
    const customer = first.set.statements[0]!.customer;
    const result = await runStatements(port, { from, to, document: "confirmation", lang: "zh-CN", customers: [customer.toUpperCase()] });
    if (!result.ok) throw new Error(result.message);
    expect(result.sheet).toMatch(/^询证函 .+ 2026-10$/);
    expect(port.sheets.get(result.sheet!)!.cells.some((row) => row[0] === "企业询证函")).toBe(true);
    expect(result.issues.filter((i) => i.code === "statements.company.missing").map((i) => i.message)).toEqual([
      "工作簿中没有保存公司信息：对账单没有公司抬头。请填写公司信息。",
    ]);
    expect(port.settings.has(COMPANY_SETTING)).toBe(false);
  });

  it("says so when the workbook has no invoice table", async () => {
    const port = memoryWorkbook(tables.filter((t) => t.name !== "Invoices"));
    const result = await runStatements(port, { from, to, document: "statement", lang: "en-US" });
    expect(result).toEqual({ ok: false, reason: "no-invoices", message: "No invoice table found in this workbook." });
    expect(port.sheets.size).toBe(0);
  });

  describe("the footer's collection stage", () => {
    // Acme is 20 days past due (stage 2); Beta's only overdue invoice is disputed in the log.
    const book = tablesOf({
      invoices: [
        ["A-1", "Acme", 20, 100],
        ["B-1", "Beta", 20, 50],
      ],
      log: [[day(-1), "Beta", "B-1", "dispute", null, null]],
    });
    const ladder = DEFAULT_LADDER.map((s) => (s.stage === 2 ? { ...s, action: { "en-US": "Call the CFO", "zh-CN": "致电财务总监" } } : s));
    const stageOf = (result: Awaited<ReturnType<typeof runStatements>>, customer: string) => {
      if (!result.ok) throw new Error(result.message);
      const statement = result.set.statements.find((s) => s.customer === customer);
      if (!statement) throw new Error(`no statement of ${customer}`);
      return statement.collectionStage;
    };

    it("uses the ladder saved in the workbook and the follow-up log's disputes, on the sheet and in the JSON", async () => {
      const port = memoryWorkbook(book);
      port.settings.set(COLLECTIONS_SETTINGS.ladder, ladder);
      const result = await runStatements(port, { from, to: AS_OF, document: "statement", lang: "zh-CN", company });
      expect(stageOf(result, "Acme")).toEqual({ stage: 2, action: "致电财务总监" });
      expect(stageOf(result, "Beta")).toBeNull();
      if (!result.ok) return;
      expect(result.json.statements.map((s) => [s.customer, s.collectionStage])).toEqual([
        ["Acme", { stage: 2, action: "致电财务总监" }],
        ["Beta", null],
      ]);
      expect(port.sheets.get(result.sheet!)!.cells.map((row) => row[0])).toContain("催收阶段 2：致电财务总监");
    });

    it("falls back to the default ladder with a warning when the saved one is unusable, and leaves the line out on request", async () => {
      const port = memoryWorkbook(book);
      port.settings.set(COLLECTIONS_SETTINGS.ladder, [{ stage: 0, fromDays: 5, toDays: 1 }]);
      const result = await runStatements(port, { from, to: AS_OF, document: "statement", lang: "en-US", company });
      expect(stageOf(result, "Acme")).toEqual({ stage: 2, action: "Written notice" });
      if (result.ok) expect(result.issues.some((i) => i.code.startsWith("collections.ladder."))).toBe(true);
      const without = await runStatements(port, { from, to: AS_OF, document: "statement", lang: "en-US", company, collectionStage: false });
      expect(stageOf(without, "Acme")).toBeNull();
    });
  });
});
