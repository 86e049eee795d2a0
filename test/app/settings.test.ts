import { defaultSettings, settingsShapeProblem } from "../../src/app/settings";

describe("settingsShapeProblem: the reporting currency and the Insights choices", () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    ["no reporting currency", {}, null],
    ["a reporting currency with its rates table", { reportCurrency: { currency: "CNY", ratesTable: "Rates" } }, null],
    ["null reporting currency", { reportCurrency: null }, null],
    [
      "a lower-case code",
      { reportCurrency: { currency: "cny", ratesTable: "Rates" } },
      "reportCurrency.currency must be a three-letter ISO 4217 code",
    ],
    ["no rates table", { reportCurrency: { currency: "CNY", ratesTable: " " } }, "reportCurrency.ratesTable must name a table or sheet"],
    ["Insights choices", { insights: { by: "rep", window: 6, lastProvision: { asOf: "2026-10-31", totals: "USD=5265" } } }, null],
    ["an unknown grouping", { insights: { by: "region", window: 3 } }, 'insights.by must be "currency", "customer" or "rep"'],
    [
      "a window of 25 months",
      { insights: { by: "currency", window: 25 } },
      "insights.window must be a whole number of months from 1 to 24",
    ],
    [
      "a last provision without a real date",
      { insights: { by: "currency", window: 3, lastProvision: { asOf: "2026-02-30", totals: "USD=1" } } },
      "insights.lastProvision must hold an ISO date and the totals as text",
    ],
  ])("%s → %j", (_, extra, expected) => {
    expect(settingsShapeProblem({ ...defaultSettings(), ...extra })).toBe(expected);
  });
});
