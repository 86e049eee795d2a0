/**
 * The credit check and the order check as use cases: age the workbook exactly as the aging does
 * (same tables, same as-of rule), check every customer against its limit, write "AR Credit", and
 * colour the customer table's rows by status on request.
 */
import { checkCredit, checkOrder, type CreditReport, type OrderCheck } from "../engine/credit/check";
import type { CreditPolicy } from "../engine/credit/status";
import { currencyDecimals } from "../engine/currency";
import { toMinor } from "../engine/money";
import { readCreditTables } from "../engine/read";
import { creditSheet } from "../engine/report/credit";
import { planHighlights, type CustomerTableArea } from "../engine/report/highlights";
import type { OrderColumns, RateTable } from "../engine/read/creditTables";
import type { Book, RowIssue } from "../engine/types";
import { computeAging, periodOf, type AgingRequest } from "./aging";
import type { PortTables, WorkbookPort } from "./port";
import type { MonthlyAgingProblem } from "./problemStore";

/** A credit check: the aging it rests on and the rules. */
export interface CreditRequest {
  aging: AgingRequest;
  policy: CreditPolicy;
  /** Net each customer's unapplied credit against its exposure. */
  netUnapplied: boolean;
  /** Extra tables holding orders and exchange rates (the CLI's --orders and --rates files). */
  sideTables?: PortTables["tables"];
  /** Write the "AR Credit" sheet (default true); activate it when written (default false). */
  write?: boolean;
  activate?: boolean;
}

/** A finished credit check. */
export interface CreditDone {
  ok: true;
  report: CreditReport;
  /** The sheet written, or null when not asked to write. */
  sheet: string | null;
  /** Where the customer table is, for highlights (null without one). */
  customerArea: CustomerTableArea | null;
  /** Problems reading the orders and rates tables. */
  sideIssues: RowIssue[];
  /** What the check read, so a front end can check again at another date without reading the workbook. */
  book: Book;
  orders: OrderColumns | null;
  rates: RateTable | null;
}

/**
 * Ages the workbook as the aging would, checks credit and writes "AR Credit" (not activated, so
 * the user stays where they are); stops with the aging's problem when the tables cannot be
 * picked, as the aging does.
 *
 * @example
 * const done = await runCreditCheck(port, { aging: requestFromSettings(settings, lang, today()), policy: DEFAULT_CREDIT_POLICY, netUnapplied: true });
 * if (done.ok) done.report.counts.over;
 */
export async function runCreditCheck(
  port: WorkbookPort,
  request: CreditRequest,
): Promise<CreditDone | { ok: false; problem: MonthlyAgingProblem }> {
  const aging = await computeAging(port, request.aging);
  if (!aging.ok) return { ok: false, problem: aging.problem };
  const { lang, defaultCurrency } = request.aging;
  const side = readCreditTables([...(request.sideTables ?? []), ...aging.tables.tables], { lang, defaultCurrency });
  const report = checkCredit(aging.report, {
    policy: request.policy,
    netUnapplied: request.netUnapplied,
    defaultCurrency,
    orders: side.orders,
    rates: side.rates,
    lang,
  });
  let sheet: string | null = null;
  if (request.write ?? true) {
    const model = creditSheet(report, lang);
    const written = await port.writeSheets([model], {
      period: model.period ?? periodOf(request.aging.asOf),
      activate: request.activate ?? false,
    });
    sheet = written.sheets[0] ?? null;
  }
  const customers = aging.book.sources.customers?.table;
  const customerArea = customers
    ? { sheet: customers.sheet, firstColumn: customers.firstColumn, columnCount: customers.header.length }
    : null;
  return { ok: true, report, sheet, customerArea, sideIssues: side.issues, book: aging.book, orders: side.orders, rates: side.rates };
}

/**
 * Colours the customer table's rows by credit status, replacing the earlier credit highlights
 * (other purposes' and the user's rules stay).
 *
 * @example
 * const { added } = await highlightCredit(port, done.report, done.customerArea);
 */
export async function highlightCredit(
  port: WorkbookPort,
  report: CreditReport,
  area: CustomerTableArea,
): Promise<{ added: number; removed: number }> {
  return port.setHighlights(
    "credit",
    planHighlights(report, area).map((run) => ({ sheet: area.sheet, address: run.address, fill: run.fill })),
  );
}

/**
 * Removes the credit highlights, and only those.
 *
 * @example
 * const { removed } = await clearCreditHighlights(port);
 */
export async function clearCreditHighlights(port: WorkbookPort): Promise<{ removed: number }> {
  return port.clearHighlights("credit");
}

/** An order to check: the customer as typed and the amount in major units of its currency. */
export interface OrderRequest {
  customer: string;
  amount: number;
  /** The currency of customers the report does not know. */
  defaultCurrency: string;
}

/**
 * The order check against a finished credit report: the customer is found case-insensitively,
 * the amount is converted to minor units of the customer's currency (the default currency for
 * a customer the report does not know).
 *
 * @example
 * orderCheck(report, { customer: " acme corp ", amount: 5000, defaultCurrency: "USD" }).status // e.g. "over"
 */
export function orderCheck(report: CreditReport, order: OrderRequest): OrderCheck {
  const name = order.customer.trim();
  const row = report.customers.find((c) => c.customer.toLowerCase() === name.toLowerCase());
  const currency = row?.currency ?? order.defaultCurrency;
  return checkOrder(report, name, toMinor(order.amount, currencyDecimals(currency)));
}
