/**
 * A SheetModel's print layout (PageLayout) as ExcelJS worksheet options: page setup, footer,
 * print titles and manual row breaks.
 */
import type * as ExcelJS from "exceljs";
import type { PageLayout } from "../engine/types";

/** OOXML paper size codes (ECMA-376 §18.3.1.63): 1 = Letter, 9 = A4. */
const PAPER_SIZE = { Letter: 1, A4: 9 } as const;

/**
 * The `pageSetup` and `headerFooter` options of `addWorksheet` for a layout. Fitting to one
 * page wide leaves the height free (fitToHeight 0), so manual page breaks still start pages.
 *
 * @example
 * excelJsPageOptions({ orientation: "portrait", paper: "A4", fitToWidth: true, printTitleRows: { first: 0, last: 3 }, footer: "Page &P of &N", rowBreaks: [] })
 * // { pageSetup: { orientation: "portrait", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:4" },
 * //   headerFooter: { oddFooter: "&CPage &P of &N" } }
 */
export function excelJsPageOptions(page: PageLayout): {
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
} {
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    orientation: page.orientation,
    paperSize: PAPER_SIZE[page.paper] as ExcelJS.PaperSize,
  };
  if (page.fitToWidth) Object.assign(pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  if (page.printTitleRows) pageSetup.printTitlesRow = `${page.printTitleRows.first + 1}:${page.printTitleRows.last + 1}`;
  return { pageSetup, headerFooter: page.footer ? { oddFooter: `&C${page.footer}` } : {} };
}
