/**
 * `ar-desk tieout`: ties the aging of a book to the general ledger's AR control balance in one
 * currency, and names the items that explain a difference when they can be found. It ages the
 * book exactly as `ar-desk aging` does with the same options, then writes the "AR GL Tie-out"
 * sheet and/or the JSON.
 *
 * Exit codes as for aging: 0 tied out, 1 nothing to tie out (no invoice table, an unreadable
 * input), 2 usage.
 */
import { currencyDecimals, normalizeCurrency } from "../engine/currency";
import { parseAmount } from "../engine/money";
import type { GlBasis } from "../engine/reconcile";
import { glAgingTotalLabel, glKindLabel, glMethodText, glTieOutSheet, toGlTieOutJson, type GlTieOutJson } from "../engine/report/gl";
import type { Lang } from "../engine/types";
import { runGlTieOut } from "../app/glTieOut";
import { t } from "../i18n";
import { UsageError, choice, required, type OptionSpec, type Parsed } from "./args";
import { filePort } from "../file/port";
import { noInvoicesMessage } from "./agingInput";
import { AGING_OPTION_SPEC, OUTPUT_OPTION_SPEC, currencyOption, optionSpec, readAgingRequest } from "./options";
import { writeOutputs } from "./output";
import { Progress } from "./progress";
import { columns } from "./reconcile";
import { formatAmount } from "./summary";

/** Options of `ar-desk tieout`: the ledger's side, and the aging options that change its total. */
export const TIEOUT_OPTIONS: OptionSpec = optionSpec(AGING_OPTION_SPEC, OUTPUT_OPTION_SPEC, { values: ["control", "basis"], flags: [] });

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
  // Buckets and the aging basis do not change the open total; the aging's defaults are used.
  const command = await readAgingRequest(parsed, lang, { today: io.today });

  const progress = new Progress(io.stderr, io.isTTY, lang);
  const started = performance.now();
  progress.stage("read");
  const port = filePort({ input: command.input, guarded: command.mapFile ? [command.mapFile] : [] });
  const tables = await port.readTables();
  const readDone = performance.now();
  progress.stage("compute");
  const done = await runGlTieOut(port, { aging: command.request, currency, controlBalanceMinor, basis, write: false }, { tables });
  if (!done.ok) {
    progress.done();
    io.stderr.write(`${noInvoicesMessage(command.input, tables.tables, lang)}\n`);
    return 1;
  }
  const resultJson = toGlTieOutJson(done.result);
  const computeDone = performance.now();
  await writeOutputs(
    parsed,
    io,
    lang,
    port.inputs,
    {
      sheets: [glTieOutSheet(done.result, lang)],
      json: resultJson,
      summary: tieoutSummary(resultJson, lang),
      timings: { started, readDone, computeDone },
    },
    progress,
  );
  return 0;
}
