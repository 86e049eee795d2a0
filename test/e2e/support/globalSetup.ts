/**
 * Builds the workbench once for all browser tests and serves it; the tests read the address
 * from AR_DESK_E2E_URL. AR_DESK_E2E_DIST=dir skips the build and serves that directory.
 */
import * as fs from "fs";
import { buildAddin } from "./build";
import { serveStatic } from "./server";
import type { StaticServer } from "./server";

export default async function globalSetup(): Promise<void> {
  let dir = process.env.AR_DESK_E2E_DIST;
  let built = false;
  if (!dir) {
    const t0 = Date.now();
    dir = (await buildAddin({ mode: "development", workbench: true })).dir;
    built = true;
    process.stderr.write(`\nBuilt the workbench in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${dir}\n`);
  }
  if (!fs.existsSync(`${dir}/workbench.html`))
    throw new Error(`${dir} has no workbench.html: build with --mode development or --env workbench`);
  const server = await serveStatic(dir);
  process.env.AR_DESK_E2E_URL = server.url;
  (globalThis as { __arDeskE2E?: { server: StaticServer; dir: string; built: boolean } }).__arDeskE2E = { server, dir, built };
}
