/**
 * The GL tie-out as output: the "AR GL Tie-out" sheet (the aging's total, the control balance,
 * the difference, how it is explained and the items that explain it), the method in words, and
 * the JSON the CLI writes. Money leaves minor units here.
 */
import type { FormatRange, Lang, SheetModel, SheetValue } from "../types";
import { currencyDecimals } from "../currency";
import { fromMinor } from "../money";
import { isoFromSerial } from "../dates";
import { t } from "../../i18n";
import type { GlCandidate, GlCandidateKind, GlExplanation } from "../reconcile/gl";
import type { GlAgingTieOut, GlBasis } from "../reconcile/glAging";
import { reportPeriod, baseFormats, columnOf, fitTextWidths, moneyFormat, pad, sheetModel, type ColumnSpec } from "./sheet";

/** Localised name of a candidate kind. @example glKindLabel("after-as-of", "en-US") // "Dated after the as-of date" */
export function glKindLabel(kind: GlCandidateKind, lang: Lang): string {
  return t(lang, `gl.kind.${kind}`);
}

/**
 * How the difference is explained, as a sentence (two when a single item is not the only one
 * with that effect).
 *
 * @example
 * glMethodText(glTieOutForAging(report, { currency: "USD", controlBalanceMinor: 0 }), "en-US")
 * // "Explained by one item: INV-9 (Open invoice)."
 */
export function glMethodText(
  result: { method: GlExplanation; otherMatches: number; items: readonly Pick<GlCandidate, "kind" | "label">[] },
  lang: Lang,
): string {
  const [first, second] = result.items;
  switch (result.method) {
    case "single": {
      const text = t(lang, "gl.method.single", { label: first?.label ?? "", kind: first ? glKindLabel(first.kind, lang) : "" });
      return result.otherMatches > 0 ? `${text} ${t(lang, "gl.method.single.others", { count: result.otherMatches })}` : text;
    }
    case "kind-total":
      return t(lang, "gl.method.kind-total", { count: result.items.length, kind: first ? glKindLabel(first.kind, lang) : "" });
    case "pair":
      return t(lang, "gl.method.pair", { first: first?.label ?? "", second: second?.label ?? "" });
    case "balanced":
    case "unexplained":
      return t(lang, `gl.method.${result.method}`);
  }
}

/** Label of the aging total for a basis. @example glAgingTotalLabel("net", "en-US") // "Aging net total" */
export function glAgingTotalLabel(basis: GlBasis, lang: Lang): string {
  return t(lang, `gl.row.aging.${basis}`);
}

/** Column positions of the items list; the summary block above uses the first two. */
const COL = { kind: 0, label: 1, amount: 2, sheet: 3, row: 4 } as const;

/**
 * The "AR GL Tie-out" sheet ("应收总账勾稽"): title with the currency, the as-of date and the
 * basis in words; then currency, the aging total, the control balance, the difference and the
 * explanation; then the explaining items (kind, document or customer, effect on the difference,
 * sheet and row) with their total, which equals the difference whenever items are listed.
 *
 * @example
 * const sheet = glTieOutSheet(glTieOutForAging(report, { currency: "USD", controlBalanceMinor: 1200000 }), "en-US");
 * sheet.name // "AR GL Tie-out"
 */
