/**
 * The aging use case, shared by the task pane's "Generate aging", the ribbon's "Monthly aging",
 * the GL tie-out, the credit check and the `ar-desk` command: read the workbook's tables (port) →
 * pick the tables → readBook → ageBook → agingSheets → write the owned sheets (port).
 *
 * One function means the button, the pane and the command can never disagree about a number or
 * a sheet. Its first half, {@link computeAging}, is what the tie-out and the credit check age
 * with, so their totals are the aging's.
 */
import type { AgingReport } from "../engine/aging";
import { agingSheets } from "../engine/report/aging";
import { convertAgingTotals, type ConvertedAging } from "../engine/analytics/agingFx";
import { ratesFromTables, type FxRate } from "../engine/analytics/fx";
import type { AgingBasis, Book, DateOrder, Lang, RowIssue, TableData, TableMapping } from "../engine/types";
import { inProcessAgingEngine, type AgingEngine } from "./agingEngine";
import { asOfFor, periodOf } from "./asOf";
import { throwIfAborted } from "./cancel";
import type { PortProgressListener, PortTables, PortWriteResult, WorkbookPort } from "./port";
import type { MonthlyAgingProblem } from "./problemStore";
import { resolveTables } from "./resolveTables";
import type { WorkbookSettings } from "./settings";

export { periodOf };

/**
 * How the tables are picked. "unambiguous" (the add-in): a saved table that still exists, else a
 * detection clearly ahead of the next table of its role, else the run stops and asks.
 * "best" (the command line, which has no one to ask): the reader's best match, as `readBook` picks.
 */
export type TableChoice = "unambiguous" | "best";

/** Everything an aging run depends on besides the workbook itself. */
export interface AgingRequest {
  /** Excel serial of the as-of date. */
  asOf: number;
  basis: AgingBasis;
  /** Inclusive upper bounds in days, strictly increasing (e.g. the engine's DEFAULT_BOUNDARIES). */
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
   * (see {@link TableChoice}).
   */
  mapping: TableMapping;
  /** Default "unambiguous". */
  tableChoice?: TableChoice;
  /**
   * Totals converted to a reporting currency beside the document-currency ones (the group
   * view): the rates come from a table or sheet of the workbook (the add-in), or are given
   * (the command line reads them from its --rates file).
   */
  reportCurrency?: AgingReportCurrency;
}

/** The reporting currency of an aging and where its rates come from. */
export type AgingReportCurrency =
  | { currency: string; ratesTable: string }
  /** Rates read by the caller, with the problems found reading them. */
  | { currency: string; rates: FxRate[]; issues?: RowIssue[] };

/**
 * The aging request a workbook's settings describe: the one mapping from settings to request
 * used by the Aging view's defaults, the ribbon, the credit check and the GL tie-out. A fixed
 * as-of date saved in the settings is honoured (see {@link asOfFor}).
 *
 * @example
 * requestFromSettings(defaultSettings(), "en-US", serialFromIso("2026-11-15")!).asOf // 46326 (2026-10-31)
 */
export function requestFromSettings(settings: WorkbookSettings, lang: Lang, today: number): AgingRequest {
  return {
    asOf: asOfFor(settings.asOf, today),
    basis: settings.basis,
    boundaries: [...settings.boundaries],
    autoApply: settings.autoApply,
    groupBy: settings.groupBy,
    lang,
    dateOrder: settings.dateOrder,
    defaultCurrency: settings.defaultCurrency,
    mapping: settings.mapping,
    ...(settings.reportCurrency ? { reportCurrency: { ...settings.reportCurrency } } : {}),
  };
}

/** Options for one run. */
export interface AgingRunOptions {
  signal?: AbortSignal;
  onProgress?: PortProgressListener;
  /** Tables already read by the caller; when given, the workbook is not read again. */
  tables?: PortTables;
  /** Where the book is read and aged; in process unless given (the task pane passes its worker). */
  engine?: AgingEngine;
}

/** An aging computed but not written: what {@link computeAging} produces. */
export interface AgingComputed {
  ok: true;
  book: Book;
  report: AgingReport;
  tables: PortTables;
  /** The mapping actually used (saved tables plus detections). */
  mapping: TableMapping;
  /** The totals in the reporting currency, when the request asked for one. */
  converted?: ConvertedAging;
}

/** A run that stopped before computing because the tables are missing, ambiguous or incomplete. */
export interface AgingRunStopped {
  ok: false;
  problem: MonthlyAgingProblem;
  tables: PortTables;
}

/** What a completed run produced, for the caller to display. */
export interface AgingRunResult extends AgingComputed {
  write: PortWriteResult;
  /** Period tag of the written sheets, "YYYY-MM" of the as-of date. */
  period: string;
}

