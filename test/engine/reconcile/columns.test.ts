import type { CellValue, TableData } from "../../../src/engine/types";
import { detectReconcileColumns, type ReconcilePreset } from "../../../src/engine/reconcile";

const tableWith = (header: CellValue[]): TableData => ({ sheet: "S", name: "T", header, rows: [], firstRow: 2, firstColumn: 0 });

describe("detectReconcileColumns", () => {
  // header, preset, expected column index per field (-1: none)
  it.each<[CellValue[], ReconcilePreset | undefined, Record<string, number>]>([
    [["Invoice No", "Customer", "Invoice Date", "Amount", "Currency"], undefined, { key: 0, amount: 3, date: 2, customer: 1, currency: 4 }],
    [["发票号码", "客户名称", "开票日期", "价税合计", "币种"], undefined, { key: 0, amount: 3, date: 2, customer: 1, currency: 4 }],
    [["Reference", "Value Date", "Amount"], "payments-vs-bank", { key: 0, amount: 2, date: 1, customer: -1, currency: -1 }],
    [
      ["Invoice No", "Payment Ref", "Payment Date", "Amount Received"],
      "payments-vs-bank",
      { key: 1, amount: 3, date: 2, customer: -1, currency: -1 },
    ],
    [
      ["Invoice No", "Payment Ref", "Payment Date", "Amount Received"],
      "invoices-vs-statement",
      { key: 0, amount: 3, date: 2, customer: -1, currency: -1 },
    ],
    [
      ["Doc No", "Due Date", "Invoice Date", "Open Amount", "Amount"],
      "invoices-vs-statement",
      { key: 0, amount: 4, date: 2, customer: -1, currency: -1 },
    ],
    [["Doc No", "Due Date", "Open Amount"], undefined, { key: 0, amount: 2, date: 1, customer: -1, currency: -1 }],
  ])("%p (%s)", (header, preset, expected) => {
    const { columns, issues } = detectReconcileColumns(tableWith(header), "en-US", preset);
    expect({
      key: columns.key,
      amount: columns.amount,
      date: columns.date,
      customer: columns.customer,
      currency: columns.currency,
    }).toEqual(expected);
    expect(issues).toEqual([]);
  });

  it("takes the user's columns first, matched like headings (case, width, punctuation ignored)", () => {
    const { columns } = detectReconcileColumns(tableWith(["Invoice No", "Our Ref", "Gross", "Net"]), "en-US", undefined, {
      key: "our ref.",
      amount: "ＮＥＴ",
    });
    expect(columns).toMatchObject({ key: 1, amount: 3, headers: { key: "Our Ref", amount: "Net" } });
  });

  it("reports an override that names no column, and a missing key or amount column", () => {
    const { issues } = detectReconcileColumns(tableWith(["Memo", "Date"]), "zh-CN", undefined, { amount: "Gross" });
    expect(issues.map((i) => [i.code, i.column])).toEqual([
      ["reconcile.mapping.unknown", "Gross"],
      ["reconcile.column.missing", null],
      ["reconcile.column.missing", null],
    ]);
    expect(issues[2]?.message).toBe("表 T 没有金额列；请先指定该列再对账。");
  });
});
