import { catalogs, fill, pickLang, t, LANGS } from "../../src/i18n";

const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();

describe("message catalogs", () => {
  const entries = Object.entries(catalogs).flatMap(([area, catalog]) =>
    Object.entries(catalog).map(([id, message]) => ({ area, id, message })),
  );

  it("never defines the same id in two areas", () => {
    const seen = new Map<string, string>();
    for (const { area, id } of entries) {
      expect(seen.get(id) ?? area).toBe(area);
      seen.set(id, area);
    }
  });

  it.each(entries.map((e) => [e.id, e] as const))(
    "%s has a non-empty text in every language with the same placeholders",
    (_id, { message }) => {
      for (const lang of LANGS) expect(message[lang].trim()).not.toBe("");
      expect(placeholders(message["zh-CN"])).toEqual(placeholders(message["en-US"]));
    },
  );
});

describe("t and fill", () => {
  it("fills named placeholders and leaves unknown ones visible", () => {
    expect(fill("Row {row}, {col}", { row: 12 })).toBe("Row 12, {col}");
  });
  it("throws on an unknown id so a typo cannot ship silently", () => {
    expect(() => t("en-US", "no.such.message")).toThrow("Unknown message id");
  });
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["en-GB", "en-US"],
    [undefined, "en-US"],
  ])("maps the host language %s to %s", (tag, lang) => {
    expect(pickLang(tag)).toBe(lang);
  });
});
