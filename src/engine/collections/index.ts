/**
 * Collections: who to chase today, how, and what each customer promised. One entry point,
 * {@link collectionsReport}, ages the book (and, for the month-end warnings, applies cash again
 * at the previous month-end), runs the credit check, reads the follow-up log and builds the
 * worklist and the warnings; letters and sheets are built from its result.
 */
import { ageBook, type AgingReport } from "../aging";
import { checkCredit, creditStatuses, DEFAULT_CREDIT_OPTIONS, type CreditReport, type CreditStatuses } from "../credit/check";
import { lastMonthEnd } from "../dates";
import { cellText, normalizeHeader } from "../read/normalize";
import type { RateTable } from "../read/creditTables";
import type { Book, DateOrder, Lang, RowIssue, TableData } from "../types";
import { DEFAULT_LADDER, type LadderStage } from "./ladder";
import { readFollowUps, type FollowUp } from "./log";
import {
  earlyWarnings,
  monthEndOverdue,
  DEFAULT_WARNING_RULES,
  type EarlyWarning,
  type MonthEndOverdue,
  type WarningRules,
} from "./warnings";
import { collectionsWorklist, type ScoreRules, type Worklist } from "./worklist";

export * from "./ladder";
export * from "./log";
export * from "./promises";
export * from "./warnings";
export * from "./worklist";
export * from "./letters";

/** Options of {@link collectionsReport}. */
export interface CollectionsOptions {
  asOf: number;
  lang: Lang;
  ladder?: readonly LadderStage[];
  warnings?: Readonly<WarningRules>;
  score?: Readonly<ScoreRules>;
  dateOrder: DateOrder | null;
  dateSystem: 1900 | 1904;
  defaultCurrency: string;
  rates?: RateTable | null;
}

/** Everything the collections views show. */
export interface CollectionsReport {
  asOf: number;
  lang: Lang;
  aging: AgingReport;
  /** The ledger's overdue position at the previous month-end (null when no month-end rule is on). */
  previous: MonthEndOverdue | null;
  /** The statuses the worklist and the warnings were decided on (see creditStatuses). */
  creditStatuses: CreditStatuses;
  /** The full credit check of the same aging (reasons, groups, order by risk), computed when first read. */
  credit: CreditReport;
  followUps: FollowUp[];
  worklist: Worklist;
  warnings: EarlyWarning[];
  /** Problems of the follow-up log (the book's own issues stay in `aging.issues`). */
  issues: RowIssue[];
}

/** Aging buckets of the collections run: the score's bands. */
const BOUNDARIES = [30, 60, 90];

const EMAIL_HEADERS = ["Email", "E-mail", "Email Address", "E-mail Address", "Mail", "邮箱", "电子邮件", "电子邮箱", "邮件地址"].map(
  normalizeHeader,
);
const PHONE_HEADERS = ["Phone", "Telephone", "Tel", "Phone No", "Mobile", "电话", "联系电话", "手机", "电话号码"].map(normalizeHeader);

/** Email and phone by customer index (see {@link customerContacts}). */
export interface CustomerContacts {
  get(customer: number): { email: string | null; phone: string | null } | undefined;
}

const NO_CONTACTS: CustomerContacts = { get: () => undefined };

/**
 * Email and phone of each customer from the customer table's columns of that name, when it has
 * them (the ledger's reader does not need them, so they are read here). Read from the table on
 * each `get`: the worklist asks once per account, and 100k customers' contacts kept in a map
 * would outlive the run's young objects for nothing.
 *
 * @example
 * customerContacts(book).get(0) // { email: "ap@acme.example", phone: null }
 */
