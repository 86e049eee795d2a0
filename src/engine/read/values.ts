/**
 * Small classifiers for cell texts that are not money or dates: total-row labels, document
 * types (invoice or credit note) and credit-hold flags. Each works on normalizeHeader keys, so
 * case, width, spaces and punctuation never matter ("Grand Total:" = "grandtotal").
 */
import type { CellValue } from "../types";
import { codeUnit, normalizeHeader } from "./normalize";

/** Labels of total rows, as whole cell texts. */
const TOTAL_LABELS = new Set(
  [
    "Total",
    "Totals",
    "Grand Total",
    "Subtotal",
    "Sub Total",
    "Sum",
    "Total Amount",
    "Report Total",
    "合计",
    "总计",
    "小计",
    "总合计",
    "本页合计",
    "本月合计",
    "本年累计",
    "累计",
    "合计金额",
    "總計",
    "合計",
    "小計",
  ].map(normalizeHeader),
);

/** Prefixes that make a label a total whatever follows ("Total for Acme", "合计：", "小计-华东"). */
const TOTAL_PREFIXES = ["totalfor", "subtotalfor", "合计", "总计", "小计", "合計", "總計", "小計"];

/**
 * First characters of every total label ("t", "g", "s", 合, 总, 小, …). Checked before anything
 * else because this runs on the invoice number of every row.
 */
function mayBeTotal(code: number): boolean {
  return (
    code === 0x74 ||
    code === 0x54 || // t T
    code === 0x67 ||
    code === 0x47 || // g G
    code === 0x73 ||
    code === 0x53 || // s S
    code === 0x72 ||
    code === 0x52 || // r R (Report Total)
    code === 0x5408 ||
    code === 0x603b ||
    code === 0x5c0f || // 合 总 小
    code === 0x672c ||
    code === 0x7d2f ||
    code === 0x7e3d || // 本 累 總
    code === 0x20 ||
    code >= 0xff00 // leading space, full-width forms
  );
}

/**
 * True when a customer-column text labels a total row: a total word on its own ("Total",
 * "Grand Total", "合计"), or "Total for …" / "合计…". A customer name that merely starts
 * with "Total" ("Total Wine & More") is a customer.
 *
 * @example
 * isTotalLabel("Grand Total:")        // true
 * isTotalLabel("Total for Acme Corp") // true
 * isTotalLabel("合计")                 // true
 * isTotalLabel("Total Wine & More")   // false
 */
export function isTotalLabel(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > 120 || !mayBeTotal(codeUnit(text, 0))) return false;
  const key = normalizeHeader(text);
  if (TOTAL_LABELS.has(key)) return true;
  for (const prefix of TOTAL_PREFIXES) if (key.startsWith(prefix)) return true;
  return false;
}

/**
 * True when an invoice-number text labels a total row. Stricter than a customer name allows:
 * no document number starts with the word "Total", so "Total Acme" is a total here.
 *
 * @example
 * isTotalNumber("TOTAL")      // true
 * isTotalNumber("Total Acme") // true
 * isTotalNumber("INV-001")    // false
 * isTotalNumber("T-100")      // false
 */
export function isTotalNumber(text: string): boolean {
  if (text.length === 0 || !mayBeTotal(codeUnit(text, 0))) return false;
  if (isTotalLabel(text)) return true;
  return /^(?:grand|sub)?total/.test(normalizeHeader(text));
}

/**
 * True when any text cell of a row is a total label: catches total rows whose label sits in
 * another column (QuickBooks writes "Total for Acme" in the first column).
 *
 * @example
 * rowHasTotalLabel([null, "Total", null, 1500]) // true
 * rowHasTotalLabel(["INV-1", "Acme", 100])      // false
 */
export function rowHasTotalLabel(cells: readonly (CellValue | undefined)[]): boolean {
  for (const cell of cells) if (typeof cell === "string" && isTotalLabel(cell.trim())) return true;
  return false;
}

