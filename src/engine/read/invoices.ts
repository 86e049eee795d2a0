/**
 * Reading the invoice table (invoices and credit notes) into InvoiceColumns.
 */
import { isoFromSerial } from "../dates";
import { formatMoney } from "../money";
import { dueDateFromTerms, type PaymentTerms } from "../terms";
import { NO_DATE, type InvoiceColumns, type TableData, type TableDetection } from "../types";
import { cellText, codeUnit } from "./normalize";
import { buildNumberIndex, nextWithNumber, numberHash } from "../numberIndex";
import { documentKind, isTotalNumber, rowHasTotalLabel, type DocumentKind } from "./values";
import { concatInt32, concatLedgers, documentSheet, float64Column, int32Column, uint8Column } from "../columns";
import { moneyReader, readMoney, readOptionalAmount, unstatedCurrencyRows } from "./amount";
import { errorRows, isErrorText, isErrorValue, mayHaveDefect, rowDefect } from "./cells";
import {
  columnOf,
  customerOfText,
  skipRow,
  DATE_EMPTY,
  dateCode,
  exclude,
  isNonDocumentRow,
  optionalText,
  readDate,
  report,
  salesRepOfText,
  termsOfText,
  TOTAL_ROW,
  type ReadState,
} from "./state";

const { abs } = Math;
// ---------------------------------------------------------------------------------------------
// Invoices
// ---------------------------------------------------------------------------------------------

/** An empty invoice ledger, for books without a usable invoice table. */
export function emptyInvoices(sheet: string): InvoiceColumns {
  return invoiceColumns(sheet, 0, [], []);
}

/**
 * Zeroed invoice columns for `n` documents of `sheet`, with the given number and reference
 * columns (pre-sized for filling, or empty for appending); `length` 0 until they are filled.
 * The descriptive columns start empty (descriptiveColumns reads them when asked).
 *
 * @example
 * invoiceColumns("Invoices", 2, new Array<string>(2), [null, null]).amount // Float64Array [0, 0]
 */
function invoiceColumns(sheet: string, n: number, number: string[], reference: (string | null)[]): InvoiceColumns {
  return {
    length: 0,
    sheet,
    row: int32Column(n),
    number,
    customer: int32Column(n),
    currency: int32Column(n),
    invoiceDate: int32Column(n),
    dueDate: int32Column(n),
    amount: float64Column(n),
    openAmount: float64Column(n),
    isCreditNote: uint8Column(n),
    reference,
    salesRep: int32Column(n),
    status: [],
    po: [],
    description: [],
  };
}

/** One invoice table read, before duplicates are looked for across the ledger. */
interface InvoicePart {
  table: TableData;
  columns: InvoiceColumns;
  /** numberHash of each stored document's number, taken in the row loop (null: not kept). */
  hashes: Int32Array | null;
  cNumber: number;
  text: Record<"status" | "po" | "description", number>;
}

/**
 * Reads the invoice table into InvoiceColumns.
 *
 * @example
 * readInvoices(state, plan.sources.invoices!).length // documents read
 */
export function readInvoices(state: ReadState, detection: TableDetection): InvoiceColumns {
  return finishInvoices(state, [readInvoicePart(state, detection)]);
}

/**
 * Reads several invoice tables as one ledger ("Invoices Jan", "Invoices Feb"): each row keeps
 * its own sheet (InvoiceColumns.sheets) and row, and an invoice number repeated across them for
 * one customer is a duplicate like one repeated inside a table.
 *
 * @example
 * readInvoiceTables(state, plan.joined.invoices!).sheets // ["Invoices Jan", …, "Invoices Feb", …]
 */
export function readInvoiceTables(state: ReadState, detections: readonly TableDetection[]): InvoiceColumns {
  return finishInvoices(
    state,
    detections.map((detection) => readInvoicePart(state, detection)),
  );
}

