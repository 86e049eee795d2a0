/**
 * Sorting helpers of cash application: stable counting sorts over typed arrays (no per-row
 * objects), and one deterministic text order.
 *
 * Typed-array reads use `!`: every index comes from a loop bound, which `noUncheckedIndexedAccess`
 * cannot see.
 */
import { int32Column } from "../columns";

/** Indices where `flags` is non-zero, ascending. */
export function indicesWhere(flags: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i]) count++;
  const out = int32Column(count);
  for (let i = 0, k = 0; i < flags.length; i++) if (flags[i]) out[k++] = i;
  return out;
}

/**
 * Stable sort of `indices` by `key[index]`: a counting sort when the key range is small
 * (dates, account numbers), else a comparison sort that keeps input order on ties.
 */
export function stableSortByKey(indices: Int32Array, key: Int32Array): Int32Array {
  const n = indices.length;
  if (n < 2) return indices.slice();
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = key[indices[k]!]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo + 1;
  if (range > 4 * n + 65536) {
    const position = int32Column(key.length);
    for (let k = 0; k < n; k++) position[indices[k]!] = k;
    return indices.slice().sort((a, b) => key[a]! - key[b]! || position[a]! - position[b]!);
  }
  const counts = int32Column(range + 1);
  for (let k = 0; k < n; k++) {
    const slot = key[indices[k]!]! - lo + 1;
    counts[slot] = counts[slot]! + 1;
  }
  for (let v = 0; v < range; v++) counts[v + 1] = counts[v + 1]! + counts[v]!;
  const out = int32Column(n);
  for (let k = 0; k < n; k++) {
    const index = indices[k]!;
    const slot = key[index]! - lo;
    const at = counts[slot]!;
    out[at] = index;
    counts[slot] = at + 1;
  }
  return out;
}

/** Sorts by a date key, ties by sheet row (then position), independent of source order. */
export function sortByKeyThenRow(indices: Int32Array, key: Int32Array, row: Int32Array): Int32Array {
  let rowsAscending = true;
  for (let k = 1; k < indices.length && rowsAscending; k++) rowsAscending = row[indices[k]!]! >= row[indices[k - 1]!]!;
  // Source order is row order in every real table, so a stable sort by date is enough.
  if (rowsAscending) return stableSortByKey(indices, key);
  return indices.slice().sort((a, b) => key[a]! - key[b]! || row[a]! - row[b]! || a - b);
}

/** Code-unit order: deterministic on every platform, unlike locale collation. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
