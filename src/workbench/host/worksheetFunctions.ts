/**
 * `Excel.Functions` (`workbook.functions`, ExcelApi 1.2): Excel's worksheet functions called
 * from the API. Only DATE is simulated, because it is how an add-in learns the workbook's date
 * system: DATE(1904,1,2) is 1463 in a 1900 book and 1 in a 1904 book.
 */
import { HostError, HostErrorCode } from "./errors";
import type { WorkbookState } from "./model";
import { HostContextBase, HostObject } from "./proxy";

/** What a function call answers: a value, or an Excel error text ("#NUM!") and a null value. */
export interface FunctionResultState {
  value: number | null;
  error: string | null;
}

/** Days from 1970-01-01 to a civil date (proleptic Gregorian), month and day allowed to overflow. */
function epochDays(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, 1) / 86_400_000) + day - 1;
}

/** Days from 1970-01-01 to 1899-12-30, day zero of 1900 serials from 1900-03-01 on. */
const EPOCH_1900 = epochDays(1899, 12, 30);
/** Days from 1970-01-01 to 1904-01-01, day zero of 1904 serials. */
const EPOCH_1904 = epochDays(1904, 1, 1);

/**
 * Excel's DATE(year, month, day) in a date system: years 0–1899 mean 1900–3799, months and
 * days roll over, the 1900 system keeps Lotus's phantom 1900-02-29 (serial 60), and a date
 * before day 1 of the system (or past 9999-12-31) is #NUM!.
 *
 * @example
 * excelDate(1904, 1, 2, 1900); // { value: 1463, error: null }
 * excelDate(1904, 1, 2, 1904); // { value: 1, error: null }
 */
export function excelDate(year: number, month: number, day: number, system: 1900 | 1904): FunctionResultState {
  const y = Math.trunc(year) < 1900 ? Math.trunc(year) + 1900 : Math.trunc(year);
  const days = epochDays(y, Math.trunc(month), Math.trunc(day));
  if (!Number.isFinite(days) || y > 9999 || days > epochDays(9999, 12, 31)) return { value: null, error: "#NUM!" };
  let serial: number;
  if (system === 1904) serial = days - EPOCH_1904;
  else {
    serial = days - EPOCH_1900;
    // Before 1900-03-01 Excel counts from 1899-12-31 (it believes 1900-02-29 existed).
    if (serial < 61) serial -= 1;
  }
  return serial < (system === 1904 ? 0 : 1) ? { value: null, error: "#NUM!" } : { value: serial, error: null };
}

/** `Excel.FunctionResult`: `value` and `error` after a sync. */
export class FunctionResultProxy extends HostObject<FunctionResultState> {
  protected readonly _typeName = "FunctionResult";
  protected _scalarNames(): readonly string[] {
    return ["value", "error"];
  }
  protected _readScalar(r: FunctionResultState, name: string): unknown {
    return name === "value" ? r.value : name === "error" ? r.error : undefined;
  }
  get value(): number | null {
    return this._get("value");
  }
  get error(): string | null {
    return this._get("error");
  }
}

/** `Excel.Functions`: DATE only. */
export class FunctionsProxy extends HostObject<WorkbookState> {
  protected readonly _typeName = "Functions";
  protected _scalarNames(): readonly string[] {
    return [];
  }
  protected _readScalar(): unknown {
    return undefined;
  }

  /** DATE(year, month, day) in the workbook's date system. */
  date(year: number, month: number, day: number): FunctionResultProxy {
    const result = new FunctionResultProxy(this.context, () => {
      const wb = this._bind();
      if (wb === null) return null;
      if (![year, month, day].every((n) => typeof n === "number" && Number.isFinite(n))) {
        throw new HostError(
          HostErrorCode.invalidArgument,
          "The argument is invalid or missing or has an incorrect format: DATE.",
          "Functions.date",
        );
      }
      return excelDate(year, month, day, wb.dateSystem);
    });
    return result;
  }
}

/** Creates `workbook.functions` for a context. */
export function functionsProxy(context: HostContextBase, state: () => WorkbookState): FunctionsProxy {
  return new FunctionsProxy(context, state);
}
