/**
 * The tie-out: per currency, total A − total B = variance + unmatched A − unmatched B.
 *
 * It holds exactly because every usable row is in exactly one record: a record with rows on
 * both sides adds ΣA − ΣB to `variance`, a record with rows on one side only adds its amount
 * to `unmatchedA` or `unmatchedB`. Excluded rows are in neither total. Money is integer minor
 * units, so the identity is checked with `===`, not within a rounding allowance.
 */
import { OUTCOMES, type OutcomeSummary, type ReconcileRecord, type SideRows, type TieOut } from "./types";

function emptyTieOut(currency: string): TieOut {
  return { currency, totalA: 0, totalB: 0, difference: 0, variance: 0, unmatchedA: 0, unmatchedB: 0, rowsA: 0, rowsB: 0 };
}

function addTotals(rows: SideRows, into: TieOut[], side: "A" | "B"): void {
  for (let i = 0; i < rows.length; i++) {
    const tie = into[rows.currency[i] ?? 0];
    if (!tie) continue;
    if (side === "A") {
      tie.totalA += rows.amount[i] ?? 0;
      tie.rowsA++;
    } else {
      tie.totalB += rows.amount[i] ?? 0;
      tie.rowsB++;
    }
  }
}

/**
 * True when a tie-out balances: totalA − totalB = variance + unmatchedA − unmatchedB and
 * difference = totalA − totalB.
 *
 * @example
 * tieOutBalances({ currency: "USD", totalA: 500, totalB: 300, difference: 200, variance: 50,
 *   unmatchedA: 150, unmatchedB: 0, rowsA: 3, rowsB: 2 }) // true
 */
export function tieOutBalances(tie: TieOut): boolean {
  return tie.difference === tie.totalA - tie.totalB && tie.difference === tie.variance + tie.unmatchedA - tie.unmatchedB;
}

/**
 * Tie-out per currency (only currencies with rows, in registry order), computed from the rows
 * and the records independently, and asserted: if it does not balance, a row was lost or
 * counted twice, which is a bug, so this throws rather than report wrong numbers.
 *
 * @example
 * tieOut(a, b, records, ["USD"]) // [{ currency: "USD", totalA, totalB, difference, … }]
 */
export function tieOut(a: SideRows, b: SideRows, records: readonly ReconcileRecord[], currencies: readonly string[]): TieOut[] {
  const ties = currencies.map(emptyTieOut);
  const byCode = new Map(ties.map((tie) => [tie.currency, tie]));
  addTotals(a, ties, "A");
  addTotals(b, ties, "B");
  for (const record of records) {
    const tie = byCode.get(record.currency);
    if (!tie) throw new Error(`Reconciliation record in unknown currency ${record.currency}`);
    if (record.variance !== null) tie.variance += record.variance;
    else if (record.amountA !== null) tie.unmatchedA += record.amountA;
    else if (record.amountB !== null) tie.unmatchedB += record.amountB;
  }
  const used = ties.filter((tie) => tie.rowsA + tie.rowsB > 0);
  for (const tie of used) {
    tie.difference = tie.totalA - tie.totalB;
    if (!tieOutBalances(tie)) {
      throw new Error(
        `Reconciliation tie-out does not balance in ${tie.currency}: ${tie.totalA} - ${tie.totalB} != ${tie.variance} + ${tie.unmatchedA} - ${tie.unmatchedB}`,
      );
    }
  }
  return used;
}

/**
 * Count, rows and amounts per outcome and currency, outcomes in OUTCOMES order; outcomes that
 * did not occur are left out.
 *
 * @example
 * summarize(records, ["USD"]) // [{ outcome: "matched", currency: "USD", count: 98, … }, …]
 */
export function summarize(records: readonly ReconcileRecord[], currencies: readonly string[]): OutcomeSummary[] {
  const slots = new Map<string, OutcomeSummary>();
  for (const record of records) {
    const id = `${record.currency}\u0001${record.outcome}`;
    let slot = slots.get(id);
    if (!slot) {
      slot = { outcome: record.outcome, currency: record.currency, count: 0, rowsA: 0, rowsB: 0, amountA: 0, amountB: 0, variance: 0 };
      slots.set(id, slot);
    }
    slot.count++;
    slot.rowsA += record.aRows.length;
    slot.rowsB += record.bRows.length;
    slot.amountA += record.amountA ?? 0;
    slot.amountB += record.amountB ?? 0;
    slot.variance += record.variance ?? 0;
  }
  const out: OutcomeSummary[] = [];
  for (const currency of currencies) {
    for (const outcome of OUTCOMES) {
      const slot = slots.get(`${currency}\u0001${outcome}`);
      if (slot) out.push(slot);
    }
  }
  return out;
}