function readInvoicePart(state: ReadState, detection: TableDetection): InvoicePart {
  const table = detection.table;
  const rows = table.rows;
  const n = rows.length;
  const cNumber = columnOf(detection, "invoiceNumber");
  const cCustomer = columnOf(detection, "customer");
  const cInvoiceDate = columnOf(detection, "invoiceDate");
  const cDue = columnOf(detection, "dueDate");
  const cTerms = columnOf(detection, "terms");
  const cAmount = columnOf(detection, "amount");
  const cRep = columnOf(detection, "salesRep");
  const cType = columnOf(detection, "documentType");
  const cReference = columnOf(detection, "reference");
  const cOpen = columnOf(detection, "openAmount");
  const cStatus = columnOf(detection, "status");
  const cPo = columnOf(detection, "po");
  const cDescription = columnOf(detection, "description");

  // Text columns are allocated once at full size (no growth copies) and cut to length at the end;
  // a column the table does not have is filled with null in one pass afterwards.
  // Descriptive columns are read from the table when first asked for (descriptiveColumns).
  const out = invoiceColumns(table.sheet, n, new Array<string>(n), textColumn(cReference, n));
  const c = state.customers;
  // The columns and registries in locals: the row loop calls out to helpers, after which V8
  // would otherwise load each of them from its object again, a dozen times per row.
  const { row: rowOf, number: numberOf, customer: customerOf, currency: currencyOf, invoiceDate: invoiceDateOf, dueDate: dueDateOf } = out;
  const { amount: amountOf, openAmount: openAmountOf, isCreditNote: isCreditNoteOf, salesRep: salesRepOf } = out;
  const { reference: referenceOf } = out;
  const { decimals } = state;
  const { currency: customerCurrency, salesRep: customerRep, parsedTerms: customerTerms } = c;
  const firstRow = table.firstRow;
  // Each number is hashed for the duplicate check and the number index while its text is in
  // cache from being read here, rather than fetched again from a million scattered strings.
  const hashOf = int32Column(n);
  const documentKinds = new Map<string, DocumentKind | null>();
  let lastTypeText = "";
  let lastKind: DocumentKind | null = null;
  const money = moneyReader(state, detection);
  // Error values (#N/A) in any used column make the row an error; the columns the loop below
  // reads and checks anyway are searched by text only where the adapter could not list them.
  const textErrors = table.errorCells === undefined;
  const errors = errorRows(table, usedColumns(detection, money.cCurrency), [cTerms, cReference, cStatus, cPo, cDescription]);
  let k = 0;

  for (let i = 0; i < n; i++) {
    const cells = rows[i];
    if (cells === undefined) {
      skipRow(state, table, i, cells, "heading");
      continue;
    }
    const numberCell = cells[cNumber];
    const customerCell = cells[cCustomer];
    const number = cellText(numberCell);
    const customerText = cellText(customerCell);
    const amountCell = cells[cAmount];
    const defect = errors !== null ? (errors.get(i) ?? -1) : -1;
    if (defect >= 0) {
      report(state, "error", table, i, defect, "cell.error");
      exclude(state, "invoice", defect === cNumber ? null : number, table, i, "invalid");
      continue;
    }
    const typeDefect = mayHaveDefect(numberCell, customerCell, number, customerText, textErrors)
      ? rowDefect(cells, number, customerText, cNumber, cCustomer, textErrors)
      : -1;
    if (typeDefect >= 0) {
      report(state, "error", table, i, typeDefect, isErrorValue(cells[typeDefect]) && textErrors ? "cell.error" : "cell.boolean");
      exclude(state, "invoice", number, table, i, "invalid");
      continue;
    }
    if (number === null) {
      if (isNonDocumentRow(cells, customerText, amountCell)) {
        skipRow(state, table, i, cells, "heading");
        continue;
      }
      report(state, "error", table, i, cNumber, "invoiceNumber.missing");
      exclude(state, "invoice", null, table, i, "invalid");
      continue;
    }
    if (isTotalNumber(number)) {
      skipRow(state, table, i, cells, "total");
      continue;
    }
    if (customerText === null) {
      if (rowHasTotalLabel(cells)) {
        skipRow(state, table, i, cells, "total");
        continue;
      }
      report(state, "error", table, i, cCustomer, "customer.missing");
      exclude(state, "invoice", number, table, i, "invalid");
      continue;
    }
    const customer = customerOfText(state, customerText);
    if (customer === TOTAL_ROW) {
      skipRow(state, table, i, cells, "total");
      continue;
    }

    // Currency and amount: the one reader invoices and payments share (amount.ts).
    if (!readMoney(state, money, cells, i, customerCurrency[customer] ?? -1)) {
      exclude(state, "invoice", number, table, i, "invalid");
      continue;
    }
    let amount = money.minor;
    const currency = money.currency;
    // An error value in the rep, type or open amount column is an error for the row too. The
    // type cell's text is read once, here: an error value's text starts with "#", so only such a
    // text needs the full test.
    const repText = cRep >= 0 ? cellText(cells[cRep]) : null;
    const typeText = cType >= 0 ? cellText(cells[cType]) : null;
    const errorAt = !textErrors
      ? -1
      : isErrorText(repText)
        ? cRep
        : cOpen >= 0 && isErrorValue(cells[cOpen])
          ? cOpen
          : typeText !== null && codeUnit(typeText, 0) === 0x23 && isErrorValue(cells[cType])
            ? cType
            : -1;
    if (errorAt >= 0) {
      report(state, "error", table, i, errorAt, "cell.error");
      exclude(state, "invoice", number, table, i, "invalid");
      continue;
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
      // The due date is enough to age the document; the invoice date is only reported, unless
      // it is an error value, which is an error for the row wherever it is.
      if (textErrors && isErrorValue(invoiceCell)) {
        report(state, "error", table, i, cInvoiceDate, "cell.error");
        exclude(state, "invoice", number, table, i, "invalid");
        continue;
      }
      report(state, "warning", table, i, cInvoiceDate, dateCode(invoiceDate));
    }
    if (invoiceDate > 0 && dueDate < invoiceDate) {
      report(state, "warning", table, i, cDue, "dueDate.beforeInvoiceDate", {
        dueDate: isoFromSerial(dueDate),
        invoiceDate: isoFromSerial(invoiceDate),
      });
    }

    // Document type: typed as a credit note, or a negative amount.
    let credit = amount < 0;
    let flipped = false;
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

    let open = NaN;
    if (cOpen >= 0) {
      open = readOptionalAmount(state, table, i, cOpen, cells[cOpen], decimals[currency] ?? 2);
      if (flipped && open > 0) open = -open;
      if (open === open && (abs(open) > abs(amount) || (open !== 0 && open < 0 !== amount < 0))) {
        const code = state.currencies[currency] ?? "";
        report(state, "warning", table, i, cOpen, "openAmount.inconsistent", {
          open: formatMoney(open, code, state.lang),
          amount: formatMoney(amount, code, state.lang),
        });
      }
    }

    salesRepOf[k] = repText !== null ? salesRepOfText(state, repText) : (customerRep[customer] ?? -1);
    rowOf[k] = firstRow + i;
    numberOf[k] = number;
    hashOf[k] = numberHash(number);
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
  let stored = trimInvoices(out, k);
  // A table that shows several currencies without a currency column: rows that state none are errors.
  const unstated = unstatedCurrencyRows(state, money, {
    count: k,
    rowIndex: (j) => rowOf[j]! - firstRow,
    currency: currencyOf,
    customer: customerOf,
  });
  if (unstated.size > 0) {
    const drop = uint8Column(k);
    for (let j = 0; j < k; j++) if (unstated.has(rowOf[j]! - firstRow)) drop[j] = 1;
    stored = compactInvoices(state, stored, drop, "invalid");
  }
  const hashes = stored.length === k ? hashOf.subarray(0, k) : null;
  return { table, columns: stored, hashes, cNumber, text: { status: cStatus, po: cPo, description: cDescription } };
}

/** Where stored document k came from: its table, row index in it, and that table's number column. */
type Locate = (k: number) => { part: InvoicePart; i: number };

/**
 * The ledger from its tables' parts: one part as it is; several concatenated, each document
 * keeping its sheet. Then duplicates across the whole ledger, and the descriptive columns.
 */
function finishInvoices(state: ReadState, parts: readonly InvoicePart[]): InvoiceColumns {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only) {
    const firstRow = only.table.firstRow;
    const locate: Locate = (k) => ({ part: only, i: only.columns.row[k]! - firstRow });
    return descriptiveColumns(dropDuplicates(state, locate, only.columns, only.hashes), locate);
  }
  const merged = concatInvoices(parts);
  const hashes = concatInt32(
    parts.map((part) => part.hashes),
    merged.length,
  );
  const partOf = (k: number, columns: InvoiceColumns): InvoicePart => partHolding(parts, columns, k);
  const read = dropDuplicates(
    state,
    (k) => {
      const part = partOf(k, merged);
      return { part, i: merged.row[k]! - part.table.firstRow };
    },
    merged,
    hashes,
  );
  return descriptiveColumns(read, (k) => {
    const part = partOf(k, read);
    return { part, i: read.row[k]! - part.table.firstRow };
  });
}

