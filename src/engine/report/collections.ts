/**
 * Collections as output: the "AR Collections YYYY-MM" sheet (the ranked worklist, the customers
 * with nothing to chase in their own section, the early warnings), the print-ready letters sheet
 * and the JSON of `ar-desk collections`. Money leaves minor units here.
 */
import type { CollectionCustomer, CollectionsReport, EarlyWarning, Letter, Worklist } from "../collections";
import { letterItemRows } from "../collections/letters";
import { creditStatusLabel } from "../credit/status";
import { currencyDecimals } from "../currency";
import { isoFromSerial } from "../dates";
import { fromMinor } from "../money";
import type { ConditionalHighlight, FormatRange, Lang, RowIssue, SheetModel, SheetValue } from "../types";
import { NO_DATE } from "../types";
import { t } from "../../i18n";
import { agingJsonIssue } from "./json";
import {
  baseFormats,
  columnOf,
  currencyRowFormats,
  DATE_FORMAT,
  fitTextWidths,
  moneyFormat,
  pad,
  reportPeriod,
  sheetModel,
  sheetMoneyFormat,
  tableCurrencyFormats,
  type ColumnSpec,
} from "./sheet";

const major = (minor: number, currency: string): number => fromMinor(minor, currencyDecimals(currency));

/** Column positions of the worklist block. */
const COL = {
  rank: 0,
  customer: 1,
  currency: 2,
  rep: 3,
  stage: 4,
  action: 5,
  overdue: 6,
  disputed: 7,
  promised: 8,
  chase: 9,
  oldest: 10,
  score: 11,
  credit: 12,
  lastContact: 13,
  nextDate: 14,
  broken: 15,
  email: 16,
  phone: 17,
} as const;
const MONEY_COLUMNS = [COL.overdue, COL.disputed, COL.promised, COL.chase];

/** Fill of late stages and broken promises on the sheet. */
const LATE_FILL = "#FFC7CE";
const LATE_FONT = "#9C0006";

/**
 * A warning in words, in the report's language.
 *
 * @example
 * warningText({ rule: "oldestOverdue", value: 75, threshold: 60, … }, "en-US") // "Oldest overdue 75 days (over 60)"
 */
export function warningText(warning: EarlyWarning, lang: Lang): string {
  return t(lang, `collections.warning.${warning.rule}`, { value: warning.value, threshold: warning.threshold });
}

function customerRow(c: CollectionCustomer, lang: Lang): SheetValue[] {
  const m = (v: number): number => major(v, c.currency);
  return [
    c.stage === null ? null : c.rank,
    c.customer,
    c.currency,
    c.salesRep,
    c.stage,
    c.action,
    m(c.overdue),
    m(c.disputed),
    m(c.promised),
    m(c.chase),
    c.oldestDaysOverdue,
    c.score,
    c.creditStatus === null ? null : creditStatusLabel(c.creditStatus, lang),
    c.lastContact,
    c.nextDate,
    c.brokenPromises,
    c.email,
    c.phone,
  ];
}

/**
 * The "AR Collections YYYY-MM" sheet: title and the score's rule, the ranked customers with a
 * stage, per-currency totals that tie (chase + disputed + promised = overdue, asserted), then
 * the customers with nothing to chase, then the early warnings.
 *
 * @example
 * collectionsSheet(report, "zh-CN").name // "催收 2026-10"
 */
