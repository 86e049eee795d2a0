/**
 * The name box and an editable formula bar, as in Excel: it shows the selected cell's formula
 * (or its value), and Enter writes what was typed into the cell through the host, with the
 * same rules as `Range.formulas` ("=…" is a formula, "2026-10-31" a date, "'…" text), then
 * moves the selection down a row. Escape puts back the cell's content. A cell in a spill range
 * shows the spilling formula as a greyed placeholder, and an error cell's detail (a function's
 * #VALUE! message) shows beside the bar.
 */
import { useEffect, useState } from "react";
import type { KeyboardEvent, ReactElement } from "react";
import type { Lang } from "../../engine/types";
import type { CellInfo } from "../host/model";
import { label } from "./strings";

export interface FormulaBarProps {
  lang: Lang;
  /** "A1" / "B2:D9" of the selection. */
  address: string;
  /** The selection's top-left cell, or null when no sheet is shown. */
  cell: CellInfo | null;
  /** The formula of the cell a selected spilled cell comes from, if any. */
  spillFormula: string | null;
  /** Writes the typed entry into the selected cell; rejects with the host's error. */
  onEnter: (entry: string) => Promise<void>;
}

/** What the bar shows for a cell: its formula, else its value as text ("" when empty). */
export function cellEntry(cell: CellInfo | null): string {
  if (!cell) return "";
  if (cell.formula !== null) return cell.formula;
  // A spilled value is not the cell's own content: the bar stays empty (placeholder: the formula).
  if (cell.spilledFrom !== null || cell.value === "") return "";
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  // Dates and amounts as displayed ("2026-10-31"), which read back as the same value.
  if (typeof cell.value === "number" && cell.numberFormat !== "General") return cell.text;
  return String(cell.value);
}

export function FormulaBar({ lang, address, cell, spillFormula, onEnter }: FormulaBarProps): ReactElement {
  const shown = cellEntry(cell);
  const [draft, setDraft] = useState(shown);
  const [failure, setFailure] = useState<string | null>(null);

  // A new selection (or a recalculated cell) replaces whatever was being typed, as in Excel.
  useEffect(() => {
    setDraft(shown);
    setFailure(null);
  }, [address, shown]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      setDraft(shown);
      setFailure(null);
    } else if (event.key === "Enter" && !event.nativeEvent.isComposing) {
      // isComposing: Enter that confirms a Chinese input method's candidate is not a commit.
      event.preventDefault();
      onEnter(draft).then(
        () => setFailure(null),
        (error: unknown) => setFailure(label(lang, "formulaFailed", { message: error instanceof Error ? error.message : String(error) })),
      );
    }
  };

  const detail = failure ?? cell?.errorMessage ?? null;
  return (
    <div className="wb-formula">
      <output className="wb-namebox" aria-label={label(lang, "nameBox")}>
        {address}
      </output>
      <span className="wb-fx" aria-hidden>
        fx
      </span>
      <input
        className="wb-formula-text"
        type="text"
        aria-label={label(lang, "formulaBar")}
        title={label(lang, "formulaHint")}
        value={draft}
        placeholder={spillFormula ?? undefined}
        spellCheck={false}
        autoComplete="off"
        disabled={cell === null}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {detail !== null && (
        <output className="wb-formula-error" aria-label={label(lang, "cellError")}>
          {detail}
        </output>
      )}
    </div>
  );
}
