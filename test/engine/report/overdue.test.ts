import { readBook } from "../../../src/engine/read";
import { ageBook } from "../../../src/engine/aging";
import { generateSampleBook } from "../../../src/engine/sample";
import { serialFromYmd } from "../../../src/engine/dates";
import { summarizeAging } from "../../../src/engine/report/overdue";

const book = readBook(generateSampleBook({ invoices: 400, seed: 7 }), {
  lang: "en-US",
  dateOrder: null,
  dateSystem: 1900,
  defaultCurrency: "USD",
});
const report = ageBook(book, { asOf: serialFromYmd(2026, 10, 31), basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });

describe("summarizeAging", () => {
  it("lists at most five overdue balances per currency, largest first", () => {
    const topOverdue = summarizeAging(report, "customer").topOverdue;
    expect(topOverdue.length).toBeGreaterThan(0);
    for (const { rows } of topOverdue) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(5);
      for (let k = 1; k < rows.length; k++) expect(rows[k - 1]!.overdue).toBeGreaterThanOrEqual(rows[k]!.overdue);
      for (const row of rows) expect(row.overdue).toBeLessThanOrEqual(row.open);
    }
  });

  it("counts as overdue exactly the buckets past Current (basis due), per customer", () => {
    const top = summarizeAging(report, "customer", Number.MAX_SAFE_INTEGER).topOverdue;
    expect(report.accounts.length).toBeGreaterThan(0);
    for (const account of report.accounts) {
      const overdue = account.buckets.slice(1).reduce((sum, amount) => sum + amount, 0);
      const row = top.find((group) => group.currency === account.currency)?.rows.find((r) => r.name === account.customer);
      expect(row?.overdue ?? 0).toBe(overdue);
    }
  });

  it("splits the same overdue total by sales rep as by customer, in each currency", () => {
    const all = (groupBy: "customer" | "salesRep") =>
      new Map(
        summarizeAging(report, groupBy, Number.MAX_SAFE_INTEGER).topOverdue.map((g) => [
          g.currency,
          g.rows.reduce((sum, r) => sum + r.overdue, 0),
        ]),
      );
    expect(all("salesRep")).toEqual(all("customer"));
  });
});
