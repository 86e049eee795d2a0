/**
 * The workbench page: a mock ribbon with AR Desk's two buttons, a name box and an editable
 * formula bar (formulas typed there, `=AR.…` included, compute through the host), the
 * grid view of the simulated workbook with its sheet tabs, and a 350 px side panel holding the
 * real task pane (mounted by the entry point into `paneElement`).
 */
import { getPendingProblem } from "../../app/problemStore";
import { getRibbonNotes } from "../../app/ribbonNotes";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReactElement } from "react";
import type { Lang } from "../../engine/types";
import type { Rect } from "../host/address";
import type { SheetState, WorkbookState } from "../host/model";
import { cellInfo } from "../host/model";
import { pageLayoutOf } from "../host/pageLayout";
import { FormulaBar } from "./FormulaBar";
import { Grid, selectionAddress } from "./Grid";
import { label } from "./strings";

export interface PageHost {
  workbook: WorkbookState;
  /** Calls `listener` after every change to the workbook; returns an unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** Round trips and largest request so far, for the status bar. */
  stats: () => { roundTrips: number; largestRequestBytes: number };
  /** Runs a ribbon action (ExecuteFunction) as Office would, resolving when it completes. */
  runAction: (id: string) => Promise<void>;
  /** Mounts the task pane into an element (once). */
  mountPane: (element: HTMLElement) => void;
  /** Registers the page's show/hide of the pane, for Office.addin.showAsTaskpane/hide. */
  onPaneVisibility: (listener: (visible: boolean) => void) => void;
  /** Writes what the user typed into one cell (`Range.formulas` rules); rejects with the host's error. */
  writeCell: (sheet: string, row: number, col: number, entry: string) => Promise<void>;
}

export interface AppProps {
  host: PageHost;
  lang: Lang;
  /** Show the pane at start (default true). */
  paneOpen?: boolean;
  /** The pane's width in CSS pixels (default 350). */
  paneWidth?: number;
}

const PANE_WIDTH = 350;

function visibleSheets(wb: WorkbookState): SheetState[] {
  return wb.sheets.filter((s) => !s.deleted && s.visibility === "Visible");
}

