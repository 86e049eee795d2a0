/**
 * Vocabulary of reconciliation: two tables A and B, matched row by row on a normalised key,
 * with every row ending in exactly one outcome record and every currency in a tie-out that
 * balances to the minor unit.
 *
 * Money is in integer minor units of the record's currency; dates are 1900-system serials.
 */
import type { DateOrder, Lang, RowIssue } from "../types";

/**
 * What became of a row (or a group of rows sharing a key).
 * - `matched`: one row on each side, amounts, dates and customers within tolerance.
 * - `amount-differs`: one row on each side, |A − B| beyond the amount tolerance.
 * - `date-differs`: one row on each side, dates more than the date tolerance apart.
 * - `customer-differs`: one row on each side, different customers.
 * - `missing-in-b` / `missing-in-a`: a row with no counterpart on the other side.
 * - `duplicate-key`: a key used by more than one row on a side (that is not a split).
 * - `split`: one row on one side equals the sum of several rows of the same customer on the other.
 */
export type ReconcileOutcome =
  "matched" | "amount-differs" | "date-differs" | "customer-differs" | "missing-in-b" | "missing-in-a" | "duplicate-key" | "split";

/** Every outcome, in the order reports list them. */
export const OUTCOMES: readonly ReconcileOutcome[] = [
  "matched",
  "amount-differs",
  "date-differs",
  "customer-differs",
  "split",
  "duplicate-key",
  "missing-in-b",
  "missing-in-a",
];

/** The fields a reconciliation reads from each table. */
export type ReconcileField = "key" | "amount" | "date" | "customer" | "currency";

/** User override of detected columns: field -> header text as written in the table. */
export type ReconcileColumnOverride = Partial<Record<ReconcileField, string>>;

/** Built-in pairings of tables, each with its own column preferences and default tolerances. */
export type ReconcilePreset = "invoices-vs-statement" | "payments-vs-bank";

/** The columns used for one table (indexes into TableData.header; -1 when absent). */
export interface ReconcileColumns {
  key: number;
  amount: number;
  date: number;
  customer: number;
  currency: number;
  /** Header text of each used column, for messages and the report ("" when absent). */
  headers: Record<ReconcileField, string>;
}

/** Bounds of the split search among unmatched rows (see findSplit). */
export interface SplitSearchLimit {
  /** Most rows that may add up to one row (≥ 2). Default 3. */
  maxParts: number;
  /**
   * Most unmatched rows of one customer and currency on the searched side; a larger group is
   * not searched (a warning says so), because its subsets are too many to try honestly.
   * Default 40.
   */
  maxCandidates: number;
  /**
   * Most subsets tried for one target row before giving up (default 20000); all searches of a
   * reconciliation together stop after 100 × maxSteps, with a warning.
   */
  maxSteps: number;
}

export interface ReconcileOptions {
  lang: Lang;
  /** Amount tolerance in major units (0.01 = one cent in USD), converted per currency. Default 0. */
  amountTolerance?: number;
  /**
   * Percent tolerance of A's amount (0.5 = 0.5 %). A difference within either this or the
   * absolute tolerance is tolerated.
   */
  percentTolerance?: number;
  /** Dates may differ by up to this many days (inclusive). Default 0, or the preset's. */
  dateTolerance?: number;
  mapping?: { a?: ReconcileColumnOverride; b?: ReconcileColumnOverride };
  preset?: ReconcilePreset;
  dateOrder: DateOrder | null;
  dateSystem: 1900 | 1904;
  /** Currency of rows that name none (ISO 4217). */
  defaultCurrency: string;
  splitSearchLimit?: Partial<SplitSearchLimit>;
  /** Prefixes removed from keys (see normalizeMatchKey); default DEFAULT_KEY_PREFIXES. */
  keyPrefixes?: readonly string[];
  /**
   * "customers-in-b" compares A only on the customers B names (a customer's statement against
   * the whole ledger); default "all".
   */
  scope?: ReconcileScope;
}

/** Which rows of A take part: all of them, or those of the customers table B names. */
export type ReconcileScope = "all" | "customers-in-b";

