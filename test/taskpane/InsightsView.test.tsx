/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { saveSettings, defaultSettings, loadSettings } from "../../src/excel";
import type { WorkbookSettings } from "../../src/excel/types";
import { serialFromYmd } from "../../src/engine/dates";
import { previousFor } from "../../src/taskpane/components/InsightsView";
import { generateSampleBook } from "../../src/engine/sample";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sheetNames } from "./harness";

jest.setTimeout(180_000);
beforeAll(emulateLayout);

async function openInsights(lang: "en-US" | "zh-CN", saved: Partial<WorkbookSettings> = {}, today?: number) {
  const user = userEvent.setup();
  const workbook = await createTestWorkbook(generateSampleBook({ invoices: 120, seed: 4 }));
  await saveSettings(runOf(workbook), { ...defaultSettings(), mapping: { invoices: { table: "Invoices" } }, ...saved });
  renderPane(runOf(workbook), { displayLanguage: lang, ...(today !== undefined ? { today: () => today } : {}) });
  await user.click(await screen.findByRole("tab", { name: lang === "en-US" ? "Insights" : "分析" }));
  return { user, workbook };
}

describe("Insights view", () => {
  it("analyses the last six months: writes the roll-forward with its chart and the scorecard, shows the reps in rank order", async () => {
    const { user, workbook } = await openInsights("en-US");
    expect(screen.getByRole("textbox", { name: "From (YYYY-MM)" })).toHaveValue("2026-05");
    expect(screen.getByRole("textbox", { name: "To (YYYY-MM)" })).toHaveValue("2026-10");
    await user.click(screen.getByRole("button", { name: "Analyse" }));
    const reps = await screen.findByRole("table", { name: "Sales reps by collection rate" });
    expect(sheetNames(workbook)).toEqual(expect.arrayContaining(["AR Roll-forward 2026-10", "AR Rep Scorecard 2026-10"]));
    const sheet = workbook.workbook.sheets.find((s) => s.name === "AR Roll-forward 2026-10")!;
    expect(sheet.charts.length).toBeGreaterThan(0);

    const rows = within(reps).getAllByRole("row").slice(1);
    expect(rows.length).toBeGreaterThan(0);
    // Within each currency the ranks run 1, 2, 3 … and collection rates do not rise.
    const cells = rows.map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent ?? ""),
    );
    cells.forEach((cell, k) => {
      const previous = cells[k - 1];
      if (previous && previous[2] === cell[2]) {
        expect(Number(cell[0])).toBe(Number(previous[0]) + 1);
        if (cell[3] !== "—" && previous[3] !== "—") expect(Number(cell[3])).toBeLessThanOrEqual(Number(previous[3]));
      } else expect(cell[0]).toBe("1");
    });
    const months = screen.getByRole("table", { name: "Month-end balances" });
    expect(within(months).getAllByRole("row").length).toBeGreaterThan(6);
  });

  it("says what is wrong with the months instead of running", async () => {
    const { user } = await openInsights("en-US");
    const from = screen.getByRole("textbox", { name: "From (YYYY-MM)" });
    await user.clear(from);
    await user.type(from, "2026-13");
    await user.click(screen.getByRole("button", { name: "Analyse" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Give the months as YYYY-MM, From not after To.");
  });

  it("in Chinese: writes 应收滚动 and 销售员考核, and the provision 坏账准备 from given loss rates", async () => {
    const { user, workbook } = await openInsights("zh-CN");
    await user.click(screen.getByRole("button", { name: "分析" }));
    await screen.findByRole("table", { name: "销售员回款率排名" });
    expect(sheetNames(workbook)).toEqual(expect.arrayContaining(["应收滚动 2026-10", "销售员考核 2026-10"]));
    await user.type(screen.getByRole("textbox", { name: "损失率%，每个账龄段一个" }), "0, 1.5, 3.4, 7.1, 10.8");
    await user.click(screen.getByRole("button", { name: "计算坏账准备" }));
    const totals = await screen.findByRole("list", { name: "坏账准备" });
    expect(within(totals).getAllByRole("listitem").length).toBeGreaterThan(0);
    expect(sheetNames(workbook)).toContain("坏账准备 2026-10");
  });

  it("writes the roll-forward per customer when asked, keeps the chart of the currency totals, and remembers the choice", async () => {
    const { user, workbook } = await openInsights("en-US");
    await user.click(screen.getByRole("radio", { name: "Customer" }));
    await user.click(screen.getByRole("button", { name: "Analyse" }));
    await screen.findByRole("table", { name: "Sales reps by collection rate" });
    const sheet = workbook.workbook.sheets.find((s) => s.name === "AR Roll-forward 2026-10")!;
    const header = sheet.values.find((row) => row?.[0] === "Month");
    expect(header?.slice(0, 3)).toEqual(["Month", "Currency", "Customer"]);
    expect(sheet.charts.length).toBeGreaterThan(0);
    const saved = await loadSettings(runOf(workbook));
    expect(saved?.insights).toMatchObject({ by: "customer", window: 3 });
  });

  it("shows the movement against a previous provision, and offers this provision as next month's previous one", async () => {
    const { user, workbook } = await openInsights("en-US");
    await user.type(screen.getByRole("textbox", { name: "Loss rates %, one per bucket" }), "0, 1.5, 3.4, 7.1, 10.8");
    const previous = screen.getByRole("textbox", { name: "Previous provision" });
    await user.type(previous, "USD 5000");
    await user.click(screen.getByRole("button", { name: "Calculate provision" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Give the previous provision as currency=amount pairs");
    await user.clear(previous);
    await user.type(previous, "USD=5000, EUR=0");
    await user.click(screen.getByRole("button", { name: "Calculate provision" }));
    const totals = await screen.findByRole("list", { name: "Bad-debt provision" });
    const usd = within(totals)
      .getAllByRole("listitem")
      .find((item) => item.textContent?.startsWith("USD"));
    expect(usd?.textContent).toMatch(/\(previous 5,000\.00 USD, movement -?[\d,]+\.\d\d USD\)$/);
    let saved: WorkbookSettings | null = null;
    await waitFor(async () => {
      saved = await loadSettings(runOf(workbook));
      expect(saved?.insights?.lastProvision?.asOf).toBe("2026-10-31");
    });
    expect(saved!.insights!.lastProvision!.totals).toMatch(/^([A-Z]{3}=-?[\d.]+)(, [A-Z]{3}=-?[\d.]+)*$/);
  });

  it("fills in the previous provision from the last month-end's run, not from the same month-end's", async () => {
    const lastProvision = { asOf: "2026-10-31", totals: "USD=1234.5" };
    const december = serialFromYmd(2026, 12, 15);
    expect(previousFor(lastProvision, serialFromYmd(2026, 11, 30))).toBe("USD=1234.5");
    expect(previousFor(lastProvision, serialFromYmd(2026, 10, 31))).toBe("");
    await openInsights("zh-CN", { insights: { by: "rep", window: 6, lastProvision } }, december);
    expect(screen.getByRole("textbox", { name: "上期坏账准备" })).toHaveValue("USD=1234.5");
    expect(screen.getByRole("radio", { name: "销售员" })).toBeChecked();
    expect(screen.getByRole("spinbutton", { name: "DSO 窗口（月）" })).toHaveValue(6);
  });
});
