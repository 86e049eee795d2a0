/**
 * The one file that knows about the Office host: where `Excel.run` comes from, the theme, the
 * display language and how to open the task pane (today's date comes from ./clock). Everything else receives these
 * as arguments, so it runs unchanged against the workbench's simulated host and in tests.
 */
import type { ExcelRun } from "../excel/types";

/** Office's `Excel.run`, typed as the adapter consumes it. */
export function officeRun(): ExcelRun {
  // The entry points are the only code allowed to pick up the real Excel.run; components and
  // commands receive it as an argument and call the adapter with it.
  // eslint-disable-next-line no-restricted-syntax
  return Excel.run as ExcelRun;
}

/** Office's display language tag ("en-US", "zh-CN"), or "en-US" outside Office. */
export function officeDisplayLanguage(): string {
  return typeof Office !== "undefined" && Office.context?.displayLanguage ? Office.context.displayLanguage : "en-US";
}

/**
 * Light or dark, following Office's theme. Older hosts lack `isDarkTheme`; the body background's
 * brightness decides there.
 */
export function officeTheme(): "light" | "dark" {
  const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  if (!theme) return "light";
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme.bodyBackgroundColor ?? "");
  if (!match) return "light";
  const [r, g, b] = [match[1], match[2], match[3]].map((hex) => parseInt(hex ?? "ff", 16));
  const luminance = 0.299 * (r ?? 255) + 0.587 * (g ?? 255) + 0.114 * (b ?? 255);
  return luminance < 128 ? "dark" : "light";
}

/** Opens the task pane where the host supports it (shared runtime); does nothing elsewhere. */
export async function showTaskpane(): Promise<void> {
  const addin = typeof Office !== "undefined" ? (Office as { addin?: Partial<Office.Addin> }).addin : undefined;
  if (addin?.showAsTaskpane) await addin.showAsTaskpane();
}
