/**
 * The credit check: every customer's exposure against its credit limit, with a status and the
 * reason in words, computed from an aging report (open items, unapplied credit, days overdue)
 * plus the optional open orders, rates and a what-if amount.
 *
 * - **Limit** per customer from the customer table, in its currency (a customer table without a
 *   currency column states limits in the book's only currency, else the default currency).
 * - **Credit groups**: customers naming the same credit group (a "Credit group" / "Parent" /
 *   集团 / 母公司 column, never a plain "Group" segment) share one limit, checked on the group's
 *   total exposure. The group's limit is the limit on the group's own row in the customer table;
 *   never a member's. A member with a limit of its own is checked on both, the riskier status
 *   wins, and a reason decided by the group names the group and its limit. A group without a
 *   row of its own (or without a limit there) is listed but shares nothing.
 * - Members' exposures are added in the group's currency, converted only with rates; a member
 *   with nothing owed needs no rate, so it never makes its group's figures blank.
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
import { documentSheet } from "../columns";
import type { AgingReport } from "../aging";
import { normalizeKey, cellAddress } from "../read/normalize";
import type { OrderColumns, RateTable } from "../read/creditTables";
import type { Lang, RowIssue } from "../types";
import { formatMoney } from "../money";
import { t } from "../../i18n";
import { converterOf, type Converter } from "./convert";
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
export const DEFAULT_CREDIT_OPTIONS: Readonly<Omit<CreditOptions, "lang" | "defaultCurrency">> = {
  policy: DEFAULT_CREDIT_POLICY,
  netUnapplied: true,
};

/** The credit group a customer belongs to. */
export interface CreditGroup {
  name: string;
  /** The limit's currency. */
  currency: string;
  /** Shared limit in minor units, from the group's own row; null when it has none (nothing is shared). */
  limit: number | null;
  /** Sum of the members' exposures in the group's currency (comparable part only). */
  exposure: number;
  /** False when a member's exposure cannot be converted to the group's currency. */
  comparable: boolean;
  /** Currencies of members' amounts with no rate to the group's currency. */
  unconverted: string[];
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
  /** The customer's segment ("Retail", 客户分组): a label to filter by, never a shared limit. */
  segment: string | null;
  /** The limit's currency. */
  currency: string;
  /**
   * The limit the status was decided on, in `currency`: the customer's own, or its group's
   * (converted with a rate when the group's currency differs; null without one).
   */
  limit: number | null;
  /** The customer's own limit from its row, in `currency`; null when none is stated. */
  ownLimit: number | null;
  /** True when the group's limit decided the status (the reason then names the group). */
  decidedByGroup: boolean;
  /** Open items (gross) and unapplied credit, converted to `currency`. */
  open: number;
  unapplied: number;
  /** AR counted in exposure: open, net of unapplied when the option is on. */
  openAR: number;
  openOrders: number;
  whatIf: number;
  /** openAR + openOrders + whatIf. */
  exposure: number;
  /** limit − exposure checked (the group's when it decided), in `currency`; null without a limit. */
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
  /** The customer's own facts (own limit and exposure, in `currency`). */
  facts: CreditFacts;
  /** The group's facts (shared limit, group exposure, in the group's currency) when the group has a limit. */
  groupFacts: CreditFacts | null;
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
  /** The rates the check converted with, so the order check converts the same way. */
  rates?: RateTable | null;
}

/** Per-customer amounts, indexed by line: the book's customers, then customers named only on orders or the what-if. */
interface Lines {
  count: number;
  bookCount: number;
  extraNames: string[];
  extras: Map<string, number>;
  currency: string[];
  open: Float64Array;
  unapplied: Float64Array;
  pastDue: Float64Array;
  ordered: Float64Array;
  whatIf: Float64Array;
  /** Largest days overdue of the line's accounts; NaN without any. */
  oldest: Float64Array;
  hasData: Uint8Array;
  firstAccount: Int32Array;
  firstOrder: Int32Array;
  unconverted: (string[] | undefined)[];
}

/** The rows of the report: lines with data, in line order, with their exposure. */
interface Rows {
  count: number;
  line: Int32Array;
  rowOfLine: Int32Array;
  exposure: Float64Array;
}

