/**
 * AR history in one sweep: the ledger's dated events (documents, payments, and the day a
 * payment or credit note can first reach the invoice it names) are bucketed by month once, then
 * walked month by month; at each month-end the open items are read off the running state, with
 * exactly the placement the aging gives at that date (see allocateCash and ageBook).
 *
 * Why this reproduces the aging without re-running it: at any as-of date an invoice's open
 * amount after its named payments and credit notes is max(0, amount − Σ claims dated on or
 * before as-of, once the invoice itself is dated), whatever order they are applied in, and
 * everything else of the account (unreferenced cash and credit, refunds, the excess of
 * over-claimed invoices) is one pool that settles the account's invoices oldest due first.
 * Claims only grow with time, so an invoice settled by its claims stays settled and drops out
 * of the walk for good; invoices join the walk in the month they are dated. So the walk at each
 * month-end touches only invoices dated by then and not settled by the documents naming them.
 *
 * Money stays in integer minor units; the sums are exact, so every month-end is checked in
 * code: per currency, open items − unapplied credit = opening + invoiced − credits − cash +
 * refunds. A mismatch throws: a history that does not tie is a bug, never a report.
 */
import { sourceAt } from "../sources";
import type { AgingBasis, Book, CellValue, Field, Lang, Role, RowIssue } from "../types";
import { NO_DATE } from "../types";
import { bucketLookup, isValidBoundaries, makeBuckets, type Bucket } from "../aging";
import { buildNumberIndex, firstWithNumber, nextWithNumber, type NumberIndex } from "../numberIndex";
import { compareDocumentNumbers } from "../allocation";
import { compareText, stableSortByKey } from "../allocation/sort";
import { cellAddress } from "../read/normalize";
import { documentSheet, float64Column, int32Column } from "../columns";
import { t, type MessageParams } from "../../i18n";
import { monthEndSerial, monthKey, monthOfSerial } from "./months";
import { bookIssue } from "../issues";

const { max, min } = Math;

/** How history rows are split within a currency. */
export type HistoryGrouping = "currency" | "customer" | "rep";

/** Options of {@link buildHistory}. Months are month indices (see parseMonth). */
export interface HistoryOptions {
  /** First month reported. */
  from: number;
  /** Last month reported (inclusive); nothing dated after its last day is read. */
  to: number;
  basis: AgingBasis;
  /** Inclusive upper bounds of the aging buckets, as in AgingOptions. */
  boundaries: readonly number[];
  /** Apply unreferenced cash and credit oldest due first, as the aging's option of that name. */
  autoApply: boolean;
  lang: Lang;
  groupBy: HistoryGrouping;
  /**
   * Months of flows kept one by one before `from` (for KPI windows). Omitted: the whole ledger,
   * back to its first month (count-back DSO walks it). Older flows are summed into one slot.
   */
  keepMonths?: number;
}

/** One row group: a currency, or a customer or sales rep within a currency. */
export interface HistoryGroup {
  currency: string;
  /** Customer name (groupBy customer), rep name (groupBy rep; null = no rep), null for currency totals. */
  key: string | null;
}

/** Field offsets after the buckets in a snapshot record. */
export const SNAPSHOT = { current: 0, overdue: 1, overdue61: 2, open: 3, unapplied: 4, overLimit: 5 } as const;
const SNAPSHOT_FIELDS = 6;

/** The sweep's result: flows per month slot and group, and month-end snapshots. Minor units. */
export interface History {
  options: HistoryOptions;
  buckets: Bucket[];
  groups: HistoryGroup[];
  /** Month of flow slot s ≥ 1 is keepFrom + s − 1; slot 0 holds everything dated before keepFrom. */
  keepFrom: number;
  slots: number;
  invoiced: Float64Array;
  credits: Float64Array;
  cash: Float64Array;
  refunds: Float64Array;
  /** Month of the ledger's earliest dated document or payment up to `to`; null for an empty ledger. */
  firstMonth: number | null;
  /** Snapshots exist for months snapFrom (= from − 1) .. to. */
  snapFrom: number;
  /** Record of month k (from snapFrom), group g: [(k × groups + g) × width + field], buckets first. */
  snapshot: Float64Array;
  width: number;
  issues: RowIssue[];
}

/**
 * Runs the sweep. Throws a RangeError for invalid boundaries or from > to (callers validate).
 *
 * @example
 * const h = buildHistory(book, { from: parseMonth("2026-07")!, to: parseMonth("2026-10")!, basis: "due",
 *   boundaries: [30, 60, 90], autoApply: true, lang: "en-US", groupBy: "currency" });
 * historyRows(h)[0].closing // net AR of the first currency at 2026-07-31, minor units
 */
