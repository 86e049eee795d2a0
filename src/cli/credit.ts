/**
 * `ar-desk credit`: the credit check from the command line — the same use case (src/app/credit.ts)
 * over the file port, the same "AR Credit" sheet as the add-in, and a JSON of one row per
 * customer. It takes every aging option (`--map`, `--no-auto-apply` …) as `ar-desk aging` does.
 */
import { CREDIT_STATUSES, creditStatusLabel, DEFAULT_CREDIT_POLICY, type CreditPolicy } from "../engine/credit/status";
import { creditSheet, toCreditJson } from "../engine/report/credit";
import type { Lang, TableData } from "../engine/types";
import { runCreditCheck } from "../app/credit";
import { readInput } from "../file/input";
import { filePort } from "../file/port";
import { t } from "../i18n";
import { UsageError, choice, type Parsed } from "./args";
import { AGING_OPTION_SPEC, OUTPUT_OPTION_SPEC, optionSpec, readAgingRequest } from "./options";
import { writeOutputs } from "./output";

/** Options `ar-desk credit` accepts. */
export const CREDIT_OPTIONS = optionSpec(AGING_OPTION_SPEC, OUTPUT_OPTION_SPEC, {
  values: ["orders", "rates", "near", "hold", "no-limit"],
  flags: ["gross"],
});

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
  if (!Number.isFinite(value) || value < min || value > max)
    throw new UsageError("credit.cli.badNumber", { option: `--${name}`, min, max, value: text });
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
  // The credit check ages as `ar-desk aging` does with its defaults: buckets do not change exposure.
  const command = await readAgingRequest(parsed, lang, { today: io.today });
  const policy = creditPolicyOf(parsed);
  const sideFiles = (["orders", "rates"] as const).flatMap((name) => parsed.get(name) ?? []);
  const sideTables: TableData[] = [];
  for (const file of sideFiles) sideTables.push(...(await readInput(file)).tables);

  const port = filePort({ input: command.input, guarded: [...sideFiles, ...(command.mapFile ? [command.mapFile] : [])] });
  const done = await runCreditCheck(port, { aging: command.request, policy, netUnapplied: !parsed.has("gross"), sideTables, write: false });
  if (!done.ok) {
    const { tables } = await port.readTables();
    io.stderr.write(
      `${t(lang, "cli.noInvoices", { file: command.input, tables: tables.map((x) => x.name).join(", ") || t(lang, "cli.noTables") })}\n`,
    );
    return 1;
  }
  const { report } = done;
  const rows = toCreditJson(report);
  const counts = CREDIT_STATUSES.filter((s) => report.counts[s] > 0)
    .map((s) => `${creditStatusLabel(s, lang)} ${report.counts[s]}`)
    .join(", ");
  await writeOutputs(parsed, io, lang, port.inputs, {
    sheets: [creditSheet(report, lang)],
    json: rows,
    summary: [t(lang, "credit.cli.summary", { customers: rows.length, counts })],
    notes: done.sideIssues.map((i) => i.message),
  });
  return 0;
}
