import { createWorkbench } from "../../src/workbench/host";
import { excelPort, insertTables, loadSettings, saveSettings, settingValue } from "../../src/excel";
import type { ExcelRun } from "../../src/excel/types";
import { defaultSettings, SETTINGS_KEY } from "../../src/app/settings";
import { generateSampleBook } from "../../src/engine/sample";
import { readCells, sheetNames } from "./helpers";

const setup = async () => {
  const workbench = createWorkbench();
  const run = workbench.run as ExcelRun;
  await insertTables(run, generateSampleBook({ invoices: 20, seed: 3 }));
  return { workbench, run, port: excelPort(run) };
};

describe("the Office.js workbook port", () => {
  it("lists the workbook's tables with their date system", async () => {
    const { port } = await setup();
    const read = await port.readTables();
    expect(read.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Invoices", "Payments", "Customers"]));
    expect(read.info).toHaveLength(read.tables.length);
    expect(read.dateSystem).toBe(1900);
  });

  it("reads the settings the pane saved, and saves what the pane loads", async () => {
    const { run, port } = await setup();
    const saved = { ...defaultSettings(), asOf: "2026-09-30" };
    await saveSettings(run, saved);
    expect(await port.readSetting(SETTINGS_KEY)).toEqual(saved);
    await port.writeSetting(SETTINGS_KEY, { ...saved, basis: "invoice" });
    expect(await loadSettings(run)).toEqual({ ...saved, basis: "invoice" });
    expect(await port.readSetting("ARDesk.none")).toBeNull();
  });

  it("keeps each purpose's highlights apart, collections included", async () => {
    const { port } = await setup();
    await port.setHighlights("credit", [{ sheet: "Customers", address: "A2:C2", fill: "#FFC7CE" }]);
    await port.setHighlights("collections", [{ sheet: "Invoices", address: "A3:C4", fill: "#FFEB9C" }]);
    expect(await port.clearHighlights("collections")).toEqual({ removed: 1 });
    expect(await port.clearHighlights("credit")).toEqual({ removed: 1 });
  });

  it("creates a user table once and appends rows below it", async () => {
    const { run, port } = await setup();
    const created = await port.createTable({ sheet: "Follow-ups", name: "FollowUps", header: ["Customer", "Note"] });
    expect(created.sheet).toBe("Follow-ups");
    expect(await sheetNames(run)).toContain("Follow-ups");
    const appended = await port.appendRows(created.name, [
      ["Acme", "Called"],
      ["Beta", "Emailed"],
    ]);
    // The first rows go straight under the header: no blank row is left at the top.
    expect(appended).toEqual({ sheet: "Follow-ups", firstRow: 2 });
    const again = await port.appendRows(created.name, [["Gamma", "Visited"]]);
    expect(again).toEqual({ sheet: "Follow-ups", firstRow: 4 });
    const cells = await readCells(run, "Follow-ups", 0, 4, 2);
    expect(cells.values).toEqual([
      ["Customer", "Note"],
      ["Acme", "Called"],
      ["Beta", "Emailed"],
      ["Gamma", "Visited"],
    ]);
    // The rows belong to the table: the next read sees them as its rows.
    const log = (await port.readTables()).tables.find((t) => t.name === created.name);
    expect(log?.rows).toEqual([
      ["Acme", "Called"],
      ["Beta", "Emailed"],
      ["Gamma", "Visited"],
    ]);
  });
});

describe("settingValue", () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ["plain", "plain"],
    [{ a: 1 }, { a: 1 }],
  ])("%j → %j", (stored, value) => {
    expect(settingValue(stored)).toEqual(value);
  });
});
