/**
 * What every component of the pane needs without prop-drilling: the host's `run` (for adapter
 * calls), the current language with its translator, and today's date.
 */
import { createContext, useContext } from "react";
import type { Lang } from "../engine/types";
import type { ExcelRun } from "../excel/types";
import type { AgingEngine } from "../app/agingEngine";
import type { MessageParams } from "../i18n";

/** The pane's shared environment. */
export interface PaneEnvironment {
  run: ExcelRun;
  lang: Lang;
  /** Translates a catalog id into the pane's current language. */
  t: (id: string, params?: MessageParams) => string;
  /** Today as an Excel serial (the UI reads the clock; the engine never does). */
  today: () => number;
  /** Where the aging computes (the page's engine worker); in process when absent. */
  engine?: AgingEngine;
}

const PaneContext = createContext<PaneEnvironment | null>(null);

/** Provides the pane's environment to its components. */
export const PaneProvider = PaneContext.Provider;

/** The pane's environment; only valid inside `PaneProvider`. */
export function usePane(): PaneEnvironment {
  const value = useContext(PaneContext);
  if (!value) throw new Error("usePane must be used inside PaneProvider");
  return value;
}
