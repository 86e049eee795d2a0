/**
 * The task pane at Excel's narrowest width (320 px) in both languages: every registered view
 * opens from the navigation and nothing scrolls sideways — the pane's scrollWidth never exceeds
 * its clientWidth, and no element inside reaches past the pane's right edge.
 *
 * Screenshots: test-output/e2e/<lang>-320-<view>.png, and <lang>-320-page.png (the whole page
 * after an aging, as in the README).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import type { Lang } from "../../src/engine/types";
import { PANE_VIEWS } from "../../src/taskpane/views";
import { openWorkbench } from "./support/workbench";
import { ROOT } from "./support/build";
import { MORE, openView } from "./support/nav";

const TODAY = "2026-11-16";
const WIDTH = 320;
const SHOTS = path.join(ROOT, "test-output", "e2e");

/** Horizontal overflow of the pane body, and the elements reaching past its right edge. */
async function overflowOf(page: Page): Promise<{ scrollWidth: number; clientWidth: number; outside: string[] }> {
  return page.locator(".wb-pane-body").evaluate((body) => {
    const right = body.getBoundingClientRect().right;
    const outside: string[] = [];
    for (const el of Array.from(body.querySelectorAll<HTMLElement>("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > right + 0.5)
        outside.push(
          `${el.tagName.toLowerCase()}${el.getAttribute("role") ? `[role=${el.getAttribute("role")}]` : ""} "${(el.textContent ?? "").trim().slice(0, 30)}" ends at ${Math.round(box.right)} > ${Math.round(right)}`,
        );
    }
    return { scrollWidth: body.scrollWidth, clientWidth: body.clientWidth, outside: outside.slice(0, 10) };
  });
}

describe.each<Lang>(["en-US", "zh-CN"])("the task pane at 320 px (%s)", (lang) => {
  const { page, errors, pane, tr } = openWorkbench(
    lang,
    { today: TODAY, paneWidth: WIDTH },
    { viewport: { width: 1366, height: 768 }, ready: "pane" },
  );
  beforeAll(() => {
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  it("is 320 px wide", async () => {
    const width = await pane().evaluate((el) => el.getBoundingClientRect().width);
    expect(Math.round(width)).toBe(WIDTH);
  });

  it("puts the views that do not fit into the More menu, and every view still opens", async () => {
    expect(PANE_VIEWS.length).toBeGreaterThan(0);
    // Either every tab fits, or the ones that do not are behind "More" — never a clipped strip.
    // Every view has its tab in the strip (hidden ones included); role queries see only the visible.
    expect(await pane().locator("[role=tablist] [role=tab]").count()).toBe(PANE_VIEWS.length);
    const visibleTabs = await pane().getByRole("tab").count();
    expect(visibleTabs).toBeGreaterThanOrEqual(2);
    const more = pane().getByRole("button", { name: MORE });
    expect(await more.isVisible()).toBe(visibleTabs < PANE_VIEWS.length);
    if (lang === "en-US") expect(visibleTabs).toBeLessThan(PANE_VIEWS.length); // "Reconcile" and "Settings" do not fit in English
    for (const view of PANE_VIEWS) {
      await openView(pane(), tr(view.label), MORE);
      await pane().locator(`#ar-panel-${view.id}`).waitFor({ state: "visible" });
      // The selected view is always a visible, selected tab.
      await expect(
        pane()
          .getByRole("tab", { name: tr(view.label), exact: true })
          .getAttribute("aria-selected"),
      ).resolves.toBe("true");
    }
  });

  it.each(PANE_VIEWS.map((v) => [v.id, v] as const))("view %s fits without sideways scrolling", async (id, view) => {
    await openView(pane(), tr(view.label), MORE);
    await pane().locator(`#ar-panel-${id}`).waitFor({ state: "visible" });
    await page.waitForTimeout(150);
    const measured = await overflowOf(page);
    await pane().screenshot({ path: path.join(SHOTS, `${lang}-320-${id}.png`) });
    expect(measured.outside).toEqual([]);
    expect(measured.scrollWidth).toBeLessThanOrEqual(measured.clientWidth);
  });

  it('column dropdowns keep their header on one line ("Invoice No" does not wrap)', async () => {
    await openView(pane(), tr("pane.tab.data"), MORE);
    // The column choices: the dropdowns inside the tables of columns.
    const dropdowns = pane().locator("#ar-panel-data table").getByRole("combobox");
    await dropdowns.first().waitFor({ state: "visible", timeout: 30000 });
    const heights = await dropdowns.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height)));
    expect(heights.length).toBeGreaterThan(5);
    // A single-line Fluent dropdown is 32 px high; a wrapped header makes it taller.
    expect(Math.max(...heights)).toBeLessThanOrEqual(34);
    // …and wide enough to show it whole: nothing clipped inside the button.
    const clipped = await dropdowns.evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
    );
    expect(clipped).toEqual([]);
  });

  it("the aging result and the credit check fit too", async () => {
    await openView(pane(), tr("pane.tab.aging"), MORE);
    await pane()
      .getByRole("button", { name: tr("pane.aging.generate") })
      .click();
    await pane().locator("#ar-result-heading").waitFor({ state: "visible", timeout: 60000 });
    await page.waitForTimeout(150);
    const aging = await overflowOf(page);
    await pane().screenshot({ path: path.join(SHOTS, `${lang}-320-aging-result.png`) });
    // The whole page at 1366 × 768 with the pane at 320 px (the README's picture comes from here).
    await page.screenshot({ path: path.join(SHOTS, `${lang}-320-page.png`) });
    expect(aging.outside).toEqual([]);
    expect(aging.scrollWidth).toBeLessThanOrEqual(aging.clientWidth);

    await openView(pane(), tr("pane.tab.credit"), MORE);
    await pane()
      .getByRole("button", { name: tr("credit.pane.run") })
      .click();
    await pane()
      .getByRole("list", { name: tr("credit.pane.counts") })
      .waitFor({ state: "visible", timeout: 60000 });
    await page.waitForTimeout(150);
    const credit = await overflowOf(page);
    await pane().screenshot({ path: path.join(SHOTS, `${lang}-320-credit-result.png`) });
    expect(credit.outside).toEqual([]);
    expect(credit.scrollWidth).toBeLessThanOrEqual(credit.clientWidth);
    expect(errors).toEqual([]);
  });
});
