import {
  creditAvailable,
  creditStatus,
  creditStatusLabel,
  DEFAULT_CREDIT_RULES,
  type CreditStatus,
} from "../../../src/engine/credit/status";

describe("creditStatus: the credit check's rules, first match wins", () => {
  it.each<[string, number, number, number | null, Partial<typeof DEFAULT_CREDIT_RULES>, CreditStatus]>([
    ["OK under near_pct", 1_000_000, 799_999, null, {}, "ok"],
    ["Near at exactly near_pct", 1_000_000, 800_000, null, {}, "near"],
    ["Near at the limit", 1_000_000, 1_000_000, null, {}, "near"],
    ["Over a minor unit above", 1_000_000, 1_000_001, null, {}, "over"],
    ["Hold beats Over", 1_000_000, 2_000_000, 61, {}, "hold"],
    ["not Hold at hold_days", 1_000_000, 0, 60, {}, "ok"],
    ["fractional near percent", 1_000_000, 875_000, 0, { nearPercent: 87.5 }, "near"],
    ["fractional near percent, a cent below", 1_000_000, 874_999, 0, { nearPercent: 87.5 }, "ok"],
    ["huge amounts compare exactly", 9_000_000_000_000_000, 7_200_000_000_000_000, null, {}, "near"],
    ["negative exposure (credit balance)", 0, -500, null, {}, "ok"],
  ])("%s", (_case, limit, exposure, oldest, rules, expected) => {
    expect(creditStatus(limit, exposure, oldest, { ...DEFAULT_CREDIT_RULES, ...rules })).toBe(expected);
  });

  it("available credit is limit − exposure", () => {
    expect(creditAvailable(100, 30)).toBe(70);
    expect(creditAvailable(100, 130)).toBe(-30);
  });

  it.each([
    ["ok", "OK", "正常"],
    ["near", "Near limit", "接近额度"],
    ["over", "Over limit", "超出额度"],
    ["hold", "Hold", "冻结"],
  ] as const)("labels %s", (status, english, chinese) => {
    expect(creditStatusLabel(status, "en-US")).toBe(english);
    expect(creditStatusLabel(status, "zh-CN")).toBe(chinese);
  });
});
