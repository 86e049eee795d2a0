import fc from "fast-check";
import { ageBook } from "../../../src/engine/aging";
import { addDays, isoFromSerial, serialFromIso } from "../../../src/engine/dates";
import { buildStatements } from "../../../src/engine/statements/build";
import type { StatementOptions } from "../../../src/engine/statements/types";
import type { AgingBasis, Book } from "../../../src/engine/types";
import { bookOf } from "../builders";

const d = (iso: string): number => serialFromIso(iso)!;
const OCT: Pick<StatementOptions, "from" | "to"> = { from: d("2026-10-01"), to: d("2026-10-31") };
const options = (extra: Partial<StatementOptions> = {}): StatementOptions => ({
  ...OCT,
  basis: "due",
  boundaries: [30, 60, 90],
  autoApply: true,
  lang: "en-US",
  ...extra,
});

/** Acme: one invoice before the period (part paid before), one in it, a credit note, a payment and a refund in it. */
const acme = bookOf({
  invoices: [
    { number: "INV-1", customer: "Acme Corp", invoiceDate: "2026-09-10", dueDate: "2026-10-10", amount: 500 },
    { number: "INV-2", customer: "Acme Corp", invoiceDate: "2026-10-05", dueDate: "2026-11-04", amount: 300 },
    { number: "CN-1", customer: "Acme Corp", invoiceDate: "2026-10-20", amount: -50, creditNote: true, reference: "INV-2" },
    { number: "INV-3", customer: "Acme Corp", invoiceDate: "2026-11-02", dueDate: "2026-12-02", amount: 999 },
    { number: "INV-9", customer: "Acme Corp", invoiceDate: "2026-10-05", dueDate: "2026-10-05", amount: 10, currency: "EUR" },
    { number: "INV-4", customer: "Quiet Co", invoiceDate: "2026-01-05", amount: 40 },
  ],
  payments: [
    { reference: "PAY-1", customer: "Acme Corp", date: "2026-09-20", amount: 200, invoiceNumber: "INV-1" },
    { reference: "PAY-2", customer: "Acme Corp", date: "2026-10-05", amount: 100 },
    { reference: "RF-1", customer: "Acme Corp", date: "2026-10-25", amount: -20 },
    { reference: "PAY-3", customer: "Quiet Co", date: "2026-02-01", amount: 40 },
  ],
});

