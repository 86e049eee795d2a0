import fc from "fast-check";
import {
  expectedCreditLoss,
  largestRemainder,
  parsePreviousProvision,
  previousProvisionText,
  type ProvisionOptions,
  type ProvisionResult,
} from "../../../src/engine/analytics/provision";
import type { Book } from "../../../src/engine/types";
import { percentOf } from "../../../src/engine/analytics/round";
import { bookOf, serial } from "../builders";

const AS_OF = serial("2026-10-31");

/**
 * The provision of `book` as of 2026-10-31 on the due basis with buckets at 30, 60 and 90 days,
 * in English, unless `options` says otherwise.
 */
function provisionOf(book: Book, options: Pick<ProvisionOptions, "rates"> & Partial<ProvisionOptions>): ProvisionResult {
  return expectedCreditLoss(book, { asOf: AS_OF, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US", ...options });
}

describe("expectedCreditLoss — given rates", () => {
  // The IFRS 9 illustration: 1–30 7,000,000 @1.5 %, 31–60 4,000,000 @3.4 %, 61–90 2,500,000 @7.1 %, 90+ 1,000,000 @10.8 %.
  const book = bookOf({
    invoices: [
      { number: "A-1", customer: "Alpha", invoiceDate: "2026-09-01", dueDate: "2026-10-15", amount: 4000000 },
      { number: "B-1", customer: "Beta", invoiceDate: "2026-09-01", dueDate: "2026-10-20", amount: 3000000 },
      { number: "A-2", customer: "Alpha", invoiceDate: "2026-08-01", dueDate: "2026-09-15", amount: 4000000 },
      { number: "B-2", customer: "Beta", invoiceDate: "2026-07-01", dueDate: "2026-08-15", amount: 2500000 },
      { number: "C-1", customer: "Gamma", invoiceDate: "2026-05-01", dueDate: "2026-06-01", amount: 1000000 },
      { number: "C-2", customer: "Gamma", invoiceDate: "2026-10-25", dueDate: "2026-11-25", amount: 800000 },
    ],
    payments: [],
  });
  const result = provisionOf(book, { rates: [0, 1.5, 3.4, 7.1, 10.8] });

  it("reproduces the published example: 526,500", () => {
    expect(result.rows.map((r) => [r.bucket, r.amount / 100, r.rate, r.provision / 100])).toEqual([
      ["Current", 800000, 0, 0],
      ["1-30", 7000000, 1.5, 105000],
      ["31-60", 4000000, 3.4, 136000],
      ["61-90", 2500000, 7.1, 177500],
      ["90+", 1000000, 10.8, 108000],
    ]);
    expect(result.totals).toEqual([{ currency: "USD", amount: 1530000000, provision: 52650000, previous: null, movement: null }]);
  });

  it("shares the total out to customers so they sum to it exactly", () => {
    expect(result.customers).toEqual([
      { customer: "Alpha", currency: "USD", provision: 6000000 + 13600000 },
      { customer: "Beta", currency: "USD", provision: 4500000 + 17750000 },
      { customer: "Gamma", currency: "USD", provision: 10800000 },
    ]);
  });

  it("shows the movement against a previous provision", () => {
    const withPrevious = provisionOf(book, { rates: [0, 1.5, 3.4, 7.1, 10.8], previous: { USD: 50000000 } });
    expect(withPrevious.totals[0]).toMatchObject({ previous: 50000000, movement: 2650000 });
  });

  it("takes yearly bands of 账龄分析法 on the invoice-date basis", () => {
    const bands = provisionOf(book, { basis: "invoice", boundaries: [365, 730, 1095], lang: "zh-CN", rates: [5, 10, 30, 100] });
    expect(bands.rows.map((r) => r.label)).toEqual(["0-365天", "366-730天", "731-1095天", "1095天以上"]);
    expect(bands.totals[0]!.provision).toBe(percentOf(1530000000, 5));
  });

  it("rejects a rate list that does not match the buckets", () => {
    expect(() => provisionOf(book, { rates: [1, 2] })).toThrow(RangeError);
  });
});

describe("expectedCreditLoss — rates derived from roll rates", () => {
  // Each month a 1,000 invoice is issued on the 1st, due on the 15th; half of it is paid on the 10th of the next month and
  // the rest four months later. At each month-end it is 1-30 (13–16 days), then 31-60, 61-90 and 90+ in the months after:
  // 1-30 rolls half into 31-60, the older buckets roll whole, and nothing is ever Current at a month-end.
  const invoices = [];
  const payments = [];
  const months = [
    "2025-10",
    "2025-11",
    "2025-12",
    "2026-01",
    "2026-02",
    "2026-03",
    "2026-04",
    "2026-05",
    "2026-06",
    "2026-07",
    "2026-08",
    "2026-09",
    "2026-10",
  ];
  for (const [k, m] of months.entries()) {
    invoices.push({ number: `INV-${k}`, customer: "Acme", invoiceDate: `${m}-01`, dueDate: `${m}-15`, amount: 1000 });
    const next = months[k + 1];
    if (next) payments.push({ reference: `P-${k}`, customer: "Acme", date: `${next}-10`, amount: 500, invoiceNumber: `INV-${k}` });
    const last = months[k + 4];
    if (last) payments.push({ reference: `Q-${k}`, customer: "Acme", date: `${last}-10`, amount: 500, invoiceNumber: `INV-${k}` });
  }
  const book = bookOf({ invoices, payments });
  const result = provisionOf(book, { rates: null, history: 6, adjust: 10 });

  it("multiplies the average roll rates down to the last bucket, × last share × (1 + adjustment)", () => {
    expect(result.method).toBe("roll-rate");
    expect(result.historyMonths).toHaveLength(6);
    const usd = result.derivations.filter((d) => d.currency === "USD");
    expect(usd.map((d) => d.bucket)).toEqual(["Current", "1-30", "31-60", "61-90", "90+"]);
    for (const d of usd) {
      expect(d.rolls.every((r) => r.monthly.length === 6)).toBe(true);
      const expected = d.product === null ? 0 : Math.min(100, Math.round(d.product * 100 * 1.1 * 100) / 100);
      expect(d.rate).toBeCloseTo(expected, 10);
    }
    expect(usd[1]!.rolls.map((r) => r.average)).toEqual([0.5, 1, 1]);
    // 1-30: 0.5 × 1 × 1 × 100 % × 1.1 = 55 %; the older buckets reach 110 %, capped at 100 %.
    expect(usd.map((d) => d.rate)).toEqual([0, 55, 100, 100, 100]);
    // Current was empty at every month-end: no roll rate, so 0 % and a warning naming the bucket.
    expect(usd[0]!.product).toBeNull();
    expect(result.issues.map((i) => i.code)).toContain("analytics.provision.no-history");
  });

  it("applies the derived rates to the as-of aging", () => {
    const provision = result.rows.reduce((sum, r) => sum + r.provision, 0);
    expect(result.totals[0]!.provision).toBe(provision);
    for (const row of result.rows) expect(row.provision).toBe(percentOf(row.amount, row.rate));
  });
});

describe("largestRemainder", () => {
  it.each([
    [10, [1, 1, 1], [4, 3, 3]],
    [100, [1, 2, 3, 4], [10, 20, 30, 40]],
    [1, [1, 1], [1, 0]],
    [5, [1, 3], [1, 4]],
    [0, [5, 0], [0, 0]],
    [7, [0, 0], [0, 0]],
  ])("shares %d by %j → %j", (total, weights, expected) => {
    expect(largestRemainder(total, weights.map(BigInt))).toEqual(expected);
  });

  it("always sums to the total and keeps each part within one unit of its exact share", () => {
    fc.assert(
      fc.property(
        fc.nat(10_000_000),
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 14n }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = largestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((part, k) => {
            const exact = (Number(weights[k]!) / Number(sum)) * total;
            expect(Math.abs(part - exact)).toBeLessThan(1 + 1e-6 * total);
          });
        },
      ),
    );
  });
});

