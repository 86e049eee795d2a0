/**
 * The collections worklist: who to chase today, how, and what each customer promised.
 *
 * It is computed from the aging report (the same open items, the same days past due: balances
 * are never recomputed here) and the follow-up log:
 *
 * - **Disputed**: an open dispute holds back the invoice's open amount (or the amount it
 *   names, at most the open amount). Only overdue invoices count in `disputed`: a dispute on an
 *   invoice not yet due disputes nothing overdue.
 * - **Promised**: what open promises and plan instalments still expect (amount − cash already
 *   received for them) covers the customer's oldest chaseable items first; a promise naming an
 *   invoice covers that invoice only. An item partly covered stays chaseable for the rest.
 * - **Chase** = open − disputed − promised per item; per customer and currency over the overdue
 *   items, so chase + disputed + promised = overdue (asserted).
 * - **Stage** from the days past due of the oldest chaseable item (see ladder.ts), one up after
 *   a broken promise (at most the last stage), null when nothing is chaseable.
 * - **Score** = W + round(W × 25 / 100) for a broken promise + round(W × 25 / 100) when the
 *   customer's credit status is Hold or Blocked, where W = Σ chase × weight of the item's days
 *   past due (1–30 ×1, 31–60 ×2, 61–90 ×3, 91+ ×4) in minor units of the account's currency,
 *   converted to the report currency's minor units when the account is in another currency and
 *   a rate is known (round(W / 10^d(from) × rate × 10^d(to)), as the credit check converts).
 * - **Rank**: scores in the report currency first, by score, then oldest days past due, then
 *   customer name. A score that could not be converted (no rate) is in its own currency's minor
 *   units and is never compared with another currency's: those accounts follow, grouped by
 *   currency code, ranked the same way within their currency (`unconverted` lists the currencies).
 */
import type { AgingReport } from "../aging";
import type { CreditReport, CreditStatuses } from "../credit/check";
import { converterOf } from "../credit/convert";
import type { CreditStatus } from "../credit/status";
import type { RateTable } from "../read/creditTables";
import type { Lang } from "../types";
import { NO_DATE } from "../types";
import { escalate, stageOf, type LadderStage } from "./ladder";
import type { FollowUp } from "./log";
import { customerNameOrder } from "./names";
import { isPromised, promiseStates, type PromiseState } from "./promises";

/** A weight per band of days past due; the last band is open-ended. */
export interface ScoreWeight {
  fromDays: number;
  weight: number;
}

/** How the score is made (see the module comment). */
export interface ScoreRules {
  /** Bands by their first day, ascending; days below the first band weigh 0. */
  weights: ScoreWeight[];
  /** Added for a broken promise, in percent of the weighted chase. */
  brokenPromisePercent: number;
  /** Added when the credit status is Hold or Blocked, in percent of the weighted chase. */
  holdPercent: number;
}

/** The documented default score. */
export const DEFAULT_SCORE_RULES: Readonly<ScoreRules> = {
  weights: [
    { fromDays: 1, weight: 1 },
    { fromDays: 31, weight: 2 },
    { fromDays: 61, weight: 3 },
    { fromDays: 91, weight: 4 },
  ],
  brokenPromisePercent: 25,
  holdPercent: 25,
};

/**
 * The weight of an item `days` past due.
 *
 * @example
 * scoreWeight(30, DEFAULT_SCORE_RULES) // 1
 * scoreWeight(31, DEFAULT_SCORE_RULES) // 2
 * scoreWeight(0, DEFAULT_SCORE_RULES)  // 0 (not overdue)
 */
export function scoreWeight(days: number, rules: Readonly<ScoreRules>): number {
  let weight = 0;
  for (const band of rules.weights) if (days >= band.fromDays) weight = band.weight;
  return weight;
}

/** scoreWeight with the rules bound, as a table lookup for the per-item loop (1M items). */
function weightLookup(rules: Readonly<ScoreRules>): (days: number) => number {
  const last = Math.max(0, ...rules.weights.map((w) => w.fromDays));
  const table = new Float64Array(last + 1);
  for (let d = 0; d <= last; d++) table[d] = scoreWeight(d, rules);
  const beyond = scoreWeight(last, rules);
  return (days) => (days <= 0 ? scoreWeight(days, rules) : days >= last ? beyond : table[days]!);
}

