/**
 * The task pane's worker engine, with the worker's body (serveEngine) on the other end of a
 * Node MessageChannel: real structured clones and transfers, as between the pane and its worker.
 * The aging it computes is the in-process aging, sheet for sheet; progress reaches the caller;
 * Cancel stops the worker; and where no worker can be had, the aging still runs, in process.
 */
import { runAging, type AgingRequest } from "../../../src/app/aging";
import { inProcessAgingEngine } from "../../../src/app/agingEngine";
import { isCancelled } from "../../../src/app/cancel";
import type { PortProgress } from "../../../src/app/port";
import { serialFromIso } from "../../../src/engine/dates";
import { generateSampleBook } from "../../../src/engine/sample";
import type { Lang } from "../../../src/engine/types";
import { workerAgingEngine } from "../../../src/taskpane/worker/client";
import { memoryWorkbook } from "../../app/memoryPort";
import { channelWorker, type ChannelWorker } from "./channelWorker";

const AS_OF = serialFromIso("2026-10-31")!;

function request(lang: Lang, boundaries = [30, 60, 90]): AgingRequest {
  return {
    asOf: AS_OF,
    basis: "due",
    boundaries,
    autoApply: true,
    groupBy: "salesRep",
    lang,
    dateOrder: null,
    defaultCurrency: "USD",
    mapping: {},
  };
}

const sample = (lang: Lang = "en-US") => generateSampleBook({ invoices: 300, seed: 4, asOf: AS_OF, lang });

/** The in-process aging of the same book: the figures the worker must reproduce. */
async function inProcess(lang: Lang) {
  const port = memoryWorkbook(sample(lang));
  const result = await runAging(port, request(lang), { engine: inProcessAgingEngine });
  if (!result.ok) throw new Error("in-process aging stopped");
  return { result, sheets: [...port.sheets.values()] };
}

describe("workerAgingEngine", () => {
  it.each<Lang>(["en-US", "zh-CN"])(
    "writes the same sheets and totals as the in-process aging (%s), with the worker's progress",
    async (lang) => {
      const expected = await inProcess(lang);
      expect(expected.result.report.totals.length).toBeGreaterThan(0);
      const workers: ChannelWorker[] = [];
      const engine = workerAgingEngine(
        () => {
          workers.push(channelWorker());
          return workers[workers.length - 1]!;
        },
        { sliceCells: 700 },
      );
      const port = memoryWorkbook(sample(lang));
      const progress: PortProgress[] = [];
      const result = await runAging(port, request(lang), { engine, onProgress: (p) => progress.push(p) });
      if (!result.ok) throw new Error("worker aging stopped");

      expect(engine.mode).toBe("worker");
      expect(workers).toHaveLength(1);
      expect(result.report.totals).toEqual(expected.result.report.totals);
      expect(result.report.accounts).toEqual(expected.result.report.accounts);
      expect(result.report.issues).toEqual(expected.result.report.issues);
      expect([...port.sheets.values()].map((s) => s.cells)).toEqual(expected.sheets.map((s) => s.cells));
      const computeSteps = progress.filter((p) => p.stage === "compute").map((p) => p.done);
      expect(computeSteps).toEqual([0, 1, 2, 3]);

      // The worker is kept for the next run.
      const again = await runAging(memoryWorkbook(sample(lang)), request(lang), { engine });
      expect(again.ok && again.report.totals).toEqual(expected.result.report.totals);
      expect(workers).toHaveLength(1);
      workers[0]!.terminate();
    },
  );

  it("Cancel terminates the worker and rejects as cancelled; the next run starts a new worker", async () => {
    const workers: ChannelWorker[] = [];
    let slices = 0;
    const controller = new AbortController();
    const engine = workerAgingEngine(
      () => {
        workers.push(channelWorker());
        return workers[workers.length - 1]!;
      },
      {
        sliceCells: 500,
        // The user presses Cancel while the rows are still being handed over.
        yieldToUi: async () => {
          if (++slices === 3) controller.abort();
          await new Promise((resolve) => setImmediate(resolve));
        },
      },
    );
    const cancelled = await runAging(memoryWorkbook(sample()), request("en-US"), { engine, signal: controller.signal }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isCancelled(cancelled)).toBe(true);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);

    const expected = await inProcess("en-US");
    const next = await runAging(memoryWorkbook(sample()), request("en-US"), { engine });
    expect(next.ok && next.report.totals).toEqual(expected.result.report.totals);
    expect(workers).toHaveLength(2);
    workers[1]!.terminate();
  });

  it("computes in process, with the same figures, when no worker can be created (e.g. a content security policy)", async () => {
    const expected = await inProcess("en-US");
    let attempts = 0;
    const engine = workerAgingEngine(() => {
      attempts++;
      throw new Error("SecurityError: workers are not allowed");
    });
    const result = await runAging(memoryWorkbook(sample()), request("en-US"), { engine });
    expect(result.ok && result.report.totals).toEqual(expected.result.report.totals);
    expect(engine.mode).toBe("in-process");
    await runAging(memoryWorkbook(sample()), request("en-US"), { engine });
    expect(attempts).toBe(1);
  });

  it("computes in process when the worker's script does not load, and asks for no worker again", async () => {
    const expected = await inProcess("en-US");
    const workers: ChannelWorker[] = [];
    const engine = workerAgingEngine(
      () => {
        workers.push(channelWorker());
        return workers[workers.length - 1]!;
      },
      {
        // The load failure arrives while the rows are being handed over.
        yieldToUi: async () => {
          workers[0]!.fail();
          await new Promise((resolve) => setImmediate(resolve));
        },
      },
    );
    const result = await runAging(memoryWorkbook(sample()), request("en-US"), { engine });
    expect(result.ok && result.report.totals).toEqual(expected.result.report.totals);
    expect(workers[0]!.terminated).toBe(true);
    expect(engine.mode).toBe("in-process");
    await runAging(memoryWorkbook(sample()), request("en-US"), { engine });
    expect(workers).toHaveLength(1);
  });

  it("passes the engine's own error on with its name and message", async () => {
    const worker = channelWorker();
    const engine = workerAgingEngine(() => worker);
    // Boundaries that ageBook refuses (callers validate user input before this).
    const here = await runAging(memoryWorkbook(sample()), request("en-US", [60, 30]), { engine: inProcessAgingEngine }).catch(
      (e: Error) => e,
    );
    const there = await runAging(memoryWorkbook(sample()), request("en-US", [60, 30]), { engine }).catch((e: Error) => e);
    expect(here).toBeInstanceOf(Error);
    expect(there).toMatchObject({ name: (here as Error).name, message: (here as Error).message });
    expect(engine.mode).toBe("worker");
    worker.terminate();
  });
});
