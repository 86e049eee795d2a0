/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { serialFromIso } from "../../src/engine/dates";
import { addUserSheet } from "../excel/helpers";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sheetNames } from "./harness";
import { userTable } from "../engine/builders";

// Clicking through Fluent UI in jsdom: one test has taken over a minute on a busy 2-core machine.
jest.setTimeout(180_000);

beforeAll(emulateLayout);

const d = (iso: string): number => serialFromIso(iso) as number;

/**
 * As of 2026-10-31 (the last month-end before the harness's today): open 1,500.00, Gamma's
 * unapplied 120.00, net 1,380.00; INV-9 (Invoices row 5) is dated after the as-of date.
 * The user's GL sheet holds a control balance of 2,080.00 in B2 and text in B3.
 */
const INVOICES = userTable(
  "Invoices",
  ["Invoice No", "Customer", "Invoice Date", "Due Date", "Amount"],
  [
    ["INV-1", "Acme", d("2026-08-31"), d("2026-09-30"), 1000],
    ["INV-2", "Acme", d("2026-09-15"), d("2026-10-15"), 500],
    ["INV-3", "Beta", d("2026-10-10"), d("2026-11-09"), 250],
    ["INV-9", "Acme", d("2026-11-05"), d("2026-12-05"), 700],
  ],
);
const PAYMENTS = userTable(
  "Payments",
  ["Payment No", "Customer", "Payment Date", "Amount", "Invoice No"],
  [
    ["PAY-1", "Acme", d("2026-10-05"), 200, "INV-2"],
    ["PAY-3", "Gamma", d("2026-10-20"), 120, null],
    ["PAY-4", "Beta", d("2026-10-25"), 50, null],
  ],
);

async function openGlTieOut(user: ReturnType<typeof userEvent.setup>, lang: "en-US" | "zh-CN" = "en-US") {
  const workbook = await createTestWorkbook([INVOICES, PAYMENTS]);
  await addUserSheet(runOf(workbook), "GL", [
    ["Account", "Balance"],
    ["1200 AR control", 2080],
    ["Memo", "n/a"],
  ]);
  renderPane(runOf(workbook), { displayLanguage: lang });
  await user.click(await screen.findByRole("tab", { name: lang === "zh-CN" ? "对账" : "Reconcile" }));
  const panel = within(screen.getByRole("tabpanel", { name: lang === "zh-CN" ? "对账" : "Reconcile" }));
  const section = within(panel.getByRole("region", { name: lang === "zh-CN" ? "总账勾稽" : "GL tie-out" }));
  return { workbook, section };
}

describe("GL tie-out in the Reconcile view", () => {
  it("reads the control balance from a cell, ties the net aging to it, explains the difference and selects the explaining row", async () => {
    const user = userEvent.setup();
    const { workbook, section } = await openGlTieOut(user);
    expect(section.getByRole("radio", { name: "Net of unapplied credits (usual)" })).toBeChecked();
    expect(section.getByRole("textbox", { name: "Currency" })).toHaveValue("USD");

    await user.type(section.getByRole("textbox", { name: /Control balance/ }), "GL!B2");
    await user.click(section.getByRole("button", { name: "Tie out" }));

    const totals = await section.findByRole("table", { name: "GL tie-out (USD)" });
    expect(within(totals).getByRole("row", { name: /^Aging net total/ })).toHaveTextContent("1,380.00 USD");
    expect(within(totals).getByRole("row", { name: /^Control balance \(GL\)/ })).toHaveTextContent("2,080.00 USD");
    expect(within(totals).getByRole("row", { name: /^Difference \(aging − control\)/ })).toHaveTextContent("-700.00 USD");
    expect(section.getByText("As of 2026-10-31")).toBeInTheDocument();
    expect(section.getByText("Explained by one item: INV-9 (Dated after the as-of date).")).toBeInTheDocument();
    expect(sheetNames(workbook)).toContain("AR GL Tie-out");

    const items = section.getByRole("table", { name: "Items that explain the difference" });
    expect(
      within(items)
        .getAllByRole("row")
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(["Dated after the as-of dateShow INV-9 (Invoices!5)-700.00 USD"]);
    await user.click(within(items).getByRole("button", { name: "Show INV-9 (Invoices!5)" }));
    await waitFor(() => expect(workbook.workbook.activeSheet?.name).toBe("Invoices"));
    expect(workbook.workbook.sheets.find((s) => s.name === "Invoices")?.selection).toEqual({ row: 4, col: 0, rows: 1, cols: 5 });
    expect(section.getByText("Selected Invoices!A5:E5.")).toBeInTheDocument();
  });

  it("takes a typed amount and the open basis, and says when the aging agrees", async () => {
    const user = userEvent.setup();
    const { section } = await openGlTieOut(user);
    await user.type(section.getByRole("textbox", { name: /Control balance/ }), "1,500.00");
    await user.click(section.getByRole("radio", { name: "Open items only (gross)" }));
    await user.click(section.getByRole("button", { name: "Tie out" }));
    const totals = await section.findByRole("table", { name: "GL tie-out (USD)" });
    expect(within(totals).getByRole("row", { name: /^Aging open total/ })).toHaveTextContent("1,500.00 USD");
    expect(section.getByText("The aging agrees with the control balance.")).toBeInTheDocument();
    expect(section.queryByRole("table", { name: "Items that explain the difference" })).not.toBeInTheDocument();
  });

  it("refuses a control balance that is neither an amount nor a cell, a bad currency, and a cell that holds no amount", async () => {
    const user = userEvent.setup();
    const { section } = await openGlTieOut(user);
    const control = section.getByRole("textbox", { name: /Control balance/ });
    await user.type(control, "about 5");
    expect(section.getByText("Enter an amount or a cell such as GL!B5.")).toBeInTheDocument();
    expect(section.getByRole("button", { name: "Tie out" })).toBeDisabled();

    await user.clear(control);
    await user.type(control, "GL!B3");
    const currency = section.getByRole("textbox", { name: "Currency" });
    await user.clear(currency);
    await user.type(currency, "dollars");
    expect(section.getByText("Enter an ISO 4217 code such as USD.")).toBeInTheDocument();
    expect(section.getByRole("button", { name: "Tie out" })).toBeDisabled();

    await user.clear(currency);
    await user.type(currency, "usd");
    await user.click(section.getByRole("button", { name: "Tie out" }));
    expect(await section.findByText("Cell GL!B3 holds “n/a”, not an amount.")).toBeInTheDocument();
  });

  it("speaks Chinese", async () => {
    const user = userEvent.setup();
    const { section } = await openGlTieOut(user, "zh-CN");
    await user.type(section.getByRole("textbox", { name: /控制科目余额/ }), "GL!B2");
    await user.click(section.getByRole("button", { name: "开始勾稽" }));
    const totals = await section.findByRole("table", { name: "总账勾稽（USD）" });
    expect(within(totals).getByRole("row", { name: /^差额（账龄 − 总账）/ })).toHaveTextContent("-700.00 USD");
    expect(section.getByText("由一笔项目解释：INV-9（截止日之后的单据）。")).toBeInTheDocument();
  });
});
