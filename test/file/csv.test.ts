import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import {
  csvField,
  csvTable,
  decodeUtf8,
  detectDelimiter,
  parseCsv,
  readCsvDirectory,
  readCsvFile,
  writeCsvFiles,
} from "../../src/file/csv";
import { FileError } from "../../src/file/errors";

describe("parseCsv", () => {
  it("reads quoted fields with doubled quotes, delimiters and embedded line breaks", () => {
    expect(parseCsv('a,"b ""x"", y\nz",c\r\n1,2,3', ",")).toEqual([
      ["a", 'b "x", y\nz', "c"],
      ["1", "2", "3"],
    ]);
  });
  it("accepts CRLF, LF and CR line ends and ignores one final line break", () => {
    expect(parseCsv("a,b\r\n1,2\n3,4\r5,6\r\n", ",")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
    ]);
  });
  it("keeps empty fields, including a trailing one", () => {
    expect(parseCsv(",x,\n", ",")).toEqual([["", "x", ""]]);
  });
  it("keeps a quote inside an unquoted field as text", () => {
    expect(parseCsv('5" pipe,2', ",")).toEqual([['5" pipe', "2"]]);
  });
  it("round-trips any table written with csvField", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "中", " ", ",", '"', "\n", "\r", "1", "-") });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const written = rows.map((r) => r.map(csvField).join(",")).join("\r\n");
        expect(parseCsv(written, ",")).toEqual(rows);
      }),
    );
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["Invoice;Amount;Date\r\nA;1,50;x", ";"],
    ["Invoice\tAmount\nA\t1,50", "\t"],
    ["Invoice,Amount\nA;B;C;D", ","],
    ['"a;b;c",d,e\n', ","],
    ["Only\n", ","],
  ])("detects the delimiter of %j", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe("decodeUtf8", () => {
  it("drops a byte-order mark", () => {
    expect(decodeUtf8(Buffer.from("\uFEFF客户,金额", "utf8"), "x.csv")).toBe("客户,金额");
  });
  it("refuses bytes that are not UTF-8 (e.g. GBK) with an error naming the file", () => {
    const gbk = Buffer.from([0xbf, 0xcd, 0xbb, 0xa7]); // 客户 in GBK
    expect(() => decodeUtf8(gbk, "data/客户.csv")).toThrow(FileError);
    try {
      decodeUtf8(gbk, "data/客户.csv");
    } catch (error) {
      expect(error).toMatchObject({ code: "cli.csv.encoding", file: "data/客户.csv" });
    }
  });
});

describe("csvTable", () => {
  it("takes the first non-blank record as header, keeps values as text and nulls empty fields", () => {
    const table = csvTable("Invoices", [[""], ["Invoice No", "Amount", "Date"], ["INV-1", "1,234.50", ""], ["INV-2"], [""], [""]]);
    expect(table).toEqual({
      sheet: "Invoices",
      name: "Invoices",
      header: ["Invoice No", "Amount", "Date"],
      rows: [
        ["INV-1", "1,234.50", null],
        ["INV-2", null, null],
      ],
      firstRow: 3,
      firstColumn: 0,
    });
  });
});

describe("reading files", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ar-desk-csv-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("names each table after its file and reads a folder in name order", async () => {
    await writeFile(path.join(dir, "Payments.csv"), "Payment No;Amount\r\nP-1;100,00\r\n");
    await writeFile(path.join(dir, "Invoices.CSV"), '\uFEFFInvoice No,Customer\n"INV-1","上海华东贸易有限公司"\n');
    await writeFile(path.join(dir, "notes.txt"), "not a table");
    const tables = await readCsvDirectory(dir);
    expect(tables.map((t) => [t.name, t.header, t.rows])).toEqual([
      ["Invoices", ["Invoice No", "Customer"], [["INV-1", "上海华东贸易有限公司"]]],
      ["Payments", ["Payment No", "Amount"], [["P-1", "100,00"]]],
    ]);
  });

  it("reports a folder without CSV files and a missing file by name", async () => {
    await expect(readCsvDirectory(dir)).rejects.toMatchObject({ code: "cli.csv.noFiles", file: dir });
    const missing = path.join(dir, "nope.csv");
    await expect(readCsvFile(missing)).rejects.toMatchObject({ code: "cli.file.notFound", file: missing });
  });

  it("writes tables that read back unchanged, with a BOM for Excel", async () => {
    const tables = [
      {
        sheet: "T",
        name: "T",
        header: ["Name", "Note"],
        rows: [
          ["Acme, Inc.", 'say "hi"\nbye'],
          ["王伟", null],
        ],
        firstRow: 2,
        firstColumn: 0,
      },
    ];
    const [file] = await writeCsvFiles(tables, path.join(dir, "out"));
    expect((await readFile(file!)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await readCsvFile(file!)).rows).toEqual(tables[0]!.rows);
  });
});
