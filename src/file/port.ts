/**
 * The workbook port over files, for the `ar-desk` command: tables are read from an .xlsx
 * workbook, a CSV file or a folder of CSV files; the sheets a use case writes are collected and
 * saved as one .xlsx by the ExcelJS writer when the command says where; settings are those the
 * task pane saved in the input workbook, under what the run sets itself; highlights and user
 * tables live in memory for the run (a file has no task pane to keep them for).
 */
import type { CellValue, SheetModel, TableData } from "../engine/types";
import type {
  PortHighlight,
  PortHighlightPurpose,
  PortNewTable,
  PortReadOptions,
  PortTables,
  PortWriteOptions,
  PortWriteResult,
  WorkbookPort,
} from "../app/port";
import { readInput } from "./input";
import { readSavedSettings } from "./settings";
import { writeReportWorkbook } from "./write";

/** A file port: the port, plus what the run collected and the way to save it. */
export interface FilePort extends WorkbookPort {
  /** Sheets written by use cases, in order (a re-run of a name replaces it in place). */
  readonly sheets: SheetModel[];
  /** Highlights set per purpose (a file run records them; nothing colours a file's cells). */
  readonly highlights: Map<PortHighlightPurpose, PortHighlight[]>;
  /** Settings of the run: a command's options put here stand over the workbook's saved settings. */
  readonly settings: Map<string, unknown>;
  /**
   * A setting as saved in the input workbook (by the task pane), or null: what `readSetting`
   * gives when the run did not set the key, so a front end can say which one it used.
   */
  savedSetting(key: string): Promise<unknown>;
  /** Saves the collected sheets as one workbook at `file`, refusing to overwrite an input. */
  save(file: string): Promise<void>;
  /** The files the tables came from (outputs must not overwrite them). */
  readonly inputs: readonly string[];
}

/** Where the tables come from. */
export interface FilePortSource {
  /** --input: an .xlsx workbook, a CSV file or a folder of CSV files. */
  input: string;
  /** Other files of the run that outputs must not overwrite (e.g. a --map file). */
  guarded?: readonly string[];
}

/**
 * A port over `source`. Tables are read once, on the first `readTables`, and kept (a use case
 * that reads twice sees the same tables, as a workbook nobody edits would give).
 *
 * @example
 * const port = filePort({ input: "book.xlsx" });
 * const aging = await runAging(port, request);
 * await port.save("aging.xlsx");
 */
export function filePort(source: FilePortSource): FilePort {
  let loaded: Promise<PortTables> | null = null;
  let saved: Promise<Map<string, unknown>> | null = null;
  const savedSetting = async (key: string): Promise<unknown> => {
    const value = (await (saved ??= readSavedSettings(source.input))).get(key);
    return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
  };
  const userTables: TableData[] = [];
  const port: FilePort = {
    sheets: [],
    highlights: new Map(),
    settings: new Map(),
    inputs: [source.input, ...(source.guarded ?? [])],
    readTables(options: PortReadOptions = {}) {
      loaded ??= loadTables(source);
      return loaded.then((read) => {
        options.onProgress?.({ stage: "read", done: 1, total: 1 });
        return { ...read, tables: [...read.tables, ...userTables], info: [...read.info, ...userTables.map(infoOf)] };
      });
    },
    async writeSheets(sheets: SheetModel[], _options: PortWriteOptions): Promise<PortWriteResult> {
      for (const sheet of sheets) {
        const at = port.sheets.findIndex((s) => s.name === sheet.name);
        if (at >= 0) port.sheets[at] = sheet;
        else port.sheets.push(sheet);
      }
      return { sheets: sheets.map((s) => s.name), renamed: [] };
    },
    savedSetting,
    async readSetting(key: string) {
      return port.settings.has(key) ? (JSON.parse(JSON.stringify(port.settings.get(key))) as unknown) : savedSetting(key);
    },
    async writeSetting(key: string, value: unknown) {
      port.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    },
    async setHighlights(purpose: PortHighlightPurpose, rules: readonly PortHighlight[]) {
      const removed = port.highlights.get(purpose)?.length ?? 0;
      port.highlights.set(purpose, [...rules]);
      return { added: rules.length, removed };
    },
    async clearHighlights(purpose: PortHighlightPurpose) {
      const removed = port.highlights.get(purpose)?.length ?? 0;
      port.highlights.delete(purpose);
      return { removed };
    },
    async createTable(table: PortNewTable) {
      userTables.push({ sheet: table.sheet, name: table.name, header: [...table.header], rows: [], firstRow: 2, firstColumn: 0 });
      return { sheet: table.sheet, name: table.name };
    },
    async appendRows(name: string, rows: CellValue[][]) {
      const read = loaded ? await loaded : { tables: [] as TableData[] };
      const table = [...userTables, ...read.tables].find((t) => t.name === name);
      if (!table) throw new RangeError(`No table named "${name}".`);
      const firstRow = table.firstRow + table.rows.length;
      table.rows.push(...rows.map((row) => [...row]));
      return { sheet: table.sheet, firstRow };
    },
    save(file: string) {
      return writeReportWorkbook(port.sheets, file, { inputs: port.inputs });
    },
  };
  return port;
}

async function loadTables(source: FilePortSource): Promise<PortTables> {
  const { tables, dateSystem, examined } = await readInput(source.input);
  return { tables, info: tables.map(infoOf), dateSystem, examined };
}

function infoOf(table: TableData): PortTables["info"][number] {
  return {
    name: table.name,
    sheet: table.sheet,
    address: `${table.sheet}!A${table.firstRow - 1}`,
    kind: "table",
    rowCount: table.rows.length,
  };
}
