/**
 * The credit check: every customer's exposure against its credit limit, with a status and the
 * reason in words, computed from an aging report (open items, unapplied credit, days overdue)
 * plus the optional open orders, rates and a what-if amount.
 *
 * - **Limit** per customer from the customer table, in its currency (a customer table without a
 *   currency column states limits in the book's only currency, else the default currency).
 * - **Credit groups**: customers naming the same group (parent) share one limit, checked on the
 *   group's total exposure. The group's limit is the parent's own row when the parent is a
 *   customer in the table, else the smallest limit stated on a member's row (groups often repeat
 *   their limit on every member's row; the smallest is the safe reading when they differ).
 * - **Exposure** = open AR (net of unapplied credit unless switched off) + open orders not yet
 *   invoiced + the what-if amount, all in the limit's currency. An amount in another currency is
 *   converted only with a rate from the rate table; without one the row is "currency mismatch".
 * - **Status** by {@link creditDecision} (Blocked → Hold → … → OK), the same rules as
 *   AR.CREDITSTATUS.
 * - Customers with open AR or orders but absent from the customer table are listed ("No limit"),
 *   never dropped.
 *
 * Everything is in integer minor units; utilisation is the only ratio.
 */
import type { AgingReport } from "../aging";
import { normalizeKey, cellAddress } from "../read/normalize";
import type { OrderColumns, RateTable } from "../read/creditTables";
import type { Lang, RowIssue } from "../types";
import { formatMoney } from "../money";
import { t } from "../../i18n";
import { converterOf } from "./convert";
import { CREDIT_STATUSES, DEFAULT_CREDIT_POLICY, creditDecision, type CreditFacts, type CreditPolicy, type CreditStatus } from "./status";

// Bound once: the per-customer loops run 100k times and `Math.x` is a global lookup.
const { max } = Math;

/** Options of {@link checkCredit}. */
export interface CreditOptions {
  policy: CreditPolicy;
  /** Count open AR net of the customer's unapplied credit (default true). */
  netUnapplied: boolean;
  /** ISO code for limits stated without a currency in a book of several currencies. */
  defaultCurrency: string;
  orders?: OrderColumns | null;
  rates?: RateTable | null;
  /** An amount added to one customer's exposure, in minor units of its limit's currency. */
  whatIf?: { customer: string; amount: number } | null;
  lang: Lang;
}

/** The credit check's defaults besides the policy. */
export const DEFAULT_CREDIT_OPTIONS: Readonly<Omit<CreditOptions, "lang" | "defaultCurrency">> = { policy: DEFAULT_CREDIT_POLICY, netUnapplied: true };

/** The credit group a customer belongs to. */
export interface CreditGroup {
  name: string;
  /** The limit's currency. */
  currency: string;
  /** Shared limit in minor units; null when neither the parent nor a member states one. */
  limit: number | null;
  /** Sum of the members' exposures in the group's currency (comparable part only). */
  exposure: number;
  /** False when a member's exposure cannot be converted to the group's currency. */
  comparable: boolean;
  /** The parent's row blocks the whole group. */
  blocked: boolean;
  /** Indices into CreditReport.customers. */
  members: number[];
}

/** One customer's line of the credit check. Money in minor units of `currency`. */
export interface CustomerCredit {
  customer: string;
  /** Index into Book.customers; -1 for a customer named only on orders. */
  customerIndex: number;
  inTable: boolean;
  group: string | null;
  /** The limit's currency. */
  currency: string;
  /** The limit the status is checked against: the customer's own, or its group's. */
  limit: number | null;
  /** Open items (gross) and unapplied credit, converted to `currency`. */
  open: number;
  unapplied: number;
  /** AR counted in exposure: open, net of unapplied when the option is on. */
  openAR: number;
  openOrders: number;
  whatIf: number;
  /** openAR + openOrders + whatIf. */
  exposure: number;
  /** limit − exposure checked (the group's when in a group); null without a limit. */
  available: number | null;
  /** exposure checked / limit; null without a positive limit. */
  utilisation: number | null;
  /** Days past due of the oldest open item (0 when none is past due); null without open items. */
  oldestDaysOverdue: number | null;
  /** Open amount past due. */
  overdue: number;
  /** Currencies of amounts that could not be converted to `currency`. */
  unconverted: string[];
  status: CreditStatus;
  reason: string;
  /** What the status was decided on (for the order check and AR.CREDITSTATUS comparisons). */
  facts: CreditFacts;
  /** Where to take the user: the customer's row in the customer table, else its first open item. */
  location: { sheet: string; cell: string } | null;
}

