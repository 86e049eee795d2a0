/**
 * What handing the aging to the task pane's worker costs, without a browser:
 *   node -r ts-node/register/transpile-only bench/worker-case.ts 1000000
 * Prints one JSON line. The tables go to the worker as the pane sends them (requestMessages'
 * slices, each copied by the structured clone postMessage uses); the worker's result comes back
 * with its columns transferred (encodeOutput, a structured clone with the transfer list, then
 * decodeOutput). Beside them, the computation the worker takes off the pane's thread (ageTables).
 *
 * - sliceCopyMs / maxSliceMs: the copies of the rows, in total and the longest single one (the
 *   longest the pane's thread is held while sending, between two turns of its event loop);
 * - computeMs: readBook + ageBook (what the worker does, off the pane's thread);
 * - resultCloneMs: the result's clone with its columns transferred (the worker serialises, the
 *   pane deserialises: an upper bound for the pane's share);
 * - decodeMs: decodeOutput on the pane (tables and descriptive columns put back).
 */
import { ageTables, type AgingEngineInput } from "../src/app/agingEngine";
import { decodeOutput, encodeOutput, requestMessages } from "../src/app/engineProtocol";
import { DEFAULT_BOUNDARIES } from "../src/engine/aging";
import { serialFromIso } from "../src/engine/dates";
import { generateSampleBook } from "../src/engine/sample";

// A task pane is not cross-origin isolated: its columns are plain ArrayBuffers, which transfer.
delete (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer;

const invoices = Number(process.argv[2] ?? "100000");
const asOf = serialFromIso("2026-10-31")!;
const tables = generateSampleBook({ invoices, seed: 42, asOf, messy: false });
const input: AgingEngineInput = {
  tables,
  read: { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" },
  aging: { asOf, basis: "due", boundaries: [...DEFAULT_BOUNDARIES], autoApply: true, lang: "en-US" },
};
const round = (ms: number): number => Math.round(ms);

let slices = 0;
let sliceCopyMs = 0;
let maxSliceMs = 0;
for (const message of requestMessages(1, input)) {
  const t0 = performance.now();
  structuredClone(message);
  const ms = performance.now() - t0;
  sliceCopyMs += ms;
  if (message.type === "rows") {
    slices++;
    maxSliceMs = Math.max(maxSliceMs, ms);
  }
}

let t0 = performance.now();
const computed = ageTables(input);
const computeMs = performance.now() - t0;

t0 = performance.now();
const { output, transfer } = encodeOutput(computed, tables);
const encodeMs = performance.now() - t0;
const transferredMB = transfer.reduce((sum, buffer) => sum + buffer.byteLength, 0) / 2 ** 20;
t0 = performance.now();
const received = structuredClone(output, { transfer });
const resultCloneMs = performance.now() - t0;
t0 = performance.now();
const decoded = decodeOutput(received, tables);
const decodeMs = performance.now() - t0;

process.stdout.write(
  JSON.stringify({
    invoices,
    cells: tables.reduce((n, t) => n + t.rows.length * t.header.length, 0),
    slices,
    sliceCopyMs: round(sliceCopyMs),
    maxSliceMs: Math.round(maxSliceMs * 10) / 10,
    computeMs: round(computeMs),
    encodeMs: round(encodeMs),
    resultCloneMs: round(resultCloneMs),
    decodeMs: round(decodeMs),
    transferredMB: Math.round(transferredMB),
    openItems: decoded.report?.items.length ?? 0,
  }) + "\n",
);
