import fc from "fast-check";
import { checkOrder } from "../../../src/engine/credit/check";
import { creditStatus, DEFAULT_CREDIT_POLICY, type CreditStatus } from "../../../src/engine/credit/status";
import { checkCredit, creditStatuses, type CreditOptions } from "../../../src/engine/credit/check";
import {
  agedCreditBook,
  creditOf,
  rowOf,
  type CreditBook,
  type CustomerRow,
  type InvoiceRow,
  type OrderRow,
  type PaymentRow,
} from "./fixtures";
import type { CreditTables } from "../../../src/engine/read";

/** The check's options for a random book: its net setting, a what-if order for B, the book's orders and rates, in USD. */
function randomCheckOptions(b: { net: boolean; whatIf: number }, side: CreditTables, policy = DEFAULT_CREDIT_POLICY): CreditOptions {
  return {
    policy,
    netUnapplied: b.net,
    defaultCurrency: "USD",
    orders: side.orders,
    rates: side.rates,
    whatIf: { customer: "B", amount: b.whatIf },
    lang: "en-US",
  };
}

/**
 * The ledger of a random book: invoices [customer, days past due, cents, currency], payments and
 * orders [customer, cents], numbered in order and turned into major units.
 */
function randomLedger(b: {
  invoices: [string, number, number, string][];
  payments: [string, number][];
  orders: [string, number][];
}): Pick<CreditBook, "invoices" | "payments" | "orders"> {
  return {
    invoices: b.invoices.map(([c, days, cents, cur], k): InvoiceRow => [`I${k}`, c, days, cents / 100, cur]),
    payments: b.payments.map(([c, cents], k): PaymentRow => [`P${k}`, c, cents / 100]),
    orders: b.orders.map(([c, cents], k): OrderRow => [`S${k}`, c, cents / 100]),
  };
}

/** One customer with a 1,000.00 USD limit and the given open invoices. */
const single = (invoices: CreditBook["invoices"], extra: Partial<CreditBook> = {}): CreditBook => ({
  customers: [["Acme", 1000]],
  invoices,
  ...extra,
});

describe("checkCredit: status boundaries, first rule that applies", () => {
  it.each<[string, CreditBook, CreditStatus, RegExp]>([
    ["OK just under P%", single([["I1", "Acme", 0, 799.99]]), "ok", /80\.0% of the limit 1,000\.00 USD; 200\.01 USD available/],
    ["Near at exactly P%", single([["I1", "Acme", 0, 800]]), "near", /is 80\.0% of the limit 1,000\.00 USD \(near from 80%\)/],
    ["Near exactly at the limit", single([["I1", "Acme", 0, 1000]]), "near", /100\.0%/],
    ["Over one cent above the limit", single([["I1", "Acme", 0, 1000.01]]), "over", /over the limit 1,000\.00 USD by 0\.01 USD/],
    ["not Hold at exactly N days", single([["I1", "Acme", 60, 10]]), "ok", /Exposure 10\.00 USD/],
    ["Hold at N + 1 days", single([["I1", "Acme", 61, 10]]), "hold", /61 days past due \(more than 60\)/],
    ["Hold beats Over", single([["I1", "Acme", 61, 5000]]), "hold", /61 days/],
    [
      "Blocked beats Hold",
      { customers: [["Acme", 1000, "USD", null, "Y"]], invoices: [["I1", "Acme", 90, 5000]] },
      "blocked",
      /Blocked in the customer table/,
    ],
    ["open orders count", single([["I1", "Acme", 0, 500]], { orders: [["SO1", "Acme", 400]] }), "near", /Exposure 900\.00 USD/],
    [
      "closed orders do not",
      single([["I1", "Acme", 0, 500]], { orders: [["SO1", "Acme", 400, "USD", "Invoiced"]] }),
      "ok",
      /Exposure 500\.00 USD/,
    ],
  ])("%s", (_name, spec, status, reason) => {
    const row = rowOf(creditOf(spec), "Acme");
    expect(row.status).toBe(status);
    expect(row.reason).toMatch(reason);
  });

  it("Hold and Near follow the configured N and P", () => {
    const spec = single([["I1", "Acme", 30, 900]]);
    expect(rowOf(creditOf(spec, { policy: { ...DEFAULT_CREDIT_POLICY, holdDays: 29 } }), "Acme").status).toBe("hold");
    expect(rowOf(creditOf(spec, { policy: { ...DEFAULT_CREDIT_POLICY, holdDays: 30, nearPercent: 95 } }), "Acme").status).toBe("ok");
  });

  it("nets open AR of unapplied credit, switchably", () => {
    const spec = single([["I1", "Acme", 0, 900]], { payments: [["P1", "Acme", 1200]] });
    // Auto-apply settles the invoice; 300 is left unapplied.
    const net = rowOf(creditOf(spec), "Acme");
    expect(net.openAR).toBe(-30000);
    const gross = rowOf(creditOf(single([["I1", "Acme", 0, 900]], { payments: [["P1", "Acme", 100]] }), { netUnapplied: false }), "Acme");
    expect(gross.openAR).toBe(80000);
  });

  it("adds a what-if amount to one customer", () => {
    const row = rowOf(creditOf(single([["I1", "Acme", 0, 500]]), { whatIf: { customer: "ACME", amount: 60000 } }), "Acme");
    expect([row.whatIf, row.exposure, row.status]).toEqual([60000, 110000, "over"]);
  });
});

