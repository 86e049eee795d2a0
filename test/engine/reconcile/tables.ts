/**
 * Builders for reconciliation tests: two small tables written as a person reads them
 * (ISO dates, amounts in major units), and the options most tests share.
 */
import type { CellValue, TableData } from "../../../src/engine/types";
import { reconcile, type ReconcileOptions, type ReconcileRecord, type ReconcileResult } from "../../../src/engine/reconcile";

/** key, customer, date (ISO or null), amount (major units or text), currency (optional). */
export type Line = [key: CellValue, customer: CellValue, date: CellValue, amount: CellValue, currency?: CellValue];

export const A_HEADER = ["Invoice No", "Customer", "Invoice Date", "Amount", "Currency"];
export const B_HEADER = ["Reference", "Customer", "Date", "Amount", "Currency"];

/** A table whose data starts on sheet row 2 (row 1 is the header); short lines are padded with blanks. */
export function table(sheet: string, header: CellValue[], lines: readonly (readonly (CellValue | undefined)[])[]): TableData {
  const rows = lines.map((line) => {
    const row: CellValue[] = line.map((cell) => cell ?? null);
    while (row.length < header.length) row.push(null);
    return row;
  });
  return { sheet, name: sheet, header, rows, firstRow: 2, firstColumn: 0 };
}

export const BASE: ReconcileOptions = { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" };

/** Reconciles our invoices (sheet "Ours") against a statement (sheet "Theirs"). */
export function run(a: readonly Line[], b: readonly Line[], options: Partial<ReconcileOptions> = {}): ReconcileResult {
  return reconcile(table("Ours", A_HEADER, a), table("Theirs", B_HEADER, b), { ...BASE, ...options });
}

/** The record holding sheet row `row` of A (or of B). */
export function recordOf(result: ReconcileResult, side: "A" | "B", row: number): ReconcileRecord | undefined {
  return result.records.find((r) => (side === "A" ? r.aRows : r.bRows).includes(row));
}

/** Records without the fields a test does not look at. */
export function brief(result: ReconcileResult): { outcome: string; aRows: number[]; bRows: number[]; variance: number | null }[] {
  return result.records.map(({ outcome, aRows, bRows, variance }) => ({ outcome, aRows, bRows, variance }));
}
