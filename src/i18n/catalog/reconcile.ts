import type { Catalog } from "../types";

/** Messages of reconciliation: issues, key explanations and the "AR Reconciliation" sheet. */
export const reconcileMessages = {
  // --- Fields and columns -------------------------------------------------------------------
  "reconcile.field.key": { "en-US": "key (invoice or reference)", "zh-CN": "匹配键（发票号或参考号）" },
  "reconcile.field.amount": { "en-US": "amount", "zh-CN": "金额" },
  "reconcile.field.date": { "en-US": "date", "zh-CN": "日期" },
  "reconcile.field.customer": { "en-US": "customer", "zh-CN": "客户" },
  "reconcile.field.currency": { "en-US": "currency", "zh-CN": "币种" },
  "reconcile.column.missing": {
    "en-US": "Table {table} has no {field} column; it cannot be reconciled until one is mapped.",
    "zh-CN": "表 {table} 没有{field}列；请先指定该列再对账。",
  },
  "reconcile.mapping.unknown": {
    "en-US": "Table {table} has no column headed “{header}” for the {field}; the mapping is ignored.",
    "zh-CN": "表 {table} 中没有标题为“{header}”的列（{field}）；已忽略该映射。",
  },

  // --- Row issues ---------------------------------------------------------------------------
  "reconcile.key.empty": {
    "en-US": "The key ({column}) is empty; the row is left out of the reconciliation.",
    "zh-CN": "匹配键（{column}）为空，该行未参与对账。",
  },
  "reconcile.key.invalid": {
    "en-US": "The key {value} has no letter or digit to match on; the row is left out of the reconciliation.",
    "zh-CN": "匹配键 {value} 不含可匹配的字母或数字，该行未参与对账。",
  },
  "reconcile.split.skipped": {
    "en-US": "Split search skipped for {customer} in {currency}: {count} unmatched rows, more than the limit of {limit}.",
    "zh-CN": "{customer}（{currency}）未做拆分查找：未匹配行 {count} 行，超过上限 {limit} 行。",
  },
  "reconcile.split.budget": {
    "en-US": "Split search stopped after {steps} combinations; some unmatched rows were not searched.",
    "zh-CN": "拆分查找在尝试 {steps} 个组合后停止；部分未匹配行未查找。",
  },

  // --- Key normalisation, shown to the user ---------------------------------------------------
  "reconcile.key.unchanged": { "en-US": "unchanged", "zh-CN": "未改变" },
  "reconcile.key.width": { "en-US": "full-width characters made half-width", "zh-CN": "全角字符转为半角" },
  "reconcile.key.case": { "en-US": "case ignored", "zh-CN": "忽略大小写" },
  "reconcile.key.prefix": { "en-US": "prefix “{text}” removed", "zh-CN": "去掉前缀“{text}”" },
  "reconcile.key.punctuation": { "en-US": "“{text}” removed", "zh-CN": "去掉“{text}”" },
  "reconcile.key.zeros": { "en-US": "{count} leading zeros removed", "zh-CN": "去掉 {count} 个前导零" },
  "reconcile.key.separator": { "en-US": "; ", "zh-CN": "；" },

  // --- Outcomes -------------------------------------------------------------------------------
  "reconcile.outcome.matched": { "en-US": "Matched", "zh-CN": "相符" },
  "reconcile.outcome.amount-differs": { "en-US": "Amount differs", "zh-CN": "金额不符" },
  "reconcile.outcome.date-differs": { "en-US": "Date differs", "zh-CN": "日期不符" },
  "reconcile.outcome.customer-differs": { "en-US": "Customer differs", "zh-CN": "客户不符" },
  "reconcile.outcome.split": { "en-US": "Split", "zh-CN": "拆分" },
  "reconcile.outcome.duplicate-key": { "en-US": "Duplicate key", "zh-CN": "重复单号" },
  "reconcile.outcome.missing-in-b": { "en-US": "Missing in B", "zh-CN": "B 中缺失" },
  "reconcile.outcome.missing-in-a": { "en-US": "Missing in A", "zh-CN": "A 中缺失" },
  "reconcile.legend.matched": {
    "en-US": "One row on each side; amount, date and customer within tolerance.",
    "zh-CN": "两边各一行；金额、日期、客户均在容差内。",
  },
  "reconcile.legend.amount-differs": {
    "en-US": "One row on each side; the amounts differ by more than the tolerance (variance = A − B).",
    "zh-CN": "两边各一行；金额差异超过容差（差额 = A − B）。",
  },
  "reconcile.legend.date-differs": {
    "en-US": "One row on each side; the dates are further apart than the date tolerance.",
    "zh-CN": "两边各一行；日期相差超过日期容差。",
  },
  "reconcile.legend.customer-differs": {
    "en-US": "One row on each side, but for different customers.",
    "zh-CN": "两边各一行，但客户不同。",
  },
  "reconcile.legend.split": {
    "en-US": "One row equals the sum of several rows of the same customer on the other side.",
    "zh-CN": "一行等于另一边同一客户多行之和。",
  },
  "reconcile.legend.duplicate-key": {
    "en-US": "The key is used by more than one row on a side; all its rows are listed together.",
    "zh-CN": "同一边有多行使用同一单号；这些行列在一起。",
  },
  "reconcile.legend.missing-in-b": { "en-US": "In A, not found in B.", "zh-CN": "A 中有，B 中没有。" },
  "reconcile.legend.missing-in-a": { "en-US": "In B, not found in A.", "zh-CN": "B 中有，A 中没有。" },

  // --- The "AR Reconciliation" sheet -------------------------------------------------------------
  "reconcile.sheet.name": { "en-US": "AR Reconciliation", "zh-CN": "应收对账" },
  "reconcile.sheet.title": { "en-US": "AR Reconciliation: A = {a}, B = {b}", "zh-CN": "应收对账：A = {a}，B = {b}" },
  "reconcile.sheet.settings": {
    "en-US": "Amount tolerance {amount} (or {percent} % of A); date tolerance ± {days} days. Rows left out as unreadable: A {excludedA}, B {excludedB} (see issues).",
    "zh-CN": "金额容差 {amount}（或 A 的 {percent}%）；日期容差 ± {days} 天。无法读取而未计入的行：A {excludedA} 行，B {excludedB} 行（见问题列表）。",
  },
  "reconcile.tie.heading": { "en-US": "Tie-out", "zh-CN": "勾稽" },
  "reconcile.tie.currency": { "en-US": "Currency", "zh-CN": "币种" },
  "reconcile.tie.totalA": { "en-US": "Total A", "zh-CN": "A 合计" },
  "reconcile.tie.totalB": { "en-US": "Total B", "zh-CN": "B 合计" },
  "reconcile.tie.difference": { "en-US": "Difference A − B", "zh-CN": "差额 A − B" },
  "reconcile.tie.variance": { "en-US": "Variances", "zh-CN": "差异合计" },
  "reconcile.tie.unmatchedA": { "en-US": "Unmatched A", "zh-CN": "A 未匹配" },
  "reconcile.tie.unmatchedB": { "en-US": "Unmatched B", "zh-CN": "B 未匹配" },
  "reconcile.tie.check": { "en-US": "Unexplained", "zh-CN": "未解释" },
  "reconcile.summary.heading": { "en-US": "Outcome", "zh-CN": "结果" },
  "reconcile.summary.count": { "en-US": "Count", "zh-CN": "笔数" },
  "reconcile.summary.rowsA": { "en-US": "Rows A", "zh-CN": "A 行数" },
  "reconcile.summary.rowsB": { "en-US": "Rows B", "zh-CN": "B 行数" },
  "reconcile.summary.amountA": { "en-US": "Amount A", "zh-CN": "A 金额" },
  "reconcile.summary.amountB": { "en-US": "Amount B", "zh-CN": "B 金额" },
  "reconcile.summary.variance": { "en-US": "Variance", "zh-CN": "差额" },
  "reconcile.legend.heading": { "en-US": "Legend", "zh-CN": "图例" },
  "reconcile.legend.meaning": { "en-US": "Meaning", "zh-CN": "含义" },
  "reconcile.detail.outcome": { "en-US": "Outcome", "zh-CN": "结果" },
  "reconcile.detail.currency": { "en-US": "Currency", "zh-CN": "币种" },
  "reconcile.detail.key": { "en-US": "Matched on key", "zh-CN": "匹配键" },
  "reconcile.detail.keyA": { "en-US": "Key in A", "zh-CN": "A 单号" },
  "reconcile.detail.rowsA": { "en-US": "Rows in A", "zh-CN": "A 行" },
  "reconcile.detail.amountA": { "en-US": "Amount A", "zh-CN": "A 金额" },
  "reconcile.detail.dateA": { "en-US": "Date A", "zh-CN": "A 日期" },
  "reconcile.detail.customerA": { "en-US": "Customer A", "zh-CN": "A 客户" },
  "reconcile.detail.keyB": { "en-US": "Key in B", "zh-CN": "B 单号" },
  "reconcile.detail.rowsB": { "en-US": "Rows in B", "zh-CN": "B 行" },
  "reconcile.detail.amountB": { "en-US": "Amount B", "zh-CN": "B 金额" },
  "reconcile.detail.dateB": { "en-US": "Date B", "zh-CN": "B 日期" },
  "reconcile.detail.customerB": { "en-US": "Customer B", "zh-CN": "B 客户" },
  "reconcile.detail.variance": { "en-US": "Variance A − B", "zh-CN": "差额 A − B" },
  "reconcile.detail.note": { "en-US": "Notes", "zh-CN": "说明" },
  "reconcile.note.keyA": { "en-US": "key A: {explanation}", "zh-CN": "A 单号：{explanation}" },
  "reconcile.note.keyB": { "en-US": "key B: {explanation}", "zh-CN": "B 单号：{explanation}" },
  "reconcile.note.also": { "en-US": "also: {outcomes}", "zh-CN": "另有：{outcomes}" },
  "reconcile.note.otherCurrency": {
    "en-US": "the key is on the other side in {currency}",
    "zh-CN": "另一边有该单号，但币种为 {currency}",
  },
  "reconcile.note.manySide": {
    "en-US": "several rows in {side}",
    "zh-CN": "{side} 中有多行",
  },
} satisfies Catalog;
