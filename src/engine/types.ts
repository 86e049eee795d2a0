/**
 * The engine's shared vocabulary: what adapters hand in (TableData), what reading produces
 * (Book, RowIssue), and what reports hand back out (SheetModel).
 *
 * Conventions used everywhere in the engine:
 * - **Money** is an integer count of minor units (cents, fen; JPY has none) held in a JS number
 *   or a Float64Array. Doubles are exact for integers up to 2^53 (≈ 90 trillion dollars in cents),
 *   so sums are exact; we divide by 10^decimals only when writing a cell or JSON.
 * - **Dates** are Excel serial day numbers (integers, 1900 system: 1 = 1900-01-01, 60 = the
 *   phantom 1900-02-29, 61 = 1900-03-01). Books in the 1904 system are converted on read, so
 *   the engine only ever sees 1900-system serials.
 * - **Rows** in messages are sheet rows as the user sees them in Excel (1-based).
 */
import type { Lang } from "../i18n/types";

/** A value read from one cell. Dates arrive as serial numbers (Excel) or text (CSV). */
export type CellValue = number | string | boolean | null;

/** Display / message language: the message catalogs' (src/i18n/types.ts), which the engine's messages use. */
export type { Lang } from "../i18n/types";

/** Serial value used in Int32Array date columns for "no date". */
export const NO_DATE = -2147483648;

/**
 * A rectangular table exactly as an adapter read it (an Excel table, a header row on a plain
 * sheet, or a CSV file).
 *
 * @example
 * const t: TableData = { sheet: "Invoices", name: "tblInvoices", header: ["Invoice No", "Amount"],
 *   rows: [["INV-1", 100]], firstRow: 2, firstColumn: 0 };
 */
export interface TableData {
  /** Worksheet name (for CSV: the file name without extension). */
  sheet: string;
  /** Excel table name, or the sheet name for a plain range / CSV file. */
  name: string;
  header: CellValue[];
  rows: CellValue[][];
  /** 1-based sheet row of rows[0] (the header sits on firstRow - 1). */
  firstRow: number;
  /** 0-based sheet column of header[0] (0 = column A). */
  firstColumn: number;
  /**
   * What the adapter noticed while reading the table (rows it stopped before, blank rows it
   * skipped, a CSV quote never closed); the engine reports them as issues in the user's language.
   */
  notes?: TableNote[];
  /**
   * Cells the adapter knows hold an Excel error value (#N/A, #REF! …), as `cellKey(i, c)` (see
   * engine/read/cells.ts: i indexes `rows`, c indexes `header`). Adapters that can tell an error
   * from text (the .xlsx reader by the cell's type, the Office.js reader by `valueTypes`) set it,
   * possibly empty: a text cell reading "#N/A" is then text (a customer may be called that).
   * Absent (CSV, tables made by hand): a cell whose whole text is an error name is that error.
   */
  errorCells?: ReadonlySet<number>;
  /**
   * Cells holding a formula without a saved value (they read as empty), as `cellKey(i, c)`. The
   * reader says so instead of "empty" wherever such a cell matters.
   */
  unsavedFormulas?: ReadonlySet<number>;
}

/**
 * A problem an adapter found in a table, as a message id and parameters (adapters do not know
 * the user's language). `row` is the sheet row it is about, null for the table as a whole.
 */
export interface TableNote {
  severity: Severity;
  code: string;
  row: number | null;
  params?: Record<string, string | number>;
}

export type Severity = "error" | "warning";

/**
 * One problem found in the user's data (or in how it relates), located so the user can go to
 * the cell. `message` is already in the report's language.
 */
export interface RowIssue {
  severity: Severity;
  sheet: string;
  /** Sheet row as the user sees it; null for table-level problems (e.g. a missing column). */
  row: number | null;
  /** Column header text as written in the user's table; null when not about one column. */
  column: string | null;
  /** A1 address of the cell within `sheet` (e.g. "C12") when known, for "go to cell". */
  cell: string | null;
  /** The offending raw value (null when not about one value). */
  value: CellValue;
  /** Stable machine code, e.g. "amount.invalid", "date.ambiguous", "invoice.duplicate". */
  code: string;
  message: string;
}

/** Why a source row was left out of a report; always listed, never silently dropped. */
export type ExclusionReason = "after-as-of" | "invalid" | "duplicate" | "currency-mismatch";

export interface ExcludedRow {
  kind: "invoice" | "payment";
  /** Invoice number or payment reference as written. */
  id: string;
  reason: ExclusionReason;
  sheet: string;
  row: number;
}

// ---------------------------------------------------------------------------------------------
// Roles, fields and mapping
// ---------------------------------------------------------------------------------------------

export type Role = "invoices" | "payments" | "customers";

