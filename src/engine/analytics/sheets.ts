/**
 * The analytics sheets as SheetModels: "AR Roll-forward YYYY-MM", "AR Rep Scorecard YYYY-MM" and
 * "AR Provision YYYY-MM" (localised), with the chart models the add-in draws. Every number is
 * computed by the analytics engine; these builders only lay it out (major units per currency).
 */
import type { ChartModel, FormatRange, Lang, SheetModel, SheetValue } from "../types";
import type { Bucket } from "../aging";
import { currencyDecimals } from "../currency";
import { fromMinor } from "../money";
import { isoFromSerial } from "../dates";
import { t } from "../../i18n";
import {
  baseFormats,
  columnOf,
  fitTextWidths,
  pad,
  pushHeadingRow,
  pushSectionHeading,
  sheetMoneyFormat,
  tableCurrencyFormats,
  tableSheetModel,
  type ColumnSpec,
  type LaidOutTable,
} from "../report/sheet";
import type { HistoryGrouping, HistoryRow } from "./history";
import type { KpiRow } from "./kpi";
import type { RepScore, RollRate } from "./scorecard";
import type { ProvisionResult } from "./provision";
import type { ConvertedMonth } from "./fx";
import { monthKey } from "./months";
import { roundTo } from "./round";

const major = (minor: number, currency: string): number => fromMinor(minor, currencyDecimals(currency));
/** Percent and days are written as numbers with 2 decimals (a "%" cell format would need fractions). */
const TWO_DECIMALS = "0.00";

function title(lang: Lang, titleId: string, lines: string[], width: number): SheetValue[][] {
  return [[t(lang, titleId)], ...lines.map((line) => [line]), []].map((row) => pad(row as SheetValue[], width));
}

/** Message id of each analytics sheet's name ("AR Roll-forward {period}"). */
const SHEET_NAME_IDS = {
  rollforward: "analytics.sheet.rollforward",
  "rep-scorecard": "analytics.sheet.scorecard",
  provision: "analytics.sheet.provision",
} as const;

/** An analytics sheet's model, named for its month `period` ("YYYY-MM"). */
function analyticsModel(
  lang: Lang,
  kind: keyof typeof SHEET_NAME_IDS,
  period: string,
  table: LaidOutTable,
  extra: { charts?: ChartModel[]; filter?: boolean; freezeCols?: number },
): SheetModel {
  return tableSheetModel(kind, t(lang, SHEET_NAME_IDS[kind], { period }), table, extra);
}

function moneyColumnsOf(specs: readonly ColumnSpec[]): number[] {
  return specs.flatMap((s, k) => (s.kind === "money" ? [k] : []));
}

/** Inputs of {@link rollForwardSheet}: currency-grouped rows (or by customer/rep), roll rates, KPIs. */
export interface RollForwardSheetInput {
  rows: readonly HistoryRow[];
  rollRates: readonly RollRate[];
  buckets: readonly Bucket[];
  groupBy: HistoryGrouping;
  from: number;
  to: number;
  /** KPI rows of the currency totals, shown beside the roll-forward when given. */
  kpis?: readonly KpiRow[];
  converted?: readonly ConvertedMonth[];
  /** KPIs of the converted totals: a section of their own, never rows of the document-currency KPIs. */
  convertedKpis?: readonly KpiRow[];
  /** Currency totals for the chart when `rows` are grouped by customer or rep. */
  totals?: readonly HistoryRow[];
}

/**
 * "AR Roll-forward YYYY-MM" (the last month): one row per month and currency (and customer or
 * rep), then the roll rates, the KPIs and converted totals when given, and a stacked column
 * chart of each currency's month-end buckets.
 *
 * @example
 * rollForwardSheet({ rows, rollRates, buckets, groupBy: "currency", from, to }, "en-US").name // "AR Roll-forward 2026-10"
 */
