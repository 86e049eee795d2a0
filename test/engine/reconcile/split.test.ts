import { findSplit } from "../../../src/engine/reconcile";

describe("findSplit", () => {
  it.each<[string, number, number[], number, number[] | null]>([
    ["two parts", 300, [50, 100, 200, 7], 3, [2, 1]],
    ["three parts", 600, [100, 200, 300, 1], 3, [2, 1, 0]],
    ["three parts are not found when two is the limit", 600, [100, 200, 300], 2, null],
    ["the sum must be exact", 300, [100, 199], 3, null],
    ["one equal candidate is not a split", 300, [300], 3, null],
    ["negative amounts (credits) split into negative parts", -300, [-100, -200, 100], 3, [1, 0]],
    ["parts of the other sign are never used", 100, [150, -50], 3, null],
    ["zero amounts are never parts", 100, [100, 0], 3, null],
    ["the largest parts win when several subsets fit", 10, [5, 5, 9, 1], 3, [2, 3]],
  ])("%s", (_name, target, candidates, maxParts, parts) => {
    expect(findSplit(target, candidates, maxParts, 10000).parts).toEqual(parts);
  });

  it("gives up after maxSteps subsets", () => {
    const candidates = Array.from({ length: 40 }, (_, i) => 1000 + i * 7);
    const unreachable = 1;
    expect(findSplit(unreachable + 3 * 1000, candidates, 3, 10_000).steps).toBeLessThanOrEqual(10_000);
    const search = findSplit(999_999, [...candidates, 1, 2], 3, 50);
    expect(search.parts).toBeNull();
    expect(search.steps).toBeLessThanOrEqual(51);
  });

  it("finds every split it is allowed to", () => {
    // Every pair and triple of distinct powers of two has a unique sum, so each must be found as itself.
    const candidates = [1, 2, 4, 8, 16, 32, 64];
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const target = (candidates[i] ?? 0) + (candidates[j] ?? 0);
        expect(findSplit(target, candidates, 2, 10000).parts?.sort()).toEqual([i, j]);
      }
    }
  });
});
