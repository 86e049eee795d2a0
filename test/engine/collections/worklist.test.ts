import fc from "fast-check";
import { DEFAULT_WARNING_RULES } from "../../../src/engine/collections";
import { AS_OF, day, reportOf, rowOf, type CollectionsBook } from "./fixtures";

const one = (days: number, amount = 100): CollectionsBook => ({ invoices: [["I1", "Acme", days, amount]] });

describe("stage from the oldest chaseable item's days past due (default ladder)", () => {
  it.each<[number, number | null]>([
    [-8, null],
    [-7, 0],
    [0, 0],
    [1, 1],
    [15, 1],
    [16, 2],
    [30, 2],
    [31, 3],
    [60, 3],
    [61, 4],
    [90, 4],
    [91, 5],
    [400, 5],
  ])("%i days past due → stage %p", (days, stage) => {
    const row = rowOf(reportOf(one(days)), "Acme");
    if (stage === null) expect(row).toBeUndefined();
    else {
      expect(row).toBeDefined();
      expect(row!.stage).toBe(stage);
    }
  });

  it("names the stage's action in the report's language", () => {
    expect(rowOf(reportOf(one(16)), "Acme")!.action).toBe("Written notice");
    expect(rowOf(reportOf(one(16), { lang: "zh-CN" }), "Acme")!.action).toBe("书面催收");
  });
});

describe("promises", () => {
  const promise = (amount: number, until: number, date = -10): CollectionsBook["log"] => [
    [day(date), "Acme", null, "promise", amount, day(until)],
  ];

  it("is open on its until date (until = as-of) and covers the overdue amount", () => {
    const report = reportOf({ ...one(20), log: promise(100, 0) });
    expect(report.worklist.promises.map((p) => p.status)).toEqual(["open"]);
    const row = rowOf(report, "Acme")!;
    expect([row.overdue, row.promised, row.chase, row.stage]).toEqual([10000, 10000, 0, null]);
  });

  it("is broken the day after until without the cash, and moves the customer one stage up", () => {
    const report = reportOf({ ...one(20), log: promise(100, -1) });
    expect(report.worklist.promises.map((p) => p.status)).toEqual(["broken"]);
    const row = rowOf(report, "Acme")!;
    expect([row.chase, row.baseStage, row.stage, row.brokenPromises]).toEqual([10000, 2, 3, 1]);
  });

  it("is kept by cash dated on its until date, not by cash the day after or before its date", () => {
    const base: CollectionsBook = {
      invoices: [
        ["I1", "Acme", 20, 100],
        ["I2", "Acme", 20, 100],
      ],
    };
    const status = (paidOn: number): string =>
      reportOf({ ...base, payments: [["P1", "Acme", day(paidOn), 100, "I1"]], log: promise(100, -5, -10) }).worklist.promises[0]!.status;
    expect(status(-5)).toBe("kept");
    expect(status(-10)).toBe("kept");
    expect(status(-4)).toBe("broken");
    expect(status(-11)).toBe("broken");
  });

  it("a broken promise at the last stage stays at the last stage", () => {
    expect(rowOf(reportOf({ ...one(120), log: promise(10, -1) }), "Acme")!.stage).toBe(5);
  });

  it("covers the oldest chaseable items first; a partly covered invoice stays chaseable and sets the stage", () => {
    const report = reportOf({
      invoices: [
        ["OLD", "Acme", 40, 100],
        ["NEW", "Acme", 10, 200],
      ],
      log: promise(150, 5),
    });
    const row = rowOf(report, "Acme")!;
    expect([row.overdue, row.promised, row.chase, row.disputed]).toEqual([30000, 15000, 15000, 0]);
    expect(row.stageDays).toBe(10);
    expect(row.stage).toBe(1);
    expect(row.oldestDaysOverdue).toBe(40); // the oldest overdue item, whatever its status
  });

  it("a promise naming an invoice covers that invoice only", () => {
    const report = reportOf({
      invoices: [
        ["OLD", "Acme", 40, 100],
        ["NEW", "Acme", 10, 200],
      ],
      log: [[day(-3), "Acme", "NEW", "promise", 500, day(3)]],
    });
    const row = rowOf(report, "Acme")!;
    expect([row.promised, row.chase, row.stage]).toEqual([20000, 10000, 3]);
  });

  it("counts cash already received towards an open promise: only the rest is promised", () => {
    const report = reportOf({ invoices: [["I1", "Acme", 20, 300]], payments: [["P1", "Acme", day(-2), 100]], log: promise(250, 5) });
    const row = rowOf(report, "Acme")!;
    expect(report.worklist.promises[0]!.remaining).toBe(15000);
    expect([row.overdue, row.promised, row.chase]).toEqual([20000, 15000, 5000]);
  });
});

