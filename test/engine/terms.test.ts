import fc from "fast-check";
import { endOfMonth, isoFromSerial, serialFromIso } from "../../src/engine/dates";
import { discountEarned, dueDateFromTerms, parseTerms, type PaymentTerms } from "../../src/engine/terms";

const serial = (iso: string): number => {
  const value = serialFromIso(iso);
  if (value === null) throw new Error(`bad test date ${iso}`);
  return value;
};

const terms = (text: string): PaymentTerms => {
  const parsed = parseTerms(text);
  if (parsed === null) throw new Error(`terms not recognised: ${text}`);
  return parsed;
};

describe("parseTerms", () => {
  // [text, netDays, endOfMonth, discountPercent, discountDays]
  it.each<[string, number, boolean, number, number]>([
    ["Net 30", 30, false, 0, 0],
    ["NET30", 30, false, 0, 0],
    ["net 60", 60, false, 0, 0],
    ["N30", 30, false, 0, 0],
    ["n 45", 45, false, 0, 0],
    ["n/30", 30, false, 0, 0],
    ["Net 30 days", 30, false, 0, 0],
    ["30 days", 30, false, 0, 0],
    ["30 Days Net", 30, false, 0, 0],
    ["1 day", 1, false, 0, 0],
    ["30", 30, false, 0, 0],
    ["Net 0", 0, false, 0, 0],
    ["2/10 Net 30", 30, false, 2, 10],
    ["2% 10 Net 30", 30, false, 2, 10],
    ["2%/10 Net 30", 30, false, 2, 10],
    ["2/10, n/30", 30, false, 2, 10],
    ["1/15 N45", 45, false, 1, 15],
    ["1.5/10 Net 30", 30, false, 1.5, 10],
    ["2/10 Net 30 EOM", 30, true, 2, 10],
    ["EOM", 0, true, 0, 0],
    ["eom", 0, true, 0, 0],
    ["Net EOM", 0, true, 0, 0],
    ["E.O.M.", 0, true, 0, 0],
    ["Net 30 EOM", 30, true, 0, 0],
    ["30 EOM", 30, true, 0, 0],
    ["Net 30 days EOM", 30, true, 0, 0],
    ["Net 30 end of month", 30, true, 0, 0],
    ["Due on receipt", 0, false, 0, 0],
    ["due upon receipt", 0, false, 0, 0],
    ["COD", 0, false, 0, 0],
    ["C.O.D.", 0, false, 0, 0],
    ["CIA", 0, false, 0, 0],
    ["Cash in advance", 0, false, 0, 0],
    ["月结30天", 30, true, 0, 0],
    ["月结 60 天", 60, true, 0, 0],
    ["月結90日", 90, true, 0, 0],
    ["30天", 30, false, 0, 0],
    ["账期45天", 45, false, 0, 0],
    ["发票后30天", 30, false, 0, 0],
    ["30天内付款", 30, false, 0, 0],
    ["货到付款", 0, false, 0, 0],
    ["见票即付", 0, false, 0, 0],
    ["即付", 0, false, 0, 0],
    ["款到发货", 0, false, 0, 0],
    ["  Net   30  ", 30, false, 0, 0],
    ["ＮＥＴ ３０", 30, false, 0, 0],
    ["月结３０天", 30, true, 0, 0],
  ])("%p → net %i, EOM %p, %p%% within %i days", (text, netDays, endOfMonth, discountPercent, discountDays) => {
    expect(parseTerms(text)).toEqual({ netDays, endOfMonth, discountPercent, discountDays, text: text.trim() });
  });

  it.each([
    "",
    "   ",
    "whenever",
    "Net",
    "Net thirty",
    "2/10",
    "30/",
    "Net 30 60",
    "月结",
    "天",
    "Net -30",
    "Net 1000",
    "EOM EOM",
    "2/10 Net 30 foo",
  ])("%p is not recognised", (text) => {
    expect(parseTerms(text)).toBeNull();
  });

  it("reads back any 'd/D Net N' and 'Net N EOM' it could meet", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 99 }),
        fc.boolean(),
        (net, percent, days, eom) => {
          const text = `${percent}/${days} Net ${net}${eom ? " EOM" : ""}`;
          expect(parseTerms(text)).toEqual({ netDays: net, endOfMonth: eom, discountPercent: percent, discountDays: days, text });
        },
      ),
    );
  });
});

