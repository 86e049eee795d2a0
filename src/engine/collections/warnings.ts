/**
 * Early warning (预警): rules with thresholds over the aging, the credit check and the log.
 *
 * - `oldestOverdue`: the oldest overdue item is more than `days` days past due (default 60);
 * - `overdueAmount`: the overdue amount is above `amount` (major units; off by default);
 * - `creditUtilisation`: exposure is at least `percent` % of the credit limit (default 90);
 * - `brokenPromise`: the customer broke a promise or a plan instalment;
 * - `agingWorsened`: the balance more than `days` days past due (default 60, i.e. 61+) grew
 *   since the previous month-end;
 * - `newOverdue`: something is overdue now and nothing was at the previous month-end.
 *
 * The previous month-end is the same ledger with cash applied at that date by the same
 * allocation the aging uses (see {@link monthEndOverdue}: only the two sums the rules read are
 * made, not a second full aging report), so the two figures come from one set of rules.
 */
import { dueOf, type AccountAging, type AgingReport } from "../aging";
import { allocateCash, type Allocation } from "../allocation";
import { overdueAtEarlierDate } from "../allocation/earlier";
import { float64Column } from "../columns";
import type { Book, Lang } from "../types";
import type { CreditReport, CreditStatuses } from "../credit/check";
import { currencyDecimals } from "../currency";
import { fromMinor, toMinor } from "../money";
import { customerNameOrder } from "./names";
import type { Worklist } from "./worklist";

/** The rules and their thresholds, as saved in the workbook (`--warnings FILE.json`). */
export interface WarningRules {
  oldestOverdue: { enabled: boolean; days: number };
  overdueAmount: { enabled: boolean; amount: number };
  creditUtilisation: { enabled: boolean; percent: number };
  brokenPromise: { enabled: boolean };
  agingWorsened: { enabled: boolean; days: number };
  newOverdue: { enabled: boolean };
}

export type WarningRule = keyof WarningRules;

/** The rules in the order they are shown. */
export const WARNING_RULES: readonly WarningRule[] = [
  "oldestOverdue",
  "overdueAmount",
  "creditUtilisation",
  "brokenPromise",
  "agingWorsened",
  "newOverdue",
];

/** The defaults of the issue. */
export const DEFAULT_WARNING_RULES: Readonly<WarningRules> = {
  oldestOverdue: { enabled: true, days: 60 },
  overdueAmount: { enabled: false, amount: 0 },
  creditUtilisation: { enabled: true, percent: 90 },
  brokenPromise: { enabled: true },
  agingWorsened: { enabled: true, days: 60 },
  newOverdue: { enabled: true },
};

/**
 * Rules from a saved or --warnings value: missing rules and thresholds keep their defaults; a
 * value of the wrong kind is refused with the rule's name.
 *
 * @example
 * warningRulesOf({ overdueAmount: { enabled: true, amount: 50000 } }) // { ok: true, rules: { …, overdueAmount: { enabled: true, amount: 50000 } } }
 * warningRulesOf({ oldestOverdue: { days: -1 } })                       // { ok: false, rule: "oldestOverdue" }
 */
export function warningRulesOf(value: unknown): { ok: true; rules: WarningRules } | { ok: false; rule: string } {
  const rules = JSON.parse(JSON.stringify(DEFAULT_WARNING_RULES)) as WarningRules;
  if (value === null || value === undefined) return { ok: true, rules };
  if (typeof value !== "object" || Array.isArray(value)) return { ok: false, rule: "" };
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!(WARNING_RULES as readonly string[]).includes(name) || typeof raw !== "object" || raw === null) return { ok: false, rule: name };
    const target = rules[name as WarningRule] as unknown as Record<string, number | boolean>;
    for (const [field, v] of Object.entries(raw as Record<string, unknown>)) {
      if (!(field in target)) return { ok: false, rule: name };
      if (field === "enabled" ? typeof v !== "boolean" : typeof v !== "number" || !Number.isFinite(v) || v < 0)
        return { ok: false, rule: name };
      target[field] = v as number | boolean;
    }
  }
  return { ok: true, rules };
}

