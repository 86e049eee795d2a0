/**
 * The bad-input corpus: workbooks and CSV files as users make them (blank rows, title lines,
 * decimal commas, error cells, split tables …) and as attackers or broken disks make them
 * (decompression bombs, truncated or encrypted packages, cells past XFD). Each case says what
 * the `ar-desk aging` run on it must end with: exit code, issue codes, totals.
 *
 * Generate the files by hand with
 *   npx ts-node --transpile-only test/corpus/generate.ts OUT_DIR
 * and corpus.test.ts builds them in a temporary folder and runs every case.
 */
import { mkdir, writeFile } from "node:fs/promises";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { zipArchive, type ZipPart } from "../file/zipArchive";

/** What a run over a corpus file must end with. */
export interface Expectation {
  code: 0 | 1 | 2;
  /** Issue codes the JSON must hold (exit 0), each at least once. */
  issues?: string[];
  /** Issue codes the JSON must not hold. */
  noIssues?: string[];
  /** Open amount per currency (major units), exactly these currencies. */
  open?: Record<string, number>;
  /** Net (open − unapplied) per currency, when it differs from open. */
  net?: Record<string, number>;
  /** Text stderr must contain (exit 1 and 2). */
  stderr?: string;
  /** Invoice rows counted in the aging (items with a non-zero open amount are not enough). */
  invoicesRead?: number;
}

export interface CorpusCase {
  /** File name, also the case's name. */
  file: string;
  /** Why the case exists: the issue point and the user's situation. */
  about: string;
  build: () => Promise<Buffer> | Buffer;
  /** Extra command-line arguments (the output options are the test's). */
  args?: string[];
  /** A decompression bomb or huge sheet: time and memory are bounded too. */
  bomb?: boolean;
  expect: Expectation;
}

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

type Cell = string | number | boolean | null | { error: string } | { formula: string };

/** A sheet given row by row (row 1 first); `tables` adds Excel tables over ranges. */
interface SheetSpec {
  name: string;
  rows: Cell[][];
  tables?: { name: string; ref: string; columns: string[] }[];
}

/** An .xlsx built with ExcelJS, as Excel would save it. */
async function book(sheets: SheetSpec[], tag?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof value === "object" && "error" in value) cell.value = { error: value.error } as ExcelJS.CellErrorValue;
        else if (typeof value === "object" && "formula" in value) cell.value = { formula: value.formula } as ExcelJS.CellFormulaValue;
        else cell.value = value;
      });
    });
  }
  tag?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const WORKBOOK_RELS = (count: number, extra = ""): string =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from(
    { length: count },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join("")}${extra}</Relationships>`;

/** Parts of a minimal .xlsx package with the given sheet XML bodies (inside <sheetData>). */
function rawXlsxParts(
  sheets: { name: string; data?: string; raw?: Buffer; size?: number; after?: string }[],
  sharedStrings?: ZipPart,
): ZipPart[] {
  const workbook = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`;
  const extra = sharedStrings
    ? `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
    : "";
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    },
    { name: "xl/workbook.xml", data: Buffer.from(workbook) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(WORKBOOK_RELS(sheets.length, extra)) },
  ];
  sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    if (s.raw) parts.push({ name, raw: s.raw, size: s.size });
    else
      parts.push({
        name,
        data: Buffer.from(
          `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${s.data ?? ""}</sheetData>${s.after ?? ""}</worksheet>`,
        ),
      });
  });
  if (sharedStrings) parts.push(sharedStrings);
  return parts;
}

/** Inline-string and number cells of one sheet row, for raw sheet XML. */
function xmlRow(r: number, cells: (string | number | null)[], startColumn = 0): string {
  const letters = (c: number): string => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const body = cells
    .map((v, c) => {
      if (v === null) return "";
      const ref = `${letters(startColumn + c)}${r}`;
      return typeof v === "number"
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${v.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></is></c>`;
    })
    .join("");
  return `<row r="${r}">${body}</row>`;
}

/**
 * A deflate stream (one fixed-Huffman block) that inflates to exactly `bytes` spaces from about
 * bytes / 160 compressed bytes: a literal, then back-references of length 258 at distance 1.
 */
export function deflateBomb(bytes: number): Buffer {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (value: number, count: number): void => {
    acc |= value << bits;
    bits += count;
    while (bits >= 8) {
      out.push(acc & 0xff);
      acc >>>= 8;
      bits -= 8;
    }
  };
  // Huffman codes are sent most significant bit first.
  const code = (value: number, count: number): void => {
    let reversed = 0;
    for (let i = 0; i < count; i++) reversed |= ((value >> i) & 1) << (count - 1 - i);
    put(reversed, count);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  code(0x30 + 0x20, 8); // literal " "
  let left = bytes - 1;
  for (; left >= 258; left -= 258) {
    code(0xc0 + 5, 8); // length code 285: 258 bytes
    code(0, 5); // distance code 0: distance 1
  }
  for (; left > 0; left--) code(0x30 + 0x20, 8); // the rest as literals
  code(0, 7); // end of block
  if (bits > 0) out.push(acc & 0xff);
  return Buffer.from(out);
}

/** An OLE compound file header, as .xls files and password-protected workbooks start. */
function oleFile(encrypted: boolean): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(2048);
  if (encrypted) Buffer.from("EncryptedPackage", "utf16le").copy(body, 1024);
  else Buffer.from("Workbook", "utf16le").copy(body, 1024);
  return Buffer.concat([header, body]);
}

