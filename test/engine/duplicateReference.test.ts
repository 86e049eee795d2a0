/**
 * A payment or credit note naming an invoice that the reader left out as a duplicate is told
 * so: the invoice is in the table, twice, not missing.
 */
import { ageBook } from "../../src/engine/aging";
import { readBook } from "../../src/engine/read";
import type { Lang } from "../../src/engine/types";
import { userTable } from "./builders";

const AS_OF = 46326; // 2026-10-31

function issuesOf(lang: Lang, reference: string) {
  const tables = [
    userTable(
      "Invoices",
      ["Invoice No", "Customer", "Due Date", "Amount", "Type", "Reference"],
      [
        ["INV-0000030", "Acme", AS_OF - 5, 100, "Invoice", null],
        ["INV-0000031", "Acme", AS_OF - 5, 200, "Invoice", null],
        ["INV-0000031", "Acme", AS_OF - 5, 200, "Invoice", null],
        ["CN-1", "Acme", AS_OF - 5, -20, "Credit note", reference],
      ],
    ),
    userTable(
      "Payments",
      ["Payment No", "Customer", "Payment Date", "Amount", "Invoice No"],
      [["PAY-000028", "Acme", AS_OF - 1, 50, reference]],
    ),
  ];
  const book = readBook(tables, { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  return ageBook(book, { asOf: AS_OF, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang }).issues;
}

describe("references to an invoice left out as a duplicate", () => {
  it.each<[Lang, RegExp, RegExp]>([
    [
      "en-US",
      /^Payment PAY-000028 names invoice INV-0000031, which is in the invoice table more than once \(rows 3, 4\) and was left out as a duplicate/,
      /^Credit note CN-1 refers to invoice INV-0000031, which is in the invoice table more than once \(rows 3, 4\)/,
    ],
    [
      "zh-CN",
      /^收款 PAY-000028 指向的发票 INV-0000031 在发票表中重复出现（第 3, 4 行），已作为重复项排除/,
      /^贷项通知单 CN-1 引用的发票 INV-0000031 在发票表中重复出现/,
    ],
  ])("say the invoice is a duplicate, naming its rows (%s)", (lang, payment, credit) => {
    const issues = issuesOf(lang, "INV-0000031");
    const onPayment = issues.filter((i) => i.sheet === "Payments");
    expect(onPayment).toHaveLength(1);
    expect(onPayment[0]!.code).toBe("payment.invoice.duplicate");
    expect(onPayment[0]!.message).toMatch(payment);
    const onCredit = issues.filter((i) => i.code.startsWith("credit.reference"));
    expect(onCredit).toHaveLength(1);
    expect(onCredit[0]!.message).toMatch(credit);
    expect(issues.some((i) => /not in the invoice table|不在发票表中/.test(i.message))).toBe(false);
  });

  it("a number that is truly missing still says so", () => {
    const issues = issuesOf("en-US", "INV-9999999");
    const onPayment = issues.filter((i) => i.sheet === "Payments");
    expect(onPayment.map((i) => i.code)).toEqual(["payment.invoice.unknown"]);
    expect(onPayment[0]!.message).toMatch(/which is not in the invoice table/);
  });
});
