/**
 * GL tie-out: does the aging's open total agree with the general ledger's control account,
 * and if not, which items explain the difference? Only explanations that add up exactly are
 * offered; when none does, the difference is reported as unexplained rather than guessed at.
 */

/** What a candidate explanation is. */
export type GlCandidateKind = "open-item" | "unapplied-credit" | "after-as-of" | "other";

/**
 * An item that may explain the difference. `amount` is its effect on (aging − control) in
 * minor units: an open invoice the GL lacks is +amount, an unapplied credit the aging nets but
 * the GL does not is −amount. The caller knows its books and signs the items accordingly.
 */
export interface GlCandidate {
  kind: GlCandidateKind;
  /** Document number or description, as the user knows it. */
  label: string;
  amount: number;
  sheet?: string;
  row?: number;
}

/** How the difference was explained. */
export type GlExplanation = "balanced" | "single" | "kind-total" | "pair" | "unexplained";

export interface GlTieOut {
  agingOpenTotal: number;
  controlBalance: number;
  /** agingOpenTotal − controlBalance. */
  difference: number;
  method: GlExplanation;
  /** The items that together equal the difference (empty when balanced or unexplained). */
  items: GlCandidate[];
  /** For "single": how many other single items equal the difference too (the choice is then not certain). */
  otherMatches: number;
}

const KIND_ORDER: readonly GlCandidateKind[] = ["after-as-of", "unapplied-credit", "open-item", "other"];

/**
 * Ties the aging's open total to a control balance (both in minor units of one currency) and
 * looks for the items that explain the difference, in this order:
 * 1. no difference: "balanced";
 * 2. one candidate equal to the difference: "single" (`otherMatches` counts other equal ones);
 * 3. all candidates of one kind together (e.g. every document dated after the as-of date):
 *    "kind-total";
 * 4. two candidates adding up to it (a hash lookup, not a search over all pairs): "pair";
 * 5. otherwise "unexplained", with no items.
 *
 * @example
 * glTieOut(1250000, 1200000, [{ kind: "open-item", label: "INV-9", amount: 50000 }])
 * // { difference: 50000, method: "single", items: [{ label: "INV-9", … }], otherMatches: 0, … }
 * glTieOut(1250000, 1250000) // { difference: 0, method: "balanced", items: [], … }
 */
export function glTieOut(agingOpenTotalMinor: number, controlBalanceMinor: number, candidates: readonly GlCandidate[] = []): GlTieOut {
  const difference = agingOpenTotalMinor - controlBalanceMinor;
  const base = { agingOpenTotal: agingOpenTotalMinor, controlBalance: controlBalanceMinor, difference };
  if (difference === 0) return { ...base, method: "balanced", items: [], otherMatches: 0 };

  const singles = candidates.filter((c) => c.amount === difference);
  const [single] = singles;
  if (single) return { ...base, method: "single", items: [single], otherMatches: singles.length - 1 };

  for (const kind of KIND_ORDER) {
    const items = candidates.filter((c) => c.kind === kind);
    if (items.length > 1 && items.reduce((sum, c) => sum + c.amount, 0) === difference) {
      return { ...base, method: "kind-total", items, otherMatches: 0 };
    }
  }

  const seen = new Map<number, number>();
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    if (!candidate) continue;
    const partner = seen.get(difference - candidate.amount);
    const first = partner === undefined ? undefined : candidates[partner];
    if (first) return { ...base, method: "pair", items: [first, candidate], otherMatches: 0 };
    if (!seen.has(candidate.amount)) seen.set(candidate.amount, i);
  }
  return { ...base, method: "unexplained", items: [], otherMatches: 0 };
}
