/**
 * What the simulated host knows about add-in worksheet functions (custom functions): only this
 * interface. The page plugs a registry in (`createWorkbench({ functions })` or
 * `workbench.registerFunctions(registry)`); the host never imports an add-in's code, so tests
 * can plug in any functions and the host stays a plain Excel simulation.
 *
 * How a formula calls a registered function (as Excel calls a custom function):
 * - a literal argument arrives as its value (number, text, TRUE/FALSE);
 * - a cell or range reference arrives as a 2D array of the cells' values (rows of columns),
 *   "" for an empty cell; a whole-column or whole-row reference is cut to the sheet's used
 *   range (Excel would pass a million rows);
 * - an omitted argument (`=AR.AGEBUCKET(D2,,"30,60")`) arrives as null; arguments left off the
 *   end are not passed at all;
 * - a nested function's array result arrives as a 2D array;
 * - when any argument is an error (a literal error result or an error cell inside a range), the
 *   function is not called and the formula shows that error, as Excel does for custom
 *   functions that do not opt in to receiving errors.
 *
 * Results: a single value, or a 2D array that spills from the formula's cell to the right and
 * down (a 1×1 array shows as a plain value). An error is any object with `excelText` ("#VALUE!")
 * and optionally `message`; returned in a cell it shows in that cell, thrown it shows in the
 * formula's cell. Any other thrown exception shows "#VALUE!" with the exception's message.
 */

/** One cell of a range argument as a function receives it ("" for an empty cell). */
export type FunctionArgumentCell = number | string | boolean;

/** One argument as a function receives it: a value, a range's values, or null when omitted. */
export type FunctionArgument = FunctionArgumentCell | FunctionArgumentCell[][] | null;

/** An error result: shown in the cell as `excelText` ("#VALUE!"), with `message` as its detail. */
export interface FunctionErrorValue {
  readonly excelText: string;
  readonly message?: string;
}

/** One cell of a function's result (null and undefined show as blank cells). */
export type FunctionResultCell = number | string | boolean | FunctionErrorValue | null | undefined;

/** A worksheet function as the host calls it. */
export type HostFunction = (...args: FunctionArgument[]) => FunctionResultCell | FunctionResultCell[][];

/**
 * A set of worksheet functions the host can call from formulas.
 *
 * @example
 * const registry: FunctionRegistry = {
 *   namespaces: ["MY"],
 *   resolve: (name) => (name.toUpperCase() === "MY.DOUBLE" ? (x) => [[Number(x) * 2]] : null),
 * };
 * createWorkbench({ functions: registry });
 */
export interface FunctionRegistry {
  /**
   * The function for a name as written in a formula ("AR.DAYSOVERDUE", "ar.逾期天数": any case,
   * any script), or null when this registry does not have it.
   */
  resolve(name: string): HostFunction | null;
  /**
   * Namespaces the registry owns ("AR"): an unknown name in one of them ("AR.NOPE") shows
   * "#NAME?", as Excel shows for a function it does not know. Other unknown functions keep the
   * simulated evaluator's simplification (they evaluate to 0).
   */
  readonly namespaces?: readonly string[];
}

/** Whether a value is an error result (any object with a string `excelText`). */
export function isFunctionErrorValue(value: unknown): value is FunctionErrorValue {
  return typeof value === "object" && value !== null && typeof (value as { excelText?: unknown }).excelText === "string";
}