/**
 * The phases the full check and the statuses share, up to the decisions: each customer's
 * amounts, the rows, the credit groups (and the converter between currencies they used).
 */
function creditPhases(aging: AgingReport, options: CreditOptions) {
  const convert = converterOf(options.rates ?? null);
  const lines = gatherExposure(aging, options, convert);
  const rows = pickRows(lines, options.netUnapplied);
  const groups = formCreditGroups(aging, lines, rows, convert);
  return { convert, lines, rows, groups };
}

/**
 * Checks every customer's credit (see the module comment for the rules), in phases: gather each
 * customer's amounts ({@link gatherExposure}), pick the rows, form the credit groups
 * ({@link formCreditGroups}), decide each row ({@link decideRows}) and sort by risk
 * ({@link sortByRisk}).
 *
 * Large books have 100k customers, so the per-customer state lives in typed arrays indexed by
 * customer ("line") and each report row is built once, in its final form.
 *
 * @example
 * const report = checkCredit(ageBook(book, agingOptions), { ...DEFAULT_CREDIT_OPTIONS, defaultCurrency: "USD", lang: "en-US" });
 * report.customers[0].status // the riskiest customer's status, e.g. "blocked"
 * report.counts.over         // how many customers are over their limit
 */
export function checkCredit(aging: AgingReport, options: CreditOptions): CreditReport {
  const { convert, lines, rows, groups } = creditPhases(aging, options);
  const decided = decideRows(aging, options, lines, rows, groups, convert);
  const { customers, counts } = sortByRisk(decided, rows, groups);
  return {
    asOf: aging.asOf,
    lang: options.lang,
    policy: options.policy,
    netUnapplied: options.netUnapplied,
    customers,
    groups: groups.list,
    counts,
    issues: [],
    rates: options.rates ?? null,
  };
}

/**
 * The credit check's verdicts without its report rows, for the book's customers: what the
 * collections worklist (the status) and its utilisation warning (own limit, exposure,
 * utilisation) read. Columns are indexed by row, in customer order (not by risk); customers
 * named only on orders have no row here.
 */
export interface CreditStatuses {
  asOf: number;
  /** Status per Book.customers index; null for a customer the check has no row for. */
  statusOf: (CreditStatus | null)[];
  /** Per row: the Book.customers index, the limit's currency, own limit (NaN: none), exposure and utilisation (NaN: none). */
  customerIndex: Int32Array;
  currency: string[];
  ownLimit: Float64Array;
  exposure: Float64Array;
  utilisation: Float64Array;
}

/**
 * The statuses {@link checkCredit} decides, by the same phases and the same decision, without
 * writing a reason, a location or a row object per customer (a property test compares the two).
 * The collections run needs only these, and for 100k customers the reasons cost more than the
 * decisions.
 *
 * @example
 * const statuses = creditStatuses(aging, { ...DEFAULT_CREDIT_OPTIONS, defaultCurrency: "USD", lang: "en-US" });
 * statuses.statusOf[0] // "ok", "hold", … for the first customer of the book
 */
export function creditStatuses(aging: AgingReport, options: CreditOptions): CreditStatuses {
  const { lines, rows, groups } = creditPhases(aging, options);
  const { bookCount } = lines;
  let count = 0;
  for (let r = 0; r < rows.count; r++) if (rows.line[r]! < bookCount) count++;
  const statusOf = new Array<CreditStatus | null>(bookCount).fill(null);
  const customerIndex = new Int32Array(count);
  const currency = new Array<string>(count);
  const ownLimit = new Float64Array(count);
  const exposure = new Float64Array(count);
  const utilisation = new Float64Array(count);
  const facts = blankFacts();
  const groupFacts = blankFacts();
  const zeroLimit = options.policy.noLimit === "zero";
  for (let r = 0, k = 0; r < rows.count; r++) {
    const c = rows.line[r]!;
    if (c >= bookCount) continue;
    const verdict = decideRow(aging, options.policy, lines, rows, groups, r, facts, groupFacts);
    statusOf[c] = verdict.status;
    customerIndex[k] = c;
    currency[k] = lines.currency[c]!;
    ownLimit[k] = facts.limitMinor ?? NaN;
    exposure[k] = facts.exposureMinor;
    // As utilisationOf: exposure / limit of the deciding side, none without a positive, comparable limit.
    const used = verdict.side === "group" ? groupFacts : facts;
    const limitUsed = used.limitMinor ?? (zeroLimit ? 0 : null);
    utilisation[k] = limitUsed === null || limitUsed <= 0 || !used.comparable ? NaN : used.exposureMinor / limitUsed;
    k++;
  }
  return { asOf: aging.asOf, statusOf, customerIndex, currency, ownLimit, exposure, utilisation };
}

