import { reconcile, tieOutBalances, type ReconcileOutcome } from "../../../src/engine/reconcile";
import { A_HEADER, BASE, brief, recordOf, run, table, type Line } from "./tables";

const D = "2026-10-01";

describe("reconcile: one outcome per row, with the counterpart rows", () => {
  // Each case: our row(s), their row(s), options, the expected records (sheet rows; variance in minor units).
  it.each<[string, Line[], Line[], object, { outcome: ReconcileOutcome; aRows: number[]; bRows: number[]; variance: number | null }[]]>([
    [
      "equal rows match",
      [["INV-001", "Acme", D, 100]],
      [["1", "Acme", D, 100]],
      {},
      [{ outcome: "matched", aRows: [2], bRows: [2], variance: 0 }],
    ],
    [
      "a different amount differs, variance A − B",
      [["INV-001", "Acme", D, 100]],
      [["1", "Acme", D, 90.5]],
      {},
      [{ outcome: "amount-differs", aRows: [2], bRows: [2], variance: 950 }],
    ],
    [
      "a later date differs",
      [["INV-001", "Acme", D, 100]],
      [["1", "Acme", "2026-10-02", 100]],
      {},
      [{ outcome: "date-differs", aRows: [2], bRows: [2], variance: 0 }],
    ],
    [
      "another customer differs",
      [["INV-001", "Acme", D, 100]],
      [["1", "Beta", D, 100]],
      {},
      [{ outcome: "customer-differs", aRows: [2], bRows: [2], variance: 0 }],
    ],
    [
      "a row only in A is missing in B",
      [["INV-001", "Acme", D, 100]],
      [],
      {},
      [{ outcome: "missing-in-b", aRows: [2], bRows: [], variance: null }],
    ],
    [
      "a row only in B is missing in A",
      [],
      [["1", "Acme", D, 100]],
      {},
      [{ outcome: "missing-in-a", aRows: [], bRows: [2], variance: null }],
    ],
    [
      "a key twice in B is one duplicate record with all its rows",
      [["INV-001", "Acme", D, 100]],
      [
        ["1", "Acme", D, 100],
        ["1", "Acme", D, 100],
      ],
      {},
      [{ outcome: "duplicate-key", aRows: [2], bRows: [2, 3], variance: -10000 }],
    ],
    [
      "a key twice in A with nothing in B is a duplicate, unmatched",
      [
        ["INV-001", "Acme", D, 100],
        ["INV-1", "Acme", D, 40],
      ],
      [],
      {},
      [{ outcome: "duplicate-key", aRows: [2, 3], bRows: [], variance: null }],
    ],
    [
      "one row equal to two rows of the same key is a split",
      [["INV-001", "Acme", D, 100]],
      [
        ["1", "Acme", D, 60],
        ["1", "Acme", D, 40],
      ],
      {},
      [{ outcome: "split", aRows: [2], bRows: [2, 3], variance: 0 }],
    ],
    [
      "one row equal to three rows of the same key is a split",
      [["INV-001", "Acme", D, 100]],
      [
        ["1", "Acme", D, 50],
        ["1", "Acme", D, 30],
        ["1", "Acme", D, 20],
      ],
      {},
      [{ outcome: "split", aRows: [2], bRows: [2, 3, 4], variance: 0 }],
    ],
    [
      "parts of different customers are not a split but a duplicate",
      [["INV-001", "Acme", D, 100]],
      [
        ["1", "Acme", D, 60],
        ["1", "Beta", D, 40],
      ],
      {},
      [{ outcome: "duplicate-key", aRows: [2], bRows: [2, 3], variance: 0 }],
    ],
    [
      "one bank receipt paying two invoices is a split found by search (one B = several A)",
      [
        ["INV-001", "Acme", D, 100],
        ["INV-002", "Acme", D, 250],
        ["INV-003", "Acme", D, 7],
      ],
      [["DEP-77", "Acme", D, 350]],
      {},
      [
        { outcome: "split", aRows: [2, 3], bRows: [2], variance: 0 },
        { outcome: "missing-in-b", aRows: [4], bRows: [], variance: null },
      ],
    ],
    [
      "an invoice paid in three receipts with other references is a split found by search",
      [["INV-001", "Acme", D, 600]],
      [
        ["P1", "Acme", D, 100],
        ["P2", "Acme", D, 200],
        ["P3", "Acme", D, 300],
        ["P4", "Acme", D, 1],
      ],
      {},
      [
        { outcome: "split", aRows: [2], bRows: [2, 3, 4], variance: 0 },
        { outcome: "missing-in-a", aRows: [], bRows: [5], variance: null },
      ],
    ],
    [
      "the search stays within maxParts: three parts are not tried when 2 is the limit",
      [["INV-001", "Acme", D, 600]],
      [
        ["P1", "Acme", D, 100],
        ["P2", "Acme", D, 200],
        ["P3", "Acme", D, 300],
      ],
      { splitSearchLimit: { maxParts: 2 } },
      [
        { outcome: "missing-in-b", aRows: [2], bRows: [], variance: null },
        { outcome: "missing-in-a", aRows: [], bRows: [2], variance: null },
        { outcome: "missing-in-a", aRows: [], bRows: [3], variance: null },
        { outcome: "missing-in-a", aRows: [], bRows: [4], variance: null },
      ],
    ],
    [
      "the search only combines rows of the same customer",
      [["INV-001", "Acme", D, 300]],
      [
        ["P1", "Acme", D, 100],
        ["P2", "Beta", D, 200],
      ],
      {},
      [
        { outcome: "missing-in-b", aRows: [2], bRows: [], variance: null },
        { outcome: "missing-in-a", aRows: [], bRows: [2], variance: null },
        { outcome: "missing-in-a", aRows: [], bRows: [3], variance: null },
      ],
    ],
  ])("%s", (_name, a, b, options, expected) => {
    const result = run(a, b, options);
    expect(brief(result)).toEqual(expected);
    for (const tie of result.tieOut) expect(tieOutBalances(tie)).toBe(true);
  });

  it("lists a pair's other differences after the one that decides its outcome (amount, customer, date)", () => {
    const result = run([["INV-1", "Acme", D, 100]], [["1", "Beta", "2026-10-09", 99]]);
    expect(result.records[0]).toMatchObject({ outcome: "amount-differs", also: ["customer-differs", "date-differs"] });
  });

  it("records both sides' keys as written, the key matched on, dates and customers", () => {
    const [record] = run([["INV-0012", "Acme", D, 100]], [["ｉｎｖ １２", "ACME", "2026-10-03", 100]], { dateTolerance: 2 }).records;
    expect(record).toMatchObject({
      key: "12",
      keyA: "INV-0012",
      keyB: "ｉｎｖ １２",
      dateA: 46296,
      dateB: 46298,
      customerA: "Acme",
      customerB: "ACME",
      currency: "USD",
    });
    expect(record?.outcome).toBe("matched");
  });

  it("matches customers case-, width- and space-insensitively", () => {
    expect(run([["1", "Acme  Corp", D, 1]], [["1", "ＡＣＭＥ corp", D, 1]]).records[0]?.outcome).toBe("matched");
  });

  it("does not compare dates when a side has none", () => {
    expect(run([["1", "Acme", null, 1]], [["1", "Acme", D, 1]]).records[0]?.outcome).toBe("matched");
  });
});

