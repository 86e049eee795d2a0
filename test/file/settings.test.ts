/**
 * The add-in's settings saved in an .xlsx, read back for the command line: from the add-in's web
 * extension part, decoded as Office stores them, another add-in's part left alone.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { filePort } from "../../src/file/port";
import { readSavedSettings, webExtensionSettings } from "../../src/file/settings";
import { writeTablesWorkbook } from "../../src/file/write";
import { webExtensionXml, withAddinSettings } from "./webExtension";

const LADDER = [
  { stage: 0, fromDays: 1, toDays: 30, action: { "en-US": "Friendly call", "zh-CN": "友好电话" } },
  { stage: 1, fromDays: 31, toDays: null, action: { "en-US": "Hand to counsel", "zh-CN": "转交律师" } },
];
const COMPANY = { name: "Contoso & Co. <Asia>", address: '1 "Harbour" Road\n上海' };

let dir: string;
let plain: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-desk-settings-"));
  plain = path.join(dir, "plain.xlsx");
  await writeTablesWorkbook(
    [
      {
        sheet: "Invoices",
        name: "Invoices",
        header: ["Invoice No", "Customer", "Amount"],
        rows: [["A1", "Acme", 10]],
        firstRow: 2,
        firstColumn: 0,
      },
    ],
    plain,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function bookWith(name: string, addins: Array<Record<string, unknown>>): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, withAddinSettings(await readFile(plain), addins));
  return file;
}

describe("webExtensionSettings", () => {
  it.each<[string, string, unknown]>([
    ["JSON text of an object (as the pane saves)", JSON.stringify(JSON.stringify({ annualRate: 0.12 })), { annualRate: 0.12 }],
    ["JSON text of a list", JSON.stringify(JSON.stringify(LADDER)), LADDER],
    ["plain JSON (another client's way)", JSON.stringify({ annualRate: 0.12 }), { annualRate: 0.12 }],
    ["a JSON string that is not JSON inside", JSON.stringify("last-month-end"), "last-month-end"],
    ["XML entities and Chinese text", JSON.stringify(JSON.stringify(COMPANY)), COMPANY],
  ])("decodes %s", (_what, stored, expected) => {
    const xml = webExtensionXml({}).replace(
      "<we:properties>",
      `<we:properties><we:property name="k" value="${stored.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"/>`,
    );
    expect(webExtensionSettings(xml).get("k")).toEqual(expected);
  });

  it("leaves out a value that is not JSON", () => {
    expect(webExtensionSettings('<we:property name="k" value="{broken"/>').has("k")).toBe(false);
  });
});

describe("readSavedSettings", () => {
  it("reads the add-in's saved settings from a real workbook, and another add-in's part not at all", async () => {
    const book = await bookWith("saved.xlsx", [
      { "Office.AutoShowTaskpaneWithDocument": true, theirs: 1 },
      { "collections.ladder": LADDER, "ARDesk.company": COMPANY },
    ]);
    const saved = await readSavedSettings(book);
    expect([...saved.keys()].sort()).toEqual(["ARDesk.company", "collections.ladder"]);
    expect(saved.get("collections.ladder")).toEqual(LADDER);
    expect(saved.get("ARDesk.company")).toEqual(COMPANY);
  });

  it.each([
    ["a workbook without add-in parts", () => plain],
    ["a CSV file", () => path.join(dir, "book.csv")],
    ["a file that is not there", () => path.join(dir, "missing.xlsx")],
  ])("is empty for %s", async (_what, file) => {
    expect((await readSavedSettings(file())).size).toBe(0);
  });

  it("is what the file port reads, under the run's own settings", async () => {
    const book = await bookWith("port.xlsx", [{ "collections.ladder": LADDER, "collections.lateFee": { annualRate: 0.1 } }]);
    const port = filePort({ input: book });
    expect(await port.readSetting("collections.ladder")).toEqual(LADDER);
    await port.writeSetting("collections.lateFee", { annualRate: 0.2 });
    expect(await port.readSetting("collections.lateFee")).toEqual({ annualRate: 0.2 });
    expect(await port.savedSetting("collections.lateFee")).toEqual({ annualRate: 0.1 });
    expect(await port.readSetting("collections.warnings")).toBeNull();
  });
});
