/**
 * Counts `context.sync()` round trips, so every operation can report (and tests can assert)
 * exactly how many it made.
 */
import type { ExcelRun } from "./types";

/**
 * Wraps a request context's `sync` with a counter.
 *
 * @example
 * const trips = new RoundTrips(context);
 * sheet.load("name");
 * await trips.sync();
 * trips.count; // 1
 */
export class RoundTrips {
  count = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  async sync(): Promise<void> {
    this.count++;
    await this.context.sync();
  }
}

/**
 * Calls `run` with run options only when there are any, because `Excel.run(undefined, batch)`
 * is not one of its overloads.
 *
 * @example
 * await runBatch(run, { delayForCellEdit: true }, async (context) => { ... });
 */
export function runBatch<T>(
  run: ExcelRun,
  options: Excel.RunOptions | undefined,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  return options ? run(options, batch) : run(batch);
}
