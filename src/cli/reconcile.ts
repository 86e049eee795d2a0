/**
 * `ar-desk reconcile`: matches two tables of a book (our invoices against a customer's
 * statement, our receipts against the bank's) and writes the "AR Reconciliation" sheet and/or
 * the JSON of every outcome with the tie-out per currency.
 *
 * Exit codes as for aging: 0 written, 1 nothing to reconcile (a table not found, a table without
 * a key or amount column, an unreadable input), 2 usage.
 */
import { OUTCOMES, PRESETS, type ReconcileColumnOverride, type ReconcileField, type ReconcilePreset } from "../engine/reconcile";
import { reconcileSheet, toReconcileJson, type ReconcileJson } from "../engine/report/reconcile";
import type { Lang, TableData } from "../engine/types";
import { runReconcile } from "../app/reconcile";
import { tableLabel } from "../file/input";
import { filePort } from "../file/port";
import { t } from "../i18n";
import { UsageError, choice, required, type OptionSpec, type Parsed } from "./args";
import { currencyOption, dateOrderOption } from "./options";
import { writeOutputs } from "./output";
import { Progress } from "./progress";
import { formatAmount } from "./summary";

const FIELDS: readonly ReconcileField[] = ["key", "amount", "date", "customer", "currency"];
const PRESET_NAMES = Object.keys(PRESETS) as ReconcilePreset[];

/** Options of `ar-desk reconcile`: the column overrides are `--key-a`, `--amount-b`, … */
export const RECONCILE_OPTIONS: OptionSpec = {
  values: [
    "input",
    "a",
    "b",
    "preset",
    "amount-tolerance",
    "percent-tolerance",
    "date-tolerance",
    ...FIELDS.flatMap((field) => [`${field}-a`, `${field}-b`]),
    "date-order",
    "currency",
    "lang",
    "out",
    "json",
  ],
  flags: ["help", "customers-of-b"],
};

/**
 * A non-negative decimal option (a tolerance), or undefined when absent; a usage error otherwise.
 *
 * @example
 * tolerance(new Map([["amount-tolerance", "0.01"]]), "amount-tolerance") // 0.01
 */
export function tolerance(parsed: Parsed, name: string): number | undefined {
  const value = parsed.get(name);
  if (value === undefined) return undefined;
  // Plain decimal notation only: "1e3" or "0x10" in a tolerance is a typo, not a number.
  const n = /^\d+(\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0) throw new UsageError("cli.error.badTolerance", { option: `--${name}`, value });
  return n;
}

/**
 * The table a `--a`/`--b` value names: by table name, sheet name, or "Sheet!Table", compared
 * case-insensitively as Excel compares names. A table name wins over another table's sheet name.
 *
 * @example
 * findTable(tables, "statement") // the table named "Statement", or the one on sheet "Statement"
 */
export function findTable(tables: readonly TableData[], wanted: string): TableData | undefined {
  const lower = wanted.toLowerCase();
  return (
    tables.find((table) => table.name.toLowerCase() === lower) ??
    tables.find((table) => tableLabel(table).toLowerCase() === lower || `${table.sheet}!${table.name}`.toLowerCase() === lower) ??
    tables.find((table) => table.sheet.toLowerCase() === lower)
  );
}

function overrides(parsed: Parsed, side: "a" | "b"): ReconcileColumnOverride | undefined {
  const override: ReconcileColumnOverride = {};
  for (const field of FIELDS) {
    const header = parsed.get(`${field}-${side}`);
    if (header !== undefined) override[field] = header;
  }
  return Object.keys(override).length > 0 ? override : undefined;
}

/** Display width of text in a terminal: CJK characters take two columns. */
const displayWidth = (text: string): number =>
  [...text].reduce(
    (w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );

/**
 * Rows of cells as aligned columns: the first left-aligned, the rest right-aligned (CJK text
 * counts two columns, as a terminal shows it).
 *
 * @example
 * columns([["Total A", "1,250.00"], ["Difference", "50.00"]]) // ["Total A     1,250.00", "Difference     50.00"]
 */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, c) => {
        const gap = " ".repeat(Math.max(0, (widths[c] ?? 0) - displayWidth(cell)));
        return c === 0 ? cell + gap : gap + cell;
      })
      .join("  ")
      .trimEnd(),
  );
}

/**
 * The summary `ar-desk reconcile` prints: which table is A and B, the tie-out per currency
 * (it formats the numbers of the JSON; it adds nothing up), the count per outcome and the issues.
 *
 * @example
 * reconcileSummary(toReconcileJson(result), "en-US").join("\n")
 * // "AR reconciliation: A = Invoices, B = Statement\nCurrency  Total A  …"
 */
