/**
 * Matching two sides with hash joins: rows are chained by normalised key in one pass per side,
 * each key group is decided on its own, and only the rows left unmatched go on to the bounded
 * split search. Nothing compares every row with every other.
 *
 * How a key group (rows of one key and one currency) is decided:
 * - one row each side: a pair, whose outcome is the first difference found in the order
 *   amount, customer, date (the others are listed in `also`), or "matched";
 * - one row on one side and several on the other that share a customer and add up to it
 *   within the amount tolerance: "split";
 * - any other group with several rows on a side: one "duplicate-key" record holding all the
 *   group's rows, with variance ΣA − ΣB when both sides have rows. Pairing duplicates one by one
 *   would have to guess which copy is the real one; the record shows them all instead;
 * - one row on one side only: unmatched, then offered to the split search (see findSplit);
 *   what the search does not take is "missing-in-b" / "missing-in-a".
 * Rows with the same key in different currencies are never paired: each is missing in its own
 * currency, with `otherCurrency` naming where the key was found.
 */
import type { Lang, RowIssue } from "../types";
import { NO_DATE } from "../types";
import { t } from "../../i18n";
import { findSplit } from "./split";
import { withinAmountTolerance, withinDateTolerance, type AmountTolerance } from "./tolerance";
import type { ReconcileOutcome, ReconcileRecord, SideRows, SplitSearchLimit } from "./types";

/** Everything matching needs besides the rows. */
export interface MatchContext {
  lang: Lang;
  currencies: readonly string[];
  /** Amount tolerance per currency index. */
  tolerances: readonly AmountTolerance[];
  dateTolerance: number;
  limit: SplitSearchLimit;
  /** Sheet names, for warnings. */
  sheetA: string;
  sheetB: string;
}

/** Records found and warnings about searches that were cut short. */
export interface MatchResult {
  records: ReconcileRecord[];
  issues: RowIssue[];
}

const NONE: readonly ReconcileOutcome[] = [];

/** Rows chained by key: `head` maps a key to its first row, `next` links rows of one key in source order. */
interface KeyIndex {
  head: Map<string, number>;
  next: Int32Array;
}

/**
 * Chains the rows of a side by key in one pass.
 *
 * @example
 * indexByKey(rows).head.get("12") // first row whose key is "12"
 */
export function indexByKey(rows: SideRows): KeyIndex {
  const head = new Map<string, number>();
  const next = new Int32Array(rows.length).fill(-1);
  const last = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const key = rows.key[i] ?? "";
    const first = head.get(key);
    if (first === undefined) {
      head.set(key, i);
      last[i] = i;
    } else {
      const tail = last[first] ?? first;
      next[tail] = i;
      last[first] = i;
    }
  }
  return { head, next };
}

function chain(index: KeyIndex, first: number): number[] {
  const out: number[] = [];
  for (let i = first; i >= 0; i = index.next[i] ?? -1) out.push(i);
  return out;
}

/** Builds records; shared by every path so records always have the same shape. */
class RecordMaker {
  readonly records: ReconcileRecord[] = [];
  /** Single rows without a counterpart, offered to the split search; index into the side. */
  readonly loneA: number[] = [];
  readonly loneB: number[] = [];
  /** Currency where a lone row's key was found on the other side, by row index. */
  readonly otherCurrencyA = new Map<number, string>();
  readonly otherCurrencyB = new Map<number, string>();

  constructor(
    readonly a: SideRows,
    readonly b: SideRows,
    readonly context: MatchContext,
  ) {}

  private sum(rows: SideRows, indexes: readonly number[]): number {
    let total = 0;
    for (const i of indexes) total += rows.amount[i] ?? 0;
    return total;
  }

