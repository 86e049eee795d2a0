/**
 * The pane ↔ engine-worker messages, without a Worker: the tables arrive whole in any slicing,
 * and a result sent through a real structured clone with its transfer list (Node's
 * MessageChannel, as a worker's postMessage does) decodes to the figures the in-process engine
 * computes on the same book.
 */
import { MessageChannel } from "node:worker_threads";
import fc from "fast-check";
import { ageTables, type AgingEngineInput, type AgingEngineOutput } from "../../src/app/agingEngine";
import {
  decodeOutput,
  encodeOutput,
  receiveRequest,
  requestMessages,
  type EngineRequest,
  type PendingJob,
  type WireOutput,
} from "../../src/app/engineProtocol";
import { serialFromIso } from "../../src/engine/dates";
import { generateSampleBook } from "../../src/engine/sample";
import type { CellValue, Lang, TableData } from "../../src/engine/types";

const AS_OF = serialFromIso("2026-10-31")!;

function inputFor(tables: TableData[], lang: Lang = "en-US"): AgingEngineInput {
  return {
    tables,
    read: { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" },
    aging: { asOf: AS_OF, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang },
  };
}

/** Sends `value` through a real MessagePort with `transfer`, as postMessage between threads does. */
async function throughPort<T>(value: T, transfer: ArrayBuffer[]): Promise<T> {
  const { port1, port2 } = new MessageChannel();
  try {
    const received = new Promise<T>((resolve) => port2.once("message", (data: T) => resolve(data)));
    port1.postMessage(value, transfer);
    return await received;
  } finally {
    port1.close();
    port2.close();
  }
}

/** The worker's side of one job: every request message, in order, until `run` gives the input. */
function assemble(messages: Iterable<EngineRequest>): AgingEngineInput {
  const jobs = new Map<number, PendingJob>();
  let input: AgingEngineInput | null = null;
  for (const message of messages) input = receiveRequest(jobs, message) ?? input;
  if (!input) throw new Error("no run message");
  expect(jobs.size).toBe(0);
  return input;
}

/** Every figure of an aging, as plain values (typed arrays as arrays), to compare two computations. */
function figures({ book, report }: AgingEngineOutput) {
  if (!report) throw new Error("no report");
  return {
    totals: report.totals,
    accounts: report.accounts,
    reps: report.reps,
    buckets: report.buckets,
    items: {
      invoice: Array.from(report.items.invoice),
      daysOverdue: Array.from(report.items.daysOverdue),
      bucket: Array.from(report.items.bucket),
      account: Array.from(report.items.account),
    },
    open: Array.from(report.allocation.open),
    applied: Array.from(report.allocation.applied),
    unapplied: Array.from(report.allocation.accounts.unapplied),
    invoiceNumbers: book.invoices.number,
    amounts: Array.from(book.invoices.amount),
    customers: book.customers.name,
    customerIndex: [...book.customers.index.entries()],
    payments: book.payments ? Array.from(book.payments.amount) : null,
    issues: report.issues,
    excluded: report.excluded,
    accounting: book.accounting,
  };
}

describe("requestMessages / receiveRequest", () => {
  it("delivers every table whole, whatever the slice size, in one begin, row slices and one run", () => {
    const cell = fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.boolean(), fc.constant(null));
    const table = fc.record({
      width: fc.integer({ min: 1, max: 5 }),
      rows: fc.integer({ min: 0, max: 40 }),
    });
    fc.assert(
      fc.property(
        fc.array(table, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(cell, { minLength: 200 }),
        (shapes, slice, cells) => {
          let next = 0;
          const take = (): CellValue => cells[next++ % cells.length]!;
          const tables: TableData[] = shapes.map(({ width, rows }, k) => ({
            sheet: `S${k}`,
            name: `T${k}`,
            header: Array.from({ length: width }, (_, c) => `H${c}`),
            rows: Array.from({ length: rows }, () => Array.from({ length: width }, take)),
            firstRow: 2 + k,
            firstColumn: k,
            notes: k === 0 ? [{ severity: "warning", code: "read.blankRows", row: 3 }] : undefined,
          }));
          const messages = [...requestMessages(7, inputFor(tables), slice)];
          expect(messages[0]!.type).toBe("begin");
          expect(messages[messages.length - 1]!.type).toBe("run");
          for (const m of messages)
            if (m.type === "rows")
              expect(m.rows.length * (tables[m.table]!.header.length || 1)).toBeLessThanOrEqual(
                Math.max(slice, tables[m.table]!.header.length),
              );
          const input = assemble(messages);
          expect(input.tables).toEqual(tables);
        },
      ),
    );
  });

  it("refuses a run whose rows did not all arrive, and rows for a job never begun", () => {
    const tables = generateSampleBook({ invoices: 30, seed: 3 });
    const messages = [...requestMessages(1, inputFor(tables), 50)];
    const lost = messages.filter((m, k) => !(m.type === "rows" && k === 2));
    expect(() => assemble(lost)).toThrow(/rows/);
    expect(() => receiveRequest(new Map(), { type: "rows", job: 9, table: 0, rows: [] })).toThrow(/never begun/);
  });
});

describe("encodeOutput / decodeOutput", () => {
  it.each<[Lang, number, boolean]>([
    ["en-US", 400, true],
    ["zh-CN", 250, true],
    ["en-US", 300, false],
  ])("a result sent as the worker sends it has the in-process figures (%s, %i invoices, messy %s)", async (lang, invoices, messy) => {
    const tables = generateSampleBook({ invoices, seed: 11, asOf: AS_OF, messy, lang });
    const here = ageTables(inputFor(tables, lang));
    expect(here.report?.totals.length).toBeGreaterThan(0);
    const expected = figures(here);

    // The worker's side: the tables as it received them, the computation, the encoded reply.
    const workerInput = assemble(requestMessages(1, inputFor(tables, lang), 500));
    const computed = ageTables(workerInput);
    const { output, transfer } = encodeOutput(computed, workerInput.tables);
    expect(transfer.length).toBeGreaterThan(0);
    const received = await throughPort<WireOutput>(output, transfer);

    // Transferred, not copied: the worker's columns are detached.
    expect(computed.book.invoices.amount.length).toBe(0);
    expect(computed.report!.items.invoice.length).toBe(0);

    const decoded = decodeOutput(received, tables);
    expect(figures(decoded)).toEqual(expected);
    expect(decoded.report!.book).toBe(decoded.book);
    // Each source is the pane's own table object, not a copy that travelled twice.
    expect(decoded.book.sources.invoices!.table).toBe(tables[0]);
    expect(Object.values(decoded.book.sources).every((s) => tables.includes(s.table))).toBe(true);
    // The descriptive columns are read from the pane's table on demand, as the reader's are.
    expect(decoded.book.invoices.po).toEqual(here.book.invoices.po);
    expect(decoded.book.invoices.po.some((po) => po !== null)).toBe(true);
    expect(decoded.book.invoices.status).toEqual(here.book.invoices.status);
    expect(decoded.book.invoices.description).toEqual(here.book.invoices.description);
  });

  it("leaves the descriptive columns unread when encoding (they travel as the pane's own table)", () => {
    const tables = generateSampleBook({ invoices: 20, seed: 5, asOf: AS_OF });
    const computed = ageTables(inputFor(tables));
    const { output } = encodeOutput(computed, tables);
    expect("po" in output.book.invoices).toBe(false);
    expect(output.report!.book).toBe(output.book);
    expect(output.book.sources.invoices!.table).toBe(0);
  });

  it("sends a book without an invoice table with no report", async () => {
    const customers = generateSampleBook({ invoices: 20, seed: 5, asOf: AS_OF })[2]!;
    const computed = ageTables(inputFor([customers]));
    expect(computed.report).toBeNull();
    const { output, transfer } = encodeOutput(computed, [customers]);
    const decoded = decodeOutput(await throughPort(output, transfer), [customers]);
    expect(decoded.report).toBeNull();
    expect(decoded.book.customers.name).toEqual(ageTables(inputFor([customers])).book.customers.name);
    expect(decoded.book.customers.length).toBeGreaterThan(0);
  });

  it("brings back invoices read together from two tables: their tables by position, their texts from each", async () => {
    const [invoices, ...others] = generateSampleBook({ invoices: 120, seed: 3, asOf: AS_OF });
    const half = Math.floor(invoices!.rows.length / 2);
    const q3: TableData = { ...invoices!, sheet: "Invoices Q3", name: "InvoicesQ3", rows: invoices!.rows.slice(0, half) };
    const q4: TableData = { ...invoices!, sheet: "Invoices Q4", name: "InvoicesQ4", rows: invoices!.rows.slice(half) };
    const tables = [q3, q4, ...others];
    const here = ageTables(inputFor(tables));
    expect(here.book.joined?.invoices?.map((d) => d.table)).toEqual([q3, q4]);

    const workerInput = assemble(requestMessages(2, inputFor(tables), 700));
    const { output, transfer } = encodeOutput(ageTables(workerInput), workerInput.tables);
    const decoded = decodeOutput(await throughPort<WireOutput>(output, transfer), tables);

    expect(figures(decoded)).toEqual(figures(here));
    // The joined tables are the pane's own objects, as the first source is.
    expect(decoded.book.joined?.invoices?.map((d) => d.table)).toEqual([q3, q4]);
    expect(decoded.book.joined!.invoices![1]!.table).toBe(q4);
    // Rows of the second table get their texts from the second table.
    expect(decoded.book.invoices.po).toEqual(here.book.invoices.po);
    expect(decoded.book.invoices.description).toEqual(here.book.invoices.description);
    expect(decoded.book.invoices.po.slice(half).some((po) => po !== null)).toBe(true);
  });

  it("refuses a source that is not one of the job's tables", () => {
    const tables = generateSampleBook({ invoices: 20, seed: 5, asOf: AS_OF });
    const computed = ageTables(inputFor(tables));
    expect(() => encodeOutput(computed, tables.slice(1))).toThrow(/invoices source/);
  });
});
