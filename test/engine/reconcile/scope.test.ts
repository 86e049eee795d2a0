/**
 * Scope "customers-in-b": a customer's statement is compared with our ledger on that customer
 * only; the other customers' rows are counted as left out, never reported as missing in B.
 */
import fc from "fast-check";
import { reconcileSheet, toReconcileJson } from "../../../src/engine/report/reconcile";
import { reconcile } from "../../../src/engine/reconcile";
import { A_HEADER, BASE, run, table, type Line } from "./tables";

const D = "2026-10-01";
const ledger: Line[] = [
  ["INV-001", "Acme Supply Inc.", D, 100], // 2
  ["INV-002", "Beta Foods", D, 250], // 3
  ["INV-003", "Acme Supply Inc.", D, 300], // 4
  ["INV-004", "Gamma", D, 40], // 5
  ["INV-005", "  ACME  SUPPLY INC.", D, 75], // 6, the same customer as the reader compares names (case, spaces)
];
// Acme's statement: INV-003 booked at 310, INV-005 not received yet, and a line we do not have.
const statement: Line[] = [
  ["INV-001", "Acme Supply Inc.", D, 100],
  ["INV-003", "Acme Supply Inc.", D, 310],
  ["DN-77", "Acme Supply Inc.", D, 12],
];

describe("scope customers-in-b", () => {
  const all = run(ledger, statement);
  const scoped = run(ledger, statement, { scope: "customers-in-b" });

  it("compares only the customers B names, and counts the rest as left out", () => {
    expect(all.records.filter((r) => r.outcome === "missing-in-b").map((r) => r.aRows)).toEqual([[3], [5], [6]]);
    expect(scoped.settings.scope).toBe("customers-in-b");
    expect(scoped.scoped).toEqual({ customers: ["Acme Supply Inc."], leftA: 2 });
    expect(scoped.records.map((r) => [r.outcome, r.aRows, r.bRows])).toEqual([
      ["matched", [2], [2]],
      ["amount-differs", [4], [3]],
      ["missing-in-b", [6], []],
      ["missing-in-a", [], [4]],
    ]);
    expect(scoped.tieOut).toEqual([
      expect.objectContaining({ currency: "USD", totalA: 47500, totalB: 42200, variance: -1000, unmatchedA: 7500, unmatchedB: 1200 }),
    ]);
  });

  it.each<["en-US" | "zh-CN", string]>([
    ["en-US", "A is limited to the customers in B (Acme Supply Inc.): 2 rows of A belong to other customers and are not compared."],
    ["zh-CN", "A 仅限 B 中的客户（Acme Supply Inc.）：A 中另有 2 行属于其他客户，不参与比对。"],
  ])("says so on the sheet's settings line and in the JSON (%s)", (lang, line) => {
    expect(String(reconcileSheet(scoped, lang).cells[1]![0])).toContain(line);
    expect(String(reconcileSheet(all, lang).cells[1]![0])).not.toContain(line.slice(0, 12));
    expect(toReconcileJson(scoped).scoped).toEqual({ customers: ["Acme Supply Inc."], leftA: 2 });
    expect(toReconcileJson(all).scoped).toBeUndefined();
  });

  it("compares everything, with a warning, when B has no customer column", () => {
    const noCustomer = reconcile(
      table("Ours", A_HEADER, ledger),
      table(
        "Theirs",
        ["Reference", "Date", "Amount"],
        statement.map(([key, , date, amount]) => [key, date, amount]),
      ),
      { ...BASE, scope: "customers-in-b" },
    );
    expect(noCustomer.settings.scope).toBe("all");
    expect(noCustomer.scoped).toBeUndefined();
    expect(noCustomer.issues.map((i) => [i.severity, i.code])).toContainEqual(["warning", "reconcile.scope.no-customer"]);
    expect(noCustomer.tieOut[0]!.rowsA).toBe(ledger.length);
  });

  it("keeps every readable row of A either compared or counted as left out, and the tie-out balanced", () => {
    const customers = ["Acme", "Beta", "Gamma", "Delta"];
    const line = fc.tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom(...customers), fc.integer({ min: 1, max: 5000 }));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), fc.array(line, { minLength: 1, maxLength: 10 }), (a, b) => {
        const toLines = (rows: [number, string, number][]): Line[] => rows.map(([n, c, amount]) => [`K-${n}`, c, D, amount]);
        const result = run(toLines(a), toLines(b), { scope: "customers-in-b" });
        const named = new Set(b.map(([, c]) => c));
        const inScope = a.filter(([, c]) => named.has(c)).length;
        expect(result.scoped!.leftA).toBe(a.length - inScope);
        expect(result.tieOut.reduce((n, tie) => n + tie.rowsA, 0)).toBe(inScope);
        for (const record of result.records) {
          if (record.aRows.length > 0 && record.customerA !== undefined) expect(named.has(record.customerA)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
