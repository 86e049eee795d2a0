import type { Catalog } from "../types";

/**
 * Messages of the credit check: statuses and their reasons, the "AR Credit" sheet, the task
 * pane's Credit view and the `ar-desk credit` command. The statuses OK, Near limit, Over limit
 * and Hold live with the AR.CREDITSTATUS function's messages; the ones only the credit check
 * decides live here.
 */
export const creditMessages = {
  // --- Statuses the credit check adds ------------------------------------------------------------
  "credit.status.blocked": { "en-US": "Blocked", "zh-CN": "停供" },
  "credit.status.nolimit": { "en-US": "No limit", "zh-CN": "无额度" },
  "credit.status.currency": { "en-US": "Currency mismatch", "zh-CN": "币种不一致" },

  // --- Reasons ---------------------------------------------------------------------------------
  "credit.reason.group": { "en-US": "Credit group {group}, limit {limit}: ", "zh-CN": "信用集团 {group}（额度 {limit}）：" },
  "credit.reason.currency.unknown": {
    "en-US": "Part of the exposure is in a currency with no rate to {currency}.",
    "zh-CN": "部分风险敞口的币种没有到 {currency} 的汇率。",
  },
  "credit.reason.blocked": { "en-US": "Blocked in the customer table.", "zh-CN": "客户档案中标记为停供。" },
  "credit.reason.blocked.group": {
    "en-US": "The group's parent {group} is blocked in the customer table.",
    "zh-CN": "所属集团 {group} 在客户档案中标记为停供。",
  },
  "credit.reason.hold": {
    "en-US": "Oldest open item is {days} days past due (more than {holdDays}).",
    "zh-CN": "最早未收款项已逾期 {days} 天（超过 {holdDays} 天）。",
  },
  "credit.reason.currency": {
    "en-US": "Amounts in {currencies} have no rate to {currency}, so they cannot be compared with the limit. Add a rate table.",
    "zh-CN": "{currencies} 金额没有折算为 {currency} 的汇率，无法与额度比较。请添加汇率表。",
  },
  "credit.reason.nolimit": {
    "en-US": "No credit limit in the customer table; exposure {exposure}.",
    "zh-CN": "客户档案中没有信用额度；风险敞口 {exposure}。",
  },
  "credit.reason.notInTable": {
    "en-US": "Not in the customer table, so no credit limit; exposure {exposure}.",
    "zh-CN": "不在客户档案中，没有信用额度；风险敞口 {exposure}。",
  },
  "credit.reason.zero.over": {
    "en-US": "No credit limit, checked as zero: exposure {exposure}.",
    "zh-CN": "没有信用额度，按零额度检查：风险敞口 {exposure}。",
  },
  "credit.reason.zero.ok": {
    "en-US": "No credit limit, checked as zero: no headroom.",
    "zh-CN": "没有信用额度，按零额度检查：没有可用额度。",
  },
  "credit.reason.zero.over.notInTable": {
    "en-US": "Not in the customer table, checked as a zero limit: exposure {exposure}.",
    "zh-CN": "不在客户档案中，按零额度检查：风险敞口 {exposure}。",
  },
  "credit.reason.zero.ok.notInTable": {
    "en-US": "Not in the customer table, checked as a zero limit: no headroom.",
    "zh-CN": "不在客户档案中，按零额度检查：没有可用额度。",
  },
  "credit.reason.over": {
    "en-US": "Exposure {exposure} is over the limit {limit} by {excess}.",
    "zh-CN": "风险敞口 {exposure} 超出额度 {limit}，超出 {excess}。",
  },
  "credit.reason.near": {
    "en-US": "Exposure {exposure} is {percent} of the limit {limit} (near from {near}%).",
    "zh-CN": "风险敞口 {exposure} 占额度 {limit} 的 {percent}（{near}% 起为接近额度）。",
  },
  "credit.reason.ok": {
    "en-US": "Exposure {exposure} is {percent} of the limit {limit}; {available} available.",
    "zh-CN": "风险敞口 {exposure} 占额度 {limit} 的 {percent}；可用 {available}。",
  },

  // --- Reading the orders and rates tables -----------------------------------------------------
  "credit.order.negative": {
    "en-US": "The order amount is negative: {value}; the order is left out.",
    "zh-CN": "订单金额为负数：{value}；该订单不计入。",
  },
  "credit.rate.invalid": {
    "en-US": "Exchange rate not recognised: {value}; the row is left out.",
    "zh-CN": "汇率无法识别：{value}；该行不使用。",
  },
  "credit.table.unknown": {
    "en-US": "No orders or rates table named {table} was found.",
    "zh-CN": "找不到名为 {table} 的订单表或汇率表。",
  },

  // --- The AR Credit sheet ---------------------------------------------------------------------
  "credit.sheet.name": { "en-US": "AR Credit", "zh-CN": "应收信用" },
  "credit.sheet.title": { "en-US": "Credit check", "zh-CN": "信用检查" },
  "credit.sheet.rules": {
    "en-US": "Near limit from {near}% of the limit; Hold after {hold} days past due; open AR {net}.",
    "zh-CN": "达到额度的 {near}% 为接近额度；逾期超过 {hold} 天为冻结；应收余额{net}。",
  },
  "credit.sheet.net": { "en-US": "net of unapplied credit", "zh-CN": "已扣除未核销贷项" },
  "credit.sheet.gross": { "en-US": "before unapplied credit", "zh-CN": "未扣除未核销贷项" },
  "credit.column.group": { "en-US": "Credit group", "zh-CN": "信用集团" },
  "credit.column.segment": { "en-US": "Segment", "zh-CN": "客户分组" },
  "credit.column.limit": { "en-US": "Credit limit", "zh-CN": "信用额度" },
  "credit.column.open-ar": { "en-US": "Open AR", "zh-CN": "应收余额" },
  "credit.column.open-orders": { "en-US": "Open orders", "zh-CN": "未开票订单" },
  "credit.column.exposure": { "en-US": "Exposure", "zh-CN": "风险敞口" },
  "credit.column.available": { "en-US": "Available", "zh-CN": "可用额度" },
  "credit.column.utilisation": { "en-US": "Utilisation", "zh-CN": "额度使用率" },
  "credit.column.oldest": { "en-US": "Oldest days past due", "zh-CN": "最长逾期天数" },
  "credit.column.overdue": { "en-US": "Overdue", "zh-CN": "逾期金额" },
  "credit.column.status": { "en-US": "Status", "zh-CN": "状态" },
  "credit.column.reason": { "en-US": "Reason", "zh-CN": "原因" },

  // --- Task pane: Credit view ------------------------------------------------------------------
  "pane.tab.credit": { "en-US": "Credit", "zh-CN": "信用" },
  "credit.pane.options": { "en-US": "Credit rules", "zh-CN": "信用规则" },
  "credit.pane.near": { "en-US": "Near limit from (%)", "zh-CN": "接近额度阈值（%）" },
  "credit.pane.hold": { "en-US": "Hold after days past due", "zh-CN": "逾期超过多少天冻结" },
  "credit.pane.net": { "en-US": "Net open AR of unapplied credit", "zh-CN": "应收余额扣除未核销贷项" },
  "credit.pane.zero": { "en-US": "Treat a missing limit as zero", "zh-CN": "无额度按零额度处理" },
  "credit.pane.run": { "en-US": "Check credit", "zh-CN": "检查信用" },
  "credit.pane.running": { "en-US": "Checking credit…", "zh-CN": "正在检查信用…" },
  "credit.pane.written": { "en-US": "Written to sheet {sheet}.", "zh-CN": "已写入工作表 {sheet}。" },
  "credit.pane.written.asOf": { "en-US": "As of {date}, written to sheet {sheet}.", "zh-CN": "截至 {date}，已写入工作表 {sheet}。" },
  "credit.pane.asOf": { "en-US": "Credit check as of", "zh-CN": "信用检查截止日期" },
  "credit.pane.asOfHint": {
    "en-US": "The aging's date unless you change it; saved in this workbook.",
    "zh-CN": "默认与账龄表相同；保存在此工作簿中。",
  },
  "credit.pane.order.asOf": { "en-US": "Owed as of", "zh-CN": "欠款截至" },
  "credit.pane.order.asOfHint": {
    "en-US": "Today by default, so this month's invoices and payments count.",
    "zh-CN": "默认今天，本月的发票和收款都计算在内。",
  },
  "credit.pane.order.asOfLine": { "en-US": "Exposure as of {date}.", "zh-CN": "风险敞口截至 {date}。" },
  "credit.pane.counts": { "en-US": "Customers by status", "zh-CN": "各状态客户数" },
  "credit.pane.flagged": { "en-US": "Flagged customers", "zh-CN": "需关注的客户" },
  "credit.pane.flagged.none": { "en-US": "No customer is flagged.", "zh-CN": "没有需关注的客户。" },
  "credit.pane.select": { "en-US": "Select the row of {customer}", "zh-CN": "选中 {customer} 所在行" },
  "credit.pane.highlight": { "en-US": "Highlight customer table", "zh-CN": "标记客户档案" },
  "credit.pane.clear": { "en-US": "Clear highlights", "zh-CN": "清除标记" },
  "credit.pane.highlighted": { "en-US": "{count} highlight rules added to {sheet}.", "zh-CN": "已在 {sheet} 添加 {count} 条标记规则。" },
  "credit.pane.legend": { "en-US": "Highlight colours in the customer table", "zh-CN": "客户档案中的标记颜色" },
  "credit.pane.cleared": { "en-US": "{count} highlight rules removed.", "zh-CN": "已移除 {count} 条标记规则。" },
  "credit.pane.noCustomerTable": { "en-US": "There is no customer table to highlight.", "zh-CN": "没有可标记的客户档案表。" },
  "credit.pane.order": { "en-US": "Order check", "zh-CN": "订单检查" },
  "credit.pane.order.customer": { "en-US": "Customer", "zh-CN": "客户" },
  "credit.pane.order.amount": { "en-US": "Order amount", "zh-CN": "订单金额" },
  "credit.pane.order.check": { "en-US": "Check order", "zh-CN": "检查订单" },
  "credit.pane.order.needsRun": { "en-US": "Run the credit check first.", "zh-CN": "请先运行信用检查。" },
  "credit.pane.order.badAmount": { "en-US": "Enter the order amount as a positive number.", "zh-CN": "请输入正数的订单金额。" },
  "credit.pane.order.result": { "en-US": "With this order: {status}", "zh-CN": "加上此订单后：{status}" },
  "credit.pane.order.available": {
    "en-US": "Available now {before}; after the order {after}.",
    "zh-CN": "当前可用 {before}；下单后 {after}。",
  },
  "credit.pane.order.noLimit": { "en-US": "No credit limit to compare with.", "zh-CN": "没有可比较的信用额度。" },
  "credit.pane.order.unknown": {
    "en-US": "{customer} is not in the customer table or the ledger.",
    "zh-CN": "{customer} 不在客户档案或账簿中。",
  },

  // --- CLI -------------------------------------------------------------------------------------
  "credit.cli.help": {
    "en-US":
      "ar-desk credit --input BOOK --as-of DATE [options]\n" +
      "  --input BOOK         .xlsx workbook, CSV file or folder of CSV files\n" +
      "  --as-of YYYY-MM-DD   as-of date (default: last month-end)\n" +
      "  --orders FILE        open orders (.xlsx or .csv), if not in the input book\n" +
      "  --rates FILE         exchange rates (.xlsx or .csv), if not in the input book\n" +
      "  --near PCT           near limit from PCT % of the limit (default 80)\n" +
      "  --hold DAYS          hold after DAYS past due (default 60)\n" +
      "  --no-limit warn|zero a missing limit warns (default) or counts as zero\n" +
      "  --gross              do not net open AR of unapplied credit\n" +
      "  --currency CODE      currency of limits and amounts that name none (default USD)\n" +
      "  --date-order DMY|MDY|YMD   order of text dates\n" +
      "  --map FILE.json      explicit table and column mapping\n" +
      "  --no-auto-apply      keep unreferenced cash and credits unapplied\n" +
      "  --json FILE|-        one row per customer as JSON\n" +
      "  --out FILE.xlsx      the AR Credit sheet\n" +
      "  --lang en-US|zh-CN",
    "zh-CN":
      "ar-desk credit --input 账簿 --as-of 日期 [选项]\n" +
      "  --input 账簿         .xlsx 工作簿、CSV 文件或 CSV 文件夹\n" +
      "  --as-of YYYY-MM-DD   截止日（默认：上月末）\n" +
      "  --orders 文件        未开票订单（.xlsx 或 .csv），不在账簿中时使用\n" +
      "  --rates 文件         汇率表（.xlsx 或 .csv），不在账簿中时使用\n" +
      "  --near PCT           达到额度的 PCT% 为接近额度（默认 80）\n" +
      "  --hold DAYS          逾期超过 DAYS 天为冻结（默认 60）\n" +
      "  --no-limit warn|zero 无额度时提示（默认）或按零额度处理\n" +
      "  --gross              应收余额不扣除未核销贷项\n" +
      "  --currency CODE      未写币种的额度和金额所用币种（默认 USD）\n" +
      "  --date-order DMY|MDY|YMD   文本日期的顺序\n" +
      "  --map FILE.json      显式指定表和列的映射\n" +
      "  --no-auto-apply      不自动核销未指定发票的收款和贷项\n" +
      "  --json 文件|-        每个客户一行的 JSON\n" +
      "  --out 文件.xlsx      应收信用工作表\n" +
      "  --lang en-US|zh-CN",
  },
  "credit.cli.summary": { "en-US": "{customers} customers checked: {counts}", "zh-CN": "已检查 {customers} 个客户：{counts}" },
  "credit.cli.badNumber": {
    "en-US": "{option} must be a number from {min} to {max}, not {value}.",
    "zh-CN": "{option} 必须是 {min} 到 {max} 之间的数字，而不是 {value}。",
  },
} satisfies Catalog;