/**
 * The score weight of each aging bucket, when the weight is the same for every day of each
 * bucket past due (the default bands and the 30/60/90 aging); null otherwise.
 */
function weightsByBucket(aging: AgingReport, rules: Readonly<ScoreRules>): number[] | null {
  if (aging.basis !== "due") return null;
  const starts = new Set(aging.buckets.map((b) => b.minDays ?? -Infinity));
  if (!rules.weights.every((w) => w.fromDays <= 1 || starts.has(w.fromDays))) return null;
  return aging.buckets.map((b, k) => (k === 0 ? 0 : scoreWeight(b.minDays ?? 1, rules)));
}

/** The parts of a score, in minor units of the report currency (or the account's when no rate). */
export interface ScoreParts {
  /** Σ chase × weight. */
  weighted: number;
  brokenPromise: number;
  hold: number;
  /** Currency the parts are in. */
  currency: string;
}

/** One customer (in one currency) of the worklist. Money in minor units of `currency`. */
export interface CollectionCustomer {
  customerIndex: number;
  customer: string;
  currency: string;
  /** Index into AgingReport.accounts. */
  account: number;
  salesRep: string | null;
  email: string | null;
  phone: string | null;
  /** Open amount of the overdue items (≥ 1 day past due). */
  overdue: number;
  /** Overdue amount under open disputes. */
  disputed: number;
  /** Overdue amount covered by open promises and plan instalments. */
  promised: number;
  /** overdue − disputed − promised. */
  chase: number;
  /** Chaseable amount not yet due (what a stage-0 reminder is about). */
  chaseNotDue: number;
  /** Days past due of the oldest overdue item whatever its status; 0 when nothing is overdue. */
  oldestDaysOverdue: number;
  /** Days past due of the oldest chaseable item the ladder reaches; null when none. */
  stageDays: number | null;
  /** Stage before the broken-promise step; null when nothing is chaseable. */
  baseStage: number | null;
  stage: number | null;
  /** Action of the stage in the report's language; null without a stage. */
  action: string | null;
  brokenPromises: number;
  creditStatus: CreditStatus | null;
  /** Latest log row's date (any type), serial; null when never contacted. */
  lastContact: number | null;
  /** Earliest open until on or after as-of (promise, plan or follow-up date); null when none. */
  nextDate: number | null;
  score: number;
  scoreParts: ScoreParts;
  /** 1 = chase first. */
  rank: number;
  /** Promises and plan instalments of this customer and currency, in log order. */
  promises: PromiseState[];
}

/** Totals of one currency (the worklist's customers only). */
export interface CollectionTotals {
  currency: string;
  overdue: number;
  disputed: number;
  promised: number;
  chase: number;
}

/** Options of {@link collectionsWorklist}. */
export interface WorklistOptions {
  ladder: readonly LadderStage[];
  score?: Readonly<ScoreRules>;
  lang: Lang;
  /** Currency scores are compared in, and rates to it; without a rate a score stays in its own currency. */
  reportCurrency?: string;
  rates?: RateTable | null;
  /** The credit check of the same aging, or its statuses alone; without it no customer has a credit status. */
  credit?: CreditReport | CreditStatuses;
  /** Compute every account item by item (the reference the aging-sums shortcut is tested against). */
  itemByItem?: boolean;
  /** Contact details by customer index (from the customer table's email / phone columns). */
  contacts?: { get(customer: number): { email: string | null; phone: string | null } | undefined };
}

/** The worklist and what it was computed from. */
export interface Worklist {
  asOf: number;
  ladder: readonly LadderStage[];
  score: Readonly<ScoreRules>;
  /**
   * Ranked: score, then oldest days past due, then name. Built from `rows` when first read (then
   * kept): the figures are all in `rows`; a view that shows every customer reads this, a rule
   * over all of them reads the columns.
   */
  customers: CollectionCustomer[];
  /**
   * Calls `visit` with every customer of `customers` and its rank (0: chase first), in account
   * order rather than rank order, without holding them: a view that writes each customer once
   * (the sheet, the JSON, the letters) puts what it writes at the rank. The columns and the
   * accounts are then read in sequence, and no 100k row objects outlive the view.
   */
  eachCustomer(visit: (customer: CollectionCustomer, rank: number) => void): void;
  /** The same customers as columns (see WorklistRows). */
  rows: WorklistRows;
  /** Per currency, over the worklist's customers. */
  totals: CollectionTotals[];
  /** Every promise and instalment of the log with its status, in log order. */
  promises: PromiseState[];
  /** Currency scores are in; null when none was asked for (each account's own). */
  reportCurrency: string | null;
  /** Currencies of listed accounts whose score has no rate to the report currency (ranked after, by currency), sorted. */
  unconverted: string[];
  /** Per aging item (indices as AgingReport.items): its disputed, promised and chaseable parts. */
  itemDisputed: Float64Array;
  itemPromised: Float64Array;
}

