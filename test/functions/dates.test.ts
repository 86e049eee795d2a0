/**
 * AR.DAYSOVERDUE, AR.AGEBUCKET and AR.DUEDATE: what a user gets for each kind of input.
 */
import { daysOverdue, ageBucket, dueDate } from "../../src/functions/logic/dates";
import { serialFrom1904 } from "../../src/engine/dates";
import { en, zh, serial, shown, only, thrown, TODAY, contextFor } from "./support";

const AS_OF = serial("2026-10-31");

describe("AR.DAYSOVERDUE(due_date, [as_of])", () => {
  it.each([
    ["a date serial", serial("2026-10-01"), AS_OF, 30],
    ["due on the as-of date", AS_OF, AS_OF, 0],
    ["not yet due (negative)", serial("2026-11-30"), AS_OF, -30],
    ["ISO text", "2026-10-01", AS_OF, 30],
    ["ISO text as-of", serial("2026-10-01"), "2026-10-31", 30],
    ["a serial with a time of day", serial("2026-10-01") + 0.75, AS_OF, 30],
    ["unambiguous day-first text", "31/10/2026", serial("2026-11-30"), 30],
    ["Chinese text date", "2026年10月1日", AS_OF, 30],
    ["month-name text", "1 Oct 2026", AS_OF, 30],
    ["across the phantom 1900-02-29 (Excel counts it)", serial("1900-02-28"), serial("1900-03-01"), 2],
    ["the phantom day itself as ISO text", "1900-02-29", 61, 1],
  ])("%s", (_case, due, asOf, expected) => {
    expect(only(daysOverdue(en, due, asOf))).toBe(expected);
  });

  it("uses today's date from the host when as_of is omitted (null) or an empty cell", () => {
    const ctx = contextFor("en-US", serial("2026-11-10"));
    expect(only(daysOverdue(ctx, serial("2026-11-01"), null))).toBe(9);
    expect(only(daysOverdue(ctx, serial("2026-11-01"), undefined))).toBe(9);
    expect(only(daysOverdue(ctx, serial("2026-11-01"), [[""]]))).toBe(9);
  });

  it("does not read today when as_of is given", () => {
    const today = jest.fn(() => TODAY);
    daysOverdue({ lang: "en-US", today }, [[1], [2]], AS_OF);
    expect(today).not.toHaveBeenCalled();
  });

  it("is the same for 1904-system serials when both dates come from the same 1904 workbook", () => {
    // A 1904 workbook passes 1904 serials; differences of two dates do not depend on the system.
    const due1904 = serial("2026-10-01") - 1462;
    const asOf1904 = AS_OF - 1462;
    expect(serialFrom1904(due1904)).toBe(serial("2026-10-01"));
    expect(only(daysOverdue(en, due1904, asOf1904))).toBe(30);
  });

  it("spills a range in its own shape, blanks stay blank, a bad cell is #VALUE! in that cell only", () => {
    const due = [
      [serial("2026-10-01"), ""],
      [null, "2026-11-30"],
      ["03/04/2026", true],
    ];
    expect(shown(daysOverdue(en, due, AS_OF))).toEqual([
      [30, ""],
      ["", -30],
      ["#VALUE!", "#VALUE!"],
    ]);
  });

  it.each([
    ["a row", [[serial("2026-10-01"), serial("2026-10-30")]], [[30, 1]]],
    ["a column", [[serial("2026-10-01")], [serial("2026-10-30")]], [[30], [1]]],
  ])("spills %s as %s", (_case, due, expected) => {
    expect(daysOverdue(en, due, AS_OF)).toEqual(expected);
  });

  it("pairs two ranges of the same shape cell by cell", () => {
    expect(daysOverdue(en, [[serial("2026-10-01")], [serial("2026-10-01")]], [[AS_OF], [serial("2026-10-11")]])).toEqual([[30], [10]]);
  });

  it("rejects ranges of different shapes, naming the argument", () => {
    const error = thrown(() => daysOverdue(en, [[1], [2], [3]], [[1], [2]]));
    expect(error.message).toMatch(/^as_of: a range of 2 × 1 cells does not match due_date \(3 × 1\)/);
  });

  it("throws for a bad single value (the whole formula is #VALUE!)", () => {
    expect(thrown(() => daysOverdue(en, "soon", AS_OF)).excelText).toBe("#VALUE!");
    expect(thrown(() => daysOverdue(en, serial("2026-10-01"), "03/04/2026")).message).toMatch(
      /^as_of: "03\/04\/2026" could be read day-first or month-first/,
    );
  });

  it("gives a blank for a blank single due date", () => {
    expect(daysOverdue(en, "", AS_OF)).toEqual([[""]]);
    expect(daysOverdue(en, null, AS_OF)).toEqual([[""]]);
  });
});

