/**
 * The Insights view as a user meets it, in headless Chromium on the workbench page (task pane
 * beside the simulated Excel host seeded with the sample book, 60 invoices, seed 1): analyse the
 * last six months, see the roll-forward sheet's month chart drawn and the reps in rank order,
 * with the pane fitting its width — in English and in Chinese.
 *
 * Screenshots: test-output/e2e/<lang>-insights-<step>.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Lang } from "../../src/engine/types";
import { openWorkbench } from "./support/workbench";
import { ROOT } from "./support/build";
import { MORE, openView } from "./support/nav";

const TODAY = "2026-11-16";
const SHOTS = path.join(ROOT, "test-output", "e2e");

describe.each<Lang>(["en-US", "zh-CN"])("Insights in the workbench (%s)", (lang) => {
  const { page, errors, pane, tr } = openWorkbench(lang, { today: TODAY }, { saveMapping: true });

  it("analyses the months: the roll-forward sheet gets its month chart, the reps come in rank order, the pane fits", async () => {
    await openView(pane(), tr("pane.tab.insights"), MORE);
    await pane()
      .getByRole("button", { name: tr("analytics.pane.run") })
      .click();
    const reps = pane().getByRole("table", { name: tr("analytics.pane.reps") });
    await reps.waitFor({ state: "visible", timeout: 90000 });

    // Ranks run 1, 2, … within a currency, and the collection rate never rises down the table.
    const rows = await reps
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")));
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((row, k) => {
      const previous = rows[k - 1];
      if (previous && previous[2] === row[2]) {
        expect(Number(row[0])).toBe(Number(previous[0]) + 1);
        if (row[3] !== "—" && previous[3] !== "—") expect(Number(row[3])).toBeLessThanOrEqual(Number(previous[3]));
      } else {
        expect(row[0]).toBe("1");
      }
    });

    // No horizontal scrolling in the pane, in either language.
    const overflow = await pane()
      .locator(".wb-pane-body")
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    if (overflow > 0) {
      const wide = await pane()
        .locator(".wb-pane-body")
        .evaluate((body) => {
          const right = body.getBoundingClientRect().right;
          return Array.from(body.querySelectorAll("*"))
            .filter((el) => el.getBoundingClientRect().right > right + 1)
            .slice(0, 8)
            .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().width)}`);
        });
      process.stderr.write(`overflowing: ${wide.join(" | ")}\n`);
    }
    expect(overflow).toBeLessThanOrEqual(0);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${lang}-insights-pane.png`) });

    // The roll-forward sheet: open its tab and find the month chart of the first currency.
    const sheetName = tr("analytics.sheet.rollforward", { period: "2026-10" });
    await page
      .getByRole("tablist", { name: lang === "zh-CN" ? "工作表" : "Sheets" })
      .getByRole("tab", { name: sheetName })
      .click();
    const chart = page.getByRole("img", { name: tr("analytics.chart.rollforward", { currency: "CNY" }) });
    await chart.waitFor({ state: "attached" });
    expect(await chart.count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, `${lang}-insights-sheet.png`) });
    expect(errors).toEqual([]);
  });
});