export function buildHistory(book: Book, options: HistoryOptions): History {
  const { from, to, basis, autoApply, lang } = options;
  const boundaries = [...options.boundaries];
  if (!isValidBoundaries(boundaries)) throw new RangeError(`Invalid aging boundaries: ${boundaries.join(",")}`);
  if (!(from <= to)) throw new RangeError(`History: from ${monthKey(from)} is after to ${monthKey(to)}`);
  const buckets = makeBuckets(basis, boundaries, lang);
  const bucketCount = buckets.length;
  const width = bucketCount + SNAPSHOT_FIELDS;
  const inv = book.invoices;
  const pay = book.payments;
  const toSerial = monthEndSerial(to);
  const snapFrom = from - 1;
  const issues: RowIssue[] = [];

  // --- Months: the ledger's first month, and a day -> slot table -------------------------------
  let earliest = Infinity;
  for (let i = 0; i < inv.length; i++) {
    const d = inv.invoiceDate[i]!;
    if (d !== NO_DATE && d <= toSerial && d < earliest) earliest = d;
  }
  if (pay) {
    for (let p = 0; p < pay.length; p++) {
      const d = pay.date[p]!;
      if (d !== NO_DATE && d <= toSerial && d < earliest) earliest = d;
    }
  }
  const firstMonth = earliest === Infinity ? null : monthOfSerial(earliest);
  const ledgerStart = firstMonth === null ? snapFrom : min(firstMonth, snapFrom);
  const keepFrom = options.keepMonths === undefined ? ledgerStart : min(snapFrom, max(ledgerStart, from - options.keepMonths));
  const slots = to - keepFrom + 2;
  const startSerial = monthEndSerial(keepFrom - 1) + 1;
  const slotByDay = int32Column(max(0, toSerial - startSerial + 1));
  for (let m = keepFrom, d = startSerial; m <= to; m++) {
    const end = monthEndSerial(m);
    for (; d <= end; d++) slotByDay[d - startSerial] = m - keepFrom + 1;
  }
  const slotOf = (serial: number): number => (serial < startSerial ? 0 : slotByDay[serial - startSerial]!);

  // --- Accounts (customer × currency) and groups ------------------------------------------------
  const currencyCount = max(1, book.currencies.length);
  const accountOfKey = new Map<number, number>();
  const accountCustomer: number[] = [];
  const accountCurrency: number[] = [];
  const accountFor = (customer: number, currency: number): number => {
    const key = customer * currencyCount + currency;
    let a = accountOfKey.get(key);
    if (a === undefined) {
      a = accountCustomer.length;
      accountOfKey.set(key, a);
      accountCustomer.push(customer);
      accountCurrency.push(currency);
    }
    return a;
  };
  const docAccount = int32Column(inv.length).fill(-1);
  for (let i = 0; i < inv.length; i++) if (inv.invoiceDate[i]! <= toSerial) docAccount[i] = accountFor(inv.customer[i]!, inv.currency[i]!);
  const payAccount = int32Column(pay ? pay.length : 0).fill(-1);
  if (pay)
    for (let p = 0; p < pay.length; p++) if (pay.date[p]! <= toSerial) payAccount[p] = accountFor(pay.customer[p]!, pay.currency[p]!);
  const accountCount = accountCustomer.length;
  // Event subjects: ≥ 0 a claim on that invoice; −1 − a account a's pool (settles its invoices
  // oldest due first); −1 − accountCount − a account a's earmarked cash (a payment naming an
  // invoice not yet dated: unapplied credit that is never auto-applied, as in cash application).
  const earmarkOf = (account: number): number => -1 - accountCount - account;

  const repSlots = book.salesReps.length + 1;
  const groups: HistoryGroup[] = [];
  let docGroup: (i: number) => number;
  let accountGroup: (a: number) => number;
  if (options.groupBy === "customer") {
    for (let a = 0; a < accountCount; a++)
      groups.push({ currency: book.currencies[accountCurrency[a]!] ?? "", key: book.customers.name[accountCustomer[a]!] ?? "" });
    docGroup = (i) => docAccount[i]!;
    accountGroup = (a) => a;
  } else if (options.groupBy === "rep") {
    for (let c = 0; c < currencyCount; c++) {
      for (let r = -1; r < book.salesReps.length; r++)
        groups.push({ currency: book.currencies[c] ?? "", key: r < 0 ? null : (book.salesReps[r] ?? null) });
    }
    docGroup = (i) => inv.currency[i]! * repSlots + inv.salesRep[i]! + 1;
    accountGroup = (a) => accountCurrency[a]! * repSlots + book.customers.salesRep[accountCustomer[a]!]! + 1;
  } else {
    for (let c = 0; c < currencyCount; c++) groups.push({ currency: book.currencies[c] ?? "", key: null });
    docGroup = (i) => inv.currency[i]!;
    accountGroup = (a) => accountCurrency[a]!;
  }
  const groupCount = groups.length;
  const groupCurrency = int32Column(groupCount);
  groups.forEach((g, k) => (groupCurrency[k] = max(0, book.currencies.indexOf(g.currency))));

  // --- Flows and state events -----------------------------------------------------------------
  const invoiced = float64Column(slots * groupCount);
  const credits = float64Column(slots * groupCount);
  const cash = float64Column(slots * groupCount);
  const refunds = float64Column(slots * groupCount);
  const events = new EventList();
  // An ERP export without payments carries open amounts: they are the truth, as in the aging.
  const fromOpenAmounts = pay === null && hasOpenAmounts(book);
  if (fromOpenAmounts) issues.push(bookIssue(lang, "warning", "analytics.history.open-amounts"));
  const effective = float64Column(inv.length);
  const lookup = needsLookup(book, toSerial) ? (inv.numberIndex ?? buildNumberIndex(inv.number, inv.length)) : null;

  for (let i = 0; i < inv.length; i++) {
    const date = inv.invoiceDate[i]!;
    if (date > toSerial) continue;
    const slot = slotOf(date);
    const g = docGroup(i);
    const at = slot * groupCount + g;
    const amount = inv.amount[i]!;
    const stated = inv.openAmount[i]!;
    const useStated = fromOpenAmounts && !Number.isNaN(stated);
    if (!inv.isCreditNote[i]) {
      const start = useStated ? min(max(stated, 0), max(0, amount)) : amount;
      effective[i] = start;
      invoiced[at] = invoiced[at]! + amount;
      // The part an ERP export shows as settled, with no payment to date it by.
      if (start !== amount) cash[at] = cash[at]! + (amount - start);
      continue;
    }
    const available = useStated ? min(Math.abs(stated), Math.abs(amount)) : -amount;
    credits[at] = credits[at]! + available;
    const account = docAccount[i]!;
    const reference = inv.reference[i];
    const target = reference && available > 0 ? findInvoice(lookup, reference, inv.customer[i]!, book) : -1;
    if (target >= 0 && inv.currency[target] === inv.currency[i])
      claimOrPool(events, slotOf, toSerial, -1 - account, target, inv.invoiceDate[target]!, date, available);
    else events.push(slot, -1 - account, available);
  }

  if (pay) {
    for (let p = 0; p < pay.length; p++) {
      const date = pay.date[p]!;
      if (date > toSerial) continue;
      const amount = pay.amount[p]!;
      const account = payAccount[p]!;
      const number = pay.invoiceNumber[p];
      const slot = slotOf(date);
      const target = number && amount > 0 ? findInvoice(lookup, number, pay.customer[p]!, book) : -1;
      const mismatch = target >= 0 && inv.currency[target] !== pay.currency[p];
      const targetDate = target >= 0 ? inv.invoiceDate[target]! : NO_DATE;
      // Cash counts for the rep of the invoice it names, else for the customer's rep.
      const g = target >= 0 && !mismatch && targetDate <= toSerial ? docGroup(target) : accountGroup(account);
      if (mismatch && targetDate <= date) {
        // The aging leaves it out of the balances at every date it could count.
        issues.push(paymentMismatch(book, lang, p, target));
        continue;
      }
      const at = slot * groupCount + g;
      if (amount > 0) cash[at] = cash[at]! + amount;
      else refunds[at] = refunds[at]! - amount;
      if (target < 0) {
        events.push(slot, -1 - account, amount);
      } else if (mismatch) {
        // Earmarked credit until its invoice is dated (the aging never auto-applies a deposit
        // for a later invoice); from then on the aging drops it.
        events.push(slot, earmarkOf(account), amount);
        if (targetDate <= toSerial) {
          issues.push(paymentMismatch(book, lang, p, target));
          const leave = slotOf(targetDate);
          events.push(leave, earmarkOf(account), -amount);
          const back = leave * groupCount + g;
          cash[back] = cash[back]! - amount;
        }
      } else {
        claimOrPool(events, slotOf, toSerial, earmarkOf(account), target, targetDate, date, amount);
      }
    }
  }

  // --- The invoices in the order the pool settles them ---------------------------------------
  // Invoices join the walk in the month they are dated (arrivals, by slot, each slot's in
  // settlement order), so a month-end never walks the invoices of later months.
  const { order } = settlementOrder(book, docAccount, toSerial);
  const invoiceCount = order.length;
  const rank = int32Column(inv.length).fill(-1);
  for (let k = 0; k < invoiceCount; k++) rank[order[k]!] = k;
  const { invoiceDate, dueDate } = inv;
  const byDue = basis === "due";
  // Everything the walk reads, once, by settlement rank: the walk then reads memory in order.
  // Overdue-from and aged-from dates are NO_DATE when the aging would count from as-of itself.
  const rankAccount = int32Column(invoiceCount);
  const rankGroup = int32Column(invoiceCount);
  const rankOwed = float64Column(invoiceCount);
  const rankOverdueFrom = int32Column(invoiceCount);
  const rankAgedFrom = int32Column(invoiceCount);
  const arrivalStart = int32Column(slots + 1);
  for (let r = 0; r < invoiceCount; r++) {
    const i = order[r]!;
    rankAccount[r] = docAccount[i]!;
    rankGroup[r] = docGroup(i);
    rankOwed[r] = effective[i]!;
    const date = invoiceDate[i]!;
    rankOverdueFrom[r] = dueDate[i] !== NO_DATE ? dueDate[i]! : date;
    rankAgedFrom[r] = byDue ? rankOverdueFrom[r]! : date;
    const slot = slotOf(date) + 1;
    arrivalStart[slot] = arrivalStart[slot]! + 1;
  }
  for (let s = 0; s < slots; s++) arrivalStart[s + 1] = arrivalStart[s + 1]! + arrivalStart[s]!;
  // Invoices join the walk in the month they are dated: arrivals by slot, each slot's by rank.
  const arrivals = int32Column(invoiceCount);
  {
    const next = arrivalStart.slice();
    for (let r = 0; r < invoiceCount; r++) {
      const slot = slotOf(invoiceDate[order[r]!]!);
      arrivals[next[slot]!] = r;
      next[slot] = next[slot]! + 1;
    }
  }
  let live = int32Column(invoiceCount);
  let spare = int32Column(invoiceCount);
  let liveLength = 0;
  const left = float64Column(accountCount);
  const openSum = float64Column(accountCount);

  // --- The sweep -------------------------------------------------------------------------------
  const claims = float64Column(invoiceCount);
  const pool = float64Column(accountCount);
  const earmarked = float64Column(accountCount);
  const excess = float64Column(accountCount);
  const snapshotCount = to - snapFrom + 1;
  const snapshot = float64Column(snapshotCount * groupCount * width);
  const lookupBucket = bucketLookup(basis, boundaries);
  const closingRun = float64Column(groupCount);
  const limits = accountLimits(book, accountCustomer, accountCurrency);
  const netByCurrency = float64Column(currencyCount);
  const closingByCurrency = float64Column(currencyCount);
  const eventOrder = events.bySlot(slots);

  for (let s = 0; s < slots; s++) {
    for (let e = eventOrder.start[s]!, end = eventOrder.start[s + 1]!; e < end; e++) {
      const k = eventOrder.order[e]!;
      const subject = events.subject[k]!;
      const amount = events.amount[k]!;
      if (subject < 0) {
        if (subject < -accountCount) earmarked[-1 - accountCount - subject] = earmarked[-1 - accountCount - subject]! + amount;
        else pool[-1 - subject] = pool[-1 - subject]! + amount;
        continue;
      }
      const r = rank[subject]!;
      const before = claims[r]!;
      const after = before + amount;
      claims[r] = after;
      const a = rankAccount[r]!;
      const owed = rankOwed[r]!;
      excess[a] = excess[a]! + max(0, after - owed) - max(0, before - owed);
    }
    for (let g = 0; g < groupCount; g++) {
      const at = s * groupCount + g;
      closingRun[g] = closingRun[g]! + invoiced[at]! - credits[at]! - cash[at]! + refunds[at]!;
    }
    // The invoices dated in this slot join the walk, merged in settlement order.
    {
      let x = 0;
      let y = arrivalStart[s]!;
      const yEnd = arrivalStart[s + 1]!;
      let out = 0;
      while (x < liveLength && y < yEnd) spare[out++] = live[x]! < arrivals[y]! ? live[x++]! : arrivals[y++]!;
      while (x < liveLength) spare[out++] = live[x++]!;
      while (y < yEnd) spare[out++] = arrivals[y++]!;
      [live, spare] = [spare, live];
      liveLength = out;
    }
    const month = s === 0 ? keepFrom - 1 : keepFrom + s - 1;
    if (s === 0 || month < snapFrom) continue;

    const asOf = monthEndSerial(month);
    const base = (month - snapFrom) * groupCount;
    for (let a = 0; a < accountCount; a++) left[a] = pool[a]! + excess[a]!;
    openSum.fill(0);
    let w = 0;
    for (let k = 0; k < liveLength; k++) {
      const r = live[k]!;
      let remaining = rankOwed[r]! - claims[r]!;
      // Settled by the documents that name it: claims only grow, so it stays settled.
      if (remaining <= 0) continue;
      live[w++] = r;
      const a = rankAccount[r]!;
      if (autoApply && left[a]! > 0) {
        const used = min(left[a]!, remaining);
        left[a] = left[a]! - used;
        remaining -= used;
        if (remaining === 0) continue;
      }
      const due = rankOverdueFrom[r]!;
      const daysOverdue = due === NO_DATE ? 0 : asOf - due;
      const from = rankAgedFrom[r]!;
      const age = from === NO_DATE ? 0 : asOf - from;
      const record = (base + rankGroup[r]!) * width;
      const bucketAt = record + lookupBucket(age);
      snapshot[bucketAt] = snapshot[bucketAt]! + remaining;
      const field = record + bucketCount + (daysOverdue <= 0 ? SNAPSHOT.current : SNAPSHOT.overdue);
      snapshot[field] = snapshot[field]! + remaining;
      if (daysOverdue > 60)
        snapshot[record + bucketCount + SNAPSHOT.overdue61] = snapshot[record + bucketCount + SNAPSHOT.overdue61]! + remaining;
      snapshot[record + bucketCount + SNAPSHOT.open] = snapshot[record + bucketCount + SNAPSHOT.open]! + remaining;
      openSum[a] = openSum[a]! + remaining;
    }
    liveLength = w;
    for (let a = 0; a < accountCount; a++) {
      const unapplied = left[a]! + earmarked[a]!;
      const record = (base + accountGroup(a)) * width + bucketCount;
      snapshot[record + SNAPSHOT.unapplied] = snapshot[record + SNAPSHOT.unapplied]! + unapplied;
      const limit = limits[a]!;
      if (!Number.isNaN(limit) && openSum[a]! - unapplied > limit)
        snapshot[record + SNAPSHOT.overLimit] = snapshot[record + SNAPSHOT.overLimit]! + 1;
      const currency = accountCurrency[a]!;
      netByCurrency[currency] = netByCurrency[currency]! + openSum[a]! - unapplied;
    }

    // The tie: per currency, the month-end's open items − unapplied credit = the roll-forward's closing.
    closingByCurrency.fill(0);
    for (let g = 0; g < groupCount; g++) {
      const c = groupCurrency[g]!;
      closingByCurrency[c] = closingByCurrency[c]! + closingRun[g]!;
    }
    for (let c = 0; c < currencyCount; c++) {
      if (netByCurrency[c] !== closingByCurrency[c]) {
        throw new Error(
          `History does not tie at ${monthKey(month)} in ${book.currencies[c] ?? "?"}: open − unapplied ${netByCurrency[c]} ≠ closing ${closingByCurrency[c]}`,
        );
      }
    }
    netByCurrency.fill(0);
  }

  return {
    options: { ...options, boundaries },
    buckets,
    groups,
    keepFrom,
    slots,
    invoiced,
    credits,
    cash,
    refunds,
    firstMonth,
    snapFrom,
    snapshot,
    width,
    issues,
  };
}

