import { concatInt32, concatLedgers, float64Column, int32Column, SHARED_COLUMN_MIN_BYTES, uint8Column } from "../../src/engine/columns";
import { readBook } from "../../src/engine/read";
import { ageBook } from "../../src/engine/aging";
import { agingSheets } from "../../src/engine/report/aging";
import { generateSampleBook } from "../../src/engine/sample";
import { serialFromIso } from "../../src/engine/dates";

/** Runs `work` with SharedArrayBuffer withheld, as in a browser page that is not cross-origin isolated. */
function withoutSharedMemory<T>(work: () => T): T {
  const global = globalThis as { SharedArrayBuffer?: unknown };
  const saved = global.SharedArrayBuffer;
  delete global.SharedArrayBuffer;
  try {
    return work();
  } finally {
    global.SharedArrayBuffer = saved;
  }
}

const isShared = (column: { buffer: ArrayBufferLike }): boolean =>
  Object.prototype.toString.call(column.buffer) === "[object SharedArrayBuffer]";

describe("column storage", () => {
  const large = SHARED_COLUMN_MIN_BYTES; // entries: at least that many bytes for every kind

  it.each([
    ["int32Column", int32Column, Int32Array],
    ["float64Column", float64Column, Float64Array],
    ["uint8Column", uint8Column, Uint8Array],
  ] as const)("%s gives a zeroed column of the requested length, small or large", (_, make, kind) => {
    for (const length of [0, 3, large]) {
      const column = make(length);
      expect(column).toBeInstanceOf(kind);
      expect(column.length).toBe(length);
      expect(column.every((value) => value === 0)).toBe(true);
    }
  });

  it("keeps small columns on plain buffers and puts large ones on shared memory where it exists", () => {
    expect(isShared(int32Column(16))).toBe(false);
    expect(isShared(int32Column(large))).toBe(true);
    expect(isShared(float64Column(large))).toBe(true);
    expect(isShared(uint8Column(large))).toBe(true);
  });

  it("falls back to plain buffers where SharedArrayBuffer is not offered", () => {
    const column = withoutSharedMemory(() => float64Column(large));
    expect(isShared(column)).toBe(false);
    expect(column.length).toBe(large);
  });

  it("gives a large book the same aging report whichever storage its columns are on", () => {
    // 80,000 invoices: every ledger-sized column is past the shared-memory threshold.
    const asOf = serialFromIso("2026-10-31")!;
    const tables = generateSampleBook({ invoices: 80_000, seed: 7, asOf });
    const age = (): ReturnType<typeof agingSheets> => {
      const book = readBook(tables, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
      expect(isShared(book.invoices.amount)).toBe(typeof SharedArrayBuffer === "function");
      return agingSheets(ageBook(book, { asOf, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" }), "en-US");
    };
    const shared = age();
    const plain = withoutSharedMemory(age);
    expect(shared.find((sheet) => sheet.kind === "aging-detail")?.cells.length).toBeGreaterThan(10_000);
    expect(shared).toEqual(plain);
  });
});

describe("ledgers read from several tables", () => {
  it("joins Int32 columns one after the other, and gives none when a part has none", () => {
    expect([...concatInt32([Int32Array.of(7, 8), Int32Array.of(9)], 3)!]).toEqual([7, 8, 9]);
    expect(concatInt32([Int32Array.of(7, 8), undefined], 3)).toBeNull();
    expect(concatInt32([null, Int32Array.of(9)], 1)).toBeNull();
  });

  test("are joined part after part, every document keeping its own table's sheet", () => {
    type Ledger = { length: number; sheet: string; sheets?: string[]; row: Int32Array; amount: Float64Array; number: string[] };
    const jan: Ledger = {
      length: 2,
      sheet: "Invoices Jan",
      row: Int32Array.of(2, 3),
      amount: Float64Array.of(100, 250),
      number: ["A-1", "A-2"],
    };
    const feb: Ledger = { length: 1, sheet: "Invoices Feb", row: Int32Array.of(5), amount: Float64Array.of(-40), number: ["B-1"] };
    const joined: Ledger & { sheets: string[] } = {
      length: 3,
      sheet: "Invoices Jan",
      sheets: [] as string[],
      row: int32Column(3),
      amount: float64Column(3),
      number: [] as string[],
    };
    concatLedgers([jan, feb], joined, ["row", "amount"], ["number"]);
    expect([...joined.row]).toEqual([2, 3, 5]);
    expect([...joined.amount]).toEqual([100, 250, -40]);
    expect(joined.number).toEqual(["A-1", "A-2", "B-1"]);
    expect(joined.sheets).toEqual(["Invoices Jan", "Invoices Jan", "Invoices Feb"]);
  });
});