/** A side's rows after parsing: columnar, one entry per usable source row, in source order. */
export interface SideRows {
  length: number;
  /** Sheet row as the user sees it. */
  row: Int32Array;
  /** Key as written (trimmed). */
  keyText: string[];
  /** Normalised key (see normalizeMatchKey). */
  key: string[];
  /** Minor units of `currency`. */
  amount: Float64Array;
  /** Index into ReconcileResult.currencies. */
  currency: Int32Array;
  /** Serial, NO_DATE when the table has no date or the cell is blank. */
  date: Int32Array;
  /** Customer as written, null when none. */
  customer: (string | null)[];
  /** normalizeKey of the customer, null when none. */
  customerKey: (string | null)[];
}

/** One outcome with the rows on both sides it concerns. Money in minor units of `currency`. */
export interface ReconcileRecord {
  outcome: ReconcileOutcome;
  /** Further differences of a one-to-one pair, after the one that decided `outcome`. */
  also: readonly ReconcileOutcome[];
  /** Sheet rows in table A / B (ascending). */
  aRows: number[];
  bRows: number[];
  /** Normalised key (of the single row, for a split). */
  key: string;
  /** Key as written on the first row of each side, null when the side has no row. */
  keyA: string | null;
  keyB: string | null;
  /** Sum of the side's rows; null when the side has no row. */
  amountA: number | null;
  amountB: number | null;
  /** amountA − amountB when both sides have rows, else null (the amount is unmatched). */
  variance: number | null;
  currency: string;
  /** Date of the first row of each side, when known. */
  dateA?: number;
  dateB?: number;
  customerA?: string;
  customerB?: string;
  /** For splits and duplicates: the side with several rows. */
  manySide?: "A" | "B" | "both";
  /** A missing row whose key exists on the other side, but in another currency. */
  otherCurrency?: string;
}

/**
 * Tie-out of one currency: totalA − totalB = variance + unmatchedA − unmatchedB, exactly.
 * - totalA / totalB: every usable row of the side in this currency (excluded rows are listed
 *   in ReconcileResult.excluded and counted in neither);
 * - variance: sum of `variance` over records with rows on both sides (matched within
 *   tolerance, amount/date/customer differs, splits, duplicates found on both sides);
 * - unmatchedA / unmatchedB: sum of the amounts of records with rows on one side only
 *   (missing rows, and duplicates whose key the other side lacks).
 */
export interface TieOut {
  currency: string;
  totalA: number;
  totalB: number;
  difference: number;
  variance: number;
  unmatchedA: number;
  unmatchedB: number;
  rowsA: number;
  rowsB: number;
}

/** Count and amounts of one outcome in one currency (money as in records). */
export interface OutcomeSummary {
  outcome: ReconcileOutcome;
  currency: string;
  count: number;
  rowsA: number;
  rowsB: number;
  amountA: number;
  amountB: number;
  /** Sum of non-null variances. */
  variance: number;
}

/** A source row left out because it could not be read; its RowIssue says why. */
export interface ReconcileExcluded {
  side: "A" | "B";
  sheet: string;
  row: number;
  code: string;
}

/** One side as it was read. */
export interface ReconcileSide {
  sheet: string;
  name: string;
  /** 1-based sheet row of the first data row, and 0-based sheet column of the header's first cell. */
  firstRow: number;
  firstColumn: number;
  columnCount: number;
  columns: ReconcileColumns;
  rows: SideRows;
}

/** Everything a reconciliation found. */
export interface ReconcileResult {
  lang: Lang;
  a: ReconcileSide;
  b: ReconcileSide;
  currencies: string[];
  /** Records in source order: by first A row, then B-only records by first B row. */
  records: ReconcileRecord[];
  tieOut: TieOut[];
  summary: OutcomeSummary[];
  excluded: ReconcileExcluded[];
  issues: RowIssue[];
  /** The tolerances and prefixes used, as resolved from options and preset. */
  settings: {
    amountTolerance: number;
    percentTolerance: number;
    dateTolerance: number;
    keyPrefixes: readonly string[];
    splitSearchLimit: SplitSearchLimit;
    /** The scope applied ("all" when B has no customer to scope by). */
    scope: ReconcileScope;
  };
  /**
   * With scope "customers-in-b": B's customers, and how many readable rows of A were left out as
   * another customer's (counted in no total, listed nowhere else). Absent for scope "all".
   */
  scoped?: { customers: string[]; leftA: number };
}