/**
 * The currency totals of a history grouped by customer or rep, without a second sweep: every
 * group lies within one currency, so each currency's flows and month-end records are the sums
 * of its groups'. The sums are exact (integer minor units), so the totals equal, figure for
 * figure, those of buildHistory grouped by currency over the same options. A history already
 * grouped by currency is returned as it is.
 *
 * @param currencies the book's currencies (Book.currencies), which order the currency groups
 * @example
 * const byRep = buildHistory(book, { ...options, groupBy: "rep" });
 * historyRows(currencyTotals(byRep, book.currencies)) // = historyRows(buildHistory(book, { ...options, groupBy: "currency" }))
 */
export function currencyTotals(history: History, currencies: readonly string[]): History {
  if (history.options.groupBy === "currency") return history;
  const { slots, width } = history;
  const groupCount = history.groups.length;
  const currencyCount = max(1, currencies.length);
  const groups: HistoryGroup[] = [];
  for (let c = 0; c < currencyCount; c++) groups.push({ currency: currencies[c] ?? "", key: null });
  // As buildHistory places a group's currency: a currency the book does not list counts as the first.
  const currencyOf = history.groups.map((g) => max(0, currencies.indexOf(g.currency)));
  const flows = [history.invoiced, history.credits, history.cash, history.refunds].map((source) => {
    const total = float64Column(slots * currencyCount);
    for (let s = 0; s < slots; s++) {
      for (let g = 0; g < groupCount; g++) {
        const at = s * currencyCount + currencyOf[g]!;
        total[at] = total[at]! + source[s * groupCount + g]!;
      }
    }
    return total;
  });
  const records = history.options.to - history.snapFrom + 1;
  const snapshot = float64Column(records * currencyCount * width);
  for (let k = 0; k < records; k++) {
    for (let g = 0; g < groupCount; g++) {
      const from = (k * groupCount + g) * width;
      const to = (k * currencyCount + currencyOf[g]!) * width;
      for (let f = 0; f < width; f++) snapshot[to + f] = snapshot[to + f]! + history.snapshot[from + f]!;
    }
  }
  const [invoiced, credits, cash, refunds] = flows as [Float64Array, Float64Array, Float64Array, Float64Array];
  return {
    ...history,
    options: { ...history.options, groupBy: "currency" },
    groups,
    invoiced,
    credits,
    cash,
    refunds,
    snapshot,
    issues: [...history.issues],
  };
}

