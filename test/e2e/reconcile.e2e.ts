/**
 * Reconciliation as a user meets it, in headless Chromium on the workbench page: the sample
 * book's invoices against a customer statement made from them with known perturbations (the
 * test adds it to the page's workbook through the page's own `Excel.run`, as another add-in or
 * a paste would). Reconcile in the task pane, check the counts against the engine run in Node on
 * the same tables, step through the differences (each selects its rows: the name box and the
 * active sheet tab show where), show the other side, filter by outcome, and clear the highlights.
 *
 * Screenshots: test-output/e2e/reconcile-<step>.png.
 */
import * as fs from "fs";
import * as path from "path";
import { generateSampleBook } from "../../src/engine/sample";
import { OUTCOMES, reconcile, type ReconcileRecord, type ReconcileResult } from "../../src/engine/reconcile";
import type { CellValue, TableData } from "../../src/engine/types";
import { rowsBlock } from "../../src/excel/navigate";
import { t } from "../../src/i18n";
import { MORE, openView } from "./support/nav";
import { openWorkbench } from "./support/workbench";
import { ROOT } from "./support/build";

const SHOTS = path.join(ROOT, "test-output", "e2e");
const tr = (id: string, params: Record<string, string | number> = {}) => t("en-US", id, params);

/** The workbench page's sample book: the invoices table as the pane will read it. */
function invoices(): TableData {
  const table = generateSampleBook({ invoices: 60, seed: 1 }).find((tb) => tb.name === "Invoices");
  if (!table) throw new Error("The sample book has no Invoices table");
  return table;
}

/**
 * A statement of the invoices as the customer keeps it (their own headers), with one amount
 * changed, one invoice left out, one date moved, one invoice in two parts, and one line we do
 * not have.
 */
function statementOf(ours: TableData): TableData {
  const col = (name: string) => ours.header.indexOf(name);
  const [key, customer, date, amount, currency] = ["Invoice No", "Customer", "Invoice Date", "Amount", "Currency"].map(col) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const usable = ours.rows.filter(
    (row) =>
      typeof row[key] === "string" && typeof row[amount] === "number" && typeof row[date] === "number" && (row[amount] as number) > 0,
  );
  const rows: CellValue[][] = [];
  usable.forEach((row, k) => {
    const line: CellValue[] = [row[key] ?? null, row[customer] ?? null, row[date] ?? null, row[amount] ?? null, row[currency] ?? null];
    if (k === 3) line[3] = Math.round(((row[amount] as number) + 12.5) * 100) / 100;
    if (k === 7) return;
    if (k === 11) line[2] = (row[date] as number) + 4;
    if (k === 15) {
      const part = Math.round((row[amount] as number) * 40) / 100;
      rows.push(
        [...line.slice(0, 3), part, line[4] ?? null],
        [...line.slice(0, 3), Math.round(((row[amount] as number) - part) * 100) / 100, line[4] ?? null],
      );
      return;
    }
    rows.push(line);
  });
  rows.push(["ST-999", "Nobody Ltd", usable[0]?.[date] ?? null, 99.99, "USD"]);
  return {
    sheet: "Statement",
    name: "tblStatement",
    header: ["Reference", "Customer", "Date", "Amount", "Currency"],
    rows,
    firstRow: 2,
    firstColumn: 0,
  };
}

const { page, errors, pane } = openWorkbench("en-US", { today: "2026-11-16" });
let expected: ReconcileResult;
let differences: ReconcileRecord[];
const nameBox = () => page.getByLabel("Name box");
const activeTab = async () =>
  (await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { selected: true }).textContent()) ?? "";

async function shot(step: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `reconcile-${step}.png`) });
}

/** The block the pane selects for a record's side (see selectRows). */
function blockOf(record: ReconcileRecord, side: "A" | "B"): string {
  const table = side === "A" ? expected.a : expected.b;
  return (
    rowsBlock({
      sheet: table.sheet,
      rows: side === "A" ? record.aRows : record.bRows,
      firstColumn: table.firstColumn,
      columnCount: table.columnCount,
    }) ?? ""
  );
}

/** How many of AR Desk's reconciliation rules the page's workbook holds on a sheet (through its Excel API). */
async function ruleCount(sheet: string): Promise<number> {
  return page.evaluate(async (name) => {
    const excel = (window as unknown as { Excel: typeof Excel }).Excel;
    return excel.run(async (ctx) => {
      const formats = ctx.workbook.worksheets.getItem(name).getRange().conditionalFormats;
      formats.load("items/type");
      await ctx.sync();
      return formats.items.filter((cf) => cf.type === "Custom").length;
    });
  }, sheet);
}

async function choose(label: string, option: string): Promise<void> {
  await pane().getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

beforeAll(async () => {
  const ours = invoices();
  const statement = statementOf(ours);
  expected = reconcile({ ...ours, name: "tblInvoices" }, statement, {
    lang: "en-US",
    preset: "invoices-vs-statement",
    dateOrder: null,
    dateSystem: 1900,
    defaultCurrency: "USD",
  });
  differences = expected.records.filter((r) => r.outcome !== "matched");

  const cells = [statement.header, ...statement.rows].map((row) => row.map((v) => v ?? ""));
  await page.evaluate(async (values) => {
    const excel = (window as unknown as { Excel: typeof Excel }).Excel;
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Statement");
      const range = ws.getRangeByIndexes(0, 0, values.length, values[0]?.length ?? 0);
      range.values = values;
      ws.tables.add(range, true).name = "tblStatement";
      await ctx.sync();
    });
  }, cells);
});

