/**
 * Statements as the CLI's JSON contract: amounts in major units of each statement's currency,
 * dates as ISO text, `unapplied` a positive amount of credit held.
 */
import type { RowIssue } from "../types";
import { currencyDecimals } from "../currency";
import { fromMinor } from "../money";
import { isoFromSerial } from "../dates";
import type { StatementLineType, StatementSet, Statement } from "./types";

/** One line of a statement in the JSON. */
export interface StatementLineJson {
  date: string;
  type: StatementLineType;
  ref: string;
  due: string | null;
  description?: string;
  po?: string;
  debit: number;
  credit: number;
  balance: number;
}

/** One open item in the JSON (only with open items requested). */
export interface StatementOpenItemJson {
  ref: string;
  date: string;
  due: string | null;
  amount: number;
  open: number;
  daysOverdue: number;
  bucket: string;
}

/** One statement in the JSON. */
export interface StatementJson {
  customer: string;
  currency: string;
  salesRep: string | null;
  opening: number;
  lines: StatementLineJson[];
  debits: number;
  credits: number;
  closing: number;
  buckets: Array<{ label: string; amount: number }>;
  open: number;
  unapplied: number;
  openItems?: StatementOpenItemJson[];
  /** The footer's collection stage of an overdue customer (ladder stage and action); null otherwise. */
  collectionStage: { stage: number; action: string } | null;
  /** The PDF written for this statement, when PDFs were asked for. */
  file?: string;
}

/** The whole JSON document. */
export interface StatementsJson {
  from: string;
  to: string;
  statements: StatementJson[];
  issues: RowIssue[];
}

/**
 * The statements as JSON. `files[k]` is the PDF of statement k, when written. Bucket labels are
 * the en-US keys, stable across languages.
 *
 * @example
 * toStatementsJson(set).statements[0]
 * // { customer: "Acme", currency: "USD", opening: 0, lines: [{ date: "2026-10-03", type: "invoice", ref: "INV-1",
 * //   due: "2026-11-02", debit: 100, credit: 0, balance: 100 }], closing: 100, buckets: [{ label: "Current", amount: 100 }, …], unapplied: 0, … }
 */
export function toStatementsJson(set: StatementSet, files: readonly (string | undefined)[] = [], withOpenItems = false): StatementsJson {
  return {
    from: isoFromSerial(set.from),
    to: isoFromSerial(set.to),
    statements: set.statements.map((s, k) => statementJson(set, s, files[k], withOpenItems)),
    issues: set.issues,
  };
}

function statementJson(set: StatementSet, s: Statement, file: string | undefined, withOpenItems: boolean): StatementJson {
  const decimals = currencyDecimals(s.currency);
  const m = (minor: number): number => fromMinor(minor, decimals);
  const json: StatementJson = {
    customer: s.customer,
    currency: s.currency,
    salesRep: s.salesRep,
    opening: m(s.opening),
    lines: s.lines.map((line) => {
      const out: StatementLineJson = {
        date: isoFromSerial(line.date),
        type: line.type,
        ref: line.ref,
        due: line.due === null ? null : isoFromSerial(line.due),
        debit: m(line.debit),
        credit: m(line.credit),
        balance: m(line.balance),
      };
      if (line.description !== null) out.description = line.description;
      if (line.po !== null) out.po = line.po;
      return out;
    }),
    debits: m(s.debits),
    credits: m(s.credits),
    closing: m(s.closing),
    buckets: set.buckets.map((bucket, b) => ({ label: bucket.key, amount: m(s.buckets[b] ?? 0) })),
    open: m(s.open),
    unapplied: m(s.unapplied),
    collectionStage: s.collectionStage ? { stage: s.collectionStage.stage, action: s.collectionStage.action } : null,
  };
  if (withOpenItems) {
    json.openItems = s.openItems.map((item) => ({
      ref: item.ref,
      date: isoFromSerial(item.date),
      due: item.due === null ? null : isoFromSerial(item.due),
      amount: m(item.amount),
      open: m(item.open),
      daysOverdue: item.daysOverdue,
      bucket: set.buckets[item.bucket]?.key ?? "",
    }));
  }
  if (file !== undefined) json.file = file;
  return json;
}
