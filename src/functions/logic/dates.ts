/**
 * AR.DAYSOVERDUE, AR.AGEBUCKET and AR.DUEDATE: date arithmetic and bucketing by the engine's
 * rules (engine/dates, engine/aging, engine/terms), element-wise over ranges.
 */
import { daysBetween } from "../../engine/dates";
import { bucketIndex, makeBuckets } from "../../engine/aging";
import { dueDateFromTerms, type PaymentTerms } from "../../engine/terms";
import type { Cell, FunctionContext } from "./errors";
import { dateReader, readBasis, readBoundaries, termsReader, toGrid } from "./read";
import { spill } from "./spill";

/** Days between the 1900 and 1904 systems' serials of the same day. */
const OFFSET_1904 = 1462;

/**
 * Days past due at the as-of date: as_of − due_date, negative when not yet due. Omitting as_of
 * uses today's date (from the context).
 *
 * @example
 * daysOverdue(ctx, [[46296]], [[46326]])          // [[30]]  (due 2026-10-01, as of 2026-10-31)
 * daysOverdue(ctx, [["2026-11-30"], [""]], 46326) // [[-30], [""]]
 */
export function daysOverdue(ctx: FunctionContext, dueDate: unknown, asOf?: unknown): Cell[][] {
  const id = "DAYSOVERDUE";
  return spill<[number, number]>(
    ctx,
    id,
    [
      { name: "due_date", value: dueDate, read: dateReader(ctx, id, "due_date") },
      { name: "as_of", value: asOf, read: dateReader(ctx, id, "as_of"), fallback: ctx.today },
    ],
    ([due, at]) => daysBetween(due, at),
  );
}

/**
 * The aging bucket label of a date at the as-of date, in the context's language: "Current"
 * (not yet due, or due on the as-of date), "1-30", …, "90+" with the default boundaries
 * 30, 60, 90. Boundaries are inclusive upper bounds; basis "invoice" ages from the invoice date
 * (the first argument is then the invoice date) and starts at "0-30".
 *
 * @example
 * ageBucket(enCtx, [[46296]], 46326)                    // [["1-30"]]
 * ageBucket(zhCtx, [[46296]], 46326)                    // [["1-30天"]]
 * ageBucket(enCtx, [[46200]], 46326, "30,60,90,120")    // [["91-120"]]
 */
export function ageBucket(ctx: FunctionContext, dueDate: unknown, asOf?: unknown, boundaries?: unknown, basis?: unknown): Cell[][] {
  const id = "AGEBUCKET";
  const bounds = readBoundaries(ctx, id, "boundaries", toGrid(boundaries));
  const by = readBasis(ctx, id, "basis", toGrid(basis));
  const labels = makeBuckets(by, bounds, ctx.lang).map((bucket) => bucket.label);
  return spill<[number, number]>(
    ctx,
    id,
    [
      { name: "due_date", value: dueDate, read: dateReader(ctx, id, "due_date") },
      { name: "as_of", value: asOf, read: dateReader(ctx, id, "as_of"), fallback: ctx.today },
    ],
    ([date, at]) => labels[bucketIndex(daysBetween(date, at), by, bounds)]!,
  );
}

/**
 * Due date (serial) of an invoice under payment terms: "Net 30", "2/10 Net 30", "EOM",
 * "Net 30 EOM", "月结30天", "Due on receipt"; a number n means Net n.
 *
 * @example
 * dueDate(ctx, [[46310]], "Net 30")     // [[46340]]  (2026-10-15 → 2026-11-14)
 * dueDate(ctx, [[46310]], "Net 30 EOM") // [[46356]]  (→ 2026-11-30)
 */
export function dueDate(ctx: FunctionContext, invoiceDate: unknown, terms: unknown): Cell[][] {
  const id = "DUEDATE";
  return spill<[number, PaymentTerms]>(
    ctx,
    id,
    [
      { name: "invoice_date", value: invoiceDate, read: dateReader(ctx, id, "invoice_date") },
      { name: "terms", value: terms, read: termsReader(ctx, id, "terms") },
    ],
    // The result is a date cell of the book: in its own date system.
    ([date, parsed]) => dueDateFromTerms(date, parsed) - (ctx.dateSystem === 1904 ? OFFSET_1904 : 0),
  );
}
