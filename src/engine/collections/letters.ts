/**
 * Collection letters (催款函): one per customer from its stage's template, with merge fields,
 * the items table, the amount asked (= chase), the total overdue, interest and fee where a
 * late-fee rate is set (the same rule as AR.LATEFEE, per item on its chaseable part), and the
 * remit-to block. Rendered as plain text and HTML (e-mail) and as rows of a print sheet.
 *
 * Merge fields of a template: {customer}, {asOf}, {currency}, {amount} (asked), {overdue},
 * {interest}, {fee}, {total} (asked + interest + fee), {action}, {stage}, {remitTo} and
 * {items} (on a line of its own: the items table goes there).
 */
import type { AgingReport } from "../aging";
import { currencyDecimals } from "../currency";
import { isoFromSerial } from "../dates";
// engine/functions, spelled from src/ so the lint rule against src/functions ("../functions/*") does not mistake it.
import { lateFee } from "../../engine/functions/lateFee";
import { formatMoney, toMinor } from "../money";
import type { Lang } from "../types";
import { NO_DATE } from "../types";
import { customerItems, type CollectionCustomer, type CollectionItem, type Worklist } from "./worklist";

/** A letter template: subject and body with merge fields; paragraphs separated by blank lines. */
export interface LetterTemplate {
  subject: string;
  body: string;
}

/** Templates by language and stage ("0" … ); a stage without one uses the nearest lower stage's. */
export type LetterTemplates = Record<Lang, Record<string, LetterTemplate>>;

/** Late fee terms: an annual rate (0.18 = 18 %) and a fixed fee per overdue item in major units. */
export interface LateFeeTerms {
  annualRate: number;
  fixedFee: number;
}

/** Options of {@link buildLetters}. */
export interface LetterOptions {
  lang: Lang;
  templates?: LetterTemplates;
  lateFee?: LateFeeTerms | null;
  /** Remit-to lines (bank, account, address), as the user typed them. */
  remitTo?: readonly string[];
}

const EN_REMINDER: LetterTemplate = {
  subject: "Payment reminder: {customer}, {amount} {currency} falling due",
  body: "Dear {customer},\n\nThis is a friendly reminder that the invoices below fall due shortly. As of {asOf}, {amount} {currency} is open for payment.\n\n{items}\n\nPlease arrange payment by the due dates to:\n{remitTo}\n\nThank you for your business.",
};
const EN_NOTICE: LetterTemplate = {
  subject: "Overdue account {customer}: {amount} {currency} past due",
  body: "Dear {customer},\n\nOur records show that as of {asOf} the invoices below are past due. We ask you to pay {amount} {currency} now (total overdue {overdue} {currency}).\n\n{items}\n\nInterest {interest} {currency} and fees {fee} {currency} apply; amount due {total} {currency}.\n\nPlease remit to:\n{remitTo}\n\nIf you have already paid, please disregard this letter and send us the remittance details.",
};
const EN_FINAL: LetterTemplate = {
  subject: "FINAL DEMAND {customer}: {total} {currency}",
  body: "Dear {customer},\n\nDespite our earlier reminders, the invoices below remain unpaid as of {asOf}. This is our final demand for {amount} {currency} (total overdue {overdue} {currency}) plus interest {interest} {currency} and fees {fee} {currency}: {total} {currency}.\n\n{items}\n\nUnless we receive payment within 7 days, we will take further steps ({action}) without further notice.\n\nPlease remit to:\n{remitTo}",
};
const ZH_REMINDER: LetterTemplate = {
  subject: "到期提醒：{customer} 即将到期款项 {amount} {currency}",
  body: "{customer}：\n\n您好！截至 {asOf}，以下发票即将到期，待付金额 {amount} {currency}。\n\n{items}\n\n请于到期日前付款至：\n{remitTo}\n\n感谢您的合作。",
};
const ZH_NOTICE: LetterTemplate = {
  subject: "催款函：{customer} 逾期款项 {amount} {currency}",
  body: "{customer}：\n\n截至 {asOf}，贵司以下发票已逾期。请即支付 {amount} {currency}（逾期合计 {overdue} {currency}）。\n\n{items}\n\n逾期利息 {interest} {currency}，费用 {fee} {currency}；应付合计 {total} {currency}。\n\n请汇款至：\n{remitTo}\n\n如已付款，请忽略本函并告知付款信息。",
};
const ZH_FINAL: LetterTemplate = {
  subject: "最后催款通知：{customer} 应付 {total} {currency}",
  body: "{customer}：\n\n经我司多次催告，截至 {asOf} 以下发票仍未支付。现正式要求贵司支付 {amount} {currency}（逾期合计 {overdue} {currency}），另加逾期利息 {interest} {currency} 及费用 {fee} {currency}，合计 {total} {currency}。\n\n{items}\n\n如七日内仍未付款，我司将采取进一步措施（{action}），恕不另行通知。\n\n请汇款至：\n{remitTo}",
};

