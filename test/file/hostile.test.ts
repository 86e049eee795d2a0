/**
 * File adapter and command-line rules of "Nothing read silently wrong" that the corpus
 * (test/corpus) checks end to end, here one rule at a time.
 */
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { csvTableFromText, parseCsv } from "../../src/file/csv";
import { FileError } from "../../src/file/errors";
import { escapeOoxmlText, writeReportWorkbook } from "../../src/file/write";
import { readWorkbookTables } from "../../src/file/xlsx";
import { inflateBudget, zipData, zipEntries } from "../../src/file/zip";
import { writeAtomically } from "../../src/file/atomic";
import { escapeControl, safeStream } from "../../src/cli/terminal";
import { checkLanguage } from "../../src/cli/language";
import { checkOutputs, isTempFileOf, removeTempsOnSignal, sweepStaleTemps, type SignalTarget } from "../../src/cli/outputPaths";
import { UsageError } from "../../src/cli/args";
import { plainSheetModel } from "../excel/models";
import { deflateBomb } from "../corpus/generate";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ardesk-hostile-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("point 2: a CSV quote that never closes", () => {
  it("names the record it opened on and reads the lines after it", () => {
    const seen: number[] = [];
    const records = parseCsv('a,b\n1,"x\n2,y\n3,z\n', ",", (record) => seen.push(record));
    expect(seen).toEqual([1]);
    expect(records).toEqual([["a", "b"], [""], ["2", "y"], ["3", "z"]]);
  });

  it("gives the table an error note with the sheet row, keeping the other rows' numbers", () => {
    const table = csvTableFromText(
      "Invoices",
      'No,Customer,Due,Amount\nI-1,Acme,2026-09-30,1\nI-2,"Acme,2026-09-30,1\nI-3,Acme,2026-09-30,1\n',
    );
    expect(table.rows.map((r) => r[0])).toEqual(["I-1", null, "I-3"]);
    expect(table.firstRow).toBe(2);
    expect(table.notes).toEqual(expect.arrayContaining([{ severity: "error", code: "csv.unterminatedQuote", row: 3, params: { row: 3 } }]));
  });
});

describe("point 15: CSV header and delimiter", () => {
  it.each([
    ["sep=;\nInvoice No;Amount\nA;1,50\n", ["Invoice No", "Amount"], [["A", "1,50"]], 2],
    ["Open invoices, October\nInvoice No,Customer,Amount\nA,Acme,1\n", ["Invoice No", "Customer", "Amount"], [["A", "Acme", "1"]], 3],
    ["Report;2026\nInvoice No;Customer;Amount\nA;Acme;1,5\n", ["Invoice No", "Customer", "Amount"], [["A", "Acme", "1,5"]], 3],
  ])("%j", (text, header, rows, firstRow) => {
    const table = csvTableFromText("T", text);
    expect(table.header).toEqual(header);
    expect(table.rows).toEqual(rows);
    expect(table.firstRow).toBe(firstRow);
  });
});

