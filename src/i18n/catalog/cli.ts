import type { Catalog } from "../types";

/** Messages of the cli area. Each entry keeps its en-US and zh-CN texts side by side. */
export const cliMessages = {
  // Usage and help
  "cli.usage": {
    "en-US":
      "Usage: ar-desk aging --input BOOK.xlsx|DIR|FILE.csv [--as-of YYYY-MM-DD] [options]\n       ar-desk credit --input BOOK.xlsx|DIR|FILE.csv [--as-of YYYY-MM-DD] [options]\n       ar-desk reconcile --input BOOK.xlsx|DIR --a TABLE --b TABLE [options]\n       ar-desk tieout --input BOOK.xlsx|DIR|FILE.csv --control AMOUNT [--currency USD] [--basis net|open] [options]\n       ar-desk sample --invoices N [--seed S] [--as-of YYYY-MM-DD] [--clean] --out FILE.xlsx|DIR\n       ar-desk help [aging|credit|reconcile|tieout|sample] | --help | --version",
    "zh-CN":
      "用法：ar-desk aging --input 账簿.xlsx|目录|文件.csv [--as-of YYYY-MM-DD] [选项]\n      ar-desk credit --input 账簿.xlsx|目录|文件.csv [--as-of YYYY-MM-DD] [选项]\n      ar-desk reconcile --input 账簿.xlsx|目录 --a 表 --b 表 [选项]\n      ar-desk tieout --input 账簿.xlsx|目录|文件.csv --control 金额 [--currency USD] [--basis net|open] [选项]\n      ar-desk sample --invoices N [--seed S] [--as-of YYYY-MM-DD] [--clean] --out 文件.xlsx|目录\n      ar-desk help [aging|credit|reconcile|tieout|sample] | --help | --version",
  },
  "cli.help.intro": {
    "en-US": "AR Desk: accounts receivable aging from an Excel workbook or CSV files.",
    "zh-CN": "AR Desk：根据 Excel 工作簿或 CSV 文件生成应收账款账龄分析。",
  },
  "cli.help.commands": {
    "en-US":
      "Commands:\n  aging    age the open invoices of a book and write the report\n  credit   check every customer's exposure against its credit limit\n  reconcile  match two tables (invoices vs statement, payments vs bank) and explain every difference\n  tieout   tie the aging to the general ledger's AR control balance and find what explains a difference\n  statements  statements of account and balance confirmations for a period (xlsx, PDF, JSON)\n  collections  who to chase today: ranked worklist, promises, disputes, early warnings and letters\n  sample   write a realistic sample book\n  help     show help for a command",
    "zh-CN":
      "命令：\n  aging    对账簿中的未清发票进行账龄分析并输出报告\n  credit   检查每个客户的风险敞口与信用额度\n  reconcile  核对两张表（发票与对账单、收款与银行流水）并说明每一处差异\n  tieout   将账龄与总账应收控制科目余额勾稽，并找出解释差额的项目\n  statements  生成期间对账单和询证函（xlsx、PDF、JSON）\n  collections  今天该催谁：催收排名清单、付款承诺、争议、预警和催款函\n  sample   生成一个逼真的示例账簿\n  help     显示命令帮助",
  },
  "cli.help.more": {
    "en-US": "Run 'ar-desk help aging' for the options of a command.",
    "zh-CN": "运行 'ar-desk help aging' 查看命令的选项。",
  },
  "cli.help.aging": {
    "en-US":
      "Options:\n" +
      "  --input PATH         workbook (.xlsx), CSV file, or folder of CSV files (required)\n" +
      "  --as-of YYYY-MM-DD   as-of date (default: the last month-end before today)\n" +
      "  --basis due|invoice  age from the due date (default) or the invoice date\n" +
      "  --buckets 30,60,90   bucket upper bounds in days\n" +
      "  --no-auto-apply      keep unreferenced cash and credits unapplied\n" +
      "  --map FILE.json      explicit table and column mapping\n" +
      "  --date-order DMY|MDY|YMD  order of text dates such as 03/04/2026\n" +
      "  --currency CODE      currency of rows that name none (default USD)\n" +
      "  --lang en-US|zh-CN   language of the report and messages\n" +
      "  --out REPORT.xlsx    write the report workbook\n" +
      "  --json REPORT.json   write the report as JSON ('-' for standard output)\n" +
      "  --report-currency CNY --rates RATES.csv  add the totals converted at the as-of rates (columns Currency, Rate[, Date])\n" +
      "Exit codes: 0 report written, 1 nothing could be reported, 2 usage error.",
    "zh-CN":
      "选项：\n" +
      "  --input 路径         工作簿（.xlsx）、CSV 文件或 CSV 文件所在目录（必填）\n" +
      "  --as-of YYYY-MM-DD   截止日期（默认：今天之前的最近一个月末）\n" +
      "  --basis due|invoice  按到期日（默认）或发票日期计算账龄\n" +
      "  --buckets 30,60,90   账龄区间上限（天）\n" +
      "  --no-auto-apply      不自动核销未指定发票的收款和贷项\n" +
      "  --map FILE.json      显式指定表和列的映射\n" +
      "  --date-order DMY|MDY|YMD  文本日期（如 03/04/2026）的日月顺序\n" +
      "  --currency 代码      未注明币种的行所用币种（默认 USD）\n" +
      "  --lang en-US|zh-CN   报告和提示信息的语言\n" +
      "  --out 报告.xlsx      输出报告工作簿\n" +
      "  --json 报告.json     以 JSON 输出报告（'-' 表示标准输出）\n" +
      "  --report-currency CNY --rates 汇率.csv  按截止日汇率加上折算合计（列：币种、汇率[、日期]）\n" +
      "退出码：0 已输出报告，1 无法生成报告，2 用法错误。",
  },
  "cli.help.reconcile": {
    "en-US":
      "Options:\n" +
      "  --input PATH         workbook (.xlsx), CSV file, or folder of CSV files (required)\n" +
      "  --a TABLE            table A: a table name, a sheet name or Sheet!Table (required)\n" +
      "  --b TABLE            table B, matched against A (required)\n" +
      "  --preset invoices-vs-statement|payments-vs-bank  column preferences and date tolerance\n" +
      "  --amount-tolerance X amounts within X (major units, e.g. 0.01) count as equal\n" +
      "  --percent-tolerance P  or within P % of A's amount\n" +
      "  --date-tolerance D   dates within D days count as equal\n" +
      "  --customers-of-b     compare A only on the customers B names (a customer's statement)\n" +
      "  --key-a HEADER, --amount-a, --date-a, --customer-a, --currency-a  columns of A by header\n" +
      "  --key-b HEADER, --amount-b, --date-b, --customer-b, --currency-b  columns of B by header\n" +
      "  --date-order DMY|MDY|YMD  order of text dates such as 03/04/2026\n" +
      "  --currency CODE      currency of rows that name none (default USD)\n" +
      "  --lang en-US|zh-CN   language of the report and messages\n" +
      "  --out REPORT.xlsx    write the AR Reconciliation sheet\n" +
      "  --json FILE.json     write every outcome and the tie-out as JSON ('-' for standard output)\n" +
      "Exit codes: 0 reconciled, 1 nothing to reconcile (e.g. a table not found), 2 usage error.",
    "zh-CN":
      "选项：\n" +
      "  --input 路径         工作簿（.xlsx）、CSV 文件或 CSV 文件所在目录（必填）\n" +
      "  --a 表               A 表：表名、工作表名或 工作表!表名（必填）\n" +
      "  --b 表               B 表，与 A 表核对（必填）\n" +
      "  --preset invoices-vs-statement|payments-vs-bank  列偏好和日期容差的预设\n" +
      "  --amount-tolerance X 金额相差不超过 X（主币单位，如 0.01）视为相等\n" +
      "  --percent-tolerance P  或不超过 A 金额的 P%\n" +
      "  --date-tolerance D   日期相差不超过 D 天视为相等\n" +
      "  --customers-of-b     只比对 A 中 B 表所列客户的行（客户对账单）\n" +
      "  --key-a 标题, --amount-a, --date-a, --customer-a, --currency-a  按标题指定 A 表的列\n" +
      "  --key-b 标题, --amount-b, --date-b, --customer-b, --currency-b  按标题指定 B 表的列\n" +
      "  --date-order DMY|MDY|YMD  文本日期（如 03/04/2026）的日月顺序\n" +
      "  --currency 代码      未注明币种的行所用币种（默认 USD）\n" +
      "  --lang en-US|zh-CN   报告和提示信息的语言\n" +
      "  --out 报告.xlsx      输出“应收对账”工作表\n" +
      "  --json 文件.json     以 JSON 输出每条结果和勾稽（'-' 表示标准输出）\n" +
      "退出码：0 已完成对账，1 无可对账内容（如找不到表），2 用法错误。",
  },
  "cli.help.tieout": {
    "en-US":
      "Options:\n" +
      "  --input PATH         workbook (.xlsx), CSV file, or folder of CSV files (required)\n" +
      "  --control AMOUNT     the ledger's AR control balance, e.g. 125000.00 or (1,250.00) (required)\n" +
      "  --currency CODE      currency tied out, and of rows that name none (default USD)\n" +
      "  --basis net|open     compare open items less unapplied credits (net, default) or open items only\n" +
      "  --as-of YYYY-MM-DD   as-of date (default: the last month-end before today)\n" +
      "  --no-auto-apply      keep unreferenced cash and credits unapplied\n" +
      "  --map FILE.json      explicit table and column mapping\n" +
      "  --date-order DMY|MDY|YMD  order of text dates such as 03/04/2026\n" +
      "  --lang en-US|zh-CN   language of the report and messages\n" +
      "  --out REPORT.xlsx    write the AR GL Tie-out sheet\n" +
      "  --json FILE.json     write the tie-out as JSON ('-' for standard output)\n" +
      "Exit codes: 0 tied out, 1 nothing to tie out (e.g. no invoice table), 2 usage error.",
    "zh-CN":
      "选项：\n" +
      "  --input 路径         工作簿（.xlsx）、CSV 文件或 CSV 文件所在目录（必填）\n" +
      "  --control 金额       总账应收控制科目余额，如 125000.00 或 (1,250.00)（必填）\n" +
      "  --currency 代码      勾稽的币种，也是未注明币种的行所用币种（默认 USD）\n" +
      "  --basis net|open     比较未清项目减未核销贷项（net，默认）或仅未清项目\n" +
      "  --as-of YYYY-MM-DD   截止日期（默认：今天之前的最近一个月末）\n" +
      "  --no-auto-apply      不自动核销未指定发票的收款和贷项\n" +
      "  --map FILE.json      显式指定表和列的映射\n" +
      "  --date-order DMY|MDY|YMD  文本日期（如 03/04/2026）的日月顺序\n" +
      "  --lang en-US|zh-CN   报告和提示信息的语言\n" +
      "  --out 报告.xlsx      输出“应收总账勾稽”工作表\n" +
      "  --json 文件.json     以 JSON 输出勾稽结果（'-' 表示标准输出）\n" +
      "退出码：0 已完成勾稽，1 无可勾稽内容（如找不到发票表），2 用法错误。",
  },
  "cli.help.sample": {
    "en-US":
      "Options:\n" +
      "  --invoices N         number of invoice rows (required)\n" +
      "  --seed S             random seed (default 1); the same seed gives the same book\n" +
      "  --as-of YYYY-MM-DD   the book's as-of date (default 2026-10-31)\n" +
      "  --clean              leave out the deliberately bad rows\n" +
      "  --out PATH           .xlsx workbook, or a folder for one CSV file per table (required)",
    "zh-CN":
      "选项：\n" +
      "  --invoices N         发票行数（必填）\n" +
      "  --seed S             随机种子（默认 1），相同种子生成相同账簿\n" +
      "  --as-of YYYY-MM-DD   账簿的截止日期（默认 2026-10-31）\n" +
      "  --clean              不包含故意设置的错误行\n" +
      "  --out 路径           .xlsx 工作簿，或每张表输出一个 CSV 文件的目录（必填）",
  },

  // Usage errors (exit code 2)
  "cli.error.unknownCommand": { "en-US": "Unknown command: {command}", "zh-CN": "未知命令：{command}" },
  "cli.error.unknownOption": { "en-US": "Unknown option: {option}", "zh-CN": "未知选项：{option}" },
  "cli.error.missingValue": { "en-US": "Option {option} needs a value.", "zh-CN": "选项 {option} 需要一个值。" },
  "cli.error.missingOption": { "en-US": "Option {option} is required.", "zh-CN": "必须提供选项 {option}。" },
  "cli.error.badDate": {
    "en-US": '{option} must be a date written YYYY-MM-DD, not "{value}".',
    "zh-CN": "{option} 必须是 YYYY-MM-DD 格式的日期，而不是“{value}”。",
  },
  "cli.error.badBuckets": {
    "en-US": '--buckets must be up to {max} increasing whole days separated by commas (e.g. 30,60,90), not "{value}".',
    "zh-CN": "--buckets 必须是以逗号分隔、递增的天数（最多 {max} 个，如 30,60,90），而不是“{value}”。",
  },
  "cli.error.badChoice": {
    "en-US": '{option} must be one of {choices}, not "{value}".',
    "zh-CN": "{option} 必须是 {choices} 之一，而不是“{value}”。",
  },
  "cli.error.badCount": {
    "en-US": '{option} must be a whole number from {min} to {max}, not "{value}".',
    "zh-CN": "{option} 必须是 {min} 到 {max} 之间的整数，而不是“{value}”。",
  },
  "cli.error.badCurrency": {
    "en-US": '--currency must be an ISO 4217 code such as USD, not "{value}".',
    "zh-CN": "--currency 必须是 ISO 4217 币种代码（如 USD），而不是“{value}”。",
  },
  "cli.error.badTolerance": {
    "en-US": '{option} must be a number of zero or more written like 0.01, not "{value}".',
    "zh-CN": "{option} 必须是大于或等于零的数字（如 0.01），而不是“{value}”。",
  },
  "cli.error.unexpectedArgument": { "en-US": "Unexpected argument: {value}", "zh-CN": "多余的参数：{value}" },

  // Input and output problems (exit code 1)
  "cli.file.notFound": { "en-US": "File not found: {file}", "zh-CN": "找不到文件：{file}" },
  "cli.file.unreadable": { "en-US": "Cannot read {file} ({detail}).", "zh-CN": "无法读取 {file}（{detail}）。" },
  "cli.file.notXlsx": {
    "en-US": "{file} is not an .xlsx workbook. Save it as Excel Workbook (.xlsx) or CSV UTF-8.",
    "zh-CN": "{file} 不是 .xlsx 工作簿。请另存为“Excel 工作簿 (.xlsx)”或“CSV UTF-8”。",
  },
  "cli.csv.encoding": {
    "en-US": '{file} is not UTF-8 text. Save it as "CSV UTF-8" (GBK and other encodings are not supported).',
    "zh-CN": "{file} 不是 UTF-8 文本。请另存为“CSV UTF-8”（不支持 GBK 等其他编码）。",
  },
  "cli.csv.noFiles": { "en-US": "No .csv files in folder {file}.", "zh-CN": "目录 {file} 中没有 .csv 文件。" },
  "cli.out.sameAsInput": { "en-US": "Refusing to write over the input file {file}.", "zh-CN": "拒绝覆盖输入文件 {file}。" },
  "cli.out.unwritable": { "en-US": "Cannot write {file} ({detail}).", "zh-CN": "无法写入 {file}（{detail}）。" },
  "cli.map.invalid": { "en-US": "{file} is not a valid mapping: {detail}", "zh-CN": "{file} 不是有效的映射文件：{detail}" },
  "cli.noInvoices": {
    "en-US": "No invoice table found in {file}. Tables seen: {tables}. Name the table with --map.",
    "zh-CN": "在 {file} 中找不到发票表。已找到的表：{tables}。请用 --map 指定。",
  },
  "cli.reconcile.noTable": {
    "en-US": "No table {table} in {file}. Tables seen: {tables}.",
    "zh-CN": "在 {file} 中找不到表 {table}。已找到的表：{tables}。",
  },
  "cli.reconcile.mapHint": {
    "en-US": "Name the columns with --key-a/--amount-a (table A) or --key-b/--amount-b (table B).",
    "zh-CN": "请用 --key-a/--amount-a（A 表）或 --key-b/--amount-b（B 表）指定列。",
  },
  "cli.noTables": { "en-US": "(none)", "zh-CN": "（无）" },

  // Progress and summary
  "cli.progress.read": { "en-US": "Reading", "zh-CN": "读取" },
  "cli.progress.compute": { "en-US": "Computing", "zh-CN": "计算" },
  "cli.progress.write": { "en-US": "Writing", "zh-CN": "写入" },
  "cli.summary.title": { "en-US": "AR aging as of {asOf} (basis: {basis})", "zh-CN": "应收账款账龄，截至 {asOf}（依据：{basis}）" },
  "cli.summary.basis.due": { "en-US": "due date", "zh-CN": "到期日" },
  "cli.summary.basis.invoice": { "en-US": "invoice date", "zh-CN": "发票日期" },
  "cli.summary.currency": { "en-US": "Currency", "zh-CN": "币种" },
  "cli.summary.open": { "en-US": "Open", "zh-CN": "未清" },
  "cli.summary.unapplied": { "en-US": "Unapplied", "zh-CN": "未核销" },
  "cli.summary.net": { "en-US": "Net", "zh-CN": "净额" },
  "cli.summary.counts": { "en-US": "Customers: {customers}; open items: {items}", "zh-CN": "客户：{customers} 个；未清项目：{items} 笔" },
  "cli.summary.issues": {
    "en-US": "Issues: {errors} errors, {warnings} warnings; excluded rows: {excluded}",
    "zh-CN": "问题：{errors} 个错误，{warnings} 个警告；排除的行：{excluded}",
  },
  "cli.summary.reading": {
    "en-US": "How the tables were read:",
    "zh-CN": "表格读取说明：",
  },
  "cli.summary.noOpen": { "en-US": "Nothing is open as of this date.", "zh-CN": "截至该日期没有未清款项。" },
  "cli.reconcile.title": { "en-US": "AR reconciliation: A = {a}, B = {b}", "zh-CN": "应收对账：A = {a}，B = {b}" },
  "cli.reconcile.noRows": { "en-US": "Neither table has a row to reconcile.", "zh-CN": "两张表都没有可对账的行。" },
  "cli.reconcile.counts": { "en-US": "Outcomes: {counts}", "zh-CN": "结果：{counts}" },
  "cli.written.report": { "en-US": "Report written: {file}", "zh-CN": "报告已写入：{file}" },
  "cli.written.json": { "en-US": "JSON written: {file}", "zh-CN": "JSON 已写入：{file}" },
  "cli.written.sample": {
    "en-US": "Sample book written: {file} ({invoices} invoices, {payments} payments, {customers} customers)",
    "zh-CN": "示例账簿已写入：{file}（{invoices} 张发票，{payments} 笔收款，{customers} 个客户）",
  },
  "cli.timing": {
    "en-US": "Time: read {read} s, compute {compute} s, write {write} s",
    "zh-CN": "用时：读取 {read} 秒，计算 {compute} 秒，写入 {write} 秒",
  },
} satisfies Catalog;