describe("reconciling in the workbench", () => {
  it("finds every perturbation of the statement (the engine, on the same tables)", () => {
    const outcomes = new Set(differences.map((r) => r.outcome));
    for (const outcome of ["amount-differs", "missing-in-b", "date-differs", "split", "missing-in-a"] as const)
      expect(outcomes).toContain(outcome);
  });

  it("reconciles the invoices against the statement and shows the same counts as the engine", async () => {
    await openView(pane(), tr("pane.tab.reconcile"), MORE);
    await pane()
      .getByRole("button", { name: tr("pane.reconcile.reload") })
      .click();
    await choose(tr("pane.reconcile.tableA"), "tblInvoices");
    await choose(tr("pane.reconcile.tableB"), "tblStatement");
    await choose(tr("pane.reconcile.preset"), tr("pane.reconcile.preset.invoices-vs-statement"));
    await pane()
      .getByRole("button", { name: tr("pane.reconcile.run"), exact: true })
      .click();
    await pane()
      .getByText(/Written to the sheet AR Reconciliation/)
      .waitFor({ timeout: 60000 });
    expect(await activeTab()).toBe("AR Reconciliation");

    const counts = pane().getByRole("table", { name: tr("pane.reconcile.counts") });
    const shown = (await counts.getByRole("row").allTextContents()).slice(1);
    const engine = OUTCOMES.map((o) => [o, expected.records.filter((r) => r.outcome === o).length] as const)
      .filter(([, n]) => n > 0)
      .map(([o, n]) => `${tr(`reconcile.outcome.${o}`)}${n}`);
    expect(shown).toEqual(engine);
    expect(await ruleCount("Invoices")).toBeGreaterThan(0);
    expect(await ruleCount("Statement")).toBeGreaterThan(0);
    await shot("1-result");
    expect(errors).toEqual([]);
  });

  it("steps through the differences, each selecting its rows, and shows the other side", async () => {
    await pane()
      .getByRole("status")
      .getByText(tr("pane.reconcile.ready", { count: differences.length }))
      .waitFor();
    const next = pane().getByRole("button", { name: tr("pane.reconcile.next"), exact: true });
    for (let k = 0; k < 3; k++) {
      const record = differences[k]!;
      const side = record.aRows.length > 0 ? "A" : "B";
      await next.click();
      await pane()
        .getByRole("status")
        .getByText(tr("pane.reconcile.position", { index: k + 1, count: differences.length }))
        .waitFor();
      await page.waitForFunction(([address]) => document.querySelector(".wb-namebox")?.textContent === address, [blockOf(record, side)]);
      expect(await activeTab()).toBe(side === "A" ? "Invoices" : "Statement");
      await expect(
        pane()
          .getByRole("group", { name: tr("pane.reconcile.current") })
          .textContent(),
      ).resolves.toContain(tr(`reconcile.outcome.${record.outcome}`));
    }
    await shot("2-step");

    // Back one, then its statement side.
    await pane()
      .getByRole("button", { name: tr("pane.reconcile.previous"), exact: true })
      .click();
    const record = differences[1]!;
    await pane()
      .getByRole("status")
      .getByText(tr("pane.reconcile.position", { index: 2, count: differences.length }))
      .waitFor();
    if (record.bRows.length > 0) {
      await pane()
        .getByRole("button", { name: tr("pane.reconcile.showB", { ref: `Statement!${record.bRows.join(", ")}` }) })
        .click();
      await page.waitForFunction(([address]) => document.querySelector(".wb-namebox")?.textContent === address, [blockOf(record, "B")]);
      expect(await activeTab()).toBe("Statement");
    }
    await expect(nameBox().textContent()).resolves.toBe(record.bRows.length > 0 ? blockOf(record, "B") : blockOf(record, "A"));
    await shot("3-other-side");
  });

  it("filters by outcome: the split selects both of its statement rows", async () => {
    const split = differences.find((r) => r.outcome === "split")!;
    await choose(tr("pane.reconcile.filter"), tr("pane.reconcile.filter.option", { outcome: tr("reconcile.outcome.split"), count: 1 }));
    await pane()
      .getByRole("button", { name: tr("pane.reconcile.next"), exact: true })
      .click();
    await pane()
      .getByRole("status")
      .getByText(tr("pane.reconcile.position", { index: 1, count: 1 }))
      .waitFor();
    await pane()
      .getByRole("button", { name: tr("pane.reconcile.showB", { ref: `Statement!${split.bRows.join(", ")}` }) })
      .click();
    await page.waitForFunction(([address]) => document.querySelector(".wb-namebox")?.textContent === address, [blockOf(split, "B")]);
    expect(split.bRows).toHaveLength(2);
    await shot("4-split");
  });

  it("clears exactly its highlights", async () => {
    await pane()
      .getByRole("button", { name: tr("pane.reconcile.clear") })
      .click();
    await pane()
      .getByText(/reconciliation highlights removed/)
      .waitFor();
    expect(await ruleCount("Invoices")).toBe(0);
    expect(await ruleCount("Statement")).toBe(0);
    expect(errors).toEqual([]);
  });
});
