/**
 * Worksheets, tables, conditional formats, charts, freeze panes, custom properties, settings
 * and autofilter on the simulated host.
 */
import { conditionalStyleAt, createWorkbench, HostError, Workbench } from "../../../src/workbench/host";

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

describe("worksheets", () => {
  it("adds, renames, reorders, hides and deletes sheets with Excel's checks", async () => {
    await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const a = sheets.add("Data");
      a.load("name, id, position");
      await context.sync();
      expect([a.name, a.position]).toEqual(["Data", 1]);
      a.name = "Renamed";
      a.position = 0;
      const again = sheets.getItem(a.id).load("name, position");
      await context.sync();
      expect([again.name, again.position]).toEqual(["Renamed", 0]);
    });
    expect((await rejection(wb.run(async (c) => void (c.workbook.worksheets.add("sheet1"), await c.sync())))).code).toBe(
      "ItemAlreadyExists",
    );
    expect((await rejection(wb.run(async (c) => void (c.workbook.worksheets.add("bad/name"), await c.sync())))).code).toBe(
      "InvalidArgument",
    );
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").delete();
      await context.sync();
    });
    const last = await rejection(wb.run(async (c) => void (c.workbook.worksheets.getItem("Renamed").delete(), await c.sync())));
    expect(last.code).toBe("InvalidOperation");
  });

  it("freezes and unfreezes panes", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.freezePanes.freezeRows(3);
      await context.sync();
      expect(wb.workbook.sheets[0]!.frozen).toEqual({ rows: 3, cols: 0 });
      ws.freezePanes.freezeAt(ws.getRange("A1:B4"));
      const loc = ws.freezePanes.getLocationOrNullObject().load("address");
      await context.sync();
      expect(wb.workbook.sheets[0]!.frozen).toEqual({ rows: 4, cols: 2 });
      expect(loc.address).toBe("Sheet1!A1:B4");
      ws.freezePanes.unfreeze();
      const none = ws.freezePanes.getLocationOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  it("keeps worksheet custom properties (add overwrites, keys case-insensitive)", async () => {
    await wb.run(async (context) => {
      const props = context.workbook.worksheets.getItem("Sheet1").customProperties;
      props.add("ARDesk.Owned", "aging:2026-10");
      props.add("ardesk.owned", "aging:2026-11");
      props.add("Other", "x");
      await context.sync();
    });
    await wb.run(async (context) => {
      const props = context.workbook.worksheets.getItem("Sheet1").customProperties;
      const tag = props.getItemOrNullObject("ARDESK.OWNED").load("key, value");
      const missing = props.getItemOrNullObject("nope");
      props.load("items/key");
      const count = props.getCount();
      await context.sync();
      expect(tag.isNullObject).toBe(false);
      expect(tag.value).toBe("aging:2026-11");
      expect(missing.isNullObject).toBe(true);
      expect(count.value).toBe(2);
      tag.delete();
      await context.sync();
    });
    expect(wb.workbook.sheets[0]!.customProperties.size).toBe(1);
  });

  it("applies an autofilter, but not over a table", async () => {
    wb.seed({
      sheets: [
        {
          name: "S",
          cells: [
            ["a", "b"],
            [1, 2],
          ],
          tables: [{ name: "T", address: "A1:B2" }],
        },
      ],
    });
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.autoFilter.apply("D1:E5");
      ws.autoFilter.load("enabled");
      await context.sync();
      expect(ws.autoFilter.enabled).toBe(true);
    });
    const e = await rejection(wb.run(async (c) => void (c.workbook.worksheets.getItem("S").autoFilter.apply("A1:B2"), await c.sync())));
    expect(e.code).toBe("InvalidOperation");
  });
});

