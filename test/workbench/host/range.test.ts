/**
 * Range semantics: addresses, shapes and scalar broadcast, the cell write rules (formulas,
 * quote prefix, text format, typed parsing), formats, derived ranges, formula results.
 */
import { createWorkbench, HostError, Workbench } from "../../../src/workbench/host";

let wb: Workbench;
beforeEach(() => {
  wb = createWorkbench();
});

async function rejection(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected a rejection");
}

/** Writes with `write`, then loads `props` of `address` on the sheet and returns the range. */
async function writeThenRead(write: (ws: Excel.Worksheet) => void, address: string, props: string): Promise<Excel.Range> {
  return wb.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Sheet1");
    write(ws);
    const r = ws.getRange(address).load(props);
    await context.sync();
    return r;
  });
}

describe("addresses and shapes", () => {
  it("reports sheet-qualified addresses, quoting names that need it", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.add("AR Aging 2026-10");
      const a = ws.getRange("d5").load("address");
      const b = ws.getRangeByIndexes(1, 2, 3, 4).load("address, rowIndex, columnIndex, rowCount, columnCount");
      const c = ws.getRange("B:C").load("address, isEntireColumn");
      await context.sync();
      expect(a.address).toBe("'AR Aging 2026-10'!D5");
      expect([b.address, b.rowIndex, b.columnIndex, b.rowCount, b.columnCount]).toEqual(["'AR Aging 2026-10'!C2:F4", 1, 2, 3, 4]);
      expect([c.address, c.isEntireColumn]).toEqual(["'AR Aging 2026-10'!B:C", true]);
    });
  });

  it("fails a values write whose shape does not match the range", async () => {
    const e = await rejection(writeThenRead((ws) => (ws.getRange("A1:B2").values = [[1, 2]]), "A1", "values"));
    expect(e.code).toBe("InvalidArgument");
    const e2 = await rejection(writeThenRead((ws) => (ws.getRange("A1:B2").numberFormat = [["0.00"]]), "A1", "values"));
    expect(e2.code).toBe("InvalidArgument");
  });

  it("broadcasts a scalar (non-array) value, format or formula to every cell", async () => {
    const r = await writeThenRead(
      (ws) => {
        const range = ws.getRange("A1:B2");
        (range as unknown as { values: unknown }).values = 7;
        (range as unknown as { numberFormat: unknown }).numberFormat = "0.00";
        (ws.getRange("C1:C2") as unknown as { formulas: unknown }).formulas = "=A1+B1";
      },
      "A1:C2",
      "values, numberFormat, text",
    );
    expect(r.values).toEqual([
      [7, 7, 14],
      [7, 7, 14],
    ]);
    expect(r.numberFormat[0]).toEqual(["0.00", "0.00", "General"]);
    expect(r.text[0]).toEqual(["7.00", "7.00", "14"]);
  });

  it("skips null cells in a 2D write and clears cells written with an empty string", async () => {
    const r = await writeThenRead(
      (ws) => {
        ws.getRange("A1:C1").values = [["a", "b", "c"]];
        ws.getRange("A1:C1").values = [[null, "", "z"]];
      },
      "A1:C1",
      "values",
    );
    expect(r.values).toEqual([["a", "", "z"]]);
  });
});

