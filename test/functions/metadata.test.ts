/**
 * The metadata build: functions.json from the JSDoc of src/functions/functions.ts and
 * functions.zh-cn.json from it and src/functions/zh-cn.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as excel from "../../src/functions/functions";
import { FUNCTION_IDS } from "../../src/functions/ids";
import { REQUIRED_PARAMETERS } from "../../src/functions/logic/required";

interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { dimensionality?: string };
  options?: { volatile?: boolean };
}
interface Metadata {
  functions: FunctionMetadata[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require("../../scripts/functions-metadata.js") as {
  writeFunctionsMetadata(options: { outDir: string; translations?: string }): Promise<{ en: string; zh: string }>;
  localizeMetadata(metadata: Metadata, translations: Record<string, unknown>): Metadata;
};

const CJK = /[\u4e00-\u9fff]/;
let dir: string;
let english: Metadata;
let chinese: Metadata;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ar-functions-"));
  const { en, zh } = await script.writeFunctionsMetadata({ outDir: dir });
  english = JSON.parse(fs.readFileSync(en, "utf8")) as Metadata;
  chinese = JSON.parse(fs.readFileSync(zh, "utf8")) as Metadata;
}, 60000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("generated metadata", () => {
  it("writes both files", () => {
    expect(fs.existsSync(path.join(dir, "functions.json"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "functions.zh-cn.json"))).toBe(true);
  });

  it("describes every exported function, with the stable ids in both files", () => {
    const ids = english.functions.map((f) => f.id);
    expect(ids).toEqual([...FUNCTION_IDS]);
    expect(ids).toHaveLength(Object.keys(excel).length);
    expect(chinese.functions.map((f) => f.id)).toEqual(ids);
  });

  it("names functions by their id in English (Excel shows AR.<name>)", () => {
    for (const fn of english.functions) expect(fn.name).toBe(fn.id);
  });

  it("takes ranges and spills everywhere; exactly the functions whose as_of may be omitted are volatile", () => {
    const omittableAsOf = english.functions
      .filter((fn) => fn.parameters.some((p) => p.name === "as_of" && p.optional === true))
      .map((fn) => fn.id);
    expect(omittableAsOf).toEqual(["DAYSOVERDUE", "AGEBUCKET", "AGING"]);
    for (const fn of english.functions) {
      expect(fn.result?.dimensionality).toBe("matrix");
      // A result that depends on today's date must recalculate when the date changes.
      expect(fn.options?.volatile === true).toBe(omittableAsOf.includes(fn.id));
      for (const p of fn.parameters) expect(p.dimensionality).toBe("matrix");
    }
  });

  it("checks exactly the parameters the signatures Excel is given mark required", () => {
    for (const fn of english.functions) {
      const required = fn.parameters.filter((p) => p.optional !== true).map((p) => p.name);
      expect(required.length).toBeGreaterThan(0);
      expect(REQUIRED_PARAMETERS[fn.id as keyof typeof REQUIRED_PARAMETERS]).toEqual(required);
      // Required ones come first, so a position in the call names the parameter.
      expect(fn.parameters.slice(0, required.length).map((p) => p.name)).toEqual(required);
    }
  });

  it("keeps everything but the texts identical in the zh-CN file", () => {
    const strip = (m: Metadata): unknown =>
      m.functions.map((f) => ({
        ...f,
        name: null,
        description: null,
        parameters: f.parameters.map((p) => ({ ...p, name: null, description: null })),
      }));
    expect(strip(chinese)).toEqual(strip(english));
  });

  it("leaves no English in the translated fields of the zh-CN file", () => {
    for (const fn of chinese.functions) {
      expect(fn.name).toMatch(CJK);
      expect(fn.name).toMatch(/^[\p{L}][\p{L}\p{N}._]*$/u); // Excel's rule for function names
      expect(fn.description).toMatch(CJK);
      for (const p of fn.parameters) {
        expect(p.name).toMatch(CJK);
        expect(p.description).toMatch(CJK);
      }
    }
  });

  it("fails instead of shipping an untranslated function", () => {
    expect(() => script.localizeMetadata({ functions: [{ id: "NEW", name: "NEW", parameters: [] }] }, {})).toThrow(
      /No zh-CN translation for: NEW/,
    );
  });
});
