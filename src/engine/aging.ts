/**
 * Aging: open items sorted into day buckets, per account, per sales rep and per currency.
 *
 * Buckets are inclusive upper bounds ("30 days past due" is in 1-30, "due today" is Current),
 * and every open item lands in exactly one bucket, so buckets always sum to the open balance.
 * Amounts stay in integer minor units; report builders divide when they write.
 */
import type { AgingBasis, AgingOptions, Book, ExcludedRow, Lang, RowIssue } from "./types";
import { NO_DATE } from "./types";
import { allocateCash, type Allocation } from "./allocation";
import { t } from "../i18n";
import { float64Column, int32Column, uint8Column } from "./columns";

/**
 * One aging bucket. `key` is the en-US label, used in JSON and as a stable id; `label` is in
 * the report's language. Days are inclusive; null means unbounded on that side.
 */
export interface Bucket {
  key: string;
  label: string;
  minDays: number | null;
  maxDays: number | null;
}

/** Open invoices, columnar, in report order (account order, then oldest due first). */
export interface OpenItems {
  length: number;
  /** Index into Book.invoices. */
  invoice: Int32Array;
  /** asOf − due date; negative when not yet due. */
  daysOverdue: Int32Array;
  /** Age by the report's basis (days overdue, or days since the invoice date). */
  age: Int32Array;
  /** Index into AgingReport.buckets. */
  bucket: Uint8Array;
  /** Index into AgingReport.accounts. */
  account: Int32Array;
}

/** Aging of one customer in one currency. Money in minor units of `currency`. */
export interface AccountAging {
  /** Index into Book.customers. */
  customerIndex: number;
  customer: string;
  /** Index into Book.currencies. */
  currencyIndex: number;
  currency: string;
  /** The customer's rep, else the rep carrying most of the account's open amount. */
  salesRep: string | null;
  /** Credit limit when it is stated in this account's currency, else null. */
  creditLimit: number | null;
  buckets: number[];
  open: number;
  unapplied: number;
  /** open − unapplied. */
  net: number;
  /** Largest days overdue among open items; null without open items. */
  oldestDaysOverdue: number | null;
  /** open / total open of the currency (0 when that total is 0). */
  share: number;
  /** This account's open items are items[itemStart .. itemEnd). */
  itemStart: number;
  itemEnd: number;
}

/** Open balance of one sales rep in one currency (rep of each invoice). */
export interface RepAging {
  /** null for invoices without a rep. */
  salesRep: string | null;
  currency: string;
  buckets: number[];
  open: number;
}

/** Totals of one currency; currencies are never added together. */
export interface CurrencyTotals {
  currency: string;
  buckets: number[];
  open: number;
  unapplied: number;
  net: number;
}

/** Everything an aging report shows, computed once for every output (sheets, JSON, task pane). */
export interface AgingReport {
  asOf: number;
  basis: AgingBasis;
  boundaries: number[];
  autoApply: boolean;
  lang: Lang;
  buckets: Bucket[];
  book: Book;
  allocation: Allocation;
  items: OpenItems;
  /** Accounts with a non-zero open or unapplied amount, by currency code then customer name. */
  accounts: AccountAging[];
  /** By currency, then rep name (no rep last). */
  reps: RepAging[];
  /** By currency code. */
  totals: CurrencyTotals[];
  /** The book's excluded rows, then the allocation's. */
  excluded: ExcludedRow[];
  /** The book's issues, then the allocation's. */
  issues: RowIssue[];
}

/**
 * The buckets for a basis and inclusive upper bounds. Basis `due` starts with Current (not yet
 * due, max 0 days); basis `invoice` starts at 0 days. The last bucket is open-ended.
 * The first bucket has minDays null so that it also catches anything below it.
 *
 * @example
 * makeBuckets("due", [30, 60, 90], "en-US").map((b) => b.label) // ["Current", "1-30", "31-60", "61-90", "90+"]
 * makeBuckets("invoice", [30], "zh-CN").map((b) => b.label)     // ["0-30天", "30天以上"]
 */