describe("plans: instalments that together form a schedule", () => {
  const plan: CollectionsBook["log"] = [
    [day(-30), "Acme", null, "plan", 100, day(-20)],
    [day(-30), "Acme", null, "plan", 100, day(-5)],
    [day(-30), "Acme", null, "plan", 100, day(10)],
  ];
  it("a missed instalment is broken although earlier cash paid the first one", () => {
    const report = reportOf({ invoices: [["I1", "Acme", 45, 300]], payments: [["P1", "Acme", day(-25), 100]], log: plan });
    expect(report.worklist.promises.map((p) => p.status)).toEqual(["kept", "broken", "open"]);
    const row = rowOf(report, "Acme")!;
    expect([row.overdue, row.promised, row.chase, row.brokenPromises]).toEqual([20000, 10000, 10000, 1]);
    expect(row.stage).toBe(4); // 45 days → 3, one up for the missed instalment
  });
  it("every instalment paid on time is kept", () => {
    const report = reportOf({
      invoices: [["I1", "Acme", 45, 300]],
      payments: [
        ["P1", "Acme", day(-25), 100],
        ["P2", "Acme", day(-6), 100],
      ],
      log: plan,
    });
    expect(report.worklist.promises.map((p) => p.status)).toEqual(["kept", "kept", "open"]);
  });
});

describe("disputes", () => {
  it("a dispute on one of two invoices holds back that invoice; the stage comes from the other", () => {
    const report = reportOf({
      invoices: [
        ["OLD", "Acme", 70, 100],
        ["NEW", "Acme", 20, 50],
      ],
      log: [[day(-5), "Acme", "OLD", "dispute", null, null]],
    });
    const row = rowOf(report, "Acme")!;
    expect([row.overdue, row.disputed, row.chase, row.stage, row.oldestDaysOverdue]).toEqual([15000, 10000, 5000, 2, 70]);
  });
  it("a dispute on an invoice not yet due disputes nothing overdue", () => {
    const report = reportOf({
      invoices: [
        ["DUE", "Acme", 20, 100],
        ["LATER", "Acme", -20, 80],
      ],
      log: [[day(-5), "Acme", "LATER", "dispute", null, null]],
    });
    const row = rowOf(report, "Acme")!;
    expect([row.overdue, row.disputed, row.chase]).toEqual([10000, 0, 10000]);
  });
  it("a dispute with an amount holds back that amount only, and a resolved one nothing", () => {
    const partial = rowOf(reportOf({ ...one(20), log: [[day(-5), "Acme", "I1", "dispute", 30, null]] }), "Acme")!;
    expect([partial.disputed, partial.chase]).toEqual([3000, 7000]);
    const resolved = rowOf(reportOf({ ...one(20), log: [[day(-5), "Acme", "I1", "dispute", null, null, "resolved"]] }), "Acme")!;
    expect([resolved.disputed, resolved.chase]).toEqual([0, 10000]);
  });
  it("a customer whose only overdue items are disputed stays listed with no stage", () => {
    const report = reportOf({
      invoices: [
        ["I1", "Acme", 70, 100],
        ["J1", "Beta", 10, 10],
      ],
      log: [[day(-5), "Acme", "I1", "dispute", null, null]],
    });
    const row = rowOf(report, "Acme")!;
    expect([row.stage, row.action, row.chase, row.score]).toEqual([null, null, 0, 0]);
    expect(report.worklist.customers.map((c) => c.customer)).toEqual(["Beta", "Acme"]);
  });
});