  /** A record for rows `as` of A and `bs` of B (source order), all in one currency. */
  make(outcome: ReconcileOutcome, as: readonly number[], bs: readonly number[], also: readonly ReconcileOutcome[] = NONE): ReconcileRecord {
    const { a, b } = this;
    const a0 = as[0];
    const b0 = bs[0];
    const first = a0 ?? b0 ?? 0;
    const currencyIndex = a0 !== undefined ? (a.currency[a0] ?? 0) : (b.currency[first] ?? 0);
    const amountA = a0 === undefined ? null : this.sum(a, as);
    const amountB = b0 === undefined ? null : this.sum(b, bs);
    const record: ReconcileRecord = {
      outcome,
      also,
      aRows: as.map((i) => a.row[i] ?? 0),
      bRows: bs.map((i) => b.row[i] ?? 0),
      key: (a0 !== undefined ? a.key[a0] : b.key[first]) ?? "",
      keyA: a0 === undefined ? null : (a.keyText[a0] ?? null),
      keyB: b0 === undefined ? null : (b.keyText[b0] ?? null),
      amountA,
      amountB,
      variance: amountA !== null && amountB !== null ? amountA - amountB : null,
      currency: this.context.currencies[currencyIndex] ?? "",
    };
    if (a0 !== undefined) {
      const date = a.date[a0] ?? NO_DATE;
      if (date !== NO_DATE) record.dateA = date;
      const customer = a.customer[a0];
      if (customer) record.customerA = customer;
    }
    if (b0 !== undefined) {
      const date = b.date[b0] ?? NO_DATE;
      if (date !== NO_DATE) record.dateB = date;
      const customer = b.customer[b0];
      if (customer) record.customerB = customer;
    }
    this.records.push(record);
    return record;
  }

  /** Decides a one-to-one pair. */
  pair(i: number, j: number): void {
    const { a, b, context } = this;
    const amountA = a.amount[i] ?? 0;
    const currency = a.currency[i] ?? 0;
    const differences: ReconcileOutcome[] = [];
    const tolerance = context.tolerances[currency];
    if (tolerance && !withinAmountTolerance(amountA - (b.amount[j] ?? 0), amountA, tolerance)) differences.push("amount-differs");
    const customerA = a.customerKey[i];
    const customerB = b.customerKey[j];
    if (customerA != null && customerB != null && customerA !== customerB) differences.push("customer-differs");
    const dateA = a.date[i] ?? NO_DATE;
    const dateB = b.date[j] ?? NO_DATE;
    if (dateA !== NO_DATE && dateB !== NO_DATE && !withinDateTolerance(dateA, dateB, context.dateTolerance))
      differences.push("date-differs");
    const [outcome = "matched", ...also] = differences;
    this.make(outcome, [i], [j], also.length === 0 ? NONE : also);
  }

  /** Decides a group of one key and one currency (see the module comment). */
  group(as: readonly number[], bs: readonly number[]): void {
    const { a, b } = this;
    if (as.length === 1 && bs.length === 1) return this.pair(as[0] ?? 0, bs[0] ?? 0);
    if (bs.length === 0 && as.length === 1) return void this.loneA.push(as[0] ?? 0);
    if (as.length === 0 && bs.length === 1) return void this.loneB.push(bs[0] ?? 0);
    if (as.length === 1 && bs.length > 1 && this.isSplit(a, as[0] ?? 0, b, bs)) {
      this.make("split", as, bs, this.customerAlso(a, as[0] ?? 0, b, bs[0] ?? 0)).manySide = "B";
      return;
    }
    if (bs.length === 1 && as.length > 1 && this.isSplit(b, bs[0] ?? 0, a, as)) {
      this.make("split", as, bs, this.customerAlso(b, bs[0] ?? 0, a, as[0] ?? 0)).manySide = "A";
      return;
    }
    const record = this.make("duplicate-key", as, bs);
    record.manySide = as.length > 1 && bs.length > 1 ? "both" : as.length > 1 ? "A" : "B";
  }

