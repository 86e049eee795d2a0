import fc from "fast-check";
import {
  buildLetters,
  collectionsWorklist,
  customerItems,
  DEFAULT_LADDER,
  DEFAULT_WARNING_RULES,
  letterHtml,
  letterText,
  validateLadder,
  warningRulesOf,
  type WarningRule,
} from "../../../src/engine/collections";
import { lateFee } from "../../../src/engine/functions/lateFee";
import { AS_OF, day, reportOf, rowOf, type CollectionsBook, type LogRow } from "./fixtures";

describe("the ladder", () => {
  const ladder = (): typeof DEFAULT_LADDER extends readonly (infer S)[] ? S[] : never => JSON.parse(JSON.stringify(DEFAULT_LADDER));
  it("accepts the defaults", () => {
    expect(validateLadder(ladder())).toEqual({ ok: true, ladder: ladder() });
  });
  it.each<[string, (l: ReturnType<typeof ladder>) => unknown, string, number | null]>([
    ["empty", () => [], "collections.ladder.empty", null],
    ["a gap", (l) => ((l[2]!.fromDays = 17), l), "collections.ladder.gap", 2],
    ["an overlap", (l) => ((l[2]!.fromDays = 15), l), "collections.ladder.gap", 2],
    ["numbering out of order", (l) => ((l[1]!.stage = 3), l), "collections.ladder.numbering", 1],
    ["to before from", (l) => ((l[1]!.toDays = 0), l), "collections.ladder.order", 1],
    ["an open-ended middle stage", (l) => ((l[1]!.toDays = null), l), "collections.ladder.open", 1],
    ["a bounded last stage", (l) => ((l[5]!.toDays = 400), l), "collections.ladder.open", 5],
    ["a missing Chinese action", (l) => ((l[0]!.action = { "en-US": "Remind" } as never), l), "collections.ladder.action", 0],
    ["fractional days", (l) => ((l[0]!.fromDays = -7.5), l), "collections.ladder.shape", 0],
  ])("refuses %s", (_name, change, problem, stage) => {
    expect(validateLadder(change(ladder()))).toEqual({ ok: false, problem, stage });
  });
  it("an edited ladder changes the stages", () => {
    const custom = [
      { stage: 0, fromDays: 1, toDays: 10, action: { "en-US": "Call", "zh-CN": "电话" } },
      { stage: 1, fromDays: 11, toDays: null, action: { "en-US": "Letter", "zh-CN": "函件" } },
    ];
    const report = reportOf(
      {
        invoices: [
          ["I1", "Acme", 11, 10],
          ["J1", "Beta", 0, 10],
        ],
      },
      { ladder: custom },
    );
    expect(rowOf(report, "Acme")!.action).toBe("Letter");
    expect(rowOf(report, "Beta")).toBeUndefined(); // no reminder stage in this ladder
  });
});

