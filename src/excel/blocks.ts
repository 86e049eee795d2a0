/**
 * Request sizing. Excel on the web rejects a request or response over 5 MB and a read of more
 * than 5,000,000 cells can come back null, so every bulk transfer is cut into blocks whose
 * estimated JSON size stays under a budget well below those limits.
 */

/** The ceiling no single request may reach (Excel on the web fails at 5 MB). */
export const MAX_REQUEST_BYTES = 4_000_000;
/**
 * Bytes of cell data one round trip may carry. The rest of {@link MAX_REQUEST_BYTES} is
 * headroom for the addresses, formats and bookkeeping that travel in the same batch.
 */
export const BLOCK_BUDGET_BYTES = 3_000_000;
/** Cells one read may cover (Excel's limit is 5,000,000; stay clearly below). */
export const MAX_READ_CELLS = 2_000_000;
/** First write block, per PLATFORM guidance (5k–20k rows), before the estimate adjusts it. */
export const INITIAL_BLOCK_ROWS = 10_000;
/** Largest write block: keeps each round trip short enough for progress and cancel. */
export const MAX_BLOCK_ROWS = 20_000;

/**
 * Estimated UTF-8 size of `value` as JSON. Non-ASCII code units count 3 bytes (CJK text is 3
 * bytes in UTF-8; a surrogate pair counts 6 for 4), so the estimate never undercounts.
 *
 * @example
 * jsonBytes([["a", 1]]); // 9
 * jsonBytes("应收"); // 8
 */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    if (json.charCodeAt(i) > 0x7f) bytes += 2;
  }
  return bytes;
}

/** A run of rows [start, start + count) and the estimated JSON bytes of their values. */
export interface RowBlock {
  start: number;
  count: number;
  bytes: number;
}

/**
 * Cuts rows [from, to) into blocks of at most `budget` estimated bytes, yielding each block as
 * soon as it is measured (so a caller can give the event loop a turn between blocks of a very
 * large sheet). `rowsToJson(start, count)` returns what would be sent for those rows. Starts at
 * {@link INITIAL_BLOCK_ROWS}, shrinks a block that is over budget, and sizes the next block from
 * the bytes per row just measured (never above {@link MAX_BLOCK_ROWS}). A single row over
 * budget still forms a block.
 *
 * @example
 * for (const block of rowBlocks(0, rows.length, (s, n) => rows.slice(s, s + n))) send(block);
 */
export function* rowBlocks(
  from: number,
  to: number,
  rowsToJson: (start: number, count: number) => unknown,
  budget = BLOCK_BUDGET_BYTES,
): Generator<RowBlock, void, undefined> {
  let size = INITIAL_BLOCK_ROWS;
  let start = from;
  while (start < to) {
    let count = Math.min(size, to - start);
    let bytes = jsonBytes(rowsToJson(start, count));
    while (bytes > budget && count > 1) {
      // Aim 10% under the budget so that one re-measure usually suffices.
      count = Math.max(1, Math.min(count - 1, Math.floor((count * budget * 0.9) / bytes)));
      bytes = jsonBytes(rowsToJson(start, count));
    }
    yield { start, count, bytes };
    const perRow = bytes / count;
    size = Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor((budget * 0.9) / Math.max(perRow, 1))));
    start += count;
  }
}

/**
 * All of {@link rowBlocks} at once.
 *
 * @example
 * planRowBlocks(0, 100_000, (s, n) => rows.slice(s, s + n)).length;
 */
export function planRowBlocks(
  from: number,
  to: number,
  rowsToJson: (start: number, count: number) => unknown,
  budget = BLOCK_BUDGET_BYTES,
): RowBlock[] {
  return [...rowBlocks(from, to, rowsToJson, budget)];
}
