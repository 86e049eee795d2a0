// The folder rules of docs/ARCHITECTURE.md as import zones (eslint-plugin-import-x
// no-restricted-paths): a file under `target` — at any depth — may not import from `from`.
// Paths are relative to the repository root. Kept apart from eslint.config.mjs so the rules read
// as a table, and so test/lint/zones.test.ts can plant a violation for every zone.
const ROOT = import.meta.dirname;

const SRC = ["engine", "i18n", "app", "excel", "file", "cli", "functions", "taskpane", "commands", "host", "workbench"];

/** Folders of src/ other than the allowed ones. */
const except = (...allowed) => SRC.filter((folder) => !allowed.includes(folder)).map((folder) => `./src/${folder}`);

/** The parts of src/app the adapters implement or share: the port, settings' shape, cancellation. */
const APP_CONTRACTS = ["./port.ts", "./settings.ts", "./cancel.ts"];

const zone = (target, from, message, extra = {}) => ({ target: `./src/${target}`, from, message, ...extra });

export const IMPORT_ZONES = [
  zone("engine", except("engine", "i18n"), "src/engine is pure: it imports only engine/ and i18n/."),
  zone("i18n", except("i18n"), "src/i18n is data and formatting: it imports only i18n/."),
  zone(
    "app",
    except("app", "engine", "i18n"),
    "src/app (use cases) imports only engine/, i18n/ and its own port: never an adapter or a front end.",
  ),
  ...["excel", "file"].flatMap((adapter) => [
    zone(
      adapter,
      except(adapter, "engine", "i18n", "app"),
      `src/${adapter} is an adapter: it imports engine/, i18n/ and the port's contracts.`,
    ),
    zone(
      adapter,
      "./src/app",
      `src/${adapter} implements the port: it may import app/port, app/settings and app/cancel, never a use case.`,
      { except: APP_CONTRACTS },
    ),
  ]),
  zone(
    "taskpane",
    except("taskpane", "app", "excel", "host", "i18n", "engine"),
    "src/taskpane calls app/ for use cases, excel/ for the workbook, host/ for the clock and Office: never commands/, cli/, file/ or the workbench.",
  ),
  zone(
    "commands",
    except("commands", "app", "excel", "host", "i18n", "engine"),
    "src/commands holds ribbon handlers over app/, excel/ and host/ only.",
  ),
  zone(
    "cli",
    except("cli", "app", "file", "engine", "i18n", "host"),
    "src/cli calls app/ through file/'s port: never Office.js, the task pane or the ribbon.",
  ),
  zone(
    "functions",
    except("functions", "engine", "i18n", "host"),
    "Custom functions call the engine only and never write to the workbook.",
  ),
  zone("functions", "./src/host", "Custom functions take only the clock from src/host.", { except: ["./clock.ts"] }),
  zone(
    "host",
    except("host", "engine", "excel"),
    "src/host knows the Office host and the clock: it imports engine/ and excel/'s types only.",
  ),
  {
    target: "./bench",
    from: ["./src/taskpane", "./src/commands"],
    message: "Benchmarks measure use cases, adapters and built bundles, not components.",
  },
  {
    target: "./scripts",
    from: ["./src", "./test", "./bench"],
    message: "Build scripts are plain Node over files: they import no project code.",
  },
].map((z) => ({ ...z, target: resolve(z.target), from: [z.from].flat().map(resolve) }));

function resolve(relative) {
  return `${ROOT}/${relative.replace(/^\.\//, "")}`;
}
