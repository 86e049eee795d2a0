/**
 * The CLI row's command, shared by the bench (`npm run bench -- cli`) and the before/after
 * comparison (`npm run bench:compare`), so both time the same aging of the same 100k book.
 */
import * as path from "path";

/**
 * Arguments of `node <args>` that age `book` as of 2026-10-31 with the `ar-desk` of `checkout`,
 * writing the report and its JSON into `outDir`.
 *
 * @example
 * spawnSync(process.execPath, agingCliArgs(".", "bench-output/book-100k.xlsx", "bench-output"));
 */
export function agingCliArgs(checkout: string, book: string, outDir: string): string[] {
  return [
    path.join(checkout, "bin", "ar-desk.js"),
    "aging",
    "--input",
    book,
    "--as-of",
    "2026-10-31",
    "--out",
    path.join(outDir, "aging-100k.xlsx"),
    "--json",
    path.join(outDir, "aging-100k.json"),
  ];
}
