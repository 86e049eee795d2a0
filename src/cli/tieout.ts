/**
 * `ar-desk tieout`: ties the aging of a book to the general ledger's AR control balance in one
 * currency, and names the items that explain a difference when they can be found. It ages the
 * book exactly as `ar-desk aging` does with the same options, then writes the "AR GL Tie-out"
 * sheet and/or the JSON.
 *
 * Exit codes as for aging: 0 tied out, 1 nothing to tie out (no invoice table, an unreadable
 * input), 2 usage.
 */
import { writeFile } from "node:fs/promises";
import { currencyDecimals, normalizeCurrency } from "../engine/currency";
import { lastMonthEnd } from "../engine/dates";
import { parseAmount } from "../engine/money";
import { glTieOutForAging, type GlBasis } from "../engine/reconcile";
import { glAgingTotalLabel, glKindLabel, glMethodText, glTieOutSheet, toGlTieOutJson, type GlTieOutJson } from "../engine/report/gl";
import type { Lang } from "../engine/types";
import { writeAtomically } from "../file/atomic";
import { writeReportWorkbook } from "../file/write";
import { t } from "../i18n";
import { UsageError, choice, required, type OptionSpec, type Parsed } from "./args";
import { asOfOption, currencyOption, loadAging } from "./agingInput";
import { Progress } from "./progress";
import { columns } from "./reconcile";
import { formatAmount } from "./summary";

/** Options of `ar-desk tieout`: the ledger's side, and the aging options that change its total. */
export const TIEOUT_OPTIONS: OptionSpec = {
  values: ["input", "control", "currency", "basis", "as-of", "map", "date-order", "lang", "json", "out"],
  flags: ["no-auto-apply", "help"],
};

/** Where the command writes, and today's date (an Excel serial) for the default as-of date. */
export interface TieoutIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  isTTY: boolean;
  today: () => number;
}

/**
 * --control as minor units of `currency`: an amount as a ledger prints it ("125000", "1,250.00",
 * "(1,250.00)" for a credit balance); a usage error for anything else, or for an amount that
 * names another currency ("€1,250.00" when tying out USD).
 *
 * @example
 * controlOption(new Map([["control", "1,250.50"]]), "USD") // 125050
 */
export function controlOption(parsed: Parsed, currency: string): number {
  const text = required(parsed, "control");
  const amount = parseAmount(text, currencyDecimals(currency));
  const named = amount.ok && amount.currencyText !== null ? normalizeCurrency(amount.currencyText) : currency;
  if (!amount.ok || named !== currency) throw new UsageError("gl.cli.badControl", { value: text });
  return amount.minor;
}

/**
 * The lines `ar-desk tieout` prints: title, basis, the three amounts, the explanation and the
 * explaining items. It formats the numbers of the JSON; it adds nothing up.
 *
 * @example
 * tieoutSummary(toGlTieOutJson(result), "en-US")
 * // ["AR GL tie-out as of 2026-10-31 in USD", "Basis: net, …", "Aging net total  1,430.00", …]
 */
export function tieoutSummary(json: GlTieOutJson, lang: Lang): string[] {
  const money = (value: number): string => formatAmount(value, json.currency);
  const amounts = columns([
    [glAgingTotalLabel(json.basis, lang), money(json.agingTotal)],
    [t(lang, "gl.row.control"), money(json.controlBalance)],
    [t(lang, "gl.row.difference"), money(json.difference)],
  ]);
  return [
    t(lang, "gl.cli.title", { asOf: json.asOf, currency: json.currency }),
    t(lang, `gl.basis.${json.basis}`),
    ...amounts,
    glMethodText(json, lang),
    ...json.items.map((item) =>
      t(lang, "gl.cli.item", {
        kind: glKindLabel(item.kind, lang),
        label: item.label,
        amount: money(item.amount),
        where: item.sheet !== null && item.row !== null ? `${item.sheet}!${item.row}` : "—",
      }),
    ),
  ];
}

/**
 * Runs `ar-desk tieout` on parsed options; `help` prints the command's help.
 *
 * @example
 * await tieoutCommand(parseOptions(["--input", "book.xlsx", "--control", "125000", "--json", "-"], TIEOUT_OPTIONS), io, "en-US", () => 0);
 */
export async function tieoutCommand(parsed: Parsed, io: TieoutIO, lang: Lang, help: () => number): Promise<number> {
  if (parsed.has("help")) return help();
  required(parsed, "input");
  const currency = currencyOption(parsed);
  const controlBalanceMinor = controlOption(parsed, currency);
  const basis = choice<GlBasis>(parsed, "basis", ["net", "open"], "net");
  const asOf = asOfOption(parsed, () => lastMonthEnd(io.today()));
  const out = parsed.get("out");
  const json = parsed.get("json");

  const progress = new Progress(io.stderr, io.isTTY, lang);
  const started = performance.now();
  // Buckets and the aging basis do not change the open total; the aging's defaults are used.
  const loaded = await loadAging(parsed, lang, { asOf, basis: "due", boundaries: [30, 60, 90] }, progress);
  if (!loaded.ok) {
    progress.done();
    io.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  const { report, inputs, readDone } = loaded;
  const result = glTieOutForAging(report, { currency, controlBalanceMinor, basis });
  const resultJson = toGlTieOutJson(result);
  const computeDone = performance.now();

  progress.stage("write");
  const written: string[] = [];
  if (out) {
    await writeReportWorkbook([glTieOutSheet(result, lang)], out, { inputs });
    written.push(t(lang, "cli.written.report", { file: out }));
  }
  const text = `${JSON.stringify(resultJson, null, 2)}\n`;
  if (json === "-") io.stdout.write(text);
  else if (json) {
    await writeAtomically(json, inputs, (temp) => writeFile(temp, text, "utf8"));
    written.push(t(lang, "cli.written.json", { file: json }));
  }
  const writeDone = performance.now();
  progress.done();

  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  const lines = [
    ...tieoutSummary(resultJson, lang),
    ...written,
    t(lang, "cli.timing", { read: seconds(readDone - started), compute: seconds(computeDone - readDone), write: seconds(writeDone - computeDone) }),
  ];
  // With --json - standard output carries only the JSON, so the summary goes to stderr.
  (json === "-" ? io.stderr : io.stdout).write(`${lines.join("\n")}\n`);
  return 0;
}
