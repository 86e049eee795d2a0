/**
 * Taking the user to a cell (an issue in the issues list, a source table).
 */
import type { ExcelRun } from "./types";

/**
 * Activates `sheet` and selects `cellAddress` on it (one round trip). A sheet or address that
 * no longer exists rejects with Excel's ItemNotFound / InvalidArgument error.
 *
 * @example
 * await selectCell(Excel.run, "Invoices", "C12");
 */
export async function selectCell(run: ExcelRun, sheet: string, cellAddress: string): Promise<void> {
  await run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(cellAddress).select();
    await context.sync();
  });
}
