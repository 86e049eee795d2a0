/**
 * The collection stage's line of a statement footer (#16's ladder on #17's statements): for each
 * customer and currency with something overdue, the stage and action the collections worklist
 * gives at the statement date. The worklist is the collections engine's own, with the same
 * ladder and follow-up log, so a statement never states a stage the Collections view does not.
 */
import type { AgingReport } from "../aging";
import { collectionsAging, collectionsWorklist, isCollectionsAging, type FollowUp, type LadderStage } from "../collections";
import type { Book, Lang } from "../types";
import type { StatementCollectionStage } from "./types";

/** What the stage lines are computed from. */
export interface CollectionStageOptions {
  /** The statement date (`to`), an Excel serial. */
  asOf: number;
  lang: Lang;
  /** The ladder saved in the workbook (or given on the command line). */
  ladder: readonly LadderStage[];
  /** The follow-up log read against `book` (promises and disputes change the stage). */
  followUps: readonly FollowUp[];
  /** An aging of `book` at `asOf` the caller has: reused when it ages as collections does. */
  aging?: AgingReport;
}

/**
 * The stage line of each overdue customer and currency, as a lookup for
 * `StatementOptions.collectionStage`: null for a customer with nothing overdue, or whose overdue
 * items are all disputed or promised (no stage).
 *
 * @example
 * const stageOf = collectionStages(book, { asOf: to, lang: "en-US", ladder: DEFAULT_LADDER, followUps: [] });
 * stageOf(0, "USD") // { stage: 2, action: "Written notice" } for a customer 20 days past due
 */
export function collectionStages(
  book: Book,
  options: CollectionStageOptions,
): (customerIndex: number, currency: string) => StatementCollectionStage | null {
  const { asOf, lang } = options;
  const aging = options.aging && isCollectionsAging(options.aging, book, asOf) ? options.aging : collectionsAging(book, asOf, lang);
  const worklist = collectionsWorklist(aging, options.followUps, { ladder: options.ladder, lang });
  const stages = new Map<string, StatementCollectionStage>();
  // From the worklist's columns: a statement run needs no row object per customer.
  const { rows } = worklist;
  for (let r = 0; r < rows.length; r++) {
    const stage = rows.stage[r]!;
    const action = stage < 0 ? null : (worklist.ladder[stage]?.action[lang] ?? null);
    if (rows.overdue[r]! > 0 && action !== null) {
      const account = aging.accounts[rows.account[r]!]!;
      stages.set(`${account.customerIndex}\u0000${account.currency}`, { stage, action });
    }
  }
  return (customerIndex, currency) => stages.get(`${customerIndex}\u0000${currency}`) ?? null;
}
