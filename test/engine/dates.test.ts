import fc from "fast-check";
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  endOfMonth,
  isoFromSerial,
  lastMonthEnd,
  MAX_SERIAL,
  parseDateCell,
  serialFrom1904,
  serialFromIso,
  serialFromUtcMs,
  serialFromYmd,
  ymdFromSerial,
} from "../../src/engine/dates";
import type { DateOrder } from "../../src/engine/types";

const ymd = (iso: string): number => {
  const serial = serialFromIso(iso);
  if (serial === null) throw new Error(`bad test date ${iso}`);
  return serial;
};

describe("serialFromYmd and ymdFromSerial", () => {
  it.each([
    [1900, 1, 1, 1],
    [1900, 1, 31, 31],
    [1900, 2, 1, 32],
    [1900, 2, 28, 59],
    [1900, 2, 29, 60], // Excel's phantom leap day
    [1900, 3, 1, 61],
    [1900, 12, 31, 366],
    [1904, 1, 1, 1462],
    [1970, 1, 1, 25569],
    [2000, 2, 29, 36585],
    [2026, 10, 31, 46326],
    [2026, 11, 23, 46349],
    [9999, 12, 31, 2958465],
  ])("%i-%i-%i is serial %i", (year, month, day, serial) => {
    expect(serialFromYmd(year, month, day)).toBe(serial);
    expect(ymdFromSerial(serial)).toEqual({ year, month, day });
  });

  it.each([
    [1899, 12, 31],
    [10000, 1, 1],
    [2026, 2, 29],
    [2100, 2, 29],
    [2026, 4, 31],
    [2026, 13, 1],
    [2026, 0, 1],
    [2026, 1, 0],
    [2026.5, 1, 1],
    [NaN, 1, 1],
  ])("%p-%p-%p is not a date", (year, month, day) => {
    expect(serialFromYmd(year, month, day)).toBeNaN();
  });

  it("drops the time fraction", () => {
    expect(ymdFromSerial(46326.999)).toEqual({ year: 2026, month: 10, day: 31 });
  });

  it("round-trips every serial from 1 to 2958465", () => {
    for (let serial = 1; serial <= MAX_SERIAL; serial++) {
      const { year, month, day } = ymdFromSerial(serial);
      if (serialFromYmd(year, month, day) !== serial) throw new Error(`serial ${serial} does not round-trip`);
    }
  });

  it("counts consecutive days: the day after any date is the next serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL - 1 }), (serial) => {
        const a = ymdFromSerial(serial);
        const b = ymdFromSerial(serial + 1);
        const nextDay = a.day < daysInMonth(a.year, a.month);
        expect(b).toEqual(
          nextDay
            ? { ...a, day: a.day + 1 }
            : a.month < 12
              ? { year: a.year, month: a.month + 1, day: 1 }
              : { year: a.year + 1, month: 1, day: 1 },
        );
      }),
    );
  });

  it("agrees with the JavaScript UTC calendar from 1900-03-01 on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_SERIAL }), (serial) => {
        const date = new Date((serial - 25569) * 86400000);
        expect(ymdFromSerial(serial)).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
      }),
    );
  });
});

describe("isoFromSerial and serialFromIso", () => {
  it.each([
    [59, "1900-02-28"],
    [60, "1900-02-29"],
    [61, "1900-03-01"],
    [46326, "2026-10-31"],
    [2958465, "9999-12-31"],
  ])("%i ↔ %s", (serial, iso) => {
    expect(isoFromSerial(serial)).toBe(iso);
    expect(serialFromIso(iso)).toBe(serial);
  });

  it.each(["2026-02-29", "2026-1-05", "2026-10-31T00:00", " 2026-10-31", "26-10-31", "2026/10/31", "1899-12-31", ""])(
    "%p is not strict ISO",
    (text) => {
      expect(serialFromIso(text)).toBeNull();
    },
  );

  it("round-trips every ISO text it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL }), (serial) => {
        expect(serialFromIso(isoFromSerial(serial))).toBe(serial);
      }),
    );
  });
});

