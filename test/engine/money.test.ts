import fc from "fast-check";
import { currencyDecimals } from "../../src/engine/currency";
import { formatMoney, fromMinor, parseAmount, sumMinor, toMinor } from "../../src/engine/money";

/**
 * Reference for toMinor, written independently: the 15-significant-digit decimal of the value,
 * as an exact BigInt scaled by 10^(decimals + 20), rounded half away from zero.
 */
function referenceToMinor(value: number, decimals: number): number {
  const [mantissa = "", exponentText = "0"] = value.toPrecision(15).split("e");
  const negative = mantissa.startsWith("-");
  const [intPart = "", fracPart = ""] = mantissa.replace("-", "").split(".");
  const shift = Number(exponentText) + decimals - fracPart.length; // value·10^d = digits·10^shift
  const digits = BigInt(intPart + fracPart);
  let magnitude: bigint;
  if (shift >= 0) magnitude = digits * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    magnitude = (digits * 2n + divisor) / (2n * divisor);
  }
  const result = Number(magnitude);
  return negative && result !== 0 ? -result : result;
}

describe("toMinor", () => {
  it.each([
    [1.005, 2, 101],
    [-2.675, 2, -268],
    [0.1 + 0.2, 2, 30],
    [1.015, 2, 102],
    [1.255, 2, 126],
    [8.345, 2, 835],
    [-8.345, 2, -835],
    [0.125, 2, 13],
    [-0.125, 2, -13],
    [0.005, 2, 1],
    [-0.005, 2, -1],
    [0.0049, 2, 0],
    [1234.5, 0, 1235],
    [-1234.5, 0, -1235],
    [1.0005, 3, 1001],
    [123.456, 2, 12346],
    [1e15, 2, 1e17],
    [1e15, 0, 1e15],
    [123456789012.345, 2, 12345678901235],
    [1e-20, 2, 0],
    [0, 2, 0],
  ])("toMinor(%p, %i) = %p", (value, decimals, minor) => {
    expect(toMinor(value, decimals)).toBe(minor);
  });

  it("never returns negative zero", () => {
    expect(Object.is(toMinor(-0.001, 2), 0)).toBe(true);
    expect(Object.is(toMinor(-0, 2), 0)).toBe(true);
  });

  it.each([NaN, Infinity, -Infinity])("%p gives NaN", (value) => {
    expect(toMinor(value, 2)).toBeNaN();
  });

  it("matches the 15-digit decimal rounding reference for any double", () => {
    const values = fc.oneof(
      fc.double({ min: -1e13, max: 1e13, noNaN: true }),
      // Values at a half-cent boundary, where float rounding and decimal rounding disagree.
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => (n + 0.5) / 100),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => (n + 0.5) / 1000),
    );
    fc.assert(
      fc.property(values, fc.constantFrom(0, 2, 3), (value, decimals) => {
        expect(toMinor(value, decimals)).toBe(referenceToMinor(value, decimals));
      }),
      { numRuns: 5000 },
    );
  });

  it("rounds half-cent amounts away from zero, as displayed", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        const halfCentAbove = Number(`${cents < 0 ? "-" : ""}${Math.abs(cents)}.5`) / 100;
        expect(toMinor(halfCentAbove, 2)).toBe(cents < 0 ? cents - 1 : cents + 1);
      }),
    );
  });
});