/** The whole credit check. */
export interface CreditReport {
  asOf: number;
  lang: Lang;
  policy: CreditPolicy;
  netUnapplied: boolean;
  /** Sorted by risk: status (Blocked first), then utilisation, exposure and name. */
  customers: CustomerCredit[];
  groups: CreditGroup[];
  counts: Record<CreditStatus, number>;
  issues: RowIssue[];
}

/** Mutable per-customer accumulator. */
interface Line {
  name: string;
  index: number;
  inTable: boolean;
  group: string | null;
  currency: string;
  ownLimit: number | null;
  blocked: boolean;
  open: number;
  unapplied: number;
  orders: number;
  whatIf: number;
  overdue: number;
  oldest: number | null;
  unconverted: string[];
  location: { sheet: string; cell: string } | null;
  hasData: boolean;
}

/**
 * Checks every customer's credit (see the module comment for the rules).
 *
 * @example
 * const report = checkCredit(ageBook(book, agingOptions), { ...DEFAULT_CREDIT_OPTIONS, defaultCurrency: "USD", lang: "en-US" });
 * report.customers[0].status // the riskiest customer's status, e.g. "blocked"
 * report.counts.over         // how many customers are over their limit
 */
export function checkCredit(aging: AgingReport, options: CreditOptions): CreditReport {
  const { book } = aging;
  const { lang, policy } = options;
  const convert = converterOf(options.rates ?? null);
  const customers = book.customers;
  const defaultCurrency = book.currencies.length === 1 ? (book.currencies[0] ?? options.defaultCurrency) : options.defaultCurrency;
  const customerSheet = book.sources.customers?.table;

  const lines: Line[] = new Array<Line>(customers.length);
  for (let c = 0; c < customers.length; c++) {
    const stated = customers.currency[c]!;
    const limit = customers.creditLimit[c]!;
    const inTable = customers.inTable[c] === 1;
    lines[c] = {
      name: customers.name[c] ?? "",
      index: c,
      inTable,
      group: customers.group[c] ?? null,
      currency: stated >= 0 ? (book.currencies[stated] ?? defaultCurrency) : defaultCurrency,
      ownLimit: Number.isNaN(limit) ? null : limit,
      blocked: customers.hold[c] === 1,
      open: 0,
      unapplied: 0,
      orders: 0,
      whatIf: 0,
      overdue: 0,
      oldest: null,
      unconverted: [],
      location: inTable && customerSheet ? { sheet: customerSheet.sheet, cell: cellAddress(customerSheet.firstColumn, customers.row[c]!) } : null,
      hasData: inTable,
    };
  }
  // Customers named only on orders (or the what-if), after the book's customers.
  const extras = new Map<string, number>();
  const lineOf = (name: string): Line => {
    const known = customers.index.get(normalizeKey(name)) ?? extras.get(normalizeKey(name));
    if (known !== undefined) return lines[known]!;
    const extra: Line = {
      name, index: -1, inTable: false, group: null, currency: defaultCurrency, ownLimit: null, blocked: false, open: 0, unapplied: 0, orders: 0,
      whatIf: 0, overdue: 0, oldest: null, unconverted: [], location: null, hasData: true,
    };
    extras.set(normalizeKey(name), lines.length);
    lines.push(extra);
    return extra;
  };
  const add = (line: Line, amount: number, currency: string): number => {
    const converted = convert(amount, currency, line.currency);
    if (converted === null) {
      if (!line.unconverted.includes(currency)) line.unconverted.push(currency);
      return 0;
    }
    return converted;
  };

  // Past-due open amount of each aging account.
  const { items, accounts, allocation } = aging;
  const overdue = new Float64Array(accounts.length);
  for (let k = 0; k < items.length; k++) {
    if (items.daysOverdue[k]! > 0) overdue[items.account[k]!] = overdue[items.account[k]!]! + allocation.open[items.invoice[k]!]!;
  }
  const invoiceSheet = book.invoices.sheet;
  const invoiceColumn = book.sources.invoices?.table.firstColumn ?? 0;
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a]!;
    const line = lines[account.customerIndex]!;
    line.hasData = true;
    line.open += add(line, account.open, account.currency);
    line.unapplied += add(line, account.unapplied, account.currency);
    line.overdue += add(line, overdue[a]!, account.currency);
    if (account.oldestDaysOverdue !== null) line.oldest = line.oldest === null ? account.oldestDaysOverdue : max(line.oldest, account.oldestDaysOverdue);
    if (line.location === null && account.itemEnd > account.itemStart) {
      line.location = { sheet: invoiceSheet, cell: cellAddress(invoiceColumn, book.invoices.row[items.invoice[account.itemStart]!]!) };
    }
  }
  const orders = options.orders;
  if (orders) {
    for (let o = 0; o < orders.length; o++) {
      const line = lineOf(orders.customer[o] ?? "");
      line.hasData = true;
      line.orders += add(line, orders.amount[o]!, orders.currency[o] ?? defaultCurrency);
      line.location ??= { sheet: orders.sheet, cell: cellAddress(0, orders.row[o]!) };
    }
  }
  if (options.whatIf) {
    const line = lineOf(options.whatIf.customer);
    line.hasData = true;
    line.whatIf += options.whatIf.amount;
  }

  const used = lines.filter((line) => line.hasData);
  const rows: CustomerCredit[] = used.map((line) => {
    const openAR = options.netUnapplied ? line.open - line.unapplied : line.open;
    const exposure = openAR + line.orders + line.whatIf;
    const oldest = line.oldest === null ? null : max(0, line.oldest);
    return {
      customer: line.name,
      customerIndex: line.index,
      inTable: line.inTable,
      group: line.group,
      currency: line.currency,
      limit: line.ownLimit,
      open: line.open,
      unapplied: line.unapplied,
      openAR,
      openOrders: line.orders,
      whatIf: line.whatIf,
      exposure,
      available: null,
      utilisation: null,
      oldestDaysOverdue: oldest,
      overdue: line.overdue,
      unconverted: line.unconverted,
      status: "ok",
      reason: "",
      facts: { limitMinor: line.ownLimit, exposureMinor: exposure, oldestDaysOverdue: line.oldest, blocked: line.blocked, comparable: line.unconverted.length === 0 },
      location: line.location,
    };
  });

  const groups = creditGroups(rows, convert);
  const groupOf = new Map<number, CreditGroup>();
  for (const group of groups) for (const m of group.members) groupOf.set(m, group);
  rows.forEach((row, r) => {
    const group = groupOf.get(r);
    if (group) {
      row.group = group.name;
      row.limit = group.limit;
      row.facts = {
        limitMinor: group.limit,
        exposureMinor: group.exposure,
        oldestDaysOverdue: row.facts.oldestDaysOverdue,
        blocked: row.facts.blocked || group.blocked,
        comparable: row.facts.comparable && group.comparable,
      };
    }
    decide(row, policy, lang, group ?? null);
  });

  const unsorted = rows.slice();
  rows.sort(byRisk);
  const counts = emptyCounts();
  for (const row of rows) counts[row.status]++;
  const rowIndex = new Map(rows.map((row, r) => [row, r]));
  for (const group of groups) group.members = group.members.map((m) => rowIndex.get(unsorted[m]!) ?? -1);
  return { asOf: aging.asOf, lang, policy, netUnapplied: options.netUnapplied, customers: rows, groups, counts, issues: [] };
}

