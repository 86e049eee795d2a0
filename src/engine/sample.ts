/**
 * A deterministic, realistic receivables book of any size: customers with credit limits, reps
 * and terms; invoices and credit notes; full, partial, unreferenced and early payments; and,
 * unless asked for a clean book, a few bad rows that the Exceptions sheet should list.
 *
 * Pure (no clock, no Math.random): the CLI's `ar-desk sample` and the add-in's
 * "Insert sample data" produce the same tables for the same options.
 */
import { addDays, endOfMonth, serialFromYmd } from "./dates";
import type { CellValue, Lang, TableData } from "./types";

export interface SampleOptions {
  /** Rows of the Invoices table (invoices and credit notes). */
  invoices: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Serial of the book's as-of date (default 2026-10-31). */
  asOf?: number;
  /** Include a few bad rows (default true). */
  messy?: boolean;
  /**
   * Language of the sheet names, headers and type/hold words (default en-US); zh-CN gives a book
   * as a Chinese user keeps it (发票, 收款, 客户档案; 发票号, 客户, 到期日 …). Figures are the same.
   */
  lang?: Lang;
}

/** Header of each generated table, in column order. */
export const SAMPLE_HEADERS = {
  invoices: ["Invoice No", "Customer", "Invoice Date", "Due Date", "Terms", "Amount", "Currency", "Sales Rep", "Type", "Reference", "PO"],
  payments: ["Payment No", "Customer", "Payment Date", "Amount", "Invoice No", "Currency"],
  customers: ["Customer", "Credit Limit", "Currency", "Terms", "Sales Rep", "Group", "Hold", "Address", "Contact Person", "Email"],
} as const;

/** The same headers as a Chinese book writes them, column for column. */
export const SAMPLE_HEADERS_ZH = {
  invoices: ["发票号", "客户", "开票日期", "到期日", "付款条件", "金额", "币种", "业务员", "单据类型", "原发票号", "采购单号"],
  payments: ["收款单号", "客户", "收款日期", "金额", "发票号", "币种"],
  customers: ["客户", "信用额度", "币种", "付款条件", "业务员", "客户分组", "冻结", "地址", "联系人", "邮箱"],
} as const;

/** Sheet (and table) names of the sample book per language. */
const SAMPLE_SHEETS: Record<Lang, readonly [string, string, string]> = {
  "en-US": ["Invoices", "Payments", "Customers"],
  "zh-CN": ["发票", "收款", "客户档案"],
};

/** Columns of the sample tables holding dates (serials) and money, for writers' number formats. */
export const SAMPLE_DATE_COLUMNS: readonly string[] = [
  "Invoice Date",
  "Due Date",
  "Payment Date",
  "开票日期",
  "到期日",
  "收款日期",
  // The customer statement's (sampleStatement.ts).
  "Date",
  "入账日期",
];
export const SAMPLE_MONEY_COLUMNS: readonly string[] = ["Amount", "Credit Limit", "金额", "信用额度"];

/**
 * The sample book's sheet names in a language, so "Insert sample data" can tell that the book
 * already holds it.
 *
 * @example
 * sampleSheetNames("zh-CN") // ["发票", "收款", "客户档案"]
 */
export function sampleSheetNames(lang: Lang = "en-US"): readonly string[] {
  return SAMPLE_SHEETS[lang];
}

/** Invoice dates span this many days before the as-of date, so every bucket is populated. */
const HISTORY_DAYS = 420;
/** The newest invoices run this many days past the as-of date (excluded as after-as-of). */
const FUTURE_DAYS = 4;

/**
 * mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence everywhere.
 *
 * @example
 * const next = mulberry32(1); next(); // 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SampleCustomer {
  name: string;
  currency: "USD" | "EUR" | "CNY" | "JPY";
  terms: string;
  rep: string;
  group: string;
  creditLimit: number | null;
  hold: boolean;
  /** Typical invoice size in major units of the currency. */
  scale: number;
}

