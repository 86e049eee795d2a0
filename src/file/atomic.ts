/**
 * Safe output: write a temporary file beside the target, then rename it into place, so a
 * failed run never leaves a half-written file; and never write over one of the run's inputs.
 */
import { randomBytes } from "node:crypto";
import { realpathSync } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import * as path from "node:path";
import { FileError } from "./errors";

/** Temporary files being written now, for removal when the process is interrupted. */
const active = new Set<string>();

/**
 * The temporary files of writes in progress (a SIGINT handler removes them).
 *
 * @example
 * for (const file of activeTempFiles()) unlinkSync(file);
 */
export function activeTempFiles(): string[] {
  return [...active];
}

/**
 * Runs `write(temp)` on a temporary file in the target's folder and renames it over `file`;
 * removes the temporary file when writing fails. Refuses a target that is one of `inputs`.
 *
 * @example
 * await writeAtomically("out.xlsx", ["in.xlsx"], (temp) => workbook.xlsx.writeFile(temp));
 */
export async function writeAtomically(file: string, inputs: readonly string[], write: (temp: string) => Promise<void>): Promise<void> {
  const target = canonical(file);
  if (inputs.some((input) => canonical(input) === target)) throw new FileError("cli.out.sameAsInput", file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  active.add(temp);
  try {
    await write(temp);
    await rename(temp, target);
    active.delete(temp);
  } catch (error) {
    active.delete(temp);
    await unlink(temp).catch(() => undefined);
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) throw new FileError("cli.out.unwritable", file, code);
    throw error;
  }
}

/** Absolute path with symlinks resolved where the file (or its folder) exists. */
function canonical(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}
