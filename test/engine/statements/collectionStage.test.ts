/**
 * The footer's collection stage on statements: the collections engine's stage and action at the
 * statement date, for overdue customers only, with the ladder and follow-up log it is given.
 */
import { DEFAULT_LADDER, isFollowUpTable, readFollowUps, type LadderStage } from "../../../src/engine/collections";
import { serialFromIso } from "../../../src/engine/dates";
import { readBook } from "../../../src/engine/read";
import { buildStatements, collectionStages, statementsSheet, toStatementsJson } from "../../../src/engine/statements";
import type { Lang } from "../../../src/engine/types";
import { AS_OF, day, tablesOf, type CollectionsBook } from "../collections/fixtures";

const spec: CollectionsBook = {
  invoices: [
    ["A-1", "Acme", 20, 100],
    ["B-1", "Beta", 5, 50],
    ["C-1", "Cobalt", -3, 70],
    ["D-1", "Delta", 10, 80],
    ["E-1", "Eve", 40, 30, "EUR"],
    ["E-2", "Eve", 2, 10],
    ["F-1", "Fern", 16, 60],
  ],
  log: [
    [day(-1), "Beta", "B-1", "dispute", null, null],
    [day(-20), "Delta", null, "promise", 80, day(-12)],
    [day(-2), "Fern", null, "promise", 60, day(5)],
  ],
};

function statementsOf(lang: Lang, ladder: readonly LadderStage[] = DEFAULT_LADDER) {
  const tables = tablesOf(spec);
  const book = readBook(
    tables.filter((x) => !isFollowUpTable(x)),
    { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" },
  );
  const log = tables.find(isFollowUpTable)!;
  const { followUps } = readFollowUps(log, book, { lang, dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  expect(followUps.length).toBe(3);
  const collectionStage = collectionStages(book, { asOf: AS_OF, lang, ladder, followUps });
  return buildStatements(book, {
    from: serialFromIso("2026-10-01")!,
    to: AS_OF,
    basis: "due",
    boundaries: [30, 60, 90],
    autoApply: true,
    lang,
    collectionStage,
  });
}

const stageByAccount = (lang: Lang, ladder?: readonly LadderStage[]) =>
  new Map(statementsOf(lang, ladder).statements.map((s) => [`${s.customer} ${s.currency}`, s.collectionStage]));

describe("collectionStages on statements", () => {
  it.each([
    ["Acme USD", "20 days past due", { stage: 2, action: "Written notice" }],
    ["Beta USD", "its only overdue invoice is disputed", null],
    ["Cobalt USD", "nothing overdue (a stage-0 reminder is no overdue line)", null],
    ["Delta USD", "10 days past due and a broken promise: one stage up", { stage: 2, action: "Written notice" }],
    ["Eve EUR", "40 days past due in EUR", { stage: 3, action: "Visit; consider stopping supply" }],
    ["Eve USD", "2 days past due in USD: per currency, never mixed", { stage: 1, action: "Phone call" }],
    ["Fern USD", "16 days past due, all of it under an open promise", null],
  ])("%s (%s)", (account, _why, expected) => {
    const stages = stageByAccount("en-US");
    expect(stages.has(account)).toBe(true);
    expect(stages.get(account)).toEqual(expected);
  });

  it("states the action in the statement's language, and the ladder it is given", () => {
    expect(stageByAccount("zh-CN").get("Acme USD")).toEqual({ stage: 2, action: "书面催收" });
    const ladder = DEFAULT_LADDER.map((s) => (s.stage === 2 ? { ...s, action: { "en-US": "Call the CFO", "zh-CN": "致电财务总监" } } : s));
    expect(stageByAccount("en-US", ladder).get("Acme USD")).toEqual({ stage: 2, action: "Call the CFO" });
    const wide = [
      { stage: 0, fromDays: -7, toDays: 30, action: { "en-US": "Remind", "zh-CN": "提醒" } },
      { stage: 1, fromDays: 31, toDays: null, action: { "en-US": "Sue", "zh-CN": "起诉" } },
    ];
    expect(stageByAccount("en-US", wide).get("Acme USD")).toEqual({ stage: 0, action: "Remind" });
  });

  it("puts the line in the JSON (null when none) and above the message on the sheet", () => {
    const set = statementsOf("en-US");
    const json = toStatementsJson(set);
    expect(json.statements.length).toBe(set.statements.length);
    expect(json.statements.find((s) => s.customer === "Acme")!.collectionStage).toEqual({ stage: 2, action: "Written notice" });
    expect(json.statements.find((s) => s.customer === "Cobalt")!.collectionStage).toBeNull();
    const cells = statementsSheet(set, "en-US", { document: "statement", company: { name: "Contoso", message: "Thank you." } }).cells.map(
      (row) => row[0],
    );
    const line = cells.indexOf("Collection stage 2: Written notice");
    expect(line).toBeGreaterThan(0);
    expect(cells[line + 1]).toBe("Thank you.");
    // One line per staged statement: Acme, Delta, Eve EUR, Eve USD.
    expect(cells.filter((c) => typeof c === "string" && c.startsWith("Collection stage")).length).toBe(4);
    const zh = statementsSheet(statementsOf("zh-CN"), "zh-CN", { document: "statement", company: { name: "Contoso" } });
    expect(zh.cells.map((row) => row[0])).toContain("催收阶段 2：书面催收");
  });
});
