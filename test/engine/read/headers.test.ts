import { recognizeHeader, stripNumberMarker } from "../../../src/engine/read/headers";
import type { Field, Role } from "../../../src/engine/types";

/** The best field a heading names for a role, or null. */
function best(text: string, role: Role): Field | null {
  return recognizeHeader(text).find((m) => m.role === role)?.field ?? null;
}

describe("recognizeHeader", () => {
  it.each<[string, Role, Field]>([
    ["Inv #", "invoices", "invoiceNumber"],
    ["Invoice No.", "invoices", "invoiceNumber"],
    ["INVOICE NUMBER", "invoices", "invoiceNumber"],
    ["Doc #", "invoices", "invoiceNumber"],
    ["Num", "invoices", "invoiceNumber"],
    ["发票号", "invoices", "invoiceNumber"],
    ["发票号码", "invoices", "invoiceNumber"],
    ["单据编号", "invoices", "invoiceNumber"],
    ["Client", "invoices", "customer"],
    ["Customer Name", "invoices", "customer"],
    ["客户名称", "invoices", "customer"],
    ["购货单位", "invoices", "customer"],
    ["Due", "invoices", "dueDate"],
    ["Net Due Date", "invoices", "dueDate"],
    ["到期日", "invoices", "dueDate"],
    ["Invoice Date", "invoices", "invoiceDate"],
    ["开票日期", "invoices", "invoiceDate"],
    ["Payment Terms", "invoices", "terms"],
    ["账期", "invoices", "terms"],
    ["Amt", "invoices", "amount"],
    ["金额", "invoices", "amount"],
    ["价税合计", "invoices", "amount"],
    ["Invoice Amount (USD)", "invoices", "amount"],
    ["Open Balance", "invoices", "openAmount"],
    ["未收金额", "invoices", "openAmount"],
    ["Salesperson", "invoices", "salesRep"],
    ["业务员", "invoices", "salesRep"],
    ["销售员", "invoices", "salesRep"],
    ["Transaction Type", "invoices", "documentType"],
    ["Original Invoice", "invoices", "reference"],
    ["币种", "invoices", "currency"],
    ["Customer PO", "invoices", "po"],
    ["Memo", "invoices", "description"],
    ["Dispute", "invoices", "status"],
    ["Receipt No", "payments", "paymentReference"],
    ["流水号", "payments", "paymentReference"],
    ["Payment Date", "payments", "paymentDate"],
    ["到账日期", "payments", "paymentDate"],
    ["Amount Received", "payments", "amount"],
    ["回款金额", "payments", "amount"],
    ["Applied To", "payments", "invoiceNumber"],
    ["核销发票", "payments", "invoiceNumber"],
    ["Credit Limit", "customers", "creditLimit"],
    ["授信额度", "customers", "creditLimit"],
    ["Parent Account", "customers", "group"],
    ["Credit Hold", "customers", "hold"],
    ["冻结", "customers", "hold"],
  ])("%p is %s.%s", (text, role, field) => {
    expect(best(text, role)).toBe(field);
  });

  it("is case-, width-, space- and punctuation-insensitive", () => {
    expect(recognizeHeader("ｄｕｅ　ｄａｔｅ")).toEqual(recognizeHeader("Due Date"));
    expect(recognizeHeader(" due-date: ")).toEqual(recognizeHeader("Due Date"));
  });

  it("ranks an exact synonym above a number-marker variant above containment", () => {
    const confidence = (text: string): number =>
      recognizeHeader(text).find((m) => m.role === "invoices" && m.field === "invoiceNumber")?.confidence ?? 0;
    expect(confidence("Invoice No")).toBe(1);
    expect(confidence("Invoice Nbr")).toBe(0.9);
    expect(confidence("Invoice Reference Code")).toBeGreaterThan(0);
    expect(confidence("Invoice Reference Code")).toBeLessThan(0.9);
  });

  it("gives generic words less confidence than specific ones", () => {
    const date = recognizeHeader("Date").find((m) => m.field === "invoiceDate")?.confidence ?? 0;
    const invoiceDate = recognizeHeader("Invoice Date").find((m) => m.field === "invoiceDate")?.confidence ?? 0;
    expect(date).toBeLessThan(invoiceDate);
  });

  it.each(["", "   ", "Colour", "Warehouse"])("recognises nothing in %p", (text) => {
    expect(recognizeHeader(text)).toEqual([]);
  });

  it("returns matches best first", () => {
    const confidences = recognizeHeader("Amount").map((m) => m.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it("answers a heading asked again with the same list, which no caller can change", () => {
    const first = recognizeHeader("Due Date");
    expect(recognizeHeader("Due Date")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first as unknown as unknown[]).push({})).toThrow(TypeError);
  });

  it("still recognises headings after more distinct ones than it keeps have been asked", () => {
    const before = recognizeHeader("Invoice No");
    for (let k = 0; k < 5000; k++) recognizeHeader(`Column ${k}`);
    expect(recognizeHeader("Invoice No")).toEqual(before);
    expect(recognizeHeader("Column 4999")).toEqual([]);
  });
});

describe("stripNumberMarker", () => {
  it.each([
    ["invoiceno", "invoice"],
    ["invoicenumber", "invoice"],
    ["customerid", "customer"],
    ["发票号码", "发票"],
    ["单据编号", "单据"],
    ["no", "no"],
    ["memo", "memo"],
  ])("%p -> %p", (key, base) => {
    expect(stripNumberMarker(key)).toBe(base);
  });
});
