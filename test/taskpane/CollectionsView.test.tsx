/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { tablesOf } from "../engine/collections/fixtures";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sheetNames } from "./harness";

// Clicks through Fluent dialogs and forms against the simulated host: on a busy 2-core machine
// one such test takes over 30 s, so the suite has a longer limit like the other pane suites.
jest.setTimeout(600_000);

beforeAll(emulateLayout);

/** A Blob's text (jsdom's Blob has no text()). */
const blobText = (blob: Blob): Promise<string> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

/** Today in the harness is 2026-11-15: Acme's invoice is 55 days past due, Beta's 25. */
const tables = tablesOf({
  invoices: [
    ["A1", "Acme", 40, 1000],
    ["B1", "Beta", 10, 300],
    ["B2", "Beta", -20, 50],
  ],
  customers: [
    ["Acme", 5000, false, "ap@acme.example"],
    ["Beta", 1000],
  ],
});

async function openCollections(displayLanguage = "en-US") {
  const user = userEvent.setup();
  const workbook = await createTestWorkbook(tables);
  renderPane(runOf(workbook), { displayLanguage });
  const tabName = displayLanguage === "zh-CN" ? "催收" : "Collections";
  await user.click(await screen.findByRole("tab", { name: tabName }));
  return { user, workbook };
}