describe("checkCredit: limits, groups, currencies", () => {
  it("a missing limit is a warning, or a zero limit by setting", () => {
    const spec: CreditBook = { customers: [["Acme", null]], invoices: [["I1", "Acme", 0, 10]] };
    const warn = rowOf(creditOf(spec), "Acme");
    expect([warn.status, warn.available, warn.reason]).toEqual([
      "nolimit",
      null,
      "No credit limit in the customer table; exposure 10.00 USD.",
    ]);
    const zero = rowOf(creditOf(spec, { policy: { ...DEFAULT_CREDIT_POLICY, noLimit: "zero" } }), "Acme");
    expect([zero.status, zero.available, zero.reason]).toEqual(["over", -1000, "No credit limit, checked as zero: exposure 10.00 USD."]);
  });

  it("lists customers with open AR missing from the customer table", () => {
    const report = creditOf({
      customers: [["Acme", 1000]],
      invoices: [
        ["I1", "Acme", 0, 10],
        ["I2", "Ghost Ltd", 5, 20],
      ],
    });
    const ghost = rowOf(report, "Ghost Ltd");
    expect([ghost.inTable, ghost.status, ghost.exposure]).toEqual([false, "nolimit", 2000]);
    expect(ghost.reason).toMatch(/Not in the customer table/);
    expect(ghost.location).toEqual({ sheet: "Invoices", cell: "A3" });
    expect(rowOf(report, "Acme").location).toEqual({ sheet: "Customers", cell: "A2" });
  });

  it("lists customers named only on orders", () => {
    const row = rowOf(creditOf(single([], { orders: [["SO1", "Newco", 50]] })), "Newco");
    expect([row.customerIndex, row.openOrders, row.status]).toEqual([-1, 5000, "nolimit"]);
  });

  it("checks a credit group's total against the parent's limit", () => {
    const report = creditOf({
      customers: [
        ["Parent Co", 1000],
        ["Child A", 5000, "USD", "Parent Co"],
        ["Child B", null, "USD", "Parent Co"],
      ],
      invoices: [
        ["I1", "Child A", 0, 500],
        ["I2", "Child B", 0, 600],
      ],
    });
    for (const name of ["Child A", "Child B", "Parent Co"]) {
      const row = rowOf(report, name);
      expect([row.group, row.limit, row.available, row.status]).toEqual(["Parent Co", 100000, -10000, "over"]);
      expect(row.reason).toMatch(/^Credit group Parent Co, limit 1,000\.00 USD: Exposure 1,100\.00 USD is over the limit 1,000\.00 USD/);
    }
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.exposure).toBe(110000);
  });

  it("a group without a row of its own shares no limit: each member keeps its own", () => {
    const report = creditOf({
      customers: [
        ["A", 2000, "USD", "G"],
        ["B", 1500, "USD", "G"],
      ],
      invoices: [
        ["I1", "A", 0, 700],
        ["I2", "B", 0, 600],
      ],
    });
    expect([rowOf(report, "A").limit, rowOf(report, "A").status, rowOf(report, "A").decidedByGroup]).toEqual([200000, "ok", false]);
    expect([rowOf(report, "B").limit, rowOf(report, "B").status]).toEqual([150000, "ok"]);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.limit).toBeNull();
  });

  it("a blocked parent blocks the group", () => {
    const report = creditOf({
      customers: [
        ["P", 1000, "USD", null, "Yes"],
        ["A", 1000, "USD", "P"],
      ],
      invoices: [["I1", "A", 0, 1]],
    });
    expect(rowOf(report, "A").status).toBe("blocked");
    expect(rowOf(report, "A").reason).toBe("The group's parent P is blocked in the customer table.");
  });

  it("flags amounts in another currency without a rate, converts them with one", () => {
    const spec: CreditBook = {
      customers: [["Acme", 1000, "USD"]],
      invoices: [
        ["I1", "Acme", 0, 100, "USD"],
        ["I2", "Acme", 0, 500, "EUR"],
      ],
    };
    const flagged = rowOf(creditOf(spec), "Acme");
    expect([flagged.status, flagged.unconverted, flagged.available]).toEqual(["currency", ["EUR"], null]);
    expect(flagged.reason).toMatch(/Amounts in EUR have no rate to USD/);
    const converted = rowOf(creditOf({ ...spec, rates: [["EUR", "USD", 1.5]] }), "Acme");
    expect([converted.status, converted.openAR, converted.exposure]).toEqual(["near", 85000, 85000]);
    // The inverse of a rate converts too.
    expect(rowOf(creditOf({ ...spec, rates: [["USD", "EUR", 0.5]] }), "Acme").exposure).toBe(110000);
  });

  it("sorts by risk: Blocked, Hold, Over, Currency, Near, No limit, OK", () => {
    const report = creditOf({
      customers: [
        ["ok", 1000],
        ["near", 1000],
        ["over", 1000],
        ["hold", 1000],
        ["blocked", 1000, "USD", null, "Y"],
        ["nolimit", null],
      ],
      invoices: [
        ["1", "ok", 0, 1],
        ["2", "near", 0, 900],
        ["3", "over", 0, 2000],
        ["4", "hold", 61, 1],
        ["5", "nolimit", 0, 1],
        ["6", "blocked", 0, 1],
      ],
    });
    expect(report.customers.map((c) => c.status)).toEqual(["blocked", "hold", "over", "near", "nolimit", "ok"]);
    expect(report.counts).toEqual({ blocked: 1, hold: 1, over: 1, currency: 0, near: 1, nolimit: 1, ok: 1 });
  });
});

