/**
 * The bounded subset-sum search behind "Split": which few rows of one customer add up to one
 * row on the other side.
 */

/** Result of one search: indexes into the candidate list, or null, and the subsets tried. */
export interface SplitSearch {
  parts: number[] | null;
  steps: number;
}

/**
 * Finds 2 to `maxParts` candidates whose amounts add up exactly to `target` (minor units).
 * Only candidates of the target's sign, non-zero and smaller in size than the target can be
 * parts, so the search runs on sizes sorted largest first and stops a branch as soon as the
 * parts left cannot reach the rest. It gives up after `maxSteps` subsets tried. When several
 * subsets fit, the one with the largest parts (in that order) wins: deterministic, and the
 * likeliest to be a real split rather than a coincidence of small amounts.
 *
 * The sum must be exact. A search that accepted near sums would mostly find coincidences.
 *
 * @example
 * findSplit(300, [50, 100, 200, 7], 3, 1000).parts // [2, 1] (200 + 100)
 * findSplit(300, [100, 100, 100], 2, 1000).parts   // null (needs 3 parts)
 */
export function findSplit(target: number, candidates: ArrayLike<number>, maxParts: number, maxSteps: number): SplitSearch {
  const sign = target < 0 ? -1 : 1;
  const goal = target * sign;
  const order: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const size = (candidates[i] ?? 0) * sign;
    if (size > 0 && size < goal) order.push(i);
  }
  // Largest first; equal sizes keep source order so the result does not depend on the sort.
  order.sort((x, y) => (candidates[y] ?? 0) * sign - (candidates[x] ?? 0) * sign || x - y);
  const sizes = order.map((i) => (candidates[i] ?? 0) * sign);
  const chosen: number[] = [];
  let steps = 0;

  const search = (start: number, rest: number): boolean => {
    const slots = maxParts - chosen.length;
    for (let k = start; k < sizes.length; k++) {
      const size = sizes[k] ?? 0;
      if (size > rest) continue;
      // Sizes only shrink from here: if `slots` copies of this one cannot reach `rest`, nothing can.
      if (size * slots < rest) return false;
      if (++steps > maxSteps) return false;
      if (size === rest) {
        if (chosen.length >= 1) {
          chosen.push(k);
          return true;
        }
        continue;
      }
      if (slots > 1) {
        chosen.push(k);
        if (search(k + 1, rest - size)) return true;
        chosen.pop();
      }
      if (steps > maxSteps) return false;
    }
    return false;
  };

  const found = maxParts >= 2 && search(0, goal);
  return { parts: found ? chosen.map((k) => order[k] ?? -1) : null, steps };
}