  /** One row equals, within tolerance, the sum of several rows that share one customer. */
  private isSplit(one: SideRows, i: number, many: SideRows, parts: readonly number[]): boolean {
    let customer: string | null = null;
    for (const j of parts) {
      const key = many.customerKey[j] ?? null;
      if (key === null) continue;
      if (customer !== null && key !== customer) return false;
      customer = key;
    }
    const amountA = one === this.a ? (one.amount[i] ?? 0) : this.sum(many, parts);
    const variance = one === this.a ? amountA - this.sum(many, parts) : this.sum(many, parts) - (one.amount[i] ?? 0);
    const tolerance = this.context.tolerances[one.currency[i] ?? 0];
    return tolerance !== undefined && withinAmountTolerance(variance, amountA, tolerance);
  }

  private customerAlso(one: SideRows, i: number, many: SideRows, j: number): readonly ReconcileOutcome[] {
    const x = one.customerKey[i];
    const y = many.customerKey[j];
    return x != null && y != null && x !== y ? ["customer-differs"] : NONE;
  }
}

/** Splits a key's rows by currency, in order of first appearance. */
function byCurrency(rows: SideRows, indexes: readonly number[], into: Map<number, { a: number[]; b: number[] }>, side: "a" | "b"): void {
  for (const i of indexes) {
    const currency = rows.currency[i] ?? 0;
    let slot = into.get(currency);
    if (!slot) {
      slot = { a: [], b: [] };
      into.set(currency, slot);
    }
    slot[side].push(i);
  }
}

/** A key used on both sides with several rows or several currencies: the slow, general path. */
function matchGroup(maker: RecordMaker, as: readonly number[], bs: readonly number[]): void {
  const { a, b, context } = maker;
  const slots = new Map<number, { a: number[]; b: number[] }>();
  byCurrency(a, as, slots, "a");
  byCurrency(b, bs, slots, "b");
  for (const [currency, slot] of slots) {
    if (slot.b.length === 0 && bs.length > 0) noteOtherCurrency(maker.otherCurrencyA, slot.a, b.currency[bs[0] ?? 0] ?? currency, context);
    if (slot.a.length === 0 && as.length > 0) noteOtherCurrency(maker.otherCurrencyB, slot.b, a.currency[as[0] ?? 0] ?? currency, context);
    maker.group(slot.a, slot.b);
  }
}

function noteOtherCurrency(notes: Map<number, string>, rows: readonly number[], currency: number, context: MatchContext): void {
  for (const i of rows) notes.set(i, context.currencies[currency] ?? "");
}

/** Unmatched single rows of one customer and currency, per side. */
interface Bucket {
  a: number[];
  b: number[];
}

/**
 * Offers lone rows to the split search, per customer and currency: first one A row against
 * several B rows, then one B row against several A rows. A bucket with more lone rows on
 * either side than `maxCandidates` is not searched, and all searches together stop after
 * 100 × maxSteps subsets; both cases are reported as warnings, never silently.
 */
