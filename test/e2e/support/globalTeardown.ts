/** Stops the static server and removes the temporary build. */
import * as fs from "fs";
import type { StaticServer } from "./server";

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __arDeskE2E?: { server: StaticServer; dir: string; built: boolean } }).__arDeskE2E;
  if (!state) return;
  await state.server.close();
  if (state.built) fs.rmSync(state.dir, { recursive: true, force: true });
}
