/**
 * AR.DSO, AR.BPDSO and AR.CEI over balances in cents (engine/functions/kpi), element-wise.
 * A zero denominator gives #DIV/0!.
 */
import { bestPossibleDso, cei as ceiOf, dso as dsoOf } from "../../engine/functions/kpi";
import type { FunctionId } from "../ids";
import { FunctionError, type Cell, type FunctionContext } from "./errors";
import { amountReader, numberReader } from "./read";
import { spill } from "./spill";

function orDivisionByZero(value: number | null): Cell {
  return value === null ? new FunctionError("divisionByZero", "#DIV/0!") : value;
}

function periodKpi(
  ctx: FunctionContext,
  id: FunctionId,
  balanceParam: string,
  balance: unknown,
  creditSales: unknown,
  days: unknown,
  kpi: typeof dsoOf,
): Cell[][] {
  return spill<[number, number, number]>(
    ctx,
    id,
    [
      { name: balanceParam, value: balance, read: amountReader(ctx, id, balanceParam) },
      { name: "credit_sales", value: creditSales, read: amountReader(ctx, id, "credit_sales") },
      { name: "days", value: days, read: numberReader(ctx, id, "days", "fn.period.invalid", (n) => n > 0) },
    ],
    ([balanceMinor, salesMinor, period]) => orDivisionByZero(kpi(balanceMinor, salesMinor, period)),
  );
}

/**
 * Days sales outstanding: receivables / credit_sales × days.
 *
 * @example
 * dso(ctx, 120000, 360000, 90) // [[30]]
 */
export function dso(ctx: FunctionContext, receivables: unknown, creditSales: unknown, days: unknown): Cell[][] {
  return periodKpi(ctx, "DSO", "receivables", receivables, creditSales, days, dsoOf);
}

/**
 * Best possible DSO: current (not yet due) receivables / credit_sales × days.
 *
 * @example
 * bpdso(ctx, 90000, 360000, 90) // [[22.5]]
 */
export function bpdso(ctx: FunctionContext, currentReceivables: unknown, creditSales: unknown, days: unknown): Cell[][] {
  return periodKpi(ctx, "BPDSO", "current_receivables", currentReceivables, creditSales, days, bestPossibleDso);
}

/**
 * Collection effectiveness index, a fraction (format the cell as %):
 * (begin_ar + credit_sales − end_ar) / (begin_ar + credit_sales − end_current_ar).
 *
 * @example
 * cei(ctx, 100000, 50000, 60000, 40000) // [[0.8181818181818182]]
 */
export function cei(ctx: FunctionContext, beginAr: unknown, creditSales: unknown, endAr: unknown, endCurrentAr: unknown): Cell[][] {
  const id = "CEI";
  return spill<[number, number, number, number]>(
    ctx,
    id,
    [
      { name: "begin_ar", value: beginAr, read: amountReader(ctx, id, "begin_ar") },
      { name: "credit_sales", value: creditSales, read: amountReader(ctx, id, "credit_sales") },
      { name: "end_ar", value: endAr, read: amountReader(ctx, id, "end_ar") },
      { name: "end_current_ar", value: endCurrentAr, read: amountReader(ctx, id, "end_current_ar") },
    ],
    ([begin, sales, end, endCurrent]) => orDivisionByZero(ceiOf(begin, sales, end, endCurrent)),
  );
}
