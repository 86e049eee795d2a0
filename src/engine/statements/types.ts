/**
 * Statements of account (对账单): the vocabulary. Money in integer minor units of the statement's
 * currency, dates as Excel serials; the JSON and sheet builders convert when they write.
 */
import type { AgingBasis, Lang, RowIssue } from "../types";
import type { AgingReport, Bucket } from "../aging";

/** What a statement line is. A refund (negative payment) is a debit: it raises the balance. */
export type StatementLineType = "invoice" | "credit" | "payment" | "refund";

/** One line of a statement, in statement order. */
export interface StatementLine {
  type: StatementLineType;
  /** Excel serial of the document or payment date. */
  date: number;
  /** Invoice / credit note number, or payment reference. */
  ref: string;
  /** Due date of a document; null for cash or when the document has none. */
  due: number | null;
  /** PO number and description of a document, when the invoice table has them. */
  po: string | null;
  description: string | null;
  /** Minor units, both ≥ 0 and at most one non-zero. */
  debit: number;
  credit: number;
  /** Balance after this line. */
  balance: number;
  /** Where the line comes from. */
  sheet: string;
  row: number;
}

/** One open invoice at the statement date, for the optional open-items list. */
export interface StatementOpenItem {
  ref: string;
  date: number;
  due: number | null;
  /** Document amount and what is still open, minor units. */
  amount: number;
  open: number;
  /** `to` − due date (negative when not yet due). */
  daysOverdue: number;
  /** Index into StatementSet.buckets. */
  bucket: number;
}

/**
 * The collection stage's line in an overdue customer's statement footer: the ladder's stage and
 * its action in the statement's language, as the collections worklist at the statement date has it.
 */
export interface StatementCollectionStage {
  stage: number;
  action: string;
}

/** The statement of one customer in one currency for [from, to]. */
export interface Statement {
  /** Index into Book.customers. */
  customerIndex: number;
  customer: string;
  /** Index into Book.currencies. */
  currencyIndex: number;
  currency: string;
  salesRep: string | null;
  /** Net balance at from − 1 (documents − cash dated before `from`). */
  opening: number;
  lines: StatementLine[];
  /** Σ debit and Σ credit of the lines. */
  debits: number;
  credits: number;
  /** opening + debits − credits; equal to the aging's net at `to` (asserted when built). */
  closing: number;
  /** The aging strip at `to`: open invoices by bucket, minor units (Σ = open). */
  buckets: number[];
  /** Open invoices at `to`. */
  open: number;
  /** Credit held that no invoice absorbed (positive = credit to the customer). closing = open − unapplied. */
  unapplied: number;
  /** Largest days overdue among the open items, null without open items. */
  oldestDaysOverdue: number | null;
  /** Open invoices at `to`, oldest due first (empty unless asked for). */
  openItems: StatementOpenItem[];
  /** The footer's collection-stage line: only for a customer with something overdue and a stage; null otherwise. */
  collectionStage: StatementCollectionStage | null;
}

/** How to build statements. */
export interface StatementOptions {
  /** Excel serials, from ≤ to. */
  from: number;
  to: number;
  /** The aging the strip and the tie use: the book's basis, buckets and cash application. */
  basis: AgingBasis;
  boundaries: number[];
  autoApply: boolean;
  lang: Lang;
  /** Customer names (matched case-, width- and spacing-insensitively); empty or absent = all. */
  customers?: readonly string[];
  /** Only customers of this sales rep (matched like customer names). */
  salesRep?: string | null;
  /** List the open items of each statement (default false). */
  openItems?: boolean;
  /** The book's aging at `to` with these options, when the caller has it (else it is computed). */
  aging?: AgingReport;
  /**
   * The collection stage of a customer (Book.customers index) in a currency (code), when the
   * collections feature is there (see collectionStages); no stage line without it.
   */
  collectionStage?: (customerIndex: number, currency: string) => StatementCollectionStage | null;
}

/** Statements of a period, with the aging at `to` they tie to. */
export interface StatementSet {
  from: number;
  to: number;
  lang: Lang;
  /** The buckets of the strip (the book's buckets). */
  buckets: Bucket[];
  /** By customer name, then currency code. */
  statements: Statement[];
  /** The book's and the aging's issues, then the statements' own (unknown customer names …). */
  issues: RowIssue[];
  /** The aging at `to` the statements were tied to. */
  aging: AgingReport;
}
