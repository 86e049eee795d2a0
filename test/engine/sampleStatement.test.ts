/**
 * The sample's customer statement: one customer's side of the account with a few deliberate
 * differences, each found by the reconciliation as the kind of difference it is, in EN and ZH;
 * and the sample book with it still ages, checks credit and states as before.
 */
import { requestFromSettings, runAging } from "../../src/app/aging";
import { runReconcile } from "../../src/app/reconcile";
import { defaultSettings } from "../../src/app/settings";
import { serialFromYmd } from "../../src/engine/dates";
import { generateSampleBook } from "../../src/engine/sample";
import { SAMPLE_STATEMENT_TABLE, generateSampleStatement, theirReference } from "../../src/engine/sampleStatement";
import type { Lang } from "../../src/engine/types";
import { memoryWorkbook } from "../app/memoryPort";

const AS_OF = serialFromYmd(2026, 10, 31);
const TODAY = serialFromYmd(2026, 11, 15);

it.each([
  ["INV-0000012", "12"],
  ["CN-0000040", "CN-40"],
  ["PAY-1", "PAY-1"],
  ["X17", "X17"],
])("a customer keys our %s as %s", (ours, theirs) => {
  expect(theirReference(ours)).toBe(theirs);
});

describe.each<Lang>(["en-US", "zh-CN"])("the sample statement (%s)", (lang) => {
  const book = generateSampleBook({ invoices: 60, seed: 1, asOf: AS_OF, lang });
  const statement = generateSampleStatement(book, lang)!;

  it("is one customer's statement, in the book's language", () => {
    expect(statement).not.toBeNull();
    expect(statement.name).toBe(SAMPLE_STATEMENT_TABLE);
    expect(statement.sheet).toBe(lang === "en-US" ? "Customer Statement" : "客户对账单");
    expect(statement.header).toEqual(
      lang === "en-US" ? ["Document No", "Customer", "Date", "Amount", "Currency"] : ["发票号", "客户名称", "入账日期", "金额", "币种"],
    );
    expect(statement.rows.length).toBeGreaterThanOrEqual(6);
    expect(new Set(statement.rows.map((r) => r[1])).size).toBe(1);
    expect(generateSampleStatement(generateSampleBook({ invoices: 60, seed: 1, asOf: AS_OF, lang }), lang)).toEqual(statement);
  });

  it("shows each deliberate difference as its outcome when reconciled on its customer", async () => {
    const port = memoryWorkbook([...book, statement]);
    const done = await runReconcile(port, {
      tableA: "Invoices",
      tableB: SAMPLE_STATEMENT_TABLE,
      lang,
      dateOrder: null,
      defaultCurrency: "USD",
      period: "2026-11",
      scope: "customers-in-b",
    });
    if (!done.ok) throw new Error(done.messages.join("; "));
    const { result } = done;
    const count = (outcome: string) => result.records.filter((r) => r.outcome === outcome).length;
    expect(result.records.length).toBeGreaterThan(0);
    expect(count("matched")).toBeGreaterThanOrEqual(1);
    expect({
      amount: count("amount-differs"),
      date: count("date-differs"),
      split: count("split"),
      duplicate: count("duplicate-key"),
      missingInB: count("missing-in-b"),
      missingInA: count("missing-in-a"),
      customer: count("customer-differs"),
    }).toEqual({ amount: 1, date: 1, split: 1, duplicate: 1, missingInB: 1, missingInA: 1, customer: 0 });
    // Only the statement's customer is compared; the others are counted as left out.
    expect(result.scoped?.customers).toEqual([statement.rows[0]![1]]);
    expect(result.scoped!.leftA).toBeGreaterThan(0);
    // The statement reads cleanly; the rows the sample spoils on purpose in Invoices are listed.
    expect(result.excluded.map((e) => [e.side, e.code])).toEqual([
      ["A", "amount.invalid"],
      ["A", "date.ambiguous"],
    ]);
    expect(port.sheets.size).toBe(1);
  });

  it("leaves the sample book's aging as it was", async () => {
    const request = requestFromSettings(defaultSettings(), lang, TODAY);
    const without = await runAging(memoryWorkbook(book), request);
    const withStatement = await runAging(memoryWorkbook([...book, statement]), request);
    if (!without.ok || !withStatement.ok) throw new Error("aging stopped");
    expect(withStatement.report.totals).toEqual(without.report.totals);
    expect(withStatement.report.totals.length).toBeGreaterThan(0);
  });
});
