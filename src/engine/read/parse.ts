/**
 * Typed, columnar parsing of the detected tables into a Book.
 *
 * Reading order: customers first (invoices take terms, currency and sales rep from them), then
 * invoices, then payments. Per row, the hot path handles well-formed cells (numbers, trimmed
 * strings) without allocating; anything unusual drops to a slow path that produces a RowIssue.
 *
 * Rules that decide whether a row is used:
 * - blank rows, and rows with neither number, customer nor amount (section headings), are
 *   skipped silently; so are total rows (see values.ts);
 * - an invoice needs a number, a customer, a known currency, an amount and a due date (the due
 *   date column, else invoice date + terms from the row or the customer); a payment needs a
 *   customer, a date and an amount (a negative one is a refund). Otherwise: an "error" issue
 *   and an ExcludedRow with reason "invalid"; an Excel error value (#N/A) in a column the
 *   reader uses is such an error ("cell.error");
 * - every ledger row is accounted for in Book.accounting: counted, excluded, blank, or skipped
 *   as a named total/heading row;
 * - problems in optional fields are "warning" issues and leave the field empty;
 * - severity is "error" exactly when the row is left out.
 */
import { t } from "../../i18n";
import type { Book, ExcludedRow, ReadOptions, Role, TableAccounting, TableData, TableDetection } from "../types";
import { cellAddress } from "./normalize";
import { cellOfKey } from "./cells";
import { detectSources } from "./detect";
import { customerColumns, readCustomers } from "./customers";
import { emptyInvoices, readInvoices, readInvoiceTables } from "./invoices";
import { readPaymentTables, readPayments } from "./payments";
import { documentSheet } from "../columns";
import { newState } from "./state";

export { emptyInvoices } from "./invoices";
// ---------------------------------------------------------------------------------------------
// Book
// ---------------------------------------------------------------------------------------------

const KIND_ORDER: Record<ExcludedRow["kind"], number> = { invoice: 0, payment: 1 };

/**
 * Reads a workbook's tables into a columnar Book: detects the invoice, payment and customer
 * tables (see detectSources; `options.mapping` overrides), then parses each used table.
 * Every problem becomes a RowIssue in `options.lang`; unusable rows are listed in `excluded`
 * (sorted by kind, then sheet row) and the rest of the table still reads. A table missing a
 * required column is not read (one issue per missing column).
 *
 * @example
 * const book = readBook(
 *   [{ sheet: "Invoices", name: "Invoices", header: ["Invoice No", "Customer", "Due Date", "Amount"],
 *      rows: [["INV-1", "Acme", 46326, 1234.5]], firstRow: 2, firstColumn: 0 }],
 *   { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" },
 * );
 * book.invoices.amount[0] // 123450 (cents)
 * book.payments           // null: no payments table
 */