function searchSplits(maker: RecordMaker, usedA: Uint8Array, usedB: Uint8Array, issues: RowIssue[]): void {
  const { a, b, context } = maker;
  const { maxParts, maxCandidates, maxSteps } = context.limit;
  const buckets = new Map<string, Bucket>();
  const add = (rows: SideRows, i: number, side: "a" | "b"): void => {
    const customer = rows.customerKey[i];
    if (customer == null) return;
    const id = `${rows.currency[i] ?? 0}\u0001${customer}`;
    let bucket = buckets.get(id);
    if (!bucket) {
      bucket = { a: [], b: [] };
      buckets.set(id, bucket);
    }
    bucket[side].push(i);
  };
  for (const i of maker.loneA) add(a, i, "a");
  for (const j of maker.loneB) add(b, j, "b");

  let budget = maxSteps * 100;
  for (const bucket of buckets.values()) {
    if (bucket.a.length === 0 || bucket.b.length === 0 || (bucket.a.length < 2 && bucket.b.length < 2)) continue;
    if (bucket.a.length > maxCandidates || bucket.b.length > maxCandidates) {
      const i = bucket.a[0] ?? 0;
      issues.push(
        warning(context, "reconcile.split.skipped", context.sheetA, a.row[i] ?? null, {
          customer: a.customer[i] ?? "",
          currency: context.currencies[a.currency[i] ?? 0] ?? "",
          count: Math.max(bucket.a.length, bucket.b.length),
          limit: maxCandidates,
        }),
      );
      continue;
    }
    for (const [ones, manys, oneUsed, manyUsed, oneRows, manyRows, oneIsA] of [
      [bucket.a, bucket.b, usedA, usedB, a, b, true],
      [bucket.b, bucket.a, usedB, usedA, b, a, false],
    ] as const) {
      for (const i of ones) {
        if (oneUsed[i] || budget <= 0) continue;
        const free = manys.filter((j) => !manyUsed[j]);
        if (free.length < 2) break;
        const search = findSplit(
          oneRows.amount[i] ?? 0,
          free.map((j) => manyRows.amount[j] ?? 0),
          maxParts,
          Math.min(maxSteps, budget),
        );
        budget -= search.steps;
        if (search.parts === null) continue;
        const parts = search.parts.map((k) => free[k] ?? 0).sort((x, y) => x - y);
        oneUsed[i] = 1;
        for (const j of parts) manyUsed[j] = 1;
        const record = oneIsA ? maker.make("split", [i], parts) : maker.make("split", parts, [i]);
        record.manySide = oneIsA ? "B" : "A";
      }
    }
    if (budget <= 0) {
      issues.push(warning(context, "reconcile.split.budget", context.sheetA, null, { steps: maxSteps * 100 }));
      break;
    }
  }
}

function warning(
  context: MatchContext,
  code: string,
  sheet: string,
  row: number | null,
  params: Record<string, string | number>,
): RowIssue {
  return { severity: "warning", sheet, row, column: null, cell: null, value: null, code, message: t(context.lang, code, params) };
}

/**
 * Matches side A against side B: one record per key group, pair or split, and one per row
 * left over. Every usable row of either side is in exactly one record, which is what makes the
 * tie-out balance.
 *
 * @example
 * matchSides(a, b, context).records.filter((r) => r.outcome !== "matched")
 */
export function matchSides(a: SideRows, b: SideRows, context: MatchContext): MatchResult {
  const issues: RowIssue[] = [];
  const maker = new RecordMaker(a, b, context);
  const indexA = indexByKey(a);
  const indexB = indexByKey(b);
  for (const [key, headA] of indexA.head) {
    const headB = indexB.head.get(key) ?? -1;
    const singleA = (indexA.next[headA] ?? -1) < 0;
    const singleB = headB < 0 || (indexB.next[headB] ?? -1) < 0;
    if (singleA && headB < 0) maker.loneA.push(headA);
    else if (singleA && singleB && a.currency[headA] === b.currency[headB]) maker.pair(headA, headB);
    else matchGroup(maker, chain(indexA, headA), headB < 0 ? [] : chain(indexB, headB));
  }
  for (const [key, headB] of indexB.head) {
    if (indexA.head.has(key)) continue;
    if ((indexB.next[headB] ?? -1) < 0) maker.loneB.push(headB);
    else matchGroup(maker, [], chain(indexB, headB));
  }

  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  if (a.customerKey.some((c) => c !== null) && b.customerKey.some((c) => c !== null)) searchSplits(maker, usedA, usedB, issues);
  for (const i of maker.loneA) {
    if (usedA[i]) continue;
    const record = maker.make("missing-in-b", [i], []);
    const other = maker.otherCurrencyA.get(i);
    if (other !== undefined) record.otherCurrency = other;
  }
  for (const j of maker.loneB) {
    if (usedB[j]) continue;
    const record = maker.make("missing-in-a", [], [j]);
    const other = maker.otherCurrencyB.get(j);
    if (other !== undefined) record.otherCurrency = other;
  }

  const records = maker.records;
  const INF = Number.POSITIVE_INFINITY;
  records.sort((x, y) => (x.aRows[0] ?? INF) - (y.aRows[0] ?? INF) || (x.bRows[0] ?? INF) - (y.bRows[0] ?? INF));
  return { records, issues };
}