/**
 * The part (table) stored document k came from. Two tables may share a sheet, never a row:
 * (sheet, row) finds it.
 */
function partHolding<P extends { table: TableData }>(parts: readonly P[], columns: InvoiceColumns, k: number): P {
  const sheet = documentSheet(columns, k);
  const row = columns.row[k]!;
  return parts.find((p) => p.table.sheet === sheet && row >= p.table.firstRow && row < p.table.firstRow + p.table.rows.length) ?? parts[0]!;
}

/**
 * Invoice columns that travelled without their descriptive texts (the task pane's engine worker
 * sends only the data columns) get them back, read on demand from the tables they were read
 * from — one table, or the several read together — by each document's sheet and row.
 *
 * @example
 * const invoices = withDescriptiveTexts(wireInvoices, [{ table, text: { status: 5, po: -1, description: 6 } }]);
 * invoices.status[0]; // the status cell of the first document's row
 */
export function withDescriptiveTexts(
  out: InvoiceColumns,
  tables: readonly { table: TableData; text: Record<"status" | "po" | "description", number> }[],
): InvoiceColumns {
  return descriptiveColumns(out, (k) => {
    const part = partHolding(tables, out, k);
    return { part, i: out.row[k]! - part.table.firstRow };
  });
}

/** The parts' columns one after the other, with each document's sheet. */
function concatInvoices(parts: readonly InvoicePart[]): InvoiceColumns {
  const n = parts.reduce((sum, part) => sum + part.columns.length, 0);
  const joined = { ...invoiceColumns(parts[0]!.columns.sheet, n, [], []), length: n, sheets: [] };
  return concatLedgers(
    parts.map((part) => part.columns),
    joined,
    ["row", "customer", "currency", "invoiceDate", "dueDate", "amount", "openAmount", "isCreditNote", "salesRep"],
    ["number", "reference"],
  );
}

