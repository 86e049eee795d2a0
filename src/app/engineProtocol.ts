/**
 * The messages between the task pane and its engine worker (src/taskpane/worker), as pure
 * functions so they are tested without a Worker (jsdom has none).
 *
 * Pane → worker: `begin` (options and each table without its rows), `rows` slices, `run`.
 * The rows are plain arrays of cell values, which cannot be transferred, only copied; copying is
 * done by the sender's thread, so they go in slices (about {@link DEFAULT_SLICE_CELLS} cells each)
 * with a turn of the pane's event loop between them: the pane never stops for the whole table.
 *
 * Worker → pane: `progress`, then `done` with the Book and the AgingReport, or `failed`. The
 * result's typed-array columns (ledger, allocation, open items, number index) are transferred:
 * their buffers move to the pane without a copy. Two things are left out and put back on the
 * pane's side, because the pane already holds them: each source's TableData (the detection names
 * its table by position), and the invoices' descriptive columns (status, PO, description), which
 * the reader takes from that table when first asked for.
 */
import type { AgingReport } from "../engine/aging";
import { withDescriptiveTexts } from "../engine/read/invoices";
import { columnOf } from "../engine/read/state";
import type { AgingOptions, Book, CellValue, InvoiceColumns, ReadOptions, Role, TableData, TableDetection } from "../engine/types";
import type { AgingEngineInput, AgingEngineOutput } from "./agingEngine";
import type { PortProgress } from "./port";

/** Cells per `rows` message: large enough that messages are few, small enough that copying one is a short task. */
export const DEFAULT_SLICE_CELLS = 20_000;

/** A table announced in `begin`: everything but its rows, and how many rows will follow. */
export type TableShell = Omit<TableData, "rows"> & { rowCount: number };

/** Messages from the pane to the worker. */
export type EngineRequest =
  | { type: "begin"; job: number; read: ReadOptions; aging: AgingOptions; tables: TableShell[] }
  | { type: "rows"; job: number; table: number; rows: CellValue[][] }
  | { type: "run"; job: number };

/** A detection as sent back: its table by position in the job's tables. */
export type WireDetection = Omit<TableDetection, "table"> & { table: number };

type DescriptiveColumn = "status" | "po" | "description";
const DESCRIPTIVE_COLUMNS: readonly DescriptiveColumn[] = ["status", "po", "description"];

/** Invoice columns as sent back: descriptive columns still to be read from the table are absent. */
export type WireInvoices = Omit<InvoiceColumns, DescriptiveColumn> & Partial<Pick<InvoiceColumns, DescriptiveColumn>>;

/** A Book as sent back. */
export type WireBook = Omit<Book, "sources" | "joined" | "invoices"> & {
  sources: Partial<Record<Role, WireDetection>>;
  joined?: Partial<Record<Role, WireDetection[]>>;
  invoices: WireInvoices;
};

/** The worker's result. `report.book` is `book` (one message keeps shared objects shared). */
export interface WireOutput {
  book: WireBook;
  report: (Omit<AgingReport, "book"> & { book: WireBook }) | null;
}

/** Messages from the worker to the pane. */
export type EngineReply =
  | { type: "progress"; job: number; progress: PortProgress }
  | { type: "done"; job: number; output: WireOutput }
  | { type: "failed"; job: number; name: string; message: string };

/**
 * The messages that hand one computation to the worker: `begin`, the rows in slices of about
 * `sliceCells` cells (at least one row each), `run`.
 *
 * @example
 * [...requestMessages(1, input)].map((m) => m.type) // ["begin", "rows", …, "run"]
 */
