/** @jest-environment jsdom */
/**
 * The pane's aging computes in the engine it is given (TaskpaneDeps.engine: the worker in Excel
 * and in the workbench). Here the engine is the real worker client talking to the worker's body
 * over a MessageChannel: "Generate aging" shows the worker's figures, the progress bar says it is
 * computing while the rows are handed over, and Cancel stops the worker and writes nothing.
 */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ageTables } from "../../src/app/agingEngine";
import { DEFAULT_BOUNDARIES } from "../../src/engine/aging";
import { lastMonthEnd } from "../../src/engine/dates";
import { formatMoney } from "../../src/engine/money";
import { workerAgingEngine } from "../../src/taskpane/worker/client";
import { TODAY, createTestWorkbook, emulateLayout, renderPane, runOf, sampleTables, sheetNames } from "./harness";
import { channelWorker, type ChannelWorker } from "./worker/channelWorker";

jest.setTimeout(180_000);
beforeAll(emulateLayout);

async function openAging() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole("tab", { name: "Aging" }));
  const panel = within(screen.getByRole("tabpanel", { name: "Aging" }));
  return { user, panel };
}

describe("the pane's aging engine", () => {
  it("shows the totals the worker computed, which are the in-process engine's", async () => {
    const workers: ChannelWorker[] = [];
    const engine = workerAgingEngine(() => {
      workers.push(channelWorker());
      return workers[workers.length - 1]!;
    });
    const workbook = await createTestWorkbook(sampleTables());
    renderPane(runOf(workbook), { engine });
    const { user, panel } = await openAging();
    await user.click(panel.getByRole("button", { name: "Generate aging" }));
    await panel.findByRole("heading", { name: "Aging as of 2026-10-31" }, { timeout: 60_000 });
    expect(workers).toHaveLength(1);
    expect(engine.mode).toBe("worker");

    const { report } = ageTables({
      tables: sampleTables(),
      read: { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" },
      aging: { asOf: lastMonthEnd(TODAY), basis: "due", boundaries: [...DEFAULT_BOUNDARIES], autoApply: true, lang: "en-US" },
    });
    expect(report!.totals.length).toBeGreaterThan(0);
    for (const totals of report!.totals) {
      const table = panel.getByRole("table", { name: `Open balance by bucket in ${totals.currency}` });
      const amounts = within(table)
        .getAllByRole("cell")
        .map((cell) => cell.textContent?.trim())
        .filter((_, k) => k % 2 === 1);
      expect(amounts).toEqual(
        [...totals.buckets, totals.open, totals.unapplied, totals.net].map((v) => formatMoney(v, totals.currency, "en-US")),
      );
    }
    workers[0]!.terminate();
  });

  it("says it is computing while the rows go to the worker, and Cancel stops the worker and writes nothing", async () => {
    const workers: ChannelWorker[] = [];
    let release = (): void => undefined;
    const handedOver = new Promise<void>((resolve) => (release = resolve));
    const engine = workerAgingEngine(
      () => {
        workers.push(channelWorker());
        return workers[workers.length - 1]!;
      },
      // The first slice of rows has gone; the rest waits until the test lets it go.
      { sliceCells: 200, yieldToUi: () => handedOver },
    );
    const workbook = await createTestWorkbook(sampleTables());
    const before = sheetNames(workbook);
    renderPane(runOf(workbook), { engine });
    const { user, panel } = await openAging();
    await user.click(panel.getByRole("button", { name: "Generate aging" }));
    expect(await panel.findByText("Computing the aging…", undefined, { timeout: 60_000 })).toBeVisible();
    expect(workers).toHaveLength(1);

    await user.click(panel.getByRole("button", { name: "Cancel" }));
    expect(await panel.findByText("Cancelled. No report sheet was written.")).toBeVisible();
    expect(workers[0]!.terminated).toBe(true);
    expect(sheetNames(workbook)).toEqual(before);
    release();
  });
});
