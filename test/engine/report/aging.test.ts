import fc from "fast-check";
import { ageBook } from "../../../src/engine/aging";
import { agingSheets, moneyFormat } from "../../../src/engine/report/aging";
import type { AgingOptions, Book, Lang, SheetModel, SheetValue } from "../../../src/engine/types";
import { bookOf, serial, type BookSpec } from "../builders";
import { acmeSpec } from "../examples";

const options = (lang: Lang = "en-US"): AgingOptions => ({
  asOf: serial("2026-10-31"),
  basis: "due",
  boundaries: [30, 60, 90],
  autoApply: true,
  lang,
});
const sheetsOf = (spec: BookSpec | Book, lang: Lang = "en-US", byRep = false): SheetModel[] => {
  const book = "invoices" in spec && !Array.isArray(spec.invoices) ? (spec as Book) : bookOf(spec as BookSpec);
  return agingSheets(ageBook(book, options(lang)), lang, { byRep });
};
const byKind = (sheets: SheetModel[], kind: SheetModel["kind"]): SheetModel => sheets.find((s) => s.kind === kind)!;

const mixed: BookSpec = {
  customers: [{ name: "Acme", creditLimit: 5000, currency: "USD", salesRep: "Li" }],
  invoices: [
    ...acmeSpec.invoices,
    {
      number: "J-1",
      customer: "Sato",
      invoiceDate: "2026-06-01",
      dueDate: "2026-07-01",
      amount: 98765,
      currency: "JPY",
      salesRep: "Tanaka",
    },
    { number: "B-1", customer: "Beta", invoiceDate: "2026-10-01", dueDate: "2026-10-15", amount: 10.01 },
  ],
  payments: [...(acmeSpec.payments ?? []), { reference: "PX", customer: "Beta", date: "2026-10-02", amount: 5, invoiceNumber: "NOPE" }],
};

describe("agingSheets — names and structure", () => {
  it.each<[Lang, string[]]>([
    ["en-US", ["AR Aging 2026-10", "AR Aging Detail 2026-10", "AR Exceptions 2026-10"]],
    ["zh-CN", ["应收账龄 2026-10", "应收账龄明细 2026-10", "应收异常 2026-10"]],
  ])("names the sheets in %s", (lang, names) => {
    expect(sheetsOf(mixed, lang).map((s) => s.name)).toEqual(names);
  });

  it("adds the by-rep sheet on request, before the exceptions", () => {
    const sheets = sheetsOf(mixed, "en-US", true);
    expect(sheets.map((s) => s.kind)).toEqual(["aging-summary", "aging-detail", "aging-by-rep", "exceptions"]);
    const byRep = byKind(sheets, "aging-by-rep");
    expect(byRep.cells.slice(byRep.dataStart, byRep.totalsEnd).map((r) => [r[0], r[1], r[r.length - 1]])).toEqual([
      ["Tanaka", "JPY", 98765],
      ["Li", "USD", 1550],
      ["(no sales rep)", "USD", 5.01],
      ["Total", "JPY", 98765],
      ["Total", "USD", 1555.01],
    ]);
  });

  it.each<Lang>(["en-US", "zh-CN"])("keeps every row the same length and every range inside the grid (%s)", (lang) => {
    const sheets = sheetsOf(mixed, lang, true);
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) {
      const width = sheet.columns.length;
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      for (const row of sheet.cells) expect(row).toHaveLength(width);
      expect(sheet.dataStart).toBe(sheet.headerRow + 1);
      expect(sheet.dataStart <= sheet.dataEnd && sheet.dataEnd <= sheet.totalsEnd && sheet.totalsEnd <= sheet.cells.length).toBe(true);
      for (const { range } of [...sheet.formats, ...sheet.charts.map((c) => ({ range: c.source }))]) {
        expect(range.row + range.rowCount).toBeLessThanOrEqual(sheet.cells.length);
        expect(range.col + range.colCount).toBeLessThanOrEqual(width);
      }
      expect(sheet.freeze.rows).toBe(sheet.headerRow + 1);
      expect(sheet.formats).toContainEqual({ range: { row: sheet.headerRow, col: 0, rowCount: 1, colCount: width }, bold: true });
    }
  });
});