/** One month and group of a history, in minor units of `currency`. */
export interface HistoryRow {
  month: number;
  currency: string;
  key: string | null;
  opening: number;
  invoiced: number;
  credits: number;
  cash: number;
  refunds: number;
  closing: number;
  buckets: number[];
  current: number;
  overdue: number;
  overdue61: number;
  /** Open items (gross). */
  open: number;
  /** Credit held unapplied (prepayments, unused credit); shown apart, never netted into the buckets. */
  unapplied: number;
  /** Accounts whose net balance exceeds their credit limit. */
  overLimit: number;
}

/**
 * The rows of months from..to for every group with a balance or a movement in those months,
 * by month, then currency, then group (customer or rep name; no rep last).
 *
 * @example
 * historyRows(h).filter((r) => r.month === parseMonth("2026-10")) // the month-end's rows
 */
export function historyRows(history: History): HistoryRow[] {
  const { groups, slots, keepFrom, width, snapFrom, options } = history;
  const groupCount = groups.length;
  const bucketCount = history.buckets.length;
  const rowsByGroup: HistoryRow[][] = [];
  for (let g = 0; g < groupCount; g++) {
    const series: HistoryRow[] = [];
    let closing = 0;
    let active = false;
    for (let s = 0; s < slots; s++) {
      const at = s * groupCount + g;
      const opening = closing;
      const invoiced = history.invoiced[at]!;
      const credits = history.credits[at]!;
      const cash = history.cash[at]!;
      const refunds = history.refunds[at]!;
      closing = opening + invoiced - credits - cash + refunds;
      const month = keepFrom + s - 1;
      if (s === 0 || month < options.from) continue;
      const record = ((month - snapFrom) * groupCount + g) * width;
      const snap = history.snapshot.subarray(record, record + width);
      const row: HistoryRow = {
        month,
        currency: groups[g]!.currency,
        key: groups[g]!.key,
        opening,
        invoiced,
        credits,
        cash,
        refunds,
        closing,
        buckets: Array.from(snap.subarray(0, bucketCount)),
        current: snap[bucketCount + SNAPSHOT.current]!,
        overdue: snap[bucketCount + SNAPSHOT.overdue]!,
        overdue61: snap[bucketCount + SNAPSHOT.overdue61]!,
        open: snap[bucketCount + SNAPSHOT.open]!,
        unapplied: snap[bucketCount + SNAPSHOT.unapplied]!,
        overLimit: snap[bucketCount + SNAPSHOT.overLimit]!,
      };
      if (
        opening !== 0 ||
        closing !== 0 ||
        invoiced !== 0 ||
        credits !== 0 ||
        cash !== 0 ||
        refunds !== 0 ||
        row.open !== 0 ||
        row.unapplied !== 0
      )
        active = true;
      series.push(row);
    }
    if (active) rowsByGroup.push(series);
  }
  const rows = rowsByGroup.flat();
  return rows.sort((x, y) => x.month - y.month || compareText(x.currency, y.currency) || compareKeys(x.key, y.key));
}

