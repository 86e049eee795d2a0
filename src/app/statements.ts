/**
 * Use case: statements of account (对账单) or balance confirmations (询证函) for a period, written
 * as one owned sheet ("AR Statement <customer> YYYY-MM" or "AR Statements YYYY-MM", one page per
 * customer and currency). The company block comes from the workbook's "Company" setting unless
 * the request brings one.
 */
import type { PortProgressListener, WorkbookPort } from "./port";
import { readBook } from "../engine/read";
import { ageBook } from "../engine/aging";
import { findFollowUpTable, isFollowUpTable, readFollowUps } from "../engine/collections";
import { reportPeriod } from "../engine/report/aging";
import {
  buildStatements,
  collectionStages,
  COMPANY_SETTING,
  customerDetailsOf,
  parseCompany,
  statementsSheet,
  toStatementsJson,
  type CompanyInfo,
  type CustomerDetails,
  type StatementDocumentKind,
  type StatementSet,
  type StatementsJson,
} from "../engine/statements";
import type { AgingReport } from "../engine/aging";
import type { AgingBasis, Book, DateOrder, Lang, RowIssue, TableData, TableMapping } from "../engine/types";
import { t } from "../i18n";
import { readCollectionsSettings } from "./collections";
import { bookIssue } from "../engine/issues";

/** What to state, for whom, and how the book is read and aged. */
export interface StatementsRequest {
  /** Excel serials, from ≤ to. */
  from: number;
  to: number;
  document: StatementDocumentKind;
  lang: Lang;
  /** Customer names; empty = everyone with a balance or activity. */
  customers?: readonly string[];
  /** Only this sales rep's customers. */
  salesRep?: string | null;
  openItems?: boolean;
  basis?: AgingBasis;
  boundaries?: number[];
  autoApply?: boolean;
  dateOrder?: DateOrder | null;
  defaultCurrency?: string;
  mapping?: TableMapping;
  /** Overrides the workbook's Company setting. */
  company?: CompanyInfo;
  /**
   * Put the collection stage's line (the saved ladder's action for the customer's stage at `to`,
   * promises and disputes of the follow-up log counted) in overdue customers' footers; default true.
   */
  collectionStage?: boolean;
  /**
   * The workbook's aging at `to` with this request's basis, buckets and cash application, when
   * the front end already has it (the command line ages through the aging use case first, to say
   * why a book has nothing to state): its book is stated instead of reading the tables again, and
   * the statements tie to it.
   */
  aging?: AgingReport;
  /**
   * With `aging`: the workbook's tables it was read from and their date system, where the
   * follow-up log is found for the footer's collection stage (without them no log is counted).
   */
  tables?: { tables: readonly TableData[]; dateSystem: 1900 | 1904 };
  signal?: AbortSignal;
  onProgress?: PortProgressListener;
}

/** The part of the workbook port statements use (front ends may pass a full WorkbookPort). */
export type StatementsPort = Pick<WorkbookPort, "readTables" | "writeSheets" | "readSetting" | "writeSetting">;

/** What the run did. */
export type StatementsResult =
  | {
      ok: true;
      set: StatementSet;
      json: StatementsJson;
      /** The sheet written (null when there was nothing to state). */
      sheet: string | null;
      company: CompanyInfo;
      /** Each customer's address and contacts (by customer index), for front ends that render the statements themselves (PDFs). */
      details: (customer: number) => CustomerDetails;
      issues: RowIssue[];
    }
  | { ok: false; reason: "no-invoices"; message: string };

/**
 * Reads the workbook, builds and ties the statements, writes their sheet.
 *
 * @example
 * const result = await runStatements(port, { from: 46296, to: 46326, document: "statement", lang: "en-US", salesRep: "Ann" });
 * if (result.ok) show(result.sheet, result.set.statements.length);
 */
