import type { Catalog } from "../types";

/** Messages of the analytics area (roll-forward, KPIs, rep scorecard, provision, reporting currency). */
export const analyticsMessages = {
  "analytics.history.open-amounts": {
    "en-US": "The book has no payments table: balances come from the open-amount column, and the settled part of each invoice is shown as cash in the invoice's month (the payment dates are unknown).",
    "zh-CN": "账簿没有收款表：余额取自未结金额列，每张发票已结清的部分按发票所在月份计为回款（收款日期未知）。",
  },
  "analytics.provision.no-history": {
    "en-US": "No roll-rate history reaches bucket {bucket} in {currency}: its derived loss rate is 0 %. Give rates with --rates, or choose more months of history.",
    "zh-CN": "{currency} 的账龄段 {bucket} 没有可用的迁徙率历史：推算的损失率为 0%。请用 --rates 指定损失率，或选择更多月份的历史。",
  },
  "analytics.fx.columns": {
    "en-US": "The rates table {sheet} needs a Currency column and a Rate column.",
    "zh-CN": "汇率表 {sheet} 需要“币种”列和“汇率”列。",
  },
  "analytics.fx.currency": {
    "en-US": "{sheet} row {row}: {value} is not a currency code; the row is skipped.",
    "zh-CN": "{sheet} 第 {row} 行：{value} 不是币种代码；已跳过该行。",
  },
  "analytics.fx.rate": {
    "en-US": "{sheet} row {row}: rate {value} is not a positive number; the row is skipped.",
    "zh-CN": "{sheet} 第 {row} 行：汇率 {value} 不是正数；已跳过该行。",
  },
  "analytics.fx.date": {
    "en-US": "{sheet} row {row}: {value} is not a date; the row is skipped.",
    "zh-CN": "{sheet} 第 {row} 行：{value} 不是日期；已跳过该行。",
  },
  "analytics.fx.missing": {
    "en-US": "No rate from {currency} to {report} on {date}: the converted totals leave {currency} out and show no total for that date.",
    "zh-CN": "没有 {date} 从 {currency} 折算为 {report} 的汇率：折算合计不含 {currency}，该日期不显示折算合计。",
  },
  "analytics.sheet.rollforward": {
    "en-US": "AR Roll-forward {period}",
    "zh-CN": "应收滚动 {period}",
  },
  "analytics.sheet.scorecard": {
    "en-US": "AR Rep Scorecard {period}",
    "zh-CN": "销售员考核 {period}",
  },
  "analytics.sheet.provision": {
    "en-US": "AR Provision {period}",
    "zh-CN": "坏账准备 {period}",
  },
  "analytics.title.rollforward": {
    "en-US": "Accounts receivable roll-forward",
    "zh-CN": "应收账款滚动表",
  },
  "analytics.title.roll-rates": {
    "en-US": "Roll rates (share of a bucket found one bucket older a month later)",
    "zh-CN": "迁徙率（上月某账龄段在本月进入下一账龄段的比例）",
  },
  "analytics.title.kpi": {
    "en-US": "Collection KPIs",
    "zh-CN": "回款指标",
  },
  "analytics.title.converted": {
    "en-US": "Converted totals in {currency}",
    "zh-CN": "折算为 {currency} 的合计",
  },
  "analytics.title.scorecard": {
    "en-US": "Sales rep scorecard",
    "zh-CN": "销售员欠款考核",
  },
  "analytics.title.provision": {
    "en-US": "Expected credit loss (IFRS 9 simplified approach)",
    "zh-CN": "坏账准备（IFRS 9 简化方法）",
  },
  "analytics.title.movement": {
    "en-US": "Movement against the previous provision",
    "zh-CN": "与上期坏账准备的变动",
  },
  "analytics.title.derivation": {
    "en-US": "How the loss rates were reached",
    "zh-CN": "损失率的推算过程",
  },
  "analytics.title.roll-averages": {
    "en-US": "Average roll rates and the monthly rates averaged",
    "zh-CN": "平均迁徙率及其各月数值",
  },
  "analytics.title.customers": {
    "en-US": "Provision by customer (total shared by largest remainder)",
    "zh-CN": "按客户的坏账准备（合计按最大余数法分摊）",
  },
  "analytics.period": {
    "en-US": "From {from} to {to}",
    "zh-CN": "{from} 至 {to}",
  },
  "analytics.month": {
    "en-US": "Month {month}",
    "zh-CN": "月份 {month}",
  },
  "analytics.method.rates": {
    "en-US": "Loss rates: given",
    "zh-CN": "损失率：指定",
  },
  "analytics.method.roll-rate": {
    "en-US": "Loss rates: derived by the roll-rate method",
    "zh-CN": "损失率：按迁徙率法推算",
  },
  "analytics.derivation.given": {
    "en-US": "The loss rates were given, one per bucket; each row's provision = amount × rate, rounded to the currency's minor unit.",
    "zh-CN": "损失率为指定值，每个账龄段一个；每行坏账准备 = 金额 × 损失率，四舍五入到币种最小单位。",
  },
  "analytics.derivation.formula": {
    "en-US": "Loss rate = product of the average roll rates from the bucket to the last one (over {months} month-ends, {from} to {to}) × last bucket's loss share × (1 + adjustment), capped at 100 %.",
    "zh-CN": "损失率 = 该账龄段至最后一段的平均迁徙率之积（{from} 至 {to} 共 {months} 个月末）× 最后一段的损失比例 × (1 + 前瞻性调整)，上限 100%。",
  },
  "analytics.chart.rollforward": {
    "en-US": "Month-end aging, {currency}",
    "zh-CN": "月末账龄，{currency}",
  },
  "analytics.chart.scorecard": {
    "en-US": "Collection rate and overdue % by rep, {currency}",
    "zh-CN": "各销售员回款率与逾期率，{currency}",
  },
  "analytics.column.month": {
    "en-US": "Month",
    "zh-CN": "月份",
  },
  "analytics.column.opening": {
    "en-US": "Opening",
    "zh-CN": "期初",
  },
  "analytics.column.invoiced": {
    "en-US": "Invoiced",
    "zh-CN": "本期开票",
  },
  "analytics.column.credits": {
    "en-US": "Credits",
    "zh-CN": "贷项",
  },
  "analytics.column.cash": {
    "en-US": "Cash",
    "zh-CN": "回款",
  },
  "analytics.column.refunds": {
    "en-US": "Refunds",
    "zh-CN": "退款",
  },
  "analytics.column.closing": {
    "en-US": "Closing",
    "zh-CN": "期末",
  },
  "analytics.column.current": {
    "en-US": "Current",
    "zh-CN": "未到期",
  },
  "analytics.column.overdue": {
    "en-US": "Overdue",
    "zh-CN": "逾期",
  },
  "analytics.column.overdue61": {
    "en-US": "Overdue 61+",
    "zh-CN": "逾期61天以上",
  },
  "analytics.column.translation": {
    "en-US": "FX translation",
    "zh-CN": "汇率折算差额",
  },
  "analytics.column.sales": {
    "en-US": "Sales",
    "zh-CN": "销售额",
  },
  "analytics.column.dso": {
    "en-US": "DSO",
    "zh-CN": "DSO",
  },
  "analytics.column.dso-count-back": {
    "en-US": "DSO count-back",
    "zh-CN": "倒推DSO",
  },
  "analytics.column.bpdso": {
    "en-US": "Best DSO",
    "zh-CN": "最佳DSO",
  },
  "analytics.column.add": {
    "en-US": "ADD",
    "zh-CN": "平均拖欠天数",
  },
  "analytics.column.cei": {
    "en-US": "CEI %",
    "zh-CN": "回款效率%",
  },
  "analytics.column.overdue-pct": {
    "en-US": "Overdue %",
    "zh-CN": "逾期率%",
  },
  "analytics.column.collection-rate": {
    "en-US": "Collection %",
    "zh-CN": "回款率%",
  },
  "analytics.column.rank": {
    "en-US": "Rank",
    "zh-CN": "排名",
  },
  "analytics.column.collected": {
    "en-US": "Collected",
    "zh-CN": "回款",
  },
  "analytics.column.over-limit": {
    "en-US": "Over limit",
    "zh-CN": "超信用额度",
  },
  "analytics.column.amount": {
    "en-US": "Amount",
    "zh-CN": "金额",
  },
  "analytics.column.loss-rate": {
    "en-US": "Loss rate %",
    "zh-CN": "损失率%",
  },
  "analytics.column.provision": {
    "en-US": "Provision",
    "zh-CN": "坏账准备",
  },
  "analytics.column.previous": {
    "en-US": "Previous",
    "zh-CN": "上期",
  },
  "analytics.column.movement": {
    "en-US": "Movement",
    "zh-CN": "变动",
  },
  "analytics.column.product": {
    "en-US": "Product of roll rates",
    "zh-CN": "迁徙率之积",
  },
  "analytics.column.last-share": {
    "en-US": "Last bucket loss %",
    "zh-CN": "最后一段损失比例%",
  },
  "analytics.column.adjust": {
    "en-US": "Adjustment %",
    "zh-CN": "前瞻性调整%",
  },
  "analytics.column.roll": {
    "en-US": "Roll",
    "zh-CN": "迁徙",
  },
  "analytics.column.average": {
    "en-US": "Average",
    "zh-CN": "平均",
  },
  "analytics.kpi.count-back-exhausted": {
    "en-US": "Count-back DSO for {currency} at {month}: the balance outlasts the ledger's first month ({first}); the days shown stop there and are a lower bound.",
    "zh-CN": "{currency} 在 {month} 的倒推DSO：余额超过账簿第一个月（{first}）的销售额；显示的天数止于该月，为下限。",
  },
  "analytics.fx.no-table": {
    "en-US": "No table or sheet named {table} holds the exchange rates; converted totals are left out.",
    "zh-CN": "找不到名为 {table} 的汇率表或工作表；不显示折算合计。",
  },
  "analytics.no-invoices": {
    "en-US": "No invoice table was found in the workbook.",
    "zh-CN": "工作簿中未找到发票表。",
  },
} satisfies Catalog;
