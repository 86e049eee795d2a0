import { bestPossibleDso, cei, dso } from "../../../src/engine/functions/kpi";

describe("collection KPIs", () => {
  it.each([
    ["DSO", dso(12_000_000, 36_000_000, 90), 30],
    ["DSO without sales", dso(1, 0, 90), null],
    ["best possible DSO", bestPossibleDso(9_000_000, 36_000_000, 90), 22.5],
    ["CEI", cei(10_000_000, 5_000_000, 6_000_000, 4_000_000), 9 / 11],
    ["CEI everything collected", cei(100, 100, 0, 0), 1],
    ["CEI with nothing collectable", cei(0, 0, 0, 0), null],
  ])("%s", (_case, value, expected) => {
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });
});