/**
 * Phase 1: each customer's open AR, unapplied credit, past-due amount, open orders and what-if,
 * in the customer's limit currency; amounts without a rate are left out and their currency noted.
 */
function gatherExposure(aging: AgingReport, options: CreditOptions, convert: Converter): Lines {
  const { book } = aging;
  const customers = book.customers;
  const bookCount = customers.length;
  const defaultCurrency = book.currencies.length === 1 ? (book.currencies[0] ?? options.defaultCurrency) : options.defaultCurrency;

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

  const count = bookCount + extraNames.length;
  const lines: Lines = {
    count,
    bookCount,
    extraNames,
    extras,
    currency: new Array<string>(count),
    open: new Float64Array(count),
    unapplied: new Float64Array(count),
    pastDue: new Float64Array(count),
    ordered: new Float64Array(count),
    whatIf: new Float64Array(count),
    oldest: new Float64Array(count).fill(NaN),
    hasData: new Uint8Array(count),
    firstAccount: new Int32Array(count).fill(-1),
    firstOrder: new Int32Array(count).fill(-1),
    unconverted: new Array<string[] | undefined>(count),
  };
  const { currency: currencyOf, open, unapplied, pastDue, ordered, whatIf, oldest, hasData, firstAccount, firstOrder, unconverted } = lines;
  const bookCurrencies = book.currencies;
  for (let c = 0; c < bookCount; c++) {
    const stated = customers.currency[c]!;
    currencyOf[c] = stated >= 0 ? (bookCurrencies[stated] ?? defaultCurrency) : defaultCurrency;
    hasData[c] = customers.inTable[c] === 1 ? 1 : 0;
  }
  for (let c = bookCount; c < count; c++) {
    currencyOf[c] = defaultCurrency;
    hasData[c] = 1;
  }
  const noteUnconverted = (line: number, currency: string): void => {
    let list = unconverted[line];
    if (list === undefined) unconverted[line] = list = [];
    if (!list.includes(currency)) list.push(currency);
  };
  const add = (line: number, amount: number, currency: string): number => {
    const to = currencyOf[line]!;
    if (currency === to || amount === 0) return amount;
    const converted = convert(amount, currency, to);
    if (converted === null) {
      noteUnconverted(line, currency);
      return 0;
    }
    return converted;
  };

  // Open, unapplied and past-due amounts of each aging account; its items are items[itemStart .. itemEnd).
  const { items, accounts, allocation } = aging;
  const itemDays = items.daysOverdue;
  const itemInvoice = items.invoice;
  const invoiceOpen = allocation.open;
  // On a due-date aging the first bucket holds exactly the items not past due (age ≤ 0), so
  // the past-due amount is the rest of the account's open amount (exact sums of minor units).
  const dueBasis = aging.basis === "due";
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a]!;
    const line = account.customerIndex;
    const currency = account.currency;
    const start = account.itemStart;
    const end = account.itemEnd;
    const days = account.oldestDaysOverdue;
    let overdue = 0;
    // Nothing is past due unless the oldest item is.
    if (days !== null && days > 0) {
      if (dueBasis) overdue = account.open - account.buckets[0]!;
      else for (let k = start; k < end; k++) if (itemDays[k]! > 0) overdue += invoiceOpen[itemInvoice[k]!]!;
    }
    hasData[line] = 1;
    const to = currencyOf[line]!;
    if (currency === to) {
      open[line] = open[line]! + account.open;
      unapplied[line] = unapplied[line]! + account.unapplied;
      pastDue[line] = pastDue[line]! + overdue;
    } else if (account.open !== 0 || account.unapplied !== 0) {
      // One rate for the three amounts: when it is missing, none of them converts.
      const converted = convert(account.open, currency, to);
      if (converted === null) noteUnconverted(line, currency);
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
    for (let o = 0; o < orders.length; o++) {
      const line = orderLine[o]!;
      hasData[line] = 1;
      ordered[line] = ordered[line]! + add(line, orders.amount[o]!, orders.currency[o] ?? defaultCurrency);
      if (firstOrder[line] === -1) firstOrder[line] = o;
    }
  }
  if (options.whatIf) {
    hasData[whatIfLine] = 1;
    whatIf[whatIfLine] = whatIf[whatIfLine]! + options.whatIf.amount;
  }
  return lines;
}

