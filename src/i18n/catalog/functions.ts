import type { Catalog } from "../types";

/**
 * Messages of the functions area: the AR.* custom functions' #VALUE! messages and the credit
 * status labels (shared with the credit check through engine/credit/status). Each entry keeps
 * its en-US and zh-CN texts side by side. `{arg}` is the parameter's name as the user sees it in
 * the function's signature in their language.
 */
export const functionsMessages = {
  "fn.date.invalid": {
    "en-US": "{arg}: {value} is not a date. Use a date cell, a date serial number or ISO text such as 2026-10-31.",
    "zh-CN": "{arg}：{value} 不是日期。请使用日期单元格、日期序列号或 2026-10-31 这样的 ISO 文本。",
  },
  "fn.date.ambiguous": {
    "en-US": "{arg}: {value} could be read day-first or month-first. Use ISO text such as 2026-10-31 or a date cell.",
    "zh-CN": "{arg}：{value} 既可按日/月也可按月/日理解。请使用 2026-10-31 这样的 ISO 文本或日期单元格。",
  },
  "fn.amount.invalid": {
    "en-US": "{arg}: {value} is not an amount.",
    "zh-CN": "{arg}：{value} 不是金额。",
  },
  "fn.number.invalid": {
    "en-US": "{arg}: {value} is not a number.",
    "zh-CN": "{arg}：{value} 不是数字。",
  },
  "fn.terms.invalid": {
    "en-US": "{arg}: the payment terms {value} are not recognised. Examples: Net 30, 2/10 Net 30, EOM, Net 30 EOM, 月结30天.",
    "zh-CN": "{arg}：无法识别付款条件 {value}。示例：Net 30、2/10 Net 30、EOM、Net 30 EOM、月结30天。",
  },
  "fn.boundaries.invalid": {
    "en-US": "{arg}: {value} is not a list of up to {max} increasing whole days such as 30,60,90.",
    "zh-CN": "{arg}：{value} 不是递增的整数天数列表（最多 {max} 个），例如 30,60,90。",
  },
  "fn.basis.invalid": {
    "en-US": '{arg}: {value} must be "due" (age from the due date) or "invoice" (age from the invoice date).',
    "zh-CN": '{arg}：{value} 必须是 "due"（按到期日计算账龄）或 "invoice"（按发票日期计算账龄）。',
  },
  "fn.rate.invalid": {
    "en-US": "{arg}: {value} must be an annual rate of 0 or more, such as 18% or 0.18.",
    "zh-CN": "{arg}：{value} 必须是不小于 0 的年利率，例如 18% 或 0.18。",
  },
  "fn.percent.invalid": {
    "en-US": "{arg}: {value} must be a percentage from 1 to 100; write 80 for 80 %.",
    "zh-CN": "{arg}：{value} 必须是 1 到 100 之间的百分数；80% 请写作 80。",
  },
  "fn.days.invalid": {
    "en-US": "{arg}: {value} must be a whole number of days, 0 or more.",
    "zh-CN": "{arg}：{value} 必须是不小于 0 的整数天数。",
  },
  "fn.period.invalid": {
    "en-US": "{arg}: {value} must be a number of days greater than 0.",
    "zh-CN": "{arg}：{value} 必须是大于 0 的天数。",
  },
  "fn.negative": {
    "en-US": "{arg}: {value} must not be negative.",
    "zh-CN": "{arg}：{value} 不能为负数。",
  },
  "fn.single": {
    "en-US": "{arg}: give one value, not a range.",
    "zh-CN": "{arg}：请提供单个值，而不是区域。",
  },
  "fn.required": {
    "en-US": "{arg}: this argument is required. Give a value or a cell, such as =AR.DAYSOVERDUE(D2, $H$1).",
    "zh-CN": "{arg}：必须提供此参数。请填入值或单元格，例如 =AR.逾期天数(D2, $H$1)。",
  },
  "fn.shape": {
    "en-US":
      "{arg}: a range of {rows} × {cols} cells does not match {other} ({otherRows} × {otherCols}). Use ranges of the same size, or single values.",
    "zh-CN": "{arg}：{rows} × {cols} 的区域与 {other}（{otherRows} × {otherCols}）大小不一致。请使用大小相同的区域或单个值。",
  },
  "fn.row.invalid": {
    "en-US": "Row {row} of the ranges: {detail}",
    "zh-CN": "区域第 {row} 行：{detail}",
  },
  "fn.row.dateMissing": {
    "en-US": "{arg} is empty but {other} is {value}.",
    "zh-CN": "{arg} 为空，但 {other} 为 {value}。",
  },
  "credit.status.ok": { "en-US": "OK", "zh-CN": "正常" },
  "credit.status.near": { "en-US": "Near limit", "zh-CN": "接近额度" },
  "credit.status.over": { "en-US": "Over limit", "zh-CN": "超出额度" },
  "credit.status.hold": { "en-US": "Hold", "zh-CN": "冻结" },
} satisfies Catalog;
