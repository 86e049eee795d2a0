/**
 * The aging run shared by the task pane's "Generate aging" and the ribbon's "Monthly aging":
 * read the workbook's tables (adapter) → readBook → ageBook → agingSheets → writeReportSheets.
 *
 * Keeping one function means the button and the pane can never disagree about a number or a
 * sheet: both produce exactly the same workbook for the same settings and as-of date. Its first
 * half, `computeAging`, is also what the GL tie-out ages with, so its total is the aging's.
 */
import type { AgingBasis, Book, DateOrder, Lang, TableMapping } from "../engine/types";
import type { ExcelRun, ProgressListener, WorkbookSettings, WorkbookTables, WriteResult } from "../excel/types";
import { readWorkbookTables, writeReportSheets, CancelledError } from "../excel";
import { readBook } from "../engine/read";
import { ageBook, type AgingReport } from "../engine/aging";
import { agingSheets } from "../engine/report/aging";
import { isoFromSerial } from "../engine/dates";
import { resolveTables } from "./resolveTables";
import type { MonthlyAgingProblem } from "./problemStore";

/** Everything an aging run depends on besides the workbook itself. */
export interface AgingRequest {
  /** Excel serial of the as-of date. */
  asOf: number;
  basis: AgingBasis;
  /** Inclusive upper bounds in days, strictly increasing (e.g. [30, 60, 90]). */
  boundaries: number[];
  autoApply: boolean;
  /** "salesRep" adds the aging-by-rep sheet to the summary and detail. */
  groupBy: WorkbookSettings["groupBy"];
  /** Language of the written sheets and of every issue message. */
  lang: Lang;
  dateOrder: DateOrder | null;
  defaultCurrency: string;
  /**
   * The saved mapping. Tables it names are used; roles it leaves open are filled from detection
   * when detection is unambiguous (see resolveTables), otherwise the run stops with a problem.
   */
  mapping: TableMapping;
}

/** Options for one run. */
export interface AgingRunOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /**
   * Tables already read by the caller (the ribbon command reads them once to check the mapping);
   * when given, the workbook is not read again.
   */
  tables?: WorkbookTables;
}

/** What a completed run produced, for the caller to display. */
export interface AgingRunResult {
  ok: true;
  book: Book;
  report: AgingReport;
  write: WriteResult;
  /** Period tag of the written sheets, "YYYY-MM" of the as-of date. */
  period: string;
  tables: WorkbookTables;
  /** The mapping actually used (saved tables plus unambiguous detections). */
  mapping: TableMapping;
}

/** A run that stopped before computing because the tables are missing, ambiguous or incomplete. */
export interface AgingRunStopped {
  ok: false;
  problem: MonthlyAgingProblem;
  tables: WorkbookTables;
}

/**
 * The period tag ("YYYY-MM") of an as-of date given as an Excel serial.
 *
 * @example
 * periodOf(serialFromIso("2026-10-31")) // "2026-10"
 */
export function periodOf(asOf: number): string {
  return isoFromSerial(asOf).slice(0, 7);
}

/** Throws the adapter's CancelledError when the run was cancelled between stages. */
function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** An aging computed but not written: what {@link computeAging} produces. */
export interface AgingComputed {
  ok: true;
  book: Book;
  report: AgingReport;
  tables: WorkbookTables;
  /** The mapping actually used (saved tables plus unambiguous detections). */
  mapping: TableMapping;
}

/**
 * Reads the workbook's tables (unless given), picks them as the ribbon would, and ages the book
 * — without writing anything. For views that need the aging's numbers but not its sheets (the
 * GL tie-out), and the first half of {@link runAgingPipeline}, so both age identically.
 *
 * @example
 * const aging = await computeAging(run, request);
 * if (aging.ok) aging.report.totals; else aging.problem.code;
 */
export async function computeAging(run: ExcelRun, request: AgingRequest, options: AgingRunOptions = {}): Promise<AgingComputed | AgingRunStopped> {
  const { signal, onProgress } = options;
  const tables = options.tables ?? (await readWorkbookTables(run, { onProgress, signal }));
  checkCancelled(signal);
  const resolution = resolveTables(tables.tables, request.mapping);
  if (!resolution.ok) return { ok: false, problem: resolution.problem, tables };

  // Computing is synchronous and fast next to Office.js round trips; the stage is reported so
  // the progress bar does not sit on "Reading" while a large book is parsed.
  onProgress?.({ stage: "compute", done: 0, total: 3 });
  const book = readBook(tables.tables, {
    lang: request.lang,
    dateOrder: request.dateOrder,
    dateSystem: tables.dateSystem,
    defaultCurrency: request.defaultCurrency,
    mapping: resolution.mapping,
  });
  onProgress?.({ stage: "compute", done: 1, total: 3 });
  const report = ageBook(book, {
    asOf: request.asOf,
    basis: request.basis,
    boundaries: request.boundaries,
    autoApply: request.autoApply,
    lang: request.lang,
  });
  onProgress?.({ stage: "compute", done: 2, total: 3 });
  return { ok: true, book, report, tables, mapping: resolution.mapping };
}

/**
 * Runs the whole aging: reads, picks the tables, computes and writes "AR Aging YYYY-MM" and its
 * companions — or stops before writing anything when the tables cannot be picked safely.
 * Cancelling through `signal` throws the adapter's `CancelledError`; the adapter guarantees no
 * half-written sheet is left behind.
 *
 * @example
 * const result = await runAgingPipeline(run, { asOf, basis: "due", boundaries: [30, 60, 90], … });
 * if (result.ok) result.write.sheets // ["AR Aging 2026-10", …]
 * else result.problem.code           // "no-invoice-table" | "ambiguous-tables" | "missing-columns"
 */
export async function runAgingPipeline(run: ExcelRun, request: AgingRequest, options: AgingRunOptions = {}): Promise<AgingRunResult | AgingRunStopped> {
  const { signal, onProgress } = options;
  const computed = await computeAging(run, request, options);
  if (!computed.ok) return computed;
  const { book, report, tables, mapping } = computed;
  const sheets = agingSheets(report, request.lang, { byRep: request.groupBy === "salesRep" });
  onProgress?.({ stage: "compute", done: 3, total: 3 });
  checkCancelled(signal);

  const period = periodOf(request.asOf);
  const write = await writeReportSheets(run, sheets, { period, signal, onProgress });
  return { ok: true, book, report, write, period, tables, mapping };
}