describe("score and rank", () => {
  it.each<[string, CollectionsBook, number, number]>([
    ["1–30 days weigh 1", one(30, 100), 10000, 10000],
    ["31–60 days weigh 2", one(31, 100), 20000, 20000],
    // More than 60 days past due is also credit Hold (the credit rules' default): +25 %.
    ["61–90 days weigh 3", one(61, 100), 30000, 37500],
    ["91+ days weigh 4", one(91, 100), 40000, 50000],
    ["not yet due weighs 0", one(-3, 100), 0, 0],
    ["a broken promise adds 25 %", { ...one(10, 100), log: [[day(-9), "Acme", null, "promise", 10, day(-1)]] }, 10000, 12500],
    ["Blocked adds 25 %", { ...one(10, 100), customers: [["Acme", 1000, true]] }, 10000, 12500],
    ["broken promise and Hold add 25 % each", { ...one(61, 100), log: [[day(-9), "Acme", null, "promise", 10, day(-1)]] }, 30000, 45000],
  ])("%s", (_name, spec, weighted, score) => {
    const row = rowOf(reportOf(spec), "Acme")!;
    expect(row.scoreParts.weighted).toBe(weighted);
    expect(row.score).toBe(score);
    expect(row.score).toBe(row.scoreParts.weighted + row.scoreParts.brokenPromise + row.scoreParts.hold);
  });

  it("scores in the report currency when a rate is known, else in the account's own", () => {
    const spec: CollectionsBook = {
      invoices: [
        ["E1", "Euro", 10, 100, "EUR"],
        ["U1", "Dollar", 10, 105],
      ],
    };
    const withRate = reportOf(spec, { rates: { rates: [{ from: "EUR", to: "USD", rate: 1.1 }] } });
    expect(rowOf(withRate, "Euro")!.scoreParts).toEqual({ weighted: 11000, brokenPromise: 0, hold: 0, currency: "USD" });
    expect(withRate.worklist.customers.map((c) => c.customer)).toEqual(["Euro", "Dollar"]);
    const without = reportOf(spec);
    expect(rowOf(without, "Euro")!.scoreParts.currency).toBe("EUR");
    expect(without.worklist.customers.map((c) => c.customer)).toEqual(["Dollar", "Euro"]);
  });

  it("ranks by score, then oldest days past due, then name", () => {
    const report = reportOf({
      invoices: [
        ["A", "Small", 10, 10],
        ["B", "Big", 10, 500],
        ["C", "Tie-old", 40, 100],
        ["D", "Tie-young", 10, 200],
      ],
    });
    expect(report.worklist.customers.map((c) => [c.customer, c.rank])).toEqual([
      ["Big", 1],
      ["Tie-old", 2],
      ["Tie-young", 3],
      ["Small", 4],
    ]);
  });
});

describe("contacts and dates", () => {
  it("takes the email from the customer table, the last contact and the next date from the log", () => {
    const report = reportOf({
      ...one(20),
      customers: [["Acme", 5000, false, "ap@acme.example"]],
      log: [
        [day(-12), "Acme", null, "call", null, day(4)],
        [day(-3), "Acme", null, "email", null, null],
        [day(-20), "Acme", null, "note", null, day(2), "resolved"],
      ],
    });
    const row = rowOf(report, "Acme")!;
    expect(row.email).toBe("ap@acme.example");
    expect(row.lastContact).toBe(AS_OF - 3);
    expect(row.nextDate).toBe(AS_OF + 4);
  });
});

describe("defaults", () => {
  it("warning rules default as the issue states", () => {
    expect(DEFAULT_WARNING_RULES.oldestOverdue.days).toBe(60);
    expect(DEFAULT_WARNING_RULES.overdueAmount.enabled).toBe(false);
    expect(DEFAULT_WARNING_RULES.creditUtilisation.percent).toBe(90);
  });
});

