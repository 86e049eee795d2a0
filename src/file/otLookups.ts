/**
 * Faster OpenType lookups for the fontkit copy pdfkit shapes text with, same results.
 *
 * fontkit tests every glyph against every lookup of the enabled features, and finds a glyph in a
 * coverage table by a linear search (`indexOf` over a glyph list, or a scan of glyph ranges),
 * and its class in a class-range table by a scan too. CJK fonts carry long coverage lists and
 * many chaining lookups, so shaping an amount or a document number in a CJK font spends most of
 * its time in those scans: that is what makes a Chinese PDF statement several times slower to
 * make than an English one in a Latin font.
 *
 * This replaces the two searches on fontkit's OpenType processor with indexed ones that return
 * exactly what the originals return: a glyph list is indexed by a Map keeping each glyph's first
 * position (what `indexOf` finds); ranges are searched by bisection only when they are sorted
 * and disjoint (then the first matching range is the only one), else by the original scan.
 * The indexes live in WeakMaps keyed by the font's own tables, so they go with the font.
 *
 * It also skips, for a run of glyphs, the lookups none of whose glyphs could start: fontkit
 * tries every subtable of every lookup at every glyph, but each subtable of the kinds listed in
 * {@link firstCoverage} returns "no match" without touching anything as soon as the glyph under
 * the cursor is not in its first coverage. A lookup whose subtables are all of those kinds, and
 * whose first coverages hold none of the run's glyphs at the moment it would run, would change
 * nothing; any other lookup runs exactly as before, through fontkit's own loop.
 */

/** A coverage table as fontkit decodes it. */
interface Coverage {
  version: number;
  glyphs?: ArrayLike<number>;
  rangeRecords?: Iterable<{ start: number; end: number; startCoverageIndex: number }>;
}

/** A class definition table as fontkit decodes it. */
interface ClassDef {
  version: number;
  classRangeRecord?: Iterable<{ start: number; end: number; class: number }>;
}

/** A lookup as fontkit decodes it; subtables are format-specific records. */
interface Lookup {
  lookupType: number;
  subTables: Iterable<LookupSubtable>;
}

/** The fields of a lookup subtable read here (which exist depends on the lookup type and format). */
interface LookupSubtable {
  version?: number;
  coverage?: Coverage;
  coverages?: ArrayLike<Coverage>;
  inputCoverage?: ArrayLike<Coverage>;
  lookupType?: number;
  extension?: LookupSubtable;
}

/** A glyph of fontkit's glyph run while it is shaped. */
interface ShapingGlyph {
  id: number;
  features: Record<string, unknown>;
}

type ApplyLookups = (
  this: unknown,
  lookups: readonly { feature: string; lookup: Lookup }[],
  glyphs: ShapingGlyph[],
  positions: unknown,
) => void;

/** The part of fontkit's OpenType processor (the base of its GSUB and GPOS processors) replaced here. */
interface OTProcessorPrototype {
  coverageIndex(this: { glyphIterator: { cur: { id: number } } }, coverage: Coverage, glyph?: number | null): number;
  getClassID(glyph: number, classDef: ClassDef): number;
  applyLookups: ApplyLookups;
  [PATCHED]?: true;
}

const PATCHED = Symbol.for("ar-desk.indexedOpenTypeLookups");

/** Range tables as arrays for bisection; null when a table's ranges are not sorted and disjoint. */
interface IndexedRanges {
  starts: Int32Array;
  ends: Int32Array;
  values: Int32Array;
}

/**
 * Ranges sorted by start and disjoint (as the OpenType specification requires), as parallel
 * arrays; null otherwise, so a malformed table keeps fontkit's own first-match scan.
 *
 * @example
 * indexRanges([{ start: 1, end: 3, value: 0 }, { start: 7, end: 9, value: 3 }])?.starts // Int32Array [1, 7]
 */
export function indexRanges(ranges: ArrayLike<{ start: number; end: number; value: number }>): IndexedRanges | null {
  const n = ranges.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const values = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const range = ranges[k]!;
    if (!(Number.isInteger(range.start) && Number.isInteger(range.end) && Number.isInteger(range.value))) return null;
    if (range.start > range.end) return null;
    if (k > 0 && range.start <= ends[k - 1]!) return null;
    starts[k] = range.start;
    ends[k] = range.end;
    values[k] = range.value;
  }
  return { starts, ends, values };
}

/**
 * The value of the range holding `glyph` (binary search over sorted, disjoint ranges), else -1.
 *
 * @example
 * findInRanges(indexRanges([{ start: 1, end: 3, value: 0 }, { start: 7, end: 9, value: 3 }])!, 8) // 3
 */