export function rollForwardSheet(input: RollForwardSheetInput, lang: Lang): SheetModel {
  const { rows, buckets, groupBy } = input;
  const grouped = groupBy !== "currency";
  const specs: ColumnSpec[] = [
    { header: t(lang, "analytics.column.month"), kind: "text", width: 9 },
    { header: t(lang, "report.column.currency"), kind: "text", width: 9 },
    ...(grouped
      ? [
          {
            header: t(lang, groupBy === "customer" ? "report.column.customer" : "report.column.sales-rep"),
            kind: "text" as const,
            width: 18,
          },
        ]
      : []),
    { header: t(lang, "analytics.column.opening"), kind: "money", width: 15 },
    { header: t(lang, "analytics.column.invoiced"), kind: "money", width: 15 },
    { header: t(lang, "analytics.column.credits"), kind: "money", width: 13 },
    { header: t(lang, "analytics.column.cash"), kind: "money", width: 15 },
    { header: t(lang, "analytics.column.refunds"), kind: "money", width: 12 },
    { header: t(lang, "analytics.column.closing"), kind: "money", width: 15 },
    { header: t(lang, "analytics.column.current"), kind: "money", width: 14 },
    { header: t(lang, "analytics.column.overdue"), kind: "money", width: 14 },
    { header: t(lang, "report.column.unapplied"), kind: "money", width: 14 },
    ...buckets.map((b): ColumnSpec => ({ header: b.label, kind: "money", width: 13 })),
  ];
  const width = Math.max(specs.length, 11);
  while (specs.length < width) specs.push({ header: "", kind: "text", width: 4 });
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const money = sheetMoneyFormat(currencies);
  const cells = title(
    lang,
    "analytics.title.rollforward",
    [t(lang, "analytics.period", { from: monthKey(input.from), to: monthKey(input.to) })],
    width,
  );
  const headerRow = cells.length;
  cells.push(specs.map((s) => s.header));
  for (const r of rows) {
    const m = (v: number): number => major(v, r.currency);
    const group: SheetValue[] = grouped ? [r.key ?? t(lang, "report.no-rep")] : [];
    cells.push(
      pad(
        [
          monthKey(r.month),
          r.currency,
          ...group,
          m(r.opening),
          m(r.invoiced),
          m(r.credits),
          m(r.cash),
          m(r.refunds),
          m(r.closing),
          m(r.current),
          m(r.overdue),
          m(r.unapplied),
          ...r.buckets.map(m),
        ],
        width,
      ),
    );
  }
  const dataEnd = cells.length;
  const formats: FormatRange[] = baseFormats(width, headerRow, dataEnd, dataEnd);
  formats.push(
    ...tableCurrencyFormats({ headerRow, dataEnd, rowCurrencies: rows.map((r) => r.currency) }, moneyColumnsOf(specs), currencies),
  );

  // Roll rates: one row per month and currency (and group), one column per bucket pair.
  const pairs = buckets.slice(0, -1).map((b, k) => `${b.label} → ${buckets[k + 1]!.label}`);
  if (input.rollRates.length > 0) {
    pushSectionHeading(cells, formats, width, t(lang, "analytics.title.roll-rates"));
    const head = pushHeadingRow(cells, formats, width, [
      t(lang, "analytics.column.month"),
      t(lang, "report.column.currency"),
      ...(grouped ? [""] : []),
      ...pairs.map((p) => `${p} %`),
    ]);
    const perRow = pairs.length;
    for (let k = 0; k + perRow <= input.rollRates.length; k += perRow) {
      const first = input.rollRates[k]!;
      const rates = input.rollRates.slice(k, k + perRow).map((r) => (r.rate === null ? null : roundTo(r.rate * 100)));
      cells.push(
        pad([monthKey(first.month), first.currency, ...(grouped ? [first.key ?? t(lang, "report.no-rep")] : []), ...rates], width),
      );
    }
    const offset = grouped ? 3 : 2;
    formats.push({
      range: { row: head + 1, col: offset, rowCount: cells.length - head - 1, colCount: perRow },
      numberFormat: TWO_DECIMALS,
    });
  }

  const kpiSection = (kpis: readonly KpiRow[], heading: string, moneyFormat: string): void => {
    pushSectionHeading(cells, formats, width, heading);
    const head = pushHeadingRow(cells, formats, width, kpiHeaders(lang));
    for (const k of kpis) cells.push(pad(kpiCells(k), width));
    formats.push({ range: { row: head + 1, col: 2, rowCount: kpis.length, colCount: 2 }, numberFormat: moneyFormat });
    formats.push({ range: { row: head + 1, col: 4, rowCount: kpis.length, colCount: 7 }, numberFormat: TWO_DECIMALS });
  };
  if (input.kpis && input.kpis.length > 0) kpiSection(input.kpis, t(lang, "analytics.title.kpi"), money);

  if (input.converted && input.converted.length > 0) {
    pushSectionHeading(cells, formats, width, t(lang, "analytics.title.converted", { currency: input.converted[0]!.currency }));
    const head = pushHeadingRow(cells, formats, width, [
      t(lang, "analytics.column.month"),
      t(lang, "report.column.currency"),
      ...["opening", "invoiced", "credits", "cash", "refunds", "translation", "closing", "current", "overdue"].map((id) =>
        t(lang, `analytics.column.${id}`),
      ),
    ]);
    for (const c of input.converted) {
      const m = (v: number): number => major(v, c.currency);
      cells.push(
        pad(
          [
            monthKey(c.month),
            c.currency,
            m(c.opening),
            m(c.invoiced),
            m(c.credits),
            m(c.cash),
            m(c.refunds),
            m(c.translation),
            m(c.closing),
            m(c.current),
            m(c.overdue),
          ],
          width,
        ),
      );
    }
    formats.push({
      range: { row: head + 1, col: 2, rowCount: input.converted.length, colCount: 9 },
      numberFormat: sheetMoneyFormat([input.converted[0]!.currency]),
    });
  }

  if (input.convertedKpis && input.convertedKpis.length > 0) {
    const code = input.convertedKpis[0]!.currency;
    kpiSection(input.convertedKpis, t(lang, "analytics.title.converted-kpi", { currency: code }), sheetMoneyFormat([code]));
  }

  // Chart data: per currency (first three), months down, buckets across; stacked columns.
  const charts: ChartModel[] = [];
  const chartRows = input.totals ?? (grouped ? [] : rows);
  if (chartRows.length > 0) {
    for (const currency of currencies.slice(0, 3)) {
      const series = chartRows.filter((r) => r.currency === currency);
      if (series.length === 0) continue;
      cells.push(pad([], width));
      const blockRow = cells.length;
      cells.push(pad([`${t(lang, "analytics.column.month")} (${currency})`, ...buckets.map((b) => b.label)], width));
      for (const r of series) cells.push(pad([monthKey(r.month), ...r.buckets.map((v) => major(v, currency))], width));
      formats.push({ range: { row: blockRow, col: 0, rowCount: 1, colCount: buckets.length + 1 }, bold: true });
      formats.push({
        range: { row: blockRow + 1, col: 1, rowCount: series.length, colCount: buckets.length },
        numberFormat: sheetMoneyFormat([currency]),
      });
      charts.push({
        type: "columnStacked",
        title: t(lang, "analytics.chart.rollforward", { currency }),
        source: { row: blockRow, col: 0, rowCount: series.length + 1, colCount: buckets.length + 1 },
        seriesBy: "columns",
        anchor: { row: blockRow, col: buckets.length + 2 },
      });
    }
  }

  const columns = specs.map((s) => columnOf(s, money));
  // Widths follow the main table, not the titles of the blocks below it.
  fitTextWidths(columns, cells.slice(0, dataEnd), headerRow);
  const table = { cells, headerRow, dataEnd, totalsEnd: dataEnd, columns, formats };
  return analyticsModel(lang, "rollforward", monthKey(input.to), table, { charts, freezeCols: grouped ? 3 : 2 });
}

