/**
 * A call that leaves out a required argument is #VALUE! with a message naming it, in the display
 * language, as Excel's own functions refuse too few arguments; a blank cell passed for it is not
 * an omission and still gives a blank result.
 */
import * as excel from "../../src/functions/functions";
import { implementations, type FunctionId } from "../../src/functions/registry";
import { REQUIRED_PARAMETERS } from "../../src/functions/logic/required";
import { zhCN } from "../../src/functions/zh-cn";
import { en, excelErrorOf, only, serial, thrown, withExcelGlobals, zh } from "./support";

const D = serial("2026-10-01");

// [function, call, the parameter it leaves out]: nothing at all, an empty place between commas,
// and arguments left off the end.
const CASES: [FunctionId, unknown[], string][] = [
  ["DAYSOVERDUE", [], "due_date"],
  ["DAYSOVERDUE", [null, D], "due_date"],
  ["AGEBUCKET", [], "due_date"],
  ["AGING", [[[D]]], "amounts"],
  ["AGING", [null, [[1]]], "dates"],
  ["DUEDATE", [D], "terms"],
  ["DUEDATE", [null, "Net 30"], "invoice_date"],
  ["DISCOUNT", [100, "2/10 Net 30", D], "payment_date"],
  ["LATEFEE", [100, D, null, 0.18], "as_of"],
  ["LATEFEE", [100, D, D], "annual_rate"],
  ["CREDITAVAILABLE", [1000], "exposure"],
  ["CREDITSTATUS", [], "limit"],
  ["DSO", [1, 1], "days"],
  ["BPDSO", [null, 1, 30], "current_receivables"],
  ["CEI", [1, 1, 1], "end_current_ar"],
];

describe.each(CASES)("%s called as %j", (id, args, param) => {
  it(`is #VALUE! naming ${param}, in English and Chinese`, () => {
    const english = thrown(() => implementations[id](en, ...args));
    const chinese = thrown(() => implementations[id](zh, ...args));
    expect(english.excelText).toBe("#VALUE!");
    expect(english.message).toMatch(new RegExp(`^${param}: this argument is required`));
    expect(chinese.excelText).toBe("#VALUE!");
    expect(chinese.message.startsWith(`${zhCN[id].parameters[param]!.name}：必须提供此参数`)).toBe(true);
  });
});

it("covers every function with a required argument", () => {
  const covered = new Set(CASES.map(([id]) => id));
  const withRequired = (Object.keys(REQUIRED_PARAMETERS) as FunctionId[]).filter((id) => REQUIRED_PARAMETERS[id].length > 0);
  expect(withRequired.length).toBeGreaterThan(0);
  expect([...covered].sort()).toEqual([...withRequired].sort());
});

// A blank cell passed for a required argument is not an omission.
it.each<[FunctionId, unknown[]]>([
  ["DAYSOVERDUE", [[[""]], D]],
  ["DUEDATE", [[[""]], "Net 30"]],
  ["CREDITAVAILABLE", [[[""]], 5]],
])("%s over a blank cell gives a blank", (id, args) => {
  expect(only(implementations[id](en, ...args))).toBe("");
});

it("leaves optional arguments optional", () => {
  expect(only(implementations.DAYSOVERDUE(en, [[D]]))).toBe(30);
  expect(only(implementations.CREDITSTATUS(en, [[100]], [[50]]))).toBe("OK");
});

describe("what Excel calls (functions.ts)", () => {
  withExcelGlobals();

  it("throws #VALUE! with the message for =AR.DAYSOVERDUE()", () => {
    const call = excel.daysOverdue as unknown as () => unknown;
    const caught = excelErrorOf(call);
    expect(caught.code).toBe("#VALUE!");
    expect(caught.message).toMatch(/^due_date: this argument is required/);
  });
});
