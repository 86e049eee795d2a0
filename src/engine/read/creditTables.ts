/**
 * The credit check's optional tables: open sales orders (not yet invoiced) and exchange rates.
 * They are recognised by their headings (English and Chinese) and name like the ledger's
 * tables, but read on their own: a book without them ages exactly as before, and detection of
 * the ledger's roles leaves them alone (see {@link isCreditSideTable}).
 *
 * - Orders: order no, customer, amount, optional currency and status. An order counts while its
 *   status is empty or anything but closed / invoiced / cancelled.
 * - Rates: from currency, optional to currency, rate — 1 unit of "from" is `rate` units of "to".
 *   Without a "to" column, every rate is to the book's default currency.
 */
import { t } from "../../i18n";
import { normalizeCurrency, currencyDecimals } from "../currency";
import { parseAmount, toMinor } from "../money";
import type { CellValue, Lang, RowIssue, Severity, TableData } from "../types";
import { cellAddress, cellText, isBlankCell, normalizeHeader } from "./normalize";
import { CUSTOMER_NAME_HEADINGS, recognizeHeader } from "./headers";
import { isTotalLabel } from "./values";

export type OrderField = "orderNumber" | "customer" | "amount" | "currency" | "status";
export type RateField = "from" | "to" | "rate";

/** Headings of the orders table, as ERP exports write them. */
export const ORDER_SYNONYMS: Readonly<Record<OrderField, readonly string[]>> = {
  orderNumber: [
    "Order No",
    "Order Number",
    "Order",
    "Order ID",
    "Order #",
    "Sales Order",
    "Sales Order No",
    "Sales Order Number",
    "SO",
    "SO No",
    "SO Number",
    "Sales Document",
    "Open Order",
    "订单号",
    "订单编号",
    "销售订单",
    "销售订单号",
    "销售订单编号",
    "订单",
  ],
  customer: [
    ...CUSTOMER_NAME_HEADINGS,
    "Sold To",
    "Sold To Party",
    "Bill To",
    "Name",
    "Buyer",
    "客户",
    "客户名称",
    "客户名",
    "购货单位",
    "购买方",
    "往来单位",
    "客商",
    "单位名称",
  ],
  amount: [
    "Amount",
    "Order Amount",
    "Order Value",
    "Net Value",
    "Value",
    "Total",
    "Open Amount",
    "Open Value",
    "Amt",
    "Unbilled Amount",
    "Amount Not Invoiced",
    "金额",
    "订单金额",
    "未开票金额",
    "价税合计",
    "含税金额",
    "未发货金额",
    "订单总额",
  ],
  currency: ["Currency", "Curr", "Ccy", "Crcy", "Currency Code", "Document Currency", "币种", "币别", "货币"],
  status: ["Status", "Order Status", "Delivery Status", "Billing Status", "状态", "订单状态", "单据状态"],
};

/** Headings of the rates table. */
export const RATE_SYNONYMS: Readonly<Record<RateField, readonly string[]>> = {
  from: ["From", "From Currency", "Currency", "Ccy", "Curr", "Source Currency", "Foreign Currency", "原币", "币种", "源币种", "外币"],
  to: ["To", "To Currency", "Target Currency", "Base Currency", "Limit Currency", "目标币种", "本位币", "记账本位币"],
  rate: ["Rate", "Exchange Rate", "FX Rate", "Conversion Rate", "Rate To Base", "汇率", "折算汇率", "兑换率"],
};

/** Table and sheet names of each table. */
const ORDER_NAMES = ["Orders", "Open Orders", "Sales Orders", "Order Book", "Backlog", "订单", "销售订单", "未发货订单", "在途订单"];
const RATE_NAMES = ["Rates", "FX", "FX Rates", "Exchange Rates", "Currency Rates", "汇率", "汇率表"];

/** Order statuses that no longer count towards exposure (invoiced orders are already in AR). */
const CLOSED_STATUSES = new Set(
  [
    "Invoiced",
    "Billed",
    "Fully Invoiced",
    "Closed",
    "Complete",
    "Completed",
    "Cancelled",
    "Canceled",
    "Void",
    "Rejected",
    "已开票",
    "已开发票",
    "已关闭",
    "关闭",
    "已取消",
    "取消",
    "已完成",
    "完成",
    "作废",
    "已作废",
  ].map(normalizeHeader),
);

