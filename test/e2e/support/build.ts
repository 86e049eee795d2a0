/**
 * Builds the add-in with the workbench page into a directory (webpack's Node API, the same
 * webpack.config.js as `npm run build`), for the browser tests and the bench.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..", "..");

export interface BuildResult {
  dir: string;
  ms: number;
  /** Emitted files (relative paths) with their sizes in bytes. */
  assets: Array<{ name: string; size: number }>;
}

interface WebpackStats {
  hasErrors(): boolean;
  toString(options: unknown): string;
  toJson(options: unknown): { assets?: Array<{ name: string; size: number }> };
}

/**
 * Runs one webpack build. `workbench` adds workbench.html (always present in development).
 *
 * @example
 * const { dir } = await buildAddin({ mode: "development", workbench: true });
 */
export async function buildAddin(options: {
  mode: "development" | "production";
  workbench: boolean;
  outDir?: string;
  baseUrl?: string;
}): Promise<BuildResult> {
  const dir = options.outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "ardesk-build-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require(path.join(ROOT, "node_modules", "webpack")) as (config: unknown) => {
    run(cb: (err: Error | null, stats?: WebpackStats) => void): void;
    close(cb: (err?: Error | null) => void): void;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => Promise<Record<string, unknown>>;
  const env: Record<string, unknown> = { outputPath: dir };
  if (options.workbench) env.workbench = true;
  if (options.baseUrl) env.baseUrl = options.baseUrl;
  const cwd = process.cwd();
  process.chdir(ROOT); // entries and plugin paths are relative to the project
  const t0 = Date.now();
  try {
    const config = await configure(env, { mode: options.mode });
    config.context = ROOT;
    config.infrastructureLogging = { level: "error" };
    const stats = await new Promise<WebpackStats>((resolve, reject) => {
      const compiler = webpack(config);
      compiler.run((err, result) => {
        compiler.close(() => undefined);
        if (err) reject(err);
        else if (!result) reject(new Error("webpack returned no stats"));
        else if (result.hasErrors()) reject(new Error(result.toString({ all: false, errors: true, errorDetails: true })));
        else resolve(result);
      });
    });
    const assets = (stats.toJson({ all: false, assets: true }).assets ?? []).map((a) => ({ name: a.name, size: a.size }));
    return { dir, ms: Date.now() - t0, assets };
  } finally {
    process.chdir(cwd);
  }
}