describe("Collections view", () => {
  it("builds the worklist (sheet written, warnings badge), shows a customer's open items, logs a promise that the next run honours", async () => {
    const { user, workbook } = await openCollections();
    await user.click(screen.getByRole("button", { name: "Build worklist" }));
    const list = await screen.findByRole("list", { name: "Collections worklist" });
    const lines = within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(lines).toEqual([
      expect.stringMatching(/^1\. Acme 3 · Visit; consider stopping supply — 1,000\.00 USD/),
      expect.stringMatching(/^2\. Beta 2 · Written notice — 300\.00 USD/),
    ]);
    expect(sheetNames(workbook)).toContain("AR Collections 2026-11");
    expect(screen.getByText(/^\d+ warnings$/)).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: "2. Beta" }));
    const region = screen.getByRole("region", { name: "Open items of Beta" });
    expect(
      within(region)
        .getAllByRole("row")
        .slice(1)
        .map((r) => within(r).getAllByRole("cell")[0]!.textContent),
    ).toEqual(["B1", "B2"]);

    await user.click(within(region).getByRole("button", { name: "Log follow-up" }));
    const form = within(region).getByRole("form", { name: "Log follow-up" });
    expect(within(form).getByRole("textbox", { name: "Customer" })).toHaveValue("Beta");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Type" }), "promise");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Invoice" }), "B1");
    await user.type(within(form).getByRole("textbox", { name: "Amount" }), "300");
    await user.click(within(form).getByRole("button", { name: "Add to log" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Check the date and the amount."); // no until date yet
    const until = form.querySelector('input[type="date"][value=""]') as HTMLInputElement;
    await user.type(until, "2026-11-22");
    await user.click(within(form).getByRole("button", { name: "Add to log" }));
    // A new Excel table holds one empty row, so the first follow-up lands below it (the reader skips blank rows).
    expect(await screen.findByText("Added to ARFollowUps at row 2.")).toBeInTheDocument();
    expect(sheetNames(workbook)).toContain("AR Follow-ups");

    await user.click(screen.getByRole("button", { name: "Build worklist" }));
    await screen.findByText(/^Worklist written to AR Collections 2026-11; \d+ warned customers highlighted\.$/);
    const after = within(screen.getByRole("list", { name: "Collections worklist" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    // B1 is promised now; what is left is B2, due in 5 days: a stage-0 reminder.
    expect(after).toEqual([expect.stringMatching(/^1\. Acme/), "2. Beta 0 · Payment reminder — 50.00 USD"]);
  });

  it("filters by stage and writes a letter for the selected customer", async () => {
    const { user, workbook } = await openCollections();
    await user.click(screen.getByRole("button", { name: "Build worklist" }));
    await user.click(await screen.findByRole("button", { name: "Clear highlights" }));
    expect(await screen.findByText(/^\d+ highlights removed\.$/)).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Collections worklist" });
    await user.click(screen.getByRole("button", { name: "Letters for the 2 listed" }));
    await screen.findByText("Letters written to AR Letters 2026-11.");
    const letters = workbook.workbook.sheets.find((x) => x.name === "AR Letters 2026-11")!;
    const subjects = letters
      .snapshot()
      .map((r) => r[0])
      .filter((v) => typeof v === "string" && v.startsWith("Subject: "));
    expect(subjects).toEqual([expect.stringContaining("Acme"), expect.stringContaining("Beta")]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Stage" }), "2");
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/Beta/)]);
    await user.click(within(list).getByRole("button", { name: "2. Beta" }));
    // Copy as email: text and HTML on the clipboard.
    const written: ClipboardItem[] = [];
    class Item {
      constructor(readonly items: Record<string, Blob>) {}
    }
    Object.assign(globalThis, { ClipboardItem: Item });
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { write: async (items: ClipboardItem[]) => void written.push(...items) },
    });
    await user.click(screen.getByRole("button", { name: "Copy as email" }));
    expect(await screen.findByText("The letter to Beta is on the clipboard: paste it into a new e-mail.")).toBeInTheDocument();
    const parts = (written[0] as unknown as Item).items;
    expect(Object.keys(parts).sort()).toEqual(["text/html", "text/plain"]);
    expect(await blobText(parts["text/plain"]!)).toMatch(/^Overdue account Beta: 300\.00 USD past due\n\nDear Beta,/);
    expect(await blobText(parts["text/html"]!)).toContain("<table");

    await user.click(screen.getByRole("button", { name: "Letter" }));
    expect(await screen.findByText("Letters written to AR Letters 2026-11.")).toBeInTheDocument();
    expect(sheetNames(workbook)).toContain("AR Letters 2026-11");
  });

  it("edits the rules in the pane; they are saved in the workbook and used by the next run", async () => {
    const { user, workbook } = await openCollections();
    await user.click(screen.getByRole("button", { name: "Collection rules" }));
    const form = await screen.findByRole("form", { name: "Collection rules" });
    const action = within(form).getByRole("textbox", { name: "Stage 3: action" });
    await user.clear(action);
    await user.type(action, "Visit the buyer");
    const end = within(form).getByRole("spinbutton", { name: "Stage 1: up to days past due" });
    await user.clear(end);
    await user.type(end, "25");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Letter of stage" }), "3");
    const subject = within(form).getByRole("textbox", { name: "Subject" });
    await user.clear(subject);
    await user.type(subject, "Visit notice for {{customer}");
    await user.click(within(form).getByRole("button", { name: "Save rules" }));
    expect(await within(form).findByRole("status")).toHaveTextContent("Rules saved in the workbook.");
    await user.click(screen.getByRole("button", { name: "Build worklist" }));
    const list = await screen.findByRole("list", { name: "Collections worklist" });
    // Beta is 25 days past due: stage 1 now runs to 25 days. Acme (55 days) is in stage 3, renamed.
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/^1\. Acme 3 · Visit the buyer/), expect.stringMatching(/^2\. Beta 1 · Phone call/)]);
    await user.click(within(list).getByRole("button", { name: "1. Acme" }));
    await user.click(screen.getByRole("button", { name: "Letter" }));
    await screen.findByText("Letters written to AR Letters 2026-11.");
    // The edited stage-3 template, with its merge field filled.
    expect(workbook.workbook.sheets.find((x) => x.name === "AR Letters 2026-11")!.value(0, 0)).toBe("Subject: Visit notice for Acme");

    // Stage 2 would start on day 26 and end on day 20.
    const clear = within(form).getByRole("spinbutton", { name: "Stage 2: up to days past due" });
    await user.clear(clear);
    await user.type(clear, "20");
    await user.click(within(form).getByRole("button", { name: "Save rules" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Ladder stage 2: toDays is before fromDays.");
  });

  it("speaks Chinese", async () => {
    const { user } = await openCollections("zh-CN");
    await user.click(screen.getByRole("button", { name: "生成催收清单" }));
    const list = await screen.findByRole("list", { name: "催收工作清单" });
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("上门催收");
  });
});
