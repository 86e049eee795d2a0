/** Runs the ar-desk command in-process and captures what it prints. */
import { main } from "../../src/cli/main";
import { serialFromYmd } from "../../src/engine/dates";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** 2026-11-15: the default as-of date is then 2026-10-31. */
export const FIXED_TODAY = serialFromYmd(2026, 11, 15);

export async function run(argv: string[], isTTY = false): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    isTTY,
    today: () => FIXED_TODAY,
  });
  return { code, stdout, stderr };
}