function kpiHeaders(lang: Lang): string[] {
  return [
    "analytics.column.month",
    "report.column.currency",
    "analytics.column.sales",
    "analytics.column.closing",
    "analytics.column.dso",
    "analytics.column.dso-count-back",
    "analytics.column.bpdso",
    "analytics.column.add",
    "analytics.column.cei",
    "analytics.column.overdue-pct",
    "analytics.column.collection-rate",
  ].map((id) => t(lang, id));
}

function kpiCells(k: KpiRow): SheetValue[] {
  return [
    monthKey(k.month),
    k.currency,
    major(k.sales, k.currency),
    major(k.closing, k.currency),
    roundTo(k.dso),
    roundTo(k.dsoCountBack),
    roundTo(k.bpdso),
    roundTo(k.add),
    roundTo(k.cei),
    roundTo(k.overduePct),
    roundTo(k.collectionRate),
  ];
}

/**
 * "AR Rep Scorecard YYYY-MM": the month's reps per currency in rank order, and a chart of
 * collection rate and overdue % by rep for the first currency.
 *
 * @example
 * repScorecardSheet(scores, month, "zh-CN").name // "销售员考核 2026-10"
 */
export function repScorecardSheet(scores: readonly RepScore[], month: number, lang: Lang): SheetModel {
  const rows = scores.filter((s) => s.month === month);
  const specs: ColumnSpec[] = [
    { header: t(lang, "analytics.column.rank"), kind: "integer", width: 6 },
    { header: t(lang, "report.column.sales-rep"), kind: "text", width: 16 },
    { header: t(lang, "report.column.currency"), kind: "text", width: 9 },
    { header: t(lang, "analytics.column.invoiced"), kind: "money", width: 15 },
    { header: t(lang, "analytics.column.collected"), kind: "money", width: 15 },
    { header: t(lang, "analytics.column.closing"), kind: "money", width: 15 },
    { header: t(lang, "analytics.column.overdue"), kind: "money", width: 14 },
    { header: t(lang, "analytics.column.overdue61"), kind: "money", width: 14 },
    { header: t(lang, "analytics.column.collection-rate"), kind: "text", width: 12 },
    { header: t(lang, "analytics.column.overdue-pct"), kind: "text", width: 12 },
    { header: t(lang, "analytics.column.dso"), kind: "text", width: 10 },
    { header: t(lang, "analytics.column.over-limit"), kind: "integer", width: 10 },
  ];
  const width = specs.length;
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  const money = sheetMoneyFormat(currencies);
  const cells = title(lang, "analytics.title.scorecard", [t(lang, "analytics.month", { month: monthKey(month) })], width);
  const headerRow = cells.length;
  cells.push(specs.map((s) => s.header));
  for (const r of rows) {
    const m = (v: number): number => major(v, r.currency);
    cells.push([
      r.rank,
      r.rep ?? t(lang, "report.no-rep"),
      r.currency,
      m(r.invoiced),
      m(r.collected),
      m(r.closing),
      m(r.overdue),
      m(r.overdue61),
      roundTo(r.collectionRate),
      roundTo(r.overduePct),
      roundTo(r.dso),
      r.overLimit,
    ]);
  }
  const dataEnd = cells.length;
  const formats = baseFormats(width, headerRow, dataEnd, dataEnd);
  formats.push(
    ...tableCurrencyFormats({ headerRow, dataEnd, rowCurrencies: rows.map((r) => r.currency) }, moneyColumnsOf(specs), currencies),
  );
  const columns = specs.map((s) => columnOf(s, money));
  // Ratios are numbers, not text: 2 decimals.
  for (const col of [8, 9, 10]) columns[col] = { ...columns[col]!, numberFormat: TWO_DECIMALS, isText: false };
  const charts: ChartModel[] = [];
  const first = currencies[0];
  if (first !== undefined) {
    const series = rows.filter((r) => r.currency === first);
    cells.push(pad([], width));
    const blockRow = cells.length;
    cells.push(
      pad(
        [
          `${t(lang, "report.column.sales-rep")} (${first})`,
          t(lang, "analytics.column.collection-rate"),
          t(lang, "analytics.column.overdue-pct"),
        ],
        width,
      ),
    );
    for (const r of series) cells.push(pad([r.rep ?? t(lang, "report.no-rep"), roundTo(r.collectionRate), roundTo(r.overduePct)], width));
    formats.push({ range: { row: blockRow, col: 0, rowCount: 1, colCount: 3 }, bold: true });
    charts.push({
      type: "columnClustered",
      title: t(lang, "analytics.chart.scorecard", { currency: first }),
      source: { row: blockRow, col: 0, rowCount: series.length + 1, colCount: 3 },
      seriesBy: "columns",
      anchor: { row: blockRow, col: 4 },
    });
  }
  // Widths follow the main table, not the titles of the blocks below it.
  fitTextWidths(columns, cells.slice(0, dataEnd), headerRow);
  const table = { cells, headerRow, dataEnd, totalsEnd: dataEnd, columns, formats };
  return analyticsModel(lang, "rep-scorecard", monthKey(month), table, { charts, filter: true, freezeCols: 2 });
}

