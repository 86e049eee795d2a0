/**
 * The grid view of one simulated worksheet: column letters and row numbers, cell text rendered
 * through each cell's number format, fonts, fills, borders, table styles, conditional-format
 * colours, frozen panes, the selection and chart previews. Only the cells on screen are
 * rendered, so large sheets scroll smoothly.
 *
 * Roles follow the ARIA grid pattern: role="grid" > role="row" > columnheader / rowheader /
 * gridcell, with aria-rowindex / aria-colindex in sheet coordinates (+1 for the header row).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { CSSProperties, ReactElement } from "react";
import { columnLetters, rectAddress } from "../host/address";
import type { Rect } from "../host/address";
import type { CellStyle, SheetState, TableState } from "../host/model";
import { ChartPreview } from "./ChartPreview";
import { conditionalStyleAt } from "../host/conditional";
import { HEADER_HEIGHT, ROW_HEADER_WIDTH, ROW_HEIGHT, px, sheetLayout, visibleWindow } from "./layout";

export interface GridProps {
  sheet: SheetState;
  /** Changes whenever the workbook changes, so the grid re-reads the model. */
  version: number;
  /** The user clicked a cell. */
  onSelect: (rect: Rect) => void;
  label: string;
}

const HEADER_BG = "#f3f3f3";
const HEADER_ACTIVE_BG = "#d2d2d2";
const SELECTION = "#217346";

/** Table style colours the grid approximates (direct cell formatting always wins). */
function tablePaint(table: TableState, row: number): { fill?: string; fontColor?: string; bold?: boolean; borderBottom?: string } | null {
  if (!table.style) return null;
  const medium = !/light/i.test(table.style);
  const headerRow = table.showHeaders ? table.rect.row : -1;
  if (row === headerRow)
    return medium ? { fill: "#4472C4", fontColor: "#FFFFFF", bold: true } : { bold: true, borderBottom: "1px solid #4472C4" };
  if (table.showBandedRows && (row - table.rect.row - (table.showHeaders ? 1 : 0)) % 2 === 0)
    return { fill: medium ? "#D9E1F2" : "#DDEBF7" };
  return null;
}

