/**
 * Issue "Nothing read silently wrong": the reader's rules for messy and hostile tables. Each
 * describe block is one numbered point; every row is either read or named in an issue.
 */
import { readBook } from "../../../src/engine/read";
import { ageBook } from "../../../src/engine/aging";
import { documentSheet } from "../../../src/engine/columns";
import { columnDecimalMark, decimalEvidence, hasExcessDecimals } from "../../../src/engine/read/amount";
import { cellKey, isErrorValue } from "../../../src/engine/read/cells";
import { serialFromIso } from "../../../src/engine/dates";
import type { Book, CellValue, TableData } from "../../../src/engine/types";
import { readOptions, userTable } from "../builders";

const DUE = serialFromIso("2026-10-01") ?? Number.NaN;

const invoices = (header: CellValue[], rows: CellValue[][]): TableData => userTable("Invoices", header, rows);
const codesAt = (book: Book, row: number): string[] => book.issues.filter((i) => i.row === row).map((i) => i.code);
const amounts = (book: Book): number[] => [...book.invoices.amount];
const currencies = (book: Book): string[] => [...book.invoices.currency].map((c) => book.currencies[c] ?? "?");

describe("point 3: a text amount column's decimal mark is decided from all its values", () => {
  it.each([
    ["1.234,50", ","],
    ["12,5", ","],
    ["1.234.567", ","],
    ["1,234.50", "."],
    ["1,234,567", "."],
    ["12.5", "."],
    ["12.500", null],
    ["1,234", null],
    ["100", null],
  ] as const)("%s says the decimal mark is %s", (text, mark) => {
    expect(decimalEvidence(text)).toBe(mark);
  });

  it.each([
    [["1.234,50", "12.500"], ","],
    [["1,234.50", "12.500"], "."],
    [["12.500", "7"], "."],
    [["1.234,50", "1,234.50"], "?"],
  ] as const)("column %j reads with mark %s", (values, mark) => {
    expect(
      columnDecimalMark(
        values.map((v) => [v]),
        0,
      ),
    ).toBe(mark);
  });

  it("reads 12.500 as twelve thousand five hundred in a decimal-comma column", () => {
    const book = readBook(
      [
        invoices(
          ["Invoice No", "Customer", "Due Date", "Amount"],
          [
            ["A", "Acme", DUE, "1.234,50"],
            ["B", "Acme", DUE, "12.500"],
          ],
        ),
      ],
      readOptions(),
    );
    expect(amounts(book)).toEqual([123450, 1250000]);
    expect(book.issues).toEqual([]);
  });

  it("names the rows it cannot decide in a column that mixes both marks", () => {
    const book = readBook(
      [
        invoices(
          ["Invoice No", "Customer", "Due Date", "Amount"],
          [
            ["A", "Acme", DUE, "1.234,50"],
            ["B", "Acme", DUE, "1,234.50"],
            ["C", "Acme", DUE, "12.500"],
          ],
        ),
      ],
      readOptions(),
    );
    expect(amounts(book)).toEqual([123450, 123450]);
    expect(codesAt(book, 4)).toEqual(["amount.ambiguousSeparator"]);
    expect(book.issues.map((i) => i.code)).toContain("amount.mixedDecimalMarks");
    expect(book.excluded.map((e) => e.row)).toEqual([4]);
  });

  it.each([
    [0.004, 2, true],
    [1234.5, 0, true],
    [1234.56, 2, false],
    [0.1 + 0.2, 2, false],
    [123456789012.34, 2, false],
    [123456789012.345, 2, true],
  ])("hasExcessDecimals(%d, %d) is %s", (value, decimals, excess) => {
    expect(hasExcessDecimals(value, decimals)).toBe(excess);
  });

  it("keeps the rounding rule but warns on the row for numbers and text", () => {
    const book = readBook(
      [
        invoices(
          ["Invoice No", "Customer", "Due Date", "Amount", "Currency"],
          [
            ["A", "Acme", DUE, 0.004, "USD"],
            ["B", "Acme", DUE, 1234.5, "JPY"],
            ["C", "Acme", DUE, "1234.567", "USD"],
            ["D", "Acme", DUE, 10.5, "USD"],
            ["E", "Acme", DUE, "1234.00", "JPY"],
          ],
        ),
      ],
      readOptions(),
    );
    expect(amounts(book)).toEqual([0, 1235, 123457, 1050, 1234]);
    expect(book.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, "amount.rounded", "warning"],
      [3, "amount.rounded", "warning"],
      [4, "amount.rounded", "warning"],
    ]);
  });
});