describe("settings", () => {
  it("persist across Excel.run calls and can be deleted", async () => {
    await wb.run(async (context) => {
      context.workbook.settings.add("mapping", { invoices: "tblInvoices", cols: [1, 2] });
      await context.sync();
    });
    await wb.run(async (context) => {
      const s = context.workbook.settings.getItemOrNullObject("mapping").load("value");
      const none = context.workbook.settings.getItemOrNullObject("absent");
      await context.sync();
      expect(s.value).toEqual({ invoices: "tblInvoices", cols: [1, 2] });
      expect(none.isNullObject).toBe(true);
      s.delete();
      await context.sync();
    });
    expect(wb.workbook.settings.size).toBe(0);
    const e = await rejection(wb.run(async (c) => void (c.workbook.settings.getItem("mapping").load("value"), await c.sync())));
    expect(e.code).toBe("ItemNotFound");
  });
});

describe("tables", () => {
  it("adds a table over written values and exposes its ranges and columns", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2:D4").values = [
        ["Invoice", "Amount", "Amount"],
        ["INV-1", 10, 1],
        ["INV-2", 20, 2],
      ];
      const t = ws.tables.add("B2:D4", true);
      t.name = "tblInvoices";
      const header = t.getHeaderRowRange().load("address, values");
      const body = t.getDataBodyRange().load("address");
      const all = t.getRange().load("address");
      t.columns.load("items/name");
      t.load("name, style, showTotals");
      t.worksheet.load("name");
      await context.sync();
      expect(header.address).toBe("Sheet1!B2:D2");
      expect(header.values).toEqual([["Invoice", "Amount", "Amount2"]]);
      expect(body.address).toBe("Sheet1!B3:D4");
      expect(all.address).toBe("Sheet1!B2:D4");
      expect(t.columns.items.map((c) => c.name)).toEqual(["Invoice", "Amount", "Amount2"]);
      expect([t.name, t.style, t.showTotals, t.worksheet.name]).toEqual(["tblInvoices", "TableStyleMedium2", false, "Sheet1"]);
    });
    await wb.run(async (context) => {
      const tables = context.workbook.tables.load("items/name, items/worksheet/name");
      const byName = context.workbook.tables.getItemOrNullObject("TBLINVOICES");
      const missing = context.workbook.tables.getItemOrNullObject("nope");
      await context.sync();
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([["tblInvoices", "Sheet1"]]);
      expect(byName.isNullObject).toBe(false);
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("rejects names that are cell references, like Excel", async () => {
    expect(() => wb.seed({ sheets: [{ name: "S", cells: [["a"], [1]], tables: [{ name: "T1", address: "A1:A2" }] }] })).toThrow(
      /table name/,
    );
  });

  it("rejects overlapping tables and duplicate names; generates headers when hasHeaders is false", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B2").values = [
        [1, 2],
        [3, 4],
      ];
      const t = ws.tables.add("A1:B2", false);
      const r = t.getRange().load("address, values");
      await context.sync();
      expect(r.address).toBe("Sheet1!A1:B3");
      expect(r.values).toEqual([
        ["Column1", "Column2"],
        [1, 2],
        [3, 4],
      ]);
    });
    expect((await rejection(wb.run(async (c) => void (c.workbook.tables.add("Sheet1!B2:C5", true), await c.sync())))).code).toBe(
      "InvalidOperation",
    );
    const dup = await rejection(
      wb.run(async (c) => {
        c.workbook.tables.add("Sheet1!E1:F3", true).name = "Table1";
        await c.sync();
      }),
    );
    expect(dup.code).toBe("ItemAlreadyExists");
  });

  it("deletes a table with its cells; convertToRange keeps them", async () => {
    wb.seed({
      sheets: [
        {
          name: "S",
          cells: [["a"], [1], [], ["b"], [2]],
          tables: [
            { name: "First", address: "A1:A2" },
            { name: "Second", address: "A4:A5" },
          ],
        },
      ],
    });
    await wb.run(async (context) => {
      context.workbook.tables.getItem("First").delete();
      context.workbook.tables.getItem("Second").convertToRange();
      await context.sync();
    });
    expect(wb.snapshot("S")).toEqual([["b"], [2]]);
    expect(wb.workbook.tables).toHaveLength(0);
  });
});

