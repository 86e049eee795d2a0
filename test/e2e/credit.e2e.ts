/**
 * The order check as a user meets it, in headless Chromium on the workbench page (task pane
 * beside the simulated Excel host seeded with the sample book, 60 invoices, seed 1): run the
 * credit check, then check an order for a customer, and compare the status, reason and
 * available credit shown with the engine's answer for the same book.
 *
 * Screenshots: test-output/e2e/<lang>-credit-<step>.png.
 */
import * as fs from "fs";
import * as path from "path";
import { ageBook } from "../../src/engine/aging";
import { checkCredit, checkOrder, DEFAULT_CREDIT_OPTIONS } from "../../src/engine/credit/check";
import { creditStatusLabel } from "../../src/engine/credit/status";
import { serialFromIso } from "../../src/engine/dates";
import { formatMoney } from "../../src/engine/money";
import { readBook, readCreditTables } from "../../src/engine/read";
import { generateSampleBook } from "../../src/engine/sample";
import type { Lang } from "../../src/engine/types";
import { MORE, openView } from "./support/nav";
import { openWorkbench } from "./support/workbench";
import { ROOT } from "./support/build";

const TODAY = "2026-11-16";
const SHOTS = path.join(ROOT, "test-output", "e2e");

/** The engine's order check on the sample book the workbench seeds, as of today as the pane checks orders. */
function expectedOrder(lang: Lang, amountMinor: number) {
  const tables = generateSampleBook({ invoices: 60, seed: 1 });
  const book = readBook(tables, { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  // The order check counts what is owed today (the sheet is as of the month-end).
  const aging = ageBook(book, { asOf: serialFromIso(TODAY)!, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang });
  const side = readCreditTables(tables, { lang, defaultCurrency: "USD" });
  const report = checkCredit(aging, { ...DEFAULT_CREDIT_OPTIONS, defaultCurrency: "USD", orders: side.orders, rates: side.rates, lang });
  // A customer with a limit, so the answer has an available amount to show.
  const customer = report.customers.find((c) => c.limit !== null && c.status !== "blocked") ?? report.customers[0]!;
  return { customer: customer.customer, check: checkOrder(report, customer.customer, amountMinor) };
}

describe.each<Lang>(["en-US", "zh-CN"])("order check in the workbench (%s)", (lang) => {
  const { page, errors, pane, tr } = openWorkbench(lang, { today: TODAY }, { saveMapping: true });

  it("checks credit, then an order, and shows the engine's status, reason and available credit", async () => {
    await openView(pane(), tr("pane.tab.credit"), MORE);
    await pane()
      .getByRole("button", { name: tr("credit.pane.run") })
      .click();
    await pane()
      .getByRole("list", { name: tr("credit.pane.counts") })
      .waitFor({ state: "visible", timeout: 60000 });

    const { customer, check } = expectedOrder(lang, 250000);
    await pane()
      .getByRole("combobox", { name: tr("credit.pane.order.customer") })
      .fill(customer);
    await pane()
      .getByRole("textbox", { name: tr("credit.pane.order.amount") })
      .fill("2500");
    await pane()
      .getByRole("button", { name: tr("credit.pane.order.check") })
      .click();
    const result = pane().getByRole("region", { name: tr("credit.pane.order") });
    await result.waitFor({ state: "visible" });
    await result.getByText(tr("credit.pane.order.result", { status: creditStatusLabel(check.status, lang) })).waitFor();
    await result.getByText(check.reason).waitFor();
    if (check.availableAfter !== null) {
      const money = (minor: number | null) => (minor === null ? "—" : formatMoney(minor, check.currency, lang));
      await result
        .getByText(tr("credit.pane.order.available", { before: money(check.availableBefore), after: money(check.availableAfter) }))
        .waitFor();
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${lang}-credit-order.png`) });
    expect(errors).toEqual([]);
  });
});
