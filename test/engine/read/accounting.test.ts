/**
 * Row accounting: for any book, however messy, every source row is counted in the figures,
 * excluded with an issue, blank, or skipped as a named total/heading row, and every row of the
 * used range is in the table or named in a note as not read.
 *   counted + excluded + blank + skipped (+ not read) = rows in the used range
 */
import fc from "fast-check";
import { readBook } from "../../../src/engine/read";
import { documentSheet } from "../../../src/engine/columns";
import type { Book, CellValue, ReadOptions, TableData } from "../../../src/engine/types";
import { tableFromHeaderRow, type SheetGrid } from "../../../src/file/xlsx";
import { userTable } from "../builders";

const options: ReadOptions = { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" };
const INV_HEADER = ["Invoice No", "Customer", "Due Date", "Amount", "Currency"];
const PAY_HEADER = ["Receipt No", "Customer", "Payment Date", "Amount", "Invoice"];

/** Invoice rows of every kind a user's ledger holds. */
const invoiceRow: fc.Arbitrary<CellValue[]> = fc.oneof(
  fc
    .record({
      n: fc.integer({ min: 1, max: 40 }),
      c: fc.constantFrom("Acme", "Beta", " ACME "),
      d: fc.integer({ min: 46000, max: 46400 }),
      a: fc.integer({ min: -500, max: 5000 }),
    })
    .map(({ n, c, d, a }) => [`I-${n}`, c, d, a / 4, null]),
  fc.constant<CellValue[]>([null, null, null, null, null]),
  fc.constant<CellValue[]>(["Total", null, null, 999, null]),
  fc.constant<CellValue[]>([null, "Region East", null, null, null]),
  fc.constant<CellValue[]>(["I-err", "#N/A", 46300, 5, null]),
  fc.constant<CellValue[]>([true, "Acme", 46300, 5, null]),
  fc.constant<CellValue[]>(["I-date", "Acme", "someday", 5, null]),
  fc.constant<CellValue[]>(["I-cur", "Acme", 46300, 5, "dollars"]),
  fc
    .tuple(
      fc.string({ maxLength: 6 }),
      fc.string({ maxLength: 6 }),
      fc.oneof(fc.string({ maxLength: 6 }), fc.integer()),
      fc.oneof(fc.string({ maxLength: 6 }), fc.double({ noNaN: true })),
    )
    .map(([a, b, c, d]) => [a, b, c, d, null]),
);
const CUS_HEADER = ["Customer", "Credit Limit", "Terms", "On Hold"];
/** Customer rows: ordinary, repeated, blank, totals, nameless, error cells, junk. */
const customerRow: fc.Arbitrary<CellValue[]> = fc.oneof(
  fc
    .record({ c: fc.constantFrom("Acme", "Beta", "Gamma", " ACME "), l: fc.integer({ min: 0, max: 90000 }) })
    .map(({ c, l }) => [c, l, "Net 30", "No"]),
  fc.constant<CellValue[]>([null, null, null, null]),
  fc.constant<CellValue[]>(["Total", 99999, null, null]),
  fc.constant<CellValue[]>([null, 5000, "Net 30", null]),
  fc.constant<CellValue[]>(["Delta", "#N/A", "Net 30", "No"]),
  fc.constant<CellValue[]>(["Echo", 100, "Net 30", "#REF!"]),
  fc
    .tuple(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), fc.string({ maxLength: 4 }))
    .map(([a, b, c]) => [a, b, c, null]),
);
const paymentRow: fc.Arbitrary<CellValue[]> = fc.oneof(
  fc
    .record({ n: fc.integer({ min: 1, max: 40 }), a: fc.integer({ min: -200, max: 2000 }) })
    .map(({ n, a }) => [`R-${n}`, "Acme", 46310, a, `I-${n}`]),
  fc.constant<CellValue[]>([null, null, null, null, null]),
  fc.constant<CellValue[]>(["Total", null, null, 10, null]),
  fc.constant<CellValue[]>(["R-x", null, 46310, 5, null]),
  fc.constant<CellValue[]>(["R-y", "Acme", 46310, "#REF!", null]),
);