export type InvoiceField =
  | "invoiceNumber"
  | "customer"
  | "invoiceDate"
  | "dueDate"
  | "terms"
  | "amount"
  | "currency"
  | "salesRep"
  | "documentType"
  | "reference"
  | "openAmount"
  | "status"
  | "po"
  | "description";

export type PaymentField = "paymentReference" | "customer" | "paymentDate" | "amount" | "invoiceNumber" | "currency";

/** `group` is a credit group (parent account) sharing one limit; `segment` only labels customers ("Retail", "Europe"). */
export type CustomerField = "customer" | "creditLimit" | "currency" | "terms" | "salesRep" | "group" | "segment" | "hold";

export type Field = InvoiceField | PaymentField | CustomerField;

/**
 * User-supplied mapping (the CLI's --map FILE.json, the task pane's confirmed mapping) that
 * overrides detection. Column values are header texts as written in the table.
 *
 * @example
 * { "invoices": { "table": "Sales", "columns": { "invoiceNumber": "Doc No", "amount": "Gross" } } }
 */
export interface TableMapping {
  invoices?: RoleMapping;
  payments?: RoleMapping;
  customers?: RoleMapping;
}
export interface RoleMapping {
  /** Table name or sheet name; omit to keep the detected table. */
  table?: string;
  /**
   * Several tables (or sheets) read together for the role, in this order ("Invoices Jan",
   * "Invoices Feb"); when given and not empty it is what is read, and `table` is its first.
   */
  tables?: string[];
  /** field -> header text. */
  columns?: Partial<Record<Field, string>>;
}

/** One column recognised for a field, with how sure the recogniser is (0..1). */
export interface ColumnMatch {
  field: Field;
  /** Index into TableData.header. */
  index: number;
  header: string;
  confidence: number;
  /** True when it came from an explicit mapping rather than detection. */
  mapped: boolean;
}

/** What detection concluded about one table. */
export interface TableDetection {
  table: TableData;
  role: Role | null;
  /** 0..1, how sure we are of the role. */
  confidence: number;
  columns: ColumnMatch[];
  /** Required fields of the role that no column provides. */
  missing: Field[];
}

// ---------------------------------------------------------------------------------------------
// Book: the parsed, columnar ledger
// ---------------------------------------------------------------------------------------------

/**
 * Customers of the book, from the customer table and from every customer name seen on
 * invoices and payments. Index i identifies one customer across all columns.
 * Names are matched case-, width- and space-insensitively (see normalizeKey in engine/read).
 */
export interface CustomerColumns {
  length: number;
  /** Display name (the customer table's spelling when it has one). */
  name: string[];
  /** normalized key -> index */
  index: Map<string, number>;
  /**
   * Each text the ledgers spelled a customer with, exactly as written -> index (negative: a
   * text that names no customer, such as a total label). Found while reading, so a later table
   * naming customers the same way (the follow-up log) finds them without normalising each name;
   * optional, as a book built otherwise has none (see customerOfName in engine/read).
   */
  byText?: ReadonlyMap<string, number>;
  /** Credit limit in minor units of `currency` (or the book's default currency); NaN when none. */
  creditLimit: Float64Array;
  /** Index into Book.currencies, -1 when the customer table gives none. */
  currency: Int32Array;
  terms: (string | null)[];
  /** Index into Book.salesReps, -1 when none. */
  salesRep: Int32Array;
  /** The credit group (parent account) whose limit the customer shares; null when none. */
  group: (string | null)[];
  /**
   * A segment label ("Retail", "Europe", 客户分组): shown and filterable, never a shared limit.
   * Optional so books built before the distinction still type-check.
   */
  segment?: (string | null)[];
  /** 1 when the customer table flags the account as on hold / blocked. */
  hold: Uint8Array;
  /** 1 when the customer appears in the customer table. */
  inTable: Uint8Array;
  /** Sheet row in the customer table, 0 when not in it. */
  row: Int32Array;
}

/** Invoices and credit notes, one entry per usable source row, in source order. */
export interface InvoiceColumns {
  length: number;
  /** The source table's sheet (the first one's when several tables were read together). */
  sheet: string;
  /**
   * Each document's sheet, only when tables on more than one sheet were read together; use
   * `documentSheet(columns, k)` (engine/columns.ts), which falls back to `sheet`.
   */
  sheets?: string[];
  /** Sheet row of each document. */
  row: Int32Array;
  number: string[];
  customer: Int32Array;
  currency: Int32Array;
  invoiceDate: Int32Array;
  dueDate: Int32Array;
  /** Document amount in minor units; negative for credit notes. */
  amount: Float64Array;
  /** Open amount from an open/balance column in minor units; NaN when the table has none. */
  openAmount: Float64Array;
  /** 1 for credit notes (typed as such, or a negative amount). */
  isCreditNote: Uint8Array;
  /** For credit notes: the invoice number they apply to, else null. */
  reference: (string | null)[];
  /** Index into Book.salesReps (the invoice's own rep, else the customer's), -1 when none. */
  salesRep: Int32Array;
  /**
   * Descriptive texts (trimmed, null when blank or when the table has no such column). The
   * reader takes them from the source table only when first asked for: no figure depends on them.
   */
  status: (string | null)[];
  po: (string | null)[];
  description: (string | null)[];
  /**
   * Documents by number, as the reader built it while checking for duplicates; cash
   * application uses it to find the invoices payments and credit notes name. Absent in ledgers
   * made by hand, for which cash application builds it.
   */
  numberIndex?: NumberIndex;
}

