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
} satisfies Catalog;
