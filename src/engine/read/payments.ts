/**
 * Reading the payment table into PaymentColumns.
 */
import { t } from "../../i18n";
import type { PaymentColumns, TableDetection } from "../types";
import { cellText } from "./normalize";
import { isTotalNumber } from "./values";
import { concatInt32, concatLedgers, float64Column, int32Column } from "../columns";
import { numberHash } from "../numberIndex";
import { moneyReader, readMoney, unstatedCurrencyRows } from "./amount";
import { errorRows, isErrorValue, mayHaveDefect, rowDefect } from "./cells";
import { textColumn, usedColumns } from "./invoices";
import {
  columnOf,
  customerOfText,
  skipRow,
  dateCode,
  exclude,
  isNonDocumentRow,
  optionalText,
  readDate,
  report,
  TOTAL_ROW,
  type ReadState,
} from "./state";
// ---------------------------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------------------------

/**
 * Zeroed payment columns for `n` receipts of `sheet`, with the given reference and invoice
 * number columns (pre-sized for filling, or empty for appending); `length` 0 until filled.
 *
 * @example
 * paymentColumns("Payments", 2, new Array<string>(2), [null, null]).amount // Float64Array [0, 0]
 */
function paymentColumns(sheet: string, n: number, reference: string[], invoiceNumber: (string | null)[]): PaymentColumns {
  return {
    length: 0,
    sheet,
    row: int32Column(n),
    reference,
    customer: int32Column(n),
    currency: int32Column(n),
    date: int32Column(n),
    amount: float64Column(n),
    invoiceNumber,
  };
}

/** Payment columns for every row of the table, cut to the rows used once they are read. */
function newPaymentColumns(detection: TableDetection): PaymentColumns {
  const n = detection.table.rows.length;
  return paymentColumns(detection.table.sheet, n, new Array<string>(n), textColumn(columnOf(detection, "invoiceNumber"), n));
}