/**
 * The worklist's figures as columns, one row per listed account in account order (as
 * AgingReport.accounts); `byRank` lists the rows in rank order. Null values are NaN (numbers) or
 * -1 (stages). Money in minor units of the account's currency; the score parts in the report
 * currency's when `scoreInReportCurrency` is 1.
 */
export interface WorklistRows {
  length: number;
  /** Rows in rank order: byRank[0] is the customer to chase first. */
  byRank: Int32Array;
  /** Index into AgingReport.accounts. */
  account: Int32Array;
  /** Index into Book.currencies. */
  currency: Int32Array;
  overdue: Float64Array;
  disputed: Float64Array;
  promised: Float64Array;
  chase: Float64Array;
  chaseNotDue: Float64Array;
  oldestDaysOverdue: Float64Array;
  /** NaN when nothing chaseable reaches the ladder. */
  stageDays: Float64Array;
  /** -1 when none. */
  baseStage: Int32Array;
  stage: Int32Array;
  brokenPromises: Int32Array;
  weighted: Float64Array;
  brokenPart: Float64Array;
  holdPart: Float64Array;
  score: Float64Array;
  scoreInReportCurrency: Uint8Array;
}

/** The promises of an account that has none: one shared empty list (147k customers, most without a promise). */
const NO_PROMISES: PromiseState[] = Object.freeze([]) as unknown as PromiseState[];

/**
 * Computes the worklist from the aging report and the follow-up log (rules in the module comment).
 *
 * @example
 * const list = collectionsWorklist(aging, followUps, { ladder: DEFAULT_LADDER, lang: "en-US" });
 * list.customers[0] // the customer to chase first
 */
