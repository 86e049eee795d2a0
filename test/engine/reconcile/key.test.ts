import fc from "fast-check";
import { DEFAULT_KEY_PREFIXES, normalizeMatchKey } from "../../../src/engine/reconcile";

describe("normalizeMatchKey", () => {
  // Each row: written key, key matched on, explanation shown to the user.
  it.each([
    ["12", "12", "unchanged"],
    ["INV-0012", "12", "case ignored; prefix “INV-” removed; 2 leading zeros removed"],
    ["inv0012", "12", "prefix “inv” removed; 2 leading zeros removed"],
    ["IN 12", "12", "case ignored; prefix “IN” removed"],
    ["No. 00345", "345", "case ignored; prefix “No.” removed; 2 leading zeros removed"],
    ["#12", "12", "prefix “#” removed"],
    ["ＩＮＶ－００１２", "12", "full-width characters made half-width; case ignored; prefix “INV-” removed; 2 leading zeros removed"],
    ["发票号：00345", "345", "full-width characters made half-width; prefix “发票号:” removed; 2 leading zeros removed"],
    ["发票 12", "12", "prefix “发票” removed"],
    ["单号0078", "78", "prefix “单号” removed; 2 leading zeros removed"],
    ["INV-2026-0012", "202612", "case ignored; prefix “INV-” removed; “-” removed; 2 leading zeros removed"],
    ["INV-A12", "a12", "case ignored; prefix “INV-” removed"],
    ["INTL-5", "intl5", "case ignored; “-” removed"],
    ["INVOICE", "invoice", "case ignored"],
    ["INV", "inv", "case ignored"],
    ["INV-000", "0", "case ignored; prefix “INV-” removed; 2 leading zeros removed"],
    ["CN-0007", "cn7", "case ignored; “-” removed; 3 leading zeros removed"],
    [" 12 34 ", "1234", "“␠” removed"],
    ["---", "", "“-” removed"],
  ])("%p matches on %p (%s)", (text, key, explanation) => {
    const result = normalizeMatchKey(text);
    expect(result.key).toBe(key);
    expect(result.explanation).toBe(explanation);
  });

  it("explains in Chinese", () => {
    expect(normalizeMatchKey("INV-0012", { lang: "zh-CN" }).explanation).toBe("忽略大小写；去掉前缀“INV-”；去掉 2 个前导零");
  });

  it("takes its prefixes from the options, so a ledger's own prefix can be added", () => {
    expect(normalizeMatchKey("SO-0042").key).toBe("so42");
    expect(normalizeMatchKey("SO-0042", { prefixes: [...DEFAULT_KEY_PREFIXES, "SO-"] }).key).toBe("42");
    expect(normalizeMatchKey("INV-0042", { prefixes: [] }).key).toBe("inv42");
  });

  it("gives the same key to the ways people write one invoice number", () => {
    const keys = ["INV-000123", "inv 123", "INV123", "123", "ＩＮＶ１２３", "No.123", "#00123", "发票123"].map(
      (k) => normalizeMatchKey(k).key,
    );
    expect(new Set(keys)).toEqual(new Set(["123"]));
  });

  it.each([
    ["0 0", "0"],
    ["0-12", "12"],
    ["INV-000", "0"],
    ["2026-0012", "202612"],
    ["0A0", "0a0"],
  ])("reads the digit runs of %s as %s", (text, key) => {
    expect(normalizeMatchKey(text).key).toBe(key);
    expect(normalizeMatchKey(key).key).toBe(key);
  });

  it("is idempotent once no prefix is left", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = normalizeMatchKey(text, { prefixes: [] }).key;
        return normalizeMatchKey(once, { prefixes: [] }).key === once;
      }),
    );
  });

  it("keeps only letters and digits, and records a change for every character it drops", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { key, changes } = normalizeMatchKey(text);
        expect(key).toMatch(/^[\p{L}\p{N}]*$/u);
        if (key !== text) expect(changes.length).toBeGreaterThan(0);
      }),
    );
  });
});
