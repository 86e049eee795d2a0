/**
 * The row loops' fast paths (plain number amounts, serial dates, the defect pre-check) answer
 * exactly as the general paths they stand in front of; they exist only for speed.
 */
import fc from "fast-check";
import { hasExcessDecimals, minorOfNumber, plainMinor } from "../../../src/engine/read/amount";
import { EXCEL_ERRORS, mayHaveDefect, rowDefect } from "../../../src/engine/read/cells";
import { cellText } from "../../../src/engine/read/normalize";
import { DATE_EMPTY, DATE_INVALID, newState, readDate } from "../../../src/engine/read/state";
import { MAX_SERIAL, serialFrom1904 } from "../../../src/engine/dates";
import type { CellValue } from "../../../src/engine/types";

/** The minor units the general number path of readMoney takes silently (no rounding warning), else NaN. */
function silentMinor(value: number, decimals: number): number {
  const minor = minorOfNumber(value, decimals);
  const noise = value * 10 ** decimals - minor;
  return minor === minor && ((noise < 1e-6 && noise > -1e-6) || !hasExcessDecimals(value, decimals)) ? minor : NaN;
}

describe("plainMinor: the money reader's fast path", () => {
  it.each([
    [1234.56, 2, 123456],
    [-1234.56, 2, -123456],
    [0.1 + 0.2, 2, 30],
    [1234, 0, 1234],
    [12.345, 3, 12345],
    [-0, 2, 0],
    [0.004, 2, NaN], // loses a digit: the exact path warns
    [1234.5, 0, NaN],
    [1.005, 2, NaN], // off a whole cent by more than noise: toMinor's decimal rounding decides
    [1e13, 2, NaN], // too large for the noise bound: the exact path decides
    [Infinity, 2, NaN],
    [NaN, 2, NaN],
  ])("plainMinor(%p, %p) = %p", (value, decimals, expected) => {
    expect(plainMinor(value, decimals)).toBe(expected);
  });

  it("is never -0", () => {
    expect(Object.is(plainMinor(-0.000000001, 2), 0)).toBe(true);
  });

  it("answers what the general path answers whenever it answers", () => {
    const amount = fc.oneof(
      fc.integer({ min: -1e12, max: 1e12 }).map((cents) => cents / 100),
      fc.integer({ min: -1e9, max: 1e9 }).map((mills) => mills / 1000),
      fc.double({ min: -1e14, max: 1e14, noNaN: true }),
    );
    fc.assert(
      fc.property(amount, fc.constantFrom(0, 2, 3, 4), (value, decimals) => {
        const fast = plainMinor(value, decimals);
        if (fast === fast) expect(fast).toBe(silentMinor(value, decimals));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes the usual amount: whole cents, up to ten million in the currency", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (cents) => {
        expect(plainMinor(cents / 100, 2)).toBe(cents === 0 ? 0 : cents);
      }),
    );
  });
});

describe("readDate: the serial fast path", () => {
  /** The rule for a number cell, as written out in readDate's general path. */
  function numberRule(cell: number, dateSystem: 1900 | 1904): number {
    if (!Number.isFinite(cell)) return DATE_INVALID;
    let serial = Math.floor(cell);
    if (dateSystem === 1904) {
      if (serial < 0) return DATE_INVALID;
      serial = serialFrom1904(serial);
    }
    return serial >= 1 && serial <= MAX_SERIAL ? serial : DATE_INVALID;
  }

  it.each([
    [46326, 1900, 46326],
    [46326.75, 1900, 46326],
    [1, 1900, 1],
    [0.5, 1900, DATE_INVALID],
    [MAX_SERIAL + 0.99, 1900, MAX_SERIAL],
    [MAX_SERIAL + 1, 1900, DATE_INVALID],
    [44864, 1904, 46326],
    [-1, 1904, DATE_INVALID],
  ] as const)("readDate(%p) in a %p book = %p", (cell, dateSystem, expected) => {
    const state = newState({ lang: "en-US", dateOrder: null, dateSystem, defaultCurrency: "USD" });
    expect(readDate(state, cell)).toBe(expected);
  });

  it("reads every number as the general rule does, in both date systems", () => {
    const cell = fc.oneof(fc.double({ min: -10, max: MAX_SERIAL + 10 }), fc.integer({ min: -5, max: MAX_SERIAL + 5 }), fc.double());
    fc.assert(
      fc.property(cell, fc.constantFrom<1900 | 1904>(1900, 1904), (value, dateSystem) => {
        const state = newState({ lang: "en-US", dateOrder: null, dateSystem, defaultCurrency: "USD" });
        expect(readDate(state, value)).toBe(numberRule(value, dateSystem));
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves empty and text cells to the general path", () => {
    const state = newState({ lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
    expect(readDate(state, null)).toBe(DATE_EMPTY);
    expect(readDate(state, "2026-10-31")).toBe(46326);
    expect(readDate(state, true)).toBe(DATE_INVALID);
  });
});

describe("mayHaveDefect: the row loops' pre-check before rowDefect", () => {
  it.each([
    ["INV-1", "Acme", true, false],
    ["INV-1", "#N/A", true, true],
    ["#REF!", "Acme", true, true],
    ["INV-1", "#N/A", false, false],
    [true, "Acme", false, true],
    ["INV-1", false, false, true],
    ["TRUE", "Acme", true, false],
    ["Tokyo Trading", "Fresh Farms", true, false],
    [1001, "Acme", true, false],
    [null, "Acme", true, false],
    [null, null, true, false],
  ] as [CellValue, CellValue, boolean, boolean][])(
    "mayHaveDefect(%p, %p, textErrors %p) = %p",
    (numberCell, customerCell, textErrors, expected) => {
      expect(mayHaveDefect(numberCell, customerCell, cellText(numberCell), cellText(customerCell), textErrors)).toBe(expected);
    },
  );

  it("is true for every row rowDefect finds a defect in, with and without text errors", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.double(),
      fc.constant(null),
      fc.constantFrom(...EXCEL_ERRORS),
      fc.constantFrom(" #N/A ", "#n/a", "TRUE", "False", "Total"),
    );
    let defects = 0;
    fc.assert(
      fc.property(cell, cell, fc.boolean(), (numberCell: CellValue, customerCell: CellValue, textErrors: boolean) => {
        const cells = [numberCell, customerCell];
        const number = cellText(numberCell);
        const customer = cellText(customerCell);
        if (rowDefect(cells, number, customer, 0, 1, textErrors) >= 0) {
          defects++;
          expect(mayHaveDefect(numberCell, customerCell, number, customer, textErrors)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(defects).toBeGreaterThan(0);
  });
});