describe("percentOf", () => {
  it.each([
    [700000000, 1.5, 10500000],
    [5, 50, 3],
    [-5, 50, -3],
    [333, 3.4, 11],
    [1, 0.5, 0],
  ])("%d × %d %% = %d minor units, half away from zero", (amount, rate, expected) => {
    expect(percentOf(amount, rate)).toBe(expected);
  });
});

describe("parsePreviousProvision", () => {
  it.each<[string, string[], Record<string, number> | null]>([
    ["USD=5000, CNY=12000.5", ["CNY", "USD"], { USD: 500000, CNY: 1200050 }],
    ["jpy=120000；usd:12.345", ["JPY", "USD"], { JPY: 120000, USD: 1235 }],
    ["5000", ["USD"], { USD: 500000 }],
    ["5000", ["USD", "EUR"], null],
    ["USD 5000", ["USD"], null],
    ["XXY=5", ["USD"], null],
    ["", ["USD"], null],
  ])("%j with currencies %j → %j", (text, currencies, expected) => {
    expect(parsePreviousProvision(text, currencies)).toEqual(expected);
  });

  it("reads back what previousProvisionText writes (property)", () => {
    const totals = fc.uniqueArray(
      fc.record({ currency: fc.constantFrom("USD", "JPY", "BHD", "CNY"), provision: fc.integer({ min: -1e12, max: 1e12 }) }),
      { selector: (x) => x.currency, minLength: 1 },
    );
    fc.assert(
      fc.property(totals, (list) => {
        const back = parsePreviousProvision(previousProvisionText(list), []);
        expect(back).toEqual(Object.fromEntries(list.map((x) => [x.currency, x.provision])));
      }),
    );
  });
});
