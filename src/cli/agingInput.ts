/**
 * The part of the aging every aging-based command shares: the shared options (see ./options.ts)
 * turned into the aging use case's request, the book read through the file port and aged by the
 * use case (src/app/aging.ts) exactly as the add-in ages it. `aging` writes the result as the
 * aging report; `tieout` ties it to the ledger; `credit` checks it against the limits.
 */
import type { AgingReport } from "../engine/aging";
import type { AgingBasis, Book, Lang, TableData } from "../engine/types";
import { computeAging } from "../app/aging";
import { filePort, type FilePort } from "../file/port";
import { tableLabel } from "../file/input";
import { t } from "../i18n";
import type { Parsed } from "./args";
import { readAgingRequest, type AgingCommandInput } from "./options";
import type { Progress } from "./progress";

export { asOfOption, currencyOption, dateOrderOption, mappingProblem } from "./options";

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
  book: Book;
  /** --input and --map, when given. */
  inputs: string[];
  /** performance.now() when reading the files ended, for the timing line. */
  readDone: number;
  /** The port the book was read through (its tables, for use cases that read more). */
  port: FilePort;
}

/** The book has no invoice table: `message` says which tables were seen. */
export interface NoInvoices {
  ok: false;
  message: string;
}

/**
 * What a command says when the book has no invoice table: the file and the tables it saw.
 *
 * @example
 * noInvoicesMessage("book.xlsx", [], "en-US") // "No invoice table found in book.xlsx. Tables seen: (none). Name the table with --map."
 */
export function noInvoicesMessage(input: string, tables: readonly TableData[], lang: Lang): string {
  const names = tables.map(tableLabel);
  return t(lang, "cli.noInvoices", { file: input, tables: names.length > 0 ? names.join(", ") : t(lang, "cli.noTables") });
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
  for (const issue of reasons)
    lines.push(`  ${issue.sheet}${issue.cell ? `!${issue.cell}` : issue.row !== null ? ` ${issue.row}` : ""}: ${issue.message}`);
  return lines.join("\n");
}

/**
 * Reads the command's input through the file port and ages it with the use case, reporting the
 * "read" and "compute" stages on `progress`.
 *
 * @example
 * const loaded = await ageInput(await readAgingRequest(parsed, "en-US", { today }), progress);
 * if (loaded.ok) loaded.report.totals; else io.stderr.write(loaded.message);
 */
export async function ageInput(command: AgingCommandInput, progress: Progress): Promise<LoadedAging | NoInvoices> {
  const { request, input, mapFile } = command;
  progress.stage("read");
  const port = filePort({ input, guarded: mapFile ? [mapFile] : [] });
  const tables = await port.readTables();
  const readDone = performance.now();

  progress.stage("compute");
  const aging = await computeAging(port, request, { tables });
  if (!aging.ok) {
    const lines = [noInvoicesMessage(input, tables.tables, request.lang)];
    // Say where AR Desk looked, so "no table" is never a mystery.
    for (const { sheet, rows } of tables.examined ?? []) lines.push(t(request.lang, "cli.sheetExamined", { sheet, rows }));
    return { ok: false, message: lines.join("\n") };
  }
  const unusable = nothingUsable(aging.book, request.lang);
  if (unusable) return { ok: false, message: unusable };
  return { ok: true, report: aging.report, book: aging.book, inputs: [...port.inputs], readDone, port };
}

/**
 * Reads --input (with --map, --date-order, --currency) and ages it with --no-auto-apply and
 * `shape`, reporting the "read" and "compute" stages on `progress`. Kept for commands written
 * against it; new code reads the request with readAgingRequest and calls {@link ageInput}.
 *
 * @example
 * const loaded = await loadAging(parsed, "en-US", { asOf, basis: "due", boundaries: [...DEFAULT_BOUNDARIES] }, progress);
 * if (loaded.ok) loaded.report.totals; else io.stderr.write(loaded.message);
 */
export async function loadAging(parsed: Parsed, lang: Lang, shape: AgingShape, progress: Progress): Promise<LoadedAging | NoInvoices> {
  const command = await readAgingRequest(parsed, lang, { basis: shape.basis, boundaries: shape.boundaries, today: () => shape.asOf });
  return ageInput({ ...command, request: { ...command.request, asOf: shape.asOf } }, progress);
}
