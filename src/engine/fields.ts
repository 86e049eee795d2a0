/**
 * The fields of each role, in the order a finance user reads a ledger (identity, dates, money,
 * then descriptive columns): the mapping view offers them so, and saved mappings are checked
 * against them.
 */
import type { CustomerField, Field, InvoiceField, PaymentField, Role } from "./types";

const INVOICE_FIELDS: readonly InvoiceField[] = [
  "invoiceNumber",
  "customer",
  "invoiceDate",
  "dueDate",
  "terms",
  "amount",
  "openAmount",
  "currency",
  "salesRep",
  "documentType",
  "reference",
  "status",
  "po",
  "description",
];
const PAYMENT_FIELDS: readonly PaymentField[] = ["paymentReference", "customer", "paymentDate", "amount", "invoiceNumber", "currency"];
const CUSTOMER_FIELDS: readonly CustomerField[] = ["customer", "creditLimit", "currency", "terms", "salesRep", "group", "segment", "hold"];

/**
 * Fields of each role, as shown in the mapping view.
 *
 * @example
 * FIELDS_BY_ROLE.payments[0] // "paymentReference"
 */
export const FIELDS_BY_ROLE: Readonly<Record<Role, readonly (InvoiceField | PaymentField | CustomerField)[]>> = {
  invoices: INVOICE_FIELDS,
  payments: PAYMENT_FIELDS,
  customers: CUSTOMER_FIELDS,
};

const ALL_FIELDS: ReadonlySet<string> = new Set<Field>(Object.values(FIELDS_BY_ROLE).flat());

/**
 * True when `name` is a field of some role (a saved mapping may name no other).
 *
 * @example
 * isField("dueDate") // true
 * isField("dueDay")  // false
 */
export function isField(name: string): name is Field {
  return ALL_FIELDS.has(name);
}