describe("dueDateFromTerms", () => {
  it.each([
    ["2026-10-15", "Net 30", "2026-11-14"],
    ["2026-10-15", "N30", "2026-11-14"],
    ["2026-10-15", "Due on receipt", "2026-10-15"],
    ["2026-10-15", "货到付款", "2026-10-15"],
    ["2026-10-15", "EOM", "2026-10-31"],
    ["2026-10-15", "Net 30 EOM", "2026-11-30"],
    ["2026-10-31", "Net 30 EOM", "2026-11-30"],
    ["2026-10-01", "月结30天", "2026-11-30"],
    ["2026-01-20", "月结 60 天", "2026-04-01"],
    ["2026-02-10", "30 EOM", "2026-03-30"],
    ["2026-12-20", "30天", "2027-01-19"],
    ["2026-12-20", "2/10 Net 30", "2027-01-19"],
    ["2024-02-10", "EOM", "2024-02-29"],
  ])("invoice %s on %p is due %s", (invoice, text, due) => {
    expect(isoFromSerial(dueDateFromTerms(serial(invoice), terms(text)))).toBe(due);
  });

  it("counts net days from the invoice date, or from its month end under EOM", () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 2900000 }), fc.integer({ min: 0, max: 999 }), fc.boolean(), (invoice, net, eom) => {
        const due = dueDateFromTerms(invoice, { netDays: net, endOfMonth: eom, discountPercent: 0, discountDays: 0, text: "" });
        expect(due).toBe((eom ? endOfMonth(invoice) : invoice) + net);
      }),
    );
  });
});

describe("discountEarned", () => {
  const invoice = serial("2026-10-01");

  it.each([
    [100000, "2/10 Net 30", "2026-10-11", 2000], // last day of the window counts
    [100000, "2/10 Net 30", "2026-10-12", 0],
    [100000, "2/10 Net 30", "2026-10-01", 2000],
    [100000, "2/10 Net 30", "2026-09-25", 2000], // paid in advance
    [100050, "2/10 Net 30", "2026-10-05", 2001], // 20.01
    [12345, "2/10 Net 30", "2026-10-05", 247], // 246.9 → 247
    [12325, "2/10 Net 30", "2026-10-05", 247], // 246.5 → 247, half away from zero
    [-12325, "2/10 Net 30", "2026-10-05", -247], // credit note: half away from zero
    [1001, "1.5/10 Net 30", "2026-10-05", 15], // 15.015 → 15
    [1000, "1.5/10 Net 30", "2026-10-05", 15],
    [100000, "Net 30", "2026-10-02", 0],
    [0, "2/10 Net 30", "2026-10-02", 0],
    [9007199254740991, "2/10 Net 30", "2026-10-02", 180143985094820], // no precision lost
  ])("%i minor units on %p paid %s earns %i", (amount, text, paid, discount) => {
    expect(discountEarned(amount, terms(text), invoice, serial(paid))).toBe(discount);
  });

  it.each([NaN, 1.5, Infinity, 2 ** 53])("an amount of %p is not an integer count of minor units", (amount) => {
    expect(discountEarned(amount, terms("2/10 Net 30"), invoice, invoice)).toBeNaN();
  });

  it("never exceeds the amount and is the rounded percentage inside the window", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -10, max: 90 }),
        (amount, percent, days, paidAfter) => {
          const t: PaymentTerms = { netDays: 90, endOfMonth: false, discountPercent: percent, discountDays: days, text: "" };
          const earned = discountEarned(amount, t, invoice, invoice + paidAfter);
          if (paidAfter > days) expect(earned).toBe(0);
          else {
            const exact = (amount * percent) / 100; // exact enough here: |amount × percent| < 2^53
            expect(Math.abs(earned - exact)).toBeLessThanOrEqual(0.5);
            expect(Math.abs(earned)).toBeLessThanOrEqual(Math.abs(amount));
          }
        },
      ),
    );
  });
});
