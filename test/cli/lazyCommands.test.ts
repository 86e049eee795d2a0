/**
 * The ar-desk command loads each command's module only when that command runs: `aging` and
 * `sample` (and --version, --help) start without loading statements, collections, analytics,
 * credit, reconciliation and tie-out. Here every such module fails as it is loaded.
 */
import { run } from "./run";

jest.mock("../../src/cli/statements", () => failToLoad("statements"));
jest.mock("../../src/cli/collections", () => failToLoad("collections"));
jest.mock("../../src/cli/analytics", () => failToLoad("analytics"));
jest.mock("../../src/cli/credit", () => failToLoad("credit"));
jest.mock("../../src/cli/reconcile", () => failToLoad("reconcile"));
jest.mock("../../src/cli/tieout", () => failToLoad("tieout"));

function failToLoad(name: string): never {
  throw new Error(`the ${name} module was loaded`);
}

describe("ar-desk loads a command's module only when that command runs", () => {
  it.each([[["--version"]], [["--help"]], [["help", "aging"]]])("starts without the other commands' modules: %j", async (argv) => {
    const result = await run(argv);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it.each([
    ["statements", "statements"],
    ["collections", "collections"],
    ["kpi", "analytics"],
    ["credit", "credit"],
    ["reconcile", "reconcile"],
    ["tieout", "tieout"],
  ])("loads its module when `%s` runs", async (command, module) => {
    const result = await run([command, "--input", "book.xlsx"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`the ${module} module was loaded`);
  });
});
