/**
 * The state shared while reading one book (options, registries, caches, the issue list) and the
 * cell readers every table uses: dates, registries of customers, currencies and reps, issues.
 */
import { t } from "../../i18n";
import { normalizeCurrency, currencyDecimals } from "../currency";
import { MAX_SERIAL, parseDateCell, serialFrom1904, type DateCellOptions } from "../dates";
import { parseTerms, type PaymentTerms } from "../terms";
import type {
  CellValue,
  ExcludedRow,
  Field,
  Lang,
  ReadOptions,
  RowIssue,
  Severity,
  TableAccounting,
  TableData,
  TableDetection,
} from "../types";
import { cellAddress, cellText, isBlankCell, normalizeKey } from "./normalize";
import { isTotalLabel, rowHasTotalLabel } from "./values";
import { cellKey, isErrorCell } from "./cells";

// Bound once: readDate runs twice per row, and a global `Math.x` lookup is slow in sandboxed runtimes.
const { floor } = Math;

/** A cell of a row that may be shorter than its header. */
export type Cell = CellValue | undefined;
export type Row = readonly Cell[];

// Results of readDate that are not serials (serials are ≥ 1).
export const DATE_EMPTY = -1;
export const DATE_INVALID = -2;
export const DATE_AMBIGUOUS = -3;
/** customerByText value for a customer cell that is a total label. */
export const TOTAL_ROW = -2;
/** Amounts whose minor units exceed this cannot be summed exactly. */
export const MAX_MINOR = Number.MAX_SAFE_INTEGER;

/** Growable customer columns; turned into CustomerColumns once every table is read. */
export interface CustomerBuilder {
  name: string[];
  index: Map<string, number>;
  creditLimit: number[];
  currency: number[];
  terms: (string | null)[];
  parsedTerms: (PaymentTerms | null)[];
  salesRep: number[];
  group: (string | null)[];
  segment: (string | null)[];
  hold: number[];
  inTable: number[];
  row: number[];
}

/** Everything shared while reading one book: options, registries, caches and the issue list. */
export interface ReadState {
  lang: Lang;
  dateOptions: DateCellOptions;
  defaultCurrency: string;
  issues: RowIssue[];
  excluded: ExcludedRow[];
  customers: CustomerBuilder;
  /** Customer cell text as written -> customer index (or TOTAL_ROW): most rows repeat a name. */
  customerByText: Map<string, number>;
  currencies: string[];
  currencyIndex: Map<string, number>;
  decimals: number[];
  /** Currency cell text as written -> currency index, -1 when unknown. */
  currencyByText: Map<string, number>;
  salesReps: string[];
  salesRepIndex: Map<string, number>;
  salesRepByText: Map<string, number>;
  termsByText: Map<string, PaymentTerms | null>;
  /** Text date -> serial or DATE_* code: CSV books repeat the same few hundred dates. */
  dateByText: Map<string, number>;
  /**
   * Per currency index: the sum of the absolute amounts read so far (bounded by MAX_MINOR). A
   * typed array, grown as currencies are added, because every row reads and writes it: a plain
   * array here changes element kind as the sums grow and checks for holes on every read.
   */
  absoluteTotal: Float64Array;
  /** Cells of `TableData.unsavedFormulas` an issue already named, per table (the rest get a warning of their own). */
  formulasNamed: Map<TableData, Set<number>>;
  /** Blank and skipped rows per ledger table, for Book.accounting. */
  skips: Map<TableData, { blank: number; skipped: TableAccounting["skipped"] }>;
  /** Customer-table rows left out with an error issue (customers have no ExcludedRow), for Book.accounting. */
  customerExcluded: { sheet: string; row: number }[];
  /** Customers registered from each customer table, for Book.accounting. */
  customersRead: Map<TableData, number>;
  /**
   * The last text each registry answered and its answer. Exports are often sorted by customer
   * and mostly in one currency, so the same text comes row after row; comparing it with the
   * last one is much cheaper than a Map lookup, which runs several times per row.
   */
  last: { customerText: string; customer: number; currencyText: string; currency: number; repText: string; rep: number };
}

export function newState(options: ReadOptions): ReadState {
  return {
    lang: options.lang,
    dateOptions: { dateOrder: options.dateOrder, dateSystem: options.dateSystem },
    defaultCurrency: normalizeCurrency(options.defaultCurrency) ?? options.defaultCurrency.trim().toUpperCase(),
    issues: [],
    excluded: [],
    customers: {
      name: [],
      index: new Map(),
      creditLimit: [],
      currency: [],
      terms: [],
      parsedTerms: [],
      salesRep: [],
      group: [],
      segment: [],
      hold: [],
      inTable: [],
      row: [],
    },
    customerByText: new Map(),
    currencies: [],
    currencyIndex: new Map(),
    decimals: [],
    currencyByText: new Map(),
    salesReps: [],
    salesRepIndex: new Map(),
    salesRepByText: new Map(),
    termsByText: new Map(),
    dateByText: new Map(),
    absoluteTotal: new Float64Array(8),
    skips: new Map(),
    formulasNamed: new Map(),
    customerExcluded: [],
    customersRead: new Map(),
    // "" is never looked up (blank cells are null), so it is a safe "nothing yet".
    last: { customerText: "", customer: -1, currencyText: "", currency: -1, repText: "", rep: -1 },
  };
}

