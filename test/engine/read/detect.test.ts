import { detectSources, detectTables, roleNameConfidence } from "../../../src/engine/read/detect";
import type { CellValue, Role, TableData, TableMapping } from "../../../src/engine/types";

function table(name: string, header: CellValue[], sheet = name): TableData {
  return { sheet, name, header, rows: [], firstRow: 2, firstColumn: 0 };
}

const invoiceHeader = ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount"];
const paymentHeader = ["Receipt No", "Customer", "Payment Date", "Amount", "Invoice"];
const customerHeader = ["Customer", "Credit Limit", "Terms", "Sales Rep"];

const roles = (tables: TableData[], mapping?: TableMapping): (Role | null)[] => detectTables(tables, mapping).map((d) => d.role);

describe("roleNameConfidence", () => {
  it.each<[string, Role, number]>([
    ["Invoices", "invoices", 1],
    ["tblInvoices", "invoices", 0.9],
    ["AR", "invoices", 1],
    ["AR_Aging", "invoices", 1],
    ["tblAR", "invoices", 0.9],
    ["Archive", "invoices", 0],
    ["Open Items", "invoices", 1],
    ["应收", "invoices", 1],
    ["应收账款明细", "invoices", 0.833],
    ["Receipts", "payments", 1],
    ["Customer Payments", "payments", 0.9],
    ["回款", "payments", 1],
    ["客户", "customers", 1],
    ["Sheet1", "customers", 0],
  ])("%p says %s with %p", (name, role, confidence) => {
    expect(roleNameConfidence(name, role)).toBeCloseTo(confidence, 3);
  });
});

describe("detectTables", () => {
  it("finds each role by table name", () => {
    const tables = [table("Customers", customerHeader), table("Payments", paymentHeader), table("Invoices", invoiceHeader)];
    expect(roles(tables)).toEqual(["customers", "payments", "invoices"]);
    for (const detection of detectTables(tables)) {
      // Generic headings ("Amount") keep it just below certainty.
      expect(detection.confidence).toBeGreaterThan(0.9);
      expect(detection.missing).toEqual([]);
    }
  });

  it("finds each role by its headings alone, with less confidence than a name gives", () => {
    const tables = [table("Sheet1", invoiceHeader), table("Sheet2", paymentHeader), table("Sheet3", customerHeader)];
    const detections = detectTables(tables);
    expect(detections.map((d) => d.role)).toEqual(["invoices", "payments", "customers"]);
    for (const detection of detections) {
      expect(detection.confidence).toBeGreaterThan(0.5);
      expect(detection.confidence).toBeLessThan(1);
    }
  });

  it("tells invoices from payments when both only say Date and Amount", () => {
    const tables = [
      table("Sheet1", ["Customer", "Date", "Amount", "Payment No"]),
      table("Sheet2", ["Invoice", "Customer", "Date", "Terms", "Amount"]),
    ];
    expect(roles(tables)).toEqual(["payments", "invoices"]);
  });

  it("reads Chinese tables", () => {
    const tables = [
      table("应收", ["发票号", "客户名称", "开票日期", "到期日", "价税合计"]),
      table("回款", ["回款单号", "客户", "回款日期", "回款金额"]),
      table("客户", ["客户名称", "信用额度", "业务员"]),
    ];
    expect(roles(tables)).toEqual(["invoices", "payments", "customers"]);
    expect(detectTables(tables)[0]?.columns.map((c) => c.field)).toEqual(["invoiceNumber", "customer", "invoiceDate", "dueDate", "amount"]);
  });

  it("assigns each column to one field and each field to one column", () => {
    const [detection] = detectTables([
      table("Invoices", ["Customer PO", "Customer Name", "Invoice Amount", "Open Amount", "Due", "Invoice No"]),
    ]);
    expect(detection?.columns.map((c) => [c.header, c.field])).toEqual([
      ["Customer PO", "po"],
      ["Customer Name", "customer"],
      ["Invoice Amount", "amount"],
      ["Open Amount", "openAmount"],
      ["Due", "dueDate"],
      ["Invoice No", "invoiceNumber"],
    ]);
  });

  it("lists missing required fields", () => {
    const [invoices, payments] = detectTables([
      table("Invoices", ["Invoice No", "Customer", "Due Date"]),
      table("Payments", ["Customer", "Amount"]),
    ]);
    expect(invoices?.missing).toEqual(["amount"]);
    expect(payments?.missing).toEqual(["paymentDate"]);
  });

  it.each<[string, CellValue[], TableData[], string[]]>([
    ["a due date column", ["Invoice No", "Customer", "Due", "Amount"], [], []],
    ["invoice date and terms", ["Invoice No", "Customer", "Invoice Date", "Terms", "Amount"], [], []],
    [
      "invoice date with terms on the customer table",
      ["Invoice No", "Customer", "Invoice Date", "Amount"],
      [table("Customers", ["Customer", "Payment Terms"])],
      [],
    ],
    ["invoice date alone", ["Invoice No", "Customer", "Invoice Date", "Amount"], [], ["dueDate"]],
    ["no date at all", ["Invoice No", "Customer", "Amount"], [], ["dueDate"]],
  ])("needs a due date: %s", (_case, header, others, missing) => {
    expect(detectTables([table("Invoices", header), ...others])[0]?.missing).toEqual(missing);
  });

  it("leaves unrelated tables without a role", () => {
    expect(roles([table("Notes", ["Colour", "Warehouse"])])).toEqual([null]);
  });
});