export function* requestMessages(job: number, input: AgingEngineInput, sliceCells = DEFAULT_SLICE_CELLS): Generator<EngineRequest> {
  const tables = input.tables.map(({ rows, ...shell }) => ({ ...shell, rowCount: rows.length }));
  yield { type: "begin", job, read: input.read, aging: input.aging, tables };
  for (let table = 0; table < input.tables.length; table++) {
    const { rows, header } = input.tables[table]!;
    const width = Math.max(1, header.length, rows[0]?.length ?? 0);
    const step = Math.max(1, Math.floor(sliceCells / width));
    for (let start = 0; start < rows.length; start += step) yield { type: "rows", job, table, rows: rows.slice(start, start + step) };
  }
  yield { type: "run", job };
}

/** A job whose tables are still arriving. */
export interface PendingJob {
  read: ReadOptions;
  aging: AgingOptions;
  tables: TableData[];
  rowCounts: number[];
}

/**
 * The worker's side of {@link requestMessages}: collects a job's tables in `jobs` and returns the
 * job's input when its `run` arrives (null before). Throws when the messages do not add up (a
 * slice for an unknown job or table, rows missing at `run`): a protocol error, never bad data.
 *
 * @example
 * const jobs = new Map();
 * let input = null;
 * for (const m of requestMessages(1, original)) input = receiveRequest(jobs, m) ?? input;
 * input.tables[0].rows.length === original.tables[0].rows.length // true
 */
export function receiveRequest(jobs: Map<number, PendingJob>, message: EngineRequest): AgingEngineInput | null {
  if (message.type === "begin") {
    const tables = message.tables.map(({ rowCount: _rowCount, ...shell }) => ({ ...shell, rows: [] as CellValue[][] }));
    jobs.set(message.job, { read: message.read, aging: message.aging, tables, rowCounts: message.tables.map((t) => t.rowCount) });
    return null;
  }
  const pending = jobs.get(message.job);
  if (!pending) throw new Error(`Engine worker: job ${message.job} was never begun`);
  if (message.type === "rows") {
    const table = pending.tables[message.table];
    if (!table) throw new Error(`Engine worker: job ${message.job} has no table ${message.table}`);
    for (const row of message.rows) table.rows.push(row);
    return null;
  }
  jobs.delete(message.job);
  pending.tables.forEach((table, k) => {
    if (table.rows.length !== pending.rowCounts[k])
      throw new Error(`Engine worker: table ${k} of job ${message.job} has ${table.rows.length} of ${pending.rowCounts[k]} rows`);
  });
  return { tables: pending.tables, read: pending.read, aging: pending.aging };
}

/**
 * The worker's result as a message, and the buffers to transfer with it. `tables` are the job's
 * tables (the ones the book was read from). After posting with the transfer list, the worker's
 * columns are detached: the output must not be used there again.
 *
 * @example
 * const { output, transfer } = encodeOutput(ageTables(input), input.tables);
 * postMessage({ type: "done", job, output }, transfer);
 */
export function encodeOutput(result: AgingEngineOutput, tables: readonly TableData[]): { output: WireOutput; transfer: ArrayBuffer[] } {
  const { book, report } = result;
  const toWire = (role: Role, detection: TableDetection): WireDetection => {
    const table = tables.indexOf(detection.table);
    // Every source is one of the job's tables; anything else would have to travel whole.
    if (table < 0) throw new Error(`Engine worker: the ${role} source is not one of the job's tables`);
    return { ...detection, table };
  };
  const sources: Partial<Record<Role, WireDetection>> = {};
  for (const [role, detection] of Object.entries(book.sources) as [Role, TableDetection][]) sources[role] = toWire(role, detection);
  const { joined: _joined, ...rest } = book;
  const wireBook: WireBook = { ...rest, sources, invoices: dataColumns(book.invoices) };
  if (book.joined) {
    const joined: Partial<Record<Role, WireDetection[]>> = {};
    for (const [role, detections] of Object.entries(book.joined) as [Role, TableDetection[]][])
      joined[role] = detections.map((detection) => toWire(role, detection));
    wireBook.joined = joined;
  }
  const output: WireOutput = { book: wireBook, report: report ? { ...report, book: wireBook } : null };
  const buffers = new Set<ArrayBuffer>();
  collectBuffers(output, buffers, new Set());
  return { output, transfer: [...buffers] };
}