export function collectionsSheet(report: CollectionsReport, lang: Lang): SheetModel {
  const specs: ColumnSpec[] = [
    { header: t(lang, "collections.column.rank"), kind: "integer", width: 8 },
    { header: t(lang, "report.column.customer"), kind: "text", width: 24 },
    { header: t(lang, "report.column.currency"), kind: "text", width: 9 },
    { header: t(lang, "report.column.sales-rep"), kind: "text", width: 12 },
    { header: t(lang, "collections.column.stage"), kind: "integer", width: 9 },
    { header: t(lang, "collections.column.action"), kind: "text", width: 18 },
    { header: t(lang, "collections.column.overdue"), kind: "money", width: 14 },
    { header: t(lang, "collections.column.disputed"), kind: "money", width: 14 },
    { header: t(lang, "collections.column.promised"), kind: "money", width: 14 },
    { header: t(lang, "collections.column.chase"), kind: "money", width: 14 },
    { header: t(lang, "collections.column.oldest"), kind: "integer", width: 10 },
    { header: t(lang, "collections.column.score"), kind: "integer", width: 12 },
    { header: t(lang, "collections.column.credit"), kind: "text", width: 12 },
    { header: t(lang, "collections.column.lastContact"), kind: "date", width: 12 },
    { header: t(lang, "collections.column.nextDate"), kind: "date", width: 12 },
    { header: t(lang, "collections.column.broken"), kind: "integer", width: 9 },
    { header: t(lang, "collections.column.email"), kind: "text", width: 20 },
    { header: t(lang, "collections.column.phone"), kind: "text", width: 14 },
  ];
  const width = specs.length;
  const cells: SheetValue[][] = [
    pad([t(lang, "collections.sheet.title")], width),
    pad([t(lang, "report.as-of", { date: isoFromSerial(report.asOf) })], width),
    pad([t(lang, "collections.sheet.rules", { currency: report.worklist.reportCurrency ?? "" })], width),
    pad([], width),
  ];
  const headerRow = cells.length;
  cells.push(specs.map((s) => s.header));
  // Each customer's row is made where the worklist visits it (account order) and put at its rank.
  const count = report.worklist.rows.length;
  const rowAtRank = new Array<SheetValue[]>(count);
  const currencyAtRank = new Array<string>(count);
  const staged = new Uint8Array(count);
  const totals = new Map<string, { overdue: number; disputed: number; promised: number; chase: number }>();
  report.worklist.eachCustomer((c, rank) => {
    rowAtRank[rank] = customerRow(c, lang);
    currencyAtRank[rank] = c.currency;
    if (c.stage === null) return;
    staged[rank] = 1;
    const total = totals.get(c.currency) ?? { overdue: 0, disputed: 0, promised: 0, chase: 0 };
    total.overdue += c.overdue;
    total.disputed += c.disputed;
    total.promised += c.promised;
    total.chase += c.chase;
    totals.set(c.currency, total);
  });
  const rowCurrencies: string[] = [];
  const unstaged: number[] = [];
  for (let rank = 0; rank < count; rank++) {
    if (staged[rank] === 0) unstaged.push(rank);
    else {
      cells.push(rowAtRank[rank]!);
      rowCurrencies.push(currencyAtRank[rank]!);
    }
  }
  const dataEnd = cells.length;

  const totalCurrencies = [...totals.keys()].sort();
  for (const currency of totalCurrencies) {
    const total = totals.get(currency)!;
    if (total.chase + total.disputed + total.promised !== total.overdue) throw new Error(`Collections sheet: ${currency} does not tie`);
    const m = (v: number): number => major(v, currency);
    cells.push(
      pad(
        [null, t(lang, "report.total"), currency, null, null, null, m(total.overdue), m(total.disputed), m(total.promised), m(total.chase)],
        width,
      ),
    );
  }
  const totalsEnd = cells.length;
  const currencies = [...new Set(currencyAtRank)].sort();
  const formats: FormatRange[] = baseFormats(width, headerRow, dataEnd, totalsEnd);
  formats.push({ range: { row: 2, col: 0, rowCount: 1, colCount: 1 }, italic: true });
  formats.push(...tableCurrencyFormats({ headerRow, dataEnd, rowCurrencies, totalCurrencies }, MONEY_COLUMNS, currencies));

  // Sections below the worklist: same columns, formatted by ranges (column formats cover the worklist only).
  const section = (title: string): void => {
    cells.push(pad([], width));
    formats.push({ range: { row: cells.length, col: 0, rowCount: 1, colCount: width }, bold: true });
    cells.push(pad([title], width));
  };
  const money = sheetMoneyFormat(currencies);
  section(t(lang, "collections.sheet.noStage"));
  if (unstaged.length === 0) cells.push(pad([t(lang, "collections.sheet.none")], width));
  else {
    const first = cells.length;
    for (const rank of unstaged) cells.push(rowAtRank[rank]!);
    formats.push({
      range: { row: first, col: COL.overdue, rowCount: unstaged.length, colCount: MONEY_COLUMNS.length },
      numberFormat: money,
    });
    formats.push({ range: { row: first, col: COL.lastContact, rowCount: unstaged.length, colCount: 2 }, numberFormat: DATE_FORMAT });
    formats.push(
      ...currencyRowFormats(
        unstaged.map((rank) => currencyAtRank[rank]!),
        first,
        MONEY_COLUMNS,
        currencies,
      ),
    );
  }
  section(t(lang, "collections.sheet.warnings"));
  if (report.warnings.length === 0) cells.push(pad([t(lang, "collections.sheet.none")], width));
  else {
    formats.push({ range: { row: cells.length, col: 0, rowCount: 1, colCount: 4 }, bold: true });
    cells.push(
      pad(
        [
          null,
          t(lang, "report.column.customer"),
          t(lang, "report.column.currency"),
          t(lang, "collections.column.rule"),
          null,
          t(lang, "collections.column.warning"),
        ],
        width,
      ),
    );
    for (const w of report.warnings)
      cells.push(pad([null, w.customer, w.currency, t(lang, `collections.rule.${w.rule}`), null, warningText(w, lang)], width));
  }

  const columns = specs.map((s) => columnOf(s, money));
  columns[COL.score]!.numberFormat = "#,##0";
  fitTextWidths(columns, cells, headerRow);
  columns[COL.action]!.width = Math.min(columns[COL.action]!.width, 34);
  const sheet = sheetModel(
    "collections",
    t(lang, "collections.sheet.name", { period: reportPeriod(report.asOf) }),
    cells,
    headerRow,
    dataEnd,
    totalsEnd,
    columns,
    formats,
    {
      filter: true,
      freezeCols: 2,
    },
  );
  sheet.highlights = stageHighlights(headerRow + 1, dataEnd);
  return sheet;
}

