/**
 * The add-in as a user meets it, in headless Chromium on the workbench page (the real task
 * pane beside the simulated Excel host seeded with the sample book, 60 invoices, seed 1):
 * confirm the table mapping, generate the aging, and check the totals on the written sheet
 * against the CLI's JSON for the same book — in English and in Chinese. Then the ribbon's
 * "Monthly aging" button writes the same sheet again.
 *
 * Screenshots: test-output/e2e/<lang>-<step>.png.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { main } from "../../src/cli/main";
import type { Lang } from "../../src/engine/types";
import { t } from "../../src/i18n";
import { MORE, openView } from "./support/nav";
import { measureFirstRender, readGrid } from "./support/browser";
import { openWorkbench, useBrowser, workbenchUrl } from "./support/workbench";
import { ROOT } from "./support/build";

const AS_OF = "2026-10-31";
/** A day in the month after AS_OF, so the pane's default as-of (last month-end) is AS_OF. */
const TODAY = "2026-11-16";
const SHOTS = path.join(ROOT, "test-output", "e2e");

interface AgingJson {
  asOf: string;
  buckets: Array<{ label: string }>;
  totals: Array<{ currency: string; buckets: number[]; open: number; unapplied: number; net: number }>;
}

/** Runs the CLI in-process on the sample book written as .xlsx, and returns its aging JSON. */
async function cliAging(lang: Lang): Promise<AgingJson> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ardesk-e2e-"));
  try {
    const book = path.join(dir, "sample.xlsx");
    const quiet = { write: () => true };
    expect(await main(["sample", "--invoices", "60", "--seed", "1", "--out", book], { stdout: quiet, stderr: quiet, isTTY: false })).toBe(
      0,
    );
    let out = "";
    const code = await main(["aging", "--input", book, "--as-of", AS_OF, "--json", "-", "--lang", lang], {
      stdout: { write: (s: string) => (out += s) },
      stderr: quiet,
      isTTY: false,
    });
    expect(code).toBe(0);
    return JSON.parse(out) as AgingJson;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** "1,234.50", "-1,234.50", "(1,234.50)", "¥1,234" → number; null when not an amount. */
function amount(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, "");
  if (!/\d/.test(s)) return null;
  const negative = /^\(.*\)$/.test(s) || s.startsWith("-");
  const digits = s.replace(/[^\d.]/g, "");
  if (!/^\d+(\.\d+)?$/.test(digits)) return null;
  return (negative ? -1 : 1) * Number(digits);
}

/**
 * The totals rows of an aging summary as shown in the grid, by currency. The bucket columns
 * start at the sheet's "Current" header (in the sheet's language) and carry the same day
 * limits as the JSON's bucket labels; a totals row names a currency of the report and
 * carries the "Total" label.
 */
function gridTotals(grid: string[][], json: AgingJson, lang: Lang): Map<string, number[]> {
  const current = t(lang, "aging.bucket.current");
  const headerRow = grid.findIndex((row) => row.includes(current));
  expect(headerRow).toBeGreaterThanOrEqual(0);
  const header = grid[headerRow]!;
  const first = header.indexOf(current);
  const bucketCols = json.buckets.map((_, i) => first + i);
  const days = (label: string) => label.replace(/\D+/g, " ").trim();
  expect(bucketCols.map((c) => days(header[c] ?? ""))).toEqual(json.buckets.map((b) => days(b.label)));
  const total = t(lang, "report.total");
  const out = new Map<string, number[]>();
  for (const row of grid.slice(headerRow + 1)) {
    if (!row.some((c) => c.trim() === total)) continue;
    const currency = json.totals.map((tt) => tt.currency).find((code) => row.some((c) => c.trim() === code));
    if (!currency || out.has(currency)) continue;
    out.set(
      currency,
      bucketCols.map((c) => amount(row[c] ?? "") ?? NaN),
    );
  }
  return out;
}

