/**
 * One word per finance term: every message using a glossary term in English uses its one
 * Chinese wording, and no message uses a variant the glossary settled ("AR 信用" beside
 * 应收账龄, 清除突出显示 beside 清除标记, "Unapplied cash" beside "Unapplied credit").
 */
import { catalogs, LANGS } from "../../src/i18n";
import { GLOSSARY, type GlossaryTerm } from "../../src/i18n/glossary";

const messages = Object.entries(catalogs).flatMap(([area, catalog]) =>
  Object.entries(catalog).map(([id, message]) => ({ area, id, message })),
);

function pattern(term: GlossaryTerm): RegExp {
  const words = term.en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
  return new RegExp(`\\b${words}\\b`, term.exactCase ? "" : "i");
}

describe("the glossary", () => {
  it("has each English term once and each Chinese wording once", () => {
    expect(GLOSSARY.length).toBeGreaterThan(5);
    expect(new Set(GLOSSARY.map((term) => term.en.toLowerCase())).size).toBe(GLOSSARY.length);
    expect(new Set(GLOSSARY.map((term) => term.zh)).size).toBe(GLOSSARY.length);
  });

  it.each(GLOSSARY.map((term) => [term.en, term] as const))("“%s” has one Chinese wording in every catalog", (_en, term) => {
    const using = messages.filter(({ message }) => pattern(term).test(message["en-US"]));
    expect(using.length).toBeGreaterThan(0);
    const astray = using
      .filter(({ message }) => !message["zh-CN"].includes(term.zh))
      .map(({ area, id, message }) => `${area}/${id}: ${message["zh-CN"]}`);
    expect(astray).toEqual([]);
  });

  it.each(GLOSSARY.filter((term) => term.avoid).map((term) => [term.en, term] as const))(
    "no message uses a settled variant of “%s”",
    (_en, term) => {
      const variants = term.avoid ?? [];
      expect(variants.length).toBeGreaterThan(0);
      const found = messages.flatMap(({ area, id, message }) =>
        LANGS.flatMap((lang) =>
          variants.filter((variant) => message[lang].includes(variant)).map((variant) => `${area}/${id} (${lang}): ${variant}`),
        ),
      );
      expect(found).toEqual([]);
    },
  );

  it("names the same term the same way in the pane's Credit and Reconcile views", () => {
    const clear = messages.filter(({ message }) => message["en-US"] === "Clear highlights");
    expect(clear.length).toBeGreaterThanOrEqual(2);
    expect(new Set(clear.map(({ message }) => message["zh-CN"])).size).toBe(1);
  });
});
