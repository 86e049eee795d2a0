/**
 * @jest-environment jsdom
 *
 * The manifest's Requirements and the adapter's support checks say the same thing: the ExcelApi
 * floor the adapter uses without a check is the one the manifest declares.
 */
import * as fs from "fs";
import * as path from "path";
import { MANIFEST_EXCEL_API, isExcelApiSupported } from "../../src/excel/support";

const xml = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const sets = Array.from(doc.getElementsByTagName("*")).filter(
  (e) => e.localName === "Set" && e.parentElement?.parentElement?.localName === "Requirements",
);

describe("manifest Requirements", () => {
  it("declare the shared runtime and the adapter's ExcelApi floor", () => {
    const declared = Object.fromEntries(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    expect(declared).toEqual({ SharedRuntime: "1.1", ExcelApi: MANIFEST_EXCEL_API });
  });
});

describe("isExcelApiSupported when Office cannot answer", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);

  it("inside Office before it can answer: the manifest's floor, nothing newer", () => {
    g.Office = { context: {} };
    expect(isExcelApiSupported("1.4")).toBe(true);
    expect(isExcelApiSupported(MANIFEST_EXCEL_API)).toBe(true);
    expect(isExcelApiSupported("1.12")).toBe(false);
  });

  it("asks Office when it can", () => {
    g.Office = { context: { requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && v === "1.12" } } };
    expect(isExcelApiSupported("1.12")).toBe(true);
    expect(isExcelApiSupported("1.13")).toBe(false);
  });

  it("outside Office (the simulated host): supported", () => {
    expect(isExcelApiSupported("1.17")).toBe(true);
  });
});
