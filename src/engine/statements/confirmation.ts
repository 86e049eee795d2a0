/**
 * The balance confirmation (询证函 / 余额确认函): the standard audit confirmation letter stating a
 * customer's balance at a date and asking them to agree or state their figure, with a reply
 * section and signature / stamp lines. Described once here; the sheet and PDF renderers lay it out.
 */
import type { Lang } from "../types";
import { isoFromSerial } from "../dates";
import { formatMoney } from "../money";
import { t } from "../../i18n";
import type { CompanyInfo } from "./company";
import type { Statement } from "./types";

/** The letter's text, in reading order. */
export interface ConfirmationContent {
  title: string;
  /** "To: Acme Corp" / "Acme Corp：". */
  addressee: string;
  /** Paragraphs before the balance. */
  intro: string[];
  /** The balance stated in words, and as a labelled figure. */
  balanceSentence: string;
  balanceLabel: string;
  /** Minor units of `currency`; positive = the customer owes us. */
  balance: number;
  currency: string;
  /** Paragraph after the balance. */
  closingNote: string;
  /** Sender's sign-off: company, signature/stamp and date. */
  sender: string[];
  /** The reply section the customer fills in. */
  replyHeading: string;
  replyLines: string[];
}

/**
 * The confirmation letter of one statement's balance at its closing date `to`.
 *
 * @example
 * const letter = confirmationContent(statement, { name: "Contoso Ltd" }, 46326, "zh-CN");
 * letter.title            // "企业询证函"
 * letter.balanceSentence  // "截至 2026-10-31，贵公司尚欠本公司 1,250.00 USD。"
 */
export function confirmationContent(statement: Statement, company: CompanyInfo, to: number, lang: Lang): ConfirmationContent {
  const date = isoFromSerial(to);
  const balance = statement.closing;
  const amount = formatMoney(Math.abs(balance), statement.currency, lang);
  const sentence = balance > 0 ? "confirmation.balance.owed" : balance < 0 ? "confirmation.balance.credit" : "confirmation.balance.zero";
  return {
    title: t(lang, "confirmation.title"),
    addressee: t(lang, "confirmation.to", { customer: statement.customer }),
    intro: [t(lang, "confirmation.intro", { date })],
    balanceSentence: t(lang, sentence, { date, amount }),
    balanceLabel: t(lang, "confirmation.balance.label", { date }),
    balance,
    currency: statement.currency,
    closingNote: t(lang, "confirmation.notPayment"),
    sender: [t(lang, "confirmation.sender", { company: company.name }), t(lang, "confirmation.date", { date })],
    replyHeading: t(lang, "confirmation.reply"),
    replyLines: [
      t(lang, "confirmation.agree"),
      t(lang, "confirmation.disagree"),
      t(lang, "confirmation.reason"),
      t(lang, "confirmation.signature"),
      t(lang, "confirmation.name"),
      t(lang, "confirmation.stamp"),
      t(lang, "confirmation.replyDate"),
    ],
  };
}