describe("early warnings", () => {
  const rulesOf = (spec: CollectionsBook, rules = DEFAULT_WARNING_RULES): [WarningRule, string, number, number][] =>
    reportOf(spec, { warnings: rules }).warnings.map((w) => [w.rule, w.customer, w.value, w.threshold]);

  it("oldest overdue: over 60 days warns, exactly 60 does not", () => {
    expect(
      rulesOf({
        invoices: [
          ["I1", "Acme", 61, 10],
          ["J1", "Beta", 60, 10],
        ],
      }).filter((w) => w[0] === "oldestOverdue"),
    ).toEqual([["oldestOverdue", "Acme", 61, 60]]);
  });
  it("overdue amount is off by default and warns above its threshold when on", () => {
    const spec: CollectionsBook = {
      invoices: [
        ["I1", "Acme", 5, 500.01],
        ["J1", "Beta", 5, 500],
      ],
    };
    expect(rulesOf(spec).some((w) => w[0] === "overdueAmount")).toBe(false);
    const on = { ...DEFAULT_WARNING_RULES, overdueAmount: { enabled: true, amount: 500 } };
    expect(rulesOf(spec, on).filter((w) => w[0] === "overdueAmount")).toEqual([["overdueAmount", "Acme", 500.01, 500]]);
  });
  it("credit utilisation from 90 % of the limit", () => {
    const spec: CollectionsBook = {
      invoices: [
        ["I1", "Acme", -20, 900],
        ["J1", "Beta", -20, 899.99],
      ],
      customers: [
        ["Acme", 1000],
        ["Beta", 1000],
      ],
    };
    expect(rulesOf(spec).filter((w) => w[0] === "creditUtilisation")).toEqual([["creditUtilisation", "Acme", 90, 90]]);
  });
  it("a broken promise", () => {
    const spec: CollectionsBook = { invoices: [["I1", "Acme", 10, 100]], log: [[day(-9), "Acme", null, "promise", 10, day(-1)]] };
    expect(rulesOf(spec).filter((w) => w[0] === "brokenPromise")).toEqual([["brokenPromise", "Acme", 1, 1]]);
  });
  it("aging worsened and newly overdue, against the same ledger aged at the previous month-end (2026-09-30)", () => {
    // Acme: 80 days past due now, 50 at 2026-09-30 → the 61+ balance grew from 0.
    // Beta: due 2026-10-10, not due at the previous month-end → newly overdue.
    // Cato: 100 days now, 70 at the previous month-end → 61+ unchanged, nothing new.
    const spec: CollectionsBook = {
      invoices: [
        ["I1", "Acme", 80, 100],
        ["J1", "Beta", 21, 40],
        ["K1", "Cato", 100, 10],
      ],
    };
    const warnings = rulesOf(spec);
    expect(warnings.filter((w) => w[0] === "agingWorsened")).toEqual([["agingWorsened", "Acme", 100, 0]]);
    expect(warnings.filter((w) => w[0] === "newOverdue")).toEqual([["newOverdue", "Beta", 40, 0]]);
  });
  it("aging worsened with a threshold between the aging's buckets (item by item)", () => {
    const spec: CollectionsBook = { invoices: [["I1", "Acme", 50, 100]] };
    expect(rulesOf(spec).filter((w) => w[0] === "agingWorsened")).toEqual([]);
    const at45 = { ...DEFAULT_WARNING_RULES, agingWorsened: { enabled: true, days: 45 } };
    expect(rulesOf(spec, at45).filter((w) => w[0] === "agingWorsened")).toEqual([["agingWorsened", "Acme", 100, 0]]);
  });
  it("cash received since the previous month-end counts at that date only if it was dated by then", () => {
    const spec: CollectionsBook = { invoices: [["I1", "Acme", 80, 100]], payments: [["P1", "Acme", day(-10), 50, "I1"]] };
    const report = reportOf(spec);
    expect(report.previous!.asOf).toBe(AS_OF - 31);
    // At 2026-09-30 the invoice was 49 days past due (nothing 61+); now the 50 left is 80 days past due.
    expect(report.warnings.filter((w) => w.rule === "agingWorsened").map((w) => w.value)).toEqual([50]);
  });
  it("reads saved rules, keeping defaults for what they omit, refusing nonsense", () => {
    const read = warningRulesOf({ oldestOverdue: { days: 45 } });
    expect(read.ok && read.rules.oldestOverdue).toEqual({ enabled: true, days: 45 });
    expect(read.ok && read.rules.creditUtilisation.percent).toBe(90);
    expect(warningRulesOf({ oldestOverdue: { days: -1 } })).toEqual({ ok: false, rule: "oldestOverdue" });
    expect(warningRulesOf({ nonsense: {} })).toEqual({ ok: false, rule: "nonsense" });
  });
});

