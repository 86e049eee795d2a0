/**
 * SheetModels for the adapter tests, shaped like the engine's report builders produce them:
 * a title row, a blank row, a header, data rows, a totals row, per-column formats.
 */
import type { SheetModel, SheetValue } from "../../src/engine/types";

/** Bucket labels: "1-30" and "90+" would be read as a date and a number if written naively. */
const BUCKETS = ["Current", "1-30", "31-60", "61-90", "90+"];

/**
 * An aging detail sheet with `n` invoices. `ids` overrides the invoice numbers of the first rows
 * (for formula-looking text).
 */
export function detailModel(n: number, options: { name?: string; ids?: string[]; customerPrefix?: string } = {}): SheetModel {
  const header: SheetValue[] = ["Invoice", "Customer", "Due", "Amount", "Days", "Bucket"];
  const rows: SheetValue[][] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const amount = Math.round(((i * 7919) % 100000) + 1) / 100;
    total += amount;
    const days = (i * 37) % 150;
    rows.push([
      options.ids?.[i] ?? `INV-${String(i + 1).padStart(6, "0")}`,
      `${options.customerPrefix ?? "Customer"} ${i % 250}`,
      46000 + (i % 365),
      amount,
      days,
      BUCKETS[days === 0 ? 0 : Math.min(4, Math.ceil(days / 30))] ?? "Current",
    ]);
  }
  const cells: SheetValue[][] = [
    [options.name ?? "AR Aging detail", null, null, null, null, null],
    [null, null, null, null, null, null],
    header,
    ...rows,
    ["Total", null, null, Math.round(total * 100) / 100, null, null],
  ];
  const dataStart = 3;
  const dataEnd = 3 + n;
  return {
    kind: "aging-detail",
    name: options.name ?? "AR Aging Detail 2026-10",
    cells,
    headerRow: 2,
    dataStart,
    dataEnd,
    totalsEnd: dataEnd + 1,
    columns: [
      { width: 14, numberFormat: "@", isText: true },
      { width: 28, numberFormat: "@", isText: true },
      { width: 11, numberFormat: "yyyy-mm-dd", isText: false },
      { width: 14, numberFormat: "#,##0.00", isText: false },
      { width: 7, numberFormat: "0", isText: false },
      { width: 9, numberFormat: "General", isText: false },
    ],
    formats: [
      { range: { row: 0, col: 0, rowCount: 1, colCount: 1 }, bold: true, fontSize: 14 },
      { range: { row: 2, col: 0, rowCount: 1, colCount: 6 }, bold: true, fill: "#DDEBF7", horizontalAlignment: "center" },
      { range: { row: dataEnd, col: 0, rowCount: 1, colCount: 6 }, bold: true, borderTop: true },
      { range: { row: dataEnd, col: 3, rowCount: 1, colCount: 1 }, numberFormat: "#,##0.00" },
    ],
    highlights: [
      {
        range: { row: dataStart, col: 4, rowCount: n, colCount: 1 },
        rule: { type: "cellValue", operator: "greaterThan", value: 90 },
        fill: "#F8CBAD",
      },
    ],
    charts: [],
    freeze: { rows: 3, cols: 1 },
    filter: true,
  };
}

/** A small aging summary by bucket with a stacked column chart. */
export function summaryModel(name = "AR Aging 2026-10"): SheetModel {
  const cells: SheetValue[][] = [
    [name, null, null, null, null, null],
    [null, null, null, null, null, null],
    ["Customer", "Current", "1-30", "31-60", "61-90", "90+"],
    ["Acme Ltd", 100, 50, 0, 0, 10],
    ["=cmd|' /C calc'!A0", 20, 0, 5, 0, 0],
    ["Total", 120, 50, 5, 0, 10],
  ];
  return {
    kind: "aging-summary",
    name,
    cells,
    headerRow: 2,
    dataStart: 3,
    dataEnd: 5,
    totalsEnd: 6,
    columns: [
      { width: 30, numberFormat: "@", isText: true },
      ...Array.from({ length: 5 }, () => ({ width: 12, numberFormat: "#,##0.00", isText: false })),
    ],
    formats: [{ range: { row: 5, col: 0, rowCount: 1, colCount: 6 }, bold: true, borderTop: true }],
    highlights: [
      {
        range: { row: 3, col: 5, rowCount: 2, colCount: 1 },
        rule: { type: "cellValue", operator: "greaterThan", value: 0 },
        fill: "#FFC7CE",
      },
    ],
    charts: [
      {
        type: "columnStacked",
        title: "Aging by bucket",
        source: { row: 2, col: 0, rowCount: 3, colCount: 6 },
        seriesBy: "columns",
        anchor: { row: 8, col: 0 },
      },
    ],
    freeze: { rows: 3, cols: 0 },
    filter: false,
  };
}

/**
 * A bare sheet: a header row, then data rows, with no formats, highlights or charts (for what a
 * writer does with the values themselves).
 *
 * @example
 * plainSheetModel("Detail", [["Invoice"], ["INV-1"]]).dataEnd // 2
 */
export function plainSheetModel(name: string, cells: SheetValue[][]): SheetModel {
  return {
    kind: "aging-detail",
    name,
    cells,
    headerRow: 0,
    dataStart: 1,
    dataEnd: cells.length,
    totalsEnd: cells.length,
    columns: [],
    formats: [],
    highlights: [],
    charts: [],
    freeze: { rows: 1, cols: 0 },
    filter: false,
  };
}

/** What a cell reads back as through `Range.values`: empty cells are "". */
export function readBack(value: SheetValue): string | number | boolean {
  return value === null ? "" : value;
}
