/**
 * `ar-desk statements`: statements of account (or, with --confirmations, balance confirmations)
 * for a period, as an .xlsx sheet (one page per customer and currency), PDF files and/or JSON.
 * The book is read and aged exactly as `ar-desk aging` does with the same options; the statements
 * use case (src/app/statements.ts) states it over the file port, checking each closing balance
 * against that aging before anything is written; the PDFs and files are this layer's.
 *
 * Exit codes: 0 written, 1 nothing to state (no invoice table, no customer selected, an unusable
 * file or font), 2 usage.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { parseBoundaries } from "../engine/aging";
import { runStatements } from "../app/statements";
import { isoFromSerial, serialFromIso } from "../engine/dates";
import { parseCompany, toStatementsJson, type CompanyInfo, type StatementSet } from "../engine/statements";
import type { Lang } from "../engine/types";
import { writeAtomically } from "../file/atomic";
import { FileError } from "../file/errors";
import type { PdfFont } from "../file/statementsPdf";

/** The PDF writer (pdfkit and its fonts): loaded by a run that writes PDFs, so no other command pays for it at start-up. */
type PdfWriter = typeof import("../file/statementsPdf");
import { t } from "../i18n";
import { UsageError, choice, parseOptions, required, type OptionSpec, type Parsed } from "./args";
import { loadAging } from "./agingInput";
import { ladderOption } from "./collections";
import { COLLECTIONS_SETTINGS } from "../app/collections";
import { Progress } from "./progress";

/** Options of `ar-desk statements` (--customer is repeatable and taken out before parsing). */
export const STATEMENTS_OPTIONS: OptionSpec = {
  values: [
    "input",
    "from",
    "to",
    "company",
    "ladder",
    "lang",
    "out",
    "pdf",
    "font",
    "json",
    "basis",
    "buckets",
    "map",
    "date-order",
    "currency",
  ],
  flags: ["confirmations", "open-items", "no-auto-apply", "help"],
};

/** Where the command writes, and today's date (for the PDFs' creation date). */
export interface StatementsIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  isTTY: boolean;
  today: () => number;
}

/**
 * Splits the repeatable `--customer NAME` / `--customer=NAME` out of the arguments; the rest go
 * to parseOptions.
 *
 * @example
 * takeCustomers(["--customer", "Acme", "--from", "2026-10-01", "--customer=Beta"])
 * // { customers: ["Acme", "Beta"], rest: ["--from", "2026-10-01"] }
 */
export function takeCustomers(args: readonly string[]): { customers: string[]; rest: string[] } {
  const customers: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith("--customer=")) {
      const value = arg.slice("--customer=".length);
      if (value.trim() === "") throw new UsageError("cli.error.missingValue", { option: "--customer" });
      customers.push(value);
    } else if (arg === "--customer") {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--") || value.trim() === "")
        throw new UsageError("cli.error.missingValue", { option: "--customer" });
      customers.push(value);
      i++;
    } else rest.push(arg);
  }
  return { customers, rest };
}

/** A --from / --to date as a serial; a usage error when it is not a real YYYY-MM-DD date. */
function dateOption(parsed: Parsed, name: "from" | "to"): number {
  const text = required(parsed, name);
  const serial = serialFromIso(text);
  if (serial === null) throw new UsageError("cli.error.badDate", { option: `--${name}`, value: text });
  return serial;
}

/** Reads and checks --company FILE. */
async function readCompany(file: string, lang: Lang): Promise<CompanyInfo> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new FileError("cli.file.notFound", file);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CompanyFileError(file, (error as Error).message, lang);
  }
  const parsed = parseCompany(value);
  if (!parsed.ok) throw new CompanyFileError(file, parsed.problem, lang);
  return parsed.company;
}

class CompanyFileError extends Error {
  constructor(file: string, detail: string, lang: Lang) {
    super(t(lang, "statements.cli.badCompany", { file, detail }));
  }
}

/**
 * Runs `ar-desk statements` with `argv` after the command word; returns the exit code.
 *
 * @example
 * await statementsCommand(["--input", "book.xlsx", "--from", "2026-10-01", "--to", "2026-10-31", "--pdf", "out"], io, "en-US", help);
 */
