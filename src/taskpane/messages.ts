/**
 * Turning errors and ribbon problems into sentences in the pane's language.
 */
import type { Field, Lang, Role, RowIssue } from "../engine/types";
import type { MonthlyAgingProblem } from "../app/problemStore";
import { isCancelled } from "../app/cancel";
import { hasMessage, type MessageParams } from "../i18n";
import { formatList } from "./format";

type Translate = (id: string, params?: MessageParams) => string;

/** The localised name of a role ("Invoices" / "发票"). */
export function roleName(t: Translate, role: Role): string {
  return t(`pane.role.${role}`);
}

/** The localised name of a field ("Due date" / "到期日"). */
export function fieldName(t: Translate, field: Field): string {
  return t(`pane.field.${field}`);
}

/** Explains why an aging could not run, naming tables and columns plainly. */
export function describeProblem(t: Translate, lang: Lang, problem: MonthlyAgingProblem): string {
  switch (problem.code) {
    case "no-invoice-table":
      return t("ribbon.problem.noInvoiceTable");
    case "ambiguous-tables":
      return t("ribbon.problem.ambiguous", { role: roleName(t, problem.role), tables: formatList(lang, problem.candidates) });
    case "missing-columns":
      return t("ribbon.problem.missing", {
        role: roleName(t, problem.role),
        table: problem.table,
        fields: formatList(
          lang,
          problem.fields.map((f) => fieldName(t, f)),
        ),
      });
    case "failed":
      return t("ribbon.problem.failed", { message: localiseText(t, problem.message) });
  }
}

/** An error's text in the pane's language: adapters may throw a catalog id as their message. */
export function describeError(t: Translate, error: unknown): string {
  // Cancelled by the user (e.g. the edited-sheet question): their choice, in their language.
  if (isCancelled(error)) return t("pane.write.cancelled");
  const message = error instanceof Error ? error.message : String(error);
  return t("pane.error.io", { message: localiseText(t, message) });
}

function localiseText(t: Translate, message: string): string {
  return hasMessage(message) ? t(message) : message;
}

/** Issue codes whose engine message names a command-line option; the pane says where the setting is instead. */
const PANE_ISSUE_MESSAGES: Readonly<Record<string, string>> = { "date.ambiguous": "pane.issue.date.ambiguous" };

/**
 * An issue's message as the pane shows it: the engine's, except where it names a command-line
 * option, which inside Excel becomes the place of the setting in the pane.
 *
 * @example
 * issueMessage(t, { code: "date.ambiguous", value: "03/04/2026", message: "… --date-order …" })
 * // "The date 03/04/2026 could be day/month or month/day. Choose the order in Settings › …"
 */
export function issueMessage(t: Translate, issue: Pick<RowIssue, "code" | "value" | "message">): string {
  const id = PANE_ISSUE_MESSAGES[issue.code];
  return id ? t(id, { value: issue.value === null ? "" : String(issue.value) }) : issue.message;
}