describe("points 11–12: packages that are bombs or damaged end in a FileError", () => {
  it("stops inflating a part at the cap and says how to raise it", () => {
    const raw = deflateBomb(64 * 1024 * 1024);
    expect(raw.length).toBeLessThan(1024 * 1024);
    const bytes = Buffer.concat([localHeader("x.xml", raw.length), raw]);
    const entry = { name: "x.xml", method: 8, compressedSize: raw.length, localHeaderOffset: 0 };
    const budget = inflateBudget("bomb.xlsx", { AR_DESK_MAX_PART_MB: "16" });
    expect(() => zipData(bytes, entry, budget)).toThrow(expect.objectContaining({ code: "cli.file.tooLarge", file: "bomb.xlsx" }));
    // Raised, the same part inflates.
    expect(zipData(bytes, entry, inflateBudget("bomb.xlsx", { AR_DESK_MAX_PART_MB: "100" })).length).toBe(64 * 1024 * 1024);
  });

  it("refuses a total beyond the package cap even when each part fits", () => {
    const raw = deflateBomb(8 * 1024 * 1024);
    const bytes = Buffer.concat([localHeader("x.xml", raw.length), raw]);
    const entry = { name: "x.xml", method: 8, compressedSize: raw.length, localHeaderOffset: 0 };
    const budget = inflateBudget("f.xlsx", { AR_DESK_MAX_PART_MB: "10", AR_DESK_MAX_INFLATE_MB: "12" });
    zipData(bytes, entry, budget);
    expect(() => zipData(bytes, entry, budget)).toThrow(FileError);
  });

  it("names the file for a central directory that is not there", () => {
    const bytes = Buffer.alloc(40);
    bytes.writeUInt32LE(0x06054b50, 18);
    bytes.writeUInt16LE(1, 28);
    expect(() => zipEntries(bytes, "x.xlsx")).toThrow(expect.objectContaining({ code: "cli.file.damaged", file: "x.xlsx" }));
  });

  it.each([
    ["Z_DATA_ERROR", Buffer.from([0xff, 0xff, 0xff]), 8, "cli.file.damaged"],
    ["method 12", Buffer.from("BZh9"), 12, "cli.file.damaged"],
  ])("%s is a damaged file", (_name, raw, method, code) => {
    const bytes = Buffer.concat([localHeader("x.xml", raw.length), raw]);
    expect(() =>
      zipData(bytes, { name: "x.xml", method, compressedSize: raw.length, localHeaderOffset: 0 }, inflateBudget("d.xlsx")),
    ).toThrow(expect.objectContaining({ code, file: "d.xlsx" }));
  });

  it("reads a file whose path is a folder as a located error, not a crash", async () => {
    await expect(readWorkbookTables(dir)).rejects.toBeInstanceOf(FileError);
  });
});

function localHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(size, 18);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name)]);
}

describe("point 13: nothing printed drives the terminal", () => {
  it.each([
    ["INV-\u001b[2J", "INV-\\x1b[2J"],
    ["Sheet\u001b]0;title\u0007", "Sheet\\x1b]0;title\\x07"],
    ["abc\u202egpj.exe", "abc\\u202egpj.exe"],
    ["two\nlines\tand tab", "two\nlines\tand tab"],
    ["C1 \u009b31m", "C1 \\x9b31m"],
  ])("%j prints as %j", (text, shown) => {
    expect(escapeControl(text)).toBe(shown);
  });

  it("keeps the progress bar's own line reset", () => {
    let out = "";
    safeStream({ write: (t: string) => (out += t) }).write("\r\x1b[K[##--] Reading \u001b[2J…");
    expect(out).toBe("\r\x1b[K[##--] Reading \\x1b[2J…");
  });
});