// ---------------------------------------------------------------------------------------------
// Issues
// ---------------------------------------------------------------------------------------------

/** Text of a cell for a message: as written, "" when empty. */
export function displayValue(cell: Cell): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

/**
 * Records a problem at cell (row i, column `column`) of `table`. `column` -1 means the row as a
 * whole. The message gets {value}, {row} and {column} besides `params`.
 */
export function report(
  state: ReadState,
  severity: Severity,
  table: TableData,
  i: number,
  column: number,
  code: string,
  params: Record<string, string | number> = {},
): void {
  const row = table.firstRow + i;
  const value: CellValue = column >= 0 ? (table.rows[i]?.[column] ?? null) : null;
  const cell = column >= 0 ? cellAddress(table.firstColumn + column, row) : null;
  if (column >= 0) {
    // A value that failed because it is an Excel error (#N/A, #REF! …) says so, whatever failed;
    // so does an empty value that is a formula Excel never saved a result for ("amount is empty"
    // would send the user looking for a value that is there in Excel).
    if (isErrorCell(table, i, column, value)) code = "cell.error";
    else if (table.unsavedFormulas !== undefined && isBlankCell(value) && table.unsavedFormulas.has(cellKey(i, column))) {
      code = "cell.formulaNoValue";
      let named = state.formulasNamed.get(table);
      if (!named) state.formulasNamed.set(table, (named = new Set()));
      named.add(cellKey(i, column));
    }
  }
  const header = column >= 0 ? displayValue(table.header[column]) : null;
  state.issues.push({
    severity,
    sheet: table.sheet,
    row,
    column: header,
    cell,
    value,
    code,
    message: t(state.lang, code, { value: displayValue(value), row, column: header ?? "", cell: cell ?? "", ...params }),
  });
}

/**
 * Records a problem of a table as a whole (row null): a column found by its values, a column
 * with mixed decimal marks, rows the adapter could not read. The message gets {table} besides
 * `params`.
 *
 * @example
 * tableNote(state, "warning", table, "currency.columnByValues", { column: "Code" })
 */
export function tableNote(
  state: ReadState,
  severity: Severity,
  table: TableData,
  code: string,
  params: Record<string, string | number> = {},
): void {
  state.issues.push({
    severity,
    sheet: table.sheet,
    row: null,
    column: typeof params.column === "string" ? params.column : null,
    cell: null,
    value: null,
    code,
    message: t(state.lang, code, { table: table.name, ...params }),
  });
}

/**
 * Records a row of a ledger table that is not a document, for the row accounting: blank, or a
 * total row / section heading (named with its reason). Only on the skip paths, never per row.
 *
 * @example
 * skipRow(state, table, i, ["Total", null, 999], "total") // Book.accounting lists the row as "total"
 */
export function skipRow(
  state: ReadState,
  table: TableData,
  i: number,
  cells: Row | undefined,
  reason: TableAccounting["skipped"][number]["reason"],
): void {
  let skips = state.skips.get(table);
  if (!skips) {
    skips = { blank: 0, skipped: [] };
    state.skips.set(table, skips);
  }
  if (cells === undefined || isBlankRow(cells)) skips.blank++;
  else skips.skipped.push({ row: table.firstRow + i, reason: reason === "heading" && rowHasTotalLabel(cells) ? "total" : reason });
}

export function exclude(
  state: ReadState,
  kind: ExcludedRow["kind"],
  id: string | null,
  table: TableData,
  i: number,
  reason: ExcludedRow["reason"],
): void {
  state.excluded.push({ kind, id: id ?? "", reason, sheet: table.sheet, row: table.firstRow + i });
}

// ---------------------------------------------------------------------------------------------
// Registries
// ---------------------------------------------------------------------------------------------

/** Index of an ISO currency code in the book, added on first use. */
export function currencyIndexOf(state: ReadState, code: string): number {
  let index = state.currencyIndex.get(code);
  if (index === undefined) {
    index = state.currencies.length;
    state.currencies.push(code);
    state.decimals.push(currencyDecimals(code));
    state.currencyIndex.set(code, index);
    if (index >= state.absoluteTotal.length) {
      const grown = new Float64Array(state.absoluteTotal.length * 2);
      grown.set(state.absoluteTotal);
      state.absoluteTotal = grown;
    }
  }
  return index;
}

/** Currency index of a currency cell's text, -1 when the text names no known currency. */
export function currencyOfText(state: ReadState, text: string): number {
  const last = state.last;
  if (text === last.currencyText) return last.currency;
  let index = state.currencyByText.get(text);
  if (index === undefined) {
    const code = normalizeCurrency(text, state.defaultCurrency);
    index = code === null ? -1 : currencyIndexOf(state, code);
    state.currencyByText.set(text, index);
  }
  last.currencyText = text;
  last.currency = index;
  return index;
}

