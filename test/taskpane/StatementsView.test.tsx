/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { defaultSettings, saveSettings } from "../../src/excel";
import { pageLayoutOf } from "../../src/workbench/host";
import { defaultStatementsForm, statementsFormProblem } from "../../src/taskpane/hooks/useStatements";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sampleTables, TODAY } from "./harness";

beforeAll(emulateLayout);
// The simulated workbook runs the engine on this thread: a pane test takes tens of seconds on a busy machine.
jest.setTimeout(180_000);

/** The sales rep with the most customers in the sample's customer table. */
function busiestRep(): string {
  const customers = sampleTables().find((t) => t.name === "Customers")!;
  const col = customers.header.indexOf("Sales Rep");
  const counts = new Map<string, number>();
  for (const row of customers.rows) if (typeof row[col] === "string") counts.set(row[col], (counts.get(row[col]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

async function openStatements() {
  const user = userEvent.setup();
  const workbook = await createTestWorkbook(sampleTables());
  await saveSettings(runOf(workbook), { ...defaultSettings(), mapping: { invoices: { table: "Invoices" } } });
  renderPane(runOf(workbook));
  await user.click(await screen.findByRole("tab", { name: "Statements" }));
  return { user, workbook };
}

describe("Statements view", () => {
  it("defaults to last month and writes a sales rep's statements on one sheet, one page per customer", async () => {
    const { user, workbook } = await openStatements();
    expect(screen.getByRole("textbox", { name: "From" })).toHaveValue("2026-10-01");
    expect(screen.getByRole("textbox", { name: "To" })).toHaveValue("2026-10-31");
    await user.click(screen.getByRole("radio", { name: "A sales rep's customers" }));
    await user.type(screen.getByRole("textbox", { name: "Sales rep" }), busiestRep());
    await user.click(screen.getByRole("button", { name: "Create" }));
    const status = await screen.findByText(/statements written to AR Statements 2026-10\.$/, {}, { timeout: 60_000 });
    const count = Number(/^(\d+)/.exec(status.textContent ?? "")![1]);
    expect(count).toBeGreaterThan(1);
    const list = screen.getByRole("list", { name: "Closing balances" });
    expect(within(list).getAllByRole("listitem").length).toBe(Math.min(count, 20));
    const sheet = workbook.workbook.sheet("AR Statements 2026-10")!;
    expect(pageLayoutOf(sheet).rowBreaks.length).toBe(count - 1);
  });

  it("saves the company block in the workbook and prints it at the top of every page", async () => {
    const { user, workbook } = await openStatements();
    await user.type(screen.getByRole("textbox", { name: "Company name" }), "Contoso Trading Ltd");
    await user.click(screen.getByRole("button", { name: "Save company" }));
    await screen.findByText("Saved in this workbook.");
    await user.click(screen.getByRole("button", { name: "Create" }));
    await screen.findByText(/statements written to/, {}, { timeout: 60_000 });
    const sheet = workbook.workbook.sheet("AR Statements 2026-10")!;
    expect(pageLayoutOf(sheet).printTitleRows).toBe("$1:$2");
    expect(screen.queryByText(/No company details saved/)).not.toBeInTheDocument();
  });

  it("edits the whole company block, saves it in the workbook, prints it, and shows it again when the pane reopens", async () => {
    const { user, workbook } = await openStatements();
    const fields: Array<[string, string]> = [
      ["Company name", "Contoso Trading Ltd"],
      ["Tax ID", "91310000MA1FL0000X"],
      ["Bank / remit to", "ICBC 1001 2345 6789"],
      ["Phone", "+86 21 5555 0100"],
      ["Email", "ar@contoso.example"],
    ];
    // Pasted rather than typed key by key: the same change events, far fewer renders.
    const fill = async (name: string, text: string) => {
      await user.click(screen.getByRole("textbox", { name }));
      await user.paste(text);
    };
    for (const [name, text] of fields) await fill(name, text);
    await fill("Address", "88 Harbour Road\nShanghai 200000");
    const message = screen.getByRole("textbox", { name: "Footer message" });
    // Left blank, the default message prints: the field shows it as its placeholder.
    expect(message).toHaveAttribute("placeholder", expect.stringMatching(/^Please check this statement/));
    await fill("Footer message", "Thank you for your business.");
    const save = screen.getByRole("button", { name: "Save company" });
    await user.click(save);
    expect(await screen.findByText("Saved in this workbook.")).toHaveAttribute("role", "status");
    expect(save).toBeDisabled();
    expect(JSON.parse(workbook.workbook.settings.get("ARDesk.company") as string)).toEqual({
      name: "Contoso Trading Ltd",
      address: "88 Harbour Road\nShanghai 200000",
      taxId: "91310000MA1FL0000X",
      bank: "ICBC 1001 2345 6789",
      phone: "+86 21 5555 0100",
      email: "ar@contoso.example",
      message: "Thank you for your business.",
    });

    // An edit is not saved until Save is pressed again.
    await user.type(screen.getByRole("textbox", { name: "Phone" }), "9");
    expect(screen.queryByText("Saved in this workbook.")).not.toBeInTheDocument();
    expect(save).toBeEnabled();
    await user.clear(screen.getByRole("textbox", { name: "Phone" }));
    await fill("Phone", "+86 21 5555 0100");

    await user.click(screen.getByRole("button", { name: "Create" }));
    await screen.findByText(/statements written to/, {}, { timeout: 60_000 });
    const sheet = workbook.workbook.sheet("AR Statements 2026-10")!;
    const column = Array.from({ length: sheet.values.length }, (_, r) => sheet.value(r, 0));
    for (const line of ["Contoso Trading Ltd", "88 Harbour Road", "Shanghai 200000", "Tax ID: 91310000MA1FL0000X"])
      expect(column).toContain(line);
    expect(column).toContain("Tel: +86 21 5555 0100  Email: ar@contoso.example");
    expect(column).toContain("Thank you for your business.");
    // Printed one page wide (Office.js PageLayout.zoom, as the simulated host recorded it).
    expect(pageLayoutOf(sheet).zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });

    // Reopened, the pane shows what the workbook holds.
    cleanup();
    renderPane(runOf(workbook));
    await user.click(await screen.findByRole("tab", { name: "Statements" }));
    expect(await screen.findByRole("textbox", { name: "Company name" })).toHaveValue("Contoso Trading Ltd");
    expect(screen.getByRole("textbox", { name: "Address" })).toHaveValue("88 Harbour Road\nShanghai 200000");
    expect(screen.getByRole("textbox", { name: "Footer message" })).toHaveValue("Thank you for your business.");
    expect(screen.getByText("Saved in this workbook.")).toBeInTheDocument();
  });

  it("asks for a name and a valid period before running", async () => {
    const { user } = await openStatements();
    await user.click(screen.getByRole("radio", { name: "One customer" }));
    await user.click(screen.getByRole("button", { name: "Create" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Enter a name.");
  });
});

describe("statements form", () => {
  it("defaults to the last full month before today", () => {
    expect(defaultStatementsForm(TODAY, "zh-CN")).toMatchObject({
      from: "2026-10-01",
      to: "2026-10-31",
      lang: "zh-CN",
      scope: "all",
      document: "statement",
    });
  });

  it.each([
    [{ from: "2026-10-31", to: "2026-10-01" }, "statements.pane.badPeriod"],
    [{ from: "2026-10-01", to: "2026-13-01" }, "statements.pane.badPeriod"],
    [{ scope: "one" as const, name: "  " }, "statements.pane.needName"],
    [{}, null],
  ])("checks %j", (patch, problem) => {
    expect(statementsFormProblem({ ...defaultStatementsForm(TODAY, "en-US"), ...patch })).toBe(problem);
  });
});
