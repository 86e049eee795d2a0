/**
 * The analytics JSON contracts (CLI --json and the task pane's data): amounts in major units of
 * their currency, days and percentages rounded to 2 decimals, roll rates as fractions (4
 * decimals), loss rates in percent; undefined ratios are null.
 */
import type { RowIssue } from "../types";
import type { Bucket } from "../aging";
import { currencyDecimals } from "../currency";
import { fromMinor } from "../money";
import { isoFromSerial } from "../dates";
import type { HistoryGrouping, HistoryRow } from "./history";
import type { KpiRow } from "./kpi";
import type { RepScore, RollRate } from "./scorecard";
import type { ProvisionResult } from "./provision";
import type { ConvertedMonth } from "./fx";
import { monthKey } from "./months";
import { roundTo } from "./round";

const major = (minor: number, currency: string): number => fromMinor(minor, currencyDecimals(currency));

export interface IssueJson {
  severity: string;
  code: string;
  sheet: string;
  row: number | null;
  column: string | null;
  value: string | number | boolean | null;
  message: string;
}

/** Issues as JSON (no stack, no internal fields). */
export function issuesJson(issues: readonly RowIssue[]): IssueJson[] {
  return issues.map((i) => ({
    severity: i.severity,
    code: i.code,
    sheet: i.sheet,
    row: i.row,
    column: i.column,
    value: i.value,
    message: i.message,
  }));
}

export interface RollForwardMonthJson {
  month: string;
  currency: string;
  customer?: string | null;
  rep?: string | null;
  opening: number;
  invoiced: number;
  credits: number;
  cash: number;
  refunds: number;
  closing: number;
  current: number;
  overdue: number;
  unapplied: number;
  buckets: { label: string; amount: number }[];
}

export interface RollRateJson {
  month: string;
  currency: string;
  customer?: string | null;
  rep?: string | null;
  from: string;
  to: string;
  rate: number | null;
}

export interface ConvertedMonthJson {
  month: string;
  currency: string;
  opening: number;
  invoiced: number;
  credits: number;
  cash: number;
  refunds: number;
  translation: number;
  closing: number;
  current: number;
  overdue: number;
  unapplied: number;
}

export interface RollForwardJson {
  months: RollForwardMonthJson[];
  rollRates: RollRateJson[];
  converted?: ConvertedMonthJson[];
  issues: IssueJson[];
}

function groupField(groupBy: HistoryGrouping, key: string | null): { customer?: string | null; rep?: string | null } {
  if (groupBy === "customer") return { customer: key };
  if (groupBy === "rep") return { rep: key };
  return {};
}

/**
 * The roll-forward contract.
 *
 * @example
 * toRollForwardJson(rows, rates, buckets, "currency", []).months[0].closing // major units
 */
export function toRollForwardJson(
  rows: readonly HistoryRow[],
  rollRates: readonly RollRate[],
  buckets: readonly Bucket[],
  groupBy: HistoryGrouping,
  issues: readonly RowIssue[],
  converted?: readonly ConvertedMonth[],
): RollForwardJson {
  const json: RollForwardJson = {
    months: rows.map((r) => {
      const m = (v: number): number => major(v, r.currency);
      return {
        month: monthKey(r.month),
        currency: r.currency,
        ...groupField(groupBy, r.key),
        opening: m(r.opening),
        invoiced: m(r.invoiced),
        credits: m(r.credits),
        cash: m(r.cash),
        refunds: m(r.refunds),
        closing: m(r.closing),
        current: m(r.current),
        overdue: m(r.overdue),
        unapplied: m(r.unapplied),
        buckets: r.buckets.map((amount, b) => ({ label: buckets[b]!.key, amount: m(amount) })),
      };
    }),
    rollRates: rollRates.map((r) => ({
      month: monthKey(r.month),
      currency: r.currency,
      ...groupField(groupBy, r.key),
      from: r.from,
      to: r.to,
      rate: roundTo(r.rate, 4),
    })),
    issues: issuesJson(issues),
  };
  if (converted) json.converted = converted.map((c) => convertedJson(c));
  return json;
}

function convertedJson(c: ConvertedMonth): ConvertedMonthJson {
  const m = (v: number): number => major(v, c.currency);
  return {
    month: monthKey(c.month),
    currency: c.currency,
    opening: m(c.opening),
    invoiced: m(c.invoiced),
    credits: m(c.credits),
    cash: m(c.cash),
    refunds: m(c.refunds),
    translation: m(c.translation),
    closing: m(c.closing),
    current: m(c.current),
    overdue: m(c.overdue),
    unapplied: m(c.unapplied),
  };
}

export interface KpiMonthJson {
  month: string;
  currency: string;
  sales: number;
  closing: number;
  dso: number | null;
  dsoCountBack: number | null;
  bpdso: number | null;
  add: number | null;
  cei: number | null;
  overduePct: number | null;
  collectionRate: number | null;
}

