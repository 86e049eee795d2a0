/**
 * `ar-desk rollforward | kpi | provision`: the analytics from the command line — the same use
 * cases and sheets as the add-in's Insights view, and the JSON contracts of issue 18.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { parseBoundaries } from "../engine/aging";
import { isCurrencyCode } from "../engine/currency";
import { lastMonthEnd } from "../engine/dates";
import { readBook } from "../engine/read";
import type { Book, DateOrder, Lang, SheetModel } from "../engine/types";
import { lossRatesFromTable, parsePreviousProvision } from "../engine/analytics/provision";
import { parseMonth } from "../engine/analytics/months";
import type { HistoryGrouping } from "../engine/analytics/history";
import { kpis, provision, rollForward, type AnalyticsShape, type ReportCurrency } from "../app/analytics";
import { writeAtomically } from "../file/atomic";
import { writeReportWorkbook } from "../file/write";
import { t } from "../i18n";
import { UsageError, choice, required, wholeNumber, type Parsed } from "./args";
import { asOfOption } from "./agingInput";
import { readInput } from "./input";
import { readRatesFile, reportCurrencyOption } from "./rates";

const COMMON_VALUES = ["input", "basis", "buckets", "date-order", "currency", "json", "out", "lang", "report-currency"] as const;

/** Options of `ar-desk rollforward`. */
export const ROLLFORWARD_OPTIONS = { values: [...COMMON_VALUES, "from", "to", "by", "rates"], flags: ["no-auto-apply", "help"] } as const;
/** Options of `ar-desk kpi`. */
export const KPI_OPTIONS = { values: [...COMMON_VALUES, "from", "to", "window", "rates"], flags: ["no-auto-apply", "help"] } as const;
/** Options of `ar-desk provision` (--rates are loss rates here; exchange rates come with --fx-rates). */
export const PROVISION_OPTIONS = {
  values: [...COMMON_VALUES, "as-of", "rates", "history", "adjust", "last-share", "previous", "fx-rates"],
  flags: ["no-auto-apply", "help"],
} as const;

/** Where the commands write. */
export interface AnalyticsIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Today as an Excel serial, for provision's default as-of date. */
  today: () => number;
}

export type AnalyticsCommand = "rollforward" | "kpi" | "provision";

/**
 * Runs one analytics command on parsed options; returns the exit code (0 written, 1 no invoice table).
 *
 * @example
 * await analyticsCommand("kpi", parseOptions(["--input", "book.xlsx", "--from", "2026-07", "--to", "2026-10", "--json", "-"], KPI_OPTIONS), io, "en-US");
 */
export async function analyticsCommand(command: AnalyticsCommand, parsed: Parsed, io: AnalyticsIO, lang: Lang): Promise<number> {
  if (parsed.has("help")) {
    io.stdout.write(`${t(lang, `analytics.cli.help.${command}`)}\n`);
    return 0;
  }
  const input = required(parsed, "input");
  const shape = shapeOf(parsed, lang);
  const currency = (parsed.get("currency") ?? "USD").toUpperCase();
  if (!isCurrencyCode(currency)) throw new UsageError("cli.error.badCurrency", { value: currency });
  const dateOrder = parsed.has("date-order") ? choice<DateOrder>(parsed, "date-order", ["DMY", "MDY", "YMD"], "DMY") : null;
  const fxOption = reportCurrencyOption(parsed, command === "provision" ? "fx-rates" : "rates");
  const fxFile = fxOption?.file;
  const inputs = [input, ...(fxFile ? [fxFile] : [])];

  // Validate every option before reading anything.
  const months = command === "provision" ? null : monthsOf(parsed);
  const window = wholeNumber(parsed, "window", 1, 24) ?? 3;
  const by: HistoryGrouping = parsed.has("by") ? choice(parsed, "by", ["customer", "rep"] as const, "customer") : "currency";

  const { tables, dateSystem } = await readInput(input);
  const book = readBook(tables, { lang, dateOrder, dateSystem, defaultCurrency: currency });
  if (!book.sources.invoices) {
    io.stderr.write(
      `${t(lang, "cli.noInvoices", { file: input, tables: tables.map((x) => x.name).join(", ") || t(lang, "cli.noTables") })}\n`,
    );
    return 1;
  }
  const fx = fxOption ? await readRates(fxOption.file, fxOption.currency, lang) : undefined;

  let json: unknown;
  let sheets: SheetModel[];
  let summary: string[];
  let issues: { message: string }[];
  if (command === "rollforward") {
    const outcome = rollForward(book, { ...shape, from: months!.from, to: months!.to, by, reportCurrency: fx?.reportCurrency });
    ({ json, issues } = outcome);
    sheets = [outcome.sheet];
    summary = [t(lang, "analytics.cli.summary.rollforward", { months: months!.to - months!.from + 1, rows: outcome.rows.length })];
  } else if (command === "kpi") {
    const outcome = kpis(book, { ...shape, from: months!.from, to: months!.to, window, reportCurrency: fx?.reportCurrency });
    ({ json, issues, sheets } = outcome);
    summary = [
      t(lang, "analytics.cli.summary.kpi", { months: months!.to - months!.from + 1, reps: new Set(outcome.scores.map((s) => s.rep)).size }),
    ];
  } else {
    const outcome = provision(book, { ...shape, ...(await provisionOptions(parsed, book, shape, io)), reportCurrency: fx?.reportCurrency });
    ({ json, issues } = outcome);
    sheets = [outcome.sheet];
    summary = outcome.json.totals.map((x) =>
      t(lang, "analytics.cli.summary.provision", { currency: x.currency, amount: x.amount, provision: x.provision }),
    );
  }
  issues = [...(fx?.issues ?? []), ...issues];

  const written: string[] = [];
  const out = parsed.get("out");
  if (out) {
    await writeReportWorkbook(sheets, out, { inputs });
    written.push(t(lang, "cli.written.report", { file: out }));
  }
  const target = parsed.get("json");
  const text = `${JSON.stringify(json, null, 2)}\n`;
  if (target === "-") io.stdout.write(text);
  else if (target) {
    await writeAtomically(target, inputs, (temp) => writeFile(temp, text, "utf8"));
    written.push(t(lang, "cli.written.json", { file: target }));
  }
  const lines = [...summary, ...written, ...issues.slice(0, 20).map((i) => i.message)];
  if (issues.length > 20) lines.push(t(lang, "analytics.cli.more-issues", { count: issues.length - 20 }));
  (target === "-" ? io.stderr : io.stdout).write(`${lines.join("\n")}\n`);
  return 0;
}

