/**
 * The setup every browser test shares: headless Chromium, the workbench page opened in a
 * language with its query parameters (today's date, the pane's width, no pane …), the page's
 * errors watched, and the two helpers each test reaches for — the task pane and the catalog in
 * the page's language. Call {@link openWorkbench} inside a `describe` (or at a file's top level):
 * it registers the hooks that open the page before the block's tests and close it after them.
 */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import type { Lang } from "../../../src/engine/types";
import { t } from "../../../src/i18n";
import { launchChromium, watchErrors } from "./browser";
import { MORE, openView } from "./nav";

/** Query parameters of workbench.html besides `lang` (e.g. `today`, `paneWidth`, `pane: 0`). */
export type WorkbenchParams = Record<string, string | number>;

/** How the page is opened. */
export interface WorkbenchOptions {
  /** Default 1500 × 950. */
  viewport?: { width: number; height: number };
  /** What to wait for after loading: the sheet grid (default), or the pane's navigation. */
  ready?: "grid" | "pane";
  /**
   * Save the table mapping the Data view proposes before the tests, as a user does once per
   * workbook before the views that read the tables.
   */
  saveMapping?: boolean;
}

/** One workbench page, opened by the block's `beforeAll` and closed by its `afterAll`. */
export interface WorkbenchSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  /**
   * The page. It stands for the page the block opens, so it can be taken apart at the top of
   * a block (`const { page } = openWorkbench(…)`) and used in its tests and later hooks.
   */
  readonly page: Page;
  /** Uncaught page errors and console errors of the open page, for `expect(errors).toEqual([])`. */
  readonly errors: string[];
  /** The task pane. */
  pane(): Locator;
  /** A catalog message in the page's language. */
  tr(id: string, params?: Record<string, string | number>): string;
}

/**
 * The workbench page's address for `lang` and `params`, under the server the e2e setup started.
 *
 * @example
 * workbenchUrl("zh-CN", { today: "2026-11-16", paneWidth: 320 }) // "http://127.0.0.1:…/workbench.html?lang=zh-CN&today=2026-11-16&paneWidth=320"
 */
export function workbenchUrl(lang: Lang, params: WorkbenchParams = {}): string {
  const base = process.env.AR_DESK_E2E_URL;
  if (!base) throw new Error("AR_DESK_E2E_URL is not set: run through jest.e2e.config.js (npm run test:e2e)");
  const query = new URLSearchParams({ lang });
  for (const [key, value] of Object.entries(params)) query.set(key, String(value));
  return `${base}workbench.html?${query.toString()}`;
}

// One Chromium per test file, shared by its blocks while any of them is open.
let shared: Promise<Browser> | null = null;
let users = 0;

async function acquireBrowser(): Promise<Browser> {
  users++;
  shared ??= launchChromium();
  return shared;
}

async function releaseBrowser(): Promise<void> {
  users--;
  if (users > 0 || !shared) return;
  const browser = shared;
  shared = null;
  await (await browser).close();
}

/**
 * Headless Chromium for the tests of the enclosing block (launched before them, closed after
 * them), for tests that open pages of their own.
 *
 * @example
 * const browser = useBrowser();
 * it("renders", async () => { await measureFirstRender(browser(), workbenchUrl("en-US")); });
 */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await acquireBrowser();
  });
  afterAll(async () => {
    if (browser) await releaseBrowser();
  });
  return () => {
    if (!browser) throw new Error("the browser is opened in beforeAll: use it inside a test");
    return browser;
  };
}

/**
 * Opens the workbench page in `lang` with `params` before the enclosing block's tests and
 * closes it after them.
 *
 * @example
 * describe.each<Lang>(["en-US", "zh-CN"])("Insights (%s)", (lang) => {
 *   const workbench = openWorkbench(lang, { today: "2026-11-16" }, { saveMapping: true });
 *   it("analyses", async () => { await workbench.pane().getByRole("button", { name: workbench.tr("analytics.pane.run") }).click(); });
 * });
 */
export function openWorkbench(lang: Lang, params: WorkbenchParams = {}, options: WorkbenchOptions = {}): WorkbenchSession {
  let opened: { browser: Browser; context: BrowserContext; page: Page } | null = null;
  let acquired = false;
  const errors: string[] = [];
  const get = () => {
    if (!opened) throw new Error("the workbench page is opened in beforeAll: use it inside a test or a later hook");
    return opened;
  };
  // Every property read goes to the page opened now; methods are bound to it.
  const page = new Proxy({} as Page, {
    get(_, property) {
      const real = get().page;
      const value: unknown = Reflect.get(real, property, real);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
  });
  const pane = () => page.locator(".wb-pane");
  const tr = (id: string, messageParams: Record<string, string | number> = {}) => t(lang, id, messageParams);
  const session: WorkbenchSession = {
    get browser() {
      return get().browser;
    },
    get context() {
      return get().context;
    },
    page,
    errors,
    pane,
    tr,
  };

  beforeAll(async () => {
    acquired = true;
    const browser = await acquireBrowser();
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1500, height: 950 }, locale: lang });
    opened = { browser, context, page: await context.newPage() };
    errors.length = 0;
    watchErrors(opened.page, errors);
    await page.goto(workbenchUrl(lang, params));
    if (options.ready === "pane") await pane().getByRole("tablist").waitFor({ state: "visible", timeout: 60000 });
    else await page.getByRole("grid").waitFor();
    if (options.saveMapping) {
      await openView(pane(), tr("pane.tab.data"), MORE);
      await pane()
        .getByRole("button", { name: tr("pane.data.save") })
        .click();
      await pane().getByText(tr("pane.data.saved")).waitFor({ state: "visible" });
    }
  });
  afterAll(async () => {
    await opened?.context.close();
    opened = null;
    if (acquired) await releaseBrowser();
  });
  return session;
}
