/**
 * Chinese (zh-CN) names, descriptions and parameter names of the AR custom functions, applied
 * to the generated functions.json to produce functions.zh-cn.json (scripts/functions-metadata.js).
 * Keys are function ids and, inside, the English parameter names of src/functions/functions.ts.
 * The metadata build fails when a function or parameter has no entry here.
 *
 * Names follow Excel's rules for function names (letters, digits, "." and "_", starting with a
 * letter; CJK characters are letters), and users write them with the namespace: =AR.逾期天数(…).
 * Parameter names are also used in the functions' error messages in Chinese.
 *
 * This file must stay plain data (type-only imports), so the metadata script can load it.
 */
import type { FunctionId } from "./ids";

/** The translated texts of one function. */
export interface FunctionTranslation {
  name: string;
  description: string;
  /** By English parameter name. */
  parameters: Record<string, { name: string; description: string }>;
}

export const zhCN: Record<FunctionId, FunctionTranslation> = {
  DAYSOVERDUE: {
    name: "逾期天数",
    description:
      "截止日与到期日之间的天数（尚未到期时为负数）。可传入区域，按相同形状溢出结果。易失函数：工作簿每次更改都会重新计算，因此省略截止日时始终按当天计算；行数很多时，对整列调用一次远比每行调用一次快。在使用 1904 日期系统的工作簿中，加载项从 Excel 得知后（共享运行时）按该系统读取日期；在此之前或无法得知时按 1900 日期系统计算。",
    parameters: {
      due_date: { name: "到期日", description: "到期日：日期单元格、日期序列号或 ISO 文本（2026-10-31），也可以是区域。" },
      as_of: { name: "截止日", description: "截止日期；省略时使用计算当天的日期。" },
    },
  },
  AGEBUCKET: {
    name: "账龄区间",
    description:
      "日期所属的账龄区间（未到期、1-30天……90天以上），随显示语言显示。可传入区域。易失函数：工作簿每次更改都会重新计算，因此省略截止日时始终按当天计算；行数很多时，对整列调用一次远比每行调用一次快。在使用 1904 日期系统的工作簿中，加载项从 Excel 得知后（共享运行时）按该系统读取日期；在此之前或无法得知时按 1900 日期系统计算。",
    parameters: {
      due_date: { name: "到期日", description: "到期日（账龄基准为 invoice 时为发票日期），也可以是区域。" },
      as_of: { name: "截止日", description: "截止日期；省略时使用计算当天的日期。" },
      boundaries: { name: "区间上限", description: '各区间的天数上限（含），如 "30,60,90" 或一组单元格；默认 30,60,90。' },
      basis: { name: "账龄基准", description: '"due"（按到期日，默认）或 "invoice"（按发票日期）。' },
    },
  },
  AGING: {
    name: "账龄汇总",
    description:
      "按账龄区间汇总金额：溢出两行，第一行为区间名称，第二行为各区间合计。易失函数：工作簿每次更改都会重新计算，因此省略截止日时始终按当天计算；行数很多时，对整列调用一次远比每行调用一次快。在使用 1904 日期系统的工作簿中，加载项从 Excel 得知后（共享运行时）按该系统读取日期；在此之前或无法得知时按 1900 日期系统计算。",
    parameters: {
      dates: { name: "到期日列", description: "各笔应收款的到期日（一列或一行）。" },
      amounts: { name: "金额列", description: "各笔应收款的未结金额，与到期日列大小相同。" },
      as_of: { name: "截止日", description: "截止日期；省略时使用计算当天的日期。" },
      boundaries: { name: "区间上限", description: '各区间的天数上限（含），如 "30,60,90"；默认 30,60,90。' },
    },
  },
  DUEDATE: {
    name: "到期日",
    description:
      "按付款条件（如 Net 30、2/10 Net 30、EOM、月结30天）计算的到期日序列号。在使用 1904 日期系统的工作簿中，加载项从 Excel 得知后（共享运行时）按该系统读取和返回日期；在此之前或无法得知时按 1900 日期系统计算。",
    parameters: {
      invoice_date: { name: "发票日期", description: "发票日期，也可以是区域。" },
      terms: { name: "付款条件", description: '付款条件文本，如 "Net 30"、"Net 30 EOM"、"月结30天"。' },
    },
  },
  DISCOUNT: {
    name: "现金折扣",
    description: "在折扣期内付款可获得的现金折扣金额（如 2/10 Net 30），否则为 0。",
    parameters: {
      amount: { name: "金额", description: "发票金额。" },
      terms: { name: "付款条件", description: '含折扣的付款条件，如 "2/10 Net 30"。' },
      invoice_date: { name: "发票日期", description: "发票日期。" },
      payment_date: { name: "付款日期", description: "付款日期。" },
    },
  },
  LATEFEE: {
    name: "滞纳金",
    description: "逾期利息：金额 × 年利率 × 逾期天数/365，加固定费用，四舍五入到分；未逾期时为 0。",
    parameters: {
      amount: { name: "金额", description: "逾期金额。" },
      due_date: { name: "到期日", description: "到期日。" },
      as_of: { name: "截止日", description: "计算滞纳金的截止日期。" },
      annual_rate: { name: "年利率", description: "年利率，如 18% 或 0.18。" },
      fixed_fee: { name: "固定费用", description: "每笔逾期款额外收取的固定费用；默认 0。" },
    },
  },
  CREDITAVAILABLE: {
    name: "可用额度",
    description: "剩余可用信用额度：信用额度 − 占用额度（超出额度时为负数）。",
    parameters: {
      limit: { name: "信用额度", description: "客户的信用额度。" },
      exposure: { name: "占用额度", description: "客户当前占用的额度（未结应收款等）。" },
    },
  },
  CREDITSTATUS: {
    name: "信用状态",
    description: "信用状态：冻结、超出额度、接近额度或正常，规则与信用检查相同。",
    parameters: {
      limit: { name: "信用额度", description: "客户的信用额度。" },
      exposure: { name: "占用额度", description: "客户当前占用的额度（未结应收款等）。" },
      oldest_days_overdue: { name: "最长逾期天数", description: "最早一笔未结款的逾期天数；超过冻结天数时状态为冻结。" },
      near_pct: { name: "预警百分比", description: "占用达到额度的该百分比时为接近额度；默认 80（即 80%）。" },
      hold_days: { name: "冻结天数", description: "逾期超过该天数时冻结；默认 60。" },
    },
  },
  DSO: {
    name: "应收周转天数",
    description: "应收账款周转天数（DSO）：应收账款 ÷ 赊销额 × 期间天数。",
    parameters: {
      receivables: { name: "应收账款", description: "期末应收账款余额。" },
      credit_sales: { name: "赊销额", description: "期间内的赊销收入。" },
      days: { name: "期间天数", description: "期间的天数，如 30、90 或 365。" },
    },
  },
  BPDSO: {
    name: "最佳周转天数",
    description: "最佳可能应收账款周转天数（BPDSO）：未到期应收账款 ÷ 赊销额 × 期间天数。",
    parameters: {
      current_receivables: { name: "未到期应收账款", description: "期末尚未到期的应收账款。" },
      credit_sales: { name: "赊销额", description: "期间内的赊销收入。" },
      days: { name: "期间天数", description: "期间的天数，如 30、90 或 365。" },
    },
  },
  CEI: {
    name: "收款效率指数",
    description: "收款效率指数（CEI）：(期初应收 + 赊销额 − 期末应收) ÷ (期初应收 + 赊销额 − 期末未到期应收)，以小数表示。",
    parameters: {
      begin_ar: { name: "期初应收账款", description: "期初应收账款余额。" },
      credit_sales: { name: "赊销额", description: "期间内的赊销收入。" },
      end_ar: { name: "期末应收账款", description: "期末应收账款余额。" },
      end_current_ar: { name: "期末未到期应收账款", description: "期末尚未到期的应收账款。" },
    },
  },
};
