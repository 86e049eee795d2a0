/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { saveSettings, defaultSettings } from "../../src/excel";
import { generateSampleBook } from "../../src/engine/sample";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sheetNames } from "./harness";

beforeAll(emulateLayout);

async function openInsights(lang: "en-US" | "zh-CN") {
  const user = userEvent.setup();
  const workbook = await createTestWorkbook(generateSampleBook({ invoices: 120, seed: 4 }));
  await saveSettings(runOf(workbook), { ...defaultSettings(), mapping: { invoices: { table: "Invoices" } } });
  renderPane(runOf(workbook), { displayLanguage: lang });
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
});