describe("point 4: several currencies and no currency column is an error, never one default-currency total", () => {
  const HEADER = ["Invoice No", "Customer", "Due Date", "Amount"];
  it.each([
    // [what the table shows, amounts, currencies of the rows read, rows left out, table note]
    ["amounts writing EUR and JPY beside bare ones", ["EUR 1.234,50", "JPY 1,000", "250"], ["EUR", "JPY"], [4], "currency.severalNoColumn"],
    ["amounts writing EUR beside bare ones", ["EUR 100", "250", "300"], ["EUR"], [3, 4], "currency.severalNoColumn"],
    ["every amount writing its own currency", ["EUR 100", "JPY 1000", "USD 5"], ["EUR", "JPY", "USD"], [], null],
    ["the default currency written beside bare ones ($ in a USD book)", ["$100", "250", "300"], ["USD", "USD", "USD"], [], null],
    ["no currency anywhere", ["100", "250", 300], ["USD", "USD", "USD"], [], null],
  ] as const)("%s", (_about, amountCells, read, left, note) => {
    const book = readBook(
      [
        invoices(
          HEADER,
          amountCells.map((amount, k) => [`I-${k + 1}`, "Acme", DUE, amount]),
        ),
      ],
      readOptions(),
    );
    expect(currencies(book)).toEqual(read);
    expect(book.excluded.map((e) => [e.row, e.reason])).toEqual(left.map((row) => [row, "invalid"]));
    const unstated = book.issues.filter((i) => i.code === "currency.unstated");
    expect(unstated.map((i) => [i.row, i.severity])).toEqual(left.map((row) => [row, "error"]));
    expect(book.issues.filter((i) => i.row === null).map((i) => i.code)).toEqual(note ? [note] : []);
  });

  it("takes the customer's currency as stated: only rows whose currency is stated nowhere are errors", () => {
    const book = readBook(
      [
        invoices(HEADER, [
          ["I-1", "Acme", DUE, "EUR 100"],
          ["I-2", "Tokyo KK", DUE, 5000],
          ["I-3", "Acme", DUE, 250],
        ]),
        userTable("Customers", ["Customer", "Currency"], [["Tokyo KK", "JPY"]]),
      ],
      readOptions(),
    );
    expect(book.invoices.number).toEqual(["I-1", "I-2"]);
    expect(currencies(book)).toEqual(["EUR", "JPY"]);
    expect(book.excluded.map((e) => e.row)).toEqual([4]);
  });

  it("names an unmapped column of mostly codes that shows several currencies, and leaves out the rows it cannot place", () => {
    const book = readBook(
      [
        invoices(
          [...HEADER, "Cur."],
          [
            ["I-1", "Acme", DUE, 100, "EUR"],
            ["I-2", "Acme", DUE, 100, "JPY"],
            ["I-3", "Acme", DUE, 100, "EUR"],
            ["I-4", "Acme", DUE, 100, "see note"],
          ],
        ),
      ],
      readOptions(),
    );
    expect(book.invoices.length).toBe(0);
    const note = book.issues.find((i) => i.code === "currency.codesNotColumn");
    expect(note?.severity).toBe("error");
    expect(note?.message).toContain("“Cur.”");
    expect(note?.message).toContain("EUR, JPY");
    expect(book.excluded).toHaveLength(4);
  });

  it("does the same for payments, in Chinese", () => {
    const book = readBook(
      [
        invoices(HEADER, [["I-1", "Acme", DUE, "EUR 100"]]),
        userTable(
          "Payments",
          ["Receipt No", "Customer", "Payment Date", "Amount"],
          [
            ["R-1", "Acme", DUE, "EUR 10"],
            ["R-2", "Acme", DUE, 20],
          ],
        ),
      ],
      readOptions({ lang: "zh-CN" }),
    );
    expect(book.payments?.reference).toEqual(["R-1"]);
    expect(book.excluded.map((e) => [e.kind, e.row])).toEqual([["payment", 3]]);
    expect(book.issues.find((i) => i.code === "currency.unstated")?.message).toContain("未注明币种");
  });
});

