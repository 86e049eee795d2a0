/**
 * The glossary: each finance term has one English and one Chinese wording across every catalog
 * (pane, ribbon, sheets, CLI, functions). A test checks that a message using the English term
 * uses the Chinese one, and that no message uses a discarded variant.
 */

/** One term of the glossary. */
export interface GlossaryTerm {
  /** The English term, matched as whole words, case-insensitively unless `exactCase`. */
  en: string;
  /** Sheet names match only as written ("AR Aging", not "AR aging as of …"). */
  exactCase?: boolean;
  /** The one Chinese wording of it. */
  zh: string;
  /** Wordings no message may use (in either language): the variants this glossary settled. */
  avoid?: readonly string[];
}

/** The terms, most specific first. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  { en: "credit limit", zh: "信用额度" },
  { en: "unapplied credit", zh: "未核销贷项", avoid: ["Unapplied cash", "未核销收款", "预收款"] },
  { en: "highlights", zh: "标记", avoid: ["突出显示", "高亮"] },
  { en: "customer table", zh: "客户档案" },
  { en: "invoice table", zh: "发票表" },
  { en: "exposure", zh: "风险敞口" },
  { en: "credit group", zh: "信用集团" },
  { en: "AR Credit", zh: "应收信用", avoid: ["AR 信用"], exactCase: true },
  { en: "AR Aging", zh: "应收账龄", exactCase: true },
  { en: "AR Reconciliation", zh: "应收对账", exactCase: true },
];