describe("checkOrder", () => {
  const report = creditOf(single([["I1", "Acme", 0, 500]]));
  it.each<[number, CreditStatus, number]>([
    [29999, "ok", 20001],
    [30000, "near", 20000],
    [50000, "near", 0],
    [50001, "over", -1],
  ])("an order of %i cents → %s, %i available", (amount, status, after) => {
    const check = checkOrder(report, "acme", amount);
    expect([check.status, check.availableBefore, check.availableAfter, check.statusBefore]).toEqual([status, 50000, after, "ok"]);
  });
  it("explains an unknown customer", () => {
    expect(checkOrder(report, "Nobody", 100)).toMatchObject({ known: false, status: "nolimit", limit: null });
  });
});

describe("properties", () => {
  const names = ["A", "B", "C", "D"];
  const bookArb = fc.record({
    invoices: fc.array(
      fc.tuple(
        fc.constantFrom(...names),
        fc.integer({ min: -30, max: 120 }),
        fc.integer({ min: 1, max: 500000 }),
        fc.constantFrom("USD", "EUR"),
      ),
      { maxLength: 25 },
    ),
    payments: fc.array(fc.tuple(fc.constantFrom(...names), fc.integer({ min: 1, max: 300000 })), { maxLength: 6 }),
    orders: fc.array(fc.tuple(fc.constantFrom(...names, "E"), fc.integer({ min: 0, max: 300000 })), { maxLength: 6 }),
    limits: fc.array(fc.option(fc.integer({ min: 0, max: 1000000 })), { minLength: 4, maxLength: 4 }),
    net: fc.boolean(),
    whatIf: fc.integer({ min: 0, max: 100000 }),
  });

  it("exposure = open AR (net when on) + open orders + what-if, and status agrees with creditStatus", () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        const spec: CreditBook = {
          customers: names.map((n, k) => [n, b.limits[k] === null || b.limits[k] === undefined ? null : b.limits[k]! / 100]),
          ...randomLedger(b),
          rates: [["EUR", "USD", 1.25]],
        };
        const { aging, side } = agedCreditBook(spec);
        const report = checkCredit(aging, randomCheckOptions(b, side));
        const usd = (minor: number, currency: string) => (currency === "EUR" ? Math.round(minor * 1.25) : minor);
        for (const row of report.customers) {
          const accounts = aging.accounts.filter((a) => a.customer === row.customer);
          const open = accounts.reduce((s, a) => s + usd(a.open, a.currency), 0);
          const unapplied = accounts.reduce((s, a) => s + usd(a.unapplied, a.currency), 0);
          const orders = b.orders.filter(([c]) => c === row.customer).reduce((s, [, cents]) => s + cents, 0);
          const whatIf = row.customer === "B" ? b.whatIf : 0;
          expect(row.exposure).toBe((b.net ? open - unapplied : open) + orders + whatIf);
          expect(row.exposure).toBe(row.openAR + row.openOrders + row.whatIf);
          if (row.facts.limitMinor !== null && row.status !== "blocked") {
            expect(row.status).toBe(creditStatus(row.facts.limitMinor, row.exposure, row.facts.oldestDaysOverdue, DEFAULT_CREDIT_POLICY));
          }
        }
        // Nobody with open AR is dropped.
        for (const a of aging.accounts) expect(report.customers.some((c) => c.customer === a.customer)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("creditStatuses (the statuses without the report rows)", () => {
  const names = ["A", "B", "C", "D", "G"];
  const money = fc.option(fc.integer({ min: 0, max: 1000000 }), { nil: null });
  const customerArb = fc.tuple(
    money,
    fc.constantFrom("USD", "EUR", "GBP"),
    fc.option(fc.constantFrom("G", "H", "A"), { nil: null }),
    fc.option(fc.constantFrom("Y", "N"), { nil: null }),
  );
  const bookArb = fc.record({
    customers: fc.array(customerArb, { minLength: names.length, maxLength: names.length }),
    inTable: fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
    invoices: fc.array(
      fc.tuple(
        fc.constantFrom(...names, "X"),
        fc.integer({ min: -30, max: 120 }),
        fc.integer({ min: 1, max: 500000 }),
        fc.constantFrom("USD", "EUR", "GBP"),
      ),
      { maxLength: 25 },
    ),
    payments: fc.array(fc.tuple(fc.constantFrom(...names), fc.integer({ min: 1, max: 300000 })), { maxLength: 6 }),
    orders: fc.array(fc.tuple(fc.constantFrom(...names, "E"), fc.integer({ min: 0, max: 300000 })), { maxLength: 6 }),
    net: fc.boolean(),
    zero: fc.boolean(),
    whatIf: fc.integer({ min: 0, max: 100000 }),
  });

  it("property: the same status, own limit, exposure and utilisation per customer as the full check", () => {
    // Some random books have no customer with a row; over the run, many must.
    let compared = 0;
    fc.assert(
      fc.property(bookArb, (b) => {
        const spec: CreditBook = {
          // Customers with a limit in several currencies, credit groups ("Parent") and holds; some left out of the table.
          customers: names
            .map((n, k): CustomerRow => {
              const [limit, currency, group, hold] = b.customers[k]!;
              return [n, limit === null ? null : limit / 100, currency, group, hold];
            })
            .filter((_, k) => b.inTable[k]),
          ...randomLedger(b),
          // No rate for GBP: some rows are "currency mismatch".
          rates: [["EUR", "USD", 1.25]],
        };
        const { aging, side } = agedCreditBook(spec);
        const options = randomCheckOptions(b, side, { ...DEFAULT_CREDIT_POLICY, noLimit: b.zero ? "zero" : "warn" });
        const report = checkCredit(aging, options);
        const statuses = creditStatuses(aging, options);
        const fromReport = report.customers
          .filter((c) => c.customerIndex >= 0)
          .map((c) => [c.customerIndex, c.status, c.currency, c.facts.limitMinor, c.exposure, c.utilisation])
          .sort((x, y) => (x[0] as number) - (y[0] as number));
        compared += fromReport.length;
        const fromStatuses = Array.from(statuses.customerIndex, (c, r) => [
          c,
          statuses.statusOf[c],
          statuses.currency[r],
          Number.isNaN(statuses.ownLimit[r]!) ? null : statuses.ownLimit[r],
          statuses.exposure[r],
          Number.isNaN(statuses.utilisation[r]!) ? null : statuses.utilisation[r],
        ]);
        expect(fromStatuses).toEqual(fromReport);
        // Customers without a row have no status.
        const listed = new Set(fromReport.map((x) => x[0]));
        for (let c = 0; c < aging.book.customers.length; c++) if (!listed.has(c)) expect(statuses.statusOf[c]).toBeNull();
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(0);
  });
});
