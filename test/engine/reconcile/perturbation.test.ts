/**
 * Property tests: table B is made from a random table A by known perturbations, and the
 * reconciliation must find every one with its exact kind and counterpart rows, while the
 * tie-out balances. A second property throws arbitrary (colliding, multi-currency) tables at
 * it and checks the invariants that hold whatever the data.
 */
import fc from "fast-check";
import type { CellValue } from "../../../src/engine/types";
import { reconcile, tieOutBalances, type ReconcileOutcome } from "../../../src/engine/reconcile";
import { BASE, table, type Line } from "./tables";

const AMOUNT_TOLERANCE = 0.05; // 5 cents
const DATE_TOLERANCE = 2;
const CUSTOMERS = ["Acme", "Beta", "Cyan"];

type Perturbation =
  | { kind: "keep" }
  | { kind: "jitter"; cents: number; days: number }
  | { kind: "drop" }
  | { kind: "duplicate" }
  | { kind: "amount"; cents: number }
  | { kind: "date"; days: number }
  | { kind: "split"; parts: number[]; newKeys: boolean };

const perturbation: fc.Arbitrary<Perturbation> = fc.oneof(
  fc.constant<Perturbation>({ kind: "keep" }),
  fc.record({
    kind: fc.constant("jitter" as const),
    cents: fc.integer({ min: -5, max: 5 }),
    days: fc.integer({ min: -DATE_TOLERANCE, max: DATE_TOLERANCE }),
  }),
  fc.constant<Perturbation>({ kind: "drop" }),
  fc.constant<Perturbation>({ kind: "duplicate" }),
  fc.record({
    kind: fc.constant("amount" as const),
    cents: fc.oneof(fc.integer({ min: 6, max: 50000 }), fc.integer({ min: -50000, max: -6 })),
  }),
  fc.record({
    kind: fc.constant("date" as const),
    days: fc.oneof(fc.integer({ min: DATE_TOLERANCE + 1, max: 60 }), fc.integer({ min: -60, max: -DATE_TOLERANCE - 1 })),
  }),
  fc.record({
    kind: fc.constant("split" as const),
    // Shares of the amount: 2 or 3 parts, each at least 1 cent.
    parts: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 3 }),
    newKeys: fc.boolean(),
  }),
);

const source = fc.record({
  cents: fc.integer({ min: 100, max: 10_000_000 }),
  customer: fc.integer({ min: 0, max: CUSTOMERS.length - 1 }),
  date: fc.integer({ min: 46000, max: 46400 }),
  keyStyle: fc.integer({ min: 0, max: 3 }),
  perturbation,
});

/** The same invoice number written the ways statements write it. */
function writtenKey(n: number, style: number): string {
  return [`${n}`, `inv ${String(n).padStart(6, "0")}`, `ＩＮＶ${n}`, `No.${n}`][style] ?? `${n}`;
}

/** Splits `cents` in proportion to `shares`, every part at least 1 cent, summing exactly. */
function splitCents(cents: number, shares: readonly number[]): number[] {
  const total = shares.reduce((s, x) => s + x, 0);
  const parts = shares.map((s) => Math.max(1, Math.floor((cents * s) / total)));
  const rest = cents - parts.reduce((s, x) => s + x, 0);
  parts[0] = (parts[0] ?? 0) + rest;
  return parts[0]! >= 1 ? parts : [cents - (shares.length - 1), ...shares.slice(1).map(() => 1)];
}

interface Expected {
  outcome: ReconcileOutcome;
  aRows: number[];
  /** Indexes of B lines (sheet rows are known only after shuffling). */
  bLines: number[];
  variance: number | null;
}

