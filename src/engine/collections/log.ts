/**
 * The follow-up log: the user's own table "AR Follow-ups" / "催收记录", one row per contact,
 * promise, dispute or plan instalment. Headings, types and statuses are recognised in English
 * and Chinese; every row that cannot be used becomes a RowIssue naming sheet, row, column and
 * value, and the rest of the log still counts.
 *
 * Columns: date, customer, invoice (optional), type, amount, until (promise / follow-up date),
 * status (open / resolved), by, note, and an optional currency.
 */
import { t } from "../../i18n";
import { currencyDecimals, normalizeCurrency } from "../currency";
import { parseDateCell } from "../dates";
import { parseAmount } from "../money";
import { buildNumberIndex, firstWithNumber, nextWithNumber } from "../numberIndex";
import { customerOfName } from "../read/customers";
import { cellAddress, cellText, isBlankCell, normalizeHeader } from "../read/normalize";
import type { Book, CellValue, DateOrder, Lang, RowIssue, Severity, TableData } from "../types";
import { NO_DATE } from "../types";

/** What a log row records. `plan` is one instalment of an agreed payment plan. */
export type FollowUpType = "call" | "email" | "letter" | "visit" | "note" | "promise" | "dispute" | "plan";

/** Every type, in the order the pane offers them. */
export const FOLLOW_UP_TYPES: readonly FollowUpType[] = ["call", "email", "letter", "visit", "note", "promise", "dispute", "plan"];

/** Columns of the log. */
export type FollowUpField = "date" | "customer" | "invoice" | "type" | "amount" | "until" | "status" | "by" | "note" | "currency";

/** The log's columns in the order AR Desk creates them. */
export const FOLLOW_UP_FIELDS: readonly FollowUpField[] = [
  "date",
  "customer",
  "invoice",
  "type",
  "amount",
  "until",
  "status",
  "by",
  "note",
];

/** Headings of the log, as people write them; compared after normalizeHeader. */
export const FOLLOW_UP_SYNONYMS: Readonly<Record<FollowUpField, readonly string[]>> = {
  date: ["Date", "Contact Date", "Log Date", "Entry Date", "日期", "记录日期", "联系日期", "催收日期"],
  customer: ["Customer", "Customer Name", "Client", "Client Name", "Account", "Account Name", "客户", "客户名称", "客户名", "单位名称"],
  invoice: ["Invoice", "Invoice No", "Invoice Number", "Inv No", "Inv #", "Document No", "发票", "发票号", "发票号码", "单据编号"],
  type: ["Type", "Action", "Activity", "Contact Type", "类型", "方式", "催收方式", "记录类型"],
  amount: ["Amount", "Promised Amount", "Disputed Amount", "Amt", "金额", "承诺金额", "争议金额"],
  until: [
    "Until",
    "Promise Date",
    "Promised Date",
    "Follow-up Date",
    "Follow Up Date",
    "Next Date",
    "Pay By",
    "承诺日期",
    "承诺付款日",
    "跟进日期",
    "下次跟进",
    "截止日期",
  ],
  status: ["Status", "State", "状态"],
  by: ["By", "Owner", "Collector", "User", "Logged By", "记录人", "跟进人", "经办人", "催收人"],
  note: ["Note", "Notes", "Comment", "Comments", "Remarks", "备注", "说明"],
  currency: ["Currency", "Curr", "Ccy", "币种", "币别", "货币"],
};

/** Table or sheet names of the log. */
export const FOLLOW_UP_NAMES: readonly string[] = [
  "AR Follow-ups",
  "AR Follow ups",
  "Follow-ups",
  "Follow ups",
  "FollowUps",
  "催收记录",
  "跟进记录",
  "催收日志",
];

/** Words of each type, English and Chinese. */
const TYPE_WORDS: Readonly<Record<FollowUpType, readonly string[]>> = {
  call: ["call", "phone", "phone call", "电话", "电话催收", "致电"],
  email: ["email", "e-mail", "mail", "邮件", "电子邮件"],
  letter: ["letter", "notice", "函件", "催款函", "书面催收", "律师函"],
  visit: ["visit", "meeting", "拜访", "上门", "上门催收"],
  note: ["note", "memo", "备注", "记录"],
  promise: ["promise", "promise to pay", "ptp", "承诺", "承诺付款"],
  dispute: ["dispute", "disputed", "争议"],
  plan: ["plan", "instalment", "installment", "payment plan", "分期", "分期付款"],
};