describe("cell write rules", () => {
  it("turns '=' strings into formulas and evaluates SUM, SUBTOTAL and arithmetic", async () => {
    const r = await writeThenRead(
      (ws) => {
        ws.getRange("A1:A4").values = [[10], [20.5], ["=A1*2"], ["=SUBTOTAL(9,A1:A3)"]];
        ws.getRange("B1:B3").formulas = [["=SUM(A1:A2)"], ["=SUM(A:A)"], ["=A1/0"]];
      },
      "A1:B4",
      "values, formulas, valueTypes",
    );
    expect(r.values).toEqual([
      [10, 30.5],
      [20.5, 101],
      [20, "#DIV/0!"],
      [50.5, ""],
    ]);
    expect(r.formulas).toEqual([
      [10, "=SUM(A1:A2)"],
      [20.5, "=SUM(A:A)"],
      ["=A1*2", "=A1/0"],
      ["=SUBTOTAL(9,A1:A3)", ""],
    ]);
    expect(r.valueTypes[2]).toEqual(["Double", "Error"]);
  });

  it("makes a typed error constant an error value, as Excel's input parser does, and keeps it text behind an apostrophe or in a text cell", async () => {
    const r = await writeThenRead(
      (ws) => {
        ws.getRange("C1").numberFormat = [["@"]];
        ws.getRange("A1:D1").values = [["#N/A", "'#N/A", "#REF!", "#n/a"]];
        ws.getRange("E1").formulas = [["=1/0"]];
      },
      "A1:E1",
      "values, valueTypes",
    );
    expect(r.values).toEqual([["#N/A", "#N/A", "#REF!", "#N/A", "#DIV/0!"]]);
    // Range.valueTypes (Excel.RangeValueType): "Error" for error values, whatever made them.
    expect(r.valueTypes).toEqual([["Error", "String", "String", "Error", "Error"]]);
  });

  it("stores a quote-prefixed string as literal text without the apostrophe", async () => {
    const r = await writeThenRead(
      (ws) => (ws.getRange("A1:C1").values = [["'=HYPERLINK(1)", "'00123", "'-abc"]]),
      "A1:C1",
      "values, formulas",
    );
    expect(r.values).toEqual([["=HYPERLINK(1)", "00123", "-abc"]]);
    expect(r.formulas).toEqual([["=HYPERLINK(1)", "00123", "-abc"]]);
    expect(wb.workbook.sheets[0]!.style(0, 0).quotePrefix).toBe(true);
  });

  it("stores every string verbatim in a text-format ('@') cell, if the format is set first", async () => {
    const r = await writeThenRead(
      (ws) => {
        const range = ws.getRange("A1:E1");
        range.numberFormat = [["@", "@", "@", "@", "@"]];
        range.values = [["=1+1", "+44 20", "-abc", "@user", "00123"]];
      },
      "A1:E1",
      "values, formulas, valueTypes",
    );
    expect(r.values).toEqual([["=1+1", "+44 20", "-abc", "@user", "00123"]]);
    expect(r.valueTypes).toEqual([["String", "String", "String", "String", "String"]]);
  });

  it("parses strings as typed input in General cells: numbers, booleans, ISO dates; +/-/@ text becomes a formula", async () => {
    const r = await writeThenRead(
      (ws) => (ws.getRange("A1:G1").values = [["00123", "1,234.5", "true", "2026-10-31", "12%", "-abc", "plain"]]),
      "A1:G1",
      "values, formulas, numberFormat",
    );
    expect(r.values).toEqual([[123, 1234.5, true, 46326, 0.12, "#NAME?", "plain"]]);
    expect(r.formulas[0]![5]).toBe("=-abc");
    expect(r.numberFormat[0]![3]).toBe("yyyy-mm-dd");
    expect(r.numberFormat[0]![4]).toBe("0%");
  });

  it("stores numbers and booleans as they are; dates are numbers with a date format", async () => {
    const r = await writeThenRead(
      (ws) => {
        ws.getRange("A1:C1").values = [[45000, false, 1.5]];
        ws.getRange("A1").numberFormat = [["yyyy-mm-dd"]];
      },
      "A1:C1",
      "values, text",
    );
    expect(r.values).toEqual([[45000, false, 1.5]]);
    expect(r.text).toEqual([["2023-03-15", "FALSE", "1.5"]]);
  });
});

