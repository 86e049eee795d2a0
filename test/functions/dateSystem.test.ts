/**
 * Custom functions in a 1904-date-system book: date cells arrive as 1904 serials, an omitted
 * as_of is today, ISO text is absolute, and DUEDATE's result goes back into the book.
 */
import { dueDate, daysOverdue, ageBucket } from "../../src/functions/logic/dates";
import { aging } from "../../src/functions/logic/aging";
import type { FunctionContext } from "../../src/functions/logic/errors";
import { detectBookDateSystem, hostContext, resetDateSystemDetection } from "../../src/functions/host";
import { createWorkbench } from "../../src/workbench/host";

// 2026-10-31 is 46326 in the 1900 system and 44864 in the 1904 system.
const TODAY_1900 = 46326;
const in1904 = (serial1900: number) => serial1900 - 1462;
const book1904: FunctionContext = { lang: "en-US", today: () => TODAY_1900, dateSystem: 1904 };
const book1900: FunctionContext = { lang: "en-US", today: () => TODAY_1900, dateSystem: 1900 };

describe("functions in a 1904 book", () => {
  // 2026-10-01 as each book stores it.
  const due1900 = 46296;
  const due1904 = in1904(due1900);

  it.each([
    ["omitted as_of (today)", null],
    ["ISO text as_of", "2026-10-31"],
    ["a date cell as_of", "cell"],
  ])("DAYSOVERDUE with %s gives the same days as in a 1900 book", (_, asOf) => {
    const at1900 = asOf === "cell" ? [[TODAY_1900]] : asOf;
    const at1904 = asOf === "cell" ? [[in1904(TODAY_1900)]] : asOf;
    expect(daysOverdue(book1900, [[due1900]], at1900)).toEqual([[30]]);
    expect(daysOverdue(book1904, [[due1904]], at1904)).toEqual([[30]]);
  });

  it("AGEBUCKET and AGING age 1904 date cells against today", () => {
    expect(ageBucket(book1904, [[due1904]], null, null, null)).toEqual(ageBucket(book1900, [[due1900]], null, null, null));
    expect(aging(book1904, [[due1904]], [[5]], null, null)).toEqual(aging(book1900, [[due1900]], [[5]], null, null));
    expect(aging(book1904, [[due1904]], [[5]], null, null)[1]).toEqual([0, 5, 0, 0, 0]);
  });

  it("DUEDATE reads and returns the book's serials (EOM on the real calendar)", () => {
    // 2026-10-15, Net 30 EOM: 2026-11-30 (46356 in 1900).
    expect(dueDate(book1900, [[46310]], "Net 30 EOM")).toEqual([[46356]]);
    expect(dueDate(book1904, [[in1904(46310)]], "Net 30 EOM")).toEqual([[in1904(46356)]]);
  });
});

describe("learning the book's date system", () => {
  afterEach(() => resetDateSystemDetection());

  it("asks Excel once per session, and recalculates when the book is 1904", async () => {
    const wb = createWorkbench();
    wb.seed({ sheets: [{ name: "Sheet1" }], dateSystem: 1904 });
    const excel = { run: wb.run as never };
    expect(hostContext().dateSystem).toBe(1900);
    expect(await detectBookDateSystem(excel)).toBe(1904);
    expect(hostContext().dateSystem).toBe(1904);
    const statements = wb.stats.requests.flatMap((r) => r.statements);
    expect(statements).toContain("Application.calculate()");
    const runs = wb.stats.runs;
    expect(await detectBookDateSystem(excel)).toBe(1904);
    expect(wb.stats.runs).toBe(runs);
  });

  it("keeps 1900 in a 1900 book without recalculating, and where Excel cannot be asked", async () => {
    const wb = createWorkbench();
    expect(await detectBookDateSystem({ run: wb.run as never })).toBe(1900);
    expect(wb.stats.requests.flatMap((r) => r.statements)).not.toContain("Application.calculate()");
    resetDateSystemDetection();
    expect(await detectBookDateSystem(undefined)).toBe(1900);
    resetDateSystemDetection();
    const failing = { run: () => Promise.reject(new Error("not in the shared runtime")) };
    expect(await detectBookDateSystem(failing)).toBe(1900);
  });
});
