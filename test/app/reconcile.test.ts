import { clearReconcileHighlights, runReconcile, type ReconcileRequest } from "../../src/app/reconcile";
import { A_HEADER, B_HEADER, table } from "../engine/reconcile/tables";
import { memoryWorkbook } from "./memoryPort";

const ours = table("Ours", A_HEADER, [
  ["INV-1", "Acme", "2026-10-01", 100, "USD"],
  ["INV-2", "Acme", "2026-10-02", 250, "USD"],
]);
const theirs = table("Theirs", B_HEADER, [
  ["INV-1", "Acme", "2026-10-01", 100, "USD"],
  ["INV-2", "Acme", "2026-10-02", 200, "USD"],
]);
const request: ReconcileRequest = {
  tableA: "Ours",
  tableB: "Theirs",
  lang: "en-US",
  dateOrder: null,
  defaultCurrency: "USD",
  period: "2026-11",
};

describe("runReconcile", () => {
  it("reconciles, writes the sheet and highlights the differing rows under the reconcile purpose", async () => {
    const port = memoryWorkbook([ours, theirs]);
    const done = await runReconcile(port, request);
    if (!done.ok) throw new Error(done.messages.join("; "));
    expect(done.result.records.map((r) => r.outcome)).toEqual(["matched", "amount-differs"]);
    expect([...port.sheets.keys()]).toEqual([done.sheet]);
    const rules = port.highlights.get("reconcile") ?? [];
    expect(rules.map((r) => `${r.sheet}!${r.address}`).sort()).toEqual(["Ours!A3:E3", "Theirs!A3:E3"]);
    expect(done.highlights).toEqual({ added: 2, skipped: 0 });
    expect(await clearReconcileHighlights(port)).toEqual({ removed: 2 });
  });

  it("is blocked, naming the table, when a table is gone", async () => {
    const port = memoryWorkbook([ours]);
    const done = await runReconcile(port, request);
    expect(done).toMatchObject({ ok: false, messages: [expect.stringContaining("Theirs")] });
    expect(port.sheets.size).toBe(0);
  });

  it("is blocked by a table without an amount column", async () => {
    const port = memoryWorkbook([ours, table("Theirs", ["Reference", "Customer"], [["INV-1", "Acme"]])]);
    const done = await runReconcile(port, request);
    expect(done.ok).toBe(false);
    if (!done.ok) expect(done.messages.length).toBeGreaterThan(0);
  });
});
