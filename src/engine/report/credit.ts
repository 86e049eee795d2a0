/**
 * The credit check as output: the "AR Credit" sheet (one row per customer, riskiest first,
 * status and utilisation coloured by a few conditional formats) and the JSON the CLI writes.
 * Money leaves minor units here, divided by 10^decimals of each row's currency.
 */
import type { ConditionalHighlight, Lang, SheetModel, SheetValue } from "../types";
import { currencyDecimals } from "../currency";
import { fromMinor } from "../money";
import { isoFromSerial } from "../dates";
import { t } from "../../i18n";
import type { CreditReport } from "../credit/check";
import { creditStatusLabel, type CreditStatus } from "../credit/status";
import {
  reportPeriod,
  baseFormats,
  columnOf,
  fitTextWidths,
  pad,
  sheetModel,
  sheetMoneyFormat,
  PERCENT_FORMAT,
  tableCurrencyFormats,
  type ColumnSpec,
} from "./sheet";

/**
 * Fill colour of each status (#RRGGBB): on the sheet's status column and, through the Office
 * adapter, on the rows of the user's customer table. OK is not coloured.
 */
export const CREDIT_STATUS_COLORS: Readonly<Record<Exclude<CreditStatus, "ok">, string>> = {
  blocked: "#D9D9D9",
  hold: "#F4B084",
  over: "#FFC7CE",
  currency: "#E4DFEC",
  near: "#FFEB9C",
  nolimit: "#DDEBF7",
};

/** Font colour paired with each fill, for contrast. */
const STATUS_FONT: Readonly<Record<Exclude<CreditStatus, "ok">, string>> = {
  blocked: "#000000",
  hold: "#833C0B",
  over: "#9C0006",
  currency: "#5B3C88",
  near: "#9C5700",
  nolimit: "#1F4E78",
};

/** Column positions on the sheet. */
const COL = {
  customer: 0,
  group: 1,
  segment: 2,
  currency: 3,
  limit: 4,
  openAR: 5,
  openOrders: 6,
  exposure: 7,
  available: 8,
  utilisation: 9,
  oldest: 10,
  overdue: 11,
  status: 12,
  reason: 13,
} as const;

/**
 * The "AR Credit" sheet.
 *
 * @example
 * const sheet = creditSheet(checkCredit(aging, options), "en-US");
 * sheet.name // "AR Credit"
 */
export function creditSheet(report: CreditReport, lang: Lang): SheetModel {
  const specs: ColumnSpec[] = [
    { header: t(lang, "report.column.customer"), kind: "text", width: 24 },
    { header: t(lang, "credit.column.group"), kind: "text", width: 14 },
    // The segment is shown and filterable (the header row carries the filter); it never shares a limit.
    { header: t(lang, "credit.column.segment"), kind: "text", width: 12 },
    { header: t(lang, "report.column.currency"), kind: "text", width: 9 },
    { header: t(lang, "credit.column.limit"), kind: "money", width: 14 },
    { header: t(lang, "credit.column.open-ar"), kind: "money", width: 14 },
    { header: t(lang, "credit.column.open-orders"), kind: "money", width: 14 },
    { header: t(lang, "credit.column.exposure"), kind: "money", width: 14 },
    { header: t(lang, "credit.column.available"), kind: "money", width: 14 },
    { header: t(lang, "credit.column.utilisation"), kind: "percent", width: 11 },
    { header: t(lang, "credit.column.oldest"), kind: "integer", width: 11 },
    { header: t(lang, "credit.column.overdue"), kind: "money", width: 14 },
    { header: t(lang, "credit.column.status"), kind: "text", width: 12 },
    { header: t(lang, "credit.column.reason"), kind: "text", width: 40 },
  ];
  const width = specs.length;
  const { policy } = report;
  const cells: SheetValue[][] = [
    pad([t(lang, "credit.sheet.title")], width),
    pad([t(lang, "report.as-of", { date: isoFromSerial(report.asOf) })], width),
    pad(
      [
        t(lang, "credit.sheet.rules", {
          near: policy.nearPercent,
          hold: policy.holdDays,
          net: t(lang, report.netUnapplied ? "credit.sheet.net" : "credit.sheet.gross"),
        }),
      ],
      width,
    ),
    pad([], width),
  ];
  const headerRow = cells.length;
  cells.push(specs.map((s) => s.header));
  const labels = new Map<CreditStatus, string>();
  const label = (s: CreditStatus): string => {
    let text = labels.get(s);
    if (text === undefined) labels.set(s, (text = creditStatusLabel(s, lang)));
    return text;
  };
  const rowCurrencies: string[] = new Array<string>(report.customers.length);
  report.customers.forEach((c, k) => {
    const d = currencyDecimals(c.currency);
    const m = (v: number): number => fromMinor(v, d);
    rowCurrencies[k] = c.currency;
    cells.push([
      c.customer,
      c.group,
      c.segment,
      c.currency,
      c.limit === null ? null : m(c.limit),
      m(c.openAR),
      m(c.openOrders),
      m(c.exposure),
      c.available === null ? null : m(c.available),
      c.utilisation,
      c.oldestDaysOverdue,
      m(c.overdue),
      label(c.status),
      c.reason,
    ]);
  });
  const dataEnd = cells.length;
  const currencies = [...new Set(rowCurrencies)].sort();
  const formats = baseFormats(width, headerRow, dataEnd, dataEnd);
  const moneyColumns = [COL.limit, COL.openAR, COL.openOrders, COL.exposure, COL.available, COL.overdue];
  formats.push(...tableCurrencyFormats({ headerRow, dataEnd, rowCurrencies }, moneyColumns, currencies));
  const columns = specs.map((s) => columnOf(s, sheetMoneyFormat(currencies)));
  columns[COL.utilisation]!.numberFormat = PERCENT_FORMAT;
  fitTextWidths(columns, cells, headerRow);
  columns[COL.reason]!.width = Math.min(columns[COL.reason]!.width, 80);
  const sheet = sheetModel("credit", t(lang, "credit.sheet.name"), cells, headerRow, dataEnd, dataEnd, columns, formats, {
    filter: true,
    freezeCols: 1,
    period: reportPeriod(report.asOf),
  });
  sheet.highlights = creditHighlights(headerRow + 1, dataEnd, report.policy.nearPercent, lang);
  return sheet;
}