/**
 * Gives the invoice columns their status, PO and description, read from the source table when
 * first asked for and kept from then on. No aging, credit or reconciliation figure depends on
 * them, and copying them out of the table row by row means touching a million mostly distinct
 * strings nothing else reads. The table is the Book's own source (Book.sources), which callers
 * already keep, so this holds nothing new alive.
 */
function descriptiveColumns(
  out: InvoiceColumns,
  locate: (k: number) => { part: { table: TableData; text: Record<"status" | "po" | "description", number> }; i: number },
): InvoiceColumns {
  const { length } = out;
  const readTexts = (field: "status" | "po" | "description"): (string | null)[] => {
    const texts = new Array<string | null>(length);
    for (let k = 0; k < length; k++) {
      const { part, i } = locate(k);
      const column = part.text[field];
      const cells = column >= 0 ? part.table.rows[i] : undefined;
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
      return (status ??= readTexts("status"));
    },
    set status(texts) {
      status = texts;
    },
    get po() {
      return (po ??= readTexts("po"));
    },
    set po(texts) {
      po = texts;
    },
    get description() {
      return (description ??= readTexts("description"));
    },
    set description(texts) {
      description = texts;
    },
  };
}

/**
 * Every column a detected table's reading uses: its mapped columns and the currency column found
 * by its values. Error values elsewhere in the row are not the run's business.
 *
 * @example
 * usedColumns(detection, -1) // [0, 1, 2, 3]
 */