/** Phase 2: the rows (lines with data, in line order) and each row's exposure. */
function pickRows(lines: Lines, netUnapplied: boolean): Rows {
  let count = 0;
  for (let c = 0; c < lines.count; c++) count += lines.hasData[c]!;
  const line = new Int32Array(count);
  const rowOfLine = new Int32Array(lines.count).fill(-1);
  const exposure = new Float64Array(count);
  for (let c = 0, r = 0; c < lines.count; c++) {
    if (lines.hasData[c] === 0) continue;
    line[r] = c;
    rowOfLine[c] = r;
    const openAR = netUnapplied ? lines.open[c]! - lines.unapplied[c]! : lines.open[c]!;
    exposure[r] = openAR + lines.ordered[c]! + lines.whatIf[c]!;
    r++;
  }
  return { count, line, rowOfLine, exposure };
}

/** The credit groups and, per row, the index of its group (-1 when none) and whether it is the group's own row. */
interface Groups {
  list: CreditGroup[];
  ofRow: Int32Array;
  isParent: Uint8Array;
}

/**
 * Phase 3: credit groups. Members are the rows naming the group plus the group's own row; a
 * group is listed when it has its own row or two or more members. Its limit is its own row's
 * limit (null otherwise: then it shares nothing). Exposures are added in the group's currency;
 * a member owing nothing needs no rate.
 */