const OPEN_WORDS = ["open", "pending", "active", "未结", "未完成", "进行中", "未解决"];
const RESOLVED_WORDS = ["resolved", "closed", "done", "settled", "已结", "已完成", "已解决", "关闭", "已关闭"];

const byKey = <T extends string>(words: Readonly<Record<T, readonly string[]>>): Map<string, T> => {
  const map = new Map<string, T>();
  for (const key of Object.keys(words) as T[])
    for (const w of words[key]) if (!map.has(normalizeHeader(w))) map.set(normalizeHeader(w), key);
  return map;
};
const FIELD_KEYS = byKey(FOLLOW_UP_SYNONYMS);
const TYPE_KEYS = byKey(TYPE_WORDS);
const STATUS_KEYS = byKey({ open: OPEN_WORDS, resolved: RESOLVED_WORDS });
const NAME_KEYS = new Set(FOLLOW_UP_NAMES.map(normalizeHeader));

/**
 * The type a cell names, or null.
 *
 * @example
 * followUpType("Promise") // "promise"
 * followUpType("分期")     // "plan"
 * followUpType("fax")     // null
 */
export function followUpType(cell: CellValue): FollowUpType | null {
  return TYPE_KEYS.get(normalizeHeader(cell)) ?? null;
}

/**
 * The status a cell names: "open" / "resolved" (未结 / 已结); blank is open; null when unknown.
 *
 * @example
 * followUpStatus("已结") // "resolved"
 * followUpStatus(null)  // "open"
 */
export function followUpStatus(cell: CellValue): "open" | "resolved" | null {
  if (isBlankCell(cell)) return "open";
  return STATUS_KEYS.get(normalizeHeader(cell)) ?? null;
}

/** Column index of each recognised field of a table (−1 when absent). */
export type FollowUpColumns = Record<FollowUpField, number>;

/**
 * The log's columns when `table` is a follow-up log, else null. A log needs date, customer
 * and type columns, and either a log name ("AR Follow-ups", "催收记录") or an until column: an
 * invoice table also has date, customer and type, but never "until".
 *
 * @example
 * followUpColumns({ sheet: "Log", name: "Log", header: ["Date", "Customer", "Type", "Until"], rows: [], firstRow: 2, firstColumn: 0 })
 * // { date: 0, customer: 1, type: 2, until: 3, invoice: -1, … }
 */
export function followUpColumns(table: TableData): FollowUpColumns | null {
  const columns = Object.fromEntries(FOLLOW_UP_FIELDS.concat("currency").map((f) => [f, -1])) as FollowUpColumns;
  table.header.forEach((cell, index) => {
    const field = FIELD_KEYS.get(normalizeHeader(cell));
    if (field !== undefined && columns[field] < 0) columns[field] = index;
  });
  if (columns.date < 0 || columns.customer < 0 || columns.type < 0) return null;
  const named = NAME_KEYS.has(normalizeHeader(table.name)) || NAME_KEYS.has(normalizeHeader(table.sheet));
  return named || columns.until >= 0 ? columns : null;
}

/**
 * True when a table is a follow-up log, so ledger detection and the collections use case can
 * tell it from payments (it has a customer, a date and an amount too).
 *
 * @example
 * isFollowUpTable({ sheet: "AR Follow-ups", name: "ARFollowUps", header: ["Date", "Customer", "Type"], rows: [], firstRow: 2, firstColumn: 0 }) // true
 */
export function isFollowUpTable(table: TableData): boolean {
  return followUpColumns(table) !== null;
}

/** One usable row of the log. Money in minor units of `currency`; dates are serials. */
export interface FollowUp {
  sheet: string;
  /** Sheet row as the user sees it. */
  row: number;
  date: number;
  /** Index into Book.customers. */
  customer: number;
  /** Index into Book.invoices (an invoice, never a credit note), −1 when the row names none. */
  invoice: number;
  type: FollowUpType;
  /** Minor units; null when the row states none. */
  amount: number | null;
  /** ISO code of `amount` (the invoice's, the row's, the customer's, else the book's). */
  currency: string;
  /** Serial, NO_DATE when empty. */
  until: number;
  status: "open" | "resolved";
  by: string | null;
  note: string | null;
}

