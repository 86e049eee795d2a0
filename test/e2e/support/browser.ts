/**
 * Headless Chromium (Debian's `chromium` package) driven by playwright-core, and the workbench
 * measurements the browser tests and the bench share.
 */
import * as fs from "fs";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The Chromium to drive: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found)
    throw new Error(`Chromium not found (tried ${candidates.join(", ")}). Install the Debian package "chromium" or set CHROMIUM_PATH.`);
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** Collects uncaught page errors and console errors (into `errors`), so a test can assert there were none. */
export function watchErrors(page: Page, errors: string[] = []): string[] {
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/**
 * Milliseconds from navigation start to the task pane's first heading being visible in the
 * workbench page (a fresh page each call, so nothing is cached in memory).
 *
 * @example
 * const ms = await measureFirstRender(browser, "http://127.0.0.1:4000/workbench.html");
 */
export async function measureFirstRender(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "commit" });
    // Checked on every animation frame inside the page; performance.now() counts from the
    // navigation's start in the page's own clock.
    const handle = await page.waitForFunction(
      () => {
        const heading = document.querySelector(".wb-pane h1");
        if (!heading) return false;
        const box = heading.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && (heading.textContent ?? "").trim() !== "" ? performance.now() : false;
      },
      undefined,
      { polling: "raf", timeout: 60000 },
    );
    return Math.round((await handle.jsonValue()) as number);
  } finally {
    await context.close();
  }
}

/**
 * Reads every rendered row of the workbench grid, scrolling through it (the grid only renders
 * what is on screen). Returns cell texts by sheet row and column (0-based), "" for empty.
 */
export async function readGrid(page: Page): Promise<string[][]> {
  const grid = page.getByRole("grid");
  await grid.waitFor({ state: "visible" });
  const rows = new Map<number, string[]>();
  const total = await grid.evaluate((el) => el.scrollHeight);
  const step = await grid.evaluate((el) => Math.max(100, el.clientHeight - 60));
  for (let y = 0; ; y += step) {
    await grid.evaluate((el, top) => {
      el.scrollTop = top;
      el.dispatchEvent(new Event("scroll"));
    }, y);
    await page.waitForTimeout(30);
    const chunk = await grid.evaluate((el) =>
      Array.from(el.querySelectorAll('[role="row"]'))
        .map((row) => ({
          index: Number(row.getAttribute("aria-rowindex")) - 2,
          cells: Array.from(row.querySelectorAll('[role="gridcell"]')).map((c) => ({
            col: Number(c.getAttribute("aria-colindex")) - 2,
            text: c.textContent ?? "",
          })),
        }))
        .filter((r) => r.index >= 0),
    );
    for (const r of chunk) {
      const row = rows.get(r.index) ?? [];
      for (const c of r.cells) row[c.col] = c.text;
      rows.set(r.index, row);
    }
    if (y + step >= total) break;
  }
  await grid.evaluate((el) => {
    el.scrollTop = 0;
    el.dispatchEvent(new Event("scroll"));
  });
  const last = Math.max(
    -1,
    ...Array.from(rows.entries())
      .filter(([, cells]) => cells.some((t) => t && t.trim() !== ""))
      .map(([i]) => i),
  );
  const out: string[][] = [];
  for (let i = 0; i <= last; i++) out.push(Array.from(rows.get(i) ?? [], (t) => t ?? ""));
  return out;
}
