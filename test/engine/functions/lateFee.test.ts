import fc from "fast-check";
import { lateFee } from "../../../src/engine/functions/lateFee";

describe("lateFee: amount × rate × days / 365 + fee, in minor units", () => {
  it.each([
    [100000, 30, 0.18, 0, 1479],
    [100000, 30, 0.18, 2500, 3979],
    [100000, 0, 0.18, 2500, 0],
    [100000, -3, 0.18, 2500, 0],
    [-100000, 30, 0.18, 2500, 0],
    [36500, 1, 0.05, 0, 5],
    [36500, 1, 0.01, 0, 1], // 0.5 cents rounds up
    [123456, 365, 0.1, 0, 12346],
  ])("amount %i, %i days, rate %f, fee %i → %i", (amount, days, rate, fee, expected) => {
    expect(lateFee(amount, days, rate, fee)).toBe(expected);
  });

  it("is NaN for a negative rate or an unsafe amount", () => {
    expect(lateFee(100, 1, -0.1)).toBeNaN();
    expect(lateFee(2 ** 60, 1, 0.1)).toBeNaN();
  });

  it("matches the decimal formula to within half a cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e10 }),
        fc.integer({ min: 1, max: 3650 }),
        fc.integer({ min: 0, max: 10000 }),
        (amount, days, bp) => {
          const rate = bp / 10000;
          expect(Math.abs(lateFee(amount, days, rate) - (amount * rate * days) / 365)).toBeLessThanOrEqual(0.5 + 1e-6);
        },
      ),
    );
  });
});