/** One warning. `value` and `threshold` are days, major units or percent, by rule. */
export interface EarlyWarning {
  customerIndex: number;
  customer: string;
  currency: string;
  rule: WarningRule;
  value: number;
  threshold: number;
}

/**
 * The ledger's overdue position at a past date (the previous month-end), per account: what the
 * month-end rules compare with today. Key: customer × currencies + currency.
 */
export interface MonthEndOverdue {
  /** The date, an Excel serial. */
  asOf: number;
  /** The `agingWorsened` threshold `beyond` is summed for. */
  days: number;
  /** Open amount ≥ 1 day past due, and the part more than `days` past due, minor units. */
  byAccount: Map<number, { overdue: number; beyond: number }>;
  /**
   * The same sums by account of `allocation` (the current one it was computed from), when it
   * was: the warnings walk these columns alongside the aging's accounts instead of hashing keys.
   */
  columns?: { allocation: Allocation; overdue: Float64Array; beyond: Float64Array };
}

/**
 * The overdue position of `book` at `date`: cash applied at that date exactly as the aging
 * applies it (allocateCash, due-date basis, cash auto-applied, as collections ages), then one
 * pass over the invoices summing what each account had overdue and more than `days` past due.
 * The aging's other work (item layout, reps, currency totals) is not needed for two sums, which
 * makes this about the allocation's cost rather than a second aging's (a property test checks the
 * sums equal those of a full aging at that date). `current`, the allocation at a later date (the
 * as-of's), lends its account order and the invoices its payments and credit notes name, so
 * neither is worked out again.
 *
 * @example
 * monthEndOverdue(book, lastMonthEnd(asOf), 60, "en-US").byAccount.get(key) // { overdue: 150000, beyond: 40000 }
 */
export function monthEndOverdue(book: Book, date: number, days: number, lang: Lang, current?: Allocation): MonthEndOverdue {
  const currencyCount = book.currencies.length;
  // From the current allocation (a later date) the two sums need no second cash application.
  const sums = current ? overdueAtEarlierDate(book, date, days, current) : null;
  if (current && sums) {
    const { customer, currency, length } = current.accounts;
    let byAccount: Map<number, { overdue: number; beyond: number }> | null = null;
    const position = { asOf: date, days, columns: { allocation: current, overdue: sums.overdue, beyond: sums.beyond } };
    // The map by key is built when first read: the warnings read the columns.
    return Object.defineProperty(position, "byAccount", {
      enumerable: true,
      configurable: true,
      get: () => {
        if (byAccount) return byAccount;
        byAccount = new Map<number, { overdue: number; beyond: number }>();
        for (let a = 0; a < length; a++) {
          if (sums.overdue[a] === 0) continue;
          byAccount.set(customer[a]! * currencyCount + currency[a]!, { overdue: sums.overdue[a]!, beyond: sums.beyond[a]! });
        }
        return byAccount;
      },
    }) as MonthEndOverdue;
  }
  // Otherwise cash is applied at that date, with the current allocation's account order and references when given.
  const allocation = allocateCash(book, { asOf: date, autoApply: true, lang, later: current });
  const accounts = allocation.accounts;
  const overdue = float64Column(accounts.length);
  const beyond = float64Column(accounts.length);
  const { open, account } = allocation;
  const { dueDate, invoiceDate, isCreditNote } = book.invoices;
  for (let i = 0, n = book.invoices.length; i < n; i++) {
    const amount = open[i]!;
    const a = account[i]!;
    if (amount === 0 || a < 0 || isCreditNote[i]) continue;
    const daysOverdue = date - dueOf(dueDate[i]!, invoiceDate[i]!, date);
    if (daysOverdue < 1) continue;
    overdue[a] = overdue[a]! + amount;
    if (daysOverdue > days) beyond[a] = beyond[a]! + amount;
  }
  const byAccount = new Map<number, { overdue: number; beyond: number }>();
  for (let a = 0; a < accounts.length; a++) {
    if (overdue[a] === 0) continue;
    byAccount.set(accounts.customer[a]! * currencyCount + accounts.currency[a]!, { overdue: overdue[a]!, beyond: beyond[a]! });
  }
  return { asOf: date, days, byAccount };
}

