import fc from "fast-check";
import { allocateCash, compareDocumentNumbers, type Allocation } from "../../src/engine/allocation";
import type { Book } from "../../src/engine/types";
import { numberHash } from "../../src/engine/numberIndex";
import {
  bookOf,
  invoiceSpecsOfDraws,
  paymentSpecsOfDraws,
  permuteBook,
  serial,
  type BookSpec,
  type InvoiceSpec,
  type PaymentSpec,
} from "./builders";

const AS_OF = "2026-10-31";

/** Allocates and reads the result back in major units, keyed by invoice number and account. */
function allocate(spec: BookSpec, options: { asOf?: string; autoApply?: boolean } = {}) {
  const book = bookOf(spec);
  const allocation = allocateCash(book, { asOf: serial(options.asOf ?? AS_OF), autoApply: options.autoApply ?? true, lang: "en-US" });
  return view(book, allocation);
}

function view(book: Book, allocation: Allocation) {
  const inv = book.invoices;
  const scale = (i: number): number => (book.currencies[inv.currency[i]!] === "JPY" ? 1 : 100);
  const open: Record<string, number> = {};
  const applied: Record<string, number> = {};
  for (let i = 0; i < inv.length; i++) {
    if (!allocation.included[i]) continue;
    open[inv.number[i]!] = allocation.open[i]! / scale(i);
    applied[inv.number[i]!] = allocation.applied[i]! / scale(i);
  }
  const unapplied: Record<string, number> = {};
  for (let a = 0; a < allocation.accounts.length; a++) {
    const currency = book.currencies[allocation.accounts.currency[a]!]!;
    const key = `${book.customers.name[allocation.accounts.customer[a]!]}/${currency}`;
    unapplied[key] = allocation.accounts.unapplied[a]! / (currency === "JPY" ? 1 : 100);
  }
  return { book, allocation, open, applied, unapplied, codes: allocation.issues.map((i) => `${i.severity}:${i.code}`) };
}

const inv = (number: string, amount: number, extra: Partial<InvoiceSpec> = {}): InvoiceSpec => ({
  number,
  customer: "Acme",
  invoiceDate: "2026-09-01",
  dueDate: "2026-10-01",
  amount,
  ...extra,
});
const pay = (reference: string, amount: number, invoiceNumber: string | null, extra: Partial<PaymentSpec> = {}): PaymentSpec => ({
  reference,
  customer: "Acme",
  date: "2026-10-10",
  amount,
  invoiceNumber,
  ...extra,
});

