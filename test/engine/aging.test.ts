import fc from "fast-check";
import {
  ageBook,
  bucketIndex,
  bucketLookup,
  isValidBoundaries,
  MAX_BOUNDARIES,
  makeBuckets,
  parseBoundaries,
} from "../../src/engine/aging";
import { t } from "../../src/i18n";
import type { AgingBasis, AgingOptions, Book } from "../../src/engine/types";
import { bookOf, serial, type BookSpec, type InvoiceSpec } from "./builders";
import { acmeSpec, amountIssue } from "./examples";

const AS_OF = serial("2026-10-31");
const options = (extra: Partial<AgingOptions> = {}): AgingOptions => ({
  asOf: AS_OF,
  basis: "due",
  boundaries: [30, 60, 90],
  autoApply: true,
  lang: "en-US",
  ...extra,
});

describe("makeBuckets", () => {
  it.each<[AgingBasis, "en-US" | "zh-CN", string[]]>([
    ["due", "en-US", ["Current", "1-30", "31-60", "61-90", "90+"]],
    ["due", "zh-CN", ["未到期", "1-30天", "31-60天", "61-90天", "90天以上"]],
    ["invoice", "en-US", ["0-30", "31-60", "61-90", "90+"]],
    ["invoice", "zh-CN", ["0-30天", "31-60天", "61-90天", "90天以上"]],
  ])("basis %s in %s is labelled %j", (basis, lang, labels) => {
    expect(makeBuckets(basis, [30, 60, 90], lang).map((b) => b.label)).toEqual(labels);
  });

  it("keeps the en-US label as the key in every language", () => {
    expect(makeBuckets("due", [30, 60, 90], "zh-CN").map((b) => b.key)).toEqual(["Current", "1-30", "31-60", "61-90", "90+"]);
  });

  it.each<[AgingBasis, [number | null, number | null][]]>([
    [
      "due",
      [
        [null, 0],
        [1, 30],
        [31, 60],
        [61, 90],
        [91, null],
      ],
    ],
    [
      "invoice",
      [
        [null, 30],
        [31, 60],
        [61, 90],
        [91, null],
      ],
    ],
  ])("basis %s has inclusive day ranges", (basis, ranges) => {
    expect(makeBuckets(basis, [30, 60, 90], "en-US").map((b) => [b.minDays, b.maxDays])).toEqual(ranges);
  });

  it("supports any number of boundaries", () => {
    expect(makeBuckets("due", [30, 60, 90, 120, 180, 360], "en-US").map((b) => b.label)).toEqual([
      "Current",
      "1-30",
      "31-60",
      "61-90",
      "91-120",
      "121-180",
      "181-360",
      "360+",
    ]);
  });
});

describe("bucketIndex (inclusive upper bounds)", () => {
  const due = ["Current", "1-30", "31-60", "61-90", "90+"];
  const invoice = ["0-30", "31-60", "61-90", "90+"];
  it.each<[number, string, string]>([
    [-5, "Current", "0-30"],
    [0, "Current", "0-30"],
    [1, "1-30", "0-30"],
    [30, "1-30", "0-30"],
    [31, "31-60", "31-60"],
    [60, "31-60", "31-60"],
    [61, "61-90", "61-90"],
    [90, "61-90", "61-90"],
    [91, "90+", "90+"],
    [5000, "90+", "90+"],
  ])("%i days → %s (due basis), %s (invoice basis)", (days, dueLabel, invoiceLabel) => {
    expect(due[bucketIndex(days, "due", [30, 60, 90])]).toBe(dueLabel);
    expect(invoice[bucketIndex(days, "invoice", [30, 60, 90])]).toBe(invoiceLabel);
  });

  it.each<[number, string]>([
    [120, "91-120"],
    [121, "121-180"],
    [180, "121-180"],
    [360, "181-360"],
    [361, "360+"],
  ])("custom boundaries: %i days → %s", (days, label) => {
    const boundaries = [30, 60, 90, 120, 180, 360];
    expect(makeBuckets("due", boundaries, "en-US")[bucketIndex(days, "due", boundaries)]!.label).toBe(label);
  });
});

