import { findHeaderIndex, headerScore, isNumberLike } from "../../../src/engine/read/shape";

describe("findHeaderIndex", () => {
  it.each([
    ["a title line above the header", [["Prepared by", "J. Smith"], [], ["Invoice No", "Customer", "Amount"], ["INV-1", "Acme", 100]], 2],
    [
      "a header first",
      [
        ["Invoice No", "Customer", "Amount"],
        ["INV-1", "Acme", 100],
      ],
      0,
    ],
    // CSV fields are text: "0" must count as a number, or the first data row outscores the header.
    [
      "a header no role knows, above CSV data rows",
      [
        ["Bucket", "Rate"],
        ["Current", "0"],
        ["1-30", "1.5%"],
      ],
      0,
    ],
    ["nothing that reads as a header", [["only one cell"], []], -1],
  ])("%s", (_name, rows, expected) => {
    expect(findHeaderIndex(rows as (string | number | null)[][])).toBe(expected);
  });
});

describe("isNumberLike", () => {
  it.each([
    [12, true],
    ["0", true],
    ["1.5%", true],
    ["(1,200.00)", true],
    ["1.234,50", true],
    ["Q3", false],
    ["Current", false],
    ["", false],
    [null, false],
  ])("%p → %p", (cell, expected) => {
    expect(isNumberLike(cell)).toBe(expected);
  });
});

describe("headerScore", () => {
  it("is 0 for a row holding a number as text", () => {
    expect(headerScore(["Current", "0"])).toBe(0);
    expect(headerScore(["Invoice No", "Customer", "Amount"])).toBeGreaterThanOrEqual(3);
  });
});
