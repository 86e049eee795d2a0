import { OUTCOMES } from "../../../src/engine/reconcile";
import { highlightPlan, mergeRows, OUTCOME_COLORS, reconcileSheet, toReconcileJson } from "../../../src/engine/report/reconcile";
import { run, type Line } from "./tables";

const D = "2026-10-01";
const ours: Line[] = [
  ["INV-001", "Acme", D, 100],
  ["INV-002", "Acme", D, 250],
  ["INV-003", "Beta", D, 80],
  ["INV-004", "Beta", D, 1000, "JPY"],
  ["INV-005", "Beta", D, 10],
];
const theirs: Line[] = [
  ["1", "Acme", D, 100],
  ["2", "Acme", D, 200],
  ["9", "Beta", D, 5],
  ["4", "Beta", D, 1200, "JPY"],
];
const result = run(ours, theirs);

describe("reconcileSheet", () => {
  const sheet = reconcileSheet(result, "en-US");
  const header = sheet.cells[sheet.headerRow] ?? [];
  const column = (name: string): number => header.indexOf(name);
  const data = sheet.cells.slice(sheet.dataStart, sheet.dataEnd);

  it("is the AR Reconciliation sheet, 应收对账 in Chinese, with rows of equal length", () => {
    expect(sheet).toMatchObject({
      kind: "reconciliation",
      name: "AR Reconciliation",
      filter: true,
      freeze: { rows: sheet.headerRow + 1, cols: 0 },
    });
    expect(reconcileSheet(result, "zh-CN").name).toBe("应收对账");
    expect(new Set(sheet.cells.map((row) => row.length))).toEqual(new Set([sheet.columns.length]));
  });

  it("shows the tie-out per currency in major units, with nothing unexplained", () => {
    const usd = sheet.cells.find((row) => row[0] === "USD");
    const jpy = sheet.cells.find((row) => row[0] === "JPY");
    // USD: A 440.00, B 305.00; variances 50.00 (INV-002); unmatched A 90.00 (INV-003, INV-005); unmatched B 5.00.
    expect(usd?.slice(0, 8)).toEqual(["USD", 440, 305, 135, 50, 90, 5, 0]);
    expect(jpy?.slice(0, 8)).toEqual(["JPY", 1000, 1200, -200, -200, 0, 0, 0]);
  });

  it("lists counts and amounts per outcome, and a legend of every outcome colour", () => {
    const summary = sheet.cells.find((row, r) => r >= sheet.dataEnd && row[0] === "Missing in B" && row[1] === "USD");
    expect(summary?.slice(0, 8)).toEqual(["Missing in B", "USD", 2, 2, 0, 90, 0, 0]);
    const legend = sheet.cells.filter((row, r) => r >= sheet.dataEnd && typeof row[9] === "string").map((row) => row[9]);
    expect(legend).toEqual([
      "Legend",
      "Matched",
      "Amount differs",
      "Date differs",
      "Customer differs",
      "Split",
      "Duplicate key",
      "Missing in B",
      "Missing in A",
    ]);
    const legendFills = sheet.formats.filter((f) => f.range.col === 9 && f.fill !== undefined).map((f) => f.fill);
    expect(legendFills).toEqual(OUTCOMES.map((o) => OUTCOME_COLORS[o]));
  });

  it("keeps only the title, the settings line and the tie-out above the list, so the frozen panes end at its header", () => {
    // Two currencies: title, settings, tie-out heading, its header, USD, JPY, a blank, then the list's header.
    expect(sheet.headerRow).toBe(7);
    expect(sheet.freeze).toEqual({ rows: 8, cols: 0 });
    expect(sheet.cells[2]![0]).toBe("Tie-out");
    expect(sheet.cells.slice(4, 6).map((row) => row[0])).toEqual(["USD", "JPY"]);
    // One currency: seven frozen rows, whatever the number of outcomes (the summary is below the list).
    const single = reconcileSheet(run(ours.slice(0, 3), theirs.slice(0, 3)), "en-US");
    expect(single.freeze.rows).toBe(7);
    expect(single.cells[single.headerRow]![0]).toBe("Outcome");
  });

  it("puts the summary by outcome and the issues below the list, at the rows the settings line names", () => {
    const row = (text: string) => sheet.cells.findIndex((r) => r[0] === text);
    const summary = row("Summary by outcome");
    const issues = row("Issues (0)");
    expect(summary).toBe(sheet.dataEnd + 1);
    expect(issues).toBeGreaterThan(summary);
    expect(sheet.cells[1]![0]).toBe(
      "Amount tolerance 0 (or 0 % of A); date tolerance ± 0 days. Rows left out as unreadable: A 0, B 0. " +
        `Below the list: summary by outcome at row ${summary + 1}, issues (0) at row ${issues + 1}.`,
    );
    expect(sheet.cells[issues + 1]!.slice(0, 6)).toEqual(["Severity", "Sheet", "Row", "Column", "Value", "Message"]);
    expect(sheet.cells[issues + 2]![0]).toBe("Every row of both tables was read.");
  });

  it("lists one detail row per record, grouped by currency, with both sides' references", () => {
    expect(data).toHaveLength(result.records.length);
    expect(
      data.map((row) => [
        row[column("Outcome")],
        row[column("Currency")],
        row[column("Rows in A")],
        row[column("Rows in B")],
        row[column("Variance A − B")],
      ]),
    ).toEqual([
      ["Matched", "USD", "Ours!2", "Theirs!2", 0],
      ["Amount differs", "USD", "Ours!3", "Theirs!3", 50],
      ["Missing in B", "USD", "Ours!4", null, null],
      ["Missing in B", "USD", "Ours!6", null, null],
      ["Missing in A", "USD", null, "Theirs!4", null],
      ["Amount differs", "JPY", "Ours!5", "Theirs!5", -200],
    ]);
    const first = data[0] ?? [];
    expect([first[column("Key in A")], first[column("Key in B")], first[column("Matched on key")]]).toEqual(["INV-001", "1", "1"]);
    expect(first[column("Notes")]).toBe("key A: case ignored; prefix “INV-” removed; 2 leading zeros removed");
  });

  it("writes JPY amounts with no decimals and colours the outcome column with one bounded rule per outcome", () => {
    expect(sheet.formats.some((f) => f.range.row === sheet.dataStart + 5 && f.numberFormat === "#,##0")).toBe(true);
    expect(sheet.highlights).toHaveLength(OUTCOMES.length);
    for (const h of sheet.highlights) expect(h.range).toEqual({ row: sheet.dataStart, col: 0, rowCount: data.length, colCount: 1 });
    expect(sheet.highlights.map((h) => (h.rule.type === "textEquals" ? h.rule.text : ""))).toContain("Missing in A");
  });
});