describe("bucketLookup", () => {
  it("answers as bucketIndex for every age, on both bases, with the table and past it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AgingBasis>("due", "invoice"),
        fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }).map((b) => b.sort((x, y) => x - y)),
        fc.integer({ min: -1000, max: 1000 }),
        (basis, boundaries, days) => {
          expect(bucketLookup(basis, boundaries)(days)).toBe(bucketIndex(days, basis, boundaries));
        },
      ),
    );
  });

  it("computes past the table for boundaries too wide to tabulate", () => {
    const boundaries = [30, 200_000];
    expect(bucketLookup("due", boundaries)(150_000)).toBe(bucketIndex(150_000, "due", boundaries));
    expect(bucketLookup("due", boundaries)(250_000)).toBe(3);
  });
});

describe("parseBoundaries", () => {
  it.each<[string, number[] | null]>([
    ["30,60,90", [30, 60, 90]],
    [" 30, 60 ,90 ", [30, 60, 90]],
    ["30 60 90", [30, 60, 90]],
    ["30，60，90", [30, 60, 90]],
    ["30,60,90,120,180,360", [30, 60, 90, 120, 180, 360]],
    ["7", [7]],
    ["", null],
    ["60,30", null],
    ["30,30", null],
    ["0,30", null],
    ["-30,60", null],
    ["30,60.5", null],
    ["30,,60", null],
    ["abc", null],
  ])("%j → %j", (text, expected) => {
    expect(parseBoundaries(text)).toEqual(expected);
  });

  it("takes up to 100 boundaries (a bucket is numbered in one byte)", () => {
    const days = (count: number): number[] => Array.from({ length: count }, (_, k) => 10 * (k + 1));
    expect(isValidBoundaries(days(100))).toBe(true);
    expect(isValidBoundaries(days(101))).toBe(false);
    expect(parseBoundaries(days(101).join(","))).toBeNull();
  });

  it.each(["cli.error.badBuckets", "pane.aging.customError", "fn.boundaries.invalid"])(
    "tells the user the limit in %s, in both languages, from the {max} placeholder",
    (code) => {
      for (const lang of ["en-US", "zh-CN"] as const) {
        expect(t(lang, code, { value: "x", arg: "boundaries", max: MAX_BOUNDARIES })).toContain(String(MAX_BOUNDARIES));
        // The catalog states no limit of its own: another limit shows as that limit.
        expect(t(lang, code, { value: "x", arg: "boundaries", max: 7 })).not.toContain(String(MAX_BOUNDARIES));
      }
    },
  );

  it("ageBook refuses invalid boundaries instead of guessing", () => {
    expect(isValidBoundaries([])).toBe(false);
    expect(() => ageBook(bookOf({ invoices: [] }), options({ boundaries: [60, 30] }))).toThrow(RangeError);
  });
});

