import type { Catalog } from "../types";

/**
 * Messages about reading input that is damaged, hostile or messy: cells that are errors,
 * amounts that cannot be read exactly, tables that stop or split, files that cannot be opened.
 * Each entry keeps its en-US and zh-CN texts side by side.
 */
export const inputMessages = {
  // Cells.
  "cell.error": {
    "en-US": "The cell holds the error {value} (a formula that failed, such as a VLOOKUP); the row is left out until it is corrected.",
    "zh-CN": "单元格为错误值 {value}（公式计算失败，例如 VLOOKUP）；更正前该行未计入。",
  },
  "cell.boolean": {
    "en-US": "The cell holds {value}, a true/false value, where a name or number is expected; the row is left out.",
    "zh-CN": "该单元格应为名称或编号，却是逻辑值 {value}；该行未计入。",
  },
  "cell.formulaNoValue": {
    "en-US":
      "Cell {cell} holds a formula with no saved value, so it reads as empty: recalculate and save the workbook in Excel, then run again.",
    "zh-CN": "单元格 {cell} 含有公式但没有保存的计算结果，因此读为空：请在 Excel 中重新计算并保存工作簿后再运行。",
  },

  // Amounts and currencies.
  "amount.rounded": {
    "en-US": "The amount {value} has more decimals than {currency} has ({decimals}); it is rounded half away from zero.",
    "zh-CN": "金额 {value} 的小数位多于 {currency} 的小数位（{decimals} 位），已四舍五入。",
  },
  "amount.ambiguousSeparator": {
    "en-US":
      "The amount {value} could be read with “.” or “,” as the decimal mark, and this column uses both; the row is left out. Write the column's amounts one way.",
    "zh-CN": "金额 {value} 既可按“.”也可按“,”作小数点理解，而该列两种写法都有；该行未计入。请统一该列金额的写法。",
  },
  "amount.mixedDecimalMarks": {
    "en-US":
      "Column “{column}” of “{table}” writes amounts with a decimal point in some rows and a decimal comma in others; amounts that could be read either way are left out.",
    "zh-CN": "“{table}”的“{column}”列有的行用小数点、有的行用小数逗号书写金额；可两种理解的金额未计入。",
  },
  "amount.outOfRange": {
    "en-US": "The amount {value} is out of range: AR Desk holds amounts up to about 90 trillion (2^53 minor units).",
    "zh-CN": "金额 {value} 超出范围：AR Desk 支持的金额上限约为 90 万亿（2^53 个最小货币单位）。",
  },
  "amount.totalTooLarge": {
    "en-US":
      "The {currency} amounts up to this row add up to more than AR Desk can total exactly (2^53 minor units); the row is left out rather than give a wrong total.",
    "zh-CN": "截至本行的 {currency} 金额合计超过 AR Desk 能精确合计的上限（2^53 个最小货币单位）；为避免合计错误，该行未计入。",
  },
  "currency.columnByValues": {
    "en-US":
      "No column of “{table}” is headed as a currency, but column “{column}” holds only ISO currency codes: it is read as the currency column.",
    "zh-CN": "“{table}”没有以币种为标题的列，但“{column}”列全部是 ISO 币种代码：按币种列读取。",
  },
  "currency.severalNoColumn": {
    "en-US":
      "“{table}” holds amounts in several currencies ({currencies}) but has no currency column: {count} rows whose amount names no currency are left out rather than counted as {currency}. Add a currency column, or write the currency in each amount.",
    "zh-CN":
      "“{table}”的金额涉及多种币种（{currencies}），但没有币种列：{count} 行金额未注明币种，未按 {currency} 计入，已排除。请添加币种列，或在每个金额中写明币种。",
  },
  "currency.codesNotColumn": {
    "en-US":
      "Column “{column}” of “{table}” holds several currency codes ({currencies}) but not only codes, so it is not read as the currency column: {count} rows whose currency is stated nowhere else are left out rather than counted as {currency}. Map the column as the currency (Data view, or --map) or correct its other values.",
    "zh-CN":
      "“{table}”的“{column}”列含多种币种代码（{currencies}），但也有其他内容，因此未作为币种列读取：{count} 行在别处没有注明币种，未按 {currency} 计入，已排除。请将该列映射为币种（数据视图或 --map），或更正其中的其他值。",
  },
  "currency.unstated": {
    "en-US":
      "This row states no currency (no currency column, none in the amount {value}) while its table holds several ({currencies}); it is left out rather than counted as {currency}.",
    "zh-CN":
      "该行未注明币种（没有币种列，金额 {value} 中也没有），而所在表格涉及多种币种（{currencies}）；该行未按 {currency} 计入，已排除。",
  },

  // Files that cannot be read.
  "cli.file.damaged": {
    "en-US": "{file} is damaged and cannot be read ({detail}). Open it in Excel and save it again as .xlsx.",
    "zh-CN": "{file} 已损坏，无法读取（{detail}）。请在 Excel 中打开并重新另存为 .xlsx。",
  },
  "cli.file.truncated": {
    "en-US": "{file} is cut short (incomplete download or copy?): {detail} is missing its end. Copy the file again.",
    "zh-CN": "{file} 不完整（下载或复制未完成？）：{detail} 缺少结尾。请重新复制该文件。",
  },
  "cli.file.encrypted": {
    "en-US":
      "{file} is protected with a password. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it, then run again.",
    "zh-CN": "{file} 设有密码保护。请在 Excel 中打开，取消密码（文件 › 信息 › 保护工作簿）并保存后再运行。",
  },
  "cli.file.xls": {
    "en-US": "{file} is an old Excel 97–2003 workbook (.xls). Save it as Excel Workbook (.xlsx) or CSV UTF-8.",
    "zh-CN": "{file} 是旧版 Excel 97–2003 工作簿（.xls）。请另存为“Excel 工作簿 (.xlsx)”或“CSV UTF-8”。",
  },
  "cli.file.xlsb": {
    "en-US": "{file} is an Excel binary workbook (.xlsb). Save it as Excel Workbook (.xlsx) or CSV UTF-8.",
    "zh-CN": "{file} 是 Excel 二进制工作簿（.xlsb）。请另存为“Excel 工作簿 (.xlsx)”或“CSV UTF-8”。",
  },
  "cli.file.ods": {
    "en-US": "{file} is an OpenDocument spreadsheet (.ods). Save it as Excel Workbook (.xlsx) or CSV UTF-8.",
    "zh-CN": "{file} 是 OpenDocument 电子表格（.ods）。请另存为“Excel 工作簿 (.xlsx)”或“CSV UTF-8”。",
  },
  "cli.file.tooLarge": {
    "en-US":
      "{file} inflates to more than AR Desk reads by default ({detail}). If the workbook is genuine, raise the limit with the environment variables AR_DESK_MAX_PART_MB and AR_DESK_MAX_INFLATE_MB.",
    "zh-CN":
      "{file} 解压后超过 AR Desk 默认读取上限（{detail}）。如工作簿无误，请用环境变量 AR_DESK_MAX_PART_MB 和 AR_DESK_MAX_INFLATE_MB 提高上限。",
  },
  "cli.file.isDirectory": {
    "en-US": "{file} is a folder, not a file.",
    "zh-CN": "{file} 是文件夹，不是文件。",
  },

  // Command line.
  "cli.error.badLang": {
    "en-US": '--lang must be one of {choices}, not "{value}".',
    "zh-CN": "--lang 必须是 {choices} 之一，而不是“{value}”。",
  },
  "cli.error.outputStdout": {
    "en-US": "{option} - is not supported: only --json can write to standard output. Give a file name.",
    "zh-CN": "不支持 {option} -：只有 --json 可以输出到标准输出。请指定文件名。",
  },
  "cli.error.outputExtension": {
    "en-US": '{option} writes a {extension} file; "{value}" has another extension. Name the file with {extension}.',
    "zh-CN": "{option} 写出的是 {extension} 文件，而“{value}”的扩展名不同。请使用 {extension} 扩展名。",
  },
  "cli.error.outputClash": {
    "en-US": '{option} and {other} name the same file "{value}": one would overwrite the other. Give two different files.',
    "zh-CN": "{option} 和 {other} 指向同一个文件“{value}”，会相互覆盖。请指定两个不同的文件。",
  },
  "cli.error.unexpected": {
    "en-US":
      "AR Desk stopped on an unexpected problem: {detail}. Nothing was written. Run again with --debug to see the details, and report it.",
    "zh-CN": "AR Desk 因意外问题停止：{detail}。未写出任何文件。请加 --debug 重新运行查看详情，并报告该问题。",
  },

  "cli.sheetExamined": {
    "en-US":
      "  Sheet “{sheet}”: rows 1–{rows} examined, no header row (at least two headings such as Invoice No, Customer, Due Date, Amount).",
    "zh-CN": "  工作表“{sheet}”：已检查第 1–{rows} 行，未找到标题行（至少两个列标题，如“发票号”“客户”“到期日”“金额”）。",
  },

  // Tables.
  "sheet.cellsOutsideGrid": {
    "en-US": "Sheet “{sheet}” has {count} cells beyond Excel's grid (past column XFD or row 1,048,576); they are not read.",
    "zh-CN": "工作表“{sheet}”有 {count} 个单元格超出 Excel 的范围（XFD 列或第 1,048,576 行之后）；未读取。",
  },
  "table.blankRowsSkipped": {
    "en-US": "“{table}” has {count} blank rows inside its data (first at row {row}); they are skipped and the rows below them are read.",
    "zh-CN": "“{table}”的数据中有 {count} 个空行（第一个在第 {row} 行）；已跳过空行并继续读取其下方的行。",
  },
  "table.stoppedAtBlock": {
    "en-US":
      "“{table}” ends at row {lastRow}: row {row} starts another block (a second header row or different columns). Rows {row}–{endRow} are not read; make them a table of their own to use them.",
    "zh-CN":
      "“{table}”到第 {lastRow} 行为止：第 {row} 行开始另一块数据（第二个标题行或不同的列）。第 {row}–{endRow} 行未读取；如需使用，请将其设为单独的表。",
  },
  "table.rowsBelowTable": {
    "en-US":
      "Rows {row}–{endRow} just below the Excel table “{table}” hold data but are outside the table, so they are not read. Resize the table to include them.",
    "zh-CN": "Excel 表“{table}”正下方的第 {row}–{endRow} 行有数据，但不在表范围内，因此未读取。请调整表的范围将其包含在内。",
  },
  "table.merged": {
    "en-US": "The {role} tables {tables} have the same columns and are read together as one.",
    "zh-CN": "{role}表 {tables} 的列相同，已合并读取。",
  },
  "table.notUsed": {
    "en-US":
      "Table “{table}” also looks like a {role} table, but its columns differ from “{used}”, which is used; “{table}” is not read. Map it explicitly, or give it the same columns, to use it.",
    "zh-CN": "表“{table}”看起来也是{role}表，但其列与所用的“{used}”不同，因此“{table}”未读取。如需使用，请明确指定映射或使其列与之相同。",
  },
  "column.duplicate": {
    "en-US":
      "“{table}” has more than one {field} column: “{used}” (column {usedColumn}) is used, “{ignored}” (column {ignoredColumn}) is ignored. Map the column to choose the other.",
    "zh-CN":
      "“{table}”有多个{field}列：使用“{used}”（第 {usedColumn} 列），忽略“{ignored}”（第 {ignoredColumn} 列）。如需改用另一列，请指定列映射。",
  },
  "table.nothingUsable": {
    "en-US":
      "Nothing could be read from “{table}”: none of its {rows} rows is usable, so no report is written (a zero balance would not be real). The first problems:",
    "zh-CN": "“{table}”中没有可读取的内容：其 {rows} 行均不可用，因此未生成报表（零余额并非真实情况）。首批问题：",
  },
  "csv.unterminatedQuote": {
    "en-US":
      "A quote opened at row {row} of “{table}” is never closed, so row {row} cannot be read and is left out; the rows after it are read. Close the quote and run again.",
    "zh-CN": "“{table}”第 {row} 行开始的引号没有闭合，第 {row} 行无法读取，未计入；其后的行照常读取。请补全引号后再运行。",
  },
} satisfies Catalog;
