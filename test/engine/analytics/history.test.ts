import fc from "fast-check";
import { ageBook, type AgingReport } from "../../../src/engine/aging";
import { buildHistory, currencyTotals, historyRows, type HistoryGrouping, type HistoryRow } from "../../../src/engine/analytics/history";
import { kpiRows } from "../../../src/engine/analytics/kpi";
import { repScorecard, rollRates } from "../../../src/engine/analytics/scorecard";
import { monthEndSerial, monthKey, parseMonth } from "../../../src/engine/analytics/months";
import type { AgingBasis, Book } from "../../../src/engine/types";
import { bookOf, invoiceSpecsOfDraws, paymentSpecsOfDraws, type CustomerSpec } from "../builders";

const month = (text: string): number => parseMonth(text)!;

// ---------------------------------------------------------------------------------------------
// Random books over half a year: several customers, reps, two currencies, credit notes with and
// without references (some to invoices dated later), payments naming invoices (some dated before
// their invoice, some in another currency), refunds, prepayments, credit limits.
// ---------------------------------------------------------------------------------------------

const CUSTOMERS = ["Acme", "Beta", "Gamma", "Delta"];
const REPS = ["Li", "Ng", null];
const CURRENCIES = ["USD", "JPY"];
const DAYS = [
  "2026-03-15",
  "2026-04-01",
  "2026-04-30",
  "2026-05-10",
  "2026-05-31",
  "2026-06-01",
  "2026-06-20",
  "2026-07-04",
  "2026-07-31",
  "2026-08-02",
  "2026-08-30",
  "2026-09-15",
  "2026-10-01",
  "2026-10-31",
  "2026-11-20",
];

const invoiceArb = fc.record({
  n: fc.integer({ min: 0, max: 9 }),
  customer: fc.constantFrom(...CUSTOMERS),
  currency: fc.constantFrom(...CURRENCIES),
  invoiceDate: fc.constantFrom(...DAYS),
  dueDays: fc.constantFrom(0, 15, 30, 45, 60, 95, 150),
  cents: fc.integer({ min: 1, max: 100000 }),
  creditNote: fc.boolean(),
  reference: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
  rep: fc.constantFrom(...REPS),
});
const paymentArb = fc.record({
  customer: fc.constantFrom(...CUSTOMERS),
  currency: fc.constantFrom(...CURRENCIES),
  date: fc.constantFrom(...DAYS),
  cents: fc.integer({ min: -5000, max: 120000 }),
  invoice: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
});
const customerArb = fc.record({ rep: fc.constantFrom(...REPS), limit: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }) });

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

const bookArb = fc
  .record({
    invoices: fc.array(invoiceArb, { maxLength: 24 }),
    payments: fc.array(paymentArb, { maxLength: 20 }),
    customers: fc.array(customerArb, { minLength: CUSTOMERS.length, maxLength: CUSTOMERS.length }),
  })
  .map(({ invoices, payments, customers }) => {
    const specs = invoiceSpecsOfDraws(invoices, (d) => ({ dueDate: addDays(d.invoiceDate, d.dueDays), salesRep: d.rep }));
    const paymentSpecs = paymentSpecsOfDraws(payments);
    const customerSpecs: CustomerSpec[] = customers.map((c, k) => ({
      name: CUSTOMERS[k]!,
      salesRep: c.rep,
      creditLimit: c.limit,
      currency: c.limit === undefined ? undefined : "USD",
    }));
    return bookOf({ invoices: specs, payments: paymentSpecs, customers: customerSpecs });
  });

/** An ERP export: no payments table, open amounts on the documents (some out of range). */
const openAmountBookArb = fc
  .array(fc.record({ d: invoiceArb, openShare: fc.option(fc.integer({ min: -20, max: 120 }), { nil: undefined }) }), { maxLength: 20 })
  .map((docs) => {
    const specs = invoiceSpecsOfDraws(
      docs.map(({ d, openShare }) => ({ ...d, openShare })),
      (d, major) => {
        const open = d.openShare === undefined ? undefined : (Math.round(major * d.openShare) / 100) * (d.creditNote ? -1 : 1);
        return {
          dueDate: addDays(d.invoiceDate, d.dueDays),
          openAmount: open === undefined ? undefined : d.currency === "JPY" ? Math.round(open) : open,
        };
      },
    );
    return bookOf({ invoices: specs, payments: null });
  });

const FROM = month("2026-04");
const TO = month("2026-10");

