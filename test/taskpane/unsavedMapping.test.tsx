/** @jest-environment jsdom */
/**
 * A mapping changed in the Data view but not saved never silently loses to the saved one:
 * "Generate aging" is blocked with a warning until the change is saved or discarded.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createTestWorkbook, emulateLayout, renderPane, runOf, sampleTables } from "./harness";

beforeAll(emulateLayout);

const WARNING = "Unsaved mapping changes in Data: save or discard them before generating, so the aging uses the mapping you see.";

describe("unsaved mapping changes", () => {
  it("block Generate until discarded, and unblock once saved", async () => {
    const user = userEvent.setup();
    const workbook = await createTestWorkbook(sampleTables());
    renderPane(runOf(workbook));
    const data = within(await screen.findByRole("tabpanel", { name: "Data" }));
    const dueDate = await data.findByRole("combobox", { name: "Column for Due date" });
    await user.click(dueDate);
    await user.click(await screen.findByRole("option", { name: "Invoice Date" }));

    await user.click(screen.getByRole("tab", { name: "Aging" }));
    const aging = within(screen.getByRole("tabpanel", { name: "Aging" }));
    expect(aging.getByText(WARNING)).toBeInTheDocument();
    expect(aging.getByRole("button", { name: "Generate aging" })).toBeDisabled();

    // Discard: back to the saved mapping, Generate is free again.
    await user.click(screen.getByRole("tab", { name: "Data" }));
    await user.click(data.getByRole("button", { name: "Discard changes" }));
    await waitFor(() => expect(data.getByRole("combobox", { name: "Column for Due date" })).toHaveTextContent("Due Date"));
    await user.click(screen.getByRole("tab", { name: "Aging" }));
    expect(aging.queryByText(WARNING)).not.toBeInTheDocument();
    expect(aging.getByRole("button", { name: "Generate aging" })).toBeEnabled();

    // Change again and save: the saved mapping is the one shown, nothing blocks.
    await user.click(screen.getByRole("tab", { name: "Data" }));
    await user.click(data.getByRole("combobox", { name: "Column for Due date" }));
    await user.click(await screen.findByRole("option", { name: "Invoice Date" }));
    await user.click(data.getByRole("button", { name: "Save mapping" }));
    await data.findByText("Mapping saved in this workbook.");
    await user.click(screen.getByRole("tab", { name: "Aging" }));
    expect(aging.queryByText(WARNING)).not.toBeInTheDocument();
    expect(aging.getByRole("button", { name: "Generate aging" })).toBeEnabled();
  }, 400000);
});
