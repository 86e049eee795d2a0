/**
 * Office.js proxy semantics of the simulated host: queueing, load/sync, PropertyNotLoaded,
 * getItem vs getItemOrNullObject, collections, client results, batch errors, round trips.
 * The batches are written against the real @types/office-js `Excel` types.
 */
import { createWorkbench, HostError, Workbench } from "../../../src/workbench/host";

async function rejection(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected a rejection");
}

function caught(fn: () => unknown): HostError {
  try {
    fn();
  } catch (e) {
    return e as HostError;
  }
  throw new Error("expected a throw");
}

let wb: Workbench;
beforeEach(() => {
  wb = createWorkbench();
});

describe("queueing and sync", () => {
  it("keeps writes invisible to the workbook until sync", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:B1").values = [["a", 1]];
      expect(wb.snapshot("Sheet1")).toEqual([]);
      await context.sync();
      expect(wb.snapshot("Sheet1")).toEqual([["a", 1]]);
    });
  });

  it("throws PropertyNotLoaded when reading before load, and before sync", async () => {
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      const e1 = caught(() => range.values);
      expect(e1.code).toBe("PropertyNotLoaded");
      expect(e1.name).toBe("RichApi.Error");
      range.load("values, address");
      expect(caught(() => range.address).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.address).toBe("Sheet1!A1");
      expect(range.values).toEqual([[""]]);
      expect(caught(() => range.rowCount).code).toBe("PropertyNotLoaded");
    });
  });

  it("accepts the load forms of Office.js (string, array, object, select/expand, nested paths)", async () => {
    wb.seed({ sheets: [{ name: "S", cells: [[1, 2]] }] });
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:B1");
      r.load(["rowCount", "columnCount"]);
      r.load({ select: "address", expand: "format/font" });
      r.load({ values: true, format: { fill: { color: true } } });
      await context.sync();
      expect([r.rowCount, r.columnCount, r.address]).toEqual([1, 2, "S!A1:B1"]);
      expect(r.values).toEqual([[1, 2]]);
      expect(r.format.font.bold).toBe(false);
      expect(r.format.fill.color).toBe("#FFFFFF");
      const all = context.workbook.worksheets.getItem("S").getRange("A1");
      all.load();
      await context.sync();
      expect(all.numberFormat).toEqual([["General"]]);
    });
  });

  it("fails a load of an unknown property at sync", async () => {
    const e = await rejection(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").load("nope");
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  it("makes a set property readable locally (as Office.js does)", async () => {
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [[5]];
      expect(r.values).toEqual([[5]]);
      await context.sync();
    });
  });

  it("evaluates object paths where they are first used in the queue", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C3").values = [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ];
      const used = ws.getUsedRange();
      used.load("address");
      await context.sync();
      expect(used.address).toBe("Sheet1!A1:C3");
    });
  });
});

describe("getItem and getItemOrNullObject", () => {
  it("fails the sync with ItemNotFound for a missing item", async () => {
    const e = await rejection(
      wb.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Missing");
        ws.load("name");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    expect(e.debugInfo.code).toBe("ItemNotFound");
    expect(e.debugInfo.errorLocation).toContain("WorksheetCollection.getItem");
  });

  it("returns a null object that reports isNullObject after sync", async () => {
    await wb.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Missing");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(caught(() => missing.isNullObject).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(caught(() => missing.name).code).toBe("PropertyNotLoaded");
    });
  });

  it("ignores calls on a null object (delete if present)", async () => {
    await wb.run(async (context) => {
      context.workbook.worksheets.add("Tmp");
      context.workbook.worksheets.getItemOrNullObject("Nope").delete();
      context.workbook.worksheets.getItemOrNullObject("Tmp").delete();
      await context.sync();
    });
    expect(wb.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("collections", () => {
  it("has items after load, and getCount as a ClientResult", async () => {
    await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.add("B");
      sheets.add();
      const count = sheets.getCount();
      expect(caught(() => count.value).code).toBe("ValueNotLoaded");
      expect(caught(() => sheets.items).code).toBe("PropertyNotLoaded");
      sheets.load("items/name");
      await context.sync();
      expect(count.value).toBe(3);
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "B", "Sheet2"]);
      expect(caught(() => sheets.items[0]!.position).code).toBe("PropertyNotLoaded");
      sheets.load("position");
      await context.sync();
      expect(sheets.items.map((s) => s.position)).toEqual([0, 1, 2]);
    });
  });
});

describe("errors inside a batch", () => {
  it("rejects sync at the failing operation; earlier operations stay applied, later ones do not run", async () => {
    const e = await rejection(
      wb.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["before"]];
        ws.getRange("A2:B2").values = [["too", "many", "values"]];
        ws.getRange("A3").values = [["after"]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.debugInfo.statement).toBe("Range.values");
    expect(wb.snapshot("Sheet1")).toEqual([["before"]]);
  });

  it("does not deliver loads of a failed request", async () => {
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.load("values");
      context.workbook.worksheets.getItem("Missing").getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(caught(() => r.values).code).toBe("PropertyNotLoaded");
    });
  });

  it("requires the batch to return a promise", async () => {
    const run = wb.run as unknown as (b: (c: unknown) => unknown) => Promise<unknown>;
    await expect(run(() => 1)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });
});

describe("round trips", () => {
  it("counts each sync that sends a request, plus the final flush of Excel.run", async () => {
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [[1]];
      await context.sync();
      await context.sync(); // nothing queued: no round trip
      ws.getRange("A2").values = [[2]];
    });
    expect(wb.stats.syncCount).toBe(2);
    expect(wb.stats.syncCalls).toBe(3);
    expect(wb.stats.requests.map((r) => r.statements)).toEqual([["Range.values"], ["Range.values"]]);
    expect(wb.stats.lastRequestBytes).toBeGreaterThan(0);
    expect(wb.stats.maxRequestBytes).toBeGreaterThanOrEqual(wb.stats.lastRequestBytes);
    expect(wb.stats.totalRequestBytes).toBe(wb.stats.requests[0]!.requestBytes + wb.stats.requests[1]!.requestBytes);
  });

  it("reuses a context via Excel.run(object, batch) and honours delayForCellEdit", async () => {
    wb.setCellEditMode(true);
    const failing = wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    await expect(failing).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const delayed = wb.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["done"]];
      await context.sync();
      return "ok";
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(wb.snapshot("Sheet1")).toEqual([]);
    wb.setCellEditMode(false);
    await expect(delayed).resolves.toBe("ok");
    expect(wb.snapshot("Sheet1")).toEqual([["done"]]);

    let kept: Excel.Range | undefined;
    await wb.run(async (context) => {
      kept = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      kept.load("values");
      await context.sync();
    });
    await wb.run(kept!, async (context) => {
      kept!.values = [["again"]];
      await context.sync();
    });
    expect(wb.snapshot("Sheet1")).toEqual([["again"]]);
  });
});