export async function statementsCommand(argv: readonly string[], io: StatementsIO, lang: Lang, help: () => number): Promise<number> {
  const { customers, rest } = takeCustomers(argv);
  const parsed = parseOptions(rest, STATEMENTS_OPTIONS);
  if (parsed.has("help")) return help();
  const from = dateOption(parsed, "from");
  const to = dateOption(parsed, "to");
  if (from > to) throw new UsageError("statements.cli.badPeriod", { from: isoFromSerial(from), to: isoFromSerial(to) });
  const basis = choice(parsed, "basis", ["due", "invoice"] as const, "due");
  const bucketsText = parsed.get("buckets") ?? "30,60,90";
  const boundaries = parseBoundaries(bucketsText);
  if (!boundaries) throw new UsageError("cli.error.badBuckets", { value: bucketsText });
  const out = parsed.get("out");
  const pdfDir = parsed.get("pdf");
  const json = parsed.get("json");
  if (!out && !pdfDir && !json) throw new UsageError("statements.cli.noOutput");
  const document = parsed.has("confirmations") ? "confirmation" : "statement";
  const openItems = parsed.has("open-items");

  let pdf: PdfWriter | null = null;
  try {
    const companyFile = parsed.get("company");
    // Without --company, the use case takes the company block the task pane saved in the workbook.
    const givenCompany: CompanyInfo | undefined = companyFile ? await readCompany(companyFile, lang) : undefined;

    const progress = new Progress(io.stderr, io.isTTY, lang);
    const loaded = await loadAging(parsed, lang, { asOf: to, basis, boundaries }, progress);
    if (!loaded.ok) {
      progress.done();
      io.stderr.write(`${loaded.message}\n`);
      return 1;
    }
    const { report, inputs, port } = loaded;
    // A --ladder file stands where the pane's saved ladder would: the footer's collection stage uses it.
    const ladder = await ladderOption(parsed, lang);
    if (ladder) await port.writeSetting(COLLECTIONS_SETTINGS.ladder, ladder);
    // The use case states the book the aging read (and ties to that aging); it writes the sheet
    // into the file port, which saves it below when --out asks for it.
    const stated = await runStatements(port, {
      from,
      to,
      document,
      lang,
      customers,
      openItems,
      basis,
      boundaries,
      autoApply: report.autoApply,
      company: givenCompany,
      aging: report,
      tables: await port.readTables(),
    });
    if (!stated.ok) {
      progress.done();
      io.stderr.write(`${stated.message}\n`);
      return 1;
    }
    const { set, details, company } = stated;

    // The font before any file is written: a missing font must not leave half the output behind.
    let font: PdfFont | null = null;
    let latinFont: PdfFont | null = null;
    if (pdfDir && set.statements.length > 0) {
      pdf = await import("../file/statementsPdf");
      const fontFile = parsed.get("font");
      font = pdf.loadPdfFont({ needsCjk: lang === "zh-CN" || needsCjk(pdf, set, company), fontFile });
      // English statements in Latin script embed a (cheaper) TrueType Latin font when there is one.
      if (lang === "en-US" && !fontFile && font.cjk) latinFont = pdf.loadLatinFont();
    }

    progress.stage("write");
    const written: string[] = [];
    if (out && stated.sheet !== null) {
      await port.save(out);
      written.push(t(lang, "cli.written.report", { file: out }));
    }
    let files: string[] = [];
    if (pdfDir && font && pdf) {
      await mkdir(pdfDir, { recursive: true });
      files = await pdf.writeStatementPdfs(
        set,
        pdfDir,
        { document, lang, company, font, latinFont, details, openItems, createdOn: io.today() },
        (file, bytes) => writeAtomically(file, inputs, (temp) => writeFile(temp, bytes)),
      );
      written.push(t(lang, "statements.cli.written.pdf", { dir: pdfDir, count: files.length }));
    }
    const reportJson = toStatementsJson(
      set,
      files.map((f) => f.split("\\").join("/")),
      openItems,
    );
    if (json === "-") io.stdout.write(`${JSON.stringify(reportJson, null, 2)}\n`);
    else if (json) {
      await writeAtomically(json, inputs, (temp) => writeFile(temp, `${JSON.stringify(reportJson, null, 2)}\n`, "utf8"));
      written.push(t(lang, "cli.written.json", { file: json }));
    }
    progress.done();

    const lines = [summaryLine(set, document, lang)];
    if (company.name === "" && (out || pdfDir)) lines.push(t(lang, "statements.cli.noCompany"));
    else if (!companyFile && (out || pdfDir)) lines.push(t(lang, "statements.cli.savedCompany", { name: company.name }));
    // Saved settings that could not be used (a damaged ladder: the default stood in) are said.
    for (const issue of stated.issues) if (issue.code.startsWith("collections.")) lines.push(issue.message);
    const unknown = set.issues.filter((i) => i.code.startsWith("statements."));
    for (const issue of unknown) lines.push(issue.message);
    if (set.statements.length === 0) lines.push(t(lang, "statements.none", { period: `${isoFromSerial(from)} – ${isoFromSerial(to)}` }));
    if (set.issues.length > unknown.length) lines.push(t(lang, "statements.cli.issues", { count: set.issues.length - unknown.length }));
    lines.push(...written);
    (json === "-" ? io.stderr : io.stdout).write(`${lines.join("\n")}\n`);
    return set.statements.length > 0 ? 0 : 1;
  } catch (error) {
    if (pdf && error instanceof pdf.PdfFontError) {
      const message = error.detail
        ? t(lang, "statements.cli.badFont", { file: error.looked[0] ?? "", detail: error.detail })
        : t(lang, "statements.cli.noFont", { fonts: error.looked.join(", ") });
      io.stderr.write(`${message}\n`);
      return 1;
    }
    if (error instanceof CompanyFileError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function needsCjk(pdf: PdfWriter, set: StatementSet, company: CompanyInfo): boolean {
  if (pdf.needsCjkFont(JSON.stringify(company))) return true;
  return set.statements.some(
    (s) => pdf.needsCjkFont(s.customer) || s.lines.some((l) => pdf.needsCjkFont(`${l.ref}${l.description ?? ""}${l.po ?? ""}`)),
  );
}

function summaryLine(set: StatementSet, document: "statement" | "confirmation", lang: Lang): string {
  const count = set.statements.length;
  return document === "statement"
    ? t(lang, "statements.cli.summary", { count, from: isoFromSerial(set.from), to: isoFromSerial(set.to) })
    : t(lang, "statements.cli.confirmations", { count, to: isoFromSerial(set.to) });
}
