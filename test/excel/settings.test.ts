/**
 * Per-workbook settings in the simulated Excel host.
 */
import { SETTINGS_KEY, defaultSettings, loadSettings, loadSettingsDetailed, saveSettings } from "../../src/excel/settings";
import type { ExcelRun, WorkbookSettings } from "../../src/excel/types";
import { createWorkbench } from "../../src/workbench/host";

const custom: WorkbookSettings = {
  ...defaultSettings(),
  mapping: { invoices: { table: "tblSales", columns: { invoiceNumber: "Doc No", amount: "Gross" } } },
  boundaries: [30, 60, 90, 120],
  asOf: "2026-10-31",
  lang: "zh-CN",
  dateOrder: "DMY",
  defaultCurrency: "CNY",
};

describe("workbook settings", () => {
  it("are saved in the workbook and survive reopening it", async () => {
    const wb = createWorkbench();
    await saveSettings(wb.run as unknown as ExcelRun, custom);

    // Reopen: a new host holding the same file content (its settings).
    const reopened = createWorkbench();
    reopened.seed({ sheets: [{ name: "Sheet1" }], settings: Object.fromEntries(wb.workbook.settings) });
    expect(await loadSettings(reopened.run as unknown as ExcelRun)).toEqual(custom);
  });

  it("are null with a reason when missing, not JSON, or of the wrong shape", async () => {
    const wb = createWorkbench();
    const run = wb.run as unknown as ExcelRun;
    expect(await loadSettingsDetailed(run)).toMatchObject({ settings: null, problem: { code: "missing" } });

    wb.seed({ sheets: [{ name: "Sheet1" }], settings: { [SETTINGS_KEY]: "{not json" } });
    expect(await loadSettingsDetailed(run)).toMatchObject({ settings: null, problem: { code: "json" } });
    expect(await loadSettings(run)).toBeNull();

    wb.seed({ sheets: [{ name: "Sheet1" }], settings: { [SETTINGS_KEY]: JSON.stringify({ ...custom, basis: "posting" }) } });
    expect(await loadSettingsDetailed(run)).toEqual({
      settings: null,
      problem: { code: "shape", detail: 'basis must be "due" or "invoice"' },
    });
  });

  it("refuses to save invalid settings, leaving the stored ones", async () => {
    const wb = createWorkbench();
    const run = wb.run as unknown as ExcelRun;
    await saveSettings(run, custom);
    await expect(saveSettings(run, { ...custom, boundaries: [] })).rejects.toThrow(RangeError);
    expect(await loadSettings(run)).toEqual(custom);
  });
});
