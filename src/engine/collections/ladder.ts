/**
 * The collection ladder (催收策略): stages by days past due of a customer's oldest chaseable
 * item, each with an action in English and Chinese. Saved in the workbook and editable; the
 * defaults follow common AR practice: 到期提醒 → 电话催收 → 书面催收 → 上门催收 → 律师函 → 法律催收.
 */
import type { Lang } from "../types";

/** One rung: items `fromDays` … `toDays` days past due (inclusive; `toDays` null = and more). */
export interface LadderStage {
  stage: number;
  fromDays: number;
  toDays: number | null;
  action: Record<Lang, string>;
}

/** The default ladder of the issue: stage 0 is a reminder for items due within 7 days. */
export const DEFAULT_LADDER: readonly LadderStage[] = [
  { stage: 0, fromDays: -7, toDays: 0, action: { "en-US": "Payment reminder", "zh-CN": "到期提醒" } },
  { stage: 1, fromDays: 1, toDays: 15, action: { "en-US": "Phone call", "zh-CN": "电话催收" } },
  { stage: 2, fromDays: 16, toDays: 30, action: { "en-US": "Written notice", "zh-CN": "书面催收" } },
  { stage: 3, fromDays: 31, toDays: 60, action: { "en-US": "Visit; consider stopping supply", "zh-CN": "上门催收" } },
  { stage: 4, fromDays: 61, toDays: 90, action: { "en-US": "Final demand (lawyer's letter)", "zh-CN": "律师函" } },
  { stage: 5, fromDays: 91, toDays: null, action: { "en-US": "Legal action", "zh-CN": "法律催收" } },
];

/** Why a ladder was refused, as a message id of the collections catalog. */
export type LadderProblem =
  | "collections.ladder.empty"
  | "collections.ladder.shape"
  | "collections.ladder.numbering"
  | "collections.ladder.gap"
  | "collections.ladder.order"
  | "collections.ladder.open"
  | "collections.ladder.action";

/** Largest number of stages a ladder may have. */
export const MAX_STAGES = 10;

/**
 * Checks a ladder read from the workbook or a --ladder file: stages numbered 0, 1, 2, … in
 * order, each starting the day after the previous one ends (no gaps, no overlaps), every stage
 * but the last bounded, the last open-ended, whole days, an action in both languages.
 *
 * @example
 * validateLadder(DEFAULT_LADDER)                          // { ok: true, ladder: [...] }
 * validateLadder([{ stage: 0, fromDays: 1, toDays: 5 }])  // { ok: false, problem: "collections.ladder.open" } (or shape)
 */
export function validateLadder(
  value: unknown,
): { ok: true; ladder: LadderStage[] } | { ok: false; problem: LadderProblem; stage: number | null } {
  if (!Array.isArray(value) || value.length === 0) return { ok: false, problem: "collections.ladder.empty", stage: null };
  if (value.length > MAX_STAGES) return { ok: false, problem: "collections.ladder.shape", stage: null };
  const ladder: LadderStage[] = [];
  for (let k = 0; k < value.length; k++) {
    const raw = value[k] as Partial<LadderStage> & { action?: unknown };
    if (typeof raw !== "object" || raw === null) return { ok: false, problem: "collections.ladder.shape", stage: k };
    const { stage, fromDays, toDays } = raw;
    if (!Number.isSafeInteger(fromDays) || (toDays !== null && !Number.isSafeInteger(toDays)))
      return { ok: false, problem: "collections.ladder.shape", stage: k };
    if (stage !== k) return { ok: false, problem: "collections.ladder.numbering", stage: k };
    const from = fromDays as number;
    const to = toDays as number | null;
    if (to !== null && to < from) return { ok: false, problem: "collections.ladder.order", stage: k };
    const previous = ladder[k - 1];
    if (previous && previous.toDays !== from - 1) return { ok: false, problem: "collections.ladder.gap", stage: k };
    const last = k === value.length - 1;
    if ((to === null) !== last) return { ok: false, problem: "collections.ladder.open", stage: k };
    const action = raw.action as Record<string, unknown> | undefined;
    const en = action?.["en-US"];
    const zh = action?.["zh-CN"];
    if (typeof en !== "string" || typeof zh !== "string" || en.trim() === "" || zh.trim() === "")
      return { ok: false, problem: "collections.ladder.action", stage: k };
    ladder.push({ stage: k, fromDays: from, toDays: to, action: { "en-US": en.trim(), "zh-CN": zh.trim() } });
  }
  return { ok: true, ladder };
}

/**
 * The stage of an item `daysPastDue` days past due (negative: not yet due), or null when the
 * ladder does not reach it (due later than stage 0 looks ahead).
 *
 * @example
 * stageOf(15, DEFAULT_LADDER) // 1
 * stageOf(16, DEFAULT_LADDER) // 2
 * stageOf(-7, DEFAULT_LADDER) // 0
 * stageOf(-8, DEFAULT_LADDER) // null
 * stageOf(400, DEFAULT_LADDER) // 5
 */
export function stageOf(daysPastDue: number, ladder: readonly LadderStage[]): number | null {
  for (const s of ladder) if (daysPastDue >= s.fromDays && (s.toDays === null || daysPastDue <= s.toDays)) return s.stage;
  return null;
}

/**
 * The stage after a broken promise: one up, at most the ladder's last stage.
 *
 * @example
 * escalate(2, DEFAULT_LADDER) // 3
 * escalate(5, DEFAULT_LADDER) // 5
 */
export function escalate(stage: number, ladder: readonly LadderStage[]): number {
  return Math.min(stage + 1, ladder.length - 1);
}