const csv = (text: string): Buffer => Buffer.from(text, "utf8");

// Dates as Excel serials: 2026-09-30 (overdue at the as-of 2026-10-31) and 2026-12-15 (not due).
const SEP30 = 46295;
const DEC15 = 46371;
const INV_HEADER = ["Invoice No", "Customer", "Due Date", "Amount"];
const PAY_HEADER = ["Receipt No", "Customer", "Payment Date", "Amount", "Invoice"];

/** n invoices "I-1".."I-n" of 100 each for Acme, due 2026-09-30. */
const invoiceRows = (n: number, from = 1): Cell[][] => Array.from({ length: n }, (_, i) => [`I-${from + i}`, "Acme", SEP30, 100]);

/**
 * A book of one "Invoices" sheet: the headings `header`, then `rows`.
 *
 * @example
 * headedInvoiceBook(["Invoice No", "Customer", "Due", "Due Date", "Amount"], ["I-1", "Acme", SEP30, SEP30, 100]);
 */
const headedInvoiceBook = (header: Cell[], ...rows: Cell[][]): Promise<Buffer> => book([{ name: "Invoices", rows: [header, ...rows] }]);

/**
 * A book of one "Invoices" sheet: the four standard headings (Invoice No, Customer, Due Date, Amount), then `rows`.
 *
 * @example
 * invoiceBook(["I-1", "Acme", SEP30, 100], ["I-2", "Acme", SEP30, 50]); // two invoices, 150 open
 */
const invoiceBook = (...rows: Cell[][]): Promise<Buffer> => headedInvoiceBook(INV_HEADER, ...rows);

/**
 * A book of one "Invoices" sheet whose fifth column is headed `heading` (null: no heading): entry i
 * is invoice I-(i+1) of Acme, due 2026-09-30, for its amount, with its fifth cell.
 *
 * @example
 * acmeInvoicesWithColumn("Currency", [100, "EUR"], [7, "GBP"]); // I-1 EUR 100, I-2 GBP 7
 */
const acmeInvoicesWithColumn = (heading: string | null, ...entries: [amount: number, cell: Cell][]): Promise<Buffer> =>
  headedInvoiceBook([...INV_HEADER, heading], ...entries.map(([amount, cell], i): Cell[] => [`I-${i + 1}`, "Acme", SEP30, amount, cell]));

/**
 * Raw parts of a package whose one sheet, "Invoices", holds the standard headings in row 1, then
 * `bodyXml` (rows from 2, as sheet XML) and `after` (XML after <sheetData>).
 *
 * @example
 * zipArchive(invoiceSheetParts()); // a workbook of headings only
 */
const invoiceSheetParts = (bodyXml = "", after?: string): ZipPart[] =>
  rawXlsxParts([{ name: "Invoices", data: xmlRow(1, INV_HEADER) + bodyXml, after }]);

/** Row 2 of a raw invoice sheet: invoice I-1, Acme, due 2026-09-30, 100. */
const ACME_I1_XML = xmlRow(2, ["I-1", "Acme", SEP30, 100]);

/**
 * A raw .xlsx of one "Invoices" sheet: the headings, invoice I-1 (Acme, 100) and then `strayXml`,
 * the odd row the case is about.
 *
 * @example
 * oneInvoiceWithStray('<row r="3"><c r="XFD3"><v>1</v></c></row>'); // a note far to the right
 */
const oneInvoiceWithStray = (strayXml: string): Buffer => zipArchive(invoiceSheetParts(ACME_I1_XML + strayXml));

// ---------------------------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------------------------

