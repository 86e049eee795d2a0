/**
 * Required arguments: a call that leaves one out (`=AR.DAYSOVERDUE()`, `=AR.LATEFEE(E2,,H1,18%)`)
 * is an argument error, #VALUE! with a message naming the argument, as Excel's own functions
 * refuse a call with too few arguments. A blank cell passed for one is not an omission: it gives
 * a blank result, so a formula over a column with empty rows stays quiet.
 */
import type { FunctionId } from "../ids";
import { argError, type Cell, type FunctionContext } from "./errors";

/**
 * The required parameters of each function, in signature order (every optional one comes after
 * them). The metadata test checks this table against the signatures Excel is given.
 *
 * @example
 * REQUIRED_PARAMETERS.DAYSOVERDUE // ["due_date"]
 */
export const REQUIRED_PARAMETERS: Readonly<Record<FunctionId, readonly string[]>> = {
  DAYSOVERDUE: ["due_date"],
  AGEBUCKET: ["due_date"],
  AGING: ["dates", "amounts"],
  DUEDATE: ["invoice_date", "terms"],
  DISCOUNT: ["amount", "terms", "invoice_date", "payment_date"],
  LATEFEE: ["amount", "due_date", "as_of", "annual_rate"],
  CREDITAVAILABLE: ["limit", "exposure"],
  CREDITSTATUS: ["limit", "exposure"],
  DSO: ["receivables", "credit_sales", "days"],
  BPDSO: ["current_receivables", "credit_sales", "days"],
  CEI: ["begin_ar", "credit_sales", "end_ar", "end_current_ar"],
};

/**
 * True for an argument the formula left out: Excel passes null for an empty place between
 * commas, and nothing at all for arguments left off the end.
 *
 * @example
 * isOmitted(undefined) // true
 * isOmitted([[""]])    // false (a blank cell was passed)
 */
export function isOmitted(argument: unknown): boolean {
  return argument === null || argument === undefined;
}

/**
 * Throws the #VALUE! error for the first required argument left out of a call.
 *
 * @example
 * checkRequired(ctx, "DAYSOVERDUE", []) // throws "due_date: this argument is required …"
 */
export function checkRequired(ctx: FunctionContext, id: FunctionId, args: readonly unknown[]): void {
  REQUIRED_PARAMETERS[id].forEach((param, k) => {
    if (isOmitted(args[k])) throw argError(ctx, id, param, "fn.required", null);
  });
}

/**
 * A function's implementation with its required arguments checked first.
 *
 * @example
 * const daysOverdue = withRequired("DAYSOVERDUE", daysOverdueImpl);
 * daysOverdue(ctx) // throws #VALUE! naming due_date
 */
export function withRequired(
  id: FunctionId,
  implementation: (ctx: FunctionContext, ...args: unknown[]) => Cell[][],
): (ctx: FunctionContext, ...args: unknown[]) => Cell[][] {
  return (ctx, ...args) => {
    checkRequired(ctx, id, args);
    return implementation(ctx, ...args);
  };
}
