/**
 * The folder rules hold by path, for files at any depth: a forbidden import planted in a
 * sub-folder fails lint, an allowed one passes, and an import loop in src/ fails. The planted
 * files exist only as text handed to ESLint under a path (nothing is written to the tree).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

type Case = [file: string, source: string];

/** The rule ids ESLint reports for each source linted as the file at its path (one child process for all). */
function lintAll(cases: readonly Case[]): string[][] {
  const input = JSON.stringify(cases.map(([file, source]) => ({ file, source })));
  const run = spawnSync(process.execPath, [path.join(__dirname, "lintTexts.mjs")], { cwd: ROOT, input, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`lint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const FORBIDDEN: Case[] = [
  ["src/engine/read/planted.ts", 'import { excelPort } from "../../excel";\nexport const x = excelPort;\n'],
  ["src/engine/credit/planted.ts", 'import { ribbonActions } from "../../commands/ribbon";\nexport const x = ribbonActions;\n'],
  ["src/engine/report/deep/planted.ts", 'import { runAging } from "../../../app/aging";\nexport const x = runAging;\n'],
  ["src/i18n/catalog/planted.ts", 'import { ageBook } from "../../engine/aging";\nexport const x = ageBook;\n'],
  ["src/app/sub/planted.ts", 'import { readWorkbookTables } from "../../excel/read";\nexport const x = readWorkbookTables;\n'],
  ["src/app/planted.ts", 'import { filePort } from "../file/port";\nexport const x = filePort;\n'],
  ["src/excel/sub/planted.ts", 'import { runAging } from "../../app/aging";\nexport const x = runAging;\n'],
  ["src/file/planted.ts", 'import { excelPort } from "../excel/port";\nexport const x = excelPort;\n'],
  ["src/taskpane/hooks/planted.ts", 'import { runMonthlyAging } from "../../commands/monthlyAging";\nexport const x = runMonthlyAging;\n'],
  ["src/taskpane/components/deep/planted.ts", 'import { filePort } from "../../../file/port";\nexport const x = filePort;\n'],
  ["src/commands/sub/planted.ts", 'import { createWorkbench } from "../../workbench/host";\nexport const x = createWorkbench;\n'],
  ["src/cli/sub/planted.ts", 'import { excelPort } from "../../excel/port";\nexport const x = excelPort;\n'],
  ["src/functions/logic/planted.ts", 'import { createWorkbench } from "../../workbench/host";\nexport const x = createWorkbench;\n'],
  ["src/functions/logic/planted2.ts", 'import { officeRun } from "../../host/office";\nexport const x = officeRun;\n'],
  ["src/host/planted.ts", 'import { App } from "../taskpane/App";\nexport const x = App;\n'],
  ["bench/planted.ts", 'import { App } from "../src/taskpane/App";\nexport const x = App;\n'],
  ["scripts/planted.js", 'const { ageBook } = require("../src/engine/aging");\nmodule.exports = ageBook;\n'],
];

const ALLOWED: Case[] = [
  ["src/engine/read/planted.ts", 'import { t } from "../../i18n";\nimport { ageBook } from "../aging";\nexport const x = [t, ageBook];\n'],
  [
    "src/app/sub/planted.ts",
    'import type { WorkbookPort } from "../port";\nimport { ageBook } from "../../engine/aging";\nexport const x: [WorkbookPort | null, unknown] = [null, ageBook];\n',
  ],
  [
    "src/excel/sub/planted.ts",
    'import type { WorkbookPort } from "../../app/port";\nimport { CancelledError } from "../../app/cancel";\nexport const x: [WorkbookPort | null, unknown] = [null, CancelledError];\n',
  ],
  [
    "src/taskpane/hooks/planted.ts",
    'import { runAging } from "../../app/aging";\nimport { excelPort } from "../../excel";\nimport { systemToday } from "../../host/clock";\nexport const x = [runAging, excelPort, systemToday];\n',
  ],
  [
    "src/cli/sub/planted.ts",
    'import { runAging } from "../../app/aging";\nimport { filePort } from "../../file/port";\nexport const x = [runAging, filePort];\n',
  ],
  ["src/functions/logic/planted.ts", 'import { systemToday } from "../../host/clock";\nexport const x = systemToday;\n'],
];

// engine/aging.ts imports engine/columns.ts: columns importing aging closes a loop; elsewhere it does not.
const AGING_IMPORT = 'import { ageBook } from "./aging";\nexport const x = ageBook;\n';
const LOOP: Case = ["src/engine/columns.ts", AGING_IMPORT];
const NO_LOOP: Case = ["src/engine/planted.ts", AGING_IMPORT];

let results: string[][] = [];

// One ESLint run for every case; it resolves imports as TypeScript does, which takes a while
// on a busy machine.
beforeAll(() => {
  results = lintAll([...FORBIDDEN, ...ALLOWED, LOOP, NO_LOOP]);
}, 180_000);

const resultOf = (index: number): string[] => {
  const ids = results[index];
  if (!ids) throw new Error(`no lint result for case ${index}`);
  return ids;
};

describe("import zones", () => {
  it.each(FORBIDDEN.map(([file], k) => [file, k] as const))("%s: a forbidden import fails", (_file, k) => {
    expect(resultOf(k)).toContain("import-x/no-restricted-paths");
  });

  it.each(ALLOWED.map(([file], k) => [file, FORBIDDEN.length + k] as const))("%s: an allowed import passes", (_file, k) => {
    expect(resultOf(k)).toEqual([]);
  });
});

describe("import cycles", () => {
  it("fail a loop in src/", () => {
    expect(resultOf(FORBIDDEN.length + ALLOWED.length)).toContain("import-x/no-cycle");
  });

  it("pass the same import where it makes no loop", () => {
    expect(resultOf(FORBIDDEN.length + ALLOWED.length + 1)).toEqual([]);
  });
});