describe("point 4: a column of ISO codes is the currency column whatever its heading", () => {
  it("reads a column headed Code as the currency", () => {
    const book = readBook(
      [
        invoices(
          ["Invoice No", "Customer", "Due Date", "Amount", "Code"],
          [
            ["A", "Acme", DUE, 100, "EUR"],
            ["B", "Acme", DUE, 100, "JPY"],
            ["C", "Acme", DUE, 100, "usd"],
          ],
        ),
      ],
      readOptions(),
    );
    expect(currencies(book)).toEqual(["EUR", "JPY", "USD"]);
    expect(amounts(book)).toEqual([10000, 100, 10000]);
    expect(book.issues.map((i) => i.code)).toEqual(["currency.columnByValues"]);
  });

  it("reads the unheaded half of a merged Amount heading as the currency", () => {
    const book = readBook(
      [
        invoices(
          ["Invoice No", "Customer", "Due Date", "Amount", null],
          [
            ["A", "Acme", DUE, 100, "EUR"],
            ["B", "Acme", DUE, 5, "JPY"],
          ],
        ),
      ],
      readOptions(),
    );
    expect(currencies(book)).toEqual(["EUR", "JPY"]);
  });

  it("leaves a column with any non-code value alone", () => {
    const book = readBook(
      [
        invoices(
          ["Invoice No", "Customer", "Due Date", "Amount", "Code"],
          [
            ["A", "Acme", DUE, 100, "EUR"],
            ["B", "Acme", DUE, 5, "X1"],
          ],
        ),
      ],
      readOptions(),
    );
    expect(currencies(book)).toEqual(["USD", "USD"]);
    expect(book.issues).toEqual([]);
  });
});

describe("point 7: error and boolean cells are errors for their row", () => {
  it.each(["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#SPILL!", " #n/a "])("%s is an error value", (text) => {
    expect(isErrorValue(text)).toBe(true);
  });
  it.each(["#12", "N/A", "INV#1", "", "#"])("%s is not", (text) => {
    expect(isErrorValue(text)).toBe(false);
  });

  it("never takes #N/A as a customer, TRUE as an invoice number, or an error in any other column", () => {
    const book = readBook(
      [
        invoices(
          ["Invoice No", "Customer", "Due Date", "Amount", "Rep"],
          [
            ["A", "#N/A", DUE, 100, "Li"],
            [true, "Acme", DUE, 100, "Li"],
            ["C", "Acme", DUE, 100, "#REF!"],
            ["D", "Acme", DUE, 100, "Li"],
          ],
        ),
      ],
      readOptions(),
    );
    expect(book.invoices.number).toEqual(["D"]);
    expect(book.customers.name).not.toContain("#N/A");
    expect(book.issues.map((i) => [i.row, i.code, i.severity, i.column])).toEqual([
      [2, "cell.error", "error", "Customer"],
      [3, "cell.boolean", "error", "Invoice No"],
      [4, "cell.error", "error", "Rep"],
    ]);
    expect(book.excluded.map((e) => e.row)).toEqual([2, 3, 4]);
  });

  it("does the same in the payment table", () => {
    const book = readBook(
      [
        invoices(["Invoice No", "Customer", "Due Date", "Amount"], [["A", "Acme", DUE, 100]]),
        userTable(
          "Payments",
          ["Receipt No", "Customer", "Payment Date", "Amount"],
          [
            ["R1", "#N/A", DUE, 5],
            ["R2", "Acme", DUE, 5],
          ],
        ),
      ],
      readOptions(),
    );
    expect(book.payments?.reference).toEqual(["R2"]);
    expect(book.issues.map((i) => [i.sheet, i.row, i.code])).toEqual([["Payments", 2, "cell.error"]]);
  });
});

