/**
 * Table detection: which table holds invoices, payments and customers, and which column holds
 * which field. Evidence comes from the table's name (or sheet name) and its recognised
 * headings; an explicit TableMapping overrides both.
 *
 * Required fields (a table of the role is unusable without them):
 * - invoices: invoiceNumber, customer, amount, and a due date: either a dueDate column, or an
 *   invoiceDate column plus terms (a terms column on the invoice table or on the customer table);
 * - payments: customer, paymentDate, amount (a missing paymentReference is generated per row);
 * - customers: customer.
 */
import { t } from "../../i18n";
import type { ColumnMatch, Field, Lang, Role, RoleMapping, RowIssue, TableData, TableDetection, TableMapping } from "../types";
import { HEADER_SYNONYMS, recognizeHeader } from "./headers";
import { columnLetters, normalizeHeader } from "./normalize";
import { isCreditSideTable } from "./creditTables";
import { isFollowUpTable } from "../collections/log";

/** The three roles, in the order tables are read (customers first: invoices need their terms). */
export const ROLES: readonly Role[] = ["invoices", "payments", "customers"];

/** Fields a role cannot do without; invoices' due date may also come from invoice date + terms. */
export const REQUIRED_FIELDS: { readonly [R in Role]: readonly Field[] } = {
  invoices: ["invoiceNumber", "customer", "amount", "dueDate"],
  payments: ["customer", "paymentDate", "amount"],
  customers: ["customer"],
};

/**
 * How much a recognised field says about the role of its table. Fields only one role has
 * (due date, credit limit, payment reference) weigh most; customer and amount, which every role
 * has, weigh least.
 */
const ROLE_WEIGHTS: { readonly [R in Role]: Readonly<Partial<Record<Field, number>>> } = {
  invoices: {
    invoiceNumber: 2,
    customer: 1,
    invoiceDate: 1,
    dueDate: 3,
    terms: 1,
    amount: 1,
    currency: 0.3,
    salesRep: 0.3,
    documentType: 1,
    reference: 0.5,
    openAmount: 2,
    status: 0.5,
    po: 0.5,
    description: 0.3,
  },
  payments: { paymentReference: 3, customer: 1, paymentDate: 2, amount: 1, invoiceNumber: 0.5, currency: 0.3 },
  customers: { customer: 1, creditLimit: 4, currency: 0.3, terms: 0.5, salesRep: 0.5, group: 2, segment: 0.3, hold: 2 },
};

/** An invoice table with no way to a due date is probably something else. */
const NO_DUE_DATE_PENALTY = 1.5;
/** A name match is worth about as much as two distinctive headings. */
const NAME_WEIGHT = 4;
/** Without a name match, a table needs this share of the role's required fields. */
const MIN_COVERAGE = 0.6;

/** Words in table or sheet names that identify a role; normalised with normalizeHeader. */
export const ROLE_NAMES: { readonly [R in Role]: readonly string[] } = {
  invoices: [
    "Invoices",
    "Invoice",
    "AR",
    "Open Items",
    "Open Invoices",
    "Receivables",
    "Accounts Receivable",
    "AR Aging",
    "Aging",
    "Sales Invoices",
    "Billing",
    "Bills",
    "应收",
    "应收账款",
    "应收单",
    "发票",
    "销售发票",
    "开票",
    "应收明细",
  ],
  payments: [
    "Payments",
    "Payment",
    "Receipts",
    "Receipt",
    "Cash Receipts",
    "Collections",
    "Remittances",
    "Deposits",
    "收款",
    "回款",
    "收款单",
    "到账",
    "收款明细",
    "回款明细",
  ],
  customers: [
    "Customers",
    "Customer",
    "Clients",
    "Client",
    "Customer Master",
    "Debtors",
    "Accounts",
    "Credit Limits",
    "客户",
    "客户档案",
    "客户信息",
    "客户资料",
    "客户主数据",
    "信用额度",
  ],
};

interface RoleAnalysis {
  columns: ColumnMatch[];
  score: number;
  coverage: number;
  nameConfidence: number;
}

