/**
 * Office.js cost of one aging run on the simulated Excel host, for a sample book of N invoices:
 *   node -r ts-node/register/transpile-only bench/excel-case.ts 100000
 * Prints one JSON line: round trips (context.sync), the largest request and response, the
 * total bytes sent, and the wall time on the simulated host (not a prediction of Excel's speed).
 */
import { createWorkbench } from "../src/workbench/host";
import { columnLetters } from "../src/workbench/host/address";
import { generateSampleBook } from "../src/engine/sample";
import { runAging } from "../src/app/aging";
import { excelPort } from "../src/excel";
import { serialFromIso } from "../src/engine/dates";
import { DEFAULT_BOUNDARIES } from "../src/engine/aging";
import type { ExcelRun } from "../src/excel/types";

async function main(): Promise<void> {
  const invoices = Number(process.argv[2] ?? "100000");
  const asOf = serialFromIso("2026-10-31")!;
  const tables = generateSampleBook({ invoices, seed: 7, asOf, messy: false });
  const workbench = createWorkbench();
  workbench.seed({
    sheets: tables.map((table) => {
      const cells = [table.header, ...table.rows];
      const lastColumn = columnLetters(table.header.length - 1);
      return { name: table.sheet, cells, tables: [{ name: `tbl${table.sheet}`, address: `A1:${lastColumn}${cells.length}` }] };
    }),
  });
  const before = workbench.stats.roundTrips;
  const started = performance.now();
  const result = await runAging(excelPort(workbench.run as unknown as ExcelRun), {
    asOf,
    basis: "due",
    boundaries: [...DEFAULT_BOUNDARIES],
    autoApply: true,
    groupBy: "customer",
    lang: "en-US",
    dateOrder: null,
    defaultCurrency: "USD",
    mapping: {},
  });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`aging stopped: ${JSON.stringify(result.problem)}`);
  const kb = (bytes: number): number => Math.round(bytes / 1024);
  const rows = result.write.sheets.reduce((n, name) => n + (workbench.snapshot(name)?.length ?? 0), 0);
  process.stdout.write(
    JSON.stringify({
      invoices,
      sourceRows: tables.reduce((n, t) => n + t.rows.length, 0),
      rowsWritten: rows,
      roundTrips: workbench.stats.roundTrips - before,
      writeRoundTrips: result.write.roundTrips,
      maxRequestKB: kb(workbench.stats.maxRequestBytes),
      maxResponseKB: kb(workbench.stats.maxResponseBytes),
      totalRequestMB: Math.round(workbench.stats.totalRequestBytes / 104857.6) / 10,
      simulatedMs: Math.round(ms),
    }) + "\n",
  );
}

void main();