export function collectionsWorklist(aging: AgingReport, followUps: readonly FollowUp[], options: WorklistOptions): Worklist {
  const { book, items, asOf } = aging;
  const ladder = options.ladder;
  const rules = options.score ?? DEFAULT_SCORE_RULES;
  const weightOf = weightLookup(rules);
  // A valid ladder is contiguous and open-ended, so it reaches every item from its first stage's day on.
  const firstLadderDay = ladder[0]?.fromDays ?? Infinity;
  const open = aging.allocation.open;
  const promises = promiseStates(followUps, book, aging.allocation, asOf);

  // Each invoice's position among the aging items, for disputes and promises naming one.
  // Named invoices are marked in a byte per invoice, so the pass over a million items hashes only the few named.
  const itemOf = new Map<number, number>();
  const named = new Uint8Array(followUps.length > 0 ? book.invoices.length : 0);
  for (let j = 0; j < followUps.length; j++) if (followUps[j]!.invoice >= 0) named[followUps[j]!.invoice] = 1;
  if (followUps.length > 0)
    for (let k = 0; k < items.length; k++) {
      const i = items.invoice[k]!;
      if (named[i] === 1) itemOf.set(i, k);
    }

  const itemDisputed = new Float64Array(items.length);
  const itemPromised = new Float64Array(items.length);
  for (let j = 0; j < followUps.length; j++) {
    const f = followUps[j]!;
    if (f.type !== "dispute" || f.status !== "open") continue;
    const k = itemOf.get(f.invoice) ?? -1;
    if (k < 0) continue; // settled, or after as-of: nothing open to hold back
    const amount = open[items.invoice[k]!]!;
    itemDisputed[k] = Math.min(amount, itemDisputed[k]! + (f.amount ?? amount));
  }

  // Open promises: those naming an invoice first, then the customer's pool, oldest first.
  // Accounts keyed by number (customer × currencies + currency): 100k accounts are looked up.
  const currencyCount = book.currencies.length + 1;
  const currencyIndex = new Map(book.currencies.map((c, k) => [c, k]));
  const accountKey = (customer: number, currency: string): number =>
    customer * currencyCount + (currencyIndex.get(currency) ?? currencyCount - 1);
  // Per account with promises: its states (log order), how many are broken, and the open amount promised without an invoice.
  const promisesOf = new Map<number, { states: PromiseState[]; broken: number; pool: number }>();
  // Customers with a promise: only their accounts look up the map.
  const promisedBy = new Uint8Array(book.customers.length);
  for (let j = 0; j < promises.length; j++) {
    const state = promises[j]!;
    const key = accountKey(state.entry.customer, state.entry.currency);
    promisedBy[state.entry.customer] = 1;
    let account = promisesOf.get(key);
    if (!account) promisesOf.set(key, (account = { states: [], broken: 0, pool: 0 }));
    account.states.push(state);
    if (state.status === "broken") account.broken++;
    if (state.status !== "open" || state.remaining <= 0) continue;
    const k = state.entry.invoice >= 0 ? (itemOf.get(state.entry.invoice) ?? -1) : -1;
    if (state.entry.invoice >= 0) {
      if (k < 0) continue;
      const free = open[items.invoice[k]!]! - itemDisputed[k]! - itemPromised[k]!;
      itemPromised[k] = itemPromised[k]! + Math.max(0, Math.min(free, state.remaining));
    } else account.pool += state.remaining;
  }

  // Per customer, by index (NaN: none): 100k customers are looked up.
  const lastContact = new Float64Array(book.customers.length).fill(NaN);
  const nextDate = new Float64Array(book.customers.length).fill(NaN);
  const nextFrom = (f: FollowUp): void => {
    const next = nextDate[f.customer]!;
    if (f.status === "open" && f.until !== NO_DATE && f.until >= asOf && !(f.until >= next)) nextDate[f.customer] = f.until;
  };
  for (let j = 0; j < followUps.length; j++) {
    const f = followUps[j]!;
    const last = lastContact[f.customer]!;
    if (f.date <= asOf && !(f.date <= last)) lastContact[f.customer] = f.date;
    // Promises and plan instalments count by their state (below): a kept one has no next date.
    if (!isPromised(f)) nextFrom(f);
  }
  for (let j = 0; j < promises.length; j++) if (promises[j]!.status === "open") nextFrom(promises[j]!.entry);

  const creditOf = creditStatusOf(options.credit, book.customers.length);
  const convert = converterOf(options.rates ?? null);
  // Per currency index: 1 when the report currency is another one with no rate from it (asked once per currency, not per account).
  const rateless = new Uint8Array(book.currencies.length);
  const to = options.reportCurrency ?? null;
  if (to !== null) book.currencies.forEach((c, k) => (rateless[k] = c !== to && convert(1, c, to) === null ? 1 : 0));
  // Stages by days past due over the ladder's bounded stages, looked up rather than searched per account.
  const stageTable = stageLookup(ladder);

  // Accounts whose items a dispute or an invoice's promise touches take the item-by-item loop.
  const touched = new Uint8Array(aging.accounts.length);
  for (const k of itemOf.values()) if (itemDisputed[k]! > 0 || itemPromised[k]! > 0) touched[items.account[k]!] = 1;
  const bucketWeights = options.itemByItem ? null : weightsByBucket(aging, rules);

  const accounts = aging.accounts;
  // Listed accounts' figures, in account order; trimmed to the listed count below.
  const capacity = accounts.length;
  // The rank's last tie-break (name, then currency code) as a number when the names' order is known.
  const position = customerNameOrder(aging);
  const codes = [...book.currencies].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const currencyRank = book.currencies.map((c) => codes.indexOf(c));
  let nameKey: Int32Array | null = position ? new Int32Array(capacity) : null;
  // Per currency index (sums of minor units: the order they are added in does not change them).
  const overdueSum = new Float64Array(book.currencies.length);
  const disputedSum = new Float64Array(book.currencies.length);
  const promisedSum = new Float64Array(book.currencies.length);
  const chaseSum = new Float64Array(book.currencies.length);
  const listedIn = new Uint8Array(book.currencies.length);
  const columns = {
    account: new Int32Array(capacity),
    currency: new Int32Array(capacity),
    overdue: new Float64Array(capacity),
    disputed: new Float64Array(capacity),
    promised: new Float64Array(capacity),
    chase: new Float64Array(capacity),
    chaseNotDue: new Float64Array(capacity),
    oldestDaysOverdue: new Float64Array(capacity),
    stageDays: new Float64Array(capacity),
    baseStage: new Int32Array(capacity),
    stage: new Int32Array(capacity),
    brokenPromises: new Int32Array(capacity),
    weighted: new Float64Array(capacity),
    brokenPart: new Float64Array(capacity),
    holdPart: new Float64Array(capacity),
    score: new Float64Array(capacity),
    scoreInReportCurrency: new Uint8Array(capacity),
  };
  const reportCurrency = options.reportCurrency ?? null;
  // Per currency index: 1 when an account's score in it has no rate to the report currency.
  const noRate = new Uint8Array(book.currencies.length);
  let n = 0;
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a]!;
    const key = account.customerIndex * currencyCount + account.currencyIndex;
    const accountPromises = promisedBy[account.customerIndex] === 1 ? promisesOf.get(key) : undefined;
    let available = accountPromises?.pool ?? 0;
    let overdue = 0;
    let disputed = 0;
    let promised = 0;
    let chaseNotDue = 0;
    let weighted = 0;
    let oldest = 0;
    // NaN: no chaseable item the ladder reaches (days past due can be negative).
    let stageDays = NaN;
    if (bucketWeights && !touched[a] && available === 0) {
      // Nothing disputed or promised: every open item is chaseable, so the aging's own sums are
      // the figures (the property tests compare this with the item-by-item loop below).
      const buckets = account.buckets;
      chaseNotDue = buckets[0]!;
      overdue = account.open - chaseNotDue;
      for (let b = 1; b < buckets.length; b++) weighted += buckets[b]! * bucketWeights[b]!;
      const days = account.oldestDaysOverdue;
      if (overdue > 0 && days !== null) oldest = days;
      if (days !== null && days >= firstLadderDay) stageDays = days;
    } else
      for (let k = account.itemStart; k < account.itemEnd; k++) {
        const amount = open[items.invoice[k]!]!;
        if (available > 0) {
          const free = amount - itemDisputed[k]! - itemPromised[k]!;
          const cover = Math.min(free, available);
          if (cover > 0) {
            itemPromised[k] = itemPromised[k]! + cover;
            available -= cover;
          }
        }
        const days = items.daysOverdue[k]!;
        const chase = amount - itemDisputed[k]! - itemPromised[k]!;
        if (days >= 1) {
          overdue += amount;
          disputed += itemDisputed[k]!;
          promised += itemPromised[k]!;
          weighted += chase * weightOf(days);
          if (days > oldest) oldest = days;
        } else chaseNotDue += chase;
        if (chase > 0 && days >= firstLadderDay && (stageDays !== stageDays || days > stageDays)) stageDays = days;
      }
    const chase = overdue - disputed - promised;
    if (chase < 0 || disputed < 0 || promised < 0)
      throw new Error(`Collections: negative part for ${account.customer} ${account.currency}`);
    const brokenPromises = accountPromises?.broken ?? 0;
    const baseStage = stageDays !== stageDays ? null : stageTable(stageDays);
    if (overdue === 0 && baseStage === null && brokenPromises === 0) continue;
    const status = creditOf[account.customerIndex] ?? null;
    const converted =
      reportCurrency === null ? weighted : rateless[account.currencyIndex] ? null : convert(weighted, account.currency, reportCurrency);
    const base = converted ?? weighted;
    const brokenPart = brokenPromises > 0 ? Math.round((base * rules.brokenPromisePercent) / 100) : 0;
    const holdPart = status === "hold" || status === "blocked" ? Math.round((base * rules.holdPercent) / 100) : 0;
    columns.account[n] = a;
    columns.currency[n] = account.currencyIndex;
    columns.overdue[n] = overdue;
    columns.disputed[n] = disputed;
    columns.promised[n] = promised;
    columns.chase[n] = chase;
    columns.chaseNotDue[n] = chaseNotDue;
    columns.oldestDaysOverdue[n] = oldest;
    columns.stageDays[n] = stageDays;
    columns.baseStage[n] = baseStage ?? -1;
    columns.stage[n] = baseStage === null ? -1 : brokenPromises > 0 ? escalate(baseStage, ladder) : baseStage;
    columns.brokenPromises[n] = brokenPromises;
    columns.weighted[n] = base;
    columns.brokenPart[n] = brokenPart;
    columns.holdPart[n] = holdPart;
    columns.score[n] = base + brokenPart + holdPart;
    columns.scoreInReportCurrency[n] = converted === null ? 0 : 1;
    if (converted === null) noRate[account.currencyIndex] = 1;
    if (nameKey) {
      const p = position![account.customerIndex]!;
      if (p < 0) nameKey = null;
      else nameKey[n] = p * codes.length + currencyRank[account.currencyIndex]!;
    }
    const cur = account.currencyIndex;
    listedIn[cur] = 1;
    overdueSum[cur] = overdueSum[cur]! + overdue;
    disputedSum[cur] = disputedSum[cur]! + disputed;
    promisedSum[cur] = promisedSum[cur]! + promised;
    chaseSum[cur] = chaseSum[cur]! + chase;
    n++;
  }
  // Currencies without a rate, by code; their accounts rank after, one group per currency.
  const unconverted = [...new Set(book.currencies.filter((_, c) => noRate[c] === 1))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const groupOfCurrency = new Int32Array(book.currencies.length);
  book.currencies.forEach((c, k) => (groupOfCurrency[k] = noRate[k] === 1 ? unconverted.indexOf(c) + 1 : 0));
  const group = new Int32Array(n);
  for (let k = 0; k < n; k++) group[k] = columns.scoreInReportCurrency[k] ? 0 : groupOfCurrency[columns.currency[k]!]!;
  const byRank =
    (nameKey && rankByDigits(n, group, columns.score, columns.oldestDaysOverdue, nameKey.subarray(0, n))) ??
    rankOrder(n, group, columns.score, columns.oldestDaysOverdue, (x, y) => {
      const p = accounts[columns.account[x]!]!;
      const q = accounts[columns.account[y]!]!;
      return p.customer < q.customer ? -1 : p.customer > q.customer ? 1 : p.currency < q.currency ? -1 : p.currency > q.currency ? 1 : 0;
    });
  const rows: WorklistRows = {
    length: n,
    byRank,
    account: columns.account.subarray(0, n),
    currency: columns.currency.subarray(0, n),
    overdue: columns.overdue.subarray(0, n),
    disputed: columns.disputed.subarray(0, n),
    promised: columns.promised.subarray(0, n),
    chase: columns.chase.subarray(0, n),
    chaseNotDue: columns.chaseNotDue.subarray(0, n),
    oldestDaysOverdue: columns.oldestDaysOverdue.subarray(0, n),
    stageDays: columns.stageDays.subarray(0, n),
    baseStage: columns.baseStage.subarray(0, n),
    stage: columns.stage.subarray(0, n),
    brokenPromises: columns.brokenPromises.subarray(0, n),
    weighted: columns.weighted.subarray(0, n),
    brokenPart: columns.brokenPart.subarray(0, n),
    holdPart: columns.holdPart.subarray(0, n),
    score: columns.score.subarray(0, n),
    scoreInReportCurrency: columns.scoreInReportCurrency.subarray(0, n),
  };

  const totals: CollectionTotals[] = [];
  book.currencies.forEach((currency, c) => {
    if (!listedIn[c]) return;
    const total = { currency, overdue: overdueSum[c]!, disputed: disputedSum[c]!, promised: promisedSum[c]!, chase: chaseSum[c]! };
    if (total.chase + total.disputed + total.promised !== total.overdue) throw new Error(`Collections: ${currency} totals do not tie`);
    totals.push(total);
  });

  // One row as the views read it (see Worklist.customers). Actions by stage, looked up once.
  const actionOf = ladder.map((s) => s.action[options.lang] ?? null);
  const rowAt = (r: number, rank: number): CollectionCustomer => {
    const a = rows.account[r]!;
    const account = accounts[a]!;
    const c = account.customerIndex;
    const contact = options.contacts?.get(c);
    const stage = rows.stage[r]!;
    const inReport = rows.scoreInReportCurrency[r] === 1 && reportCurrency !== null;
    const stageDays = rows.stageDays[r]!;
    const last = lastContact[c]!;
    const next = nextDate[c]!;
    return {
      customerIndex: c,
      customer: account.customer,
      currency: account.currency,
      account: a,
      salesRep: account.salesRep,
      email: contact?.email ?? null,
      phone: contact?.phone ?? null,
      overdue: rows.overdue[r]!,
      disputed: rows.disputed[r]!,
      promised: rows.promised[r]!,
      chase: rows.chase[r]!,
      chaseNotDue: rows.chaseNotDue[r]!,
      oldestDaysOverdue: rows.oldestDaysOverdue[r]!,
      stageDays: stageDays !== stageDays ? null : stageDays,
      baseStage: rows.baseStage[r]! < 0 ? null : rows.baseStage[r]!,
      stage: stage < 0 ? null : stage,
      action: stage < 0 ? null : (actionOf[stage] ?? null),
      brokenPromises: rows.brokenPromises[r]!,
      creditStatus: creditOf[c] ?? null,
      lastContact: last !== last ? null : last,
      nextDate: next !== next ? null : next,
      score: rows.score[r]!,
      scoreParts: {
        weighted: rows.weighted[r]!,
        brokenPromise: rows.brokenPart[r]!,
        hold: rows.holdPart[r]!,
        currency: inReport ? reportCurrency : account.currency,
      },
      rank: rank + 1,
      promises: (promisedBy[c] === 1 ? promisesOf.get(c * currencyCount + account.currencyIndex)?.states : undefined) ?? NO_PROMISES,
    };
  };
  const list = {
    asOf,
    ladder,
    score: rules,
    rows,
    reportCurrency,
    unconverted,
    totals: totals.sort((x, y) => (x.currency < y.currency ? -1 : 1)),
    promises,
    itemDisputed,
    itemPromised,
  };
  let customers: CollectionCustomer[] | null = null;
  let rankOf: Int32Array | null = null;
  const eachCustomer = (visit: (customer: CollectionCustomer, rank: number) => void): void => {
    if (!rankOf) {
      rankOf = new Int32Array(n);
      for (let rank = 0; rank < n; rank++) rankOf[byRank[rank]!] = rank;
    }
    for (let r = 0; r < n; r++) visit(customers ? customers[rankOf[r]!]! : rowAt(r, rankOf[r]!), rankOf[r]!);
  };
  // A method, not data: not enumerable, so two worklists of the same figures compare and serialise alike.
  Object.defineProperty(list, "eachCustomer", { enumerable: false, value: eachCustomer });
  return Object.defineProperty(list, "customers", {
    enumerable: true,
    configurable: true,
    get: () => {
      if (customers) return customers;
      // Built in account order (the columns and the accounts read in sequence), each put at its rank.
      const built = new Array<CollectionCustomer>(n);
      eachCustomer((customer, rank) => (built[rank] = customer));
      return (customers = built);
    },
  }) as Worklist;
}