/** The default templates: a reminder (stage 0), a notice (1–3) and a final demand (4 and up). */
export const DEFAULT_LETTER_TEMPLATES: Readonly<LetterTemplates> = {
  "en-US": { "0": EN_REMINDER, "1": EN_NOTICE, "4": EN_FINAL },
  "zh-CN": { "0": ZH_REMINDER, "1": ZH_NOTICE, "4": ZH_FINAL },
};

/**
 * The template of a stage: the stage's own, else the nearest lower stage's, else the lowest.
 *
 * @example
 * templateFor(DEFAULT_LETTER_TEMPLATES, "en-US", 2).subject // "Overdue account {customer}: …"
 */
export function templateFor(templates: Readonly<LetterTemplates>, lang: Lang, stage: number): LetterTemplate {
  const own = templates[lang] ?? DEFAULT_LETTER_TEMPLATES[lang];
  const stages = Object.keys(own)
    .map(Number)
    .filter(Number.isInteger)
    .sort((a, b) => a - b);
  let chosen = stages[0];
  for (const s of stages) if (s <= stage) chosen = s;
  return own[String(chosen)] ?? templateFor(DEFAULT_LETTER_TEMPLATES, lang, stage);
}

/** How an item is marked in a letter. */
export type ItemMark = "disputed" | "promised" | "partly-promised" | null;

/** One row of a letter's items table. Money in minor units. */
export interface LetterItem extends CollectionItem {
  mark: ItemMark;
  interest: number;
  fee: number;
}

/** One letter, ready to render. Money in minor units of `currency`. */
export interface Letter {
  customerIndex: number;
  customer: string;
  currency: string;
  email: string | null;
  stage: number;
  lang: Lang;
  subject: string;
  /** Paragraphs before and after the items table, merged. */
  before: string[];
  after: string[];
  items: LetterItem[];
  asked: number;
  overdue: number;
  interest: number;
  fee: number;
  /** asked + interest + fee. */
  total: number;
}

/** Fills `{name}` fields; unknown names stay as written so a typo shows in the letter. */
function merge(template: string, fields: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => fields[name] ?? whole);
}

/** Amount as the letter writes it: grouped digits, the currency's decimals, no code. */
function amountText(minor: number, currency: string, lang: Lang): string {
  return formatMoney(minor, currency, lang).replace(/ [A-Z]{3}$/, "");
}

/**
 * The letters of the worklist's customers that have a stage (something to chase or remind of),
 * in rank order; `only` restricts them to some customers (names as in the worklist).
 *
 * @example
 * const [first] = buildLetters(aging, list, { lang: "en-US", lateFee: { annualRate: 0.18, fixedFee: 25 } });
 * first.total === first.asked + first.interest + first.fee // true
 */
export function buildLetters(aging: AgingReport, list: Worklist, options: LetterOptions, only?: ReadonlySet<string>): Letter[] {
  // Each letter is made where the worklist visits its customer (account order) and put at its rank.
  const byRank = new Array<Letter | undefined>(list.rows.length);
  list.eachCustomer((customer, rank) => {
    if (customer.stage === null || (only && !only.has(customer.customer))) return;
    byRank[rank] = letterOf(aging, list, customer, options);
  });
  return byRank.filter((letter): letter is Letter => letter !== undefined);
}

