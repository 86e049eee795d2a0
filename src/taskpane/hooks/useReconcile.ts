/**
 * State of the Reconcile view: the workbook's tables, the form (tables A and B, preset,
 * tolerances), the run (read → reconcile → write "AR Reconciliation" → highlight both tables),
 * and stepping through the differences.
 *
 * Stepping: Office.js selects one range at a time, so "Next"/"Previous" select the difference's
 * rows in table A (activating A's sheet), or in table B when A has none; the view shows where the
 * B side is and selects it with "Show in B". Rows that are not consecutive (a split, a duplicate
 * key) cannot be one selection: the first is selected and the others are named.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Lang } from "../../engine/types";
import type { ExcelRun, WorkbookSettings } from "../../excel/types";
import { selectRows } from "../../excel";
import { usePanePort } from "../writes";
import {
  OUTCOMES,
  PRESETS,
  type ReconcileOutcome,
  type ReconcilePreset,
  type ReconcileRecord,
  type ReconcileResult,
} from "../../engine/reconcile";
import { periodOf } from "../../app/asOf";
import type { PortTables } from "../../app/port";
import { clearReconcileHighlights, runReconcile } from "../../app/reconcile";
import { useTablesChanged } from "./tablesChanged";

/** "none" recognises columns with the default preferences. */
export type PresetChoice = "none" | ReconcilePreset;
export const PRESET_CHOICES: readonly PresetChoice[] = ["none", ...(Object.keys(PRESETS) as ReconcilePreset[])];

/**
 * True for a table named like a customer's statement ("Customer Statement", "CustomerStatement",
 * "客户对账单"): the Reconcile view offers it as table B and compares on its customers.
 *
 * @example
 * isStatementLike("CustomerStatement") // true
 * isStatementLike("Payments")          // false
 */
export function isStatementLike(name: string): boolean {
  return /statement|对账单/i.test(name);
}

/** Which records the stepper walks through: every difference, or one outcome (matched included). */
export type OutcomeFilter = "differences" | ReconcileOutcome;

/** A finished run. */
export interface ReconcileDone {
  result: ReconcileResult;
  sheet: string;
  highlights: { added: number; skipped: number };
}

/** Where a run stands. */
export type ReconcileStatus =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; done: ReconcileDone }
  | { kind: "blocked"; messages: string[] }
  | { kind: "failed"; error: unknown };

/** What the last selection did, for the view to say (a live region). */
export interface SelectionNote {
  side: "A" | "B";
  sheet: string;
  address: string;
  /** All the rows of the side, when they could not all be selected at once. */
  rows: number[] | null;
}

/**
 * A tolerance typed by the user: undefined when blank (the preset's default), the number when
 * it is one of zero or more (a whole number when `whole`), null when invalid.
 *
 * @example
 * parseToleranceText("0.01", false) // 0.01
 * parseToleranceText("1.5", true)   // null
 */
export function parseToleranceText(text: string, whole: boolean): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return whole && !Number.isInteger(n) ? null : n;
}

/**
 * The records the stepper walks through, in the sheet's order.
 *
 * @example
 * recordsFor(result, "differences").every((r) => r.outcome !== "matched") // true
 */
export function recordsFor(result: ReconcileResult, filter: OutcomeFilter): ReconcileRecord[] {
  return result.records.filter((r) => (filter === "differences" ? r.outcome !== "matched" : r.outcome === filter));
}

/** Count of each outcome over all currencies, in the legend's order (outcomes with none left out). */
export function outcomeCounts(result: ReconcileResult): { outcome: ReconcileOutcome; count: number }[] {
  return OUTCOMES.map((outcome) => ({
    outcome,
    count: result.summary.filter((s) => s.outcome === outcome).reduce((n, s) => n + s.count, 0),
  })).filter((c) => c.count > 0);
}

/** Everything the Reconcile view renders and the actions it offers. */
export interface ReconcileState {
  tables: string[];
  loading: boolean;
  loadError: unknown;
  reload: () => Promise<void>;
  tableA: string;
  tableB: string;
  setTableA: (name: string) => void;
  setTableB: (name: string) => void;
  preset: PresetChoice;
  setPreset: (preset: PresetChoice) => void;
  /** Compare A only on the customers table B names (a customer's statement against the ledger). */
  customersOfB: boolean;
  setCustomersOfB: (on: boolean) => void;
  amountText: string;
  percentText: string;
  daysText: string;
  setAmountText: (text: string) => void;
  setPercentText: (text: string) => void;
  setDaysText: (text: string) => void;
  /** null when the text is invalid, see parseToleranceText. */
  amount: number | undefined | null;
  percent: number | undefined | null;
  days: number | undefined | null;
  valid: boolean;
  status: ReconcileStatus;
  start: () => Promise<void>;
  filter: OutcomeFilter;
  setFilter: (filter: OutcomeFilter) => void;
  records: ReconcileRecord[];
  /** Position in `records`, -1 before the first step. */
  index: number;
  current: ReconcileRecord | null;
  next: () => Promise<void>;
  previous: () => Promise<void>;
  show: (side: "A" | "B") => Promise<void>;
  selection: SelectionNote | null;
  navError: unknown;
  clear: () => Promise<number>;
}