function formCreditGroups(aging: AgingReport, lines: Lines, rows: Rows, convert: Converter): Groups {
  const customers = aging.book.customers;
  const { bookCount } = lines;
  const rowByKey = (key: string): number | undefined => {
    const line = customers.index.get(key) ?? lines.extras.get(key);
    if (line === undefined) return undefined;
    const row = rows.rowOfLine[line]!;
    return row >= 0 ? row : undefined;
  };
  const byKey = new Map<string, { name: string; members: number[] }>();
  for (let r = 0; r < rows.count; r++) {
    const line = rows.line[r]!;
    const groupName = line < bookCount ? (customers.group[line] ?? null) : null;
    if (groupName === null) continue;
    const key = normalizeKey(groupName);
    // A customer naming itself as its group is the group's own row, added below.
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
  const list: CreditGroup[] = [];
  const ofRow = new Int32Array(rows.count).fill(-1);
  const isParent = new Uint8Array(rows.count);
  for (const [key, { name, members }] of byKey) {
    const parent = rowByKey(key);
    if (parent === undefined && members.length < 2) continue;
    const parentLine = parent === undefined ? -1 : rows.line[parent]!;
    const currency = lines.currency[parentLine >= 0 ? parentLine : rows.line[members[0]!]!]!;
    const parentLimit = parentLine >= 0 && parentLine < bookCount ? customers.creditLimit[parentLine]! : NaN;
    let exposure = 0;
    const unconverted: string[] = [];
    for (const m of members) {
      const line = rows.line[m]!;
      for (const other of lines.unconverted[line] ?? []) if (other !== currency && !unconverted.includes(other)) unconverted.push(other);
      const amount = rows.exposure[m]!;
      const from = lines.currency[line]!;
      const converted = amount === 0 ? 0 : convert(amount, from, currency);
      if (converted === null) {
        if (!unconverted.includes(from)) unconverted.push(from);
      } else exposure += converted;
    }
    const index = list.length;
    list.push({
      name: parentLine >= 0 ? nameOfLine(customers, lines, parentLine) : name,
      currency,
      limit: Number.isNaN(parentLimit) ? null : parentLimit,
      exposure,
      comparable: unconverted.length === 0,
      unconverted,
      blocked: parentLine >= 0 && parentLine < bookCount && customers.hold[parentLine] === 1,
      members,
    });
    for (const m of members) ofRow[m] = index;
    if (parent !== undefined) isParent[parent] = 1;
  }
  return { list, ofRow, isParent };
}

function nameOfLine(customers: AgingReport["book"]["customers"], lines: Lines, line: number): string {
  return line < lines.bookCount ? (customers.name[line] ?? "") : lines.extraNames[line - lines.bookCount]!;
}

/**
 * Which facts decide: the group's when the customer has no limit of its own (or is the group's
 * own row), else the riskier of its own and the group's; on a tie the group's, so the reason
 * names the shared limit.
 *
 * @example
 * decidingSide("ok", "over", true, false) // "group"
 */
export function decidingSide(own: CreditStatus, group: CreditStatus | null, ownLimitStated: boolean, isParent: boolean): "own" | "group" {
  if (group === null) return "own";
  if (!ownLimitStated || isParent) return "group";
  return RISK[own] < RISK[group] ? "own" : "group";
}

/** One row's facts and verdict (phase 4's decision, shared by the full rows and the statuses). */
interface RowVerdict {
  line: number;
  ownLimit: number | null;
  exposure: number;
  oldestDays: number | null;
  unconverted: string[];
  group: CreditGroup | null;
  facts: CreditFacts;
  groupFacts: CreditFacts | null;
  verdict: { status: CreditStatus; side: "own" | "group" };
}

/** The facts of row `r` (its own and its group's) and the status they decide. */
function rowVerdict(aging: AgingReport, policy: CreditPolicy, lines: Lines, rows: Rows, groups: Groups, r: number): RowVerdict {
  const facts = blankFacts();
  const groupFacts = blankFacts();
  const verdict = decideRow(aging, policy, lines, rows, groups, r, facts, groupFacts);
  const c = rows.line[r]!;
  const g = groups.ofRow[r]!;
  const group = g >= 0 ? groups.list[g]! : null;
  return {
    line: c,
    ownLimit: facts.limitMinor,
    exposure: facts.exposureMinor,
    oldestDays: facts.oldestDaysOverdue,
    unconverted: lines.unconverted[c] ?? [],
    group,
    facts,
    groupFacts: group && group.limit !== null ? groupFacts : null,
    verdict,
  };
}

/** Facts to be filled by {@link decideRow}. */
function blankFacts(): CreditFacts {
  return { limitMinor: null, exposureMinor: 0, oldestDaysOverdue: null, blocked: false, comparable: true };
}

/**
 * Fills `facts` with row `r`'s own facts and `groupFacts` with its group's (when the group has a
 * limit) and returns the status they decide. The statuses of 100k customers reuse two objects.
 */
function decideRow(
  aging: AgingReport,
  policy: CreditPolicy,
  lines: Lines,
  rows: Rows,
  groups: Groups,
  r: number,
  facts: CreditFacts,
  groupFacts: CreditFacts,
): { status: CreditStatus; side: "own" | "group" } {
  const customers = aging.book.customers;
  const { bookCount } = lines;
  const c = rows.line[r]!;
  const stated = c < bookCount ? customers.creditLimit[c]! : NaN;
  const days = lines.oldest[c]!;
  const oldestDays = days !== days ? null : days;
  const g = groups.ofRow[r]!;
  const group = g >= 0 ? groups.list[g]! : null;
  const blocked = (c < bookCount && customers.hold[c] === 1) || (group?.blocked ?? false);
  facts.limitMinor = Number.isNaN(stated) ? null : stated;
  facts.exposureMinor = rows.exposure[r]!;
  facts.oldestDaysOverdue = oldestDays;
  facts.blocked = blocked;
  facts.comparable = (lines.unconverted[c]?.length ?? 0) === 0;
  const hasGroupLimit = group !== null && group.limit !== null;
  if (hasGroupLimit) {
    groupFacts.limitMinor = group.limit;
    groupFacts.exposureMinor = group.exposure;
    groupFacts.oldestDaysOverdue = oldestDays;
    groupFacts.blocked = blocked;
    groupFacts.comparable = group.comparable;
  }
  return decide(facts, hasGroupLimit ? groupFacts : null, groups.isParent[r] === 1, policy);
}

/** Utilisation as the report states it: exposure / limit of the deciding side; null without a positive, comparable limit. */
function utilisationOf(v: RowVerdict, policy: CreditPolicy): number | null {
  const used = v.verdict.side === "group" ? v.groupFacts! : v.facts;
  const limitUsed = used.limitMinor ?? (policy.noLimit === "zero" ? 0 : null);
  return limitUsed === null || limitUsed <= 0 || !used.comparable ? null : used.exposureMinor / limitUsed;
}

/** Phase 4: each row's status, reason and figures, in its final form. */
function decideRows(
  aging: AgingReport,
  options: CreditOptions,
  lines: Lines,
  rows: Rows,
  groups: Groups,
  convert: Converter,
): CustomerCredit[] {
  const { book, items, accounts } = aging;
  const customers = book.customers;
  const { lang, policy } = options;
  const { bookCount } = lines;
  const orders = options.orders;
  const customerSheet = book.sources.customers?.table;
  const customerSheetName = customerSheet?.sheet ?? "";
  const customerColumn = customerSheet?.firstColumn ?? 0;
  const sheetOfInvoice = (i: number): string => documentSheet(book.invoices, i);
  const invoiceColumn = book.sources.invoices?.table.firstColumn ?? 0;
  const zeroLimit = policy.noLimit === "zero";
  const netUnapplied = options.netUnapplied;
  const out: CustomerCredit[] = new Array<CustomerCredit>(rows.count);
  for (let r = 0; r < rows.count; r++) {
    const v = rowVerdict(aging, policy, lines, rows, groups, r);
    const { line: c, ownLimit, exposure, oldestDays, unconverted: list, group, facts, groupFacts, verdict } = v;
    const name = nameOfLine(customers, lines, c);
    const inTable = c < bookCount && customers.inTable[c] === 1;
    const currency = lines.currency[c]!;
    const openAR = netUnapplied ? lines.open[c]! - lines.unapplied[c]! : lines.open[c]!;
    const byGroup = verdict.side === "group";
    const used = byGroup ? groupFacts! : facts;
    const usedCurrency = byGroup ? group!.currency : currency;
    const limitUsed = used.limitMinor ?? (zeroLimit ? 0 : null);
    const toRowCurrency = (minor: number | null): number | null =>
      minor === null ? null : usedCurrency === currency ? minor : convert(minor, usedCurrency, currency);
    const available = limitUsed === null || !used.comparable ? null : toRowCurrency(limitUsed - used.exposureMinor);
    const utilisation = utilisationOf(v, policy);
    let location: { sheet: string; cell: string } | null = null;
    if (inTable && customerSheet) location = { sheet: customerSheetName, cell: cellAddress(customerColumn, customers.row[c]!) };
    else if (lines.firstAccount[c]! >= 0)
      location = {
        sheet: sheetOfInvoice(items.invoice[accounts[lines.firstAccount[c]!]!.itemStart]!),
        cell: cellAddress(invoiceColumn, book.invoices.row[items.invoice[accounts[lines.firstAccount[c]!]!.itemStart]!]!),
      };
    else if (orders && lines.firstOrder[c]! >= 0)
      location = { sheet: orders.sheet, cell: cellAddress(0, orders.row[lines.firstOrder[c]!]!) };
    const reason = creditReason(
      verdict.status,
      {
        ...used,
        currency: usedCurrency,
        group: byGroup ? group!.name : null,
        inTable,
        unconverted: byGroup ? group!.unconverted : list,
        groupBlocked: group?.blocked ?? false,
        groupName: group?.name ?? null,
      },
      policy,
      lang,
    );
    out[r] = {
      customer: name,
      customerIndex: c < bookCount ? c : -1,
      inTable,
      group: group ? group.name : c < bookCount ? (customers.group[c] ?? null) : null,
      segment: c < bookCount ? (customers.segment?.[c] ?? null) : null,
      currency,
      limit: byGroup ? toRowCurrency(used.limitMinor) : ownLimit,
      ownLimit,
      decidedByGroup: byGroup,
      open: lines.open[c]!,
      unapplied: lines.unapplied[c]!,
      openAR,
      openOrders: lines.ordered[c]!,
      whatIf: lines.whatIf[c]!,
      exposure,
      available,
      utilisation,
      oldestDaysOverdue: oldestDays === null ? null : max(0, oldestDays),
      overdue: lines.pastDue[c]!,
      unconverted: byGroup ? group!.unconverted : list,
      status: verdict.status,
      reason,
      facts,
      groupFacts,
      location,
    };
  }
  return out;
}

/** The status from a customer's own facts and its group's (see {@link decidingSide}). */
function decide(
  own: CreditFacts,
  group: CreditFacts | null,
  isParent: boolean,
  policy: CreditPolicy,
): { status: CreditStatus; side: "own" | "group" } {
  const ownStatus = creditDecision(own, policy);
  const groupStatus = group === null ? null : creditDecision(group, policy);
  const side = decidingSide(ownStatus, groupStatus, own.limitMinor !== null, isParent);
  return { status: side === "group" ? groupStatus! : ownStatus, side };
}

/**
 * Phase 5: sorted by risk — a counting sort on the status, then utilisation, exposure and name
 * within each status; equal rows keep their order. Group member indices follow the new order.
 */
function sortByRisk(
  rows: CustomerCredit[],
  picked: Rows,
  groups: Groups,
): { customers: CustomerCredit[]; counts: Record<CreditStatus, number> } {
  const rowCount = rows.length;
  const rank = new Uint8Array(rowCount);
  const utilisations = new Float64Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    rank[r] = RISK[rows[r]!.status];
    utilisations[r] = rows[r]!.utilisation ?? -Infinity;
  }
  const exposures = picked.exposure;
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
    const na = rows[a]!.customer;
    const nb = rows[b]!.customer;
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
  for (const group of groups.list) group.members = group.members.map((m) => position[m]!);
  return { customers: sorted, counts };
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
  /** The credit group whose total and limit decided, or null. */
  group: string | null;
  /** The credit group the customer belongs to (for a block by the group's own row), or null. */
  groupName?: string | null;
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
      return c.groupBlocked && (c.groupName ?? c.group)
        ? message(lang, "credit.reason.blocked.group", { group: (c.groupName ?? c.group)! })
        : message(lang, "credit.reason.blocked", {});
    case "hold":
      return message(lang, "credit.reason.hold", { days: c.oldestDaysOverdue ?? 0, holdDays: policy.holdDays });
    case "currency":
      // Never an empty list: a comparable=false verdict always names the currencies it could not convert.
      return c.unconverted.length > 0
        ? message(lang, "credit.reason.currency", { currencies: c.unconverted.join(", "), currency: c.currency })
        : message(lang, "credit.reason.currency.unknown", { currency: c.currency });
    case "nolimit":
      return message(lang, c.inTable ? "credit.reason.nolimit" : "credit.reason.notInTable", { exposure: money(c.exposureMinor) });
    default:
      break;
  }
  const prefix =
    c.group === null || c.limitMinor === null ? "" : message(lang, "credit.reason.group", { group: c.group, limit: money(c.limitMinor) });
  if (c.limitMinor === null) {
    const id = status === "over" ? "credit.reason.zero.over" : "credit.reason.zero.ok";
    return message(lang, c.inTable ? id : `${id}.notInTable`, { exposure: money(c.exposureMinor) }, prefix);
  }
  const limit = c.limitMinor;
  const exposure = c.exposureMinor;
  const percent = limit > 0 ? percentText(exposure / limit) : "—";
  if (status === "over")
    return message(lang, "credit.reason.over", { exposure: money(exposure), limit: money(limit), excess: money(exposure - limit) }, prefix);
  if (status === "near")
    return message(
      lang,
      "credit.reason.near",
      { exposure: money(exposure), limit: money(limit), percent, near: policy.nearPercent },
      prefix,
    );
  return message(
    lang,
    "credit.reason.ok",
    { exposure: money(exposure), limit: money(limit), percent, available: money(limit - exposure) },
    prefix,
  );
}