/** Options of {@link readFollowUps}. */
export interface FollowUpReadOptions {
  lang: Lang;
  dateOrder: DateOrder | null;
  dateSystem: 1900 | 1904;
  defaultCurrency: string;
}

/**
 * Reads the log against the book: customers and invoices must exist in it. Bad rows become
 * issues and are left out; blank rows are skipped.
 *
 * Rules per row: a date, a known customer and a known type are required; an invoice, when
 * given, must be an invoice of that customer; promises and plan instalments need a positive
 * amount and an until date; a dispute needs an invoice (its amount defaults to the invoice's
 * open amount, so it may be empty).
 *
 * @example
 * const { followUps, issues } = readFollowUps(logTable, book, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
 */
export function readFollowUps(table: TableData, book: Book, options: FollowUpReadOptions): { followUps: FollowUp[]; issues: RowIssue[] } {
  const followUps: FollowUp[] = [];
  const issues: RowIssue[] = [];
  const columns = followUpColumns(table);
  if (!columns) return { followUps, issues };
  const { lang } = options;
  const inv = book.invoices;
  const numberIndex =
    inv.numberIndex ?? (table.rows.length > 0 && columns.invoice >= 0 ? buildNumberIndex(inv.number, inv.length) : undefined);
  const problem = (i: number, column: number, code: string, severity: Severity = "error", params: Record<string, string> = {}): void => {
    const row = table.firstRow + i;
    const value: CellValue = column >= 0 ? (table.rows[i]?.[column] ?? null) : null;
    const header = column >= 0 ? String(table.header[column] ?? "") : null;
    issues.push({
      severity,
      sheet: table.sheet,
      row,
      column: header,
      cell: column >= 0 ? cellAddress(table.firstColumn + column, row) : null,
      value,
      code,
      message: t(lang, code, { value: value === null ? "" : String(value), row, column: header ?? "", sheet: table.sheet, ...params }),
    });
  };
  const dateOptions = { dateOrder: options.dateOrder, dateSystem: options.dateSystem };
  // A log's dates are a few dozen distinct texts over thousands of rows: each text is parsed once.
  const parsedTexts = new Map<string, ReturnType<typeof parseDateCell>>();
  const dateOf = (cell: CellValue): ReturnType<typeof parseDateCell> => {
    if (typeof cell !== "string") return parseDateCell(cell, dateOptions);
    let parsed = parsedTexts.get(cell);
    if (parsed === undefined) parsedTexts.set(cell, (parsed = parseDateCell(cell, dateOptions)));
    return parsed;
  };

  // Types and statuses are a handful of words over thousands of rows: each text is recognised once.
  const typeOfText = new Map<string, FollowUpType | null>();
  const typeOf = (cell: CellValue): FollowUpType | null => {
    if (typeof cell !== "string") return followUpType(cell);
    let type = typeOfText.get(cell);
    if (type === undefined) typeOfText.set(cell, (type = followUpType(cell)));
    return type;
  };
  const statusOfText = new Map<string, "open" | "resolved" | null>();
  const statusOf = (cell: CellValue): "open" | "resolved" | null => {
    if (typeof cell !== "string") return followUpStatus(cell);
    let status = statusOfText.get(cell);
    if (status === undefined) statusOfText.set(cell, (status = followUpStatus(cell)));
    return status;
  };

  table.rows.forEach((cells, i) => {
    // A row with a date is not blank: only the others are searched.
    if (isBlankCell(cells[columns.date]) && cells.every(isBlankCell)) return;
    const date = dateOf(cells[columns.date] ?? null);
    if (!date.ok) return problem(i, columns.date, date.code === "date.empty" ? "collections.log.date.missing" : date.code);
    const customerText = cellText(cells[columns.customer]);
    if (customerText === null) return problem(i, columns.customer, "customer.missing");
    const customer = customerOfName(book.customers, customerText);
    if (customer === undefined) return problem(i, columns.customer, "collections.log.customer.unknown");
    const type = typeOf(cells[columns.type] ?? null);
    if (type === null) return problem(i, columns.type, "collections.log.type.unknown");
    const status = columns.status >= 0 ? statusOf(cells[columns.status] ?? null) : "open";
    if (status === null) return problem(i, columns.status, "collections.log.status.unknown");

    let invoice = -1;
    const invoiceText = columns.invoice >= 0 ? cellText(cells[columns.invoice]) : null;
    if (invoiceText !== null) {
      let k = numberIndex ? firstWithNumber(numberIndex, inv.number, invoiceText) : -1;
      while (k >= 0 && inv.isCreditNote[k]) k = nextWithNumber(numberIndex!, k);
      if (k < 0) return problem(i, columns.invoice, "collections.log.invoice.unknown");
      if (inv.customer[k] !== customer)
        return problem(i, columns.invoice, "collections.log.invoice.otherCustomer", "error", { customer: customerText });
      invoice = k;
    } else if (type === "dispute") return problem(i, columns.invoice, "collections.log.dispute.invoice");

    const currency = currencyOf(
      book,
      customer,
      invoice,
      columns.currency >= 0 ? cellText(cells[columns.currency]) : null,
      options.defaultCurrency,
    );
    if (currency === null) return problem(i, columns.currency, "currency.unknown");

    let amount: number | null = null;
    const amountCell = columns.amount >= 0 ? (cells[columns.amount] ?? null) : null;
    if (!isBlankCell(amountCell)) {
      const parsed = parseAmount(amountCell, currencyDecimals(currency));
      if (!parsed.ok) return problem(i, columns.amount, parsed.code);
      if (parsed.minor < 0) return problem(i, columns.amount, "collections.log.amount.negative");
      amount = parsed.minor;
    }
    let until = NO_DATE;
    const untilCell = columns.until >= 0 ? (cells[columns.until] ?? null) : null;
    if (!isBlankCell(untilCell)) {
      const parsed = dateOf(untilCell);
      if (!parsed.ok) return problem(i, columns.until, parsed.code);
      until = parsed.serial;
    }
    if (type === "promise" || type === "plan") {
      if (amount === null || amount === 0) return problem(i, columns.amount, "collections.log.promise.amount");
      if (until === NO_DATE) return problem(i, columns.until, "collections.log.promise.until");
      if (until < date.serial) return problem(i, columns.until, "collections.log.promise.beforeDate");
    }
    followUps.push({
      sheet: table.sheet,
      row: table.firstRow + i,
      date: date.serial,
      customer,
      invoice,
      type,
      amount,
      currency,
      until,
      status,
      by: columns.by >= 0 ? cellText(cells[columns.by]) : null,
      note: columns.note >= 0 ? cellText(cells[columns.note]) : null,
    });
  });
  return { followUps, issues };
}

