/**
 * The adapter's pure parts: text safety, request sizing, names, tags, settings validation.
 */
import { cellA1, columnName, quoteSheetName, rangeA1 } from "../../src/excel/a1";
import { INITIAL_BLOCK_ROWS, MAX_BLOCK_ROWS, jsonBytes, planRowBlocks } from "../../src/excel/blocks";
import { CancelledError, isCancelled } from "../../src/excel/errors";
import { columnWidthPoints } from "../../src/excel/layout";
import { parseTag, sanitizeSheetName, uniqueSheetName } from "../../src/excel/owned";
import { findHeaderRow } from "../../src/excel/read";
import { tableName } from "../../src/excel/sample";
import { defaultSettings, parseSettings, settingsShapeProblem } from "../../src/excel/settings";
import { needsQuotePrefix, toExcelValue } from "../../src/excel/textSafety";
import { excelRows, planWrite } from "../../src/excel/write";
import { detailModel, summaryModel } from "./models";

describe("text safety", () => {
  it.each(["=SUM(A1)", "+1", "-x", "@foo", "'quoted", "#N/A", "TRUE", "false", "00123", "1-30", "90+", "12%", "\t=1", ".5", "$5"])(
    "prefixes %j in a General cell so Excel keeps it as text",
    (text) => {
      expect(needsQuotePrefix(text)).toBe(true);
      expect(toExcelValue(text, false)).toBe(`'${text}`);
    },
  );

  it.each(["Acme Ltd", "Current", "Total", "INV-1", "应收账款", ""])("leaves plain text %j alone", (text) => {
    expect(needsQuotePrefix(text)).toBe(false);
    expect(toExcelValue(text, false)).toBe(text);
  });

  it("writes strings verbatim into Text-formatted cells (an apostrophe there would be kept)", () => {
    expect(toExcelValue("=SUM(A1)", true)).toBe("=SUM(A1)");
  });

  it("writes empty cells as empty strings and refuses non-finite numbers", () => {
    expect(toExcelValue(null, false)).toBe("");
    expect(() => toExcelValue(Number.NaN, false)).toThrow(RangeError);
  });

  it("treats only the data rows of text columns as Text cells", () => {
    const model = summaryModel();
    const rows = excelRows(model, 0, model.cells.length);
    expect(rows[2]?.[2]).toBe("'1-30"); // header label in a money column
    expect(rows[4]?.[0]).toBe("=cmd|' /C calc'!A0"); // data row of a text column: "@" protects it
  });
});

describe("request sizing", () => {
  it("counts non-ASCII characters as 3 bytes", () => {
    expect(jsonBytes([["a", 1]])).toBe(9);
    expect(jsonBytes("应收")).toBe(8);
  });

  it("cuts rows into blocks under the budget that cover every row once", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [`INV-${i}`, i * 1.5, "Customer name that is fairly long"]);
    const budget = 1_000_000;
    const blocks = planRowBlocks(0, rows.length, (s, n) => rows.slice(s, s + n), budget);
    expect(blocks[0]?.count).toBeLessThanOrEqual(INITIAL_BLOCK_ROWS);
    let next = 0;
    for (const b of blocks) {
      expect(b.start).toBe(next);
      expect(b.bytes).toBeLessThanOrEqual(budget);
      expect(b.count).toBeLessThanOrEqual(MAX_BLOCK_ROWS);
      next += b.count;
    }
    expect(next).toBe(rows.length);
  });

  it("shrinks blocks of very wide text rows", () => {
    const rows = Array.from({ length: 5_000 }, () => ["x".repeat(2_000)]);
    const blocks = planRowBlocks(0, rows.length, (s, n) => rows.slice(s, s + n), 1_000_000);
    expect(blocks.length).toBeGreaterThan(9);
    for (const b of blocks) expect(b.bytes).toBeLessThanOrEqual(1_000_000);
  });

  it("packs small sheets into one round trip", () => {
    const plan = planWrite([summaryModel(), detailModel(50)]);
    expect(plan.batches).toHaveLength(1);
    expect(plan.batches[0]?.parts.map((p) => p.sheet)).toEqual([0, 1]);
  });

  it("rejects a model whose rows differ in length", () => {
    const model = summaryModel();
    model.cells[1] = [null];
    expect(() => planWrite([model])).toThrow(RangeError);
  });
});