describe("ageBook", () => {
  it("ages the issue's example: 1000 Current, 300 in 1-30, 250 in 61-90", () => {
    const report = ageBook(bookOf(acmeSpec), options());
    expect(report.accounts).toHaveLength(1);
    expect(report.accounts[0]).toMatchObject({
      customer: "Acme",
      currency: "USD",
      salesRep: "Li",
      creditLimit: 500000,
      buckets: [100000, 30000, 0, 25000, 0],
      open: 155000,
      unapplied: 0,
      net: 155000,
      oldestDaysOverdue: 77,
      share: 1,
    });
    expect(Array.from(report.items.daysOverdue)).toEqual([77, 30, -15]);
    expect(report.excluded).toEqual([
      {
        kind: "payment",
        id: "PAY-9",
        reason: "after-as-of",
        sheet: "Payments",
        row: 3,
      },
    ]);
  });

  it("ages from the invoice date on the invoice basis, but still reports days overdue", () => {
    const report = ageBook(bookOf(acmeSpec), options({ basis: "invoice" }));
    expect(report.accounts[0]!.buckets).toEqual([100000, 30000, 0, 25000]);
    expect(Array.from(report.items.age)).toEqual([107, 60, 15]);
    expect(Array.from(report.items.daysOverdue)).toEqual([77, 30, -15]);
  });

  it("nets unapplied credit per account and omits accounts with nothing open or unapplied", () => {
    const report = ageBook(
      bookOf({
        invoices: [inv("A-1", "Acme", 100), inv("B-1", "Beta", 100), inv("C-1", "Gamma", 100)],
        payments: [
          {
            reference: "P1",
            customer: "Acme",
            date: "2026-10-05",
            amount: 150,
            invoiceNumber: null,
          },
          {
            reference: "P2",
            customer: "Beta",
            date: "2026-10-05",
            amount: 100,
            invoiceNumber: "B-1",
          },
        ],
      }),
      options(),
    );
    expect(report.accounts.map((a) => [a.customer, a.open, a.unapplied, a.net])).toEqual([
      ["Acme", 0, 5000, -5000],
      ["Gamma", 10000, 0, 10000],
    ]);
    expect(report.totals).toEqual([
      {
        currency: "USD",
        buckets: [0, 10000, 0, 0, 0],
        open: 10000,
        unapplied: 5000,
        net: 5000,
      },
    ]);
  });

  it("sorts accounts by currency, then customer name, and never adds currencies together", () => {
    const report = ageBook(
      bookOf({
        invoices: [
          inv("1", "beta", 10),
          inv("2", "Acme", 10, { currency: "USD" }),
          inv("3", "Zed", 1000, { currency: "JPY" }),
          inv("4", "Acme", 2000, { currency: "JPY" }),
        ],
      }),
      options(),
    );
    expect(report.accounts.map((a) => `${a.currency} ${a.customer}`)).toEqual(["JPY Acme", "JPY Zed", "USD Acme", "USD beta"]);
    expect(report.totals.map((x) => [x.currency, x.open])).toEqual([
      ["JPY", 3000],
      ["USD", 2000],
    ]);
    expect(report.accounts.map((a) => a.share)).toEqual([2 / 3, 1 / 3, 0.5, 0.5]);
  });

  it("takes the customer's rep, else the rep carrying most of the open amount", () => {
    const report = ageBook(
      bookOf({
        customers: [{ name: "Acme", salesRep: "Li" }],
        invoices: [
          inv("A-1", "Acme", 100, { salesRep: "Wang" }),
          inv("B-1", "Beta", 100, { salesRep: "Wang" }),
          inv("B-2", "Beta", 150, { salesRep: "Zhao" }),
          inv("C-1", "Gamma", 100),
        ],
      }),
      options(),
    );
    expect(report.accounts.map((a) => [a.customer, a.salesRep])).toEqual([
      ["Acme", "Li"],
      ["Beta", "Zhao"],
      ["Gamma", null],
    ]);
    expect(report.reps.map((r) => [r.salesRep, r.currency, r.open])).toEqual([
      ["Wang", "USD", 20000],
      ["Zhao", "USD", 15000],
      [null, "USD", 10000],
    ]);
  });

  it.each<[string, BookSpec["customers"], string | undefined, number | null]>([
    ["a limit in the account's currency applies", [{ name: "Acme", creditLimit: 5000, currency: "USD" }], "USD", 500000],
    ["a limit in another currency does not", [{ name: "Acme", creditLimit: 5000, currency: "EUR" }], "USD", null],
    ["a limit without currency applies in a single-currency book", [{ name: "Acme", creditLimit: 5000 }], undefined, 500000],
    ["no limit is null", [{ name: "Acme" }], undefined, null],
  ])("credit limit: %s", (_rule, customers, currency, limit) => {
    const report = ageBook(bookOf({ customers, invoices: [inv("A-1", "Acme", 100, { currency })] }), options());
    expect(report.accounts.find((a) => a.currency === (currency ?? "USD"))!.creditLimit).toBe(limit);
  });

  it("reports the book's issues and excluded rows before the allocation's", () => {
    const book = bookOf({
      invoices: [inv("A-1", "Acme", 100)],
      payments: [
        {
          reference: "P",
          customer: "Acme",
          date: "2026-10-01",
          amount: 5,
          invoiceNumber: "NOPE",
        },
      ],
      issues: [amountIssue],
    });
    book.excluded.push({
      kind: "invoice",
      id: "X",
      reason: "invalid",
      sheet: "Invoices",
      row: 9,
    });
    const report = ageBook(book, options());
    expect(report.issues.map((i) => i.code)).toEqual(["amount.invalid", "payment.invoice.unknown"]);
    expect(report.excluded.map((e) => e.reason)).toEqual(["invalid"]);
  });
});