/** Checks the accounting of every table of `book` (ledger and customers) against the rows it was given. */
function expectEveryRowAccounted(book: Book, tables: Partial<Record<"invoice" | "payment" | "customer", TableData>>): void {
  const accounting = book.accounting ?? [];
  expect(accounting.length).toBeGreaterThan(0);
  // Every table handed in is accounted for, none twice.
  expect(accounting.map((e) => e.kind).sort()).toEqual(Object.keys(tables).sort());
  for (const entry of accounting) {
    const source = tables[entry.kind];
    expect(source).toBeDefined();
    expect(entry.counted + entry.excluded + entry.blank + entry.skipped.length).toBe(source?.rows.length);
    // And row by row: each sheet row in exactly one place.
    const inTable = (customer: number): boolean => book.customers.inTable[customer] === 1;
    const counted =
      entry.kind === "invoice"
        ? [...book.invoices.row]
        : entry.kind === "payment"
          ? [...(book.payments?.row ?? [])]
          : [...book.customers.row].filter((_, customer) => inTable(customer));
    // Customer rows left out have no ExcludedRow: they are the rows with an error issue.
    const excluded =
      entry.kind === "customer"
        ? [...new Set(book.issues.filter((i) => i.sheet === entry.sheet && i.severity === "error" && i.row !== null).map((i) => i.row!))]
        : book.excluded.filter((e) => e.kind === entry.kind).map((e) => e.row);
    expect(excluded).toHaveLength(entry.excluded);
    const skipped = entry.skipped.map((s) => s.row);
    const named = [...counted, ...excluded, ...skipped];
    expect(new Set(named).size).toBe(named.length);
    source?.rows.forEach((cells, i) => {
      const row = (source.firstRow ?? 2) + i;
      const blank = cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
      expect({ row, blank, named: named.includes(row) }).toEqual({ row, blank, named: !blank });
    });
    // Every excluded row has an error issue on it.
    for (const row of excluded)
      expect(book.issues.some((issue) => issue.row === row && issue.severity === "error" && issue.sheet === entry.sheet)).toBe(true);
  }
}