describe("point 7: error cells are told by the adapter's cell types, in every used column and no other", () => {
  const HEADER = ["Invoice No", "Customer", "Due Date", "Amount", "Terms", "PO", "Checked by"];
  const rows = (): CellValue[][] => [
    ["A", "#N/A", DUE, 100, "Net 30", "P1", "ok"],
    ["B", "Acme", DUE, 100, "#REF!", "P2", "ok"],
    ["C", "Acme", DUE, 100, "Net 30", "#VALUE!", "ok"],
    ["D", "Acme", DUE, 100, "Net 30", "P4", "#N/A"],
  ];

  it.each([
    // [adapter, error cells listed, invoices read, rows with cell.error]
    [
      "CSV (cannot tell): error texts in used columns are errors; the unused “Checked by” column is not looked at",
      undefined,
      ["D"],
      [2, 3, 4],
    ],
    [
      "xlsx / Office.js listing every error cell: the same rows",
      [cellKey(0, 1), cellKey(1, 4), cellKey(2, 5), cellKey(3, 6)],
      ["D"],
      [2, 3, 4],
    ],
    ["xlsx / Office.js listing none: every “#…” is text typed by the user", [], ["A", "B", "C", "D"], []],
    ["xlsx / Office.js listing only the PO cell: the customer “#N/A” is a customer", [cellKey(2, 5)], ["A", "B", "D"], [4]],
  ] as const)("%s", (_about, listed, read, errorRows) => {
    const source = invoices(HEADER, rows());
    if (listed !== undefined) source.errorCells = new Set(listed);
    const book = readBook([source], readOptions());
    expect(book.invoices.number).toEqual(read);
    const errors = book.issues.filter((i) => i.code === "cell.error");
    expect(errors.map((i) => i.row)).toEqual(errorRows);
    for (const issue of errors) expect(issue.severity).toBe("error");
    expect(book.excluded.map((e) => e.row)).toEqual(errorRows);
  });

  it("leaves a payment's typed “#N/A” reference alone but not an error cell in its invoice column", () => {
    const payments = userTable(
      "Payments",
      ["Receipt No", "Customer", "Payment Date", "Amount", "Invoice"],
      [
        ["#N/A", "Acme", DUE, 5, "A"],
        ["R2", "Acme", DUE, 5, "#N/A"],
      ],
    );
    payments.errorCells = new Set([cellKey(1, 4)]);
    const book = readBook([invoices(["Invoice No", "Customer", "Due Date", "Amount"], [["A", "Acme", DUE, 100]]), payments], readOptions());
    expect(book.payments?.reference).toEqual(["#N/A"]);
    expect(book.issues.map((i) => [i.row, i.code, i.column])).toEqual([[3, "cell.error", "Invoice"]]);
  });

  it("makes an error cell in the customer table an error for that customer row, and counts the row", () => {
    const customers = userTable(
      "Customers",
      ["Customer", "Credit Limit", "On Hold", "Memo"],
      [
        ["Acme", 5000, "#N/A", "x"],
        ["Beta", 100, "No", "#REF!"],
      ],
    );
    const book = readBook(
      [invoices(["Invoice No", "Customer", "Due Date", "Amount"], [["A", "Beta", DUE, 100]]), customers],
      readOptions(),
    );
    expect(book.issues.map((i) => [i.sheet, i.row, i.code, i.severity])).toEqual([["Customers", 2, "cell.error", "error"]]);
    const acme = book.customers.index.get("acme");
    expect(acme === undefined || book.customers.inTable[acme] === 0).toBe(true);
    expect(book.accounting?.find((a) => a.kind === "customer")).toMatchObject({ rows: 2, counted: 1, excluded: 1, blank: 0 });
  });
});