/**
 * Monthly sales (invoiced − credits) of one group for months keepFrom..to, oldest first, and
 * the month of the first entry. Slot 0 (older flows summed) is not included.
 *
 * @example
 * monthlySales(h, 0).sales.at(-1) // sales of the last month of the first group
 */
export function monthlySales(history: History, group: number): { firstMonth: number; sales: number[]; cash: number[] } {
  const groupCount = history.groups.length;
  const sales: number[] = [];
  const cash: number[] = [];
  for (let s = 1; s < history.slots; s++) {
    const at = s * groupCount + group;
    sales.push(history.invoiced[at]! - history.credits[at]!);
    cash.push(history.cash[at]!);
  }
  return { firstMonth: history.keepFrom, sales, cash };
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** State events: subject ≥ 0 is a claim on invoice `subject`; subject < 0 adds to account −1 − subject's pool. */
class EventList {
  slot: Int32Array = int32Column(1024);
  subject: Int32Array = int32Column(1024);
  amount: Float64Array = float64Column(1024);
  length = 0;

  push(slot: number, subject: number, amount: number): void {
    if (this.length === this.slot.length) {
      const size = this.length * 2;
      const grow = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
        to.set(from);
        return to;
      };
      this.slot = grow(this.slot, int32Column(size));
      this.subject = grow(this.subject, int32Column(size));
      this.amount = grow(this.amount, float64Column(size));
    }
    this.slot[this.length] = slot;
    this.subject[this.length] = subject;
    this.amount[this.length] = amount;
    this.length++;
  }

  /** Event positions grouped by slot (counting sort). */
  bySlot(slots: number): { order: Int32Array; start: Int32Array } {
    const start = int32Column(slots + 1);
    for (let k = 0; k < this.length; k++) {
      const slot = this.slot[k]! + 1;
      start[slot] = start[slot]! + 1;
    }
    for (let s = 0; s < slots; s++) start[s + 1] = start[s + 1]! + start[s]!;
    const next = start.slice();
    const order = int32Column(this.length);
    for (let k = 0; k < this.length; k++) {
      const slot = this.slot[k]!;
      order[next[slot]!] = k;
      next[slot] = next[slot]! + 1;
    }
    return { order, start };
  }
}

