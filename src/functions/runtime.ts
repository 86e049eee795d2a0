/**
 * The Excel boundary: runs an implementation and turns FunctionError results into the
 * CustomFunctions.Error objects Excel shows (#VALUE! with the message, #DIV/0!).
 */
import { FunctionError, type Cell, type FunctionContext } from "./logic/errors";
import { hostContext } from "./host";

/** What a function returns to Excel in an error cell (a CustomFunctions.Error). */
export interface ExcelError {
  code: string;
  message?: string;
}

/** A result cell as Excel receives it. */
export type ExcelCell = number | string | boolean | ExcelError;

interface CustomFunctionsGlobal {
  Error: new (code: string, message?: string) => ExcelError;
  ErrorCode: { invalidValue: string; divisionByZero: string };
}

function customFunctions(): CustomFunctionsGlobal {
  const api = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  if (!api) throw new Error("The CustomFunctions runtime is not loaded.");
  return api;
}

/**
 * The CustomFunctions.Error for a FunctionError.
 *
 * @example
 * toExcelError(new FunctionError("invalidValue", "due_date: …")) // CustomFunctions.Error #VALUE!
 */
export function toExcelError(error: FunctionError): ExcelError {
  const api = customFunctions();
  // Excel drops the message of every error but #VALUE! and #N/A: do not pretend to send one.
  return error.code === "divisionByZero"
    ? new api.Error(api.ErrorCode.divisionByZero)
    : new api.Error(api.ErrorCode[error.code], error.message);
}

/**
 * Runs one call for Excel: a bad argument as a whole, or a single-cell error result, is thrown
 * as a CustomFunctions.Error; error cells of a larger spill become CustomFunctions.Error values.
 *
 * @example
 * callForExcel(daysOverdue, [[46296]], null) // [[30]] (as of today)
 */
export function callForExcel(implementation: (ctx: FunctionContext, ...args: unknown[]) => Cell[][], ...args: unknown[]): ExcelCell[][] {
  let result: Cell[][];
  try {
    result = implementation(hostContext(), ...args);
  } catch (error) {
    throw error instanceof FunctionError ? toExcelError(error) : error;
  }
  const first = result[0]?.[0];
  if (result.length === 1 && result[0]!.length === 1 && first instanceof FunctionError) throw toExcelError(first);
  // Error cells are rare: convert in place, so a large clean spill is not copied.
  const out: ExcelCell[][] = result;
  for (const row of out) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell instanceof FunctionError) row[c] = toExcelError(cell);
    }
  }
  return out;
}