/** --basis, --buckets, --no-auto-apply. */
function shapeOf(parsed: Parsed, lang: Lang): AnalyticsShape {
  const basis = choice(parsed, "basis", ["due", "invoice"] as const, "due");
  const bucketsText = parsed.get("buckets") ?? "30,60,90";
  const boundaries = parseBoundaries(bucketsText);
  if (!boundaries) throw new UsageError("cli.error.badBuckets", { value: bucketsText });
  return { basis, boundaries, autoApply: !parsed.has("no-auto-apply"), lang };
}

/** --from and --to as month indices, from ≤ to, at most 600 months apart. */
function monthsOf(parsed: Parsed): { from: number; to: number } {
  const month = (name: string): number => {
    const text = required(parsed, name);
    const value = parseMonth(text);
    if (value === null) throw new UsageError("analytics.cli.badMonth", { option: `--${name}`, value: text });
    return value;
  };
  const from = month("from");
  const to = month("to");
  if (from > to || to - from >= 600) throw new UsageError("analytics.cli.badRange", { from: parsed.get("from")!, to: parsed.get("to")! });
  return { from, to };
}

/** An exchange-rate table from a CSV or .xlsx file (its first table). */
async function readRates(
  file: string,
  reportCurrency: string,
  lang: Lang,
): Promise<{ reportCurrency: ReportCurrency; issues: { message: string }[] }> {
  const { rates, issues } = await readRatesFile(file, lang);
  return { reportCurrency: { currency: reportCurrency, rates }, issues };
}

/**
 * --as-of, --rates (a list in percent, or a file with one rate per bucket), --history, --adjust,
 * --last-share, --previous (CUR=AMOUNT,…).
 */
async function provisionOptions(parsed: Parsed, book: Book, shape: AnalyticsShape, io: AnalyticsIO) {
  const asOf = asOfOption(parsed, () => lastMonthEnd(io.today()));
  // Basis due has Current before the boundaries' buckets; basis invoice starts at 0 days.
  const bucketCount = shape.boundaries.length + (shape.basis === "due" ? 2 : 1);
  const ratesText = parsed.get("rates");
  let rates: number[] | null = null;
  if (ratesText !== undefined) {
    rates =
      /^[\d.,，\s%]+$/.test(ratesText) && !existsSync(ratesText)
        ? parseRateList(ratesText)
        : await readRateFile(ratesText, bucketCount, shape.lang);
    if (rates === null || rates.length !== bucketCount || rates.some((r) => r < 0 || r > 100)) {
      throw new UsageError("analytics.cli.badRates", { value: ratesText, count: bucketCount });
    }
  }
  const number = (name: string, min: number, max: number, fallback: number): number => {
    const text = parsed.get(name);
    if (text === undefined) return fallback;
    const value = Number(text.replace(/%$/, ""));
    if (!Number.isFinite(value) || value < min || value > max)
      throw new UsageError("analytics.cli.badNumber", { option: `--${name}`, min, max, value: text });
    return value;
  };
  const history = wholeNumber(parsed, "history", 1, 120) ?? 12;
  const previous = parsePrevious(parsed.get("previous"), book);
  return { asOf, rates, history, lastShare: number("last-share", 0, 100, 100), adjust: number("adjust", -100, 1000, 0), previous };
}

/** "0,1.5,3.4" → [0, 1.5, 3.4]; null when any part is not a number. */
function parseRateList(text: string): number[] | null {
  const parts = text.split(/\s*[,，;；]\s*|\s+/).filter((p) => p !== "");
  const values = parts.map((p) => Number(p.replace(/%$/, "")));
  return values.every(Number.isFinite) ? values : null;
}

/** A loss-rates file (CSV or .xlsx, its first table): one rate per bucket; a problem is a usage error naming the file's row. */
async function readRateFile(file: string, bucketCount: number, lang: Lang): Promise<number[]> {
  const { tables } = await readInput(file);
  const table = tables[0];
  if (!table) throw new UsageError("analytics.cli.badRates", { value: file, count: bucketCount });
  const { rates, issues } = lossRatesFromTable(table, bucketCount, lang);
  if (!rates) throw new UsageError("analytics.cli.badRateFile", { message: issues.map((i) => i.message).join(" ") });
  return rates;
}

/** --previous USD=500000,CNY=1200000 (major units), in minor units per currency. */
function parsePrevious(text: string | undefined, book: Book): Record<string, number> | undefined {
  if (text === undefined) return undefined;
  const previous = parsePreviousProvision(text, book.currencies);
  if (!previous) throw new UsageError("analytics.cli.badPrevious", { value: text });
  return previous;
}