/** A count of zero per status, in risk order. */
function emptyCounts(): Record<CreditStatus, number> {
  return Object.fromEntries(CREDIT_STATUSES.map((s) => [s, 0])) as Record<CreditStatus, number>;
}

/**
 * Credit groups of the rows: members are the rows naming the group plus the parent's own row.
 * Only groups whose parent is a customer or that have two or more members share a limit.
 */
function creditGroups(rows: readonly CustomerCredit[], convert: ReturnType<typeof converterOf>): CreditGroup[] {
  const byKey = new Map<string, { name: string; members: number[] }>();
  const rowByName = new Map<string, number>();
  rows.forEach((row, r) => rowByName.set(normalizeKey(row.customer), r));
  rows.forEach((row, r) => {
    if (row.group === null) return;
    const key = normalizeKey(row.group);
    if (key === normalizeKey(row.customer)) return;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { name: row.group, members: [] };
      byKey.set(key, entry);
      const parent = rowByName.get(key);
      if (parent !== undefined) entry.members.push(parent);
    }
    entry.members.push(r);
  });
  const groups: CreditGroup[] = [];
  for (const [key, { name, members }] of byKey) {
    const parentIndex = rowByName.get(key);
    const parent = parentIndex === undefined ? undefined : rows[parentIndex];
    if (!parent && members.length < 2) continue;
    let limit: number | null = null;
    let currency = parent?.currency ?? rows[members[0]!]!.currency;
    if (parent && parent.limit !== null) limit = parent.limit;
    else {
      const stated = members.map((m) => rows[m]!).filter((row) => row.limit !== null);
      if (stated[0]) currency = stated[0].currency;
      for (const row of stated) if (row.currency === currency && (limit === null || row.limit! < limit)) limit = row.limit;
    }
    let exposure = 0;
    let comparable = true;
    for (const m of members) {
      const row = rows[m]!;
      const converted = convert(row.exposure, row.currency, currency);
      if (converted === null || !row.facts.comparable) comparable = false;
      exposure += converted ?? 0;
    }
    groups.push({ name: parent?.customer ?? name, currency, limit, exposure, comparable, blocked: parent?.facts.blocked ?? false, members });
  }
  return groups;
}