describe("reconcileSheet with unreadable rows", () => {
  // A: an amount "abc" on row 3; B: a date nobody can read on row 2 and a blank key on row 4.
  const messy = run(
    [
      ["INV-001", "Acme", D, 100],
      ["INV-002", "Acme", D, "abc"],
      ["INV-003", "Acme", D, 30],
    ],
    [
      ["1", "Acme", "someday", 100],
      ["3", "Acme", D, 30],
      [null, "Acme", D, 12],
    ],
  );

  it.each<["en-US" | "zh-CN", string, string]>([
    ["en-US", "Issues", "Rows left out as unreadable: A 1, B 2."],
    ["zh-CN", "问题", "无法读取而未计入的行：A 1 行，B 2 行。"],
  ])("lists every issue with sheet, row, column, value and message under a titled section (%s)", (lang, title, excluded) => {
    expect(messy.excluded.map((e) => [e.side, e.row])).toEqual([
      ["A", 3],
      ["B", 2],
      ["B", 4],
    ]);
    expect(messy.issues.length).toBeGreaterThanOrEqual(messy.excluded.length);
    const sheet = reconcileSheet(messy, lang);
    expect(String(sheet.cells[1]![0])).toContain(excluded);
    const top = sheet.cells.findIndex(
      (r) => r[0] === `${title}${lang === "en-US" ? ` (${messy.issues.length})` : `（${messy.issues.length}）`}`,
    );
    expect(top).toBeGreaterThan(sheet.dataEnd);
    const listed = sheet.cells.slice(top + 2, top + 2 + messy.issues.length).map((r) => r.slice(1, 6));
    expect(listed).toEqual(messy.issues.map((i) => [i.sheet, i.row, i.column, i.value, i.message]));
    // Every excluded row is named there.
    for (const e of messy.excluded) expect(listed.some((r) => r[0] === e.sheet && r[1] === e.row)).toBe(true);
    expect(listed.find((r) => r[0] === "Ours")).toEqual(["Ours", 3, "Amount", "abc", expect.any(String)]);
    // Nothing below the issues.
    expect(sheet.cells.length).toBe(top + 2 + messy.issues.length);
  });
});

