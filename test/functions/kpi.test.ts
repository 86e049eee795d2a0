/**
 * AR.DSO, AR.BPDSO, AR.CEI.
 */
import { bpdso, cei, dso } from "../../src/functions/logic/kpi";
import { en, shown, only, thrown } from "./support";

describe("AR.DSO(receivables, credit_sales, days) and AR.BPDSO", () => {
  it.each([
    [120000, 360000, 90, 30],
    [50000, 600000, 365, (50000 / 600000) * 365],
    ["1,000.00", "3,000.00", "30", 10],
  ])("DSO of %s over %s in %s days is %s", (receivables, sales, days, expected) => {
    expect(only(dso(en, receivables, sales, days))).toBeCloseTo(expected as number, 12);
  });

  it("BPDSO uses current receivables", () => {
    expect(only(bpdso(en, 90000, 360000, 90))).toBe(22.5);
  });

  it("shows #DIV/0! without credit sales", () => {
    expect(shown(dso(en, 100, 0, 30))).toEqual([["#DIV/0!"]]);
  });

  it("spills a column of periods", () => {
    expect(dso(en, [[100], [200]], [[300], [300]], [[90], [90]])).toEqual([[30], [60]]);
  });

  it("rejects a period of 0 days", () => {
    expect(thrown(() => dso(en, 1, 1, 0)).message).toBe("days: 0 must be a number of days greater than 0.");
  });
});

describe("AR.CEI(begin_ar, credit_sales, end_ar, end_current_ar)", () => {
  it.each([
    [100000, 50000, 60000, 40000, 90000 / 110000],
    [100000, 50000, 40000, 40000, 1],
    [0, 0, 0, 0, "#DIV/0!"],
  ])("begin %s, sales %s, end %s, end current %s → %s", (begin, sales, end, current, expected) => {
    const value = shown(cei(en, begin, sales, end, current))[0]![0];
    if (typeof expected === "string") expect(value).toBe(expected);
    else expect(value).toBeCloseTo(expected, 12);
  });
});
