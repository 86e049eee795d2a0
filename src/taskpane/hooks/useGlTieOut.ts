/**
 * State of the GL tie-out section: the form (control balance as an amount or a cell, currency,
 * basis), the run (read the control cell → age the workbook as the aging does → tie out →
 * write "AR GL Tie-out"), and selecting an explaining item's source row.
 */
import { usePanePort } from "../writes";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CellValue, Lang } from "../../engine/types";
import type { ExcelRun, WorkbookSettings } from "../../excel/types";
import { parseCellReference, readCellValue, selectRows, type CellReference } from "../../excel";
import { requestFromSettings } from "../../app/aging";
import { runGlTieOut } from "../../app/glTieOut";
import type { MonthlyAgingProblem } from "../../app/problemStore";
import { currencyDecimals, isCurrencyCode } from "../../engine/currency";
import { isoFromSerial, serialFromIso } from "../../engine/dates";
import { asOfSetting, defaultAsOfIso } from "./useAgingForm";
import { parseAmount } from "../../engine/money";
import type { GlAgingTieOut, GlBasis, GlCandidate } from "../../engine/reconcile";
import { t } from "../../i18n";

/** What the control field holds: an amount (minor units) or a cell to read it from. */
export type ControlInput = { kind: "amount"; minor: number } | { kind: "cell"; reference: CellReference };

/**
 * Reads the control field: a cell reference ("GL!B5", "B5") or an amount in the currency's
 * digits ("125000", "1,250.00", "(1,250.00)"); null when it is neither.
 *
 * @example
 * parseControlInput("GL!B5", "USD")     // { kind: "cell", reference: { sheet: "GL", address: "B5" } }
 * parseControlInput("1,250.50", "USD")  // { kind: "amount", minor: 125050 }
 * parseControlInput("about 5", "USD")   // null
 */
export function parseControlInput(text: string, currency: string): ControlInput | null {
  if (text.trim() === "") return null;
  const reference = parseCellReference(text);
  if (reference) return { kind: "cell", reference };
  const amount = parseAmount(text, decimalsOf(currency));
  return amount.ok ? { kind: "amount", minor: amount.minor } : null;
}

/** The currency's digits, 2 while the code typed is not one yet. */
function decimalsOf(currency: string): number {
  return isCurrencyCode(currency) ? currencyDecimals(currency) : 2;
}

/** The aging request the pane's settings describe: the use cases' one mapping (src/app/aging.ts). */
export const agingRequestFromSettings = requestFromSettings;

/** A finished tie-out, with where the control balance came from and the sheet written. */
export interface GlTieOutDone {
  result: GlAgingTieOut;
  /** "GL!B5" when the balance was read from a cell. */
  controlCell: string | null;
  sheet: string;
}

/** Where a run stands. */
export type GlTieOutStatus =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; done: GlTieOutDone }
  | { kind: "stopped"; problem: MonthlyAgingProblem }
  | { kind: "blocked"; message: string }
  | { kind: "failed"; error: unknown };

/** Everything the section renders and the actions it offers. */
export interface GlTieOutState {
  controlText: string;
  setControlText: (text: string) => void;
  currencyText: string;
  setCurrencyText: (text: string) => void;
  basis: GlBasis;
  setBasis: (basis: GlBasis) => void;
  /** The tie-out's as-of date: the aging's date unless changed; saved as the workbook's as-of. */
  asOfIso: string;
  setAsOfIso: (iso: string) => void;
  asOf: number | null;
  /** null while the control field is neither an amount nor a cell. */
  control: ControlInput | null;
  currencyValid: boolean;
  valid: boolean;
  status: GlTieOutStatus;
  start: () => Promise<void>;
  /** Selects the item's source row; the address selected, for the view to say. */
  show: (item: GlCandidate) => Promise<void>;
  selection: { sheet: string; address: string } | null;
  navError: unknown;
}

/** A source table's columns, for selecting a whole row of it. */
interface TableArea {
  firstColumn: number;
  columnCount: number;
}