/** stageOf with the ladder bound: a table over the days its bounded stages cover, the search beyond. */
function stageLookup(ladder: readonly LadderStage[]): (days: number) => number | null {
  const first = ladder[0]?.fromDays ?? 0;
  let last = first - 1;
  for (const s of ladder) if (s.toDays !== null && s.toDays > last) last = s.toDays;
  if (!(last - first < 100000)) return (days) => stageOf(days, ladder);
  const table = new Int32Array(last - first + 1);
  for (let d = first; d <= last; d++) table[d - first] = stageOf(d, ladder) ?? -1;
  return (days) => {
    if (days < first || days > last) return stageOf(days, ladder);
    const stage = table[days - first]!;
    return stage < 0 ? null : stage;
  };
}

/** The credit status of each customer (by Book.customers index) from the credit check or its statuses. */
function creditStatusOf(credit: CreditReport | CreditStatuses | undefined, customerCount: number): readonly (CreditStatus | null)[] {
  if (credit && "statusOf" in credit) return credit.statusOf;
  const statusOf = new Array<CreditStatus | null>(customerCount).fill(null);
  for (const c of credit?.customers ?? []) if (c.customerIndex >= 0) statusOf[c.customerIndex] = c.status;
  return statusOf;
}

/**
 * Positions 0 … n − 1 in rank order: by group (0: scores in the report currency, then one group
 * per currency without a rate), score (high first), oldest days past due (high first), then
 * `byName` (customer name, then currency). Sorted as indices over typed keys: the comparator runs
 * millions of times for 100k customers, and only ties on the numbers compare names.
 */