const RISK = Object.fromEntries(CREDIT_STATUSES.map((s, k) => [s, k])) as Record<CreditStatus, number>;

/** Risk order: status, then utilisation (highest first, none last), exposure, name. */
function byRisk(a: CustomerCredit, b: CustomerCredit): number {
  return (
    RISK[a.status] - RISK[b.status] ||
    (b.utilisation ?? -Infinity) - (a.utilisation ?? -Infinity) ||
    b.exposure - a.exposure ||
    (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0)
  );
}

/** Sets status, available, utilisation and reason of a row from its facts. */
function decide(row: CustomerCredit, policy: CreditPolicy, lang: Lang, group: CreditGroup | null): void {
  const { facts } = row;
  row.status = creditDecision(facts, policy);
  const limit = facts.limitMinor ?? (policy.noLimit === "zero" ? 0 : null);
  row.available = limit === null || !facts.comparable ? null : limit - facts.exposureMinor;
  row.utilisation = limit === null || limit <= 0 || !facts.comparable ? null : facts.exposureMinor / limit;
  if (group && group.currency !== row.currency) row.limit = null;
  const context: ReasonContext = {
    limitMinor: facts.limitMinor,
    exposureMinor: facts.exposureMinor,
    oldestDaysOverdue: facts.oldestDaysOverdue,
    blocked: facts.blocked,
    comparable: facts.comparable,
    currency: group?.currency ?? row.currency,
    group: group?.name ?? null,
    inTable: row.inTable,
    unconverted: row.unconverted,
    groupBlocked: group?.blocked ?? false,
  };
  row.reason = creditReason(row.status, context, policy, lang);
}

/** Everything a reason mentions. */
export interface ReasonContext extends CreditFacts {
  /** The limit's currency. */
  currency: string;
  /** The credit group whose total was checked, or null. */
  group: string | null;
  inTable: boolean;
  unconverted: readonly string[];
  /** The block comes from the group's parent. */
  groupBlocked: boolean;
}

/** "87.5%" */
function percentText(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** A message template split at its placeholders: even entries are text, odd ones names. */
type Compiled = readonly string[];
const compiledCache = new Map<string, Compiled>();

/**
 * Fills a catalog message like `t` does, from a template split once per language and id: the
 * check writes a reason for every customer (100k in a large book), and splitting each time
 * costs more than the rest of the check.
 */
function message(lang: Lang, id: string, params: Readonly<Record<string, string | number>>): string {
  const key = lang + "\u0000" + id;
  let parts = compiledCache.get(key);
  if (parts === undefined) {
    parts = t(lang, id).split(/\{(\w+)\}/);
    compiledCache.set(key, parts);
  }
  let out = parts[0] ?? "";
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k]!;
    const value = params[name];
    out += (value === undefined ? `{${name}}` : String(value)) + (parts[k + 1] ?? "");
  }
  return out;
}

/**
 * The reason for a status, in words.
 *
 * @example
 * creditReason("over", { limitMinor: 100000, exposureMinor: 120000, oldestDaysOverdue: 10, blocked: false, comparable: true,
 *   currency: "USD", group: null, inTable: true, unconverted: [], groupBlocked: false }, DEFAULT_CREDIT_POLICY, "en-US")
 * // "Exposure 1,200.00 USD is over the limit 1,000.00 USD by 200.00 USD."
 */