describe("detectSources", () => {
  it("uses the best table of a role and says plainly that a table mapping differently was not read", () => {
    const good = table("Invoices", invoiceHeader);
    const weak = table("AR Summary", ["Customer", "Total"]);
    const plan = detectSources([weak, good], undefined, "en-US");
    expect(plan.sources.invoices?.table).toBe(good);
    expect(plan.joined).toEqual({});
    expect(plan.issues).toEqual([
      expect.objectContaining({ severity: "warning", code: "table.notJoined", sheet: "AR Summary", row: null }),
    ]);
    expect(plan.issues[0]?.message).toContain("so it was not read: only “Invoices” was");
  });

  it("reports a missing invoice table and a missing column", () => {
    const plan = detectSources([table("Payments", ["Customer", "Payment Date"])], undefined, "en-US");
    expect(plan.sources.invoices).toBeUndefined();
    expect(plan.issues.map((i) => [i.code, i.sheet, i.severity])).toEqual([
      ["column.missing", "Payments", "error"],
      ["table.invoices.missing", "", "error"],
    ]);
    expect(plan.issues[0]?.message).toBe(
      "The payment table “Payments” has no amount column, so it cannot be read. Rename the heading or map the column.",
    );
  });

  it("writes table-level messages in Chinese", () => {
    const plan = detectSources([], undefined, "zh-CN");
    expect(plan.issues[0]?.message).toMatch(/^未找到发票表/);
  });
});

describe("explicit mapping", () => {
  const sales = table("Sales", ["Doc", "Buyer Co", "Gross", "Payable By"], "Sheet1");
  const decoy = table("Invoices", invoiceHeader);

  it("selects the table by name or sheet name and the columns by heading", () => {
    for (const name of ["Sales", "sheet 1", "SALES"]) {
      const mapping: TableMapping = {
        invoices: { table: name, columns: { invoiceNumber: "Doc", customer: "buyer co", amount: "Gross", dueDate: "Payable By" } },
      };
      const plan = detectSources([decoy, sales], mapping, "en-US");
      expect(plan.sources.invoices?.table).toBe(sales);
      expect(plan.sources.invoices?.confidence).toBe(1);
      expect(plan.sources.invoices?.missing).toEqual([]);
      expect(plan.sources.invoices?.columns).toEqual([
        { field: "invoiceNumber", index: 0, header: "Doc", confidence: 1, mapped: true },
        { field: "customer", index: 1, header: "Buyer Co", confidence: 1, mapped: true },
        { field: "amount", index: 2, header: "Gross", confidence: 1, mapped: true },
        { field: "dueDate", index: 3, header: "Payable By", confidence: 1, mapped: true },
      ]);
      expect(plan.issues.map((i) => i.code)).toEqual(["table.ignored"]);
    }
  });

  it("overrides a detected column and keeps detection for the rest", () => {
    const t = table("Invoices", ["Invoice No", "Customer", "Due Date", "Amount", "Net Amount"]);
    const plan = detectSources([t], { invoices: { columns: { amount: "Net Amount" } } }, "en-US");
    const fields = plan.sources.invoices?.columns.map((c) => [c.header, c.field, c.mapped]);
    expect(fields).toEqual([
      ["Invoice No", "invoiceNumber", false],
      ["Customer", "customer", false],
      ["Due Date", "dueDate", false],
      ["Net Amount", "amount", true],
    ]);
  });

  it.each<[string, TableMapping, string, Record<string, unknown>]>([
    ["an unknown table", { invoices: { table: "Nope" } }, "mapping.table.unknown", { sheet: "", column: null }],
    ["an unknown heading", { invoices: { columns: { amount: "Sum" } } }, "mapping.column.unknown", { sheet: "Invoices", column: "Sum" }],
    [
      "a field of another role",
      { invoices: { columns: { creditLimit: "Amount" } } },
      "mapping.field.unknown",
      { sheet: "Invoices", column: "Amount" },
    ],
    [
      "one table for two roles",
      { invoices: { table: "Invoices" }, payments: { table: "Invoices" } },
      "mapping.table.conflict",
      { sheet: "" },
    ],
  ])("reports %s as an error", (_case, mapping, code, where) => {
    const plan = detectSources([table("Invoices", invoiceHeader)], mapping, "en-US");
    expect(plan.issues).toContainEqual(expect.objectContaining({ severity: "error", code, row: null, ...where }));
    expect(plan.sources.invoices?.table.name).toBe("Invoices");
  });
});
