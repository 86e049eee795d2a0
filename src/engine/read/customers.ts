/**
 * Reading the customer table: names, credit limits, currency, terms, sales rep, group, hold.
 */
import { currencyDecimals } from "../currency";
import type { CustomerColumns, TableDetection } from "../types";
import { cellText, normalizeKey } from "./normalize";
import { holdFlag, isTotalLabel, rowHasTotalLabel } from "./values";
import { readOptionalAmount } from "./amount";
import { errorRows } from "./cells";
import {
  columnOf,
  currencyOfText,
  customerIndexOf,
  isBlankRow,
  optionalText,
  skipRow,
  report,
  salesRepOfText,
  termsOfText,
  type CustomerBuilder,
  type ReadState,
} from "./state";
// ---------------------------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------------------------

export function readCustomers(state: ReadState, detection: TableDetection): void {
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
  // The customer table is small: every used column is searched for error values (#N/A), which
  // make the row an error rather than a customer with, say, no hold flag.
  const used = detection.columns.map((column) => column.index);
  const errors = errorRows(table, used, used);
  // Rows left out with an error, for the row accounting (customers have no ExcludedRow).
  const excluded = state.customerExcluded;
  let read = 0;
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    // A blank row has no name: tested only then, not on every customer's cells.
    if (!cells || (cellText(cells[cName]) === null && isBlankRow(cells))) {
      skipRow(state, table, i, cells, "heading");
      continue;
    }
    const errorAt = errors?.get(i);
    if (errorAt !== undefined) {
      report(state, "error", table, i, errorAt, "cell.error");
      excluded.push({ sheet: table.sheet, row: table.firstRow + i });
      continue;
    }
    const name = cellText(cells[cName]);
    if (name === null) {
      if (rowHasTotalLabel(cells)) skipRow(state, table, i, cells, "total");
      else {
        report(state, "error", table, i, cName, "customer.missing");
        excluded.push({ sheet: table.sheet, row: table.firstRow + i });
      }
      continue;
    }
    if (isTotalLabel(name)) {
      skipRow(state, table, i, cells, "total");
      continue;
    }
    const index = customerIndexOf(state, name);
    if (c.inTable[index] === 1) {
      report(state, "warning", table, i, cName, "customer.duplicate", { otherRow: c.row[index] ?? 0 });
      skipRow(state, table, i, cells, "duplicate");
      continue;
    }
    c.inTable[index] = 1;
    c.row[index] = table.firstRow + i;
    read++;
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
  state.customersRead.set(table, (state.customersRead.get(table) ?? 0) + read);
}

export function customerColumns(c: CustomerBuilder, byText?: ReadonlyMap<string, number>): CustomerColumns {
  return {
    length: c.name.length,
    name: c.name,
    index: c.index,
    ...(byText ? { byText } : {}),
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

/**
 * The index of the customer a text names (as the ledgers match names: case-, width- and
 * space-insensitively), undefined when none: the text as the ledgers spelled it is looked up
 * first, then its normalised key.
 *
 * @example
 * customerOfName(book.customers, "ACME  Corp") // the index of "Acme Corp"
 * customerOfName(book.customers, "Nobody")     // undefined
 */
export function customerOfName(customers: Pick<CustomerColumns, "index" | "byText">, text: string): number | undefined {
  const spelled = customers.byText?.get(text);
  if (spelled !== undefined && spelled >= 0) return spelled;
  return customers.index.get(normalizeKey(text));
}
