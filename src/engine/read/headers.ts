/**
 * Header recognition: which field of which role a column heading names, from English and
 * Chinese synonym lists that include the headings of common ERP and bookkeeping exports
 * (SAP FBL5N, NetSuite, QuickBooks, Xero, 用友 U8/YonSuite, 金蝶 K/3 Cloud).
 *
 * Strategy, in decreasing confidence:
 * 1. the normalised heading equals a synonym (1.0; 0.8 for generic words such as "Date");
 * 2. equal once a trailing number marker is removed ("Inv No" / "Inv #" / "Inv Number" all
 *    become "inv"; "发票号码" / "发票编号" become "发票") (0.9; generic 0.7);
 * 3. the heading contains a synonym ("Invoice Amount (USD)"): 0.4 + 0.4 × the share of the
 *    heading the synonym covers, times 0.8 for generic words; kept only from 0.5 up.
 */
import type { CellValue, Field, Role } from "../types";
import { normalizeHeader } from "./normalize";

/** One recognised meaning of a heading. */
export interface HeaderMatch {
  role: Role;
  field: Field;
  /** 0..1 */
  confidence: number;
}

/**
 * The English headings of a customer's name that every table with a customer column shares,
 * the ledgers' and the sales-order table's alike.
 */
export const CUSTOMER_NAME_HEADINGS: readonly string[] = ["Customer", "Customer Name", "Client", "Client Name", "Account", "Account Name"];

/** Headings of the customer's name in every table (each role adds its own: "Sold To", "Payer", "Company"). */
const CUSTOMER_HEADINGS = [
  ...CUSTOMER_NAME_HEADINGS,
  "Debtor",
  "Name",
  "Contact",
  "客户",
  "客户名称",
  "客户名",
  "单位名称",
  "往来单位",
  "客商",
];
/** Headings of the currency code in every table. */
const CURRENCY_HEADINGS = ["Currency", "Curr", "Ccy", "Crcy", "Currency Code", "币种", "币别", "货币"];
/** Headings of the payment terms (invoices and customers). */
const TERMS_HEADINGS = ["Terms", "Payment Terms", "Terms of Payment", "Credit Terms", "付款条件", "账期", "结算方式", "收款条件", "信用期"];
/** Headings of the sales rep (invoices and customers). */
const SALES_REP_HEADINGS = [
  "Sales Rep",
  "Salesperson",
  "Sales Person",
  "Salesman",
  "Sales Representative",
  "Rep",
  "Account Manager",
  "Account Owner",
  "业务员",
  "销售员",
  "销售代表",
  "销售人员",
  "客户经理",
];

/**
 * Synonyms per role and field, as people write them; they are normalised once at load.
 * Order inside a list does not matter.
 */