describe("date system and adapter conversions", () => {
  it.each([
    [0, 1462, "1904-01-01"],
    [1, 1463, "1904-01-02"],
    [44864, 46326, "2026-10-31"],
  ])("1904 serial %i is 1900 serial %i (%s)", (serial1904, serial, iso) => {
    expect(serialFrom1904(serial1904)).toBe(serial);
    expect(isoFromSerial(serialFrom1904(serial1904))).toBe(iso);
  });

  it.each([
    [Date.UTC(2026, 9, 31), 46326],
    [Date.UTC(2026, 9, 31, 23, 59, 59, 999), 46326],
    [Date.UTC(1970, 0, 1), 25569],
    [Date.UTC(1900, 2, 1), 61],
    [Date.UTC(1969, 11, 31, 12), 25568],
  ])("UTC time value %p is serial %i", (ms, serial) => {
    expect(serialFromUtcMs(ms)).toBe(serial);
  });
});

describe("calendar arithmetic", () => {
  it.each([
    ["2026-10-15", "2026-10-31"],
    ["2026-10-31", "2026-10-31"],
    ["2026-02-01", "2026-02-28"],
    ["2024-02-10", "2024-02-29"],
    ["1900-02-01", "1900-02-29"],
    ["2026-12-05", "2026-12-31"],
  ])("endOfMonth(%s) = %s", (date, end) => {
    expect(isoFromSerial(endOfMonth(ymd(date)))).toBe(end);
  });

  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-03-15", -3, "2025-12-15"],
    ["2026-10-31", 12, "2027-10-31"],
    ["2026-08-31", 1, "2026-09-30"],
    ["2026-05-10", 0, "2026-05-10"],
    ["2026-11-30", 14, "2028-01-30"],
  ])("addMonths(%s, %i) = %s", (date, months, result) => {
    expect(isoFromSerial(addMonths(ymd(date), months))).toBe(result);
  });

  it.each([
    ["2026-11-23", "2026-10-31"],
    ["2026-11-30", "2026-10-31"],
    ["2026-11-01", "2026-10-31"],
    ["2026-01-05", "2025-12-31"],
    ["2026-03-31", "2026-02-28"],
    ["1900-03-10", "1900-02-29"],
  ])("lastMonthEnd(%s) = %s", (date, monthEnd) => {
    expect(isoFromSerial(lastMonthEnd(ymd(date)))).toBe(monthEnd);
  });

  it.each([
    ["2026-10-01", "2026-10-31", 30],
    ["2026-10-31", "2026-10-01", -30],
    ["2026-10-31", "2026-10-31", 0],
    ["1900-02-28", "1900-03-01", 2], // counts the phantom day, as Excel does
  ])("daysBetween(%s, %s) = %i", (from, to, days) => {
    expect(daysBetween(ymd(from), ymd(to))).toBe(days);
  });

  it("addDays moves by whole days", () => {
    expect(isoFromSerial(addDays(ymd("2026-10-31"), 30))).toBe("2026-11-30");
    expect(isoFromSerial(addDays(ymd("2026-03-01"), -1))).toBe("2026-02-28");
  });

  it("addMonths never leaves the target month and keeps the day when it exists", () => {
    fc.assert(
      fc.property(fc.integer({ min: 20000, max: 2900000 }), fc.integer({ min: -600, max: 600 }), (serial, months) => {
        const from = ymdFromSerial(serial);
        const to = ymdFromSerial(addMonths(serial, months));
        expect((to.year - from.year) * 12 + (to.month - from.month)).toBe(months);
        expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
      }),
    );
  });

  it("lastMonthEnd is a month end strictly before the serial's month, with none in between", () => {
    fc.assert(
      fc.property(fc.integer({ min: 62, max: MAX_SERIAL }), (serial) => {
        const monthEnd = lastMonthEnd(serial);
        expect(endOfMonth(monthEnd)).toBe(monthEnd);
        const next = ymdFromSerial(monthEnd + 1);
        const of = ymdFromSerial(serial);
        expect([next.year, next.month, next.day]).toEqual([of.year, of.month, 1]);
      }),
    );
  });
});

