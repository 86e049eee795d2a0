/**
 * The collections use case over a workbook port: read the ledger and the follow-up log, take
 * the ladder, warning rules, letter templates and late-fee terms from the workbook's settings,
 * compute the worklist, write the "AR Collections" (and letters) sheet, highlight warned
 * customers on the customer table, and keep the follow-up log: created once, then only
 * appended to.
 */
import { readBook, readCreditTables } from "../engine/read";
import {
  collectionsReport,
  buildLetters,
  DEFAULT_LADDER,
  DEFAULT_LETTER_TEMPLATES,
  findFollowUpTable,
  followUpColumns,
  followUpHeader,
  followUpWord,
  isFollowUpTable,
  validateLadder,
  warningRulesOf,
  type CollectionsReport,
  type FollowUpType,
  type LadderStage,
  type LateFeeTerms,
  type Letter,
  type LetterTemplates,
  type WarningRules,
} from "../engine/collections";
import { collectionsSheet, lettersSheet } from "../engine/report/collections";
import { reportPeriod } from "../engine/report/aging";
import { columnLetters } from "../engine/read/normalize";
import { currencyDecimals } from "../engine/currency";
import { toMinor } from "../engine/money";
import type { CellValue, DateOrder, Lang, RowIssue, SheetModel } from "../engine/types";
import { t } from "../i18n";
import type { PortHighlight, PortProgressListener, PortWriteResult, WorkbookPort } from "./port";
import { bookIssue } from "../engine/issues";

/** Keys of the collections settings saved in the workbook. */
export const COLLECTIONS_SETTINGS = {
  ladder: "collections.ladder",
  warnings: "collections.warnings",
  templates: "collections.templates",
  lateFee: "collections.lateFee",
  remitTo: "collections.remitTo",
} as const;

/** Name of the follow-up log's Excel table when AR Desk creates it. */
export const FOLLOW_UP_TABLE = "ARFollowUps";

/** Fill of a warned customer's row on the customer table. */
export const WARNING_FILL = "#FCE4D6";

/** What the front end asks for. */
export interface CollectionsRequest {
  asOf: number;
  lang: Lang;
  dateOrder: DateOrder | null;
  defaultCurrency: string;
  /** Letters for these customers (names as in the worklist), or for every staged customer with `"all"`; none when absent. */
  letters?: readonly string[] | "all";
  /** Write the sheets (default true). */
  write?: boolean;
  /** Highlight warned customers on the customer table (default true). */
  highlight?: boolean;
  signal?: AbortSignal;
  onProgress?: PortProgressListener;
}

/** The settings a run used (saved ones, else the defaults). */
export interface CollectionsSettings {
  ladder: LadderStage[];
  warnings: WarningRules;
  templates: LetterTemplates;
  lateFee: LateFeeTerms | null;
  remitTo: string[];
}

/** What a run produced. */
export type CollectionsRun =
  | {
      ok: true;
      report: CollectionsReport;
      letters: Letter[];
      settings: CollectionsSettings;
      /** Problems with saved settings (the default was used instead). */
      settingsIssues: RowIssue[];
      written: PortWriteResult | null;
      highlighted: number;
    }
  | { ok: false; issues: RowIssue[] };

const settingIssue = (lang: Lang, code: string, params: Record<string, string | number>): RowIssue =>
  bookIssue(lang, "warning", code, params);

/**
 * The collections settings saved in the workbook, each checked; an invalid one is reported
 * and its default used.
 *
 * @example
 * const { settings, issues } = await readCollectionsSettings(port, "en-US");
 * settings.ladder[1].action["en-US"] // "Phone call" unless the user changed it
 */