export function App({ host, lang, paneOpen = true, paneWidth = PANE_WIDTH }: AppProps): ReactElement {
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState(paneOpen);
  const [status, setStatus] = useState<string>(label(lang, "ready"));
  const [busy, setBusy] = useState(false);
  const paneRef = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);

  // Re-read the model after host changes, at most once per frame.
  useEffect(() => {
    let frame = 0;
    const unsubscribe = host.subscribe(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [host]);

  useEffect(() => {
    host.onPaneVisibility((visible) => setOpen(visible));
  }, [host]);

  // Reads change no cells, so they notify nobody: refresh the status bar's counters on a timer.
  const [, setTrips] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTrips(host.stats().roundTrips), 500);
    return () => clearInterval(timer);
  }, [host]);

  useEffect(() => {
    if (paneRef.current && !mounted.current) {
      mounted.current = true;
      host.mountPane(paneRef.current);
    }
  }, [host]);

  const wb = host.workbook;
  const sheets = visibleSheets(wb);
  const active = wb.activeSheet && !wb.activeSheet.deleted ? wb.activeSheet : (sheets[0] ?? null);
  const stats = host.stats();

  const activate = useCallback(
    (sheet: SheetState) => {
      wb.activeSheet = sheet;
      setVersion((v) => v + 1);
    },
    [wb],
  );
  const select = useCallback(
    (rect: Rect) => {
      if (!active) return;
      active.selection = rect;
      setVersion((v) => v + 1);
    },
    [active],
  );

  // "Open AR Desk" runs the commands' ShowTaskpane action (Office.addin.showAsTaskpane), which
  // the entry point wires to this panel.
  const openPane = async () => {
    try {
      await host.runAction("ARDesk.ShowTaskpane");
    } catch (error) {
      setStatus(label(lang, "actionFailed", { message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    requestAnimationFrame(() => paneRef.current?.querySelector<HTMLElement>("[role=tab][aria-selected=true], button")?.focus());
  };
  const monthlyAging = async () => {
    setBusy(true);
    setStatus(label(lang, "monthlyAgingRunning"));
    try {
      await host.runAction("ARDesk.MonthlyAging");
      // A run that could not go ahead hands its problem to the pane; "finished" would be a lie. So
      // would a plain "finished" when an edited sheet was kept or freeze panes were refused.
      setStatus(label(lang, getPendingProblem() ? "monthlyAgingStopped" : getRibbonNotes() ? "monthlyAgingNotes" : "monthlyAgingDone"));
    } catch (error) {
      setStatus(label(lang, "actionFailed", { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const sel = active?.selection ?? { row: 0, col: 0, rows: 1, cols: 1 };
  const current = active ? cellInfo(active, sel.row, sel.col) : null;
  const spillAnchor =
    active && current?.spilledFrom && current.formula === null ? active.workbook.calc.spillAt(active, sel.row, sel.col)?.anchor : undefined;
  const spillFormula = active && spillAnchor ? (active.formula(spillAnchor.row, spillAnchor.col) ?? null) : null;
  // Enter writes the entry into the selection's top-left cell, then moves down a row (Excel's default).
  const enter = async (entry: string) => {
    if (!active) return;
    await host.writeCell(active.name, sel.row, sel.col, entry);
    select({ row: sel.row + 1, col: sel.col, rows: 1, cols: 1 });
  };
  const otherLang: Lang = lang === "zh-CN" ? "en-US" : "zh-CN";

  return (
    <div className="wb-app" data-version={version}>
      <header className="wb-ribbon">
        <div className="wb-brand">
          <span className="wb-brand-title">{label(lang, "title")}</span>
          <span className="wb-brand-sub">{label(lang, "subtitle")}</span>
        </div>
        <div className="wb-ribbon-tab" aria-hidden>
          {label(lang, "homeTab")}
        </div>
        <div role="toolbar" aria-label={label(lang, "group")} className="wb-group">
          <button type="button" className="wb-ribbon-button" onClick={openPane} aria-pressed={open}>
            <img src="assets/icon-32.png" alt="" width={24} height={24} />
            <span>{label(lang, "openPane")}</span>
          </button>
          <button type="button" className="wb-ribbon-button" onClick={monthlyAging} disabled={busy}>
            <img src="assets/icon-32.png" alt="" width={24} height={24} />
            <span>{label(lang, "monthlyAging")}</span>
          </button>
          <div className="wb-group-label">{label(lang, "group")}</div>
        </div>
        <div className="wb-ribbon-spacer" />
        <nav className="wb-lang" aria-label={label(lang, "language")}>
          <a href={`?lang=${otherLang}`} hrefLang={otherLang} lang={otherLang}>
            {otherLang === "zh-CN" ? "中文" : "English"}
          </a>
        </nav>
      </header>

      <FormulaBar lang={lang} address={selectionAddress(sel)} cell={current} spillFormula={spillFormula} onEnter={enter} />

      <main className="wb-main">
        <section className="wb-sheet">
          {active ? (
            <Grid sheet={active} version={version} onSelect={select} label={label(lang, "gridLabel", { name: active.name })} />
          ) : (
            <div className="wb-grid" />
          )}
          <div role="tablist" aria-label={label(lang, "sheets")} className="wb-tabs">
            {sheets.map((s) => (
              <button
                key={s.id}
                type="button"
                role="tab"
                aria-selected={s === active}
                className="wb-tab"
                style={s.tabColor ? { borderBottomColor: s.tabColor } : undefined}
                onClick={() => activate(s)}
              >
                {s.name}
              </button>
            ))}
          </div>
        </section>
        <aside className="wb-pane" aria-label={label(lang, "paneLabel")} style={{ width: paneWidth, display: open ? "flex" : "none" }}>
          <div className="wb-pane-bar">
            <span>AR Desk</span>
            <button type="button" className="wb-pane-close" aria-label={label(lang, "closePane")} onClick={() => setOpen(false)}>
              ×
            </button>
          </div>
          <div className="wb-pane-body" ref={paneRef} id="container" />
        </aside>
      </main>

      <footer className="wb-status" role="status">
        <span>{status}</span>
        <span className="wb-status-right">
          {label(lang, "roundTrips", { n: stats.roundTrips })} ·{" "}
          {label(lang, "largestRequest", { kb: Math.ceil(stats.largestRequestBytes / 1024) })}
        </span>
        {active && pageLayoutOf(active).rowBreaks.length > 0 && (
          <span>{label(lang, "printPages", { n: pageLayoutOf(active).rowBreaks.length + 1 })}</span>
        )}
      </footer>
    </div>
  );
}