describe("reconcile: tolerances", () => {
  // Amount: A is 100.00 USD unless said otherwise.
  it.each<[string, number, object, ReconcileOutcome]>([
    ["exactly the absolute tolerance below is matched", 99.95, { amountTolerance: 0.05 }, "matched"],
    ["exactly the absolute tolerance above is matched", 100.05, { amountTolerance: 0.05 }, "matched"],
    ["one cent beyond it below differs", 99.94, { amountTolerance: 0.05 }, "amount-differs"],
    ["one cent beyond it above differs", 100.06, { amountTolerance: 0.05 }, "amount-differs"],
    ["no tolerance: one cent differs", 100.01, {}, "amount-differs"],
    ["exactly 1 % of A is matched", 99, { percentTolerance: 1 }, "matched"],
    ["one cent over 1 % differs", 98.99, { percentTolerance: 1 }, "amount-differs"],
    ["the larger of absolute and percent applies (absolute)", 98, { amountTolerance: 2, percentTolerance: 1 }, "matched"],
    ["the larger of absolute and percent applies (percent)", 98, { amountTolerance: 0.5, percentTolerance: 2 }, "matched"],
    ["0.1 % is exact, not a floating-point near miss", 99.9, { percentTolerance: 0.1 }, "matched"],
  ])("%s", (_name, amountB, options, outcome) => {
    expect(run([["1", "Acme", D, 100]], [["1", "Acme", D, amountB]], options).records[0]?.outcome).toBe(outcome);
  });

  it.each<[string, string, number, ReconcileOutcome]>([
    ["3 days later with ± 3 is matched", "2026-10-04", 3, "matched"],
    ["3 days earlier with ± 3 is matched", "2026-09-28", 3, "matched"],
    ["4 days later with ± 3 differs", "2026-10-05", 3, "date-differs"],
    ["4 days earlier with ± 3 differs", "2026-09-27", 3, "date-differs"],
    ["the same day with ± 0 is matched", D, 0, "matched"],
    ["one day with ± 0 differs", "2026-10-02", 0, "date-differs"],
  ])("%s", (_name, dateB, dateTolerance, outcome) => {
    expect(run([["1", "Acme", D, 100]], [["1", "Acme", dateB, 100]], { dateTolerance }).records[0]?.outcome).toBe(outcome);
  });

  it("payments-vs-bank tolerates 3 days unless told otherwise", () => {
    const bank = (days: string): Line[] => [["1", "Acme", days, 100]];
    expect(run([["1", "Acme", D, 100]], bank("2026-10-04"), { preset: "payments-vs-bank" }).records[0]?.outcome).toBe("matched");
    expect(run([["1", "Acme", D, 100]], bank("2026-10-04"), { preset: "payments-vs-bank", dateTolerance: 1 }).records[0]?.outcome).toBe(
      "date-differs",
    );
  });

  it("converts the tolerance per currency: 0.01 is a cent in USD and nothing in JPY", () => {
    const result = run(
      [
        ["1", "Acme", D, 100, "USD"],
        ["2", "Acme", D, 1000, "JPY"],
        ["3", "Acme", D, 1.5, "BHD"],
      ],
      [
        ["1", "Acme", D, 100.01, "USD"],
        ["2", "Acme", D, 1001, "JPY"],
        ["3", "Acme", D, 1.51, "BHD"],
      ],
      { amountTolerance: 0.01 },
    );
    expect(result.records.map((r) => [r.currency, r.outcome, r.variance])).toEqual([
      ["USD", "matched", -1],
      ["JPY", "amount-differs", -1],
      ["BHD", "matched", -10],
    ]);
  });

  it("keeps a tolerated variance in the tie-out", () => {
    const result = run([["1", "Acme", D, 100]], [["1", "Acme", D, 99.99]], { amountTolerance: 0.01 });
    expect(result.tieOut[0]).toMatchObject({ difference: 1, variance: 1, unmatchedA: 0, unmatchedB: 0 });
  });
});