describe("point 17: output paths", () => {
  it.each([
    [{ "--out": "a.xlsx", "--json": "a.xlsx" }, "cli.error.outputClash"],
    [{ "--out": "A.XLSX", "--json": "./a.xlsx" }, "cli.error.outputClash"],
    [{ "--out": "report.csv" }, "cli.error.outputExtension"],
    [{ "--json": "report.xlsx" }, "cli.error.outputExtension"],
    [{ "--out": "-" }, "cli.error.outputStdout"],
  ])("%j is refused with %s", (outputs, id) => {
    expect(() => checkOutputs(outputs)).toThrow(expect.objectContaining({ id }));
  });

  it.each([[{ "--out": "a.xlsx", "--json": "a.json" }], [{ "--json": "-" }], [{ "--out": undefined }]])("%j is fine", (outputs) => {
    expect(() => checkOutputs(outputs)).not.toThrow();
  });

  it("recognises only our own temporary files", () => {
    expect(isTempFileOf(".report.xlsx.0123456789ab.tmp", "out/report.xlsx")).toBe(true);
    expect(isTempFileOf(".report.xlsx.0123456789ab.tmp.bak", "report.xlsx")).toBe(false);
    expect(isTempFileOf(".other.xlsx.0123456789ab.tmp", "report.xlsx")).toBe(false);
    expect(isTempFileOf("report.xlsx", "report.xlsx")).toBe(false);
  });

  it("sweeps a stale temporary file of ours and leaves a fresh one and the user's files", async () => {
    const target = path.join(dir, "sweep.xlsx");
    const stale = path.join(dir, ".sweep.xlsx.aaaaaaaaaaaa.tmp");
    const fresh = path.join(dir, ".sweep.xlsx.bbbbbbbbbbbb.tmp");
    const mine = path.join(dir, "sweep-notes.tmp");
    for (const file of [stale, fresh, mine]) await writeFile(file, "x");
    const old = new Date(Date.UTC(2026, 0, 1));
    await utimes(stale, old, old);
    const now = Date.UTC(2026, 0, 1) + 3_600_000;
    await utimes(fresh, new Date(now), new Date(now));
    expect(sweepStaleTemps([target], now)).toEqual([stale]);
    expect((await readdir(dir)).filter((n) => n.includes("sweep"))).toEqual(
      expect.arrayContaining([path.basename(fresh), path.basename(mine)]),
    );
  });

  it("removes the temporary file of a write in progress on SIGINT and exits 130", async () => {
    const listeners = new Map<string, () => void>();
    const exits: number[] = [];
    const target: SignalTarget = {
      on: (signal, listener) => listeners.set(signal, listener),
      off: (signal) => listeners.delete(signal),
      exit: ((code: number) => {
        exits.push(code);
      }) as SignalTarget["exit"],
    };
    const stop = removeTempsOnSignal(target);
    const file = path.join(dir, "interrupted.json");
    let tempSeen = "";
    await writeAtomically(file, [], async (temp) => {
      await writeFile(temp, "{");
      tempSeen = temp;
      listeners.get("SIGINT")?.();
    }).catch(() => undefined);
    stop();
    expect(exits).toEqual([130]);
    expect(path.basename(tempSeen)).toMatch(/^\.interrupted\.json\.[0-9a-f]{12}\.tmp$/);
    expect((await readdir(dir)).filter((n) => n.startsWith(".interrupted"))).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});

describe("point 18: --lang", () => {
  it.each([["fr-FR"], ["en"], ["zh-TW"]])("%s is a usage error naming the supported languages", (lang) => {
    expect(() => checkLanguage(["aging", "--lang", lang])).toThrow(UsageError);
    expect(() => checkLanguage([`--lang=${lang}`])).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ choices: "en-US, zh-CN" }) }),
    );
  });
  it.each([["en-US"], ["zh-cn"]])("%s is accepted", (lang) => {
    expect(() => checkLanguage(["aging", "--lang", lang])).not.toThrow();
  });
});

describe("point 19: text Excel would decode is written as typed", () => {
  it.each([
    ["INV_x0041_", "INV_x005F_x0041_"],
    ["_x000D_", "_x005F_x000D_"],
    ["a_x00_b", "a_x00_b"],
    ["plain", "plain"],
  ])("%s is stored as %s", (text, stored) => {
    expect(escapeOoxmlText(text)).toBe(stored);
  });

  it("stores the escape in the shared strings and reads the text back unchanged", async () => {
    const file = path.join(dir, "x0041.xlsx");
    const sheet = plainSheetModel("Detail", [
      ["Invoice", "Customer"],
      ["INV_x0041_", "Acme_x005F_"],
    ]);
    await writeReportWorkbook([sheet], file);
    const bytes = await import("node:fs/promises").then((fs) => fs.readFile(file));
    const entries = zipEntries(bytes, file);
    const xml = zipData(
      bytes,
      entries?.get("xl/sharedStrings.xml") ?? { name: "", method: 0, compressedSize: 0, localHeaderOffset: 0 },
    ).toString("utf8");
    expect(xml).toContain("INV_x005F_x0041_");
    expect(xml).toContain("Acme_x005F_x005F_");
    expect(xml).not.toMatch(/INV_x0041_/);
  });
});
