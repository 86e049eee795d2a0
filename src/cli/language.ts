/**
 * Options read from the raw command line before a command parses its own: the --lang check
 * (a language AR Desk does not have is a usage error, never silently English) and the output
 * options every command shares.
 */
import type { Lang } from "../engine/types";
import { UsageError } from "./args";

/** Languages of the messages and sheets. */
export const SUPPORTED_LANGS: readonly Lang[] = ["en-US", "zh-CN"];

/** Values of option `name` on the line, as `--name value` or `--name=value`. */
function valuesOf(argv: readonly string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
    else if (arg === name && i + 1 < argv.length) values.push(argv[i + 1] as string);
  }
  return values;
}

/**
 * Throws a usage error when --lang names a language AR Desk does not have (case is ignored).
 *
 * @example
 * checkLanguage(["aging", "--lang", "fr-FR"]) // throws UsageError "cli.error.badLang"
 */
export function checkLanguage(argv: readonly string[]): void {
  for (const value of valuesOf(argv, "--lang")) {
    if (!SUPPORTED_LANGS.some((lang) => lang.toLowerCase() === value.toLowerCase())) {
      throw new UsageError("cli.error.badLang", { value, choices: SUPPORTED_LANGS.join(", ") });
    }
  }
}

/**
 * The output options on the line (--out, --json), last value of each.
 *
 * @example
 * outputsOf(["aging", "--out", "a.xlsx", "--json=-"]) // { "--out": "a.xlsx", "--json": "-" }
 */
export function outputsOf(argv: readonly string[]): Record<string, string | undefined> {
  return { "--out": valuesOf(argv, "--out").pop(), "--json": valuesOf(argv, "--json").pop() };
}
