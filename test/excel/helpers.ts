/**
 * Test helpers over the workbench's simulated Excel: seeding user data and reading cells back
 * through the same Office.js API the adapter uses.
 */
import type { ExcelRun } from "../../src/excel/types";

/** Writes `rows` as a user's sheet (no AR Desk tag) with its top-left at `at`. */
export async function addUserSheet(run: ExcelRun, name: string, rows: unknown[][], at = { row: 0, col: 0 }): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.add(name);
    const width = Math.max(...rows.map((r) => r.length));
    if (rows.length > 0 && width > 0) {
      ws.getRangeByIndexes(at.row, at.col, rows.length, width).values = rows.map((r) =>
        Array.from({ length: width }, (_, c) => r[c] ?? ""),
      );
    }
    await context.sync();
  });
}

/** Adds an Excel table named `table` over `rows` (header first) on a new sheet. */
export async function addUserTable(run: ExcelRun, sheet: string, table: string, rows: unknown[][], at = { row: 0, col: 0 }): Promise<void> {
  await addUserSheet(run, sheet, rows, at);
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const width = Math.max(...rows.map((r) => r.length));
    const t = ws.tables.add(ws.getRangeByIndexes(at.row, at.col, rows.length, width), true);
    t.name = table;
    await context.sync();
  });
}

/** Sheet names in tab order. */
export async function sheetNames(run: ExcelRun): Promise<string[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name);
  });
}

/** What a block of a sheet holds, read through the API. */
export interface Cells {
  values: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
}

/** Reads rows [row, row + rowCount) × columns [0, colCount) of `sheet`. */
export async function readCells(run: ExcelRun, sheet: string, row: number, rowCount: number, colCount: number): Promise<Cells> {
  return run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, 0, rowCount, colCount);
    range.load("values,numberFormat,valueTypes");
    await context.sync();
    return { values: range.values, numberFormat: range.numberFormat, valueTypes: range.valueTypes };
  });
}

/**
 * `run` whose `n`-th round trip (1-based) fails the way a rejected Excel request does: the
 * request runs up to a failing statement (here a lookup of a sheet that does not exist), then
 * `sync` rejects.
 */
export function failingAtSync(run: ExcelRun, n: number): ExcelRun {
  const wrapped = (...args: unknown[]) => {
    const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<unknown>;
    const instrumented = async (context: Excel.RequestContext) => {
      const sync = context.sync.bind(context);
      let count = 0;
      context.sync = (<T>(value?: T) => {
        count++;
        if (count === n) context.workbook.worksheets.getItem("no such sheet (simulated failure)").load("name");
        return sync(value);
      }) as typeof context.sync;
      return batch(context);
    };
    return args.length === 2 ? run(args[0] as Excel.RunOptions, instrumented) : run(instrumented);
  };
  return wrapped as ExcelRun;
}

/**
 * Makes `Office.context.requirements` report ExcelApi versions above `max` as unsupported, as an
 * older Excel would; returns a function that removes the stub.
 */
export function simulateExcelApi(max: string): () => void {
  const g = globalThis as { Office?: unknown };
  const before = g.Office;
  const [maxMajor = 0, maxMinor = 0] = max.split(".").map(Number);
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          if (name !== "ExcelApi") return false;
          const [major = 0, minor = 0] = (version ?? "1.1").split(".").map(Number);
          return major < maxMajor || (major === maxMajor && minor <= maxMinor);
        },
      },
    },
  };
  return () => {
    g.Office = before;
  };
}