describe("row accounting (property)", () => {
  it("counted + excluded + blank + skipped = rows, for random messy ledgers", () => {
    fc.assert(
      fc.property(
        fc.array(invoiceRow, { minLength: 1, maxLength: 40 }),
        fc.array(paymentRow, { maxLength: 20 }),
        fc.array(customerRow, { maxLength: 20 }),
        (invoiceRows, paymentRows, customerRows) => {
          const invoices = userTable("Invoices", INV_HEADER, invoiceRows);
          const payments = paymentRows.length > 0 ? userTable("Payments", PAY_HEADER, paymentRows) : undefined;
          const customers = customerRows.length > 0 ? userTable("Customers", CUS_HEADER, customerRows) : undefined;
          const book = readBook([invoices, ...(payments ? [payments] : []), ...(customers ? [customers] : [])], options);
          expectEveryRowAccounted(book, {
            invoice: invoices,
            ...(payments ? { payment: payments } : {}),
            ...(customers ? { customer: customers } : {}),
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("counts every row of invoices split over several sheets read together, each table on its own", () => {
    fc.assert(
      fc.property(fc.array(fc.array(invoiceRow, { maxLength: 15 }), { minLength: 2, maxLength: 4 }), fc.boolean(), (parts, reorder) => {
        // Each month on its own sheet; the later ones may put the same columns in another order.
        const order = reorder ? [3, 0, 2, 1, 4] : [0, 1, 2, 3, 4];
        const tables = parts.map((rows, m) => {
          const columns = m === 0 ? [0, 1, 2, 3, 4] : order;
          return {
            ...userTable(
              `Invoices M${m + 1}`,
              columns.map((c) => INV_HEADER[c]!),
              rows.map((row) => columns.map((c) => row[c] ?? null)),
            ),
            firstRow: 2 + m,
          };
        });
        const book = readBook(tables, options);
        const accounting = book.accounting ?? [];
        expect(accounting.map((a) => a.table)).toEqual(tables.map((t) => t.name));
        expect(book.joined?.invoices?.map((d) => d.table.name)).toEqual(tables.map((t) => t.name));
        let counted = 0;
        for (const [m, entry] of accounting.entries()) {
          const source = tables[m]!;
          expect(entry.counted + entry.excluded + entry.blank + entry.skipped.length).toBe(source.rows.length);
          counted += entry.counted;
          // Row by row, in this table's own sheet: each row in exactly one place, blank rows in none.
          const inSheet = (sheet: string): boolean => sheet === source.sheet;
          const stored = [...book.invoices.row].filter((_, k) => inSheet(documentSheet(book.invoices, k)));
          const excluded = book.excluded.filter((e) => inSheet(e.sheet)).map((e) => e.row);
          const named = [...stored, ...excluded, ...entry.skipped.map((s) => s.row)];
          expect(new Set(named).size).toBe(named.length);
          source.rows.forEach((cells, i) => {
            const blank = cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
            expect({ row: source.firstRow + i, named: named.includes(source.firstRow + i) }).toEqual({
              row: source.firstRow + i,
              named: !blank,
            });
          });
        }
        expect(counted).toBe(book.invoices.length);
      }),
      { numRuns: 150 },
    );
  });

  it("every row of a sheet's used range is in the table or named as not read, with blank rows, duplicate headings and a split block", () => {
    const block = fc.record({
      rows: fc.array(fc.oneof({ weight: 3, arbitrary: invoiceRow }, { weight: 1, arbitrary: fc.constant<CellValue[]>([]) }), {
        minLength: 1,
        maxLength: 30,
      }),
      duplicateHeading: fc.boolean(),
      split: fc.option(fc.array(invoiceRow, { minLength: 1, maxLength: 5 }), { nil: undefined }),
      title: fc.boolean(),
    });
    fc.assert(
      fc.property(block, ({ rows, duplicateHeading, split, title }) => {
        const header = duplicateHeading ? [...INV_HEADER, "Amount"] : INV_HEADER;
        const lines: CellValue[][] = [];
        if (title) lines.push(["Prepared by", "J. Smith"], []);
        lines.push(header, ...rows);
        if (split) lines.push([], ["Receipt No", "Customer", "Payment Date", "Amount"], ...split);
        const grid: SheetGrid = { name: "Invoices", rows: new Map(lines.map((cells, r) => [r + 1, cells])) };
        const source = tableFromHeaderRow(grid);
        expect(source).not.toBeNull();
        if (!source) return;
        const headerRow = source.firstRow - 1;
        expect(source.header.slice(0, 4)).toEqual(INV_HEADER.slice(0, 4));
        // The used range below the header: in the table, named as not read, or trailing blank rows.
        let lastFilled = lines.length;
        while (lastFilled > headerRow && (lines[lastFilled - 1] ?? []).every((c) => c === null)) lastFilled--;
        const stopped = source.notes?.find((n) => n.code === "table.stoppedAtBlock");
        const notRead = stopped ? Number(stopped.params?.endRow) - Number(stopped.params?.row) + 1 : 0;
        const between = stopped ? Number(stopped.params?.row) - (source.firstRow + source.rows.length) : 0;
        expect(source.rows.length + between + notRead).toBe(lastFilled - headerRow);
        if (split) expect(stopped).toBeDefined();
        const book = readBook([source], options);
        expectEveryRowAccounted(book, { invoice: source });
      }),
      { numRuns: 200 },
    );
  });
});
