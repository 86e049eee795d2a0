/**
 * `ar-desk collections`: who to chase today from the command line — the same use case
 * (src/app/collections.ts) over the file port, the same "AR Collections" and letters sheets as
 * the add-in, the JSON contract, and one .eml draft per customer with `--letters DIR`.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { COLLECTIONS_SETTINGS, runCollections } from "../app/collections";
import { validateLadder, warningRulesOf, type LadderStage, type WarningRules } from "../engine/collections";
import { isCurrencyCode } from "../engine/currency";
import { isoFromSerial, serialFromIso } from "../engine/dates";
import { toCollectionsJson } from "../engine/report/collections";
import type { DateOrder, Lang } from "../engine/types";
import { writeAtomically } from "../file/atomic";
import { letterEml, letterFileName } from "../file/eml";
import { filePort, type FilePort } from "../file/port";
import { t } from "../i18n";
import { UsageError, choice, required, type Parsed } from "./args";

/** Options `ar-desk collections` accepts. */
export const COLLECTIONS_OPTIONS = {
  values: ["input", "as-of", "ladder", "warnings", "letters", "lang", "json", "out", "currency", "date-order", "late-fee", "fixed-fee"],
  flags: ["help"],
} as const;

/** Where the command writes (a subset of the CLI's IO). */
export interface CollectionsIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Today as an Excel serial: the default as-of date. */
  today: () => number;
}

