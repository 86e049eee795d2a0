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
const { max, round } = Math;

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

/**
 * Checks every customer's credit (see the module comment for the rules).
 *
 * Large books have 100k customers, so the per-customer state lives in typed arrays indexed by
 * customer ("line": the book's customers, then customers named only on orders or the what-if)
 * and each report row is built once, in its final form.
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
  const bookCount = customers.length;
  const defaultCurrency = book.currencies.length === 1 ? (book.currencies[0] ?? options.defaultCurrency) : options.defaultCurrency;
  const customerSheet = book.sources.customers?.table;

  // Customers named only on orders (or the what-if), after the book's customers.
  const extras = new Map<string, number>();
  const extraNames: string[] = [];
  const lineOf = (name: string): number => {
    const key = normalizeKey(name);
    const known = customers.index.get(key) ?? extras.get(key);
    if (known !== undefined) return known;
    const line = bookCount + extraNames.length;
    extras.set(key, line);
    extraNames.push(name);
    return line;
  };
  const orders = options.orders;
  const orderLine = new Int32Array(orders ? orders.length : 0);
  if (orders) for (let o = 0; o < orders.length; o++) orderLine[o] = lineOf(orders.customer[o] ?? "");
  const whatIfLine = options.whatIf ? lineOf(options.whatIf.customer) : -1;

  const lineCount = bookCount + extraNames.length;
  const currencyOf: string[] = new Array<string>(lineCount);
  const open = new Float64Array(lineCount);
  const unapplied = new Float64Array(lineCount);
  const pastDue = new Float64Array(lineCount);
  const ordered = new Float64Array(lineCount);
  const whatIf = new Float64Array(lineCount);
  /** Largest days overdue of the line's accounts; NaN without any. */
  const oldest = new Float64Array(lineCount).fill(NaN);
  const hasData = new Uint8Array(lineCount);
  /** Where to take the user when the customer has no row in the customer table: its first account with open items, else its first order. */
  const firstAccount = new Int32Array(lineCount).fill(-1);
  const firstOrder = new Int32Array(lineCount).fill(-1);
  const unconverted: (string[] | undefined)[] = [];
  const bookCurrencies = book.currencies;
  for (let c = 0; c < bookCount; c++) {
    const stated = customers.currency[c]!;
    currencyOf[c] = stated >= 0 ? (bookCurrencies[stated] ?? defaultCurrency) : defaultCurrency;
    hasData[c] = customers.inTable[c] === 1 ? 1 : 0;
  }
  for (let c = bookCount; c < lineCount; c++) {
    currencyOf[c] = defaultCurrency;
    hasData[c] = 1;
  }
  const add = (line: number, amount: number, currency: string): number => {
    const to = currencyOf[line]!;
    if (currency === to) return amount;
    const converted = convert(amount, currency, to);
    if (converted === null) {
      let list = unconverted[line];
      if (list === undefined) unconverted[line] = list = [];
      if (!list.includes(currency)) list.push(currency);
      return 0;
    }
    return converted;
  };

  // Open, unapplied and past-due amounts of each aging account; its items are items[itemStart .. itemEnd).
  const { items, accounts, allocation } = aging;
  const itemDays = items.daysOverdue;
  const itemInvoice = items.invoice;
  const invoiceOpen = allocation.open;
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a]!;
    const line = account.customerIndex;
    const currency = account.currency;
    const start = account.itemStart;
    const end = account.itemEnd;
    const days = account.oldestDaysOverdue;
    let overdue = 0;
    // Nothing is past due unless the oldest item is.
    if (days !== null && days > 0) for (let k = start; k < end; k++) if (itemDays[k]! > 0) overdue += invoiceOpen[itemInvoice[k]!]!;
    hasData[line] = 1;
    const to = currencyOf[line]!;
    if (currency === to) {
      open[line] = open[line]! + account.open;
      unapplied[line] = unapplied[line]! + account.unapplied;
      pastDue[line] = pastDue[line]! + overdue;
    } else {
      // One rate for the three amounts: when the first cannot be converted, neither can the others.
      const converted = convert(account.open, currency, to);
      if (converted === null) add(line, 0, currency);
      else {
        open[line] = open[line]! + converted;
        unapplied[line] = unapplied[line]! + convert(account.unapplied, currency, to)!;
        pastDue[line] = pastDue[line]! + convert(overdue, currency, to)!;
      }
    }
    if (days !== null) {
      const known = oldest[line]!;
      oldest[line] = known !== known ? days : max(known, days);
    }
    if (end > start && firstAccount[line] === -1) firstAccount[line] = a;
  }
  if (orders) {
    const defaultOrderCurrency = defaultCurrency;
    for (let o = 0; o < orders.length; o++) {
      const line = orderLine[o]!;
      hasData[line] = 1;
      ordered[line] = ordered[line]! + add(line, orders.amount[o]!, orders.currency[o] ?? defaultOrderCurrency);
      if (firstOrder[line] === -1) firstOrder[line] = o;
    }
  }
  if (options.whatIf) {
    hasData[whatIfLine] = 1;
    whatIf[whatIfLine] = whatIf[whatIfLine]! + options.whatIf.amount;
  }

  // The rows: lines with data, in line order.
  let rowCount = 0;
  for (let c = 0; c < lineCount; c++) rowCount += hasData[c]!;
  const rowLine = new Int32Array(rowCount);
  const rowOfLine = new Int32Array(lineCount).fill(-1);
  const exposures = new Float64Array(rowCount);
  for (let c = 0, r = 0; c < lineCount; c++) {
    if (hasData[c] === 0) continue;
    rowLine[r] = c;
    rowOfLine[c] = r;
    const openAR = options.netUnapplied ? open[c]! - unapplied[c]! : open[c]!;
    exposures[r] = openAR + ordered[c]! + whatIf[c]!;
    r++;
  }
  const nameOf = (line: number): string => (line < bookCount ? (customers.name[line] ?? "") : extraNames[line - bookCount]!);
  const ownLimitOf = (line: number): number | null => {
    if (line >= bookCount) return null;
    const limit = customers.creditLimit[line]!;
    return Number.isNaN(limit) ? null : limit;
  };
  const ownGroupOf = (line: number): string | null => (line < bookCount ? (customers.group[line] ?? null) : null);
  const blockedOf = (line: number): boolean => line < bookCount && customers.hold[line] === 1;
  /** The row of a customer by normalized name (names are unique by normalized key). */
  const rowByKey = (key: string): number | undefined => {
    const line = customers.index.get(key) ?? extras.get(key);
    if (line === undefined) return undefined;
    const row = rowOfLine[line]!;
    return row >= 0 ? row : undefined;
  };

  // Credit groups: members are the rows naming the group plus the parent's own row. Only groups
  // whose parent is a customer or that have two or more members share a limit.
  const byKey = new Map<string, { name: string; members: number[] }>();
  for (let r = 0; r < rowCount; r++) {
    const line = rowLine[r]!;
    const groupName = ownGroupOf(line);
    if (groupName === null) continue;
    const key = normalizeKey(groupName);
    // The customer's own key maps to its own line (names are unique by normalized key).
    if (customers.index.get(key) === line) continue;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { name: groupName, members: [] };
      byKey.set(key, entry);
      const parent = rowByKey(key);
      if (parent !== undefined) entry.members.push(parent);
    }
    entry.members.push(r);
  }
  const groups: CreditGroup[] = [];
  const groupOfRow = new Int32Array(rowCount).fill(-1);
  for (const [key, { name, members }] of byKey) {
    const parent = rowByKey(key);
    if (parent === undefined && members.length < 2) continue;
    const parentLine = parent === undefined ? -1 : rowLine[parent]!;
    let limit: number | null = null;
    let currency = currencyOf[parentLine >= 0 ? parentLine : rowLine[members[0]!]!]!;
    const parentLimit = parentLine >= 0 ? ownLimitOf(parentLine) : null;
    if (parentLimit !== null) limit = parentLimit;
    else {
      let first = true;
      for (const m of members) {
        const line = rowLine[m]!;
        const stated = ownLimitOf(line);
        if (stated === null) continue;
        if (first) {
          currency = currencyOf[line]!;
          first = false;
        }
        if (currencyOf[line] === currency && (limit === null || stated < limit)) limit = stated;
      }
    }
    let exposure = 0;
    let comparable = true;
    for (const m of members) {
      const line = rowLine[m]!;
      const converted = convert(exposures[m]!, currencyOf[line]!, currency);
      if (converted === null || unconverted[line] !== undefined) comparable = false;
      exposure += converted ?? 0;
    }
    const index = groups.length;
    groups.push({ name: parentLine >= 0 ? nameOf(parentLine) : name, currency, limit, exposure, comparable, blocked: parentLine >= 0 && blockedOf(parentLine), members });
    for (const m of members) groupOfRow[m] = index;
  }

  // Each row once, in its final form, with the sort keys alongside.
  const rows: CustomerCredit[] = new Array<CustomerCredit>(rowCount);
  const rank = new Uint8Array(rowCount);
  const utilisations = new Float64Array(rowCount);
  const names: string[] = new Array<string>(rowCount);
  const zeroLimit = policy.noLimit === "zero";
  const netUnapplied = options.netUnapplied;
  const customerSheetName = customerSheet?.sheet ?? "";
  const customerColumn = customerSheet?.firstColumn ?? 0;
  const invoiceSheet = book.invoices.sheet;
  const invoiceColumn = book.sources.invoices?.table.firstColumn ?? 0;
  for (let r = 0; r < rowCount; r++) {
    const c = rowLine[r]!;
    const name = nameOf(c);
    const inTable = c < bookCount && customers.inTable[c] === 1;
    const currency = currencyOf[c]!;
    const ownLimit = ownLimitOf(c);
    const openAR = netUnapplied ? open[c]! - unapplied[c]! : open[c]!;
    const exposure = exposures[r]!;
    const days = oldest[c]!;
    const oldestDays = days !== days ? null : days;
    const list = unconverted[c];
    const ownComparable = list === undefined;
    const ownBlocked = blockedOf(c);
    const g = groupOfRow[r]!;
    const group = g >= 0 ? groups[g]! : null;
    const facts: CreditFacts = group
      ? { limitMinor: group.limit, exposureMinor: group.exposure, oldestDaysOverdue: oldestDays, blocked: ownBlocked || group.blocked, comparable: ownComparable && group.comparable }
      : { limitMinor: ownLimit, exposureMinor: exposure, oldestDaysOverdue: oldestDays, blocked: ownBlocked, comparable: ownComparable };
    const status = creditDecision(facts, policy);
    const limit = facts.limitMinor ?? (zeroLimit ? 0 : null);
    const available = limit === null || !facts.comparable ? null : limit - facts.exposureMinor;
    const utilisation = limit === null || limit <= 0 || !facts.comparable ? null : facts.exposureMinor / limit;
    let location: { sheet: string; cell: string } | null = null;
    if (inTable && customerSheet) location = { sheet: customerSheetName, cell: cellAddress(customerColumn, customers.row[c]!) };
    else if (firstAccount[c]! >= 0) location = { sheet: invoiceSheet, cell: cellAddress(invoiceColumn, book.invoices.row[itemInvoice[accounts[firstAccount[c]!]!.itemStart]!]!) };
    else if (orders && firstOrder[c]! >= 0) location = { sheet: orders.sheet, cell: cellAddress(0, orders.row[firstOrder[c]!]!) };
    const unconvertedList = list ?? [];
    const reason = creditReason(
      status,
      {
        limitMinor: facts.limitMinor,
        exposureMinor: facts.exposureMinor,
        oldestDaysOverdue: facts.oldestDaysOverdue,
        blocked: facts.blocked,
        comparable: facts.comparable,
        currency: group ? group.currency : currency,
        group: group ? group.name : null,
        inTable,
        unconverted: unconvertedList,
        groupBlocked: group ? group.blocked : false,
      },
      policy,
      lang,
    );
    rows[r] = {
      customer: name,
      customerIndex: c < bookCount ? c : -1,
      inTable,
      group: group ? group.name : ownGroupOf(c),
      currency,
      limit: group ? (group.currency !== currency ? null : group.limit) : ownLimit,
      open: open[c]!,
      unapplied: unapplied[c]!,
      openAR,
      openOrders: ordered[c]!,
      whatIf: whatIf[c]!,
      exposure,
      available,
      utilisation,
      oldestDaysOverdue: oldestDays === null ? null : max(0, oldestDays),
      overdue: pastDue[c]!,
      unconverted: unconvertedList,
      status,
      reason,
      facts,
      location,
    };
    rank[r] = RISK[status];
    utilisations[r] = utilisation ?? -Infinity;
    names[r] = name;
  }

  // Sorted by risk: a counting sort on the status, then utilisation, exposure and name within
  // each status; equal rows keep their order.
  const counts = emptyCounts();
  const statusCount = CREDIT_STATUSES.length;
  const bucketStart = new Int32Array(statusCount + 1);
  for (let r = 0; r < rowCount; r++) bucketStart[rank[r]! + 1] = bucketStart[rank[r]! + 1]! + 1;
  for (let s = 0; s < statusCount; s++) {
    counts[CREDIT_STATUSES[s]!] = bucketStart[s + 1]!;
    bucketStart[s + 1] = bucketStart[s + 1]! + bucketStart[s]!;
  }
  const order = new Int32Array(rowCount);
  const fill = bucketStart.slice(0, statusCount);
  for (let r = 0; r < rowCount; r++) {
    const s = rank[r]!;
    order[fill[s]!] = r;
    fill[s] = fill[s]! + 1;
  }
  const byRisk = (a: number, b: number): number => {
    const ua = utilisations[a]!;
    const ub = utilisations[b]!;
    if (ua !== ub) return ub > ua ? 1 : -1;
    const ea = exposures[a]!;
    const eb = exposures[b]!;
    if (ea !== eb) return eb > ea ? 1 : -1;
    const na = names[a]!;
    const nb = names[b]!;
    return na < nb ? -1 : na > nb ? 1 : a - b;
  };
  for (let s = 0; s < statusCount; s++) {
    if (bucketStart[s + 1]! - bucketStart[s]! > 1) order.subarray(bucketStart[s]!, bucketStart[s + 1]!).sort(byRisk);
  }
  const sorted: CustomerCredit[] = new Array<CustomerCredit>(rowCount);
  const position = new Int32Array(rowCount);
  for (let k = 0; k < rowCount; k++) {
    const r = order[k]!;
    sorted[k] = rows[r]!;
    position[r] = k;
  }
  for (const group of groups) group.members = group.members.map((m) => position[m]!);
  return { asOf: aging.asOf, lang, policy, netUnapplied: options.netUnapplied, customers: sorted, groups, counts, issues: [] };
}