describe("letters", () => {
  const spec: CollectionsBook = {
    invoices: [
      ["OLD", "Acme", 30, 1000],
      ["DISP", "Acme", 20, 200],
      ["NEW", "Acme", 5, 300],
    ],
    customers: [["Acme", 10000, false, "ap@acme.example"]],
    log: [
      [day(-3), "Acme", "DISP", "dispute", null, null],
      [day(-2), "Acme", null, "promise", 100, day(5)],
    ],
  };
  it("asks for the chase amount and adds AR.LATEFEE's interest and fee on each chaseable item", () => {
    const report = reportOf(spec);
    const [letter] = buildLetters(report.aging, report.worklist, {
      lang: "en-US",
      lateFee: { annualRate: 0.18, fixedFee: 25 },
      remitTo: ["Bank: Example Bank", "IBAN: XX00 0000"],
    });
    expect(letter).toBeDefined();
    const row = rowOf(report, "Acme")!;
    expect(letter!.asked).toBe(row.chase);
    expect(letter!.overdue).toBe(row.overdue);
    const items = customerItems(report.aging, report.worklist, row);
    expect(items.length).toBeGreaterThan(0);
    const expectedInterest = items.reduce((sum, i) => sum + (i.chase > 0 ? lateFee(i.chase, i.daysOverdue, 0.18) : 0), 0);
    expect(letter!.interest).toBe(expectedInterest);
    expect(letter!.fee).toBe(2 * 2500); // OLD (after the promise's part) and NEW are chaseable
    expect(letter!.total).toBe(letter!.asked + letter!.interest + letter!.fee);
    expect(letter!.items.map((i) => [i.number, i.mark])).toEqual([
      ["OLD", "partly-promised"],
      ["DISP", "disputed"],
      ["NEW", null],
    ]);
    const text = letterText(letter!);
    expect(text).toContain("Dear Acme");
    expect(text).toContain("IBAN: XX00 0000");
    expect(text).toMatch(/OLD .* partly promised/);
  });
  it("writes the Chinese template and escapes HTML", () => {
    const report = reportOf({ ...spec, invoices: [["<b>1</b>", "Acme", 30, 1000]], log: [] });
    const [letter] = buildLetters(report.aging, report.worklist, { lang: "zh-CN" });
    expect(letter!.subject).toBe("催款函：Acme 逾期款项 1,000.00 USD");
    expect(letterText(letter!)).toContain("截至 2026-10-31");
    expect(letterHtml(letter!)).toContain("&lt;b&gt;1&lt;/b&gt;");
    expect(letterHtml(letter!)).not.toContain("<b>1</b>");
  });
});

