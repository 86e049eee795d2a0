/**
 * Command-line parsing for ar-desk: `--name value`, `--name=value` and boolean flags, with
 * every problem reported as a UsageError carrying a cli catalog message id.
 */

/** A usage problem: exit code 2, message from the cli catalog. */
export class UsageError extends Error {
  constructor(
    readonly id: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${id} ${JSON.stringify(params)}`);
    this.name = "UsageError";
  }
}

/** Which options a command accepts: those taking a value and boolean flags. */
export interface OptionSpec {
  values: readonly string[];
  flags: readonly string[];
}

/** Parsed options: values by name (without dashes), flags as the string "true". */
export type Parsed = Map<string, string>;

/**
 * Parses options after the command word. Later occurrences of an option win.
 *
 * @example
 * parseOptions(["--as-of", "2026-10-31", "--no-auto-apply"], { values: ["as-of"], flags: ["no-auto-apply"] })
 * // Map { "as-of" => "2026-10-31", "no-auto-apply" => "true" }
 */
export function parseOptions(args: readonly string[], spec: OptionSpec): Parsed {
  const parsed: Parsed = new Map();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("--") || arg === "--") throw new UsageError("cli.error.unexpectedArgument", { value: arg });
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (spec.flags.includes(name)) {
      if (eq >= 0) throw new UsageError("cli.error.unknownOption", { option: arg });
      parsed.set(name, "true");
    } else if (spec.values.includes(name)) {
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        value = args[i + 1];
        // "-" alone is a value (standard output); other dash-words are the next option.
        if (value !== undefined && value.startsWith("--")) value = undefined;
        else i++;
      }
      if (value === undefined || value === "") throw new UsageError("cli.error.missingValue", { option: `--${name}` });
      parsed.set(name, value);
    } else {
      throw new UsageError("cli.error.unknownOption", { option: arg });
    }
  }
  return parsed;
}

/**
 * The option's value checked against a list of choices.
 *
 * @example
 * choice(new Map([["basis", "due"]]), "basis", ["due", "invoice"], "due") // "due"
 */
export function choice<T extends string>(parsed: Parsed, name: string, choices: readonly T[], fallback: T): T {
  const value = parsed.get(name);
  if (value === undefined) return fallback;
  const found = choices.find((c) => c.toLowerCase() === value.toLowerCase());
  if (!found) throw new UsageError("cli.error.badChoice", { option: `--${name}`, choices: choices.join(", "), value });
  return found;
}

/**
 * A whole-number option within [min, max].
 *
 * @example
 * wholeNumber(new Map([["invoices", "100"]]), "invoices", 1, 5_000_000) // 100
 */
export function wholeNumber(parsed: Parsed, name: string, min: number, max: number): number | undefined {
  const value = parsed.get(name);
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.replace(/_/g, "")) ? Number(value.replace(/_/g, "")) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError("cli.error.badCount", { option: `--${name}`, min, max, value });
  return n;
}

/**
 * A required option's value.
 *
 * @example
 * required(new Map([["input", "book.xlsx"]]), "input") // "book.xlsx"
 */
export function required(parsed: Parsed, name: string): string {
  const value = parsed.get(name);
  if (value === undefined) throw new UsageError("cli.error.missingOption", { option: `--${name}` });
  return value;
}
