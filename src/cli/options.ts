/**
 * The options every command that ages a book shares, read in one place: `--input`, `--as-of`,
 * `--map`, `--date-order`, `--currency`, `--lang` and `--no-auto-apply`. `aging`, `credit` and
 * `tieout` (and any new command that ages) add their own options to {@link AGING_OPTION_SPEC}
 * with {@link optionSpec} and turn the parsed options into the use case's request with
 * {@link readAgingRequest}, so the same option always means the same thing.
 */
import { readFile } from "node:fs/promises";
import { DEFAULT_BOUNDARIES } from "../engine/aging";
import { isCurrencyCode } from "../engine/currency";
import { lastMonthEnd, serialFromIso } from "../engine/dates";
import type { AgingBasis, DateOrder, Lang, TableMapping } from "../engine/types";
import type { AgingRequest } from "../app/aging";
import { FileError } from "../file/errors";
import { UsageError, choice, required, type OptionSpec, type Parsed } from "./args";

/** The options of every command that ages a book. */
export const AGING_OPTION_SPEC: OptionSpec = {
  values: ["input", "as-of", "map", "date-order", "currency", "lang"],
  flags: ["no-auto-apply", "help"],
};

/** The options of every command that writes a report: `--out FILE.xlsx` and `--json FILE|-`. */
export const OUTPUT_OPTION_SPEC: OptionSpec = { values: ["out", "json"], flags: [] };

/**
 * The union of option specs (each name once), for a command made of shared and own options.
 *
 * @example
 * optionSpec(AGING_OPTION_SPEC, OUTPUT_OPTION_SPEC, { values: ["control"], flags: [] }).values.includes("map") // true
 */
export function optionSpec(...specs: readonly OptionSpec[]): OptionSpec {
  return {
    values: [...new Set(specs.flatMap((spec) => spec.values))],
    flags: [...new Set(specs.flatMap((spec) => spec.flags))],
  };
}

/** What a command decides itself about the aging it asks for. */
export interface AgingShape {
  basis?: AgingBasis;
  boundaries?: readonly number[];
  /** Today, for the default as-of date (the last month-end before it). */
  today: () => number;
}

/** The aging request of a command line, and the files it names. */
export interface AgingCommandInput {
  request: AgingRequest;
  /** --input. */
  input: string;
  /** --map, when given: outputs must not overwrite it either. */
  mapFile: string | null;
}

/**
 * Reads the shared aging options into the aging use case's request. The command line picks
 * tables as the reader does ("best"): there is nobody to ask.
 *
 * @example
 * const { request, input } = await readAgingRequest(parsed, "en-US", { today: io.today });
 * request.boundaries // [30, 60, 90] unless the command passed its own
 */
export async function readAgingRequest(parsed: Parsed, lang: Lang, shape: AgingShape): Promise<AgingCommandInput> {
  const input = required(parsed, "input");
  const asOf = asOfOption(parsed, () => lastMonthEnd(shape.today()));
  const dateOrder = dateOrderOption(parsed);
  const currency = currencyOption(parsed);
  const mapFile = parsed.get("map") ?? null;
  const mapping = mapFile ? await readMapping(mapFile) : {};
  return {
    input,
    mapFile,
    request: {
      asOf,
      basis: shape.basis ?? "due",
      boundaries: [...(shape.boundaries ?? DEFAULT_BOUNDARIES)],
      autoApply: !parsed.has("no-auto-apply"),
      groupBy: "customer",
      lang,
      dateOrder,
      defaultCurrency: currency,
      mapping,
      tableChoice: "best",
    },
  };
}

/**
 * Reads and shape-checks a --map file (role → { table?, tables?, columns? }; `tables` reads
 * several tables together for the role).
 *
 * @example
 * await readMapping("map.json") // { invoices: { table: "Ledger" } }
 */
export async function readMapping(file: string): Promise<TableMapping> {
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
    const { table, tables, columns } = entry as { table?: unknown; tables?: unknown; columns?: unknown };
    if (table !== undefined && typeof table !== "string") return `"${role}.table" must be text`;
    if (tables !== undefined && (!Array.isArray(tables) || tables.some((name) => typeof name !== "string")))
      return `"${role}.tables" must be a list of table names`;
    if (columns !== undefined) {
      if (typeof columns !== "object" || columns === null || Array.isArray(columns)) return `"${role}.columns" must be an object`;
      for (const [field, header] of Object.entries(columns))
        if (typeof header !== "string") return `"${role}.columns.${field}" must be text`;
    }
  }
  return null;
}
