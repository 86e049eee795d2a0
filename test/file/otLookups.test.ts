import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import PDFDocument from "pdfkit";
import { findInRanges, firstCoverage, firstPositions, indexOpenTypeLookups, indexRanges } from "../../src/file/otLookups";
import { CJK_FONT_CANDIDATES, LATIN_FONT_CANDIDATES } from "../../src/file/statementsPdf";

describe("range and glyph-list indexes", () => {
  it.each<[string, { start: number; end: number; value: number }[], number[] | null]>([
    [
      "sorted, disjoint",
      [
        { start: 1, end: 3, value: 0 },
        { start: 7, end: 9, value: 3 },
      ],
      [1, 7],
    ],
    [
      "adjacent",
      [
        { start: 1, end: 3, value: 0 },
        { start: 4, end: 4, value: 3 },
      ],
      [1, 4],
    ],
    [
      "overlapping: kept for fontkit's first-match scan",
      [
        { start: 1, end: 5, value: 0 },
        { start: 4, end: 9, value: 5 },
      ],
      null,
    ],
    [
      "unsorted: kept for fontkit's scan",
      [
        { start: 7, end: 9, value: 3 },
        { start: 1, end: 3, value: 0 },
      ],
      null,
    ],
    ["reversed range", [{ start: 5, end: 1, value: 0 }], null],
    ["empty", [], []],
  ])("%s", (_, ranges, starts) => {
    const indexed = indexRanges(ranges);
    expect(indexed === null ? null : Array.from(indexed.starts)).toEqual(starts);
  });

  it("finds a glyph's range exactly as a first-match scan does, for sorted disjoint ranges", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5 })), { maxLength: 12 }),
        fc.integer({ min: -2, max: 300 }),
        (gaps, glyph) => {
          const ranges: { start: number; end: number; value: number }[] = [];
          let next = 0;
          for (const [gap, length] of gaps) {
            const start = next + gap;
            ranges.push({ start, end: start + length, value: ranges.length * 7 });
            next = start + length + 1;
          }
          const scan = ranges.find((r) => r.start <= glyph && glyph <= r.end)?.value ?? -1;
          expect(findInRanges(indexRanges(ranges)!, glyph)).toBe(scan);
        },
      ),
    );
  });

  it("gives each glyph of a coverage list its first position, as indexOf does", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 }), (glyphs) => {
        const positions = firstPositions(glyphs);
        for (let g = 0; g <= 30; g++) expect(positions.get(g) ?? -1).toBe(glyphs.indexOf(g));
      }),
    );
  });

  it.each<["GSUB" | "GPOS", number, number | undefined, string | undefined]>([
    ["GSUB", 1, 1, "coverage"],
    ["GSUB", 4, 1, "coverage"],
    ["GSUB", 5, 3, "coverages[0]"],
    ["GSUB", 6, 2, "coverage"],
    ["GSUB", 6, 3, "inputCoverage[0]"],
    ["GSUB", 8, 1, undefined],
    ["GPOS", 2, 1, "coverage"],
    ["GPOS", 3, 1, undefined],
    ["GPOS", 4, 1, undefined],
    ["GPOS", 8, 3, "inputCoverage[0]"],
  ])("first coverage of %s type %i format %s: %s", (table, type, version, which) => {
    const coverage = { version: 1, glyphs: [1] };
    const coverages = [{ version: 1, glyphs: [2] }];
    const inputCoverage = [{ version: 1, glyphs: [3] }];
    const subtable = { version, coverage, coverages, inputCoverage };
    const expected =
      which === "coverage"
        ? coverage
        : which === "coverages[0]"
          ? coverages[0]
          : which === "inputCoverage[0]"
            ? inputCoverage[0]
            : undefined;
    expect(firstCoverage(table, type, subtable)).toBe(expected);
    // Through an extension subtable (GSUB 7, GPOS 9) the same.
    expect(firstCoverage(table, table === "GSUB" ? 7 : 9, { lookupType: type, extension: subtable })).toBe(expected);
  });
});

/** The system's fonts, or a failure that says what CI must install: never a silent skip. */
function systemFont(candidates: readonly { file: string; family?: string }[]): { file: string; family?: string } {
  const found = candidates.find((c) => existsSync(c.file));
  if (!found)
    throw new Error(`This test needs one of ${candidates.map((c) => c.file).join(", ")} (Debian: fonts-noto-cjk, fonts-dejavu-core).`);
  return found;
}

type Shaped = { glyphs: number[]; advances: number[]; positions: number[][] };

/** The parts of a fontkit font used here. */
interface ShapingFont {
  layout(text: string): {
    glyphs: { id: number; advanceWidth: number }[];
    positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
  };
}

function shape(font: ShapingFont, text: string): Shaped {
  const run = font.layout(text);
  return {
    glyphs: run.glyphs.map((g) => g.id),
    advances: run.glyphs.map((g) => g.advanceWidth),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  };
}

/** A freshly parsed font, parsed by pdfkit's own fontkit as the PDF writer parses it. */
function open(candidate: { file: string; family?: string }): ShapingFont {
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.registerFont("probe", readFileSync(candidate.file), candidate.family as string);
  probe.font("probe");
  return (probe as unknown as { _font: { font: ShapingFont } })._font.font;
}

describe("indexOpenTypeLookups", () => {
  // Statement text: labels in both languages, dates, amounts, document numbers, names; plus
  // Latin pairs the fonts kern and ligate ("fi", "AV", "To").
  const texts = fc.array(
    fc.constantFrom(
      "对账单",
      "期初余额",
      "合计",
      "第 1 页，共 2 页",
      "Statement",
      "Opening balance",
      "2026-10-31",
      "1,234,567.89",
      "-45.00",
      "INV-000123",
      "CN-77",
      "fi",
      "AV",
      "To",
      "Wä",
      " ",
      "（",
      "）",
      "：",
      "Acme 北京",
      "¥",
      "USD",
    ),
    { minLength: 1, maxLength: 8 },
  );

  it("shapes text to the same glyphs and positions as fontkit's own look-ups, in a CJK and a Latin font", () => {
    const candidates = [systemFont(CJK_FONT_CANDIDATES), systemFont(LATIN_FONT_CANDIDATES)];
    const samples = fc.sample(texts, { numRuns: 300, seed: 11 }).map((parts) => parts.join(""));
    expect(samples.length).toBe(300);
    // Before: fontkit as shipped. The look-ups are replaced on fontkit's shared processor class.
    const before = candidates.map((c) => {
      const font = open(c);
      return samples.map((text) => shape(font, text));
    });
    const patched = candidates.map((c) => indexOpenTypeLookups(open(c)));
    expect(patched).toEqual([true, true]);
    candidates.forEach((c, k) => {
      const font = open(c);
      expect(samples.map((text) => shape(font, text))).toEqual(before[k]);
    });
    // The samples exercise positioning: in each font some pair is kerned (an advance differs from the glyph's own).
    for (const shaped of before) {
      expect(shaped.length).toBe(300);
      expect(shaped.some((s) => s.positions.some((p, k) => p[0] !== s.advances[k]))).toBe(true);
    }
  });
});