/**
 * The aging bucket starting the day after `days` on a due-date aging (whose first bucket holds
 * exactly what is not past due), so that the sums over `days` are the buckets'; -1 when none.
 */
function bucketAfter(aging: AgingReport, days: number): number {
  return aging.basis === "due" ? aging.buckets.findIndex((b, k) => k > 0 && b.minDays === days + 1) : -1;
}

/** Per account of an aging (indices as AgingReport.accounts): overdue and the part more than `days` past due, minor units. */
function overdueByAccount(aging: AgingReport, days: number): { overdue: Float64Array; beyond: Float64Array } {
  const { items, accounts, allocation } = aging;
  const overdueOf = new Float64Array(accounts.length);
  const beyondOf = new Float64Array(accounts.length);
  const from = bucketAfter(aging, days);
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a]!;
    let overdue = 0;
    let beyond = 0;
    if (from > 0) {
      overdue = account.open - account.buckets[0]!;
      for (let b = from; b < account.buckets.length; b++) beyond += account.buckets[b]!;
    } else {
      for (let k = account.itemStart; k < account.itemEnd; k++) {
        const d = items.daysOverdue[k]!;
        if (d < 1) continue;
        const amount = allocation.open[items.invoice[k]!]!;
        overdue += amount;
        if (d > days) beyond += amount;
      }
    }
    overdueOf[a] = overdue;
    beyondOf[a] = beyond;
  }
  return { overdue: overdueOf, beyond: beyondOf };
}

/**
 * The month-end sums of each account of `aging` (indices as AgingReport.accounts; 0 for an
 * account that had nothing then) from a position or a full aging at the month-end.
 */
function monthEndOfAccounts(
  aging: AgingReport,
  previous: MonthEndOverdue | AgingReport,
  days: number,
): { overdue: Float64Array; beyond: Float64Array } {
  const { accounts } = aging;
  const overdue = new Float64Array(accounts.length);
  const beyond = new Float64Array(accounts.length);
  const currencyCount = aging.book.currencies.length;
  let byKey: Map<number, { overdue: number; beyond: number }>;
  if ("byAccount" in previous) byKey = previous.byAccount;
  else {
    const sums = overdueByAccount(previous, days);
    byKey = new Map();
    previous.accounts.forEach((account, a) =>
      byKey.set(account.customerIndex * currencyCount + account.currencyIndex, { overdue: sums.overdue[a]!, beyond: sums.beyond[a]! }),
    );
  }
  accounts.forEach((account, a) => {
    const sums = byKey.get(account.customerIndex * currencyCount + account.currencyIndex);
    if (sums) {
      overdue[a] = sums.overdue;
      beyond[a] = sums.beyond;
    }
  });
  return { overdue, beyond };
}

/** exposure × 10000 ≥ limit × percent (in hundredths), exact: doubles while the products are safe integers, BigInt beyond. */
function atLeastPercent(exposureMinor: number, limitMinor: number, percentHundredths: number): boolean {
  const left = Math.round(exposureMinor) * 10000;
  const right = Math.round(limitMinor) * percentHundredths;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(Math.round(exposureMinor)) * 10000n >= BigInt(Math.round(limitMinor)) * BigInt(percentHundredths);
}

/**
 * The warnings of every customer, by rule order then customer. `previous` is the ledger's
 * position at the previous month-end ({@link monthEndOverdue}, or the same ledger fully aged at
 * that date); without it the month-end rules are not evaluated.
 *
 * @example
 * earlyWarnings(aging, previous, credit, worklist, DEFAULT_WARNING_RULES)
 * // [{ customer: "Acme", currency: "USD", rule: "oldestOverdue", value: 75, threshold: 60 }, …]
 */