export function makeBuckets(basis: AgingBasis, boundaries: readonly number[], lang: Lang): Bucket[] {
  const specs: { minDays: number | null; maxDays: number | null }[] = [];
  if (basis === "due") specs.push({ minDays: null, maxDays: 0 });
  boundaries.forEach((upper, k) => {
    const lower = k === 0 ? (basis === "due" ? 1 : 0) : boundaries[k - 1]! + 1;
    specs.push({ minDays: specs.length === 0 ? null : lower, maxDays: upper });
  });
  const last = boundaries[boundaries.length - 1];
  if (last !== undefined) specs.push({ minDays: last + 1, maxDays: null });
  return specs.map((spec, k) => ({ key: bucketLabel(basis, k, spec, "en-US"), label: bucketLabel(basis, k, spec, lang), ...spec }));
}

function bucketLabel(basis: AgingBasis, k: number, spec: { minDays: number | null; maxDays: number | null }, lang: Lang): string {
  if (basis === "due" && k === 0) return t(lang, "aging.bucket.current");
  if (spec.maxDays === null) return t(lang, "aging.bucket.over", { days: spec.minDays === null ? 0 : spec.minDays - 1 });
  // The first invoice-basis bucket is labelled from 0 even though it is open below.
  const from = spec.minDays ?? (basis === "invoice" ? 0 : 1);
  return t(lang, "aging.bucket.range", { from, to: spec.maxDays });
}

/**
 * Index of the bucket for an age in days (inclusive upper bounds).
 *
 * @example
 * bucketIndex(0, "due", [30, 60, 90])      // 0 (Current: due today)
 * bucketIndex(30, "due", [30, 60, 90])     // 1 (1-30)
 * bucketIndex(91, "due", [30, 60, 90])     // 4 (90+)
 * bucketIndex(30, "invoice", [30, 60, 90]) // 0 (0-30)
 */
export function bucketIndex(days: number, basis: AgingBasis, boundaries: readonly number[]): number {
  const offset = basis === "due" ? 1 : 0;
  if (basis === "due" && days <= 0) return 0;
  for (let k = 0; k < boundaries.length; k++) if (days <= boundaries[k]!) return k + offset;
  return boundaries.length + offset;
}

/**
 * Reads bucket boundaries as typed by a user ("30,60,90", "30 60 90", "30，60，90"): strictly
 * increasing positive integers, at least one. Returns null for anything else.
 *
 * @example
 * parseBoundaries("30,60,90,120,180,360") // [30, 60, 90, 120, 180, 360]
 * parseBoundaries("60,30")                // null
 * parseBoundaries("0,30")                 // null
 */
export function parseBoundaries(text: string): number[] | null {
  const parts = text.trim().split(/\s*[,，;；]\s*|\s+/);
  if (parts.some((part) => !/^\d{1,9}$/.test(part))) return null;
  const boundaries = parts.map(Number);
  return isValidBoundaries(boundaries) ? boundaries : null;
}

/**
 * The buckets every front end starts from: Current, 1–30, 31–60, 61–90, 90+. One constant so the
 * CLI, the task pane's settings, the ribbon and the custom functions cannot drift apart.
 *
 * @example
 * makeBuckets("due", DEFAULT_BOUNDARIES, "en-US").length // 5
 */
export const DEFAULT_BOUNDARIES: readonly number[] = Object.freeze([30, 60, 90]);

/** Most boundaries a report takes: buckets are numbered in one byte (OpenItems.bucket). */
export const MAX_BOUNDARIES = 100;

/**
 * True when boundaries are strictly increasing positive integers, at least one and at most
 * {@link MAX_BOUNDARIES}.
 *
 * @example
 * isValidBoundaries([30, 60, 90]) // true
 * isValidBoundaries([30, 30])     // false
 */
export function isValidBoundaries(boundaries: readonly number[]): boolean {
  if (boundaries.length === 0 || boundaries.length > MAX_BOUNDARIES) return false;
  return boundaries.every((b, k) => Number.isSafeInteger(b) && b > 0 && (k === 0 || b > boundaries[k - 1]!));
}