export async function runStatements(port: StatementsPort, request: StatementsRequest): Promise<StatementsResult> {
  const { lang } = request;
  const { book, tables, dateSystem } = request.aging
    ? { book: request.aging.book, tables: request.tables?.tables ?? [], dateSystem: request.tables?.dateSystem ?? 1900 }
    : await readStatedBook(port, request);
  if (!book.sources.invoices) return { ok: false, reason: "no-invoices", message: t(lang, "statements.noInvoices") };
  request.onProgress?.({ stage: "compute", done: 0, total: 1 });
  const options = {
    from: request.from,
    to: request.to,
    basis: request.basis ?? "due",
    boundaries: request.boundaries ?? [30, 60, 90],
    autoApply: request.autoApply ?? true,
    lang,
  } as const;
  const aging = request.aging ?? ageBook(book, { asOf: request.to, ...options });
  const settingsIssues: RowIssue[] = [];
  const collectionStage =
    request.collectionStage === false ? undefined : await stageLines(port, { book, tables, dateSystem, aging }, request, settingsIssues);
  const set = buildStatements(book, {
    ...options,
    customers: request.customers,
    salesRep: request.salesRep,
    openItems: request.openItems,
    aging,
    collectionStage,
  });
  const details = customerDetailsOf(book);
  const issues = [...set.issues, ...settingsIssues];
  const company = request.company ?? (await companyOf(port, lang, issues));
  let sheet: string | null = null;
  if (set.statements.length > 0) {
    const model = statementsSheet(set, lang, {
      document: request.document,
      company,
      details,
      openItems: request.openItems,
    });
    const written = await port.writeSheets([model], {
      period: reportPeriod(request.to),
      signal: request.signal,
      onProgress: request.onProgress,
    });
    sheet = written.sheets[0] ?? null;
  }
  return { ok: true, set, json: toStatementsJson(set, [], request.openItems === true), sheet, company, details, issues };
}

/** A book with the tables it was read from (the follow-up log is among them, never in the book). */
interface StatedBook {
  book: Book;
  tables: readonly TableData[];
  dateSystem: 1900 | 1904;
}

/** The book as the request reads it from the workbook's tables. */
async function readStatedBook(port: StatementsPort, request: StatementsRequest): Promise<StatedBook> {
  const { tables, dateSystem } = await port.readTables({ signal: request.signal, onProgress: request.onProgress });
  const book = readBook(
    tables.filter((x) => !isFollowUpTable(x)),
    {
      lang: request.lang,
      dateOrder: request.dateOrder ?? null,
      dateSystem,
      defaultCurrency: request.defaultCurrency ?? "USD",
      mapping: request.mapping,
    },
  );
  return { book, tables, dateSystem };
}

/**
 * The footer's collection-stage lookup: the collections engine's worklist at `to`, with the
 * ladder saved in the workbook (an unusable saved ladder is a warning and the default is used,
 * as the Collections view does) and the follow-up log's promises and disputes.
 */
async function stageLines(
  port: StatementsPort,
  stated: StatedBook & { aging: AgingReport },
  request: StatementsRequest,
  issues: RowIssue[],
): Promise<ReturnType<typeof collectionStages>> {
  const { lang } = request;
  const { settings, issues: settingsIssues } = await readCollectionsSettings(port, lang);
  issues.push(...settingsIssues);
  const log = findFollowUpTable(stated.tables);
  // The log's own unusable rows are the Collections view's to report; here they only drop out.
  const followUps = log
    ? readFollowUps(log, stated.book, {
        lang,
        dateOrder: request.dateOrder ?? null,
        dateSystem: stated.dateSystem,
        defaultCurrency: request.defaultCurrency ?? "USD",
      }).followUps
    : [];
  return collectionStages(stated.book, { asOf: request.to, lang, ladder: settings.ladder, followUps, aging: stated.aging });
}

/** The saved Company setting; a warning and a blank block when there is none or it is unusable. */
async function companyOf(port: StatementsPort, lang: Lang, issues: RowIssue[]): Promise<CompanyInfo> {
  const saved = await port.readSetting(COMPANY_SETTING);
  const parsed = saved === null ? null : parseCompany(saved);
  if (parsed?.ok) return parsed.company;
  issues.push(bookIssue(lang, "warning", "statements.company.missing"));
  return { name: "" };
}

/**
 * The saved company block, or null.
 *
 * @example
 * await loadCompany(port) // { name: "Contoso Ltd", taxId: "…" }
 */
export async function loadCompany(port: StatementsPort): Promise<CompanyInfo | null> {
  const parsed = parseCompany(await port.readSetting(COMPANY_SETTING));
  return parsed.ok ? parsed.company : null;
}

/**
 * Saves the company block in the workbook (it travels with the file).
 *
 * @example
 * await saveCompany(port, { name: "Contoso Ltd", address: "1 Harbour Road" });
 */
export async function saveCompany(port: StatementsPort, company: CompanyInfo): Promise<void> {
  await port.writeSetting(COMPANY_SETTING, company);
}