function rankOrder(
  n: number,
  group: Int32Array,
  score: Float64Array,
  oldest: Float64Array,
  byName: (x: number, y: number) => number,
): Int32Array {
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  return order.sort((a, b) => {
    const byGroup = group[a]! - group[b]!;
    if (byGroup !== 0) return byGroup;
    const byScore = score[b]! - score[a]!;
    if (byScore !== 0) return byScore;
    const byDays = oldest[b]! - oldest[a]!;
    if (byDays !== 0) return byDays;
    return byName(a, b);
  });
}

/**
 * The rank order of {@link rankOrder} with the name tie-break given as numbers (`nameKey`,
 * ascending, distinct per row), sorted without a comparator: stable counting passes over 16-bit
 * digits, least significant key first (name, then oldest days and score, both high first, then
 * group), skipping digits every row shares. Null when a score or an age is not a whole number
 * from 0 to 2^53 (the comparator sort then decides).
 */
function rankByDigits(n: number, group: Int32Array, score: Float64Array, oldest: Float64Array, nameKey: Int32Array): Int32Array | null {
  let order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  if (n === 0) return order;
  let spare = new Int32Array(n);
  const count = new Int32Array(65537);
  // Ages and scores high first: their distance below the largest, as whole numbers (scores in two 32-bit words).
  let oldestMax = 0;
  let scoreMax = 0;
  for (let k = 0; k < n; k++) {
    const d = oldest[k]!;
    const s = score[k]!;
    if (!(Number.isInteger(d) && d >= 0 && d < 2 ** 32 && Number.isSafeInteger(s) && s >= 0)) return null;
    if (d > oldestMax) oldestMax = d;
    if (s > scoreMax) scoreMax = s;
  }
  const age = new Uint32Array(n);
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    age[k] = oldestMax - oldest[k]!;
    const below = scoreMax - score[k]!;
    low[k] = below % 2 ** 32;
    high[k] = Math.floor(below / 2 ** 32);
  }
  for (const keys of [Uint32Array.from(nameKey), age, low, high, Uint32Array.from(group)]) {
    for (const shift of [0, 16]) {
      if (!countingPass(keys, shift, order, spare, count)) continue;
      const swap = order;
      order = spare;
      spare = swap;
    }
  }
  return order;
}

