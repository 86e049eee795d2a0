/**
 * Storage for the engine's typed-array columns (ledger columns, allocation and aging results,
 * the number index): `new Int32Array(n)` and friends, except that a large column is placed on
 * a SharedArrayBuffer where the runtime has one.
 *
 * Why: V8 counts every ArrayBuffer's bytes as "external memory", and once a run has allocated
 * 64 MB of them since the last full collection it starts a full mark of the whole heap. A large
 * run's columns are all live results, so that collection frees nothing; but it has to mark the
 * caller's heap, which at that size is mostly the input rows themselves. Shared buffers are not
 * counted by that heuristic, so columns on them start no collection. They are ordinary memory
 * otherwise: a column is freed with its typed array, it reads and writes at the same speed, and
 * nothing here shares it with another thread. `npm run bench -- engine` measures the effect: its
 * 1M-invoice book runs once on shared and once on plain columns, with the collector's pauses.
 *
 * Where there is no SharedArrayBuffer (a browser page that is not cross-origin isolated, such
 * as an Office task pane) columns use plain ArrayBuffers and behave exactly as before. Small
 * columns always do: they cannot add up to the 64 MB that matters.
 *
 * The cost: memory the collector does not count is memory it does not hurry to reclaim, so a
 * long-lived process that ages many large books in a row holds the dead columns of earlier
 * runs until its next full collection, which its ordinary allocation triggers.
 */

/** Columns of at least this many bytes go on a shared buffer when one is available. */
export const SHARED_COLUMN_MIN_BYTES = 1 << 18;

/** A zeroed buffer of `bytes`: shared when large and available, else a plain ArrayBuffer. */
function columnBuffer(bytes: number): ArrayBufferLike {
  // Checked on each call, not once at load, so a host can withhold SharedArrayBuffer at any time.
  if (bytes >= SHARED_COLUMN_MIN_BYTES && typeof SharedArrayBuffer === "function") return new SharedArrayBuffer(bytes);
  return new ArrayBuffer(bytes);
}

/**
 * A zeroed Int32 column of `length` entries.
 *
 * @example
 * int32Column(3) // Int32Array [0, 0, 0]
 */
export function int32Column(length: number): Int32Array {
  return new Int32Array(columnBuffer(length * 4));
}

/**
 * A zeroed Float64 column of `length` entries (money in minor units, which Int32 cannot hold).
 *
 * @example
 * float64Column(2) // Float64Array [0, 0]
 */
export function float64Column(length: number): Float64Array {
  return new Float64Array(columnBuffer(length * 8));
}

/**
 * A zeroed Uint8 column of `length` entries (flags).
 *
 * @example
 * uint8Column(2) // Uint8Array [0, 0]
 */
export function uint8Column(length: number): Uint8Array {
  return new Uint8Array(columnBuffer(length));
}

/**
 * The sheet of document `k` of a ledger's columns: its own when tables on several sheets were
 * read together, else the ledger's.
 *
 * @example
 * documentSheet({ sheet: "Invoices Jan", sheets: ["Invoices Jan", "Invoices Feb"] }, 1) // "Invoices Feb"
 * documentSheet({ sheet: "Invoices" }, 7)                                             // "Invoices"
 */
export function documentSheet(columns: { sheet: string; sheets?: readonly string[] }, k: number): string {
  return columns.sheets?.[k] ?? columns.sheet;
}

/** A typed-array column. */
type TypedColumn = Int32Array | Float64Array | Uint8Array;

/** The names of C's fields whose values are of type V. */
type FieldsOf<C, V> = { [K in keyof C]-?: C[K] extends V ? K : never }[keyof C];

/**
 * Int32 columns of several ledgers one after the other, `length` entries in all; null when any
 * part lacks its column (a ledger made by hand), so callers fall back to computing it.
 *
 * @example
 * concatInt32([Int32Array.of(7, 8), Int32Array.of(9)], 3)   // Int32Array [7, 8, 9]
 * concatInt32([Int32Array.of(7, 8), undefined], 3)          // null
 */
export function concatInt32(columns: readonly (Int32Array | null | undefined)[], length: number): Int32Array | null {
  if (columns.some((column) => column === null || column === undefined)) return null;
  const joined = int32Column(length);
  let at = 0;
  for (const column of columns as readonly Int32Array[]) {
    joined.set(column, at);
    at += column.length;
  }
  return joined;
}

/**
 * Ledgers read from several tables, one after the other in a single ledger: each typed column
 * copied into `joined`'s (allocated at the total length), each text column appended, and each
 * document given its own table's sheet (`joined.sheets`).
 *
 * @example
 * const joined = { length: 3, sheet: "Jan", sheets: [], row: int32Column(3), number: [] };
 * concatLedgers([{ length: 2, sheet: "Jan", row: Int32Array.of(2, 3), number: ["A", "B"] },
 *                { length: 1, sheet: "Feb", row: Int32Array.of(2), number: ["C"] }], joined, ["row"], ["number"]);
 * joined.sheets // ["Jan", "Jan", "Feb"]; joined.row // [2, 3, 2]
 */
export function concatLedgers<C extends { length: number; sheet: string; sheets?: string[] }>(
  parts: readonly C[],
  joined: C & { sheets: string[] },
  typed: readonly FieldsOf<C, TypedColumn>[],
  texts: readonly FieldsOf<C, readonly (string | null)[]>[],
): C {
  let at = 0;
  for (const part of parts) {
    for (const field of typed) (joined[field] as TypedColumn).set(part[field] as TypedColumn, at);
    for (const field of texts) {
      const from = part[field] as readonly (string | null)[];
      const to = joined[field] as (string | null)[];
      for (let k = 0; k < part.length; k++) to.push(from[k] ?? null);
    }
    for (let k = 0; k < part.length; k++) joined.sheets.push(part.sheet);
    at += part.length;
  }
  return joined;
}
