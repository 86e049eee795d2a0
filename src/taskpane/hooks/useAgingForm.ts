/**
 * The Aging view's options (as-of date, basis, buckets, cash application, grouping) with their
 * validation. Seeded from the workbook's saved settings.
 */
import { useMemo, useState } from "react";
import type { AgingBasis } from "../../engine/types";
import type { WorkbookSettings } from "../../excel/types";
import { DEFAULT_BOUNDARIES, parseBoundaries } from "../../engine/aging";
import { isoFromSerial, lastMonthEnd, serialFromIso } from "../../engine/dates";
import { asOfIsoFor } from "../../app/asOf";

/** Bucket presets offered besides a custom list. */
export const BUCKET_PRESETS = {
  "30-60-90": DEFAULT_BOUNDARIES,
  "30-60-90-120": [30, 60, 90, 120],
} as const satisfies Record<string, readonly number[]>;

/** A preset id or "custom". */
export type BucketChoice = keyof typeof BUCKET_PRESETS | "custom";

/** How the pane summarises the largest overdue balances. */
export type GroupBy = WorkbookSettings["groupBy"];

/** The form's values, validation and setters. */
export interface AgingFormState {
  asOfIso: string;
  setAsOfIso: (iso: string) => void;
  /** The as-of serial, or null while the date field is empty or invalid. */
  asOf: number | null;
  basis: AgingBasis;
  setBasis: (basis: AgingBasis) => void;
  bucketChoice: BucketChoice;
  setBucketChoice: (choice: BucketChoice) => void;
  customText: string;
  setCustomText: (text: string) => void;
  /** The boundaries to age with, or null when the custom list is invalid. */
  boundaries: number[] | null;
  autoApply: boolean;
  setAutoApply: (on: boolean) => void;
  groupBy: GroupBy;
  setGroupBy: (groupBy: GroupBy) => void;
  /** True when every field is valid and "Generate" may run. */
  valid: boolean;
}

function choiceFor(boundaries: readonly number[]): BucketChoice {
  for (const [id, preset] of Object.entries(BUCKET_PRESETS) as [keyof typeof BUCKET_PRESETS, readonly number[]][]) {
    if (preset.length === boundaries.length && preset.every((b, k) => b === boundaries[k])) return id;
  }
  return "custom";
}

/** The default as-of date: a fixed date saved in the workbook, else the last month-end before today. */
export function defaultAsOfIso(settings: WorkbookSettings, today: number): string {
  return asOfIsoFor(settings.asOf, today);
}

/**
 * How an as-of date chosen in the pane is saved in the workbook: "last-month-end" when it is
 * the last month-end before today (so next month's default moves on), else the fixed date.
 *
 * @example
 * asOfSetting("2026-10-31", serialFromYmd(2026, 11, 15)) // "last-month-end"
 * asOfSetting("2026-09-30", serialFromYmd(2026, 11, 15)) // "2026-09-30"
 */
export function asOfSetting(iso: string, today: number): WorkbookSettings["asOf"] {
  return iso === isoFromSerial(lastMonthEnd(today)) ? "last-month-end" : iso;
}

/** Form state for the Aging view. */
export function useAgingForm(settings: WorkbookSettings, today: () => number): AgingFormState {
  const [asOfIso, setAsOfIso] = useState(() => defaultAsOfIso(settings, today()));
  const [basis, setBasis] = useState<AgingBasis>(settings.basis);
  const [bucketChoice, setBucketChoice] = useState<BucketChoice>(() => choiceFor(settings.boundaries));
  const [customText, setCustomText] = useState(() => settings.boundaries.join(", "));
  const [autoApply, setAutoApply] = useState(settings.autoApply);
  const [groupBy, setGroupBy] = useState<GroupBy>(settings.groupBy);

  const asOf = useMemo(() => (asOfIso ? serialFromIso(asOfIso) : null), [asOfIso]);
  const boundaries = useMemo(
    () => (bucketChoice === "custom" ? parseBoundaries(customText) : [...BUCKET_PRESETS[bucketChoice]]),
    [bucketChoice, customText],
  );

  return {
    asOfIso,
    setAsOfIso,
    asOf,
    basis,
    setBasis,
    bucketChoice,
    setBucketChoice,
    customText,
    setCustomText,
    boundaries,
    autoApply,
    setAutoApply,
    groupBy,
    setGroupBy,
    valid: asOf !== null && boundaries !== null,
  };
}