/** A JSON option file, read and parsed; a usage error naming the option and file otherwise. */
async function jsonFile(option: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError("collections.cli.badFile", {
      option: `--${option}`,
      file,
      detail: (error as NodeJS.ErrnoException).code ?? "unreadable",
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError("collections.cli.badFile", { option: `--${option}`, file, detail: (error as Error).message });
  }
}

/**
 * The --ladder file's stages, checked; undefined without the option.
 *
 * @example
 * await ladderOption(parseOptions(["--ladder", "ladder.json"], COLLECTIONS_OPTIONS), "en-US") // [{ stage: 0, … }, …]
 */
export async function ladderOption(parsed: Parsed, lang: Lang): Promise<LadderStage[] | undefined> {
  const file = parsed.get("ladder");
  if (file === undefined) return undefined;
  const checked = validateLadder(await jsonFile("ladder", file));
  if (!checked.ok)
    throw new UsageError("collections.cli.badFile", {
      option: "--ladder",
      file,
      detail: t(lang, checked.problem, { stage: checked.stage ?? "" }),
    });
  return checked.ladder;
}

/** The --warnings file's rules, checked (defaults for what it leaves out). */
async function warningsOption(parsed: Parsed, lang: Lang): Promise<WarningRules | undefined> {
  const file = parsed.get("warnings");
  if (file === undefined) return undefined;
  const checked = warningRulesOf(await jsonFile("warnings", file));
  if (!checked.ok)
    throw new UsageError("collections.cli.badFile", {
      option: "--warnings",
      file,
      detail: t(lang, "collections.warnings.invalid", { rule: checked.rule }),
    });
  return checked.rules;
}

function nonNegative(parsed: Parsed, name: string): number | undefined {
  const text = parsed.get(name);
  if (text === undefined) return undefined;
  const value = Number(text.replace(/%$/, "")) / (text.endsWith("%") ? 100 : 1);
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError("credit.cli.badNumber", { option: `--${name}`, min: 0, max: "∞", value: text });
  return value;
}

/**
 * Runs `ar-desk collections` on parsed options; returns the exit code (0 written, 1 no invoice table).
 *
 * @example
 * await collectionsCommand(parseOptions(["--input", "book.xlsx", "--as-of", "2026-10-31", "--json", "-"], COLLECTIONS_OPTIONS), io, "en-US");
 */
export async function collectionsCommand(parsed: Parsed, io: CollectionsIO, lang: Lang): Promise<number> {
  if (parsed.has("help")) {
    io.stdout.write(`${t(lang, "collections.cli.help")}\n`);
    return 0;
  }
  const input = required(parsed, "input");
  const asOfText = parsed.get("as-of");
  // Collections is about today ("who to chase today"), as in the task pane; --as-of replays a date.
  const asOf = asOfText === undefined ? io.today() : serialFromIso(asOfText);
  if (asOf === null) throw new UsageError("cli.error.badDate", { option: "--as-of", value: asOfText ?? "" });
  const currency = (parsed.get("currency") ?? "USD").toUpperCase();
  if (!isCurrencyCode(currency)) throw new UsageError("cli.error.badCurrency", { value: currency });
  const dateOrder = parsed.has("date-order") ? choice<DateOrder>(parsed, "date-order", ["DMY", "MDY", "YMD"], "DMY") : null;
  const ladder = await ladderOption(parsed, lang);
  const warnings = await warningsOption(parsed, lang);
  const annualRate = nonNegative(parsed, "late-fee");
  const fixedFee = nonNegative(parsed, "fixed-fee");

  // The file port reads the settings the task pane saved in the workbook; the options stand over
  // them for the run, so the use case reads the ladder, warning rules and late-fee terms one way.
  const port = filePort({ input });
  const rules = await ruleSources(port, parsed, lang, {
    ladder: ladder !== undefined,
    warnings: warnings !== undefined,
    lateFee: annualRate !== undefined || fixedFee !== undefined,
  });
  if (ladder) await port.writeSetting(COLLECTIONS_SETTINGS.ladder, ladder);
  if (warnings) await port.writeSetting(COLLECTIONS_SETTINGS.warnings, warnings);
  if (annualRate !== undefined || fixedFee !== undefined)
    await port.writeSetting(COLLECTIONS_SETTINGS.lateFee, { annualRate: annualRate ?? 0, fixedFee: fixedFee ?? 0 });
  const out = parsed.get("out");
  const run = await runCollections(port, {
    asOf,
    lang,
    dateOrder,
    defaultCurrency: currency,
    letters: "all",
    write: Boolean(out),
    highlight: false,
  });
  if (!run.ok) {
    const { tables } = await port.readTables();
    io.stderr.write(
      `${t(lang, "cli.noInvoices", { file: input, tables: tables.map((x) => x.name).join(", ") || t(lang, "cli.noTables") })}\n`,
    );
    return 1;
  }
  const { report, letters } = run;

  const written: string[] = [];
  const letterFiles: { customer: string; file: string }[] = [];
  const dir = parsed.get("letters");
  if (dir) {
    await mkdir(dir, { recursive: true });
    const taken = new Set<string>();
    for (const letter of letters) {
      const file = path.join(dir, letterFileName(letter.customer, letter.currency, taken));
      await writeAtomically(file, [input], (temp) => writeFile(temp, letterEml(letter), "utf8"));
      letterFiles.push({ customer: letter.customer, file });
    }
    written.push(t(lang, "collections.cli.letters", { count: letterFiles.length, dir }));
  }
  if (out) {
    await port.save(out);
    written.push(t(lang, "cli.written.report", { file: out }));
  }
  const json = parsed.get("json");
  const text = `${JSON.stringify(toCollectionsJson(report, letterFiles), null, 2)}\n`;
  if (json === "-") io.stdout.write(text);
  else if (json) {
    await writeAtomically(json, [input], (temp) => writeFile(temp, text, "utf8"));
    written.push(t(lang, "cli.written.json", { file: json }));
  }
  const summary = t(lang, "collections.cli.summary", {
    asOf: isoFromSerial(asOf),
    customers: report.worklist.rows.length,
    warnings: report.warnings.length,
    issues: report.issues.length,
  });
  const issueLines = report.issues.map((i) => `${i.sheet}!${i.cell ?? ""} ${i.message}`);
  // A saved setting that could not be used (the default stood in) is said, never silently dropped.
  const settingLines = run.settingsIssues.map((i) => i.message);
  const { unconverted } = report.worklist;
  if (unconverted.length > 0)
    settingLines.push(t(lang, "collections.cli.unconverted", { currency: currency, currencies: unconverted.join(", ") }));
  (json === "-" ? io.stderr : io.stdout).write(`${[summary, rules, ...settingLines, ...issueLines, ...written].join("\n")}\n`);
  return 0;
}

/**
 * The summary's line saying where each rule came from: the option's file, the workbook's saved
 * setting (when it is usable: an unusable one is reported and the default used), or the defaults.
 */
async function ruleSources(
  port: FilePort,
  parsed: Parsed,
  lang: Lang,
  given: { ladder: boolean; warnings: boolean; lateFee: boolean },
): Promise<string> {
  const fromOption = (option: string): string =>
    t(lang, "collections.cli.rules.option", { option: `--${option}`, file: parsed.get(option) ?? "" });
  const saved = async (key: string, usable: (value: unknown) => boolean, none = "collections.cli.rules.default"): Promise<string> => {
    const value = await port.savedSetting(key);
    return t(lang, value !== null && usable(value) ? "collections.cli.rules.workbook" : none);
  };
  const lateFeeOptions = ["late-fee", "fixed-fee"].filter((o) => parsed.has(o)).map((o) => `--${o} ${parsed.get(o) ?? ""}`);
  return t(lang, "collections.cli.rules", {
    ladder: given.ladder ? fromOption("ladder") : await saved(COLLECTIONS_SETTINGS.ladder, (v) => validateLadder(v).ok),
    warnings: given.warnings ? fromOption("warnings") : await saved(COLLECTIONS_SETTINGS.warnings, (v) => warningRulesOf(v).ok),
    templates: await saved(COLLECTIONS_SETTINGS.templates, (v) => typeof v === "object" && v !== null),
    lateFee: given.lateFee
      ? t(lang, "collections.cli.rules.option", { option: lateFeeOptions.join(" "), file: "" }).trim()
      : await saved(
          COLLECTIONS_SETTINGS.lateFee,
          (v) => typeof (v as { annualRate?: unknown }).annualRate === "number",
          "collections.cli.rules.none",
        ),
  });
}