/** The aging at month `m`'s end, as the history's month-ends are computed (due basis, 30/60/90, auto-apply). */
function monthEndAging(book: Book, m: number): AgingReport {
  return ageBook(book, { asOf: monthEndSerial(m), basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
}

function history(book: Book, groupBy: HistoryGrouping, basis: AgingBasis = "due", autoApply = true): HistoryRow[] {
  return historyRows(buildHistory(book, { from: FROM, to: TO, basis, boundaries: [30, 60, 90], autoApply, lang: "en-US", groupBy }));
}

const nonZero = (values: number[]): boolean => values.some((v) => v !== 0);

describe("buildHistory — properties on random books", () => {
  it.each<[AgingBasis, boolean]>([
    ["due", true],
    ["invoice", true],
    ["due", false],
  ])("each month-end's currency totals equal the aging at that date (basis %s, autoApply %s)", (basis, autoApply) => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const rows = history(book, "currency", basis, autoApply);
        for (let m = FROM; m <= TO; m++) {
          const aging = ageBook(book, { asOf: monthEndSerial(m), basis, boundaries: [30, 60, 90], autoApply, lang: "en-US" });
          const expected = aging.totals.filter((total) => total.open !== 0 || total.unapplied !== 0 || total.net !== 0);
          const actual = rows.filter((r) => r.month === m && (r.open !== 0 || r.unapplied !== 0 || r.closing !== 0));
          expect(
            actual.map((r) => ({ currency: r.currency, buckets: r.buckets, open: r.open, unapplied: r.unapplied, net: r.closing })),
          ).toEqual(
            expected.map((total) => ({
              currency: total.currency,
              buckets: total.buckets,
              open: total.open,
              unapplied: total.unapplied,
              net: total.net,
            })),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it("books without payments: open amounts are the truth at every month-end, as in the aging, and a warning says so", () => {
    fc.assert(
      fc.property(openAmountBookArb, (book) => {
        const built = buildHistory(book, {
          from: FROM,
          to: TO,
          basis: "due",
          boundaries: [30, 60, 90],
          autoApply: true,
          lang: "en-US",
          groupBy: "currency",
        });
        const rows = historyRows(built);
        const stated = Array.from(book.invoices.openAmount).some((v) => !Number.isNaN(v));
        expect(built.issues.some((i) => i.code === "analytics.history.open-amounts")).toBe(stated);
        for (let m = FROM; m <= TO; m++) {
          const aging = monthEndAging(book, m);
          const actual = rows.filter((r) => r.month === m && (r.open !== 0 || r.unapplied !== 0 || r.closing !== 0));
          expect(actual.map((r) => [r.currency, r.buckets, r.unapplied, r.closing])).toEqual(
            aging.totals
              .filter((x) => x.open !== 0 || x.unapplied !== 0 || x.net !== 0)
              .map((x) => [x.currency, x.buckets, x.unapplied, x.net]),
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it("holds the roll-forward identity, closing(m) = opening(m + 1), and current + overdue = open = Σ buckets", () => {
    fc.assert(
      fc.property(bookArb, fc.constantFrom<HistoryGrouping>("currency", "customer", "rep"), (book, groupBy) => {
        const rows = history(book, groupBy);
        const byGroup = new Map<string, HistoryRow[]>();
        for (const row of rows) byGroup.set(`${row.currency}|${row.key}`, [...(byGroup.get(`${row.currency}|${row.key}`) ?? []), row]);
        for (const series of byGroup.values()) {
          expect(series.map((r) => r.month)).toEqual(Array.from({ length: TO - FROM + 1 }, (_, k) => FROM + k));
          series.forEach((r, k) => {
            expect(r.closing).toBe(r.opening + r.invoiced - r.credits - r.cash + r.refunds);
            if (k > 0) expect(r.opening).toBe(series[k - 1]!.closing);
            expect(r.current + r.overdue).toBe(r.open);
            expect(r.buckets.reduce((x, y) => x + y, 0)).toBe(r.open);
            expect(r.overdue61).toBeLessThanOrEqual(r.overdue);
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it("by customer: each account's month-end equals the aging's account (buckets, open, unapplied, net = closing)", () => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const rows = history(book, "customer");
        for (let m = FROM; m <= TO; m++) {
          const aging = monthEndAging(book, m);
          const key = (currency: string, customer: string | null) => `${currency}|${customer}`;
          const expected = new Map(
            aging.accounts.map((a) => [key(a.currency, a.customer), { buckets: a.buckets, unapplied: a.unapplied, net: a.net }]),
          );
          const actual = new Map(
            rows
              .filter((r) => r.month === m && (r.open !== 0 || r.unapplied !== 0))
              .map((r) => [key(r.currency, r.key), { buckets: r.buckets, unapplied: r.unapplied, net: r.closing }]),
          );
          expect(actual).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("by rep: open items per (rep of the invoice, currency) equal the aging's rep totals", () => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const rows = history(book, "rep");
        for (let m = FROM; m <= TO; m++) {
          const aging = monthEndAging(book, m);
          const expected = aging.reps
            .filter((r) => r.open !== 0)
            .map((r) => ({ rep: r.salesRep, currency: r.currency, buckets: r.buckets }));
          const actual = rows
            .filter((r) => r.month === m && r.open !== 0)
            .map((r) => ({ rep: r.key, currency: r.currency, buckets: r.buckets }));
          expect(actual).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("currency totals of a sweep by rep or by customer equal the sweep by currency: rows, KPIs, roll rates, issues", () => {
    fc.assert(
      fc.property(
        fc.oneof(bookArb, openAmountBookArb),
        fc.constantFrom<HistoryGrouping>("customer", "rep"),
        fc.constantFrom<AgingBasis>("due", "invoice"),
        (book, groupBy, basis) => {
          const options = { from: FROM, to: TO, basis, boundaries: [30, 60, 90], autoApply: true, lang: "en-US" as const };
          const direct = buildHistory(book, { ...options, groupBy: "currency" });
          const totals = currencyTotals(buildHistory(book, { ...options, groupBy }), book.currencies);
          const rows = historyRows(totals);
          expect(rows).toEqual(historyRows(direct));
          expect(kpiRows(totals, 3, rows)).toEqual(kpiRows(direct, 3));
          expect(rollRates(totals, rows)).toEqual(rollRates(direct));
          expect(totals.issues).toEqual(direct.issues);
          expect(totals.options).toEqual(direct.options);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the scorecard of a whole-ledger sweep by rep equals the one of a sweep keeping only the window's months", () => {
    fc.assert(
      fc.property(bookArb, fc.integer({ min: 1, max: 4 }), (book, window) => {
        const options = {
          from: FROM,
          to: TO,
          basis: "due" as const,
          boundaries: [30, 60, 90],
          autoApply: true,
          lang: "en-US" as const,
          groupBy: "rep" as const,
        };
        expect(repScorecard(buildHistory(book, options), window)).toEqual(
          repScorecard(buildHistory(book, { ...options, keepMonths: window }), window),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("generates books that exercise the sweep (references dated before their invoice, unapplied credit, every bucket)", () => {
    // Guards the properties above against a generator that stopped producing the hard cases.
    const samples = fc.sample(bookArb, { numRuns: 200, seed: 7 });
    expect(samples.length).toBe(200);
    const rows = samples.flatMap((book) => history(book, "currency"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.unapplied > 0)).toBe(true);
    expect(rows.some((r) => r.refunds > 0)).toBe(true);
    for (let b = 0; b < 5; b++) expect(rows.some((r) => r.buckets[b]! > 0)).toBe(true);
    expect(nonZero(rows.map((r) => r.overdue61))).toBe(true);
  });
});

describe("buildHistory — a worked ledger", () => {
  const book = bookOf({
    invoices: [
      { number: "INV-1", customer: "Acme", invoiceDate: "2026-08-05", dueDate: "2026-09-04", amount: 1000 },
      { number: "INV-2", customer: "Acme", invoiceDate: "2026-09-10", dueDate: "2026-10-10", amount: 500 },
      { number: "CN-1", customer: "Acme", invoiceDate: "2026-09-20", amount: -100, creditNote: true, reference: "INV-2" },
    ],
    payments: [
      { reference: "P-1", customer: "Acme", date: "2026-09-30", amount: 400, invoiceNumber: "INV-1" },
      { reference: "P-2", customer: "Acme", date: "2026-10-15", amount: 700 },
      { reference: "R-1", customer: "Acme", date: "2026-10-20", amount: -50 },
    ],
  });
  const rows = historyRows(
    buildHistory(book, {
      from: month("2026-08"),
      to: month("2026-10"),
      basis: "due",
      boundaries: [30, 60, 90],
      autoApply: true,
      lang: "en-US",
      groupBy: "currency",
    }),
  );

  it("rolls each month forward from the documents and payments dated in it", () => {
    expect(rows.map((r) => [monthKey(r.month), r.opening, r.invoiced, r.credits, r.cash, r.refunds, r.closing])).toEqual([
      ["2026-08", 0, 100000, 0, 0, 0, 100000],
      ["2026-09", 100000, 50000, 10000, 40000, 0, 100000],
      ["2026-10", 100000, 0, 0, 70000, 5000, 35000],
    ]);
  });

  it("ages each month-end as the aging would: Sept 30 has INV-1's 600 26 days overdue and INV-2's 400 not yet due", () => {
    const september = rows[1]!;
    expect(september.buckets).toEqual([40000, 60000, 0, 0, 0]);
    expect([september.current, september.overdue, september.unapplied]).toEqual([40000, 60000, 0]);
    // Oct 31: unreferenced P-2 (700) less the refund R-1 (50) leaves 650 of credit, which settles
    // INV-1's 600 and 50 of INV-2 (due Oct 10: 21 days overdue), so 350 is open, nothing unapplied.
    const october = rows[2]!;
    expect(october.buckets).toEqual([0, 35000, 0, 0, 0]);
    expect(october.unapplied).toBe(0);
    expect(october.closing).toBe(october.open - october.unapplied);
  });
});