describe("point 16: a formula without a saved value is named as such, not as an empty cell", () => {
  const HEADER = ["Invoice No", "Customer", "Due Date", "Amount", "PO"];

  it("replaces “amount is empty” on the row it leaves out, and warns once for an optional column", () => {
    const source = invoices(HEADER, [
      ["A", "Acme", DUE, null, "P1"],
      ["B", "Acme", DUE, 100, null],
      ["C", "Acme", DUE, null, "P3"],
    ]);
    source.unsavedFormulas = new Set([cellKey(0, 3), cellKey(1, 4)]);
    const book = readBook([source], readOptions());
    expect(book.issues.map((i) => [i.row, i.code, i.severity, i.cell])).toEqual([
      [2, "cell.formulaNoValue", "error", "D2"],
      [4, "amount.empty", "error", "D4"],
      [3, "cell.formulaNoValue", "warning", "E3"],
    ]);
    expect(book.issues[0]?.message).toContain("recalculate and save");
    expect(book.invoices.number).toEqual(["B"]);
  });

  it("says it in Chinese too", () => {
    const source = invoices(HEADER, [["A", "Acme", DUE, null, "P1"]]);
    source.unsavedFormulas = new Set([cellKey(0, 3)]);
    const book = readBook([source], readOptions({ lang: "zh-CN" }));
    expect(book.issues.map((i) => i.code)).toEqual(["cell.formulaNoValue"]);
    expect(book.issues[0]?.message).toContain("重新计算并保存");
  });
});