/** Drives the Reconcile view (see the module comment for how stepping selects). */
export function useReconcile(run: ExcelRun, settings: WorkbookSettings, lang: Lang, today: () => number): ReconcileState {
  const port = usePanePort();
  const [workbook, setWorkbook] = useState<PortTables | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [pickedA, setTableA] = useState<string | null>(null);
  const [pickedB, setTableB] = useState<string | null>(null);
  const [preset, setPreset] = useState<PresetChoice>("none");
  const [scopeChoice, setCustomersOfB] = useState<boolean | null>(null);
  const [amountText, setAmountText] = useState("");
  const [percentText, setPercentText] = useState("");
  const [daysText, setDaysText] = useState("");
  const [status, setStatus] = useState<ReconcileStatus>({ kind: "idle" });
  const [filter, setFilterState] = useState<OutcomeFilter>("differences");
  const [index, setIndex] = useState(-1);
  const [selection, setSelection] = useState<SelectionNote | null>(null);
  const [navError, setNavError] = useState<unknown>(null);
  const busy = useRef(false);

  const reload = useCallback(async () => {
    setLoading(true);
    setLoadError(null);
    try {
      setWorkbook(await port.readTables({}));
    } catch (caught) {
      setLoadError(caught);
    } finally {
      setLoading(false);
    }
  }, [port]);

  useEffect(() => {
    void reload();
  }, [reload]);
  // Tables added since (the sample book and its statement) join the lists.
  useTablesChanged(useCallback(() => void reload(), [reload]));

  const tables = useMemo(() => (workbook ? workbook.tables.map((table) => table.name) : []), [workbook]);
  // Defaults: A is the saved invoices table when there is one, B the first other table.
  const saved = settings.mapping.invoices?.table;
  const tableA = pickedA !== null && tables.includes(pickedA) ? pickedA : saved && tables.includes(saved) ? saved : (tables[0] ?? "");
  const tableB =
    pickedB !== null && tables.includes(pickedB)
      ? pickedB
      : (tables.find((name) => name !== tableA && isStatementLike(name)) ?? tables.find((name) => name !== tableA) ?? "");
  // A customer's statement speaks for its customers only: compare on them unless the user says otherwise.
  const customersOfB = scopeChoice ?? isStatementLike(tableB);

  const amount = parseToleranceText(amountText, false);
  const percent = parseToleranceText(percentText, false);
  const days = parseToleranceText(daysText, true);
  const valid = tableA !== "" && tableB !== "" && tableA !== tableB && amount !== null && percent !== null && days !== null;

  const result = status.kind === "done" ? status.done.result : null;
  const records = useMemo(() => (result ? recordsFor(result, filter) : []), [result, filter]);
  const current = index >= 0 ? (records[index] ?? null) : null;

  const start = useCallback(async () => {
    if (!valid || busy.current) return;
    busy.current = true;
    setStatus({ kind: "running" });
    setIndex(-1);
    setSelection(null);
    setNavError(null);
    try {
      // The use case reads again: the user may have edited either table since the pane listed them.
      const done = await runReconcile(port, {
        tableA,
        tableB,
        preset: preset === "none" ? undefined : preset,
        scope: customersOfB ? "customers-in-b" : "all",
        amountTolerance: amount ?? undefined,
        percentTolerance: percent ?? undefined,
        dateTolerance: days ?? undefined,
        lang,
        dateOrder: settings.dateOrder,
        defaultCurrency: settings.defaultCurrency,
        // The month the reconciliation is made in: it compares the tables as they are today.
        period: periodOf(today()),
      });
      setWorkbook(done.tables);
      if (!done.ok) {
        setStatus({ kind: "blocked", messages: done.messages });
        return;
      }
      setStatus({ kind: "done", done: { result: done.result, sheet: done.sheet, highlights: done.highlights } });
    } catch (error) {
      setStatus({ kind: "failed", error });
    } finally {
      busy.current = false;
    }
  }, [valid, port, tableA, tableB, preset, customersOfB, lang, amount, percent, days, settings.dateOrder, settings.defaultCurrency, today]);

  const select = useCallback(
    async (record: ReconcileRecord, side: "A" | "B") => {
      if (!result) return;
      const table = side === "A" ? result.a : result.b;
      const rows = side === "A" ? record.aRows : record.bRows;
      setNavError(null);
      try {
        const address = await selectRows(run, { sheet: table.sheet, rows, firstColumn: table.firstColumn, columnCount: table.columnCount });
        if (address === null) return;
        const all = rows.length > 1 && !rows.every((row, k) => row === (rows[0] ?? 0) + k) ? [...rows] : null;
        setSelection({ side, sheet: table.sheet, address, rows: all });
      } catch (caught) {
        setNavError(caught);
      }
    },
    [result, run],
  );

  const step = useCallback(
    async (delta: 1 | -1) => {
      if (records.length === 0) return;
      const target = index < 0 ? (delta === 1 ? 0 : records.length - 1) : Math.min(records.length - 1, Math.max(0, index + delta));
      setIndex(target);
      const record = records[target];
      if (record) await select(record, record.aRows.length > 0 ? "A" : "B");
    },
    [records, index, select],
  );

  const show = useCallback(
    async (side: "A" | "B") => {
      if (current) await select(current, side);
    },
    [current, select],
  );

  const setFilter = useCallback((next: OutcomeFilter) => {
    setFilterState(next);
    setIndex(-1);
    setSelection(null);
  }, []);

  const clear = useCallback(async () => (await clearReconcileHighlights(port)).removed, [port]);

  return {
    tables,
    loading,
    loadError,
    reload,
    tableA,
    tableB,
    setTableA,
    setTableB,
    preset,
    setPreset,
    customersOfB,
    setCustomersOfB,
    amountText,
    percentText,
    daysText,
    setAmountText,
    setPercentText,
    setDaysText,
    amount,
    percent,
    days,
    valid,
    status,
    start,
    filter,
    setFilter,
    records,
    index,
    current,
    next: () => step(1),
    previous: () => step(-1),
    show,
    selection,
    navError,
    clear,
  };
}
