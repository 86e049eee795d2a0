import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { AGING_OPTION_SPEC, OUTPUT_OPTION_SPEC, optionSpec, readAgingRequest } from "../../src/cli/options";
import { CREDIT_OPTIONS } from "../../src/cli/credit";
import { TIEOUT_OPTIONS } from "../../src/cli/tieout";
import { parseOptions } from "../../src/cli/args";
import { serialFromIso } from "../../src/engine/dates";
import { writeTablesWorkbook } from "../../src/file/write";
import { tablesOf } from "../engine/credit/fixtures";
import { FIXED_TODAY, run } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "ar-options-"));
const book = path.join(dir, "book.xlsx");

beforeAll(async () => {
  const tables = tablesOf({ customers: [["Acme", 1000]], invoices: [["I1", "Acme", 10, 700]] });
  await writeTablesWorkbook(tables, book);
});

describe("the shared aging options", () => {
  it.each([
    ["credit", CREDIT_OPTIONS],
    ["tieout", TIEOUT_OPTIONS],
  ])("%s accepts every one of them", (_command, spec) => {
    expect(AGING_OPTION_SPEC.values.length).toBeGreaterThan(0);
    for (const name of AGING_OPTION_SPEC.values) expect(spec.values).toContain(name);
    for (const name of AGING_OPTION_SPEC.flags) expect(spec.flags).toContain(name);
    for (const name of OUTPUT_OPTION_SPEC.values) expect(spec.values).toContain(name);
  });

  it("merges specs without repeating a name", () => {
    expect(optionSpec({ values: ["a", "b"], flags: ["x"] }, { values: ["b", "c"], flags: ["x", "y"] })).toEqual({
      values: ["a", "b", "c"],
      flags: ["x", "y"],
    });
  });

  it("read into the use case's request, with the command line's way of picking tables", async () => {
    const parsed = parseOptions(
      ["--input", book, "--currency", "eur", "--date-order", "mdy", "--no-auto-apply", "--as-of", "2026-09-30"],
      AGING_OPTION_SPEC,
    );
    const { request, input, mapFile } = await readAgingRequest(parsed, "zh-CN", { today: () => FIXED_TODAY });
    expect({ input, mapFile }).toEqual({ input: book, mapFile: null });
    expect(request).toEqual({
      asOf: serialFromIso("2026-09-30"),
      basis: "due",
      boundaries: [30, 60, 90],
      autoApply: false,
      groupBy: "customer",
      lang: "zh-CN",
      dateOrder: "MDY",
      defaultCurrency: "EUR",
      mapping: {},
      tableChoice: "best",
    });
  });

  it("default the as-of date to the last month-end before today", async () => {
    const { request } = await readAgingRequest(parseOptions(["--input", book], AGING_OPTION_SPEC), "en-US", { today: () => FIXED_TODAY });
    expect(request.asOf).toBe(serialFromIso("2026-10-31"));
  });

  it("let credit take --map, checked as aging checks it", async () => {
    const map = path.join(dir, "map.json");
    writeFileSync(map, JSON.stringify({ invoices: { table: "Ledger" } }), "utf8");
    const plain = await run(["credit", "--input", book, "--json", "-"]);
    expect(plain.code).toBe(0);
    const mapped = await run(["credit", "--input", book, "--map", map, "--json", "-"]);
    // The saved table wins when it exists; a name that matches nothing falls back to detection.
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toEqual(JSON.parse(plain.stdout));
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ invoice: {} }), "utf8");
    const rejected = await run(["credit", "--input", book, "--map", bad, "--json", "-"]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/unknown role "invoice"/);
  });

  it("let credit take --no-auto-apply (an unknown option would be a usage error, exit 2)", async () => {
    const result = await run(["credit", "--input", book, "--no-auto-apply", "--json", "-"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(1);
  });
});
