import fc from "fast-check";
import {
  cellAddress,
  cellText,
  foldCase,
  isBlankCell,
  keyHash,
  normalizeHeader,
  normalizeKey,
  sameKey,
} from "../../../src/engine/read/normalize";

describe("normalizeHeader", () => {
  it.each([
    ["Invoice No.", "invoiceno"],
    ["Inv #", "inv"],
    ["  INVOICE   NUMBER ", "invoicenumber"],
    ["ＤＵＥ　ＤＡＴＥ", "duedate"],
    ["Amount (USD)", "amountusd"],
    ["Sold-To Party", "soldtoparty"],
    ["发票号码", "发票号码"],
    ["客户 名称：", "客户名称"],
    [null, ""],
    [2026, "2026"],
  ])("%p -> %p", (text, key) => {
    expect(normalizeHeader(text)).toBe(key);
  });
});

describe("normalizeKey", () => {
  it.each([
    ["  ACME   Corp ", "acme corp"],
    ["ＡＣＭＥ", "acme"],
    ["INV-001", "inv-001"],
    ["Acme\tCorp", "acme corp"],
    ["北京　华联", "北京 华联"],
  ])("%p -> %p", (text, key) => {
    expect(normalizeKey(text)).toBe(key);
  });

  it("keeps punctuation so different document numbers stay different", () => {
    expect(normalizeKey("INV-001")).not.toBe(normalizeKey("INV001"));
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string(), (text) => normalizeKey(normalizeKey(text)) === normalizeKey(text)));
  });
});

describe("keyHash", () => {
  it("gives equal hashes for texts with equal keys", () => {
    const spellings = fc.tuple(fc.string(), fc.constantFrom("", " ", "  "), fc.boolean());
    fc.assert(
      fc.property(spellings, ([text, pad, upper]) => {
        const variant = pad + (upper ? text.toUpperCase() : text) + pad;
        return normalizeKey(variant) !== normalizeKey(text) || keyHash(variant) === keyHash(text);
      }),
    );
  });

  it("hashes a text as it hashes its key, odd and even lengths, spaces anywhere (property)", () => {
    // The fast path hashes plain ASCII two characters at a time and must agree with hashing the
    // key itself whatever the spaces, case and non-ASCII characters do to the pairing.
    const piece = fc.constantFrom("a", "B", "Ｃ", "7", "-", " ", "  ", "\t", "é", "发");
    const text = fc.array(piece, { maxLength: 9 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(keyHash(a)).toBe(keyHash(normalizeKey(a)));
        if (normalizeKey(a) === normalizeKey(b)) expect(keyHash(a)).toBe(keyHash(b));
      }),
      { numRuns: 3000 },
    );
  });

  it("tells apart keys that differ in one character or in order", () => {
    const keys = [
      "INV-0000001",
      "INV-0000002",
      "INV-0000010",
      "INV-0000100",
      "INV-1000000",
      "INV-0000021",
      "INV-0000012",
      "a b",
      "ab",
      "ba",
    ];
    expect(new Set(keys.map(keyHash)).size).toBe(keys.length);
  });
});

describe("sameKey and foldCase", () => {
  it.each([
    ["INV-1", "inv-1", true],
    ["INV-1", "INV-01", false],
    ["ＡＢＣ", "abc", true],
    ["Acme Corp", "ACME  corp ", true],
    ["INV 1", "INV-1", false],
  ])("%j and %j are the same key: %s", (a, b, same) => {
    expect(sameKey(a, b)).toBe(same);
  });

  it("says two texts are the same key exactly when normalizeKey does (property)", () => {
    const piece = fc.constantFrom("a", "A", "Ａ", "1", "-", " ", "  ", "é", "发");
    const text = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => expect(sameKey(a, b)).toBe(normalizeKey(a) === normalizeKey(b))),
      { numRuns: 2000 },
    );
  });

  it("folds only ASCII capitals", () => {
    expect([0x41, 0x5a, 0x61, 0x40, 0x5b, 0xc9].map(foldCase)).toEqual([0x61, 0x7a, 0x61, 0x40, 0x5b, 0xc9]);
  });
});

describe("cellAddress", () => {
  it.each([
    [0, 1, "A1"],
    [3, 12, "D12"],
    [25, 2, "Z2"],
    [26, 2, "AA2"],
    [701, 9, "ZZ9"],
    [702, 9, "AAA9"],
  ])("column %p row %p -> %p", (column, row, address) => {
    expect(cellAddress(column, row)).toBe(address);
  });
});

describe("cellText and isBlankCell", () => {
  it.each([
    ["  INV-1 ", "INV-1"],
    ["INV-1", "INV-1"],
    [1001, "1001"],
    ["   ", null],
    ["", null],
    [null, null],
    [undefined, null],
    [Number.NaN, null],
  ])("cellText(%p) = %p", (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
  it.each([
    [null, true],
    [" ", true],
    [0, false],
    [false, false],
    ["x", false],
  ])("isBlankCell(%p) = %p", (cell, blank) => {
    expect(isBlankCell(cell)).toBe(blank);
  });
});