describe("parseDateCell", () => {
  const at = (dateOrder: DateOrder | null, dateSystem: 1900 | 1904 = 1900) => ({ dateOrder, dateSystem });

  it.each<[number, 1900 | 1904, number]>([
    [46326, 1900, 46326],
    [46326.75, 1900, 46326],
    [1, 1900, 1],
    [60, 1900, 60],
    [2958465, 1900, 2958465],
    [0, 1904, 1462],
    [44864, 1904, 46326],
    [44864.5, 1904, 46326],
  ])("number %p in a %i book is serial %i", (cell, dateSystem, serial) => {
    expect(parseDateCell(cell, at(null, dateSystem))).toEqual({ ok: true, serial });
  });

  it.each<[number, 1900 | 1904]>([
    [0, 1900],
    [0.5, 1900],
    [-1, 1900],
    [2958466, 1900],
    [-1, 1904],
    [2958465, 1904],
    [NaN, 1900],
    [Infinity, 1900],
    [20261031, 1900],
  ])("number %p in a %i book is not a date", (cell, dateSystem) => {
    expect(parseDateCell(cell, at(null, dateSystem))).toEqual({ ok: false, code: "date.invalid" });
  });

  it.each<[string, DateOrder | null, string]>([
    // year first: never ambiguous
    ["2026-10-31", null, "2026-10-31"],
    ["2026-10-31", "DMY", "2026-10-31"],
    ["2026-10-31", "MDY", "2026-10-31"],
    ["2026/10/31", null, "2026-10-31"],
    ["2026.10.31", null, "2026-10-31"],
    ["2026-1-5", null, "2026-01-05"],
    ["2026-10-31 00:00:00", null, "2026-10-31"],
    ["2026-10-31T13:45:00Z", null, "2026-10-31"],
    ["2026年10月31日", null, "2026-10-31"],
    ["2026年1月5日", null, "2026-01-05"],
    ["20261031", null, "2026-10-31"],
    ["1900-02-29", null, "1900-02-29"],
    ["  2026-10-31  ", null, "2026-10-31"],
    ["２０２６年１０月３１日", null, "2026-10-31"],
    ["２０２６－１０－３１", null, "2026-10-31"],
    // numeric day and month, with an order
    ["03/04/2026", "DMY", "2026-04-03"],
    ["03/04/2026", "MDY", "2026-03-04"],
    ["3/4/2026", "DMY", "2026-04-03"],
    ["31/10/2026", "DMY", "2026-10-31"],
    ["10/31/2026", "MDY", "2026-10-31"],
    ["31-10-2026", "DMY", "2026-10-31"],
    ["31.10.2026", "DMY", "2026-10-31"],
    ["31/10/26", "DMY", "2026-10-31"],
    ["10/31/26", "MDY", "2026-10-31"],
    ["31/12/99", "DMY", "1999-12-31"],
    ["31/12/30", "DMY", "1930-12-31"],
    ["31/12/29", "DMY", "2029-12-31"],
    ["26/10/31", "YMD", "2026-10-31"],
    ["29/02/2024", "DMY", "2024-02-29"],
    ["３１/１０/２０２６", "DMY", "2026-10-31"],
    // numeric, no order: accepted when only one order names a real date
    ["31/10/2026", null, "2026-10-31"],
    ["10/31/2026", null, "2026-10-31"],
    ["13.01.2026", null, "2026-01-13"],
    ["05/05/2026", null, "2026-05-05"],
    ["31/10/2026", "YMD", "2026-10-31"],
    // month names
    ["31 Oct 2026", null, "2026-10-31"],
    ["31 OCT 2026", null, "2026-10-31"],
    ["1 October 2026", null, "2026-10-01"],
    ["01 Oct 2026", null, "2026-10-01"],
    ["31-Oct-26", null, "2026-10-31"],
    ["31-oct-2026", null, "2026-10-31"],
    ["5/Sept/2026", null, "2026-09-05"],
    ["Oct 31, 2026", null, "2026-10-31"],
    ["October 31 2026", null, "2026-10-31"],
    ["May 1, 2026", "DMY", "2026-05-01"],
  ])("%p (order %p) is %s", (text, dateOrder, iso) => {
    const parsed = parseDateCell(text, at(dateOrder));
    expect(parsed.ok && isoFromSerial(parsed.serial)).toBe(iso);
  });

  it.each<[string, DateOrder | null]>([
    ["03/04/2026", null],
    ["1/2/2026", null],
    ["12-11-2026", null],
    ["03/04/2026", "YMD"],
    ["26/10/31", null], // 2026-10-31 or 26 Oct 2031
    ["05/06/07", null],
  ])("%p with order %p is ambiguous", (text, dateOrder) => {
    expect(parseDateCell(text, at(dateOrder))).toEqual({ ok: false, code: "date.ambiguous" });
  });

  it.each<[string | boolean, DateOrder | null]>([
    ["2026-02-29", null],
    ["2026-13-01", null],
    ["2026/10-31", null],
    ["31/04/2026", "DMY"],
    ["31/10/2026", "MDY"],
    ["10/31/2026", "DMY"],
    ["32/10/2026", null],
    ["13/13/2026", null],
    ["29/02/2026", null],
    ["31/10/026", null],
    ["31 Foo 2026", null],
    ["Octo 31, 2026", null],
    ["31 Oct", null],
    ["2026年13月1日", null],
    ["20261331", null],
    ["1899-12-31", null],
    ["46326", null],
    ["yesterday", null],
    ["2026-10-31abc", null],
    [true, null],
  ])("%p with order %p is invalid", (cell, dateOrder) => {
    expect(parseDateCell(cell, at(dateOrder))).toEqual({ ok: false, code: "date.invalid" });
  });

  it.each([null, "", "   ", "\u3000"])("%p is empty", (cell) => {
    expect(parseDateCell(cell, at(null))).toEqual({ ok: false, code: "date.empty" });
  });

  it("reads back any date written as ISO, as d/m/y with its order, and as a serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_SERIAL }), (serial) => {
        const { year, month, day } = ymdFromSerial(serial);
        const dmy = `${day}/${month}/${year}`;
        const mdy = `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}-${year}`;
        expect(parseDateCell(isoFromSerial(serial), at(null))).toEqual({ ok: true, serial });
        expect(parseDateCell(dmy, at("DMY"))).toEqual({ ok: true, serial });
        expect(parseDateCell(mdy, at("MDY"))).toEqual({ ok: true, serial });
        expect(parseDateCell(serial + 0.25, at(null))).toEqual({ ok: true, serial });
      }),
    );
  });

  it("never guesses: without an order, a day/month text parses only when one reading exists", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 31 }), (a, b) => {
        const parsed = parseDateCell(`${a}/${b}/2026`, at(null));
        const asDmy = serialFromYmd(2026, b, a);
        const asMdy = serialFromYmd(2026, a, b);
        const readings = new Set([asDmy, asMdy].filter((s) => !Number.isNaN(s)));
        if (readings.size === 0) expect(parsed).toEqual({ ok: false, code: "date.invalid" });
        else if (readings.size === 2) expect(parsed).toEqual({ ok: false, code: "date.ambiguous" });
        else expect(parsed).toEqual({ ok: true, serial: [...readings][0] });
      }),
    );
  });
});
