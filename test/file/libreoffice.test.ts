/**
 * Opens the CLI's report in a real spreadsheet program (LibreOffice, headless), exports every
 * sheet as CSV, and checks that what LibreOffice shows adds up: each totals row equals the sum
 * of the data rows above it (per currency) and the totals in the JSON report.
 *
 * Needs `soffice` (Debian: libreoffice-calc-nogui). In CI (CI set) its absence fails the test;
 * on a developer machine without it the test is skipped with a message.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ageBook } from "../../src/engine/aging";
import { readBook } from "../../src/engine/read";
import { agingSheets } from "../../src/engine/report/aging";
import type { SheetModel } from "../../src/engine/types";
import { parseCsv } from "../../src/file/csv";
import { readWorkbookTables } from "../../src/file/xlsx";
import { run } from "../cli/run";

// LibreOffice starts headless for this test, which takes tens of seconds on a busy machine.
jest.setTimeout(120_000);

const soffice = ((): string | null => {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  return found.status === 0 ? (found.stdout.trim().split("\n")[0] ?? null) : null;
})();

if (!soffice && !process.env.CI) {
  console.warn("LibreOffice (soffice) not found: skipping test/file/libreoffice.test.ts. Install libreoffice-calc-nogui to run it.");
}
const suite = soffice || process.env.CI ? describe : describe.skip;

/** LibreOffice ≥ 7.2: sheet -1 exports every sheet to <name>-<sheet>.csv; UTF-8, raw values. */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

interface JsonTotal {
  currency: string;
  buckets: number[];
  open: number;
  unapplied: number;
  net: number;
}

const cents = (value: number): number => Math.round(value * 100);
const numeric = (text: string | undefined): number | null =>
  text !== undefined && text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : null;
/** Money columns: number formats without percent or date parts. */
const isMoneyFormat = (format: string): boolean => /0/.test(format) && !/%|y|d|m/i.test(format);

suite("the report in LibreOffice", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ar-desk-lo-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("shows totals equal to the sums of the rows it shows and to the JSON", async () => {
    expect(soffice).not.toBeNull(); // in CI a missing LibreOffice is a failure, not a skip
    const book = path.join(dir, "book.xlsx");
    const report = path.join(dir, "report.xlsx");
    const json = path.join(dir, "report.json");
    expect((await run(["sample", "--invoices", "300", "--seed", "11", "--out", book])).code).toBe(0);
    expect((await run(["aging", "--input", book, "--as-of", "2026-10-31", "--out", report, "--json", json])).code).toBe(0);

    const profile = path.join(dir, "profile");
    execFileSync(
      soffice as string,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", CSV_FILTER, "--outdir", path.join(dir, "csv"), report],
      {
        stdio: "pipe",
        timeout: 120_000,
      },
    );
    const files = await readdir(path.join(dir, "csv"));

    // The layout (which rows are data and totals, which columns hold money) comes from the same
    // SheetModels the CLI wrote; the numbers come from LibreOffice.
    const { tables, dateSystem } = await readWorkbookTables(book);
    const bookModel = readBook(tables, { lang: "en-US", dateOrder: null, dateSystem, defaultCurrency: "USD" });
    const sheets = agingSheets(
      ageBook(bookModel, { asOf: 46326, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" }),
      "en-US",
    );
    const totals = (JSON.parse(await readFile(json, "utf8")) as { totals: JsonTotal[] }).totals;
    const currencies = new Set(totals.map((t) => t.currency));
    let checkedTotalsRows = 0;
    const shownTotals: string[][] = [];

    for (const sheet of sheets) {
      const file = files.find((f) => f === `report-${sheet.name}.csv`);
      expect({ sheet: sheet.name, exported: file !== undefined }).toEqual({ sheet: sheet.name, exported: true });
      const shown = parseCsv(await readFile(path.join(dir, "csv", file as string), "utf8"), ",");
      for (let r = sheet.dataEnd; r < sheet.totalsEnd; r++) {
        checkedTotalsRows += checkTotalsRow(sheet, shown, r, currencies);
        shownTotals.push(shown[r] ?? []);
      }
    }
    expect(checkedTotalsRows).toBeGreaterThan(0);

    for (const total of totals) {
      const values = [...total.buckets, total.open, total.unapplied, total.net].map(cents);
      const match = shownTotals.some(
        (row) =>
          row.includes(total.currency) &&
          values.every((v) => row.some((cell) => numeric(cell) !== null && cents(numeric(cell) as number) === v)),
      );
      expect({ total, shown: match }).toEqual({ total, shown: true });
    }
  });

  it("saves a sample book that reads back the same after a round trip through LibreOffice", async () => {
    expect(soffice).not.toBeNull();
    const book = path.join(dir, "roundtrip.xlsx");
    expect((await run(["sample", "--invoices", "60", "--seed", "1", "--out", book])).code).toBe(0);
    execFileSync(
      soffice as string,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        path.join(dir, "resaved"),
        book,
      ],
      {
        stdio: "pipe",
        timeout: 120_000,
      },
    );
    expect(await readWorkbookTables(path.join(dir, "resaved", "roundtrip.xlsx"))).toEqual(await readWorkbookTables(book));
  });
});

/**
 * Checks one totals row as LibreOffice shows it: every money column equals the sum of the data
 * rows above it of the same currency (all data rows when the sheet has no currency column).
 * Returns 1 when the row was checked.
 */
function checkTotalsRow(sheet: SheetModel, shown: string[][], r: number, currencies: Set<string>): number {
  const totalsRow = shown[r] ?? [];
  const currencyColumn = totalsRow.findIndex((cell) => currencies.has(cell));
  const dataRows = shown
    .slice(sheet.dataStart, sheet.dataEnd)
    .filter((row) => currencyColumn < 0 || row[currencyColumn] === totalsRow[currencyColumn]);
  let checked = 0;
  sheet.columns.forEach((column, c) => {
    const total = numeric(totalsRow[c]);
    if (!isMoneyFormat(column.numberFormat) || total === null) return;
    const sum = dataRows.reduce((acc, row) => acc + cents(numeric(row[c]) ?? 0), 0);
    expect({ sheet: sheet.name, row: r + 1, column: c + 1, total: cents(total) }).toEqual({
      sheet: sheet.name,
      row: r + 1,
      column: c + 1,
      total: sum,
    });
    checked++;
  });
  return checked > 0 ? 1 : 0;
}
