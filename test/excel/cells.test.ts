/**
 * Reading one cell the user names, in the simulated Excel host.
 */
import { parseCellReference, readCellValue } from "../../src/excel/cells";
import type { ExcelRun } from "../../src/excel/types";
import { createWorkbench, type Workbench } from "../../src/workbench/host";

let wb: Workbench;
let run: ExcelRun;
beforeEach(() => {
  wb = createWorkbench();
  run = wb.run as unknown as ExcelRun;
  wb.seed({
    sheets: [
      { name: "Notes", cells: [["month-end"], [null, 42]] },
      {
        name: "GL",
        cells: [
          ["Account", "Balance"],
          ["1200 AR control", 125000.5],
          ["Memo", "n/a"],
          ["Total", "=B2*2"],
        ],
      },
      {
        name: "Trial balance",
        cells: [
          [null, null],
          [null, "1,250.00"],
        ],
      },
    ],
  });
});

describe("parseCellReference", () => {
  it.each([
    ["GL!B5", { sheet: "GL", address: "B5" }],
    ["GL!$B$5", { sheet: "GL", address: "B5" }],
    [" gl!b5 ", { sheet: "gl", address: "B5" }],
    ["'Trial balance'!C9", { sheet: "Trial balance", address: "C9" }],
    ["'Bob''s GL'!A1", { sheet: "Bob's GL", address: "A1" }],
    ["Trial balance!C9", { sheet: "Trial balance", address: "C9" }],
    ["B5", { sheet: null, address: "B5" }],
    ["XFD1048576", { sheet: null, address: "XFD1048576" }],
  ])("reads %s", (text, expected) => {
    expect(parseCellReference(text)).toEqual(expected);
  });

  it.each(["", "GL!", "!B5", "GL!B5:C6", "GL!B0", "XFE1", "A1048577", "125000", "'Bob's GL'!A1"])("refuses %j", (text) => {
    expect(parseCellReference(text)).toBeNull();
  });
});

describe("readCellValue", () => {
  it("reads a number from a named sheet in one round trip", async () => {
    wb.stats.reset();
    expect(await readCellValue(run, "GL!B2")).toEqual({ sheet: "GL", address: "B2", value: 125000.5 });
    expect(wb.stats.syncCount).toBe(1);
  });

  it("reads a formula's value, a typed amount, text as text and an empty cell as null", async () => {
    expect((await readCellValue(run, "GL!$B$4")).value).toBe(250001);
    // Typed "1,250.00" is a number to Excel, as to the workbench.
    expect((await readCellValue(run, "'Trial balance'!B2")).value).toBe(1250);
    expect((await readCellValue(run, "GL!B3")).value).toBe("n/a");
    expect((await readCellValue(run, "GL!Z99")).value).toBeNull();
  });

  it("reads a bare address on the active sheet and names that sheet", async () => {
    expect(await readCellValue(run, { sheet: null, address: "B2" })).toEqual({ sheet: "Notes", address: "B2", value: 42 });
  });

  it("rejects a sheet that does not exist, and text that is not one cell", async () => {
    await expect(readCellValue(run, "Ledger!B2")).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(readCellValue(run, "GL!B2:B3")).rejects.toThrow(RangeError);
  });
});
