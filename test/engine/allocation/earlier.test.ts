/**
 * The overdue position at an earlier date from a later allocation: the same two sums per account
 * as applying cash at that date in full and summing the open invoices past due (the reference
 * below), on random books with everything that moves money: payments naming an invoice (over-
 * claiming it, naming another currency's, naming an invoice dated later), refunds, credit notes
 * naming an invoice or not, several currencies.
 */
import fc from "fast-check";
import { dueOf } from "../../../src/engine/aging";
import { allocateCash } from "../../../src/engine/allocation";
import { overdueAtEarlierDate } from "../../../src/engine/allocation/earlier";
import type { Book } from "../../../src/engine/types";
import { bookOf, serial, type InvoiceSpec, type PaymentSpec } from "../builders";

const EARLIER = serial("2026-09-30");
const LATER = serial("2026-10-31");

/** Overdue and more-than-`days` sums by customer/currency from cash applied at `date` in full. */
function reference(book: Book, date: number, days: number): Map<string, [number, number]> {
  const allocation = allocateCash(book, { asOf: date, autoApply: true, lang: "en-US" });
  const inv = book.invoices;
  const sums = new Map<string, [number, number]>();
  for (let i = 0; i < inv.length; i++) {
    const open = allocation.open[i]!;
    if (open === 0 || allocation.account[i]! < 0 || inv.isCreditNote[i]) continue;
    const daysOverdue = date - dueOf(inv.dueDate[i]!, inv.invoiceDate[i]!, date);
    if (daysOverdue < 1) continue;
    const key = `${book.customers.name[inv.customer[i]!]}/${book.currencies[inv.currency[i]!]}`;
    const [overdue, beyond] = sums.get(key) ?? [0, 0];
    sums.set(key, [overdue + open, beyond + (daysOverdue > days ? open : 0)]);
  }
  return new Map([...sums].filter(([, [overdue]]) => overdue !== 0));
}

/** The same sums from {@link overdueAtEarlierDate}, keyed alike; null when it declined. */
function fromLater(book: Book, date: number, days: number, laterDate: number): Map<string, [number, number]> | null {
  const later = allocateCash(book, { asOf: laterDate, autoApply: true, lang: "en-US" });
  const sums = overdueAtEarlierDate(book, date, days, later);
  if (sums === null) return null;
  const result = new Map<string, [number, number]>();
  for (let a = 0; a < later.accounts.length; a++) {
    if (sums.overdue[a] === 0) continue;
    const key = `${book.customers.name[later.accounts.customer[a]!]}/${book.currencies[later.accounts.currency[a]!]}`;
    result.set(key, [sums.overdue[a]!, sums.beyond[a]!]);
  }
  return result;
}

describe("overdueAtEarlierDate", () => {
  it("takes the credit off the oldest items first, and leaves out cash dated after the earlier date", () => {
    const book = bookOf({
      invoices: [
        { number: "I1", customer: "Acme", invoiceDate: "2026-06-01", dueDate: "2026-07-01", amount: 100 },
        { number: "I2", customer: "Acme", invoiceDate: "2026-08-15", dueDate: "2026-09-14", amount: 300 },
        { number: "I3", customer: "Acme", invoiceDate: "2026-09-20", dueDate: "2026-10-20", amount: 50 },
      ],
      payments: [
        { reference: "P1", customer: "Acme", date: "2026-09-10", amount: 120 },
        { reference: "P2", customer: "Acme", date: "2026-10-05", amount: 300, invoiceNumber: "I2" },
      ],
    });
    // At 2026-09-30: P1's 120.00 settles I1 (91 days past due) and 20.00 of I2 (16 days); P2 is later.
    expect(fromLater(book, EARLIER, 60, LATER)).toEqual(new Map([["Acme/USD", [28000, 0]]]));
    expect(fromLater(book, EARLIER, 60, LATER)).toEqual(reference(book, EARLIER, 60));
  });

  const customers = ["Acme", "Beta"];
  const currencies = ["USD", "EUR"];
  const days = Array.from({ length: 12 }, (_, k) => serial("2026-06-01") + k * 15 - 2);
  const invoice = fc.record({
    customer: fc.constantFrom(...customers),
    currency: fc.constantFrom(...currencies),
    invoiceDate: fc.constantFrom(...days),
    terms: fc.constantFrom(0, 15, 30, 45, 90),
    cents: fc.integer({ min: 1, max: 50000 }),
    creditNote: fc.boolean(),
    reference: fc.option(fc.nat({ max: 9 }), { nil: null }),
  });
  const payment = fc.record({
    customer: fc.constantFrom(...customers),
    currency: fc.constantFrom(...currencies),
    date: fc.constantFrom(...days),
    cents: fc.integer({ min: -3000, max: 60000 }).filter((c) => c !== 0),
    invoice: fc.option(fc.nat({ max: 9 }), { nil: null }),
  });
  const isoOf = (s: number): string => new Date(Date.UTC(1899, 11, 30) + s * 86400000).toISOString().slice(0, 10);

  it("property: the sums of a full cash application at the earlier date, from any later allocation", () => {
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(invoice, { minLength: 1, maxLength: 10 }),
        fc.array(payment, { maxLength: 10 }),
        fc.integer({ min: 0, max: 90 }),
        fc.constantFrom(EARLIER, LATER, LATER + 40),
        (invs, pays, threshold, laterDate) => {
          const specs: InvoiceSpec[] = invs.map((d, k) => ({
            number: `${d.creditNote ? "CN" : "I"}${k}`,
            customer: d.customer,
            currency: d.currency,
            invoiceDate: isoOf(d.invoiceDate),
            dueDate: isoOf(d.invoiceDate + d.terms),
            amount: d.creditNote ? -d.cents / 100 : d.cents / 100,
            creditNote: d.creditNote,
            reference: d.creditNote && d.reference !== null ? `I${d.reference}` : null,
          }));
          const paymentSpecs: PaymentSpec[] = pays.map((p, k) => ({
            reference: `P${k}`,
            customer: p.customer,
            currency: p.currency,
            date: isoOf(p.date),
            amount: p.cents / 100,
            invoiceNumber: p.invoice === null ? null : `I${p.invoice}`,
          }));
          const book = bookOf({ invoices: specs, payments: paymentSpecs });
          const sums = fromLater(book, EARLIER, threshold, laterDate);
          expect(sums).not.toBeNull();
          expect(sums).toEqual(reference(book, EARLIER, threshold));
          if (sums!.size > 0) compared++;
        },
      ),
      { numRuns: 400 },
    );
    // Most random books have something overdue at the earlier date: the comparison is not vacuous.
    expect(compared).toBeGreaterThan(100);
  });

  it("declines a book whose open amounts are stated rather than paid (cash is then applied in full)", () => {
    const book = bookOf({
      invoices: [{ number: "I1", customer: "Acme", invoiceDate: "2026-06-01", amount: 100, openAmount: 40 }],
    });
    const later = allocateCash(book, { asOf: LATER, autoApply: true, lang: "en-US" });
    expect(overdueAtEarlierDate(book, EARLIER, 60, later)).toBeNull();
  });
});
