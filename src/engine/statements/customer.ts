/**
 * The customer block of a statement: address, contact and e-mail, when the customers table has
 * such columns. The reader does not need them for any figure, so they are looked up here, from
 * the table the reader recognised as the customers table, only for the customers printed.
 */
import type { Book } from "../types";
import { cellText, normalizeHeader, normalizeKey } from "../read/normalize";

/** What a statement prints under the customer's name. */
export interface CustomerDetails {
  address: string | null;
  contact: string | null;
  email: string | null;
}

/** Header texts (normalised as normalizeHeader does) of each detail, English and Chinese. */
const DETAIL_HEADERS: Record<keyof CustomerDetails, readonly string[]> = {
  address: [
    "address",
    "billingaddress",
    "billto",
    "mailingaddress",
    "customeraddress",
    "地址",
    "客户地址",
    "账单地址",
    "通讯地址",
    "联系地址",
  ],
  contact: ["contact", "contactperson", "contactname", "attention", "attn", "联系人", "对接人"],
  email: ["email", "emailaddress", "mail", "邮箱", "电子邮箱", "电子邮件", "邮件"],
};

/**
 * A lookup of customer details by customer index (Book.customers), reading the customers
 * table's address, contact and e-mail columns; every detail null when the book has no such
 * table or column.
 *
 * @example
 * const details = customerDetailsOf(book);
 * details(0) // { address: "1 Main St", contact: "Ann Lee", email: "ap@acme.example" }
 */
export function customerDetailsOf(book: Book): (customer: number) => CustomerDetails {
  const none: CustomerDetails = { address: null, contact: null, email: null };
  const source = book.sources.customers;
  if (!source) return () => none;
  const table = source.table;
  const nameColumn = source.columns.find((c) => c.field === "customer")?.index;
  if (nameColumn === undefined) return () => none;
  const headers = table.header.map((h) => normalizeHeader(h));
  const columnOf = (detail: keyof CustomerDetails): number => headers.findIndex((h) => DETAIL_HEADERS[detail].includes(h));
  const columns = { address: columnOf("address"), contact: columnOf("contact"), email: columnOf("email") };
  if (columns.address < 0 && columns.contact < 0 && columns.email < 0) return () => none;
  const byKey = new Map<string, CustomerDetails>();
  for (const row of table.rows) {
    const name = cellText(row[nameColumn]);
    if (name === null) continue;
    const key = normalizeKey(name);
    if (byKey.has(key)) continue;
    const text = (c: number): string | null => (c < 0 ? null : cellText(row[c]));
    byKey.set(key, { address: text(columns.address), contact: text(columns.contact), email: text(columns.email) });
  }
  return (customer) => byKey.get(normalizeKey(book.customers.name[customer] ?? "")) ?? none;
}
