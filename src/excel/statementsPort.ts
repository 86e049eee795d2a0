/**
 * The workbook port methods the statements use case needs (read tables, write owned sheets,
 * read and write a setting), over the Office.js adapter's existing functions. The full Office.js
 * WorkbookPort supersedes this once it lands; the use case takes only these four methods.
 */
import type { WorkbookPort } from "../app/port";
import { readWorkbookTables } from "./read";
import { RoundTrips } from "./roundTrips";
import type { ExcelRun } from "./types";
import { writeReportSheets } from "./write";

/**
 * The statements port over `run` (Excel.run or the workbench's).
 *
 * @example
 * const result = await runStatements(excelStatementsPort(Excel.run), request);
 */
export function excelStatementsPort(run: ExcelRun): Pick<WorkbookPort, "readTables" | "writeSheets" | "readSetting" | "writeSetting"> {
  return {
    async readTables(options) {
      const read = await readWorkbookTables(run, { signal: options?.signal, onProgress: options?.onProgress });
      return { tables: read.tables, info: read.info, dateSystem: read.dateSystem };
    },
    async writeSheets(sheets, options) {
      const written = await writeReportSheets(run, sheets, { period: options.period, signal: options.signal, onProgress: options.onProgress, activate: options.activate });
      return { sheets: written.sheets, renamed: written.renamed };
    },
    async readSetting(key) {
      return run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(key);
        item.load("value");
        await new RoundTrips(context).sync();
        if (item.isNullObject) return null;
        const value: unknown = item.value;
        if (typeof value !== "string") return value ?? null;
        try {
          return JSON.parse(value) as unknown;
        } catch (error) {
          // A value that is not JSON was not written by this port: hand it over as text.
          if (error instanceof SyntaxError) return value;
          throw error;
        }
      });
    },
    async writeSetting(key, value) {
      await run(async (context) => {
        context.workbook.settings.add(key, JSON.stringify(value));
        await context.sync();
      });
    },
  };
}