/** Documents by number. Indices are positions in the ledger's columns. */
export interface NumberIndex {
  /**
   * Two Int32 per slot, side by side so a probe touches one cache line: the first document with
   * the slot's key + 1 (0 = empty slot), and the key's hash. The slot count is a power of two
   * at least twice the number of documents.
   */
  table: Int32Array;
  /**
   * Partition p owns slots [offsets[p], offsets[p + 1]), a power-of-two count of them; the top
   * `bits` bits of a number's hash choose its partition (0 bits: one partition).
   */
  offsets: Int32Array;
  bits: number;
  /** How many documents the chains can hold (the ledger's length when the index was made). */
  capacity: number;
  /** Next document with the same key, in ledger order, -1 at the end; null while no key repeats. */
  next: Int32Array | null;
  /** Last document of each chain, by the chain's first document; null like `next`. */
  tail: Int32Array | null;
}

/** Cash receipts, one entry per usable source row, in source order. */
export interface PaymentColumns {
  length: number;
  /** As InvoiceColumns.sheet and .sheets. */
  sheet: string;
  sheets?: string[];
  row: Int32Array;
  reference: string[];
  customer: Int32Array;
  currency: Int32Array;
  date: Int32Array;
  /** Minor units, positive for cash received. */
  amount: Float64Array;
  /** Invoice number the payment names, else null. */
  invoiceNumber: (string | null)[];
  /**
   * numberHash of each of `numbers`' invoice numbers (0 where it names none), taken by the reader
   * while it had the text in hand, so cash application does not fetch a million scattered
   * strings again to hash them. Valid only while `numbers` is this ledger's `invoiceNumber`
   * array: a ledger copied with other rows (filtered, reordered) has a new array, and cash
   * application then hashes the numbers itself, as it does for ledgers made by hand.
   */
  invoiceNumberHash?: { numbers: readonly (string | null)[]; hashes: Int32Array };
}

/** Everything reading produced: the ledger plus every problem found on the way. */
export interface Book {
  invoices: InvoiceColumns;
  /** null when the book has no payments table (e.g. an ERP export with an open-amount column). */
  payments: PaymentColumns | null;
  customers: CustomerColumns;
  /** ISO 4217 codes, upper case; indices are used in the Int32Array columns. */
  currencies: string[];
  salesReps: string[];
  /** Which table served which role, with its recognised columns (the first, when several were read together). */
  sources: Partial<Record<Role, TableDetection>>;
  /**
   * Every table read for a role, first the one in `sources`, when more than one was (tables of
   * one role whose columns map the same way, or tables the mapping names together).
   */
  joined?: Partial<Record<Role, TableDetection[]>>;
  /** Rows that could not be used at all (reason "invalid" / "duplicate"). */
  excluded: ExcludedRow[];
  issues: RowIssue[];
  /**
   * Where every row of the ledger tables went: counted + excluded + blank + skipped = rows, so
   * no row is lost without a word. Absent on books built by hand.
   */
  accounting?: TableAccounting[];
}

