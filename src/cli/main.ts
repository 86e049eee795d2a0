/**
 * The `ar-desk` command: aging reports, credit checks, reconciliations, GL tie-outs and sample
 * books from the command line.
 *
 * Today's date comes from the clock module unless the caller passes one; this file decides exit codes: 0 report written, 1 nothing could be reported, 2 usage.
 */
import { readFileSync } from "node:fs";
import { systemToday, type Today } from "../host/clock";
import { stat } from "node:fs/promises";
import * as path from "node:path";
import { DEFAULT_BOUNDARIES, MAX_BOUNDARIES, parseBoundaries } from "../engine/aging";
import { isoFromSerial, lastMonthEnd } from "../engine/dates";
import { agingSheets } from "../engine/report/aging";
import { toAgingJson } from "../engine/report/json";
import { SAMPLE_DATE_COLUMNS, SAMPLE_MONEY_COLUMNS, generateSampleBook } from "../engine/sample";
import { generateSampleStatement } from "../engine/sampleStatement";
import type { Lang, TableData } from "../engine/types";
import { writeCsvFiles } from "../file/csv";
import { FileError } from "../file/errors";
import { writeTablesWorkbook } from "../file/write";
import { t } from "../i18n";
import { UsageError, choice, parseOptions, required, wholeNumber, type Parsed } from "./args";
import { ageInput } from "./agingInput";
import { AGING_OPTION_SPEC, OUTPUT_OPTION_SPEC, asOfOption, optionSpec, readAgingRequest } from "./options";
import { writeOutputs } from "./output";
import { Progress } from "./progress";
import { agingSummary } from "./summary";
import { checkLanguage, outputsOf } from "./language";
import { checkOutputs, removeTempsOnSignal, sweepStaleTemps } from "./outputPaths";
import { safeStream } from "./terminal";
import { convertedSummary, readRatesFile, reportCurrencyOption, withConvertedJson } from "./rates";
import { withReportCurrency } from "../app/aging";

export { asOfOption, mappingProblem } from "./options";

/** Where the command writes, and whether stderr is a terminal (for the progress bar). */
export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  isTTY: boolean;
  /** Today, for the default as-of date: the system clock unless a caller (a test) fixes it. */
  today?: Today;
}

export const EXIT_OK = 0;
export const EXIT_NOTHING = 1;
export const EXIT_USAGE = 2;

const LANG_CHOICES: readonly Lang[] = ["en-US", "zh-CN"];
const AGING_OPTIONS = optionSpec(AGING_OPTION_SPEC, OUTPUT_OPTION_SPEC, {
  values: ["basis", "buckets", "report-currency", "rates"],
  flags: [],
});
const SAMPLE_OPTIONS = { values: ["invoices", "seed", "as-of", "out", "lang"], flags: ["clean", "help"] } as const;
/** Upper limit of `sample --invoices`: beyond it a book no longer fits one worksheet. */
const MAX_SAMPLE_INVOICES = 1_000_000;

/**
 * Runs the command line `argv` (without "node" and the script) and returns the exit code.
 *
 * @example
 * const code = await main(["aging", "--input", "book.xlsx", "--as-of", "2026-10-31", "--out", "aging.xlsx"],
 *   { stdout: process.stdout, stderr: process.stderr, isTTY: Boolean(process.stderr.isTTY) });
 */
