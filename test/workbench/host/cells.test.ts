/** Number-format rendering and the write classification rules, unit by unit. */
import { classifyInput, formatValue, parseAddress } from "../../../src/workbench/host";

describe("formatValue", () => {
  it.each([
    [1234.5, "General", "1234.5"],
    [1234.5, "#,##0.00", "1,234.50"],
    [-1234.5, "#,##0.00", "-1,234.50"],
    [-1234.5, "#,##0.00;(#,##0.00)", "(1,234.50)"],
    [0, '#,##0.00;-#,##0.00;"-"', "-"],
    [0.125, "0.0%", "12.5%"],
    [46326, "yyyy-mm-dd", "2026-10-31"],
    [46326, "d mmm yyyy", "31 Oct 2026"],
    [60, "yyyy-mm-dd", "1900-02-29"],
    [42, "[$$-409]#,##0", "$42"],
    ["abc", "@", "abc"],
    [true, "General", "TRUE"],
  ])("renders %p with %p as %p", (v, fmt, text) => {
    expect(formatValue(v, fmt)).toBe(text);
  });
});

describe("classifyInput", () => {
  it("follows the documented write rules", () => {
    expect(classifyInput(null, "General")).toEqual({ kind: "skip" });
    expect(classifyInput("", "General")).toEqual({ kind: "clear" });
    expect(classifyInput("=A1", "@")).toEqual({ kind: "value", value: "=A1" });
    expect(classifyInput("'=A1", "General")).toEqual({ kind: "value", value: "=A1", quotePrefix: true });
    expect(classifyInput("@x", "General")).toEqual({ kind: "formula", formula: "=@x" });
    expect(classifyInput("-12.5", "General")).toEqual({ kind: "value", value: -12.5 });
    expect(() => classifyInput(Number.NaN, "General")).toThrow();
  });
});

describe("parseAddress", () => {
  it("parses quoted sheet names, absolute markers and reversed corners", () => {
    expect(parseAddress("'It''s'!$D$5:B2")).toEqual({ sheet: "It's", rect: { row: 1, col: 1, rows: 4, cols: 3 } });
    expect(() => parseAddress("A0")).toThrow();
  });
});