/** Drives the GL tie-out section. */
export function useGlTieOut(
  run: ExcelRun,
  settings: WorkbookSettings,
  lang: Lang,
  today: () => number,
  save?: (next: WorkbookSettings) => Promise<void>,
): GlTieOutState {
  const [controlText, setControlText] = useState("");
  const [asOfIso, setAsOfIso] = useState(() => defaultAsOfIso(settings, today()));
  const asOf = useMemo(() => (asOfIso ? serialFromIso(asOfIso) : null), [asOfIso]);
  // Follows the workbook's as-of when the aging (or the credit check) saves a new one.
  useEffect(() => setAsOfIso(defaultAsOfIso(settings, today())), [settings.asOf]);
  const [currencyText, setCurrencyText] = useState(settings.defaultCurrency);
  const [basis, setBasis] = useState<GlBasis>("net");
  const [status, setStatus] = useState<GlTieOutStatus>({ kind: "idle" });
  const [selection, setSelection] = useState<GlTieOutState["selection"]>(null);
  const [navError, setNavError] = useState<unknown>(null);
  const areas = useRef(new Map<string, TableArea>());
  const busy = useRef(false);
  const port = usePanePort();

  const currency = currencyText.trim().toUpperCase();
  const currencyValid = isCurrencyCode(currency);
  const control = useMemo(() => parseControlInput(controlText, currency), [controlText, currency]);
  const valid = currencyValid && control !== null && asOf !== null;

  const start = useCallback(async () => {
    if (!valid || !control || asOf === null || busy.current) return;
    busy.current = true;
    setStatus({ kind: "running" });
    setSelection(null);
    setNavError(null);
    try {
      let controlBalanceMinor: number;
      let controlCell: string | null = null;
      if (control.kind === "cell") {
        const sheetName = control.reference.sheet;
        // A reference to a sheet the book does not have is the user's slip, not a failure.
        if (sheetName !== null && !(await sheetExists(run, sheetName))) {
          setStatus({
            kind: "blocked",
            message: t(lang, "gl.pane.noSheet", { sheet: sheetName, cell: `${sheetName}!${control.reference.address}` }),
          });
          return;
        }
        const cell = await readCellValue(run, control.reference);
        controlCell = `${cell.sheet}!${cell.address}`;
        const amount = amountOfCell(cell.value, currency);
        if (amount === null) {
          setStatus({
            kind: "blocked",
            message: t(lang, "gl.pane.cellNotAmount", { cell: controlCell, value: cell.value === null ? "" : String(cell.value) }),
          });
          return;
        }
        controlBalanceMinor = amount;
      } else controlBalanceMinor = control.minor;

      const done = await runGlTieOut(port, {
        aging: { ...requestFromSettings(settings, lang, today()), asOf },
        currency,
        controlBalanceMinor,
        basis,
      });
      if (!done.ok) {
        setStatus({ kind: "stopped", problem: done.problem });
        return;
      }
      areas.current = new Map(
        Object.values(done.book.sources).map((source) => [
          source.table.sheet,
          { firstColumn: source.table.firstColumn, columnCount: source.table.header.length },
        ]),
      );
      setStatus({ kind: "done", done: { result: done.result, controlCell, sheet: done.sheet ?? "" } });
      const asOfSaved = asOfSetting(isoFromSerial(asOf), today());
      if (save && asOfSaved !== settings.asOf) await save({ ...settings, asOf: asOfSaved });
    } catch (error) {
      setStatus({ kind: "failed", error });
    } finally {
      busy.current = false;
    }
  }, [valid, control, asOf, run, port, currency, basis, settings, lang, today, save]);

  const show = useCallback(
    async (item: GlCandidate) => {
      if (item.sheet === undefined || item.row === undefined) return;
      setNavError(null);
      try {
        const area = areas.current.get(item.sheet) ?? { firstColumn: 0, columnCount: 1 };
        const address = await selectRows(run, { sheet: item.sheet, rows: [item.row], ...area });
        if (address !== null) setSelection({ sheet: item.sheet, address });
      } catch (caught) {
        setNavError(caught);
      }
    },
    [run],
  );

  return {
    controlText,
    setControlText,
    currencyText,
    setCurrencyText,
    basis,
    setBasis,
    asOfIso,
    setAsOfIso,
    asOf,
    control,
    currencyValid,
    valid,
    status,
    start,
    show,
    selection,
    navError,
  };
}

/** A control cell's value in minor units: a number, or text a ledger prints as an amount. */
function amountOfCell(value: CellValue, currency: string): number | null {
  if (typeof value === "boolean" || value === null) return null;
  const amount = parseAmount(value, decimalsOf(currency));
  return amount.ok ? amount.minor : null;
}

/** Whether the workbook has a sheet named `name` (Excel compares sheet names case-insensitively). */
async function sheetExists(run: ExcelRun, name: string): Promise<boolean> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const wanted = name.toLowerCase();
    return sheets.items.some((sheet) => sheet.name.toLowerCase() === wanted);
  });
}