/** A count of zero per status, in risk order. */
function emptyCounts(): Record<CreditStatus, number> {
  return Object.fromEntries(CREDIT_STATUSES.map((s) => [s, 0])) as Record<CreditStatus, number>;
}

const RISK = Object.fromEntries(CREDIT_STATUSES.map((s, k) => [s, k])) as Record<CreditStatus, number>;

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
  return `${(round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** A message template split at its placeholders: even entries are text, odd ones names. */
type Compiled = readonly string[];
const compiledCache = new Map<Lang, Map<string, Compiled>>();

/**
 * Fills a catalog message like `t` does, from a template split once per language and id: the
 * check writes a reason for every customer (100k in a large book), and splitting each time
 * costs more than the rest of the check. The text is joined in one piece (not concatenated
 * piecewise), so each reason is one flat string rather than a chain of partial strings.
 */
function message(lang: Lang, id: string, params: Readonly<Record<string, string | number>>, prefix = ""): string {
  let byId = compiledCache.get(lang);
  if (byId === undefined) compiledCache.set(lang, (byId = new Map<string, Compiled>()));
  let parts = byId.get(id);
  if (parts === undefined) {
    parts = t(lang, id).split(/\{(\w+)\}/);
    byId.set(id, parts);
  }
  const count = parts.length;
  const pieces = new Array<string>(count + 1);
  pieces[0] = prefix;
  for (let k = 0; k < count; k++) {
    const part = parts[k]!;
    if ((k & 1) === 0) pieces[k + 1] = part;
    else {
      const value = params[part];
      pieces[k + 1] = value === undefined ? `{${part}}` : String(value);
    }
  }
  return pieces.join("");
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
  const prefix = c.group === null ? "" : message(lang, "credit.reason.group", { group: c.group });
  if (c.limitMinor === null) {
    const id = status === "over" ? "credit.reason.zero.over" : "credit.reason.zero.ok";
    return message(lang, c.inTable ? id : `${id}.notInTable`, { exposure: money(c.exposureMinor) }, prefix);
  }
  const limit = c.limitMinor;
  const exposure = c.exposureMinor;
  const percent = limit > 0 ? percentText(exposure / limit) : "—";
  if (status === "over") return message(lang, "credit.reason.over", { exposure: money(exposure), limit: money(limit), excess: money(exposure - limit) }, prefix);
  if (status === "near") return message(lang, "credit.reason.near", { exposure: money(exposure), limit: money(limit), percent, near: policy.nearPercent }, prefix);
  return message(lang, "credit.reason.ok", { exposure: money(exposure), limit: money(limit), percent, available: money(limit - exposure) }, prefix);
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