/** One recognised column of an orders or rates table. */
export interface SideColumn<F extends string> {
  field: F;
  index: number;
  header: string;
}

/** A table recognised as orders or rates, with its columns. */
export interface SideTable<F extends string> {
  table: TableData;
  columns: SideColumn<F>[];
}

const normalized = <F extends string>(synonyms: Readonly<Record<F, readonly string[]>>): Map<string, F> => {
  const map = new Map<string, F>();
  for (const field of Object.keys(synonyms) as F[])
    for (const s of synonyms[field]) if (!map.has(normalizeHeader(s))) map.set(normalizeHeader(s), field);
  return map;
};
const ORDER_KEYS = normalized(ORDER_SYNONYMS);
const RATE_KEYS = normalized(RATE_SYNONYMS);

/** Columns whose heading equals a synonym (after normalising), each field once, leftmost first. */
function sideColumns<F extends string>(
  table: TableData,
  keys: ReadonlyMap<string, F>,
  overrides: Partial<Record<F, string>> = {},
): SideColumn<F>[] {
  const columns: SideColumn<F>[] = [];
  const taken = new Set<F>();
  for (const [field, wanted] of Object.entries(overrides) as [F, string | undefined][]) {
    const index = wanted === undefined ? -1 : table.header.findIndex((h) => normalizeHeader(h) === normalizeHeader(wanted));
    if (index >= 0) {
      columns.push({ field, index, header: String(table.header[index]) });
      taken.add(field);
    }
  }
  table.header.forEach((cell, index) => {
    const field = keys.get(normalizeHeader(cell));
    if (field === undefined || taken.has(field) || columns.some((c) => c.index === index)) return;
    taken.add(field);
    columns.push({ field, index, header: String(cell) });
  });
  return columns;
}

function nameSays(table: TableData, names: readonly string[]): boolean {
  const keys = names.map(normalizeHeader);
  return [table.name, table.sheet].some((n) => keys.includes(normalizeHeader(n)));
}

/** True when a heading names an invoice number: such a table is a ledger, whatever else it has. */
function hasInvoiceNumber(table: TableData): boolean {
  return table.header.some((h) =>
    recognizeHeader(h).some((m) => m.role === "invoices" && m.field === "invoiceNumber" && m.confidence >= 0.9),
  );
}

/**
 * The table as an orders table, or null: it needs order no, customer and amount columns, and
 * either an orders name or no invoice-number column (an invoice table with a "Sales Order"
 * reference column stays an invoice table).
 *
 * @example
 * ordersTable({ sheet: "Orders", name: "Orders", header: ["Order No", "Customer", "Amount"], rows: [], firstRow: 2, firstColumn: 0 })
 * // { table, columns: [orderNumber, customer, amount] }
 */
export function ordersTable(table: TableData): SideTable<OrderField> | null {
  const columns = sideColumns(table, ORDER_KEYS);
  const has = (f: OrderField) => columns.some((c) => c.field === f);
  if (!has("orderNumber") || !has("customer") || !has("amount")) return null;
  if (!nameSays(table, ORDER_NAMES) && hasInvoiceNumber(table)) return null;
  return { table, columns };
}

/**
 * The table as a rates table, or null: a rate column and a currency column, and a rates name or
 * at most four columns.
 *
 * @example
 * ratesTable({ sheet: "Rates", name: "Rates", header: ["From", "To", "Rate"], rows: [], firstRow: 2, firstColumn: 0 })
 * // { table, columns: [from, to, rate] }
 */
export function ratesTable(table: TableData): SideTable<RateField> | null {
  const columns = sideColumns(table, RATE_KEYS);
  if (!columns.some((c) => c.field === "rate") || !columns.some((c) => c.field === "from")) return null;
  if (!nameSays(table, RATE_NAMES) && table.header.length > 4) return null;
  return { table, columns };
}

/**
 * True when a table is the credit check's orders or rates table, so ledger detection skips it
 * (an orders table has a customer and an amount, like a payments table).
 *
 * @example
 * isCreditSideTable({ sheet: "Orders", name: "Orders", header: ["Sales Order", "Customer", "Amount"], rows: [], firstRow: 2, firstColumn: 0 }) // true
 */
