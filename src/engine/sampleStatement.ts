/**
 * The sample book's customer statement: one customer's own record of what they were invoiced
 * (their side of the account), so "Insert sample data" gives the Reconcile view something to
 * compare. It follows our Invoices table for the busiest customer, with a few deliberate
 * differences a real statement shows:
 * - the newest invoice is not on it yet (still in the post): missing in B;
 * - one amount was booked differently (a price they dispute): amount differs;
 * - one invoice was booked three days late (on receipt): date differs;
 * - one invoice was booked in two parts (two deliveries): split;
 * - one invoice was booked twice: duplicate key;
 * - one line is a document we never issued to them: missing in A.
 * Their references are our numbers as a customer keys them ("INV-0000012" as "12"), which the
 * reconciliation's key rules read as the same document.
 *
 * Pure and deterministic: the same book gives the same statement.
 */
import type { CellValue, Lang, TableData } from "./types";

/** Header of the statement table, in column order, per language. */
export const SAMPLE_STATEMENT_HEADERS: Record<Lang, readonly string[]> = {
  "en-US": ["Document No", "Customer", "Date", "Amount", "Currency"],
  // "客户名称" rather than "客户": a table headed like the customer master would compete with it.
  "zh-CN": ["发票号", "客户名称", "入账日期", "金额", "币种"],
};

/** Sheet of the statement table per language; its table name stays ASCII. */
export const SAMPLE_STATEMENT_SHEETS: Record<Lang, string> = { "en-US": "Customer Statement", "zh-CN": "客户对账单" };
export const SAMPLE_STATEMENT_TABLE = "CustomerStatement";

/** Columns of the sample's Invoices table used here (see SAMPLE_HEADERS). */
const COL = { number: 0, customer: 1, date: 2, amount: 5, currency: 6 } as const;

/** One of our invoice rows the statement follows. */
interface Line {
  number: string;
  date: number;
  amount: number;
  currency: string | null;
}

/**
 * How a customer keys our document number: without our prefix and leading zeros.
 *
 * @example
 * theirReference("INV-0000012") // "12"
 * theirReference("CN-0000040")  // "CN-40"
 */
export function theirReference(number: string): string {
  const match = /^([A-Z]+)-0*(\d+)$/.exec(number);
  if (!match) return number;
  return match[1] === "INV" ? match[2]! : `${match[1]}-${match[2]}`;
}

/** The amount a statement shows for ours plus `delta` major units, in the currency's digits. */
function shifted(amount: number, delta: number, currency: string | null): number {
  return currency === "JPY" ? Math.round(amount + delta * 100) : Math.round((amount + delta) * 100) / 100;
}

/**
 * The customer statement of the busiest customer of a sample book (the one with the most
 * readable rows in the Invoices table, the first such by name on a tie); null when the book has
 * no customer with at least six readable invoices.
 *
 * @example
 * const statement = generateSampleStatement(generateSampleBook({ invoices: 60, seed: 1 }));
 * statement?.sheet // "Customer Statement"
 */
export function generateSampleStatement(book: readonly TableData[], lang: Lang = "en-US"): TableData | null {
  const invoices = book.find((table) => table.name === "Invoices");
  if (!invoices) return null;
  const byCustomer = new Map<string, Line[]>();
  for (const row of invoices.rows) {
    const [number, customer, date, amount] = [row[COL.number], row[COL.customer], row[COL.date], row[COL.amount]];
    // Rows the sample spoiled on purpose (text amounts, ambiguous dates) are left to the aging's issues.
    if (typeof number !== "string" || typeof customer !== "string" || typeof date !== "number" || typeof amount !== "number") continue;
    const currency = typeof row[COL.currency] === "string" ? (row[COL.currency] as string) : null;
    const lines = byCustomer.get(customer) ?? [];
    lines.push({ number, date, amount, currency });
    byCustomer.set(customer, lines);
  }
  let chosen: [string, Line[]] | null = null;
  for (const entry of [...byCustomer.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Invoice numbers repeat only where the sample made a duplicate on purpose: skip such customers.
    if (new Set(entry[1].map((l) => l.number)).size !== entry[1].length) continue;
    if (!chosen || entry[1].length > chosen[1].length) chosen = entry;
  }
  if (!chosen || chosen[1].filter((l) => l.amount > 1).length < 6) return null;
  const [customer, ours] = chosen;
  const currency = ours.find((l) => l.currency !== null)?.currency ?? null;
  const lines = [...ours].sort((x, y) => x.date - y.date || (x.number < y.number ? -1 : 1));

  const rows: CellValue[][] = [];
  const add = (reference: string, date: number, amount: number) => rows.push([reference, customer, date, amount, currency]);
  const newest = lines.length - 1;
  // The differences fall on invoices (positive amounts), never on the first line (it matches)
  // nor the newest (it is not on the statement at all).
  const positive = lines.flatMap((line, k) => (k > 0 && k < newest && line.amount > 1 ? [k] : []));
  const [differs, late, split, twice] = positive;
  lines.forEach((line, k) => {
    const reference = theirReference(line.number);
    if (k === newest) return; // not received yet
    if (k === differs) return add(reference, line.date, shifted(line.amount, 12.5, currency)); // booked differently
    if (k === late) return add(reference, line.date + 3, line.amount); // booked on receipt
    if (k === split) {
      // Two deliveries, two bookings.
      const part = shifted(Math.floor(line.amount * 40) / 100, 0, currency);
      add(reference, line.date, part);
      return add(reference, line.date, shifted(line.amount - part, 0, currency));
    }
    add(reference, line.date, line.amount);
    if (k === twice) add(reference, line.date, line.amount); // booked twice
  });
  // A document we never issued to them (another supplier's, booked on our account).
  const last = lines[newest - 1] ?? lines[0]!;
  add("90417", last.date, shifted(0, 480, currency));

  return {
    sheet: SAMPLE_STATEMENT_SHEETS[lang],
    name: SAMPLE_STATEMENT_TABLE,
    header: [...SAMPLE_STATEMENT_HEADERS[lang]],
    rows,
    firstRow: 2,
    firstColumn: 0,
  };
}
