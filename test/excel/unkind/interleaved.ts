/**
 * A large book whose currencies alternate row by row (JPY 0 decimals, BHD 3, USD 2): the worst
 * case for per-run number formats, as the engine builds the aging detail from it.
 */
import { ageBook } from "../../../src/engine/aging";
import { readBook } from "../../../src/engine/read/parse";
import { agingSheets } from "../../../src/engine/report/aging";
import type { SheetModel, TableData } from "../../../src/engine/types";

const CURRENCIES = ["JPY", "BHD", "USD"] as const;
const AMOUNTS = { JPY: 125000, BHD: 12.345, USD: 1999.99 } as const;

/** The invoice table: `n` invoices, currency JPY, BHD, USD in turn. */
export function interleavedInvoices(n: number): TableData {
  const rows = Array.from({ length: n }, (_, i) => {
    const currency = CURRENCIES[i % 3]!;
    // Invoice dates from 2026-01-01 (46023) over 300 days, due 30 days later.
    const date = 46023 + (i % 300);
    return [`INV-${String(i + 1).padStart(6, "0")}`, `Customer ${i % 400}`, date, date + 30, AMOUNTS[currency], currency];
  });
  return {
    sheet: "Invoices",
    name: "tblInvoices",
    header: ["Invoice", "Customer", "Invoice date", "Due date", "Amount", "Currency"],
    rows,
    firstRow: 2,
    firstColumn: 0,
  };
}

/** The aging sheets of that book at 2026-10-31 (serial 46326). */
export function interleavedAgingSheets(n: number): SheetModel[] {
  const book = readBook([interleavedInvoices(n)], { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  if (book.issues.length > 0) throw new Error(`fixture has issues: ${book.issues.length}`);
  const report = ageBook(book, { asOf: 46326, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
  return agingSheets(report, "en-US");
}

/**
 * A sheet whose rows alternate JPY, BHD, USD row by row, formatted as the engine formats
 * multi-currency rows (one number-format range per run of rows of a non-2-decimal currency and
 * money column): the reconciliation sheet's pattern, where rows follow match keys, not currencies.
 */
export function alternatingCurrencyModel(n: number): SheetModel {
  const header = ["Key", "Customer", "Currency", "Amount A", "Amount B", "Difference"];
  const rows = Array.from({ length: n }, (_, i) => {
    const currency = CURRENCIES[i % 3]!;
    const amount = AMOUNTS[currency];
    return [`K-${i + 1}`, `Customer ${i % 400}`, currency, amount, amount, 0];
  });
  const dataStart = 3;
  const formats: SheetModel["formats"] = [{ range: { row: 2, col: 0, rowCount: 1, colCount: 6 }, bold: true, fill: "#DDEBF7" }];
  rows.forEach((row, i) => {
    const decimals = row[2] === "JPY" ? 0 : row[2] === "BHD" ? 3 : 2;
    if (decimals === 2) return;
    const format = decimals === 0 ? "#,##0" : "#,##0.000;-#,##0.000";
    for (const col of [3, 4, 5]) formats.push({ range: { row: dataStart + i, col, rowCount: 1, colCount: 1 }, numberFormat: format });
  });
  return {
    kind: "reconciliation",
    name: "AR Reconciliation",
    cells: [["AR Reconciliation", null, null, null, null, null], [null, null, null, null, null, null], header, ...rows],
    headerRow: 2,
    dataStart,
    dataEnd: dataStart + n,
    totalsEnd: dataStart + n,
    columns: [
      { width: 12, numberFormat: "@", isText: true },
      { width: 20, numberFormat: "@", isText: true },
      { width: 8, numberFormat: "@", isText: true },
      { width: 14, numberFormat: "#,##0.00;-#,##0.00", isText: false },
      { width: 14, numberFormat: "#,##0.00;-#,##0.00", isText: false },
      { width: 14, numberFormat: "#,##0.00;-#,##0.00", isText: false },
    ],
    formats,
    highlights: [],
    charts: [],
    freeze: { rows: 3, cols: 1 },
    filter: true,
  };
}
