/** @jest-environment jsdom */
/**
 * What a write does besides writing is said, in the view that wrote: before a re-run replaces a
 * report sheet the user edited, the pane asks (keep as "… (edited)", replace, cancel) and then
 * says what it did; freeze panes or a filter Excel refused make the result a warning.
 */
import "@testing-library/jest-dom";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { insertTables } from "../../src/excel";
import type { ExcelRun } from "../../src/excel/types";
import { createWorkbench, type Workbench } from "../../src/workbench/host";
import { runMonthlyAging } from "../../src/commands/monthlyAging";
import { setRibbonNotes } from "../../src/app/ribbonNotes";
import { TODAY, emulateLayout, renderPane, sampleTables } from "./harness";

jest.setTimeout(180_000);
beforeAll(emulateLayout);
afterEach(() => setRibbonNotes(null));

async function workbook(options: Parameters<typeof createWorkbench>[0] = {}): Promise<Workbench> {
  const wb = createWorkbench(options);
  await insertTables(wb.run as ExcelRun, sampleTables());
  return wb;
}

function visibleSheets(wb: Workbench): string[] {
  return wb.workbook.sheets.filter((s) => !s.deleted && s.visibility === "Visible").map((s) => s.name);
}

async function typeNote(wb: Workbench, sheet: string, address: string, note: string): Promise<void> {
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[note]];
    await context.sync();
  });
}

async function openAging(lang: "en-US" | "zh-CN", wb: Workbench) {
  const user = userEvent.setup();
  renderPane(wb.run as ExcelRun, { displayLanguage: lang });
  const tab = lang === "zh-CN" ? "账龄" : "Aging";
  await user.click(await screen.findByRole("tab", { name: tab }));
  const panel = within(screen.getByRole("tabpanel", { name: tab }));
  return { user, panel };
}

/** Renders the pane on `wb`, opens the Credit view and runs a check; resolves once its counts show. */
async function checkCredit(wb: Workbench) {
  const user = userEvent.setup();
  renderPane(wb.run as ExcelRun);
  await user.click(await screen.findByRole("tab", { name: "Credit" }));
  const panel = within(screen.getByRole("tabpanel", { name: "Credit" }));
  await user.click(panel.getByRole("button", { name: "Check credit" }));
  await panel.findByRole("list", { name: "Customers by status" }, { timeout: 60_000 });
  return { user, panel };
}

async function generate(user: ReturnType<typeof userEvent.setup>, panel: ReturnType<typeof within>, name = "Generate aging") {
  await user.click(panel.getByRole("button", { name }));
}

describe("a re-run over a report sheet the user edited", () => {
  const note = "Call Bob about INV-7 on Monday";

  async function editedBook() {
    const wb = await workbook();
    const { user, panel } = await openAging("en-US", wb);
    await generate(user, panel);
    await panel.findByRole("heading", { name: "Aging as of 2026-10-31" }, { timeout: 60_000 });
    expect(visibleSheets(wb)).toContain("AR Aging 2026-10");
    await typeNote(wb, "AR Aging 2026-10", "K3", note);
    const before = visibleSheets(wb);
    await generate(user, panel);
    const dialog = await screen.findByRole("alertdialog", { name: "You edited a report sheet" }, { timeout: 60_000 });
    return { wb, user, panel, dialog, before };
  }

  it("asks before writing, naming the sheet and the name it would keep", async () => {
    const { wb, dialog, before } = await editedBook();
    expect(within(dialog).getByText("AR Aging 2026-10 → kept as AR Aging 2026-10 (edited)")).toBeInTheDocument();
    // Nothing is written while the question is open.
    expect(visibleSheets(wb)).toEqual(before);
    expect(wb.snapshot("AR Aging 2026-10")[2]?.[10]).toBe(note);
  });

  it("Keep: both sheets exist, the edited one just after the new one, the note intact; the pane says so", async () => {
    const { wb, user, panel, dialog, before } = await editedBook();
    await user.click(within(dialog).getByRole("button", { name: "Keep my copy" }));
    await panel.findByText("Your edits are kept", {}, { timeout: 60_000 });
    expect(
      panel.getByText("You had edited AR Aging 2026-10: your copy is kept as AR Aging 2026-10 (edited), beside the new report."),
    ).toBeInTheDocument();
    const after = visibleSheets(wb);
    const at = before.indexOf("AR Aging 2026-10");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(after.slice(at, at + 2)).toEqual(["AR Aging 2026-10", "AR Aging 2026-10 (edited)"]);
    expect(after.filter((s) => s !== "AR Aging 2026-10 (edited)")).toEqual(before);
    expect(wb.snapshot("AR Aging 2026-10 (edited)")[2]?.[10]).toBe(note);
    expect(wb.snapshot("AR Aging 2026-10")[2]?.[10] ?? "").toBe("");
  });

  it("Replace: the edited sheet is replaced in its place, and the pane says the edits are gone", async () => {
    const { wb, user, panel, dialog, before } = await editedBook();
    await user.click(within(dialog).getByRole("button", { name: "Replace" }));
    await panel.findByText("AR Aging 2026-10 was replaced as you chose; the edits on it are gone.", {}, { timeout: 60_000 });
    expect(visibleSheets(wb)).toEqual(before);
    expect(wb.snapshot("AR Aging 2026-10")[2]?.[10] ?? "").toBe("");
  });

  it("Cancel: nothing is written", async () => {
    const { wb, user, panel, dialog, before } = await editedBook();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await panel.findByText("Cancelled. No report sheet was written.", {}, { timeout: 60_000 });
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(visibleSheets(wb)).toEqual(before);
    expect(wb.snapshot("AR Aging 2026-10")[2]?.[10]).toBe(note);
  });

  it("in Chinese, asks in Chinese and keeps the sheet with the Chinese suffix", async () => {
    const wb = await workbook();
    const { user, panel } = await openAging("zh-CN", wb);
    await generate(user, panel, "生成账龄表");
    await panel.findByRole("heading", { name: "截至 2026-10-31 的账龄" }, { timeout: 60_000 });
    await typeNote(wb, "应收账龄 2026-10", "K3", "周一致电");
    await generate(user, panel, "生成账龄表");
    const dialog = await screen.findByRole("alertdialog", { name: "报表工作表已被修改" }, { timeout: 60_000 });
    expect(within(dialog).getByText("应收账龄 2026-10 → 保留为 应收账龄 2026-10（已编辑）")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "保留我的副本" }));
    await panel.findByText("已保留您的修改", {}, { timeout: 60_000 });
    expect(wb.snapshot("应收账龄 2026-10（已编辑）")[2]?.[10]).toBe("周一致电");
  });
});