describe("AR.AGEBUCKET(due_date, [as_of], [boundaries], [basis])", () => {
  const dueDaysAgo = (days: number): number => AS_OF - days;

  it.each([
    [-1, "Current", "未到期"],
    [0, "Current", "未到期"],
    [1, "1-30", "1-30天"],
    [30, "1-30", "1-30天"],
    [31, "31-60", "31-60天"],
    [60, "31-60", "31-60天"],
    [61, "61-90", "61-90天"],
    [90, "61-90", "61-90天"],
    [91, "90+", "90天以上"],
  ])("%i days overdue is %s (%s)", (days, english, chinese) => {
    expect(only(ageBucket(en, dueDaysAgo(days), AS_OF))).toBe(english);
    expect(only(ageBucket(zh, dueDaysAgo(days), AS_OF))).toBe(chinese);
  });

  it.each([
    ["text", "30,60,90,120", 100, "91-120"],
    ["text with Chinese commas", "30，60，90，120", 121, "120+"],
    ["a row of numbers", [[30, 60, 90, 120]], 120, "91-120"],
    ["a column of numbers with a blank", [[15], [""], [45]], 16, "16-45"],
    ["a single number", 45, 46, "45+"],
    ["blank (default 30,60,90)", "", 91, "90+"],
  ])("takes boundaries as %s", (_case, boundaries, days, expected) => {
    expect(only(ageBucket(en, dueDaysAgo(days), AS_OF, boundaries))).toBe(expected);
  });

  it.each([
    ["due", 0, "Current"],
    ["DUE", 31, "31-60"],
    ["invoice", 0, "0-30"],
    ["Invoice", 30, "0-30"],
    ["发票日期", 31, "31-60"],
  ])("basis %s at %i days is %s", (basis, days, expected) => {
    expect(only(ageBucket(en, dueDaysAgo(days), AS_OF, null, basis))).toBe(expected);
  });

  it.each([
    ["decreasing boundaries", "60,30", null, /^boundaries: "60,30" is not a list of up to 100 increasing whole days/],
    ["a zero boundary", [[0, 30]], null, /^boundaries: "0,30"/],
    ["text boundaries", "soon", null, /^boundaries: "soon"/],
    ["an unknown basis", null, "paid", /^basis: "paid" must be "due"/],
  ])("rejects %s", (_case, boundaries, basis, message) => {
    expect(thrown(() => ageBucket(en, AS_OF, AS_OF, boundaries, basis)).message).toMatch(message);
  });

  it("spills a column with blanks and uses today when as_of is omitted", () => {
    const result = ageBucket(contextFor("en-US", AS_OF), [[dueDaysAgo(5)], [""], [dueDaysAgo(100)], [dueDaysAgo(-3)]]);
    expect(result).toEqual([["1-30"], [""], ["90+"], ["Current"]]);
  });
});

describe("AR.DUEDATE(invoice_date, terms)", () => {
  it.each([
    ["2026-10-15", "Net 30", "2026-11-14"],
    ["2026-10-15", "net30", "2026-11-14"],
    ["2026-10-15", 30, "2026-11-14"],
    ["2026-10-15", "2/10 Net 30", "2026-11-14"],
    ["2026-10-15", "EOM", "2026-10-31"],
    ["2026-10-15", "Net 30 EOM", "2026-11-30"],
    ["2026-10-15", "月结30天", "2026-11-30"],
    ["2026-10-15", "Due on receipt", "2026-10-15"],
    ["2026-01-31", "Net 29", "2026-03-01"],
    ["1900-02-28", "Net 1", "1900-02-29"],
    ["1900-02-15", "EOM", "1900-02-29"],
  ])("%s with %s is due %s", (invoiceDate, terms, expected) => {
    expect(only(dueDate(en, invoiceDate, terms))).toBe(serial(expected));
    expect(only(dueDate(en, serial(invoiceDate), terms))).toBe(serial(expected));
  });

  it("pairs a column of dates with a column of terms; blanks give blanks", () => {
    const result = dueDate(
      en,
      [[serial("2026-10-15")], [serial("2026-10-15")], [""], [serial("2026-10-15")]],
      [["Net 30"], ["EOM"], ["Net 30"], [""]],
    );
    expect(result).toEqual([[serial("2026-11-14")], [serial("2026-10-31")], [""], [""]]);
  });

  it("names the terms in the message, in the display language", () => {
    expect(thrown(() => dueDate(en, AS_OF, "whenever")).message).toMatch(/^terms: the payment terms "whenever" are not recognised/);
    expect(thrown(() => dueDate(zh, AS_OF, "whenever")).message).toMatch(/^付款条件：无法识别付款条件 "whenever"/);
  });
});