/**
 * "AR Provision YYYY-MM": bucket rows (amount × rate = provision) with per-currency totals and
 * the movement against a previous provision, then how each rate was reached (given, or the roll
 * rates averaged and multiplied), then the per-customer shares.
 *
 * @example
 * provisionSheet(result, "en-US").cells // title, table, derivation, customers
 */
export function provisionSheet(
  result: ProvisionResult,
  lang: Lang,
  converted?: { currency: string; amount: number; provision: number },
): SheetModel {
  const specs: ColumnSpec[] = [
    { header: t(lang, "report.column.currency"), kind: "text", width: 10 },
    { header: t(lang, "report.column.bucket"), kind: "text", width: 14 },
    { header: t(lang, "analytics.column.amount"), kind: "money", width: 16 },
    { header: t(lang, "analytics.column.loss-rate"), kind: "text", width: 14 },
    { header: t(lang, "analytics.column.provision"), kind: "money", width: 16 },
    { header: "", kind: "text", width: 12 },
    { header: "", kind: "text", width: 12 },
  ];
  const width = specs.length;
  const currencies = result.totals.map((x) => x.currency);
  const money = sheetMoneyFormat(currencies);
  const method = t(lang, result.method === "rates" ? "analytics.method.rates" : "analytics.method.roll-rate");
  const basis = t(lang, result.aging.basis === "due" ? "report.basis.due" : "report.basis.invoice");
  const cells = title(
    lang,
    "analytics.title.provision",
    [t(lang, "report.as-of", { date: isoFromSerial(result.asOf) }), basis, method],
    width,
  );
  const headerRow = cells.length;
  cells.push(specs.map((s) => s.header));
  for (const r of result.rows)
    cells.push(pad([r.currency, r.label, major(r.amount, r.currency), r.rate, major(r.provision, r.currency)], width));
  const dataEnd = cells.length;
  for (const total of result.totals)
    cells.push(
      pad(
        [t(lang, "report.total"), total.currency, major(total.amount, total.currency), null, major(total.provision, total.currency)],
        width,
      ),
    );
  const totalsEnd = cells.length;
  const formats = baseFormats(width, headerRow, dataEnd, totalsEnd);
  formats.push(
    ...tableCurrencyFormats(
      { headerRow, dataEnd, rowCurrencies: result.rows.map((r) => r.currency), totalCurrencies: currencies },
      [2, 4],
      currencies,
    ),
  );
  const columns = specs.map((s) => columnOf(s, money));
  columns[3] = { ...columns[3]!, numberFormat: TWO_DECIMALS, isText: false };

  const section = (id: string, params: Record<string, string> = {}): number =>
    pushSectionHeading(cells, formats, width, t(lang, id, params));
  const headRow = (headers: string[]): number => pushHeadingRow(cells, formats, width, headers);

  if (result.totals.some((x) => x.previous !== null)) {
    section("analytics.title.movement");
    headRow([
      t(lang, "report.column.currency"),
      t(lang, "analytics.column.previous"),
      t(lang, "analytics.column.provision"),
      t(lang, "analytics.column.movement"),
    ]);
    for (const x of result.totals) {
      if (x.previous === null) continue;
      cells.push(pad([x.currency, major(x.previous, x.currency), major(x.provision, x.currency), major(x.movement!, x.currency)], width));
    }
  }
  if (converted) {
    section("analytics.title.converted", { currency: converted.currency });
    headRow([t(lang, "report.column.currency"), t(lang, "analytics.column.amount"), t(lang, "analytics.column.provision")]);
    cells.push(
      pad([converted.currency, major(converted.amount, converted.currency), major(converted.provision, converted.currency)], width),
    );
  }

  section("analytics.title.derivation");
  if (result.method === "rates") {
    cells.push(pad([t(lang, "analytics.derivation.given")], width));
  } else {
    cells.push(
      pad(
        [
          t(lang, "analytics.derivation.formula", {
            months: result.historyMonths.length,
            from: monthKey(result.historyMonths[0] ?? 0),
            to: monthKey(result.historyMonths.at(-1) ?? 0),
          }),
        ],
        width,
      ),
    );
    headRow([
      t(lang, "report.column.currency"),
      t(lang, "report.column.bucket"),
      t(lang, "analytics.column.product"),
      t(lang, "analytics.column.last-share"),
      t(lang, "analytics.column.adjust"),
      t(lang, "analytics.column.loss-rate"),
    ]);
    for (const d of result.derivations) cells.push(pad([d.currency, d.label, roundTo(d.product, 6), d.lastShare, d.adjust, d.rate], width));
    // Average roll rates with the monthly values they average, so each product can be recomputed.
    const first = result.derivations.filter((d) => d.rolls.length > 0);
    const seen = new Set<string>();
    section("analytics.title.roll-averages");
    headRow([
      t(lang, "report.column.currency"),
      t(lang, "analytics.column.roll"),
      t(lang, "analytics.column.average"),
      ...result.historyMonths.map(monthKey),
    ]);
    for (const d of first) {
      for (const roll of d.rolls) {
        const key = `${d.currency}|${roll.from}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const label = (k: string): string => result.buckets.find((b) => b.key === k)?.label ?? k;
        cells.push(
          pad(
            [d.currency, `${label(roll.from)} → ${label(roll.to)}`, roundTo(roll.average, 4), ...roll.monthly.map((v) => roundTo(v, 4))],
            Math.max(width, 3 + result.historyMonths.length),
          ),
        );
      }
    }
  }

  section("analytics.title.customers");
  headRow([t(lang, "report.column.customer"), t(lang, "report.column.currency"), t(lang, "analytics.column.provision")]);
  const customerStart = cells.length;
  for (const c of result.customers) cells.push(pad([c.customer, c.currency, major(c.provision, c.currency)], width));
  formats.push({ range: { row: customerStart, col: 2, rowCount: result.customers.length, colCount: 1 }, numberFormat: money });

  // Rows must be of equal length: widen everything to the widest row.
  const widest = Math.max(...cells.map((r) => r.length));
  for (const row of cells) pad(row, widest);
  while (columns.length < widest) columns.push(columnOf({ header: "", kind: "text", width: 10 }, money));
  // Widths follow the main table, not the titles of the blocks below it.
  fitTextWidths(columns, [...cells.slice(0, dataEnd), ...cells.slice(customerStart)], headerRow);
  const table = { cells, headerRow, dataEnd, totalsEnd, columns, formats };
  return analyticsModel(lang, "provision", isoFromSerial(result.asOf).slice(0, 7), table, { freezeCols: 0 });
}
