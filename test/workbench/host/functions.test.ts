/**
 * The simulated host evaluates add-in formulas (`=AR.…`) through a pluggable function registry,
 * here the AR functions of src/functions/registry (as the workbench page wires them): literals,
 * cell and range arguments, omitted arguments, nesting, Chinese names, spills with Excel's
 * shape and #SPILL! rule, errors with their messages, and recalculation on every change.
 */
import type { Lang } from "../../../src/engine/types";
import { ageBook } from "../../../src/engine/aging";
import { fromMinor } from "../../../src/engine/money";
import { t } from "../../../src/i18n";
import { cellInfo, createWorkbench, type FunctionRegistry, type Workbench } from "../../../src/workbench/host";
import { arFunctionRegistry } from "../../../src/workbench/page/functions";
import { bookOf } from "../../engine/builders";
import { serial } from "../../functions/support";

const AS_OF = "2026-10-31";
/** The registry's "today": a fortnight after AS_OF, so an omitted as-of is visible in results. */
const TODAY = serial("2026-11-14");

/** Due dates 0, 1, 31 and 122 days before AS_OF: Current, 1-30, 31-60, 90+. */
const DUE = ["2026-10-31", "2026-10-30", "2026-09-30", "2026-07-01"];
const AMOUNTS = [120, 80.5, 300, 1000];

let wb: Workbench;
let lang: Lang;

/** A book with invoices in A1:C5 (number, due date, amount) and the AR functions registered. */
function setUp(display: Lang = "en-US"): void {
  lang = display;
  wb = createWorkbench({ functions: arFunctionRegistry(() => ({ lang, today: () => TODAY })) });
  wb.seed({
    sheets: [
      { name: "Invoices", cells: [["No", "Due", "Amount"], ...DUE.map((due, i) => [`INV-${i + 1}`, due, AMOUNTS[i]])] },
      { name: "Settings", cells: [["As of", AS_OF]] },
    ],
  });
}

/** Writes formulas (or values) through `Range.formulas`, as an add-in or the formula bar does. */
async function write(address: string, formulas: unknown[][], sheet = "Invoices"): Promise<void> {
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).formulas = formulas;
    await context.sync();
  });
}

/** Reads values, formulas and text of a range through the API. */
async function read(address: string, sheet = "Invoices"): Promise<{ values: unknown[][]; formulas: unknown[][]; text: string[][] }> {
  return wb.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values, formulas, text");
    await context.sync();
    return { values: range.values, formulas: range.formulas, text: range.text };
  });
}

/** The single value of a one-cell formula written at E1. */
async function evaluate(formula: string): Promise<unknown> {
  await write("E1", [[formula]]);
  return (await read("E1")).values[0]![0];
}

function bucketLabels(display: Lang): string[] {
  return [
    t(display, "aging.bucket.current"),
    t(display, "aging.bucket.range", { from: 1, to: 30 }),
    t(display, "aging.bucket.range", { from: 31, to: 60 }),
    t(display, "aging.bucket.range", { from: 61, to: 90 }),
    t(display, "aging.bucket.over", { days: 90 }),
  ];
}

beforeEach(() => setUp());

describe("scalar results", () => {
  it("evaluates a call with a cell and a text date", async () => {
    await expect(evaluate(`=AR.DAYSOVERDUE(B4, "${AS_OF}")`)).resolves.toBe(31);
  });

  it("takes numbers, text, TRUE/FALSE literals and cell references, any case", async () => {
    await expect(evaluate(`=ar.DaysOverdue(${serial("2026-10-01")}, Settings!B1)`)).resolves.toBe(30);
    await expect(evaluate(`=AR.DUEDATE("2026-10-15", "Net 30 EOM")`)).resolves.toBe(serial("2026-11-30"));
    await expect(evaluate("=AR.CREDITSTATUS(1000, 950)")).resolves.toBe("Near limit");
    await expect(evaluate("=AR.CREDITAVAILABLE(1000, C2)")).resolves.toBe(880);
  });

  it("uses the registry's today for an omitted as-of, whether left off or written empty", async () => {
    await expect(evaluate("=AR.DAYSOVERDUE(B2)")).resolves.toBe(14);
    await expect(evaluate('=AR.AGEBUCKET(B2,,"10,20")')).resolves.toBe("11-20");
  });

  it("nests with the evaluator's own functions in both directions", async () => {
    await expect(evaluate(`=SUM(AR.DAYSOVERDUE(B2:B5, "${AS_OF}"))`)).resolves.toBe(0 + 1 + 31 + 122);
    await expect(evaluate(`=ROUND(AR.LATEFEE(C5, B5, "${AS_OF}", "18%"), 0)`)).resolves.toBe(60);
    await expect(evaluate(`=AR.DAYSOVERDUE(B2, IF(TRUE, "2026-11-30", 0)) + 1`)).resolves.toBe(31);
    await expect(evaluate(`=IFERROR(AR.DAYSOVERDUE("not a date"), "bad date")`)).resolves.toBe("bad date");
  });

  it("shows #NAME? for an unknown name in the registry's namespace, and nothing without a registry", async () => {
    await expect(evaluate("=AR.NOSUCHFUNCTION(1)")).resolves.toBe("#NAME?");
    // As in Excel, the functions need their namespace: a bare name is an unknown function (0 here).
    await expect(evaluate("=DAYSOVERDUE(B2)")).resolves.toBe(0);
    wb.registerFunctions(null);
    await expect(read("E1")).resolves.toMatchObject({ values: [[0]] });
  });
});