/** Customer index for a name, adding the customer (with this spelling) when new. */
export function customerIndexOf(state: ReadState, name: string): number {
  const key = normalizeKey(name);
  const known = state.customers.index.get(key);
  if (known !== undefined) return known;
  const c = state.customers;
  const index = c.name.length;
  c.name.push(name);
  c.index.set(key, index);
  c.creditLimit.push(NaN);
  c.currency.push(-1);
  c.terms.push(null);
  c.parsedTerms.push(null);
  c.salesRep.push(-1);
  c.group.push(null);
  c.segment.push(null);
  c.hold.push(0);
  c.inTable.push(0);
  c.row.push(0);
  return index;
}

/** Customer index of an invoice or payment's customer cell text, or TOTAL_ROW. */
export function customerOfText(state: ReadState, text: string): number {
  const last = state.last;
  if (text === last.customerText) return last.customer;
  let index = state.customerByText.get(text);
  if (index === undefined) {
    index = isTotalLabel(text) ? TOTAL_ROW : customerIndexOf(state, text);
    state.customerByText.set(text, index);
  }
  last.customerText = text;
  last.customer = index;
  return index;
}

/** Sales rep index of a rep's name (matched like customers), added on first use. */
export function salesRepOfText(state: ReadState, text: string): number {
  const last = state.last;
  if (text === last.repText) return last.rep;
  let index = state.salesRepByText.get(text);
  if (index === undefined) {
    const key = normalizeKey(text);
    index = state.salesRepIndex.get(key);
    if (index === undefined) {
      index = state.salesReps.length;
      state.salesReps.push(text);
      state.salesRepIndex.set(key, index);
    }
    state.salesRepByText.set(text, index);
  }
  last.repText = text;
  last.rep = index;
  return index;
}

export function termsOfText(state: ReadState, text: string): PaymentTerms | null {
  let terms = state.termsByText.get(text);
  if (terms === undefined) {
    terms = parseTerms(text);
    state.termsByText.set(text, terms);
  }
  return terms;
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

/**
 * A date cell as a 1900-system serial (1904 books shifted), or DATE_EMPTY / DATE_INVALID /
 * DATE_AMBIGUOUS.
 *
 * @example
 * readDate(state, 46326.75) // 46326 (1900 book)
 * readDate(state, null)     // DATE_EMPTY
 */
export function readDate(state: ReadState, cell: Cell): number {
  // The usual date cell, a serial of a 1900 book, is answered here; this runs twice per row, and
  // kept this small it is inlined into the row loops without using up their inlining budget.
  if (typeof cell === "number" && cell >= 1 && cell < MAX_SERIAL + 1 && state.dateOptions.dateSystem === 1900) return floor(cell);
  return readDateSlow(state, cell);
}

/** readDate for everything but an in-range serial of a 1900 book: 1904 serials, text, errors. */
function readDateSlow(state: ReadState, cell: Cell): number {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return DATE_INVALID;
    let serial = floor(cell);
    if (state.dateOptions.dateSystem === 1904) {
      if (serial < 0) return DATE_INVALID;
      serial = serialFrom1904(serial);
    }
    return serial >= 1 && serial <= MAX_SERIAL ? serial : DATE_INVALID;
  }
  if (cell === null || cell === undefined) return DATE_EMPTY;
  if (typeof cell === "boolean") return DATE_INVALID;
  let result = state.dateByText.get(cell);
  if (result === undefined) {
    const parsed = parseDateCell(cell, state.dateOptions);
    result = parsed.ok
      ? parsed.serial
      : parsed.code === "date.empty"
        ? DATE_EMPTY
        : parsed.code === "date.ambiguous"
          ? DATE_AMBIGUOUS
          : DATE_INVALID;
    state.dateByText.set(cell, result);
  }
  return result;
}

export function dateCode(result: number): string {
  return result === DATE_AMBIGUOUS ? "date.ambiguous" : result === DATE_EMPTY ? "date.empty" : "date.invalid";
}

export function columnOf(detection: TableDetection, field: Field): number {
  for (const column of detection.columns) if (column.field === field) return column.index;
  return -1;
}

/** Optional text of a column (-1 = no column). */
export function optionalText(cells: Row, column: number): string | null {
  return column < 0 ? null : cellText(cells[column]);
}

export function isBlankRow(cells: Row): boolean {
  for (const cell of cells) if (!isBlankCell(cell)) return false;
  return true;
}

/**
 * True when a row without a document number carries no document: blank, a section heading
 * (no customer and no amount), or a total row.
 */
export function isNonDocumentRow(cells: Row, customerText: string | null, amountCell: Cell): boolean {
  if (customerText === null && isBlankCell(amountCell)) return true;
  if (customerText !== null && isTotalLabel(customerText)) return true;
  return rowHasTotalLabel(cells) || isBlankRow(cells);
}