function letterOf(aging: AgingReport, list: Worklist, customer: CollectionCustomer, options: LetterOptions): Letter {
  const { lang } = options;
  const currency = customer.currency;
  const decimals = currencyDecimals(currency);
  const fixedMinor = options.lateFee ? toMinor(options.lateFee.fixedFee, decimals) : 0;
  let interest = 0;
  let fee = 0;
  const items: LetterItem[] = customerItems(aging, list, customer)
    .filter((item) => item.daysOverdue >= (list.ladder[0]?.fromDays ?? 0))
    .map((item) => {
      const mark: ItemMark = item.disputed > 0 ? "disputed" : item.promised > 0 ? (item.chase > 0 ? "partly-promised" : "promised") : null;
      let itemInterest = 0;
      let itemFee = 0;
      if (options.lateFee && item.chase > 0 && item.daysOverdue > 0) {
        itemInterest = lateFee(item.chase, item.daysOverdue, options.lateFee.annualRate, 0);
        itemFee = lateFee(item.chase, item.daysOverdue, options.lateFee.annualRate, fixedMinor) - itemInterest;
      }
      interest += itemInterest;
      fee += itemFee;
      return { ...item, mark, interest: itemInterest, fee: itemFee };
    });
  // Asked: the chaseable overdue amount, or for a stage-0 reminder what falls due shortly.
  const asked = customer.chase > 0 ? customer.chase : items.reduce((sum, item) => sum + (item.daysOverdue <= 0 ? item.chase : 0), 0);
  const total = asked + interest + fee;
  const money = (minor: number): string => amountText(minor, currency, lang);
  const fields: Record<string, string> = {
    customer: customer.customer,
    asOf: isoFromSerial(aging.asOf),
    currency,
    amount: money(asked),
    overdue: money(customer.overdue),
    interest: money(interest),
    fee: money(fee),
    total: money(total),
    action: customer.action ?? "",
    stage: String(customer.stage),
    remitTo: (options.remitTo ?? []).join("\n"),
  };
  const template = templateFor(options.templates ?? DEFAULT_LETTER_TEMPLATES, lang, customer.stage ?? 0);
  const paragraphs = template.body.split(/\n\s*\n/);
  const at = paragraphs.findIndex((p) => p.trim() === "{items}");
  const mergeAll = (ps: string[]): string[] => ps.map((p) => merge(p, fields)).filter((p) => p.trim() !== "");
  return {
    customerIndex: customer.customerIndex,
    customer: customer.customer,
    currency,
    email: customer.email,
    stage: customer.stage ?? 0,
    lang,
    subject: merge(template.subject, fields),
    before: mergeAll(at < 0 ? paragraphs : paragraphs.slice(0, at)),
    after: mergeAll(at < 0 ? [] : paragraphs.slice(at + 1)),
    items,
    asked,
    overdue: customer.overdue,
    interest,
    fee,
    total,
  };
}

/** Column headings and marks of the items table, per language (letters are data, not UI). */
const ITEM_WORDS: Record<Lang, { header: string[]; marks: Record<Exclude<ItemMark, null>, string> }> = {
  "en-US": {
    header: ["Invoice", "Date", "Due", "Days", "Open", "Note"],
    marks: { disputed: "disputed", promised: "promised", "partly-promised": "partly promised" },
  },
  "zh-CN": {
    header: ["发票号", "开票日期", "到期日", "逾期天数", "未付金额", "说明"],
    marks: { disputed: "有争议", promised: "已承诺", "partly-promised": "部分承诺" },
  },
};

/** The items table's rows as text cells: heading row first. */
export function letterItemRows(letter: Letter): string[][] {
  const words = ITEM_WORDS[letter.lang];
  const date = (serial: number): string => (serial === NO_DATE ? "" : isoFromSerial(serial));
  return [
    words.header,
    ...letter.items.map((item) => [
      item.number,
      date(item.invoiceDate),
      date(item.dueDate),
      String(item.daysOverdue),
      amountText(item.open, letter.currency, letter.lang),
      item.mark === null ? "" : words.marks[item.mark],
    ]),
  ];
}

/**
 * The letter as plain text (the e-mail's text part, the clipboard's text).
 *
 * @example
 * letterText(letter).includes(letter.subject) // false: the subject is the e-mail's header
 */
export function letterText(letter: Letter): string {
  const rows = letterItemRows(letter);
  const width = (text: string): number => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ""))));
  const numeric = new Set([3, 4]);
  const table = rows
    .map((r) =>
      r
        .map((cell, c) => {
          const fill = " ".repeat(widths[c]! - width(cell));
          return numeric.has(c) ? fill + cell : cell + fill;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
  return [...letter.before, table, ...letter.after].join("\n\n") + "\n";
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The letter as an HTML fragment (the e-mail's HTML part, the clipboard's HTML): paragraphs and
 * a bordered items table; every text from data is escaped.
 */
export function letterHtml(letter: Letter): string {
  const rows = letterItemRows(letter);
  const paragraph = (p: string): string => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`;
  const cell = (tag: "th" | "td", text: string, right: boolean): string =>
    `<${tag} style="border:1px solid #999;padding:2px 6px;text-align:${right ? "right" : "left"}">${escapeHtml(text)}</${tag}>`;
  const table = [
    '<table style="border-collapse:collapse">',
    `<tr>${rows[0]!.map((h, c) => cell("th", h, c === 3 || c === 4)).join("")}</tr>`,
    ...rows.slice(1).map((r) => `<tr>${r.map((v, c) => cell("td", v, c === 3 || c === 4)).join("")}</tr>`),
    "</table>",
  ].join("\n");
  const lang = letter.lang === "zh-CN" ? "zh-CN" : "en";
  return `<div lang="${lang}">\n${letter.before.map(paragraph).join("\n")}\n${table}\n${letter.after.map(paragraph).join("\n")}\n</div>\n`;
}
