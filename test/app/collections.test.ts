import {
  COLLECTIONS_SETTINGS,
  clearCollectionsHighlights,
  ensureFollowUpLog,
  logFollowUp,
  runCollections,
  saveLadder,
  WARNING_FILL,
  type CollectionsRequest,
} from "../../src/app/collections";
import { DEFAULT_LADDER } from "../../src/engine/collections";
import { readBook } from "../../src/engine/read";
import { AS_OF, tablesOf, type CollectionsBook } from "../engine/collections/fixtures";
import { memoryWorkbook } from "./memoryPort";

const ledger: CollectionsBook = {
  invoices: [
    ["A1", "Acme", 40, 1000],
    ["A2", "Acme", 75, 500],
    ["B1", "Beta", 20, 300],
  ],
  customers: [
    ["Acme", 5000, false, "ap@acme.example"],
    ["Beta", 1000],
  ],
};
const request: CollectionsRequest = { asOf: AS_OF, lang: "en-US", dateOrder: null, defaultCurrency: "USD" };

describe("runCollections over a workbook port", () => {
  it("writes the AR Collections sheet and highlights warned customers' rows on the customer table", async () => {
    const port = memoryWorkbook(tablesOf(ledger));
    const run = await runCollections(port, request);
    if (!run.ok) throw new Error("no invoices");
    expect(run.written?.sheets).toEqual(["AR Collections 2026-10"]);
    expect(port.sheets.get("AR Collections 2026-10")?.kind).toBe("collections");
    // Acme (row 2 of Customers, A:D): oldest 75 days > 60. Beta (row 3): nothing was overdue at 2026-09-30.
    expect(run.report.warnings.map((w) => [w.customer, w.rule])).toEqual([
      ["Acme", "oldestOverdue"],
      ["Acme", "agingWorsened"],
      ["Beta", "newOverdue"],
    ]);
    expect(port.highlights.get("collections")).toEqual([
      { sheet: "Customers", address: "A2:D2", fill: WARNING_FILL },
      { sheet: "Customers", address: "A3:D3", fill: WARNING_FILL },
    ]);
    expect(await clearCollectionsHighlights(port)).toBe(2);
    expect(port.highlights.has("collections")).toBe(false);
  });

  it("creates the follow-up log once, appends rows, and the next run sees them", async () => {
    const port = memoryWorkbook(tablesOf(ledger));
    const before = await runCollections(port, request);
    if (!before.ok) throw new Error("no invoices");
    expect(before.report.worklist.customers.find((c) => c.customer === "Beta")!.stage).toBe(2);

    const first = await logFollowUp(
      port,
      {
        date: AS_OF - 1,
        customer: "Beta",
        invoice: "B1",
        type: "promise",
        amount: 300,
        until: AS_OF + 7,
        status: "open",
        by: "Ann",
        note: "=will pay",
      },
      "en-US",
    );
    const second = await logFollowUp(
      port,
      { date: AS_OF, customer: "Acme", invoice: null, type: "call", amount: null, until: null, status: "open", by: "Ann", note: null },
      "en-US",
    );
    expect(first).toEqual({ table: "ARFollowUps", sheet: "AR Follow-ups", row: 2 });
    expect(second.row).toBe(3);
    expect(port.tables.filter((x) => x.name === "ARFollowUps")).toHaveLength(1);
    expect(port.tables.find((x) => x.name === "ARFollowUps")!.rows[0]).toEqual([
      AS_OF - 1,
      "Beta",
      "B1",
      "promise",
      300,
      AS_OF + 7,
      "open",
      "Ann",
      "=will pay",
    ]);

    const after = await runCollections(port, request);
    if (!after.ok) throw new Error("no invoices");
    const beta = after.report.worklist.customers.find((c) => c.customer === "Beta")!;
    expect([beta.promised, beta.chase, beta.stage]).toEqual([30000, 0, null]);
    expect(after.report.worklist.customers.find((c) => c.customer === "Acme")!.lastContact).toBe(AS_OF);
    expect(after.report.issues).toEqual([]);
  });

  it("the log never joins the ledger, so aging reads the same book with it", async () => {
    const port = memoryWorkbook(tablesOf(ledger));
    await logFollowUp(
      port,
      { date: AS_OF, customer: "Beta", invoice: null, type: "note", amount: 5, until: null, status: "open", by: null, note: null },
      "en-US",
    );
    const book = readBook(port.tables, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
    expect(book.sources.payments).toBeUndefined();
  });

  it("creates a Chinese log in a Chinese workbook and finds an existing one instead of creating another", async () => {
    const port = memoryWorkbook(tablesOf(ledger));
    const created = await ensureFollowUpLog(port, "zh-CN");
    expect(created).toEqual({ sheet: "催收记录", name: "ARFollowUps", created: true });
    expect(port.tables.find((x) => x.name === "ARFollowUps")!.header).toEqual([
      "日期",
      "客户",
      "发票号",
      "类型",
      "金额",
      "承诺日期",
      "状态",
      "记录人",
      "备注",
    ]);
    expect(await ensureFollowUpLog(port, "en-US")).toEqual({ sheet: "催收记录", name: "ARFollowUps", created: false });
    await logFollowUp(
      port,
      { date: AS_OF, customer: "Acme", invoice: "A1", type: "dispute", amount: null, until: null, status: "open", by: null, note: null },
      "zh-CN",
    );
    expect(port.tables.find((x) => x.name === "ARFollowUps")!.rows[0]!.slice(0, 4)).toEqual([AS_OF, "Acme", "A1", "争议"]);
    const run = await runCollections(port, { ...request, lang: "zh-CN" });
    expect(run.ok && run.report.worklist.customers.find((c) => c.customer === "Acme")!.disputed).toBe(100000);
  });

  it("uses a saved ladder, refuses an invalid one when saving, and reports an invalid saved one", async () => {
    const port = memoryWorkbook(tablesOf(ledger));
    const ladder = JSON.parse(JSON.stringify(DEFAULT_LADDER));
    ladder[1].action["en-US"] = "Call the buyer";
    expect(await saveLadder(port, ladder, "en-US")).toBeNull();
    const broken = JSON.parse(JSON.stringify(DEFAULT_LADDER));
    broken[2].fromDays = 20;
    expect(await saveLadder(port, broken, "en-US")).toMatch(/stage 2/);
    const run = await runCollections(port, { ...request, write: false });
    expect(run.ok && run.settings.ladder[1]!.action["en-US"]).toBe("Call the buyer");

    port.settings.set(COLLECTIONS_SETTINGS.ladder, broken);
    const fallback = await runCollections(port, { ...request, write: false });
    if (!fallback.ok) throw new Error("no invoices");
    expect(fallback.settingsIssues.map((i) => i.code)).toEqual(["collections.ladder.gap"]);
    expect(fallback.settings.ladder).toEqual(DEFAULT_LADDER);
  });

  it("writes a letters sheet for the customers asked, with the saved late fee", async () => {
    const port = memoryWorkbook(tablesOf(ledger));
    port.settings.set(COLLECTIONS_SETTINGS.lateFee, { annualRate: 0.18, fixedFee: 10 });
    port.settings.set(COLLECTIONS_SETTINGS.remitTo, ["Example Bank", "Account 123"]);
    const run = await runCollections(port, { ...request, letters: ["Acme"] });
    if (!run.ok) throw new Error("no invoices");
    expect(run.letters.map((l) => l.customer)).toEqual(["Acme"]);
    expect(run.letters[0]!.fee).toBe(2000);
    expect(run.letters[0]!.interest).toBeGreaterThan(0);
    expect(run.written?.sheets).toEqual(["AR Collections 2026-10", "AR Letters 2026-10"]);
    const sheet = port.sheets.get("AR Letters 2026-10")!;
    expect(sheet.cells.some((r) => r[0] === "Account 123")).toBe(true);
  });

  it("says so when the workbook has no invoice table", async () => {
    const port = memoryWorkbook(tablesOf({ ...ledger, invoices: [] }).filter((x) => x.sheet !== "Invoices"));
    const run = await runCollections(port, request);
    expect(run.ok).toBe(false);
    expect(!run.ok && run.issues.map((i) => i.code)).toContain("table.invoices.missing");
  });
});
