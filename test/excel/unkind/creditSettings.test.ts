/**
 * The credit check's options are kept in the workbook like the aging settings: they survive a
 * save and reopen, and what is stored wrong is never used.
 */
import { CREDIT_SETTINGS_KEY, loadCreditSettings, saveCreditSettings, type CreditSettings } from "../../../src/excel";
import { creditSettingsProblem } from "../../../src/excel/settings";
import type { ExcelRun } from "../../../src/excel/types";
import { createWorkbench } from "../../../src/workbench/host";

const chosen: CreditSettings = { version: 1, nearPercent: 75, holdDays: 45, noLimit: "zero", netUnapplied: false };

describe("credit settings in the workbook", () => {
  it("survive a save and reopen", async () => {
    const wb = createWorkbench();
    const run = wb.run as ExcelRun;
    expect(await loadCreditSettings(run)).toBeNull();
    await saveCreditSettings(run, chosen);
    wb.saveAndReopen();
    expect(await loadCreditSettings(run)).toEqual(chosen);
  });

  it.each([
    ["not JSON", "{"],
    ["a wrong percentage", JSON.stringify({ ...chosen, nearPercent: 0 })],
    ["fractional days", JSON.stringify({ ...chosen, holdDays: 1.5 })],
    ["an unknown policy", JSON.stringify({ ...chosen, noLimit: "ignore" })],
  ])("are not used when stored as %s", async (_, stored) => {
    const wb = createWorkbench();
    wb.seed({ sheets: [{ name: "Sheet1" }], settings: { [CREDIT_SETTINGS_KEY]: stored } });
    expect(await loadCreditSettings(wb.run as ExcelRun)).toBeNull();
  });

  it("refuse to save what could not be loaded back", async () => {
    const wb = createWorkbench();
    await expect(saveCreditSettings(wb.run as ExcelRun, { ...chosen, holdDays: -1 })).rejects.toThrow(RangeError);
    expect(wb.workbook.settings.has(CREDIT_SETTINGS_KEY)).toBe(false);
    expect(creditSettingsProblem(chosen)).toBeNull();
  });
});
