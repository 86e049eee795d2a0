import fc from "fast-check";
import { countBackDso, kpiRows } from "../../../src/engine/analytics/kpi";
import { buildHistory, historyRows } from "../../../src/engine/analytics/history";
import { monthKey, parseMonth } from "../../../src/engine/analytics/months";
import { roundTo } from "../../../src/engine/analytics/round";
import { rollRates } from "../../../src/engine/analytics/scorecard";
import { bookOf } from "../builders";

const month = (text: string): number => parseMonth(text)!;
// April to September: 30, 31, 30, 31, 31, 30 days.
const SALES = [2250, 2000, 2500, 2250, 1750, 2500];
const DAYS = [30, 31, 30, 31, 31, 30];

describe("countBackDso — the exhaustion method", () => {
  it.each([
    [13000, 179.67],
    [12000, 166.33],
    [2500, 30],
    [1250, 15],
    [0, 0],
    [-100, 0],
  ])("debtors %d after Apr–Sep sales 2,250/2,000/2,500/2,250/1,750/2,500 → %d days", (debtors, days) => {
    const result = countBackDso(debtors, SALES, DAYS);
    expect(roundTo(result.days)).toBe(days);
    expect(result.exhausted).toBe(false);
  });

  it("adds the days of a month without sales and keeps walking", () => {
    expect(countBackDso(1000, [1000, 0], [31, 30])).toEqual({ days: 61, exhausted: false });
  });

  it("stops at the first month given, flagged, when the balance outlasts the ledger", () => {
    expect(countBackDso(20000, SALES, DAYS)).toEqual({ days: 183, exhausted: true });
  });

  it("never exceeds the days walked and grows with the balance", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 5000 }), { minLength: 1, maxLength: 12 }),
        fc.nat(60000),
        fc.nat(5000),
        (sales, balance, more) => {
          const days = sales.map((_, k) => 28 + (k % 4));
          const a = countBackDso(balance, sales, days);
          const b = countBackDso(balance + more, sales, days);
          expect(a.days).toBeGreaterThanOrEqual(0);
          expect(a.days).toBeLessThanOrEqual(days.reduce((x, y) => x + y, 0));
          expect(b.days).toBeGreaterThanOrEqual(a.days - 1e-9);
        },
      ),
    );
  });
});

describe("kpiRows — formulas on a worked ledger", () => {
  // One customer, USD. July: invoice 3,000 due Aug 15. August: invoice 1,500 due Sep 30, 1,000 paid on the July invoice.
  // September: credit note 500, payment 1,200 (unreferenced: settles the July invoice oldest first).
  const book = bookOf({
    invoices: [
      { number: "INV-1", customer: "Acme", invoiceDate: "2026-07-10", dueDate: "2026-08-15", amount: 3000 },
      { number: "INV-2", customer: "Acme", invoiceDate: "2026-08-20", dueDate: "2026-09-30", amount: 1500 },
      { number: "CN-1", customer: "Acme", invoiceDate: "2026-09-05", amount: -500, creditNote: true },
    ],
    payments: [
      { reference: "P-1", customer: "Acme", date: "2026-08-25", amount: 1000, invoiceNumber: "INV-1" },
      { reference: "P-2", customer: "Acme", date: "2026-09-12", amount: 1200 },
    ],
  });
  const history = buildHistory(book, {
    from: month("2026-07"),
    to: month("2026-09"),
    basis: "due",
    boundaries: [30, 60, 90],
    autoApply: true,
    lang: "en-US",
    groupBy: "currency",
  });
  const rows = historyRows(history);
  const kpis = kpiRows(history, 3, rows);

  it("computes each measure from the month's figures (minor units)", () => {
    const september = kpis.find((k) => monthKey(k.month) === "2026-09")!;
    const row = rows.find((r) => monthKey(r.month) === "2026-09")!;
    // Opening 3,500 (3,000 + 1,500 − 1,000); sales 0 − 500 = −500; cash 1,200; closing 1,800.
    expect([row.opening, row.closing, row.cash, row.current, row.overdue]).toEqual([350000, 180000, 120000, 150000, 30000]);
    expect(september.sales).toBe(-50000);
    // Window Jul–Sep: sales 3,000 + 1,500 − 500 = 4,000 over 92 days.
    expect(september.dso).toBeCloseTo((180000 / 400000) * 92, 10);
    expect(september.bpdso).toBeCloseTo((150000 / 400000) * 92, 10);
    expect(september.add).toBeCloseTo((30000 / 400000) * 92, 10);
    expect(september.cei).toBeCloseTo(((350000 - 50000 - 180000) / (350000 - 50000 - 150000)) * 100, 10);
    expect(september.overduePct).toBeCloseTo((30000 / 180000) * 100, 10);
    expect(september.collectionRate).toBeCloseTo((120000 / 300000) * 100, 10);
    // Count-back from 1,800: September has net credits (adds 30 days), August's 1,500 is consumed
    // whole (31 days), and the remaining 300 is a tenth of July's 3,000 (3.1 days).
    expect(september.dsoCountBack).toBeCloseTo(30 + 31 + (30000 / 300000) * 31, 10);
  });

  it("returns null, never Infinity or NaN, for undefined ratios", () => {
    // June: only a prepayment. No sales in the window, no open items, nothing collectible.
    const empty = bookOf({ invoices: [], payments: [{ reference: "P", customer: "Acme", date: "2026-06-20", amount: 100 }] });
    const h = buildHistory(empty, {
      from: month("2026-06"),
      to: month("2026-06"),
      basis: "due",
      boundaries: [30],
      autoApply: true,
      lang: "en-US",
      groupBy: "currency",
    });
    const [june] = kpiRows(h, 3);
    expect(june).toMatchObject({ dso: null, bpdso: null, add: null, cei: null, overduePct: null, collectionRate: null, dsoCountBack: 0 });
  });

  it("roll rates: the share of a bucket at the previous month-end found one bucket older", () => {
    const rates = rollRates(history, rows);
    expect(rates.length).toBeGreaterThan(0);
    // Aug 31: INV-1's 2,000 is 16 days overdue (1-30); Sep 30: after P-2 800 of it is 46 days overdue (31-60).
    const aged = rates.find((r) => monthKey(r.month) === "2026-09" && r.from === "1-30")!;
    expect(aged.rate).toBeCloseTo(30000 / 200000, 12);
    const fromEmpty = rates.find((r) => monthKey(r.month) === "2026-09" && r.from === "31-60")!;
    expect(fromEmpty.rate).toBeNull();
  });
});
