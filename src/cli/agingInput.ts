/**
 * The part of the aging every aging-based command shares: the options that change the aging's
 * numbers (--input, --map, --date-order, --currency, --no-auto-apply), reading the book and
 * ageing it. `aging` writes the result as the aging report; `tieout` ties it to the ledger.
 */
import { readFile } from "node:fs/promises";
import { ageBook, type AgingReport } from "../engine/aging";
import { isCurrencyCode } from "../engine/currency";
import { serialFromIso } from "../engine/dates";
import { readBook } from "../engine/read";
import type { AgingBasis, Book, DateOrder, Lang, TableMapping } from "../engine/types";
import { FileError } from "../file/errors";
import { t } from "../i18n";
import { UsageError, choice, required, type Parsed } from "./args";
import { readInput, tableLabel } from "./input";
import type { Progress } from "./progress";

/**
 * --currency: the currency of rows that name none (default USD), upper case.
 *
 * @example
 * currencyOption(new Map([["currency", "eur"]])) // "EUR"
 */
export function currencyOption(parsed: Parsed): string {
  const currency = (parsed.get("currency") ?? "USD").toUpperCase();
  if (!isCurrencyCode(currency)) throw new UsageError("cli.error.badCurrency", { value: currency });
  return currency;
}

/**
 * --date-order, or null when absent (an ambiguous text date is then an issue, never a guess).
 *
 * @example
 * dateOrderOption(new Map([["date-order", "mdy"]])) // "MDY"
 */
export function dateOrderOption(parsed: Parsed): DateOrder | null {
  return parsed.has("date-order") ? choice<DateOrder>(parsed, "date-order", ["DMY", "MDY", "YMD"], "DMY") : null;
}

/**
 * Serial of an --as-of value; a usage error when it is not a real YYYY-MM-DD date.
 *
 * @example
 * asOfOption(new Map([["as-of", "2026-10-31"]]), () => 0) // 46326
 */
export function asOfOption(parsed: Parsed, fallback: () => number): number {
  const text = parsed.get("as-of");
  if (text === undefined) return fallback();
  const serial = serialFromIso(text);
  if (serial === null) throw new UsageError("cli.error.badDate", { option: "--as-of", value: text });
  return serial;
}

/** How to age the book: the options that are not read from the book's own options. */
export interface AgingShape {
  asOf: number;
  basis: AgingBasis;
  boundaries: number[];
}

/** An aged book, with the files it came from (outputs must not overwrite them). */
export interface LoadedAging {
  ok: true;
  report: AgingReport;
  /** --input and --map, when given. */
  inputs: string[];
  /** performance.now() when reading the files ended, for the timing line. */
  readDone: number;
}

/** The book has no invoice table: `message` says which tables were seen. */
export interface NoInvoices {
  ok: false;
  message: string;
}

/**
 * Reads --input (with --map, --date-order, --currency) and ages it with --no-auto-apply and
 * `shape`, reporting the "read" and "compute" stages on `progress`.
 *
 * @example
 * const loaded = await loadAging(parsed, "en-US", { asOf, basis: "due", boundaries: [30, 60, 90] }, progress);
 * if (loaded.ok) loaded.report.totals; else io.stderr.write(loaded.message);
 */
export async function loadAging(parsed: Parsed, lang: Lang, shape: AgingShape, progress: Progress): Promise<LoadedAging | NoInvoices> {
  const input = required(parsed, "input");
  const dateOrder = dateOrderOption(parsed);
  const currency = currencyOption(parsed);
  const mapFile = parsed.get("map");

  progress.stage("read");
  const mapping = mapFile ? await readMapping(mapFile) : undefined;
  const { tables, dateSystem, examined = [] } = await readInput(input);
  const readDone = performance.now();

  progress.stage("compute");
  const book = readBook(tables, { lang, dateOrder, dateSystem, defaultCurrency: currency, mapping });
  if (!book.sources.invoices) {
    const names = tables.map(tableLabel);
    const lines = [t(lang, "cli.noInvoices", { file: input, tables: names.length > 0 ? names.join(", ") : t(lang, "cli.noTables") })];
    // Say where AR Desk looked, so "no table" is never a mystery.
    for (const { sheet, rows } of examined) lines.push(t(lang, "cli.sheetExamined", { sheet, rows }));
    return { ok: false, message: lines.join("\n") };
  }
  const unusable = nothingUsable(book, lang);
  if (unusable) return { ok: false, message: unusable };
  const report = ageBook(book, { ...shape, autoApply: !parsed.has("no-auto-apply"), lang });
  return { ok: true, report, inputs: mapFile ? [input, mapFile] : [input], readDone };
}

/**
 * Why a book with an invoice table has nothing to report, or null when it has: no invoice row
 * could be read (every row blank or in the issues). A zero balance would look real; instead the
 * run says that nothing could be read and names the first problems.
 *
 * @example
 * nothingUsable(bookWithOnlyBadRows, "en-US") // "Nothing could be read from “Invoices”: …"
 */
export function nothingUsable(book: Book, lang: Lang): string | null {
  const source = book.sources.invoices;
  if (!source || book.invoices.length > 0) return null;
  const rows = source.table.rows.length;
  const reasons = book.issues.filter((issue) => issue.severity === "error").slice(0, 5);
  const lines = [t(lang, "table.nothingUsable", { table: source.table.name, rows })];
  for (const issue of reasons) lines.push(`  ${issue.sheet}${issue.cell ? `!${issue.cell}` : issue.row !== null ? ` ${issue.row}` : ""}: ${issue.message}`);
  return lines.join("\n");
}

/** Reads and shape-checks a --map file (role → { table?, columns? }). */
async function readMapping(file: string): Promise<TableMapping> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "EISDIR") throw new FileError("cli.file.isDirectory", file);
    if (code === "ENOENT") throw new FileError("cli.file.notFound", file);
    throw new FileError("cli.file.unreadable", file, typeof code === "string" ? code : "");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FileError("cli.map.invalid", file, (error as Error).message);
  }
  const problem = mappingProblem(value);
  if (problem) throw new FileError("cli.map.invalid", file, problem);
  return value as TableMapping;
}

/**
 * Why a parsed --map value is not a TableMapping, or null when it is one.
 *
 * @example
 * mappingProblem({ invoices: { columns: { amount: "Gross" } } }) // null
 * mappingProblem({ invoice: {} })                                // 'unknown role "invoice"'
 */
export function mappingProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "expected an object";
  for (const [role, entry] of Object.entries(value)) {
    if (!["invoices", "payments", "customers"].includes(role)) return `unknown role "${role}"`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return `"${role}" must be an object`;
    const { table, columns } = entry as { table?: unknown; columns?: unknown };
    if (table !== undefined && typeof table !== "string") return `"${role}.table" must be text`;
    if (columns !== undefined) {
      if (typeof columns !== "object" || columns === null || Array.isArray(columns)) return `"${role}.columns" must be an object`;
      for (const [field, header] of Object.entries(columns)) if (typeof header !== "string") return `"${role}.columns.${field}" must be text`;
    }
  }
  return null;
}
