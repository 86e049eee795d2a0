/**
 * Credit control: limits, exposure and status per customer, and the order check.
 */
export * from "./status";
export {
  checkCredit,
  checkOrder,
  creditReason,
  creditStatuses,
  DEFAULT_CREDIT_OPTIONS,
  type CreditOptions,
  type CreditReport,
  type CreditStatuses,
  type CustomerCredit,
  type CreditGroup,
  type OrderCheck,
  type ReasonContext,
} from "./check";
export { converterOf, type Converter } from "./convert";
