/** @jest-environment jsdom */
/**
 * The reporting currency in the Aging view's settings: typed once, the aging's summary gets its
 * converted totals from the workbook's rates table, and the choice is saved with the other
 * aging settings (so the ribbon's month-end aging converts too).
 */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultSettings, loadSettings, saveSettings } from "../../src/excel";
import { generateSampleBook } from "../../src/engine/sample";
import { reportCurrencyChoice } from "../../src/taskpane/components/ReportCurrencyFields";
import { createTestWorkbook, emulateLayout, renderPane, runOf } from "./harness";

jest.setTimeout(180_000);
beforeAll(emulateLayout);

describe("reportCurrencyChoice", () => {
  it.each([
    [
      { currency: "", ratesTable: "" },
      { ok: true, value: null },
    ],
    [
      { currency: " cny ", ratesTable: " Rates " },
      { ok: true, value: { currency: "CNY", ratesTable: "Rates" } },
    ],
    [{ currency: "CNY", ratesTable: "" }, { ok: false }],
    [{ currency: "", ratesTable: "Rates" }, { ok: false }],
    [{ currency: "RMB", ratesTable: "Rates" }, { ok: false }],
  ])("%j → %j", (draft, expected) => {
    expect(reportCurrencyChoice(draft)).toEqual(expected);
  });
});

async function openAging(lang: "en-US" | "zh-CN") {
  const user = userEvent.setup();
  const rates = {
    sheet: "FX",
    name: "Rates",
    header: ["Currency", "Rate"],
    rows: [
      ["USD", 7.1],
      ["EUR", 7.8],
      ["JPY", 0.048],
    ],
    firstRow: 2,
    firstColumn: 0,
  };
  const workbook = await createTestWorkbook([...generateSampleBook({ invoices: 120, seed: 4 }), rates]);
  await saveSettings(runOf(workbook), {
    ...defaultSettings(),
    mapping: { invoices: { table: "Invoices" }, payments: { table: "Payments" }, customers: { table: "Customers" } },
  });
  renderPane(runOf(workbook), { displayLanguage: lang });
  await user.click(await screen.findByRole("tab", { name: lang === "en-US" ? "Aging" : "账龄" }));
  return { user, workbook };
}

describe("the Aging view's reporting currency", () => {
  it("writes the totals in CNY under the summary, says the net in CNY, and saves the choice", async () => {
    const { user, workbook } = await openAging("en-US");
    await user.type(screen.getByRole("textbox", { name: "Reporting currency" }), "cny");
    expect(screen.getByText("A reporting currency is a 3-letter code and needs the name of a rates table.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Generate aging" })).toBeDisabled();
    await user.type(screen.getByRole("textbox", { name: "Rates table" }), "Rates");
    await user.click(screen.getByRole("button", { name: "Generate aging" }));
    const line = await screen.findByText(/^Net in CNY at the rates of 2026-10-31: /, {}, { timeout: 60000 });
    expect(line).toBeInTheDocument();
    const summary = workbook.workbook.sheets.find((s) => s.name === "AR Aging 2026-10")!;
    const firstColumn = summary.values.map((row) => row?.[0]);
    expect(firstColumn).toContain("Total in CNY");
    expect(firstColumn).toContain("Converted from");
    await waitFor(
      async () => expect((await loadSettings(runOf(workbook)))?.reportCurrency).toEqual({ currency: "CNY", ratesTable: "Rates" }),
      {
        timeout: 20000,
      },
    );
  });

  it("in Chinese: names the rates table that is not there", async () => {
    const { user } = await openAging("zh-CN");
    await user.type(screen.getByRole("textbox", { name: "报告币种" }), "CNY");
    await user.type(screen.getByRole("textbox", { name: "汇率表" }), "汇率");
    await user.click(screen.getByRole("button", { name: "生成账龄表" }));
    expect(await screen.findByText(/^无 CNY 合计：缺少 /, {}, { timeout: 60000 })).toBeInTheDocument();
  });
});
