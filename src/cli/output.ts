/**
 * The one way a command hands its result over: the report workbook (`--out`), the JSON (`--json`
 * to a file, or `-` for standard output), then the terminal summary, the files written and the
 * timing line. With `--json -` standard output carries only the JSON, so the summary goes to
 * standard error.
 */
import { writeFile } from "node:fs/promises";
import type { Lang, SheetModel } from "../engine/types";
import { writeAtomically } from "../file/atomic";
import { writeReportWorkbook } from "../file/write";
import { t } from "../i18n";
import type { Parsed } from "./args";
import type { Progress } from "./progress";

/** Where a command writes. */
export interface OutputIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** performance.now() marks of a run, for the "read … compute … write" line. */
export interface RunTimings {
  started: number;
  readDone: number;
  computeDone: number;
}

/** What a command produced. */
export interface CommandOutput {
  /** The sheets of `--out`. */
  sheets: readonly SheetModel[];
  /** The value of `--json`. */
  json: unknown;
  /** Summary lines, printed first. */
  summary: readonly string[];
  /** Lines printed after the files written (e.g. problems with a side table). */
  notes?: readonly string[];
  /** Prints the timing line when given. */
  timings?: RunTimings;
}

/**
 * The JSON text a command writes: two-space indented, one final newline.
 *
 * @example
 * jsonText({ a: 1 }) // '{\n  "a": 1\n}\n'
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Seconds with two decimals, as the timing line shows them.
 *
 * @example
 * seconds(1234.5) // "1.23"
 */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

/**
 * Writes `--out` and `--json` as `parsed` asks, never over one of `inputs`, then the summary.
 *
 * @example
 * await writeOutputs(parsed, io, "en-US", ["book.xlsx"], { sheets, json, summary, timings }, progress);
 */
export async function writeOutputs(
  parsed: Parsed,
  io: OutputIO,
  lang: Lang,
  inputs: readonly string[],
  output: CommandOutput,
  progress?: Progress,
): Promise<void> {
  progress?.stage("write");
  const out = parsed.get("out");
  const json = parsed.get("json");
  const written: string[] = [];
  if (out) {
    await writeReportWorkbook(output.sheets, out, { inputs });
    written.push(t(lang, "cli.written.report", { file: out }));
  }
  if (json === "-") io.stdout.write(jsonText(output.json));
  else if (json) {
    await writeAtomically(json, inputs, (temp) => writeFile(temp, jsonText(output.json), "utf8"));
    written.push(t(lang, "cli.written.json", { file: json }));
  }
  const writeDone = performance.now();
  progress?.done();

  const lines = [...output.summary, ...written, ...(output.notes ?? [])];
  const time = output.timings;
  if (time) {
    lines.push(
      t(lang, "cli.timing", {
        read: seconds(time.readDone - time.started),
        compute: seconds(time.computeDone - time.readDone),
        write: seconds(writeDone - time.computeDone),
      }),
    );
  }
  (json === "-" ? io.stderr : io.stdout).write(`${lines.join("\n")}\n`);
}