describe("the same question in another view", () => {
  it("the credit check asks before replacing an edited 'AR Credit'; Cancel writes nothing and says so in words", async () => {
    const wb = await workbook();
    const { user, panel } = await checkCredit(wb);
    await typeNote(wb, "AR Credit", "A2", "reviewed");
    const before = visibleSheets(wb);
    await user.click(panel.getByRole("button", { name: "Check credit" }));
    const dialog = await screen.findByRole("alertdialog", { name: "You edited a report sheet" }, { timeout: 60_000 });
    expect(within(dialog).getByText("AR Credit → kept as AR Credit (edited)")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(await panel.findByText("Cancelled: nothing was written.", { exact: false }, { timeout: 60_000 })).toBeInTheDocument();
    expect(visibleSheets(wb)).toEqual(before);
    expect(wb.snapshot("AR Credit")[1]?.[0]).toBe("reviewed");
  });
});

describe("freeze panes Excel refuses", () => {
  it("make the aging's result a warning that names each sheet concerned", async () => {
    // As Excel desktop does (office-js#1463): freezing fails on every sheet but the active one.
    const wb = await workbook({ freezePanesFail: "inactive" });
    const { user, panel } = await openAging("en-US", wb);
    await generate(user, panel);
    await panel.findByRole("heading", { name: "Aging as of 2026-10-31" }, { timeout: 60_000 });
    const title = panel.getByText("Written, but not everything was applied");
    const bar = within(title.closest("[role=group]") as HTMLElement);
    const items = bar.getAllByRole("listitem");
    expect(items.length).toBeGreaterThan(0);
    // The first sheet is active when views are applied and keeps its frozen header; the others are named.
    expect(items.map((i) => i.textContent?.split(":")[0])).toEqual(["AR Aging Detail 2026-10", "AR Exceptions 2026-10"]);
    expect(items[0]).toHaveTextContent("The figures are complete; use View › Freeze Panes or Data › Filter by hand.");
    expect(wb.workbook.sheets.find((s) => s.name === "AR Aging 2026-10")?.frozen.rows).toBeGreaterThan(0);
  });

  it("are said in the credit view too, once, above its result", async () => {
    const wb = await workbook({ freezePanesFail: "inactive" });
    const { panel } = await checkCredit(wb);
    const titles = panel.getAllByText("Written, but not everything was applied");
    expect(titles).toHaveLength(1);
    expect(within(titles[0]!.closest("[role=group]") as HTMLElement).getByRole("listitem")).toHaveTextContent(/^AR Credit: /);
  });
});

describe("the ribbon's aging over an edited sheet", () => {
  it("keeps the sheet, and the pane opens on the Aging view with the note focused", async () => {
    const wb = await workbook();
    const ribbon = { today: () => TODAY, displayLanguage: "en-US", showTaskpane: async () => undefined };
    await runMonthlyAging(wb.run as ExcelRun, ribbon);
    await typeNote(wb, "AR Aging 2026-10", "K3", "Call Bob");
    renderPane(wb.run as ExcelRun);
    await screen.findByRole("tab", { name: "Aging" });
    // The pane is already open when the button is pressed again.
    await act(() => runMonthlyAging(wb.run as ExcelRun, ribbon));
    const panel = within(await screen.findByRole("tabpanel", { name: "Aging" }));
    const title = await panel.findByText("Your edits are kept");
    expect(
      panel.getByText("You had edited AR Aging 2026-10: your copy is kept as AR Aging 2026-10 (edited), beside the new report."),
    ).toBeInTheDocument();
    await waitFor(() => expect(title.closest("[tabindex='-1']")).toHaveFocus());
    expect(wb.snapshot("AR Aging 2026-10 (edited)")[2]?.[10]).toBe("Call Bob");
  });
});
