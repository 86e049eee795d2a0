import { currencyDecimals, isCurrencyCode, normalizeCurrency, toHalfWidth } from "../../src/engine/currency";

describe("currencyDecimals", () => {
  it.each([
    ["USD", 2],
    ["EUR", 2],
    ["GBP", 2],
    ["CNY", 2],
    ["HKD", 2],
    ["TWD", 2],
    ["SGD", 2],
    ["AUD", 2],
    ["CAD", 2],
    ["CHF", 2],
    ["INR", 2],
    ["IDR", 2],
    ["MXN", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["CLP", 0],
    ["ISK", 0],
    ["VND", 0],
    ["XAF", 0],
    ["XOF", 0],
    ["UGX", 0],
    ["PYG", 0],
    ["BHD", 3],
    ["KWD", 3],
    ["OMR", 3],
    ["JOD", 3],
    ["TND", 3],
    ["IQD", 3],
    ["LYD", 3],
    ["CLF", 4],
    ["UYW", 4],
    ["jpy", 0],
    ["bhd", 3],
  ])("%s has %i minor-unit digits", (code, digits) => {
    expect(currencyDecimals(code)).toBe(digits);
  });

  it.each(["ABC", "", "DOLLARS", "XXX"])("unknown code %p falls back to 2", (code) => {
    expect(currencyDecimals(code)).toBe(2);
  });
});

describe("isCurrencyCode", () => {
  it.each([
    ["USD", true],
    ["CNY", true],
    ["BHD", true],
    ["ABC", false],
    ["usd", false],
    ["RMB", false],
  ])("%s → %p", (code, known) => {
    expect(isCurrencyCode(code)).toBe(known);
  });
});

describe("toHalfWidth", () => {
  it.each([
    ["１２３，４５６．７８", "123,456.78"],
    ["ＵＳＤ　１００", "USD 100"],
    ["￥１００", "¥100"],
    ["￡５", "£5"],
    ["（１００）", "(100)"],
    ["plain ascii", "plain ascii"],
    ["人民币", "人民币"],
  ])("%p → %p", (text, folded) => {
    expect(toHalfWidth(text)).toBe(folded);
  });
});

describe("normalizeCurrency", () => {
  it.each([
    ["usd", undefined, "USD"],
    [" USD ", undefined, "USD"],
    ["ＵＳＤ", undefined, "USD"],
    ["Eur", undefined, "EUR"],
    ["bhd", undefined, "BHD"],
    ["RMB", undefined, "CNY"],
    ["rmb", undefined, "CNY"],
    ["人民币", undefined, "CNY"],
    ["元", undefined, "CNY"],
    ["CN¥", undefined, "CNY"],
    ["¥", undefined, "CNY"],
    ["￥", undefined, "CNY"],
    ["¥", "USD", "CNY"],
    ["¥", "JPY", "JPY"],
    ["￥", "jpy", "JPY"],
    ["JP¥", undefined, "JPY"],
    ["日元", undefined, "JPY"],
    ["$", undefined, "USD"],
    ["$", "CAD", "CAD"],
    ["$", "HKD", "HKD"],
    ["$", "EUR", "USD"],
    ["US$", undefined, "USD"],
    ["us$", "CAD", "USD"],
    ["美元", undefined, "USD"],
    ["美金", undefined, "USD"],
    ["HK$", undefined, "HKD"],
    ["港币", undefined, "HKD"],
    ["港元", undefined, "HKD"],
    ["NT$", undefined, "TWD"],
    ["€", undefined, "EUR"],
    ["欧元", undefined, "EUR"],
    ["£", undefined, "GBP"],
    ["￡", undefined, "GBP"],
    ["英镑", undefined, "GBP"],
    ["₩", undefined, "KRW"],
  ])("%p (default %p) → %p", (text, fallback, code) => {
    expect(normalizeCurrency(text, fallback)).toBe(code);
  });

  it.each(["", "   ", "ABC", "dollars", "US", "12", "USD 100", "$$"])("%p is not a currency", (text) => {
    expect(normalizeCurrency(text)).toBeNull();
  });
});
