import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { serialFromIso } from "../../src/engine/dates";
import { readBook } from "../../src/engine/read";
import { generateSampleBook } from "../../src/engine/sample";
import { buildStatements } from "../../src/engine/statements";
import type { Lang } from "../../src/engine/types";
import { CJK_FONT_CANDIDATES, LATIN_FONT_CANDIDATES, loadLatinFont, loadPdfFont, statementPdf } from "../../src/file/statementsPdf";

// The fonts are shared by every document of a run, with the text shaping they remember: a
// statement must read and look the same whether it is the first file of the run or a later one
// (the bytes may differ: a CJK font's subset is shared and grows over the run).

const from = serialFromIso("2026-10-01")!;
const to = serialFromIso("2026-10-31")!;
const company = {
  name: "Contoso Trading Ltd",
  address: "88 Harbour Road, Shanghai",
  taxId: "91310000MA1FL0000X",
  bank: "ICBC 1001 2345 6789",
};

/** The system's fonts, or a failure that says what CI must install: never a silent skip. */
function requireFonts(): void {
  for (const candidates of [CJK_FONT_CANDIDATES, LATIN_FONT_CANDIDATES]) {
    if (!candidates.some((c) => existsSync(c.file)))
      throw new Error(`These tests need one of ${candidates.map((c) => c.file).join(", ")} (Debian: fonts-noto-cjk, fonts-dejavu-core).`);
  }
}

const pdfText = (file: string): string => execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
/** The first page rendered in grey at 50 dpi (poppler's pdftoppm), as PGM bytes. */
async function firstPage(file: string): Promise<Buffer> {
  execFileSync("pdftoppm", ["-r", "50", "-gray", "-f", "1", "-l", "1", "-singlefile", file, file]);
  return readFile(`${file}.pgm`);
}

describe("statementPdf across the documents of a run", () => {
  let dir: string;
  beforeAll(async () => {
    requireFonts();
    dir = await mkdtemp(path.join(tmpdir(), "ar-desk-pdf-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each<[Lang]>([["en-US"], ["zh-CN"]])(
    "%s: a statement made again later in the run has the same text and the same page",
    async (lang) => {
      const book = readBook(generateSampleBook({ invoices: 600, seed: 3, asOf: to, messy: false }), {
        lang: "en-US",
        dateOrder: null,
        dateSystem: 1900,
        defaultCurrency: "USD",
      });
      const set = buildStatements(book, { from, to, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang });
      expect(set.statements.length).toBeGreaterThan(3);
      const options = {
        document: "statement" as const,
        lang,
        company,
        font: loadPdfFont({ needsCjk: true }),
        latinFont: loadLatinFont(),
        createdOn: to,
      };
      const first = await statementPdf(set, set.statements[0]!, options);
      for (const statement of set.statements.slice(1, 4)) await statementPdf(set, statement, options);
      const again = await statementPdf(set, set.statements[0]!, options);
      const [firstFile, againFile] = [path.join(dir, `${lang}-first.pdf`), path.join(dir, `${lang}-again.pdf`)];
      await writeFile(firstFile, first);
      await writeFile(againFile, again);
      const text = pdfText(firstFile);
      expect(text).toContain(company.name);
      expect(text).toContain(set.statements[0]!.customer);
      expect(pdfText(againFile)).toBe(text);
      expect((await firstPage(againFile)).equals(await firstPage(firstFile))).toBe(true);
    },
  );
});
