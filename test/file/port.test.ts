import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_BOUNDARIES } from "../../src/engine/aging";
import { serialFromIso } from "../../src/engine/dates";
import { runAging } from "../../src/app/aging";
import { filePort } from "../../src/file/port";
import { FileError } from "../../src/file/errors";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-file-port-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A CSV ledger of two invoices, as an ERP exports it. */
const CSV =
  "Invoice No,Customer,Invoice Date,Due Date,Amount,Currency\nINV-1,Acme,2026-09-01,2026-10-01,100.00,USD\nINV-2,Beta,2026-10-15,2026-11-14,250.00,USD\n";

const request = {
  asOf: serialFromIso("2026-10-31") as number,
  basis: "due" as const,
  boundaries: [...DEFAULT_BOUNDARIES],
  autoApply: true,
  groupBy: "customer" as const,
  lang: "en-US" as const,
  dateOrder: null,
  defaultCurrency: "USD",
  mapping: {},
  tableChoice: "best" as const,
};

describe("the file workbook port", () => {
  it("reads a CSV file's table once, collects the sheets a use case writes and saves them as one workbook", async () => {
    const input = path.join(dir, "ledger.csv");
    await writeFile(input, CSV, "utf8");
    const port = filePort({ input });
    const read = await port.readTables();
    expect(read.tables.map((t) => [t.name, t.rows.length])).toEqual([["ledger", 2]]);
    expect(await port.readTables()).toEqual(read);

    const result = await runAging(port, request);
    if (!result.ok) throw new Error(`stopped: ${result.problem.code}`);
    expect(port.sheets.map((s) => s.name)).toEqual(result.write.sheets);
    // A re-run replaces the sheets of the same name instead of adding more.
    await runAging(port, request);
    expect(port.sheets.map((s) => s.name)).toEqual(result.write.sheets);

    const out = path.join(dir, "aging.xlsx");
    await port.save(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(result.write.sheets);
  });

  it("never saves over one of its inputs", async () => {
    const input = path.join(dir, "ledger.csv");
    const map = path.join(dir, "map.json");
    await writeFile(input, CSV, "utf8");
    await writeFile(map, "{}", "utf8");
    const port = filePort({ input, guarded: [map] });
    await expect(port.save(map)).rejects.toBeInstanceOf(FileError);
    expect(await readFile(map, "utf8")).toBe("{}");
  });

  it("keeps settings, highlights and appended rows in memory for the run", async () => {
    const input = path.join(dir, "ledger.csv");
    await writeFile(input, CSV, "utf8");
    const port = filePort({ input });
    await port.writeSetting("k", { a: [1, 2] });
    expect(await port.readSetting("k")).toEqual({ a: [1, 2] });
    expect(await port.readSetting("missing")).toBeNull();
    expect(await port.setHighlights("credit", [{ sheet: "ledger", address: "A2:F2", fill: "#FFC7CE" }])).toEqual({ added: 1, removed: 0 });
    expect(await port.clearHighlights("credit")).toEqual({ removed: 1 });
    const created = await port.createTable({ sheet: "Log", name: "Log", header: ["Customer", "Note"] });
    expect(await port.appendRows(created.name, [["Acme", "Called"]])).toEqual({ sheet: "Log", firstRow: 2 });
    expect(await port.appendRows(created.name, [["Beta", "Emailed"]])).toEqual({ sheet: "Log", firstRow: 3 });
    const log = (await port.readTables()).tables.find((t) => t.name === "Log");
    expect(log?.rows).toEqual([
      ["Acme", "Called"],
      ["Beta", "Emailed"],
    ]);
  });
});
