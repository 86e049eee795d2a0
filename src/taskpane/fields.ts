/**
 * The fields offered for each role in the mapping view, in the order a finance user reads a
 * ledger (identity, dates, money, then descriptive columns).
 */
import type { CustomerField, InvoiceField, PaymentField, Role } from "../engine/types";

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

/** Fields of each role, as shown in the mapping view. */
export const FIELDS_BY_ROLE: Readonly<Record<Role, readonly (InvoiceField | PaymentField | CustomerField)[]>> = {
  invoices: INVOICE_FIELDS,
  payments: PAYMENT_FIELDS,
  customers: CUSTOMER_FIELDS,
};