describe("reconcile: currencies", () => {
  it("never pairs rows of one key in different currencies, and says where the key is", () => {
    const result = run([["1", "Acme", D, 100, "USD"]], [["1", "Acme", D, 100, "EUR"]]);
    expect(result.records.map((r) => [r.outcome, r.currency, r.otherCurrency])).toEqual([
      ["missing-in-b", "USD", "EUR"],
      ["missing-in-a", "EUR", "USD"],
    ]);
    expect(result.tieOut.map((tie) => [tie.currency, tie.unmatchedA, tie.unmatchedB])).toEqual([
      ["USD", 10000, 0],
      ["EUR", 0, 10000],
    ]);
  });

  it("reads the currency written in a text amount when the table has no currency column", () => {
    const a = table(
      "Ours",
      ["Invoice No", "Amount"],
      [
        ["1", "€ 1.234,50"],
        ["2", "¥1200"],
      ],
    );
    const b = table(
      "Theirs",
      ["Reference", "Amount"],
      [
        ["1", 1234.5],
        ["2", 1200],
      ],
    );
    const result = reconcile(a, b, { ...BASE, defaultCurrency: "EUR" });
    expect(result.records.map((r) => [r.outcome, r.currency, r.amountA])).toEqual([
      ["matched", "EUR", 123450],
      ["missing-in-b", "CNY", 120000],
      ["missing-in-a", "EUR", null],
    ]);
  });

  it("uses the default currency for rows that name none", () => {
    expect(run([["1", "Acme", D, 1000, null]], [["1", "Acme", D, 1000, "¥"]], { defaultCurrency: "JPY" }).records[0]).toMatchObject({
      outcome: "matched",
      currency: "JPY",
      amountA: 1000,
    });
  });
});

