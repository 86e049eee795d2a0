/**
 * The AR custom functions as Excel sees them. Each function is a thin wrapper: the JSDoc below
 * is the source of functions.json (custom-functions-metadata), and the body calls the
 * implementation in src/functions/logic through the Excel boundary (src/functions/runtime).
 * The webpack metadata plugin appends the CustomFunctions.associate calls for these functions.
 *
 * Every parameter is a range (a single value arrives as a 1×1 range) and every result spills:
 * one formula can serve a whole column. Ids are stable; never rename one.
 */
import { implementations } from "./registry";
import { callForExcel, type ExcelError } from "./runtime";
import { startDateSystemDetection } from "./host";

// In the shared runtime: learn the book's date system once (see host.ts).
startDateSystemDetection();

/**
 * Days past due at the as-of date (negative when not yet due). Takes a range and spills. Volatile: it recalculates at every change, so an omitted as_of follows today's date; over many rows, one call over the whole column is much cheaper than one per row. In a 1904-date-system book, date cells are read in that system once Excel has told the add-in (shared runtime); before that, or without it, the 1900 system is assumed.
 * @customfunction DAYSOVERDUE DAYSOVERDUE
 * @volatile
 * @param due_date Due date: a date cell, a date serial or ISO text (2026-10-31); or a range.
 * @param as_of As-of date; when omitted, today's date at calculation time.
 * @returns Days overdue.
 * @example =AR.DAYSOVERDUE(D2:D500, $H$1)
 */
export function daysOverdue(
  due_date: Array<Array<number | string | boolean>>,
  as_of?: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.DAYSOVERDUE, due_date, as_of);
}

/**
 * Aging bucket of a date ("Current", "1-30", ..., "90+"), in the display language. Takes a range and spills. Volatile: it recalculates at every change, so an omitted as_of follows today's date; over many rows, one call over the whole column is much cheaper than one per row. In a 1904-date-system book, date cells are read in that system once Excel has told the add-in (shared runtime); before that, or without it, the 1900 system is assumed.
 * @customfunction AGEBUCKET AGEBUCKET
 * @volatile
 * @param due_date Due date (the invoice date when basis is "invoice"); or a range.
 * @param as_of As-of date; when omitted, today's date at calculation time.
 * @param boundaries Inclusive upper bounds in days, as text "30,60,90" or a range of numbers; default 30,60,90.
 * @param basis "due" (age from the due date, default) or "invoice" (age from the invoice date).
 * @returns Bucket label.
 * @example =AR.AGEBUCKET(D2:D500, $H$1, "30,60,90,120")
 */
export function ageBucket(
  due_date: Array<Array<number | string | boolean>>,
  as_of?: Array<Array<number | string | boolean>>,
  boundaries?: Array<Array<number | string | boolean>>,
  basis?: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.AGEBUCKET, due_date, as_of, boundaries, basis);
}

/**
 * Aging summary of open amounts by due date: spills two rows, bucket labels and bucket totals. Volatile: it recalculates at every change, so an omitted as_of follows today's date; over many rows, one call over the whole column is much cheaper than one per row. In a 1904-date-system book, date cells are read in that system once Excel has told the add-in (shared runtime); before that, or without it, the 1900 system is assumed.
 * @customfunction AGING AGING
 * @volatile
 * @param dates Due dates of the open items (a column or row).
 * @param amounts Open amounts, a range of the same size as dates.
 * @param as_of As-of date; when omitted, today's date at calculation time.
 * @param boundaries Inclusive upper bounds in days, as text "30,60,90" or a range of numbers; default 30,60,90.
 * @returns Labels and totals.
 * @example =AR.AGING(tblAR[Due date], tblAR[Open amount], $H$1)
 */
export function aging(
  dates: Array<Array<number | string | boolean>>,
  amounts: Array<Array<number | string | boolean>>,
  as_of?: Array<Array<number | string | boolean>>,
  boundaries?: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.AGING, dates, amounts, as_of, boundaries);
}

/**
 * Due date (a date serial: format the cell as a date) from the invoice date and payment terms such as "Net 30", "2/10 Net 30", "EOM", "Net 30 EOM", "月结30天". In a 1904-date-system book, dates are read and returned in that system once Excel has told the add-in (shared runtime); before that, or without it, the 1900 system is assumed.
 * @customfunction DUEDATE DUEDATE
 * @param invoice_date Invoice date; or a range.
 * @param terms Payment terms text; a number n means Net n.
 * @returns Due date serial.
 * @example =AR.DUEDATE(B2:B500, C2:C500)
 */
export function dueDate(
  invoice_date: Array<Array<number | string | boolean>>,
  terms: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.DUEDATE, invoice_date, terms);
}

/**
 * Early-payment discount earned under terms such as "2/10 Net 30" when paid within the discount days, else 0; rounded to cents.
 * @customfunction DISCOUNT DISCOUNT
 * @param amount Invoice amount.
 * @param terms Payment terms with a discount, such as "2/10 Net 30".
 * @param invoice_date Invoice date.
 * @param payment_date Payment date.
 * @returns Discount amount.
 * @example =AR.DISCOUNT(E2, "2/10 Net 30", B2, F2)
 */
