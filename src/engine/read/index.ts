/**
 * Reading tables: header recognition (English and Chinese synonyms), table detection, and typed
 * columnar parsing into a Book with a RowIssue for every problem found.
 */
export { normalizeHeader, normalizeKey, cellAddress, columnLetters, cellText, isBlankCell } from "./normalize";
export { recognizeHeader, stripNumberMarker, HEADER_SYNONYMS, type HeaderMatch } from "./headers";
export {
  detectTables,
  detectSources,
  mappedTables,
  roleNameConfidence,
  ROLES,
  REQUIRED_FIELDS,
  ROLE_NAMES,
  type DetectionPlan,
} from "./detect";
export { isTotalLabel, isTotalNumber, rowHasTotalLabel, documentKind, holdFlag, type DocumentKind } from "./values";
export { readBook, emptyInvoices } from "./parse";
export {
  readCreditTables,
  readOrders,
  readRates,
  ordersTable,
  ratesTable,
  isCreditSideTable,
  isClosedOrderStatus,
  ORDER_SYNONYMS,
  RATE_SYNONYMS,
  type OrderColumns,
  type RateTable,
  type CreditTables,
  type CreditTablesOptions,
  type OrderField,
  type RateField,
  type SideTable,
} from "./creditTables";
