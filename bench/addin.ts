/**
 * Add-in benchmarks for `npm run bench`:
 * - the task pane's production bundle: every script taskpane.html — the shared runtime page —
 *   loads (webpack runtime, shared chunks, task pane, ribbon commands, custom functions), raw
 *   and gzip-compressed, from a production build;
 * - the task pane's first render in headless Chromium: navigation start to the pane's first
 *   heading visible, on the workbench page of a production build (median of several loads).
 *
 * Two production builds run (one without and one with the workbench page), so this takes a
 * minute or two. The production build is also checked to contain no workbench code.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { buildAddin } from "../test/e2e/support/build";
import { launchChromium, measureFirstRender } from "../test/e2e/support/browser";
import { serveStatic } from "../test/e2e/support/server";

const RENDER_RUNS = 5;

/** Scripts a built HTML page loads (local src attributes only; office.js comes from its CDN). */
export function pageScripts(dir: string, page: string): string[] {
  const html = fs.readFileSync(path.join(dir, page), "utf8");
  // Minified HTML may leave attribute values unquoted.
  return Array.from(html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g), (m) => (m[1] ?? m[2] ?? m[3])!).filter(
    (src) => !/^(https?:)?\/\//.test(src),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

export async function benchAddin(): Promise<Record<string, number | string>> {
  const result: Record<string, number | string> = {};

  // 1. Production bundle of the task pane page.
  // The development base URL keeps the manifest as it is (and the build quiet about it).
  const prod = await buildAddin({ mode: "production", workbench: false, baseUrl: "https://localhost:3000/" });
  try {
    result["addin.build.productionMs"] = prod.ms;
    const scripts = pageScripts(prod.dir, "taskpane.html");
    if (scripts.length === 0) throw new Error("taskpane.html loads no scripts");
    let raw = 0;
    let gzip = 0;
    for (const src of scripts) {
      const bytes = fs.readFileSync(path.join(prod.dir, src));
      raw += bytes.length;
      gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    }
    result["addin.taskpane.scripts"] = scripts.length;
    result["addin.taskpane.bundleKB"] = kb(raw);
    result["addin.taskpane.bundleGzipKB"] = kb(gzip);
    const emitted = fs.readdirSync(prod.dir);
    if (emitted.some((f) => /workbench/i.test(f))) throw new Error(`The production build contains workbench files: ${emitted.join(", ")}`);
  } finally {
    fs.rmSync(prod.dir, { recursive: true, force: true });
  }

  // 2. First render of the task pane in Chromium (production React, workbench host).
  const withPage = await buildAddin({ mode: "production", workbench: true, baseUrl: "https://localhost:3000/" });
  const server = await serveStatic(withPage.dir);
  const browser = await launchChromium();
  try {
    const url = `${server.url}workbench.html?lang=en-US`;
    await measureFirstRender(browser, url); // warm-up: disk cache, JIT
    const times: number[] = [];
    for (let i = 0; i < RENDER_RUNS; i++) times.push(await measureFirstRender(browser, url));
    result["addin.taskpane.firstRenderMs"] = median(times);
    result["addin.taskpane.firstRenderMinMs"] = Math.min(...times);
    result["addin.chromium"] = browser.version();
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(withPage.dir, { recursive: true, force: true });
  }
  return result;
}

if (require.main === module) {
  benchAddin().then(
    (r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