describe("score across currencies (report currency USD)", () => {
  // W = Σ chase × weight: U-A 100.00 USD 40 days ×2 = 20,000 (+25 % broken promise = 25,000);
  // U-B 300.00 USD 10 days ×1 = 30,000; E-C 100.00 EUR 95 days ×4 = 40,000 EUR cents;
  // E-F 10.00 EUR 5 days = 1,000; J-D ¥50,000 20 days = 50,000 yen; J-E ¥1,000 70 days ×3 = 3,000.
  // E-C and J-E are more than 60 days overdue, so on Hold: +25 % (E-C 50,000; J-E 3,750), of the converted W when converted.
  const spec: CollectionsBook = {
    invoices: [
      ["A1", "U-A", 40, 100],
      ["B1", "U-B", 10, 300],
      ["C1", "E-C", 95, 100, "EUR"],
      ["F1", "E-F", 5, 10, "EUR"],
      ["D1", "J-D", 20, 50000, "JPY"],
      ["E1", "J-E", 70, 1000, "JPY"],
    ],
    log: [[day(-20), "U-A", null, "promise", 10, day(-5)]],
  };
  const EUR_USD = { from: "EUR", to: "USD", rate: 1.1 };
  const USD_JPY = { from: "USD", to: "JPY", rate: 150 };
  it.each<[string, { from: string; to: string; rate: number }[], Array<[string, number, string]>, string[]]>([
    [
      "no rates: each currency without a rate ranks after USD, by currency code, never mixed",
      [],
      [
        ["U-B", 30000, "USD"],
        ["U-A", 25000, "USD"],
        ["E-C", 50000, "EUR"],
        ["E-F", 1000, "EUR"],
        ["J-D", 50000, "JPY"],
        ["J-E", 3750, "JPY"],
      ],
      ["EUR", "JPY"],
    ],
    [
      "a EUR rate: EUR scores in US cents rank among USD's; JPY still after",
      [EUR_USD],
      [
        ["E-C", 55000, "USD"],
        ["U-B", 30000, "USD"],
        ["U-A", 25000, "USD"],
        ["E-F", 1100, "USD"],
        ["J-D", 50000, "JPY"],
        ["J-E", 3750, "JPY"],
      ],
      ["JPY"],
    ],
    [
      "every rate (JPY through its inverse): one ranking in US cents",
      [EUR_USD, USD_JPY],
      [
        ["E-C", 55000, "USD"],
        ["J-D", 33333, "USD"],
        ["U-B", 30000, "USD"],
        ["U-A", 25000, "USD"],
        ["J-E", 2500, "USD"],
        ["E-F", 1100, "USD"],
      ],
      [],
    ],
  ])("%s", (_rule, rates, ranking, unconverted) => {
    const { worklist } = reportOf(spec, { rates: { rates } });
    expect(worklist.customers.map((c) => [c.customer, c.score, c.scoreParts.currency])).toEqual(ranking);
    expect(worklist.customers.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(worklist.unconverted).toEqual(unconverted);
    expect(worklist.reportCurrency).toBe("USD");
  });
});

describe("rank order on random books", () => {
  // "bravo" sorts after "Cato" by code unit but before it ignoring case: with it the names are
  // compared, without it their order comes from the aging's (both ways must rank alike).
  const names = ["Acme", "Beta", "Cato", "Dova", "bravo"];
  const invoice = fc.tuple(
    fc.constantFrom(...names),
    fc.constantFrom(-5, 0, 10, 40, 70, 100),
    fc.constantFrom(10, 20, 50, 100),
    fc.constantFrom("USD", "EUR", "JPY"),
  );
  const rates = { rates: [{ from: "EUR", to: "USD", rate: 1.5 }] };

  it("property: score (high first) in the report currency, then each currency without a rate; then oldest days, name, currency", () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(invoice, { minLength: 1, maxLength: 16 }), fc.boolean(), (invs, withRate) => {
        const report = reportOf({ invoices: invs.map(([c, d, a, cur], k) => [`I${k}`, c, d, a, cur]) }, withRate ? { rates } : {});
        const customers = report.worklist.customers;
        // Ties on score are common here (equal amounts and ages), so the name tie-break decides often.
        const group = (c: (typeof customers)[number]) => (c.scoreParts.currency === "USD" ? "" : c.currency);
        const byKey = (x: (typeof customers)[number], y: (typeof customers)[number]) =>
          (group(x) < group(y) ? -1 : group(x) > group(y) ? 1 : 0) ||
          y.score - x.score ||
          y.oldestDaysOverdue - x.oldestDaysOverdue ||
          (x.customer < y.customer ? -1 : x.customer > y.customer ? 1 : 0) ||
          (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0);
        const ranked = customers.map((c) => `${c.customer}/${c.currency}`);
        expect(ranked).toEqual([...customers].sort(byKey).map((c) => `${c.customer}/${c.currency}`));
        expect(customers.map((c) => c.rank)).toEqual(customers.map((_, k) => k + 1));
        compared += customers.length > 1 ? 1 : 0;
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it("property: eachCustomer visits every customer once, with its rank, as the list holds it", () => {
    fc.assert(
      fc.property(fc.array(invoice, { minLength: 1, maxLength: 16 }), fc.boolean(), (invs, withRate) => {
        const { worklist } = reportOf({ invoices: invs.map(([c, d, a, cur], k) => [`I${k}`, c, d, a, cur]) }, withRate ? { rates } : {});
        const visited: { rank: number; customer: unknown }[] = [];
        worklist.eachCustomer((customer, rank) => visited.push({ rank, customer }));
        expect(visited.map((v) => v.rank).sort((x, y) => x - y)).toEqual(worklist.customers.map((_, k) => k));
        for (const { rank, customer } of visited) expect(customer).toEqual(worklist.customers[rank]);
      }),
      { numRuns: 100 },
    );
  });
});
