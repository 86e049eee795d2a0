import { UsageError, choice, parseOptions, wholeNumber } from "../../src/cli/args";
import { progressLine } from "../../src/cli/progress";

const spec = { values: ["input", "json"], flags: ["clean"] };

describe("parseOptions", () => {
  it("reads --name value, --name=value, flags and '-' as a value", () => {
    expect([...parseOptions(["--input=a.xlsx", "--clean", "--json", "-"], spec)]).toEqual([
      ["input", "a.xlsx"],
      ["clean", "true"],
      ["json", "-"],
    ]);
  });
  it.each([
    [["--input"], "cli.error.missingValue"],
    [["--input", "--clean"], "cli.error.missingValue"],
    [["--input="], "cli.error.missingValue"],
    [["--clean=yes"], "cli.error.unknownOption"],
    [["--nope"], "cli.error.unknownOption"],
    [["stray"], "cli.error.unexpectedArgument"],
  ])("rejects %j with %s", (args, id) => {
    expect(() => parseOptions(args, spec)).toThrow(UsageError);
    try {
      parseOptions(args, spec);
    } catch (error) {
      expect((error as UsageError).id).toBe(id);
    }
  });
});

describe("option values", () => {
  it("matches choices case-insensitively and checks whole numbers", () => {
    expect(choice(new Map([["basis", "INVOICE"]]), "basis", ["due", "invoice"], "due")).toBe("invoice");
    expect(choice(new Map(), "basis", ["due", "invoice"], "due")).toBe("due");
    expect(wholeNumber(new Map([["n", "1_000"]]), "n", 1, 5000)).toBe(1000);
    expect(() => wholeNumber(new Map([["n", "0"]]), "n", 1, 5000)).toThrow(UsageError);
    expect(() => wholeNumber(new Map([["n", "2.5"]]), "n", 1, 5000)).toThrow(UsageError);
  });
});

describe("progressLine", () => {
  it("fills the bar further at each stage", () => {
    const filled = (stage: "read" | "compute" | "write"): number => (progressLine(stage, "en-US").match(/#/g) ?? []).length;
    expect(filled("read")).toBeLessThan(filled("compute"));
    expect(filled("compute")).toBeLessThan(filled("write"));
    expect(progressLine("write", "zh-CN")).toContain("写入");
  });
});
