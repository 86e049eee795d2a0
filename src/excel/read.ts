/**
 * Finding and reading the user's tables.
 *
 * Candidates are Excel tables (ListObjects) and, on sheets without a table, a header row in the
 * used range: the row of its top rows that maps best to known headings, with the data being the
 * rows below it to the end of the used range; blank rows are skipped, and a second header row
 * ends the table with a note naming the rows not read (the rules are the engine's,
 * engine/read/shape.ts, shared with the .xlsx reader). Sheets that carry AR Desk's tag are
 * skipped; a sheet merely named like a report is read. Nothing is written.
 *
 * Round trips: two or three to find the candidates (sheet list; tags, tables and used ranges;
 * the top rows of sheets without a table, when there are any), then one per read block. A block is several ranges (small tables share
 * one) whose estimated response stays under {@link BLOCK_BUDGET_BYTES} and {@link MAX_READ_CELLS}.
 * The first block is small ({@link FIRST_BLOCK_CELLS}); the bytes per cell are learned from the
 * blocks already read, so text-heavy tables (long memos, CJK text at three bytes a character) get
 * smaller blocks than numeric ones. A block Excel refuses with RequestPayloadSizeLimitExceeded or
 * ResponsePayloadSizeLimitExceeded is halved and read again (one more round trip each time).
 *
 * Date system: probed with Excel's DATE function in the first round trip (see ./dateSystem.ts).
 *
 * Error cells: `values` gives an error as its text; `valueTypes` is asked, after the blocks, for
 * the cells whose text reads like one, so a customer typed as "#N/A" is text (see markErrorCells).
 */
import type { CellValue, TableData } from "../engine/types";
import { findHeaderIndex, HEADER_SEARCH_ROWS as SHAPE_HEADER_ROWS, tableExtent } from "../engine/read/shape";
import { cellKey, isErrorValue } from "../engine/read/cells";
import { sheetAddress } from "./a1";
import { BLOCK_BUDGET_BYTES, MAX_READ_CELLS, jsonBytes } from "./blocks";
import { queueDateSystem } from "./dateSystem";
import { throwIfAborted } from "./errors";
import { queueSheetList, queueTags } from "./owned";
import { RoundTrips } from "./roundTrips";
import type { ExcelRun, ReadOptions, SourceTableInfo, WorkbookTables } from "./types";

/** Rows searched for a header row on a plain sheet (the engine's rule, engine/read/shape.ts). */
export const HEADER_SEARCH_ROWS = SHAPE_HEADER_ROWS;
/** Rows looked at just below each Excel table for data typed outside it. */
const ROWS_BELOW_TABLE = 20;
/** Excel's last row (0-based index + 1). */
const MAX_SHEET_ROWS = 1048576;
/**
 * Cells of the first read block, before anything is known of the table: small enough that long
 * text fits Excel's 5 MB response (2,000 cells of 600-character CJK memos, three bytes a
 * character, are 3.6 MB); later blocks are sized from what this one weighed and grow fast on
 * numeric tables. A cell can hold 32,767 characters, so no first size is safe for every table:
 * a refused block is halved and read again.
 */
export const FIRST_BLOCK_CELLS = 2_000;
/** A block may grow at most this many times over the last one that succeeded. */
const BLOCK_GROWTH = 4;
/** Floor for the learned estimate, so that an all-blank first block cannot inflate the next one. */
const MIN_BYTES_PER_CELL = 8;

/** Options beyond the contract's ReadOptions. */
export interface ReadTuning {
  /** Response budget per round trip (tests lower it to force several blocks). */
  blockBudgetBytes?: number;
}

/** One source being read: where its data rows are and what has been read so far. */
interface ReadJob {
  worksheet: Excel.Worksheet;
  info: SourceTableInfo;
  table: TableData;
  /** 0-based sheet row and column of the first data cell. */
  row: number;
  col: number;
  colCount: number;
  /** Data rows still to read. */
  remaining: number;
  /** Plain ranges: cut at a second header row once read (tableExtent), with notes. */
  plain: boolean;
}

