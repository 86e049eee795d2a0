import type { Catalog } from "../types";

/** Messages of the report area. Each entry keeps its en-US and zh-CN texts side by side. */
export const reportMessages = {
  // --- Application of cash: issue messages (the id is also the RowIssue code) -----------------
  "payment.invoice.unknown": {
    "en-US":
      "Payment {payment} names invoice {invoice}, which is not in the invoice table; the cash is kept as unreferenced cash of {customer}.",
    "zh-CN": "收款 {payment} 指向的发票 {invoice} 不在发票表中；该款项作为 {customer} 的未指定收款处理。",
  },
  "payment.invoice.duplicate": {
    "en-US":
      "Payment {payment} names invoice {invoice}, which is in the invoice table more than once (rows {rows}) and was left out as a duplicate; the cash is kept as unreferenced cash of {customer}.",
    "zh-CN":
      "收款 {payment} 指向的发票 {invoice} 在发票表中重复出现（第 {rows} 行），已作为重复项排除；该款项作为 {customer} 的未指定收款处理。",
  },
  "payment.invoice.other-customer": {
    "en-US":
      "Payment {payment} from {customer} names invoice {invoice}, which belongs to {owner}; the cash is kept as unreferenced cash of {customer}.",
    "zh-CN": "{customer} 的收款 {payment} 指向的发票 {invoice} 属于 {owner}；该款项作为 {customer} 的未指定收款处理。",
  },
  "payment.invoice.after-as-of": {
    "en-US":
      "Payment {payment} names invoice {invoice}, which is dated after the as-of date: the cash is earmarked for it and stays unapplied credit of {customer} at this date (it settles no older invoice).",
    "zh-CN":
      "收款 {payment} 指向的发票 {invoice} 的日期晚于截止日：该款项专用于该发票，截至本日作为 {customer} 的未核销贷项（不冲抵较早的发票）。",
  },
  "payment.currency-mismatch": {
    "en-US":
      "Payment {payment} is in {paymentCurrency} but invoice {invoice} is in {invoiceCurrency}; the payment is not applied and is left out of the balances.",
    "zh-CN": "收款 {payment} 的币种为 {paymentCurrency}，但发票 {invoice} 的币种为 {invoiceCurrency}；该收款未核销，也不计入余额。",
  },
  "credit.reference.unknown": {
    "en-US":
      "Credit note {credit} refers to invoice {invoice}, which is not in the invoice table; it is kept as unreferenced credit of {customer}.",
    "zh-CN": "贷项通知单 {credit} 引用的发票 {invoice} 不在发票表中；作为 {customer} 的未指定贷项处理。",
  },
  "credit.reference.duplicate": {
    "en-US":
      "Credit note {credit} refers to invoice {invoice}, which is in the invoice table more than once (rows {rows}) and was left out as a duplicate; it is kept as unreferenced credit of {customer}.",
    "zh-CN":
      "贷项通知单 {credit} 引用的发票 {invoice} 在发票表中重复出现（第 {rows} 行），已作为重复项排除；作为 {customer} 的未指定贷项处理。",
  },
  "credit.reference.other-customer": {
    "en-US":
      "Credit note {credit} of {customer} refers to invoice {invoice}, which belongs to {owner}; it is kept as unreferenced credit of {customer}.",
    "zh-CN": "{customer} 的贷项通知单 {credit} 引用的发票 {invoice} 属于 {owner}；作为 {customer} 的未指定贷项处理。",
  },
  "credit.reference.currency-mismatch": {
    "en-US":
      "Credit note {credit} is in {creditCurrency} but invoice {invoice} is in {invoiceCurrency}; it is kept as unreferenced credit in {creditCurrency}.",
    "zh-CN":
      "贷项通知单 {credit} 的币种为 {creditCurrency}，但发票 {invoice} 的币种为 {invoiceCurrency}；作为 {creditCurrency} 的未指定贷项处理。",
  },
  "credit.reference.after-as-of": {
    "en-US":
      "Credit note {credit} refers to invoice {invoice}, which is dated after the as-of date; it is kept as unreferenced credit of {customer}.",
    "zh-CN": "贷项通知单 {credit} 引用的发票 {invoice} 的日期晚于截止日；作为 {customer} 的未指定贷项处理。",
  },
  "open.out-of-range": {
    "en-US": "Open amount {open} of {invoice} is outside 0 to {amount}; {taken} is used.",
    "zh-CN": "{invoice} 的未结金额 {open} 超出 0 至 {amount} 的范围；按 {taken} 处理。",
  },

  // --- Aging buckets ----------------------------------------------------------------------------
  "aging.bucket.current": { "en-US": "Current", "zh-CN": "未到期" },
  "aging.bucket.range": { "en-US": "{from}-{to}", "zh-CN": "{from}-{to}天" },
  "aging.bucket.over": { "en-US": "{days}+", "zh-CN": "{days}天以上" },

  // --- Report sheets -------------------------------------------------------------------------------
  "report.sheet.summary": { "en-US": "AR Aging {period}", "zh-CN": "应收账龄 {period}" },
  "report.sheet.detail": { "en-US": "AR Aging Detail {period}", "zh-CN": "应收账龄明细 {period}" },
  "report.sheet.by-rep": { "en-US": "AR Aging by Rep {period}", "zh-CN": "应收账龄按业务员 {period}" },
  "report.sheet.exceptions": { "en-US": "AR Exceptions {period}", "zh-CN": "应收异常 {period}" },
  "report.sheet.editedSuffix": { "en-US": " (edited)", "zh-CN": "（已编辑）" },
  "report.title.summary": { "en-US": "Accounts receivable aging summary", "zh-CN": "应收账款账龄汇总表" },
  "report.title.detail": { "en-US": "Accounts receivable aging detail", "zh-CN": "应收账款账龄明细表" },
  "report.title.by-rep": { "en-US": "Accounts receivable aging by sales rep", "zh-CN": "应收账款账龄（按业务员）" },
  "report.title.exceptions": { "en-US": "Exceptions: data problems and excluded rows", "zh-CN": "异常：数据问题与排除的行" },
  "report.as-of": { "en-US": "As of {date}", "zh-CN": "截止日期：{date}" },
  "report.basis.due": { "en-US": "Aged by days past due date", "zh-CN": "账龄按逾期天数计算" },
  "report.basis.invoice": { "en-US": "Aged by days since invoice date", "zh-CN": "账龄按开票日起天数计算" },
  "report.column.customer": { "en-US": "Customer", "zh-CN": "客户" },
  "report.column.currency": { "en-US": "Currency", "zh-CN": "币种" },
  "report.column.sales-rep": { "en-US": "Sales rep", "zh-CN": "业务员" },
  "report.column.credit-limit": { "en-US": "Credit limit", "zh-CN": "信用额度" },
  "report.column.open": { "en-US": "Open", "zh-CN": "未结金额" },
  "report.column.unapplied": { "en-US": "Unapplied credit", "zh-CN": "未核销贷项" },
  "report.column.net": { "en-US": "Net", "zh-CN": "净额" },
  "report.column.invoice": { "en-US": "Invoice", "zh-CN": "发票号" },
  "report.column.invoice-date": { "en-US": "Invoice date", "zh-CN": "开票日期" },
  "report.column.due-date": { "en-US": "Due date", "zh-CN": "到期日" },
  "report.column.amount": { "en-US": "Amount", "zh-CN": "金额" },
  "report.column.applied": { "en-US": "Applied", "zh-CN": "已核销" },
  "report.column.days-overdue": { "en-US": "Days overdue", "zh-CN": "逾期天数" },
  "report.column.bucket": { "en-US": "Bucket", "zh-CN": "账龄区间" },
  "report.column.severity": { "en-US": "Severity", "zh-CN": "级别" },
  "report.column.sheet": { "en-US": "Sheet", "zh-CN": "工作表" },
  "report.column.row": { "en-US": "Row", "zh-CN": "行" },
  "report.column.column": { "en-US": "Column", "zh-CN": "列" },
  "report.column.value": { "en-US": "Value", "zh-CN": "值" },
  "report.column.code": { "en-US": "Code", "zh-CN": "代码" },
  "report.column.message": { "en-US": "Message", "zh-CN": "说明" },
  "report.total": { "en-US": "Total", "zh-CN": "合计" },
  "report.share": { "en-US": "Share of total", "zh-CN": "占比" },
  "report.no-rep": { "en-US": "(no sales rep)", "zh-CN": "（无业务员）" },
  "report.chart.by-bucket": { "en-US": "Open balance by aging bucket, {currency}", "zh-CN": "各账龄区间未结余额（{currency}）" },
  "report.totals-by-currency": { "en-US": "Totals by currency", "zh-CN": "按币种合计" },
  "report.severity.error": { "en-US": "Error", "zh-CN": "错误" },
  "report.severity.warning": { "en-US": "Warning", "zh-CN": "警告" },
  "report.severity.excluded": { "en-US": "Excluded", "zh-CN": "已排除" },
  "report.kind.invoice": { "en-US": "Invoice", "zh-CN": "发票" },
  "report.kind.payment": { "en-US": "Payment", "zh-CN": "收款" },
  "report.excluded.after-as-of": {
    "en-US": "{kind} {id} is dated after the as-of date and is not in this report.",
    "zh-CN": "{kind} {id} 的日期晚于截止日，未计入本报表。",
  },
  "report.excluded.currency-mismatch": {
    "en-US": "{kind} {id} is in a different currency from the invoice it names and is not in this report.",
    "zh-CN": "{kind} {id} 与其指向的发票币种不同，未计入本报表。",
  },
  "report.excluded.invalid": {
    "en-US": "{kind} {id} could not be read and is not in this report.",
    "zh-CN": "{kind} {id} 无法读取，未计入本报表。",
  },
  "report.excluded.duplicate": {
    "en-US": "{kind} {id} is a duplicate and is not in this report.",
    "zh-CN": "{kind} {id} 重复，未计入本报表。",
  },
} satisfies Catalog;