describe("formats", () => {
  it("reads uniform format values and null when cells differ", async () => {
    const r = await writeThenRead(
      (ws) => {
        const range = ws.getRange("A1:B2");
        range.format.font.bold = true;
        range.format.fill.color = "#ffcc00";
        ws.getRange("A1").format.font.color = "red";
        range.format.horizontalAlignment = "Right";
        range.format.columnWidth = 80;
        ws.getRange("A1:B1").format.borders.getItem("EdgeBottom").style = "Continuous";
      },
      "A1:B2",
      "format/font/bold, format/font/color, format/fill/color, format/horizontalAlignment, format/columnWidth, format/rowHeight",
    );
    expect(r.format.font.bold).toBe(true);
    expect(r.format.font.color).toBeNull();
    expect(r.format.fill.color).toBe("#FFCC00");
    expect(r.format.horizontalAlignment).toBe("Right");
    expect(r.format.columnWidth).toBe(80);
    expect(r.format.rowHeight).toBe(15);
    expect(wb.workbook.sheets[0]!.style(0, 1).borders?.["EdgeBottom"]?.style).toBe("Continuous");
  });

  it("clears fills, formats and contents", async () => {
    const r = await writeThenRead(
      (ws) => {
        const range = ws.getRange("A1:B1");
        range.values = [[1, 2]];
        range.format.fill.color = "#FF0000";
        range.format.fill.clear();
        range.format.font.italic = true;
        ws.getRange("B1").clear("Contents");
        ws.getRange("A1").clear("Formats");
      },
      "A1:B1",
      "values, format/fill/color, format/font/italic",
    );
    expect(r.values).toEqual([[1, ""]]);
    expect(r.format.fill.color).toBe("#FFFFFF");
    expect(r.format.font.italic).toBeNull();
  });

  it("fails an invalid color at sync", async () => {
    const e = await rejection(writeThenRead((ws) => (ws.getRange("A1").format.fill.color = "not a color"), "A1", "values"));
    expect(e.code).toBe("InvalidArgument");
  });

  it("autofits columns to their text", async () => {
    const r = await writeThenRead(
      (ws) => {
        ws.getRange("A1:A2").values = [["a much longer piece of text"], ["x"]];
        ws.getRange("A1:A2").format.autofitColumns();
      },
      "A1",
      "format/columnWidth",
    );
    expect(r.format.columnWidth).toBeGreaterThan(100);
  });

  it("formats whole columns without touching every cell", async () => {
    const r = await writeThenRead(
      (ws) => {
        ws.getRange("C:C").numberFormat = "#,##0.00" as unknown as string[][];
        ws.getRange("C5").values = [[1234.5]];
      },
      "C5",
      "text, numberFormat",
    );
    expect(r.text).toEqual([["1,234.50"]]);
    expect(wb.workbook.sheets[0]!.styles.length).toBeLessThan(10);
  });
});

describe("derived ranges and selection", () => {
  it("derives cells, rows, columns, offsets, resizes, intersections and used ranges", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2:D4").values = [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ];
      const base = ws.getRange("B2:D4");
      const got = [
        base.getCell(1, 1),
        base.getRow(2),
        base.getColumn(0),
        base.getOffsetRange(1, 1),
        base.getResizedRange(-1, 1),
        base.getIntersection("C3:Z9"),
        base.getLastCell(),
        base.getEntireColumn(),
        ws.getUsedRange(true),
      ].map((r) => r.load("address"));
      const none = base.getIntersectionOrNullObject("K1:K2");
      const emptyUsed = context.workbook.worksheets.add("Empty").getUsedRangeOrNullObject();
      await context.sync();
      expect(got.map((r) => r.address)).toEqual([
        "Sheet1!C3",
        "Sheet1!B4:D4",
        "Sheet1!B2:B4",
        "Sheet1!C3:E5",
        "Sheet1!B2:E3",
        "Sheet1!C3:D4",
        "Sheet1!D4",
        "Sheet1!B:D",
        "Sheet1!B2:D4",
      ]);
      expect(none.isNullObject).toBe(true);
      expect(emptyUsed.isNullObject).toBe(true);
    });
  });

  it("selects a range and reads it back as the selection", async () => {
    await wb.run(async (context) => {
      context.workbook.worksheets.add("Other").getRange("C3:D4").select();
      const sel = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(sel.address).toBe("Other!C3:D4");
    });
    expect(wb.workbook.activeSheet?.name).toBe("Other");
  });
});