export const HEADER_SYNONYMS: { readonly [R in Role]: Readonly<Partial<Record<Field, readonly string[]>>> } = {
  invoices: {
    invoiceNumber: [
      "Invoice",
      "Invoice No",
      "Invoice Number",
      "Invoice ID",
      "Inv #",
      "Inv No",
      "Inv",
      "Num",
      "No",
      "Number",
      "Document No",
      "Document Number",
      "Doc #",
      "Doc No",
      "Bill No",
      "Bill Number",
      "Transaction Number",
      "Trans No",
      "Reference Number",
      "发票号",
      "发票号码",
      "发票编号",
      "单据编号",
      "单据号",
      "单号",
      "发票代码",
    ],
    customer: [
      ...CUSTOMER_HEADINGS,
      "Sold To",
      "Sold To Party",
      "Bill To",
      "Bill To Party",
      "Contact Name",
      "Buyer",
      "Customer Account",
      "客户全称",
      "客户简称",
      "购货单位",
      "购买方",
      "购方名称",
    ],
    invoiceDate: [
      "Invoice Date",
      "Date",
      "Doc Date",
      "Document Date",
      "Posting Date",
      "Transaction Date",
      "Tran Date",
      "Bill Date",
      "Issue Date",
      "Inv Date",
      "开票日期",
      "发票日期",
      "单据日期",
      "日期",
      "业务日期",
      "记账日期",
    ],
    dueDate: [
      "Due",
      "Due Date",
      "Net Due",
      "Net Due Date",
      "Payment Due",
      "Payment Due Date",
      "Due On",
      "Date Due",
      "到期日",
      "到期日期",
      "应收日期",
      "收款到期日",
      "付款到期日",
    ],
    terms: [...TERMS_HEADINGS, "Pay Terms", "Term", "付款期限"],
    amount: [
      "Amount",
      "Amt",
      "Total",
      "Invoice Amount",
      "Invoice Amt",
      "Gross",
      "Gross Amount",
      "Invoice Total",
      "Total Amount",
      "Original Amount",
      "Orig Amount",
      "Amount in Doc Curr",
      "Amount in Document Currency",
      "Amount in Local Currency",
      "Document Amount",
      "金额",
      "发票金额",
      "价税合计",
      "含税金额",
      "应收金额",
      "原币金额",
      "本币金额",
      "金额合计",
      "总金额",
      "开票金额",
    ],
    currency: [...CURRENCY_HEADINGS, "Document Currency", "Doc Curr", "币种名称"],
    salesRep: [...SALES_REP_HEADINGS, "Sales Employee"],
    documentType: [
      "Type",
      "Doc Type",
      "Document Type",
      "Transaction Type",
      "Tran Type",
      "Invoice Type",
      "单据类型",
      "类型",
      "发票类型",
      "业务类型",
    ],
    reference: [
      "Reference",
      "Applies To",
      "Applied To",
      "Original Invoice",
      "Orig Invoice",
      "Ref",
      "Against Invoice",
      "原发票号",
      "关联发票",
      "原单号",
      "原始发票",
    ],
    openAmount: [
      "Open Amount",
      "Open Balance",
      "Balance",
      "Balance Due",
      "Amount Due",
      "Amount Remaining",
      "Amount Open",
      "Outstanding",
      "Outstanding Amount",
      "Remaining",
      "Residual",
      "未收金额",
      "余额",
      "未结金额",
      "未核销金额",
      "未收款金额",
      "原币余额",
      "剩余金额",
      "应收余额",
    ],
    status: ["Status", "Dispute", "Disputed", "Dispute Status", "状态", "争议", "争议状态"],
    po: ["PO", "PO Number", "Customer PO", "Purchase Order", "Purchase Order No", "采购单号", "订单号", "客户订单号"],
    description: [
      "Description",
      "Memo",
      "Notes",
      "Note",
      "Text",
      "Comment",
      "Comments",
      "Remarks",
      "Memo Description",
      "摘要",
      "备注",
      "说明",
    ],
  },
  payments: {
    paymentReference: [
      "Payment",
      "Payment No",
      "Payment Number",
      "Payment Ref",
      "Payment ID",
      "Receipt",
      "Receipt No",
      "Receipt Number",
      "Reference",
      "Ref",
      "Check No",
      "Cheque No",
      "Transaction ID",
      "Document No",
      "No",
      "Num",
      "收款单号",
      "回款单号",
      "流水号",
      "收款单编号",
      "单据编号",
      "银行流水号",
      "凭证号",
    ],
    customer: [...CUSTOMER_HEADINGS, "Payer", "Received From", "Customer Account", "付款单位", "付款方", "付款人"],
    paymentDate: [
      "Payment Date",
      "Date",
      "Receipt Date",
      "Received Date",
      "Date Received",
      "Deposit Date",
      "Value Date",
      "Posting Date",
      "Transaction Date",
      "收款日期",
      "回款日期",
      "到账日期",
      "入账日期",
      "日期",
      "业务日期",
      "收款时间",
    ],
    amount: [
      "Amount",
      "Amt",
      "Amount Received",
      "Receipt Amount",
      "Payment Amount",
      "Amount Paid",
      "Paid Amount",
      "Received",
      "Total",
      "收款金额",
      "回款金额",
      "金额",
      "实收金额",
      "到账金额",
      "本次收款",
    ],
    invoiceNumber: [
      "Invoice",
      "Invoice No",
      "Invoice Number",
      "Applied To",
      "Apply To",
      "Invoice Ref",
      "Applied Invoice",
      "For Invoice",
      "Inv No",
      "发票号",
      "核销发票",
      "发票号码",
      "对应发票",
      "核销单号",
      "源单编号",
    ],
    currency: CURRENCY_HEADINGS,
  },
  customers: {
    customer: [...CUSTOMER_HEADINGS, "Company", "Company Name", "Contact Name", "客户全称", "客户简称"],
    creditLimit: [
      "Credit Limit",
      "Limit",
      "Credit Line",
      "Credit Amount",
      "Max Credit",
      "Credit Limit Amount",
      "信用额度",
      "授信额度",
      "信用限额",
      "额度",
    ],
    currency: CURRENCY_HEADINGS,
    terms: TERMS_HEADINGS,
    salesRep: SALES_REP_HEADINGS,
    // A credit group shares one limit, so only headings that mean a parent or a credit group
    // count; a plain "Group" is a segment (below) and never merges limits.
    group: [
      "Credit Group",
      "Parent",
      "Parent Account",
      "Parent Customer",
      "Corporate Group",
      "Group Account",
      "集团",
      "母公司",
      "上级客户",
      "所属集团",
      "信用集团",
      "集团客户",
    ],
    segment: [
      "Group",
      "Customer Group",
      "Segment",
      "Customer Segment",
      "Customer Category",
      "Customer Class",
      "客户分组",
      "客户组",
      "分组",
      "客户类别",
      "客户分类",
    ],
    hold: [
      "Hold",
      "Credit Hold",
      "On Hold",
      "Blocked",
      "Block",
      "Credit Block",
      "Order Block",
      "冻结",
      "停止供货",
      "是否冻结",
      "信用冻结",
      "停供",
    ],
  },
};

