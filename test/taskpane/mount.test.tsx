/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen } from "@testing-library/react";
import { mountTaskpane } from "../../src/taskpane/mount";
import { TODAY, createTestWorkbook, emulateLayout, runOf, sampleTables } from "./harness";

beforeAll(emulateLayout);

describe("mountTaskpane", () => {
  it("renders the pane into the given element and unmounts it", async () => {
    const workbook = await createTestWorkbook(sampleTables());
    const container = document.createElement("div");
    document.body.appendChild(container);

    let unmount: () => void = () => undefined;
    act(() => {
      unmount = mountTaskpane(container, { run: runOf(workbook), displayLanguage: "en-US", today: () => TODAY, theme: "dark" });
    });
    expect(await screen.findByRole("heading", { name: "AR Desk", level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole("tablist", { name: "AR Desk sections" })).toBeInTheDocument();

    act(() => unmount());
    expect(container).toBeEmptyDOMElement();
  });
});