describe("allocateCash — rule by rule", () => {
  it.each<[string, BookSpec, { autoApply?: boolean }, Record<string, number>, Record<string, number>, string[]]>([
    [
      "a partial payment leaves the rest open",
      { invoices: [inv("INV-1", 500)], payments: [pay("P1", 200, "INV-1")] },
      {},
      { "INV-1": 300 },
      { "Acme/USD": 0 },
      [],
    ],
    [
      "a full payment closes the invoice",
      { invoices: [inv("INV-1", 500)], payments: [pay("P1", 500, "INV-1")] },
      {},
      { "INV-1": 0 },
      { "Acme/USD": 0 },
      [],
    ],
    [
      "excess over the named invoice becomes unapplied credit",
      { invoices: [inv("INV-1", 500)], payments: [pay("P1", 700, "INV-1")] },
      {},
      { "INV-1": 0 },
      { "Acme/USD": 200 },
      [],
    ],
    [
      "excess settles the customer's other invoices oldest due first",
      {
        invoices: [inv("INV-1", 500), inv("INV-2", 300, { dueDate: "2026-10-20" }), inv("INV-3", 300, { dueDate: "2026-09-20" })],
        payments: [pay("P1", 900, "INV-1")],
      },
      {},
      { "INV-1": 0, "INV-2": 200, "INV-3": 0 },
      { "Acme/USD": 0 },
      [],
    ],
    [
      "a reference is matched case-, width- and space-insensitively",
      { invoices: [inv("INV-1", 500)], payments: [pay("P1", 100, " ｉｎｖ-1 ")] },
      { autoApply: false },
      { "INV-1": 400 },
      { "Acme/USD": 0 },
      [],
    ],
    [
      "a payment naming an unknown invoice is a warning and its cash is unreferenced",
      { invoices: [inv("INV-1", 500)], payments: [pay("P1", 100, "INV-404")] },
      { autoApply: false },
      { "INV-1": 500 },
      { "Acme/USD": 100 },
      ["warning:payment.invoice.unknown"],
    ],
    [
      "a payment naming another customer's invoice stays with the payer",
      {
        invoices: [inv("INV-1", 500), inv("B-1", 400, { customer: "Beta" })],
        payments: [pay("P1", 100, "B-1")],
      },
      {},
      { "INV-1": 400, "B-1": 400 },
      { "Acme/USD": 0, "Beta/USD": 0 },
      ["warning:payment.invoice.other-customer"],
    ],
    [
      "a currency mismatch is an error and the payment is left out of the balances",
      { invoices: [inv("INV-1", 500)], payments: [pay("P1", 100, "INV-1", { currency: "EUR" })] },
      {},
      { "INV-1": 500 },
      { "Acme/USD": 0, "Acme/EUR": 0 },
      ["error:payment.currency-mismatch"],
    ],
    [
      "a credit note applies to the invoice it references, not the oldest",
      {
        invoices: [inv("INV-1", 500, { dueDate: "2026-09-15" }), inv("INV-2", 300), inv("CN-1", -100, { reference: "INV-2" })],
      },
      {},
      { "INV-1": 500, "INV-2": 200, "CN-1": 0 },
      { "Acme/USD": 0 },
      [],
    ],
    [
      "a credit note written positive but typed as one is still a credit",
      { invoices: [inv("INV-1", 500), inv("CN-1", 100, { creditNote: true, reference: "INV-1" })] },
      {},
      { "INV-1": 400, "CN-1": 0 },
      { "Acme/USD": 0 },
      [],
    ],
    [
      "a credit note larger than its invoice leaves the rest as credit",
      { invoices: [inv("INV-1", 100), inv("CN-1", -150, { reference: "INV-1" })] },
      {},
      { "INV-1": 0 },
      { "Acme/USD": 50 },
      [],
    ],
    [
      "a credit note without a reference is unreferenced credit, applied oldest due first",
      { invoices: [inv("INV-1", 500, { dueDate: "2026-10-15" }), inv("INV-2", 300, { dueDate: "2026-09-15" }), inv("CN-1", -400)] },
      {},
      { "INV-1": 400, "INV-2": 0 },
      { "Acme/USD": 0 },
      [],
    ],
    [
      "a credit note referencing an invoice in another currency stays credit in its own currency",
      { invoices: [inv("INV-1", 500), inv("CN-1", -100, { reference: "INV-1", currency: "EUR" })] },
      {},
      { "INV-1": 500 },
      { "Acme/USD": 0, "Acme/EUR": 100 },
      ["warning:credit.reference.currency-mismatch"],
    ],
    [
      "a credit note referencing an unknown invoice is a warning",
      { invoices: [inv("INV-1", 500), inv("CN-1", -100, { reference: "INV-9" })] },
      { autoApply: false },
      { "INV-1": 500 },
      { "Acme/USD": 100 },
      ["warning:credit.reference.unknown"],
    ],
    [
      "with auto-apply off unreferenced cash and credit are kept",
      {
        invoices: [inv("INV-1", 500), inv("CN-1", -50)],
        payments: [pay("P1", 100, null), pay("P2", 200, "INV-1")],
      },
      { autoApply: false },
      { "INV-1": 300 },
      { "Acme/USD": 150 },
      [],
    ],
    [
      "a refund (negative payment) reduces the customer's credit and reopens nothing",
      { invoices: [inv("INV-1", 500)], payments: [pay("P1", 600, "INV-1"), pay("R1", -30, null)] },
      {},
      { "INV-1": 0 },
      { "Acme/USD": 70 },
      [],
    ],
    [
      "accounts are per currency: cash in JPY never settles a USD invoice",
      {
        invoices: [inv("INV-1", 500), inv("J-1", 10000, { currency: "JPY" })],
        payments: [pay("P1", 4000, null, { currency: "JPY" })],
      },
      {},
      { "INV-1": 500, "J-1": 6000 },
      { "Acme/USD": 0, "Acme/JPY": 0 },
      [],
    ],
  ])("%s", (_rule, spec, options, open, unapplied, codes) => {
    const result = allocate(spec, options);
    expect(result.open).toMatchObject(open);
    expect(result.unapplied).toEqual(unapplied);
    expect(result.codes).toEqual(codes);
  });

  it("orders oldest due first with ties by invoice date, then invoice number as read (INV-9 before INV-10), then row", () => {
    const result = allocate({
      invoices: [
        inv("INV-10", 100, { dueDate: "2026-10-01", invoiceDate: "2026-09-01" }),
        inv("INV-9", 100, { dueDate: "2026-10-01", invoiceDate: "2026-09-01" }),
        inv("INV-8", 100, { dueDate: "2026-10-01", invoiceDate: "2026-09-02" }),
        inv("INV-1", 100, { dueDate: "2026-10-02", invoiceDate: "2026-08-01" }),
      ],
      payments: [pay("P1", 250, null)],
    });
    expect(result.open).toEqual({ "INV-9": 0, "INV-10": 0, "INV-8": 50, "INV-1": 100 });
  });

  it("orders the same way when due dates span centuries (too wide to count)", () => {
    const result = allocate({
      invoices: [
        inv("INV-2", 100, { dueDate: "2190-01-01", invoiceDate: "1950-01-02" }),
        inv("INV-10", 100, { dueDate: "1950-02-01", invoiceDate: "1950-01-01" }),
        inv("INV-9", 100, { dueDate: "1950-02-01", invoiceDate: "1950-01-01" }),
      ],
      payments: [pay("P1", 150, null)],
    });
    expect(result.open).toEqual({ "INV-9": 0, "INV-10": 50, "INV-2": 100 });
  });

  it("applies payments naming the same invoice in date order, ties by sheet row", () => {
    const { allocation } = allocate({
      invoices: [inv("INV-1", 500)],
      payments: [
        pay("LATE", 400, "INV-1", { date: "2026-10-20", row: 2 }),
        pay("TIE-B", 100, "INV-1", { date: "2026-10-05", row: 9 }),
        pay("TIE-A", 300, "INV-1", { date: "2026-10-05", row: 7 }),
      ],
    });
    // TIE-A (row 7) first, then TIE-B, then LATE takes the last 100.
    expect(Array.from(allocation.payments!.applied)).toEqual([10000, 10000, 30000]);
  });

  it("says which customer owns the invoice a payment names", () => {
    const { allocation } = allocate({
      invoices: [inv("B-1", 400, { customer: "Beta Ltd" })],
      payments: [pay("P1", 100, "B-1", { customer: "Acme" })],
    });
    expect(allocation.issues[0]).toMatchObject({ sheet: "Payments", row: 2, value: "B-1" });
    expect(allocation.issues[0]!.message).toContain("Beta Ltd");
    expect(allocation.issues[0]!.message).toContain("P1");
  });

  it("lists a currency-mismatch payment as excluded and leaves it out of the payment results", () => {
    const { allocation } = allocate({ invoices: [inv("INV-1", 500)], payments: [pay("P1", 100, "INV-1", { currency: "EUR", row: 5 })] });
    expect(allocation.excluded).toEqual([{ kind: "payment", id: "P1", reason: "currency-mismatch", sheet: "Payments", row: 5 }]);
    expect(allocation.payments!.included[0]).toBe(0);
    expect(allocation.payments!.account[0]).toBe(-1);
  });
});