/**
 * Applies cash (see allocateCash) and ages what is left open at `options.asOf`.
 * Throws a RangeError for invalid boundaries: callers validate user input with parseBoundaries.
 *
 * @example
 * const report = ageBook(book, { asOf: 46326, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
 * report.totals[0].open // total open of the first currency, in minor units
 */
export function ageBook(book: Book, options: AgingOptions): AgingReport {
  const { asOf, basis, lang } = options;
  const boundaries = [...options.boundaries];
  if (!isValidBoundaries(boundaries)) throw new RangeError(`Invalid aging boundaries: ${boundaries.join(",")}`);
  const buckets = makeBuckets(basis, boundaries, lang);
  const bucketCount = buckets.length;
  const allocation = allocateCash(book, { asOf, autoApply: options.autoApply, lang });
  const inv = book.invoices;
  const { open, order } = allocation;
  const source = allocation.accounts;

  // Pass 1, in source order (sequential reads): each open item's bucket (kept per invoice, + 1,
  // so 0 means "not an open item") and the account sums. Sums of minor units are exact, so the
  // order they are added in does not matter.
  const { account: invoiceAccount } = allocation;
  const { dueDate, invoiceDate, isCreditNote } = inv;
  const lookup = bucketLookup(basis, boundaries);
  const byDue = basis === "due";
  const bucketOf = uint8Column(inv.length);
  const accountBuckets = float64Column(source.length * bucketCount);
  const accountOpen = float64Column(source.length);
  const oldest = float64Column(source.length).fill(-Infinity);
  const firstItem = int32Column(source.length + 1);
  let itemCount = 0;
  for (let i = 0, n = inv.length; i < n; i++) {
    const amount = open[i]!;
    const a = invoiceAccount[i]!;
    if (amount === 0 || a < 0 || isCreditNote[i]) continue;
    const daysOverdue = asOf - dueOf(dueDate[i]!, invoiceDate[i]!, asOf);
    const bucket = lookup(byDue ? daysOverdue : asOf - dueOf(invoiceDate[i]!, invoiceDate[i]!, asOf));
    bucketOf[i] = bucket + 1;
    const slot = a * bucketCount + bucket;
    accountBuckets[slot] = accountBuckets[slot]! + amount;
    accountOpen[a] = accountOpen[a]! + amount;
    if (daysOverdue > oldest[a]!) oldest[a] = daysOverdue;
    firstItem[a + 1] = firstItem[a + 1]! + 1;
    itemCount++;
  }
  for (let a = 0; a < source.length; a++) firstItem[a + 1] = firstItem[a + 1]! + firstItem[a]!;

  // Pass 2: the open items in allocation order, grouped by account (already in report order),
  // oldest due first. `order` holds every invoice still open, and only a byte per invoice is
  // looked up through it for the ones auto-apply settled.
  const items: OpenItems = {
    length: itemCount,
    invoice: int32Column(itemCount),
    daysOverdue: int32Column(itemCount),
    age: int32Column(itemCount),
    bucket: uint8Column(itemCount),
    account: int32Column(itemCount),
  };
  const { invoice: itemInvoice, daysOverdue: itemDaysOverdue, age: itemAge, bucket: itemBucket, account: itemAccount } = items;
  const accountStart = source.start;
  let m = 0;
  for (let a = 0; a < source.length; a++) {
    for (let k = accountStart[a]!, end = accountStart[a + 1]!; k < end; k++) {
      const i = order[k]!;
      const bucket = bucketOf[i]!;
      if (bucket === 0) continue;
      const daysOverdue = asOf - dueOf(dueDate[i]!, invoiceDate[i]!, asOf);
      itemInvoice[m] = i;
      itemDaysOverdue[m] = daysOverdue;
      itemAge[m] = byDue ? daysOverdue : asOf - dueOf(invoiceDate[i]!, invoiceDate[i]!, asOf);
      itemBucket[m] = bucket - 1;
      itemAccount[m] = a;
      m++;
    }
  }
  // Both passes must see the same items, or the account sums would not tie to the items.
  if (m !== itemCount) throw new Error(`Aging: ${itemCount - m} open invoices are missing from the allocation order`);

  const accounts: AccountAging[] = [];
  const reportIndex = int32Column(source.length).fill(-1);
  const repOf = dominantRep(book, allocation, items, firstItem);
  for (let a = 0; a < source.length; a++) {
    const unapplied = source.unapplied[a]!;
    const accountOpenAmount = accountOpen[a]!;
    if (accountOpenAmount === 0 && unapplied === 0) continue;
    const customer = source.customer[a]!;
    const currency = source.currency[a]!;
    reportIndex[a] = accounts.length;
    accounts.push({
      customerIndex: customer,
      customer: book.customers.name[customer] ?? "",
      currencyIndex: currency,
      currency: book.currencies[currency] ?? "",
      salesRep: repOf(a, customer),
      creditLimit: creditLimitFor(book, customer, currency),
      buckets: Array.from(accountBuckets.subarray(a * bucketCount, (a + 1) * bucketCount)),
      open: accountOpenAmount,
      unapplied,
      net: accountOpenAmount - unapplied,
      oldestDaysOverdue: oldest[a]! === -Infinity ? null : oldest[a]!,
      share: 0,
      itemStart: firstItem[a]!,
      itemEnd: firstItem[a + 1]!,
    });
  }
  // Items carried the allocation's account number; the report numbers only accounts it shows.
  for (let k = 0; k < items.length; k++) itemAccount[k] = reportIndex[itemAccount[k]!]!;

  const totals = currencyTotals(accounts, bucketCount);
  const totalOpen = new Map(totals.map((total) => [total.currency, total.open]));
  for (const account of accounts) {
    const whole = totalOpen.get(account.currency) ?? 0;
    account.share = whole === 0 ? 0 : account.open / whole;
  }

  return {
    asOf,
    basis,
    boundaries,
    autoApply: options.autoApply,
    lang,
    buckets,
    book,
    allocation,
    items,
    accounts,
    reps: repTotals(book, allocation, bucketOf, bucketCount),
    totals,
    excluded: [...book.excluded, ...allocation.excluded],
    issues: [...book.issues, ...allocation.issues],
  };
}