/**
 * The pane's side of {@link encodeOutput}: the Book and AgingReport, with each source's table
 * and the invoices' descriptive columns taken from `tables` (the tables the pane sent).
 *
 * @example
 * const { book, report } = decodeOutput(reply.output, input.tables);
 */
export function decodeOutput(output: WireOutput, tables: readonly TableData[]): AgingEngineOutput {
  const fromWire = (role: Role, detection: WireDetection): TableDetection => {
    const table = tables[detection.table];
    if (!table) throw new Error(`Engine worker: the ${role} source names table ${detection.table}, which was not sent`);
    return { ...detection, table };
  };
  const sources: Partial<Record<Role, TableDetection>> = {};
  for (const [role, detection] of Object.entries(output.book.sources) as [Role, WireDetection][]) sources[role] = fromWire(role, detection);
  const { joined: wireJoined, ...rest } = output.book;
  let joined: Partial<Record<Role, TableDetection[]>> | undefined;
  if (wireJoined) {
    joined = {};
    for (const [role, detections] of Object.entries(wireJoined) as [Role, WireDetection[]][])
      joined[role] = detections.map((detection) => fromWire(role, detection));
  }
  const invoiceSources = joined?.invoices ?? (sources.invoices ? [sources.invoices] : []);
  const invoices = withDescriptiveColumns(output.book.invoices, invoiceSources);
  const book: Book = { ...rest, sources, invoices, ...(joined ? { joined } : {}) };
  return { book, report: output.report ? { ...output.report, book } : null };
}

/** The invoice columns that hold data; accessors (columns read from the table on demand) are left out unread. */
function dataColumns(invoices: InvoiceColumns): WireInvoices {
  const out: Record<string, unknown> = {};
  const descriptors = Object.getOwnPropertyDescriptors(invoices);
  for (const key of Object.keys(descriptors)) {
    const descriptor = descriptors[key]!;
    if (!descriptor.get) out[key] = descriptor.value;
  }
  return out as unknown as WireInvoices;
}

/** Invoice columns with the descriptive columns that were left out read again, on demand, from the source table. */
function withDescriptiveColumns(invoices: WireInvoices, sources: readonly TableDetection[]): InvoiceColumns {
  const missing = DESCRIPTIVE_COLUMNS.filter((column) => invoices[column] === undefined);
  if (missing.length === 0) return invoices as InvoiceColumns;
  if (sources.length === 0) {
    // No table to read them from: a ledger without an invoice source has no such texts.
    const blank = Object.fromEntries(missing.map((column) => [column, new Array<string | null>(invoices.length).fill(null)]));
    return { ...invoices, ...blank } as InvoiceColumns;
  }
  const textColumns = (source: TableDetection) =>
    Object.fromEntries(DESCRIPTIVE_COLUMNS.map((column) => [column, columnOf(source, column)])) as Record<DescriptiveColumn, number>;
  return withDescriptiveTexts(
    invoices as InvoiceColumns,
    sources.map((source) => ({ table: source.table, text: textColumns(source) })),
  );
}

/** Adds the ArrayBuffer under every typed array reachable from `value` (shared buffers are shared, not transferred). */
function collectBuffers(value: unknown, buffers: Set<ArrayBuffer>, seen: Set<object>): void {
  if (typeof value !== "object" || value === null) return;
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && value.buffer.byteLength > 0) buffers.add(value.buffer);
    return;
  }
  if (seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === "object" && item !== null) collectBuffers(item, buffers, seen);
    return;
  }
  // Maps hold names and indices (Book.customers.index), never columns.
  if (value instanceof Map || value instanceof Set) return;
  for (const key of Object.keys(value)) collectBuffers((value as Record<string, unknown>)[key], buffers, seen);
}