async function shot(page: Page, lang: Lang, step: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${lang}-${step}.png`) });
}

describe.each<Lang>(["en-US", "zh-CN"])("AR Desk in the workbench (%s)", (lang) => {
  const { page, errors, pane, tr } = openWorkbench(lang, { today: TODAY });
  let expected: AgingJson;
  /** Sheet tabs of the seeded book, and the summary sheet the aging wrote. */
  let sourceTabs: string[] = [];
  let summaryTab = "";
  const sheetTabs = () => page.getByRole("tablist", { name: lang === "zh-CN" ? "工作表" : "Sheets" });
  const roundTrips = async (): Promise<number> =>
    Number(/(\d+)/.exec((await page.locator(".wb-status-right").textContent()) ?? "")?.[1] ?? NaN);

  beforeAll(async () => {
    expected = await cliAging(lang);
  });

  it("opens with the sample book in the grid and the task pane in the display language", async () => {
    await expect(
      pane()
        .getByRole("heading", { level: 1, name: tr("pane.title") })
        .isVisible(),
    ).resolves.toBe(true);
    await page.getByRole("grid").waitFor();
    sourceTabs = await sheetTabs().getByRole("tab").allTextContents();
    expect(sourceTabs).toEqual(["Invoices", "Payments", "Customers"]);
    await expect(page.getByRole("button", { name: lang === "zh-CN" ? "月度账龄" : "Monthly aging" }).isVisible()).resolves.toBe(true);
    // The pane closes, and "Open AR Desk" (the ribbon's action) brings it back.
    await page.getByRole("button", { name: lang === "zh-CN" ? "关闭任务窗格" : "Close task pane" }).click();
    await pane().waitFor({ state: "hidden" });
    await page.getByRole("button", { name: lang === "zh-CN" ? "打开 AR Desk" : "Open AR Desk" }).click();
    await pane()
      .getByRole("heading", { level: 1, name: tr("pane.title") })
      .waitFor({ state: "visible" });
    // The sample's header row, and dates and money shown through their number formats.
    const grid = await readGrid(page);
    expect(grid[0]).toEqual(expect.arrayContaining(["Invoice No", "Customer", "Invoice Date", "Amount"]));
    const dateCol = grid[0]!.indexOf("Invoice Date");
    const amountCol = grid[0]!.indexOf("Amount");
    expect(grid[1]![dateCol]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(grid[1]![amountCol]).toMatch(/^-?[\d,]+\.\d{2}$/);
    await shot(page, lang, "1-open");
  });

  it("confirms the table mapping", async () => {
    await openView(pane(), tr("pane.tab.data"), MORE);
    const save = pane().getByRole("button", { name: tr("pane.data.save") });
    await save.waitFor({ state: "visible" });
    await expect(save.isEnabled()).resolves.toBe(true);
    await save.click();
    await pane().getByText(tr("pane.data.saved")).waitFor({ state: "visible" });
    await shot(page, lang, "2-mapping");
  });

  it("generates the aging, and the sheet's totals equal the CLI's", async () => {
    await openView(pane(), tr("pane.tab.aging"), MORE);
    const generate = pane().getByRole("button", { name: tr("pane.aging.generate") });
    await generate.click();
    await pane()
      .getByRole("heading", { name: tr("pane.result.heading", { date: AS_OF }) })
      .waitFor({ state: "visible", timeout: 60000 });
    // The written summary is a new sheet, and the active one.
    summaryTab = (await sheetTabs().getByRole("tab", { selected: true }).textContent()) ?? "";
    expect(sourceTabs).not.toContain(summaryTab);
    expect(await sheetTabs().getByRole("tab").count()).toBeGreaterThan(sourceTabs.length);
    const grid = await readGrid(page);
    const totals = gridTotals(grid, expected, lang);
    expect(Array.from(totals.keys()).sort()).toEqual(expected.totals.map((tt) => tt.currency).sort());
    for (const tt of expected.totals) {
      const shown = totals.get(tt.currency)!;
      expect(shown.map((v) => Math.round(v * 100))).toEqual(tt.buckets.map((v) => Math.round(v * 100)));
    }
    await shot(page, lang, "3-aging");
    expect(errors).toEqual([]);
  });

  it("writes the same sheet again from the ribbon's Monthly aging button", async () => {
    const before = await readGrid(page);
    const tabsBefore = await sheetTabs().getByRole("tab").allTextContents();
    const tripsBefore = await roundTrips();
    await page.getByRole("button", { name: lang === "zh-CN" ? "月度账龄" : "Monthly aging" }).click();
    await page
      .getByRole("status")
      .getByText(lang === "zh-CN" ? "月度账龄已完成。" : "Monthly aging finished.")
      .waitFor({ timeout: 60000 });
    const tabs = await sheetTabs().getByRole("tab").allTextContents();
    // It ran (read, computed and wrote: many round trips) without asking the user for anything.
    await page.waitForFunction((n) => {
      const text = document.querySelector(".wb-status-right")?.textContent ?? "";
      return Number(/(\d+)/.exec(text)?.[1] ?? 0) > n;
    }, tripsBefore + 3);
    await expect(pane().getByText(tr("ribbon.problem.title")).count()).resolves.toBe(0);
    // Re-running replaces AR Desk's own sheets instead of adding "(2)" copies.
    expect(tabs).toEqual(tabsBefore);
    await sheetTabs().getByRole("tab", { name: summaryTab, exact: true }).click();
    const after = await readGrid(page);
    expect(after).toEqual(before);
    await shot(page, lang, "4-monthly-aging");
    expect(errors).toEqual([]);
  });
});

describe("first render", () => {
  const browser = useBrowser();
  it("shows the task pane's first heading within 15 s in headless Chromium", async () => {
    const ms = await measureFirstRender(browser(), workbenchUrl("en-US", { today: TODAY }));
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(15000);
  });
});