/**
 * One stable counting pass of `order` by bits shift … shift + 15 of each row's key, into `into`;
 * false (nothing written) when every key has the same bits there, so the order stands.
 */
function countingPass(keys: Uint32Array, shift: number, order: Int32Array, into: Int32Array, count: Int32Array): boolean {
  const n = keys.length;
  let and = -1;
  let or = 0;
  for (let k = 0; k < n; k++) {
    and &= keys[k]!;
    or |= keys[k]!;
  }
  if ((((and ^ or) >>> shift) & 0xffff) === 0) return false;
  count.fill(0);
  for (let k = 0; k < n; k++) count[((keys[k]! >>> shift) & 0xffff) + 1]!++;
  for (let v = 0; v < 65536; v++) count[v + 1]! += count[v]!;
  for (let r = 0; r < n; r++) {
    const k = order[r]!;
    into[count[(keys[k]! >>> shift) & 0xffff]!++] = k;
  }
  return true;
}

/** One open item of a customer with its parts. Money in minor units. */
export interface CollectionItem {
  /** Index into Book.invoices. */
  invoice: number;
  number: string;
  invoiceDate: number;
  dueDate: number;
  daysOverdue: number;
  open: number;
  disputed: number;
  promised: number;
  chase: number;
}

/**
 * A worklist customer's open items, oldest due first, for the pane and the letters.
 *
 * @example
 * customerItems(aging, list, list.customers[0]).map((i) => i.number) // ["INV-1001", …]
 */
export function customerItems(aging: AgingReport, list: Worklist, customer: Pick<CollectionCustomer, "account">): CollectionItem[] {
  const account = aging.accounts[customer.account];
  if (!account) return [];
  const inv = aging.book.invoices;
  const result: CollectionItem[] = [];
  for (let k = account.itemStart; k < account.itemEnd; k++) {
    const i = aging.items.invoice[k]!;
    const open = aging.allocation.open[i]!;
    result.push({
      invoice: i,
      number: inv.number[i] ?? "",
      invoiceDate: inv.invoiceDate[i]!,
      dueDate: inv.dueDate[i]!,
      daysOverdue: aging.items.daysOverdue[k]!,
      open,
      disputed: list.itemDisputed[k]!,
      promised: list.itemPromised[k]!,
      chase: open - list.itemDisputed[k]! - list.itemPromised[k]!,
    });
  }
  return result;
}
