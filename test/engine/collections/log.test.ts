import { detectTables, readBook } from "../../../src/engine/read";
import { followUpColumns, followUpHeader, followUpStatus, followUpType, isFollowUpTable } from "../../../src/engine/collections";
import type { TableData } from "../../../src/engine/types";
import { day, reportOf, tablesOf, type CollectionsBook } from "./fixtures";

const ledger: CollectionsBook = {
  invoices: [
    ["I1", "Acme", 20, 100],
    ["J1", "Beta", 20, 100],
  ],
};
const tableOf = (header: string[], name = "Log"): TableData => ({ sheet: name, name, header, rows: [], firstRow: 2, firstColumn: 0 });

describe("recognising the log", () => {
  it.each<[string, string[], string, boolean]>([
    ["English headings with Until", ["Date", "Customer", "Invoice", "Type", "Amount", "Until", "Status", "By", "Note"], "Log", true],
    ["Chinese headings", ["日期", "客户", "发票号", "类型", "金额", "承诺日期", "状态", "记录人", "备注"], "Sheet1", true],
    ["a log name without Until", ["Date", "Customer", "Type", "Note"], "催收记录", true],
    [
      "an invoice table with a Type column is not a log",
      ["Invoice No", "Customer", "Date", "Type", "Amount", "Due Date"],
      "Invoices",
      false,
    ],
    ["a payments table is not a log", ["Payment No", "Customer", "Date", "Amount"], "Payments", false],
  ])("%s", (_name, header, name, expected) => {
    expect(isFollowUpTable(tableOf(header, name))).toBe(expected);
  });

  it("the header AR Desk writes is recognised in both languages", () => {
    for (const lang of ["en-US", "zh-CN"] as const) expect(followUpColumns(tableOf(followUpHeader(lang)))?.until).toBe(5);
  });

  it("ledger detection leaves the log alone (it has a customer, a date and an amount, like payments)", () => {
    const tables = tablesOf({ ...ledger, log: [[day(-1), "Acme", null, "call", null, null]] });
    const detections = detectTables(tables);
    expect(detections.find((d) => d.table.sheet === "AR Follow-ups")?.role).toBeNull();
  });

  it.each<[string, string | null]>([
    ["Promise", "promise"],
    ["承诺", "promise"],
    ["分期", "plan"],
    ["电话", "call"],
    ["E-mail", "email"],
    ["函件", "letter"],
    ["拜访", "visit"],
    ["争议", "dispute"],
    ["fax", null],
  ])("type %s → %p", (text, type) => {
    expect(followUpType(text)).toBe(type);
  });

  it.each<[string | null, string | null]>([
    [null, "open"],
    ["Open", "open"],
    ["未结", "open"],
    ["resolved", "resolved"],
    ["已结", "resolved"],
    ["maybe", null],
  ])("status %p → %p", (text, status) => {
    expect(followUpStatus(text)).toBe(status);
  });
});

describe("rows that cannot be used are issues naming sheet, row, column and value; the rest counts", () => {
  const log: CollectionsBook["log"] = [
    [day(-5), "Acme", null, "call", null, null], // row 2: fine
    [day(-5), "Nobody Ltd", null, "call", null, null], // row 3
    [day(-5), "Acme", "NOPE-1", "promise", 50, day(5)], // row 4
    ["someday", "Acme", null, "call", null, null], // row 5
    [day(-5), "Acme", null, "fax", null, null], // row 6
    [day(-5), "Acme", "J1", "dispute", null, null], // row 7: Beta's invoice
    [day(-5), "Acme", null, "promise", null, day(5)], // row 8: no amount
    [day(-5), "Acme", null, "promise", 50, null], // row 9: no until
    [day(-5), "Acme", null, "dispute", null, null], // row 10: no invoice
    [day(-5), "Acme", null, "promise", "abc", day(5)], // row 11
    [day(-5), "Acme", null, "promise", 50, day(-6)], // row 12: until before date
    [day(-5), "Acme", null, "note", null, null, "maybe"], // row 13
  ];
  it.each<[number, string, string]>([
    [3, "Customer", "collections.log.customer.unknown"],
    [4, "Invoice", "collections.log.invoice.unknown"],
    [5, "Date", "date.invalid"],
    [6, "Type", "collections.log.type.unknown"],
    [7, "Invoice", "collections.log.invoice.otherCustomer"],
    [8, "Amount", "collections.log.promise.amount"],
    [9, "Until", "collections.log.promise.until"],
    [10, "Invoice", "collections.log.dispute.invoice"],
    [11, "Amount", "amount.invalid"],
    [12, "Until", "collections.log.promise.beforeDate"],
    [13, "Status", "collections.log.status.unknown"],
  ])("row %i: %s → %s", (row, column, code) => {
    const report = reportOf({ ...ledger, log });
    const issue = report.issues.find((i) => i.row === row);
    expect(issue).toMatchObject({ sheet: "AR Follow-ups", row, column, code });
    expect(issue!.message).not.toMatch(/\{|\}/);
  });
  it("keeps the usable row and reports each bad row once", () => {
    const report = reportOf({ ...ledger, log });
    expect(report.followUps.map((f) => f.row)).toEqual([2]);
    expect(report.issues).toHaveLength(11);
  });
  it("messages are in the user's language", () => {
    const report = reportOf({ ...ledger, log }, { lang: "zh-CN" });
    expect(report.issues.find((i) => i.row === 3)!.message).toBe("客户Nobody Ltd不在应收账中，该催收记录未计入。");
  });
});

describe("a log in Chinese", () => {
  it("reads Chinese headings, types and statuses", () => {
    const report = reportOf({
      ...ledger,
      logHeader: ["日期", "客户", "发票号", "类型", "金额", "承诺日期", "状态", "记录人", "备注"],
      log: [
        [day(-5), "Acme", "I1", "争议", null, null, "未结"],
        [day(-5), "Beta", null, "承诺", 40, day(3), "未结"],
      ],
    });
    expect(report.issues).toEqual([]);
    expect(report.followUps.map((f) => f.type)).toEqual(["dispute", "promise"]);
    expect(report.worklist.customers.find((c) => c.customer === "Acme")!.disputed).toBe(10000);
    expect(report.worklist.customers.find((c) => c.customer === "Beta")!.promised).toBe(4000);
  });
  it("the ledger reads the same with and without the log", () => {
    const withLog = tablesOf({ ...ledger, log: [[day(-1), "Acme", null, "call", null, null]] });
    const book = readBook(withLog, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
    expect(book.sources.payments).toBeUndefined();
    expect(book.issues.filter((i) => i.sheet === "AR Follow-ups")).toEqual([]);
  });
});