export function readBook(tables: TableData[], options: ReadOptions): Book {
  const plan = detectSources(tables, options.mapping, options.lang);
  const state = newState(options);
  const { sources } = plan;
  state.issues.push(...plan.issues);
  // What the adapters noticed: about ledger and customer tables, and any error (a broken CSV may detect as nothing).
  plan.detections.forEach((detection) => {
    for (const note of detection.table.notes ?? []) {
      if (detection.role === null && note.severity !== "error") continue;
      state.issues.push({
        severity: note.severity,
        sheet: detection.table.sheet,
        row: note.row,
        column: null,
        cell: null,
        value: null,
        code: note.code,
        message: t(state.lang, note.code, { table: detection.table.name, ...note.params }),
      });
    }
  });

  // Each role's tables: its source, and the tables read together with it (plan.joined).
  const partsOf = (role: Role): TableDetection[] => {
    const source = sources[role];
    return source && source.missing.length === 0 ? (plan.joined[role] ?? [source]) : [];
  };
  for (const part of partsOf("customers")) readCustomers(state, part);

  const invoicesSource = sources.invoices;
  const paymentsSource = sources.payments;
  const invoiceParts = partsOf("invoices");
  const paymentParts = partsOf("payments");
  const invoices =
    invoiceParts.length > 1
      ? readInvoiceTables(state, invoiceParts)
      : invoicesSource && invoiceParts.length === 1
        ? readInvoices(state, invoicesSource)
        : emptyInvoices(invoicesSource?.table.sheet ?? "");
  const payments =
    paymentParts.length > 1
      ? readPaymentTables(state, paymentParts)
      : paymentsSource && paymentParts.length === 1
        ? readPayments(state, paymentsSource)
        : null;

  const excluded = state.excluded
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.entry.row - b.entry.row || a.order - b.order)
    .map(({ entry }) => entry);

  namedUnsavedFormulas(state, sources);

  const accounting: TableAccounting[] = [];
  const account = (kind: TableAccounting["kind"], table: TableData, counted: number): void => {
    const skips = state.skips.get(table) ?? { blank: 0, skipped: [] };
    // Rows of this table: two tables may share a sheet, never a row.
    const inTable = (e: { sheet: string; row: number }): boolean =>
      e.sheet === table.sheet && e.row >= table.firstRow && e.row < table.firstRow + table.rows.length;
    const excludedRows =
      kind === "customer" ? state.customerExcluded.filter(inTable).length : excluded.filter((e) => e.kind === kind && inTable(e)).length;
    accounting.push({
      kind,
      sheet: table.sheet,
      table: table.name,
      rows: table.rows.length,
      counted,
      excluded: excludedRows,
      blank: skips.blank,
      skipped: skips.skipped,
    });
  };
  // Documents stored from `table`: all of them when it is the only one, else those on its sheet in its rows.
  const countedIn = (table: TableData, columns: { length: number; sheet: string; sheets?: string[]; row: Int32Array }): number => {
    if (!columns.sheets) return columns.length;
    let counted = 0;
    for (let k = 0; k < columns.length; k++) {
      const row = columns.row[k]!;
      if (documentSheet(columns, k) === table.sheet && row >= table.firstRow && row < table.firstRow + table.rows.length) counted++;
    }
    return counted;
  };
  for (const part of invoiceParts) account("invoice", part.table, countedIn(part.table, invoices));
  if (payments) for (const part of paymentParts) account("payment", part.table, countedIn(part.table, payments));
  for (const part of partsOf("customers")) account("customer", part.table, state.customersRead.get(part.table) ?? 0);

  const joined = Object.keys(plan.joined).length > 0 ? { joined: plan.joined } : {};
  return {
    ...joined,
    invoices,
    payments,
    accounting,
    customers: customerColumns(state.customers, state.customerByText),
    currencies: state.currencies,
    salesReps: state.salesReps,
    sources,
    excluded,
    issues: state.issues,
  };
}

/**
 * A warning for each formula without a saved value in a used column of a table read whose cell
 * no other issue named (it reads as empty, which may still matter: an empty PO, an empty
 * optional date). Cells an issue already named were named there, in place of "empty".
 */
function namedUnsavedFormulas(state: ReturnType<typeof newState>, sources: Partial<Record<Role, TableDetection>>): void {
  for (const role of ["invoices", "payments", "customers"] as const) {
    const source = sources[role];
    const table = source?.table;
    if (!source || !table?.unsavedFormulas || source.missing.length > 0) continue;
    const used = new Set(source.columns.map((c) => c.index));
    const named = state.formulasNamed.get(table);
    const keys = [...table.unsavedFormulas].filter((key) => !named?.has(key) && used.has(cellOfKey(key).c)).sort((a, b) => a - b);
    for (const key of keys) {
      const { i, c } = cellOfKey(key);
      const row = table.firstRow + i;
      const cell = cellAddress(table.firstColumn + c, row);
      const header = table.header[c];
      state.issues.push({
        severity: "warning",
        sheet: table.sheet,
        row,
        column: header === null || header === undefined ? null : String(header),
        cell,
        value: null,
        code: "cell.formulaNoValue",
        message: t(state.lang, "cell.formulaNoValue", { cell }),
      });
    }
  }
}