export function discount(
  amount: Array<Array<number | string | boolean>>,
  terms: Array<Array<number | string | boolean>>,
  invoice_date: Array<Array<number | string | boolean>>,
  payment_date: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.DISCOUNT, amount, terms, invoice_date, payment_date);
}

/**
 * Late fee: amount x annual rate x days overdue / 365, plus a fixed fee, rounded to cents; 0 when not overdue.
 * @customfunction LATEFEE LATEFEE
 * @param amount Overdue amount.
 * @param due_date Due date.
 * @param as_of Date the fee is calculated to.
 * @param annual_rate Yearly interest rate, such as 18% or 0.18.
 * @param fixed_fee Fixed fee added to each overdue item; default 0.
 * @returns Late fee.
 * @example =AR.LATEFEE(E2:E500, D2:D500, $H$1, 18%, 25)
 */
export function lateFee(
  amount: Array<Array<number | string | boolean>>,
  due_date: Array<Array<number | string | boolean>>,
  as_of: Array<Array<number | string | boolean>>,
  annual_rate: Array<Array<number | string | boolean>>,
  fixed_fee?: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.LATEFEE, amount, due_date, as_of, annual_rate, fixed_fee);
}

/**
 * Credit still available: limit minus exposure (negative when over the limit).
 * @customfunction CREDITAVAILABLE CREDITAVAILABLE
 * @param limit Credit limit.
 * @param exposure What the customer owes now (open items and other commitments).
 * @returns Available credit.
 * @example =AR.CREDITAVAILABLE(C2:C200, D2:D200)
 */
export function creditAvailable(
  limit: Array<Array<number | string | boolean>>,
  exposure: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.CREDITAVAILABLE, limit, exposure);
}

/**
 * Credit status by the credit check's rules: "Hold" when the oldest item is more than hold_days overdue, else "Over limit", "Near limit" or "OK".
 * @customfunction CREDITSTATUS CREDITSTATUS
 * @param limit Credit limit.
 * @param exposure What the customer owes now (open items and other commitments).
 * @param oldest_days_overdue Days overdue of the oldest open item; blank when none.
 * @param near_pct Near limit from this percentage of the limit; default 80 (write 80 for 80 %).
 * @param hold_days Hold when the oldest item is more than this many days overdue; default 60.
 * @returns Credit status.
 * @example =AR.CREDITSTATUS(C2:C200, D2:D200, E2:E200)
 */
export function creditStatus(
  limit: Array<Array<number | string | boolean>>,
  exposure: Array<Array<number | string | boolean>>,
  oldest_days_overdue?: Array<Array<number | string | boolean>>,
  near_pct?: Array<Array<number | string | boolean>>,
  hold_days?: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.CREDITSTATUS, limit, exposure, oldest_days_overdue, near_pct, hold_days);
}

/**
 * Days sales outstanding: receivables / credit sales x days in the period.
 * @customfunction DSO DSO
 * @param receivables Receivables at the end of the period.
 * @param credit_sales Credit sales of the period.
 * @param days Days in the period, such as 30, 90 or 365.
 * @returns DSO in days.
 * @example =AR.DSO(B2, C2, 90)
 */
export function dso(
  receivables: Array<Array<number | string | boolean>>,
  credit_sales: Array<Array<number | string | boolean>>,
  days: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.DSO, receivables, credit_sales, days);
}

/**
 * Best possible DSO: current (not yet due) receivables / credit sales x days in the period.
 * @customfunction BPDSO BPDSO
 * @param current_receivables Receivables not yet due at the end of the period.
 * @param credit_sales Credit sales of the period.
 * @param days Days in the period, such as 30, 90 or 365.
 * @returns Best possible DSO in days.
 * @example =AR.BPDSO(B3, C2, 90)
 */
export function bpdso(
  current_receivables: Array<Array<number | string | boolean>>,
  credit_sales: Array<Array<number | string | boolean>>,
  days: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.BPDSO, current_receivables, credit_sales, days);
}

/**
 * Collection effectiveness index as a fraction (format as %): (begin AR + credit sales - end AR) / (begin AR + credit sales - end current AR).
 * @customfunction CEI CEI
 * @param begin_ar Receivables at the start of the period.
 * @param credit_sales Credit sales of the period.
 * @param end_ar Receivables at the end of the period.
 * @param end_current_ar Receivables not yet due at the end of the period.
 * @returns CEI as a fraction.
 * @example =AR.CEI(B1, C2, B2, B3)
 */
export function cei(
  begin_ar: Array<Array<number | string | boolean>>,
  credit_sales: Array<Array<number | string | boolean>>,
  end_ar: Array<Array<number | string | boolean>>,
  end_current_ar: Array<Array<number | string | boolean>>,
): Array<Array<number | string | boolean | ExcelError>> {
  return callForExcel(implementations.CEI, begin_ar, credit_sales, end_ar, end_current_ar);
}