export function earlyWarnings(
  aging: AgingReport,
  previous: MonthEndOverdue | AgingReport | null,
  credit: CreditReport | CreditStatuses,
  list: Worklist,
  rules: Readonly<WarningRules>,
): EarlyWarning[] {
  // Each rule's warnings apart (in WARNING_RULES order), to be sorted by name at the end.
  const byRule = WARNING_RULES.map(() => [] as EarlyWarning[]);
  const add = (warning: EarlyWarning): number => byRule[WARNING_RULES.indexOf(warning.rule)]!.push(warning);
  const days = rules.agingWorsened.days;
  if (previous && "byAccount" in previous && previous.days !== days)
    throw new RangeError(`Month-end position summed beyond ${previous.days} days, the rule asks for ${days}`);
  const { book, accounts } = aging;
  // One pass over the aging's accounts: today's sums from its buckets when a bucket starts the
  // day after `days` (else item by item), the month-end's from the position's columns when it
  // was made from this aging's allocation (its accounts are the aging's, with those holding
  // nothing besides, in the same order: one walk pairs them), else by key.
  const from = bucketAfter(aging, days);
  const now = from > 0 ? null : overdueByAccount(aging, days);
  const columns =
    previous !== null && "byAccount" in previous && previous.columns?.allocation === aging.allocation ? previous.columns : null;
  const then = previous === null || columns ? null : monthEndOfAccounts(aging, previous, days);
  const source = aging.allocation.accounts;
  let j = 0;
  const decimals = book.currencies.map(currencyDecimals);
  const push = (account: AccountAging, rule: WarningRule, value: number, threshold: number): void => {
    byRule[WARNING_RULES.indexOf(rule)]!.push({
      customerIndex: account.customerIndex,
      customer: account.customer,
      currency: account.currency,
      rule,
      value,
      threshold,
    });
  };
  const { oldestOverdue, overdueAmount, agingWorsened, newOverdue } = rules;
  const amountThreshold = decimals.map((d) => toMinor(overdueAmount.amount, d));
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a]!;
    let overdue = 0;
    let beyond = 0;
    if (now) {
      overdue = now.overdue[a]!;
      beyond = now.beyond[a]!;
    } else {
      const buckets = account.buckets;
      overdue = account.open - buckets[0]!;
      for (let b = from; b < buckets.length; b++) beyond += buckets[b]!;
    }
    const oldest = overdue > 0 ? (account.oldestDaysOverdue ?? 0) : 0;
    if (oldestOverdue.enabled && oldest > oldestOverdue.days) push(account, "oldestOverdue", oldest, oldestOverdue.days);
    const d = decimals[account.currencyIndex]!;
    if (overdueAmount.enabled && overdue > amountThreshold[account.currencyIndex]!)
      push(account, "overdueAmount", fromMinor(overdue, d), overdueAmount.amount);
    if (previous === null) continue;
    let overdueThen = 0;
    let beyondThen = 0;
    if (columns) {
      while (j < source.length && (source.customer[j] !== account.customerIndex || source.currency[j] !== account.currencyIndex)) j++;
      if (j === source.length) throw new Error("Collections: an aging account missing from its allocation");
      overdueThen = columns.overdue[j]!;
      beyondThen = columns.beyond[j]!;
    } else if (then) {
      overdueThen = then.overdue[a]!;
      beyondThen = then.beyond[a]!;
    }
    if (agingWorsened.enabled && beyond > beyondThen) push(account, "agingWorsened", fromMinor(beyond, d), fromMinor(beyondThen, d));
    if (newOverdue.enabled && overdue > 0 && overdueThen === 0) push(account, "newOverdue", fromMinor(overdue, d), 0);
  }
  if (rules.brokenPromise.enabled) {
    const { rows } = list;
    for (let r = 0; r < rows.length; r++) {
      if (rows.brokenPromises[r]! === 0) continue;
      const account = accounts[rows.account[r]!]!;
      add({
        customerIndex: account.customerIndex,
        customer: account.customer,
        currency: account.currency,
        rule: "brokenPromise",
        value: rows.brokenPromises[r]!,
        threshold: 1,
      });
    }
  }
  if (rules.creditUtilisation.enabled) {
    const percentHundredths = Math.round(rules.creditUtilisation.percent * 100);
    if ("statusOf" in credit) {
      const names = aging.book.customers.name;
      for (let r = 0; r < credit.customerIndex.length; r++) {
        const utilisation = credit.utilisation[r]!;
        const limitMinor = credit.ownLimit[r]!;
        // NaN: no utilisation, or no limit of its own (as null in the report's rows).
        if (utilisation !== utilisation || !(limitMinor > 0)) continue;
        if (atLeastPercent(credit.exposure[r]!, limitMinor, percentHundredths)) {
          const customerIndex = credit.customerIndex[r]!;
          add({
            customerIndex,
            customer: names[customerIndex] ?? "",
            currency: credit.currency[r]!,
            rule: "creditUtilisation",
            value: Math.round(utilisation * 1000) / 10,
            threshold: rules.creditUtilisation.percent,
          });
        }
      }
    } else
      for (const c of credit.customers) {
        const { limitMinor, exposureMinor } = c.facts;
        if (c.utilisation === null || c.customerIndex < 0 || limitMinor === null || limitMinor <= 0) continue;
        // exposure ≥ limit × percent / 100, in integers (hundredths of a percent), as the credit check compares.
        if (atLeastPercent(exposureMinor, limitMinor, percentHundredths)) {
          add({
            customerIndex: c.customerIndex,
            customer: c.customer,
            currency: c.currency,
            rule: "creditUtilisation",
            value: Math.round(c.utilisation * 1000) / 10,
            threshold: rules.creditUtilisation.percent,
          });
        }
      }
  }
  // By rule (in WARNING_RULES order), then customer and currency: each rule's warnings are sorted
  // apart (an account has one warning per rule), on numbers when the names' order is known.
  const position = customerNameOrder(aging);
  const warnings: EarlyWarning[] = [];
  for (const list of byRule) {
    const order = position && orderByKnownName(list, position, book.currencies);
    if (order) for (let k = 0; k < order.length; k++) warnings.push(list[order[k]!]!);
    else for (const warning of list.sort(byName)) warnings.push(warning);
  }
  return warnings;
}