describe("names and addresses", () => {
  it("builds A1 addresses from 0-based indexes", () => {
    expect(columnName(0)).toBe("A");
    expect(columnName(25)).toBe("Z");
    expect(columnName(27)).toBe("AB");
    expect(columnName(16383)).toBe("XFD");
    expect(cellA1(2, 1)).toBe("B3");
    expect(rangeA1({ row: 0, col: 0, rowCount: 2, colCount: 3 })).toBe("A1:C2");
    expect(quoteSheetName("Invoices")).toBe("Invoices");
    expect(quoteSheetName("O'Brien AR")).toBe("'O''Brien AR'");
    expect(quoteSheetName("A1")).toBe("'A1'");
  });

  it("picks 'Name (2)' and keeps the result within 31 characters", () => {
    expect(uniqueSheetName("AR Aging", (n) => n !== "AR Aging")).toBe("AR Aging (2)");
    const long = "A".repeat(31);
    const name = uniqueSheetName(long, (n) => n !== long);
    expect(name).toHaveLength(31);
    expect(name.endsWith(" (2)")).toBe(true);
    expect(sanitizeSheetName("AR: 2026/10")).toBe("AR_ 2026_10");
  });

  it("makes valid, unused table names", () => {
    expect(tableName("Sample Invoices", () => true)).toBe("Sample_Invoices");
    expect(tableName("2026 data", () => true)).toBe("_2026_data");
    expect(tableName("AB12", () => true)).toBe("_AB12");
    expect(tableName("Invoices", (n) => n !== "Invoices")).toBe("Invoices_2");
  });

  it("converts character widths to points as Excel does", () => {
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0);
  });
});

describe("tags", () => {
  it("reads a tag and ignores anything that is not one", () => {
    const tag = { kind: "credit", period: "2026-10", version: 1, sheet: "AR Credit", state: "final" };
    expect(parseTag(JSON.stringify(tag))).toEqual(tag);
    expect(parseTag("{not json")).toBeNull();
    expect(parseTag(JSON.stringify({ kind: "credit" }))).toBeNull();
  });
});

describe("header rows on plain sheets", () => {
  it("takes the row that maps to headings among the first 100 (a header below row 30 is found; a title line is not a header)", () => {
    expect(findHeaderRow([["Aged receivables"], ["", ""], ["Invoice", "Amount"]])).toBe(2);
    expect(
      findHeaderRow([
        ["Prepared by", "J. Smith"],
        ["Invoice No", "Amount"],
      ]),
    ).toBe(1);
    expect(
      findHeaderRow([
        [1, 2],
        ["Only one", 3],
      ]),
    ).toBe(-1);
    const deep = [...Array.from({ length: 40 }, () => [""]), ["Invoice", "Amount"]];
    expect(findHeaderRow(deep)).toBe(40);
    const tooDeep = [...Array.from({ length: 100 }, () => [""]), ["Invoice", "Amount"]];
    expect(findHeaderRow(tooDeep)).toBe(-1);
  });
});

describe("settings validation", () => {
  it("accepts the defaults", () => {
    expect(settingsShapeProblem(defaultSettings())).toBeNull();
    expect(defaultSettings()).toMatchObject({
      basis: "due",
      boundaries: [30, 60, 90],
      autoApply: true,
      asOf: "last-month-end",
      groupBy: "customer",
      lang: null,
      dateOrder: null,
      defaultCurrency: "USD",
    });
  });

  it("says why stored settings are unusable", () => {
    expect(parseSettings("{oops").problem?.code).toBe("json");
    expect(parseSettings(JSON.stringify({ ...defaultSettings(), boundaries: [60, 30] })).problem).toEqual({
      code: "shape",
      detail: "boundaries must increase",
    });
    expect(parseSettings(JSON.stringify({ ...defaultSettings(), asOf: "2026-02-30" })).problem?.code).toBe("shape");
    expect(
      parseSettings(JSON.stringify({ ...defaultSettings(), mapping: { invoices: { columns: { amount: "Gross", bogus: "x" } } } })).problem
        ?.detail,
    ).toMatch(/bogus/);
    expect(parseSettings(JSON.stringify({ ...defaultSettings(), asOf: "2026-10-31" })).settings?.asOf).toBe("2026-10-31");
  });
});

describe("cancellation", () => {
  it("is recognisable as an abort", () => {
    expect(isCancelled(new CancelledError())).toBe(true);
    expect(new CancelledError().name).toBe("AbortError");
    expect(isCancelled(new Error("x"))).toBe(false);
  });
});
