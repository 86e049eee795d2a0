import type { Catalog } from "../types";

/**
 * Messages of collections: the follow-up log ("AR Follow-ups" / 催收记录), the ladder, early
 * warnings, the "AR Collections" and letters sheets, the task pane's Collections view and the
 * `ar-desk collections` command.
 */
export const collectionsMessages = {
  // --- The follow-up log ---------------------------------------------------------------------------
  "collections.log.sheet": { "en-US": "AR Follow-ups", "zh-CN": "催收记录" },
  "collections.log.column.date": { "en-US": "Date", "zh-CN": "日期" },
  "collections.log.column.customer": { "en-US": "Customer", "zh-CN": "客户" },
  "collections.log.column.invoice": { "en-US": "Invoice", "zh-CN": "发票号" },
  "collections.log.column.type": { "en-US": "Type", "zh-CN": "类型" },
  "collections.log.column.amount": { "en-US": "Amount", "zh-CN": "金额" },
  "collections.log.column.until": { "en-US": "Until", "zh-CN": "承诺日期" },
  "collections.log.column.status": { "en-US": "Status", "zh-CN": "状态" },
  "collections.log.column.by": { "en-US": "By", "zh-CN": "记录人" },
  "collections.log.column.note": { "en-US": "Note", "zh-CN": "备注" },
  "collections.log.word.call": { "en-US": "call", "zh-CN": "电话" },
  "collections.log.word.email": { "en-US": "email", "zh-CN": "邮件" },
  "collections.log.word.letter": { "en-US": "letter", "zh-CN": "函件" },
  "collections.log.word.visit": { "en-US": "visit", "zh-CN": "拜访" },
  "collections.log.word.note": { "en-US": "note", "zh-CN": "备注" },
  "collections.log.word.promise": { "en-US": "promise", "zh-CN": "承诺" },
  "collections.log.word.dispute": { "en-US": "dispute", "zh-CN": "争议" },
  "collections.log.word.plan": { "en-US": "plan", "zh-CN": "分期" },
  "collections.log.word.open": { "en-US": "open", "zh-CN": "未结" },
  "collections.log.word.resolved": { "en-US": "resolved", "zh-CN": "已结" },

  "collections.log.date.missing": { "en-US": "The follow-up has no date; the row is left out.", "zh-CN": "催收记录缺少日期，该行未计入。" },
  "collections.log.customer.unknown": {
    "en-US": "The customer {value} is not in the ledger; the follow-up is left out.",
    "zh-CN": "客户{value}不在应收账中，该催收记录未计入。",
  },
  "collections.log.type.unknown": {
    "en-US": "The type {value} is not one of call, email, letter, visit, note, promise, dispute, plan; the row is left out.",
    "zh-CN": "类型{value}不是电话、邮件、函件、拜访、备注、承诺、争议、分期之一，该行未计入。",
  },
  "collections.log.status.unknown": {
    "en-US": "The status {value} is neither open nor resolved; the row is left out.",
    "zh-CN": "状态{value}既不是未结也不是已结，该行未计入。",
  },
  "collections.log.invoice.unknown": {
    "en-US": "The invoice {value} is not in the ledger; the follow-up is left out.",
    "zh-CN": "发票{value}不在应收账中，该催收记录未计入。",
  },
  "collections.log.invoice.otherCustomer": {
    "en-US": "The invoice {value} belongs to another customer than {customer}; the follow-up is left out.",
    "zh-CN": "发票{value}不属于客户{customer}，该催收记录未计入。",
  },
  "collections.log.dispute.invoice": {
    "en-US": "A dispute needs the invoice it is about; the row is left out.",
    "zh-CN": "争议记录需要填写所涉发票号，该行未计入。",
  },
  "collections.log.amount.negative": {
    "en-US": "The amount {value} is negative; the row is left out.",
    "zh-CN": "金额{value}为负数，该行未计入。",
  },
  "collections.log.promise.amount": {
    "en-US": "A promise or plan instalment needs a positive amount; the row is left out.",
    "zh-CN": "承诺或分期记录需要填写正数金额，该行未计入。",
  },
  "collections.log.promise.until": {
    "en-US": "A promise or plan instalment needs the date it is promised for (until); the row is left out.",
    "zh-CN": "承诺或分期记录需要填写承诺日期，该行未计入。",
  },
  "collections.log.promise.beforeDate": {
    "en-US": "The promised date {value} is before the date of the row; the row is left out.",
    "zh-CN": "承诺日期{value}早于记录日期，该行未计入。",
  },

  // --- Ladder and warnings settings ----------------------------------------------------------------
  "collections.ladder.empty": { "en-US": "The ladder has no stages.", "zh-CN": "催收策略没有任何阶段。" },
  "collections.ladder.shape": {
    "en-US": "Ladder stage {stage}: each stage needs whole numbers fromDays and toDays (null for the last), at most 10 stages.",
    "zh-CN": "催收策略第 {stage} 阶段：每个阶段需要整数 fromDays 和 toDays（最后一个阶段为 null），最多 10 个阶段。",
  },
  "collections.ladder.numbering": {
    "en-US": "Ladder stage {stage}: stages are numbered 0, 1, 2, … in order.",
    "zh-CN": "催收策略第 {stage} 阶段：阶段须按 0、1、2……顺序编号。",
  },
  "collections.ladder.gap": {
    "en-US": "Ladder stage {stage}: a stage starts the day after the previous one ends (no gaps, no overlaps).",
    "zh-CN": "催收策略第 {stage} 阶段：每个阶段须紧接上一阶段结束后的一天开始（不能有空档或重叠）。",
  },
  "collections.ladder.order": {
    "en-US": "Ladder stage {stage}: toDays is before fromDays.",
    "zh-CN": "催收策略第 {stage} 阶段：toDays 小于 fromDays。",
  },
  "collections.ladder.open": {
    "en-US": "Ladder stage {stage}: only the last stage is open-ended (toDays null), and it must be.",
    "zh-CN": "催收策略第 {stage} 阶段：只有最后一个阶段无上限（toDays 为 null），且必须如此。",
  },
  "collections.ladder.action": {
    "en-US": "Ladder stage {stage}: the action needs an en-US and a zh-CN text.",
    "zh-CN": "催收策略第 {stage} 阶段：措施需要 en-US 和 zh-CN 两种文字。",
  },
  "collections.warnings.invalid": {
    "en-US": "Early-warning rule {rule}: unknown rule or threshold (thresholds are numbers ≥ 0, enabled is true or false).",
    "zh-CN": "预警规则 {rule}：规则或阈值无法识别（阈值为不小于 0 的数字，enabled 为 true 或 false）。",
  },

  // --- Warnings ------------------------------------------------------------------------------------
  "collections.warning.oldestOverdue": {
    "en-US": "Oldest overdue {value} days (over {threshold})",
    "zh-CN": "最长逾期 {value} 天（超过 {threshold} 天）",
  },
  "collections.warning.overdueAmount": { "en-US": "Overdue {value} (above {threshold})", "zh-CN": "逾期金额 {value}（超过 {threshold}）" },
  "collections.warning.creditUtilisation": {
    "en-US": "Credit used {value}% (from {threshold}%)",
    "zh-CN": "额度使用 {value}%（{threshold}% 起预警）",
  },
  "collections.warning.brokenPromise": {
    "en-US": "{value} broken promise(s) (from {threshold})",
    "zh-CN": "{value} 次未履行承诺（{threshold} 次起预警）",
  },
  "collections.warning.agingWorsened": {
    "en-US": "61+ balance {value}, was {threshold} at the previous month-end",
    "zh-CN": "61天以上余额 {value}，上月末为 {threshold}",
  },
  "collections.warning.newOverdue": {
    "en-US": "Newly overdue: {value} (nothing overdue at the previous month-end, {threshold})",
    "zh-CN": "新增逾期：{value}（上月末无逾期，{threshold}）",
  },
  "collections.rule.oldestOverdue": { "en-US": "Oldest overdue", "zh-CN": "逾期过久" },
  "collections.rule.overdueAmount": { "en-US": "Overdue amount", "zh-CN": "逾期金额过大" },
  "collections.rule.creditUtilisation": { "en-US": "Credit utilisation", "zh-CN": "额度使用过高" },
  "collections.rule.brokenPromise": { "en-US": "Broken promise", "zh-CN": "未履行承诺" },
  "collections.rule.agingWorsened": { "en-US": "Aging worsened", "zh-CN": "账龄恶化" },
  "collections.rule.newOverdue": { "en-US": "New overdue", "zh-CN": "新增逾期" },

  // --- Sheets --------------------------------------------------------------------------------------
  "collections.sheet.name": { "en-US": "AR Collections {period}", "zh-CN": "催收 {period}" },
  "collections.sheet.title": { "en-US": "Collections worklist", "zh-CN": "催收工作清单" },
  "collections.sheet.rules": {
    "en-US":
      "Score = Σ chase × weight (1–30 days ×1, 31–60 ×2, 61–90 ×3, 91+ ×4) in minor units of {currency} (other currencies at the workbook's rates; without a rate in their own, ranked after, by currency), +25 % broken promise, +25 % Hold/Blocked. Chase = overdue − disputed − promised.",
    "zh-CN":
      "评分 = Σ 应催金额 × 权重（逾期 1–30 天 ×1、31–60 ×2、61–90 ×3、91 天以上 ×4，按 {currency} 最小货币单位；其他币种按工作簿中的汇率折算，无汇率的按本币计、按币种排在后面），未履行承诺 +25%，冻结/停供 +25%。应催 = 逾期 − 争议 − 已承诺。",
  },
  "collections.sheet.noStage": {
    "en-US": "Nothing to chase: overdue items disputed or promised",
    "zh-CN": "无需催收：逾期款项均有争议或已承诺",
  },
  "collections.sheet.warnings": { "en-US": "Early warnings", "zh-CN": "预警" },
  "collections.sheet.none": { "en-US": "None", "zh-CN": "无" },
  "collections.column.rank": { "en-US": "Rank", "zh-CN": "排名" },
  "collections.column.stage": { "en-US": "Stage", "zh-CN": "阶段" },
  "collections.column.action": { "en-US": "Action", "zh-CN": "措施" },
  "collections.column.overdue": { "en-US": "Overdue", "zh-CN": "逾期金额" },
  "collections.column.disputed": { "en-US": "Disputed", "zh-CN": "争议金额" },
  "collections.column.promised": { "en-US": "Promised", "zh-CN": "已承诺" },
  "collections.column.chase": { "en-US": "Chase", "zh-CN": "应催金额" },
  "collections.column.oldest": { "en-US": "Oldest days", "zh-CN": "最长逾期天数" },
  "collections.column.score": { "en-US": "Score", "zh-CN": "评分" },
  "collections.column.credit": { "en-US": "Credit status", "zh-CN": "信用状态" },
  "collections.column.lastContact": { "en-US": "Last contact", "zh-CN": "最近联系" },
  "collections.column.nextDate": { "en-US": "Next date", "zh-CN": "下次日期" },
  "collections.column.broken": { "en-US": "Broken promises", "zh-CN": "未履行承诺" },
  "collections.column.email": { "en-US": "Email", "zh-CN": "邮箱" },
  "collections.column.phone": { "en-US": "Phone", "zh-CN": "电话" },
  "collections.column.rule": { "en-US": "Rule", "zh-CN": "规则" },
  "collections.column.warning": { "en-US": "Warning", "zh-CN": "预警说明" },
  "collections.letters.sheet": { "en-US": "AR Letters {period}", "zh-CN": "催款函 {period}" },
  "collections.letters.footer": { "en-US": "Page &P of &N", "zh-CN": "第 &P 页，共 &N 页" },
  "collections.letters.asked": { "en-US": "Amount asked", "zh-CN": "本次催收金额" },
  "collections.letters.overdue": { "en-US": "Total overdue", "zh-CN": "逾期合计" },
  "collections.letters.interest": { "en-US": "Interest", "zh-CN": "逾期利息" },
  "collections.letters.fee": { "en-US": "Fees", "zh-CN": "费用" },
  "collections.letters.total": { "en-US": "Amount due", "zh-CN": "应付合计" },
  "collections.letters.subject": { "en-US": "Subject: {subject}", "zh-CN": "主题：{subject}" },

  // --- Command line --------------------------------------------------------------------------------
  "collections.cli.help": {
    "en-US":
      'ar-desk collections --input BOOK [--as-of YYYY-MM-DD] [--ladder FILE] [--warnings FILE]\n                    [--letters DIR] [--lang en-US|zh-CN] [--json FILE|-] [--out FILE.xlsx]\n\nWho to chase today: one row per customer and currency with something to chase, ranked by score,\nwith the ladder\'s action, promises (open, kept, broken), disputes and early warnings. The follow-up\nlog is read from the book (table "AR Follow-ups" / "催收记录").\n\n  --input      the ledger: .xlsx workbook, CSV file or folder of CSV files\n  --as-of      date to chase as of (default: today)\n  --ladder     JSON file of stages [{ stage, fromDays, toDays, action: { en-US, zh-CN } }]\n  --warnings   JSON file of early-warning rules and thresholds\n               (without them: the ladder, rules, letter templates and late fee saved in the\n               workbook by the task pane, else the defaults; the summary says which)\n  --letters    folder for one .eml letter per customer (opens as a draft in Outlook)\n  --late-fee   yearly interest rate on overdue amounts in the letters (0.18 or 18%), as AR.LATEFEE\n  --fixed-fee  fixed fee per overdue item in the letters\n  --currency   currency of rows without one (default USD)\n  --date-order DMY, MDY or YMD for ambiguous text dates\n  --json       write the JSON result to FILE, or - for standard output\n  --out        write the "AR Collections" and letters sheets to FILE.xlsx',
    "zh-CN":
      "ar-desk collections --input 账簿 [--as-of YYYY-MM-DD] [--ladder 文件] [--warnings 文件]\n                    [--letters 目录] [--lang en-US|zh-CN] [--json 文件|-] [--out 文件.xlsx]\n\n今天该催谁：每个客户和币种一行，按评分排名，列出催收策略的措施、承诺（未到期、已履行、未履行）、\n争议和预警。催收记录从账簿中读取（表“AR Follow-ups”/“催收记录”）。\n\n  --input      应收账：.xlsx 工作簿、CSV 文件或 CSV 文件夹\n  --as-of      催收基准日（默认：今天）\n  --ladder     催收策略 JSON 文件 [{ stage, fromDays, toDays, action: { en-US, zh-CN } }]\n  --warnings   预警规则及阈值 JSON 文件\n               （未指定时：使用任务窗格保存在工作簿中的催收策略、预警规则、函件模板和滞纳金，\n               否则使用默认值；摘要会说明所用来源）\n  --letters    催款函输出目录，每个客户一个 .eml（在 Outlook 中作为草稿打开）\n  --late-fee   催款函中逾期金额的年利率（0.18 或 18%），与 AR.LATEFEE 相同\n  --fixed-fee  催款函中每笔逾期款项的固定费用\n  --currency   未注明币种的行所用币种（默认 USD）\n  --date-order 含糊文本日期的顺序：DMY、MDY 或 YMD\n  --json       将 JSON 结果写入文件，- 表示标准输出\n  --out        将“催收”和催款函工作表写入 .xlsx 文件",
  },
  "collections.cli.summary": {
    "en-US": "Collections as of {asOf}: {customers} customers to follow up, {warnings} warnings, {issues} follow-up rows with issues.",
    "zh-CN": "催收（截至 {asOf}）：{customers} 个客户需跟进，{warnings} 条预警，{issues} 条催收记录有问题。",
  },
  "collections.cli.rules": {
    "en-US": "Rules used: ladder {ladder}; warnings {warnings}; letter templates {templates}; late fee {lateFee}.",
    "zh-CN": "所用规则：催收策略{ladder}；预警规则{warnings}；函件模板{templates}；滞纳金{lateFee}。",
  },
  "collections.cli.rules.option": { "en-US": "from {option} {file}", "zh-CN": "来自 {option} {file}" },
  "collections.cli.rules.workbook": { "en-US": "saved in the workbook", "zh-CN": "为工作簿中保存的设置" },
  "collections.cli.rules.default": { "en-US": "defaults", "zh-CN": "为默认值" },
  "collections.cli.rules.none": { "en-US": "none", "zh-CN": "无" },
  "collections.cli.unconverted": {
    "en-US":
      "No rate to {currency} for {currencies}: those customers' scores stay in their own currency and rank after, by currency. Add a rate table to the workbook to rank everyone together.",
    "zh-CN": "{currencies} 没有到 {currency} 的汇率：这些客户的评分按本币计，按币种排在后面。在工作簿中添加汇率表即可统一排名。",
  },
  "collections.cli.letters": { "en-US": "Letters written: {count} in {dir}", "zh-CN": "已写入催款函：{count} 封，目录 {dir}" },
  "collections.cli.badFile": { "en-US": "{option} {file}: {detail}", "zh-CN": "{option} {file}：{detail}" },

  // --- Task pane -----------------------------------------------------------------------------------
  "collections.pane.tab": { "en-US": "Collections", "zh-CN": "催收" },
  "pane.tab.collections": { "en-US": "Collections", "zh-CN": "催收" },
  "collections.pane.run": { "en-US": "Build worklist", "zh-CN": "生成催收清单" },
  "collections.pane.running": { "en-US": "Working…", "zh-CN": "处理中…" },
  "collections.pane.rep": { "en-US": "Sales rep", "zh-CN": "业务员" },
  "collections.pane.stage": { "en-US": "Stage", "zh-CN": "阶段" },
  "collections.pane.all": { "en-US": "All", "zh-CN": "全部" },
  "collections.pane.noStage": { "en-US": "No stage", "zh-CN": "无阶段" },
  "collections.pane.empty": { "en-US": "Nothing to chase as of {asOf}.", "zh-CN": "截至 {asOf} 没有需要催收的款项。" },
  "collections.pane.warnings": { "en-US": "{count} warnings", "zh-CN": "{count} 条预警" },
  "collections.pane.items": { "en-US": "Open items of {customer}", "zh-CN": "{customer} 的未结款项" },
  "collections.pane.log": { "en-US": "Log follow-up", "zh-CN": "记录跟进" },
  "collections.pane.letter": { "en-US": "Letter", "zh-CN": "催款函" },
  "collections.pane.letters": { "en-US": "Letters for the {count} listed", "zh-CN": "为所列 {count} 个客户生成催款函" },
  "collections.pane.copy": { "en-US": "Copy as email", "zh-CN": "复制为邮件" },
  "collections.pane.copied": {
    "en-US": "The letter to {customer} is on the clipboard: paste it into a new e-mail.",
    "zh-CN": "致 {customer} 的催款函已复制，可粘贴到新邮件中。",
  },
  "collections.pane.days": { "en-US": "Days", "zh-CN": "逾期天数" },
  "collections.pane.rules": { "en-US": "Collection rules", "zh-CN": "催收规则" },
  "collections.pane.rules.hide": { "en-US": "Hide rules", "zh-CN": "收起规则" },
  "collections.pane.rules.toDays": { "en-US": "Stage {stage}: up to days past due", "zh-CN": "阶段 {stage}：逾期天数上限" },
  "collections.pane.rules.lastStage": { "en-US": "Stage {stage}: from {from} days past due", "zh-CN": "阶段 {stage}：逾期 {from} 天起" },
  "collections.pane.rules.action": { "en-US": "Stage {stage}: action", "zh-CN": "阶段 {stage}：措施" },
  "collections.pane.rules.oldest": { "en-US": "Warn when oldest overdue is more than (days)", "zh-CN": "最长逾期超过（天）时预警" },
  "collections.pane.rules.amount": { "en-US": "Warn when overdue is above (0 = off)", "zh-CN": "逾期金额超过（0 为关闭）时预警" },
  "collections.pane.rules.utilisation": { "en-US": "Warn from credit used (%)", "zh-CN": "额度使用达到（%）时预警" },
  "collections.pane.rules.rate": { "en-US": "Late-fee interest per year (%)", "zh-CN": "逾期年利率（%）" },
  "collections.pane.rules.fee": { "en-US": "Fixed fee per overdue item", "zh-CN": "每笔逾期款项固定费用" },
  "collections.pane.rules.remit": { "en-US": "Remit to (one line each)", "zh-CN": "收款账户（每行一项）" },
  "collections.pane.rules.template": { "en-US": "Letter of stage", "zh-CN": "催款函模板（阶段）" },
  "collections.pane.rules.subject": { "en-US": "Subject", "zh-CN": "主题" },
  "collections.pane.rules.body": { "en-US": "Letter text", "zh-CN": "正文" },
  "collections.pane.rules.fields": {
    "en-US":
      "Fields: {customer} {asOf} {currency} {amount} {overdue} {interest} {fee} {total} {action} {remitTo}; {items} on its own line places the items table.",
    "zh-CN":
      "字段：{customer} {asOf} {currency} {amount} {overdue} {interest} {fee} {total} {action} {remitTo}；{items} 单独一行放置款项明细表。",
  },
  "collections.pane.rules.save": { "en-US": "Save rules", "zh-CN": "保存规则" },
  "collections.pane.rules.saved": { "en-US": "Rules saved in the workbook.", "zh-CN": "规则已保存到工作簿。" },
  "collections.pane.rules.bad": { "en-US": "Numbers must be 0 or more.", "zh-CN": "数字须大于或等于 0。" },
  "collections.pane.save": { "en-US": "Add to log", "zh-CN": "添加到催收记录" },
  "collections.pane.cancel": { "en-US": "Cancel", "zh-CN": "取消" },
  "collections.pane.logged": { "en-US": "Added to {table} at row {row}.", "zh-CN": "已添加到 {table} 第 {row} 行。" },
  "collections.pane.lettersWritten": { "en-US": "Letters written to {sheet}.", "zh-CN": "催款函已写入 {sheet}。" },
  "collections.pane.written": {
    "en-US": "Worklist written to {sheet}; {count} warned customers highlighted.",
    "zh-CN": "催收清单已写入 {sheet}；已标出 {count} 个预警客户。",
  },
  "collections.pane.clear": { "en-US": "Clear highlights", "zh-CN": "清除标记" },
  "collections.pane.cleared": { "en-US": "{count} highlights removed.", "zh-CN": "已清除 {count} 个标记。" },
  "collections.pane.invalid": { "en-US": "Check the date and the amount.", "zh-CN": "请检查日期和金额。" },
  "collections.pane.score": {
    "en-US": "Score {score} = {weighted} + broken {broken} + hold {hold}",
    "zh-CN": "评分 {score} = {weighted} + 未履约 {broken} + 冻结 {hold}",
  },
} satisfies Catalog;
