/** Runs the ar-desk command in-process and captures what it prints. */
import { main } from "../../src/cli/main";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** 2026-11-15 12:00 UTC: the default as-of date is then 2026-10-31. */
export const FIXED_NOW = Date.UTC(2026, 10, 15, 12);

export async function run(argv: string[], isTTY = false): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY,
    now: () => FIXED_NOW,
  });
  return { code, stdout, stderr };
}
