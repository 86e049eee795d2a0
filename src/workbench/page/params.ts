/**
 * The workbench page's query parameters:
 *   ?lang=zh-CN          Office's display language (default en-US)
 *   ?theme=dark          Office's theme (default light)
 *   ?today=2026-11-16    the date the pane believes is today (default: the clock)
 *   ?invoices=1000       size of the sample book (default 60)
 *   ?seed=7              sample book seed (default 1)
 *   ?empty=1             start with an empty workbook (to try "Insert sample data")
 *   ?pane=0              start with the task pane closed
 *   ?paneWidth=320       the task pane's width in CSS pixels (default 350, Excel's default; 320 is its narrowest)
 *   ?freezePanes=inactive  freezing panes fails on every sheet but the active one, as in Excel desktop (office-js#1463)
 *   ?engine=inprocess    the pane's aging computes on the page's thread instead of its worker (for comparison)
 */
import { pickLang } from "../../i18n";
import type { Lang } from "../../engine/types";

export interface PageParams {
  lang: Lang;
  theme: "light" | "dark";
  /** ISO date, or null for the clock. */
  today: string | null;
  invoices: number;
  seed: number;
  empty: boolean;
  paneOpen: boolean;
  paneWidth: number;
  /** Which sheets freezing panes fails on (default: hidden ones only). */
  freezePanesFail: "hidden" | "inactive";
  /** Where the pane's aging computes. */
  engine: "worker" | "inprocess";
}

function whole(value: string | null, fallback: number, min: number, max: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/**
 * Reads the page's parameters from a query string.
 *
 * @example
 * pageParams("?lang=zh-cn&invoices=500").lang // "zh-CN"
 */
export function pageParams(search: string): PageParams {
  const q = new URLSearchParams(search);
  const today = q.get("today");
  return {
    lang: pickLang(q.get("lang") ?? "en-US"),
    theme: q.get("theme") === "dark" ? "dark" : "light",
    today: today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : null,
    invoices: whole(q.get("invoices"), 60, 1, 200000),
    seed: whole(q.get("seed"), 1, 0, 2 ** 32 - 1),
    empty: q.get("empty") === "1",
    paneOpen: q.get("pane") !== "0",
    paneWidth: whole(q.get("paneWidth"), 350, 240, 1200),
    freezePanesFail: q.get("freezePanes") === "inactive" ? "inactive" : "hidden",
    engine: q.get("engine") === "inprocess" ? "inprocess" : "worker",
  };
}