export interface RepJson {
  rep: string | null;
  month: string;
  currency: string;
  rank: number;
  invoiced: number;
  collected: number;
  closing: number;
  overdue: number;
  overdue61: number;
  collectionRate: number | null;
  overduePct: number | null;
  dso: number | null;
  overLimit: number;
}

export interface KpiJson {
  months: KpiMonthJson[];
  reps: RepJson[];
  converted?: KpiMonthJson[];
  issues: IssueJson[];
}

/** One KPI row as JSON (money in major units, ratios to 2 decimals). */
export function kpiMonthJson(k: KpiRow): KpiMonthJson {
  return {
    month: monthKey(k.month),
    currency: k.currency,
    sales: major(k.sales, k.currency),
    closing: major(k.closing, k.currency),
    dso: roundTo(k.dso),
    dsoCountBack: roundTo(k.dsoCountBack),
    bpdso: roundTo(k.bpdso),
    add: roundTo(k.add),
    cei: roundTo(k.cei),
    overduePct: roundTo(k.overduePct),
    collectionRate: roundTo(k.collectionRate),
  };
}

/**
 * The KPI contract: months per currency, the rep scorecard, converted KPIs when asked.
 *
 * @example
 * toKpiJson(kpis, scores, []).months[0].dso // e.g. 42.17
 */
export function toKpiJson(
  kpis: readonly KpiRow[],
  reps: readonly RepScore[],
  issues: readonly RowIssue[],
  converted?: readonly KpiRow[],
): KpiJson {
  const json: KpiJson = {
    months: kpis.map(kpiMonthJson),
    reps: reps.map((r) => ({
      rep: r.rep,
      month: monthKey(r.month),
      currency: r.currency,
      rank: r.rank,
      invoiced: major(r.invoiced, r.currency),
      collected: major(r.collected, r.currency),
      closing: major(r.closing, r.currency),
      overdue: major(r.overdue, r.currency),
      overdue61: major(r.overdue61, r.currency),
      collectionRate: roundTo(r.collectionRate),
      overduePct: roundTo(r.overduePct),
      dso: roundTo(r.dso),
      overLimit: r.overLimit,
    })),
    issues: issuesJson(issues),
  };
  if (converted) json.converted = converted.map(kpiMonthJson);
  return json;
}

export interface ProvisionJson {
  asOf: string;
  method: "rates" | "roll-rate";
  rows: { currency: string; bucket: string; amount: number; rate: number; provision: number }[];
  totals: { currency: string; amount: number; provision: number; previous?: number; movement?: number }[];
  customers: { customer: string; currency: string; provision: number }[];
  derivations?: {
    currency: string;
    bucket: string;
    rolls: { from: string; to: string; average: number | null; monthly: (number | null)[] }[];
    product: number | null;
    lastShare: number;
    adjust: number;
    rate: number;
  }[];
  historyMonths?: string[];
  converted?: { currency: string; amount: number; provision: number };
  issues: IssueJson[];
}

/**
 * The provision contract.
 *
 * @example
 * toProvisionJson(result).totals[0].provision // 526500 for the IFRS 9 example
 */
export function toProvisionJson(
  result: ProvisionResult,
  converted?: { currency: string; amount: number; provision: number },
): ProvisionJson {
  const json: ProvisionJson = {
    asOf: isoFromSerial(result.asOf),
    method: result.method,
    rows: result.rows.map((r) => ({
      currency: r.currency,
      bucket: r.bucket,
      amount: major(r.amount, r.currency),
      rate: r.rate,
      provision: major(r.provision, r.currency),
    })),
    totals: result.totals.map((t) => ({
      currency: t.currency,
      amount: major(t.amount, t.currency),
      provision: major(t.provision, t.currency),
      ...(t.previous === null ? {} : { previous: major(t.previous, t.currency), movement: major(t.movement!, t.currency) }),
    })),
    customers: result.customers.map((c) => ({ customer: c.customer, currency: c.currency, provision: major(c.provision, c.currency) })),
    issues: issuesJson(result.issues),
  };
  if (result.method === "roll-rate") {
    json.derivations = result.derivations.map((d) => ({
      currency: d.currency,
      bucket: d.bucket,
      rolls: d.rolls.map((r) => ({ from: r.from, to: r.to, average: roundTo(r.average, 4), monthly: r.monthly.map((v) => roundTo(v, 4)) })),
      product: roundTo(d.product, 6),
      lastShare: d.lastShare,
      adjust: d.adjust,
      rate: d.rate,
    }));
    json.historyMonths = result.historyMonths.map(monthKey);
  }
  if (converted)
    json.converted = {
      currency: converted.currency,
      amount: major(converted.amount, converted.currency),
      provision: major(converted.provision, converted.currency),
    };
  return json;
}
