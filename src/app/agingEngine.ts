/**
 * Where the aging's computation runs: the injected engine of {@link computeAging}.
 *
 * Reading the tables into a columnar Book and aging it (cash application, buckets, totals) is
 * the only CPU-heavy part of an aging; everything around it (Office.js reads and writes) must stay
 * on the thread that owns the workbook. The task pane hands the computation to a Web Worker so
 * its UI keeps answering (src/taskpane/worker); the CLI, the ribbon and every test compute in
 * process with {@link inProcessAgingEngine}. Both run {@link ageTables}, so their figures are
 * the same by construction — and the worker's tests check it.
 */
import { ageBook, type AgingReport } from "../engine/aging";
import { readBook } from "../engine/read";
import type { AgingOptions, Book, ReadOptions, TableData } from "../engine/types";
import { throwIfAborted } from "./cancel";
import type { PortProgressListener } from "./port";

/** What one aging computation needs: the tables as read, and the read and aging options. */
export interface AgingEngineInput {
  tables: readonly TableData[];
  read: ReadOptions;
  aging: AgingOptions;
}

/** What it produces. `report` is null when the book has no invoice table (nothing to age). */
export interface AgingEngineOutput {
  book: Book;
  report: AgingReport | null;
}

/** Options of one computation. */
export interface AgingEngineRunOptions {
  signal?: AbortSignal;
  /** Told `{ stage: "compute", done, total: 3 }` as reading and aging finish. */
  onProgress?: PortProgressListener;
}

/**
 * Computes an aging from tables. Rejects with CancelledError when `signal` is aborted; an
 * engine that runs elsewhere stops that work too.
 */
export interface AgingEngine {
  age(input: AgingEngineInput, options?: AgingEngineRunOptions): Promise<AgingEngineOutput>;
}

/** Progress steps of one computation: started, book read, book aged (the sheets are the caller's third). */
export const COMPUTE_STEPS = 3;

/**
 * The computation itself, synchronous: readBook, then ageBook when there is an invoice table.
 * Every engine runs this one function.
 *
 * @example
 * const { report } = ageTables({ tables, read: { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" },
 *   aging: { asOf: 46326, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" } });
 * report?.totals[0]?.open // minor units
 */
export function ageTables(input: AgingEngineInput, onProgress?: PortProgressListener): AgingEngineOutput {
  onProgress?.({ stage: "compute", done: 0, total: COMPUTE_STEPS });
  const book = readBook([...input.tables], input.read);
  if (!book.sources.invoices) return { book, report: null };
  onProgress?.({ stage: "compute", done: 1, total: COMPUTE_STEPS });
  const report = ageBook(book, input.aging);
  onProgress?.({ stage: "compute", done: 2, total: COMPUTE_STEPS });
  return { book, report };
}

/**
 * Computes on the caller's thread: the CLI's and the tests' engine, and the task pane's when no
 * worker can be created.
 *
 * @example
 * const aging = await computeAging(port, request, { engine: inProcessAgingEngine });
 */
export const inProcessAgingEngine: AgingEngine = {
  age(input, options = {}) {
    try {
      throwIfAborted(options.signal);
      return Promise.resolve(ageTables(input, options.onProgress));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};