/** What {@link checkOrder} answers. Money in minor units of `currency`. */
export interface OrderCheck {
  customer: string;
  /** False when the customer is in neither the customer table nor the ledger. */
  known: boolean;
  group: string | null;
  /** The currency of the limit that decided (the group's when the group decided). */
  currency: string;
  limit: number | null;
  /** Available before and after the order against the deciding limit; null without a limit. */
  availableBefore: number | null;
  availableAfter: number | null;
  exposureAfter: number;
  statusBefore: CreditStatus;
  status: CreditStatus;
  reason: string;
}

/**
 * The order check: what an order of `amount` (minor units of the customer's own currency) would
 * do to a customer's credit — available credit and the resulting status with its reason, by the
 * same rules as the report. The order counts against the customer's own limit and, when it
 * belongs to a credit group with a limit, against the group's, converted with the report's rates.
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
  if (!row) {
    const facts: CreditFacts = { limitMinor: null, exposureMinor: amount, oldestDaysOverdue: null, blocked: false, comparable: true };
    const currency = report.customers[0]?.currency ?? "USD";
    const status = creditDecision(facts, policy);
    const limit = policy.noLimit === "zero" ? 0 : null;
    const reason = creditReason(
      status,
      { ...facts, currency, group: null, inTable: false, unconverted: [], groupBlocked: false },
      policy,
      lang,
    );
    return {
      customer,
      known: false,
      group: null,
      currency,
      limit: null,
      availableBefore: limit,
      availableAfter: limit === null ? null : limit - amount,
      exposureAfter: amount,
      statusBefore: creditDecision({ ...facts, exposureMinor: 0 }, policy),
      status,
      reason,
    };
  }
  const convert = converterOf(report.rates ?? null);
  const own: CreditFacts = { ...row.facts, exposureMinor: row.facts.exposureMinor + amount };
  let groupAfter: CreditFacts | null = null;
  let groupUnconverted: string[] = group?.unconverted ?? [];
  if (row.groupFacts && group) {
    const converted = amount === 0 ? 0 : convert(amount, row.currency, group.currency);
    if (converted === null && !groupUnconverted.includes(row.currency)) groupUnconverted = [...groupUnconverted, row.currency];
    groupAfter = {
      ...row.groupFacts,
      exposureMinor: row.groupFacts.exposureMinor + (converted ?? 0),
      comparable: row.groupFacts.comparable && converted !== null,
    };
  }
  const isParent = group !== null && normalizeKey(group.name) === key;
  const after = decide(own, groupAfter, isParent, policy);
  const before = decide(row.facts, row.groupFacts, isParent, policy);
  const byGroup = after.side === "group";
  const used = byGroup ? groupAfter! : own;
  const usedBefore = byGroup ? row.groupFacts! : row.facts;
  const currency = byGroup ? group!.currency : row.currency;
  const limit = used.limitMinor ?? (policy.noLimit === "zero" ? 0 : null);
  const reason = creditReason(
    after.status,
    {
      ...used,
      currency,
      group: byGroup ? group!.name : null,
      inTable: row.inTable,
      unconverted: byGroup ? groupUnconverted : row.unconverted,
      groupBlocked: group?.blocked ?? false,
      groupName: group?.name ?? null,
    },
    policy,
    lang,
  );
  return {
    customer: row.customer,
    known: true,
    group: group?.name ?? null,
    currency,
    limit: used.limitMinor,
    availableBefore: limit === null || !usedBefore.comparable ? null : limit - usedBefore.exposureMinor,
    availableAfter: limit === null || !used.comparable ? null : limit - used.exposureMinor,
    exposureAfter: used.exposureMinor,
    statusBefore: before.status,
    status: after.status,
    reason,
  };
}