export function reconcileSummary(json: ReconcileJson, lang: Lang): string[] {
  const lines = [t(lang, "cli.reconcile.title", { a: json.a.name, b: json.b.name })];
  if (json.tieOut.length === 0) lines.push(t(lang, "cli.reconcile.noRows"));
  else {
    const header = ["currency", "totalA", "totalB", "difference", "variance", "unmatchedA", "unmatchedB"].map((id) =>
      t(lang, `reconcile.tie.${id}`),
    );
    const rows = json.tieOut.map((tie) => [
      tie.currency,
      ...[tie.totalA, tie.totalB, tie.difference, tie.variance, tie.unmatchedA, tie.unmatchedB].map((v) => formatAmount(v, tie.currency)),
    ]);
    lines.push(...columns([header, ...rows]));
    const counts = OUTCOMES.map(
      (outcome) => [outcome, json.summary.filter((s) => s.outcome === outcome).reduce((n, s) => n + s.count, 0)] as const,
    );
    lines.push(
      t(lang, "cli.reconcile.counts", {
        counts: counts
          .filter(([, n]) => n > 0)
          .map(([outcome, n]) => `${t(lang, `reconcile.outcome.${outcome}`)} ${n}`)
          .join(t(lang, "reconcile.key.separator")),
      }),
    );
  }
  const errors = json.issues.filter((i) => i.severity === "error").length;
  lines.push(t(lang, "cli.summary.issues", { errors, warnings: json.issues.length - errors, excluded: json.excluded.length }));
  return lines;
}

/**
 * Runs `ar-desk reconcile` with parsed options; `help` prints the command's help.
 *
 * @example
 * await reconcileCommand(parseOptions(["--input", "book.xlsx", "--a", "Invoices", "--b", "Statement", "--json", "-"], RECONCILE_OPTIONS),
 *   io, "en-US", () => 0);
 */
export async function reconcileCommand(
  parsed: Parsed,
  io: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown }; isTTY: boolean },
  lang: Lang,
  help: () => number,
): Promise<number> {
  if (parsed.has("help")) return help();
  const input = required(parsed, "input");
  const nameA = required(parsed, "a");
  const nameB = required(parsed, "b");
  const preset = parsed.has("preset")
    ? choice<ReconcilePreset>(parsed, "preset", PRESET_NAMES, PRESET_NAMES[0] as ReconcilePreset)
    : undefined;
  const amountTolerance = tolerance(parsed, "amount-tolerance");
  const percentTolerance = tolerance(parsed, "percent-tolerance");
  const dateTolerance = tolerance(parsed, "date-tolerance");
  if (dateTolerance !== undefined && !Number.isInteger(dateTolerance)) {
    throw new UsageError("cli.error.badTolerance", { option: "--date-tolerance", value: parsed.get("date-tolerance") ?? "" });
  }
  const dateOrder = dateOrderOption(parsed);
  const currency = currencyOption(parsed);
  const mapping = { a: overrides(parsed, "a"), b: overrides(parsed, "b") };

  const progress = new Progress(io.stderr, io.isTTY, lang);
  const started = performance.now();
  progress.stage("read");
  const port = filePort({ input });
  const read = await port.readTables();
  const { tables } = read;
  const readDone = performance.now();

  const a = findTable(tables, nameA);
  const b = findTable(tables, nameB);
  const missing = [a ? null : nameA, b ? null : nameB].filter((name): name is string => name !== null);
  if (!a || !b) {
    progress.done();
    const seen = tables.length > 0 ? tables.map(tableLabel).join(", ") : t(lang, "cli.noTables");
    for (const name of missing) io.stderr.write(`${t(lang, "cli.reconcile.noTable", { table: name, file: input, tables: seen })}\n`);
    return 1;
  }
  progress.stage("compute");
  // The tables found by the command line's looser naming (sheet, "Sheet!Table") are handed to the
  // use case by their exact names; a file has nothing to highlight and no period to tag.
  const done = await runReconcile(
    port,
    {
      tableA: a.name,
      tableB: b.name,
      preset,
      amountTolerance,
      percentTolerance,
      dateTolerance,
      mapping,
      lang,
      dateOrder,
      defaultCurrency: currency,
      period: "",
      highlight: false,
      scope: parsed.has("customers-of-b") ? "customers-in-b" : "all",
    },
    { tables: { ...read, tables: [a, b, ...tables.filter((table) => table !== a && table !== b)] } },
  );
  if (!done.ok) {
    progress.done();
    for (const message of done.messages) io.stderr.write(`${message}\n`);
    io.stderr.write(`${t(lang, "cli.reconcile.mapHint")}\n`);
    return 1;
  }
  const resultJson = toReconcileJson(done.result);
  const computeDone = performance.now();
  const summary = reconcileSummary(resultJson, lang);
  await writeOutputs(
    parsed,
    io,
    lang,
    port.inputs,
    { sheets: [reconcileSheet(done.result, lang)], json: resultJson, summary, timings: { started, readDone, computeDone } },
    progress,
  );
  return 0;
}