export function customerContacts(book: Book): CustomerContacts {
  const table = book.sources.customers?.table;
  if (!table) return NO_CONTACTS;
  const emailColumn = table.header.findIndex((h) => EMAIL_HEADERS.includes(normalizeHeader(h)));
  const phoneColumn = table.header.findIndex((h) => PHONE_HEADERS.includes(normalizeHeader(h)));
  if (emailColumn < 0 && phoneColumn < 0) return NO_CONTACTS;
  const { row, inTable } = book.customers;
  return {
    get(c) {
      if (!(c >= 0 && c < book.customers.length) || !inTable[c]) return undefined;
      const cells = table.rows[row[c]! - table.firstRow];
      if (!cells) return undefined;
      return {
        email: emailColumn >= 0 ? cellText(cells[emailColumn]) : null,
        phone: phoneColumn >= 0 ? cellText(cells[phoneColumn]) : null,
      };
    },
  };
}

/**
 * The aging collections work from: due-date basis, cash applied automatically, the score's
 * 30/60/90 bands. An aging with another basis or cash application gives other stages.
 *
 * @example
 * collectionsAging(book, asOf, "en-US").basis // "due"
 */
export function collectionsAging(book: Book, asOf: number, lang: Lang): AgingReport {
  return ageBook(book, { asOf, basis: "due", boundaries: BOUNDARIES, autoApply: true, lang });
}

/**
 * Whether `aging` ages `book` at `asOf` as collections does (its buckets may differ: they change
 * no stage, only how the score is summed), so a caller that has it need not age again.
 *
 * @example
 * isCollectionsAging(collectionsAging(book, asOf, "en-US"), book, asOf) // true
 */
export function isCollectionsAging(aging: AgingReport, book: Book, asOf: number): boolean {
  return aging.book === book && aging.asOf === asOf && aging.basis === "due" && aging.autoApply;
}

/**
 * The collections report of a book and its follow-up log (null when the workbook has none yet).
 * The book must be read without the log (see isFollowUpTable).
 *
 * @example
 * const report = collectionsReport(readBook(ledger, readOptions), log, { asOf, lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
 * report.worklist.customers[0].action // "Written notice"
 */
export function collectionsReport(book: Book, log: TableData | null, options: CollectionsOptions): CollectionsReport {
  const { asOf, lang } = options;
  const rules = options.warnings ?? DEFAULT_WARNING_RULES;
  const aging = collectionsAging(book, asOf, lang);
  const needsPrevious = rules.agingWorsened.enabled || rules.newOverdue.enabled;
  const previous = needsPrevious ? monthEndOverdue(book, lastMonthEnd(asOf), rules.agingWorsened.days, lang, aging.allocation) : null;
  const creditOptions = { ...DEFAULT_CREDIT_OPTIONS, defaultCurrency: options.defaultCurrency, lang, rates: options.rates ?? null };
  // The worklist and the warnings need only each customer's status and utilisation; the full
  // check (a reason per customer) is left for a reader of `credit`.
  const credit = creditStatuses(aging, creditOptions);
  const read = log ? readFollowUps(log, book, options) : { followUps: [], issues: [] };
  const worklist = collectionsWorklist(aging, read.followUps, {
    ladder: options.ladder ?? DEFAULT_LADDER,
    score: options.score,
    lang,
    credit,
    reportCurrency: options.defaultCurrency,
    rates: options.rates ?? null,
    contacts: customerContacts(book),
  });
  const warnings = earlyWarnings(aging, previous, credit, worklist, rules);
  return withLazyCredit(
    { asOf, lang, aging, previous, creditStatuses: credit, followUps: read.followUps, worklist, warnings, issues: read.issues },
    () => checkCredit(aging, creditOptions),
  );
}

/** The report with `credit` as a property computed on first read (then kept), enumerable like the others. */
function withLazyCredit(report: Omit<CollectionsReport, "credit">, check: () => CreditReport): CollectionsReport {
  let credit: CreditReport | null = null;
  return Object.defineProperty(report, "credit", {
    enumerable: true,
    configurable: true,
    get: () => (credit ??= check()),
  }) as CollectionsReport;
}
