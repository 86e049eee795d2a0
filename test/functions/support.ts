/**
 * Contexts for calling the functions' logic as Excel would, with a fixed "today" and a chosen
 * display language, and small functions to read results.
 */
import type { Lang } from "../../src/engine/types";
import { serialFromIso } from "../../src/engine/dates";
import { FunctionError, type Cell, type FunctionContext } from "../../src/functions/logic/errors";

/** Serial of an ISO date, failing loudly on a typo in a test table. */
export function serial(iso: string): number {
  const value = serialFromIso(iso);
  if (value === null) throw new Error(`Not an ISO date: ${iso}`);
  return value;
}

/** The "today" of every test: 2026-10-31 (serial 46326). */
export const TODAY = serial("2026-10-31");

export function contextFor(lang: Lang, today = TODAY): FunctionContext {
  return { lang, today: () => today };
}

export const en = contextFor("en-US");
export const zh = contextFor("zh-CN");

/** A result with error cells shown as Excel shows them ("#VALUE!"). */
export function shown(result: Cell[][]): (number | string | boolean)[][] {
  return result.map((row) => row.map((cell) => (cell instanceof FunctionError ? cell.excelText : cell)));
}

/** The single value of a 1×1 result. */
export function only(result: Cell[][]): Cell {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0]![0]!;
}

/** What `call` throws when it is a `kind` (anything else it throws is rethrown; throwing nothing fails). */
function thrownOf<E>(call: () => unknown, kind: abstract new (...args: never[]) => E): E {
  try {
    call();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`Expected a ${kind.name} to be thrown`);
}

/** The FunctionError a call throws (fails when it does not throw one). */
export function thrown(call: () => unknown): FunctionError {
  return thrownOf(call, FunctionError);
}

/** Stands in for CustomFunctions.Error, which exists only inside Excel: what the wrappers throw and spill. */
export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** The globals Excel gives the add-in, as tests set them. */
export const excelGlobals = globalThis as { CustomFunctions?: unknown; Office?: unknown };

/**
 * Gives each test of the calling block the globals functions.ts needs outside Excel: a stand-in
 * CustomFunctions (errors as {@link StandInError}) and an en-US Office host; removed after it.
 *
 * @example
 * describe("functions.ts", () => { withExcelGlobals(); it("…", () => excel.daysOverdue([[1]])); });
 */
export function withExcelGlobals(): void {
  beforeEach(() => {
    excelGlobals.CustomFunctions = { Error: StandInError, ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!" } };
    excelGlobals.Office = { context: { displayLanguage: "en-US" } };
  });
  afterEach(() => {
    delete excelGlobals.CustomFunctions;
    delete excelGlobals.Office;
  });
}

/**
 * The CustomFunctions error a wrapper call throws (fails when it throws something else or nothing).
 *
 * @example
 * excelErrorOf(() => excel.dueDate([[1]], [["whenever"]])).code // "#VALUE!"
 */
export function excelErrorOf(call: () => unknown): StandInError {
  return thrownOf(call, StandInError);
}