/**
 * The date an item ages from: its due date, else its invoice date; a missing date (read
 * normally rejects those) counts as as-of. Shared with collections' month-end position.
 *
 * @example
 * dueOf(NO_DATE, 46296, 46326) // 46296 (no due date: the invoice date)
 */
export function dueOf(date: number, fallback: number, asOf: number): number {
  if (date !== NO_DATE) return date;
  return fallback !== NO_DATE ? fallback : asOf;
}

/**
 * bucketIndex with the boundaries bound, as a table lookup for the per-item loop (the aging's and
 * the history's).
 *
 * @example
 * bucketLookup("due", [30, 60, 90])(45) // 2: the 31–60 bucket
 */
export function bucketLookup(basis: AgingBasis, boundaries: readonly number[]): (days: number) => number {
  const last = boundaries[boundaries.length - 1]!;
  if (last > 100000) return (days) => bucketIndex(days, basis, boundaries);
  const table = uint8Column(last + 1);
  for (let d = 0; d <= last; d++) table[d] = bucketIndex(d, basis, boundaries);
  const over = bucketIndex(last + 1, basis, boundaries);
  // Both bases put every age ≤ 0 in the first bucket.
  return (days) => (days <= 0 ? 0 : days > last ? over : table[days]!);
}

/**
 * The customer's credit limit for this account: when stated in the account's currency, or
 * stated without a currency in a single-currency book (where it can only mean that currency).
 */
function creditLimitFor(book: Book, customer: number, currency: number): number | null {
  const limit = book.customers.creditLimit[customer]!;
  if (Number.isNaN(limit)) return null;
  const stated = book.customers.currency[customer]!;
  if (stated === currency) return limit;
  if (stated < 0 && book.currencies.length === 1) return limit;
  return null;
}

