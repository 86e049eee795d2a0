/**
 * A one-line progress bar on stderr for terminals: stages read, compute, write.
 * Silent when stderr is not a terminal, so logs and pipes stay clean.
 */
import type { Lang } from "../engine/types";
import { t } from "../i18n";

export type Stage = "read" | "compute" | "write";

const STAGES: readonly Stage[] = ["read", "compute", "write"];
const WIDTH = 24;

/** Where the bar is drawn. */
export interface ProgressTarget {
  write(text: string): unknown;
}

/**
 * The bar text for a stage: the stages before it are complete.
 *
 * @example
 * progressLine("compute", "en-US") // "[########----------------] Computing…"
 */
export function progressLine(stage: Stage, lang: Lang): string {
  const filled = Math.round(((STAGES.indexOf(stage) + 0.5) / STAGES.length) * WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${t(lang, `cli.progress.${stage}`)}…`;
}

/**
 * Draws stages on one terminal line and clears it when done; does nothing when `enabled` is false.
 *
 * @example
 * const bar = new Progress(process.stderr, process.stderr.isTTY, "en-US"); bar.stage("read"); bar.done();
 */
export class Progress {
  constructor(
    private readonly target: ProgressTarget,
    private readonly enabled: boolean,
    private readonly lang: Lang,
  ) {}

  stage(stage: Stage): void {
    if (this.enabled) this.target.write(`\r\x1b[K${progressLine(stage, this.lang)}`);
  }

  done(): void {
    if (this.enabled) this.target.write("\r\x1b[K");
  }
}