describe("point 6: tables of one role whose columns map the same way are read together", () => {
  const INV = ["Invoice No", "Customer", "Due Date", "Amount"];
  const jan = (): TableData =>
    userTable("Invoices Jan", INV, [
      ["J-1", "Acme", DUE, 100],
      ["J-2", "Acme", DUE, 50],
    ]);
  // Another order of the same columns, on its own sheet, starting lower down.
  const feb = (): TableData => ({
    ...userTable(
      "Invoices Feb",
      ["Amount", "Customer", "Invoice No", "Due Date"],
      [
        [70, "Beta", "F-1", DUE],
        ["lots", "Beta", "F-2", DUE],
      ],
    ),
    firstRow: 5,
    firstColumn: 2,
  });

  it("reads both, keeps each row's own sheet and row, names them in a note, and accounts for each table", () => {
    const book = readBook([jan(), feb()], readOptions());
    expect(book.invoices.number).toEqual(["J-1", "J-2", "F-1"]);
    expect([...book.invoices.row]).toEqual([2, 3, 5]);
    expect([0, 1, 2].map((k) => documentSheet(book.invoices, k))).toEqual(["Invoices Jan", "Invoices Jan", "Invoices Feb"]);
    expect(book.joined?.invoices?.map((d) => d.table.name)).toEqual(["Invoices Jan", "Invoices Feb"]);
    const note = book.issues.find((i) => i.code === "table.joined");
    expect(note?.message).toBe(
      "The invoice rows are read from 2 tables together: “Invoices Jan”, “Invoices Feb”. Each row keeps its own sheet and row in issues; an invoice number in two of them is a duplicate.",
    );
    // The bad amount of February's second row is named in February's sheet, at its own cell (C6 + 0 → column C).
    const bad = book.issues.find((i) => i.code === "amount.invalid");
    expect([bad?.sheet, bad?.row, bad?.cell]).toEqual(["Invoices Feb", 6, "C6"]);
    expect(book.excluded.map((e) => [e.sheet, e.row])).toEqual([["Invoices Feb", 6]]);
    expect(book.accounting?.map((a) => [a.kind, a.table, a.rows, a.counted, a.excluded])).toEqual([
      ["invoice", "Invoices Jan", 2, 2, 0],
      ["invoice", "Invoices Feb", 2, 1, 1],
    ]);
  });

  it("makes an invoice number repeated across the tables for one customer a duplicate on both rows", () => {
    const again = userTable("Invoices Feb", INV, [
      ["J-2", "Acme", DUE, 50],
      ["F-9", "Acme", DUE, 9],
    ]);
    const book = readBook([jan(), again], readOptions());
    expect(book.invoices.number).toEqual(["J-1", "F-9"]);
    expect(book.issues.filter((i) => i.code === "invoice.duplicate").map((i) => [i.sheet, i.row])).toEqual([
      ["Invoices Jan", 3],
      ["Invoices Feb", 2],
    ]);
    expect(book.excluded.map((e) => [e.sheet, e.row, e.reason])).toEqual([
      ["Invoices Feb", 2, "duplicate"],
      ["Invoices Jan", 3, "duplicate"],
    ]);
  });

  it("ages the joined ledger with later issues in each row's own table (a payment for a February invoice dated after the as-of date)", () => {
    const later = userTable("Invoices Feb", INV, [["F-1", "Acme", serialFromIso("2026-12-01")!, 70]]);
    const laterWithDate = {
      ...later,
      header: [...INV, "Invoice Date"],
      rows: [["F-1", "Acme", serialFromIso("2026-12-31")!, 70, serialFromIso("2026-12-01")!]],
    };
    const janWithDate = {
      ...jan(),
      header: [...INV, "Invoice Date"],
      rows: jan().rows.map((row) => [...row, serialFromIso("2026-09-01")!]),
    };
    const book = readBook([janWithDate, laterWithDate], readOptions());
    expect(book.invoices.length).toBe(3);
    const report = ageBook(book, {
      asOf: serialFromIso("2026-10-31")!,
      basis: "due",
      boundaries: [30, 60, 90],
      autoApply: true,
      lang: "en-US",
    });
    expect(report.excluded.filter((e) => e.reason === "after-as-of").map((e) => [e.id, e.sheet, e.row])).toEqual([
      ["F-1", "Invoices Feb", 2],
    ]);
  });

  it("does not read a table whose columns map differently, and says plainly which it used and which it did not", () => {
    const withCurrency = userTable(
      "Invoices",
      [...INV, "Currency"],
      [
        ["J-1", "Acme", DUE, 100, "EUR"],
        ["J-2", "Acme", DUE, 50, "EUR"],
      ],
    );
    const other = userTable("Invoices Q3", INV, [["Q-1", "Acme", DUE, 100]]);
    const book = readBook([withCurrency, other], readOptions());
    expect(book.invoices.number).toEqual(["J-1", "J-2"]);
    expect(book.joined).toBeUndefined();
    const note = book.issues.find((i) => i.code === "table.notJoined");
    expect(note?.severity).toBe("warning");
    expect(note?.message).toBe(
      "Table “Invoices Q3” also holds invoice rows, but its columns map differently from “Invoices” (currency), so it was not read: only “Invoices” was. To read both, map them together (Data view, or “tables” in --map), or give them the same columns.",
    );
  });

  it("reads the tables a mapping names together, in its order, and only those", () => {
    const other = userTable("Invoices Q3", [...INV, "Currency"], [["Q-1", "Acme", DUE, 100, "EUR"]]);
    const book = readBook([jan(), other, feb()], readOptions({ mapping: { invoices: { tables: ["Invoices Q3", "Invoices Jan"] } } }));
    expect(book.invoices.number).toEqual(["Q-1", "J-1", "J-2"]);
    expect(book.issues.filter((i) => i.code === "table.ignored").map((i) => i.sheet)).toEqual(["Invoices Feb"]);
    // One table named: that one alone, the others named as not used.
    const single = readBook([jan(), feb()], readOptions({ mapping: { invoices: { table: "Invoices Feb" } } }));
    expect(single.invoices.number).toEqual(["F-1"]);
    expect(single.issues.filter((i) => i.code === "table.ignored").map((i) => i.sheet)).toEqual(["Invoices Jan"]);
  });

  it("reads payment tables and customer tables together the same way, in Chinese", () => {
    const PAY = ["Receipt No", "Customer", "Payment Date", "Amount"];
    const book = readBook(
      [
        jan(),
        userTable("Payments 1", PAY, [["R-1", "Acme", DUE, 10]]),
        userTable("Payments 2", PAY, [["R-2", "Acme", DUE, 20]]),
        userTable("Customers A", ["Customer", "Credit Limit"], [["Acme", 1000]]),
        userTable(
          "Customers B",
          ["Customer", "Credit Limit"],
          [
            ["Beta", 500],
            ["Acme", 1],
          ],
        ),
      ],
      readOptions({ lang: "zh-CN" }),
    );
    expect(book.payments?.reference).toEqual(["R-1", "R-2"]);
    expect([0, 1].map((k) => documentSheet(book.payments!, k))).toEqual(["Payments 1", "Payments 2"]);
    expect(book.customers.inTable[book.customers.index.get("beta")!]).toBe(1);
    expect(book.issues.filter((i) => i.code === "customer.duplicate").map((i) => [i.sheet, i.row])).toEqual([["Customers B", 3]]);
    expect(book.issues.filter((i) => i.code === "table.joined").map((i) => i.message)).toEqual([
      "收款数据合并读取自 2 个表：“Payments 1”、“Payments 2”。问题中的每行仍标注其所在工作表和行号；同一发票号出现在两个表中视为重复。",
      "客户数据合并读取自 2 个表：“Customers A”、“Customers B”。问题中的每行仍标注其所在工作表和行号；同一发票号出现在两个表中视为重复。",
    ]);
    expect(book.accounting?.filter((a) => a.kind === "customer").map((a) => [a.table, a.counted, a.skipped.length])).toEqual([
      ["Customers A", 1, 0],
      ["Customers B", 1, 1],
    ]);
  });
});

