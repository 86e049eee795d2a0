/**
 * Statements as a user makes them, in headless Chromium on the workbench page (task pane beside
 * the simulated Excel host seeded with the sample book, 60 invoices, seed 1): October statements
 * for one sales rep's customers, written to "AR Statements 2026-10" with one printed page per
 * customer (manual page breaks), compared with the engine's statements for the same book.
 *
 * Screenshots: test-output/e2e/<lang>-statements.png.
 */
import * as fs from "fs";
import * as path from "path";
import { serialFromIso } from "../../src/engine/dates";
import { formatMoney } from "../../src/engine/money";
import { readBook } from "../../src/engine/read";
import { generateSampleBook } from "../../src/engine/sample";
import { buildStatements } from "../../src/engine/statements";
import type { Lang } from "../../src/engine/types";
import { openWorkbench } from "./support/workbench";
import { ROOT } from "./support/build";
import { MORE, openView } from "./support/nav";

const TODAY = "2026-11-16";
const SHOTS = path.join(ROOT, "test-output", "e2e");

/** The rep with the most statements in October, and the engine's statements for that rep. */
function expected(lang: Lang) {
  const tables = generateSampleBook({ invoices: 60, seed: 1 });
  const book = readBook(tables, { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  const options = {
    from: serialFromIso("2026-10-01")!,
    to: serialFromIso("2026-10-31")!,
    basis: "due" as const,
    boundaries: [30, 60, 90],
    autoApply: true,
    lang,
  };
  const byRep = book.salesReps.map((rep) => ({ rep, set: buildStatements(book, { ...options, salesRep: rep }) }));
  byRep.sort((a, b) => b.set.statements.length - a.set.statements.length);
  return byRep[0]!;
}

describe.each<Lang>(["en-US", "zh-CN"])("statements in the workbench (%s)", (lang) => {
  const { page, errors, pane, tr } = openWorkbench(lang, { today: TODAY }, { saveMapping: true });

  it("writes a sales rep's statements on one sheet, one printed page per customer", async () => {
    const { rep, set } = expected(lang);
    expect(set.statements.length).toBeGreaterThan(1);
    await openView(pane(), tr("pane.tab.statements"), MORE);
    await pane()
      .getByRole("radio", { name: tr("statements.pane.scope.rep") })
      .check();
    await pane()
      .getByRole("textbox", { name: tr("statements.pane.rep") })
      .fill(rep);
    await pane()
      .getByRole("button", { name: tr("statements.pane.run") })
      .click();
    const sheet = lang === "en-US" ? "AR Statements 2026-10" : "对账单 2026-10";
    await pane()
      .getByText(tr("statements.pane.done", { count: set.statements.length, sheet }))
      .waitFor({ state: "visible", timeout: 60000 });

    // The pane lists each customer's closing balance as the engine computes it.
    const list = pane().getByRole("list", { name: tr("statements.pane.list") });
    for (const s of set.statements.slice(0, 20))
      await list.getByText(`${s.customer}: ${formatMoney(s.closing, s.currency, lang)}`).waitFor();

    // The sheet is active, and prints one page per customer.
    await page.getByRole("tab", { name: sheet, selected: true }).waitFor();
    await page
      .getByRole("status")
      .getByText(`${lang === "en-US" ? "Printed pages (manual breaks): " : "打印页数（手动分页）："}${set.statements.length}`)
      .waitFor();
    // The view fits a 320 px task pane: nothing in it is wider than the pane.
    await pane().evaluate((el) => ((el as HTMLElement).style.width = "320px"));
    const section = pane().getByRole("region", { name: tr("statements.pane.title"), exact: true });
    const overflow = await section.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const paneBody = await pane().evaluate((el) => el.getBoundingClientRect().right);
    const widest = await section.evaluate((el) =>
      Math.max(...Array.from(el.querySelectorAll("*")).map((child) => child.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(paneBody);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${lang}-statements.png`) });
    expect(errors).toEqual([]);
  });
});
