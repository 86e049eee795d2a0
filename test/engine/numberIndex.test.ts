import fc from "fast-check";
import {
  addNumber,
  buildNumberIndex,
  createNumberIndex,
  firstWithHash,
  firstWithHashes,
  firstWithNumber,
  nextWithNumber,
  numberHash,
  type NumberIndex,
} from "../../src/engine/numberIndex";
import { normalizeKey } from "../../src/engine/read/normalize";

/** Every document of a number's chain, in chain order. */
function chainOf(index: NumberIndex, numbers: readonly string[], text: string): number[] {
  const found: number[] = [];
  for (let k = firstWithNumber(index, numbers, text); k >= 0; k = nextWithNumber(index, k)) found.push(k);
  return found;
}

describe("number index: documents by number, matched as normalizeKey matches", () => {
  const numbers = ["INV-1", "CN-7", " inv-1", "INV-10", "ＩＮＶ－１", "INV 1", "INV  1", "发票-1"];
  const index = buildNumberIndex(numbers, numbers.length);

  it.each([
    ["INV-1", [0, 2, 4]],
    ["inv-1 ", [0, 2, 4]],
    ["INV-10", [3]],
    ["INV 1", [5, 6]],
    ["INV-01", []],
    ["INV1", []],
    ["发票-1", [7]],
    ["", []],
  ])("%j is carried by documents %j, in ledger order", (text, expected) => {
    expect(chainOf(index, numbers, text)).toEqual(expected);
  });

  it("tells who had a number first while it is being filled", () => {
    const fresh = createNumberIndex(numbers.length);
    expect(numbers.map((_, k) => addNumber(fresh, numbers, k))).toEqual([-1, -1, 0, -1, 0, -1, 5, -1]);
  });

  it("makes no chains while every number is unique", () => {
    const unique = ["A-1", "A-2", "A-3"];
    expect(buildNumberIndex(unique, 3).next).toBeNull();
  });

  it("hashes numbers the way normalizeKey matches them", () => {
    expect(numberHash("INV-001")).toBe(numberHash(" inv-001 "));
  });

  it("finds exactly the documents whose key matches, for any ledger (property)", () => {
    // A small alphabet with case, width and spacing variants, so keys collide often.
    const variant = fc.constantFrom(
      "INV-1",
      "inv-1",
      " INV-1 ",
      "ＩＮＶ-1",
      "INV-2",
      "INV 2",
      "INV  2",
      "CN-1",
      "cn-1",
      "X",
      "x ",
      "发票1",
    );
    fc.assert(
      fc.property(fc.array(variant, { maxLength: 40 }), variant, (ledger, query) => {
        const built = buildNumberIndex(ledger, ledger.length);
        const expected = ledger.flatMap((number, k) => (normalizeKey(number) === normalizeKey(query) ? [k] : []));
        expect(chainOf(built, ledger, query)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("finds with a hash taken beforehand exactly what it finds from the text (property)", () => {
    const variant = fc.constantFrom("INV-1", "inv-1 ", "ＩＮＶ-1", "INV-2", "INV  2", "CN-1", "发票1", "X");
    fc.assert(
      fc.property(fc.array(variant, { maxLength: 30 }), variant, (ledger, query) => {
        const built = buildNumberIndex(ledger, ledger.length);
        expect(firstWithHash(built, ledger, query, numberHash(query))).toBe(firstWithNumber(built, ledger, query));
      }),
      { numRuns: 200 },
    );
  });

  it("finds many at once exactly what it finds one at a time, for the queries wanted (property)", () => {
    const variant = fc.constantFrom("INV-1", "inv-1 ", "ＩＮＶ-1", "INV-2", "INV  2", "CN-1", "发票1", "X");
    fc.assert(
      fc.property(
        fc.array(variant, { maxLength: 30 }),
        fc.array(fc.option(variant, { nil: null }), { maxLength: 20 }),
        fc.func(fc.boolean()),
        (ledger, queries, wanted) => {
          const built = buildNumberIndex(ledger, ledger.length);
          const hashes = Int32Array.from(queries, (text) => (text === null ? 0 : numberHash(text)));
          const one = queries.map((text, q) => (text !== null && wanted(q) ? firstWithHash(built, ledger, text, hashes[q]!) : -1));
          expect([...firstWithHashes(built, ledger, queries, hashes, (q) => wanted(q))]).toEqual(one);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("finds many at once in a partitioned ledger, past a number that shares another's hash", () => {
    // "INV-140808" and "INV-15030" have the same hash: a probe for the second meets the first.
    expect(numberHash("INV-140808")).toBe(numberHash("INV-15030"));
    const ledger = Array.from({ length: 50_000 }, (_, k) => `INV-${200_000 + k}`);
    ledger[10] = "INV-140808";
    ledger[40_000] = "INV-15030";
    ledger[45_000] = "inv-15030";
    const built = buildNumberIndex(ledger, ledger.length);
    expect(built.bits).toBeGreaterThan(0);
    const queries = ["INV-15030", "INV-140808", "INV-200000", "INV-249999", "INV-250000", null, "INV-200001"];
    const hashes = Int32Array.from(queries, (text) => (text === null ? 0 : numberHash(text)));
    expect([...firstWithHashes(built, ledger, queries, hashes, (q) => q !== 6)]).toEqual([40_000, 10, 0, 49_999, -1, -1, -1]);
    const withoutSecond = ledger.filter((_, k) => k !== 40_000 && k !== 45_000);
    const fewer = buildNumberIndex(withoutSecond, withoutSecond.length);
    expect([...firstWithHashes(fewer, withoutSecond, ["INV-15030"], hashes.subarray(0, 1), () => true)]).toEqual([-1]);
  });

  it("splits a large ledger into partitions and still chains every number in ledger order", () => {
    // 100k documents: partitioned. Every third number repeats, written in another case.
    const ledger = Array.from({ length: 100_000 }, (_, k) => (k % 3 === 0 && k >= 60_000 ? `inv-${k - 60_000}` : `INV-${k}`));
    const repeats: [number, number][] = [];
    const built = buildNumberIndex(ledger, ledger.length, (k, first) => repeats.push([k, first]));
    expect(built.bits).toBeGreaterThan(0);
    const expectedRepeats = ledger.flatMap((number, k) =>
      number.startsWith("inv-") ? [[k, Number(number.slice(4))] as [number, number]] : [],
    );
    expect(repeats.sort((a, b) => a[0] - b[0])).toEqual(expectedRepeats);
    for (const k of [0, 3, 59_999, 60_000, 39_999, 99_999]) {
      const key = ledger[k]!.toLowerCase();
      const expected = ledger.flatMap((number, j) => (number.toLowerCase() === key ? [j] : []));
      expect(chainOf(built, ledger, ledger[k]!)).toEqual(expected);
    }
    expect(firstWithNumber(built, ledger, "INV-100000")).toBe(-1);
  });

  it("builds the same index from hashes the reader took while reading as from the numbers alone", () => {
    const ledger = Array.from({ length: 40_000 }, (_, k) => (k % 5 === 0 ? `inv-${k >> 1}` : `INV-${k}`));
    const hashes = Int32Array.from(ledger, numberHash);
    const repeatsOf = (build: (onRepeat: (k: number, first: number) => void) => NumberIndex): number[][] => {
      const repeats: number[][] = [];
      build((k, first) => repeats.push([k, first]));
      return repeats;
    };
    const fromNumbers = buildNumberIndex(ledger, ledger.length);
    const fromHashes = buildNumberIndex(ledger, ledger.length, undefined, hashes);
    expect(fromHashes.bits).toBeGreaterThan(0);
    expect([...fromHashes.table]).toEqual([...fromNumbers.table]);
    const withHashes = repeatsOf((onRepeat) => buildNumberIndex(ledger, ledger.length, onRepeat, hashes));
    expect(withHashes.length).toBeGreaterThan(0);
    expect(withHashes).toEqual(repeatsOf((onRepeat) => buildNumberIndex(ledger, ledger.length, onRepeat)));
  });

  it("stays correct when many numbers share a slot's neighbourhood (a full-ish table)", () => {
    const many = Array.from({ length: 5000 }, (_, k) => `INV-${k % 2500}`);
    const built = buildNumberIndex(many, many.length);
    for (const k of [0, 1, 1249, 2499]) expect(chainOf(built, many, `inv-${k}`)).toEqual([k, k + 2500]);
    expect(firstWithNumber(built, many, "INV-2500")).toBe(-1);
  });
});