const US_FIRST = [
  "Acme",
  "Northwind",
  "Summit",
  "Bluewater",
  "Pioneer",
  "Redwood",
  "Granite",
  "Harbor",
  "Cascade",
  "Liberty",
  "Evergreen",
  "Silverline",
  "Keystone",
  "Prairie",
  "Atlas",
  "Beacon",
];
const US_SECOND = ["Supply", "Industries", "Logistics", "Foods", "Medical", "Hardware", "Systems", "Textiles", "Packaging", "Electric"];
const US_LEGAL = ["Inc.", "LLC", "Corp.", "Co."];
const EU_NAMES = [
  "Müller Maschinenbau GmbH",
  "Rotterdam Freight B.V.",
  "Lyon Textiles SARL",
  "Nordic Timber AB",
  "Milano Design S.p.A.",
  "Bayer Feinmechanik GmbH",
];
const CN_NAMES = [
  "上海华东贸易有限公司",
  "北京恒通科技有限公司",
  "深圳南方电子有限公司",
  "广州珠江实业有限公司",
  "杭州西湖食品有限公司",
  "成都天府物流有限公司",
];
const JP_NAMES = ["Tokyo Seiki K.K.", "Osaka Precision Co., Ltd."];
const EN_REPS = ["Sarah Johnson", "Michael Brown", "Emily Davis", "James Wilson", "Olivia Martinez"];
const ZH_REPS = ["王伟", "李娜", "张敏"];
const US_TERMS = ["Net 30", "Net 30", "Net 45", "2/10 Net 30", "Net 30 EOM"];
const GROUPS = ["Key Accounts", "Distributors", "Retail", "Healthcare"];

// Where statements and letters go (the customer block of a statement, "copy as email"). Taken
// from the customer's position, never from the PRNG, so the figures of a seed stay the same.
const US_STREETS = ["Market Street", "Oak Avenue", "Harbor Road", "Main Street", "Lakeview Drive", "Commerce Way"];
const US_CITIES = ["Chicago, IL 60601", "Austin, TX 78701", "Seattle, WA 98101", "Denver, CO 80202", "Boston, MA 02108"];
const EU_ADDRESSES = [
  "Industriestraße 14, 70565 Stuttgart, Germany",
  "Waalhaven Zuidzijde 21, 3089 JH Rotterdam, Netherlands",
  "12 rue de la République, 69002 Lyon, France",
  "Sågverksvägen 3, 852 38 Sundsvall, Sweden",
  "Via Tortona 27, 20144 Milano, Italy",
  "Feinmechanikweg 5, 81249 München, Germany",
];
const CN_ADDRESSES = [
  "上海市浦东新区世纪大道 100 号",
  "北京市海淀区中关村大街 27 号",
  "深圳市南山区科技园南路 8 号",
  "广州市天河区珠江新城华夏路 16 号",
  "杭州市西湖区文三路 90 号",
  "成都市高新区天府大道 1200 号",
];
const JP_ADDRESSES = ["2-7-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan", "3-1-1 Umeda, Kita-ku, Osaka 530-0001, Japan"];
const EN_CONTACTS = ["Linda Park", "Robert Chen", "Maria Garcia", "David Miller", "Hannah Schulz", "Kenji Sato", "Sophie Martin"];
const ZH_CONTACTS = ["刘洋", "陈静", "杨帆", "赵磊", "周婷", "吴强"];

/**
 * A customer's address, contact person and accounts-payable e-mail in the sample.
 *
 * @example
 * sampleContact({ name: "Acme Supply Inc.", currency: "USD" }, 0) // ["100 Market Street, Chicago, IL 60601", "Linda Park", "ap@acmesupplyinc.example"]
 */
export function sampleContact(customer: { name: string; currency: string }, index: number): [string, string, string] {
  const pick = <T>(list: readonly T[], k: number): T => list[k % list.length] as T;
  const near = (names: readonly string[]) =>
    Math.max(
      0,
      names.findIndex((n) => customer.name.startsWith(n)),
    );
  const slug = customer.name.toLowerCase().replace(/[^a-z0-9]/g, "");
  const email = `ap@${slug.length >= 3 ? slug.slice(0, 24) : `customer${index + 1}`}.example`;
  switch (customer.currency) {
    case "CNY":
      return [pick(CN_ADDRESSES, near(CN_NAMES)), pick(ZH_CONTACTS, index), email];
    case "EUR":
      return [pick(EU_ADDRESSES, near(EU_NAMES)), pick(EN_CONTACTS, index), email];
    case "JPY":
      return [pick(JP_ADDRESSES, near(JP_NAMES)), pick(EN_CONTACTS, index), email];
    default:
      return [`${100 + ((index * 37) % 900)} ${pick(US_STREETS, index)}, ${pick(US_CITIES, index)}`, pick(EN_CONTACTS, index), email];
  }
}

/**
 * Days from invoice date to due date for the sample's terms. "EOM" and 月结 terms count from
 * the end of the invoice month.
 *
 * @example
 * sampleDueDate(46310, "Net 30 EOM") // 46356 (2026-10-15 → month end 10-31 + 30 = 11-30)
 */
export function sampleDueDate(invoiceDate: number, terms: string): number {
  const days = Number(/(\d+)(?!.*\d)/.exec(terms)?.[1] ?? "30");
  const fromMonthEnd = /EOM|月结/.test(terms);
  return addDays(fromMonthEnd ? endOfMonth(invoiceDate) : invoiceDate, days);
}