function inv(number: string, customer: string, amount: number, extra: Partial<InvoiceSpec> = {}): InvoiceSpec {
  return {
    number,
    customer,
    invoiceDate: "2026-09-01",
    dueDate: "2026-10-01",
    amount,
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const day = fc.integer({ min: -200, max: 40 }).map((offset) => AS_OF + offset);
const randomBook = fc
  .record({
    invoices: fc.array(
      fc.record({
        customer: fc.constantFrom("A", "B", "C"),
        currency: fc.constantFrom("USD", "JPY"),
        date: day,
        terms: fc.integer({ min: 0, max: 90 }),
        cents: fc.integer({ min: -3000, max: 90000 }),
      }),
      { maxLength: 15 },
    ),
    payments: fc.array(
      fc.record({
        customer: fc.constantFrom("A", "B", "C"),
        currency: fc.constantFrom("USD", "JPY"),
        date: day,
        cents: fc.integer({ min: 1, max: 90000 }),
        invoice: fc.option(fc.nat(15), { nil: null }),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ invoices, payments }) => {
    const iso = (serialDay: number): string => new Date(Date.UTC(1899, 11, 30) + serialDay * 86400000).toISOString().slice(0, 10);
    return bookOf({
      invoices: invoices.map((d, k) => ({
        number: `I-${k}`,
        customer: d.customer,
        currency: d.currency,
        invoiceDate: iso(d.date),
        dueDate: iso(d.date + d.terms),
        amount: d.currency === "JPY" ? d.cents : d.cents / 100,
      })),
      payments: payments.map((p, k) => ({
        reference: `P-${k}`,
        customer: p.customer,
        currency: p.currency,
        date: iso(p.date),
        amount: p.currency === "JPY" ? p.cents : p.cents / 100,
        invoiceNumber: p.invoice === null ? null : `I-${p.invoice}`,
      })),
    });
  });
const anyBoundaries = fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 7 }).map((b) => b.sort((x, y) => x - y));

describe("ageBook — properties", () => {
  it("buckets always sum to open, per account, per rep and per currency; totals are the accounts' sums", () => {
    fc.assert(
      fc.property(
        randomBook,
        anyBoundaries,
        fc.constantFrom<AgingBasis>("due", "invoice"),
        fc.boolean(),
        (book: Book, boundaries, basis, autoApply) => {
          const report = ageBook(book, options({ boundaries, basis, autoApply }));
          const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
          for (const a of report.accounts) {
            expect(sum(a.buckets)).toBe(a.open);
            expect(a.net).toBe(a.open - a.unapplied);
            expect(a.open !== 0 || a.unapplied !== 0).toBe(true);
            let itemsOpen = 0;
            for (let k = a.itemStart; k < a.itemEnd; k++) itemsOpen += report.allocation.open[report.items.invoice[k]!]!;
            expect(itemsOpen).toBe(a.open);
          }
          for (const r of report.reps) expect(sum(r.buckets)).toBe(r.open);
          for (const total of report.totals) {
            const mine = report.accounts.filter((a) => a.currency === total.currency);
            expect(sum(total.buckets)).toBe(total.open);
            expect(total.open).toBe(sum(mine.map((a) => a.open)));
            expect(total.unapplied).toBe(sum(mine.map((a) => a.unapplied)));
          }
          for (let k = 0; k < report.items.length; k++) {
            const bucket = report.buckets[report.items.bucket[k]!]!;
            const age = report.items.age[k]!;
            expect(bucket.minDays === null || age >= bucket.minDays).toBe(true);
            expect(bucket.maxDays === null || age <= bucket.maxDays).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