describe("buildStatements — one customer, one period", () => {
  const set = buildStatements(acme, options({ openItems: true }));
  const usd = set.statements.find((s) => s.customer === "Acme Corp" && s.currency === "USD")!;

  it("opens with documents − cash dated before the period", () => {
    expect(usd.opening).toBe(50000 - 20000);
  });

  it("lists the period's documents and cash in date order, documents before cash on a tie, with a running balance", () => {
    expect(usd.lines.map((l) => [isoFromSerial(l.date), l.type, l.ref, l.debit, l.credit, l.balance])).toEqual([
      ["2026-10-05", "invoice", "INV-2", 30000, 0, 60000],
      ["2026-10-05", "payment", "PAY-2", 0, 10000, 50000],
      ["2026-10-20", "credit", "CN-1", 0, 5000, 45000],
      ["2026-10-25", "refund", "RF-1", 2000, 0, 47000],
    ]);
  });

  it("closes at opening + debits − credits, which is the aging's net at the statement date", () => {
    expect(usd.closing).toBe(47000);
    expect(usd.closing).toBe(usd.opening + usd.debits - usd.credits);
    const aged = ageBook(acme, { asOf: OCT.to, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
    expect(aged.accounts.find((a) => a.customer === "Acme Corp" && a.currency === "USD")!.net).toBe(usd.closing);
  });

  it("leaves out what is dated after the period (INV-3)", () => {
    expect(usd.lines.some((l) => l.ref === "INV-3")).toBe(false);
  });

  it("gives the aging strip at the statement date, summing to the open invoices, and the unapplied credit", () => {
    expect(set.buckets.map((b) => b.key)).toEqual(["Current", "1-30", "31-60", "61-90", "90+"]);
    expect(usd.buckets.reduce((a, b) => a + b, 0)).toBe(usd.open);
    expect(usd.open - usd.unapplied).toBe(usd.closing);
    expect(usd.openItems.length).toBeGreaterThan(0);
    expect(usd.openItems.reduce((sum, item) => sum + item.open, 0)).toBe(usd.open);
  });

  it("makes one statement per currency and never mixes amounts", () => {
    const eur = set.statements.find((s) => s.customer === "Acme Corp" && s.currency === "EUR")!;
    expect(eur.lines.map((l) => l.ref)).toEqual(["INV-9"]);
    expect(eur.closing).toBe(1000);
  });

  it("selects only accounts with a balance at either end or a line in the period", () => {
    // Quiet Co was settled in February: nothing to state in October.
    expect(set.statements.map((s) => `${s.customer}/${s.currency}`)).toEqual(["Acme Corp/EUR", "Acme Corp/USD"]);
    const year = buildStatements(acme, options({ from: d("2026-01-01") }));
    expect(year.statements.map((s) => s.customer)).toContain("Quiet Co");
  });
});

describe("buildStatements — selecting customers", () => {
  it.each([
    ["exact name", ["Acme Corp"], ["Acme Corp/EUR", "Acme Corp/USD"]],
    ["other case and spacing", ["  acme   CORP "], ["Acme Corp/EUR", "Acme Corp/USD"]],
    ["full-width letters", ["ＡＣＭＥ Corp"], ["Acme Corp/EUR", "Acme Corp/USD"]],
    ["a settled customer", ["Quiet Co"], []],
  ])("by %s", (_case, customers, expected) => {
    const set = buildStatements(acme, options({ customers }));
    expect(set.statements.map((s) => `${s.customer}/${s.currency}`)).toEqual(expected);
    expect(set.issues.filter((i) => i.code === "statements.customer.unknown")).toEqual([]);
  });

  it("names a customer that matches nothing, in the user's language, and still states the others", () => {
    const set = buildStatements(acme, options({ customers: ["Acme Corp", "Acne Corp"], lang: "zh-CN" }));
    expect(set.statements.length).toBe(2);
    const unknown = set.issues.filter((i) => i.code === "statements.customer.unknown");
    expect(unknown.map((i) => [i.value, i.message])).toEqual([["Acne Corp", "工作簿中没有名为“Acne Corp”的客户。"]]);
  });

  it("takes a sales rep's customers: the customer table's rep, else the rep on the customer's invoices", () => {
    const book = bookOf({
      customers: [{ name: "North", salesRep: "Ann" }, { name: "South", salesRep: "Bo" }, { name: "West" }],
      invoices: [
        { number: "N1", customer: "North", invoiceDate: "2026-10-02", amount: 10 },
        { number: "S1", customer: "South", invoiceDate: "2026-10-02", amount: 20, salesRep: "Ann" },
        { number: "W1", customer: "West", invoiceDate: "2026-10-02", amount: 30, salesRep: "ann" },
      ],
      payments: [],
    });
    const set = buildStatements(book, options({ salesRep: "ANN" }));
    expect(set.statements.map((s) => s.customer)).toEqual(["North", "West"]);
  });
});

describe("buildStatements — what cannot be stated", () => {
  it("refuses a book whose balances come from open amounts without payments, and says why", () => {
    const book = bookOf({ invoices: [{ number: "A", customer: "X", invoiceDate: "2026-10-02", amount: 100, openAmount: 40 }] });
    const set = buildStatements(book, options());
    expect(set.statements).toEqual([]);
    expect(set.issues.map((i) => [i.severity, i.code, i.sheet])).toEqual([["error", "statements.openAmounts", "Invoices"]]);
  });

  it("rejects a period that ends before it starts", () => {
    expect(() => buildStatements(acme, options({ from: d("2026-11-01") }))).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const BASE = d("2026-10-31");
const day = fc.integer({ min: -150, max: 40 }).map((offset) => BASE + offset);
const randomBook = fc
  .record({
    invoices: fc.array(
      fc.record({
        customer: fc.constantFrom("A", "B", "c", " a "),
        currency: fc.constantFrom("USD", "JPY"),
        date: day,
        terms: fc.integer({ min: 0, max: 90 }),
        cents: fc.integer({ min: -3000, max: 90000 }),
        reference: fc.option(fc.nat(12), { nil: null }),
      }),
      { maxLength: 14 },
    ),
    payments: fc.array(
      fc.record({
        customer: fc.constantFrom("A", "B", "C"),
        currency: fc.constantFrom("USD", "JPY"),
        date: day,
        cents: fc.integer({ min: -5000, max: 90000 }),
        invoice: fc.option(fc.nat(14), { nil: null }),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ invoices, payments }) =>
    bookOf({
      invoices: invoices.map((doc, k) => ({
        number: `I-${k % 9}`,
        customer: doc.customer,
        currency: doc.currency,
        invoiceDate: isoFromSerial(doc.date),
        dueDate: isoFromSerial(doc.date + doc.terms),
        amount: doc.currency === "JPY" ? doc.cents : doc.cents / 100,
        reference: doc.cents < 0 && doc.reference !== null ? `I-${doc.reference}` : null,
      })),
      payments: payments.map((p, k) => ({
        reference: `P-${k}`,
        customer: p.customer,
        currency: p.currency,
        date: isoFromSerial(p.date),
        amount: p.currency === "JPY" ? p.cents : p.cents / 100,
        invoiceNumber: p.invoice === null ? null : `I-${p.invoice}`,
      })),
    }),
  );
const period = fc.tuple(day, fc.integer({ min: 0, max: 60 })).map(([from, length]) => ({ from, to: addDays(from, length) }));

/** The book without the payments `drop` selects. */
function withoutPayments(book: Book, drop: (p: number) => boolean): Book {
  const pay = book.payments;
  if (!pay) return book;
  const keep: number[] = [];
  for (let p = 0; p < pay.length; p++) if (!drop(p)) keep.push(p);
  return {
    ...book,
    payments: {
      ...pay,
      length: keep.length,
      row: Int32Array.from(keep, (p) => pay.row[p]!),
      reference: keep.map((p) => pay.reference[p]!),
      customer: Int32Array.from(keep, (p) => pay.customer[p]!),
      currency: Int32Array.from(keep, (p) => pay.currency[p]!),
      date: Int32Array.from(keep, (p) => pay.date[p]!),
      amount: Float64Array.from(keep, (p) => pay.amount[p]!),
      invoiceNumber: keep.map((p) => pay.invoiceNumber[p] ?? null),
    },
  };
}

function netAtOf(
  book: Book,
  asOf: number,
  aging: { basis: AgingBasis; boundaries: number[]; autoApply: boolean; lang: "en-US" },
): Map<string, number> {
  return new Map(ageBook(book, { asOf, ...aging }).accounts.map((a) => [`${a.customerIndex}/${a.currency}`, a.net]));
}

describe("buildStatements — properties", () => {
  it("opening = net at from − 1, closing = net at to = opening + Σdebit − Σcredit, running balance line by line, for every account", () => {
    fc.assert(
      fc.property(
        randomBook,
        period,
        fc.constantFrom<AgingBasis>("due", "invoice"),
        fc.boolean(),
        (book: Book, { from, to }, basis, autoApply) => {
          const aging = { basis, boundaries: [30, 60, 90], autoApply, lang: "en-US" as const };
          const set = buildStatements(book, { from, to, ...aging });
          // A payment in another currency than the invoice it names is an error the aging at `to`
          // leaves out of every balance; at from − 1 that invoice may not exist yet, so the aging
          // then counts the payment. The statement follows `to` (where it must tie), so the opening
          // is compared with the book without those payments.
          const atToAllocation = ageBook(book, { asOf: to, ...aging }).allocation.payments;
          const mismatched = (p: number): boolean => book.payments!.date[p]! <= to && atToAllocation!.account[p]! < 0;
          const before = netAtOf(withoutPayments(book, mismatched), from - 1, aging);
          const atTo = netAtOf(book, to, aging);
          const stated = new Set(set.statements.map((s) => `${s.customerIndex}/${s.currency}`));
          for (const s of set.statements) {
            const key = `${s.customerIndex}/${s.currency}`;
            expect(s.opening).toBe(before.get(key) ?? 0);
            expect(s.closing).toBe(atTo.get(key) ?? 0);
            expect(s.closing).toBe(s.opening + s.debits - s.credits);
            expect(s.opening !== 0 || s.closing !== 0 || s.lines.length > 0).toBe(true);
            let balance = s.opening;
            for (const line of s.lines) {
              expect(line.debit >= 0 && line.credit >= 0 && (line.debit === 0 || line.credit === 0)).toBe(true);
              expect(line.date >= from && line.date <= to).toBe(true);
              balance += line.debit - line.credit;
              expect(line.balance).toBe(balance);
            }
            for (let k = 1; k < s.lines.length; k++) expect(s.lines[k]!.date).toBeGreaterThanOrEqual(s.lines[k - 1]!.date);
            expect(s.buckets.reduce((a, b) => a + b, 0)).toBe(s.open);
          }
          // Every account with a balance at either end is stated.
          for (const [key, net] of [...before, ...atTo]) if (net !== 0) expect(stated.has(key)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