export function glTieOutSheet(result: GlAgingTieOut, lang: Lang): SheetModel {
  const specs: ColumnSpec[] = [
    { header: t(lang, "gl.column.kind"), kind: "text", width: 22 },
    { header: t(lang, "gl.column.label"), kind: "text", width: 22 },
    { header: t(lang, "gl.column.amount"), kind: "money", width: 18 },
    { header: t(lang, "report.column.sheet"), kind: "text", width: 14 },
    { header: t(lang, "report.column.row"), kind: "integer", width: 8 },
  ];
  const width = specs.length;
  const c = result.currency;
  const money = moneyFormat(currencyDecimals(c));
  const m = (minor: number): number => fromMinor(minor, currencyDecimals(c));
  const cells: SheetValue[][] = [
    pad([t(lang, "gl.sheet.title", { currency: c })], width),
    pad([t(lang, "report.as-of", { date: isoFromSerial(result.asOf) })], width),
    pad([t(lang, `gl.basis.${result.basis}`)], width),
    pad([], width),
  ];
  const summaryTop = cells.length;
  cells.push(pad([t(lang, "gl.row.currency"), c], width));
  cells.push(pad([glAgingTotalLabel(result.basis, lang), m(result.agingOpenTotal)], width));
  cells.push(pad([t(lang, "gl.row.control"), m(result.controlBalance)], width));
  cells.push(pad([t(lang, "gl.row.difference"), m(result.difference)], width));
  cells.push(pad([t(lang, "gl.row.method"), glMethodText(result, lang)], width));
  cells.push(pad([], width));
  cells.push(pad([t(lang, "gl.items.heading")], width));
  const itemsHeading = cells.length - 1;

  const headerRow = cells.length;
  cells.push(specs.map((s) => s.header));
  for (const item of result.items)
    cells.push([glKindLabel(item.kind, lang), item.label, m(item.amount), item.sheet ?? null, item.row ?? null]);
  const dataEnd = cells.length;
  if (result.items.length > 0)
    cells.push(pad([t(lang, "report.total"), null, m(result.items.reduce((sum, item) => sum + item.amount, 0))], width));
  const totalsEnd = cells.length;

  const formats: FormatRange[] = [
    ...baseFormats(width, headerRow, dataEnd, totalsEnd),
    // The summary's labels are bold; its amounts (column B is text in the list below) take the money format.
    { range: { row: summaryTop, col: 0, rowCount: 5, colCount: 1 }, bold: true },
    { range: { row: summaryTop + 1, col: 1, rowCount: 3, colCount: 1 }, numberFormat: money },
    { range: { row: summaryTop + 3, col: 1, rowCount: 1, colCount: 1 }, bold: true },
    { range: { row: itemsHeading, col: 0, rowCount: 1, colCount: 1 }, bold: true },
  ];
  const columns = specs.map((s) => columnOf(s, money));
  fitTextWidths(columns, cells, headerRow);
  // The explanation is a sentence in column B; keep the column readable rather than as wide as it.
  columns[COL.label]!.width = Math.min(columns[COL.label]!.width, 40);
  return sheetModel("gl-tieout", t(lang, "gl.sheet.name"), cells, headerRow, dataEnd, totalsEnd, columns, formats, {
    filter: false,
    period: reportPeriod(result.asOf),
  });
}

/** One explaining item in major units; sheet and row null when the item has no source row. */
export interface GlJsonItem {
  kind: GlCandidateKind;
  label: string;
  amount: number;
  sheet: string | null;
  row: number | null;
}

/** The tie-out as the CLI writes it (`--json`). */
export interface GlTieOutJson {
  /** ISO date. */
  asOf: string;
  currency: string;
  basis: GlBasis;
  agingTotal: number;
  controlBalance: number;
  /** agingTotal − controlBalance. */
  difference: number;
  method: GlExplanation;
  /** For "single": how many other items have the same effect. */
  otherMatches: number;
  items: GlJsonItem[];
}

/**
 * The tie-out as JSON, money in major units of its currency.
 *
 * @example
 * toGlTieOutJson(result)
 * // { asOf: "2026-10-31", currency: "USD", basis: "net", agingTotal: 12500, controlBalance: 12000,
 * //   difference: 500, method: "single", otherMatches: 0, items: [{ kind: "open-item", label: "INV-9", amount: 500, sheet: "Invoices", row: 10 }] }
 */
export function toGlTieOutJson(result: GlAgingTieOut): GlTieOutJson {
  const decimals = currencyDecimals(result.currency);
  const m = (minor: number): number => fromMinor(minor, decimals);
  return {
    asOf: isoFromSerial(result.asOf),
    currency: result.currency,
    basis: result.basis,
    agingTotal: m(result.agingOpenTotal),
    controlBalance: m(result.controlBalance),
    difference: m(result.difference),
    method: result.method,
    otherMatches: result.otherMatches,
    items: result.items.map((item: GlCandidate) => ({
      kind: item.kind,
      label: item.label,
      amount: m(item.amount),
      sheet: item.sheet ?? null,
      row: item.row ?? null,
    })),
  };
}