/** Customer name, then currency code, in code-unit order. */
function byName(x: EarlyWarning, y: EarlyWarning): number {
  return x.customer < y.customer ? -1 : x.customer > y.customer ? 1 : x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0;
}

/**
 * The positions of `list` in order of customer name then currency code, through each
 * customer's known position (see customerNameOrder) and the currency's rank: a stable counting
 * sort by customer of the list in currency order (as the accounts are walked: by currency, then
 * name), sorted by currency first when it is not. Null when a warning's customer or currency
 * has no position (the caller then sorts by name).
 *
 * @example
 * orderByKnownName([usdOfBravo, eurOfAlpha], position, ["USD", "EUR"]) // Int32Array [1, 0]
 */
function orderByKnownName(list: readonly EarlyWarning[], position: Int32Array, currencies: readonly string[]): Int32Array | null {
  const codes = [...currencies].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const rankOf = new Map(codes.map((code, k) => [code, k]));
  const n = list.length;
  const customerKey = new Int32Array(n);
  const currencyKey = new Int32Array(n);
  let customers = 0;
  let lastCode: string | null = null;
  let lastRank: number | undefined;
  let inCurrencyOrder = true;
  for (let k = 0; k < n; k++) {
    const w = list[k]!;
    const customer = position[w.customerIndex] ?? -1;
    // Warnings come in runs of one currency: its rank is looked up when it changes.
    if (w.currency !== lastCode) {
      lastCode = w.currency;
      lastRank = rankOf.get(w.currency);
    }
    const currency = lastRank;
    if (customer < 0 || currency === undefined) return null;
    customerKey[k] = customer;
    currencyKey[k] = currency;
    if (customer >= customers) customers = customer + 1;
    if (k > 0 && currency < currencyKey[k - 1]!) inCurrencyOrder = false;
  }
  const identity = new Int32Array(n);
  for (let k = 0; k < n; k++) identity[k] = k;
  return countingSort(inCurrencyOrder ? identity : countingSort(identity, currencyKey, codes.length), customerKey, customers);
}

/** `order` stably sorted by `key[k]` (0 ≤ key < range) of each entry k. */
function countingSort(order: Int32Array, key: Int32Array, range: number): Int32Array {
  const next = new Int32Array(range + 1);
  for (let r = 0; r < order.length; r++) next[key[order[r]!]! + 1]!++;
  for (let v = 0; v < range; v++) next[v + 1]! += next[v]!;
  const sorted = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) sorted[next[key[order[r]!]!]!++] = order[r]!;
  return sorted;
}
