/**
 * A SheetModel's print layout through Office.js (ExcelApi 1.9): paper, orientation, fit to one
 * page wide, print title rows, the centre footer and manual page breaks. On older clients the
 * sheet is written without them (values and formats are complete); printing then uses Excel's
 * defaults.
 */
import type { SheetModel } from "../engine/types";
import { isExcelApiSupported } from "./support";

/**
 * Queues the print layout of `model` on `worksheet` (nothing when the model has none or the
 * client lacks ExcelApi 1.9).
 *
 * Fit to width uses `verticalFitToPages: 0`, Excel's "automatic" height, so that the manual
 * breaks still start pages (unverified on every client: the documented zoom options do not
 * state it; the ExcelJS writer's file form, fitToHeight="0", is what Excel itself saves).
 *
 * @example
 * applyPageLayout(ws, model); // before the sync that commits the sheet's layout
 */
export function applyPageLayout(worksheet: Excel.Worksheet, model: SheetModel): void {
  const page = model.page;
  if (!page || !isExcelApiSupported("1.9")) return;
  const layout = worksheet.pageLayout;
  layout.orientation = page.orientation === "portrait" ? "Portrait" : "Landscape";
  layout.paperSize = page.paper === "A4" ? "A4" : "Letter";
  if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (page.printTitleRows) layout.setPrintTitleRows(`$${page.printTitleRows.first + 1}:$${page.printTitleRows.last + 1}`);
  if (page.footer) layout.headersFooters.defaultForAllPages.centerFooter = page.footer;
  for (const row of page.rowBreaks) if (row > 0) worksheet.horizontalPageBreaks.add(worksheet.getRangeByIndexes(row, 0, 1, 1));
}