/**
 * A claim on `target` from a payment or credit note dated `date`: it reaches the invoice once
 * both are dated; before that it waits as `waiting` (an event subject: the account's pool for a
 * credit note, its earmarked cash for a payment, as cash application treats them at an as-of
 * date before the invoice's).
 */
function claimOrPool(
  events: EventList,
  slotOf: (serial: number) => number,
  toSerial: number,
  waiting: number,
  target: number,
  targetDate: number,
  date: number,
  amount: number,
): void {
  if (targetDate <= date) {
    events.push(slotOf(date), target, amount);
    return;
  }
  events.push(slotOf(date), waiting, amount);
  if (targetDate > toSerial) return;
  const attach = slotOf(targetDate);
  events.push(attach, waiting, -amount);
  events.push(attach, target, amount);
}

function hasOpenAmounts(book: Book): boolean {
  const open = book.invoices.openAmount;
  for (let i = 0; i < book.invoices.length; i++) if (!Number.isNaN(open[i]!)) return true;
  return false;
}

function needsLookup(book: Book, toSerial: number): boolean {
  const inv = book.invoices;
  for (let i = 0; i < inv.length; i++) if (inv.isCreditNote[i] && inv.reference[i] && inv.invoiceDate[i]! <= toSerial) return true;
  const pay = book.payments;
  if (pay) for (let p = 0; p < pay.length; p++) if (pay.invoiceNumber[p] && pay.date[p]! <= toSerial) return true;
  return false;
}

