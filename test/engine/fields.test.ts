/**
 * The fields of each role: what the mapping view offers and what a saved mapping may name.
 */
import { FIELDS_BY_ROLE, isField } from "../../src/engine/fields";
import { HEADER_SYNONYMS } from "../../src/engine/read/headers";
import type { Role } from "../../src/engine/types";

describe("FIELDS_BY_ROLE", () => {
  it.each(Object.keys(FIELDS_BY_ROLE) as Role[])("offers every %s field the headings can name, each once", (role) => {
    const offered = FIELDS_BY_ROLE[role];
    expect(offered.length).toBeGreaterThan(0);
    expect(new Set(offered).size).toBe(offered.length);
    expect([...offered].sort()).toEqual(Object.keys(HEADER_SYNONYMS[role]).sort());
  });
});

describe("isField", () => {
  it.each(["dueDate", "paymentReference", "hold"])("%j is a field", (name) => expect(isField(name)).toBe(true));
  it.each(["dueDay", "", "constructor"])("%j is not", (name) => expect(isField(name)).toBe(false));
});
