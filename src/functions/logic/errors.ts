/**
 * What a custom function reports instead of a value, kept free of the CustomFunctions global so
 * the logic runs in tests and in the workbench. The Excel boundary (src/functions/runtime.ts)
 * turns each FunctionError into a CustomFunctions.Error with the same code and message.
 */
import type { Lang } from "../../engine/types";
import { t, type MessageParams } from "../../i18n";
import type { FunctionId } from "../ids";
import { zhCN } from "../zh-cn";

/**
 * The Excel errors the functions produce. Excel shows a custom message only with #VALUE! and
 * #N/A: every error whose message matters is #VALUE!; #DIV/0! (a ratio of a zero base) carries
 * none, and the Excel boundary does not pass one.
 */
export type FunctionErrorCode = "invalidValue" | "divisionByZero";

const EXCEL_TEXT: Record<FunctionErrorCode, string> = { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!" };

/**
 * An error result: thrown for a bad argument as a whole (the formula shows #VALUE!), or placed
 * in one cell of a spilled result when only that cell's input is bad.
 *
 * @example
 * new FunctionError("invalidValue", "due_date: \"abc\" is not a date.").excelText // "#VALUE!"
 */
export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }

  /** How the error shows in a cell: "#VALUE!" or "#DIV/0!". */
  get excelText(): string {
    return EXCEL_TEXT[this.code];
  }
}

/** What one result cell holds: a value, "" for a blank, or an error. */
export type Cell = number | string | boolean | FunctionError;

/** What a function needs from its host: the display language, lazily today's date, the book's date system. */
export interface FunctionContext {
  lang: Lang;
  /** Excel serial (1900 system) of today's local date; called only when an as-of is omitted. */
  today: () => number;
  /**
   * The workbook's date system (default 1900): in a 1904 book a date cell arrives as a 1904
   * serial, and a date result (DUEDATE) must leave as one.
   */
  dateSystem?: 1900 | 1904;
}

/**
 * A parameter's name as the user sees it in the function's signature: the English name, or
 * its zh-CN translation.
 *
 * @example
 * paramLabel("zh-CN", "DAYSOVERDUE", "due_date") // "到期日"
 * paramLabel("en-US", "DAYSOVERDUE", "due_date") // "due_date"
 */
export function paramLabel(lang: Lang, id: FunctionId, param: string): string {
  if (lang !== "zh-CN") return param;
  return zhCN[id].parameters[param]?.name ?? param;
}

/**
 * A cell value as quoted in a message: text in quotes, numbers as they are, TRUE/FALSE.
 *
 * @example
 * showValue("abc") // "\"abc\""
 * showValue(12.5)  // "12.5"
 */
export function showValue(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 60 ? value.slice(0, 57) + "..." : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  return Object.prototype.toString.call(value);
}

/**
 * The #VALUE! error for a parameter, its message in the context's language: message `messageId`
 * of the functions catalog with `{arg}` set to the parameter's label and `{value}` to the value.
 *
 * @example
 * argError({ lang: "en-US", today: () => 0 }, "DAYSOVERDUE", "due_date", "fn.date.invalid", "abc").message
 * // "due_date: \"abc\" is not a date. Use a date cell, …"
 */
export function argError(
  ctx: FunctionContext,
  id: FunctionId,
  param: string,
  messageId: string,
  value: unknown,
  params: MessageParams = {},
): FunctionError {
  const message = t(ctx.lang, messageId, { value: showValue(value), ...params, arg: paramLabel(ctx.lang, id, param) });
  return new FunctionError("invalidValue", message);
}
