/**
 * Collections as a user meets it, in headless Chromium on the workbench page (task pane beside
 * the simulated Excel host seeded with the sample book): build the worklist, see the warnings
 * badge, log a promise from the pane and see the worklist change on the next run, write a
 * letter; and the view fits a 320 px pane without scrolling sideways.
 *
 * Screenshots: test-output/e2e/<lang>-collections-<step>.png.
 */
import * as fs from "fs";
import * as path from "path";
import type { Lang } from "../../src/engine/types";
import { openWorkbench } from "./support/workbench";
import { ROOT } from "./support/build";
import { MORE, openView } from "./support/nav";

const TODAY = "2026-11-16";
const SHOTS = path.join(ROOT, "test-output", "e2e");

describe.each<Lang>(["en-US", "zh-CN"])("collections in the workbench (%s)", (lang) => {
  const { page, errors, pane, tr } = openWorkbench(lang, { today: TODAY });
  const sheetTabs = () => page.getByRole("tablist", { name: lang === "zh-CN" ? "工作表" : "Sheets" });
  const worklist = () => pane().getByRole("list", { name: tr("collections.sheet.title") });

  it("builds the worklist with a warnings badge, logs a promise that the next run honours, and writes a letter", async () => {
    await openView(pane(), tr("pane.tab.collections"), MORE);
    await pane()
      .getByRole("button", { name: tr("collections.pane.run") })
      .click();
    await worklist().waitFor({ state: "visible", timeout: 60000 });
    await expect(
      sheetTabs()
        .getByRole("tab", { name: tr("collections.sheet.name", { period: "2026-11" }) })
        .count(),
    ).resolves.toBe(1);
    const badge = pane().getByText(new RegExp(`^${tr("collections.pane.warnings", { count: 999 }).replace("999", "\\d+")}$`));
    await badge.waitFor();

    // The first customer chased in USD: promise more than it owes, until next week.
    const lines = worklist().getByRole("listitem");
    const count = await lines.count();
    expect(count).toBeGreaterThan(0);
    let target = -1;
    for (let k = 0; k < count && target < 0; k++)
      if (
        /USD/.test((await lines.nth(k).textContent()) ?? "") &&
        !(await lines.nth(k).textContent())!.includes(tr("collections.pane.noStage"))
      )
        target = k;
    expect(target).toBeGreaterThanOrEqual(0);
    const button = lines.nth(target).getByRole("button");
    const label = (await button.textContent())!;
    const customer = label.replace(/^\d+\.\s*/, "");
    await button.click();
    const region = pane().getByRole("region", { name: tr("collections.pane.items", { customer }) });
    await region.waitFor();
    await region.getByRole("button", { name: tr("collections.pane.log") }).click();
    const form = region.getByRole("form", { name: tr("collections.pane.log") });
    await form.getByRole("combobox", { name: tr("collections.log.column.type") }).selectOption("promise");
    await form.getByRole("textbox", { name: tr("collections.log.column.amount") }).fill("10000000");
    await form.getByLabel(tr("collections.log.column.until")).fill("2026-11-23");
    await form.getByRole("button", { name: tr("collections.pane.save") }).click();
    await pane()
      .getByText(new RegExp(tr("collections.pane.logged", { table: "XXX", row: 999 }).replace("XXX", ".+").replace("999", "\\d+")))
      .waitFor();
    await expect(
      sheetTabs()
        .getByRole("tab", { name: tr("collections.log.sheet") })
        .count(),
    ).resolves.toBe(1);

    await pane()
      .getByRole("button", { name: tr("collections.pane.run") })
      .click();
    await pane()
      .getByText(
        new RegExp(
          tr("collections.pane.written", { sheet: tr("collections.sheet.name", { period: "2026-11" }), count: 999 }).replace("999", "\\d+"),
        ),
      )
      .waitFor();
    await pane()
      .getByRole("combobox", { name: tr("collections.pane.stage") })
      .selectOption("none");
    await worklist()
      .getByRole("button", { name: new RegExp(`^\\d+\\. ${customer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) })
      .waitFor();
    await pane()
      .getByRole("combobox", { name: tr("collections.pane.stage") })
      .selectOption("all");

    await worklist().getByRole("listitem").first().getByRole("button").click();
    await pane()
      .getByRole("button", { name: tr("collections.pane.letter"), exact: true })
      .click();
    await pane()
      .getByText(tr("collections.pane.lettersWritten", { sheet: tr("collections.letters.sheet", { period: "2026-11" }) }))
      .waitFor({ timeout: 60000 });
    await expect(
      sheetTabs()
        .getByRole("tab", { name: tr("collections.letters.sheet", { period: "2026-11" }) })
        .count(),
    ).resolves.toBe(1);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${lang}-collections-letter.png`) });
    expect(errors).toEqual([]);
  });

  it("fits a 320 px pane: nothing in the view is wider than the pane", async () => {
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>(".wb-pane");
      if (el) {
        el.style.width = "320px";
        el.style.minWidth = "320px";
        el.style.maxWidth = "320px";
      }
    });
    const section = pane()
      .getByRole("region", { name: tr("collections.pane.tab") })
      .or(pane().locator(`section[aria-label="${tr("collections.pane.tab")}"]`))
      .first();
    const overflow = await section.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, `${lang}-collections-320.png`) });
  });
});
