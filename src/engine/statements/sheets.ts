/**
 * Statements and balance confirmations as a printable sheet: our company block at the top of
 * every page (print titles), then one page per customer and currency (manual page breaks),
 * portrait, fitted to one page wide, "Page x of y" in the footer: ready for File › Print › PDF.
 */
import type { FormatRange, Lang, PageLayout, SheetColumn, SheetModel, SheetValue } from "../types";
import { currencyDecimals } from "../currency";
import { fromMinor } from "../money";
import { isoFromSerial } from "../dates";
import { t } from "../../i18n";
import { DATE_FORMAT, INTEGER_FORMAT, moneyFormat, reportPeriod } from "../report/aging";
import { companyLines, type CompanyInfo } from "./company";
import { confirmationContent } from "./confirmation";
import type { CustomerDetails } from "./customer";
import { wrapText } from "./text";
import type { Statement, StatementSet } from "./types";

/** What to print. */
export type StatementDocumentKind = "statement" | "confirmation";

/** Options of {@link statementsSheet}. */
export interface StatementsSheetOptions {
  document: StatementDocumentKind;
  company: CompanyInfo;
  /** Address, contact and e-mail of a customer (Book.customers index); none by default. */
  details?: (customer: number) => CustomerDetails;
  /** Print each statement's open items (they are in the statements only when built with openItems). */
  openItems?: boolean;
}

/** Columns: date, type, reference, description / PO, due date, debit, credit, balance. */
const WIDTHS = [11, 13, 14, 26, 11, 14, 14, 15];
const W = WIDTHS.length;
const COL = { date: 0, type: 1, ref: 2, description: 3, due: 4, debit: 5, credit: 6, balance: 7 } as const;
/** Display columns a wrapped paragraph may take (the printed width of the eight columns). */
const TEXT_WIDTH = 100;

/**
 * Paper for a language: A4 for Chinese, Letter for US English.
 *
 * @example
 * paperFor("zh-CN") // "A4"
 */
export function paperFor(lang: Lang): "A4" | "Letter" {
  return lang === "en-US" ? "Letter" : "A4";
}

/**
 * The sheet name: "AR Statement <customer> YYYY-MM" for one customer, "AR Statements YYYY-MM"
 * for several (confirmations alike); the customer's name is shortened so the name fits Excel's
 * 31 characters and keeps its period.
 *
 * @example
 * statementsSheetName(set, "statement", "en-US") // "AR Statement Acme Corp 2026-10"
 */
export function statementsSheetName(set: StatementSet, document: StatementDocumentKind, lang: Lang): string {
  const period = reportPeriod(set.to);
  const customers = new Set(set.statements.map((s) => s.customerIndex));
  const prefix = document === "statement" ? "statements.sheet" : "statements.sheet.confirmation";
  if (customers.size !== 1)
    return t(lang, `${prefix}.many`, { period })
      .replace(/[[\]:*?/\\]/g, " ")
      .slice(0, 31);
  const customer = (set.statements[0]?.customer ?? "")
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const frame = t(lang, `${prefix}.one`, { customer: "", period });
  const room = Math.max(1, 31 - frame.length);
  return t(lang, `${prefix}.one`, { customer: [...customer].slice(0, room).join("").trim(), period });
}

/** Rows being built, with their formats. */
class Grid {
  readonly cells: SheetValue[][] = [];
  readonly formats: FormatRange[] = [];

  row(values: SheetValue[] = []): number {
    const row: SheetValue[] = new Array<SheetValue>(W).fill(null);
    values.forEach((v, c) => (row[c] = v));
    this.cells.push(row);
    return this.cells.length - 1;
  }

  format(row: number, col: number, rowCount: number, colCount: number, f: Omit<FormatRange, "range">): void {
    if (rowCount > 0 && colCount > 0) this.formats.push({ range: { row, col, rowCount, colCount }, ...f });
  }

  paragraph(text: string, f: Omit<FormatRange, "range"> = {}): void {
    for (const line of wrapText(text, TEXT_WIDTH)) {
      const r = this.row([line]);
      if (Object.keys(f).length > 0) this.format(r, 0, 1, 1, f);
    }
  }
}

/**
 * One sheet holding the statements (or confirmations) of `set`, one page each.
 *
 * @example
 * const sheet = statementsSheet(set, "en-US", { document: "statement", company: { name: "Contoso Ltd" } });
 * sheet.page?.rowBreaks.length // set.statements.length - 1
 */
