/**
 * Credit check benchmark: 100k customers / 1M invoices, timing the credit check beyond the
 * aging (target < 500 ms) and the AR Credit sheet model.
 *   node --expose-gc -r ts-node/register/transpile-only bench/credit.ts
 */
import { generateSampleBook } from "../src/engine/sample";
import { readBook } from "../src/engine/read";
import { DEFAULT_BOUNDARIES, ageBook } from "../src/engine/aging";
import { checkCredit, DEFAULT_CREDIT_OPTIONS } from "../src/engine/credit/check";
import { creditSheet, toCreditJson } from "../src/engine/report/credit";
import { serialFromIso } from "../src/engine/dates";
import type { TableData } from "../src/engine/types";

const CUSTOMERS = 100_000;
const INVOICES = 1_000_000;

/** The sample book, its customer table widened to `customers` and invoices spread over them. */
function book(customers: number, invoices: number, asOf: number): TableData[] {
  const tables = generateSampleBook({ invoices, seed: 42, asOf, messy: false });
  const customerTable = tables.find((t) => t.name === "Customers")!;
  const invoiceTable = tables.find((t) => t.name === "Invoices")!;
  const template = customerTable.rows;
  const rows = Array.from({ length: customers }, (_, k) => {
    const row = [...template[k % template.length]!];
    row[0] = `Customer ${k}`;
    // Every tenth customer joins one of 1,000 credit groups.
    row[5] = k % 10 === 0 ? `Customer ${k % 10000}` : null;
    return row;
  });
  const customerCol = invoiceTable.header.indexOf("Customer");
  invoiceTable.rows.forEach((row, i) => (row[customerCol] = `Customer ${(i * 7919) % customers}`));
  return tables.map((t) => (t === customerTable ? { ...t, rows } : t));
}

/**
 * Times the credit check for 100k customers and 1M invoices (ms per phase).
 *
 * @example
 * const { creditMs } = await benchCredit(); // well under 500
 */
export async function benchCredit(): Promise<Record<string, number>> {
  const asOf = serialFromIso("2026-10-31")!;
  const tables = book(CUSTOMERS, INVOICES, asOf);
  const parsed = readBook(tables, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  let t0 = performance.now();
  const aging = ageBook(parsed, { asOf, basis: "due", boundaries: [...DEFAULT_BOUNDARIES], autoApply: true, lang: "en-US" });
  const agingMs = performance.now() - t0;
  t0 = performance.now();
  const report = checkCredit(aging, { ...DEFAULT_CREDIT_OPTIONS, defaultCurrency: "USD", lang: "en-US" });
  const creditMs = performance.now() - t0;
  t0 = performance.now();
  creditSheet(report, "en-US");
  const sheetMs = performance.now() - t0;
  t0 = performance.now();
  toCreditJson(report);
  const jsonMs = performance.now() - t0;
  await Promise.resolve();
  return {
    customers: report.customers.length,
    invoices: parsed.invoices.length,
    agingMs: Math.round(agingMs),
    creditMs: Math.round(creditMs),
    sheetMs: Math.round(sheetMs),
    jsonMs: Math.round(jsonMs),
  };
}

if (require.main === module) {
  void benchCredit().then((result) => process.stdout.write(JSON.stringify(result) + "\n"));
}