export async function readCollectionsSettings(
  port: Pick<WorkbookPort, "readSetting">,
  lang: Lang,
): Promise<{ settings: CollectionsSettings; issues: RowIssue[] }> {
  const issues: RowIssue[] = [];
  const savedLadder = await port.readSetting(COLLECTIONS_SETTINGS.ladder);
  let ladder = DEFAULT_LADDER.map((s) => ({ ...s, action: { ...s.action } }));
  if (savedLadder !== null) {
    const checked = validateLadder(savedLadder);
    if (checked.ok) ladder = checked.ladder;
    else issues.push(settingIssue(lang, checked.problem, { stage: checked.stage ?? "" }));
  }
  const rules = warningRulesOf(await port.readSetting(COLLECTIONS_SETTINGS.warnings));
  if (!rules.ok) issues.push(settingIssue(lang, "collections.warnings.invalid", { rule: rules.rule }));
  const warnings = rules.ok ? rules.rules : (warningRulesOf(null) as { ok: true; rules: WarningRules }).rules;
  const savedTemplates = (await port.readSetting(COLLECTIONS_SETTINGS.templates)) as Partial<LetterTemplates> | null;
  const templates: LetterTemplates = {
    "en-US": { ...DEFAULT_LETTER_TEMPLATES["en-US"], ...(isTemplates(savedTemplates?.["en-US"]) ? savedTemplates["en-US"] : {}) },
    "zh-CN": { ...DEFAULT_LETTER_TEMPLATES["zh-CN"], ...(isTemplates(savedTemplates?.["zh-CN"]) ? savedTemplates["zh-CN"] : {}) },
  };
  const fee = (await port.readSetting(COLLECTIONS_SETTINGS.lateFee)) as Partial<LateFeeTerms> | null;
  const lateFee =
    fee && typeof fee.annualRate === "number" && fee.annualRate >= 0 && Number.isFinite(fee.annualRate)
      ? { annualRate: fee.annualRate, fixedFee: typeof fee.fixedFee === "number" && fee.fixedFee >= 0 ? fee.fixedFee : 0 }
      : null;
  const remit = await port.readSetting(COLLECTIONS_SETTINGS.remitTo);
  const remitTo = Array.isArray(remit) ? remit.filter((x): x is string => typeof x === "string") : [];
  return { settings: { ladder, warnings, templates, lateFee, remitTo }, issues };
}

function isTemplates(value: unknown): value is Record<string, { subject: string; body: string }> {
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).every(
    (x) =>
      typeof x === "object" &&
      x !== null &&
      typeof (x as { subject?: unknown }).subject === "string" &&
      typeof (x as { body?: unknown }).body === "string",
  );
}

/**
 * Runs collections: reads, computes, writes the "AR Collections" sheet (and the letters sheet
 * when letters are asked for) and highlights warned customers (purpose "collections").
 *
 * @example
 * const run = await runCollections(port, { asOf, lang: "en-US", dateOrder: null, defaultCurrency: "USD" });
 * if (run.ok) run.report.worklist.customers[0].customer // who to chase first
 */
export async function runCollections(port: WorkbookPort, request: CollectionsRequest): Promise<CollectionsRun> {
  const { lang } = request;
  const { tables, dateSystem } = await port.readTables({ signal: request.signal, onProgress: request.onProgress });
  const log = findFollowUpTable(tables);
  const book = readBook(
    tables.filter((x) => !isFollowUpTable(x)),
    { lang, dateOrder: request.dateOrder, dateSystem, defaultCurrency: request.defaultCurrency },
  );
  if (!book.sources.invoices) return { ok: false, issues: book.issues };
  const { settings, issues: settingsIssues } = await readCollectionsSettings(port, lang);
  request.onProgress?.({ stage: "compute", done: 0, total: 1 });
  const report = collectionsReport(book, log, {
    asOf: request.asOf,
    lang,
    ladder: settings.ladder,
    warnings: settings.warnings,
    dateOrder: request.dateOrder,
    dateSystem,
    defaultCurrency: request.defaultCurrency,
    // A rate table in the workbook (as the credit check reads it) puts every score in the default currency.
    rates: readCreditTables(tables, { lang, defaultCurrency: request.defaultCurrency }).rates,
  });
  const only = request.letters === undefined ? null : request.letters === "all" ? undefined : new Set(request.letters);
  const letters =
    only === null
      ? []
      : buildLetters(
          report.aging,
          report.worklist,
          { lang, templates: settings.templates, lateFee: settings.lateFee, remitTo: settings.remitTo },
          only,
        );
  let written: PortWriteResult | null = null;
  if (request.write !== false) {
    const sheets: SheetModel[] = [collectionsSheet(report, lang)];
    if (only !== null) sheets.push(lettersSheet(letters, report.asOf, lang));
    written = await port.writeSheets(sheets, { period: reportPeriod(report.asOf), signal: request.signal, onProgress: request.onProgress });
  }
  let highlighted = 0;
  if (request.highlight !== false) highlighted = (await port.setHighlights("collections", warningHighlights(report))).added;
  return { ok: true, report, letters, settings, settingsIssues, written, highlighted };
}

/**
 * One highlight per warned customer that has a row in the customer table: the row's cells,
 * bounded to the table's columns.
 *
 * @example
 * warningHighlights(report) // [{ sheet: "Customers", address: "A5:G5", fill: "#FCE4D6" }]
 */
export function warningHighlights(report: CollectionsReport): PortHighlight[] {
  const table = report.aging.book.sources.customers?.table;
  if (!table || table.header.length === 0) return [];
  const { row, inTable } = report.aging.book.customers;
  const from = columnLetters(table.firstColumn);
  const to = columnLetters(table.firstColumn + table.header.length - 1);
  const seen = new Set<number>();
  const highlights: PortHighlight[] = [];
  for (const w of report.warnings) {
    if (seen.has(w.customerIndex) || !inTable[w.customerIndex]) continue;
    seen.add(w.customerIndex);
    const r = row[w.customerIndex]!;
    highlights.push({ sheet: table.sheet, address: `${from}${r}:${to}${r}`, fill: WARNING_FILL });
  }
  return highlights;
}

