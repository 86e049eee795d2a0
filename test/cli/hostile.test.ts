/**
 * Command-line behaviour of "Nothing read silently wrong" (points 12, 14, 16, 18) run through
 * `main`, in both languages.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { run } from "./run";

let dir = "";
let book = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ar-desk-hostile-cli-"));
  book = path.join(dir, "Invoices.csv");
  await writeFile(book, "Invoice No,Customer,Due Date,Amount\nI-1,Acme,2026-09-30,100\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("point 16: --map naming a folder", () => {
  it.each([
    ["en-US", "is a folder, not a file"],
    ["zh-CN", "是文件夹，不是文件"],
  ])("says so in %s (exit 1)", async (lang, text) => {
    const result = await run(["aging", "--input", book, "--as-of", "2026-10-31", "--map", dir, "--lang", lang]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(text);
  });
});

describe("point 14: nothing usable is not a zero balance", () => {
  it.each([
    ["en-US", "Nothing could be read from “Broken”"],
    ["zh-CN", "“Broken”中没有可读取的内容"],
  ])("exits 1 and says why in %s", async (lang, text) => {
    const broken = path.join(dir, "Broken.csv");
    await writeFile(broken, "Invoice No,Customer,Due Date,Amount\nI-1,Acme,someday,100\n");
    const result = await run(["aging", "--input", broken, "--as-of", "2026-10-31", "--lang", lang]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(text);
    expect(result.stderr).toContain("Broken!C2");
    expect(result.stdout).not.toContain("Nothing is open");
  });
});

describe("point 18: --lang", () => {
  it("exits 2 for a language AR Desk does not have, naming the supported ones", async () => {
    const result = await run(["aging", "--input", book, "--lang", "fr-FR"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("en-US, zh-CN");
  });
});

describe("point 12: no stack trace unless --debug", () => {
  it("accepts --debug anywhere on the line and still runs", async () => {
    const result = await run(["aging", "--debug", "--input", book, "--as-of", "2026-10-31"]);
    expect(result.code).toBe(0);
  });
});