/**
 * The sheet's conditional formats: one per flagged status on the status column, two on the
 * utilisation column (over 100 %, at least the near percentage), all bounded to the data rows.
 */
function creditHighlights(first: number, end: number, nearPercent: number, lang: Lang): ConditionalHighlight[] {
  if (end <= first) return [];
  const rows = end - first;
  const status = { row: first, col: COL.status, rowCount: rows, colCount: 1 };
  const utilisation = { row: first, col: COL.utilisation, rowCount: rows, colCount: 1 };
  const highlights: ConditionalHighlight[] = (Object.keys(CREDIT_STATUS_COLORS) as (keyof typeof CREDIT_STATUS_COLORS)[]).map((s) => ({
    range: status,
    rule: { type: "textEquals", text: creditStatusLabel(s, lang) },
    fill: CREDIT_STATUS_COLORS[s],
    fontColor: STATUS_FONT[s],
  }));
  highlights.push(
    {
      range: utilisation,
      rule: { type: "cellValue", operator: "greaterThan", value: 1 },
      fill: CREDIT_STATUS_COLORS.over,
      fontColor: STATUS_FONT.over,
    },
    {
      range: utilisation,
      rule: { type: "cellValue", operator: "greaterThanOrEqual", value: nearPercent / 100 },
      fill: CREDIT_STATUS_COLORS.near,
      fontColor: STATUS_FONT.near,
    },
  );
  return highlights;
}

/** One customer of the credit JSON; amounts in major units of `currency`. */
export interface CreditJsonRow {
  customer: string;
  group: string | null;
  segment: string | null;
  currency: string;
  limit: number | null;
  openAR: number;
  openOrders: number;
  exposure: number;
  available: number | null;
  /** exposure / limit as a ratio (1 = 100 %); null without a positive limit. */
  utilisation: number | null;
  oldestDaysOverdue: number | null;
  overdue: number;
  /** en-US label ("Over limit"), whatever the report's language. */
  status: string;
  reason: string;
}

/**
 * The credit check as JSON rows, riskiest first.
 *
 * @example
 * toCreditJson(report)[0] // { customer: "Acme", status: "Over limit", exposure: 1200, … }
 */
export function toCreditJson(report: CreditReport): CreditJsonRow[] {
  return report.customers.map((c) => {
    const d = currencyDecimals(c.currency);
    const m = (v: number): number => fromMinor(v, d);
    return {
      customer: c.customer,
      group: c.group,
      segment: c.segment,
      currency: c.currency,
      limit: c.limit === null ? null : m(c.limit),
      openAR: m(c.openAR),
      openOrders: m(c.openOrders),
      exposure: m(c.exposure),
      available: c.available === null ? null : m(c.available),
      utilisation: c.utilisation === null ? null : Math.round(c.utilisation * 10000) / 10000,
      oldestDaysOverdue: c.oldestDaysOverdue,
      overdue: m(c.overdue),
      status: creditStatusLabel(c.status, "en-US"),
      reason: c.reason,
    };
  });
}
