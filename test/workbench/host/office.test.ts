/** The installed globals: Excel, OfficeExtension and the minimal Office object. */
import { createWorkbench } from "../../../src/workbench/host";

interface InstalledGlobals {
  Excel: typeof Excel;
  Office: typeof Office & { addin: { isTaskpaneVisible: boolean } };
  OfficeExtension: typeof OfficeExtension;
}

describe("install", () => {
  it("defines Excel.run, Excel enums and OfficeExtension.Error on a global object", async () => {
    const wb = createWorkbench();
    const g = {} as InstalledGlobals;
    wb.install(g);
    expect(g.Excel.ChartType.columnClustered).toBe("ColumnClustered");
    expect(g.Excel.ConditionalFormatType.cellValue).toBe("CellValue");
    expect(g.Excel.ErrorCodes.itemNotFound).toBe("ItemNotFound");
    const err = await g.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("nope").load("name");
      await context.sync();
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(g.OfficeExtension.Error);
    expect((err as OfficeExtension.Error).code).toBe(g.Excel.ErrorCodes.itemNotFound);
  });

  it("provides Office.onReady, displayLanguage, requirement sets, actions and the task pane", async () => {
    const wb = createWorkbench({ locale: "zh-CN" });
    const g = {} as InstalledGlobals;
    wb.install(g);
    const info = await g.Office.onReady();
    expect(info.host).toBe(g.Office.HostType.Excel);
    expect(g.Office.context.displayLanguage).toBe("zh-CN");
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.99")).toBe(false);
    expect(g.Office.context.requirements.isSetSupported("SharedRuntime", "1.1")).toBe(true);
    let ran = false;
    g.Office.actions.associate("monthlyAging", (event: Office.AddinCommands.Event) => {
      ran = true;
      event.completed();
    });
    await wb.invokeAction("monthlyAging");
    expect(ran).toBe(true);
    await g.Office.addin.showAsTaskpane();
    expect(g.Office.addin.isTaskpaneVisible).toBe(true);
  });

  it("keeps document settings in memory until saveAsync, shared with workbook.settings", async () => {
    const wb = createWorkbench();
    const g = {} as InstalledGlobals;
    wb.install(g);
    const settings = g.Office.context.document.settings;
    settings.set("lang", "zh-CN");
    expect(settings.get("lang")).toBe("zh-CN");
    expect(wb.workbook.settings.has("lang")).toBe(false);
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    const v = await wb.run(async (context) => {
      const s = context.workbook.settings.getItem("lang").load("value");
      await context.sync();
      return s.value;
    });
    expect(v).toBe("zh-CN");
  });

  it("notifies change listeners after a sync that changed the workbook", async () => {
    const wb = createWorkbench();
    const seen: string[] = [];
    const off = wb.onChange((c) => seen.push(c.kind));
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").load("name");
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    wb.reset();
    off();
    wb.reset();
    expect(seen).toEqual(["sync", "reset"]);
    expect(wb.stats.syncCount).toBe(0);
    expect(wb.workbook.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
