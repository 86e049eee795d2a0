import type { Catalog } from "../types";

/** Messages of the read area. Each entry keeps its en-US and zh-CN texts side by side. */
export const readMessages = {
  // Roles and fields, as named inside other messages.
  "role.invoices": { "en-US": "invoice", "zh-CN": "发票" },
  "role.payments": { "en-US": "payment", "zh-CN": "收款" },
  "role.customers": { "en-US": "customer", "zh-CN": "客户" },
  "field.invoiceNumber": { "en-US": "invoice number", "zh-CN": "发票号" },
  "field.customer": { "en-US": "customer", "zh-CN": "客户" },
  "field.invoiceDate": { "en-US": "invoice date", "zh-CN": "开票日期" },
  "field.dueDate": { "en-US": "due date", "zh-CN": "到期日" },
  "field.terms": { "en-US": "payment terms", "zh-CN": "付款条件" },
  "field.amount": { "en-US": "amount", "zh-CN": "金额" },
  "field.currency": { "en-US": "currency", "zh-CN": "币种" },
  "field.salesRep": { "en-US": "sales rep", "zh-CN": "业务员" },
  "field.documentType": { "en-US": "document type", "zh-CN": "单据类型" },
  "field.reference": { "en-US": "reference (original invoice)", "zh-CN": "原发票号" },
  "field.openAmount": { "en-US": "open amount", "zh-CN": "未收金额" },
  "field.status": { "en-US": "status", "zh-CN": "状态" },
  "field.po": { "en-US": "PO number", "zh-CN": "采购单号" },
  "field.description": { "en-US": "description", "zh-CN": "摘要" },
  "field.paymentReference": { "en-US": "payment reference", "zh-CN": "收款单号" },
  "field.paymentDate": { "en-US": "payment date", "zh-CN": "收款日期" },
  "field.creditLimit": { "en-US": "credit limit", "zh-CN": "信用额度" },
  "field.group": { "en-US": "credit group (parent)", "zh-CN": "信用集团（母公司）" },
  "field.segment": { "en-US": "segment", "zh-CN": "客户分组" },
  "field.hold": { "en-US": "credit hold", "zh-CN": "冻结" },

  // Tables and mapping.
  "table.invoices.missing": {
    "en-US":
      "No invoice table found. Name a table or sheet “Invoices” (or “AR”, “应收”, “发票”), give it headings such as Invoice No, Customer, Due Date and Amount, or map it explicitly.",
    "zh-CN":
      "未找到发票表。请将表格或工作表命名为“Invoices”（或“AR”“应收”“发票”），使用“发票号”“客户”“到期日”“金额”等列标题，或明确指定映射。",
  },
  "table.ignored": {
    "en-US": "Table “{table}” also looks like a {role} table; “{used}” is used instead. Map the table explicitly to choose another.",
    "zh-CN": "表“{table}”看起来也是{role}表，已改用“{used}”。如需使用其他表，请明确指定映射。",
  },
  "table.notJoined": {
    "en-US":
      "Table “{table}” also holds {role} rows, but its columns map differently from “{used}” ({fields}), so it was not read: only “{used}” was. To read both, map them together (Data view, or “tables” in --map), or give them the same columns.",
    "zh-CN":
      "表“{table}”看起来也是{role}表，但其列与“{used}”的映射不同（{fields}），因此未读取：只读取了“{used}”。如需一并读取，请将两表一起映射（数据视图，或 --map 中的 “tables”），或使两表的列一致。",
  },
  "table.joined": {
    "en-US":
      "The {role} rows are read from {count} tables together: {tables}. Each row keeps its own sheet and row in issues; an invoice number in two of them is a duplicate.",
    "zh-CN": "{role}数据合并读取自 {count} 个表：{tables}。问题中的每行仍标注其所在工作表和行号；同一发票号出现在两个表中视为重复。",
  },
  "column.missing": {
    "en-US": "The {role} table “{table}” has no {field} column, so it cannot be read. Rename the heading or map the column.",
    "zh-CN": "{role}表“{table}”缺少“{field}”列，无法读取。请修改列标题或指定列映射。",
  },
  "column.missing.dueDate": {
    "en-US":
      "The {role} table “{table}” has no {field} column, and no invoice date with payment terms (on this table or the customer table) to derive it, so it cannot be read.",
    "zh-CN": "{role}表“{table}”缺少“{field}”列，也没有可用于推算到期日的开票日期和付款条件（本表或客户档案中），无法读取。",
  },
  "mapping.table.unknown": {
    "en-US": "The mapping names table “{table}” for the {role} table, but no table or sheet has that name; detection is used instead.",
    "zh-CN": "映射为{role}表指定了“{table}”，但没有该名称的表格或工作表；改用自动识别。",
  },
  "mapping.table.conflict": {
    "en-US": "Table “{table}” is mapped to more than one role; it is not used as the {role} table.",
    "zh-CN": "表“{table}”被映射到多个用途；不作为{role}表使用。",
  },
  "mapping.column.unknown": {
    "en-US": "The mapping names column “{column}” for {field}, but table “{table}” has no such column.",
    "zh-CN": "映射为“{field}”指定了列“{column}”，但表“{table}”中没有该列。",
  },
  "mapping.field.unknown": {
    "en-US": "“{field}” is not a field of the {role} table; this mapping entry is ignored.",
    "zh-CN": "“{field}”不是{role}表的字段；已忽略该映射项。",
  },

  // Values.
  "invoiceNumber.missing": {
    "en-US": "The invoice number is empty; the row is left out.",
    "zh-CN": "发票号为空，该行未计入。",
  },
  "customer.missing": {
    "en-US": "The customer is empty; the row is left out.",
    "zh-CN": "客户为空，该行未计入。",
  },
  "customer.duplicate": {
    "en-US": "This customer is already listed at row {otherRow} of the customer table; this row is ignored.",
    "zh-CN": "该客户已在客户档案第{otherRow}行列出，本行被忽略。",
  },
  "amount.invalid": { "en-US": "Amount not recognised: {value}", "zh-CN": "金额无法识别：{value}" },
  "amount.empty": { "en-US": "The amount is empty.", "zh-CN": "金额为空。" },
  "amount.currencyConflict": {
    "en-US": "The amount {value} is written in another currency than the row's currency {currency}; the row is left out.",
    "zh-CN": "金额{value}的币种与该行币种{currency}不一致，该行未计入。",
  },
  "date.invalid": { "en-US": "Date not recognised: {value}", "zh-CN": "日期无法识别：{value}" },
  "date.ambiguous": {
    "en-US":
      "The date {value} could be day/month or month/day. Set the date order option (DMY, MDY or YMD; --date-order on the command line).",
    "zh-CN": "日期{value}无法确定是日/月还是月/日。请设置日期顺序选项（DMY、MDY 或 YMD；命令行参数 --date-order）。",
  },
  "date.empty": { "en-US": "The date is empty.", "zh-CN": "日期为空。" },
  "dueDate.missing": {
    "en-US":
      "No due date: the due date is empty and there is no invoice date with payment terms (on the row or the customer) to derive it; the row is left out.",
    "zh-CN": "缺少到期日：到期日为空，且没有可推算到期日的开票日期和付款条件（本行或客户资料中）；该行未计入。",
  },
  "dueDate.beforeInvoiceDate": {
    "en-US": "The due date {dueDate} is before the invoice date {invoiceDate}.",
    "zh-CN": "到期日{dueDate}早于开票日期{invoiceDate}。",
  },
  "terms.invalid": {
    "en-US": "Payment terms not recognised: {value} (for example Net 30, 2/10 Net 30, EOM, 月结30天).",
    "zh-CN": "付款条件无法识别：{value}（例如 Net 30、2/10 Net 30、EOM、月结30天）。",
  },
  "currency.unknown": { "en-US": "Currency not recognised: {value}", "zh-CN": "币种无法识别：{value}" },
  "documentType.unknown": {
    "en-US": "Document type not recognised: {value}; the row is read as an invoice, or as a credit note when its amount is negative.",
    "zh-CN": "单据类型无法识别：{value}；该行按发票处理，金额为负时按贷项通知单处理。",
  },
  "invoice.duplicate": {
    "en-US":
      "Invoice number {number} appears more than once for this customer (also row {otherRow}); both rows are left out until one is corrected.",
    "zh-CN": "发票号{number}在该客户下重复出现（另见第{otherRow}行）；两行均未计入，请更正其中一行。",
  },
  "invoice.numberReused": {
    "en-US": "Invoice number {number} is also used for customer {otherCustomer} (row {otherRow}).",
    "zh-CN": "发票号{number}也用于客户{otherCustomer}（第{otherRow}行）。",
  },
  "openAmount.inconsistent": {
    "en-US": "The open amount {open} does not fit the document amount {amount}: it is larger or of the opposite sign.",
    "zh-CN": "未收金额{open}与单据金额{amount}不符：金额更大或符号相反。",
  },
  "payment.negative": {
    "en-US":
      "Negative payment {value}: refunds and reversals must be entered as debit documents in the invoice table, not as negative cash; the row is left out.",
    "zh-CN": "收款金额为负：{value}。退款和冲销应在发票表中录入为借项单据，而不是负数收款；该行未计入。",
  },
  "hold.invalid": {
    "en-US": "Hold flag not recognised: {value}; read as not on hold (use Y or N).",
    "zh-CN": "冻结标记无法识别：{value}；按未冻结处理（请填写“是”或“否”）。",
  },
  "payment.generatedReference": { "en-US": "row {row}", "zh-CN": "第{row}行" },
} satisfies Catalog;
