/**
 * `ar-desk credit`: the credit check from the command line — the same engine, the same
 * "AR Credit" sheet as the add-in, and a JSON of one row per customer.
 */
import { writeFile } from "node:fs/promises";
import { ageBook } from "../engine/aging";
import { checkCredit } from "../engine/credit/check";
import { CREDIT_STATUSES, creditStatusLabel, DEFAULT_CREDIT_POLICY, type CreditPolicy } from "../engine/credit/status";
import { isCurrencyCode } from "../engine/currency";
import { lastMonthEnd, serialFromIso } from "../engine/dates";
import { readBook, readCreditTables } from "../engine/read";
import { creditSheet, toCreditJson } from "../engine/report/credit";
import type { DateOrder, Lang, TableData } from "../engine/types";
import { writeAtomically } from "../file/atomic";
import { writeReportWorkbook } from "../file/write";
import { t } from "../i18n";
import { UsageError, choice, required, type Parsed } from "./args";
import { readInput } from "./input";

/** Options `ar-desk credit` accepts. */
export const CREDIT_OPTIONS = {
  values: ["input", "as-of", "orders", "rates", "near", "hold", "no-limit", "currency", "date-order", "json", "out", "lang"],
  flags: ["gross", "help"],
} as const;

/** Where the command writes (a subset of the CLI's IO). */
export interface CreditIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Today as an Excel serial, for the default as-of date. */
  today: () => number;
}

/** A numeric option within bounds; a usage error otherwise. */
function numberOption(parsed: Parsed, name: string, min: number, max: number, fallback: number): number {
  const text = parsed.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new UsageError("credit.cli.badNumber", { option: `--${name}`, min, max, value: text });
  return value;
}

/**
 * The credit policy of parsed options (--near, --hold, --no-limit).
 *
 * @example
 * creditPolicyOf(new Map([["near", "90"]])) // { nearPercent: 90, holdDays: 60, noLimit: "warn" }
 */
export function creditPolicyOf(parsed: Parsed): CreditPolicy {
  return {
    nearPercent: numberOption(parsed, "near", 0.01, 100, DEFAULT_CREDIT_POLICY.nearPercent),
    holdDays: Math.floor(numberOption(parsed, "hold", 0, 36500, DEFAULT_CREDIT_POLICY.holdDays)),
    noLimit: choice(parsed, "no-limit", ["warn", "zero"] as const, "warn"),
  };
}

/**
 * Runs `ar-desk credit` on parsed options; returns the exit code (0 written, 1 no invoice table).
 *
 * @example
 * await creditCommand(parseOptions(["--input", "book.xlsx", "--as-of", "2026-10-31", "--json", "-"], CREDIT_OPTIONS), io, "en-US");
 */
export async function creditCommand(parsed: Parsed, io: CreditIO, lang: Lang): Promise<number> {
  if (parsed.has("help")) {
    io.stdout.write(`${t(lang, "credit.cli.help")}\n`);
    return 0;
  }
  const input = required(parsed, "input");
  const asOfText = parsed.get("as-of");
  const asOf = asOfText === undefined ? lastMonthEnd(io.today()) : serialFromIso(asOfText);
  if (asOf === null) throw new UsageError("cli.error.badDate", { option: "--as-of", value: asOfText ?? "" });
  const currency = (parsed.get("currency") ?? "USD").toUpperCase();
  if (!isCurrencyCode(currency)) throw new UsageError("cli.error.badCurrency", { value: currency });
  const dateOrder = parsed.has("date-order") ? choice<DateOrder>(parsed, "date-order", ["DMY", "MDY", "YMD"], "DMY") : null;
  const policy = creditPolicyOf(parsed);

  const { tables, dateSystem } = await readInput(input);
  const extra: TableData[] = [];
  for (const name of ["orders", "rates"] as const) {
    const file = parsed.get(name);
    if (file) extra.push(...(await readInput(file)).tables);
  }
  const book = readBook(tables, { lang, dateOrder, dateSystem, defaultCurrency: currency });
  if (!book.sources.invoices) {
    io.stderr.write(`${t(lang, "cli.noInvoices", { file: input, tables: tables.map((x) => x.name).join(", ") || t(lang, "cli.noTables") })}\n`);
    return 1;
  }
  const side = readCreditTables([...extra, ...tables], { lang, defaultCurrency: currency });
  const aging = ageBook(book, { asOf, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang });
  const report = checkCredit(aging, { policy, netUnapplied: !parsed.has("gross"), defaultCurrency: currency, orders: side.orders, rates: side.rates, lang });
  const rows = toCreditJson(report);

  const inputs = [input, ...(["orders", "rates"] as const).flatMap((n) => parsed.get(n) ?? [])];
  const written: string[] = [];
  const out = parsed.get("out");
  if (out) {
    await writeReportWorkbook([creditSheet(report, lang)], out, { inputs });
    written.push(t(lang, "cli.written.report", { file: out }));
  }
  const json = parsed.get("json");
  const text = `${JSON.stringify(rows, null, 2)}\n`;
  if (json === "-") io.stdout.write(text);
  else if (json) {
    await writeAtomically(json, inputs, (temp) => writeFile(temp, text, "utf8"));
    written.push(t(lang, "cli.written.json", { file: json }));
  }
  const counts = CREDIT_STATUSES.filter((s) => report.counts[s] > 0)
    .map((s) => `${creditStatusLabel(s, lang)} ${report.counts[s]}`)
    .join(", ");
  const lines = [t(lang, "credit.cli.summary", { customers: rows.length, counts }), ...written, ...side.issues.map((i) => i.message)];
  (json === "-" ? io.stderr : io.stdout).write(`${lines.join("\n")}\n`);
  return 0;
}