export function statementsSheet(set: StatementSet, lang: Lang, options: StatementsSheetOptions): SheetModel {
  const grid = new Grid();
  const { company } = options;
  // The company block, repeated at the top of every printed page.
  grid.format(grid.row([company.name]), 0, 1, 1, { bold: true, fontSize: 14 });
  const labels = {
    taxId: t(lang, "statements.field.taxId"),
    bank: t(lang, "statements.field.bank"),
    phone: t(lang, "statements.field.phone"),
    email: t(lang, "statements.field.email"),
  };
  for (const line of companyLines(company, labels)) grid.row([line]);
  const titleEnd = grid.row();

  const rowBreaks: number[] = [];
  if (set.statements.length === 0)
    grid.row([t(lang, "statements.none", { period: `${isoFromSerial(set.from)} – ${isoFromSerial(set.to)}` })]);
  set.statements.forEach((statement, k) => {
    const start = grid.cells.length;
    if (k > 0) rowBreaks.push(start);
    if (options.document === "statement") statementBlock(grid, set, statement, lang, options);
    else confirmationBlock(grid, set, statement, lang, options);
    // Money cells of this page in the statement's currency (JPY has no decimals).
    grid.formats.unshift({
      range: { row: start, col: COL.debit, rowCount: grid.cells.length - start, colCount: 3 },
      numberFormat: moneyFormat(currencyDecimals(statement.currency)),
    });
  });

  const columns: SheetColumn[] = WIDTHS.map((width) => ({ width, numberFormat: "General", isText: false }));
  const end = grid.cells.length;
  const page: PageLayout = {
    orientation: "portrait",
    paper: paperFor(lang),
    fitToWidth: true,
    printTitleRows: { first: 0, last: titleEnd },
    footer: t(lang, "statements.footer"),
    rowBreaks,
  };
  return {
    kind: options.document === "statement" ? "statements" : "confirmations",
    name: statementsSheetName(set, options.document, lang),
    cells: grid.cells,
    headerRow: 0,
    dataStart: end,
    dataEnd: end,
    totalsEnd: end,
    columns,
    formats: grid.formats,
    highlights: [],
    charts: [],
    freeze: { rows: 0, cols: 0 },
    filter: false,
    page,
  };
}

/** Title, customer block and the statement's date, period and currency. */
function customerBlock(
  grid: Grid,
  set: StatementSet,
  statement: Statement,
  lang: Lang,
  options: StatementsSheetOptions,
  title: string,
): void {
  grid.format(grid.row([title]), 0, 1, 1, { bold: true, fontSize: 13 });
  const details = options.details?.(statement.customerIndex);
  const customerRow = grid.row([t(lang, "statements.field.customer"), null, statement.customer]);
  grid.format(customerRow, 2, 1, 1, { bold: true });
  if (details?.address) for (const line of details.address.split(/\r?\n/)) grid.row([null, null, line]);
  if (details?.contact) grid.row([t(lang, "statements.field.contact"), null, details.contact]);
  if (details?.email) grid.row([t(lang, "statements.field.email"), null, details.email]);
  grid.row([t(lang, "statements.field.date"), null, isoFromSerial(set.to)]);
  grid.row([t(lang, "statements.field.period"), null, `${isoFromSerial(set.from)} – ${isoFromSerial(set.to)}`]);
  grid.row([t(lang, "statements.field.currency"), null, statement.currency]);
  grid.row();
}

/**
 * Headings of a statement's activity table, in the order the sheet and the PDF print them.
 *
 * @example
 * activityHeadings("en-US")[0] // "Date"
 */
export function activityHeadings(lang: Lang): string[] {
  return ["date", "type", "ref", "description", "due", "debit", "credit", "balance"].map((c) => t(lang, `statements.column.${c}`));
}

/**
 * Headings of a statement's open-items table, in the order the sheet and the PDF print them
 * (null: a column the table leaves empty, under the activity table's type and description).
 *
 * @example
 * openItemsHeadings("en-US")[1] // null
 */
export function openItemsHeadings(lang: Lang): (string | null)[] {
  return [
    t(lang, "statements.column.date"),
    null,
    t(lang, "statements.column.ref"),
    null,
    t(lang, "statements.column.due"),
    t(lang, "statements.column.amount"),
    t(lang, "statements.column.open"),
    t(lang, "statements.column.daysOverdue"),
  ];
}

function statementBlock(grid: Grid, set: StatementSet, s: Statement, lang: Lang, options: StatementsSheetOptions): void {
  const m = (minor: number): number => fromMinor(minor, currencyDecimals(s.currency));
  const orNull = (minor: number): number | null => (minor === 0 ? null : m(minor));
  customerBlock(grid, set, s, lang, options, t(lang, "statements.title"));

  const header = grid.row(activityHeadings(lang));
  grid.format(header, 0, 1, W, { bold: true, fill: "#D9E1F2" });
  grid.format(header, COL.debit, 1, 3, { horizontalAlignment: "right" });
  const opening = grid.row([set.from, t(lang, "statements.opening"), null, null, null, null, null, m(s.opening)]);
  grid.format(opening, 0, 1, W, { italic: true });
  for (const line of s.lines) {
    const text = [line.description, line.po].filter((x) => x !== null).join(" / ") || null;
    grid.row([
      line.date,
      t(lang, `statements.type.${line.type}`),
      line.ref,
      text,
      line.due,
      orNull(line.debit),
      orNull(line.credit),
      m(line.balance),
    ]);
  }
  if (s.lines.length === 0) grid.row([null, t(lang, "statements.noLines")]);
  const totals = grid.row([null, t(lang, "statements.totals"), null, null, null, m(s.debits), m(s.credits), null]);
  grid.format(totals, 0, 1, W, { borderTop: true });
  const closing = grid.row([set.to, t(lang, "statements.closing"), null, null, null, null, null, m(s.closing)]);
  grid.format(closing, 0, 1, W, { bold: true });
  grid.format(opening, COL.date, closing - opening + 1, 1, { numberFormat: DATE_FORMAT, horizontalAlignment: "left" });
  grid.format(opening, COL.due, closing - opening + 1, 1, { numberFormat: DATE_FORMAT });
  grid.row();

  agingStrip(grid, set, s, lang);
  if (options.openItems) openItemsTable(grid, set, s, lang);
  grid.row();
  if (s.collectionStage) grid.paragraph(collectionStageText(s, lang), { bold: true });
  grid.paragraph(options.company.message ?? t(lang, "statements.message.default"), { italic: true });
}

