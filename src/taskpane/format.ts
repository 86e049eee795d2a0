/**
 * Formatting for display in the pane, in the pane's language. The sheets are formatted by Excel
 * itself, and amounts by the engine's formatMoney; these only shape the rest of what the pane shows.
 */
import type { Lang } from "../engine/types";

/** Formats a 0..1 confidence as a whole percentage, e.g. "85%". */
export function formatPercent(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 }).format(value);
}

/** Joins names as a list in the pane's language ("a, b and c" / "a、b和c"). */
export function formatList(lang: Lang, items: string[]): string {
  return new Intl.ListFormat(lang, { style: "long", type: "conjunction" }).format(items);
}
