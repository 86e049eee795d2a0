import { isReportSheetName } from "../../../src/engine/report/names";

describe("isReportSheetName", () => {
  it.each([
    "AR Aging 2026-10",
    "AR Aging Detail 2026-10",
    "AR Aging by Rep 2026-10",
    "AR Exceptions 2026-10",
    "AR Aging Detail 2026-10 (2)",
    "应收账龄 2026-10",
    "应收账龄明细 2026-10",
    "应收异常 2026-10",
    "AR Reconciliation",
    "应收对账",
  ])("recognises AR Desk's own sheet %s", (name) => {
    expect(isReportSheetName(name)).toBe(true);
  });

  it.each(["Invoices", "AR Aging notes", "AR Aging 2026", "My AR Aging Detail 2026-10", "Payments", "应收"])(
    "leaves the user's sheet %s alone",
    (name) => {
      expect(isReportSheetName(name)).toBe(false);
    },
  );
});
