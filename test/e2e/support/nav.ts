/**
 * Opening a view of the task pane as a user does: its tab when the tab fits the pane, else
 * the "More" menu's entry.
 */
import type { Locator } from "playwright-core";

/** The navigation's "More" button ("More sections (3)"), in either language. */
export const MORE = /^(More sections|更多功能区)/;

/**
 * Opens the view named `name` in `pane` (the workbench's task pane element).
 *
 * @example
 * await openView(page.locator(".wb-pane"), "Reconcile", "More sections");
 */
export async function openView(pane: Locator, name: string, moreLabel: RegExp): Promise<void> {
  const tab = pane.getByRole("tab", { name, exact: true });
  await pane.getByRole("tablist").waitFor({ state: "visible" });
  if ((await tab.count()) > 0 && (await tab.isVisible())) {
    await tab.click();
    return;
  }
  await pane.getByRole("button", { name: moreLabel }).click();
  // The menu is a portal outside the pane.
  await pane.page().getByRole("menuitemradio", { name, exact: true }).click();
}
