import { glTieOut, type GlCandidate } from "../../../src/engine/reconcile";

const item = (kind: GlCandidate["kind"], label: string, amount: number): GlCandidate => ({ kind, label, amount });

describe("glTieOut", () => {
  const candidates = [
    item("open-item", "INV-9", 50000),
    item("unapplied-credit", "PAY-3", -12000),
    item("after-as-of", "INV-20", 7000),
    item("after-as-of", "INV-21", 3000),
  ];

  it.each<[string, number, number, string, string[]]>([
    ["no difference is balanced", 100000, 100000, "balanced", []],
    ["one item equal to the difference explains it", 150000, 100000, "single", ["INV-9"]],
    ["an unapplied credit explains a negative difference", 88000, 100000, "single", ["PAY-3"]],
    ["all documents dated after the as-of date together", 110000, 100000, "kind-total", ["INV-20", "INV-21"]],
    ["two items adding up to it", 138000, 100000, "pair", ["INV-9", "PAY-3"]],
    ["nothing that adds up exactly is unexplained, not guessed", 100001, 100000, "unexplained", []],
  ])("%s", (_name, aging, control, method, labels) => {
    const result = glTieOut(aging, control, candidates);
    expect(result.difference).toBe(aging - control);
    expect(result.method).toBe(method);
    expect(result.items.map((i) => i.label)).toEqual(labels);
  });

  it("says when more than one single item would explain the difference", () => {
    expect(glTieOut(500, 0, [item("open-item", "A", 500), item("open-item", "B", 500)])).toMatchObject({
      method: "single",
      otherMatches: 1,
    });
  });

  it("works without candidates", () => {
    expect(glTieOut(5, 2)).toMatchObject({ difference: 3, method: "unexplained", items: [] });
  });
});