/**
 * The footer's collection-stage line of an overdue customer, "" without a stage.
 *
 * @example
 * collectionStageText({ collectionStage: { stage: 2, action: "Written notice" } }, "en-US")
 * // "Collection stage 2: Written notice"
 */
export function collectionStageText(s: Pick<Statement, "collectionStage">, lang: Lang): string {
  return s.collectionStage
    ? t(lang, "statements.collectionStage", { stage: s.collectionStage.stage, action: s.collectionStage.action })
    : "";
}

/** The aging strip at `to`: bucket labels over amounts, then unapplied credit and balance due. */
function agingStrip(grid: Grid, set: StatementSet, s: Statement, lang: Lang): void {
  const m = (minor: number): number => fromMinor(minor, currencyDecimals(s.currency));
  grid.format(grid.row([t(lang, "statements.aging", { date: isoFromSerial(set.to) })]), 0, 1, 1, { bold: true });
  const labels = [...set.buckets.map((b) => b.label), t(lang, "statements.unapplied"), t(lang, "statements.due")];
  const amounts = [...s.buckets.map(m), m(s.unapplied), m(s.closing)];
  const money = moneyFormat(currencyDecimals(s.currency));
  for (let c = 0; c < labels.length; c += W) {
    const labelRow = grid.row(labels.slice(c, c + W));
    grid.format(labelRow, 0, 1, W, { bold: true, fill: "#F2F2F2", horizontalAlignment: "right" });
    const amountRow = grid.row(amounts.slice(c, c + W));
    grid.format(amountRow, 0, 1, W, { numberFormat: money });
  }
}

function openItemsTable(grid: Grid, set: StatementSet, s: Statement, lang: Lang): void {
  if (s.openItems.length === 0) return;
  const m = (minor: number): number => fromMinor(minor, currencyDecimals(s.currency));
  grid.row();
  grid.format(grid.row([t(lang, "statements.openItems", { date: isoFromSerial(set.to) })]), 0, 1, 1, { bold: true });
  const header = grid.row(openItemsHeadings(lang));
  grid.format(header, 0, 1, W, { bold: true, fill: "#F2F2F2" });
  const first = grid.cells.length;
  for (const item of s.openItems) grid.row([item.date, null, item.ref, null, item.due, m(item.amount), m(item.open), item.daysOverdue]);
  grid.format(first, COL.date, s.openItems.length, 1, { numberFormat: DATE_FORMAT, horizontalAlignment: "left" });
  grid.format(first, COL.due, s.openItems.length, 1, { numberFormat: DATE_FORMAT });
  grid.format(first, COL.balance, s.openItems.length, 1, { numberFormat: INTEGER_FORMAT });
}

function confirmationBlock(grid: Grid, set: StatementSet, s: Statement, lang: Lang, options: StatementsSheetOptions): void {
  const letter = confirmationContent(s, options.company, set.to, lang);
  const m = (minor: number): number => fromMinor(minor, currencyDecimals(s.currency));
  grid.format(grid.row([letter.title]), 0, 1, 1, { bold: true, fontSize: 14 });
  grid.format(grid.row([letter.addressee]), 0, 1, 1, { bold: true });
  const details = options.details?.(s.customerIndex);
  if (details?.address) for (const line of details.address.split(/\r?\n/)) grid.row([line]);
  if (details?.contact) grid.row([`${t(lang, "statements.field.contact")}: ${details.contact}`]);
  grid.row();
  for (const paragraph of letter.intro) grid.paragraph(paragraph);
  grid.row();
  const balance = grid.row([letter.balanceLabel, null, null, null, null, s.currency, null, m(letter.balance)]);
  grid.format(balance, 0, 1, W, { bold: true });
  grid.paragraph(letter.balanceSentence);
  if (options.openItems) openItemsTable(grid, set, s, lang);
  grid.row();
  grid.paragraph(letter.closingNote);
  grid.row();
  for (const line of letter.sender) grid.row([null, null, null, null, line]);
  grid.row();
  const reply = grid.row([letter.replyHeading]);
  grid.format(reply, 0, 1, W, { bold: true, borderTop: true });
  grid.row([`${t(lang, "statements.field.customer")}: ${s.customer}`]);
  for (const line of letter.replyLines) {
    grid.row([line]);
    grid.row();
  }
}
