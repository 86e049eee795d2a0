/**
 * What a write does besides writing, in headless Chromium on the workbench page made unkind as
 * Excel desktop is (`?freezePanes=inactive`: freezing panes fails on every sheet but the active
 * one, office-js#1463): the aging's result is a warning naming the sheets without a frozen
 * header; a note typed on "AR Aging 2026-10" survives a re-run when the user chooses Keep (both
 * sheets exist, side by side), and is replaced when the user chooses Replace — in English and
 * in Chinese.
 *
 * Screenshots: test-output/e2e/writes-<lang>-<step>.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Lang } from "../../src/engine/types";
import { t } from "../../src/i18n";
import { MORE, openView } from "./support/nav";
import { launchChromium, watchErrors } from "./support/browser";
import { ROOT } from "./support/build";

const AS_OF = "2026-10-31";
/** A day in the month after AS_OF, so the pane's default as-of (last month-end) is AS_OF. */
const TODAY = "2026-11-16";
const SHOTS = path.join(ROOT, "test-output", "e2e");

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function pageUrl(lang: Lang): string {
  const base = process.env.AR_DESK_E2E_URL;
  if (!base) throw new Error("AR_DESK_E2E_URL is not set: run through jest.e2e.config.js (npm run test:e2e)");
  return `${base}workbench.html?lang=${lang}&today=${TODAY}&freezePanes=inactive`;
}

