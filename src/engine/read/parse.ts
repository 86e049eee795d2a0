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
 *   customer, a date and a non-negative amount. Otherwise: an "error" issue and an
 *   ExcludedRow with reason "invalid";
 * - problems in optional fields are "warning" issues and leave the field empty;
 * - severity is "error" exactly when the row is left out.
 */
import { t } from "../../i18n";
import { normalizeCurrency, currencyDecimals } from "../currency";
import { isoFromSerial, MAX_SERIAL, parseDateCell, serialFrom1904, type DateCellOptions } from "../dates";
import { formatMoney, parseAmount, toMinor } from "../money";
import { dueDateFromTerms, parseTerms, type PaymentTerms } from "../terms";
import {
  NO_DATE,
  type Book,
  type CellValue,
  type CustomerColumns,
  type ExcludedRow,
  type Field,
  type InvoiceColumns,
  type Lang,
  type PaymentColumns,
  type ReadOptions,
  type RowIssue,
  type Severity,
  type TableData,
  type TableDetection,
} from "../types";
import { detectSources } from "./detect";
import { cellAddress, cellText, isBlankCell, normalizeKey } from "./normalize";
import { buildNumberIndex, nextWithNumber } from "../numberIndex";
import { documentKind, holdFlag, isTotalLabel, isTotalNumber, rowHasTotalLabel, type DocumentKind } from "./values";
import { float64Column, int32Column, uint8Column } from "../columns";

// Bound once: readDate runs twice per row, and a global `Math.x` lookup is slow in sandboxed runtimes.
const { abs, floor } = Math;

/** A cell of a row that may be shorter than its header. */
type Cell = CellValue | undefined;
type Row = readonly Cell[];

// Results of readDate that are not serials (serials are ≥ 1).
const DATE_EMPTY = -1;
const DATE_INVALID = -2;
const DATE_AMBIGUOUS = -3;
/** customerByText value for a customer cell that is a total label. */
const TOTAL_ROW = -2;
/** Amounts whose minor units exceed this cannot be summed exactly. */
const MAX_MINOR = Number.MAX_SAFE_INTEGER;