describe("property: chase + disputed + promised = overdue for every customer", () => {
  const customers = ["Acme", "Beta", "Cato"];
  const invoice = fc.tuple(fc.constantFrom(...customers), fc.integer({ min: -20, max: 150 }), fc.integer({ min: 1, max: 100000 }));
  const payment = fc.tuple(
    fc.constantFrom(...customers),
    fc.integer({ min: -60, max: 0 }),
    fc.integer({ min: 1, max: 50000 }),
    fc.option(fc.nat(), { nil: null }),
  );
  const entry = fc.record({
    customer: fc.constantFrom(...customers),
    invoice: fc.option(fc.nat(), { nil: null }),
    type: fc.constantFrom("promise", "plan", "dispute", "call"),
    amount: fc.option(fc.integer({ min: 1, max: 80000 }), { nil: null }),
    date: fc.integer({ min: -60, max: 0 }),
    span: fc.integer({ min: 0, max: 40 }),
    resolved: fc.boolean(),
  });
  it("holds, every part is ≥ 0, overdue is the aging's overdue, and stage is null exactly when nothing is chaseable", () => {
    fc.assert(
      fc.property(
        fc.array(invoice, { minLength: 1, maxLength: 12 }),
        fc.array(payment, { maxLength: 6 }),
        fc.array(entry, { maxLength: 10 }),
        (invs, pays, log) => {
          const numbers = invs.map((_, k) => `I${k}`);
          const spec: CollectionsBook = {
            invoices: invs.map(([c, d, a], k) => [numbers[k]!, c, d, a / 100]),
            payments: pays.map(([c, d, a, inv], k) => [
              `P${k}`,
              c,
              day(d),
              a / 100,
              inv === null ? undefined : numbers[inv % numbers.length],
            ]),
            log: log.map((e): LogRow => {
              const k = e.invoice === null ? -1 : e.invoice % invs.length;
              // Name an invoice of the row's own customer, so the row is usable.
              const own = k >= 0 && invs[k]![0] === e.customer ? numbers[k]! : e.type === "dispute" ? null : null;
              return [
                day(e.date),
                e.customer,
                own,
                e.type,
                e.amount === null ? null : e.amount / 100,
                day(e.date + e.span),
                e.resolved ? "resolved" : "open",
              ];
            }),
          };
          const report = reportOf(spec);
          const overdueOf = new Map<string, number>();
          const { items, accounts, allocation } = report.aging;
          for (const account of accounts) {
            let sum = 0;
            for (let k = account.itemStart; k < account.itemEnd; k++)
              if (items.daysOverdue[k]! >= 1) sum += allocation.open[items.invoice[k]!]!;
            overdueOf.set(account.customer, sum);
          }
          for (const c of report.worklist.customers) {
            expect(c.chase + c.disputed + c.promised).toBe(c.overdue);
            expect(c.overdue).toBe(overdueOf.get(c.customer));
            for (const part of [c.chase, c.disputed, c.promised, c.chaseNotDue]) expect(part).toBeGreaterThanOrEqual(0);
            expect(c.stage === null).toBe(c.stageDays === null);
          }
          // Every account with something overdue is listed.
          for (const [customer, overdue] of overdueOf) if (overdue > 0) expect(rowOf(report, customer)).toBeDefined();
          // The aging-sums shortcut for untouched accounts gives what the item-by-item loop gives.
          const reference = collectionsWorklist(report.aging, report.followUps, {
            ladder: DEFAULT_LADDER,
            lang: "en-US",
            credit: report.credit,
            itemByItem: true,
          });
          const figures = (list: typeof reference) =>
            list.customers.map((c) => [
              c.customer,
              c.overdue,
              c.disputed,
              c.promised,
              c.chase,
              c.chaseNotDue,
              c.oldestDaysOverdue,
              c.stageDays,
              c.stage,
              c.score,
              c.rank,
            ]);
          expect(figures(report.worklist)).toEqual(figures(reference));
          // The columns hold the same figures as the rows the views read; byRank gives the rank order.
          const { rows, customers } = report.worklist;
          expect(rows.length).toBe(customers.length);
          expect([...rows.byRank].sort((x, y) => x - y)).toEqual(Array.from({ length: rows.length }, (_, k) => k));
          customers.forEach((c, rank) => {
            const r = rows.byRank[rank]!;
            expect(c.rank).toBe(rank + 1);
            expect(report.aging.accounts[rows.account[r]!]!.customer).toBe(c.customer);
            expect([rows.overdue[r], rows.disputed[r], rows.promised[r], rows.chase[r], rows.score[r], rows.brokenPromises[r]]).toEqual([
              c.overdue,
              c.disputed,
              c.promised,
              c.chase,
              c.score,
              c.brokenPromises,
            ]);
            expect(rows.stage[r]).toBe(c.stage ?? -1);
          });
          // Ranked by score (high first), then oldest days past due, then name: as one sort with the whole key.
          const byRank = (x: (typeof customers)[number], y: (typeof customers)[number]) =>
            y.score - x.score ||
            y.oldestDaysOverdue - x.oldestDaysOverdue ||
            (x.customer < y.customer ? -1 : x.customer > y.customer ? 1 : 0);
          expect(customers.map((c) => c.customer)).toEqual([...customers].sort(byRank).map((c) => c.customer));
        },
      ),
      { numRuns: 150 },
    );
  });
});
