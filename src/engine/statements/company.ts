/**
 * The company block at the top of statements and confirmations (our name, address, tax id,
 * bank / remit-to), as saved by the task pane's Company form or given to the CLI as JSON.
 */

/** Our company as statements print it; every field but the name is optional. */
export interface CompanyInfo {
  name: string;
  address?: string;
  taxId?: string;
  /** Bank and account, or remit-to instructions. */
  bank?: string;
  phone?: string;
  email?: string;
  /** Footer message of statements; the catalog's default when absent. */
  message?: string;
}

/** The workbook setting the task pane saves the company block under. */
export const COMPANY_SETTING = "ARDesk.company";

const FIELDS = ["name", "address", "taxId", "bank", "phone", "email", "message"] as const;

/**
 * Reads a company block from an untrusted JSON value (a setting, a --company file): text fields
 * trimmed, unknown keys ignored. Returns the problem as text when the value is not usable.
 *
 * @example
 * parseCompany({ name: " Contoso Ltd ", taxId: "91310000" }) // { ok: true, company: { name: "Contoso Ltd", taxId: "91310000" } }
 * parseCompany({ address: "1 Main St" })                   // { ok: false, problem: '"name" must be non-empty text' }
 */
export function parseCompany(value: unknown): { ok: true; company: CompanyInfo } | { ok: false; problem: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, problem: "expected an object" };
  const record = value as Record<string, unknown>;
  const company: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const field of FIELDS) {
    const raw = record[field];
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== "string" && typeof raw !== "number") return { ok: false, problem: `"${field}" must be text` };
    const text = String(raw).trim();
    if (text !== "") company[field] = text;
  }
  if (!company.name) return { ok: false, problem: '"name" must be non-empty text' };
  return { ok: true, company: company as CompanyInfo };
}

/**
 * The lines of the company block under the name, in print order, blank fields left out.
 * Labels come from the caller so the block reads in the statement's language.
 *
 * @example
 * companyLines({ name: "Contoso", address: "1 Main St", taxId: "123" }, { taxId: "Tax ID", bank: "Bank", phone: "Tel", email: "Email" })
 * // ["1 Main St", "Tax ID: 123"]
 */
export function companyLines(company: CompanyInfo, labels: { taxId: string; bank: string; phone: string; email: string }): string[] {
  const lines: string[] = [];
  if (company.address) lines.push(...company.address.split(/\r?\n/).filter((line) => line.trim() !== ""));
  if (company.taxId) lines.push(`${labels.taxId}: ${company.taxId}`);
  if (company.bank) lines.push(`${labels.bank}: ${company.bank}`);
  const contact = [
    company.phone ? `${labels.phone}: ${company.phone}` : null,
    company.email ? `${labels.email}: ${company.email}` : null,
  ].filter((x): x is string => x !== null);
  if (contact.length > 0) lines.push(contact.join("  "));
  return lines;
}