/** The invoice (not credit note) of `customer` numbered `number`, or -1 — as cash application finds it. */
function findInvoice(lookup: NumberIndex | null, number: string, customer: number, book: Book): number {
  if (!lookup) return -1;
  const inv = book.invoices;
  for (let i = firstWithNumber(lookup, inv.number, number); i >= 0; i = nextWithNumber(lookup, i)) {
    if (inv.customer[i] === customer && !inv.isCreditNote[i]) return i;
  }
  return -1;
}

/**
 * Invoices dated up to `toSerial`, grouped by account, each account's oldest due first (ties:
 * invoice date, invoice number, sheet row): the order the aging's pool settles them in. Stable
 * counting passes (invoice date, due date, account), then tie runs by number and row.
 */
function settlementOrder(book: Book, docAccount: Int32Array, toSerial: number): { order: Int32Array } {
  const inv = book.invoices;
  const { invoiceDate, dueDate, isCreditNote } = inv;
  let n = 0;
  for (let i = 0; i < inv.length; i++) if (!isCreditNote[i] && invoiceDate[i]! <= toSerial) n++;
  let order = int32Column(n);
  for (let i = 0, k = 0; i < inv.length; i++) if (!isCreditNote[i] && invoiceDate[i]! <= toSerial) order[k++] = i;
  const due = int32Column(inv.length);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    due[i] = dueDate[i] !== NO_DATE ? dueDate[i]! : invoiceDate[i]!;
  }
  order = stableSortByKey(order, invoiceDate);
  order = stableSortByKey(order, due);
  order = stableSortByKey(order, docAccount);
  const sameKey = (x: number, y: number): boolean =>
    docAccount[x] === docAccount[y] && due[x] === due[y] && invoiceDate[x] === invoiceDate[y];
  const byNumber = (x: number, y: number): number =>
    compareDocumentNumbers(inv.number[x]!, inv.number[y]!) || inv.row[x]! - inv.row[y]! || x - y;
  for (let k = 1; k < n; k++) {
    if (!sameKey(order[k]!, order[k - 1]!)) continue;
    const runStart = k - 1;
    while (k < n && sameKey(order[k]!, order[runStart]!)) k++;
    const run = Array.from(order.subarray(runStart, k)).sort(byNumber);
    order.set(run, runStart);
  }
  return { order };
}

