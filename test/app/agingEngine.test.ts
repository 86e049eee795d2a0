/**
 * The in-process aging engine: the computation every engine runs (readBook, then ageBook), its
 * progress steps, and cancellation before it starts.
 */
import { ageTables, inProcessAgingEngine, type AgingEngineInput } from "../../src/app/agingEngine";
import { isCancelled } from "../../src/app/cancel";
import type { PortProgress } from "../../src/app/port";
import { ageBook } from "../../src/engine/aging";
import { serialFromIso } from "../../src/engine/dates";
import { readBook } from "../../src/engine/read";
import { generateSampleBook } from "../../src/engine/sample";

const AS_OF = serialFromIso("2026-10-31")!;
const read = { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" } as const;
const aging = { asOf: AS_OF, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" } as const;
const input = (tables = generateSampleBook({ invoices: 80, seed: 2, asOf: AS_OF })): AgingEngineInput => ({
  tables,
  read,
  aging: { ...aging, boundaries: [...aging.boundaries] },
});

describe("ageTables", () => {
  it("is readBook then ageBook, reporting the start, the book read and the book aged", () => {
    const progress: PortProgress[] = [];
    const { book, report } = ageTables(input(), (p) => progress.push(p));
    const tables = generateSampleBook({ invoices: 80, seed: 2, asOf: AS_OF });
    const direct = ageBook(readBook(tables, read), { ...aging, boundaries: [30, 60, 90] });
    expect(direct.totals.length).toBeGreaterThan(0);
    expect(report?.totals).toEqual(direct.totals);
    expect(book.invoices.number).toEqual(direct.book.invoices.number);
    expect(progress).toEqual([0, 1, 2].map((done) => ({ stage: "compute", done, total: 3 })));
  });

  it("gives no report, after one progress step, for tables without an invoice table", () => {
    const progress: PortProgress[] = [];
    const customers = generateSampleBook({ invoices: 20, seed: 2, asOf: AS_OF })[2]!;
    const { book, report } = ageTables(input([customers]), (p) => progress.push(p));
    expect(report).toBeNull();
    expect(book.sources.invoices).toBeUndefined();
    expect(progress.map((p) => p.done)).toEqual([0]);
  });
});

describe("inProcessAgingEngine", () => {
  it("rejects as cancelled when asked after Cancel, and resolves with ageTables' figures otherwise", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await inProcessAgingEngine.age(input(), { signal: controller.signal }).catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    const { report } = await inProcessAgingEngine.age(input());
    expect(report?.totals).toEqual(ageTables(input()).report?.totals);
  });

  it("rejects (never throws synchronously) with the engine's error", async () => {
    const bad = { ...input(), aging: { ...aging, boundaries: [60, 30] } };
    await expect(inProcessAgingEngine.age(bad)).rejects.toThrow(RangeError);
  });
});