export const CORPUS: CorpusCase[] = [
  // Clean controls: the rules change nothing on a tidy book.
  {
    file: "clean.xlsx",
    about: "a tidy invoice and payment book",
    build: () =>
      book([
        { name: "Invoices", rows: [INV_HEADER, ...invoiceRows(3)] },
        { name: "Payments", rows: [PAY_HEADER, ["R-1", "Acme", SEP30, 50, "I-1"]] },
      ]),
    expect: { code: 0, open: { USD: 250 }, invoicesRead: 3 },
  },
  {
    file: "clean.csv",
    about: "a tidy CSV export",
    build: () => csv("Invoice No,Customer,Due Date,Amount\nI-1,Acme,2026-09-30,100.00\nI-2,Beta,2026-09-30,50.25\n"),
    expect: { code: 0, open: { USD: 150.25 }, invoicesRead: 2 },
  },

  // 1. Blank rows are skipped, never an end.
  {
    file: "p01-blank-row-invoices.xlsx",
    about: "a blank row typed into the middle of the invoices",
    build: () => invoiceBook(...invoiceRows(2), [], ...invoiceRows(3, 3)),
    expect: { code: 0, open: { USD: 500 }, invoicesRead: 5, issues: ["table.blankRowsSkipped"] },
  },
  {
    file: "p01-blank-rows-payments.xlsx",
    about: "blank rows between payments",
    build: () =>
      book([
        { name: "Invoices", rows: [INV_HEADER, ...invoiceRows(2)] },
        { name: "Payments", rows: [PAY_HEADER, ["R-1", "Acme", SEP30, 30, "I-1"], [], [], ["R-2", "Acme", SEP30, 20, "I-2"]] },
      ]),
    expect: { code: 0, open: { USD: 150 }, issues: ["table.blankRowsSkipped"] },
  },
  {
    file: "p01-blank-row-customers.xlsx",
    about: "a held customer below a blank row in the customer table",
    build: () =>
      book([
        { name: "Invoices", rows: [INV_HEADER, ["I-1", "Zeta", SEP30, 100]] },
        { name: "Customers", rows: [["Customer", "Credit Limit", "Hold"], ["Acme", 1000, "N"], [], ["Zeta", 500, "Y"]] },
      ]),
    expect: { code: 0, open: { USD: 100 }, noIssues: ["customer.notInTable", "customer.unknown"] },
  },
  {
    file: "p01-blank-line.csv",
    about: "a blank line in a CSV (already read past)",
    build: () => csv("Invoice No,Customer,Due Date,Amount\nI-1,Acme,2026-09-30,100\n\nI-2,Acme,2026-09-30,100\n"),
    expect: { code: 0, open: { USD: 200 }, invoicesRead: 2 },
  },
  {
    file: "p01-second-block.xlsx",
    about: "a second header row below a blank row: stop there and name the rows",
    build: () => invoiceBook(...invoiceRows(2), [], ["Receipt No", "Customer", "Payment Date", "Amount"], ["R-9", "Acme", SEP30, 5]),
    expect: { code: 0, open: { USD: 200 }, invoicesRead: 2, issues: ["table.stoppedAtBlock"] },
  },
  {
    file: "p01-many-blank-rows.xlsx",
    about: "hundreds of blank rows between two halves of a ledger",
    build: () => invoiceBook(...invoiceRows(2), ...Array.from({ length: 300 }, () => []), ...invoiceRows(2, 3)),
    expect: { code: 0, open: { USD: 400 }, invoicesRead: 4 },
  },

  // 2. A quote that is never closed.
  {
    file: "p02-unclosed-quote.csv",
    about: "row 5 opens a quote that never closes: rows after it are still read",
    build: () =>
      csv(
        "Invoice No,Customer,Due Date,Amount\n" +
          Array.from({ length: 10 }, (_, i) => (i === 3 ? `I-${i + 1},"Acme,2026-09-30,100` : `I-${i + 1},Acme,2026-09-30,100`)).join(
            "\n",
          ) +
          "\n",
      ),
    expect: { code: 0, open: { USD: 900 }, invoicesRead: 9, issues: ["csv.unterminatedQuote"] },
  },
  {
    file: "p02-unclosed-quote-semicolon.csv",
    about: "the same in a semicolon file",
    build: () => csv('Invoice No;Customer;Due Date;Amount\nI-1;Acme;2026-09-30;100\nI-2;"Acme;2026-09-30;100\nI-3;Acme;2026-09-30;100\n'),
    expect: { code: 0, open: { USD: 200 }, issues: ["csv.unterminatedQuote"] },
  },

  // 3. Amounts: decimal mark per column, rounding named.
  {
    file: "p03-decimal-comma.csv",
    about: '"12.500" in a decimal-comma column is twelve thousand five hundred',
    build: () => csv("Invoice No;Customer;Due Date;Amount\nI-1;Acme;2026-09-30;1.234,50\nI-2;Acme;2026-09-30;12.500\n"),
    expect: { code: 0, open: { USD: 13734.5 }, invoicesRead: 2 },
  },
  {
    file: "p03-mixed-marks.csv",
    about: "a column mixing 1,234.50 and 1.234,50: the undecidable row is an error",
    build: () =>
      csv(
        'Invoice No,Customer,Due Date,Amount\nI-1,Acme,2026-09-30,"1,234.50"\nI-2,Acme,2026-09-30,"1.234,50"\nI-3,Acme,2026-09-30,12.500\n',
      ),
    expect: { code: 0, open: { USD: 2469 }, issues: ["amount.ambiguousSeparator", "amount.mixedDecimalMarks"] },
  },
  {
    file: "p03-usd-mills.xlsx",
    about: "0.004 USD is rounded to 0.00 with a warning",
    build: () => invoiceBook(["I-1", "Acme", SEP30, 100.004], ["I-2", "Acme", SEP30, 0.004]),
    expect: { code: 0, open: { USD: 100 }, issues: ["amount.rounded"] },
  },
  {
    file: "p03-jpy-decimals.xlsx",
    about: "JPY 1234.5 is rounded to 1235 with a warning",
    build: () => acmeInvoicesWithColumn("Currency", [1234.5, "JPY"]),
    expect: { code: 0, open: { JPY: 1235 }, issues: ["amount.rounded"] },
  },

  // 4. Currency found by its values.
  {
    file: "p04-code-column.xlsx",
    about: "currencies in a column headed Code",
    build: () => acmeInvoicesWithColumn("Code", [100, "EUR"], [5000, "JPY"], [1, "USD"]),
    expect: { code: 0, open: { EUR: 100, JPY: 5000, USD: 1 }, issues: ["currency.columnByValues"] },
  },
  {
    file: "p04-merged-amount-header.xlsx",
    about: "a merged Amount heading over amount and code",
    build: () => acmeInvoicesWithColumn(null, [100, "EUR"], [7, "GBP"]),
    expect: { code: 0, open: { EUR: 100, GBP: 7 } },
  },
  {
    file: "p04-code-column.csv",
    about: "the same in a CSV",
    build: () => csv("Invoice No,Customer,Due Date,Amount,Ccy Code\nI-1,Acme,2026-09-30,100,EUR\nI-2,Acme,2026-09-30,200,CHF\n"),
    expect: { code: 0, open: { EUR: 100, CHF: 200 } },
  },

  {
    file: "p04-several-no-column.csv",
    about: "amounts writing EUR beside bare ones, no currency column: the bare one is an error, not USD",
    build: () =>
      csv("Invoice No,Customer,Due Date,Amount\nI-1,Acme,2026-09-30,EUR 100\nI-2,Acme,2026-09-30,JPY 5000\nI-3,Acme,2026-09-30,200\n"),
    expect: { code: 0, open: { EUR: 100, JPY: 5000 }, issues: ["currency.severalNoColumn", "currency.unstated"], invoicesRead: 2 },
  },
  {
    file: "p04-mixed-code-column.xlsx",
    about: "a column of currency codes with a stray value is not the currency column: its rows are errors, not USD",
    build: () => acmeInvoicesWithColumn("Kind", [100, "EUR"], [5000, "JPY"], [100, "EUR"], [1, "tbc"]),
    expect: { code: 1, stderr: "several currency codes" },
  },

  // 5. Competing headings.
  {
    file: "p05-two-amounts.xlsx",
    about: "two Amount columns",
    build: () => acmeInvoicesWithColumn("Amount", [100, 999]),
    expect: { code: 0, open: { USD: 100 }, issues: ["column.duplicate"] },
  },
  {
    file: "p05-due-and-due-date.xlsx",
    about: "Due and Due Date side by side: Due is the due date, and the warning says Due Date was not",
    build: () => headedInvoiceBook(["Invoice No", "Customer", "Due", "Due Date", "Amount"], ["I-1", "Acme", SEP30, SEP30, 100]),
    expect: { code: 0, open: { USD: 100 }, issues: ["column.duplicate"] },
  },

  // 6. Split tables.
  {
    file: "p06-two-invoice-sheets.xlsx",
    about: "Invoices and Invoices Q3 with the same columns: read together, and a note lists them",
    build: () =>
      book([
        { name: "Invoices", rows: [INV_HEADER, ...invoiceRows(2)] },
        { name: "Invoices Q3", rows: [INV_HEADER, ...invoiceRows(1, 10)] },
      ]),
    expect: { code: 0, open: { USD: 300 }, issues: ["table.joined"], noIssues: ["table.ignored", "table.notJoined"], invoicesRead: 3 },
  },
  {
    file: "p06-month-sheets.xlsx",
    about: "one sheet per month, columns in another order, an invoice repeated across months: one ledger, the repeat a duplicate",
    build: () =>
      book([
        { name: "Jan", rows: [INV_HEADER, ["I-1", "Acme", SEP30, 100], ["I-2", "Acme", SEP30, 50]] },
        {
          name: "Feb",
          rows: [
            ["Amount", "Due Date", "Customer", "Invoice No"],
            [70, SEP30, "Acme", "I-3"],
            [50, SEP30, "Acme", "I-2"],
          ],
        },
      ]),
    expect: { code: 0, open: { USD: 170 }, issues: ["table.joined", "invoice.duplicate"], invoicesRead: 2 },
  },
  {
    file: "p06-different-columns.xlsx",
    about: "a second invoice table whose columns map differently: the run says plainly it used one and not the other",
    build: () =>
      book([
        { name: "Invoices", rows: [[...INV_HEADER, "Currency"], ...invoiceRows(2).map((row) => [...row, "USD"])] },
        { name: "Invoices Q3", rows: [INV_HEADER, ...invoiceRows(1, 10)] },
      ]),
    expect: { code: 0, open: { USD: 200 }, issues: ["table.notJoined"], noIssues: ["table.joined"], invoicesRead: 2 },
  },
  {
    file: "p06-rows-below-table.xlsx",
    about: "rows typed just below an Excel table",
    build: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Ledger");
      ws.addTable({
        name: "tblInvoices",
        ref: "A1",
        columns: INV_HEADER.map((name) => ({ name })),
        rows: invoiceRows(2) as (string | number)[][],
      });
      ws.getRow(4).values = ["I-3", "Acme", SEP30, 100];
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
    expect: { code: 0, open: { USD: 200 }, issues: ["table.rowsBelowTable"] },
  },

  // 7. Error and boolean cells.
  {
    file: "p07-na-customer.xlsx",
    about: "#N/A from a failed VLOOKUP as the customer",
    build: () => invoiceBook(["I-1", { error: "#N/A" }, SEP30, 100], ["I-2", "Acme", SEP30, 100]),
    expect: { code: 0, open: { USD: 100 }, issues: ["cell.error"] },
  },
  {
    file: "p07-true-number.xlsx",
    about: "TRUE as an invoice number",
    build: () => invoiceBook([true, "Acme", SEP30, 100], ["I-2", "Acme", SEP30, 100]),
    expect: { code: 0, open: { USD: 100 }, issues: ["cell.boolean"] },
  },
  {
    file: "p07-ref-in-other-column.xlsx",
    about: "#REF! in a column the aging does not use",
    build: () => acmeInvoicesWithColumn("Rep", [100, { error: "#REF!" }], [100, "Li"]),
    expect: { code: 0, open: { USD: 100 }, issues: ["cell.error"] },
  },
  {
    file: "p07-ref-in-unused-column.xlsx",
    about: "#REF! in a column the run does not use (a note column): not the run's business",
    build: () => acmeInvoicesWithColumn("Checked by", [100, { error: "#REF!" }], [100, "Li"]),
    expect: { code: 0, open: { USD: 200 }, noIssues: ["cell.error"], invoicesRead: 2 },
  },
  {
    file: "p07-na-typed-as-text.xlsx",
    about: "a customer literally named “#N/A”, typed as text: the cell's type says it is text, not an error",
    build: () => invoiceBook(["I-1", "#N/A", SEP30, 100], ["I-2", "Acme", SEP30, 100]),
    expect: { code: 0, open: { USD: 200 }, noIssues: ["cell.error"], invoicesRead: 2 },
  },
  {
    file: "p07-na.csv",
    about: "#N/A exported to CSV",
    build: () =>
      csv("Invoice No,Customer,Due Date,Amount\nI-1,#N/A,2026-09-30,100\nI-2,Acme,2026-09-30,#VALUE!\nI-3,Acme,2026-09-30,100\n"),
    expect: { code: 0, open: { USD: 100 }, issues: ["cell.error"] },
  },

  // 8. Magnitude.
  {
    file: "p08-idr-sum.xlsx",
    about: "two IDR invoices of 5×10^13 would sum past 2^53 minor units",
    build: () => headedInvoiceBook([...INV_HEADER, "Currency"], ["I-1", "Acme", SEP30, 5e13, "IDR"], ["I-2", "Beta", SEP30, 5e13, "IDR"]),
    expect: { code: 0, open: { IDR: 5e13 }, issues: ["amount.totalTooLarge"] },
  },
  {
    file: "p08-1e15.xlsx",
    about: "1e15 is out of range, not unrecognised",
    build: () => invoiceBook(["I-1", "Acme", SEP30, 1e15], ["I-2", "Acme", SEP30, 1]),
    expect: { code: 0, open: { USD: 1 }, issues: ["amount.outOfRange"] },
  },

  // 9. Sheets named like reports.
  {
    file: "p09-user-sheet-named-like-report.xlsx",
    about: "a user's own sheet named AR Aging 2026-10 holding the invoices",
    build: () => book([{ name: "AR Aging 2026-10", rows: [INV_HEADER, ...invoiceRows(2)] }]),
    expect: { code: 0, open: { USD: 200 } },
  },
  {
    file: "p09-tagged-report.xlsx",
    about: "an earlier run's tagged report sheet is skipped",
    build: () =>
      book(
        [
          { name: "Invoices", rows: [INV_HEADER, ...invoiceRows(1)] },
          {
            name: "AR Aging Detail 2026-09",
            rows: [
              ["Invoice", "Customer", "Due date", "Amount", "Open"],
              ["X-1", "Acme", SEP30, 9999, 9999],
            ],
          },
        ],
        (wb) => wb.definedNames.add("'AR Aging Detail 2026-09'!$A$1", "ARDesk.Report.1"),
      ),
    expect: { code: 0, open: { USD: 100 }, invoicesRead: 1 },
  },

  // 10. Refunds and earmarked deposits.
  {
    file: "p10-refund.xlsx",
    about: "a refund (negative payment) reduces unapplied credit",
    build: () =>
      book([
        { name: "Invoices", rows: [INV_HEADER, ["I-1", "Acme", SEP30, 100]] },
        { name: "Payments", rows: [PAY_HEADER, ["R-1", "Acme", SEP30, 150, "I-1"], ["RF-1", "Acme", SEP30, -30, null]] },
      ]),
    expect: { code: 0, open: { USD: 0 }, net: { USD: -20 }, noIssues: ["payment.negative"] },
  },
  {
    file: "p10-deposit-future-invoice.xlsx",
    about: "a deposit naming an invoice dated after the as-of date stays credit",
    build: () =>
      book([
        {
          name: "Invoices",
          rows: [
            ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount"],
            ["I-1", "Acme", 46266, SEP30, 100],
            ["I-9", "Acme", 46340, DEC15, 500],
          ],
        },
        { name: "Payments", rows: [PAY_HEADER, ["D-1", "Acme", 46320, 80, "I-9"]] },
      ]),
    expect: { code: 0, open: { USD: 100 }, net: { USD: 20 }, issues: ["payment.invoice.after-as-of"] },
  },

  // 11. Bombs and huge sheets.
  {
    file: "p11-deflate-bomb.xlsx",
    about: "a few MB that inflate to gigabytes",
    bomb: true,
    build: () => zipArchive(rawXlsxParts([{ name: "Invoices", raw: deflateBomb(2 * 1024 * 1024 * 1024), size: 0xffffffff }])),
    expect: { code: 1, stderr: "AR_DESK_MAX_PART_MB" },
  },
  {
    file: "p11-shared-strings-bomb.xlsx",
    about: "the shared string table is the bomb",
    bomb: true,
    build: () =>
      zipArchive(
        rawXlsxParts([{ name: "Invoices", data: xmlRow(1, INV_HEADER) }], {
          name: "xl/sharedStrings.xml",
          raw: deflateBomb(1024 * 1024 * 1024),
        }),
      ),
    expect: { code: 1, stderr: "AR_DESK_MAX_PART_MB" },
  },
  {
    file: "p11-cell-at-zzzzzz.xlsx",
    about: "one cell at column ZZZZZZ",
    bomb: true,
    build: () => oneInvoiceWithStray('<row r="3"><c r="ZZZZZZ3"><v>1</v></c></row>'),
    expect: { code: 0, open: { USD: 100 } },
  },
  {
    file: "p11-table-over-whole-grid.xlsx",
    about: "an Excel table declared over A1:XFD1048576",
    bomb: true,
    build: () => {
      const parts = invoiceSheetParts(
        ACME_I1_XML,
        '<tableParts count="1"><tablePart r:id="rT1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></tableParts>',
      );
      parts.push({
        name: "xl/worksheets/_rels/sheet1.xml.rels",
        data: Buffer.from(
          '<Relationships><Relationship Id="rT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
        ),
      });
      parts.push({
        name: "xl/tables/table1.xml",
        data: Buffer.from(
          `<table name="tblAR" displayName="tblAR" ref="A1:XFD1048576"><tableColumns count="16384">${INV_HEADER.map((n) => `<tableColumn name="${n}"/>`).join("")}</tableColumns></table>`,
        ),
      });
      return zipArchive(parts);
    },
    expect: { code: 0, open: { USD: 100 } },
  },
  {
    file: "p11-row-beyond-grid.xlsx",
    about: "a cell at row 2,000,000",
    bomb: true,
    build: () => oneInvoiceWithStray('<row r="2000000"><c r="A2000000"><v>1</v></c></row>'),
    expect: { code: 0, open: { USD: 100 } },
  },
  {
    file: "p11-last-row.xlsx",
    about: "a stray value in the very last row of the grid",
    bomb: true,
    build: () => oneInvoiceWithStray('<row r="1048576"><c r="B1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
    expect: { code: 0, open: { USD: 100 }, issues: ["invoiceNumber.missing"] },
  },

  // 12. Damaged files.
  {
    file: "p12-truncated.xlsx",
    about: "a download cut in half",
    build: async () => (await invoiceBook(...invoiceRows(50))).subarray(0, 3000),
    expect: { code: 1, stderr: "cut short" },
  },
  {
    file: "p12-corrupt-deflate.xlsx",
    about: "deflate data overwritten with junk",
    build: () => zipArchive(rawXlsxParts([{ name: "Invoices", raw: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x12, 0x34]), size: 100 }])),
    expect: { code: 1, stderr: "damaged" },
  },
  {
    file: "p12-method-12.xlsx",
    about: "a part compressed with bzip2 (method 12)",
    build: () => {
      const parts = invoiceSheetParts();
      const sheet = parts[parts.length - 1] as ZipPart;
      parts[parts.length - 1] = { name: sheet.name, raw: Buffer.from("BZh91AY&SY"), method: 12, size: 100 };
      return zipArchive(parts);
    },
    expect: { code: 1, stderr: "compression method 12" },
  },
  {
    file: "p12-encrypted.xlsx",
    about: "a workbook protected with a password",
    build: () => oleFile(true),
    expect: { code: 1, stderr: "password" },
  },
  {
    file: "p12-old-xls.xlsx",
    about: "an Excel 97–2003 file renamed .xlsx",
    build: () => oleFile(false),
    expect: { code: 1, stderr: ".xls" },
  },
  {
    file: "p12-binary.xlsx",
    about: "an .xlsb renamed .xlsx",
    build: () => zipArchive([{ name: "xl/workbook.bin", data: Buffer.from([1, 2, 3]) }]),
    expect: { code: 1, stderr: ".xlsb" },
  },
  {
    file: "p12-ods.xlsx",
    about: "an OpenDocument spreadsheet renamed .xlsx",
    build: () =>
      zipArchive([
        { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), method: 0 },
        { name: "content.xml", data: Buffer.from("<office:document-content/>") },
      ]),
    expect: { code: 1, stderr: ".ods" },
  },
  {
    file: "p12-zip-entry-encrypted.xlsx",
    about: "a ZIP entry with the encryption flag",
    build: () => {
      const parts = invoiceSheetParts();
      (parts[1] as ZipPart).flags = 1;
      return zipArchive(parts);
    },
    expect: { code: 1, stderr: "password" },
  },
  {
    file: "p12-random-bytes.xlsx",
    about: "random bytes",
    build: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff)),
    expect: { code: 1, stderr: "not an .xlsx workbook" },
  },
  {
    file: "p12-empty.xlsx",
    about: "an empty file",
    build: () => Buffer.alloc(0),
    expect: { code: 1, stderr: "not an .xlsx workbook" },
  },
  {
    file: "p12-bad-code-point.xlsx",
    about: "a character reference beyond Unicode in a cell",
    build: () =>
      zipArchive(
        invoiceSheetParts(
          '<row r="2"><c r="A2" t="inlineStr"><is><t>I-&#x110000;</t></is></c><c r="B2" t="inlineStr"><is><t>Acme</t></is></c><c r="C2"><v>46295</v></c><c r="D2"><v>100</v></c></row>',
        ),
      ),
    expect: { code: 0, open: { USD: 100 } },
  },
  {
    file: "p12-directory-outside.xlsx",
    about: "a central directory entry pointing past the end of the file",
    build: () => {
      const bytes = zipArchive(invoiceSheetParts());
      const end = bytes.length - 22;
      bytes.writeUInt32LE(bytes.length + 1000, end + 16);
      return bytes;
    },
    expect: { code: 1, stderr: "damaged" },
  },
  {
    file: "p12-local-header-outside.xlsx",
    about: "an entry whose local header offset is past the end",
    build: () => {
      const bytes = zipArchive(invoiceSheetParts());
      // The central directory's first entry (the content types) points nowhere; so does the workbook's.
      const directory = bytes.readUInt32LE(bytes.length - 22 + 16);
      let p = directory;
      for (let i = 0; i < 2; i++) {
        bytes.writeUInt32LE(0x7fffffff, p + 42);
        p += 46 + bytes.readUInt16LE(p + 28);
      }
      return bytes;
    },
    expect: { code: 1, stderr: "damaged" },
  },
  {
    file: "p12-gbk.csv",
    about: "a GBK-encoded CSV",
    build: () => Buffer.from([0xb7, 0xa2, 0xc6, 0xb1, 0xba, 0xc5, 0x2c, 0x41, 0x0a, 0xc4, 0xe3, 0x2c, 0x31, 0x0a]),
    expect: { code: 1, stderr: "UTF-8" },
  },

  // 13. Terminal escapes.
  {
    file: "p13-escape-in-number.csv",
    about: "an invoice number carrying ESC[2J, in a row with an issue",
    build: () => csv("Invoice No,Customer,Due Date,Amount\nI-\u001b[2J,Acme,2026-09-30,abc\nI-2,Acme,2026-09-30,100\n"),
    expect: { code: 0, open: { USD: 100 }, issues: ["amount.invalid"] },
  },

  // 14. Nothing usable.
  {
    file: "p14-no-usable-row.xlsx",
    about: "an invoice table whose every row is bad",
    build: () => invoiceBook(["I-1", "Acme", "soon", 100], ["I-2", "Acme", SEP30, "lots"]),
    expect: { code: 1, stderr: "Nothing could be read" },
  },
  {
    file: "p14-header-only.csv",
    about: "an invoice file with a header and nothing else",
    build: () => csv("Invoice No,Customer,Due Date,Amount\n"),
    expect: { code: 1, stderr: "Nothing could be read" },
  },

  // 15. Header detection.
  {
    file: "p15-prepared-by.xlsx",
    about: "a Prepared by | J. Smith line above the header",
    build: () => book([{ name: "Invoices", rows: [["Prepared by", "J. Smith"], [], INV_HEADER, ...invoiceRows(2)] }]),
    expect: { code: 0, open: { USD: 200 } },
  },
  {
    file: "p15-title-line.csv",
    about: "a title line above the CSV header",
    build: () => csv("Open invoices as of October\nInvoice No,Customer,Due Date,Amount\nI-1,Acme,2026-09-30,100\n"),
    expect: { code: 0, open: { USD: 100 } },
  },
  {
    file: "p15-sep-line.csv",
    about: "Excel's sep=; first line",
    build: () => csv("sep=;\nInvoice No;Customer;Due Date;Amount\nI-1;Acme;2026-09-30;100,50\n"),
    expect: { code: 0, open: { USD: 100.5 } },
  },
  {
    file: "p15-header-at-row-40.xlsx",
    about: "a header below row 30, under a long preamble",
    build: () =>
      book([
        {
          name: "Invoices",
          rows: [...Array.from({ length: 39 }, (_, i): Cell[] => (i % 5 === 0 ? [`Note ${i}`] : [])), INV_HEADER, ...invoiceRows(1)],
        },
      ]),
    expect: { code: 0, open: { USD: 100 } },
  },
  {
    file: "p15-no-table.csv",
    about: "a CSV that is not a ledger: no invoice table, say what was examined",
    build: () => csv("Hello\nthis is a letter\n"),
    expect: { code: 1, stderr: "No invoice table" },
  },

  // 16. Messages that say what happened.
  {
    file: "p15-no-table.xlsx",
    about: "a workbook with only notes: the message says which sheets and rows were examined",
    build: () => book([{ name: "Notes", rows: [["Call Acme on Monday"], [], ["Budget", 12]] }]),
    expect: { code: 1, stderr: "Sheet “Notes”: rows 1–3 examined" },
  },
  {
    file: "p16-formula-no-value.xlsx",
    about: "an amount formula saved without its value",
    build: () => invoiceBook(["I-1", "Acme", SEP30, { formula: "B9*2" }], ["I-2", "Acme", SEP30, 100]),
    // The formula's message replaces "amount is empty": one issue, saying what to do.
    expect: { code: 0, open: { USD: 100 }, issues: ["cell.formulaNoValue"], noIssues: ["amount.empty"] },
  },

  // 17–18. Command-line checks, run on a tidy book.
  {
    file: "p17-out-csv.xlsx",
    about: "--out report.csv would hold xlsx bytes",
    build: () => invoiceBook(...invoiceRows(1)),
    args: ["--out", "report.csv"],
    expect: { code: 2, stderr: ".xlsx" },
  },
  {
    file: "p17-out-dash.xlsx",
    about: "--out - is not stdout",
    build: () => invoiceBook(...invoiceRows(1)),
    args: ["--out", "-"],
    expect: { code: 2, stderr: "--out -" },
  },
  {
    file: "p17-out-clash.xlsx",
    about: "--out and --json on one file",
    build: () => invoiceBook(...invoiceRows(1)),
    args: ["--out", "same.xlsx", "--json", "same.xlsx"],
    expect: { code: 2, stderr: "same file" },
  },
  {
    file: "p18-lang-fr.xlsx",
    about: "--lang fr-FR",
    build: () => invoiceBook(...invoiceRows(1)),
    args: ["--lang", "fr-FR"],
    expect: { code: 2, stderr: "en-US, zh-CN" },
  },

  // More of what users do.
  {
    file: "u-bom-crlf.csv",
    about: "Excel's CSV UTF-8 with a byte-order mark and CRLF",
    build: () =>
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        csv("Invoice No,Customer,Due Date,Amount\r\nI-1,上海华东贸易有限公司,2026-09-30,100\r\n"),
      ]),
    expect: { code: 0, open: { USD: 100 } },
  },
  {
    file: "u-tab.tsv",
    about: "a tab-separated export",
    build: () => csv("Invoice No\tCustomer\tDue Date\tAmount\nI-1\tAcme\t2026-09-30\t1,234.50\n"),
    expect: { code: 0, open: { USD: 1234.5 } },
  },
  {
    file: "u-chinese-headers.xlsx",
    about: "Chinese headings",
    build: () =>
      book([
        {
          name: "应收",
          rows: [
            ["发票号", "客户", "到期日", "金额"],
            ["F-1", "华东", SEP30, 88],
          ],
        },
      ]),
    expect: { code: 0, open: { USD: 88 } },
  },
  {
    file: "u-totals-row.xlsx",
    about: "a Total row under the ledger is not an invoice",
    build: () => invoiceBook(...invoiceRows(2), [null, "Total", null, 200]),
    expect: { code: 0, open: { USD: 200 }, invoicesRead: 2 },
  },
  {
    file: "u-text-amounts.xlsx",
    about: "amounts typed as text with symbols",
    build: () => invoiceBook(["I-1", "Acme", SEP30, "$1,000.00"], ["I-2", "Acme", SEP30, "(50.00)"]),
    // (50.00) is a credit of 50.
    expect: { code: 0, open: { USD: 950 } },
  },
  {
    file: "u-credit-note.xlsx",
    about: "a credit note as a negative amount",
    build: () => invoiceBook(["I-1", "Acme", SEP30, 100], ["CN-1", "Acme", SEP30, -40]),
    expect: { code: 0, open: { USD: 60 } },
  },
  {
    file: "u-duplicate-invoice.xlsx",
    about: "the same invoice number twice for one customer",
    build: () => invoiceBook(["I-1", "Acme", SEP30, 100], ["I-1", "Acme", SEP30, 100], ["I-2", "Acme", SEP30, 5]),
    expect: { code: 0, open: { USD: 5 }, issues: ["invoice.duplicate"] },
  },
  {
    file: "u-ambiguous-dates.csv",
    about: "03/04/2026 without a date order is an error, never a guess",
    build: () => csv("Invoice No,Customer,Due Date,Amount\nI-1,Acme,03/04/2026,100\nI-2,Acme,2026-09-30,100\n"),
    expect: { code: 0, open: { USD: 100 }, issues: ["date.ambiguous"] },
  },
  {
    file: "u-wide-sheet.xlsx",
    about: "a ledger with a note far to the right",
    build: () => oneInvoiceWithStray('<row r="3"><c r="XFD3" t="inlineStr"><is><t>note</t></is></c></row>'),
    expect: { code: 0, open: { USD: 100 } },
  },
  {
    file: "u-invoices-and-payments-one-sheet.xlsx",
    about: "payments in a second block under the invoices on one sheet",
    build: () => book([{ name: "Ledger", rows: [INV_HEADER, ...invoiceRows(2), [], PAY_HEADER, ["R-1", "Acme", SEP30, 50, "I-1"]] }]),
    expect: { code: 0, open: { USD: 200 }, issues: ["table.stoppedAtBlock"] },
  },
  {
    file: "u-boolean-customer.csv",
    about: "TRUE typed in a CSV customer column is text there, read as a name",
    build: () => csv("Invoice No,Customer,Due Date,Amount\nI-1,TRUE,2026-09-30,100\n"),
    expect: { code: 0, open: { USD: 100 } },
  },
];

/**
 * Writes every corpus file into `dir`; returns their paths by case file name.
 *
 * @example
 * const files = await writeCorpus("/tmp/corpus"); files.get("clean.xlsx")
 */
export async function writeCorpus(dir: string): Promise<Map<string, string>> {
  await mkdir(dir, { recursive: true });
  const files = new Map<string, string>();
  for (const entry of CORPUS) {
    const file = path.join(dir, entry.file);
    await writeFile(file, await entry.build());
    files.set(entry.file, file);
  }
  return files;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: generate.ts OUT_DIR\n");
    process.exitCode = 2;
  } else {
    void writeCorpus(dir).then((files) => process.stdout.write(`${files.size} files in ${dir}\n`));
  }
}
