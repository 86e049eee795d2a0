/**
 * AR.AGING: the aging summary of a table's columns equals the engine's aging of the same rows.
 */
import fc from "fast-check";
import { aging } from "../../src/functions/logic/aging";
import { ageBook, bucketIndex, makeBuckets } from "../../src/engine/aging";
import { isoFromSerial } from "../../src/engine/dates";
import { fromMinor, toMinor } from "../../src/engine/money";
import { bookOf } from "../engine/builders";
import { en, zh, serial, thrown, contextFor } from "./support";

const AS_OF = serial("2026-10-31");

describe("AR.AGING(dates, amounts, [as_of], [boundaries])", () => {
  it("spills two rows: bucket labels, then totals in major units", () => {
    const dates = [[AS_OF - 100], [AS_OF - 45], [AS_OF - 30], [AS_OF], [AS_OF + 10], [AS_OF - 61]];
    const amounts = [[1000], [250.25], [100.1], [0.2], [99.99], [5]];
    expect(aging(en, dates, amounts, AS_OF)).toEqual([
      ["Current", "1-30", "31-60", "61-90", "90+"],
      [100.19, 100.1, 250.25, 5, 1000],
    ]);
  });

  it("labels follow the display language and the boundaries", () => {
    expect(aging(zh, [[AS_OF - 100]], [[10]], AS_OF, "30,60,90,120")).toEqual([
      ["未到期", "1-30天", "31-60天", "61-90天", "91-120天", "120天以上"],
      [0, 0, 0, 0, 10, 0],
    ]);
  });

  it("puts each boundary day in the right bucket (0, 1, 30, 31, 60, 61, 90, 91)", () => {
    const days = [0, 1, 30, 31, 60, 61, 90, 91];
    const amounts = [1, 2, 4, 8, 16, 32, 64, 128];
    const result = aging(
      en,
      days.map((d) => [AS_OF - d]),
      amounts.map((a) => [a]),
      AS_OF,
    );
    expect(result[1]).toEqual([1, 2 + 4, 8 + 16, 32 + 64, 128]);
  });

  it("reads text dates and text amounts like the engine, skips rows without an amount", () => {
    const dates = [["2026-10-01"], ["31/08/2026"], [""], ["2026-10-15"], [""]];
    const amounts = [["1,234.50"], ["(100.00)"], [""], [""], [null]];
    expect(aging(en, dates, amounts, "2026-10-31")[1]).toEqual([0, 1234.5, 0, -100, 0]);
  });

  it("uses today when as_of is omitted", () => {
    expect(aging(contextFor("en-US", AS_OF + 31), [[AS_OF]], [[7]])[1]).toEqual([0, 0, 7, 0, 0]);
  });

  it("accepts rows as well as columns", () => {
    expect(aging(en, [[AS_OF - 5, AS_OF - 50]], [[1, 2]], AS_OF)[1]).toEqual([0, 1, 2, 0, 0]);
  });

  it("sums exactly in cents", () => {
    const rows = Array.from({ length: 10 }, () => [AS_OF - 5]);
    expect(
      aging(
        en,
        rows,
        rows.map(() => [0.1]),
        AS_OF,
      )[1]![1],
    ).toBe(1);
  });

  it.each([
    ["an amount without a date", [[""]], [[100]], /^Row 1 of the ranges: dates is empty but amounts is 100\.$/],
    ["a bad date", [[AS_OF], ["03/04/2026"]], [[1], [2]], /^Row 2 of the ranges: dates: "03\/04\/2026" could be read/],
    ["a bad amount", [[AS_OF]], [["12abc"]], /^Row 1 of the ranges: amounts: "12abc" is not an amount\.$/],
    ["ranges of different sizes", [[AS_OF], [AS_OF]], [[1]], /^amounts: a range of 1 × 1 cells does not match dates \(2 × 1\)/],
  ])("fails the whole summary for %s, naming the row and argument", (_case, dates, amounts, message) => {
    expect(thrown(() => aging(en, dates, amounts, AS_OF)).message).toMatch(message);
  });

  it("wants a single as-of date", () => {
    expect(thrown(() => aging(en, [[AS_OF]], [[1]], [[AS_OF], [AS_OF]])).message).toBe("as_of: give one value, not a range.");
  });

  it("equals the totals of bucketIndex/makeBuckets over the same rows", () => {
    const row = fc.record({ days: fc.integer({ min: -400, max: 400 }), cents: fc.integer({ min: -10_000_000, max: 10_000_000 }) });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 365 }), { minLength: 1, maxLength: 6 }),
        (rows, raw) => {
          const boundaries = [...raw].sort((a, b) => a - b);
          const expected = new Array<number>(boundaries.length + 2).fill(0);
          for (const { days, cents } of rows) {
            const k = bucketIndex(days, "due", boundaries);
            expected[k] = expected[k]! + cents;
          }
          const result = aging(
            en,
            rows.map((r) => [AS_OF - r.days]),
            rows.map((r) => [fromMinor(r.cents, 2)]),
            AS_OF,
            boundaries.join(","),
          );
          expect(result[0]).toEqual(makeBuckets("due", boundaries, "en-US").map((b) => b.label));
          expect(result[1]!.map((total) => toMinor(total as number, 2))).toEqual(expected);
        },
      ),
    );
  });

  it("equals the engine's aging report (ageBook) for the same open invoices", () => {
    const invoices = [
      { dueDate: "2026-10-31", amount: 120 },
      { dueDate: "2026-11-15", amount: 80.5 },
      { dueDate: "2026-10-30", amount: 10 },
      { dueDate: "2026-10-01", amount: 20.25 },
      { dueDate: "2026-09-30", amount: 300 },
      { dueDate: "2026-09-01", amount: 45 },
      { dueDate: "2026-08-01", amount: 1000 },
      { dueDate: "2026-08-02", amount: 7.77 },
      { dueDate: "2025-12-31", amount: 5000 },
    ];
    const book = bookOf({
      invoices: invoices.map((inv, i) => ({
        number: `INV-${i + 1}`,
        customer: i % 2 ? "Acme" : "Globex",
        invoiceDate: "2025-12-01",
        ...inv,
      })),
    });
    for (const boundaries of [[30, 60, 90], [30, 60, 90, 120, 180, 360], [15]]) {
      const report = ageBook(book, { asOf: AS_OF, basis: "due", boundaries, autoApply: true, lang: "zh-CN" });
      const result = aging(
        zh,
        invoices.map((inv) => [inv.dueDate]),
        invoices.map((inv) => [inv.amount]),
        isoFromSerial(AS_OF),
        [boundaries],
      );
      expect(result[0]).toEqual(report.buckets.map((b) => b.label));
      expect(result[1]).toEqual(report.totals[0]!.buckets.map((minor) => fromMinor(minor, 2)));
    }
  });
});
