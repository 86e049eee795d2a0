/**
 * The short text summary `ar-desk aging` prints: totals per currency by bucket, counts of
 * issues and excluded rows, and the issues that say how the tables were read (competing columns,
 * tables read together or not read). It formats numbers the report already computed; it adds nothing up.
 */
import { currencyDecimals } from "../engine/currency";
import type { Lang } from "../engine/types";
import { t } from "../i18n";

/** The parts of the aging JSON the summary shows (see report/json toAgingJson). */
export interface SummarySource {
  asOf: string;
  basis: string;
  buckets: readonly { label: string }[];
  customers: readonly unknown[];
  items: readonly unknown[];
  totals: readonly { currency: string; buckets: readonly number[]; open: number; unapplied: number; net: number }[];
  excluded: readonly unknown[];
  issues: readonly { severity: string; code?: string; message?: string }[];
}

/**
 * Issues about how the tables were read rather than about a row: which of two competing columns
 * was used, which tables were read together, which table was not read. A reader of the summary
 * must see them, not only count them: they change what the totals cover.
 */
export const READING_CODES: ReadonlySet<string> = new Set(["column.duplicate", "table.joined", "table.notJoined", "table.ignored"]);

/**
 * An amount with thousands separators and the currency's decimals.
 *
 * @example
 * formatAmount(1234567.5, "USD") // "1,234,567.50"
 * formatAmount(-5000, "JPY")     // "-5,000"
 */
export function formatAmount(value: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const [whole = "0", fraction] = Math.abs(value).toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? "-" : "";
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** Display width of text in a terminal: CJK characters take two columns. */
const displayWidth = (text: string): number =>
  [...text].reduce(
    (w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );
const padStart = (text: string, width: number): string => " ".repeat(Math.max(0, width - displayWidth(text))) + text;
const padEnd = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - displayWidth(text)));

/**
 * The summary lines: title, a table of totals per currency by bucket, counts. `bucketLabels`
 * are the report's labels in its language (the JSON's are fixed English).
 *
 * @example
 * agingSummary(toAgingJson(report), "en-US").join("\n")
 */
export function agingSummary(
  json: SummarySource,
  lang: Lang,
  bucketLabels: readonly string[] = json.buckets.map((b) => b.label),
): string[] {
  const basis = t(lang, json.basis === "invoice" ? "cli.summary.basis.invoice" : "cli.summary.basis.due");
  const lines = [t(lang, "cli.summary.title", { asOf: json.asOf, basis })];
  if (json.totals.length === 0) lines.push(t(lang, "cli.summary.noOpen"));
  else {
    const header = [
      t(lang, "cli.summary.currency"),
      ...bucketLabels,
      t(lang, "cli.summary.open"),
      t(lang, "cli.summary.unapplied"),
      t(lang, "cli.summary.net"),
    ];
    const rows = json.totals.map((total) => [
      total.currency,
      ...total.buckets.map((v) => formatAmount(v, total.currency)),
      formatAmount(total.open, total.currency),
      formatAmount(total.unapplied, total.currency),
      formatAmount(total.net, total.currency),
    ]);
    const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ""))));
    const render = (cells: readonly string[]): string =>
      cells.map((cell, c) => (c === 0 ? padEnd(cell, widths[c] ?? 0) : padStart(cell, widths[c] ?? 0))).join("  ");
    lines.push(render(header), ...rows.map(render));
  }
  const errors = json.issues.filter((i) => i.severity === "error").length;
  lines.push(t(lang, "cli.summary.counts", { customers: json.customers.length, items: json.items.length }));
  lines.push(t(lang, "cli.summary.issues", { errors, warnings: json.issues.length - errors, excluded: json.excluded.length }));
  const reading = json.issues.filter((i) => i.code !== undefined && READING_CODES.has(i.code) && i.message);
  if (reading.length > 0) lines.push(t(lang, "cli.summary.reading"), ...reading.map((i) => `- ${i.message ?? ""}`));
  return lines;
}