describe("point 8: totals are exact or refused", () => {
  it("refuses the IDR invoice that would take the currency's total past 2^53 minor units", () => {
    const book = readBook(
      [
        invoices(
          ["Invoice No", "Customer", "Due Date", "Amount", "Currency"],
          [
            ["A", "Acme", DUE, 5e13, "IDR"],
            ["B", "Acme", DUE, 5e13, "IDR"],
            ["C", "Acme", DUE, 1, "USD"],
          ],
        ),
      ],
      readOptions(),
    );
    expect(book.invoices.number).toEqual(["A", "C"]);
    expect(codesAt(book, 3)).toEqual(["amount.totalTooLarge"]);
    let total = 0;
    for (const a of book.invoices.amount) total += Math.abs(a);
    expect(Number.isSafeInteger(total)).toBe(true);
  });

  it("says a single amount beyond the range is out of range, not unrecognised", () => {
    const book = readBook(
      [
        invoices(
          ["Invoice No", "Customer", "Due Date", "Amount"],
          [
            ["A", "Acme", DUE, 1e15],
            ["B", "Acme", DUE, "1e15"],
          ],
        ),
      ],
      readOptions(),
    );
    expect(book.issues.map((i) => [i.row, i.code])).toEqual([
      [2, "amount.outOfRange"],
      [3, "amount.outOfRange"],
    ]);
  });
});

describe("point 5: competing headings are named, never chosen silently", () => {
  it.each([
    [["Invoice No", "Customer", "Due Date", "Amount", "Amount"], "Amount", "E"],
    // "Due" takes the due date; "Due Date" is named, not silently taken as the invoice date.
    [["Invoice No", "Customer", "Due", "Due Date", "Amount"], "Due Date", "D"],
  ] as const)("%j: the ignored column %s (%s) is in a warning", (header, ignored, letter) => {
    const rows: CellValue[][] = [header.map((h) => (h === "Invoice No" ? "A" : h === "Customer" ? "Acme" : h.startsWith("Due") ? DUE : 5))];
    const book = readBook([invoices([...header], rows)], readOptions());
    const warning = book.issues.find((i) => i.code === "column.duplicate");
    expect(warning).toMatchObject({ severity: "warning", column: ignored });
    expect(warning?.message).toContain(`column ${letter}`);
    expect(book.invoices.length).toBe(1);
  });

  it("a column that is plainly another field's (a credit note's Reference beside Invoice No) competes with nothing", () => {
    const header = ["Invoice No", "Customer", "Due Date", "Amount", "Type", "Reference"];
    const book = readBook([invoices(header, [["A", "Acme", DUE, 5, "Invoice", null]])], readOptions());
    expect(book.issues.filter((i) => i.code === "column.duplicate")).toEqual([]);
  });
});

describe("point 1 (engine side): notes an adapter attaches to a table become located issues", () => {
  it("reports a table's notes in the user's language, with the table named", () => {
    const t = invoices(["Invoice No", "Customer", "Due Date", "Amount"], [["A", "Acme", DUE, 1]]);
    t.notes = [{ severity: "warning", code: "table.stoppedAtBlock", row: 9, params: { row: 9, endRow: 12, lastRow: 7 } }];
    const en = readBook([t], readOptions());
    const zh = readBook([t], readOptions({ lang: "zh-CN" }));
    expect(en.issues).toEqual([expect.objectContaining({ sheet: "Invoices", row: 9, code: "table.stoppedAtBlock" })]);
    expect(en.issues[0]?.message).toContain("Rows 9–12 are not read");
    expect(zh.issues[0]?.message).toContain("第 9–12 行未读取");
  });
});
