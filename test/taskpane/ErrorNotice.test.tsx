/** @jest-environment jsdom */
/**
 * A run that did not finish: a failure reads as an error, the user's own Cancel does not.
 */
import "@testing-library/jest-dom";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CancelledError } from "../../src/app/cancel";
import { ErrorNotice } from "../../src/taskpane/components/ErrorNotice";
import { PaneProvider } from "../../src/taskpane/context";
import { t as translate } from "../../src/i18n";
import type { Lang } from "../../src/engine/types";
import type { ExcelRun } from "../../src/excel/types";

function show(error: unknown, lang: Lang, titled = true) {
  const run = (() => Promise.reject(new Error("no workbook here"))) as unknown as ExcelRun;
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider value={{ run, lang, t: (id, params) => translate(lang, id, params), today: () => 46_000 }}>
        <ErrorNotice error={error} titled={titled} />
      </PaneProvider>
    </FluentProvider>,
  );
}

describe("ErrorNotice", () => {
  it.each([
    ["en-US", "Something went wrong", "Cancelled: nothing was written."],
    ["zh-CN", "出现问题", translate("zh-CN", "pane.write.cancelled")],
  ] as const)("in %s, a cancelled run is information, never 'something went wrong'", (lang, failureTitle, cancelledText) => {
    show(new CancelledError(), lang);
    expect(screen.getByText(cancelledText)).toBeInTheDocument();
    expect(screen.queryByText(failureTitle)).not.toBeInTheDocument();
  });

  it("titles a real failure and says what failed", () => {
    show(new Error("The sheet is protected."), "en-US");
    expect(screen.getByText("Something went wrong")).toBeInTheDocument();
    expect(screen.getByText(/The sheet is protected\./)).toBeInTheDocument();
  });

  it("leaves the title out where the view does not lead with it", () => {
    show(new Error("The sheet is protected."), "en-US", false);
    expect(screen.queryByText("Something went wrong")).not.toBeInTheDocument();
    expect(screen.getByText(/The sheet is protected\./)).toBeInTheDocument();
  });
});