function inside(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

function alignment(style: CellStyle, value: unknown): CSSProperties["textAlign"] {
  const h = (style.horizontalAlignment ?? "General").toLowerCase();
  if (h === "left" || h === "right" || h === "center" || h === "justify") return h;
  if (h === "centeracrossselection") return "center";
  if (typeof value === "number") return "right";
  if (typeof value === "boolean") return "center";
  return "left";
}

function border(style: CellStyle, edge: string): string | undefined {
  const b = style.borders?.[edge];
  if (!b || !b.style || /none/i.test(b.style)) return undefined;
  const width = /thick/i.test(b.weight) ? 3 : /medium/i.test(b.weight) ? 2 : 1;
  const kind = /dash/i.test(b.style) ? "dashed" : /dot/i.test(b.style) ? "dotted" : /double/i.test(b.style) ? "double" : "solid";
  return `${width}px ${kind} ${b.color || "#000000"}`;
}

export function Grid({ sheet, version, onSelect, label }: GridProps): ReactElement {
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [viewport, setViewport] = useState({ width: 800, height: 600 });
  const layout = useMemo(() => sheetLayout(sheet), [sheet, version]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new sheet starts at A1, as switching sheets in Excel shows each sheet's own scroll.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) {
      el.scrollTop = 0;
      el.scrollLeft = 0;
    }
    setScroll({ top: 0, left: 0 });
  }, [sheet]);

  // When the selection moves (the task pane selecting an issue's cell), bring it into view.
  const selection = sheet.selection;
  const selectionKey = `${sheet.id}:${selection.row}:${selection.col}`;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const top = selection.row * ROW_HEIGHT;
    const frozenHeight = sheet.frozen.rows * ROW_HEIGHT;
    const viewHeight = el.clientHeight - HEADER_HEIGHT;
    if (selection.row >= sheet.frozen.rows && (top < el.scrollTop + frozenHeight || top + ROW_HEIGHT > el.scrollTop + viewHeight)) {
      el.scrollTop = Math.max(0, top - frozenHeight - ROW_HEIGHT * 3);
    }
    const left = layout.colLeft[selection.col] ?? 0;
    const right = layout.colLeft[selection.col + 1] ?? left;
    const viewWidth = el.clientWidth - ROW_HEADER_WIDTH;
    if (selection.col >= sheet.frozen.cols && (left < el.scrollLeft || right > el.scrollLeft + viewWidth)) {
      el.scrollLeft = Math.max(0, left - 40);
    }
  }, [selectionKey]);

  const { rowStart, rowEnd, colStart, colEnd } = visibleWindow(layout, scroll.top, scroll.left, viewport.width, viewport.height);
  const frozenRows = Math.min(sheet.frozen.rows, layout.rowCount);
  const frozenCols = Math.min(sheet.frozen.cols, layout.colCount);
  const rowsToDraw: number[] = [];
  for (let r = 0; r < frozenRows; r++) rowsToDraw.push(r);
  for (let r = Math.max(rowStart, frozenRows); r < rowEnd; r++) rowsToDraw.push(r);
  const colsToDraw: number[] = [];
  for (let c = 0; c < frozenCols; c++) colsToDraw.push(c);
  for (let c = Math.max(colStart, frozenCols); c < colEnd; c++) colsToDraw.push(c);

  const view: Rect = { row: 0, col: 0, rows: Math.max(rowEnd, frozenRows), cols: Math.max(colEnd, frozenCols) };
  const anyRules = sheet.conditionalFormatsIn(view).length > 0;
  const tables = sheet.tables();
  const filter = sheet.autoFilter;

  const yOf = (r: number) => HEADER_HEIGHT + r * ROW_HEIGHT + (r < frozenRows ? scroll.top : 0);
  const xOf = (c: number) => ROW_HEADER_WIDTH + layout.colLeft[c]! + (c < frozenCols ? scroll.left : 0);
  const zOf = (r: number, c: number) => (r < frozenRows ? 2 : 0) + (c < frozenCols ? 2 : 0);

  const rows: ReactElement[] = [];
  // Column header row.
  rows.push(
    <div role="row" aria-rowindex={1} key="h">
      <div className="wb-corner" style={{ top: scroll.top, left: scroll.left, width: ROW_HEADER_WIDTH, height: HEADER_HEIGHT }} />
      {colsToDraw.map((c) => (
        <div
          key={c}
          role="columnheader"
          aria-colindex={c + 2}
          className="wb-colheader"
          style={{
            top: scroll.top,
            left: xOf(c),
            width: layout.colLeft[c + 1]! - layout.colLeft[c]!,
            height: HEADER_HEIGHT,
            zIndex: c < frozenCols ? 7 : 6,
            background: c >= selection.col && c < selection.col + selection.cols ? HEADER_ACTIVE_BG : HEADER_BG,
          }}
        >
          {columnLetters(c)}
        </div>
      ))}
    </div>,
  );

  for (const r of rowsToDraw) {
    const cells: ReactElement[] = [
      <div
        key="h"
        role="rowheader"
        aria-colindex={1}
        className="wb-rowheader"
        style={{
          top: yOf(r),
          left: scroll.left,
          width: ROW_HEADER_WIDTH,
          height: ROW_HEIGHT,
          zIndex: r < frozenRows ? 7 : 5,
          background: r >= selection.row && r < selection.row + selection.rows ? HEADER_ACTIVE_BG : HEADER_BG,
        }}
      >
        {r + 1}
      </div>,
    ];
    for (let i = 0; i < colsToDraw.length; i++) {
      const c = colsToDraw[i]!;
      const value = sheet.value(r, c);
      const style = sheet.style(r, c);
      const text = sheet.text(r, c);
      const table = tables.find((t) => inside(t.rect, r, c));
      const inTable = table ? tablePaint(table, r) : null;
      const cf = anyRules ? conditionalStyleAt(sheet, r, c) : null;
      const width = layout.colLeft[c + 1]! - layout.colLeft[c]!;
      const next = colsToDraw[i + 1];
      // Text spills into empty neighbours, as in Excel.
      const spills =
        typeof value === "string" &&
        text !== "" &&
        next !== undefined &&
        sheet.value(r, next) === undefined &&
        alignment(style, value) === "left";
      // An error's detail (a function's #VALUE! message) shows on hover, like Excel's error tip.
      const detail = text.startsWith("#") ? sheet.errorMessage(r, c) : undefined;
      const filterButton =
        (filter && r === filter.row && inside(filter, r, c)) ||
        (table && table.showFilterButton && table.showHeaders && r === table.rect.row && inside(table.rect, r, c));
      const css: CSSProperties = {
        top: yOf(r),
        left: xOf(c),
        width,
        height: ROW_HEIGHT,
        zIndex: zOf(r, c) + (spills ? 1 : 0),
        overflow: spills ? "visible" : "hidden",
        textAlign: alignment(style, value),
        fontWeight: (cf?.bold ?? style.bold ?? inTable?.bold) ? 700 : undefined,
        fontStyle: (cf?.italic ?? style.italic) ? "italic" : undefined,
        textDecoration: style.underline && !/none/i.test(style.underline) ? "underline" : undefined,
        color: cf?.fontColor ?? style.fontColor ?? inTable?.fontColor,
        background: cf?.fill ?? style.fill ?? inTable?.fill ?? (spills ? "transparent" : undefined),
        fontSize: style.fontSize ? Math.round(style.fontSize * 1.2) : undefined,
        borderTop: border(style, "EdgeTop"),
        borderBottom: border(style, "EdgeBottom") ?? inTable?.borderBottom,
        borderLeft: border(style, "EdgeLeft"),
        borderRight: border(style, "EdgeRight"),
        whiteSpace: style.wrapText ? "normal" : "pre",
      };
      cells.push(
        <div
          key={c}
          role="gridcell"
          aria-colindex={c + 2}
          aria-selected={inside(selection, r, c) || undefined}
          data-address={`${columnLetters(c)}${r + 1}`}
          className={`wb-cell${filterButton ? " wb-filter" : ""}`}
          style={css}
          title={detail ?? (text.length > 12 ? text : undefined)}
          onMouseDown={() => onSelect({ row: r, col: c, rows: 1, cols: 1 })}
        >
          {/* Excel shows ##### when a number does not fit; the preview shows it whole. */}
          {text}
        </div>,
      );
    }
    rows.push(
      <div role="row" aria-rowindex={r + 2} key={r}>
        {cells}
      </div>,
    );
  }

  // Selection outline.
  const selTop = yOf(selection.row);
  const selLeft = xOf(Math.min(selection.col, layout.colCount - 1));
  const selBottom = HEADER_HEIGHT + (selection.row + selection.rows) * ROW_HEIGHT + (selection.row < frozenRows ? scroll.top : 0);
  const selRight =
    ROW_HEADER_WIDTH +
    (layout.colLeft[Math.min(selection.col + selection.cols, layout.colCount)] ?? 0) +
    (selection.col < frozenCols ? scroll.left : 0);

  return (
    <div
      ref={scroller}
      className="wb-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={layout.rowCount + 1}
      aria-colcount={layout.colCount + 1}
      aria-readonly
      tabIndex={0}
      onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft })}
    >
      <div className="wb-canvas" style={{ width: layout.width, height: layout.height }}>
        {rows}
        <div
          className="wb-selection"
          aria-hidden
          style={{
            top: selTop,
            left: selLeft,
            width: Math.max(0, selRight - selLeft),
            height: Math.max(0, selBottom - selTop),
            borderColor: SELECTION,
          }}
        />
        {frozenRows > 0 && (
          <div
            className="wb-freeze-h"
            aria-hidden
            style={{ top: HEADER_HEIGHT + frozenRows * ROW_HEIGHT + scroll.top - 1, left: scroll.left, width: viewport.width }}
          />
        )}
        {frozenCols > 0 && (
          <div
            className="wb-freeze-v"
            aria-hidden
            style={{
              left: xOf(frozenCols - 1) + (layout.colLeft[frozenCols]! - layout.colLeft[frozenCols - 1]!) - 1,
              top: scroll.top,
              height: viewport.height,
            }}
          />
        )}
        {sheet.charts.map((chart) => {
          const anchor = chart.anchor?.start;
          const top = anchor ? HEADER_HEIGHT + anchor.row * ROW_HEIGHT : HEADER_HEIGHT + px(chart.top);
          const left = anchor
            ? ROW_HEADER_WIDTH + (layout.colLeft[Math.min(anchor.col, layout.colCount)] ?? 0)
            : ROW_HEADER_WIDTH + px(chart.left);
          const end = chart.anchor?.end;
          const width = end
            ? Math.max(160, ROW_HEADER_WIDTH + (layout.colLeft[Math.min(end.col + 1, layout.colCount)] ?? 0) - left)
            : px(chart.width || 360);
          const height = end ? Math.max(120, HEADER_HEIGHT + (end.row + 1) * ROW_HEIGHT - top) : px(chart.height || 216);
          return <ChartPreview key={chart.id} chart={chart} version={version} style={{ top, left, width, height }} />;
        })}
      </div>
    </div>
  );
}

/** "A1" / "B2:D9" for the name box. */
export function selectionAddress(rect: Rect): string {
  return rectAddress(rect);
}
