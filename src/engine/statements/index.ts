/**
 * Statements of account (对账单) and balance confirmations (询证函): built on the aging, tied to
 * it, and laid out for sheets, PDF and JSON.
 */
export { buildStatements, StatementTieError, statementLabel, periodText } from "./build";
export { confirmationContent, type ConfirmationContent } from "./confirmation";
export { parseCompany, companyLines, COMPANY_SETTING, type CompanyInfo } from "./company";
export { customerDetailsOf, type CustomerDetails } from "./customer";
export { toStatementsJson, type StatementsJson, type StatementJson, type StatementLineJson } from "./json";
export { statementsSheet, statementsSheetName, paperFor, type StatementDocumentKind, type StatementsSheetOptions } from "./sheets";
export { wrapText, displayWidth } from "./text";
export type { Statement, StatementLine, StatementLineType, StatementOpenItem, StatementOptions, StatementSet } from "./types";