/** Removes the collections' highlights (the "Clear" button), leaving everyone else's. */
export async function clearCollectionsHighlights(port: WorkbookPort): Promise<number> {
  return (await port.clearHighlights("collections")).removed;
}

/**
 * The follow-up log, created once when the workbook has none (a real table on its own sheet,
 * which belongs to the user from then on).
 *
 * @example
 * const log = await ensureFollowUpLog(port, "zh-CN"); // { sheet: "催收记录", name: "ARFollowUps", created: true }
 */
export async function ensureFollowUpLog(port: WorkbookPort, lang: Lang): Promise<{ sheet: string; name: string; created: boolean }> {
  const { tables } = await port.readTables();
  const existing = findFollowUpTable(tables);
  if (existing) return { sheet: existing.sheet, name: existing.name, created: false };
  const created = await port.createTable({
    sheet: t(lang, "collections.log.sheet"),
    // An ASCII name in every language: Excel table names are identifiers (formulas refer to them).
    name: FOLLOW_UP_TABLE,
    header: followUpHeader(lang),
    formats: { 0: "yyyy-mm-dd", 4: "#,##0.00", 5: "yyyy-mm-dd" },
  });
  return { ...created, created: true };
}

/** A follow-up as the pane's form gives it. Amount in major units; dates are serials. */
export interface FollowUpInput {
  date: number;
  customer: string;
  invoice: string | null;
  type: FollowUpType;
  amount: number | null;
  currency?: string;
  until: number | null;
  status: "open" | "resolved";
  by: string | null;
  note: string | null;
}

/**
 * Appends one row to the follow-up log (creating the log first if the workbook has none), in
 * the log's own column order; existing rows are never rewritten.
 *
 * @example
 * await logFollowUp(port, { date, customer: "Acme", invoice: null, type: "promise", amount: 500, until, status: "open", by: "Ann", note: null }, "en-US");
 */
export async function logFollowUp(
  port: WorkbookPort,
  entry: FollowUpInput,
  lang: Lang,
): Promise<{ table: string; sheet: string; row: number }> {
  const log = await ensureFollowUpLog(port, lang);
  const { tables } = await port.readTables();
  const table = tables.find((x) => x.name === log.name) ?? null;
  const header = table?.header ?? followUpHeader(lang);
  const columns = followUpColumns({ sheet: log.sheet, name: log.name, header, rows: [], firstRow: 2, firstColumn: 0 });
  const cells: CellValue[] = header.map(() => null);
  const put = (index: number | undefined, value: CellValue): void => {
    if (index !== undefined && index >= 0) cells[index] = value;
  };
  // Amounts go in as numbers of the currency's precision, so the log reads back to the cent.
  const amount =
    entry.amount === null
      ? null
      : toMinor(entry.amount, currencyDecimals(entry.currency ?? "USD")) / 10 ** currencyDecimals(entry.currency ?? "USD");
  put(columns?.date, entry.date);
  put(columns?.customer, entry.customer);
  put(columns?.invoice, entry.invoice);
  put(columns?.type, followUpWord(entry.type, lang));
  put(columns?.amount, amount);
  put(columns?.until, entry.until);
  put(columns?.status, followUpWord(entry.status, lang));
  put(columns?.by, entry.by);
  put(columns?.note, entry.note);
  put(columns?.currency, entry.currency ?? null);
  const appended = await port.appendRows(log.name, [cells]);
  return { table: log.name, sheet: appended.sheet, row: appended.firstRow };
}

/**
 * Saves an edited ladder after checking it; returns the problem instead when it is invalid.
 *
 * @example
 * await saveLadder(port, DEFAULT_LADDER, "en-US") // null (saved)
 */
export async function saveLadder(port: WorkbookPort, ladder: unknown, lang: Lang): Promise<string | null> {
  const checked = validateLadder(ladder);
  if (!checked.ok) return t(lang, checked.problem, { stage: checked.stage ?? "" });
  await port.writeSetting(COLLECTIONS_SETTINGS.ladder, checked.ladder);
  return null;
}

/** Saves warning rules after checking them; returns the problem instead when invalid. */
export async function saveWarningRules(port: WorkbookPort, rules: unknown, lang: Lang): Promise<string | null> {
  const checked = warningRulesOf(rules);
  if (!checked.ok) return t(lang, "collections.warnings.invalid", { rule: checked.rule });
  await port.writeSetting(COLLECTIONS_SETTINGS.warnings, checked.rules);
  return null;
}