export function isCreditSideTable(table: TableData): boolean {
  if (ordersTable(table) !== null) return true;
  return ratesTable(table) !== null;
}

/** Open sales orders, one entry per counted order, in source order. */
export interface OrderColumns {
  length: number;
  sheet: string;
  row: Int32Array;
  number: string[];
  /** Customer name as written. */
  customer: string[];
  /** ISO code; the default currency when the row names none. */
  currency: string[];
  /** Minor units of `currency`, positive. */
  amount: Float64Array;
}

/** Exchange rates: 1 `from` = `rate` `to`. */
export interface RateTable {
  rates: { from: string; to: string; rate: number }[];
}

/** What reading the credit tables produced. */
export interface CreditTables {
  orders: OrderColumns | null;
  rates: RateTable | null;
  issues: RowIssue[];
}

/** Options of {@link readCreditTables}. */
export interface CreditTablesOptions {
  lang: Lang;
  defaultCurrency: string;
  /** Table or sheet names to use instead of detection. */
  ordersTable?: string;
  ratesTable?: string;
}

function issue(
  lang: Lang,
  severity: Severity,
  table: TableData,
  i: number,
  column: number,
  code: string,
  params: Record<string, string> = {},
): RowIssue {
  const row = table.firstRow + i;
  const value: CellValue = table.rows[i]?.[column] ?? null;
  const header = String(table.header[column] ?? "");
  return {
    severity,
    sheet: table.sheet,
    row,
    column: header,
    cell: cellAddress(table.firstColumn + column, row),
    value,
    code,
    message: t(lang, code, { value: value === null ? "" : String(value), row, column: header, ...params }),
  };
}

const columnIndex = <F extends string>(side: SideTable<F>, field: F): number => side.columns.find((c) => c.field === field)?.index ?? -1;

/**
 * True when an order status no longer counts (invoiced, closed, cancelled).
 *
 * @example
 * isClosedOrderStatus("Invoiced") // true
 * isClosedOrderStatus("已取消")    // true
 * isClosedOrderStatus("Open")     // false
 */
export function isClosedOrderStatus(text: string): boolean {
  return CLOSED_STATUSES.has(normalizeHeader(text));
}

/** Reads the open orders of an orders table; bad rows become issues and are left out. */
export function readOrders(side: SideTable<OrderField>, lang: Lang, defaultCurrency: string): { orders: OrderColumns; issues: RowIssue[] } {
  const { table } = side;
  const n = table.rows.length;
  const cNumber = columnIndex(side, "orderNumber");
  const cCustomer = columnIndex(side, "customer");
  const cAmount = columnIndex(side, "amount");
  const cCurrency = columnIndex(side, "currency");
  const cStatus = columnIndex(side, "status");
  const orders: OrderColumns = {
    length: 0,
    sheet: table.sheet,
    row: new Int32Array(n),
    number: [],
    customer: [],
    currency: [],
    amount: new Float64Array(n),
  };
  const issues: RowIssue[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const cells = table.rows[i] ?? [];
    const number = cellText(cells[cNumber]);
    const customer = cellText(cells[cCustomer]);
    if (cells.every(isBlankCell) || (customer !== null && isTotalLabel(customer)) || (number !== null && isTotalLabel(number))) continue;
    if (customer === null) {
      issues.push(issue(lang, "error", table, i, cCustomer, "customer.missing"));
      continue;
    }
    const status = cStatus >= 0 ? cellText(cells[cStatus]) : null;
    if (status !== null && isClosedOrderStatus(status)) continue;
    const currencyText = cCurrency >= 0 ? cellText(cells[cCurrency]) : null;
    const currency = currencyText === null ? defaultCurrency : normalizeCurrency(currencyText, defaultCurrency);
    if (currency === null) {
      issues.push(issue(lang, "error", table, i, cCurrency, "currency.unknown"));
      continue;
    }
    const decimals = currencyDecimals(currency);
    const cell = cells[cAmount];
    let amount = typeof cell === "number" ? toMinor(cell, decimals) : NaN;
    if (amount !== amount) {
      const parsed = parseAmount(cell ?? null, decimals);
      if (!parsed.ok) {
        issues.push(issue(lang, "error", table, i, cAmount, parsed.code));
        continue;
      }
      amount = parsed.minor;
    }
    if (amount < 0) {
      issues.push(issue(lang, "error", table, i, cAmount, "credit.order.negative"));
      continue;
    }
    orders.row[k] = table.firstRow + i;
    orders.number.push(number ?? "");
    orders.customer.push(customer);
    orders.currency.push(currency);
    orders.amount[k] = amount;
    k++;
  }
  return { orders: { ...orders, length: k, row: orders.row.subarray(0, k), amount: orders.amount.subarray(0, k) }, issues };
}

