/**
 * Recognising AR Desk's own report sheets by name, for readers that cannot see the sheet tags
 * the add-in sets (a saved .xlsx read by the CLI). Without this, a workbook that already holds
 * an "AR Aging Detail 2026-10" sheet would offer it as an invoice table: it has invoice, customer,
 * due date and amount columns.
 */
import { catalogs, LANGS } from "../../i18n";

/** Message ids whose texts name AR Desk's report sheets. */
const REPORT_SHEET_IDS = [
  "report.sheet.summary",
  "report.sheet.detail",
  "report.sheet.by-rep",
  "report.sheet.exceptions",
  "reconcile.sheet.name",
  "credit.sheet.name",
  "gl.sheet.name",
  "analytics.sheet.rollforward",
  "analytics.sheet.scorecard",
  "analytics.sheet.provision",
  "statements.sheet.one",
  "statements.sheet.many",
  "statements.sheet.confirmation.one",
  "statements.sheet.confirmation.many",
  "collections.sheet.name",
  "collections.letters.sheet",
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One pattern per sheet name and language; {period} is a YYYY-MM month, " (2)" a rename. */
function reportSheetPatterns(): RegExp[] {
  const all = Object.assign({}, ...Object.values(catalogs)) as Record<string, Record<string, string> | undefined>;
  const patterns: RegExp[] = [];
  for (const id of REPORT_SHEET_IDS) {
    const message = all[id];
    if (!message) continue;
    for (const lang of LANGS) {
      const template = message[lang];
      if (!template) continue;
      const body = escape(template)
        .replace(/\\\{period\\\}|\{period\}/g, "\\d{4}-\\d{2}")
        .replace(/\\\{customer\\\}|\{customer\}/g, ".+");
      patterns.push(new RegExp(`^${body}(?: \\(\\d+\\))?$`));
    }
  }
  return patterns;
}

let cached: RegExp[] | null = null;

/**
 * True when `sheetName` is one AR Desk writes (in any supported language, any period,
 * including the " (2)" names used when a user's sheet already had the name).
 *
 * @example
 * isReportSheetName("AR Aging Detail 2026-10") // true
 * isReportSheetName("应收账龄 2026-10 (2)")     // true
 * isReportSheetName("Invoices")                // false
 */
export function isReportSheetName(sheetName: string): boolean {
  cached ??= reportSheetPatterns();
  return cached.some((pattern) => pattern.test(sheetName));
}