describe("reconcile: rows that cannot be read", () => {
  const a: Line[] = [
    ["1", "Acme", D, 100],
    ["2", "Acme", D, "abc"],
    [null, "Acme", D, 50],
    ["---", "Acme", D, 50],
    ["5", "Acme", "2026-13-45", 50],
    ["6", "Acme", "03/04/2026", 50],
    ["7", "Acme", D, 50, "XYZ"],
    ["8", "Acme", D, null],
    [null, null, null, null],
    ["Total", null, null, 350],
    ["9", "Acme", D, 70],
  ];
  const result = run(
    a,
    [
      ["1", "Acme", D, 100],
      ["9", "Acme", D, 70],
    ],
    { lang: "zh-CN" },
  );

  it("excludes and lists each one with its cell, value and a message in the user's language", () => {
    expect(result.issues.map((i) => [i.code, i.row, i.cell, i.value, i.column])).toEqual([
      ["amount.invalid", 3, "D3", "abc", "Amount"],
      ["reconcile.key.empty", 4, "A4", null, "Invoice No"],
      ["reconcile.key.invalid", 5, "A5", "---", "Invoice No"],
      ["date.invalid", 6, "C6", "2026-13-45", "Invoice Date"],
      ["date.ambiguous", 7, "C7", "03/04/2026", "Invoice Date"],
      ["currency.unknown", 8, "E8", "XYZ", "Currency"],
      ["amount.empty", 9, "D9", null, "Amount"],
    ]);
    expect(result.issues[0]?.message).toBe("金额无法识别：abc");
    expect(result.issues.every((i) => i.sheet === "Ours" && i.severity === "error")).toBe(true);
    expect(result.excluded.map((e) => [e.side, e.row])).toEqual([3, 4, 5, 6, 7, 8, 9].map((row) => ["A", row]));
  });

  it("skips blank and total rows silently and reconciles the rest", () => {
    expect(brief(result)).toEqual([
      { outcome: "matched", aRows: [2], bRows: [2], variance: 0 },
      { outcome: "matched", aRows: [12], bRows: [3], variance: 0 },
    ]);
    expect(result.tieOut[0]).toMatchObject({ totalA: 17000, totalB: 17000, rowsA: 2 });
  });

  it("reports a table without a key or amount column, and reconciles nothing from it", () => {
    const noAmount = table("Theirs", ["Reference", "Memo"], [["1", "x"]]);
    const result = reconcile(table("Ours", A_HEADER, [["1", "Acme", D, 5]]), noAmount, BASE);
    expect(result.issues.map((i) => [i.code, i.sheet, i.row])).toEqual([["reconcile.column.missing", "Theirs", null]]);
    expect(result.issues[0]?.message).toBe("Table Theirs has no amount column; it cannot be reconciled until one is mapped.");
    expect(brief(result)).toEqual([{ outcome: "missing-in-b", aRows: [2], bRows: [], variance: null }]);
  });
});

describe("reconcile: split search bounds", () => {
  it("does not search a customer with more unmatched rows than maxCandidates, and says so", () => {
    const b: Line[] = [
      ["P1", "Acme", D, 100],
      ["P2", "Acme", D, 200],
      ["P3", "Acme", D, 5],
    ];
    const result = run([["INV-1", "Acme", D, 300]], b, { splitSearchLimit: { maxCandidates: 2 } });
    expect(result.records.some((r) => r.outcome === "split")).toBe(false);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([["reconcile.split.skipped", "warning"]]);
    expect(run([["INV-1", "Acme", D, 300]], b, { splitSearchLimit: { maxCandidates: 3 } }).records[0]?.outcome).toBe("split");
  });

  it("does not search without customers on both sides", () => {
    const a = table("Ours", ["Invoice No", "Amount"], [["1", 300]]);
    const b = table(
      "Theirs",
      ["Reference", "Amount"],
      [
        ["P1", 100],
        ["P2", 200],
      ],
    );
    expect(reconcile(a, b, BASE).records.map((r) => r.outcome)).toEqual(["missing-in-b", "missing-in-a", "missing-in-a"]);
  });

  it("uses each row in at most one split", () => {
    const result = run(
      [
        ["A1", "Acme", D, 300],
        ["A2", "Acme", D, 300],
      ],
      [
        ["P1", "Acme", D, 100],
        ["P2", "Acme", D, 200],
      ],
    );
    expect(brief(result)).toEqual([
      { outcome: "split", aRows: [2], bRows: [2, 3], variance: 0 },
      { outcome: "missing-in-b", aRows: [3], bRows: [], variance: null },
    ]);
  });
});

describe("reconcile: records", () => {
  it("puts every usable row of both sides in exactly one record", () => {
    const result = run(
      [
        ["1", "Acme", D, 1],
        ["1", "Acme", D, 2],
        ["2", "Beta", D, 3],
        ["3", "Beta", D, 4],
      ],
      [
        ["1", "Acme", D, 3],
        ["2", "Beta", D, 3],
        ["2", "Beta", D, 3],
        ["4", "Beta", D, 9],
      ],
    );
    expect(result.records.flatMap((r) => r.aRows).sort()).toEqual([2, 3, 4, 5]);
    expect(result.records.flatMap((r) => r.bRows).sort()).toEqual([2, 3, 4, 5]);
    expect(recordOf(result, "A", 2)?.outcome).toBe("split");
    expect(recordOf(result, "B", 3)).toMatchObject({ outcome: "duplicate-key", manySide: "B" });
  });
});