export function readPayments(state: ReadState, detection: TableDetection): PaymentColumns {
  const table = detection.table;
  const rows = table.rows;
  const n = rows.length;
  const cReference = columnOf(detection, "paymentReference");
  const cCustomer = columnOf(detection, "customer");
  const cDate = columnOf(detection, "paymentDate");
  const cAmount = columnOf(detection, "amount");
  const cInvoice = columnOf(detection, "invoiceNumber");
  const out = newPaymentColumns(detection);
  // In locals for the row loop, as in readInvoices.
  const {
    row: rowOf,
    reference: references,
    customer: customerOf,
    currency: currencyOf,
    date: dateOf,
    amount: amountOf,
    invoiceNumber: invoiceNumberOf,
  } = out;
  const customerCurrency = state.customers.currency;
  const firstRow = table.firstRow;
  // "row {row}" split once around its placeholder: a generated reference costs one concatenation.
  const [before = "", after = ""] = t(state.lang, "payment.generatedReference").split("{row}");
  const money = moneyReader(state, detection);
  // Error values in any used column make the row an error (see readInvoices).
  const textErrors = table.errorCells === undefined;
  const errors = errorRows(table, usedColumns(detection, money.cCurrency), [cInvoice]);
  // Each named invoice number is hashed here, while its text is in cache from being read, for
  // cash application's lookup (PaymentColumns.invoiceNumberHash).
  const hashOf = int32Column(cInvoice >= 0 ? n : 0);
  let k = 0;

  for (let i = 0; i < n; i++) {
    const cells = rows[i];
    if (cells === undefined) {
      skipRow(state, table, i, cells, "heading");
      continue;
    }
    const customerCell = cells[cCustomer];
    const customerText = cellText(customerCell);
    const amountCell = cells[cAmount];
    const referenceCell = cReference >= 0 ? cells[cReference] : null;
    const written = cellText(referenceCell);
    const listed = errors !== null ? (errors.get(i) ?? -1) : -1;
    const defect =
      listed >= 0
        ? listed
        : mayHaveDefect(referenceCell, customerCell, written, customerText, textErrors)
          ? rowDefect(cells, written, customerText, cReference, cCustomer, textErrors)
          : -1;
    if (defect >= 0) {
      report(state, "error", table, i, defect, listed >= 0 || (textErrors && isErrorValue(cells[defect])) ? "cell.error" : "cell.boolean");
      exclude(state, "payment", written ?? before + String(table.firstRow + i) + after, table, i, "invalid");
      continue;
    }
    if (customerText === null) {
      if (isNonDocumentRow(cells, written, amountCell)) {
        skipRow(state, table, i, cells, "heading");
        continue;
      }
      report(state, "error", table, i, cCustomer, "customer.missing");
      exclude(state, "payment", written ?? before + String(table.firstRow + i) + after, table, i, "invalid");
      continue;
    }
    const customer = customerOfText(state, customerText);
    if (customer === TOTAL_ROW || (written !== null && isTotalNumber(written))) {
      skipRow(state, table, i, cells, "total");
      continue;
    }
    const reference = written ?? before + String(table.firstRow + i) + after;

    // Currency and amount: the one reader invoices and payments share (amount.ts).
    if (!readMoney(state, money, cells, i, customerCurrency[customer] ?? -1)) {
      exclude(state, "payment", reference, table, i, "invalid");
      continue;
    }
    const amount = money.minor;
    const currency = money.currency;
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
    if (cInvoice >= 0) {
      const invoiceNumber = optionalText(cells, cInvoice);
      invoiceNumberOf[k] = invoiceNumber;
      if (invoiceNumber !== null) hashOf[k] = numberHash(invoiceNumber);
    }
    k++;
  }
  // A table that shows several currencies without a currency column: rows that state none are errors.
  const unstated = unstatedCurrencyRows(state, money, {
    count: k,
    rowIndex: (j) => rowOf[j]! - firstRow,
    currency: currencyOf,
    customer: customerOf,
  });
  if (unstated.size > 0) {
    let kept = 0;
    for (let j = 0; j < k; j++) {
      if (unstated.has(rowOf[j]! - firstRow)) {
        state.excluded.push({ kind: "payment", id: references[j] ?? "", reason: "invalid", sheet: table.sheet, row: rowOf[j]! });
        continue;
      }
      rowOf[kept] = rowOf[j]!;
      references[kept] = references[j]!;
      customerOf[kept] = customerOf[j]!;
      currencyOf[kept] = currencyOf[j]!;
      dateOf[kept] = dateOf[j]!;
      amountOf[kept] = amountOf[j]!;
      invoiceNumberOf[kept] = invoiceNumberOf[j] ?? null;
      if (cInvoice >= 0) hashOf[kept] = hashOf[j]!;
      kept++;
    }
    k = kept;
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
    invoiceNumberHash: cInvoice >= 0 ? { numbers: out.invoiceNumber, hashes: hashOf.subarray(0, k) } : undefined,
  };
}

/**
 * Reads several payment tables as one ledger, each row keeping its own sheet
 * (PaymentColumns.sheets) and row.
 *
 * @example
 * readPaymentTables(state, plan.joined.payments!).length // receipts of every table
 */
export function readPaymentTables(state: ReadState, detections: readonly TableDetection[]): PaymentColumns {
  const parts = detections.map((detection) => readPayments(state, detection));
  const n = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = { ...paymentColumns(parts[0]?.sheet ?? "", n, [], []), length: n, sheets: [] };
  const read = concatLedgers(parts, joined, ["row", "customer", "currency", "date", "amount"], ["reference", "invoiceNumber"]);
  const hashes = concatInt32(
    parts.map((part) => (part.invoiceNumberHash?.numbers === part.invoiceNumber ? part.invoiceNumberHash.hashes : null)),
    n,
  );
  return hashes === null ? read : { ...read, invoiceNumberHash: { numbers: read.invoiceNumber, hashes } };
}