export function usedColumns(detection: TableDetection, currencyColumn: number): number[] {
  const used = detection.columns.map((c) => c.index);
  if (currencyColumn >= 0 && !used.includes(currencyColumn)) used.push(currencyColumn);
  return used;
}

/**
 * A text column of n entries: sized for filling when the table has the column, all null when it
 * has not.
 */
export function textColumn(column: number, n: number): (string | null)[] {
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
function dropDuplicates(state: ReadState, locate: Locate, out: InvoiceColumns, hashes: Int32Array | null): InvoiceColumns {
  const n = out.length;
  const { number: numbers, customer, row } = out;
  // Reports an issue on stored document k's number cell, in its own table.
  const reportAt = (k: number, severity: "error" | "warning", code: string, params: Record<string, string | number>): void => {
    const { part, i } = locate(k);
    report(state, severity, part.table, i, part.cNumber, code, params);
  };
  // Documents whose number came before, as (document, first with the number) pairs. The index
  // reports them partition by partition; they are handled in ledger order so the issues are.
  const repeats: number[] = [];
  const index = buildNumberIndex(numbers, n, (k, first) => repeats.push(k, first), hashes ?? undefined);
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
      reportAt(k, "warning", "invoice.numberReused", {
        number: numbers[k]!,
        otherCustomer: state.customers.name[customer[earlier]!] ?? "",
        otherRow: row[earlier]!,
      });
      continue;
    }
    duplicate ??= uint8Column(n);
    if (duplicate[same] === 0) {
      duplicate[same] = 1;
      reportAt(same, "error", "invoice.duplicate", { number: numbers[same]!, otherRow: row[k]! });
    }
    duplicate[k] = 1;
    reportAt(k, "error", "invoice.duplicate", { number: numbers[k]!, otherRow: row[same]! });
  }
  if (duplicate === null) return { ...out, numberIndex: index };
  // Rare: the rows left shift, so their index is made again.
  const kept = compactInvoices(state, out, duplicate);
  return { ...kept, numberIndex: buildNumberIndex(kept.number, kept.length) };
}

/** Removes flagged documents, listing each as excluded with `reason` (their issues are already reported). */
function compactInvoices(
  state: ReadState,
  out: InvoiceColumns,
  drop: Uint8Array,
  reason: "duplicate" | "invalid" = "duplicate",
): InvoiceColumns {
  let k = 0;
  const number: string[] = [];
  const reference: (string | null)[] = [];
  const sheets: string[] | undefined = out.sheets ? [] : undefined;
  for (let j = 0; j < out.length; j++) {
    if (drop[j] === 1) {
      state.excluded.push({ kind: "invoice", id: out.number[j] ?? "", reason, sheet: documentSheet(out, j), row: out.row[j] ?? 0 });
      continue;
    }
    sheets?.push(documentSheet(out, j));
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
  return trimInvoices({ ...out, number, reference, ...(sheets ? { sheets } : {}) }, k);
}