export function findInRanges(ranges: IndexedRanges, glyph: number): number {
  const k = rangeAt(ranges, glyph);
  return k < 0 ? -1 : ranges.values[k]!;
}

/**
 * Each glyph's first position in a coverage glyph list (what `indexOf` returns).
 *
 * @example
 * firstPositions([5, 9, 5]).get(5) // 0
 */
export function firstPositions(glyphs: ArrayLike<number>): Map<number, number> {
  const positions = new Map<number, number>();
  for (let k = 0; k < glyphs.length; k++) if (!positions.has(glyphs[k]!)) positions.set(glyphs[k]!, k);
  return positions;
}

/**
 * Replaces coverage and class look-ups on the OpenType processor of the fontkit that parsed
 * `font` (found through a layout of one character). Idempotent; a font without OpenType layout
 * tables, or a fontkit of another shape, is left as it is. Returns true when the processor is
 * (now or already) indexed.
 *
 * @example
 * indexOpenTypeLookups(parsedFont) // true for Noto Sans CJK as pdfkit parses it
 */
export function indexOpenTypeLookups(font: { layout: (text: string) => unknown }): boolean {
  try {
    font.layout("0");
  } catch {
    return false;
  }
  // fontkit's layout engine keeps its OpenType engine (GSUB and GPOS processors) as `engine`.
  const engine = (font as { _layoutEngine?: { engine?: { GSUBProcessor?: object | null; GPOSProcessor?: object | null } } })._layoutEngine
    ?.engine;
  const processor = engine?.GSUBProcessor ?? engine?.GPOSProcessor;
  if (!processor) return false;
  // GSUB and GPOS processors share one base class, which holds both searches.
  let proto = Object.getPrototypeOf(processor) as OTProcessorPrototype | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "coverageIndex"))
    proto = Object.getPrototypeOf(proto) as OTProcessorPrototype | null;
  if (!proto || typeof proto.coverageIndex !== "function" || typeof proto.getClassID !== "function") return false;
  if (proto[PATCHED]) return true;

  const originalCoverageIndex = proto.coverageIndex;
  const originalGetClassID = proto.getClassID;
  const glyphLists = new WeakMap<object, Map<number, number>>();
  const coverageRanges = new WeakMap<object, IndexedRanges | null>();
  const classRanges = new WeakMap<object, IndexedRanges | null>();

  proto.coverageIndex = function (coverage, glyph) {
    const id = glyph ?? this.glyphIterator.cur.id;
    if (coverage.version === 1 && Array.isArray(coverage.glyphs)) {
      let positions = glyphLists.get(coverage);
      if (!positions) glyphLists.set(coverage, (positions = firstPositions(coverage.glyphs)));
      return positions.get(id) ?? -1;
    }
    if (coverage.version === 2 && coverage.rangeRecords) {
      let ranges = coverageRanges.get(coverage);
      if (ranges === undefined) {
        const records = Array.from(coverage.rangeRecords, (r) => ({ start: r.start, end: r.end, value: r.startCoverageIndex - r.start }));
        coverageRanges.set(coverage, (ranges = indexRanges(records)));
      }
      if (ranges) {
        // The range's startCoverageIndex − start, kept as its value: the index is that + glyph.
        const k = rangeAt(ranges, id);
        return k < 0 ? -1 : ranges.values[k]! + id;
      }
    }
    return originalCoverageIndex.call(this, coverage, id);
  };
  proto.getClassID = function (glyph, classDef) {
    if (classDef.version === 2 && classDef.classRangeRecord) {
      let ranges = classRanges.get(classDef);
      if (ranges === undefined) {
        const records = Array.from(classDef.classRangeRecord, (r) => ({ start: r.start, end: r.end, value: r.class }));
        classRanges.set(classDef, (ranges = indexRanges(records)));
      }
      if (ranges) {
        const found = findInRanges(ranges, glyph);
        return found < 0 ? 0 : found;
      }
    }
    return originalGetClassID.call(this, glyph, classDef);
  };
  const GSUBProcessor = engine?.GSUBProcessor ? (Object.getPrototypeOf(engine.GSUBProcessor) as object) : null;
  const GPOSProcessor = engine?.GPOSProcessor ? (Object.getPrototypeOf(engine.GPOSProcessor) as object) : null;
  const originalApplyLookups = proto.applyLookups;
  const starts = new WeakMap<object, Uint32Array | null>();
  proto.applyLookups = function (lookups, glyphs, positions) {
    const table: "GSUB" | "GPOS" | null =
      GSUBProcessor && GSUBProcessor.isPrototypeOf(this as object)
        ? "GSUB"
        : GPOSProcessor && GPOSProcessor.isPrototypeOf(this as object)
          ? "GPOS"
          : null;
    if (table === null || typeof originalApplyLookups !== "function") return originalApplyLookups.call(this, lookups, glyphs, positions);
    // Lookups run one after another, each over the glyphs as the ones before left them.
    let ran = false;
    for (const entry of lookups) {
      let start = starts.get(entry.lookup);
      if (start === undefined) starts.set(entry.lookup, (start = lookupStarts(table, entry.lookup)));
      if (start !== null && !glyphs.some((glyph) => entry.feature in glyph.features && mayStart(start!, glyph.id))) continue;
      originalApplyLookups.call(this, [entry], glyphs, positions);
      ran = true;
    }
    if (!ran) originalApplyLookups.call(this, [], glyphs, positions);
  };
  proto[PATCHED] = true;
  return true;
}