describe("reconcile finds every perturbation of A in B", () => {
  it("with its exact kind and rows, and the tie-out balances", () => {
    fc.assert(
      fc.property(
        fc.array(source, { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 100, max: 100000 }), { maxLength: 3 }),
        fc.func(fc.integer()),
        (sources, extras, order) => {
          const aLines: Line[] = [];
          const bLines: Line[] = [];
          const expected: Expected[] = [];
          sources.forEach((s, i) => {
            const n = 1000 + i;
            const p = s.perturbation;
            // A cross-key split is searched among rows of one customer: give it a customer of its
            // own, so another perturbation of that customer cannot add up to it by coincidence.
            const customer = p.kind === "split" && p.newKeys ? `Solo ${i}` : (CUSTOMERS[s.customer] ?? "Acme");
            const aRow = aLines.length + 2;
            aLines.push([`INV-${String(n).padStart(5, "0")}`, customer, s.date, s.cents / 100]);
            const key = writtenKey(n, s.keyStyle);
            const b = (k: string, cents: number, date: number): number => bLines.push([k, customer, date, cents / 100]) - 1;
            switch (p.kind) {
              case "keep":
                expected.push({ outcome: "matched", aRows: [aRow], bLines: [b(key, s.cents, s.date)], variance: 0 });
                break;
              case "jitter":
                expected.push({
                  outcome: "matched",
                  aRows: [aRow],
                  bLines: [b(key, s.cents + p.cents, s.date + p.days)],
                  variance: 0 - p.cents,
                });
                break;
              case "drop":
                expected.push({ outcome: "missing-in-b", aRows: [aRow], bLines: [], variance: null });
                break;
              case "duplicate":
                expected.push({
                  outcome: "duplicate-key",
                  aRows: [aRow],
                  bLines: [b(key, s.cents, s.date), b(key, s.cents, s.date)],
                  variance: -s.cents,
                });
                break;
              case "amount":
                expected.push({
                  outcome: "amount-differs",
                  aRows: [aRow],
                  bLines: [b(key, s.cents + p.cents, s.date)],
                  variance: -p.cents,
                });
                break;
              case "date":
                expected.push({ outcome: "date-differs", aRows: [aRow], bLines: [b(key, s.cents, s.date + p.days)], variance: 0 });
                break;
              case "split": {
                const parts = splitCents(s.cents, p.parts);
                const lines = parts.map((cents, k) => b(p.newKeys ? `PAY-${n}-${k}` : key, cents, s.date));
                expected.push({ outcome: "split", aRows: [aRow], bLines: lines, variance: 0 });
                break;
              }
            }
          });
          extras.forEach((cents, k) => {
            const line = bLines.push([`EXTRA-${k}`, "Zed", 46100, cents / 100]) - 1;
            expected.push({ outcome: "missing-in-a", aRows: [], bLines: [line], variance: null });
          });

          // Shuffle B: statements are not in our order.
          const permutation = bLines.map((_, i) => i).sort((x, y) => order(x) - order(y) || x - y);
          const sheetRowOf = new Map(permutation.map((line, position) => [line, position + 2]));
          const shuffled = permutation.map((line) => bLines[line] as Line);

          const result = reconcile(
            table("Ours", ["Invoice No", "Customer", "Invoice Date", "Amount"], aLines),
            table("Theirs", ["Reference", "Customer", "Date", "Amount"], shuffled),
            {
              ...BASE,
              amountTolerance: AMOUNT_TOLERANCE,
              dateTolerance: DATE_TOLERANCE,
            },
          );

          const found = result.records.map((r) => ({ outcome: r.outcome, aRows: r.aRows, bRows: r.bRows, variance: r.variance }));
          const wanted = expected.map((e) => ({
            outcome: e.outcome,
            aRows: e.aRows,
            bRows: e.bLines.map((line) => sheetRowOf.get(line) ?? -1).sort((x, y) => x - y),
            variance: e.variance,
          }));
          const byRows = (x: { aRows: number[]; bRows: number[] }, y: { aRows: number[]; bRows: number[] }): number =>
            (x.aRows[0] ?? 1e9) - (y.aRows[0] ?? 1e9) || (x.bRows[0] ?? 1e9) - (y.bRows[0] ?? 1e9);
          expect(found.sort(byRows)).toEqual(wanted.sort(byRows));
          expect(result.issues).toEqual([]);

          const [tie] = result.tieOut;
          const totalA = sources.reduce((s, x) => s + x.cents, 0);
          const totalB = bLines.reduce((s, line) => s + Math.round(Number(line[3]) * 100), 0);
          expect(tie).toMatchObject({ currency: "USD", totalA, totalB, difference: totalA - totalB });
          expect(tie && tieOutBalances(tie)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("reconcile on arbitrary tables", () => {
  const cell = fc.record({
    key: fc.constantFrom<CellValue>("1", "INV-1", "2", "inv 002", "3", "#3", "4", "5", null, "---"),
    customer: fc.constantFrom<CellValue>("Acme", "ACME", "Beta", null),
    date: fc.oneof(fc.integer({ min: 46000, max: 46010 }), fc.constant<CellValue>(null), fc.constant<CellValue>("31/02/2026")),
    amount: fc.oneof(
      fc.integer({ min: -5000, max: 5000 }).map((c) => c / 100),
      fc.constant<CellValue>("abc"),
      fc.constant<CellValue>(0),
    ),
    currency: fc.constantFrom<CellValue>("USD", "EUR", "JPY", null),
  });
  const lines = fc.array(
    cell.map((c): Line => [c.key, c.customer, c.date, c.amount, c.currency]),
    { maxLength: 25 },
  );

  it("puts every usable row in exactly one record and balances every currency exactly", () => {
    fc.assert(
      fc.property(lines, lines, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 2, max: 4 }), (a, b, days, maxParts) => {
        const result = reconcile(
          table("Ours", ["Invoice No", "Customer", "Invoice Date", "Amount", "Currency"], a),
          table("Theirs", ["Reference", "Customer", "Date", "Amount", "Currency"], b),
          {
            ...BASE,
            amountTolerance: 0.02,
            dateTolerance: days,
            splitSearchLimit: { maxParts },
          },
        );
        const aRows = result.records.flatMap((r) => r.aRows).sort((x, y) => x - y);
        const bRows = result.records.flatMap((r) => r.bRows).sort((x, y) => x - y);
        expect(aRows).toEqual(Array.from(result.a.rows.row));
        expect(bRows).toEqual(Array.from(result.b.rows.row));
        expect(result.a.rows.length + result.excluded.filter((e) => e.side === "A").length).toBeLessThanOrEqual(a.length);
        for (const tie of result.tieOut) expect(tieOutBalances(tie)).toBe(true);
        for (const record of result.records) {
          // Within tolerance: 2 minor units of USD and EUR, none of JPY.
          const tolerance = record.currency === "JPY" ? 0 : 2;
          if (record.outcome === "matched" || record.outcome === "split")
            expect(Math.abs(record.variance ?? NaN)).toBeLessThanOrEqual(tolerance);
          if (record.outcome === "amount-differs") expect(Math.abs(record.variance ?? NaN)).toBeGreaterThan(tolerance);
          if (record.outcome === "split") expect(Math.max(record.aRows.length, record.bRows.length)).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