/** Reads a rates table; a row without two known currencies and a positive rate is an issue. */
export function readRates(side: SideTable<RateField>, lang: Lang, defaultCurrency: string): { rates: RateTable; issues: RowIssue[] } {
  const { table } = side;
  const cFrom = columnIndex(side, "from");
  const cTo = columnIndex(side, "to");
  const cRate = columnIndex(side, "rate");
  const rates: RateTable["rates"] = [];
  const issues: RowIssue[] = [];
  table.rows.forEach((cells, i) => {
    if (cells.every(isBlankCell)) return;
    const fromText = cellText(cells[cFrom]);
    const toText = cTo >= 0 ? cellText(cells[cTo]) : null;
    const from = fromText === null ? null : normalizeCurrency(fromText, defaultCurrency);
    const to = toText === null ? defaultCurrency : normalizeCurrency(toText, defaultCurrency);
    if (from === null || to === null) {
      issues.push(issue(lang, "warning", table, i, from === null ? cFrom : cTo, "currency.unknown"));
      return;
    }
    const cell = cells[cRate];
    const rate = typeof cell === "number" ? cell : Number(cellText(cell)?.replace(/,/g, "") ?? NaN);
    if (!(rate > 0) || !Number.isFinite(rate)) {
      issues.push(issue(lang, "warning", table, i, cRate, "credit.rate.invalid"));
      return;
    }
    rates.push({ from, to, rate });
  });
  return { rates: { rates }, issues };
}

function pick<F extends string>(
  tables: readonly TableData[],
  wanted: string | undefined,
  recognise: (t: TableData) => SideTable<F> | null,
  lang: Lang,
  issues: RowIssue[],
): SideTable<F> | null {
  if (wanted !== undefined) {
    const table = tables.find(
      (x) => normalizeHeader(x.name) === normalizeHeader(wanted) || normalizeHeader(x.sheet) === normalizeHeader(wanted),
    );
    const side = table ? recognise(table) : null;
    if (!side)
      issues.push({
        severity: "error",
        sheet: "",
        row: null,
        column: null,
        cell: null,
        value: wanted,
        code: "credit.table.unknown",
        message: t(lang, "credit.table.unknown", { table: wanted }),
      });
    return side;
  }
  for (const table of tables) {
    const side = recognise(table);
    if (side) return side;
  }
  return null;
}

/**
 * Finds and reads the orders and rates tables among a workbook's tables (either may be absent).
 *
 * @example
 * const { orders, rates } = readCreditTables(tables, { lang: "en-US", defaultCurrency: "USD" });
 * orders?.amount[0] // minor units of the first open order
 */
export function readCreditTables(tables: readonly TableData[], options: CreditTablesOptions): CreditTables {
  const issues: RowIssue[] = [];
  const defaultCurrency = normalizeCurrency(options.defaultCurrency) ?? options.defaultCurrency.toUpperCase();
  const ordersSide = pick(tables, options.ordersTable, ordersTable, options.lang, issues);
  const ratesSide = pick(tables, options.ratesTable, ratesTable, options.lang, issues);
  const orders = ordersSide ? readOrders(ordersSide, options.lang, defaultCurrency) : null;
  const rates = ratesSide ? readRates(ratesSide, options.lang, defaultCurrency) : null;
  return {
    orders: orders?.orders ?? null,
    rates: rates?.rates ?? null,
    issues: [...issues, ...(orders?.issues ?? []), ...(rates?.issues ?? [])],
  };
}
