import fc from "fast-check";
import { displayWidth, wrapText } from "../../../src/engine/statements/text";

describe("wrapText", () => {
  it.each([
    ["Please confirm the balance of your account", 20, ["Please confirm the", "balance of your", "account"]],
    ["本函仅为复核账目之用，并非催款结算。", 12, ["本函仅为复核", "账目之用，并", "非催款结算。"]],
    ["截至 2026-10-31，贵公司尚欠本公司", 14, ["截至", "2026-10-31，贵", "公司尚欠本公司"]],
    ["Supercalifragilistic word", 8, ["Supercalifragilistic", "word"]],
    ["", 10, []],
  ])("wraps %j at %i columns", (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });

  it("keeps every non-space character, in order, and no line is wider than the width unless it is one word", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("ab", "c", " ", "对", "账", "，", "  ", "xyz12"), { maxLength: 40 }),
        fc.integer({ min: 4, max: 30 }),
        (parts, width) => {
          const text = parts.join("");
          const lines = wrapText(text, width);
          expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
          expect(lines.length > 0).toBe(text.trim() !== "");
          for (const line of lines) expect(displayWidth(line) <= width || !/\s/.test(line)).toBe(true);
        },
      ),
    );
  });
});