describe.each<Lang>(["en-US", "zh-CN"])("the edited-sheet question at 320 px, Excel's narrowest pane (%s)", (lang) => {
  it("fits the window with no horizontal scroll, every button inside", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: lang });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${pageUrl(lang)}&paneWidth=320`);
      const pane = page.locator(".wb-pane");
      const generate = pane.getByRole("button", { name: t(lang, "pane.aging.generate") });
      await openView(pane, t(lang, "pane.tab.aging"), MORE);
      await generate.click();
      await pane.getByRole("heading", { name: t(lang, "pane.result.heading", { date: AS_OF }) }).waitFor({ timeout: 60_000 });
      // The user's note, typed through the page's Excel (the grid has no room at this width).
      const sheet = t(lang, "report.sheet.summary", { period: "2026-10" });
      await page.evaluate(async (name) => {
        const excel = (window as unknown as { Excel: typeof Excel }).Excel;
        await excel.run(async (context) => {
          context.workbook.worksheets.getItem(name).getRange("A2").values = [["note"]];
          await context.sync();
        });
      }, sheet);
      await generate.click();
      const dialog = page.getByRole("alertdialog", { name: t(lang, "pane.edited.title") });
      await dialog.waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500); // the surface's opening animation
      const [scrollWidth, clientWidth] = await dialog.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth!);
      const buttons = await dialog.getByRole("button").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(buttons).toHaveLength(3);
      for (const b of buttons) {
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(320);
      }
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `writes-${lang}-320-ask.png`) });
      await dialog.getByRole("button", { name: t(lang, "pane.edited.cancel") }).click();
      await pane.getByText(t(lang, "pane.aging.cancelled")).waitFor({ timeout: 60_000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe.each<Lang>(["en-US", "zh-CN"])("writing over what the user did (%s)", (lang) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const tr = (id: string, params: Record<string, string | number> = {}) => t(lang, id, params);
  const pane = () => page.locator(".wb-pane");
  const sheetTabs = () => page.getByRole("tablist", { name: lang === "zh-CN" ? "工作表" : "Sheets" });
  const tabNames = () => sheetTabs().getByRole("tab").allTextContents();
  const cell = (address: string) => page.getByRole("grid").locator(`[data-address="${address}"]`);
  const formulaBar = () => page.getByRole("textbox", { name: lang === "zh-CN" ? "编辑栏" : "Formula bar" });
  const summary = tr("report.sheet.summary", { period: "2026-10" });
  const kept = summary + tr("report.sheet.editedSuffix");

  async function shot(step: string): Promise<void> {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `writes-${lang}-${step}.png`) });
  }

  /** Shows a sheet and types `text` into one of its cells through the formula bar, as a user does. */
  async function typeOn(sheet: string, address: string, text: string): Promise<void> {
    await sheetTabs().getByRole("tab", { name: sheet, exact: true }).click();
    await cell(address).dispatchEvent("mousedown");
    await expect(page.locator(".wb-namebox").textContent()).resolves.toBe(address);
    await formulaBar().fill(text);
    await formulaBar().press("Enter");
    await page.waitForFunction(([a, v]) => document.querySelector(`[data-address="${a}"]`)?.textContent === v, [address, text]);
  }

  async function textOn(sheet: string, address: string): Promise<string> {
    await sheetTabs().getByRole("tab", { name: sheet, exact: true }).click();
    await cell(address).waitFor();
    return (await cell(address).textContent()) ?? "";
  }

  async function generate(): Promise<void> {
    await openView(pane(), tr("pane.tab.aging"), MORE);
    await pane()
      .getByRole("button", { name: tr("pane.aging.generate") })
      .click();
  }

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: lang });
    page = await context.newPage();
    errors = watchErrors(page);
    await page.goto(pageUrl(lang));
    await page.getByRole("grid").waitFor();
  });
  afterAll(async () => {
    await context?.close();
  });

  it("says, as a warning, which sheets Excel would not freeze", async () => {
    await openView(pane(), tr("pane.tab.data"), MORE);
    await pane()
      .getByRole("button", { name: tr("pane.data.save") })
      .click();
    await pane().getByText(tr("pane.data.saved")).waitFor({ state: "visible" });
    await generate();
    await pane()
      .getByRole("heading", { name: tr("pane.result.heading", { date: AS_OF }) })
      .waitFor({ state: "visible", timeout: 60_000 });
    const warning = pane()
      .getByRole("group")
      .filter({ hasText: tr("pane.write.notApplied.title") });
    await expect(warning.count()).resolves.toBe(1);
    const items = await warning.getByRole("listitem").allTextContents();
    expect(items.length).toBeGreaterThan(0);
    // The summary is active when views are applied, so only the other sheets are named.
    const tabs = await tabNames();
    expect(tabs).toContain(summary);
    expect(items.map((i) => i.split(/[:：]/)[0])).toEqual(
      [tr("report.sheet.detail", { period: "2026-10" }), tr("report.sheet.exceptions", { period: "2026-10" })].filter((s) =>
        tabs.includes(s),
      ),
    );
    await shot("1-warning");
    expect(errors).toEqual([]);
  });

  it("asks before a re-run over a note typed on the aging sheet; Keep keeps both sheets, side by side, the note intact", async () => {
    await typeOn(summary, "A2", "Call Bob on Monday");
    const before = await tabNames();
    await generate();
    const dialog = page.getByRole("alertdialog", { name: tr("pane.edited.title") });
    await dialog.waitFor({ state: "visible", timeout: 60_000 });
    await expect(dialog.getByText(tr("pane.edited.sheet", { sheet: summary, keptAs: kept })).isVisible()).resolves.toBe(true);
    await shot("2-ask");
    await dialog.getByRole("button", { name: tr("pane.edited.keep") }).click();
    await pane()
      .getByText(tr("pane.write.kept", { sheet: summary, keptAs: kept }))
      .waitFor({ state: "visible", timeout: 60_000 });
    const after = await tabNames();
    const at = before.indexOf(summary);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(after).toEqual([...before.slice(0, at + 1), kept, ...before.slice(at + 1)]);
    await expect(textOn(kept, "A2")).resolves.toBe("Call Bob on Monday");
    await expect(textOn(summary, "A2")).resolves.not.toBe("Call Bob on Monday");
    await shot("3-kept");
    expect(errors).toEqual([]);
  });

  it("Replace replaces the edited sheet in its place and says the edits are gone", async () => {
    await typeOn(summary, "A2", "to be replaced");
    const before = await tabNames();
    await generate();
    const dialog = page.getByRole("alertdialog", { name: tr("pane.edited.title") });
    await dialog.waitFor({ state: "visible", timeout: 60_000 });
    await dialog.getByRole("button", { name: tr("pane.edited.replace") }).click();
    await pane()
      .getByText(tr("pane.write.overwritten", { sheet: summary }))
      .waitFor({ state: "visible", timeout: 60_000 });
    expect(await tabNames()).toEqual(before);
    await expect(textOn(summary, "A2")).resolves.not.toBe("to be replaced");
    // The copy kept earlier is the user's: untouched.
    await expect(textOn(kept, "A2")).resolves.toBe("Call Bob on Monday");
    await shot("4-replaced");
    expect(errors).toEqual([]);
  });
  it("the ribbon's Monthly aging keeps an edited sheet, says 'with notes' and opens the pane on them", async () => {
    await typeOn(summary, "A3", "checked by Ann");
    await page.getByRole("button", { name: lang === "zh-CN" ? "月度账龄" : "Monthly aging" }).click();
    await page
      .getByRole("status")
      .getByText(
        lang === "zh-CN" ? "月度账龄已写入，有需要注意的事项：请查看 AR Desk。" : "Monthly aging written, with notes: see AR Desk.",
      )
      .waitFor({ timeout: 60_000 });
    await expect(page.getByText(lang === "zh-CN" ? "月度账龄已完成。" : "Monthly aging finished.").count()).resolves.toBe(0);
    // The earlier kept copy has the plain name, so this one is numbered: "… (edited) (2)".
    const tabs = await tabNames();
    const keptNow = tabs.filter((name) => name.startsWith(kept));
    expect(keptNow.length).toBe(2);
    const newest = keptNow.find((name) => name !== kept)!;
    await pane()
      .getByText(tr("pane.write.kept", { sheet: summary, keptAs: newest }))
      .waitFor({ state: "visible", timeout: 60_000 });
    await expect(pane().getByText(tr("pane.write.notApplied.title")).first().isVisible()).resolves.toBe(true);
    await expect(textOn(newest, "A3")).resolves.toBe("checked by Ann");
    await shot("5-ribbon");
    expect(errors).toEqual([]);
  });
});
