/**
 * Turns a stored chart (source range + series orientation) into categories and series, the way
 * Excel reads a chart's source: the first row holds series names, the first column categories
 * (for series by columns; transposed for series by rows).
 */
import type { ChartState, SheetState } from "../host/model";

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface ChartData {
  title: string;
  stacked: boolean;
  categories: string[];
  series: ChartSeries[];
}

/** Categories and series of a chart, read from its sheet's current cells. */
export function chartData(chart: ChartState): ChartData {
  const sheet: SheetState = chart.sheet;
  const src = chart.source;
  const text = (r: number, c: number): string => sheet.text(src.row + r, src.col + c);
  const num = (r: number, c: number): number => {
    const v = sheet.value(src.row + r, src.col + c);
    return typeof v === "number" && Number.isFinite(v) ? v : 0;
  };
  const byRows = /^rows$/i.test(chart.seriesBy) || (/^auto$/i.test(chart.seriesBy) && src.cols > src.rows);
  const categories: string[] = [];
  const series: ChartSeries[] = [];
  if (byRows) {
    for (let c = 1; c < src.cols; c++) categories.push(text(0, c));
    for (let r = 1; r < src.rows; r++) {
      const values: number[] = [];
      for (let c = 1; c < src.cols; c++) values.push(num(r, c));
      series.push({ name: text(r, 0), values });
    }
  } else {
    for (let r = 1; r < src.rows; r++) categories.push(text(r, 0));
    for (let c = 1; c < src.cols; c++) {
      const values: number[] = [];
      for (let r = 1; r < src.rows; r++) values.push(num(r, c));
      series.push({ name: text(0, c), values });
    }
  }
  return { title: chart.titleVisible === false ? "" : chart.title, stacked: /stacked/i.test(chart.chartType), categories, series };
}