/** Growable customer columns; turned into CustomerColumns once every table is read. */
interface CustomerBuilder {
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
interface ReadState {
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
   * The last text each registry answered and its answer. Exports are often sorted by customer
   * and mostly in one currency, so the same text comes row after row; comparing it with the
   * last one is much cheaper than a Map lookup, which runs several times per row.
   */
  last: { customerText: string; customer: number; currencyText: string; currency: number; repText: string; rep: number };
}

function newState(options: ReadOptions): ReadState {
  return {
    lang: options.lang,
    dateOptions: { dateOrder: options.dateOrder, dateSystem: options.dateSystem },
    defaultCurrency: normalizeCurrency(options.defaultCurrency) ?? options.defaultCurrency.trim().toUpperCase(),
    issues: [],
    excluded: [],
    customers: {
      name: [], index: new Map(), creditLimit: [], currency: [], terms: [], parsedTerms: [], salesRep: [], group: [], segment: [],
      hold: [], inTable: [], row: [],
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
    // "" is never looked up (blank cells are null), so it is a safe "nothing yet".
    last: { customerText: "", customer: -1, currencyText: "", currency: -1, repText: "", rep: -1 },
  };
}

// ---------------------------------------------------------------------------------------------
// Issues
// ---------------------------------------------------------------------------------------------

/** Text of a cell for a message: as written, "" when empty. */
function displayValue(cell: Cell): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

/**
 * Records a problem at cell (row i, column `column`) of `table`. `column` -1 means the row as a
 * whole. The message gets {value}, {row} and {column} besides `params`.
 */
function report(
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
  const header = column >= 0 ? displayValue(table.header[column]) : null;
  state.issues.push({
    severity,
    sheet: table.sheet,
    row,
    column: header,
    cell: column >= 0 ? cellAddress(table.firstColumn + column, row) : null,
    value,
    code,
    message: t(state.lang, code, { value: displayValue(value), row, column: header ?? "", ...params }),
  });
}

function exclude(state: ReadState, kind: ExcludedRow["kind"], id: string | null, table: TableData, i: number, reason: ExcludedRow["reason"]): void {
  state.excluded.push({ kind, id: id ?? "", reason, sheet: table.sheet, row: table.firstRow + i });
}

// ---------------------------------------------------------------------------------------------
// Registries
// ---------------------------------------------------------------------------------------------

/** Index of an ISO currency code in the book, added on first use. */
function currencyIndexOf(state: ReadState, code: string): number {
  let index = state.currencyIndex.get(code);
  if (index === undefined) {
    index = state.currencies.length;
    state.currencies.push(code);
    state.decimals.push(currencyDecimals(code));
    state.currencyIndex.set(code, index);
  }
  return index;
}

/** Currency index of a currency cell's text, -1 when the text names no known currency. */
function currencyOfText(state: ReadState, text: string): number {
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
function customerIndexOf(state: ReadState, name: string): number {
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
function customerOfText(state: ReadState, text: string): number {
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
function salesRepOfText(state: ReadState, text: string): number {
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

function termsOfText(state: ReadState, text: string): PaymentTerms | null {
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
 * DATE_AMBIGUOUS. Numbers are handled inline, as parseDateCell does, because this runs twice
 * per row.
 */
function readDate(state: ReadState, cell: Cell): number {
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
    result = parsed.ok ? parsed.serial : parsed.code === "date.empty" ? DATE_EMPTY : parsed.code === "date.ambiguous" ? DATE_AMBIGUOUS : DATE_INVALID;
    state.dateByText.set(cell, result);
  }
  return result;
}

function dateCode(result: number): string {
  return result === DATE_AMBIGUOUS ? "date.ambiguous" : result === DATE_EMPTY ? "date.empty" : "date.invalid";
}

/** Result of the slow amount path. */
type AmountRead = { ok: true; minor: number; currency: number } | { ok: false; code: string; params?: Record<string, string> };

/**
 * Minor units of a number cell, or NaN when it is not a usable amount. The fast path of every
 * amount column.
 */
function minorOfNumber(value: number, decimals: number): number {
  const minor = toMinor(value, decimals);
  return minor <= MAX_MINOR && minor >= -MAX_MINOR ? minor : NaN;
}

/**
 * Reads an amount that is not a plain number: text with symbols and separators, or something
 * invalid. A currency written in the amount ("€ 100") decides the row's currency unless the row
 * names one in its currency column, in which case the two must agree.
 */
function readAmountSlow(state: ReadState, cell: Cell, currency: number, currencyFromColumn: boolean): AmountRead {
  const decimals = state.decimals[currency] ?? 2;
  const parsed = parseAmount(cell ?? null, decimals);
  if (!parsed.ok) return { ok: false, code: parsed.code };
  if (parsed.currencyText === null) return { ok: true, minor: parsed.minor, currency };
  const written = normalizeCurrency(parsed.currencyText, state.currencies[currency] ?? state.defaultCurrency);
  if (written === null || written === state.currencies[currency]) return { ok: true, minor: parsed.minor, currency };
  if (currencyFromColumn) return { ok: false, code: "amount.currencyConflict", params: { currency: state.currencies[currency] ?? "" } };
  const own = currencyIndexOf(state, written);
  const reparsed = parseAmount(cell ?? null, state.decimals[own] ?? 2);
  return reparsed.ok ? { ok: true, minor: reparsed.minor, currency: own } : { ok: false, code: reparsed.code };
}

/** An optional amount (open amount, credit limit): minor units, NaN when empty; bad text warns. */
function readOptionalAmount(state: ReadState, table: TableData, i: number, column: number, cell: Cell, decimals: number): number {
  if (typeof cell === "number") {
    const minor = minorOfNumber(cell, decimals);
    if (minor === minor) return minor;
  }
  if (isBlankCell(cell)) return NaN;
  const parsed = parseAmount(cell ?? null, decimals);
  if (parsed.ok) return parsed.minor;
  report(state, "warning", table, i, column, parsed.code);
  return NaN;
}

function columnOf(detection: TableDetection, field: Field): number {
  for (const column of detection.columns) if (column.field === field) return column.index;
  return -1;
}

/** Optional text of a column (-1 = no column). */
function optionalText(cells: Row, column: number): string | null {
  return column < 0 ? null : cellText(cells[column]);
}

function isBlankRow(cells: Row): boolean {
  for (const cell of cells) if (!isBlankCell(cell)) return false;
  return true;
}

/**
 * True when a row without a document number carries no document: blank, a section heading
 * (no customer and no amount), or a total row.
 */
function isNonDocumentRow(cells: Row, customerText: string | null, amountCell: Cell): boolean {
  if (customerText === null && isBlankCell(amountCell)) return true;
  if (customerText !== null && isTotalLabel(customerText)) return true;
  return rowHasTotalLabel(cells) || isBlankRow(cells);
}

// ---------------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------------

function readCustomers(state: ReadState, detection: TableDetection): void {
  const table = detection.table;
  const cName = columnOf(detection, "customer");
  const cLimit = columnOf(detection, "creditLimit");
  const cCurrency = columnOf(detection, "currency");
  const cTerms = columnOf(detection, "terms");
  const cRep = columnOf(detection, "salesRep");
  const cGroup = columnOf(detection, "group");
  const cSegment = columnOf(detection, "segment");
  const cHold = columnOf(detection, "hold");
  const c = state.customers;
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (!cells) continue;
    const name = cellText(cells[cName]);
    if (name === null) {
      if (!isBlankRow(cells) && !rowHasTotalLabel(cells)) report(state, "error", table, i, cName, "customer.missing");
      continue;
    }
    if (isTotalLabel(name)) continue;
    const index = customerIndexOf(state, name);
    if (c.inTable[index] === 1) {
      report(state, "warning", table, i, cName, "customer.duplicate", { otherRow: c.row[index] ?? 0 });
      continue;
    }
    c.inTable[index] = 1;
    c.row[index] = table.firstRow + i;
    c.name[index] = name;

    const currencyText = optionalText(cells, cCurrency);
    if (currencyText !== null) {
      const currency = currencyOfText(state, currencyText);
      if (currency < 0) report(state, "warning", table, i, cCurrency, "currency.unknown");
      c.currency[index] = currency;
    }
    if (cLimit >= 0) {
      const currency = c.currency[index] ?? -1;
      const decimals = currency >= 0 ? (state.decimals[currency] ?? 2) : currencyDecimals(state.defaultCurrency);
      c.creditLimit[index] = readOptionalAmount(state, table, i, cLimit, cells[cLimit], decimals);
    }
    const terms = optionalText(cells, cTerms);
    if (terms !== null) {
      c.terms[index] = terms;
      c.parsedTerms[index] = termsOfText(state, terms);
      if (c.parsedTerms[index] === null) report(state, "warning", table, i, cTerms, "terms.invalid");
    }
    const rep = optionalText(cells, cRep);
    if (rep !== null) c.salesRep[index] = salesRepOfText(state, rep);
    c.group[index] = optionalText(cells, cGroup);
    c.segment[index] = optionalText(cells, cSegment);
    if (cHold >= 0) {
      const hold = holdFlag(cells[cHold]);
      if (hold === null) report(state, "warning", table, i, cHold, "hold.invalid");
      c.hold[index] = hold === true ? 1 : 0;
    }
  }
}

function customerColumns(c: CustomerBuilder): CustomerColumns {
  return {
    length: c.name.length,
    name: c.name,
    index: c.index,
    creditLimit: Float64Array.from(c.creditLimit),
    currency: Int32Array.from(c.currency),
    terms: c.terms,
    salesRep: Int32Array.from(c.salesRep),
    group: c.group,
    segment: c.segment,
    hold: Uint8Array.from(c.hold),
    inTable: Uint8Array.from(c.inTable),
    row: Int32Array.from(c.row),
  };
}

// ---------------------------------------------------------------------------------------------
// Invoices
// ---------------------------------------------------------------------------------------------

/** An empty invoice ledger, for books without a usable invoice table. */
export function emptyInvoices(sheet: string): InvoiceColumns {
  return {
    length: 0, sheet, row: int32Column(0), number: [], customer: int32Column(0), currency: int32Column(0),
    invoiceDate: int32Column(0), dueDate: int32Column(0), amount: float64Column(0), openAmount: float64Column(0),
    isCreditNote: uint8Column(0), reference: [], salesRep: int32Column(0), status: [], po: [], description: [],
  };
}

function readInvoices(state: ReadState, detection: TableDetection): InvoiceColumns {
  const table = detection.table;
  const rows = table.rows;
  const n = rows.length;
  const cNumber = columnOf(detection, "invoiceNumber");
  const cCustomer = columnOf(detection, "customer");
  const cInvoiceDate = columnOf(detection, "invoiceDate");
  const cDue = columnOf(detection, "dueDate");
  const cTerms = columnOf(detection, "terms");
  const cAmount = columnOf(detection, "amount");
  const cCurrency = columnOf(detection, "currency");
  const cRep = columnOf(detection, "salesRep");
  const cType = columnOf(detection, "documentType");
  const cReference = columnOf(detection, "reference");
  const cOpen = columnOf(detection, "openAmount");
  const cStatus = columnOf(detection, "status");
  const cPo = columnOf(detection, "po");
  const cDescription = columnOf(detection, "description");

  // Text columns are allocated once at full size (no growth copies) and cut to length at the end;
  // a column the table does not have is filled with null in one pass afterwards.
  const out: InvoiceColumns = {
    length: 0, sheet: table.sheet, row: int32Column(n), number: new Array<string>(n), customer: int32Column(n),
    currency: int32Column(n), invoiceDate: int32Column(n), dueDate: int32Column(n), amount: float64Column(n),
    openAmount: float64Column(n), isCreditNote: uint8Column(n), reference: textColumn(cReference, n),
    // Descriptive columns are read from the table when first asked for (descriptiveColumns).
    salesRep: int32Column(n), status: [], po: [], description: [],
  };
  const c = state.customers;
  // The columns and registries in locals: the row loop calls out to helpers, after which V8
  // would otherwise load each of them from its object again, a dozen times per row.
  const { row: rowOf, number: numberOf, customer: customerOf, currency: currencyOf, invoiceDate: invoiceDateOf, dueDate: dueDateOf } = out;
  const { amount: amountOf, openAmount: openAmountOf, isCreditNote: isCreditNoteOf, salesRep: salesRepOf } = out;
  const { reference: referenceOf } = out;
  const { decimals } = state;
  const { currency: customerCurrency, salesRep: customerRep, parsedTerms: customerTerms } = c;
  const firstRow = table.firstRow;
  const documentKinds = new Map<string, DocumentKind | null>();
  let lastTypeText = "";
  let lastKind: DocumentKind | null = null;
  let defaultCurrency = -1;
  let k = 0;

  for (let i = 0; i < n; i++) {
    const cells = rows[i];
    if (cells === undefined) continue;
    const number = cellText(cells[cNumber]);
    const customerText = cellText(cells[cCustomer]);
    const amountCell = cells[cAmount];
    if (number === null) {
      if (isNonDocumentRow(cells, customerText, amountCell)) continue;
      report(state, "error", table, i, cNumber, "invoiceNumber.missing");
      exclude(state, "invoice", null, table, i, "invalid");
      continue;
    }
    if (isTotalNumber(number)) continue;
    if (customerText === null) {
      if (rowHasTotalLabel(cells)) continue;
      report(state, "error", table, i, cCustomer, "customer.missing");
      exclude(state, "invoice", number, table, i, "invalid");
      continue;
    }
    const customer = customerOfText(state, customerText);
    if (customer === TOTAL_ROW) continue;

    // Currency: the row's, else the customer's, else the book's default.
    let currency: number;
    let currencyFromColumn = false;
    const currencyText = cCurrency >= 0 ? cellText(cells[cCurrency]) : null;
    if (currencyText !== null) {
      currency = currencyOfText(state, currencyText);
      if (currency < 0) {
        report(state, "error", table, i, cCurrency, "currency.unknown");
        exclude(state, "invoice", number, table, i, "invalid");
        continue;
      }
      currencyFromColumn = true;
    } else {
      currency = customerCurrency[customer] ?? -1;
      if (currency < 0) {
        if (defaultCurrency < 0) defaultCurrency = currencyIndexOf(state, state.defaultCurrency);
        currency = defaultCurrency;
      }
    }

    let amount = typeof amountCell === "number" ? minorOfNumber(amountCell, decimals[currency] ?? 2) : NaN;
    if (amount !== amount) {
      const read = readAmountSlow(state, amountCell, currency, currencyFromColumn);
      if (!read.ok) {
        report(state, "error", table, i, cAmount, read.code, read.params);
        exclude(state, "invoice", number, table, i, "invalid");
        continue;
      }
      amount = read.minor;
      currency = read.currency;
    }

    // Dates: the due date column, else invoice date + terms (the row's, else the customer's).
    const invoiceCell = cInvoiceDate >= 0 ? cells[cInvoiceDate] : null;
    const invoiceDate = cInvoiceDate >= 0 ? readDate(state, invoiceCell) : DATE_EMPTY;
    const dueCell = cDue >= 0 ? cells[cDue] : null;
    let dueDate = cDue >= 0 ? readDate(state, dueCell) : DATE_EMPTY;
    if (dueDate === DATE_EMPTY) {
      if (invoiceDate < 0) {
        if (invoiceDate === DATE_EMPTY) report(state, "error", table, i, cDue >= 0 ? cDue : cInvoiceDate, "dueDate.missing");
        else report(state, "error", table, i, cInvoiceDate, dateCode(invoiceDate));
        exclude(state, "invoice", number, table, i, "invalid");
        continue;
      }
      const termsText = optionalText(cells, cTerms);
      let terms: PaymentTerms | null;
      if (termsText !== null) {
        terms = termsOfText(state, termsText);
        if (terms === null) {
          report(state, "error", table, i, cTerms, "terms.invalid");
          exclude(state, "invoice", number, table, i, "invalid");
          continue;
        }
      } else {
        terms = customerTerms[customer] ?? null;
        if (terms === null) {
          report(state, "error", table, i, cDue >= 0 ? cDue : cInvoiceDate, "dueDate.missing");
          exclude(state, "invoice", number, table, i, "invalid");
          continue;
        }
      }
      dueDate = dueDateFromTerms(invoiceDate, terms);
    } else if (dueDate < 0) {
      report(state, "error", table, i, cDue, dateCode(dueDate));
      exclude(state, "invoice", number, table, i, "invalid");
      continue;
    } else if (invoiceDate < 0 && cInvoiceDate >= 0) {
      // The due date is enough to age the document; the invoice date is only reported.
      report(state, "warning", table, i, cInvoiceDate, dateCode(invoiceDate));
    }
    if (invoiceDate > 0 && dueDate < invoiceDate) {
      report(state, "warning", table, i, cDue, "dueDate.beforeInvoiceDate", { dueDate: isoFromSerial(dueDate), invoiceDate: isoFromSerial(invoiceDate) });
    }

    // Document type: typed as a credit note, or a negative amount.
    let credit = amount < 0;
    let flipped = false;
    if (cType >= 0) {
      const typeText = cellText(cells[cType]);
      if (typeText !== null) {
        let kind: DocumentKind | null | undefined = typeText === lastTypeText ? lastKind : documentKinds.get(typeText);
        if (kind === undefined) {
          kind = documentKind(typeText);
          documentKinds.set(typeText, kind);
        }
        lastTypeText = typeText;
        lastKind = kind;
        if (kind === null) report(state, "warning", table, i, cType, "documentType.unknown");
        else if (kind === "credit") {
          credit = true;
          if (amount > 0) {
            amount = -amount;
            flipped = true;
          }
        }
      }
    }

    let open = NaN;
    if (cOpen >= 0) {
      open = readOptionalAmount(state, table, i, cOpen, cells[cOpen], decimals[currency] ?? 2);
      if (flipped && open > 0) open = -open;
      if (open === open && (abs(open) > abs(amount) || (open !== 0 && (open < 0) !== (amount < 0)))) {
        const code = state.currencies[currency] ?? "";
        report(state, "warning", table, i, cOpen, "openAmount.inconsistent", {
          open: formatMoney(open, code, state.lang),
          amount: formatMoney(amount, code, state.lang),
        });
      }
    }

    const repText = cRep >= 0 ? cellText(cells[cRep]) : null;
    salesRepOf[k] = repText !== null ? salesRepOfText(state, repText) : (customerRep[customer] ?? -1);
    rowOf[k] = firstRow + i;
    numberOf[k] = number;
    customerOf[k] = customer;
    currencyOf[k] = currency;
    invoiceDateOf[k] = invoiceDate > 0 ? invoiceDate : NO_DATE;
    dueDateOf[k] = dueDate;
    amountOf[k] = amount;
    openAmountOf[k] = open;
    isCreditNoteOf[k] = credit ? 1 : 0;
    if (cReference >= 0) referenceOf[k] = credit ? optionalText(cells, cReference) : null;
    k++;
  }
  const read = dropDuplicates(state, table, cNumber, trimInvoices(out, k));
  return descriptiveColumns(read, table, { status: cStatus, po: cPo, description: cDescription });
}

/**
 * Gives the invoice columns their status, PO and description, read from the source table when
 * first asked for and kept from then on. No aging, credit or reconciliation figure depends on
 * them, and copying them out of the table row by row (mostly distinct strings nothing else
 * touches) took ~6 % of reading's instructions at a million rows. The table is the Book's own
 * source (Book.sources), which callers already keep, so this holds nothing new alive.
 */
function descriptiveColumns(out: InvoiceColumns, table: TableData, columns: Record<"status" | "po" | "description", number>): InvoiceColumns {
  const { row, length } = out;
  const readTexts = (column: number): (string | null)[] => {
    const texts = new Array<string | null>(length);
    for (let k = 0; k < length; k++) {
      const cells = column >= 0 ? table.rows[row[k]! - table.firstRow] : undefined;
      texts[k] = cells ? optionalText(cells, column) : null;
    }
    return texts;
  };
  let status: (string | null)[] | null = null;
  let po: (string | null)[] | null = null;
  let description: (string | null)[] | null = null;
  // Accessors in the literal (not defineProperty afterwards), so the object keeps fast properties.
  const { status: _status, po: _po, description: _description, ...columnsRead } = out;
  return {
    ...columnsRead,
    get status() {
      return (status ??= readTexts(columns.status));
    },
    set status(texts) {
      status = texts;
    },
    get po() {
      return (po ??= readTexts(columns.po));
    },
    set po(texts) {
      po = texts;
    },
    get description() {
      return (description ??= readTexts(columns.description));
    },
    set description(texts) {
      description = texts;
    },
  };
}

/**
 * A text column of n entries: sized for filling when the table has the column, all null when it
 * has not.
 */
function textColumn(column: number, n: number): (string | null)[] {
  return column >= 0 ? new Array<string | null>(n) : new Array<string | null>(n).fill(null);
}

/** Cuts every column to the k stored documents (typed arrays as views, text arrays in place). */
function trimInvoices(out: InvoiceColumns, k: number): InvoiceColumns {
  out.number.length = k;
  out.reference.length = k;
  return {
    ...out,
    length: k,
    row: out.row.subarray(0, k),
    customer: out.customer.subarray(0, k),
    currency: out.currency.subarray(0, k),
    invoiceDate: out.invoiceDate.subarray(0, k),
    dueDate: out.dueDate.subarray(0, k),
    amount: out.amount.subarray(0, k),
    openAmount: out.openAmount.subarray(0, k),
    isCreditNote: out.isCreditNote.subarray(0, k),
    salesRep: out.salesRep.subarray(0, k),
  };
}

/**
 * Indexes the documents by number (see numberIndex.ts) and, on the way, finds invoice numbers
 * used twice for one customer (normalizeKey on the number): every such row is removed, with an
 * error on each; a number shared by different customers stays, with a warning on the later
 * row. The index goes into the columns for cash application.
 */
function dropDuplicates(state: ReadState, table: TableData, cNumber: number, out: InvoiceColumns): InvoiceColumns {
  const n = out.length;
  const { number: numbers, customer, row } = out;
  // Index into table.rows of stored document k, for its issues.
  const sourceOf = (k: number): number => row[k]! - table.firstRow;
  // Documents whose number came before, as (document, first with the number) pairs. The index
  // reports them partition by partition; they are handled in ledger order so the issues are.
  const repeats: number[] = [];
  const index = buildNumberIndex(numbers, n, (k, first) => repeats.push(k, first));
  const byLedgerOrder = Array.from({ length: repeats.length / 2 }, (_, r) => r).sort((a, b) => repeats[2 * a]! - repeats[2 * b]!);
  let duplicate: Uint8Array | null = null;
  for (const r of byLedgerOrder) {
    const k = repeats[2 * r]!;
    const earlier = repeats[2 * r + 1]!;
    // The number was seen before: the first document of this customer with it, if any.
    let same = -1;
    for (let j = earlier; j >= 0 && j !== k; j = nextWithNumber(index, j)) {
      if (customer[j] === customer[k]) {
        same = j;
        break;
      }
    }
    if (same < 0) {
      report(state, "warning", table, sourceOf(k), cNumber, "invoice.numberReused", {
        number: numbers[k]!,
        otherCustomer: state.customers.name[customer[earlier]!] ?? "",
        otherRow: row[earlier]!,
      });
      continue;
    }
    duplicate ??= uint8Column(n);
    if (duplicate[same] === 0) {
      duplicate[same] = 1;
      report(state, "error", table, sourceOf(same), cNumber, "invoice.duplicate", { number: numbers[same]!, otherRow: row[k]! });
    }
    duplicate[k] = 1;
    report(state, "error", table, sourceOf(k), cNumber, "invoice.duplicate", { number: numbers[k]!, otherRow: row[same]! });
  }
  if (duplicate === null) return { ...out, numberIndex: index };
  // Rare: the rows left shift, so their index is made again.
  const kept = compactInvoices(state, out, duplicate);
  return { ...kept, numberIndex: buildNumberIndex(kept.number, kept.length) };
}

/** Removes flagged documents, listing each as excluded with reason "duplicate". */
function compactInvoices(state: ReadState, out: InvoiceColumns, drop: Uint8Array): InvoiceColumns {
  let k = 0;
  const number: string[] = [];
  const reference: (string | null)[] = [];
  for (let j = 0; j < out.length; j++) {
    if (drop[j] === 1) {
      state.excluded.push({ kind: "invoice", id: out.number[j] ?? "", reason: "duplicate", sheet: out.sheet, row: out.row[j] ?? 0 });
      continue;
    }
    out.row[k] = out.row[j] ?? 0;
    out.customer[k] = out.customer[j] ?? 0;
    out.currency[k] = out.currency[j] ?? 0;
    out.invoiceDate[k] = out.invoiceDate[j] ?? NO_DATE;
    out.dueDate[k] = out.dueDate[j] ?? NO_DATE;
    out.amount[k] = out.amount[j] ?? 0;
    out.openAmount[k] = out.openAmount[j] ?? NaN;
    out.isCreditNote[k] = out.isCreditNote[j] ?? 0;
    out.salesRep[k] = out.salesRep[j] ?? -1;
    number.push(out.number[j] ?? "");
    reference.push(out.reference[j] ?? null);
    k++;
  }
  return trimInvoices({ ...out, number, reference }, k);
}

// ---------------------------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------------------------

/** Payment columns for every row of the table, cut to the rows used once they are read. */
function newPaymentColumns(detection: TableDetection): PaymentColumns {
  const n = detection.table.rows.length;
  return {
    length: 0, sheet: detection.table.sheet, row: int32Column(n), reference: new Array<string>(n), customer: int32Column(n),
    currency: int32Column(n), date: int32Column(n), amount: float64Column(n),
    invoiceNumber: textColumn(columnOf(detection, "invoiceNumber"), n),
  };
}

function readPayments(state: ReadState, detection: TableDetection): PaymentColumns {
  const table = detection.table;
  const rows = table.rows;
  const n = rows.length;
  const cReference = columnOf(detection, "paymentReference");
  const cCustomer = columnOf(detection, "customer");
  const cDate = columnOf(detection, "paymentDate");
  const cAmount = columnOf(detection, "amount");
  const cInvoice = columnOf(detection, "invoiceNumber");
  const cCurrency = columnOf(detection, "currency");
  const out = newPaymentColumns(detection);
  // In locals for the row loop, as in readInvoices.
  const { row: rowOf, reference: references, customer: customerOf, currency: currencyOf, date: dateOf, amount: amountOf, invoiceNumber: invoiceNumberOf } = out;
  const { decimals } = state;
  const customerCurrency = state.customers.currency;
  const firstRow = table.firstRow;
  // "row {row}" split once around its placeholder: a generated reference costs one concatenation.
  const [before = "", after = ""] = t(state.lang, "payment.generatedReference").split("{row}");
  let defaultCurrency = -1;
  let k = 0;

  for (let i = 0; i < n; i++) {
    const cells = rows[i];
    if (cells === undefined) continue;
    const customerText = cellText(cells[cCustomer]);
    const amountCell = cells[cAmount];
    const written = cReference >= 0 ? cellText(cells[cReference]) : null;
    if (customerText === null) {
      if (isNonDocumentRow(cells, written, amountCell)) continue;
      report(state, "error", table, i, cCustomer, "customer.missing");
      exclude(state, "payment", written ?? before + String(table.firstRow + i) + after, table, i, "invalid");
      continue;
    }
    const customer = customerOfText(state, customerText);
    if (customer === TOTAL_ROW || (written !== null && isTotalNumber(written))) continue;
    const reference = written ?? before + String(table.firstRow + i) + after;

    let currency: number;
    let currencyFromColumn = false;
    const currencyText = cCurrency >= 0 ? cellText(cells[cCurrency]) : null;
    if (currencyText !== null) {
      currency = currencyOfText(state, currencyText);
      if (currency < 0) {
        report(state, "error", table, i, cCurrency, "currency.unknown");
        exclude(state, "payment", reference, table, i, "invalid");
        continue;
      }
      currencyFromColumn = true;
    } else {
      currency = customerCurrency[customer] ?? -1;
      if (currency < 0) {
        if (defaultCurrency < 0) defaultCurrency = currencyIndexOf(state, state.defaultCurrency);
        currency = defaultCurrency;
      }
    }

    let amount = typeof amountCell === "number" ? minorOfNumber(amountCell, decimals[currency] ?? 2) : NaN;
    if (amount !== amount) {
      const read = readAmountSlow(state, amountCell, currency, currencyFromColumn);
      if (!read.ok) {
        report(state, "error", table, i, cAmount, read.code, read.params);
        exclude(state, "payment", reference, table, i, "invalid");
        continue;
      }
      amount = read.minor;
      currency = read.currency;
    }
    if (amount < 0) {
      report(state, "error", table, i, cAmount, "payment.negative");
      exclude(state, "payment", reference, table, i, "invalid");
      continue;
    }

    const date = readDate(state, cells[cDate]);
    if (date < 0) {
      report(state, "error", table, i, cDate, dateCode(date));
      exclude(state, "payment", reference, table, i, "invalid");
      continue;
    }

    rowOf[k] = firstRow + i;
    references[k] = reference;
    customerOf[k] = customer;
    currencyOf[k] = currency;
    dateOf[k] = date;
    amountOf[k] = amount === 0 ? 0 : amount;
    if (cInvoice >= 0) invoiceNumberOf[k] = optionalText(cells, cInvoice);
    k++;
  }
  references.length = k;
  out.invoiceNumber.length = k;
  return {
    ...out,
    reference: references,
    length: k,
    row: out.row.subarray(0, k),
    customer: out.customer.subarray(0, k),
    currency: out.currency.subarray(0, k),
    date: out.date.subarray(0, k),
    amount: out.amount.subarray(0, k),
  };
}

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

  const customersSource = sources.customers;
  if (customersSource && customersSource.missing.length === 0) readCustomers(state, customersSource);

  const invoicesSource = sources.invoices;
  const paymentsSource = sources.payments;
  const invoices =
    invoicesSource && invoicesSource.missing.length === 0 ? readInvoices(state, invoicesSource) : emptyInvoices(invoicesSource?.table.sheet ?? "");
  const payments = paymentsSource && paymentsSource.missing.length === 0 ? readPayments(state, paymentsSource) : null;

  const excluded = state.excluded
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.entry.row - b.entry.row || a.order - b.order)
    .map(({ entry }) => entry);

  return {
    invoices,
    payments,
    customers: customerColumns(state.customers),
    currencies: state.currencies,
    salesReps: state.salesReps,
    sources,
    excluded,
    issues: state.issues,
  };
}