/**
 * Reads the workbook's tables (unless given), picks them, and ages the book — without writing
 * anything. For use cases that need the aging's numbers but not its sheets (the GL tie-out, the
 * credit check), and the first half of {@link runAging}, so all of them age identically.
 *
 * @example
 * const aging = await computeAging(port, request);
 * if (aging.ok) aging.report.totals; else aging.problem.code;
 */
export async function computeAging(
  port: WorkbookPort,
  request: AgingRequest,
  options: AgingRunOptions = {},
): Promise<AgingComputed | AgingRunStopped> {
  const { signal, onProgress } = options;
  const tables = options.tables ?? (await port.readTables({ onProgress, signal }));
  throwIfAborted(signal);
  let mapping = request.mapping;
  if ((request.tableChoice ?? "unambiguous") === "unambiguous") {
    const resolution = resolveTables(tables.tables, request.mapping);
    if (!resolution.ok) return { ok: false, problem: resolution.problem, tables };
    mapping = resolution.mapping;
  }

  // The engine (in process, or the task pane's worker) reports the compute stage as it goes, so
  // the progress bar does not sit on "Reading" while a large book is parsed and aged.
  const engine = options.engine ?? inProcessAgingEngine;
  const { book, report } = await engine.age(
    {
      tables: tables.tables,
      read: {
        lang: request.lang,
        dateOrder: request.dateOrder,
        dateSystem: tables.dateSystem,
        defaultCurrency: request.defaultCurrency,
        mapping,
      },
      aging: { asOf: request.asOf, basis: request.basis, boundaries: request.boundaries, autoApply: request.autoApply, lang: request.lang },
    },
    { signal, onProgress },
  );
  if (!report) return { ok: false, problem: { code: "no-invoice-table" }, tables };
  return { ok: true, book, report, tables, mapping };
}

/**
 * The aging's totals in the request's reporting currency, for the aging report itself (its
 * sheets and JSON; the use cases that only age to check or tie leave it out). Problems with the
 * rates (no such table, a bad row, no rate for a currency on the as-of date) join the report's
 * issues, so they reach the Exceptions sheet and the JSON. Without a reporting currency the
 * report comes back as it is.
 *
 * @example
 * const { report, converted } = withReportCurrency(aging.report, aging.tables.tables, { ...request, reportCurrency: { currency: "CNY", ratesTable: "Rates" } });
 * converted?.total?.net // the net balance in CNY fen, or null when a rate is missing
 */
export function withReportCurrency(
  report: AgingReport,
  tables: readonly TableData[],
  request: Pick<AgingRequest, "reportCurrency" | "asOf" | "lang">,
): { report: AgingReport; converted?: ConvertedAging } {
  const fx = request.reportCurrency;
  if (!fx) return { report };
  const rates = "rates" in fx ? { rates: fx.rates, issues: fx.issues ?? [] } : ratesFromTables(tables, fx.ratesTable, request.lang);
  const converted = convertAgingTotals(report.totals, fx.currency, rates.rates, request.asOf, request.lang);
  return { report: { ...report, issues: [...report.issues, ...rates.issues, ...converted.issues] }, converted };
}

/**
 * Runs the whole aging: reads, picks the tables, computes and writes "AR Aging YYYY-MM" and its
 * companions — or stops before writing anything when the tables cannot be picked safely.
 * Cancelling through `signal` throws CancelledError; the port guarantees no half-written sheet
 * is left behind.
 *
 * @example
 * const result = await runAging(port, requestFromSettings(settings, "en-US", today()));
 * if (result.ok) result.write.sheets // ["AR Aging 2026-10", …]
 * else result.problem.code           // "no-invoice-table" | "ambiguous-tables" | "missing-columns"
 */
export async function runAging(
  port: WorkbookPort,
  request: AgingRequest,
  options: AgingRunOptions = {},
): Promise<AgingRunResult | AgingRunStopped> {
  const { signal, onProgress } = options;
  const aged = await computeAging(port, request, options);
  if (!aged.ok) return aged;
  const computed: AgingComputed = { ...aged, ...withReportCurrency(aged.report, aged.tables.tables, request) };
  const sheets = agingSheets(computed.report, request.lang, { byRep: request.groupBy === "salesRep", converted: computed.converted });
  onProgress?.({ stage: "compute", done: 3, total: 3 });
  throwIfAborted(signal);

  // The sheets carry their period; the as-of month is the same thing for a model that has none.
  const period = sheets[0]?.period ?? periodOf(request.asOf);
  const write = await port.writeSheets(sheets, { period, signal, onProgress });
  return { ...computed, write, period };
}
