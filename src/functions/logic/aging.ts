/**
 * AR.AGING: a whole aging summary from two columns (due dates and open amounts), as two spilled
 * rows: bucket labels, then bucket totals. Same buckets as the aging report (engine/aging).
 */
import { daysBetween } from "../../engine/dates";
import { fromMinor } from "../../engine/money";
import { makeBuckets } from "../../engine/aging";
import { bucketTotals } from "../../engine/functions/agingTotals";
import { t } from "../../i18n";
import { argError, FunctionError, paramLabel, showValue, type Cell, type FunctionContext } from "./errors";
import { AMOUNT_DECIMALS, amountReader, dateReader, readBoundaries, single, toGrid } from "./read";

const ID = "AGING";

/**
 * Ages open amounts by due date at the as-of date (default today) into the buckets of
 * `boundaries` (default 30, 60, 90) and returns [[labels…], [totals…]], totals in major units.
 *
 * Rows with no amount are skipped (whether or not they have a date). A row with an amount but
 * no date, or with a value that is not a date or an amount, fails the whole call with a
 * message naming the row: a summary that silently left out a row would be wrong.
 *
 * @example
 * aging(ctx, [[46296], [46326], [""]], [[100], [50.5], [""]], 46326)
 * // [["Current", "1-30", "31-60", "61-90", "90+"], [50.5, 100, 0, 0, 0]]
 */
export function aging(ctx: FunctionContext, dates: unknown, amounts: unknown, asOf?: unknown, boundaries?: unknown): Cell[][] {
  const dateGrid = toGrid(dates);
  const amountGrid = toGrid(amounts);
  const rows = dateGrid.length;
  const cols = dateGrid[0]?.length ?? 0;
  if (amountGrid.length !== rows || (amountGrid[0]?.length ?? 0) !== cols) {
    throw argError(ctx, ID, "amounts", "fn.shape", null, {
      rows: amountGrid.length,
      cols: amountGrid[0]?.length ?? 0,
      other: paramLabel(ctx.lang, ID, "dates"),
      otherRows: rows,
      otherCols: cols,
    });
  }
  const asOfCell = single(ctx, ID, "as_of", toGrid(asOf));
  const at = dateReader(ctx, ID, "as_of")(asOfCell) ?? ctx.today();
  if (at instanceof FunctionError) throw at;
  const bounds = readBoundaries(ctx, ID, "boundaries", toGrid(boundaries));

  const readDate = dateReader(ctx, ID, "dates");
  const readAmount = amountReader(ctx, ID, "amounts");
  const ages = new Float64Array(rows * cols);
  const minor = new Float64Array(rows * cols);
  let n = 0;
  let position = 0;
  for (let r = 0; r < rows; r++) {
    const dateRow = dateGrid[r]!;
    const amountRow = amountGrid[r]!;
    for (let c = 0; c < cols; c++) {
      position++;
      const amountCell = amountRow[c];
      const amount = readAmount(amountCell);
      if (amount === null) continue;
      if (amount instanceof FunctionError) throw rowError(ctx, position, amount.message);
      const date = readDate(dateRow[c]);
      if (date instanceof FunctionError) throw rowError(ctx, position, date.message);
      if (date === null) {
        const message = t(ctx.lang, "fn.row.dateMissing", {
          arg: paramLabel(ctx.lang, ID, "dates"),
          other: paramLabel(ctx.lang, ID, "amounts"),
          value: showValue(amountCell),
        });
        throw rowError(ctx, position, message);
      }
      ages[n] = daysBetween(date, at);
      minor[n] = amount;
      n++;
    }
  }
  const totals = bucketTotals(ages.subarray(0, n), minor.subarray(0, n), "due", bounds);
  const labels = makeBuckets("due", bounds, ctx.lang).map((bucket) => bucket.label);
  return [labels, totals.map((total) => fromMinor(total, AMOUNT_DECIMALS))];
}

function rowError(ctx: FunctionContext, row: number, detail: string): FunctionError {
  return new FunctionError("invalidValue", t(ctx.lang, "fn.row.invalid", { row, detail }));
}