describe("Aging Summary", () => {
  const summary = byKind(sheetsOf(mixed), "aging-summary");

  it("has a title, the as-of date and the basis above the header", () => {
    expect(summary.cells.slice(0, 3).map((r) => r[0])).toEqual([
      "Accounts receivable aging summary",
      "As of 2026-10-31",
      "Aged by days past due date",
    ]);
    expect(summary.cells[summary.headerRow]).toEqual([
      "Customer",
      "Currency",
      "Sales rep",
      "Credit limit",
      "Current",
      "1-30",
      "31-60",
      "61-90",
      "90+",
      "Open",
      "Unapplied credit",
      "Net",
    ]);
  });

  it("writes one row per account, a totals row and a share row per currency", () => {
    expect(summary.cells.slice(summary.dataStart, summary.totalsEnd)).toEqual([
      ["Sato", "JPY", "Tanaka", null, 0, 0, 0, 0, 98765, 98765, 0, 98765],
      ["Acme", "USD", "Li", 5000, 1000, 300, 0, 250, 0, 1550, 0, 1550],
      ["Beta", "USD", null, null, 0, 5.01, 0, 0, 0, 5.01, 0, 5.01],
      ["Total", "JPY", null, null, 0, 0, 0, 0, 98765, 98765, 0, 98765],
      ["Total", "USD", null, null, 1000, 305.01, 0, 250, 0, 1555.01, 0, 1555.01],
    ]);
    const shares = summary.cells.slice(summary.totalsEnd, summary.totalsEnd + 2);
    expect(shares.map((r) => r.slice(0, 4))).toEqual([
      ["Share of total", "JPY", null, null],
      ["Share of total", "USD", null, null],
    ]);
    expect(shares[0]!.slice(4, 9)).toEqual([0, 0, 0, 0, 1]);
    [1000, 305.01, 0, 250, 0].forEach((v, b) => expect(shares[1]![4 + b]).toBeCloseTo(v / 1555.01, 12));
  });

  it("formats money, shares, totals and user text", () => {
    expect(summary.columns.map((c) => c.isText)).toEqual([true, true, true, false, false, false, false, false, false, false, false, false]);
    expect(summary.columns[4]!.numberFormat).toBe("#,##0.00;-#,##0.00");
    expect(summary.formats).toContainEqual({
      range: { row: summary.dataEnd, col: 0, rowCount: 2, colCount: 12 },
      bold: true,
      borderTop: true,
    });
    expect(summary.formats).toContainEqual({
      range: { row: summary.totalsEnd, col: 4, rowCount: 2, colCount: 5 },
      numberFormat: "0.0%",
      italic: true,
    });
    // The JPY rows of a mixed sheet show whole yen.
    expect(summary.formats).toContainEqual({ range: { row: summary.dataStart, col: 4, rowCount: 1, colCount: 1 }, numberFormat: "#,##0" });
  });

  it("puts the totals by currency under a title, one table per currency that ties to its Total row", () => {
    const titleRow = summary.cells.findIndex((r) => r[0] === "Totals by currency");
    expect(titleRow).toBeGreaterThan(summary.totalsEnd);
    expect(summary.formats).toContainEqual({ range: { row: titleRow, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 12 });
    const section = summary.cells.slice(titleRow + 1).filter((r) => r.some((v) => v !== null));
    expect(section).toEqual([
      [null, null, null, "Currency", "Current", "1-30", "31-60", "61-90", "90+", "Open", null, null],
      [null, null, null, "JPY", 0, 0, 0, 0, 98765, 98765, null, null],
      [null, null, null, "Currency", "Current", "1-30", "31-60", "61-90", "90+", "Open", null, null],
      [null, null, null, "USD", 1000, 305.01, 0, 250, 0, 1555.01, null, null],
    ]);
    // Each table repeats its currency's Total row (same buckets and open amount).
    const totals = summary.cells.slice(summary.dataEnd, summary.totalsEnd);
    expect(totals.length).toBe(2);
    for (const total of totals) {
      const table = section.find((r) => r[3] === total[1])!;
      expect(table.slice(4, 10)).toEqual(total.slice(4, 10));
    }
  });

  it.each<Lang>(["en-US", "zh-CN"])("draws one chart per currency, never two currencies on one axis (%s)", (lang) => {
    const sheet = byKind(sheetsOf(mixed, lang), "aging-summary");
    expect(sheet.cells.some((r) => r[0] === (lang === "en-US" ? "Totals by currency" : "按币种合计"))).toBe(true);
    expect(sheet.charts.map((c) => c.title)).toEqual(
      lang === "en-US"
        ? ["Open balance by aging bucket, JPY", "Open balance by aging bucket, USD"]
        : ["各账龄区间未结余额（JPY）", "各账龄区间未结余额（USD）"],
    );
    const anchors: number[] = [];
    for (const chart of sheet.charts) {
      const { row, col, rowCount, colCount } = chart.source;
      const block = sheet.cells.slice(row, row + rowCount).map((r) => r.slice(col, col + colCount));
      // A header of bucket labels and a single series: the chart's own currency.
      expect(chart.seriesBy).toBe("rows");
      expect(block).toHaveLength(2);
      expect(block[0]!.slice(1)).toEqual(
        ["Current", "1-30", "31-60", "61-90", "90+"].map((b) => (lang === "en-US" ? b : expect.any(String))),
      );
      expect(chart.title).toContain(String(block[1]![0]));
      expect(chart.anchor.row).toBeGreaterThanOrEqual(row + rowCount);
      anchors.push(chart.anchor.col);
    }
    // Side by side, each clear of the one before (Excel's default chart is 360 points wide).
    expect(anchors[0]).toBe(0);
    const points = (w: number) => (w * 7 + 5) * 0.75;
    const left = sheet.columns.slice(0, anchors[1]).reduce((sum, c) => sum + points(c.width), 0);
    expect(left).toBeGreaterThanOrEqual(360);
  });

  it("uses the currency's digits when the sheet has one currency", () => {
    const yen = byKind(
      sheetsOf({ invoices: [{ number: "J-1", customer: "Sato", invoiceDate: "2026-10-01", amount: 500, currency: "JPY" }] }),
      "aging-summary",
    );
    expect(yen.columns[4]!.numberFormat).toBe("#,##0");
    expect(moneyFormat(3)).toBe("#,##0.000;-#,##0.000");
  });

  it("labels everything in Chinese for zh-CN", () => {
    const zh = byKind(sheetsOf(mixed, "zh-CN"), "aging-summary");
    expect(zh.cells[1]![0]).toBe("截止日期：2026-10-31");
    expect(zh.cells[zh.headerRow]).toEqual([
      "客户",
      "币种",
      "业务员",
      "信用额度",
      "未到期",
      "1-30天",
      "31-60天",
      "61-90天",
      "90天以上",
      "未结金额",
      "未核销贷项",
      "净额",
    ]);
    expect(zh.cells[zh.dataEnd]![0]).toBe("合计");
  });
});

describe("Aging Detail", () => {
  const detail = byKind(sheetsOf(mixed), "aging-detail");

  it("writes one row per open item with serial dates and a per-currency total", () => {
    expect(detail.cells[detail.headerRow]).toEqual([
      "Invoice",
      "Customer",
      "Currency",
      "Sales rep",
      "Invoice date",
      "Due date",
      "Amount",
      "Applied",
      "Open",
      "Days overdue",
      "Bucket",
    ]);
    expect(detail.cells.slice(detail.dataStart, detail.totalsEnd)).toEqual([
      ["J-1", "Sato", "JPY", "Tanaka", serial("2026-06-01"), serial("2026-07-01"), 98765, 0, 98765, 122, "90+"],
      ["INV-3", "Acme", "USD", "Li", serial("2026-07-16"), serial("2026-08-15"), 250, 0, 250, 77, "61-90"],
      ["INV-2", "Acme", "USD", "Li", serial("2026-09-01"), serial("2026-10-01"), 500, 200, 300, 30, "1-30"],
      ["INV-1", "Acme", "USD", "Li", serial("2026-10-16"), serial("2026-11-15"), 1000, 0, 1000, -15, "Current"],
      ["B-1", "Beta", "USD", null, serial("2026-10-01"), serial("2026-10-15"), 10.01, 5, 5.01, 16, "1-30"],
      ["Total", null, "JPY", null, null, null, 98765, 0, 98765, null, null],
      ["Total", null, "USD", null, null, null, 1760.01, 205, 1555.01, null, null],
    ]);
  });

  it("formats dates, days and money, filters and freezes the header", () => {
    expect(detail.columns.map((c) => c.numberFormat)).toEqual([
      "General",
      "General",
      "General",
      "General",
      "yyyy-mm-dd",
      "yyyy-mm-dd",
      "#,##0.00;-#,##0.00",
      "#,##0.00;-#,##0.00",
      "#,##0.00;-#,##0.00",
      "0",
      "General",
    ]);
    expect(detail.columns.slice(0, 4).every((c) => c.isText)).toBe(true);
    expect(detail.filter).toBe(true);
    expect(detail.freeze).toEqual({ rows: detail.headerRow + 1, cols: 1 });
  });
});

describe("Exceptions", () => {
  it("lists issues, then excluded rows, in the report's language", () => {
    const en = byKind(sheetsOf(mixed), "exceptions");
    expect(en.cells[en.headerRow]).toEqual(["Severity", "Sheet", "Row", "Column", "Value", "Code", "Message"]);
    const rows = en.cells.slice(en.dataStart, en.dataEnd);
    expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
      ["Warning", "Payments", 4, "NOPE", "payment.invoice.unknown"],
      ["Excluded", "Payments", 3, "PAY-9", "excluded.after-as-of"],
    ]);
    expect(rows[1]![6]).toBe("Payment PAY-9 is dated after the as-of date and is not in this report.");
    const zh = byKind(sheetsOf(mixed, "zh-CN"), "exceptions");
    expect(zh.cells[zh.dataStart + 1]![0]).toBe("已排除");
    expect(zh.cells[zh.dataStart + 1]![6]).toBe("收款 PAY-9 的日期晚于截止日，未计入本报表。");
    expect(en.filter).toBe(true);
    expect(en.totalsEnd).toBe(en.dataEnd);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: totals rows equal the sum of the displayed data rows, to the cent
// ---------------------------------------------------------------------------------------------

const randomSpec = fc
  .array(
    fc.record({
      customer: fc.constantFrom("A", "B", "C", "D"),
      currency: fc.constantFrom("USD", "JPY", "BHD"),
      due: fc.constantFrom("2026-06-30", "2026-08-31", "2026-10-15", "2026-10-31", "2026-12-01"),
      units: fc.integer({ min: 1, max: 10_000_000 }),
      paid: fc.integer({ min: 0, max: 120 }),
    }),
    { maxLength: 25 },
  )
  .map((rows): BookSpec => {
    const scale = (currency: string): number => (currency === "JPY" ? 1 : currency === "BHD" ? 1000 : 100);
    return {
      invoices: rows.map((r, k) => ({
        number: `I-${k}`,
        customer: r.customer,
        currency: r.currency,
        invoiceDate: "2026-05-01",
        dueDate: r.due,
        amount: r.units / scale(r.currency),
      })),
      payments: rows.map((r, k) => ({
        reference: `P-${k}`,
        customer: r.customer,
        currency: r.currency,
        date: "2026-10-01",
        amount: Math.floor((r.units * r.paid) / 100) / scale(r.currency),
        invoiceNumber: k % 3 === 0 ? null : `I-${k}`,
      })),
    };
  });

/** Σ of displayed values, rounded to the currency's digits, the way a reader adds the column. */
function displayedSum(rows: SheetValue[][], col: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(rows.reduce((sum, row) => sum + Math.round(Number(row[col] ?? 0) * scale), 0)) / scale;
}

describe("agingSheets — properties", () => {
  it("every totals row equals the sum of the displayed data rows of its currency, to the minor unit", () => {
    const digits: Record<string, number> = { USD: 2, JPY: 0, BHD: 3 };
    fc.assert(
      fc.property(randomSpec, (spec) => {
        const sheets = sheetsOf(spec);
        const check = (sheet: SheetModel, currencyCol: number, moneyCols: number[]) => {
          const data = sheet.cells.slice(sheet.dataStart, sheet.dataEnd);
          for (const total of sheet.cells.slice(sheet.dataEnd, sheet.totalsEnd)) {
            const currency = String(total[currencyCol]);
            const mine = data.filter((row) => row[currencyCol] === currency);
            for (const col of moneyCols) expect(total[col]).toBe(displayedSum(mine, col, digits[currency]!));
          }
        };
        check(byKind(sheets, "aging-summary"), 1, [4, 5, 6, 7, 8, 9, 10, 11]);
        check(byKind(sheets, "aging-detail"), 2, [6, 7, 8]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("agingSheets — totals are formatted like the columns above them", () => {
  it("gives every money column's totals rows the money format", () => {
    const summary = byKind(sheetsOf(acmeSpec), "aging-summary");
    const moneyColumns = summary.columns.flatMap((c, col) => (c.numberFormat === moneyFormat(2) ? [col] : []));
    expect(moneyColumns.length).toBeGreaterThan(0);
    for (const col of moneyColumns) {
      const covering = summary.formats.filter(
        (f) =>
          f.numberFormat === moneyFormat(2) &&
          f.range.row <= summary.dataEnd &&
          f.range.row + f.range.rowCount >= summary.totalsEnd &&
          f.range.col <= col &&
          col < f.range.col + f.range.colCount,
      );
      expect(covering).not.toHaveLength(0);
    }
  });
});