describe("fromMinor", () => {
  it.each([
    [12345, 2, 123.45],
    [-5, 3, -0.005],
    [1200, 0, 1200],
    [1, 2, 0.01],
    [0, 2, 0],
  ])("fromMinor(%p, %i) = %p", (minor, decimals, major) => {
    expect(fromMinor(minor, decimals)).toBe(major);
  });

  it("round-trips through toMinor for every integer within ±1e13", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom(0, 2, 3), (minor, decimals) => {
        expect(toMinor(fromMinor(minor, decimals), decimals)).toBe(minor);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("sumMinor", () => {
  it.each([
    [[], 0],
    [[10, 20, -5], 25],
    [new Float64Array([1, 2, 3]), 6],
    [new Int32Array([-1, -2]), -3],
  ])("sumMinor(%p) = %p", (values, total) => {
    expect(sumMinor(values)).toBe(total);
  });

  it("is exact where summing the major-unit doubles drifts", () => {
    const cents = Array.from({ length: 10 }, () => 10); // ten times 0.10
    expect(sumMinor(cents)).toBe(100);
    expect(cents.map((c) => fromMinor(c, 2)).reduce((a, b) => a + b, 0)).not.toBe(1);
  });
});

describe("parseAmount", () => {
  it.each<[string | number, number, number]>([
    // numbers
    [1234.5, 2, 123450],
    [-2.675, 2, -268],
    [1.005, 2, 101],
    [100, 0, 100],
    // plain and grouped text
    ["1234.56", 2, 123456],
    ["1,234.56", 2, 123456],
    ["1,234,567.89", 2, 123456789],
    ["1 234 567.89", 2, 123456789],
    ["1\u00a0234,56", 2, 123456],
    ["1\u202f234.56", 2, 123456],
    ["1\u2009234.56", 2, 123456],
    ["1'234.56", 2, 123456],
    ["1’234.56", 2, 123456],
    ["12,34,567.00", 2, 123456700],
    [".5", 2, 50],
    ["100.", 2, 10000],
    ["007", 2, 700],
    // European and the single-comma rule
    ["1.234,56", 2, 123456],
    ["1.234.567,89", 2, 123456789],
    ["1.234.567", 2, 123456700],
    ["1,234", 2, 123400],
    ["1,234", 3, 1234000],
    ["12,5", 2, 1250],
    ["0,05", 2, 5],
    ["1,2345", 2, 123],
    ["1.234", 3, 1234],
    // negatives
    ["-100", 2, -10000],
    ["+100", 2, 10000],
    ["100.00-", 2, -10000],
    ["(1,234.50)", 2, -123450],
    ["( 1,234.50 )", 2, -123450],
    ["\u22121,234.50", 2, -123450],
    ["-$1,234.50", 2, -123450],
    ["$-1,234.50", 2, -123450],
    ["($1,234.50)", 2, -123450],
    ["USD (1,234.50)", 2, -123450],
    ["1,234.50- USD", 2, -123450],
    // currency marks
    ["$1,234.50", 2, 123450],
    ["US$1,234.50", 2, 123450],
    ["HK$ 1,234.50", 2, 123450],
    ["€1.234,50", 2, 123450],
    ["1.234,50 €", 2, 123450],
    ["£12", 2, 1200],
    ["¥1,234", 0, 1234],
    ["￥1,234", 0, 1234],
    ["RMB 1,234.50", 2, 123450],
    ["CNY1234.5", 2, 123450],
    ["USD 1,234.50", 2, 123450],
    ["1,234.50 USD", 2, 123450],
    ["1,234.500 BHD", 3, 1234500],
    ["1234.5元", 2, 123450],
    ["1,234 JPY", 0, 1234],
    // full width
    ["１２３，４５６．７８", 2, 12345678],
    ["￥１２３，４５６．７８", 2, 12345678],
    ["－１００", 2, -10000],
    ["（１００）", 2, -10000],
    // rounding of extra digits, on the decimal text itself
    ["1.005", 2, 101],
    ["-2.675", 2, -268],
    ["0.125", 2, 13],
    ["1234.5", 0, 1235],
    ["0.0049", 2, 0],
    ["  42  ", 2, 4200],
  ])("%p with %i decimals = %p minor units", (cell, decimals, minor) => {
    expect(parseAmount(cell, decimals)).toMatchObject({ ok: true, minor });
  });

  it.each<[string, string | null]>([
    ["$100", "$"],
    ["100 USD", "USD"],
    ["HK$100", "HK$"],
    ["100元", "元"],
    ["￥100", "¥"],
    ["100", null],
  ])("reports the currency written in %p as %p", (cell, currencyText) => {
    expect(parseAmount(cell, 2)).toEqual({ ok: true, minor: 10000, currencyText });
  });

  it.each<[string | number | boolean | null, "amount.invalid" | "amount.empty"]>([
    [null, "amount.empty"],
    ["", "amount.empty"],
    ["   ", "amount.empty"],
    ["\u3000", "amount.empty"],
    [true, "amount.invalid"],
    [false, "amount.invalid"],
    [NaN, "amount.invalid"],
    [Infinity, "amount.invalid"],
    [1e300, "amount.invalid"],
    ["12abc", "amount.invalid"],
    ["abc", "amount.invalid"],
    ["1.2.3", "amount.invalid"],
    ["1..2", "amount.invalid"],
    ["1,2,3", "amount.invalid"],
    ["1234,567", "amount.invalid"],
    ["12 3", "amount.invalid"],
    ["1,234.56.78", "amount.invalid"],
    ["1.234,56,78", "amount.invalid"],
    ["-", "amount.invalid"],
    [".", "amount.invalid"],
    ["()", "amount.invalid"],
    ["(100", "amount.invalid"],
    ["100)", "amount.invalid"],
    ["-(100)", "amount.invalid"],
    ["-100-", "amount.invalid"],
    ["--100", "amount.invalid"],
    ["100+", "amount.invalid"],
    ["$100 USD", "amount.invalid"],
    ["ABC 100", "amount.invalid"],
    ["100 XYZ", "amount.invalid"],
    ["1e5", "amount.invalid"],
    ["0x10", "amount.invalid"],
    ["99999999999999999999", "amount.invalid"],
    ["=SUM(A1)", "amount.invalid"],
  ])("%p is %s", (cell, code) => {
    expect(parseAmount(cell, 2)).toEqual({ ok: false, code });
  });

  it("reads every number exactly as toMinor does", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom(0, 2, 3), (value, decimals) => {
        expect(parseAmount(value, decimals)).toEqual({ ok: true, minor: toMinor(value, decimals), currencyText: null });
      }),
    );
  });

  it("reads back what formatMoney wrote, in every currency and language", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom("USD", "JPY", "BHD", "CNY", "KWD", "EUR", "CLF"),
        fc.constantFrom("en-US" as const, "zh-CN" as const),
        (minor, currency, lang) => {
          const text = formatMoney(minor, currency, lang);
          expect(parseAmount(text, currencyDecimals(currency))).toEqual({ ok: true, minor, currencyText: currency });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reads back amounts grouped European-style and in parentheses", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (minor) => {
        const [intPart = "", fraction = ""] = formatMoney(Math.abs(minor), "USD", "en-US").replace(" USD", "").split(".");
        const european = `${intPart.replace(/,/g, ".")},${fraction}`;
        const text = minor < 0 ? `(${european})` : european;
        expect(parseAmount(text, 2)).toMatchObject({ ok: true, minor });
      }),
    );
  });
});

describe("formatMoney", () => {
  it.each<[number, string, "en-US" | "zh-CN", string]>([
    [123450, "USD", "en-US", "1,234.50 USD"],
    [123450, "USD", "zh-CN", "1,234.50 USD"],
    [-123450, "usd", "en-US", "-1,234.50 USD"],
    [-1200, "JPY", "zh-CN", "-1,200 JPY"],
    [5, "BHD", "en-US", "0.005 BHD"],
    [-5, "USD", "en-US", "-0.05 USD"],
    [0, "EUR", "en-US", "0.00 EUR"],
    [100, "KRW", "en-US", "100 KRW"],
    [123456789012345, "CNY", "zh-CN", "1,234,567,890,123.45 CNY"],
    [1, "CLF", "en-US", "0.0001 CLF"],
    [999, "XYZ", "en-US", "9.99 XYZ"],
  ])("formatMoney(%p, %p, %p) = %p", (minor, currency, lang, text) => {
    expect(formatMoney(minor, currency, lang)).toBe(text);
  });
});
