/**
 * Every #VALUE! message names the argument as the user sees it in the function's signature,
 * in the display language.
 */
import { implementations, type FunctionId } from "../../src/functions/registry";
import { paramLabel } from "../../src/functions/logic/errors";
import { zhCN } from "../../src/functions/zh-cn";
import { en, zh, thrown, serial } from "./support";

const D = serial("2026-10-01");

// [function, bad call arguments, English parameter name]
const CASES: [FunctionId, unknown[], string][] = [
  ["DAYSOVERDUE", ["soon"], "due_date"],
  ["DAYSOVERDUE", [D, "later"], "as_of"],
  ["AGEBUCKET", [D, D, "60,30"], "boundaries"],
  ["AGEBUCKET", [D, D, null, "paid"], "basis"],
  ["AGING", [[[D]], [[1]], [[D, D]]], "as_of"],
  ["AGING", [[[D], [D]], [[1]]], "amounts"],
  ["DUEDATE", ["x", "Net 30"], "invoice_date"],
  ["DUEDATE", [D, "whenever"], "terms"],
  ["DISCOUNT", ["abc", "2/10 Net 30", D, D], "amount"],
  ["DISCOUNT", [1, "2/10 Net 30", D, "x"], "payment_date"],
  ["LATEFEE", [1, D, D, "high"], "annual_rate"],
  ["LATEFEE", [1, D, D, 0.1, -1], "fixed_fee"],
  ["CREDITAVAILABLE", [1, "lots"], "exposure"],
  ["CREDITSTATUS", ["none", 1], "limit"],
  ["CREDITSTATUS", [1, 1, "old"], "oldest_days_overdue"],
  ["CREDITSTATUS", [1, 1, null, 0.8], "near_pct"],
  ["CREDITSTATUS", [1, 1, null, null, -1], "hold_days"],
  ["DSO", [1, 1, 0], "days"],
  ["BPDSO", ["x", 1, 30], "current_receivables"],
  ["CEI", [1, 1, 1, "x"], "end_current_ar"],
];

describe.each(CASES)("%s with a bad %#", (id, args, param) => {
  it(`names ${param} in English and Chinese`, () => {
    const english = thrown(() => implementations[id](en, ...args));
    const chinese = thrown(() => implementations[id](zh, ...args));
    expect(english.excelText).toBe("#VALUE!");
    expect(english.message.startsWith(`${param}: `)).toBe(true);
    expect(chinese.message.startsWith(`${zhCN[id].parameters[param]!.name}：`)).toBe(true);
    expect(chinese.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

it("labels parameters by the translation map", () => {
  expect(paramLabel("zh-CN", "LATEFEE", "annual_rate")).toBe("年利率");
  expect(paramLabel("en-US", "LATEFEE", "annual_rate")).toBe("annual_rate");
});