describe("conditional formats", () => {
  it("adds cellValue, textComparison and custom rules with ids, and clears them", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const range = ws.getRange("A1:A3");
      range.values = [[5], [50], ["overdue"]];
      const cv = range.conditionalFormats.add("CellValue");
      cv.cellValue.format.fill.color = "#FFC7CE";
      cv.cellValue.format.font.color = "#9C0006";
      cv.cellValue.rule = { formula1: "=10", operator: "GreaterThan" };
      const tc = range.conditionalFormats.add("ContainsText");
      tc.textComparison.format.fill.color = "#FFEB9C";
      tc.textComparison.rule = { operator: "Contains", text: "over" };
      const cu = ws.getRange("B1:B3").conditionalFormats.add("Custom");
      cu.custom.rule.formula = "=A1>1";
      cu.custom.format.font.bold = true;
      cv.load("id, type, priority");
      range.conditionalFormats.load("items/type");
      await context.sync();
      expect(cv.id).toMatch(/\S/);
      expect(cv.type).toBe("CellValue");
      expect(cv.priority).toBe(2);
      expect(range.conditionalFormats.items.map((c) => c.type)).toEqual(["ContainsText", "CellValue"]);
      const again = range.conditionalFormats.getItem(cv.id).cellValue.load("rule");
      await context.sync();
      expect(again.rule).toEqual({ formula1: "=10", operator: "GreaterThan" });
    });
    const sheet = wb.workbook.sheets[0]!;
    expect(conditionalStyleAt(sheet, 0, 0)).toBeNull();
    expect(conditionalStyleAt(sheet, 1, 0)?.fill).toBe("#FFC7CE");
    expect(conditionalStyleAt(sheet, 2, 0)?.fill).toBe("#FFEB9C");
    expect(conditionalStyleAt(sheet, 1, 1)?.bold).toBe(true);
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B3").conditionalFormats.clearAll();
      const n = ws.getRange("A1:B3").conditionalFormats.getCount();
      await context.sync();
      expect(n.value).toBe(0);
    });
  });

  it("fails a rule with an unknown operator", async () => {
    const e = await rejection(
      wb.run(async (context) => {
        const cf = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3").conditionalFormats.add("CellValue");
        cf.cellValue.rule = { formula1: "=1", operator: "Bigger" as Excel.ConditionalCellValueOperator };
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("charts", () => {
  it("adds a chart with a title and position over cells", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C3").values = [
        ["Bucket", "USD", "EUR"],
        ["Current", 10, 5],
        ["1-30", 3, 2],
      ];
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:C3"), "Columns");
      chart.title.text = "Aging by bucket";
      chart.setPosition("E2", "L20");
      chart.load("name, chartType, top, left, width, height");
      chart.title.load("text, visible");
      const count = ws.charts.getCount();
      await context.sync();
      expect([chart.name, chart.chartType, chart.title.text, chart.title.visible]).toEqual([
        "Chart 1",
        "ColumnClustered",
        "Aging by bucket",
        true,
      ]);
      expect([chart.top, chart.left, chart.width, chart.height]).toEqual([15, 4 * 48, 8 * 48, 19 * 15]);
      expect(count.value).toBe(1);
    });
    const c = wb.workbook.sheets[0]!.charts[0]!;
    expect(c.source).toEqual({ row: 0, col: 0, rows: 3, cols: 3 });
    expect(c.anchor?.start).toEqual({ row: 1, col: 4, rows: 1, cols: 1 });
    const e = await rejection(
      wb.run(
        async (c2) =>
          void (
            c2.workbook.worksheets
              .getItem("Sheet1")
              .charts.add("Nope" as Excel.ChartType, c2.workbook.worksheets.getItem("Sheet1").getRange("A1:B2")),
            await c2.sync()
          ),
      ),
    );
    expect(e.code).toBe("InvalidArgument");
  });
});
