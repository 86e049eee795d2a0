/**
 * Text Excel would turn into something else when typed or written to `Range.values` in a
 * General cell: it must be written with a quote prefix.
 */
import { needsQuotePrefix } from "../../../src/excel/textSafety";

describe("needsQuotePrefix", () => {
  it.each([
    ["Oct 31", "a month-name date"],
    ["October 2026", "a month and year"],
    ["oct-26", "a month-year abbreviation"],
    ["Sept. 5", "an abbreviation with a period"],
    ["May 5", "a month that is also a word"],
    ["₹1,200", "rupees"],
    ["₩50000", "won"],
    ["₽ 300", "roubles"],
    ["฿99", "baht"],
    ["(₫1,000)", "a negative amount in dong"],
    ["$100", "dollars"],
    ["-€5", "a negative amount"],
    ["1-30", "a bucket label"],
    ["=SUM(A1)", "a formula"],
  ])("quotes %s (%s)", (text) => {
    expect(needsQuotePrefix(text)).toBe(true);
  });

  it.each([
    ["Acme Ltd", "a name"],
    ["October", "a month alone (Excel keeps it as text)"],
    ["Maybe later", "a word that starts like a month"],
    ["Marketing 2026", "a word that starts like an abbreviation, then a number"],
    ["Decision", "another such word"],
    ["", "empty text"],
  ])("leaves %s alone (%s)", (text) => {
    expect(needsQuotePrefix(text)).toBe(false);
  });
});