function makeCustomers(count: number, random: () => number): SampleCustomer[] {
  const customers: SampleCustomer[] = [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const usedUs = new Set<string>();
  for (let i = 0; i < count; i++) {
    // Of every 20 customers: 2 in CNY, 1 in EUR, 1 in JPY, the rest in USD; the first ten
    // already hold one of each, so even a small sample shows every currency.
    const slot = i % 20;
    let customer: SampleCustomer;
    if (slot === 2 || slot === 12) {
      const name = CN_NAMES[Math.floor(i / 10) % CN_NAMES.length] as string;
      const round = Math.floor(i / (10 * CN_NAMES.length));
      customer = {
        name: round > 0 ? `${name}（${round + 1}）` : name,
        currency: "CNY",
        terms: "月结30天",
        rep: pick(ZH_REPS),
        group: "Asia Pacific",
        creditLimit: 0,
        hold: false,
        scale: 40000,
      };
    } else if (slot === 5) {
      const name = EU_NAMES[Math.floor(i / 20) % EU_NAMES.length] as string;
      const round = Math.floor(i / (20 * EU_NAMES.length));
      customer = {
        name: round > 0 ? `${name} ${round + 1}` : name,
        currency: "EUR",
        terms: "Net 45",
        rep: pick(EN_REPS),
        group: "Europe",
        creditLimit: 0,
        hold: false,
        scale: 6000,
      };
    } else if (slot === 8) {
      const name = JP_NAMES[Math.floor(i / 20) % JP_NAMES.length] as string;
      const round = Math.floor(i / (20 * JP_NAMES.length));
      customer = {
        name: round > 0 ? `${name} ${round + 1}` : name,
        currency: "JPY",
        terms: "Net 30 EOM",
        rep: pick(EN_REPS),
        group: "Asia Pacific",
        creditLimit: 0,
        hold: false,
        scale: 800000,
      };
    } else {
      let name = `${pick(US_FIRST)} ${pick(US_SECOND)} ${pick(US_LEGAL)}`;
      for (let n = 2; usedUs.has(name); n++) name = `${pick(US_FIRST)} ${pick(US_SECOND)} ${n} ${pick(US_LEGAL)}`;
      usedUs.add(name);
      customer = {
        name,
        currency: "USD",
        terms: pick(US_TERMS),
        rep: pick(random() < 0.85 ? EN_REPS : ZH_REPS),
        group: pick(GROUPS),
        creditLimit: 0,
        hold: false,
        scale: 2500 + random() * 6000,
      };
    }
    // Limits in round thousands of the customer's currency; about one in eight has none.
    const limit = Math.round((customer.scale * (4 + random() * 12)) / 1000) * 1000;
    customer.creditLimit = random() < 0.125 ? null : limit;
    customer.hold = random() < 0.04;
    customers.push(customer);
  }
  return customers;
}

const cents = (value: number): number => Math.round(value * 100) / 100;
const amountIn = (currency: string, value: number): number => (currency === "JPY" ? Math.round(value) : cents(value));

/**
 * Generates the sample book: tables "Invoices", "Payments" and "Customers" (dates as serials,
 * amounts as numbers in major units), with ≈0.8 payments per invoice.
 *
 * @example
 * const [invoices, payments, customers] = generateSampleBook({ invoices: 60, seed: 1 });
 * invoices.rows.length // 60
 */
export function generateSampleBook(options: SampleOptions): TableData[] {
  const count = Math.max(0, Math.floor(options.invoices));
  const random = mulberry32(options.seed ?? 1);
  const asOf = options.asOf ?? serialFromYmd(2026, 10, 31);
  const messy = options.messy ?? true;
  const customers = makeCustomers(Math.max(10, Math.min(5000, Math.round(count / 20))), random);

  const invoiceRows: CellValue[][] = [];
  const paymentRows: CellValue[][] = [];
  /** Last invoice row index per customer, for credit notes' references. */
  const lastInvoiceOf = new Int32Array(customers.length).fill(-1);
  const start = asOf - HISTORY_DAYS;
  const span = HISTORY_DAYS + FUTURE_DAYS;
  let paymentNo = 1;
  const addPayment = (customer: SampleCustomer, date: number, amount: number, invoice: string | null): void => {
    paymentRows.push([`PAY-${String(paymentNo++).padStart(6, "0")}`, customer.name, date, amount, invoice, customer.currency]);
  };

  for (let i = 0; i < count; i++) {
    // Invoice dates rise with the number, as an ERP numbers them.
    const invoiceDate = start + Math.floor((i * span) / Math.max(1, count)) + (random() < 0.3 ? -1 : 0);
    const c = Math.floor(random() * customers.length);
    const customer = customers[c] as SampleCustomer;
    const dueDate = sampleDueDate(invoiceDate, customer.terms);
    const rep = random() < 0.1 ? null : customer.rep;
    const currency = customer.currency === "USD" && random() < 0.1 ? null : customer.currency;
    const previous = lastInvoiceOf[c] ?? -1;
    if (previous >= 0 && random() < 0.03) {
      // Credit note against the customer's latest invoice: a return or a price adjustment.
      const original = invoiceRows[previous] as CellValue[];
      const credit = -amountIn(customer.currency, Math.abs(original[5] as number) * (0.1 + random() * 0.4));
      invoiceRows.push([
        `CN-${String(i + 1).padStart(7, "0")}`,
        customer.name,
        invoiceDate,
        invoiceDate,
        customer.terms,
        credit,
        currency,
        rep,
        "Credit Note",
        original[0] as string,
        null,
      ]);
      continue;
    }
    const amount = amountIn(customer.currency, customer.scale * (0.2 + random() * random() * 3));
    const number = `INV-${String(i + 1).padStart(7, "0")}`;
    const po = random() < 0.6 ? `PO-${String(Math.floor(random() * 900000) + 100000)}` : null;
    invoiceRows.push([number, customer.name, invoiceDate, dueDate, customer.terms, amount, currency, rep, "Invoice", null, po]);
    lastInvoiceOf[c] = invoiceRows.length - 1;

    // Cash: most invoices are paid around their due date, some in part, some without a reference.
    const roll = random();
    const paidOn = dueDate - 12 + Math.floor(random() * 55);
    const kept = paidOn <= asOf || random() < 0.08;
    if (!kept) continue;
    if (roll < 0.6) addPayment(customer, paidOn, amount, number);
    else if (roll < 0.74) addPayment(customer, paidOn, amountIn(customer.currency, amount * (0.3 + random() * 0.5)), number);
    else if (roll < 0.86) addPayment(customer, paidOn, amount, null);
    if (random() < 0.06) {
      // Prepayment / deposit with no invoice yet.
      addPayment(customer, Math.min(asOf, paidOn), amountIn(customer.currency, customer.scale * (0.5 + random())), null);
    }
  }

  if (messy && count >= 10) addMessyRows(invoiceRows, paymentRows, count);

  const zh = options.lang === "zh-CN";
  const customerRows: CellValue[][] = customers.map((c, i) => [
    c.name,
    c.creditLimit,
    c.currency,
    c.terms,
    c.rep,
    c.group,
    c.hold ? (zh ? "是" : "Yes") : null,
    ...sampleContact(c, i),
  ]);
  if (zh) for (const row of invoiceRows) row[8] = row[8] === "Credit Note" ? "贷项通知单" : row[8] === "Invoice" ? "发票" : row[8]!;
  const headers = zh ? SAMPLE_HEADERS_ZH : SAMPLE_HEADERS;
  const [invoiceSheet, paymentSheet, customerSheet] = SAMPLE_SHEETS[options.lang ?? "en-US"];
  // Table names stay ASCII in every language: Excel's table names are identifiers, the sheet tabs are what users read.
  const table = (sheet: string, name: string, header: readonly string[], rows: CellValue[][]): TableData => ({
    sheet,
    name,
    header: [...header],
    rows,
    firstRow: 2,
    firstColumn: 0,
  });
  return [
    table(invoiceSheet, "Invoices", headers.invoices, invoiceRows),
    table(paymentSheet, "Payments", headers.payments, paymentRows),
    table(customerSheet, "Customers", headers.customers, customerRows),
  ];
}

/**
 * Spoils a few rows the way real exports are spoiled, at fixed positions so tests can find them:
 * an amount "abc", an ambiguous text date, a duplicate invoice number for the same customer,
 * an amount typed as text with separators, and a payment naming an invoice that does not exist.
 */
function addMessyRows(invoiceRows: CellValue[][], paymentRows: CellValue[][], count: number): void {
  const invoice = (i: number): CellValue[] => invoiceRows[Math.min(invoiceRows.length - 1, i)] as CellValue[];
  invoice(Math.floor(count * 0.2))[5] = "abc";
  invoice(Math.floor(count * 0.3))[2] = "03/04/2026";
  invoice(Math.floor(count * 0.4))[5] = "1,234.50";
  // A duplicate: the next invoice is keyed again under this row's number and customer, with its
  // own amount (an invoice entered twice), so both rows are errors for the same customer.
  const first = Math.floor(count * 0.5);
  const original = invoice(first);
  for (let j = first + 1; j < invoiceRows.length; j++) {
    const row = invoice(j);
    if (row[8] !== "Invoice") continue;
    for (const c of [0, 1, 4, 6, 7]) row[c] = original[c] ?? null;
    break;
  }
  const payment = paymentRows[Math.floor(paymentRows.length / 2)];
  if (payment) payment[4] = "INV-9999999";
}
