/**
 * "Format selection as dates": custom functions cannot format the cell they return to, so
 * =AR.DUEDATE(…) shows a serial such as 46356 in a General cell; this sets a date format on
 * the user's selection in one request.
 */
import { useCallback, useState } from "react";
import type { ExcelRun } from "../../excel/types";
import { DATE_FORMAT } from "../../excel";

/** What the last press did. */
export type FormatDatesOutcome = { kind: "idle" } | { kind: "done"; address: string } | { kind: "failed"; error: unknown };

/** Formats the selected cells as dates (yyyy-mm-dd) and says which. */
export function useFormatDates(run: ExcelRun): { outcome: FormatDatesOutcome; busy: boolean; formatSelection: () => Promise<void> } {
  const [outcome, setOutcome] = useState<FormatDatesOutcome>({ kind: "idle" });
  const [busy, setBusy] = useState(false);
  const formatSelection = useCallback(async () => {
    setBusy(true);
    try {
      const address = await run(async (context) => {
        const range = context.workbook.getSelectedRange();
        // A single value applies to every cell of the range (Office.js broadcasts it).
        range.numberFormat = DATE_FORMAT as unknown as string[][];
        range.load("address");
        await context.sync();
        return range.address;
      });
      setOutcome({ kind: "done", address });
    } catch (error) {
      setOutcome({ kind: "failed", error });
    } finally {
      setBusy(false);
    }
  }, [run]);
  return { outcome, busy, formatSelection };
}
