/**
 * Reading the `--input` of a command: a folder of CSV files, one CSV file, or an .xlsx workbook.
 * Shared by every command that reads a book, so they all accept the same inputs.
 */
import { stat } from "node:fs/promises";
import type { TableData } from "../engine/types";
import { readCsvDirectory, readCsvFile } from "./csv";
import { FileError } from "./errors";
import { readWorkbookTables } from "./xlsx";

/**
 * Reads --input: a folder of CSV files, one CSV file, or an .xlsx workbook. A path that does
 * not exist is a FileError ("cli.file.notFound").
 *
 * @example
 * const { tables, dateSystem } = await readInput("ledger.xlsx");
 */
export async function readInput(
  input: string,
): Promise<{ tables: TableData[]; dateSystem: 1900 | 1904; examined?: { sheet: string; rows: number }[] }> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(input)).isDirectory();
  } catch {
    throw new FileError("cli.file.notFound", input);
  }
  if (isDirectory) return { tables: await readCsvDirectory(input), dateSystem: 1900 };
  if (/\.(csv|tsv|txt)$/i.test(input)) return { tables: [await readCsvFile(input)], dateSystem: 1900 };
  return readWorkbookTables(input);
}

/**
 * How tables are named to the user: "Name", or "Sheet!Name" when the table's name is not its sheet's.
 *
 * @example
 * tableLabel({ sheet: "Ledger", name: "tblInvoices", … }) // "Ledger!tblInvoices"
 */
export function tableLabel(table: Pick<TableData, "sheet" | "name">): string {
  return table.name === table.sheet ? table.name : `${table.sheet}!${table.name}`;
}