/** Stage 4 and up, and broken promises, in red on the worklist rows. */
function stageHighlights(first: number, end: number): ConditionalHighlight[] {
  if (end <= first) return [];
  const rows = end - first;
  return [
    {
      range: { row: first, col: COL.stage, rowCount: rows, colCount: 1 },
      rule: { type: "cellValue", operator: "greaterThanOrEqual", value: 4 },
      fill: LATE_FILL,
      fontColor: LATE_FONT,
    },
    {
      range: { row: first, col: COL.broken, rowCount: rows, colCount: 1 },
      rule: { type: "cellValue", operator: "greaterThan", value: 0 },
      fill: LATE_FILL,
      fontColor: LATE_FONT,
    },
  ];
}

/** Widest line of a letter paragraph on the printed page, in Excel width units (CJK counts 2). */
const LINE_WIDTH = 96;

/**
 * Breaks a paragraph into lines of at most `width` units: at spaces for Latin text, anywhere
 * between CJK characters; existing line breaks are kept.
 *
 * @example
 * wrapText("Dear Acme, this is a reminder", 12) // ["Dear Acme,", "this is a", "reminder"]
 * wrapText("截至二〇二六年十月", 8)                 // ["截至二〇", "二六年十", "月"]
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const raw of text.split("\n")) {
    let line = "";
    let used = 0;
    let lastSpace = -1;
    for (const ch of raw) {
      const w = ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
      if (used + w > width && line !== "") {
        if (lastSpace > 0 && w === 1 && ch !== " ") {
          lines.push(line.slice(0, lastSpace).trimEnd());
          line = line.slice(lastSpace + 1);
        } else {
          lines.push(line.trimEnd());
          line = "";
        }
        used = [...line].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
        lastSpace = -1;
        if (ch === " ") continue;
      }
      if (ch === " ") lastSpace = line.length;
      line += ch;
      used += w;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/**
 * The print-ready letters sheet: one letter after another, each starting on a new page
 * (portrait, one page wide, page numbers in the footer): subject, paragraphs, the items table
 * (invoice, date, due, days, open, disputed/promised mark), the amounts block, the closing.
 *
 * @example
 * lettersSheet(letters, asOf, "en-US").page?.rowBreaks.length // letters.length - 1
 */