describe("spilled results", () => {
  it("spills a range argument's result in the range's shape; the formula stays in its cell", async () => {
    await write("E2", [[`=AR.AGEBUCKET(B2:B5, "${AS_OF}")`]]);
    const r = await read("E2:E6");
    expect(r.values).toEqual([["Current"], ["1-30"], ["31-60"], ["90+"], [""]]);
    expect(r.formulas).toEqual([[`=AR.AGEBUCKET(B2:B5, "${AS_OF}")`], [""], [""], [""], [""]]);
    expect(cellInfo(wb.workbook.sheet("Invoices")!, 3, 4)).toMatchObject({ value: "31-60", formula: null, spilledFrom: "E2" });
  });

  it("spills rows too, and counts spilled cells in the used range", async () => {
    await write("A8", [[`=AR.DAYSOVERDUE(Settings!B1:C1, "2026-11-30")`]]);
    expect((await read("A8:C8")).values).toEqual([[30, "", ""]]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Settings").getRange("C1").values = [["2026-11-01"]];
      const used = context.workbook.worksheets.getItem("Invoices").getUsedRange().load("address");
      await context.sync();
      expect(used.address).toBe("Invoices!A1:C8");
    });
    expect((await read("A8:B8")).values).toEqual([[30, 29]]);
  });

  it("AR.AGING spills two rows equal to the engine's aging of the same rows", async () => {
    await write("E1", [[`=AR.AGING(B2:B5, C2:C5, "${AS_OF}")`]]);
    const r = await read("E1:I2");
    const book = bookOf({
      invoices: DUE.map((dueDate, i) => ({
        number: `INV-${i + 1}`,
        customer: "Acme",
        invoiceDate: "2026-06-01",
        dueDate,
        amount: AMOUNTS[i]!,
      })),
    });
    const report = ageBook(book, { asOf: serial(AS_OF), basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
    expect(r.values).toEqual([report.buckets.map((b) => b.label), report.totals[0]!.buckets.map((minor) => fromMinor(minor, 2))]);
    expect(r.values[1]).toEqual([120, 80.5, 300, 0, 1000]);
  });

  it("shows #SPILL! while a cell of the spill range holds something, and spills once it is cleared", async () => {
    await write("E4", [["in the way"]]);
    await write("E2", [[`=AR.AGEBUCKET(B2:B5, "${AS_OF}")`]]);
    expect((await read("E2:E5")).values).toEqual([["#SPILL!"], [""], ["in the way"], [""]]);
    expect(cellInfo(wb.workbook.sheet("Invoices")!, 1, 4).errorMessage).toBe("The spill range Invoices!E2:E5 isn't blank.");
    await write("E4", [[""]]);
    expect((await read("E2:E5")).values).toEqual([["Current"], ["1-30"], ["31-60"], ["90+"]]);
  });

  it("blocks a second spill that would overlap the first", async () => {
    await write("E2:F2", [[`=AR.AGEBUCKET(B2:B5, "${AS_OF}")`, `=AR.AGING(B2:B5, C2:C5, "${AS_OF}")`]]);
    expect((await read("E2:F2")).values).toEqual([["Current", "Current"]]);
    await write("D3", [[`=AR.DAYSOVERDUE(B2:C2, "${AS_OF}")`]]);
    expect((await read("D3")).values).toEqual([["#SPILL!"]]);
  });
});

describe("errors", () => {
  it("shows #VALUE! for a bad argument, with the function's message as the cell's detail", async () => {
    await expect(evaluate('=AR.DAYSOVERDUE("31.13.2026")')).resolves.toBe("#VALUE!");
    const info = cellInfo(wb.workbook.sheet("Invoices")!, 0, 4);
    expect(info.text).toBe("#VALUE!");
    expect(info.errorMessage).toMatch(/^due_date: "31\.13\.2026" is not a date/);
  });

  it("puts #VALUE! only in the spilled cell whose input is bad", async () => {
    await write("B3", [["soon"]]);
    await write("E2", [[`=AR.DAYSOVERDUE(B2:B5, "${AS_OF}")`]]);
    expect((await read("E2:E5")).values).toEqual([[0], ["#VALUE!"], [31], [122]]);
    expect(cellInfo(wb.workbook.sheet("Invoices")!, 2, 4).errorMessage).toMatch(/^due_date: "soon" is not a date/);
  });

  it("does not call a function with an error argument: the formula shows that error", async () => {
    await write("D2", [["=1/0"]]);
    await expect(evaluate("=AR.DAYSOVERDUE(D2:D3)")).resolves.toBe("#DIV/0!");
  });

  it("gives messages in the display language the registry reads at each call", async () => {
    setUp("zh-CN");
    await expect(evaluate('=AR.逾期天数("abc")')).resolves.toBe("#VALUE!");
    expect(cellInfo(wb.workbook.sheet("Invoices")!, 0, 4).errorMessage).toMatch(/^到期日：/);
  });
});

describe("Chinese function names", () => {
  it("evaluates AR.逾期天数 and spills AR.账龄区间 with Chinese bucket labels", async () => {
    setUp("zh-CN");
    await expect(evaluate(`=AR.逾期天数(B4, "${AS_OF}")`)).resolves.toBe(31);
    await write("F2", [[`=AR.账龄区间(B2:B5, "${AS_OF}")`]]);
    const labels = bucketLabels("zh-CN");
    expect((await read("F2:F5")).values).toEqual([[labels[0]], [labels[1]], [labels[2]], [labels[4]]]);
  });

  it("recalculates labels in the new language after recalculate()", async () => {
    await write("F2", [[`=AR.AGEBUCKET(B2, "${AS_OF}")`]]);
    expect((await read("F2")).values).toEqual([["Current"]]);
    lang = "zh-CN";
    wb.recalculate();
    expect((await read("F2")).values).toEqual([[bucketLabels("zh-CN")[0]]]);
  });
});

describe("recalculation", () => {
  it("recalculates scalar and spilled results when an input cell changes", async () => {
    await write("E1:E2", [[`=AR.DAYSOVERDUE(B2, Settings!B1)`], [`=AR.AGEBUCKET(B2:B5, Settings!B1)`]]);
    expect((await read("E1:E3")).values).toEqual([[0], ["Current"], ["1-30"]]);
    await write("B1", [["2026-11-30"]], "Settings");
    expect((await read("E1:E5")).values).toEqual([[30], ["1-30"], ["31-60"], ["61-90"], ["90+"]]);
  });

  it("lets a formula above a spill read the spilled cells", async () => {
    await write("G2", [[`=AR.DAYSOVERDUE(B2:B5, "${AS_OF}")`]]);
    await write("G1", [["=SUM(G2:G5)"]]);
    expect((await read("G1")).values).toEqual([[154]]);
    await write("B5", [["2026-10-01"]]);
    expect((await read("G1:G5")).values).toEqual([[62], [0], [1], [31], [30]]);
  });

  it("feeds one spill into another whatever their order on the sheet", async () => {
    // E7 reads G7:G10, which G7 spills only when it is evaluated after E7 in sheet order.
    await write("E7:G7", [["=AR.CREDITAVAILABLE(200, G7:G10)", null, `=AR.DAYSOVERDUE(B2:B5, "${AS_OF}")`]]);
    expect((await read("E7:E10")).values).toEqual([[200], [199], [169], [78]]);
    await write("B2", [["2026-09-30"]]);
    expect((await read("E7:E10")).values).toEqual([[169], [199], [169], [78]]);
  });

  it("moves a spill when its input range grows, and clears the cells it no longer covers", async () => {
    await write("E2", [[`=AR.DAYSOVERDUE(B2:B3, "${AS_OF}")`]]);
    expect((await read("E2:E4")).values).toEqual([[0], [1], [""]]);
    await write("E2", [[`=AR.DAYSOVERDUE(B2:B4, "${AS_OF}")`]]);
    expect((await read("E2:E4")).values).toEqual([[0], [1], [31]]);
    await write("E2", [[`=AR.DAYSOVERDUE(B2, "${AS_OF}")`]]);
    expect((await read("E2:E4")).values).toEqual([[0], [""], [""]]);
  });

  it("recalculates 3,000 AR formulas after a write in well under two seconds", async () => {
    const rows = 3000;
    const registry: FunctionRegistry = arFunctionRegistry(() => ({ lang: "en-US", today: () => TODAY }));
    wb = createWorkbench({ functions: registry });
    wb.seed({
      sheets: [{ name: "Big", cells: [["As of", AS_OF], ...Array.from({ length: rows }, (_, i) => [serial(AS_OF) - (i % 120), null])] }],
    });
    await write(
      `B2:B${rows + 1}`,
      Array.from({ length: rows }, (_, i) => [`=AR.AGEBUCKET(A${i + 2}, $B$1)`]),
      "Big",
    );
    const started = Date.now();
    await write("B1", [["2026-11-30"]], "Big");
    const values = (await read(`B2:B${rows + 1}`, "Big")).values;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(values[0]).toEqual(["1-30"]);
    expect(values[119]).toEqual(["90+"]);
  });
});
