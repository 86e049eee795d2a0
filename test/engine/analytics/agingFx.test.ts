import fc from "fast-check";
import type { CurrencyTotals } from "../../../src/engine/aging";
import { convertAgingTotals, convertedAgingJson, convertedAgingSection } from "../../../src/engine/analytics/agingFx";
import type { FxRate } from "../../../src/engine/analytics/fx";
import { currencyDecimals } from "../../../src/engine/currency";
import { serialFromIso } from "../../../src/engine/dates";

const AS_OF = serialFromIso("2026-10-31")!;

/** Totals as the aging gives them: open = Σ buckets, net = open − unapplied. */
function totals(currency: string, buckets: number[], unapplied: number): CurrencyTotals {
  const open = buckets.reduce((s, v) => s + v, 0);
  return { currency, buckets, open, unapplied, net: open - unapplied };
}

describe("convertAgingTotals", () => {
  const rates: FxRate[] = [
    { currency: "USD", rate: 7.1, date: null },
    { currency: "EUR", rate: 7.8, date: null },
    // A dated rate wins on and after its date only.
    { currency: "USD", rate: 7.2, date: serialFromIso("2026-11-30")! },
  ];

  it.each([
    // currency, buckets (minor units), unapplied, expected converted buckets (CNY fen), unapplied
    ["USD", [50050, 100000, 0, 0, 0], 10000, [355355, 710000, 0, 0, 0], 71000],
    ["EUR", [0, 0, 0, 20000, 0], 0, [0, 0, 0, 156000, 0], 0],
    ["CNY", [12345, 0, 0, 0, 1], 5, [12345, 0, 0, 0, 1], 5],
  ])(
    "%s: each bucket at the as-of rate, rounded to the fen; open = Σ buckets; net = open − unapplied",
    (code, buckets, unapplied, expected, expectedUnapplied) => {
      const converted = convertAgingTotals([totals(code, buckets, unapplied)], "CNY", rates, AS_OF, "en-US");
      expect(converted.rows).toHaveLength(1);
      const row = converted.rows[0]!;
      expect(row.buckets).toEqual(expected);
      expect(row.unapplied).toBe(expectedUnapplied);
      expect(row.open).toBe(expected.reduce((s, v) => s + v, 0));
      expect(row.net).toBe(row.open - row.unapplied);
      expect(converted.total).toEqual({ buckets: row.buckets, open: row.open, unapplied: row.unapplied, net: row.net });
    },
  );

  it("rounds into a reporting currency without minor units (JPY) half away from zero", () => {
    const converted = convertAgingTotals([totals("USD", [150, 250], 0)], "JPY", [{ currency: "USD", rate: 1, date: null }], AS_OF, "en-US");
    // 1.50 USD → 1.5 JPY → 2; 2.50 USD → 3.
    expect(converted.rows[0]!.buckets).toEqual([2, 3]);
  });

  it("never guesses a missing rate: the currency is named, its row and the total are left out", () => {
    const converted = convertAgingTotals([totals("USD", [100000], 0), totals("GBP", [5000], 0)], "CNY", rates, AS_OF, "zh-CN");
    expect(converted.rows.map((r) => r.currency)).toEqual(["USD"]);
    expect(converted.total).toBeNull();
    expect(converted.missing).toEqual(["GBP"]);
    expect(converted.issues).toHaveLength(1);
    expect(converted.issues[0]).toMatchObject({ code: "analytics.fx.missing", value: "GBP", severity: "error" });
    expect(converted.issues[0]!.message).toContain("GBP");
    expect(converted.issues[0]!.message).toContain("2026-10-31");
    expect(convertedAgingJson(converted)).toMatchObject({ currency: "CNY", rateDate: "2026-10-31", total: null, missing: ["GBP"] });
  });

  it("ties for any totals and rates: total = Σ rows, open = Σ buckets, net = open − unapplied (property)", () => {
    const currencies = ["USD", "EUR", "JPY", "BHD", "CNY"];
    const arbitraryTotals = fc.uniqueArray(
      fc.record({
        currency: fc.constantFrom(...currencies),
        buckets: fc.array(fc.integer({ min: -1e8, max: 1e9 }), { minLength: 4, maxLength: 4 }),
        unapplied: fc.integer({ min: 0, max: 1e9 }),
      }),
      { selector: (x) => x.currency, minLength: 1, maxLength: 5 },
    );
    const arbitraryRate = fc.double({ min: 0.0001, max: 2000, noNaN: true });
    fc.assert(
      fc.property(
        arbitraryTotals,
        fc.array(arbitraryRate, { minLength: 5, maxLength: 5 }),
        fc.constantFrom(...currencies),
        (list, values, report) => {
          const given = currencies.map((currency, k): FxRate => ({ currency, rate: values[k]!, date: null }));
          const converted = convertAgingTotals(
            list.map((x) => totals(x.currency, x.buckets, x.unapplied)),
            report,
            given,
            AS_OF,
            "en-US",
          );
          expect(converted.rows.length).toBe(list.length);
          expect(converted.total).not.toBeNull();
          const total = converted.total!;
          for (const row of converted.rows) {
            expect(row.open).toBe(row.buckets.reduce((s, v) => s + v, 0));
            expect(row.net).toBe(row.open - row.unapplied);
            expect(row.buckets.every(Number.isSafeInteger)).toBe(true);
          }
          expect(total.open).toBe(converted.rows.reduce((s, r) => s + r.open, 0));
          expect(total.net).toBe(converted.rows.reduce((s, r) => s + r.net, 0));
          expect(total.buckets.reduce((s, v) => s + v, 0)).toBe(total.open);
          // Every converted bucket is within half a minor unit of amount × rate.
          converted.rows.forEach((row, k) => {
            const source = list[k]!;
            const rate = row.currency === report ? 1 : values[currencies.indexOf(row.currency)]!;
            const scale = 10 ** (currencyDecimals(report) - currencyDecimals(row.currency));
            row.buckets.forEach((v, b) =>
              expect(Math.abs(v - source.buckets[b]! * rate * scale)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.abs(v)),
            );
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("convertedAgingSection", () => {
  const converted = convertAgingTotals(
    [totals("EUR", [0, 20000], 0), totals("USD", [50050, 100000], 10000)],
    "CNY",
    [
      { currency: "USD", rate: 7.1, date: null },
      { currency: "EUR", rate: 7.8, date: null },
    ],
    AS_OF,
    "en-US",
  );

  it("has a header of its own naming the reporting currency in every amount column, one row per document currency and the total", () => {
    const { cells, formats } = convertedAgingSection(converted, ["Current", "1-30"], "en-US", { width: 9, firstBucket: 4, firstRow: 20 });
    expect(cells.every((row) => row.length === 9)).toBe(true);
    expect(cells[0]!.every((v) => v === null)).toBe(true);
    expect(cells[1]![0]).toBe("Totals in CNY at the rates of 2026-10-31");
    expect(cells[2]).toEqual([
      "Converted from",
      "Currency",
      "Rate",
      null,
      "Current (CNY)",
      "1-30 (CNY)",
      "Open (CNY)",
      "Unapplied credit (CNY)",
      "Net (CNY)",
    ]);
    expect(cells[3]).toEqual(["EUR", "CNY", 7.8, null, 0, 1560, 1560, 0, 1560]);
    expect(cells[4]).toEqual(["USD", "CNY", 7.1, null, 3553.55, 7100, 10653.55, 710, 9943.55]);
    expect(cells[5]).toEqual(["Total in CNY", "CNY", null, null, 3553.55, 8660, 12213.55, 710, 11503.55]);
    // The amounts are formatted as CNY from the section's first data row (sheet row 23) to its total.
    expect(formats).toContainEqual({ range: { row: 23, col: 4, rowCount: 3, colCount: 5 }, numberFormat: "#,##0.00;-#,##0.00" });
  });

  it("says why there is no total when a rate is missing, in Chinese too", () => {
    const partial = convertAgingTotals([totals("GBP", [100], 0)], "CNY", [], AS_OF, "zh-CN");
    const { cells } = convertedAgingSection(partial, ["Current"], "zh-CN", { width: 8, firstBucket: 4, firstRow: 0 });
    expect(cells.at(-1)![0]).toBe("无 CNY 合计：缺少 GBP 的汇率（见“应收异常”表）。");
  });
});
