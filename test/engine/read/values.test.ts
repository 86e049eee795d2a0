import { documentKind, holdFlag, isTotalLabel, isTotalNumber, rowHasTotalLabel } from "../../../src/engine/read/values";

describe("total rows", () => {
  it.each([
    ["Total", true],
    ["TOTAL:", true],
    ["Grand Total", true],
    ["Sub-total", true],
    ["Total for Acme Corp", true],
    ["合计", true],
    ["总计", true],
    ["小计", true],
    ["合计：", true],
    ["Total Wine & More", false],
    ["Acme", false],
    ["Stella", false],
  ])("isTotalLabel(%p) = %p", (text, total) => {
    expect(isTotalLabel(text)).toBe(total);
  });

  it.each([
    ["Total", true],
    ["Total Acme", true],
    ["SUBTOTAL", true],
    ["T-100", false],
    ["INV-001", false],
    ["SO-1", false],
  ])("isTotalNumber(%p) = %p", (text, total) => {
    expect(isTotalNumber(text)).toBe(total);
  });

  it("finds a total label in any column of a row", () => {
    expect(rowHasTotalLabel([null, " Total ", null, 1500])).toBe(true);
    expect(rowHasTotalLabel(["INV-1", "Acme", 100])).toBe(false);
  });
});

describe("documentKind", () => {
  it.each([
    ["Credit Note", "credit"],
    ["Credit Memo", "credit"],
    ["CN", "credit"],
    ["cm", "credit"],
    ["Credit", "credit"],
    ["贷项通知单", "credit"],
    ["红字发票", "credit"],
    ["红冲", "credit"],
    ["退货", "credit"],
    ["Invoice", "invoice"],
    ["发票", "invoice"],
    ["Journal Entry", "bySign"],
    ["banana", null],
  ])("%p -> %p", (text, kind) => {
    expect(documentKind(text)).toBe(kind);
  });
});

describe("holdFlag", () => {
  it.each([
    ["Y", true],
    ["yes", true],
    ["TRUE", true],
    ["X", true],
    ["Hold", true],
    ["1", true],
    ["是", true],
    ["冻结", true],
    [true, true],
    [1, true],
    ["N", false],
    ["否", false],
    ["", false],
    [null, false],
    [false, false],
    [0, false],
    ["maybe", null],
    [7, null],
  ])("%p -> %p", (cell, flag) => {
    expect(holdFlag(cell)).toBe(flag);
  });
});