export function creditReason(status: CreditStatus, c: Readonly<ReasonContext>, policy: Readonly<CreditPolicy>, lang: Lang): string {
  const money = (minor: number): string => formatMoney(minor, c.currency, lang);
  const prefix = c.group === null ? "" : message(lang, "credit.reason.group", { group: c.group });
  switch (status) {
    case "blocked":
      return c.blocked && c.groupBlocked && c.group !== null ? message(lang, "credit.reason.blocked.group", { group: c.group }) : message(lang, "credit.reason.blocked", {});
    case "hold":
      return message(lang, "credit.reason.hold", { days: c.oldestDaysOverdue ?? 0, holdDays: policy.holdDays });
    case "currency":
      return message(lang, "credit.reason.currency", { currencies: c.unconverted.join(", ") || "?", currency: c.currency });
    case "nolimit":
      return message(lang, c.inTable ? "credit.reason.nolimit" : "credit.reason.notInTable", { exposure: money(c.exposureMinor) });
    default:
      break;
  }
  if (c.limitMinor === null) {
    const id = status === "over" ? "credit.reason.zero.over" : "credit.reason.zero.ok";
    return prefix + message(lang, c.inTable ? id : `${id}.notInTable`, { exposure: money(c.exposureMinor) });
  }
  const limit = c.limitMinor;
  const exposure = c.exposureMinor;
  const percent = limit > 0 ? percentText(exposure / limit) : "—";
  if (status === "over") return prefix + message(lang, "credit.reason.over", { exposure: money(exposure), limit: money(limit), excess: money(exposure - limit) });
  if (status === "near") return prefix + message(lang, "credit.reason.near", { exposure: money(exposure), limit: money(limit), percent, near: policy.nearPercent });
  return prefix + message(lang, "credit.reason.ok", { exposure: money(exposure), limit: money(limit), percent, available: money(limit - exposure) });
}

/** What {@link checkOrder} answers. Money in minor units of `currency`. */
export interface OrderCheck {
  customer: string;
  /** False when the customer is in neither the customer table nor the ledger. */
  known: boolean;
  group: string | null;
  currency: string;
  limit: number | null;
  /** Available before and after the order (the group's when in a group); null without a limit. */
  availableBefore: number | null;
  availableAfter: number | null;
  exposureAfter: number;
  statusBefore: CreditStatus;
  status: CreditStatus;
  reason: string;
}

/**
 * The order check: what an order of `amount` (minor units of the customer's limit currency)
 * would do to a customer's credit — available credit and the resulting status with its reason,
 * by the same rules as the report.
 *
 * @example
 * const check = checkOrder(report, "Acme Corp", 500000);
 * check.availableAfter // limit − exposure − 5,000.00
 * check.status         // e.g. "over", with check.reason in words
 */
export function checkOrder(report: CreditReport, customer: string, amount: number): OrderCheck {
  const key = normalizeKey(customer);
  const row = report.customers.find((c) => normalizeKey(c.customer) === key);
  const { policy, lang } = report;
  const group = row?.group != null ? (report.groups.find((g) => g.members.some((m) => report.customers[m] === row)) ?? null) : null;
  const facts: CreditFacts = row
    ? { ...row.facts, exposureMinor: row.facts.exposureMinor + amount }
    : { limitMinor: null, exposureMinor: amount, oldestDaysOverdue: null, blocked: false, comparable: true };
  const currency = group?.currency ?? row?.currency ?? report.customers[0]?.currency ?? "USD";
  const status = creditDecision(facts, policy);
  const limit = facts.limitMinor ?? (policy.noLimit === "zero" ? 0 : null);
  const reason = creditReason(
    status,
    { ...facts, currency, group: group?.name ?? null, inTable: row?.inTable ?? false, unconverted: row?.unconverted ?? [], groupBlocked: group?.blocked ?? false },
    policy,
    lang,
  );
  return {
    customer: row?.customer ?? customer,
    known: row !== undefined,
    group: group?.name ?? null,
    currency,
    limit: facts.limitMinor,
    availableBefore: row?.available ?? (limit === null ? null : limit),
    availableAfter: limit === null || !facts.comparable ? null : limit - facts.exposureMinor,
    exposureAfter: facts.exposureMinor,
    statusBefore: row?.status ?? creditDecision({ ...facts, exposureMinor: 0 }, policy),
    status,
    reason,
  };
}
