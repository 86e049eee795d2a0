import type { Catalog } from "../types";

/** Messages of the analytics area (roll-forward, KPIs, rep scorecard, provision, reporting currency). */
export const analyticsMessages = {
  "analytics.history.open-amounts": {
    "en-US": "The book has no payments table: balances come from the open-amount column, and the settled part of each invoice is shown as cash in the invoice's month (the payment dates are unknown).",
    "zh-CN": "账簿没有收款表：余额取自未结金额列，每张发票已结清的部分按发票所在月份计为回款（收款日期未知）。",
  },
} satisfies Catalog;