/** What a document-type cell says. "bySign": an entry read as invoice or credit by its sign. */
export type DocumentKind = "invoice" | "credit" | "bySign";

const CREDIT_TYPES = new Set(
  [
    "Credit Note",
    "Credit Memo",
    "CN",
    "CM",
    "Credit",
    "Cr Memo",
    "Credit Invoice",
    "Return",
    "Returns",
    "贷项通知单",
    "贷项",
    "贷项凭证",
    "红字发票",
    "红冲",
    "红票",
    "退货",
    "销售退货",
    "貸項通知單",
    "紅字發票",
    // An open-items export lists unapplied payments among the documents; they reduce the balance.
    "DG",
    "Payment",
    "Customer Payment",
    "PMT",
    "DZ",
    "收款",
    "收款单",
  ].map(normalizeHeader),
);

const INVOICE_TYPES = new Set(
  [
    "Invoice",
    "INV",
    "IN",
    "Bill",
    "Sales Invoice",
    "Debit Note",
    "Debit Memo",
    "Debit",
    "DN",
    "DM",
    "DR",
    "RV",
    "Finance Charge",
    "Statement Charge",
    "Tax Invoice",
    // Cash paid back to a customer raises what they owe, as an invoice does.
    "Refund",
    "Customer Refund",
    "退款",
    "退款单",
    "发票",
    "销售发票",
    "蓝字发票",
    "普票",
    "专票",
    "增值税专用发票",
    "增值税普通发票",
    "应收单",
    "其他应收单",
    "借项通知单",
    "發票",
  ].map(normalizeHeader),
);

const BY_SIGN_TYPES = new Set(
  ["Journal Entry", "Journal", "JE", "General Journal", "Adjustment", "Opening Balance", "Balance Forward", "调整", "期初", "期初余额"].map(
    normalizeHeader,
  ),
);

/**
 * Document kind named by a type cell, or null when the text is not one we know (the row is then
 * read by the sign of its amount, with a warning). SAP's DR/RV (invoice) and DG (credit memo)
 * document types are included.
 *
 * @example
 * documentKind("Credit Memo") // "credit"
 * documentKind("红字发票")      // "credit"
 * documentKind("Invoice")     // "invoice"
 * documentKind("Journal Entry") // "bySign"
 * documentKind("banana")      // null
 */
export function documentKind(text: string): DocumentKind | null {
  const key = normalizeHeader(text);
  if (CREDIT_TYPES.has(key)) return "credit";
  if (INVOICE_TYPES.has(key)) return "invoice";
  if (BY_SIGN_TYPES.has(key)) return "bySign";
  return null;
}

const HOLD_TRUE = new Set(
  [
    "Y",
    "Yes",
    "True",
    "T",
    "X",
    "Hold",
    "On Hold",
    "Credit Hold",
    "Blocked",
    "Block",
    "1",
    "是",
    "冻结",
    "已冻结",
    "停供",
    "停止供货",
    "凍結",
  ].map(normalizeHeader),
);
const HOLD_FALSE = new Set(
  ["N", "No", "False", "F", "0", "-", "Active", "Open", "OK", "None", "否", "正常", "未冻结", "不冻结", "无"].map(normalizeHeader),
);

/**
 * Reads a credit-hold cell: true / false, or null when the text means neither. Empty cells are
 * "not on hold".
 *
 * @example
 * holdFlag("Y")    // true
 * holdFlag("冻结") // true
 * holdFlag(true)   // true
 * holdFlag("")     // false
 * holdFlag("maybe") // null
 */
export function holdFlag(cell: CellValue | undefined): boolean | null {
  if (cell === null || cell === undefined) return false;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : null;
  // "-" and other punctuation-only texts normalise to "", which is in HOLD_FALSE.
  const key = normalizeHeader(cell);
  if (HOLD_TRUE.has(key)) return true;
  if (HOLD_FALSE.has(key)) return false;
  return null;
}
