import type { Catalog } from "../types";

/**
 * Messages of the addin area (task pane and ribbon commands). Each entry keeps its en-US and
 * zh-CN texts side by side. Ids start with "pane." or "ribbon." so they never collide with the
 * engine's, CLI's or functions' ids.
 */
export const addinMessages = {
  // Shell
  "pane.title": { "en-US": "AR Desk", "zh-CN": "AR Desk 应收账款" },
  "pane.nav": { "en-US": "AR Desk sections", "zh-CN": "AR Desk 功能区" },
  "pane.nav.more": { "en-US": "More", "zh-CN": "更多" },
  "pane.nav.more.label": { "en-US": "More sections ({count})", "zh-CN": "更多功能区（{count} 个）" },
  "pane.tab.data": { "en-US": "Data", "zh-CN": "数据" },
  "pane.tab.aging": { "en-US": "Aging", "zh-CN": "账龄" },
  "pane.tab.settings": { "en-US": "Settings", "zh-CN": "设置" },
  "pane.dismiss": { "en-US": "Dismiss", "zh-CN": "关闭" },
  "pane.error.title": { "en-US": "Something went wrong", "zh-CN": "出现问题" },
  "pane.error.io": { "en-US": "The workbook could not be read or written: {message}", "zh-CN": "无法读取或写入工作簿：{message}" },

  // Roles and fields
  "pane.role.invoices": { "en-US": "Invoices", "zh-CN": "发票" },
  "pane.role.payments": { "en-US": "Payments", "zh-CN": "收款" },
  "pane.role.customers": { "en-US": "Customers", "zh-CN": "客户" },
  "pane.field.invoiceNumber": { "en-US": "Invoice number", "zh-CN": "发票号" },
  "pane.field.customer": { "en-US": "Customer", "zh-CN": "客户" },
  "pane.field.invoiceDate": { "en-US": "Invoice date", "zh-CN": "开票日期" },
  "pane.field.dueDate": { "en-US": "Due date", "zh-CN": "到期日" },
  "pane.field.terms": { "en-US": "Payment terms", "zh-CN": "付款条件" },
  "pane.field.amount": { "en-US": "Amount", "zh-CN": "金额" },
  "pane.field.currency": { "en-US": "Currency", "zh-CN": "币种" },
  "pane.field.salesRep": { "en-US": "Sales rep", "zh-CN": "业务员" },
  "pane.field.documentType": { "en-US": "Document type", "zh-CN": "单据类型" },
  "pane.field.reference": { "en-US": "Reference (original invoice)", "zh-CN": "原发票号" },
  "pane.field.openAmount": { "en-US": "Open amount", "zh-CN": "未收金额" },
  "pane.field.status": { "en-US": "Status", "zh-CN": "状态" },
  "pane.field.po": { "en-US": "PO number", "zh-CN": "采购单号" },
  "pane.field.description": { "en-US": "Description", "zh-CN": "摘要" },
  "pane.field.paymentReference": { "en-US": "Payment reference", "zh-CN": "收款单号" },
  "pane.field.paymentDate": { "en-US": "Payment date", "zh-CN": "收款日期" },
  "pane.field.creditLimit": { "en-US": "Credit limit", "zh-CN": "信用额度" },
  "pane.field.group": { "en-US": "Credit group", "zh-CN": "信用集团" },
  "pane.field.segment": { "en-US": "Segment", "zh-CN": "客户分组" },
  "pane.field.hold": { "en-US": "Credit hold", "zh-CN": "冻结" },

  // Data view
  "pane.data.heading": { "en-US": "Your tables", "zh-CN": "您的表格" },
  "pane.data.intro": {
    "en-US":
      "AR Desk looked for invoice, payment and customer tables. Check the columns it recognised, correct any that are wrong, then save the mapping.",
    "zh-CN": "AR Desk 查找了发票、收款和客户表格。请检查识别出的列，更正有误之处，然后保存映射。",
  },
  "pane.data.loading": { "en-US": "Reading the workbook's tables…", "zh-CN": "正在读取工作簿中的表格…" },
  "pane.data.refresh": { "en-US": "Look for tables again", "zh-CN": "重新查找表格" },
  "pane.data.empty": {
    "en-US": "No table with a header row was found in this workbook. Insert sample data to try AR Desk.",
    "zh-CN": "此工作簿中没有找到带标题行的表格。可插入示例数据试用 AR Desk。",
  },
  "pane.data.tableFor": { "en-US": "{role} table", "zh-CN": "{role}表格" },
  "pane.data.noTable": { "en-US": "None", "zh-CN": "无" },
  "pane.data.tablesHint": {
    "en-US": "Pick several to read them together (one sheet per month).",
    "zh-CN": "可多选，合并读取（如每月一张工作表）。",
  },
  "pane.data.together": { "en-US": "Read together: {tables}", "zh-CN": "合并读取：{tables}" },
  "pane.data.readingTitle": { "en-US": "How this is read", "zh-CN": "读取说明" },
  "pane.data.notFound": { "en-US": "No {role} table was found.", "zh-CN": "未找到{role}表格。" },
  "pane.data.tableSummary": {
    "en-US": "Sheet {sheet}, {rows} rows. Recognised as {role} with {confidence} confidence.",
    "zh-CN": "工作表 {sheet}，共 {rows} 行。识别为{role}，置信度 {confidence}。",
  },
  "pane.data.columnsCaption": { "en-US": "Columns of {table}", "zh-CN": "{table} 的列" },
  "pane.data.fieldHeader": { "en-US": "Field", "zh-CN": "字段" },
  "pane.data.columnHeader": { "en-US": "Column", "zh-CN": "列" },
  "pane.data.confidenceHeader": { "en-US": "Confidence", "zh-CN": "置信度" },
  "pane.data.columnFor": { "en-US": "Column for {field}", "zh-CN": "{field}对应的列" },
  "pane.data.notMapped": { "en-US": "(none)", "zh-CN": "（无）" },
  "pane.data.setByYou": { "en-US": "set by you", "zh-CN": "由您设定" },
  "pane.data.missingTitle": { "en-US": "Required columns missing", "zh-CN": "缺少必需的列" },
  "pane.data.missing": {
    "en-US": "The {role} table {table} has no column for: {fields}.",
    "zh-CN": "{role}表格 {table} 缺少以下列：{fields}。",
  },
  "pane.data.save": { "en-US": "Save mapping", "zh-CN": "保存映射" },
  "pane.data.saved": { "en-US": "Mapping saved in this workbook.", "zh-CN": "映射已保存到此工作簿。" },
  "pane.issue.date.ambiguous": {
    "en-US":
      "The date {value} could be day/month or month/day. Choose the order in Settings › Order of dates written as text, then generate again.",
    "zh-CN": "日期{value}无法确定是日/月还是月/日。请在“设置 › 文本日期的顺序”中选择顺序，然后重新生成。",
  },
  "pane.formatDates.heading": { "en-US": "Dates from AR. functions", "zh-CN": "AR. 函数返回的日期" },
  "pane.formatDates.intro": {
    "en-US":
      "Functions such as AR.DUEDATE return a date as a number (46356); Excel does not let a function format its cell. Select the cells and format them here.",
    "zh-CN": "AR.DUEDATE 等函数以数字（如 46356）返回日期；Excel 不允许函数设置自身单元格的格式。请选中这些单元格，在此设置格式。",
  },
  "pane.formatDates.run": { "en-US": "Format selection as dates", "zh-CN": "将所选单元格设为日期格式" },
  "pane.formatDates.done": { "en-US": "{address} now shows dates.", "zh-CN": "{address} 现以日期显示。" },
  "pane.help": { "en-US": "Help", "zh-CN": "帮助" },
  "pane.help.label": {
    "en-US": "Help: getting started with AR Desk (opens in a new window)",
    "zh-CN": "帮助：AR Desk 使用入门（在新窗口中打开）",
  },
  "pane.data.discard": { "en-US": "Discard changes", "zh-CN": "放弃更改" },
  "pane.aging.unsavedMapping": {
    "en-US": "Unsaved mapping changes in Data: save or discard them before generating, so the aging uses the mapping you see.",
    "zh-CN": "“数据”中的映射有未保存的更改：请先保存或放弃，再生成账龄表，以确保使用您看到的映射。",
  },
  "pane.data.sample": { "en-US": "Insert sample data", "zh-CN": "插入示例数据" },
  "pane.data.sampleInserted.sheets": {
    "en-US": "Sample data inserted: {count} invoices up to last month-end, on new sheets {sheets}.",
    "zh-CN": "已插入示例数据：截至上月末的 {count} 张发票，位于新工作表 {sheets}。",
  },
  "pane.data.samplePresent": {
    "en-US":
      "This workbook already has the sample data (sheets {sheets}); nothing was inserted. Delete those sheets first to insert it again.",
    "zh-CN": "此工作簿已有示例数据（工作表 {sheets}），未再插入。如需重新插入，请先删除这些工作表。",
  },
  "pane.data.sampleInserted": {
    "en-US": "Sample data inserted: {count} invoices in new sheets.",
    "zh-CN": "已在新工作表中插入示例数据：{count} 张发票。",
  },

  // Aging view
  "pane.aging.heading": { "en-US": "Aging report", "zh-CN": "账龄报表" },
  "pane.aging.asOf": { "en-US": "As-of date", "zh-CN": "截止日期" },
  "pane.aging.asOfHint": { "en-US": "Defaults to the last month-end.", "zh-CN": "默认为上个月末。" },
  "pane.aging.asOfError": { "en-US": "Enter a date.", "zh-CN": "请输入日期。" },
  "pane.aging.basis": { "en-US": "Age by", "zh-CN": "账龄依据" },
  "pane.aging.basis.due": { "en-US": "Due date", "zh-CN": "到期日" },
  "pane.aging.basis.invoice": { "en-US": "Invoice date", "zh-CN": "发票日期" },
  "pane.aging.buckets": { "en-US": "Buckets (days)", "zh-CN": "账龄区间（天）" },
  "pane.aging.preset.custom": { "en-US": "Custom", "zh-CN": "自定义" },
  "pane.aging.custom": { "en-US": "Bucket limits in days", "zh-CN": "区间上限（天）" },
  "pane.aging.customHint": {
    "en-US": "Increasing whole numbers separated by commas, such as 15, 30, 60.",
    "zh-CN": "以逗号分隔的递增整数，例如 15, 30, 60。",
  },
  "pane.aging.customError": {
    "en-US": "Enter up to {max} increasing whole numbers of days separated by commas, such as 30, 60, 90.",
    "zh-CN": "请输入以逗号分隔、递增的整数天数（最多 {max} 个），例如 30, 60, 90。",
  },
  "pane.aging.autoApply": { "en-US": "Apply unreferenced cash to the oldest invoices", "zh-CN": "将未注明发票的收款冲抵最早的发票" },
  "pane.aging.groupBy": { "en-US": "Group by", "zh-CN": "分组方式" },
  "pane.aging.groupBy.customer": { "en-US": "Customer", "zh-CN": "客户" },
  "pane.aging.groupBy.salesRep": { "en-US": "Sales rep", "zh-CN": "业务员" },
  "pane.aging.generate": { "en-US": "Generate aging", "zh-CN": "生成账龄表" },
  "pane.aging.cancel": { "en-US": "Cancel", "zh-CN": "取消" },
  "pane.aging.cancelled": { "en-US": "Cancelled. No report sheet was written.", "zh-CN": "已取消，未写入任何报表工作表。" },
  "pane.aging.stopped": { "en-US": "The aging could not run", "zh-CN": "无法生成账龄表" },
  "pane.aging.openData": { "en-US": "Check the tables", "zh-CN": "检查表格" },
  "pane.progress.read": { "en-US": "Reading tables…", "zh-CN": "正在读取表格…" },
  "pane.progress.compute": { "en-US": "Computing the aging…", "zh-CN": "正在计算账龄…" },
  "pane.progress.write": { "en-US": "Writing sheets…", "zh-CN": "正在写入工作表…" },
  "pane.progress.format": { "en-US": "Formatting sheets…", "zh-CN": "正在设置格式…" },

  // Result
  "pane.result.heading": { "en-US": "Aging as of {date}", "zh-CN": "截至 {date} 的账龄" },
  "pane.result.written": { "en-US": "Written: {sheets}.", "zh-CN": "已写入：{sheets}。" },
  "pane.result.leftOut": {
    "en-US": "{count} source rows were left out of the figures because they could not be used; see the issues below.",
    "zh-CN": "有 {count} 行源数据无法使用，未计入金额；详见下方问题列表。",
  },
  "pane.result.withErrors": {
    "en-US": "The data has {count} errors; see the issues below.",
    "zh-CN": "数据中有 {count} 个错误；详见下方问题列表。",
  },
  "pane.aging.announce.stopped": { "en-US": "The aging could not run; the reason is shown below.", "zh-CN": "账龄未能生成；原因见下方。" },
  "pane.aging.announce.cancelled": { "en-US": "The aging was cancelled; no sheet was written.", "zh-CN": "账龄已取消；未写入任何工作表。" },
  "pane.aging.announce.failed": { "en-US": "The aging failed; the error is shown below.", "zh-CN": "账龄生成失败；错误见下方。" },
  "pane.aging.announce.done": { "en-US": "Aging as of {date} written.", "zh-CN": "截至 {date} 的账龄已写入。" },
  "pane.aging.announce.leftOut": {
    "en-US": "Aging as of {date} written, with {count} source rows left out.",
    "zh-CN": "截至 {date} 的账龄已写入，有 {count} 行源数据未计入。",
  },
  "pane.result.renamed": {
    "en-US": "A sheet named {requested} is yours, so AR Desk left it alone and wrote {used} instead.",
    "zh-CN": "名为 {requested} 的工作表属于您，AR Desk 未改动它，而是写入了 {used}。",
  },
  "pane.result.totals": { "en-US": "Totals by bucket", "zh-CN": "各区间合计" },
  "pane.result.chartLabel": { "en-US": "Open balance by bucket in {currency}", "zh-CN": "{currency} 各区间未结余额" },
  "pane.result.bucket": { "en-US": "Bucket", "zh-CN": "区间" },
  "pane.result.amount": { "en-US": "Amount", "zh-CN": "金额" },
  "pane.result.open": { "en-US": "Open balance", "zh-CN": "未结余额" },
  "pane.result.unapplied": { "en-US": "Unapplied credit", "zh-CN": "未核销贷项" },
  "pane.result.net": { "en-US": "Net balance", "zh-CN": "净余额" },
  "pane.result.topOverdue": { "en-US": "Largest overdue customers", "zh-CN": "逾期金额最大的客户" },
  "pane.result.topOverdueReps": { "en-US": "Largest overdue by sales rep", "zh-CN": "逾期金额最大的业务员" },
  "pane.result.overdue": { "en-US": "Overdue", "zh-CN": "逾期金额" },
  "pane.result.noOverdue": { "en-US": "Nothing is overdue.", "zh-CN": "没有逾期款项。" },
  "pane.result.noRep": { "en-US": "(no sales rep)", "zh-CN": "（无业务员）" },
  "pane.result.issues": { "en-US": "Issues ({count})", "zh-CN": "问题（{count}）" },
  "pane.result.noIssues": { "en-US": "No issues were found in the data.", "zh-CN": "数据中未发现问题。" },
  "pane.result.moreIssues": {
    "en-US": "Showing the first {shown} of {count} issues; the exceptions sheet lists them all.",
    "zh-CN": "显示前 {shown} 个问题（共 {count} 个）；例外工作表列出了全部问题。",
  },
  "pane.result.goTo": { "en-US": "Go to {sheet}!{cell}: {message}", "zh-CN": "转到 {sheet}!{cell}：{message}" },
  "pane.result.severity.error": { "en-US": "Error", "zh-CN": "错误" },
  "pane.result.severity.warning": { "en-US": "Warning", "zh-CN": "警告" },

  // Settings view
  "pane.settings.heading": { "en-US": "Settings", "zh-CN": "设置" },
  "pane.settings.language": { "en-US": "Language", "zh-CN": "语言" },
  "pane.settings.language.office": { "en-US": "Follow Office", "zh-CN": "跟随 Office" },
  "pane.settings.language.en": { "en-US": "English", "zh-CN": "English" },
  "pane.settings.language.zh": { "en-US": "中文", "zh-CN": "中文" },
  "pane.settings.dateOrder": { "en-US": "Order of dates written as text", "zh-CN": "文本日期的顺序" },
  "pane.settings.dateOrder.none": { "en-US": "Flag ambiguous dates", "zh-CN": "标记有歧义的日期" },
  "pane.settings.dateOrder.DMY": { "en-US": "Day / month / year", "zh-CN": "日 / 月 / 年" },
  "pane.settings.dateOrder.MDY": { "en-US": "Month / day / year", "zh-CN": "月 / 日 / 年" },
  "pane.settings.dateOrder.YMD": { "en-US": "Year / month / day", "zh-CN": "年 / 月 / 日" },
  "pane.settings.currency": { "en-US": "Default currency", "zh-CN": "默认币种" },
  "pane.settings.currencyHint": { "en-US": "Used for rows and customers that name no currency.", "zh-CN": "用于未注明币种的行和客户。" },
  "pane.settings.currencyError": {
    "en-US": "Enter a three-letter ISO code such as USD or CNY.",
    "zh-CN": "请输入三个字母的 ISO 代码，例如 USD 或 CNY。",
  },
  "pane.settings.save": { "en-US": "Save settings", "zh-CN": "保存设置" },
  "pane.settings.saved": { "en-US": "Settings saved in this workbook.", "zh-CN": "设置已保存到此工作簿。" },

  // Ribbon: why one-click monthly aging did not run (shown in the task pane)
  "ribbon.problem.title": { "en-US": "Monthly aging could not run", "zh-CN": "无法生成月度账龄" },
  "ribbon.problem.noInvoiceTable": {
    "en-US": "No invoice table was found. Add one, or insert sample data, then try again.",
    "zh-CN": "未找到发票表格。请添加发票表格或插入示例数据后重试。",
  },
  "ribbon.problem.ambiguous": {
    "en-US": "Several tables could be the {role} table: {tables}. Choose one below and save the mapping.",
    "zh-CN": "有多个表格可能是{role}表格：{tables}。请在下方选择一个并保存映射。",
  },
  "ribbon.problem.missing": {
    "en-US": "The {role} table {table} has no column for: {fields}. Choose the columns below and save the mapping.",
    "zh-CN": "{role}表格 {table} 缺少以下列：{fields}。请在下方选择对应的列并保存映射。",
  },
  "ribbon.problem.failed": { "en-US": "The aging could not be written: {message}", "zh-CN": "无法写入账龄表：{message}" },
  // --- What a write did besides writing (every view, and the ribbon's aging) ---------------------
  "pane.write.notApplied.title": { "en-US": "Written, but not everything was applied", "zh-CN": "已写入，但部分设置未能应用" },
  "pane.write.viewSettings": {
    "en-US":
      "{sheet}: Excel did not freeze the header or set the filter ({detail}). The figures are complete; use View › Freeze Panes or Data › Filter by hand.",
    "zh-CN": "{sheet}：Excel 未能冻结表头或设置筛选（{detail}）。数据完整；可手动使用“视图 › 冻结窗格”或“数据 › 筛选”。",
  },
  "pane.write.kept.title": { "en-US": "Your edits are kept", "zh-CN": "已保留您的修改" },
  "pane.write.kept": {
    "en-US": "You had edited {sheet}: your copy is kept as {keptAs}, beside the new report.",
    "zh-CN": "您修改过 {sheet}：您的副本保留为 {keptAs}，位于新报表旁边。",
  },
  "pane.write.overwritten.title": { "en-US": "Edited sheets replaced", "zh-CN": "已替换修改过的工作表" },
  "pane.write.overwritten": {
    "en-US": "{sheet} was replaced as you chose; the edits on it are gone.",
    "zh-CN": "已按您的选择替换 {sheet}；其中的修改已不再保留。",
  },
  "pane.edited.title": { "en-US": "You edited a report sheet", "zh-CN": "报表工作表已被修改" },
  "pane.edited.body": {
    "en-US": "These sheets were changed since AR Desk wrote them. Keep your edited copy beside the new report, or replace it?",
    "zh-CN": "以下工作表在 AR Desk 写入后被修改过。保留您修改过的副本（放在新报表旁边），还是替换它？",
  },
  "pane.edited.sheet": { "en-US": "{sheet} → kept as {keptAs}", "zh-CN": "{sheet} → 保留为 {keptAs}" },
  "pane.edited.keep": { "en-US": "Keep my copy", "zh-CN": "保留我的副本" },
  "pane.edited.replace": { "en-US": "Replace", "zh-CN": "替换" },
  "pane.edited.cancel": { "en-US": "Cancel", "zh-CN": "取消" },
  "pane.write.cancelled": { "en-US": "Cancelled: nothing was written.", "zh-CN": "已取消：未写入任何内容。" },
} satisfies Catalog;
