/**
 * The Excel boundary: functions.ts wrappers under a stand-in CustomFunctions global, the host's
 * display language and date, and the registry the workbench evaluates formulas with.
 */
import * as excel from "../../src/functions/functions";
import { createRegistry, FUNCTION_IDS, implementations, resolveFunctionName, FunctionError } from "../../src/functions/registry";
import { displayLang } from "../../src/functions/host";
import { localDateSerial } from "../../src/host/clock";
import { zhCN } from "../../src/functions/zh-cn";
import { excelErrorOf, excelGlobals, serial, StandInError, withExcelGlobals } from "./support";

withExcelGlobals();

describe("functions.ts (what Excel calls)", () => {
  it("returns the logic's values", () => {
    expect(excel.daysOverdue([[serial("2026-10-01")]], [[serial("2026-10-31")]])).toEqual([[30]]);
    expect(excel.aging([[serial("2026-10-01")]], [[5]], [["2026-10-31"]])).toEqual([
      ["Current", "1-30", "31-60", "61-90", "90+"],
      [0, 5, 0, 0, 0],
    ]);
  });

  it("throws a CustomFunctions.Error #VALUE! with the message for a bad single value", () => {
    expect(() => excel.daysOverdue([["soon"]])).toThrow(StandInError);
    const caught = excelErrorOf(() => excel.dueDate([[serial("2026-10-01")]], [["whenever"]]));
    expect(caught.code).toBe("#VALUE!");
    expect(caught.message).toMatch(/^terms: the payment terms "whenever"/);
  });

  it("puts CustomFunctions.Error values in the bad cells of a spill", () => {
    const result = excel.dso([[1], [1]], [[0], [4]], [[30]]);
    // Excel shows no message with #DIV/0!, so none is sent.
    expect(result[0]![0]).toEqual(new StandInError("#DIV/0!"));
    expect(result[1]![0]).toBe(7.5);
  });

  it("speaks the display language", () => {
    excelGlobals.Office = { context: { displayLanguage: "zh-CN" } };
    expect(excel.ageBucket([[serial("2026-10-01")]], [[serial("2026-10-31")]])).toEqual([["1-30天"]]);
    expect(displayLang()).toBe("zh-CN");
  });

  it("exports one wrapper per id, each the registry's function", () => {
    expect(Object.keys(excel)).toHaveLength(FUNCTION_IDS.length);
    expect(Object.keys(implementations).sort()).toEqual([...FUNCTION_IDS].sort());
  });
});

describe("host", () => {
  it("falls back to en-US outside Office", () => {
    delete excelGlobals.Office;
    expect(displayLang()).toBe("en-US");
    excelGlobals.Office = { context: null };
    expect(displayLang()).toBe("en-US");
  });

  it("today is the local calendar day", () => {
    expect(localDateSerial(new Date(2026, 9, 31, 0, 1))).toBe(serial("2026-10-31"));
    expect(localDateSerial(new Date(2026, 9, 31, 23, 59))).toBe(serial("2026-10-31"));
  });
});

describe("registry (for the workbench's simulated host)", () => {
  it("binds every function to a context and returns FunctionError cells", () => {
    const fns = createRegistry(() => ({ lang: "en-US", today: () => serial("2026-10-31") }));
    expect(fns.DAYSOVERDUE([[serial("2026-10-01")]])).toEqual([[30]]);
    const [[cell]] = fns.DAYSOVERDUE([["x"], [1]]) as [[unknown], [unknown]];
    expect(cell).toBeInstanceOf(FunctionError);
    expect((cell as FunctionError).excelText).toBe("#VALUE!");
  });

  it.each([
    ["AR.DAYSOVERDUE", "DAYSOVERDUE"],
    ["ar.agebucket", "AGEBUCKET"],
    ["CEI", "CEI"],
    ["AR.逾期天数", "DAYSOVERDUE"],
    ["AR.账龄汇总", "AGING"],
    ["SUM", null],
    ["AR.NOPE", null],
  ])("resolves %s to %s", (name, id) => {
    expect(resolveFunctionName(name)).toBe(id);
  });

  it("has unique Chinese names", () => {
    const names = FUNCTION_IDS.map((id) => zhCN[id].name);
    expect(new Set(names).size).toBe(names.length);
  });
});