describe("allocateCash — the as-of date", () => {
  const spec: BookSpec = {
    invoices: [inv("INV-1", 500), inv("INV-LATER", 900, { invoiceDate: "2026-11-02", dueDate: "2026-12-02", row: 3 })],
    payments: [
      pay("P1", 100, "INV-1"),
      pay("P-LATER", 200, "INV-1", { date: "2026-11-01", row: 3 }),
      pay("P3", 50, "INV-LATER", { row: 4 }),
    ],
  };

  it("excludes and lists documents and payments dated after as-of, never silently", () => {
    const { allocation, open } = allocate(spec, { autoApply: false });
    expect(allocation.excluded).toEqual([
      { kind: "invoice", id: "INV-LATER", reason: "after-as-of", sheet: "Invoices", row: 3 },
      { kind: "payment", id: "P-LATER", reason: "after-as-of", sheet: "Payments", row: 3 },
    ]);
    expect(open).toEqual({ "INV-1": 400 });
    expect(Array.from(allocation.included)).toEqual([1, 0]);
  });

  it("keeps cash naming a later invoice as unreferenced, with a warning", () => {
    const { unapplied, codes } = allocate(spec, { autoApply: false });
    expect(unapplied).toEqual({ "Acme/USD": 50 });
    expect(codes).toEqual(["warning:payment.invoice.after-as-of"]);
  });

  it("includes documents dated on the as-of date itself", () => {
    const { open } = allocate({ invoices: [inv("INV-1", 500, { invoiceDate: AS_OF, dueDate: AS_OF })] });
    expect(open).toEqual({ "INV-1": 500 });
  });
});