/**
 * Splits a name into words at spaces, punctuation and lower→upper case changes, so that a
 * short role word ("AR") is found in "tblAR" or "AR_Aging" but not in "Archive".
 */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .map(normalizeHeader)
    .filter((word) => word !== "");
}

/**
 * How strongly a table or sheet name says `role`, 0..1: 1 for the whole name, up to 0.9 for
 * a word inside it (more when it comes last, where English and Chinese put the head noun:
 * "Customer Payments" is about payments).
 *
 * @example
 * roleNameConfidence("Invoices", "invoices")           // 1
 * roleNameConfidence("Customer Payments", "payments")  // 0.9
 * roleNameConfidence("Archive", "invoices")            // 0
 */
export function roleNameConfidence(name: string, role: Role): number {
  const key = normalizeHeader(name);
  if (key === "") return 0;
  const words = nameWords(name);
  let best = 0;
  for (const synonym of ROLE_NAMES[role]) {
    const synonymKey = normalizeHeader(synonym);
    if (key === synonymKey) return 1;
    if (synonymKey.length <= 3 && /^[a-z0-9]+$/.test(synonymKey)) {
      // Short Latin words only count as whole words.
      const position = words.lastIndexOf(synonymKey);
      if (position >= 0) best = Math.max(best, 0.7 + (0.2 * (position + 1)) / words.length);
      continue;
    }
    const at = key.lastIndexOf(synonymKey);
    if (at >= 0) best = Math.max(best, 0.7 + (0.2 * (at + synonymKey.length)) / key.length);
  }
  return Math.round(best * 1000) / 1000;
}

/** Name confidence per role for a table: its table name and sheet name, whichever says more. */
function nameConfidences(table: TableData): Record<Role, number> {
  const result = { invoices: 0, payments: 0, customers: 0 };
  for (const role of ROLES) {
    result[role] = Math.max(roleNameConfidence(table.name, role), roleNameConfidence(table.sheet, role));
  }
  // A name identifies one role: only the strongest keeps its credit ("Customer Payments").
  const top = Math.max(result.invoices, result.payments, result.customers);
  for (const role of ROLES) if (result[role] < top) result[role] = 0;
  return result;
}

/**
 * Assigns columns to fields of one role: each column to at most one field and each field to
 * at most one column, best confidence first (ties: leftmost column). Columns named in `fixed`
 * are taken first.
 */
function assignColumns(table: TableData, role: Role, fixed: readonly ColumnMatch[]): ColumnMatch[] {
  const candidates: ColumnMatch[] = [];
  table.header.forEach((cell, index) => {
    for (const match of recognizeHeader(cell)) {
      if (match.role !== role) continue;
      candidates.push({ field: match.field, index, header: headerText(cell), confidence: match.confidence, mapped: false });
    }
  });
  candidates.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const usedFields = new Set<Field>(fixed.map((c) => c.field));
  const usedColumns = new Set<number>(fixed.map((c) => c.index));
  const chosen = [...fixed];
  for (const candidate of candidates) {
    if (usedFields.has(candidate.field) || usedColumns.has(candidate.index)) continue;
    usedFields.add(candidate.field);
    usedColumns.add(candidate.index);
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.index - b.index);
}