describe("toReconcileJson", () => {
  const json = toReconcileJson(result);

  it("gives rows in major units of their currency, null for an absent side", () => {
    expect(
      json.rows.map(({ outcome, aRows, bRows, key, amountA, amountB, variance, currency }) => ({
        outcome,
        aRows,
        bRows,
        key,
        amountA,
        amountB,
        variance,
        currency,
      })),
    ).toEqual([
      { outcome: "matched", aRows: [2], bRows: [2], key: "1", amountA: 100, amountB: 100, variance: 0, currency: "USD" },
      { outcome: "amount-differs", aRows: [3], bRows: [3], key: "2", amountA: 250, amountB: 200, variance: 50, currency: "USD" },
      { outcome: "missing-in-b", aRows: [4], bRows: [], key: "3", amountA: 80, amountB: null, variance: null, currency: "USD" },
      { outcome: "amount-differs", aRows: [5], bRows: [5], key: "4", amountA: 1000, amountB: 1200, variance: -200, currency: "JPY" },
      { outcome: "missing-in-b", aRows: [6], bRows: [], key: "5", amountA: 10, amountB: null, variance: null, currency: "USD" },
      { outcome: "missing-in-a", aRows: [], bRows: [4], key: "9", amountA: null, amountB: 5, variance: null, currency: "USD" },
    ]);
    expect(json.rows[0]?.dateA).toBe("2026-10-01");
  });

  it("includes the tie-out in major units, and is plain JSON", () => {
    expect(json.tieOut[0]).toMatchObject({
      currency: "USD",
      totalA: 440,
      totalB: 305,
      difference: 135,
      variance: 50,
      unmatchedA: 90,
      unmatchedB: 5,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("highlightPlan", () => {
  it("gives each source table its rows per outcome as merged ranges over the table's columns, matched rows left alone", () => {
    const [a, b] = highlightPlan(result);
    expect(a).toMatchObject({ side: "A", sheet: "Ours" });
    expect(a?.outcomes.map((o) => [o.outcome, o.fill, o.ranges])).toEqual([
      [
        "amount-differs",
        OUTCOME_COLORS["amount-differs"],
        [
          { row: 2, col: 0, rowCount: 1, colCount: 5 },
          { row: 4, col: 0, rowCount: 1, colCount: 5 },
        ],
      ],
      [
        "missing-in-b",
        OUTCOME_COLORS["missing-in-b"],
        [
          { row: 3, col: 0, rowCount: 1, colCount: 5 },
          { row: 5, col: 0, rowCount: 1, colCount: 5 },
        ],
      ],
    ]);
    // B rows 3 and 5 differ in amount: one range each; row 4 is missing in A.
    expect(b?.outcomes.map((o) => [o.outcome, o.ranges.map((r) => [r.row, r.rowCount])])).toEqual([
      [
        "amount-differs",
        [
          [2, 1],
          [4, 1],
        ],
      ],
      ["missing-in-a", [[3, 1]]],
    ]);
    expect(highlightPlan(result, { includeMatched: true })[0]?.outcomes[0]?.outcome).toBe("matched");
  });

  it.each<[number[], [number, number][]]>([
    [[], []],
    [[5], [[4, 1]]],
    [
      [5, 3, 4, 9],
      [
        [2, 3],
        [8, 1],
      ],
    ],
    [
      [10, 12, 11, 14, 15],
      [
        [9, 3],
        [13, 2],
      ],
    ],
  ])("mergeRows(%p)", (rows, ranges) => {
    expect(mergeRows(rows, 2, 4)).toEqual(ranges.map(([row, rowCount]) => ({ row, col: 2, rowCount, colCount: 4 })));
  });
});
