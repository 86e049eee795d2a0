/**
 * The AR custom functions in the workbench page, as a user types them: select a cell of the
 * sample book's Invoices sheet, type an `=AR.…` formula into the formula bar, press Enter, and
 * read the results in the grid — in English and, with the Chinese function names, in Chinese.
 * Expected values come from the functions' own registry over the same sample rows (the page
 * must show exactly what Excel would compute), with the page's `today` for an omitted as-of.
 *
 * Screenshots: test-output/e2e/functions-<lang>.png.
 */
import * as fs from "fs";
import * as path from "path";
import { serialFromIso } from "../../src/engine/dates";
import type { Lang } from "../../src/engine/types";
import { createRegistry, FunctionError, type Cell } from "../../src/functions/registry";
import { sampleTables } from "../../src/workbench/page/seed";
import { openWorkbench } from "./support/workbench";
import { ROOT } from "./support/build";

/** An as-of inside the first rows' date span (the sample's oldest invoices), so they fill every bucket. */
const AS_OF = "2026-02-20";
const TODAY = "2026-11-16";
const SHOTS = path.join(ROOT, "test-output", "e2e");
/** Rows 2..20 of the Invoices sheet (the formula's range D2:D20). */
const ROWS = 19;

/** The sample book's due dates in D2:D20, as the page seeds them (60 invoices, seed 1). */
function dueDates(): unknown[][] {
  const invoices = sampleTables(60, 1)[0]!;
  const col = invoices.header.indexOf("Due Date");
  expect(col).toBe(3); // column D
  return invoices.rows.slice(0, ROWS).map((row) => [row[col] ?? ""]);
}

/** What Excel shows for a result cell: the value, or the error's text. */
function shownText(cell: Cell): string {
  return cell instanceof FunctionError ? cell.excelText : String(cell);
}

describe.each<[Lang, { bucket: string; days: string; bar: string }]>([
  ["en-US", { bucket: "AR.AGEBUCKET", days: "AR.DAYSOVERDUE", bar: "Formula bar" }],
  ["zh-CN", { bucket: "AR.账龄区间", days: "AR.逾期天数", bar: "编辑栏" }],
])("AR formulas typed in the workbench's formula bar (%s)", (lang, names) => {
  // The page without the task pane: only the grid and the formula bar.
  const { page, errors } = openWorkbench(lang, { today: TODAY, pane: 0 });
  const functions = createRegistry(() => ({ lang, today: () => serialFromIso(TODAY)! }));
  const formulaBar = () => page.getByRole("textbox", { name: names.bar });
  const cell = (address: string) => page.getByRole("grid").locator(`[data-address="${address}"]`);

  /** Selects a cell (scrolled into view: the grid renders only what is on screen) and enters `text`. */
  async function enter(address: string, text: string): Promise<void> {
    await page.getByRole("grid").evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      el.dispatchEvent(new Event("scroll"));
    });
    await cell(address).dispatchEvent("mousedown");
    await expect(page.locator(".wb-namebox").textContent()).resolves.toBe(address);
    await formulaBar().fill(text);
    await formulaBar().press("Enter");
  }

  /** The texts of a column's cells from `first` to `last` row, once the first shows `ready`. */
  async function column(letter: string, first: number, last: number): Promise<string[]> {
    const out: string[] = [];
    for (let r = first; r <= last; r++) out.push((await cell(`${letter}${r}`).textContent()) ?? "");
    return out;
  }

  beforeAll(async () => {
    await cell("D2").waitFor();
  });

  it(`spills =${names.bucket}(D2:D20, "${AS_OF}") down L2:L20 with the functions' labels`, async () => {
    const formula = `=${names.bucket}(D2:D20, "${AS_OF}")`;
    await enter("L2", formula);
    const expected = functions.AGEBUCKET(dueDates(), AS_OF).map((row) => shownText(row[0]!));
    expect(new Set(expected).size).toBe(5); // Current, 1-30, 31-60, 61-90, 90+
    await page.waitForFunction((want) => document.querySelector('[data-address="L2"]')?.textContent === want, expected[0]);
    await expect(column("L", 2, 20)).resolves.toEqual(expected);
    await expect(cell("L21").textContent()).resolves.toBe("");
    // Back on the formula's cell, the bar shows the formula as typed.
    await cell("L2").dispatchEvent("mousedown");
    await expect(formulaBar().inputValue()).resolves.toBe(formula);
    // A spilled cell shows the formula it comes from as the bar's placeholder.
    await cell("L5").dispatchEvent("mousedown");
    await expect(formulaBar().getAttribute("placeholder")).resolves.toBe(formula);
  });

  it(`computes =${names.days}(D2) with the page's today for the omitted as-of`, async () => {
    await enter("M2", `=${names.days}(D2)`);
    const expected = shownText(functions.DAYSOVERDUE(dueDates()[0]![0])[0]![0]!);
    await page.waitForFunction((want) => document.querySelector('[data-address="M2"]')?.textContent === want, expected);
    // Enter moved the selection down a row, as in Excel.
    await expect(page.locator(".wb-namebox").textContent()).resolves.toBe("M3");
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `functions-${lang}.png`) });
  });

  it("shows #VALUE! for a bad argument, with the function's message beside the formula bar", async () => {
    await enter("M3", `=${names.days}("abc")`);
    await page.waitForFunction(() => document.querySelector('[data-address="M3"]')?.textContent === "#VALUE!");
    await cell("M3").dispatchEvent("mousedown");
    const detail = page.getByRole("status", { name: lang === "zh-CN" ? "错误详情" : "Error detail" });
    const expected = (() => {
      try {
        functions.DAYSOVERDUE("abc");
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("expected the function to reject the argument");
    })();
    await expect(detail.textContent()).resolves.toBe(expected);
    await expect(cell("M3").getAttribute("title")).resolves.toBe(expected);
    expect(errors).toEqual([]);
  });
});