function headerText(cell: TableData["header"][number] | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

function confidenceOf(columns: readonly ColumnMatch[], field: Field): number {
  return columns.find((c) => c.field === field)?.confidence ?? 0;
}

/**
 * Share of a role's required fields found, each weighted by its confidence. For invoices the
 * due-date slot is also filled by invoice date + terms, or, at half weight, by an invoice date
 * alone (the customer table may supply the terms).
 */
function requiredCoverage(columns: readonly ColumnMatch[], role: Role): number {
  const required = REQUIRED_FIELDS[role];
  let sum = 0;
  for (const field of required) {
    let confidence = confidenceOf(columns, field);
    if (role === "invoices" && field === "dueDate") {
      const invoiceDate = confidenceOf(columns, "invoiceDate");
      confidence = Math.max(confidence, Math.min(invoiceDate, confidenceOf(columns, "terms")), invoiceDate / 2);
    }
    sum += confidence;
  }
  return sum / required.length;
}

function analyse(table: TableData, role: Role, nameConfidence: number, fixed: readonly ColumnMatch[] = []): RoleAnalysis {
  const columns = assignColumns(table, role, fixed);
  const weights = ROLE_WEIGHTS[role];
  let score = 0;
  for (const column of columns) score += (weights[column.field] ?? 0) * column.confidence;
  if (role === "invoices" && confidenceOf(columns, "dueDate") === 0 && confidenceOf(columns, "terms") === 0) {
    score -= NO_DUE_DATE_PENALTY;
  }
  score += NAME_WEIGHT * nameConfidence;
  return { columns, score, coverage: requiredCoverage(columns, role), nameConfidence };
}

/** Role confidence: mostly from the headings, the rest from the name. */
function roleConfidence(analysis: RoleAnalysis): number {
  return Math.round((0.7 * analysis.coverage + 0.3 * analysis.nameConfidence) * 1000) / 1000;
}

/**
 * Required fields no column provides. An invoice table without a due-date column is complete
 * when it has an invoice date and terms come from its own terms column or from the customer
 * table (`customerTerms`).
 */
function missingFields(columns: readonly ColumnMatch[], role: Role, customerTerms: boolean): Field[] {
  const has = (field: Field): boolean => columns.some((c) => c.field === field);
  return REQUIRED_FIELDS[role].filter((field) => {
    if (has(field)) return false;
    if (role === "invoices" && field === "dueDate") return !(has("invoiceDate") && (has("terms") || customerTerms));
    return true;
  });
}

/** Detection of one table on its own: its most likely role (or none) and that role's columns. */
function detectOne(table: TableData): { detection: TableDetection; score: number } {
  // The credit check's orders and rates tables look like payments (customer + amount); they
  // are read by readCreditTables, never as a ledger.
  // The collections follow-up log (date, customer, amount) is read by readFollowUps likewise.
  if (isCreditSideTable(table) || isFollowUpTable(table))
    return { detection: { table, role: null, confidence: 0, columns: [], missing: [] }, score: 0 };
  const names = nameConfidences(table);
  let best: { role: Role; analysis: RoleAnalysis } | null = null;
  for (const role of ROLES) {
    const analysis = analyse(table, role, names[role]);
    if (analysis.nameConfidence === 0 && analysis.coverage < MIN_COVERAGE) continue;
    if (!best || analysis.score > best.analysis.score) best = { role, analysis };
  }
  if (!best) return { detection: { table, role: null, confidence: 0, columns: [], missing: [] }, score: 0 };
  const { role, analysis } = best;
  return {
    detection: {
      table,
      role,
      confidence: roleConfidence(analysis),
      columns: analysis.columns,
      missing: missingFields(analysis.columns, role, false),
    },
    score: analysis.score,
  };
}

/** Result of detection for reading: one detection per table, the table used per role, and problems. */
export interface DetectionPlan {
  /** One per input table, in input order. */
  detections: TableDetection[];
  /** The table used for each role (the same objects as in `detections`). */
  sources: Partial<Record<Role, TableDetection>>;
  /**
   * Every table read for a role when there are several, the one in `sources` first: tables of
   * the role whose columns map the same way, or the tables the mapping names together.
   */
  joined: Partial<Record<Role, TableDetection[]>>;
  issues: RowIssue[];
}

/**
 * The tables a role's mapping names, in order: `tables` when it has any, else `table`.
 *
 * @example
 * mappedTables({ table: "Sales", tables: ["Jan", "Feb"] }) // ["Jan", "Feb"]
 * mappedTables({ table: "Sales" })                          // ["Sales"]
 */
export function mappedTables(mapping: RoleMapping | undefined): string[] {
  if (mapping?.tables && mapping.tables.length > 0) return mapping.tables;
  return mapping?.table !== undefined ? [mapping.table] : [];
}

/** The fields a table's columns map to, as one comparable key. */
function fieldSet(columns: readonly ColumnMatch[]): string {
  return columns
    .map((c) => c.field)
    .sort()
    .join(",");
}

/** Fields one column list maps and the other does not, either way. */
function fieldDifference(a: readonly ColumnMatch[], b: readonly ColumnMatch[]): Field[] {
  const left = new Set(a.map((c) => c.field));
  const right = new Set(b.map((c) => c.field));
  return [...[...left].filter((f) => !right.has(f)), ...[...right].filter((f) => !left.has(f))];
}

function tableIssue(
  lang: Lang,
  sheet: string,
  code: string,
  params: Record<string, string>,
  column: string | null = null,
  severity: RowIssue["severity"] = "error",
): RowIssue {
  return { severity, sheet, row: null, column, cell: null, value: null, code, message: t(lang, code, params) };
}

function sameName(table: TableData, wanted: string): boolean {
  const key = normalizeHeader(wanted);
  return key !== "" && (normalizeHeader(table.name) === key || normalizeHeader(table.sheet) === key);
}

/** Columns named in a mapping, as fixed matches; unknown headings and fields become issues. */
function mappedColumns(table: TableData, role: Role, mapping: RoleMapping | undefined, lang: Lang, issues: RowIssue[]): ColumnMatch[] {
  const fixed: ColumnMatch[] = [];
  const columns = mapping?.columns;
  if (!columns) return fixed;
  const roleName = t(lang, `role.${role}`);
  for (const [field, wanted] of Object.entries(columns) as [Field, string | undefined][]) {
    if (wanted === undefined) continue;
    if (!(field in HEADER_SYNONYMS[role])) {
      issues.push(tableIssue(lang, table.sheet, "mapping.field.unknown", { field, role: roleName }, wanted));
      continue;
    }
    // The heading as written first, then the normalised comparison ("Doc No." for "Doc No").
    let index = table.header.findIndex((cell) => headerText(cell) === wanted);
    if (index < 0) {
      const key = normalizeHeader(wanted);
      index = table.header.findIndex((cell) => key !== "" && normalizeHeader(cell) === key);
    }
    if (index < 0) {
      issues.push(
        tableIssue(
          lang,
          table.sheet,
          "mapping.column.unknown",
          { column: wanted, field: t(lang, `field.${field}`), table: table.name },
          wanted,
        ),
      );
      continue;
    }
    fixed.push({ field, index, header: headerText(table.header[index]), confidence: 1, mapped: true });
  }
  return fixed;
}

/**
 * Detects every table's role and columns, picks the table used for each role, applies the
 * explicit mapping, and reports what could not be found. This is what readBook uses; the
 * simpler {@link detectTables} returns only the detections.
 *
 * Rules:
 * - a table mapped to a role is used for it (found by table name or sheet name, compared with
 *   normalizeHeader); an unknown name is an error and detection decides instead;
 * - otherwise the detected table of the role with the highest confidence (then score, then
 *   input order) is used; every other table detected for the role gets a warning;
 * - mapped columns are taken first, the rest of the headings are matched as usual;
 * - a used table missing required fields gets one error per field; no invoice table at all is
 *   the error "table.invoices.missing".
 *
 * @example
 * const plan = detectSources([invoiceTable, paymentTable], undefined, "en-US");
 * plan.sources.invoices?.table === invoiceTable // true
 */
export function detectSources(tables: readonly TableData[], mapping: TableMapping | undefined, lang: Lang): DetectionPlan {
  const issues: RowIssue[] = [];
  const detected = tables.map(detectOne);
  const detections = detected.map((d) => d.detection);
  // The tables a mapping names per role, in its order.
  const forced = new Map<Role, number[]>();
  const claimed = new Set<number>();

  for (const role of ROLES) {
    const named: number[] = [];
    for (const wanted of mappedTables(mapping?.[role])) {
      const index = tables.findIndex((table) => sameName(table, wanted));
      if (index < 0 || claimed.has(index)) {
        const code = index < 0 ? "mapping.table.unknown" : "mapping.table.conflict";
        issues.push(tableIssue(lang, "", code, { table: wanted, role: t(lang, `role.${role}`) }));
        continue;
      }
      named.push(index);
      claimed.add(index);
    }
    if (named.length > 0) forced.set(role, named);
  }

  const chosen = new Map<Role, number>();
  for (const role of ROLES) {
    const mappedIndex = forced.get(role)?.[0];
    if (mappedIndex !== undefined) {
      chosen.set(role, mappedIndex);
      continue;
    }
    let best = -1;
    detections.forEach((detection, index) => {
      if (detection.role !== role || claimed.has(index)) return;
      const current = detected[best];
      const candidate = detected[index];
      if (!current || !candidate) {
        best = index;
        return;
      }
      if (
        candidate.detection.confidence > current.detection.confidence ||
        (candidate.detection.confidence === current.detection.confidence && candidate.score > current.score)
      ) {
        best = index;
      }
    });
    if (best >= 0) {
      chosen.set(role, best);
      claimed.add(best);
    }
  }

  const sources: Partial<Record<Role, TableDetection>> = {};
  for (const role of ROLES) {
    const index = chosen.get(role);
    const table = index === undefined ? undefined : tables[index];
    if (index === undefined || !table) continue;
    const names = nameConfidences(table);
    const fixed = mappedColumns(table, role, mapping?.[role], lang, issues);
    const analysis = analyse(table, role, names[role], fixed);
    const detection: TableDetection = {
      table,
      role,
      confidence: forced.has(role) ? 1 : roleConfidence(analysis),
      columns: analysis.columns,
      missing: [],
    };
    detections[index] = detection;
    sources[role] = detection;
  }

  // Tables read together with a role's source: the ones the mapping names after the first, or,
  // without a mapping, every other table detected for the role whose columns map to the same
  // fields (one sheet per month). A table that maps differently is named as not read, below.
  const joined: Partial<Record<Role, TableDetection[]>> = {};
  const differs = new Map<TableDetection, Field[]>();
  for (const role of ROLES) {
    const source = sources[role];
    if (!source) continue;
    const parts = [source];
    const named = forced.get(role);
    const candidates = named
      ? named.slice(1)
      : detections.flatMap((detection, index) => (detection.role === role && !claimed.has(index) ? [index] : []));
    for (const index of candidates) {
      const table = tables[index];
      if (!table) continue;
      // The mapping's columns are by heading, so they apply to each table read for the role.
      const fixed = mappedColumns(table, role, mapping?.[role], lang, named ? issues : []);
      const analysis = analyse(table, role, nameConfidences(table)[role], fixed);
      const detection: TableDetection = {
        table,
        role,
        confidence: named ? 1 : roleConfidence(analysis),
        columns: analysis.columns,
        missing: [],
      };
      detections[index] = detection;
      if (!named && fieldSet(analysis.columns) !== fieldSet(source.columns)) {
        differs.set(detection, fieldDifference(source.columns, analysis.columns));
        continue;
      }
      claimed.add(index);
      parts.push(detection);
    }
    if (parts.length > 1) joined[role] = parts;
  }

  const customerTerms = sources.customers?.columns.some((c) => c.field === "terms") ?? false;
  for (const detection of detections) {
    if (!detection.role) continue;
    detection.missing = missingFields(detection.columns, detection.role, customerTerms);
    const used = sources[detection.role];
    if (!used || used === detection || joined[detection.role]?.includes(detection)) continue;
    const difference = differs.get(detection);
    const params = { table: detection.table.name, role: t(lang, `role.${detection.role}`), used: used.table.name };
    if (difference)
      issues.push(
        tableIssue(
          lang,
          detection.table.sheet,
          "table.notJoined",
          { ...params, fields: difference.map((field) => t(lang, `field.${field}`)).join(lang === "zh-CN" ? "、" : ", ") },
          null,
          "warning",
        ),
      );
    else issues.push(tableIssue(lang, detection.table.sheet, "table.ignored", params, null, "warning"));
  }

  for (const role of ROLES) {
    for (const part of joined[role] ?? (sources[role] ? [sources[role]] : [])) issues.push(...competingColumns(part, lang));
  }

  for (const role of ROLES) {
    const source = sources[role];
    if (!source) continue;
    for (const part of joined[role] ?? [source]) {
      for (const field of part.missing) {
        // The due date has its own message: it explains the invoice-date-plus-terms alternative.
        const code = field === "dueDate" ? "column.missing.dueDate" : "column.missing";
        issues.push(
          tableIssue(lang, part.table.sheet, code, {
            table: part.table.name,
            role: t(lang, `role.${role}`),
            field: t(lang, `field.${field}`),
          }),
        );
      }
    }
    const parts = joined[role];
    if (parts) {
      // A named table missing a required column is not read; the others still are.
      const readable = parts.filter((part, k) => k === 0 || part.missing.length === 0);
      if (readable.length > 1) joined[role] = readable;
      else delete joined[role];
      if (readable.length > 1)
        issues.push(
          tableIssue(
            lang,
            source.table.sheet,
            "table.joined",
            {
              role: t(lang, `role.${role}`),
              tables: readable.map((part) => `“${part.table.name}”`).join(lang === "zh-CN" ? "、" : ", "),
              count: String(readable.length),
            },
            null,
            "warning",
          ),
        );
    }
  }
  if (!sources.invoices) issues.push(tableIssue(lang, "", "table.invoices.missing", {}));

  return { detections, sources, joined, issues };
}

/** A column matched to its field at least this well is that field's own column. */
const OWN_FIELD_CONFIDENCE = 0.75;

/**
 * Warnings for headings that compete for a field the table already has a column for (two
 * "Amount" columns, "Due" beside "Due Date"): which column is used and which is ignored, so the
 * choice is never silent. Mapping the column explicitly picks the other.
 *
 * @example
 * competingColumns(detectionOf(["Invoice No", "Amount", "Amount"]), "en-US")[0]?.code // "column.duplicate"
 */
export function competingColumns(detection: TableDetection, lang: Lang): RowIssue[] {
  const { table, role, columns } = detection;
  if (!role) return [];
  const issues: RowIssue[] = [];
  table.header.forEach((cell, index) => {
    // The field this heading names best; a column given a weaker field instead ("Due Date"
    // taken as the invoice date because "Due" took the due date) competes too.
    const best = recognizeHeader(cell).find((m) => m.role === role);
    if (!best) return;
    const assigned = columns.find((c) => c.index === index);
    // A column that strongly names the field it was given ("Reference" as a credit note's
    // reference beside "Invoice No") is that field's column, not a competitor.
    if (
      assigned &&
      (assigned.field === best.field ||
        assigned.confidence >= best.confidence ||
        assigned.confidence >= OWN_FIELD_CONFIDENCE ||
        assigned.mapped)
    )
      return;
    const used = columns.find((c) => c.field === best.field && c.index !== index);
    if (!used) return;
    issues.push(
      tableIssue(
        lang,
        table.sheet,
        "column.duplicate",
        {
          table: table.name,
          field: t(lang, `field.${best.field}`),
          used: used.header,
          usedColumn: columnLetters(table.firstColumn + used.index),
          ignored: headerText(cell),
          ignoredColumn: columnLetters(table.firstColumn + index),
        },
        headerText(cell),
        "warning",
      ),
    );
  });
  return issues;
}

/**
 * Detects the role and columns of every table (see {@link detectSources} for the rules).
 * Returns one detection per table in input order; the table used for a role is the one
 * `detectSources` picks (highest confidence).
 *
 * @example
 * detectTables([{ sheet: "Invoices", name: "Invoices", header: ["Inv #", "Client", "Due", "Amt"],
 *   rows: [], firstRow: 2, firstColumn: 0 }])[0]?.role // "invoices"
 */
export function detectTables(tables: TableData[], mapping?: TableMapping): TableDetection[] {
  return detectSources(tables, mapping, "en-US").detections;
}