export async function main(rawArgv: readonly string[], rawIo: CliIO): Promise<number> {
  // --debug (anywhere) lets an unexpected error show its stack trace; otherwise none reaches a user.
  const debug = rawArgv.includes("--debug");
  const argv = rawArgv.filter((arg) => arg !== "--debug");
  // Everything printed is escaped: data from the user's files must not drive the terminal.
  const io: CliIO = { ...rawIo, stdout: safeStream(rawIo.stdout), stderr: safeStream(rawIo.stderr) };
  const lang = languageOf(argv);
  const [command, ...rest] = argv;
  const stopCleanup = removeTempsOnSignal(process);
  try {
    checkLanguage(argv);
    if (command !== "sample") {
      const outputs = outputsOf(argv);
      checkOutputs(outputs);
      sweepStaleTemps(Object.values(outputs).filter((file): file is string => file !== undefined && file !== "-"));
    }
    if (command === undefined || command === "--help" || command === "-h") return help(io, lang, undefined);
    if (command === "--version" || command === "-v") {
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    if (command === "help") return help(io, lang, rest[0]);
    if (command === "aging") return await agingCommand(parseOptions(rest, AGING_OPTIONS), io, lang);
    if (command === "sample") return await sampleCommand(parseOptions(rest, SAMPLE_OPTIONS), io, lang);
    // The other commands' modules are loaded when their command runs, so that `aging` and
    // `sample` do not pay at every start for loading statements, collections, analytics and the rest.
    const dated = { ...io, today: io.today ?? systemToday };
    if (command === "credit") {
      const { CREDIT_OPTIONS, creditCommand } = await import("./credit");
      return await creditCommand(parseOptions(rest, CREDIT_OPTIONS), dated, lang);
    }
    if (command === "reconcile") {
      const { RECONCILE_OPTIONS, reconcileCommand } = await import("./reconcile");
      return await reconcileCommand(parseOptions(rest, RECONCILE_OPTIONS), io, lang, () => help(io, lang, "reconcile"));
    }
    if (command === "tieout") {
      const { TIEOUT_OPTIONS, tieoutCommand } = await import("./tieout");
      return await tieoutCommand(parseOptions(rest, TIEOUT_OPTIONS), dated, lang, () => help(io, lang, "tieout"));
    }
    if (command === "rollforward" || command === "kpi" || command === "provision") {
      const { KPI_OPTIONS, PROVISION_OPTIONS, ROLLFORWARD_OPTIONS, analyticsCommand } = await import("./analytics");
      const spec = command === "rollforward" ? ROLLFORWARD_OPTIONS : command === "kpi" ? KPI_OPTIONS : PROVISION_OPTIONS;
      return await analyticsCommand(command, parseOptions(rest, spec), dated, lang);
    }
    if (command === "statements") {
      const { statementsCommand } = await import("./statements");
      return await statementsCommand(rest, dated, lang, () => help(io, lang, "statements"));
    }
    if (command === "collections") {
      const { COLLECTIONS_OPTIONS, collectionsCommand } = await import("./collections");
      return await collectionsCommand(parseOptions(rest, COLLECTIONS_OPTIONS), dated, lang);
    }
    throw new UsageError("cli.error.unknownCommand", { command });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${t(lang, error.id, error.params)}\n${t(lang, "cli.usage")}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof FileError) {
      io.stderr.write(`${t(lang, error.code, { file: error.file, detail: error.detail })}\n`);
      return EXIT_NOTHING;
    }
    if (debug) throw error;
    io.stderr.write(`${t(lang, "cli.error.unexpected", { detail: error instanceof Error ? error.message : String(error) })}\n`);
    return EXIT_NOTHING;
  } finally {
    stopCleanup();
  }
}

/** --lang as given anywhere on the line (so even usage errors come out in it); en-US otherwise. */
function languageOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = arg.startsWith("--lang=") ? arg.slice(7) : arg === "--lang" ? argv[i + 1] : undefined;
    const found = LANG_CHOICES.find((l) => l.toLowerCase() === value?.toLowerCase());
    if (found) return found;
  }
  return "en-US";
}

function packageVersion(): string {
  // Two levels up from both src/cli and lib/cli.
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "0.0.0";
}

function help(io: CliIO, lang: Lang, topic: string | undefined): number {
  if (topic === "aging" || topic === "sample" || topic === "reconcile" || topic === "tieout") {
    io.stdout.write(`${t(lang, "cli.usage")}\n\n${t(lang, `cli.help.${topic}`)}\n`);
    return EXIT_OK;
  }
  if (topic === "statements") {
    io.stdout.write(`${t(lang, "statements.cli.help")}\n`);
    return EXIT_OK;
  }
  if (topic === "credit" || topic === "collections") {
    io.stdout.write(`${t(lang, `${topic}.cli.help`)}\n`);
    return EXIT_OK;
  }
  if (topic === "rollforward" || topic === "kpi" || topic === "provision") {
    io.stdout.write(`${t(lang, `analytics.cli.help.${topic}`)}\n`);
    return EXIT_OK;
  }
  if (topic !== undefined) throw new UsageError("cli.error.unknownCommand", { command: topic });
  io.stdout.write(
    `${t(lang, "cli.help.intro")}\n\n${t(lang, "cli.usage")}\n\n${t(lang, "cli.help.commands")}\n${t(lang, "analytics.cli.commands")}\n${t(lang, "cli.help.more")}\n`,
  );
  return EXIT_OK;
}

