/**
 * AR.DISCOUNT, AR.LATEFEE, AR.CREDITAVAILABLE, AR.CREDITSTATUS.
 */
import { creditAvailable, creditStatus, discount, lateFee } from "../../src/functions/logic/money";
import { en, zh, serial, shown, only, thrown } from "./support";

const INVOICED = serial("2026-10-01");

describe("AR.DISCOUNT(amount, terms, invoice_date, payment_date)", () => {
  it.each([
    ["paid on the last discount day", 1000.5, "2/10 Net 30", "2026-10-11", 20.01],
    ["paid a day late", 1000.5, "2/10 Net 30", "2026-10-12", 0],
    ["paid on the invoice date", 1000, "1.5/15 Net 45", "2026-10-01", 15],
    ["terms without a discount", 1000, "Net 30", "2026-10-02", 0],
    ["a text amount", "$2,000.00", "2/10 Net 30", "2026-10-05", 40],
    ["rounded half away from zero", 0.25, "2/10 Net 30", "2026-10-05", 0.01],
  ])("%s", (_case, amount, terms, paid, expected) => {
    expect(only(discount(en, amount, terms, INVOICED, paid))).toBe(expected);
  });

  it("spills over a column of amounts with shared terms and dates", () => {
    expect(shown(discount(en, [[100], [""], ["abc"]], "2/10 Net 30", INVOICED, "2026-10-05"))).toEqual([[2], [""], ["#VALUE!"]]);
  });
});

describe("AR.LATEFEE(amount, due_date, as_of, annual_rate, [fixed_fee])", () => {
  const DUE = serial("2026-10-01");
  it.each([
    ["30 days at 18 %", 1000, DUE + 30, 0.18, null, 14.79],
    ["plus a fixed fee", 1000, DUE + 30, 0.18, 25, 39.79],
    ["rate written as text 18%", 1000, DUE + 30, "18%", null, 14.79],
    ["one year at 10 %", 1234.56, DUE + 365, 0.1, null, 123.46],
    ["due today: not overdue", 1000, DUE, 0.18, 25, 0],
    ["not yet due", 1000, DUE - 5, 0.18, 25, 0],
    ["a credit note", -1000, DUE + 30, 0.18, 25, 0],
    ["zero rate, fee only", 1000, DUE + 1, 0, 25, 25],
  ])("%s", (_case, amount, asOf, rate, fee, expected) => {
    expect(only(lateFee(en, amount, DUE, asOf, rate, fee))).toBe(expected);
  });

  it("spills over amounts and due dates", () => {
    expect(lateFee(en, [[1000], [2000]], [[DUE], [DUE + 10]], DUE + 30, 0.18)).toEqual([[14.79], [19.73]]);
  });

  it.each([
    ["a negative rate", -0.1, null, /^annual_rate: -0\.1 must be an annual rate of 0 or more/],
    ["a negative fee", 0.18, -5, /^fixed_fee: -5 must not be negative\.$/],
  ])("rejects %s", (_case, rate, fee, message) => {
    expect(thrown(() => lateFee(en, 1000, DUE, DUE + 30, rate, fee)).message).toMatch(message);
  });
});

describe("AR.CREDITAVAILABLE(limit, exposure)", () => {
  it.each([
    [10000, 2500, 7500],
    [10000, 12000, -2000],
    [10000.1, 0.2, 9999.9],
    ["50,000", "12,345.67", 37654.33],
  ])("limit %s, exposure %s → %s", (limit, exposure, expected) => {
    expect(only(creditAvailable(en, limit, exposure))).toBe(expected);
  });
});

describe("AR.CREDITSTATUS(limit, exposure, [oldest_days_overdue], [near_pct], [hold_days])", () => {
  it.each([
    ["well within the limit", 10000, 5000, null, null, null, "OK", "正常"],
    ["exactly 80 % of the limit", 10000, 8000, null, null, null, "Near limit", "接近额度"],
    ["just under 80 %", 10000, 7999.99, null, null, null, "OK", "正常"],
    ["exactly at the limit", 10000, 10000, null, null, null, "Near limit", "接近额度"],
    ["a cent over the limit", 10000, 10000.01, null, null, null, "Over limit", "超出额度"],
    ["60 days overdue is not yet Hold", 10000, 100, 60, null, null, "OK", "正常"],
    ["61 days overdue is Hold", 10000, 100, 61, null, null, "Hold", "冻结"],
    ["Hold wins over Over limit", 10000, 20000, 61, null, null, "Hold", "冻结"],
    ["custom near_pct", 10000, 8500, 0, 90, null, "OK", "正常"],
    ["custom hold_days", 10000, 100, 31, null, 30, "Hold", "冻结"],
    ["hold_days 0: anything overdue is Hold", 10000, 100, 1, null, 0, "Hold", "冻结"],
    ["zero limit, zero exposure", 0, 0, null, null, null, "Near limit", "接近额度"],
  ])("%s", (_case, limit, exposure, oldest, near, hold, english, chinese) => {
    expect(only(creditStatus(en, limit, exposure, oldest, near, hold))).toBe(english);
    expect(only(creditStatus(zh, limit, exposure, oldest, near, hold))).toBe(chinese);
  });

  it("spills per customer; a blank oldest_days_overdue means nothing overdue", () => {
    expect(creditStatus(en, [[10000], [10000], [""]], [[2000], [9000], [1]], [[""], [90], [5]])).toEqual([["OK"], ["Hold"], [""]]);
  });

  it.each([
    ["near_pct written as a fraction", 0.8, null, /^near_pct: 0\.8 must be a percentage from 1 to 100; write 80 for 80 %\.$/],
    ["near_pct over 100", 120, null, /^near_pct: 120 must be a percentage/],
    ["fractional hold_days", null, 1.5, /^hold_days: 1\.5 must be a whole number of days/],
  ])("rejects %s", (_case, near, hold, message) => {
    expect(thrown(() => creditStatus(en, 100, 10, null, near, hold)).message).toMatch(message);
  });
});
