/**
 * The GL tie-out as a use case: age the workbook exactly as the aging does, tie its total to the
 * ledger's AR control balance in one currency, and write "AR GL Tie-out".
 */
import { glTieOutForAging, type GlAgingTieOut, type GlBasis } from "../engine/reconcile";
import { glTieOutSheet } from "../engine/report/gl";
import type { Book } from "../engine/types";
import { computeAging, periodOf, type AgingRequest, type AgingRunOptions } from "./aging";
import type { WorkbookPort } from "./port";
import type { MonthlyAgingProblem } from "./problemStore";

/** A tie-out: the aging it rests on, the ledger's balance and what to compare it with. */
export interface GlTieOutRequest {
  aging: AgingRequest;
  currency: string;
  /** The control account's balance in minor units of `currency`. */
  controlBalanceMinor: number;
  basis: GlBasis;
  /** Write the "AR GL Tie-out" sheet (default true), without activating it unless asked. */
  write?: boolean;
  activate?: boolean;
}

/** A finished tie-out. */
export interface GlTieOutDone {
  ok: true;
  result: GlAgingTieOut;
  /** The sheet written, or null when not asked to write. */
  sheet: string | null;
  /** The aged book, for locating an explaining item's source row. */
  book: Book;
}

/**
 * Ages, ties out and writes; stops with the aging's problem when the tables cannot be picked.
 *
 * @example
 * const done = await runGlTieOut(port, { aging: requestFromSettings(settings, lang, today()), currency: "USD", controlBalanceMinor: 125000, basis: "net" });
 * if (done.ok) done.result.difference;
 */
export async function runGlTieOut(
  port: WorkbookPort,
  request: GlTieOutRequest,
  options: AgingRunOptions = {},
): Promise<GlTieOutDone | { ok: false; problem: MonthlyAgingProblem }> {
  const aging = await computeAging(port, request.aging, options);
  if (!aging.ok) return { ok: false, problem: aging.problem };
  const result = glTieOutForAging(aging.report, {
    currency: request.currency,
    controlBalanceMinor: request.controlBalanceMinor,
    basis: request.basis,
  });
  let sheet: string | null = null;
  if (request.write ?? true) {
    const model = glTieOutSheet(result, request.aging.lang);
    const written = await port.writeSheets([model], {
      period: model.period ?? periodOf(request.aging.asOf),
      activate: request.activate ?? false,
    });
    sheet = written.sheets[0] ?? "";
  }
  return { ok: true, result, sheet, book: aging.book };
}
