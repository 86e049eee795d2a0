/**
 * Statements of account (对账单) and balance confirmations (询证函): built on the aging, tied to
 * it, and laid out for sheets, PDF and JSON.
 */
export { buildStatements, StatementTieError, statementLabel, periodText } from "./build";
export { collectionStages, type CollectionStageOptions } from "./collectionStage";
export { confirmationContent, type ConfirmationContent } from "./confirmation";
export { parseCompany, companyLines, COMPANY_SETTING, type CompanyInfo } from "./company";
export { customerDetailsOf, type CustomerDetails } from "./customer";
export { toStatementsJson, type StatementsJson, type StatementJson, type StatementLineJson } from "./json";
export {
  activityHeadings,
  openItemsHeadings,
  statementsSheet,
  statementsSheetName,
  paperFor,
  collectionStageText,
  type StatementDocumentKind,
  type StatementsSheetOptions,
} from "./sheets";
export { wrapText, displayWidth } from "./text";
export type {
  Statement,
  StatementCollectionStage,
  StatementLine,
  StatementLineType,
  StatementOpenItem,
  StatementOptions,
  StatementSet,
} from "./types";