describe("allocateCash — books with open amounts and no payments", () => {
  it.each<[string, InvoiceSpec[], Record<string, number>, Record<string, number>, string[]]>([
    ["the open-amount column is the open amount", [inv("INV-1", 500, { openAmount: 120 })], { "INV-1": 120 }, { "INV-1": 380 }, []],
    [
      "a row without an open amount is fully open",
      [inv("INV-1", 500, { openAmount: 120 }), inv("INV-2", 80)],
      { "INV-1": 120, "INV-2": 80 },
      { "INV-2": 0 },
      [],
    ],
    [
      "an open amount above the amount is clamped, with a warning",
      [inv("INV-1", 500, { openAmount: 600 })],
      { "INV-1": 500 },
      { "INV-1": 0 },
      ["warning:open.out-of-range"],
    ],
    [
      "a negative open amount is clamped to 0, with a warning",
      [inv("INV-1", 500, { openAmount: -5 })],
      { "INV-1": 0 },
      { "INV-1": 500 },
      ["warning:open.out-of-range"],
    ],
    [
      "a credit note's open amount is credit applied to the invoice it references",
      [
        inv("INV-1", 500, { openAmount: 300 }),
        inv("INV-2", 200, { openAmount: 200, dueDate: "2026-09-02" }),
        inv("CN-1", -100, { openAmount: -40, reference: "INV-1" }),
      ],
      { "INV-1": 260, "INV-2": 200, "CN-1": 0 },
      { "INV-1": 240, "CN-1": -40 },
      [],
    ],
    [
      "an unreferenced credit note's open amount is applied oldest due first",
      [
        inv("INV-1", 500, { openAmount: 300 }),
        inv("INV-2", 200, { openAmount: 200, dueDate: "2026-09-02" }),
        inv("CN-1", -100, { openAmount: -40 }),
      ],
      { "INV-1": 300, "INV-2": 160 },
      {},
      [],
    ],
  ])("%s", (_rule, invoices, open, applied, codes) => {
    const result = allocate({ invoices });
    expect(result.open).toMatchObject(open);
    expect(result.applied).toMatchObject(applied);
    expect(result.codes).toEqual(codes);
  });

  it("formats the out-of-range warning in the currency", () => {
    const { allocation } = allocate({ invoices: [inv("INV-1", 500, { openAmount: 600 })] });
    expect(allocation.issues[0]!.message).toBe("Open amount 600.00 USD of INV-1 is outside 0 to 500.00 USD; 500.00 USD is used.");
  });

  it("ignores open amounts when the book has payments: payments are the truth", () => {
    const { open } = allocate({ invoices: [inv("INV-1", 500, { openAmount: 120 })], payments: [] });
    expect(open).toEqual({ "INV-1": 500 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties on random books
// ---------------------------------------------------------------------------------------------

const CUSTOMERS = ["Acme", "Beta", "Gamma"];
const CURRENCIES = ["USD", "JPY"];
const DAYS = ["2026-08-01", "2026-09-01", "2026-10-01", "2026-10-31", "2026-11-15"];

const invoiceArb = fc.record({
  n: fc.integer({ min: 0, max: 6 }),
  customer: fc.constantFrom(...CUSTOMERS),
  currency: fc.constantFrom(...CURRENCIES),
  invoiceDate: fc.constantFrom(...DAYS),
  dueDate: fc.constantFrom(...DAYS),
  cents: fc.integer({ min: 1, max: 100000 }),
  creditNote: fc.boolean(),
  reference: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
  openShare: fc.option(fc.integer({ min: -20, max: 120 }), { nil: undefined }),
});
const paymentArb = fc.record({
  customer: fc.constantFrom(...CUSTOMERS),
  currency: fc.constantFrom(...CURRENCIES),
  date: fc.constantFrom(...DAYS),
  cents: fc.integer({ min: -5000, max: 150000 }),
  invoice: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
});

/** A random book: invoice numbers unique per customer, references that may or may not resolve. */
const bookArb = fc
  .record({
    invoices: fc.array(invoiceArb, { maxLength: 14 }),
    payments: fc.option(fc.array(paymentArb, { maxLength: 14 }), { nil: null }),
  })
  .map(({ invoices, payments }) => {
    const specs = invoiceSpecsOfDraws(invoices, (d, major) => ({
      dueDate: d.dueDate,
      openAmount:
        payments === null && d.openShare !== undefined ? Math.round((major * d.openShare) / 100) * (d.creditNote ? -1 : 1) : undefined,
    }));
    return bookOf({ invoices: specs, payments: payments === null ? null : paymentSpecsOfDraws(payments) });
  });

const asOf = serial(AS_OF);
const accountKey = (book: Book, customer: number, currency: number): string =>
  `${book.customers.name[customer]}/${book.currencies[currency]}`;

/** Σ open − unapplied per account, and Σ documents − Σ cash (or stated open amounts) per account. */
function balances(book: Book, a: Allocation) {
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  const inv = book.invoices;
  const fromOpen = book.payments === null && Array.from(inv.openAmount).some((v) => !Number.isNaN(v));
  for (let i = 0; i < inv.length; i++) {
    if (!a.included[i]) continue;
    const key = accountKey(book, inv.customer[i]!, inv.currency[i]!);
    add(left, key, a.open[i]!);
    const amount = inv.amount[i]!;
    const stated = inv.openAmount[i]!;
    if (!fromOpen || Number.isNaN(stated)) add(right, key, amount);
    else if (inv.isCreditNote[i]) add(right, key, -Math.min(Math.abs(stated), -amount));
    else add(right, key, Math.min(Math.max(stated, 0), amount));
  }
  const pay = book.payments;
  if (pay) {
    for (let p = 0; p < pay.length; p++) {
      if (a.payments!.included[p]) add(right, accountKey(book, pay.customer[p]!, pay.currency[p]!), -pay.amount[p]!);
    }
  }
  for (let k = 0; k < a.accounts.length; k++)
    add(left, accountKey(book, a.accounts.customer[k]!, a.accounts.currency[k]!), -a.accounts.unapplied[k]!);
  const clean = (map: Map<string, number>) => new Map([...map].filter(([, v]) => v !== 0));
  return { left: clean(left), right: clean(right) };
}

/** Results keyed by what identifies a row in any order: customer + number, customer/currency. */
function fingerprint(book: Book, a: Allocation) {
  const inv = book.invoices;
  const docs = Array.from(
    { length: inv.length },
    (_, i) => `${inv.customer[i]}|${inv.number[i]}|${a.included[i]}|${a.open[i]}|${a.applied[i]}`,
  ).sort();
  const accounts = Array.from(
    { length: a.accounts.length },
    (_, k) => `${accountKey(book, a.accounts.customer[k]!, a.accounts.currency[k]!)}|${a.accounts.unapplied[k]}`,
  );
  const excluded = a.excluded.map((e) => JSON.stringify(e)).sort();
  const issues = a.issues.map((e) => JSON.stringify(e)).sort();
  return { docs, accounts, excluded, issues };
}

describe("allocateCash — properties", () => {
  it.each([true, false])("for every account Σ open − unapplied = Σ documents − Σ cash on or before as-of (autoApply %s)", (autoApply) => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const a = allocateCash(book, { asOf, autoApply, lang: "en-US" });
        const { left, right } = balances(book, a);
        expect(left).toEqual(right);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps 0 ≤ open ≤ amount for invoices, 0 for credit notes, and every value an integer", () => {
    fc.assert(
      fc.property(bookArb, fc.boolean(), (book, autoApply) => {
        const a = allocateCash(book, { asOf, autoApply, lang: "en-US" });
        const inv = book.invoices;
        for (let i = 0; i < inv.length; i++) {
          const open = a.open[i]!;
          if (inv.isCreditNote[i] || !a.included[i]) expect(open).toBe(0);
          else expect(open >= 0 && open <= inv.amount[i]!).toBe(true);
          expect(Number.isInteger(open) && Number.isInteger(a.applied[i]!)).toBe(true);
          if (a.included[i] && !inv.isCreditNote[i]) expect(a.applied[i]! + open).toBe(inv.amount[i]);
        }
        for (const u of a.accounts.unapplied) expect(Number.isInteger(u)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("with auto-apply, an account holding credit that is not earmarked has nothing left open", () => {
    fc.assert(
      fc.property(bookArb, (book) => {
        const a = allocateCash(book, { asOf, autoApply: true, lang: "en-US" });
        for (let i = 0; i < book.invoices.length; i++) {
          const account = a.account[i]!;
          const free = account >= 0 ? a.accounts.unapplied[account]! - (a.accounts.earmarked?.[account] ?? 0) : 0;
          if (free > 0) expect(a.open[i]).toBe(0);
        }
        // Every invoice still open is in the auto-apply order, each once.
        const inOrder = new Set(a.order);
        expect(inOrder.size).toBe(a.order.length);
        for (let i = 0; i < book.invoices.length; i++) if (a.open[i]! > 0) expect(inOrder.has(i)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on row order", () => {
    const withOrders = bookArb.chain((book) =>
      fc.tuple(
        fc.constant(book),
        fc.shuffledSubarray([...Array(book.invoices.length).keys()], { minLength: book.invoices.length }),
        fc.shuffledSubarray([...Array(book.payments?.length ?? 0).keys()], { minLength: book.payments?.length ?? 0 }),
      ),
    );
    fc.assert(
      fc.property(withOrders, fc.boolean(), ([book, invoiceOrder, paymentOrder], autoApply) => {
        const options = { asOf, autoApply, lang: "en-US" as const };
        const shuffled = permuteBook(book, invoiceOrder, paymentOrder);
        expect(fingerprint(shuffled, allocateCash(shuffled, options))).toEqual(fingerprint(book, allocateCash(book, options)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the invoice numbers' hashes the reader took (PaymentColumns.invoiceNumberHash)", () => {
  /** The book with each payment's invoice number hashed as the reader hashes it. */
  const withHashes = (book: Book, hashOf: (text: string) => number = numberHash): Book =>
    book.payments === null
      ? book
      : {
          ...book,
          payments: {
            ...book.payments,
            invoiceNumberHash: {
              numbers: book.payments.invoiceNumber,
              hashes: Int32Array.from(book.payments.invoiceNumber, (text) => (text === null ? 0 : hashOf(text))),
            },
          },
        };

  it("property: the allocation is the same with the reader's hashes as with the numbers hashed by cash application", () => {
    fc.assert(
      fc.property(bookArb, fc.boolean(), (book, autoApply) => {
        const plain = allocateCash(book, { asOf, autoApply, lang: "en-US" });
        const hashed = allocateCash(withHashes(book), { asOf, autoApply, lang: "en-US" });
        expect(fingerprint(book, hashed)).toEqual(fingerprint(book, plain));
      }),
      { numRuns: 300 },
    );
  });

  const book = bookOf({
    invoices: [{ number: "INV-1", customer: "Acme", invoiceDate: "2026-09-01", amount: 100 }],
    payments: [{ reference: "PAY-1", customer: "Acme", date: "2026-10-01", amount: 100, invoiceNumber: "inv-1" }],
  });
  const wrongHash = (text: string): number => numberHash(text) ^ 1;

  it("takes the hashes as given while they belong to the ledger's own invoice numbers", () => {
    // A wrong hash finds nothing: proof that the reader's hashes, not new ones, were used.
    const a = allocateCash(withHashes(book, wrongHash), { asOf, autoApply: false, lang: "en-US" });
    expect(a.payments!.applied[0]).toBe(0);
    expect(a.issues).toHaveLength(1);
    expect(allocateCash(withHashes(book), { asOf, autoApply: false, lang: "en-US" }).payments!.applied[0]).toBe(10000);
  });

  it("ignores hashes left over from another copy of the ledger (a new invoice-number array), and hashes the numbers itself", () => {
    const stale = withHashes(book, wrongHash);
    const copied: Book = { ...stale, payments: { ...stale.payments!, invoiceNumber: [...stale.payments!.invoiceNumber] } };
    const a = allocateCash(copied, { asOf, autoApply: false, lang: "en-US" });
    expect(a.payments!.applied[0]).toBe(10000);
    expect(a.issues).toEqual([]);
  });
});

describe("later (the work of a later allocation of the same book, reused)", () => {
  it("property: an allocation at an earlier date is the same with or without a later allocation's work", () => {
    fc.assert(
      fc.property(bookArb, fc.constantFrom(...DAYS), fc.constantFrom(...DAYS), fc.boolean(), (book, first, second, autoApply) => {
        const [earlier, later] = [serial(first), serial(second)].sort((x, y) => x - y) as [number, number];
        const known = allocateCash(book, { asOf: later, autoApply: true, lang: "en-US" });
        const plain = allocateCash(book, { asOf: earlier, autoApply, lang: "en-US" });
        expect(allocateCash(book, { asOf: earlier, autoApply, lang: "en-US", later: known })).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it("ignores an allocation at an earlier date (it lacks accounts and references of a later one)", () => {
    const book = bookOf({
      invoices: [
        { number: "INV-1", customer: "Beta", invoiceDate: "2026-09-01", dueDate: "2026-09-30", amount: 10 },
        { number: "INV-2", customer: "Acme", invoiceDate: "2026-10-20", dueDate: "2026-11-19", amount: 20 },
      ],
    });
    const early = allocateCash(book, { asOf: serial("2026-09-30"), autoApply: true, lang: "en-US" });
    expect(early.accounts.length).toBe(1);
    const late = allocateCash(book, { asOf: asOf, autoApply: true, lang: "en-US", later: early });
    expect(late).toEqual(allocateCash(book, { asOf, autoApply: true, lang: "en-US" }));
    // Report order: Acme before Beta.
    expect(Array.from(late.accounts.customer, (c) => book.customers.name[c])).toEqual(["Acme", "Beta"]);
  });
});

/**
 * The ordering rule written out plainly: the numbers as tokens (digit runs, single other
 * characters); runs by value, other characters case-insensitively; then the one with tokens
 * left is later; then exact code-unit order.
 */
function naturalOrderModel(a: string, b: string): number {
  const tokens = (text: string): string[] => text.match(/\d+|\D/g) ?? [];
  const fold = (c: string): string => c.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const [ta, tb] = [tokens(a), tokens(b)];
  for (let k = 0; k < Math.min(ta.length, tb.length); k++) {
    const [x, y] = [ta[k]!, tb[k]!];
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const [vx, vy] = [BigInt(x), BigInt(y)];
      if (vx !== vy) return vx < vy ? -1 : 1;
      continue;
    }
    const [fx, fy] = [fold(x[0]!), fold(y[0]!)];
    if (fx !== fy) return fx < fy ? -1 : 1;
    // Only single characters are left here (a run against a character never ties).
  }
  if (ta.length !== tb.length) return ta.length < tb.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

describe("document number order (ties in oldest-due-first are broken by it)", () => {
  it.each([
    ["INV-9", "INV-10", -1],
    ["INV-0012", "INV-0009", 1],
    ["INV-0000123", "INV-0000124", -1],
    ["INV-00100", "INV-01000", -1],
    ["A12X", "A1XX", 1],
    ["A001", "A01B", -1],
    ["inv-1", "INV-1", 1],
    ["INV-1", "INV-1", 0],
    ["INV-1A", "INV-1b", -1],
    ["CN-5", "INV-5", -1],
  ])("%j against %j: %i", (a, b, sign) => {
    expect(Math.sign(compareDocumentNumbers(a, b))).toBe(sign);
    expect(Math.sign(compareDocumentNumbers(b, a))).toBe(sign === 0 ? 0 : -sign);
  });

  const char = fc.constantFrom("0", "0", "1", "2", "9", "a", "A", "b", "B", "-", " ");
  const text = fc.array(char, { maxLength: 8 }).map((chars) => chars.join(""));
  // Pairs of one series: same length, differing in one place, as the fast path sees them.
  const sameSeries = fc.tuple(fc.array(char, { minLength: 1, maxLength: 8 }), fc.nat(), char).map(([chars, at, replacement]) => {
    const changed = [...chars];
    changed[at % chars.length] = replacement;
    return [chars.join(""), changed.join("")] as const;
  });

  it("agrees with the rule written out, for any two numbers and for numbers of one series", () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(text, text), sameSeries), ([a, b]) => {
        expect(Math.sign(compareDocumentNumbers(a, b))).toBe(naturalOrderModel(a, b));
      }),
      { numRuns: 3000 },
    );
  });
});