async function agingCommand(parsed: Parsed, io: CliIO, lang: Lang): Promise<number> {
  if (parsed.has("help")) return help(io, lang, "aging");
  required(parsed, "input");
  const today = io.today ?? systemToday;
  asOfOption(parsed, () => lastMonthEnd(today()));
  const basis = choice(parsed, "basis", ["due", "invoice"] as const, "due");
  const bucketsText = parsed.get("buckets") ?? DEFAULT_BOUNDARIES.join(",");
  const boundaries = parseBoundaries(bucketsText);
  if (!boundaries) throw new UsageError("cli.error.badBuckets", { value: bucketsText, max: MAX_BOUNDARIES });
  const command = await readAgingRequest(parsed, lang, { basis, boundaries, today });
  const fxOption = reportCurrencyOption(parsed);

  const progress = new Progress(io.stderr, io.isTTY, lang);
  const started = performance.now();
  const loaded = await ageInput(command, progress);
  if (!loaded.ok) {
    progress.done();
    io.stderr.write(`${loaded.message}\n`);
    return EXIT_NOTHING;
  }
  const { readDone } = loaded;
  const fx = fxOption ? { currency: fxOption.currency, ...(await readRatesFile(fxOption.file, lang)) } : undefined;
  const inputs = fxOption ? [...loaded.inputs, fxOption.file] : loaded.inputs;
  const { report, converted } = withReportCurrency(loaded.report, [], { asOf: loaded.report.asOf, lang, reportCurrency: fx });
  const reportJson = withConvertedJson(toAgingJson(report), converted);
  const computeDone = performance.now();
  const summary = [
    ...agingSummary(
      reportJson,
      lang,
      report.buckets.map((b) => b.label),
    ),
    ...convertedSummary(converted, lang),
  ];
  await writeOutputs(
    parsed,
    io,
    lang,
    inputs,
    { sheets: agingSheets(report, lang, { converted }), json: reportJson, summary, timings: { started, readDone, computeDone } },
    progress,
  );
  return EXIT_OK;
}

async function sampleCommand(parsed: Parsed, io: CliIO, lang: Lang): Promise<number> {
  if (parsed.has("help")) return help(io, lang, "sample");
  const invoices = wholeNumber(parsed, "invoices", 1, MAX_SAMPLE_INVOICES);
  if (invoices === undefined) throw new UsageError("cli.error.missingOption", { option: "--invoices" });
  const seed = wholeNumber(parsed, "seed", 0, 2 ** 32 - 1) ?? 1;
  const out = required(parsed, "out");
  const asOf = parsed.has("as-of") ? asOfOption(parsed, () => NaN) : undefined;
  const book = generateSampleBook({ invoices, seed, asOf, messy: !parsed.has("clean") });
  // With a customer's statement of the book, so `reconcile --customers-of-b` can be tried on it.
  const statement = generateSampleStatement(book);
  const tables = statement ? [...book, statement] : book;
  if (await isDirectoryTarget(out)) await writeCsvFiles(tables.map(isoDates), out);
  else {
    const numberFormats: Record<string, string> = {};
    for (const h of SAMPLE_DATE_COLUMNS) numberFormats[h] = "yyyy-mm-dd";
    for (const h of SAMPLE_MONEY_COLUMNS) numberFormats[h] = "#,##0.00";
    await writeTablesWorkbook(tables, out, { numberFormats });
  }
  const count = (name: string): number => tables.find((table) => table.name === name)?.rows.length ?? 0;
  io.stdout.write(
    `${t(lang, "cli.written.sample", { file: out, invoices: count("Invoices"), payments: count("Payments"), customers: count("Customers") })}\n`,
  );
  return EXIT_OK;
}

/**
 * `--out` of `sample`: an .xlsx workbook, or a folder for CSV files when it exists as one or has
 * no extension; anything else is a usage error rather than a folder named "book.xls".
 */
async function isDirectoryTarget(out: string): Promise<boolean> {
  if (/\.xlsx$/i.test(out)) return false;
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory() || (!existing && path.extname(out) === "")) return true;
  throw new UsageError("cli.error.badChoice", { option: "--out", choices: "FILE.xlsx, DIR", value: out });
}

/** The sample's date serials as ISO text, as a CSV export from an ERP would hold them. */
function isoDates(table: TableData): TableData {
  const dateColumns = table.header.map((h) => typeof h === "string" && SAMPLE_DATE_COLUMNS.includes(h));
  return {
    ...table,
    rows: table.rows.map((row) => row.map((value, c) => (dateColumns[c] && typeof value === "number" ? isoFromSerial(value) : value))),
  };
}