/** Row accounting of one table read into a Book (ledger tables and the customer table). */
export interface TableAccounting {
  kind: ExcludedRow["kind"] | "customer";
  sheet: string;
  table: string;
  /** Data rows the table handed in (blank rows inside it included). */
  rows: number;
  /** Rows stored in the Book's columns. */
  counted: number;
  /** Rows left out with an error issue (listed in Book.excluded for invoices and payments). */
  excluded: number;
  /** Rows with nothing in them. */
  blank: number;
  /**
   * Rows that are not documents: total rows and section headings, and (customer table) a
   * customer's second row, named with a warning; each with its reason.
   */
  skipped: { row: number; reason: "total" | "heading" | "duplicate" }[];
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

export type DateOrder = "DMY" | "MDY" | "YMD";

export interface ReadOptions {
  lang: Lang;
  /** Order for text dates like 03/04/2026; when null, an ambiguous text date is an issue. */
  dateOrder: DateOrder | null;
  /** The workbook's date system: serials in a 1904 book are shifted by 1462 days on read. */
  dateSystem: 1900 | 1904;
  /** Currency for rows and customers that name none (ISO 4217). */
  defaultCurrency: string;
  mapping?: TableMapping;
}

export type AgingBasis = "due" | "invoice";

export interface AgingOptions {
  /** Excel serial of the as-of date. */
  asOf: number;
  basis: AgingBasis;
  /** Inclusive upper bounds in days, strictly increasing, e.g. [30, 60, 90]. */
  boundaries: number[];
  /** Apply unreferenced cash, credits and excess oldest-due-first (default true). */
  autoApply: boolean;
  lang: Lang;
}

// ---------------------------------------------------------------------------------------------
// SheetModel: one output sheet, described once, rendered by the Office.js and ExcelJS writers
// ---------------------------------------------------------------------------------------------

export type SheetKind =
  | "aging-summary"
  | "aging-detail"
  | "aging-by-rep"
  | "exceptions"
  | "credit"
  | "reconciliation"
  | "gl-tieout"
  | "rollforward"
  | "rep-scorecard"
  | "provision"
  | "statements"
  | "confirmations"
  | "collections"
  | "letters";

/** A value to write. Numbers are final display values (major units, serials for dates). */
export type SheetValue = number | string | boolean | null;

/** A rectangular block of the grid (0-based, relative to A1 of the sheet). */
export interface GridRange {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface SheetColumn {
  /** Width in characters (Excel's column width unit). */
  width: number;
  /** Number format applied to the whole data block of the column (header/title excluded). */
  numberFormat: string;
  /** True when the column holds text from the user's data (written safely, never as a formula). */
  isText: boolean;
}

export interface FormatRange {
  range: GridRange;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** #RRGGBB */
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  horizontalAlignment?: "left" | "center" | "right";
  /** Thin top border (totals rows). */
  borderTop?: boolean;
}

/** A conditional format rule on a bounded range (never whole columns). */
export interface ConditionalHighlight {
  range: GridRange;
  /** Cell-value rule: highlight when the cell's value compares true against `value`. */
  rule:
    | { type: "cellValue"; operator: "greaterThan" | "lessThan" | "equalTo" | "greaterThanOrEqual"; value: number | string }
    | { type: "textEquals"; text: string };
  fill: string;
  fontColor?: string;
}

export interface ChartModel {
  type: "columnClustered" | "columnStacked";
  title: string;
  /** Data block including its header row (series names) and first column (categories). */
  source: GridRange;
  seriesBy: "rows" | "columns";
  /** Where to put the chart's top-left corner. */
  anchor: { row: number; col: number };
}

/**
 * A whole output sheet as a grid plus formatting metadata. Writers put `cells` at A1 and apply
 * the rest; they compute nothing.
 */
export interface SheetModel {
  kind: SheetKind;
  /** Sheet name, localised, ≤ 31 characters and free of []:*?/\ . */
  name: string;
  /** Every cell from A1, rows of equal length (title rows padded with null). */
  cells: SheetValue[][];
  /** Row index (0-based) of the column header row. */
  headerRow: number;
  /** Data rows [dataStart, dataEnd) between the header and the totals. */
  dataStart: number;
  dataEnd: number;
  /** Totals rows [dataEnd, totalsEnd) (per currency), possibly empty. */
  totalsEnd: number;
  columns: SheetColumn[];
  formats: FormatRange[];
  highlights: ConditionalHighlight[];
  charts: ChartModel[];
  /** Rows and columns to freeze (e.g. everything through the header row). */
  freeze: { rows: number; cols: number };
  /** Put an autofilter / table on header + data rows. */
  filter: boolean;
  /**
   * The month the sheet reports on, "YYYY-MM" of its as-of date, when it has one (the aging,
   * credit and tie-out sheets do; a reconciliation compares tables as they are and has none).
   * Front ends tag the owned sheet with it instead of recomputing it.
   */
  period?: string;
  /** How the sheet prints (statements, confirmations); absent = Excel's defaults. */
  page?: PageLayout;
}

/**
 * Print layout of a sheet: paper, orientation, scaling, repeated title rows, footer and manual
 * page breaks, so a sheet of many customers prints one customer per page.
 */
export interface PageLayout {
  orientation: "portrait" | "landscape";
  paper: "A4" | "Letter";
  /** Scale to one page wide (as many pages tall as needed, manual breaks kept). */
  fitToWidth: boolean;
  /** Rows [first, last] (0-based, inclusive) printed at the top of every page; null for none. */
  printTitleRows: { first: number; last: number } | null;
  /** Centre footer in Excel's header/footer codes, e.g. "Page &P of &N". */
  footer: string | null;
  /** 0-based rows that start a new page (a break above each). */
  rowBreaks: number[];
}