/**
 * Each account's credit limit in minor units of its currency, NaN when none applies: stated in
 * the account's currency, or without a currency in a single-currency book (as the aging reads it).
 */
function accountLimits(book: Book, accountCustomer: readonly number[], accountCurrency: readonly number[]): Float64Array {
  const limits = float64Column(accountCustomer.length).fill(NaN);
  accountCustomer.forEach((customer, a) => {
    const limit = book.customers.creditLimit[customer]!;
    if (Number.isNaN(limit)) return;
    const stated = book.customers.currency[customer]!;
    if (stated === accountCurrency[a] || (stated < 0 && book.currencies.length === 1)) limits[a] = limit;
  });
  return limits;
}

function paymentMismatch(book: Book, lang: Lang, p: number, target: number): RowIssue {
  const pay = book.payments!;
  const inv = book.invoices;
  const params: MessageParams = {
    payment: pay.reference[p],
    invoice: pay.invoiceNumber[p],
    customer: book.customers.name[pay.customer[p]!],
    paymentCurrency: book.currencies[pay.currency[p]!],
    invoiceCurrency: book.currencies[inv.currency[target]!],
  };
  return issueAt(
    book,
    lang,
    "payments",
    "currency",
    documentSheet(pay, p),
    pay.row[p]!,
    book.currencies[pay.currency[p]!] ?? null,
    "payment.currency-mismatch",
    params,
  );
}

function issueAt(
  book: Book,
  lang: Lang,
  role: Role,
  field: Field,
  sheet: string,
  row: number,
  value: CellValue,
  code: string,
  params: MessageParams,
): RowIssue {
  const source = sourceAt(book, role, sheet, row);
  const match = source?.columns.find((c) => c.field === field);
  return {
    severity: "error",
    sheet,
    row,
    column: match ? match.header : null,
    cell: match && source ? cellAddress(source.table.firstColumn + match.index, row) : null,
    value,
    code,
    message: t(lang, code, params),
  };
}

/** Names in code-unit order, null (no rep) last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/**
 * Bucket amounts of one group at a month-end between snapFrom (from − 1) and to.
 *
 * @example
 * bucketsAt(h, parseMonth("2026-09")!, 0) // [current, 1-30, 31-60, 61-90, 90+] of the first group
 */
export function bucketsAt(history: History, month: number, group: number): number[] {
  if (month < history.snapFrom || month > history.options.to) throw new RangeError(`No snapshot for ${monthKey(month)}`);
  const record = ((month - history.snapFrom) * history.groups.length + group) * history.width;
  return Array.from(history.snapshot.subarray(record, record + history.buckets.length));
}
