import type { Catalog } from "../types";

/** Messages of the analytics area (roll-forward, KPIs, rep scorecard, provision, reporting currency). */
export const analyticsMessages = {
  "analytics.history.open-amounts": {
    "en-US":
      "The book has no payments table: balances come from the open-amount column, and the settled part of each invoice is shown as cash in the invoice's month (the payment dates are unknown).",
    "zh-CN": "账簿没有收款表：余额取自未结金额列，每张发票已结清的部分按发票所在月份计为回款（收款日期未知）。",
  },
  "analytics.provision.no-history": {
    "en-US":
      "No roll-rate history reaches bucket {bucket} in {currency}: its derived loss rate is 0 %. Give rates with --rates, or choose more months of history.",
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
  "analytics.title.converted-kpi": {
    "en-US": "Collection KPIs of the totals in {currency}",
    "zh-CN": "折算为 {currency} 的回款指标",
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
    "en-US":
      "Loss rate = product of the average roll rates from the bucket to the last one (over {months} month-ends, {from} to {to}) × last bucket's loss share × (1 + adjustment), capped at 100 %.",
    "zh-CN":
      "损失率 = 该账龄段至最后一段的平均迁徙率之积（{from} 至 {to} 共 {months} 个月末）× 最后一段的损失比例 × (1 + 前瞻性调整)，上限 100%。",
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
    "en-US":
      "Count-back DSO for {currency} at {month}: the balance outlasts the ledger's first month ({first}); the days shown stop there and are a lower bound.",
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
  "analytics.cli.badMonth": {
    "en-US": "{option} must be a month written YYYY-MM, not {value}.",
    "zh-CN": "{option} 须为 YYYY-MM 格式的月份，而不是 {value}。",
  },
  "analytics.cli.badRange": {
    "en-US": "--from {from} must not be after --to {to}, and the range must be under 600 months.",
    "zh-CN": "--from {from} 不能晚于 --to {to}，且区间须少于 600 个月。",
  },
  "analytics.cli.badRates": {
    "en-US": "--rates {value}: give {count} loss rates in percent (one per bucket, 0 to 100), as a list or a file.",
    "zh-CN": "--rates {value}：须给出 {count} 个百分比损失率（每个账龄段一个，0 至 100），可为列表或文件。",
  },
  "analytics.cli.badNumber": {
    "en-US": "{option} must be a number from {min} to {max}, not {value}.",
    "zh-CN": "{option} 须为 {min} 至 {max} 之间的数字，而不是 {value}。",
  },
  "analytics.cli.badPrevious": {
    "en-US": "--previous {value}: write CUR=AMOUNT[,CUR=AMOUNT…], e.g. USD=500000.",
    "zh-CN": "--previous {value}：格式为 币种=金额[,币种=金额…]，例如 CNY=500000。",
  },
  "analytics.cli.more-issues": {
    "en-US": "… and {count} more issues (see the JSON).",
    "zh-CN": "……另有 {count} 个问题（见 JSON）。",
  },
  "analytics.cli.summary.rollforward": {
    "en-US": "Roll-forward: {months} months, {rows} rows.",
    "zh-CN": "应收滚动：{months} 个月，{rows} 行。",
  },
  "analytics.cli.summary.kpi": {
    "en-US": "KPIs: {months} months; scorecard of {reps} sales reps.",
    "zh-CN": "回款指标：{months} 个月；{reps} 名销售员的考核表。",
  },
  "analytics.cli.summary.provision": {
    "en-US": "Provision {currency}: {provision} on open items of {amount}.",
    "zh-CN": "坏账准备 {currency}：{provision}（未结金额 {amount}）。",
  },
  "analytics.cli.commands": {
    "en-US":
      "  rollforward  month-by-month AR roll-forward and roll rates\n  kpi          DSO, count-back DSO, best-possible DSO, ADD, CEI, overdue %, collection rate; rep scorecard\n  provision    expected credit loss (IFRS 9 simplified approach)",
    "zh-CN":
      "  rollforward  按月应收滚动表与迁徙率\n  kpi          DSO、倒推DSO、最佳DSO、平均拖欠天数、回款效率、逾期率、回款率；销售员考核\n  provision    坏账准备（IFRS 9 简化方法）",
  },
  "analytics.cli.help.rollforward": {
    "en-US":
      "ar-desk rollforward --input BOOK --from YYYY-MM --to YYYY-MM [--by customer|rep] [--json F|-] [--out F.xlsx]\n  Opening, invoiced, credits, cash, refunds and closing per month and currency; closing = the aging's net balance at each month-end.\n  --basis due|invoice  --buckets 30,60,90  --no-auto-apply  --currency USD  --date-order DMY|MDY|YMD\n  --report-currency CNY --rates RATES.csv  converted totals beside the document-currency figures (columns Currency, Rate[, Date])",
    "zh-CN":
      "ar-desk rollforward --input 账簿 --from YYYY-MM --to YYYY-MM [--by customer|rep] [--json 文件|-] [--out 文件.xlsx]\n  每月每币种的期初、开票、贷项、回款、退款与期末；期末 = 各月末账龄的净余额。\n  --basis due|invoice  --buckets 30,60,90  --no-auto-apply  --currency USD  --date-order DMY|MDY|YMD\n  --report-currency CNY --rates 汇率.csv  在原币数字旁加折算合计（列：币种、汇率[、日期]）",
  },
  "analytics.cli.help.kpi": {
    "en-US":
      "ar-desk kpi --input BOOK --from YYYY-MM --to YYYY-MM [--window 3] [--json F|-] [--out F.xlsx]\n  DSO = closing ÷ sales of the window × its days; count-back DSO (exhaustion); best-possible DSO; ADD; CEI %; overdue %; collection rate %; sales-rep scorecard.\n  --basis, --buckets, --no-auto-apply, --currency, --date-order, --report-currency CNY --rates RATES.csv as for rollforward",
    "zh-CN":
      "ar-desk kpi --input 账簿 --from YYYY-MM --to YYYY-MM [--window 3] [--json 文件|-] [--out 文件.xlsx]\n  DSO = 期末 ÷ 窗口期销售额 × 天数；倒推DSO（耗尽法）；最佳DSO；平均拖欠天数；回款效率%；逾期率%；回款率%；销售员考核。\n  --basis、--buckets、--no-auto-apply、--currency、--date-order、--report-currency CNY --rates 汇率.csv 同 rollforward",
  },
  "analytics.cli.help.provision": {
    "en-US":
      "ar-desk provision --input BOOK [--as-of D] [--basis due|invoice] [--buckets 30,60,90] [--rates LIST|FILE] [--history 12] [--adjust PCT] [--json F|-] [--out F.xlsx]\n  Provision = Σ bucket amount × loss rate. --rates gives one rate per bucket in %; without it rates are derived from roll rates over --history months × --last-share (100) × (1 + --adjust %).\n  --previous CUR=AMOUNT  movement against a previous provision;  --report-currency CNY --fx-rates RATES.csv  converted total",
    "zh-CN":
      "ar-desk provision --input 账簿 [--as-of 日期] [--basis due|invoice] [--buckets 30,60,90] [--rates 列表|文件] [--history 12] [--adjust 百分比] [--json 文件|-] [--out 文件.xlsx]\n  坏账准备 = Σ 各账龄段金额 × 损失率。--rates 为每段一个百分比；不给则按 --history 个月的迁徙率推算 × --last-share（100）× (1 + --adjust%)。\n  --previous 币种=金额  与上期坏账准备的变动；--report-currency CNY --fx-rates 汇率.csv  折算合计",
  },
  "pane.tab.insights": {
    "en-US": "Insights",
    "zh-CN": "分析",
  },
  "analytics.pane.tab": {
    "en-US": "Insights",
    "zh-CN": "分析",
  },
  "analytics.pane.period": {
    "en-US": "Months",
    "zh-CN": "月份",
  },
  "analytics.pane.from": {
    "en-US": "From (YYYY-MM)",
    "zh-CN": "起始月（YYYY-MM）",
  },
  "analytics.pane.to": {
    "en-US": "To (YYYY-MM)",
    "zh-CN": "截止月（YYYY-MM）",
  },
  "analytics.pane.window": {
    "en-US": "DSO window (months)",
    "zh-CN": "DSO 窗口（月）",
  },
  "analytics.pane.reportCurrency": {
    "en-US": "Reporting currency",
    "zh-CN": "报告币种",
  },
  "analytics.pane.ratesTable": {
    "en-US": "Rates table",
    "zh-CN": "汇率表",
  },
  "analytics.pane.by": {
    "en-US": "Roll-forward rows",
    "zh-CN": "滚动表行",
  },
  "analytics.pane.by.currency": {
    "en-US": "Currency",
    "zh-CN": "币种",
  },
  "analytics.pane.by.customer": {
    "en-US": "Customer",
    "zh-CN": "客户",
  },
  "analytics.pane.by.rep": {
    "en-US": "Sales rep",
    "zh-CN": "销售员",
  },
  "analytics.pane.previous": {
    "en-US": "Previous provision",
    "zh-CN": "上期坏账准备",
  },
  "analytics.pane.previous.hint": {
    "en-US": "Per currency, e.g. USD=5000, CNY=12000; filled in from the last month-end's run.",
    "zh-CN": "按币种填写，如 USD=5000, CNY=12000；默认取上一月末计算的结果。",
  },
  "analytics.pane.badPrevious": {
    "en-US":
      "Give the previous provision as currency=amount pairs, e.g. USD=5000, CNY=12000 (one amount alone only for a book in one currency).",
    "zh-CN": "上期坏账准备请按“币种=金额”填写，如 USD=5000, CNY=12000（只有单一币种的账簿可只填一个金额）。",
  },
  "analytics.pane.movement": {
    "en-US": "(previous {previous}, movement {movement})",
    "zh-CN": "（上期 {previous}，变动 {movement}）",
  },
  "analytics.pane.run": {
    "en-US": "Analyse",
    "zh-CN": "分析",
  },
  "analytics.pane.running": {
    "en-US": "Analysing…",
    "zh-CN": "正在分析…",
  },
  "analytics.pane.written": {
    "en-US": "Written: {sheets}",
    "zh-CN": "已写入：{sheets}",
  },
  "analytics.pane.kpis": {
    "en-US": "KPIs {month}",
    "zh-CN": "{month} 指标",
  },
  "analytics.pane.months": {
    "en-US": "Month-end balances",
    "zh-CN": "各月末余额",
  },
  "analytics.pane.reps": {
    "en-US": "Sales reps by collection rate",
    "zh-CN": "销售员回款率排名",
  },
  "analytics.pane.provision": {
    "en-US": "Bad-debt provision",
    "zh-CN": "坏账准备",
  },
  "analytics.pane.lossRates": {
    "en-US": "Loss rates %, one per bucket",
    "zh-CN": "损失率%，每个账龄段一个",
  },
  "analytics.pane.lossRates.hint": {
    "en-US": "Or the name of a table holding them; leave empty to derive them from roll rates.",
    "zh-CN": "也可填写存放损失率的表名；留空则按迁徙率推算。",
  },
  "analytics.pane.history": {
    "en-US": "History (months)",
    "zh-CN": "历史月数",
  },
  "analytics.pane.adjust": {
    "en-US": "Adjustment %",
    "zh-CN": "前瞻性调整%",
  },
  "analytics.pane.provide": {
    "en-US": "Calculate provision",
    "zh-CN": "计算坏账准备",
  },
  "analytics.pane.provisionTotal": {
    "en-US": "{currency}: {provision} on {amount}",
    "zh-CN": "{currency}：{provision}（未结 {amount}）",
  },
  "analytics.pane.badMonths": {
    "en-US": "Give the months as YYYY-MM, From not after To.",
    "zh-CN": "请以 YYYY-MM 填写月份，起始月不晚于截止月。",
  },
  "analytics.pane.badWindow": {
    "en-US": "The DSO window is 1 to 24 months.",
    "zh-CN": "DSO 窗口为 1 至 24 个月。",
  },
  "analytics.pane.badRates": {
    "en-US": "Loss rates are percentages from 0 to 100, separated by commas.",
    "zh-CN": "损失率为 0 至 100 的百分数，以逗号分隔。",
  },
  "analytics.pane.badHistory": {
    "en-US": "History is 1 to 120 months; the adjustment is a number.",
    "zh-CN": "历史月数为 1 至 120；调整须为数字。",
  },
  "analytics.pane.badCurrency": {
    "en-US": "A reporting currency is a 3-letter code and needs the name of a rates table.",
    "zh-CN": "报告币种须为三位字母代码，并需填写汇率表名称。",
  },
  "analytics.provision.bad-rate": {
    "en-US": "{sheet} row {row}: loss rate {value} is not a percentage from 0 to 100.",
    "zh-CN": "{sheet} 第 {row} 行：损失率 {value} 不是 0 至 100 之间的百分数。",
  },
  "analytics.provision.rate-count": {
    "en-US": "{sheet} gives {count} loss rates, but the buckets need {buckets} (one per bucket, in order).",
    "zh-CN": "{sheet} 给出 {count} 个损失率，但账龄段需要 {buckets} 个（每段一个，按顺序）。",
  },
  "analytics.provision.no-rates-table": {
    "en-US": "No table or sheet named {table} holds the loss rates.",
    "zh-CN": "找不到名为 {table} 的损失率表或工作表。",
  },
  "analytics.cli.badRateFile": {
    "en-US": "--rates: {message}",
    "zh-CN": "--rates：{message}",
  },
  "analytics.aging-fx.title": {
    "en-US": "Totals in {currency} at the rates of {date}",
    "zh-CN": "折算为 {currency} 的合计（{date} 汇率）",
  },
  "analytics.aging-fx.from": {
    "en-US": "Converted from",
    "zh-CN": "原币",
  },
  "analytics.aging-fx.rate": {
    "en-US": "Rate",
    "zh-CN": "汇率",
  },
  "analytics.aging-fx.total": {
    "en-US": "Total in {currency}",
    "zh-CN": "{currency} 合计",
  },
  "analytics.aging-fx.summary": {
    "en-US": "Net in {currency} at the rates of {date}: {net}",
    "zh-CN": "折算为 {currency} 的净额（{date} 汇率）：{net}",
  },
  "analytics.aging-fx.incomplete": {
    "en-US": "No total in {currency}: no rate for {missing} (see Exceptions).",
    "zh-CN": "无 {currency} 合计：缺少 {missing} 的汇率（见“应收异常”表）。",
  },
} satisfies Catalog;
