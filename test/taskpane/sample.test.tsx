/** @jest-environment jsdom */
/**
 * "Insert sample data": dated up to the last month-end before today (so the first aging shows
 * every bucket), in the pane's language, refused — with the message in view — when the book
 * already has it.
 */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { serialFromYmd } from "../../src/engine/dates";
import { formatMoney } from "../../src/engine/money";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sheetNames } from "./harness";

beforeAll(emulateLayout);

describe("Insert sample data", () => {
  it("refuses a second copy and says so, with the message focused", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook([]);
    renderPane(runOf(workbook));
    await screen.findByText(/No table with a header row was found/);
    await user.click(screen.getByRole("button", { name: "Insert sample data" }));
    const inserted = await screen.findByText(/^Sample data inserted: 60 invoices up to last month-end/);
    expect(inserted.closest("[role=status]")).toHaveFocus();
    const before = sheetNames(workbook);

    await user.click(screen.getByRole("button", { name: "Insert sample data" }));
    const refused = await screen.findByText(
      "This workbook already has the sample data (sheets Invoices, Payments, Customers); nothing was inserted. Delete those sheets first to insert it again.",
    );
    expect(refused.closest("[role=status]")).toHaveFocus();
    expect(sheetNames(workbook)).toEqual(before);
    expect(sheetNames(workbook).some((name) => / \(2\)$/.test(name))).toBe(false);
  }, 60000);

  it("dates the sample up to the last month-end before today, so the first aging fills every bucket", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook([]);
    // Any today: here March 2027, months after the sample's fixed default.
    renderPane(runOf(workbook), { today: () => serialFromYmd(2027, 3, 10) });
    await screen.findByText(/No table with a header row was found/);
    await user.click(screen.getByRole("button", { name: "Insert sample data" }));
    await screen.findByText(/^Sample data inserted/);
    await user.click(screen.getByRole("button", { name: "Save mapping" }));
    await screen.findByText("Mapping saved in this workbook.");
    await user.click(screen.getByRole("tab", { name: "Aging" }));
    const panel = within(screen.getByRole("tabpanel", { name: "Aging" }));
    expect(panel.getByLabelText(/As-of date/)).toHaveValue("2027-02-28");
    await user.click(panel.getByRole("button", { name: "Generate aging" }));
    await panel.findByRole("heading", { name: "Aging as of 2027-02-28" }, { timeout: 30000 });
    const totals = panel.getByRole("table", { name: "Open balance by bucket in USD" });
    const rows = within(totals).getAllByRole("row").slice(1);
    const amount = (label: string) => within(rows.find((row) => within(row).queryByText(label) !== null)!).getAllByRole("cell")[1];
    // Invoices run up to the as-of date: "Current" holds money, and so does the oldest bucket.
    expect(amount("Current")).not.toHaveTextContent(formatMoney(0, "USD", "en-US"));
    expect(amount("90+")).not.toHaveTextContent(formatMoney(0, "USD", "en-US"));
  }, 90000);

  it("inserts Chinese sheets and headers in Chinese", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook([]);
    renderPane(runOf(workbook), { displayLanguage: "zh-CN" });
    await user.click(await screen.findByRole("button", { name: "插入示例数据" }));
    await screen.findByText(/^已插入示例数据/);
    expect(sheetNames(workbook)).toEqual(expect.arrayContaining(["发票", "收款", "客户档案"]));
    const invoices = workbook.workbook.sheets.find((sheet) => sheet.name === "发票")!;
    expect(JSON.stringify(invoices.snapshot())).toContain("发票号");
    // The Data view recognised the Chinese book: its invoice table is chosen.
    expect(await screen.findByRole("combobox", { name: "发票表格" })).toHaveTextContent("Invoices");
  }, 60000);
});