/** The account's rep: the customer's, else the rep carrying most of its open amount (ties: name). */
function dominantRep(
  book: Book,
  allocation: Allocation,
  items: OpenItems,
  firstItem: Int32Array,
): (account: number, customer: number) => string | null {
  const reps = book.salesReps;
  const scratch = float64Column(reps.length);
  const inv = book.invoices;
  return (account, customer) => {
    const own = book.customers.salesRep[customer]!;
    if (own >= 0) return reps[own] ?? null;
    const touched: number[] = [];
    for (let k = firstItem[account]!, end = firstItem[account + 1]!; k < end; k++) {
      const i = items.invoice[k]!;
      const rep = inv.salesRep[i]!;
      if (rep < 0) continue;
      if (scratch[rep] === 0) touched.push(rep);
      scratch[rep] = scratch[rep]! + allocation.open[i]!;
    }
    let best = -1;
    for (const rep of touched) {
      if (best < 0 || scratch[rep]! > scratch[best]! || (scratch[rep] === scratch[best] && (reps[rep] ?? "") < (reps[best] ?? "")))
        best = rep;
    }
    for (const rep of touched) scratch[rep] = 0;
    return best >= 0 ? (reps[best] ?? null) : null;
  };
}

function currencyTotals(accounts: readonly AccountAging[], bucketCount: number): CurrencyTotals[] {
  const byCurrency = new Map<string, CurrencyTotals>();
  for (const account of accounts) {
    let total = byCurrency.get(account.currency);
    if (!total) {
      total = { currency: account.currency, buckets: new Array<number>(bucketCount).fill(0), open: 0, unapplied: 0, net: 0 };
      byCurrency.set(account.currency, total);
    }
    for (let b = 0; b < bucketCount; b++) total.buckets[b] = total.buckets[b]! + account.buckets[b]!;
    total.open += account.open;
    total.unapplied += account.unapplied;
    total.net += account.net;
  }
  return [...byCurrency.values()].sort((x, y) => (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0));
}

/**
 * Per (invoice rep, currency): each invoice counts for its own rep (else its customer's).
 * `bucketOf[i]` is invoice i's bucket + 1, 0 when it is not an open item; the invoices are
 * read in source order, sequentially.
 */
function repTotals(book: Book, allocation: Allocation, bucketOf: Uint8Array, bucketCount: number): RepAging[] {
  const { salesRep, currency: invoiceCurrency } = book.invoices;
  const open = allocation.open;
  const byKey = new Map<number, RepAging>();
  const repCount = book.salesReps.length + 1;
  // Consecutive invoices often share rep and currency: the last entry saves a Map lookup.
  let lastKey = -1;
  let lastEntry: RepAging | undefined;
  for (let i = 0, n = bucketOf.length; i < n; i++) {
    const bucket = bucketOf[i]! - 1;
    if (bucket < 0) continue;
    const rep = salesRep[i]!;
    const currency = invoiceCurrency[i]!;
    const key = currency * repCount + (rep + 1);
    let entry = key === lastKey ? lastEntry : byKey.get(key);
    if (!entry) {
      entry = {
        salesRep: rep >= 0 ? (book.salesReps[rep] ?? null) : null,
        currency: book.currencies[currency] ?? "",
        buckets: new Array<number>(bucketCount).fill(0),
        open: 0,
      };
      byKey.set(key, entry);
    }
    lastKey = key;
    lastEntry = entry;
    const amount = open[i]!;
    entry.buckets[bucket] = entry.buckets[bucket]! + amount;
    entry.open += amount;
  }
  return [...byKey.values()].sort(
    (x, y) =>
      (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0) ||
      (x.salesRep === y.salesRep ? 0 : x.salesRep === null ? 1 : y.salesRep === null ? -1 : x.salesRep < y.salesRep ? -1 : 1),
  );
}
