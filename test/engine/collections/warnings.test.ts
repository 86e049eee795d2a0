/**
 * The previous month-end's position for the month-end warnings: cash applied at that date and two
 * sums, instead of a second full aging. Property: the sums, and so the warnings, are those of
 * the same ledger fully aged at that date.
 */
import fc from "fast-check";
import { ageBook } from "../../../src/engine/aging";
import { checkCredit, creditStatuses, DEFAULT_CREDIT_OPTIONS } from "../../../src/engine/credit/check";
import {
  collectionsWorklist,
  DEFAULT_LADDER,
  DEFAULT_WARNING_RULES,
  earlyWarnings,
  isFollowUpTable,
  monthEndOverdue,
  WARNING_RULES,
  type EarlyWarning,
} from "../../../src/engine/collections";
import { lastMonthEnd } from "../../../src/engine/dates";
import { readBook } from "../../../src/engine/read";
import { AS_OF, day, tablesOf, type CollectionsBook } from "./fixtures";

const PREVIOUS = lastMonthEnd(AS_OF);

/** The reference: overdue and more-than-`days` sums per account key from a full aging at `date`. */
function fromFullAging(spec: CollectionsBook, days: number) {
  const book = readBook(
    tablesOf(spec).filter((x) => !isFollowUpTable(x)),
    { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" },
  );
  const aging = ageBook(book, { asOf: PREVIOUS, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
  const sums = new Map<number, { overdue: number; beyond: number }>();
  for (const account of aging.accounts) {
    let overdue = 0;
    let beyond = 0;
    for (let k = account.itemStart; k < account.itemEnd; k++) {
      const d = aging.items.daysOverdue[k]!;
      const open = aging.allocation.open[aging.items.invoice[k]!]!;
      if (d >= 1) overdue += open;
      if (d > days) beyond += open;
    }
    if (overdue > 0) sums.set(account.customerIndex * book.currencies.length + account.currencyIndex, { overdue, beyond });
  }
  return { book, aging, sums };
}

describe("monthEndOverdue", () => {
  it("sums what was overdue at the previous month-end, with cash dated by then only", () => {
    // I1 is 80 days past due today (49 at the month-end, 31 days earlier); P1 paid 50 of it 10 days ago.
    const spec: CollectionsBook = {
      invoices: [
        ["I1", "Acme", 80, 100],
        ["I2", "Acme", 20, 30],
        ["I3", "Beta", 95, 40, "EUR"],
      ],
      payments: [["P1", "Acme", day(-10), 50, "I1"]],
    };
    const { book, sums } = fromFullAging(spec, 30);
    const position = monthEndOverdue(book, PREVIOUS, 30, "en-US");
    expect(position.asOf).toBe(PREVIOUS);
    // Acme at the month-end: I1 100.00 open, 49 days past due (> 30); I2 not yet due. Beta: 40.00 EUR, 64 days.
    expect([...position.byAccount.values()].sort((a, b) => a.overdue - b.overdue)).toEqual([
      { overdue: 4000, beyond: 4000 },
      { overdue: 10000, beyond: 10000 },
    ]);
    expect(position.byAccount).toEqual(sums);
  });

  // "bravo" sorts after "Cato" by code unit but before it ignoring case (as the aging orders accounts): warnings are by code unit.
  const customers = ["Acme", "Beta", "Cato", "bravo"];
  const invoice = fc.tuple(
    fc.constantFrom(...customers),
    fc.integer({ min: -20, max: 150 }),
    fc.integer({ min: -30000, max: 100000 }).filter((a) => a !== 0),
    fc.constantFrom("USD", "USD", "EUR"),
  );
  const payment = fc.tuple(
    fc.constantFrom(...customers),
    fc.integer({ min: -90, max: 0 }),
    fc.integer({ min: -5000, max: 60000 }).filter((a) => a !== 0),
    fc.option(fc.nat(), { nil: null }),
  );

  it("property: the same sums, and the same warnings, as a full aging at that date", () => {
    fc.assert(
      fc.property(
        fc.array(invoice, { minLength: 1, maxLength: 14 }),
        fc.array(payment, { maxLength: 8 }),
        fc.integer({ min: 0, max: 120 }),
        (invs, pays, days) => {
          const numbers = invs.map((_, k) => `I${k}`);
          const spec: CollectionsBook = {
            invoices: invs.map(([c, d, a, cur], k) => [numbers[k]!, c, d, a / 100, cur]),
            payments: pays.map(([c, d, a, inv], k) => [
              `P${k}`,
              c,
              day(d),
              a / 100,
              inv === null ? undefined : numbers[inv % numbers.length],
            ]),
          };
          const { book, sums } = fromFullAging(spec, days);
          const position = monthEndOverdue(book, PREVIOUS, days, "en-US");
          expect(position.byAccount).toEqual(sums);

          const aging = ageBook(book, { asOf: AS_OF, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
          // From the current allocation (one pass, no second cash application): the same sums.
          const fromCurrent = monthEndOverdue(book, PREVIOUS, days, "en-US", aging.allocation);
          expect([fromCurrent.asOf, fromCurrent.days, fromCurrent.byAccount]).toEqual([position.asOf, position.days, position.byAccount]);
          const credit = checkCredit(aging, { ...DEFAULT_CREDIT_OPTIONS, defaultCurrency: "USD", lang: "en-US" });
          const list = collectionsWorklist(aging, [], { ladder: DEFAULT_LADDER, lang: "en-US", credit });
          const rules = { ...DEFAULT_WARNING_RULES, agingWorsened: { enabled: true, days } };
          const previousAging = ageBook(book, { asOf: PREVIOUS, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
          expect(earlyWarnings(aging, position, credit, list, rules)).toEqual(earlyWarnings(aging, previousAging, credit, list, rules));
          expect(earlyWarnings(aging, fromCurrent, credit, list, rules)).toEqual(earlyWarnings(aging, previousAging, credit, list, rules));
          // The credit statuses alone give the same worklist and warnings as the full credit check.
          const statuses = creditStatuses(aging, { ...DEFAULT_CREDIT_OPTIONS, defaultCurrency: "USD", lang: "en-US" });
          const fromStatuses = collectionsWorklist(aging, [], { ladder: DEFAULT_LADDER, lang: "en-US", credit: statuses });
          expect(fromStatuses).toEqual(list);
          const warnings = earlyWarnings(aging, position, statuses, fromStatuses, rules);
          expect(warnings).toEqual(earlyWarnings(aging, position, credit, list, rules));
          // Ordered by rule (in WARNING_RULES order), then customer, then currency: as one sort with the whole key.
          const byKey = (x: EarlyWarning, y: EarlyWarning) =>
            WARNING_RULES.indexOf(x.rule) - WARNING_RULES.indexOf(y.rule) ||
            (x.customer < y.customer ? -1 : x.customer > y.customer ? 1 : 0) ||
            (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0);
          expect(warnings).toEqual([...warnings].sort(byKey));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses to compare with a rule threshold it was not summed for", () => {
    const { book } = fromFullAging({ invoices: [["I1", "Acme", 80, 100]] }, 60);
    const aging = ageBook(book, { asOf: AS_OF, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
    const credit = checkCredit(aging, { ...DEFAULT_CREDIT_OPTIONS, defaultCurrency: "USD", lang: "en-US" });
    const list = collectionsWorklist(aging, [], { ladder: DEFAULT_LADDER, lang: "en-US", credit });
    expect(() => earlyWarnings(aging, monthEndOverdue(book, PREVIOUS, 30, "en-US"), credit, list, DEFAULT_WARNING_RULES)).toThrow(
      RangeError,
    );
  });
});