export function lettersSheet(letters: readonly Letter[], asOf: number, lang: Lang): SheetModel {
  const width = 6;
  const cells: SheetValue[][] = [];
  const formats: FormatRange[] = [];
  const pageBreaks: number[] = [];
  const text = (value: string): void => {
    for (const line of wrapText(value, LINE_WIDTH)) cells.push(pad([line], width));
  };
  for (const letter of letters) {
    if (cells.length > 0) pageBreaks.push(cells.length);
    const decimals = currencyDecimals(letter.currency);
    formats.push({ range: { row: cells.length, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 12 });
    cells.push(pad([t(lang, "collections.letters.subject", { subject: letter.subject })], width));
    cells.push(pad([], width));
    for (const p of letter.before) {
      text(p);
      cells.push(pad([], width));
    }
    const [header, ...rows] = letterItemRows(letter);
    formats.push({ range: { row: cells.length, col: 0, rowCount: 1, colCount: width }, bold: true, borderTop: true });
    cells.push(header!);
    const first = cells.length;
    letter.items.forEach((item, k) => {
      const row = rows[k]!;
      cells.push([
        item.number,
        item.invoiceDate === NO_DATE ? null : item.invoiceDate,
        item.dueDate === NO_DATE ? null : item.dueDate,
        item.daysOverdue,
        fromMinor(item.open, decimals),
        row[5] === "" ? null : row[5]!,
      ]);
    });
    if (letter.items.length > 0) {
      formats.push({ range: { row: first, col: 1, rowCount: letter.items.length, colCount: 2 }, numberFormat: DATE_FORMAT });
      formats.push({ range: { row: first, col: 4, rowCount: letter.items.length, colCount: 1 }, numberFormat: moneyFormat(decimals) });
    }
    cells.push(pad([], width));
    const amounts: [string, number][] = [
      ["collections.letters.asked", letter.asked],
      ["collections.letters.overdue", letter.overdue],
      ["collections.letters.interest", letter.interest],
      ["collections.letters.fee", letter.fee],
      ["collections.letters.total", letter.total],
    ];
    const block = cells.length;
    for (const [id, amount] of amounts) cells.push([t(lang, id), null, null, letter.currency, fromMinor(amount, decimals), null]);
    formats.push({ range: { row: block, col: 4, rowCount: amounts.length, colCount: 1 }, numberFormat: moneyFormat(decimals) });
    formats.push({ range: { row: block + amounts.length - 1, col: 0, rowCount: 1, colCount: width }, bold: true, borderTop: true });
    cells.push(pad([], width));
    for (const p of letter.after) {
      text(p);
      cells.push(pad([], width));
    }
  }
  if (cells.length === 0) cells.push(pad([t(lang, "collections.sheet.none")], width));
  const columns = [
    { width: 16, numberFormat: "General", isText: true },
    { width: 12, numberFormat: "General", isText: false },
    { width: 12, numberFormat: "General", isText: false },
    { width: 9, numberFormat: "0", isText: false },
    { width: 15, numberFormat: "General", isText: false },
    { width: 14, numberFormat: "General", isText: true },
  ];
  const sheet = sheetModel(
    "letters",
    t(lang, "collections.letters.sheet", { period: reportPeriod(asOf) }),
    cells,
    0,
    cells.length,
    cells.length,
    columns,
    formats,
    { filter: false, fitHeader: false },
  );
  sheet.freeze = { rows: 0, cols: 0 };
  // A4 in China, Letter in the US, as the statements print.
  sheet.page = {
    orientation: "portrait",
    paper: lang === "zh-CN" ? "A4" : "Letter",
    fitToWidth: true,
    printTitleRows: null,
    footer: t(lang, "collections.letters.footer"),
    rowBreaks: pageBreaks,
  };
  return sheet;
}

/** One customer of the JSON; amounts in major units, dates ISO. */
export interface CollectionsJsonCustomer {
  customer: string;
  currency: string;
  overdue: number;
  chase: number;
  disputed: number;
  promised: number;
  oldestDaysOverdue: number;
  stage: number | null;
  action: string | null;
  score: number;
  scoreParts: { weighted: number; brokenPromise: number; hold: number; currency: string };
  rank: number;
  salesRep: string | null;
  email: string | null;
  phone: string | null;
  creditStatus: string | null;
  lastContact: string | null;
  nextDate: string | null;
  promises: { date: string; until: string; amount: number; status: string; type: "promise" | "plan"; invoice: string | null }[];
}

/** The JSON of `ar-desk collections` (see the issue's contract). */
export interface CollectionsJson {
  asOf: string;
  stages: { stage: number; fromDays: number; toDays: number | null; action: string }[];
  customers: CollectionsJsonCustomer[];
  warnings: { customer: string; currency: string; rule: string; value: number; threshold: number }[];
  letters: { customer: string; file: string }[];
  issues: Pick<RowIssue, "severity" | "sheet" | "row" | "column" | "value" | "code" | "message">[];
}

const isoOrNull = (serial: number | null): string | null => (serial === null || serial === NO_DATE ? null : isoFromSerial(serial));

/** The worklist's customers as JSON in rank order, each made where the worklist visits it (account order). */
function customersJson(worklist: Worklist, invoiceNumbers: readonly string[]): CollectionsJson["customers"] {
  const customers = new Array<CollectionsJson["customers"][number]>(worklist.rows.length);
  worklist.eachCustomer((c, rank) => {
    const m = (v: number): number => major(v, c.currency);
    customers[rank] = {
      customer: c.customer,
      currency: c.currency,
      overdue: m(c.overdue),
      chase: m(c.chase),
      disputed: m(c.disputed),
      promised: m(c.promised),
      oldestDaysOverdue: c.oldestDaysOverdue,
      stage: c.stage,
      action: c.action,
      score: c.score,
      scoreParts: {
        weighted: c.scoreParts.weighted,
        brokenPromise: c.scoreParts.brokenPromise,
        hold: c.scoreParts.hold,
        currency: c.scoreParts.currency,
      },
      rank: c.rank,
      salesRep: c.salesRep,
      email: c.email,
      phone: c.phone,
      creditStatus: c.creditStatus === null ? null : creditStatusLabel(c.creditStatus, "en-US"),
      lastContact: isoOrNull(c.lastContact),
      nextDate: isoOrNull(c.nextDate),
      promises: c.promises.map((p) => ({
        date: isoFromSerial(p.entry.date),
        until: isoFromSerial(p.entry.until),
        amount: major(p.entry.amount ?? 0, p.entry.currency),
        status: p.status,
        type: p.entry.type === "plan" ? ("plan" as const) : ("promise" as const),
        invoice: p.entry.invoice >= 0 ? (invoiceNumbers[p.entry.invoice] ?? null) : null,
      })),
    };
  });
  return customers;
}

/**
 * The collections result as JSON: amounts in major units, dates ISO, `stage` null for a
 * customer with nothing chaseable, credit status in en-US, actions in the report's language.
 *
 * @example
 * toCollectionsJson(report, []).customers[0] // { customer: "Acme", stage: 2, chase: 1200, … }
 */
export function toCollectionsJson(report: CollectionsReport, letters: readonly { customer: string; file: string }[]): CollectionsJson {
  const { worklist, lang } = report;
  const inv = report.aging.book.invoices;
  return {
    asOf: isoFromSerial(report.asOf),
    stages: worklist.ladder.map((s) => ({ stage: s.stage, fromDays: s.fromDays, toDays: s.toDays, action: s.action[lang] })),
    customers: customersJson(worklist, inv.number),
    warnings: report.warnings.map((w) => ({
      customer: w.customer,
      currency: w.currency,
      rule: w.rule,
      value: w.value,
      threshold: w.threshold,
    })),
    letters: [...letters],
    issues: report.issues.map(agingJsonIssue),
  };
}
