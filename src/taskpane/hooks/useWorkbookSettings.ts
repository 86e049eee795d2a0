/**
 * The workbook's AR Desk settings: loaded once when the pane opens, saved back on request.
 */
import { useCallback, useEffect, useState } from "react";
import type { ExcelRun, WorkbookSettings } from "../../excel/types";
import { defaultSettings, loadSettings, saveSettings } from "../../excel";

/** Settings state for the pane. `settings` is null until the first load finishes. */
export interface WorkbookSettingsState {
  settings: WorkbookSettings | null;
  /** Saves `next` in the workbook, then makes it current. Rejects when the workbook refuses. */
  save: (next: WorkbookSettings) => Promise<void>;
  /** The load error, if the workbook's settings could not be read. */
  loadError: unknown;
}

/** Loads the workbook's settings (or the defaults for a workbook that has none). */
export function useWorkbookSettings(run: ExcelRun): WorkbookSettingsState {
  const [settings, setSettings] = useState<WorkbookSettings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    loadSettings(run).then(
      (loaded) => {
        if (live) setSettings(loaded ?? defaultSettings());
      },
      (error: unknown) => {
        // The pane still works on defaults; the error is shown so the user knows why their
        // saved mapping is not in effect.
        if (!live) return;
        setLoadError(error);
        setSettings(defaultSettings());
      },
    );
    return () => {
      live = false;
    };
  }, [run]);

  const save = useCallback(
    async (next: WorkbookSettings) => {
      await saveSettings(run, next);
      setSettings(next);
    },
    [run],
  );

  return { settings, save, loadError };
}
