/**
 * Which column of a table is the key, the amount, the date, the customer and the currency.
 * Headings are recognised by engine/read's recogniser (the same English and Chinese synonyms
 * as for aging); this module only says which recognised fields serve which reconciliation
 * field, in an order that depends on the preset.
 */
import type { Field, Lang, RowIssue, TableData } from "../types";
import { recognizeHeader } from "../read/headers";
import { normalizeHeader } from "../read/normalize";
import { t } from "../../i18n";
import type { ReconcileColumnOverride, ReconcileColumns, ReconcileField, ReconcilePreset } from "./types";

/** Recognised fields that may serve each reconciliation field, most wanted first. */
export type FieldPreferences = Record<ReconcileField, readonly Field[]>;

/** A preset: column preferences and the date tolerance that suits the pairing. */
export interface PresetDefinition {
  preferences: FieldPreferences;
  dateTolerance: number;
}

const DEFAULT_PREFERENCES: FieldPreferences = {
  key: ["invoiceNumber", "paymentReference", "reference"],
  amount: ["amount", "openAmount"],
  date: ["invoiceDate", "paymentDate", "dueDate"],
  customer: ["customer"],
  currency: ["currency"],
};

/**
 * Built-in presets.
 * - invoices-vs-statement: our invoices against a customer's statement of them, keyed by
 *   invoice number and dated by invoice date; dates must agree exactly.
 * - payments-vs-bank: our cash receipts against the bank's, keyed by the payment reference
 *   and dated by payment (value) date; banks book up to 3 days later, so 3 days are tolerated.
 */
export const PRESETS: Readonly<Record<ReconcilePreset, PresetDefinition>> = {
  "invoices-vs-statement": {
    preferences: {
      key: ["invoiceNumber", "reference", "paymentReference"],
      amount: ["amount", "openAmount"],
      date: ["invoiceDate", "dueDate", "paymentDate"],
      customer: ["customer"],
      currency: ["currency"],
    },
    dateTolerance: 0,
  },
  "payments-vs-bank": {
    preferences: {
      key: ["paymentReference", "reference", "invoiceNumber"],
      amount: ["amount", "openAmount"],
      date: ["paymentDate", "invoiceDate", "dueDate"],
      customer: ["customer"],
      currency: ["currency"],
    },
    dateTolerance: 3,
  },
};

const FIELDS: readonly ReconcileField[] = ["key", "amount", "date", "customer", "currency"];
const REQUIRED: readonly ReconcileField[] = ["key", "amount"];
/**
 * Each step down a preference list costs this much confidence: enough for a generic "Amount"
 * (0.8) to beat an exact "Open Amount" (1.0) when amount is preferred, not enough for a weak,
 * merely contained match of the preferred field to beat an exact one of the next.
 */
const RANK_STEP = 0.25;

interface Candidate {
  field: ReconcileField;
  index: number;
  score: number;
}

/** Result of column detection for one table. */
export interface ColumnDetection {
  columns: ReconcileColumns;
  issues: RowIssue[];
}

function tableIssue(lang: Lang, table: TableData, code: string, params: Record<string, string>, column: string | null): RowIssue {
  return { severity: "error", sheet: table.sheet, row: null, column, cell: null, value: null, code, message: t(lang, code, params) };
}

/** Every (reconciliation field, column) a heading may be, scored by recogniser confidence and preference rank. */
function candidatesOf(table: TableData, preferences: FieldPreferences, taken: ReadonlySet<number>): Candidate[] {
  const candidates: Candidate[] = [];
  table.header.forEach((cell, index) => {
    if (taken.has(index)) return;
    const matches = recognizeHeader(cell);
    for (const field of FIELDS) {
      let best = 0;
      for (const match of matches) {
        const rank = preferences[field].indexOf(match.field);
        if (rank >= 0) best = Math.max(best, match.confidence - rank * RANK_STEP);
      }
      if (best > 0) candidates.push({ field, index, score: best });
    }
  });
  // Best score first; ties go to the leftmost column and then to the field listed first.
  return candidates.sort((x, y) => y.score - x.score || x.index - y.index || FIELDS.indexOf(x.field) - FIELDS.indexOf(y.field));
}

/**
 * Finds the key, amount, date, customer and currency columns of `table`. Columns named in
 * `override` (by header text, compared like headings: case, width and punctuation ignored) are
 * taken first; the rest are assigned from recognised headings, each column to one field,
 * best-recognised first. A missing key or amount column, or an override naming no column,
 * is an error issue (the table then contributes no rows).
 *
 * @example
 * detectReconcileColumns({ sheet: "Bank", name: "Bank", header: ["Value Date", "Ref", "Amount"], rows: [], firstRow: 2, firstColumn: 0 },
 *   "en-US", "payments-vs-bank").columns
 * // { key: 1, amount: 2, date: 0, customer: -1, currency: -1, headers: { key: "Ref", … } }
 */
export function detectReconcileColumns(
  table: TableData,
  lang: Lang,
  preset?: ReconcilePreset,
  override: ReconcileColumnOverride = {},
): ColumnDetection {
  const preferences = preset ? PRESETS[preset].preferences : DEFAULT_PREFERENCES;
  const issues: RowIssue[] = [];
  const chosen: Record<ReconcileField, number> = { key: -1, amount: -1, date: -1, customer: -1, currency: -1 };
  const taken = new Set<number>();
  for (const field of FIELDS) {
    const wanted = override[field];
    if (wanted === undefined) continue;
    const key = normalizeHeader(wanted);
    const index = table.header.findIndex((cell) => normalizeHeader(cell) === key);
    if (index < 0 || key === "") {
      issues.push(
        tableIssue(
          lang,
          table,
          "reconcile.mapping.unknown",
          { header: wanted, table: table.name, field: t(lang, `reconcile.field.${field}`) },
          wanted,
        ),
      );
      continue;
    }
    chosen[field] = index;
    taken.add(index);
  }
  for (const candidate of candidatesOf(table, preferences, taken)) {
    if (chosen[candidate.field] >= 0 || taken.has(candidate.index)) continue;
    chosen[candidate.field] = candidate.index;
    taken.add(candidate.index);
  }
  for (const field of REQUIRED) {
    if (chosen[field] < 0) {
      issues.push(
        tableIssue(lang, table, "reconcile.column.missing", { table: table.name, field: t(lang, `reconcile.field.${field}`) }, null),
      );
    }
  }
  const headerOf = (index: number): string => {
    const cell = index >= 0 ? table.header[index] : null;
    return cell === null || cell === undefined ? "" : String(cell);
  };
  const headers = { key: "", amount: "", date: "", customer: "", currency: "" };
  for (const field of FIELDS) headers[field] = headerOf(chosen[field]);
  return { columns: { ...chosen, headers }, issues };
}
