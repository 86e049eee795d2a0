import type { Catalog } from "../types";

/**
 * Messages of statements of account (对账单) and balance confirmations (询证函): the documents'
 * labels and letter text, the sheets, the task pane's Statements view and `ar-desk statements`.
 */
export const statementsMessages = {
  // --- Problems --------------------------------------------------------------------------------
  "statements.openAmounts": {
    "en-US":
      "Statements need the payments: {sheet} carries open amounts but the book has no payments table, so the movements behind the balances are unknown. Add the payments table.",
    "zh-CN": "对账单需要收款记录：{sheet} 只有未收金额，工作簿中没有收款表，无法列出余额背后的往来明细。请添加收款表。",
  },
  "statements.customer.unknown": { "en-US": 'No customer named "{value}" in the book.', "zh-CN": "工作簿中没有名为“{value}”的客户。" },
  "statements.rep.unknown": { "en-US": 'No sales rep named "{value}" in the book.', "zh-CN": "工作簿中没有名为“{value}”的销售员。" },
  "statements.company.missing": {
    "en-US": "No company details saved in this workbook: the statements carry no company block. Fill in the Company form.",
    "zh-CN": "工作簿中没有保存公司信息：对账单没有公司抬头。请填写公司信息。",
  },
  "statements.noInvoices": { "en-US": "No invoice table found in this workbook.", "zh-CN": "工作簿中没有找到发票表。" },
  "statements.none": { "en-US": "No customer has a balance or activity in {period}.", "zh-CN": "{period} 期间没有客户有余额或往来。" },
  "statements.label": { "en-US": "{customer} · {currency} · closing {closing}", "zh-CN": "{customer} · {currency} · 期末余额 {closing}" },

  // --- Document labels -------------------------------------------------------------------------
  "statements.title": { "en-US": "Statement of Account", "zh-CN": "对账单" },
  "statements.field.customer": { "en-US": "Customer", "zh-CN": "客户" },
  "statements.field.period": { "en-US": "Period", "zh-CN": "对账期间" },
  "statements.field.date": { "en-US": "Statement date", "zh-CN": "对账日期" },
  "statements.field.currency": { "en-US": "Currency", "zh-CN": "币种" },
  "statements.field.contact": { "en-US": "Attn", "zh-CN": "联系人" },
  "statements.field.email": { "en-US": "Email", "zh-CN": "邮箱" },
  "statements.field.taxId": { "en-US": "Tax ID", "zh-CN": "税号" },
  "statements.field.bank": { "en-US": "Bank / remit to", "zh-CN": "开户行及账号" },
  "statements.field.phone": { "en-US": "Tel", "zh-CN": "电话" },
  "statements.column.date": { "en-US": "Date", "zh-CN": "日期" },
  "statements.column.type": { "en-US": "Type", "zh-CN": "类型" },
  "statements.column.ref": { "en-US": "Reference", "zh-CN": "单据号" },
  "statements.column.description": { "en-US": "Description / PO", "zh-CN": "摘要 / 订单号" },
  "statements.column.due": { "en-US": "Due date", "zh-CN": "到期日" },
  "statements.column.debit": { "en-US": "Debit", "zh-CN": "借方" },
  "statements.column.credit": { "en-US": "Credit", "zh-CN": "贷方" },
  "statements.column.balance": { "en-US": "Balance", "zh-CN": "余额" },
  "statements.column.amount": { "en-US": "Amount", "zh-CN": "金额" },
  "statements.column.open": { "en-US": "Open", "zh-CN": "未收金额" },
  "statements.column.daysOverdue": { "en-US": "Days past due", "zh-CN": "逾期天数" },
  "statements.type.invoice": { "en-US": "Invoice", "zh-CN": "发票" },
  "statements.type.credit": { "en-US": "Credit note", "zh-CN": "红字发票" },
  "statements.type.payment": { "en-US": "Payment", "zh-CN": "收款" },
  "statements.type.refund": { "en-US": "Refund", "zh-CN": "退款" },
  "statements.opening": { "en-US": "Opening balance", "zh-CN": "期初余额" },
  "statements.totals": { "en-US": "Period totals", "zh-CN": "本期发生额合计" },
  "statements.closing": { "en-US": "Closing balance", "zh-CN": "期末余额" },
  "statements.aging": { "en-US": "Aging at {date}", "zh-CN": "截至 {date} 的账龄" },
  "statements.open": { "en-US": "Open invoices", "zh-CN": "未收发票" },
  "statements.unapplied": { "en-US": "Unapplied credit", "zh-CN": "未核销贷项" },
  "statements.due": { "en-US": "Balance due", "zh-CN": "应收余额" },
  "statements.openItems": { "en-US": "Open items at {date}", "zh-CN": "截至 {date} 的未清项目" },
  "statements.noLines": { "en-US": "No transactions in this period.", "zh-CN": "本期无往来。" },
  "statements.message.default": {
    "en-US":
      "Please check this statement against your records and remit the balance due by the due dates. For questions about this statement, contact us.",
    "zh-CN": "请核对本对账单，并按到期日支付应付款项。如有疑问，请与我们联系。",
  },
  "statements.collectionStage": { "en-US": "Collection stage {stage}: {action}", "zh-CN": "催收阶段 {stage}：{action}" },
  "statements.page": { "en-US": "Page {page} of {pages}", "zh-CN": "第 {page} 页，共 {pages} 页" },
  /** Excel's header/footer codes: &P page, &N pages. */
  "statements.footer": { "en-US": "Page &P of &N", "zh-CN": "第 &P 页，共 &N 页" },

  // --- Sheets ----------------------------------------------------------------------------------
  "statements.sheet.one": { "en-US": "AR Statement {customer} {period}", "zh-CN": "对账单 {customer} {period}" },
  "statements.sheet.many": { "en-US": "AR Statements {period}", "zh-CN": "对账单 {period}" },
  "statements.sheet.confirmation.one": { "en-US": "AR Confirmation {customer} {period}", "zh-CN": "询证函 {customer} {period}" },
  "statements.sheet.confirmation.many": { "en-US": "AR Confirmations {period}", "zh-CN": "询证函 {period}" },

  // --- Balance confirmation (询证函) -------------------------------------------------------------
  "confirmation.title": { "en-US": "Balance Confirmation", "zh-CN": "企业询证函" },
  "confirmation.to": { "en-US": "To: {customer}", "zh-CN": "{customer}：" },
  "confirmation.intro": {
    "en-US":
      'Our auditors are examining our financial statements. Please confirm the balance of your account with us at {date}. The figure below is taken from our books; if it agrees with your records, tick "Agreed" below, sign and stamp; if not, state your balance and the items that differ.',
    "zh-CN":
      "本公司聘请的会计师事务所正在对本公司财务报表进行审计，按照中国注册会计师审计准则的要求，应当询证本公司与贵公司截至 {date} 的往来账项。下列数据出自本公司账簿记录，如与贵公司记录相符，请在本函下端“信息证明无误”处签章证明；如有不符，请在“信息不符”处列明不符项目及具体内容。",
  },
  "confirmation.balance.owed": { "en-US": "At {date} you owed us {amount}.", "zh-CN": "截至 {date}，贵公司尚欠本公司 {amount}。" },
  "confirmation.balance.credit": {
    "en-US": "At {date} we owed you {amount} (a credit in your favour).",
    "zh-CN": "截至 {date}，本公司尚欠贵公司 {amount}（贵公司的贷方余额）。",
  },
  "confirmation.balance.zero": {
    "en-US": "At {date} your account with us had a zero balance.",
    "zh-CN": "截至 {date}，贵公司与本公司的往来余额为零。",
  },
  "confirmation.balance.label": { "en-US": "Balance per our books at {date}", "zh-CN": "截至 {date} 本公司账面余额" },
  "confirmation.notPayment": {
    "en-US":
      "This is not a request for payment. If the balance has been settled since that date, please still reply. Return the signed reply directly to us or to our auditors.",
    "zh-CN":
      "本函仅为复核账目之用，并非催款结算。若款项在上述日期之后已经付清，仍请及时函复为盼。请将签章后的回函直接寄回本公司或会计师事务所。",
  },
  "confirmation.sender": { "en-US": "{company} (signature and stamp)", "zh-CN": "{company}（盖章）" },
  "confirmation.date": { "en-US": "Date: {date}", "zh-CN": "日期：{date}" },
  "confirmation.reply": { "en-US": "Reply", "zh-CN": "回函" },
  "confirmation.agree": { "en-US": "☐ Agreed: the balance above agrees with our records.", "zh-CN": "☐ 信息证明无误。" },
  "confirmation.disagree": {
    "en-US": "☐ Not agreed: our records show a balance of ____________________",
    "zh-CN": "☐ 信息不符，贵公司记录的余额为：____________________",
  },
  "confirmation.reason": {
    "en-US": "Items that differ and why: ______________________________________________",
    "zh-CN": "不符项目及具体内容：______________________________________________",
  },
  "confirmation.signature": { "en-US": "Authorized signature: ____________________", "zh-CN": "经办人签字：____________________" },
  "confirmation.name": { "en-US": "Name and title: ____________________", "zh-CN": "姓名及职务：____________________" },
  "confirmation.stamp": { "en-US": "Company stamp:", "zh-CN": "（公司盖章）" },
  "confirmation.replyDate": { "en-US": "Date: ____________________", "zh-CN": "日期：______年____月____日" },

  // --- Task pane -------------------------------------------------------------------------------
  "pane.tab.statements": { "en-US": "Statements", "zh-CN": "对账单" },
  "statements.pane.title": { "en-US": "Statements", "zh-CN": "对账单" },
  "statements.pane.customers": { "en-US": "Customers", "zh-CN": "客户" },
  "statements.pane.scope.all": { "en-US": "All with a balance or activity", "zh-CN": "有余额或往来的全部客户" },
  "statements.pane.scope.one": { "en-US": "One customer", "zh-CN": "单个客户" },
  "statements.pane.scope.rep": { "en-US": "A sales rep's customers", "zh-CN": "某销售员的客户" },
  "statements.pane.customer": { "en-US": "Customer name", "zh-CN": "客户名称" },
  "statements.pane.rep": { "en-US": "Sales rep", "zh-CN": "销售员" },
  "statements.pane.from": { "en-US": "From", "zh-CN": "开始日期" },
  "statements.pane.to": { "en-US": "To", "zh-CN": "截止日期" },
  "statements.pane.document": { "en-US": "Document", "zh-CN": "文件类型" },
  "statements.pane.document.statement": { "en-US": "Statement of account", "zh-CN": "对账单" },
  "statements.pane.document.confirmation": { "en-US": "Balance confirmation", "zh-CN": "询证函" },
  "statements.pane.language": { "en-US": "Language", "zh-CN": "语言" },
  "statements.pane.openItems": { "en-US": "List open items", "zh-CN": "列出未清项目" },
  "statements.pane.run": { "en-US": "Create", "zh-CN": "生成" },
  "statements.pane.running": { "en-US": "Creating…", "zh-CN": "正在生成…" },
  "statements.pane.done": { "en-US": "{count} statements written to {sheet}.", "zh-CN": "已生成 {count} 份，写入 {sheet}。" },
  "statements.pane.badPeriod": {
    "en-US": "Enter dates as YYYY-MM-DD, with From on or before To.",
    "zh-CN": "请按 YYYY-MM-DD 输入日期，且开始日期不晚于截止日期。",
  },
  "statements.pane.needName": { "en-US": "Enter a name.", "zh-CN": "请输入名称。" },
  "statements.pane.result": { "en-US": "Statements created", "zh-CN": "生成结果" },
  "statements.pane.list": { "en-US": "Closing balances", "zh-CN": "期末余额" },
  "statements.pane.company": { "en-US": "Company", "zh-CN": "公司信息" },
  "statements.pane.company.name": { "en-US": "Company name", "zh-CN": "公司名称" },
  "statements.pane.company.address": { "en-US": "Address", "zh-CN": "地址" },
  "statements.pane.company.phone": { "en-US": "Phone", "zh-CN": "电话" },
  "statements.pane.company.email": { "en-US": "Email", "zh-CN": "邮箱" },
  "statements.pane.company.message": { "en-US": "Footer message", "zh-CN": "页脚留言" },
  "statements.pane.company.save": { "en-US": "Save company", "zh-CN": "保存公司信息" },
  "statements.pane.company.saved": { "en-US": "Saved in this workbook.", "zh-CN": "已保存在本工作簿中。" },

  // --- CLI -------------------------------------------------------------------------------------
  "statements.cli.help": {
    "en-US": [
      "ar-desk statements --input BOOK --from YYYY-MM-DD --to YYYY-MM-DD [--customer NAME]…",
      "                   [--confirmations] [--open-items] [--company FILE] [--ladder FILE] [--lang en-US|zh-CN]",
      "                   [--out FILE.xlsx] [--pdf DIR] [--font FILE] [--json FILE|-]",
      "",
      "Statements of account (or, with --confirmations, balance confirmations) for [from, to]:",
      "opening balance, every invoice, credit note, payment and refund with a running balance,",
      "closing balance, and the aging at --to. Each closing balance is checked against the aging's",
      "net balance: a statement that does not tie is never written.",
      "",
      "  --customer NAME   only this customer (repeatable; case and spacing do not matter);",
      "                    default: every customer with a balance or activity in the period",
      "  --company FILE    JSON with name, address, taxId, bank, phone, email, message;",
      "                    default: the company saved in the workbook by the task pane",
      "  --ladder FILE     the collection ladder (as for collections) for the collection stage",
      "                    line in overdue customers' footers; default: the workbook's saved ladder",
      "  --out FILE.xlsx   one sheet, one page per customer and currency",
      "  --pdf DIR         one PDF per customer and currency (A4 for zh-CN, Letter for en-US)",
      "  --font FILE       a font with Chinese characters (.ttf, .otf or .ttc) for zh-CN PDFs",
      "  --json FILE|-     the statements as JSON",
      "  --basis, --buckets, --map, --date-order, --currency, --no-auto-apply: as for aging",
    ].join("\n"),
    "zh-CN": [
      "ar-desk statements --input 工作簿 --from YYYY-MM-DD --to YYYY-MM-DD [--customer 名称]…",
      "                   [--confirmations] [--open-items] [--company 文件] [--ladder 文件] [--lang en-US|zh-CN]",
      "                   [--out 文件.xlsx] [--pdf 目录] [--font 文件] [--json 文件|-]",
      "",
      "生成 [from, to] 期间的对账单（加 --confirmations 则生成询证函）：期初余额、每张发票、",
      "红字发票、收款和退款及滚动余额、期末余额，以及截至 --to 的账龄。每份对账单的期末余额",
      "都与账龄的净余额核对，对不上的对账单绝不输出。",
      "",
      "  --customer 名称   只生成该客户（可重复；不区分大小写和空格）；默认：期间内有余额或往来的全部客户",
      "  --company 文件    JSON：name、address、taxId、bank、phone、email、message；",
      "                    默认：任务窗格保存在工作簿中的公司信息",
      "  --ladder 文件     催收策略（同 collections），用于逾期客户页脚的催收阶段；默认：工作簿中保存的策略",
      "  --out 文件.xlsx   一个工作表，每个客户和币种一页",
      "  --pdf 目录        每个客户和币种一个 PDF（zh-CN 用 A4，en-US 用 Letter）",
      "  --font 文件       含中文字符的字体（.ttf、.otf 或 .ttc），用于中文 PDF",
      "  --json 文件|-     以 JSON 输出对账单",
      "  --basis、--buckets、--map、--date-order、--currency、--no-auto-apply：同 aging",
    ].join("\n"),
  },
  "statements.cli.badPeriod": { "en-US": "--from {from} is after --to {to}.", "zh-CN": "--from {from} 晚于 --to {to}。" },
  "statements.cli.noOutput": {
    "en-US": "Nothing to write: give --out, --pdf or --json.",
    "zh-CN": "没有指定输出：请给出 --out、--pdf 或 --json。",
  },
  "statements.cli.badCompany": {
    "en-US": "Cannot use the company file {file}: {detail}",
    "zh-CN": "无法使用公司信息文件 {file}：{detail}",
  },
  "statements.cli.noFont": {
    "en-US":
      "Chinese PDFs need a font with Chinese characters, and none was found (looked for {fonts}). Install Noto Sans CJK (Debian: fonts-noto-cjk) or give --font FILE.",
    "zh-CN":
      "中文 PDF 需要含中文字符的字体，但未找到（查找了 {fonts}）。请安装 Noto Sans CJK（Debian：fonts-noto-cjk）或用 --font 指定字体文件。",
  },
  "statements.cli.noCompany": {
    "en-US": "No --company file and no company saved in the workbook: the statements carry no company block.",
    "zh-CN": "未指定 --company 文件，工作簿中也没有保存公司信息：对账单没有公司抬头。",
  },
  "statements.cli.savedCompany": {
    "en-US": "Company block: {name}, as saved in the workbook.",
    "zh-CN": "公司抬头：{name}（工作簿中保存的公司信息）。",
  },
  "statements.cli.badFont": { "en-US": "Cannot use the font {file}: {detail}", "zh-CN": "无法使用字体 {file}：{detail}" },
  "statements.cli.summary": { "en-US": "{count} statements for {from} – {to}.", "zh-CN": "{from} – {to} 共 {count} 份对账单。" },
  "statements.cli.confirmations": { "en-US": "{count} balance confirmations at {to}.", "zh-CN": "截至 {to} 共 {count} 份询证函。" },
  "statements.cli.written.pdf": { "en-US": "PDF files written to {dir}: {count}", "zh-CN": "已写入 PDF 文件到 {dir}：{count} 个" },
  "statements.cli.issues": { "en-US": "{count} issues in the data (see the JSON).", "zh-CN": "数据中有 {count} 个问题（见 JSON）。" },
} satisfies Catalog;
