import { bucketTotals } from "../../../src/engine/functions/agingTotals";
import { bucketIndex } from "../../../src/engine/aging";

describe("bucketTotals", () => {
  it.each([
    ["due", [30, 60, 90], [-5, 0, 1, 30, 31, 91], [3, 12, 16, 0, 32]],
    ["invoice", [30, 60, 90], [-5, 0, 1, 30, 31, 91], [15, 16, 0, 32]],
    ["due", [200000], [0, 199999, 200000, 200001], [1, 6, 8]],
  ] as const)("%s basis, boundaries %j", (basis, boundaries, ages, expected) => {
    const amounts = [1, 2, 4, 8, 16, 32].slice(0, ages.length);
    expect(bucketTotals(ages, amounts, basis, boundaries)).toEqual(expected);
  });

  it("agrees with bucketIndex for every age around the boundaries", () => {
    const boundaries = [30, 60, 90, 120];
    for (let days = -3; days <= 125; days++) {
      const totals = bucketTotals([days], [1], "due", boundaries);
      expect(totals.indexOf(1)).toBe(bucketIndex(days, "due", boundaries));
    }
  });
});