function cellValue(value: unknown): CellValue {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * Index of the header row among `rows` (the top of a used range): the row that maps best to
 * known headings, else the first with at least two non-empty text cells, or -1.
 *
 * @example
 * findHeaderRow([["Report"], ["", ""], ["Invoice", "Amount"]]); // 2
 * findHeaderRow([["Prepared by", "J. Smith"], ["Invoice No", "Amount"]]); // 1
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[]): number {
  return findHeaderIndex(rows.map((row) => row.map(cellValue)));
}

/** First and last column (inclusive) holding something in `row`, or null when blank. */
function span(row: readonly unknown[]): [number, number] | null {
  let first = -1;
  let last = -1;
  row.forEach((v, i) => {
    if (v !== "" && v !== null && v !== undefined) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : [first, last];
}

/** Excel refused a request or its response as larger than its payload limit (5 MB on the web). */
function isPayloadLimit(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Finds the workbook's candidate tables and reads them in blocks.
 *
 * @example
 * const { tables, info, dateSystem } = await readWorkbookTables(Excel.run, {
 *   onProgress: (p) => setProgress(p.done / p.total),
 *   signal: controller.signal,
 * });
 */
export async function readWorkbookTables(run: ExcelRun, options: ReadOptions & ReadTuning = {}): Promise<WorkbookTables> {
  const { onProgress, signal } = options;
  const budget = options.blockBudgetBytes ?? BLOCK_BUDGET_BYTES;
  throwIfAborted(signal);
  return run(async (context) => {
    const trips = new RoundTrips(context);
    const workbook = context.workbook;

    // Round trip 1: sheets, the ownership record, the tables' names, the date system.
    const listed = queueSheetList(context);
    const tables = workbook.tables;
    tables.load("items/name");
    const dateSystem = queueDateSystem(workbook);
    await trips.sync();
    throwIfAborted(signal);

    // Round trip 2: tags, where each table is, each sheet's used range.
    const tags = queueTags(listed());
    const tableParts = tables.items.map((table) => {
      const worksheet = table.worksheet;
      worksheet.load("name");
      const header = table.getHeaderRowRange();
      header.load("values,rowIndex,columnIndex,columnCount");
      const body = table.getDataBodyRange();
      body.load("rowIndex,rowCount");
      const whole = table.getRange();
      whole.load("address,rowIndex,rowCount");
      return { table, worksheet, header, body, whole };
    });
    const sheets = listed().worksheets;
    const used = sheets.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      return range;
    });
    await trips.sync();
    throwIfAborted(signal);
    const entries = tags.collect();
    const ownedNames = new Set(entries.filter((e) => e.owner).map((e) => e.name));

    const jobs: ReadJob[] = [];
    for (const part of tableParts) {
      const sheet = part.worksheet.name;
      if (ownedNames.has(sheet)) continue;
      const header = (part.header.values[0] ?? []).map(cellValue);
      const rowCount = part.body.rowCount;
      const table: TableData = {
        sheet,
        name: part.table.name,
        header,
        rows: [],
        firstRow: part.header.rowIndex + 2,
        firstColumn: part.header.columnIndex,
      };
      const worksheet = sheets.find((ws) => ws.name === sheet) ?? part.worksheet;
      jobs.push({
        worksheet,
        info: { name: part.table.name, sheet, address: part.whole.address, kind: "table", rowCount },
        table,
        row: part.body.rowIndex,
        col: part.header.columnIndex,
        colCount: part.header.columnCount,
        remaining: rowCount,
        plain: false,
      });
    }

    // Round trip 3: the top rows of sheets that have no table, to find a header row.
    const sheetsWithTables = new Set(tableParts.map((p) => p.worksheet.name));
    const plain = sheets
      .map((ws, i) => ({ ws, used: used[i] }))
      .filter((s): s is { ws: Excel.Worksheet; used: Excel.Range } => !!s.used && !s.used.isNullObject)
      .filter((s) => !ownedNames.has(s.ws.name) && !sheetsWithTables.has(s.ws.name))
      .map((s) => {
        const top = s.ws.getRangeByIndexes(
          s.used.rowIndex,
          s.used.columnIndex,
          Math.min(HEADER_SEARCH_ROWS, s.used.rowCount),
          s.used.columnCount,
        );
        top.load("values");
        return { ...s, top };
      });
    if (plain.length > 0) {
      await trips.sync();
      throwIfAborted(signal);
    }
    for (const s of plain) {
      const h = findHeaderRow(s.top.values);
      if (h < 0) continue;
      const headerRow = s.top.values[h] ?? [];
      const cols = span(headerRow);
      if (!cols) continue;
      const [first, last] = cols;
      const sheet = s.ws.name;
      const row = s.used.rowIndex + h;
      const col = s.used.columnIndex + first;
      const colCount = last - first + 1;
      jobs.push({
        worksheet: s.ws,
        info: { name: sheet, sheet, address: "", kind: "range", rowCount: 0 },
        table: {
          sheet,
          name: sheet,
          header: headerRow.slice(first, last + 1).map(cellValue),
          rows: [],
          firstRow: row + 2,
          firstColumn: col,
        },
        row: row + 1,
        col,
        colCount,
        remaining: s.used.rowIndex + s.used.rowCount - (row + 1),
        plain: true,
      });
    }

    // Rows typed just below an Excel table are outside it: read a few with the first block (no
    // round trip of their own) and name them in a note.
    const below: Array<{ job: ReadJob; range: Excel.Range; firstRow: number }> = [];
    for (const part of tableParts) {
      const job = jobs.find((j) => j.info.kind === "table" && j.info.name === part.table.name);
      const start = part.whole.rowIndex + part.whole.rowCount;
      if (!job || start >= MAX_SHEET_ROWS || job.colCount <= 0) continue;
      const range = job.worksheet.getRangeByIndexes(start, job.col, Math.min(ROWS_BELOW_TABLE, MAX_SHEET_ROWS - start), job.colCount);
      range.load("values");
      below.push({ job, range, firstRow: start + 1 });
    }
    const noteRowsBelow = (): void => {
      for (const { job, range, firstRow } of below) {
        let count = 0;
        while (count < range.values.length && (range.values[count] ?? []).some((v) => v !== "" && v !== null && v !== undefined)) count++;
        if (count === 0) continue;
        job.table.notes = [
          ...(job.table.notes ?? []),
          { severity: "warning", code: "table.rowsBelowTable", row: firstRow, params: { row: firstRow, endRow: firstRow + count - 1 } },
        ];
      }
      below.length = 0;
    };

    // Blocks: as many rows of as many sources as fit the budget, one round trip each. The first
    // block is small; each later one is sized from the bytes per cell seen so far (and grows at
    // most BLOCK_GROWTH times); a block Excel refuses as too large is halved and read again.
    let bytesPerCell = budget / FIRST_BLOCK_CELLS;
    let cellCap = FIRST_BLOCK_CELLS;
    let bytesSeen = 0;
    let cellsSeen = 0;
    let done = 0;
    const pendingCells = () => jobs.reduce((n, j) => n + j.remaining * j.colCount, 0);
    const budgetCells = () => Math.max(1, Math.min(MAX_READ_CELLS, cellCap, Math.floor(budget / bytesPerCell)));
    while (jobs.some((j) => j.remaining > 0)) {
      throwIfAborted(signal);
      const asked = budgetCells();
      let cells = asked;
      const reads: Array<{ job: ReadJob; range: Excel.Range }> = [];
      for (const job of jobs) {
        if (job.remaining <= 0 || job.colCount <= 0) continue;
        let rows = Math.min(job.remaining, Math.floor(cells / job.colCount));
        if (rows < 1) {
          if (reads.length > 0) break;
          rows = 1; // one row wider than the budget still has to be read
        }
        const range = job.worksheet.getRangeByIndexes(job.row + job.table.rows.length, job.col, rows, job.colCount);
        range.load("values");
        reads.push({ job, range });
        cells -= rows * job.colCount;
        if (cells <= 0) break;
      }
      try {
        await trips.sync();
      } catch (error) {
        const sent = asked - cells;
        // Nothing was delivered: halve the block and read the same rows again (one row that
        // alone is too large cannot be read in blocks, so that error stands).
        if (!isPayloadLimit(error) || sent <= Math.max(1, reads[0]?.job.colCount ?? 1)) throw error;
        cellCap = Math.max(1, Math.floor(sent / 2));
        // The refused request also carried the look below the tables: ask for it again.
        for (const { range } of below) range.load("values");
        continue;
      }
      noteRowsBelow();
      cellCap = Math.min(MAX_READ_CELLS, Math.max(cellCap, (asked - cells) * BLOCK_GROWTH));
      for (const { job, range } of reads) {
        const values = range.values;
        bytesSeen += jsonBytes(values);
        cellsSeen += values.length * job.colCount;
        for (const row of values) job.table.rows.push(row.map(cellValue));
        job.remaining -= values.length;
      }
      // Learn the response size per cell, with 50% headroom for a denser block to come.
      if (cellsSeen > 0) bytesPerCell = Math.max(MIN_BYTES_PER_CELL, (bytesSeen / cellsSeen) * 1.5);
      done++;
      onProgress?.({ stage: "read", done, total: done + Math.ceil(pendingCells() / budgetCells()) });
    }

    if (below.length > 0) {
      // Only tables without data rows: their rows below still need one look.
      await trips.sync();
      noteRowsBelow();
    }
    for (const job of jobs) {
      if (job.plain) {
        // Blank rows are skipped, never an end; a second header row ends the table, with a note.
        const extent = tableExtent(job.table.header, job.table.rows, job.table.firstRow);
        job.table.rows.length = extent.rowCount;
        if (extent.notes.length > 0) job.table.notes = extent.notes;
      }
      if (job.info.kind === "range") {
        job.info.rowCount = job.table.rows.length;
        job.info.address = sheetAddress(job.table.sheet, {
          row: job.table.firstRow - 2,
          col: job.col,
          rowCount: job.table.rows.length + 1,
          colCount: job.colCount,
        });
      }
    }
    await markErrorCells(trips, jobs, signal);
    return { tables: jobs.map((j) => j.table), info: jobs.map((j) => j.info), dateSystem: dateSystem() };
  });
}

/** Ranges whose `valueTypes` one round trip asks for, at most. */
const MAX_TYPE_PROBES = 1_000;

/**
 * Tells the engine which cells hold an Excel error value (`TableData.errorCells`): `values`
 * gives an error as its text ("#N/A"), the same as a customer typed as the text "#N/A", and only
 * `Range.valueTypes` ("Error", Excel.RangeValueType.error) tells them apart. Asking for the
 * types of every cell would double each block's response, so they are asked only for the cells
 * whose text reads like an error (runs of them down a column in one range): no round trip at all
 * for a book without such text, one more per {@link MAX_TYPE_PROBES} runs otherwise.
 */
async function markErrorCells(trips: RoundTrips, jobs: readonly ReadJob[], signal: AbortSignal | undefined): Promise<void> {
  const probes: Array<{ job: ReadJob; errors: Set<number>; i: number; c: number; count: number }> = [];
  for (const job of jobs) {
    const errors = new Set<number>();
    job.table.errorCells = errors;
    const rows = job.table.rows;
    for (let c = 0; c < job.colCount; c++) {
      for (let i = 0; i < rows.length; i++) {
        if (!isErrorValue(rows[i]?.[c])) continue;
        let end = i + 1;
        while (end < rows.length && isErrorValue(rows[end]?.[c])) end++;
        probes.push({ job, errors, i, c, count: end - i });
        i = end;
      }
    }
  }
  for (let start = 0; start < probes.length; start += MAX_TYPE_PROBES) {
    throwIfAborted(signal);
    const batch = probes.slice(start, start + MAX_TYPE_PROBES).map((probe) => {
      const range = probe.job.worksheet.getRangeByIndexes(probe.job.row + probe.i, probe.job.col + probe.c, probe.count, 1);
      range.load("valueTypes");
      return { ...probe, range };
    });
    await trips.sync();
    for (const { errors, i, c, range } of batch) {
      range.valueTypes.forEach((types, k) => {
        if (types[0] === "Error") errors.add(cellKey(i + k, c));
      });
    }
  }
}
