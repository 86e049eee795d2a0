/**
 * Reconciliation of two tables: our invoices against a customer's statement, our receipts
 * against the bank's, an ERP export against the aging. Rows are joined on a normalised key,
 * every difference gets an outcome with the rows on both sides, and a tie-out per currency
 * proves that nothing was lost: total A − total B = variances + unmatched A − unmatched B.
 */
import type { RowIssue, TableData } from "../types";
import { t } from "../../i18n";
import { detectReconcileColumns, PRESETS } from "./columns";
import { compilePrefixes, DEFAULT_KEY_PREFIXES } from "./key";
import { matchSides } from "./match";
import { newCurrencyRegistry, readSide } from "./rows";
import { scopeToCustomersOf } from "./scope";
import { summarize, tieOut } from "./tieout";
import { amountTolerance } from "./tolerance";
import type { ReconcileOptions, ReconcileResult, ReconcileSide, SplitSearchLimit } from "./types";

export * from "./types";
export { normalizeMatchKey, explainKeyChanges, DEFAULT_KEY_PREFIXES, type KeyChange, type MatchKey, type MatchKeyOptions } from "./key";
export { detectReconcileColumns, PRESETS, type PresetDefinition, type FieldPreferences, type ColumnDetection } from "./columns";
export { findSplit, type SplitSearch } from "./split";
export { scopeToCustomersOf, pickRows, type ScopedSide } from "./scope";
export { amountTolerance, withinAmountTolerance, withinDateTolerance, type AmountTolerance } from "./tolerance";
export { tieOutBalances } from "./tieout";
export { glTieOut, type GlCandidate, type GlCandidateKind, type GlExplanation, type GlTieOut } from "./gl";
export { agingTotalFor, glCandidatesFromAging, glTieOutForAging, type GlAgingOptions, type GlAgingTieOut, type GlBasis } from "./glAging";

/** Default bounds of the split search. */
export const DEFAULT_SPLIT_SEARCH_LIMIT: Readonly<SplitSearchLimit> = { maxParts: 3, maxCandidates: 40, maxSteps: 20000 };

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * Reconciles table A against table B.
 *
 * Columns come from header recognition (the preset decides which recognised fields are
 * preferred) with `options.mapping` overriding. Keys are normalised with normalizeMatchKey.
 * A row whose key, amount, date or currency cannot be read is excluded and listed with a
 * RowIssue; the rest still reconcile. Tolerances: `amountTolerance` in major units (converted
 * per currency, so 0.01 is a cent in USD and nothing in JPY) or `percentTolerance` of A's amount,
 * whichever is larger; `dateTolerance` days either way, both inclusive. Missing options take
 * the preset's defaults, else 0. Scope "customers-in-b" compares A only on the customers B
 * names (see scope.ts); the tie-out then covers those customers.
 *
 * @example
 * const result = reconcile(ourInvoices, statement, {
 *   lang: "en-US", preset: "invoices-vs-statement", amountTolerance: 0.01,
 *   dateOrder: "DMY", dateSystem: 1900, defaultCurrency: "USD",
 * });
 * result.tieOut[0] // { currency: "USD", totalA, totalB, difference, variance, unmatchedA, unmatchedB, … }
 * result.records.filter((r) => r.outcome === "amount-differs")
 */
export function reconcile(a: TableData, b: TableData, options: ReconcileOptions): ReconcileResult {
  const { lang } = options;
  const preset = options.preset ? PRESETS[options.preset] : undefined;
  const keyPrefixes = options.keyPrefixes ?? DEFAULT_KEY_PREFIXES;
  const prefixes = compilePrefixes(keyPrefixes);
  const limit: SplitSearchLimit = { ...DEFAULT_SPLIT_SEARCH_LIMIT, ...options.splitSearchLimit };
  const settings = {
    amountTolerance: nonNegative(options.amountTolerance, 0),
    percentTolerance: nonNegative(options.percentTolerance, 0),
    dateTolerance: Math.floor(nonNegative(options.dateTolerance, preset?.dateTolerance ?? 0)),
    keyPrefixes,
    splitSearchLimit: limit,
    scope: options.scope ?? "all",
  };

  const issues: RowIssue[] = [];
  const currencies = newCurrencyRegistry(options.defaultCurrency);
  const read = (table: TableData, side: "A" | "B"): ReconcileSide & { excluded: ReturnType<typeof readSide>["excluded"] } => {
    const detection = detectReconcileColumns(table, lang, options.preset, side === "A" ? options.mapping?.a : options.mapping?.b);
    issues.push(...detection.issues);
    const context = { side, lang, dateOrder: options.dateOrder, dateSystem: options.dateSystem, prefixes, currencies };
    const sideRead = readSide(table, detection.columns, context);
    issues.push(...sideRead.issues);
    return {
      sheet: table.sheet,
      name: table.name,
      firstRow: table.firstRow,
      firstColumn: table.firstColumn,
      columnCount: table.header.length,
      columns: detection.columns,
      rows: sideRead.rows,
      excluded: sideRead.excluded,
    };
  };
  const { excluded: excludedA, ...sideA } = read(a, "A");
  const { excluded: excludedB, ...sideB } = read(b, "B");
  let scoped: ReconcileResult["scoped"];
  if (settings.scope === "customers-in-b") {
    if (sideB.columns.customer < 0 || sideB.rows.customerKey.every((key) => key === null)) {
      // Nothing to scope by: say so, and compare every row rather than none.
      settings.scope = "all";
      issues.push({
        severity: "warning",
        sheet: b.sheet,
        row: null,
        column: null,
        cell: null,
        value: null,
        code: "reconcile.scope.no-customer",
        message: t(lang, "reconcile.scope.no-customer", { table: b.name }),
      });
    } else {
      const limited = scopeToCustomersOf(sideA.rows, sideB.rows);
      sideA.rows = limited.rows;
      scoped = { customers: limited.customers, leftA: limited.left };
    }
  }

  const codes = currencies.codes;
  const tolerances = codes.map((_, i) => amountTolerance(settings.amountTolerance, settings.percentTolerance, currencies.decimals[i] ?? 2));
  const match = matchSides(sideA.rows, sideB.rows, {
    lang,
    currencies: codes,
    tolerances,
    dateTolerance: settings.dateTolerance,
    limit,
    sheetA: a.sheet,
    sheetB: b.sheet,
  });
  issues.push(...match.issues);

  return {
    lang,
    a: sideA,
    b: sideB,
    currencies: codes,
    records: match.records,
    tieOut: tieOut(sideA.rows, sideB.rows, match.records, codes),
    summary: summarize(match.records, codes),
    excluded: [...excludedA, ...excludedB],
    issues,
    settings,
    ...(scoped ? { scoped } : {}),
  };
}
