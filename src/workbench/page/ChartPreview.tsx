/**
 * A plain SVG preview of a simulated chart (clustered or stacked columns), drawn over the grid
 * where Excel would place it. Enough to see that the aging chart points at the right numbers.
 */
import type { CSSProperties, ReactElement } from "react";
import type { ChartState } from "../host/model";
import { chartData } from "./chartData";

/** Office's default series colours. */
const PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E"];

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function short(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${+(n / 1e9).toFixed(1)}B`;
  if (a >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(n / 1e3).toFixed(1)}K`;
  return String(+n.toFixed(2));
}

export function ChartPreview({ chart, style }: { chart: ChartState; version: number; style: CSSProperties }): ReactElement {
  const data = chartData(chart);
  const width = Number(style.width) || 360;
  const height = Number(style.height) || 216;
  const pad = { top: data.title ? 28 : 10, right: 10, bottom: 38, left: 46 };
  const plotW = Math.max(10, width - pad.left - pad.right);
  const plotH = Math.max(10, height - pad.top - pad.bottom);
  const n = Math.max(1, data.categories.length);
  const totals = data.categories.map((_, i) => data.series.reduce((s, se) => s + Math.max(0, se.values[i] ?? 0), 0));
  const peak = data.stacked ? Math.max(0, ...totals) : Math.max(0, ...data.series.flatMap((s) => s.values));
  const max = niceMax(peak);
  const band = plotW / n;
  const groupW = band * 0.7;
  const barW = data.stacked ? groupW : groupW / Math.max(1, data.series.length);
  const y = (v: number) => pad.top + plotH - (Math.max(0, v) / max) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);

  return (
    <div className="wb-chart" style={style} role="img" aria-label={data.title || "Chart"}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {data.title && (
          <text x={width / 2} y={18} textAnchor="middle" fontSize={13} fontWeight={600} fill="#404040">
            {data.title}
          </text>
        )}
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={pad.left + plotW} y1={y(t)} y2={y(t)} stroke="#d9d9d9" strokeWidth={1} />
            <text x={pad.left - 4} y={y(t) + 4} textAnchor="end" fontSize={10} fill="#595959">
              {short(t)}
            </text>
          </g>
        ))}
        {data.categories.map((cat, i) => {
          let stackTop = 0;
          const x0 = pad.left + i * band + (band - groupW) / 2;
          return (
            <g key={i}>
              {data.series.map((s, k) => {
                const v = Math.max(0, s.values[i] ?? 0);
                const colour = PALETTE[k % PALETTE.length];
                if (data.stacked) {
                  const top = y(stackTop + v);
                  const bottom = y(stackTop);
                  stackTop += v;
                  return (
                    <rect key={k} x={x0} y={top} width={barW} height={Math.max(0, bottom - top)} fill={colour}>
                      <title>{`${s.name} · ${cat}: ${v}`}</title>
                    </rect>
                  );
                }
                return (
                  <rect key={k} x={x0 + k * barW} y={y(v)} width={Math.max(1, barW - 1)} height={Math.max(0, y(0) - y(v))} fill={colour}>
                    <title>{`${s.name} · ${cat}: ${v}`}</title>
                  </rect>
                );
              })}
              <text x={pad.left + i * band + band / 2} y={pad.top + plotH + 14} textAnchor="middle" fontSize={10} fill="#595959">
                {cat.length > 12 ? `${cat.slice(0, 11)}…` : cat}
              </text>
            </g>
          );
        })}
        {data.series.length > 1 &&
          data.series.map((s, k) => (
            <g key={k} transform={`translate(${pad.left + k * Math.min(110, plotW / data.series.length)}, ${height - 12})`}>
              <rect width={9} height={9} y={-8} fill={PALETTE[k % PALETTE.length]} />
              <text x={12} fontSize={10} fill="#404040">
                {s.name.length > 14 ? `${s.name.slice(0, 13)}…` : s.name}
              </text>
            </g>
          ))}
      </svg>
    </div>
  );
}
