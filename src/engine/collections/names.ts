/**
 * The order of customer names (code-unit order, as the worklist's and the warnings' tie-breaks
 * compare them) as numbers, so 100k customers are ranked without comparing their names again.
 */
import type { AgingReport } from "../aging";
import { customerRankOf, type Allocation } from "../allocation";

/** Per allocation: the positions found, or null when the names must be compared. */
const known = new WeakMap<Allocation, Int32Array | null>();

/**
 * Each customer's position by name in code-unit order (-1 for a customer without an account),
 * from the order the aging's allocation sorted its customers in (name ignoring case, then name):
 * the same order when each name precedes the next one by code unit too, which is checked name by
 * name. Null when it does not (names whose case reorders them, "bravo" after "Cato") or the
 * allocation did not sort names: the caller then compares names. Worked out once per aging.
 *
 * @example
 * customerNameOrder(aging)?.[0] // position of the book's first customer among the names
 */
export function customerNameOrder(aging: AgingReport): Int32Array | null {
  const cached = known.get(aging.allocation);
  if (cached !== undefined) return cached;
  const position = nameOrder(aging);
  known.set(aging.allocation, position);
  return position;
}

function nameOrder(aging: AgingReport): Int32Array | null {
  const rank = customerRankOf(aging.allocation);
  if (!rank) return null;
  const names = aging.book.customers.name;
  const { customer, length } = aging.allocation.accounts;
  const position = new Int32Array(names.length).fill(-1);
  const atRank = new Int32Array(names.length).fill(-1);
  let count = 0;
  for (let a = 0; a < length; a++) {
    const c = customer[a]!;
    if (position[c] !== -1) continue;
    position[c] = rank[c]!;
    atRank[rank[c]!] = c;
    count++;
  }
  for (let r = 1; r < count; r++) {
    const before = atRank[r - 1]!;
    const after = atRank[r]!;
    if (before < 0 || after < 0 || !(names[before]! < names[after]!)) return null;
  }
  return position;
}
