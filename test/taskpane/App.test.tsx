/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultSettings, loadSettings, saveSettings } from "../../src/excel";
import { readBook } from "../../src/engine/read";
import { ageBook } from "../../src/engine/aging";
import { formatMoney } from "../../src/engine/money";
import { lastMonthEnd } from "../../src/engine/dates";
import { setPendingProblem } from "../../src/app/problemStore";
import { columnLetters } from "../../src/workbench/host";
import { TODAY, createTestWorkbook, emulateLayout, renderPane, runOf, sampleTables, sheetNames, slowRun } from "./harness";

// Clicking through Fluent UI in jsdom: one test has taken over a minute on a busy 2-core machine.
jest.setTimeout(180_000);

/** The aging the engine computes for the sample book, to compare the pane's numbers against. */
function expectedReport() {
  const book = readBook(sampleTables(), { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  return ageBook(book, { asOf: lastMonthEnd(TODAY), basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
}

beforeAll(emulateLayout);
afterEach(() => setPendingProblem(null));

/**
 * Presses Tab until `target` has focus (failing after a bound), as a keyboard user would.
 */
async function tabTo(user: ReturnType<typeof userEvent.setup>, target: HTMLElement): Promise<void> {
  for (let presses = 0; presses < 40 && document.activeElement !== target; presses++) await user.tab();
  expect(target).toHaveFocus();
}

describe("Data view", () => {
  it("shows the detected tables with their columns and lets the user change a column", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook(sampleTables());
    renderPane(runOf(workbook));

    const invoiceTable = await screen.findByRole("combobox", { name: "Invoices table" });
    expect(invoiceTable).toHaveTextContent("Invoices");
    expect(screen.getByRole("combobox", { name: "Payments table" })).toHaveTextContent("Payments");
    expect(screen.getByRole("combobox", { name: "Customers table" })).toHaveTextContent("Customers");
    expect(screen.getByText(/Recognised as Invoices with \d+% confidence/)).toBeInTheDocument();

    const dueDate = screen.getByRole("combobox", { name: "Column for Due date" });
    expect(dueDate).toHaveTextContent("Due Date");
    await user.click(dueDate);
    await user.click(await screen.findByRole("option", { name: "Invoice Date" }));
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Column for Due date" })).toHaveTextContent("Invoice Date"));
    const columns = screen.getByRole("table", { name: "Columns of Invoices" });
    const dueRow = within(columns).getByRole("row", { name: /^Due date/ });
    expect(within(dueRow).getByText("set by you")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Save mapping" }));
    expect(await screen.findByText("Mapping saved in this workbook.")).toBeInTheDocument();
    const saved = await loadSettings(runOf(workbook));
    expect(saved?.mapping.invoices).toEqual({ table: "Invoices", columns: { dueDate: "Invoice Date" } });
  });

  it("names the required columns a table is missing", async () => {
    const [invoices] = sampleTables();
    const keep = invoices!.header.map((h, k) => (h === "Amount" || h === "Due Date" || h === "Terms" ? -1 : k)).filter((k) => k >= 0);
    const stripped = {
      ...invoices!,
      header: keep.map((k) => invoices!.header[k]!),
      rows: invoices!.rows.map((row) => keep.map((k) => row[k] ?? null)),
    };
    const workbook = await createTestWorkbook([stripped]);
    renderPane(runOf(workbook));

    expect(await screen.findByText("Required columns missing")).toBeInTheDocument();
    expect(screen.getByText("The Invoices table Invoices has no column for: Amount and Due date.")).toBeInTheDocument();
  });

  it("inserts the sample book into an empty workbook", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook([]);
    renderPane(runOf(workbook));

    expect(await screen.findByText(/No table with a header row was found/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Insert sample data" }));
    expect(
      await screen.findByText(
        "Sample data inserted: 60 invoices up to last month-end, on new sheets Invoices, Payments, Customers, Customer Statement.",
      ),
    ).toBeInTheDocument();
    expect(await screen.findByRole("combobox", { name: "Invoices table" })).toHaveTextContent("Invoices");
    expect(sheetNames(workbook)).toEqual(expect.arrayContaining(["Invoices", "Payments", "Customers", "Customer Statement"]));
  });
});

describe("Aging view", () => {
  async function openAging() {
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Aging" }));
    return user;
  }

  it("defaults the as-of date to the last month-end and validates a custom bucket list", async () => {
    const workbook = await createTestWorkbook(sampleTables());
    renderPane(runOf(workbook));
    const user = await openAging();

    expect(screen.getByLabelText(/As-of date/)).toHaveValue("2026-10-31");
    await user.click(screen.getByRole("radio", { name: "Custom" }));
    const limits = screen.getByRole("textbox", { name: /Bucket limits in days/ });
    await user.clear(limits);
    await user.type(limits, "60, 30");
    expect(screen.getByText(/Enter up to 100 increasing whole numbers of days/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Generate aging" })).toBeDisabled();
    await user.clear(limits);
    await user.type(limits, "15, 45");
    expect(screen.queryByText(/Enter up to 100 increasing whole numbers of days/)).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Generate aging" })).toBeEnabled();
  });

  it("shows progress with its stage, then the totals by bucket and the largest overdue customers", async () => {
    const workbook = await createTestWorkbook(sampleTables());
    const run = slowRun(runOf(workbook), 20);
    renderPane(run);
    const user = await openAging();

    await user.click(screen.getByRole("button", { name: "Generate aging" }));
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByText(/Reading tables…|Computing the aging…|Writing sheets…|Formatting sheets…/)).toBeInTheDocument();

    const report = expectedReport();
    const usd = report.totals.find((totals) => totals.currency === "USD")!;
    const totals = await screen.findByRole("table", { name: "Open balance by bucket in USD" }, { timeout: 60_000 });
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    report.buckets.forEach((bucket, k) => {
      const row = within(totals).getByRole("row", { name: new RegExp(`^${bucket.label.replace(/[+]/g, "\\+")} `) });
      expect(row).toHaveTextContent(formatMoney(usd.buckets[k]!, "USD", "en-US"));
    });
    expect(within(totals).getByRole("row", { name: /^Open balance/ })).toHaveTextContent(formatMoney(usd.open, "USD", "en-US"));
    for (const currency of report.totals.map((t) => t.currency)) {
      expect(screen.getByRole("table", { name: `Open balance by bucket in ${currency}` })).toBeInTheDocument();
    }
    expect(screen.getByRole("heading", { name: "Largest overdue customers" })).toBeInTheDocument();
    const top = screen.getByRole("table", { name: "Largest overdue customers (USD)" });
    expect(within(top).getAllByRole("row").length).toBeLessThanOrEqual(1 + 5);
    expect(screen.getByText(/^Written: AR Aging/)).toBeInTheDocument();
    expect(sheetNames(workbook).some((name) => name.startsWith("AR Aging"))).toBe(true);
  });

  it("cancels a running aging without writing a sheet", async () => {
    const workbook = await createTestWorkbook(sampleTables());
    const run = slowRun(runOf(workbook), 200);
    renderPane(run);
    const user = await openAging();

    await user.click(screen.getByRole("button", { name: "Generate aging" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled. No report sheet was written.", {}, { timeout: 60_000 })).toBeInTheDocument();
    expect(sheetNames(workbook).filter((name) => name.startsWith("AR "))).toEqual([]);
    expect(screen.getByRole("button", { name: "Generate aging" })).toBeEnabled();
  });

  it("selects an issue's cell in the workbook when the issue is pressed", async () => {
    const workbook = await createTestWorkbook(sampleTables());
    renderPane(runOf(workbook));
    const user = await openAging();

    await user.click(screen.getByRole("button", { name: "Generate aging" }));
    const issue = (await screen.findAllByRole("button", { name: /Go to / }, { timeout: 60_000 }))[0]!;
    const [, sheet, cell] = /Go to (.+)!([A-Z]+\d+):/.exec(issue.getAttribute("aria-label") ?? "") ?? [];
    await user.click(issue);
    await waitFor(() => expect(workbook.workbook.activeSheet?.name).toBe(sheet));
    const { selection } = workbook.workbook.activeSheet!;
    expect(`${columnLetters(selection.col)}${selection.row + 1}`).toBe(cell);
  });

  it("can be run with the keyboard alone: Tab to Generate, press Enter", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook(sampleTables());
    // A saved mapping: the pane opens on the Aging view, as it does after the first run.
    await saveSettings(runOf(workbook), { ...defaultSettings(), mapping: { invoices: { table: "Invoices" } } });
    renderPane(runOf(workbook));
    expect(await screen.findByRole("tab", { name: "Aging" })).toHaveAttribute("aria-selected", "true");

    await tabTo(user, screen.getByRole("button", { name: "Generate aging" }));
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("table", { name: "Open balance by bucket in USD" }, { timeout: 60_000 })).toBeInTheDocument();
  });
});

describe("language and ribbon hand-over", () => {
  it("switches the whole pane to Chinese from the settings and keeps the choice", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook(sampleTables());
    renderPane(runOf(workbook));

    await user.click(await screen.findByRole("tab", { name: "Settings" }));
    await user.click(screen.getByRole("radio", { name: "中文" }));
    expect(await screen.findByRole("tab", { name: "账龄" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "数据" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "设置" })).toBeInTheDocument();
    expect(screen.queryByRole("tab", { name: "Aging" })).not.toBeInTheDocument();
    expect((await loadSettings(runOf(workbook)))?.lang).toBe("zh-CN");
  });

  it("follows Office's display language when no language is chosen", async () => {
    const workbook = await createTestWorkbook(sampleTables());
    renderPane(runOf(workbook), { displayLanguage: "zh-CN" });
    expect(await screen.findByRole("button", { name: "保存映射" })).toBeInTheDocument();
  });

  it("opens on the problem the ribbon command left", async () => {
    const workbook = await createTestWorkbook([]);
    act(() => setPendingProblem({ code: "no-invoice-table" }));
    renderPane(runOf(workbook));
    expect(await screen.findByText("Monthly aging could not run")).toBeInTheDocument();
    expect(screen.getByText(/No invoice table was found/)).toBeInTheDocument();
    expect(await screen.findByRole("tab", { name: "Data" })).toHaveAttribute("aria-selected", "true");
  });
});
