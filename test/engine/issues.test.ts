/**
 * Issues about the whole book or request: located nowhere, worded in the user's language.
 */
import { bookIssue } from "../../src/engine/issues";
import { t } from "../../src/i18n";

describe("bookIssue", () => {
  it.each(["en-US", "zh-CN"] as const)("carries no location and the code's message in %s", (lang) => {
    expect(bookIssue(lang, "warning", "statements.company.missing")).toEqual({
      severity: "warning",
      sheet: "",
      row: null,
      column: null,
      cell: null,
      value: null,
      code: "statements.company.missing",
      message: t(lang, "statements.company.missing"),
    });
  });

  it("fills the message's fields and keeps the value it is about", () => {
    const issue = bookIssue("en-US", "error", "analytics.fx.missing", { currency: "EUR", report: "USD", date: "2026-10-31" }, "EUR");
    expect(issue.severity).toBe("error");
    expect(issue.value).toBe("EUR");
    expect(issue.message).toBe(
      "No rate from EUR to USD on 2026-10-31: the converted totals leave EUR out and show no total for that date.",
    );
  });
});