/**
 * The first coverage of a subtable: the table the glyph under the cursor must be in for the
 * subtable to do anything, for the kinds whose fontkit code tests it before any other effect
 * (GSUB 1–4, contextual and chaining contextual in every format, GPOS single and pair
 * adjustment); undefined for the others. Extension subtables are looked through.
 *
 * @example
 * firstCoverage("GSUB", 1, { version: 1, coverage }) // coverage
 */
export function firstCoverage(table: "GSUB" | "GPOS", lookupType: number, subtable: LookupSubtable): Coverage | undefined {
  if ((table === "GSUB" && lookupType === 7) || (table === "GPOS" && lookupType === 9)) {
    return subtable.extension && subtable.lookupType !== undefined
      ? firstCoverage(table, subtable.lookupType, subtable.extension)
      : undefined;
  }
  const plain = table === "GSUB" ? [1, 2, 3, 4] : [1, 2];
  if (plain.includes(lookupType)) return subtable.coverage;
  const context = table === "GSUB" ? 5 : 7;
  const chaining = table === "GSUB" ? 6 : 8;
  if (lookupType !== context && lookupType !== chaining) return undefined;
  if (subtable.version === 1 || subtable.version === 2) return subtable.coverage;
  if (subtable.version === 3) return lookupType === context ? subtable.coverages?.[0] : subtable.inputCoverage?.[0];
  return undefined;
}

/** Bit set of the glyphs any subtable of `lookup` could start at; null when one subtable is of a kind not known here. */
function lookupStarts(table: "GSUB" | "GPOS", lookup: Lookup): Uint32Array | null {
  const coverages: Coverage[] = [];
  for (const subtable of lookup.subTables) {
    const coverage = firstCoverage(table, lookup.lookupType, subtable);
    if (!coverage) return null;
    coverages.push(coverage);
  }
  let top = 0;
  const glyphLists: ArrayLike<number>[] = [];
  const rangeLists: { start: number; end: number }[][] = [];
  for (const coverage of coverages) {
    if (coverage.version === 1 && Array.isArray(coverage.glyphs)) glyphLists.push(coverage.glyphs);
    else if (coverage.version === 2 && coverage.rangeRecords)
      rangeLists.push(Array.from(coverage.rangeRecords, (r) => ({ start: r.start, end: r.end })));
    else return null;
  }
  for (const list of glyphLists) for (let k = 0; k < list.length; k++) top = Math.max(top, list[k]!);
  for (const list of rangeLists) for (const r of list) top = Math.max(top, r.end);
  if (!Number.isInteger(top) || top > 1 << 20) return null;
  const bits = new Uint32Array((top >>> 5) + 1);
  const add = (glyph: number): void => {
    if (Number.isInteger(glyph) && glyph >= 0) bits[glyph >>> 5] = bits[glyph >>> 5]! | (1 << (glyph & 31));
  };
  for (const list of glyphLists) for (let k = 0; k < list.length; k++) add(list[k]!);
  for (const list of rangeLists) for (const r of list) for (let g = r.start; g <= r.end; g++) add(g);
  return bits;
}

/** Whether `glyph` is in the bit set (glyphs past its end are not). */
function mayStart(bits: Uint32Array, glyph: number): boolean {
  const word = glyph >>> 5;
  return word < bits.length && (bits[word]! & (1 << (glyph & 31))) !== 0;
}

/** Position of the range holding `glyph`, else -1. */
function rangeAt(ranges: IndexedRanges, glyph: number): number {
  let lo = 0;
  let hi = ranges.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (glyph < ranges.starts[mid]!) hi = mid - 1;
    else if (glyph > ranges.ends[mid]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}