/** The currency of a row's amount: the invoice's, else the row's, else the customer's, else the book's only one. */
function currencyOf(book: Book, customer: number, invoice: number, written: string | null, defaultCurrency: string): string | null {
  if (invoice >= 0) return book.currencies[book.invoices.currency[invoice]!] ?? null;
  if (written !== null) return normalizeCurrency(written, defaultCurrency);
  const own = book.customers.currency[customer]!;
  if (own >= 0) return book.currencies[own] ?? null;
  if (book.currencies.length === 1) return book.currencies[0]!;
  return normalizeCurrency(defaultCurrency) ?? defaultCurrency.toUpperCase();
}

/**
 * Finds the follow-up log among a workbook's tables: the first with a log name, else the first
 * recognised by its headings; null when the workbook has none yet.
 *
 * @example
 * findFollowUpTable(tables)?.name // "ARFollowUps"
 */
export function findFollowUpTable(tables: readonly TableData[]): TableData | null {
  const logs = tables.filter(isFollowUpTable);
  return logs.find((x) => NAME_KEYS.has(normalizeHeader(x.name)) || NAME_KEYS.has(normalizeHeader(x.sheet))) ?? logs[0] ?? null;
}

/**
 * The header row AR Desk writes when it creates the log, in the user's language.
 *
 * @example
 * followUpHeader("zh-CN") // ["日期", "客户", "发票号", "类型", "金额", "承诺日期", "状态", "记录人", "备注"]
 */
export function followUpHeader(lang: Lang): string[] {
  return FOLLOW_UP_FIELDS.map((f) => t(lang, `collections.log.column.${f}`));
}

/**
 * The word written in the log for a type or status in the user's language (what the pane's
 * form appends; the reader accepts both languages whatever the book's).
 *
 * @example
 * followUpWord("promise", "zh-CN") // "承诺"
 * followUpWord("open", "en-US")    // "open"
 */
export function followUpWord(word: FollowUpType | "open" | "resolved", lang: Lang): string {
  return t(lang, `collections.log.word.${word}`);
}