/** Words that name several things (a date, an amount, a type): they match with less confidence. */
const GENERIC = new Set(
  [
    "Date",
    "日期",
    "Amount",
    "Amt",
    "金额",
    "Total",
    "Type",
    "类型",
    "Reference",
    "Ref",
    "No",
    "Num",
    "Number",
    "Account",
    "Name",
    "Contact",
    "Limit",
    "Status",
    "Group",
    "Parent",
    "Rep",
    "Text",
    "Note",
    "Notes",
    "Remaining",
    "Balance",
    "Received",
    "Term",
    "Block",
    "Payment",
    "Receipt",
    "额度",
    "Gross",
  ].map(normalizeHeader),
);

/** Trailing markers meaning "number of": removed to compare "Inv No" with "Inv #". Longest first. */
const NUMBER_MARKERS = ["number", "num", "nbr", "no", "id", "号码", "编号", "编码", "代码", "号"];

const EXACT = 1;
const EXACT_GENERIC = 0.8;
const BASE = 0.9;
const BASE_GENERIC = 0.7;
const GENERIC_FACTOR = 0.8;
/** Containment below this is noise ("rep" inside "reportingdate"). */
const MIN_CONFIDENCE = 0.5;

/**
 * A heading key without its trailing number marker, or the key itself when it has none or
 * would be left too short to mean anything.
 *
 * @example
 * stripNumberMarker("invoiceno") // "invoice"
 * stripNumberMarker("发票号码")     // "发票"
 * stripNumberMarker("no")        // "no"
 */
export function stripNumberMarker(key: string): string {
  for (const marker of NUMBER_MARKERS) {
    if (key.length >= marker.length + 2 && key.endsWith(marker)) return key.slice(0, key.length - marker.length);
  }
  return key;
}

/** True when a key is long enough for "heading contains it" to mean something. */
function containable(key: string): boolean {
  // A CJK character carries as much as an English word piece of three letters.
  return /[^\x00-\x7f]/.test(key) ? key.length >= 2 : key.length >= 3;
}

interface SynonymEntry {
  role: Role;
  field: Field;
  key: string;
  base: string;
  generic: boolean;
}

const ENTRIES: readonly SynonymEntry[] = buildEntries();

function buildEntries(): SynonymEntry[] {
  const entries: SynonymEntry[] = [];
  for (const role of Object.keys(HEADER_SYNONYMS) as Role[]) {
    const fields = HEADER_SYNONYMS[role];
    for (const field of Object.keys(fields) as Field[]) {
      for (const synonym of fields[field] ?? []) {
        const key = normalizeHeader(synonym);
        entries.push({ role, field, key, base: stripNumberMarker(key), generic: GENERIC.has(key) });
      }
    }
  }
  return entries;
}

/** Confidence that heading `key` (with marker-free `base`) means the synonym `entry`. */
function matchConfidence(key: string, base: string, entry: SynonymEntry): number {
  if (key === entry.key) return entry.generic ? EXACT_GENERIC : EXACT;
  if (base === entry.base && (base !== key || entry.base !== entry.key)) return entry.generic ? BASE_GENERIC : BASE;
  if (key.length > entry.key.length && containable(entry.key) && key.includes(entry.key)) {
    const share = entry.key.length / key.length;
    return (0.4 + 0.4 * share) * (entry.generic ? GENERIC_FACTOR : 1);
  }
  return 0;
}

/**
 * Headings already recognised, by their text: detection asks about each heading once per role,
 * again for competing columns and for each candidate header row, and a heading's matches never
 * change. Bounded, as the texts come from the user's sheets.
 */
const recognised = new Map<string, readonly HeaderMatch[]>();
const MAX_RECOGNISED = 4096;

/**
 * Every (role, field) a column heading may name, best first, one entry per role and field.
 * The list is shared between calls with the same heading: read it, do not change it.
 *
 * @example
 * recognizeHeader("Inv #")
 * // [{ role: "invoices", field: "invoiceNumber", confidence: 0.9 }, { role: "payments", ... }]
 * recognizeHeader("价税合计") // [{ role: "invoices", field: "amount", confidence: 1 }]
 */
export function recognizeHeader(text: CellValue): readonly HeaderMatch[] {
  if (typeof text !== "string") return matchHeader(text);
  let matches = recognised.get(text);
  if (matches === undefined) {
    if (recognised.size >= MAX_RECOGNISED) recognised.clear();
    matches = Object.freeze(matchHeader(text));
    recognised.set(text, matches);
  }
  return matches;
}

function matchHeader(text: CellValue): HeaderMatch[] {
  const key = normalizeHeader(text);
  if (key === "") return [];
  const base = stripNumberMarker(key);
  const best = new Map<string, HeaderMatch>();
  for (const entry of ENTRIES) {
    const confidence = matchConfidence(key, base, entry);
    if (confidence < MIN_CONFIDENCE) continue;
    const id = entry.role + "." + entry.field;
    const previous = best.get(id);
    if (!previous || previous.confidence < confidence) {
      best.set(id, { role: entry.role, field: entry.field, confidence: Math.round(confidence * 1000) / 1000 });
    }
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}
