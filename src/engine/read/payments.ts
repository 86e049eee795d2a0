/**
 * Reading the payment table into PaymentColumns.
 */
import { t } from "../../i18n";
import type { PaymentColumns, TableDetection } from "../types";
import { cellText } from "./normalize";
import { isTotalNumber } from "./values";
import { float64Column, int32Column } from "../columns";
import { moneyReader, readMoney } from "./amount";
import { isErrorValue, mayHaveDefect, rowDefect } from "./cells";
import { textColumn } from "./invoices";
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

/** Payment columns for every row of the table, cut to the rows used once they are read. */
function newPaymentColumns(detection: TableDetection): PaymentColumns {
  const n = detection.table.rows.length;
  return {
    length: 0,
    sheet: detection.table.sheet,
    row: int32Column(n),
    reference: new Array<string>(n),
    customer: int32Column(n),
    currency: int32Column(n),
    date: int32Column(n),
    amount: float64Column(n),
    invoiceNumber: textColumn(columnOf(detection, "invoiceNumber"), n),
  };
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
  let k = 0;

  for (let i = 0; i < n; i++) {
    const cells = rows[i];
    if (cells === undefined) {
      skipRow(state, table, i, cells, "heading");
      continue;
    }
    const customerText = cellText(cells[cCustomer]);
    const amountCell = cells[cAmount];
    const written = cReference >= 0 ? cellText(cells[cReference]) : null;
    const defect = mayHaveDefect(written, customerText) ? rowDefect(cells, written, customerText, cReference, cCustomer) : -1;
    if (defect >= 0) {
      report(state, "error", table, i, defect, isErrorValue(cells[defect]) ? "cell.error" : "cell.boolean");
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
