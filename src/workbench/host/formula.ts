/**
 * A tiny formula evaluator so written formulas show results instead of "#NAME?".
 *
 * Supported: numbers, "strings", TRUE/FALSE, cell and range references (A1, $A$1, A1:B9,
 * A:A, Sheet1!A1, 'My sheet'!A1:B2), operators + - * / ^ & = <> < > <= >= with Excel's
 * precedence, unary minus/plus, percent, and the functions SUM, SUBTOTAL (9/109 sum,
 * 1/101 average, 2/102 count, 3/103 counta, 4/104 max, 5/105 min; nested SUBTOTALs in the
 * range are skipped as in Excel), AVERAGE, MIN, MAX, COUNT, COUNTA, ROUND, ABS, IF, AND, OR,
 * NOT, IFERROR; omitted arguments (`IF(A1,,2)`).
 *
 * Add-in functions: a call to a name the workbook's function registry resolves
 * (`=AR.DAYSOVERDUE(D2:D20, "2026-10-31")`, `=AR.逾期天数(D2)`; names may use any script) calls
 * it as Excel calls a custom function (see ./functions.ts); its array result spills from the
 * formula's cell (the spill itself is placed by ./calc.ts). Array results also work as
 * arguments: SUM/AVERAGE/… aggregate them, other registered functions receive them.
 *
 * Deliberate simplifications: any other function evaluates to 0 (the real workbook would
 * compute it; 0 keeps totals readable in the grid view), except an unknown name in a
 * registry's namespace, which is "#NAME?"; a bare name that is neither a reference nor a
 * function is "#NAME?" (as Excel shows for text written unsafely, e.g. "=-abc"); built-in
 * functions and operators take a multi-cell array or range as #VALUE! (no implicit
 * intersection or lifting); circular references evaluate to 0; errors are the strings
 * "#DIV/0!", "#VALUE!", "#NAME?", "#REF!", "#NUM!", "#N/A", "#SPILL!".
 */
import { MAX_COLS, MAX_ROWS, parseAddress } from "./address";
import type { StoredValue } from "./cells";
import { isFunctionErrorValue, type FunctionArgument, type FunctionArgumentCell, type FunctionRegistry } from "./functions";
import type { SheetState, WorkbookState } from "./model";

/** An error value inside the evaluator: Excel's error text, and the detail a function gave. */
export class FormulaError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

type Scalar = number | string | boolean | FormulaError;
interface RangeRef {
  sheet: SheetState;
  row: number;
  col: number;
  rows: number;
  cols: number;
}
/** A function's array result (at least one cell in every row). */
class ArrayVal {
  constructor(readonly cells: Scalar[][]) {}
}
/** null is an omitted argument. */
type Val = Scalar | RangeRef | ArrayVal | null;

/** What a formula evaluates to: one value, or (from a function) an array of two or more cells to spill. */
export type FormulaResult = Scalar | Scalar[][];

/** Error texts a formula cell can hold. */
export const ERROR_TEXT = /^#(DIV\/0!|VALUE!|NAME\?|REF!|N\/A|NUM!|NULL!|SPILL!|CALC!)$/;

const NAME_START = "[\\p{L}_]";
const NAME_REST = "[\\p{L}\\p{N}_.]";

type Token =
  { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; v: string } | { t: "name"; v: string } | { t: "op"; v: string };

// Sheet prefixes and function names may be in any script ('应收'!A1, 发票!A1, AR.逾期天数).
const SHEET = `(('([^']|'')+'|${NAME_START}${NAME_REST}*)!)?`;
const REF = new RegExp(
  `^${SHEET}\\$?[A-Za-z]{1,3}\\$?\\d+(:\\$?[A-Za-z]{1,3}\\$?\\d+)?|^${SHEET}\\$?[A-Za-z]{1,3}:\\$?[A-Za-z]{1,3}(?![\\p{L}\\p{N}_(])`,
  "u",
);
const CALL = new RegExp(`^${NAME_START}${NAME_REST}*\\(`, "u");
const NAME = new RegExp(`^[\\p{L}_@]${NAME_REST}*`, "u");

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? "";
    if (ch === " ") {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const num = /^\d+(\.\d*)?([eE][+-]?\d+)?|^\.\d+/.exec(rest);
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j];
        j++;
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && !CALL.test(rest.slice(0, ref[0].length + 1))) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      out.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),%:])/.exec(rest);
    if (!op) throw new FormulaError("#NAME?");
    out.push({ t: "op", v: op[0] });
    i += op[0].length;
  }
  return out;
}

interface Env {
  wb: WorkbookState;
  sheet: SheetState;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Token[],
    private readonly env: Env,
  ) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === "op" && t.v === v;
  }

  parse(): Val {
    const v = this.compare();
    if (this.i < this.toks.length) throw new FormulaError("#NAME?");
    return v;
  }

  private compare(): Val {
    let a = this.concat();
    for (;;) {
      const t = this.peek();
      if (t?.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.v)) {
        this.i++;
        const b = this.concat();
        a = compareValues(t.v, scalar(a), scalar(b));
      } else return a;
    }
  }

  private concat(): Val {
    let a = this.additive();
    while (this.isOp("&")) {
      this.i++;
      const b = this.additive();
      const x = scalar(a);
      const y = scalar(b);
      a = x instanceof FormulaError ? x : y instanceof FormulaError ? y : text(x) + text(y);
    }
    return a;
  }

  private additive(): Val {
    let a = this.term();
    for (;;) {
      if (this.isOp("+") || this.isOp("-")) {
        const op = (this.toks[this.i++] as { v: string }).v;
        const b = this.term();
        a = arith(op, a, b);
      } else return a;
    }
  }

  private term(): Val {
    let a = this.power();
    for (;;) {
      if (this.isOp("*") || this.isOp("/")) {
        const op = (this.toks[this.i++] as { v: string }).v;
        const b = this.power();
        a = arith(op, a, b);
      } else return a;
    }
  }

  private power(): Val {
    let a = this.unary();
    while (this.isOp("^")) {
      this.i++;
      const b = this.unary();
      a = arith("^", a, b);
    }
    return a;
  }

  private unary(): Val {
    if (this.isOp("-")) {
      this.i++;
      return arith("*", -1, this.unary());
    }
    if (this.isOp("+")) {
      this.i++;
      return this.unary();
    }
    let v = this.primary();
    while (this.isOp("%")) {
      this.i++;
      v = arith("/", v, 100);
    }
    return v;
  }

  private primary(): Val {
    const t = this.toks[this.i++];
    if (!t) throw new FormulaError("#NAME?");
    if (t.t === "num") return t.v;
    if (t.t === "str") return t.v;
    if (t.t === "ref") return this.reference(t.v);
    if (t.t === "op" && t.v === "(") {
      const v = this.compare();
      if (!this.isOp(")")) throw new FormulaError("#NAME?");
      this.i++;
      return v;
    }
    if (t.t === "name") {
      const upper = t.v.toUpperCase();
      if (this.isOp("(")) {
        this.i++;
        const args: Val[] = [];
        if (!this.isOp(")")) {
          for (;;) {
            // An empty argument ("IF(A1,,2)", "AR.AGEBUCKET(D2,,\"30,60\")") is omitted.
            args.push(this.isOp(",") || this.isOp(")") ? null : this.compare());
            if (this.isOp(",")) {
              this.i++;
              continue;
            }
            break;
          }
        }
        if (!this.isOp(")")) throw new FormulaError("#NAME?");
        this.i++;
        return callFunction(upper, t.v, args, this.env);
      }
      if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
      return new FormulaError("#NAME?");
    }
    throw new FormulaError("#NAME?");
  }

  private reference(src: string): Val {
    let parsed;
    try {
      parsed = parseAddress(src.replace(/\$/g, ""));
    } catch {
      return new FormulaError("#REF!");
    }
    const sheet = parsed.sheet === null ? this.env.sheet : this.env.wb.sheet(parsed.sheet);
    if (!sheet) return new FormulaError("#REF!");
    return { sheet, ...parsed.rect };
  }
}

function isRange(v: Val): v is RangeRef {
  return v !== null && typeof v === "object" && "sheet" in v;
}

/** A cell's value for a formula; error texts of computed cells (formulas, spills) are errors. */
function cellScalar(sheet: SheetState, row: number, col: number): Scalar | undefined {
  const v = sheet.value(row, col);
  if (typeof v === "string" && v.startsWith("#") && ERROR_TEXT.test(v) && sheet.isComputed(row, col))
    return new FormulaError(v, sheet.errorMessage(row, col));
  return v;
}

function scalar(v: Val): Scalar {
  if (v === null) return 0;
  if (v instanceof ArrayVal) return v.cells.length === 1 && v.cells[0]!.length === 1 ? v.cells[0]![0]! : new FormulaError("#VALUE!");
  if (!isRange(v)) return v;
  if (v.rows === 1 && v.cols === 1) return cellScalar(v.sheet, v.row, v.col) ?? 0;
  return new FormulaError("#VALUE!");
}

function text(v: Scalar): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function num(v: Scalar): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : new FormulaError("#VALUE!");
}

function arith(op: string, a: Val, b: Val): Scalar {
  const x = num(scalar(a));
  const y = num(scalar(b));
  if (x instanceof FormulaError) return x;
  if (y instanceof FormulaError) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? new FormulaError("#DIV/0!") : x / y;
    default:
      return Math.pow(x, y);
  }
}

function compareValues(op: string, a: Scalar, b: Scalar): Scalar {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const rank = (v: number | string | boolean): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let c: number;
  if (rank(a) !== rank(b)) c = rank(a) - rank(b);
  else if (typeof a === "string" && typeof b === "string")
    c = a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  else c = Number(a) - Number(b);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

/**
 * The rows of a range that can hold anything (a whole-column reference stops at the last row
 * holding a value, formula or spilled value); spills into the range are placed first.
 */
function rangeRows(a: RangeRef): { first: number; end: number } {
  a.sheet.workbook.calc.prepare(a.sheet, a);
  const filled = Math.max(a.sheet.values.length, a.sheet.formulas.length, a.sheet.workbook.calc.spillRowCount(a.sheet));
  return { first: a.row, end: a.rows === MAX_ROWS ? Math.min(a.row + a.rows, filled) : a.row + a.rows };
}

/** Whether a sheet row has no content at all (sparse storage: skip it without visiting cells). */
function emptyRow(sheet: SheetState, row: number): boolean {
  return !sheet.values[row] && !sheet.formulas[row] && !sheet.workbook.calc.hasSpillRow(sheet, row);
}

/** Visits the cells of an argument: numbers count only when they come from a cell or literal. */
function eachValue(args: Val[], visit: (v: Scalar, fromRange: boolean) => void, skipSubtotals = false): void {
  for (const a of args) {
    if (a === null) continue;
    if (a instanceof ArrayVal) {
      for (const row of a.cells) for (const v of row) visit(v, true);
      continue;
    }
    if (!isRange(a)) {
      visit(a, false);
      continue;
    }
    const { first, end } = rangeRows(a);
    for (let r = first; r < end; r++) {
      if (emptyRow(a.sheet, r)) continue;
      for (let c = a.col; c < a.col + a.cols; c++) {
        if (skipSubtotals && /SUBTOTAL\s*\(/i.test(a.sheet.formula(r, c) ?? "")) continue;
        const v = cellScalar(a.sheet, r, c);
        if (v !== undefined) visit(v, true);
      }
    }
  }
}

function aggregate(kind: string, args: Val[], skipSubtotals = false): Scalar {
  let sum = 0;
  let count = 0;
  let counta = 0;
  let max = -Infinity;
  let min = Infinity;
  let err: FormulaError | null = null;
  eachValue(
    args,
    (v, fromRange) => {
      if (v instanceof FormulaError) {
        err ??= v;
        return;
      }
      counta++;
      let n: number | null = null;
      if (typeof v === "number") n = v;
      else if (!fromRange) {
        const m = num(v);
        if (m instanceof FormulaError) {
          err ??= m;
          return;
        }
        n = m;
      }
      if (n === null) return;
      sum += n;
      count++;
      if (n > max) max = n;
      if (n < min) min = n;
    },
    skipSubtotals,
  );
  if (err && kind !== "COUNTA" && kind !== "COUNT") return err;
  switch (kind) {
    case "SUM":
      return sum;
    case "AVERAGE":
      return count === 0 ? new FormulaError("#DIV/0!") : sum / count;
    case "COUNT":
      return count;
    case "COUNTA":
      return counta;
    case "MAX":
      return count === 0 ? 0 : max;
    default:
      return count === 0 ? 0 : min;
  }
}

/** Argument `i` as written (null when written empty), or `fallback` when the call stops before it. */
function argAt(args: Val[], i: number, fallback: Val): Val {
  return i < args.length ? (args[i] as Val) : fallback;
}

const SUBTOTAL_KINDS: Record<number, string> = { 1: "AVERAGE", 2: "COUNT", 3: "COUNTA", 4: "MAX", 5: "MIN", 9: "SUM" };

function callFunction(name: string, written: string, args: Val[], env: Env): Val {
  switch (name) {
    case "SUM":
    case "AVERAGE":
    case "COUNT":
    case "COUNTA":
    case "MAX":
    case "MIN":
      return aggregate(name, args);
    case "SUBTOTAL": {
      const code = num(scalar(args[0] ?? 0));
      if (code instanceof FormulaError) return code;
      const kind = SUBTOTAL_KINDS[code > 100 ? code - 100 : code];
      return kind ? aggregate(kind, args.slice(1), true) : 0;
    }
    case "ROUND": {
      const x = num(scalar(args[0] ?? 0));
      const d = num(scalar(args[1] ?? 0));
      if (x instanceof FormulaError) return x;
      if (d instanceof FormulaError) return d;
      const f = Math.pow(10, d);
      return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
    }
    case "ABS": {
      const x = num(scalar(args[0] ?? 0));
      return x instanceof FormulaError ? x : Math.abs(x);
    }
    case "IF": {
      const c = scalar(args[0] ?? false);
      if (c instanceof FormulaError) return c;
      const truthy = typeof c === "string" ? c !== "" : Boolean(c);
      // IF(c, x) is FALSE when c is false; an omitted branch written as "IF(c,,x)" is 0 (null).
      return scalar(truthy ? argAt(args, 1, true) : argAt(args, 2, false));
    }
    case "IFERROR": {
      const v = scalar(args[0] ?? 0);
      return v instanceof FormulaError ? scalar(args[1] ?? "") : v;
    }
    case "AND":
    case "OR": {
      const bools: boolean[] = [];
      eachValue(args, (v) => {
        if (!(v instanceof FormulaError) && v !== "") bools.push(Boolean(num(v) instanceof FormulaError ? v : num(v)));
      });
      return name === "AND" ? bools.every(Boolean) : bools.some(Boolean);
    }
    case "NOT": {
      const v = num(scalar(args[0] ?? false));
      return v instanceof FormulaError ? v : v === 0;
    }
    default: {
      const registry = env.wb.functions;
      const fn = registry?.resolve(written) ?? null;
      if (fn) return callRegistered(fn, args);
      if (registry && inNamespace(registry, name)) return new FormulaError("#NAME?");
      return 0;
    }
  }
}

function inNamespace(registry: FunctionRegistry, name: string): boolean {
  const dot = name.indexOf(".");
  if (dot <= 0) return false;
  const ns = name.slice(0, dot);
  return (registry.namespaces ?? []).some((n) => n.toUpperCase() === ns);
}

/** A range's values as a registered function receives them; the first error cell instead, if any. */
function rangeArgument(a: RangeRef): FunctionArgumentCell[][] | FormulaError {
  const { first, end } = rangeRows(a);
  // A whole-row reference stops at the last column any row uses (as rows stop at the last row).
  let cols = a.cols;
  if (a.cols === MAX_COLS) {
    const used = a.sheet.usedRect(true);
    cols = used ? Math.max(1, Math.min(a.cols, used.col + used.cols - a.col)) : 1;
  }
  const out: FunctionArgumentCell[][] = [];
  for (let r = first; r < Math.max(end, first + 1); r++) {
    const row: FunctionArgumentCell[] = new Array<FunctionArgumentCell>(cols);
    const blank = emptyRow(a.sheet, r);
    for (let j = 0; j < cols; j++) {
      const v = blank ? undefined : cellScalar(a.sheet, r, a.col + j);
      if (v instanceof FormulaError) return v;
      row[j] = v ?? "";
    }
    out.push(row);
  }
  return out;
}

/** Calls a registered function as Excel calls a custom function (see ./functions.ts). */
function callRegistered(fn: (...args: FunctionArgument[]) => unknown, args: Val[]): Val {
  const passed: FunctionArgument[] = [];
  for (const a of args) {
    if (a === null) passed.push(null);
    else if (a instanceof FormulaError) return a;
    else if (a instanceof ArrayVal) {
      const cells: FunctionArgumentCell[][] = [];
      for (const row of a.cells) {
        const out: FunctionArgumentCell[] = [];
        for (const v of row) {
          if (v instanceof FormulaError) return v;
          out.push(v);
        }
        cells.push(out);
      }
      passed.push(cells);
    } else if (isRange(a)) {
      const grid = rangeArgument(a);
      if (grid instanceof FormulaError) return grid;
      passed.push(grid);
    } else passed.push(a);
  }
  let result: unknown;
  try {
    result = fn(...passed);
  } catch (error) {
    if (isFunctionErrorValue(error)) return new FormulaError(error.excelText, error.message);
    return new FormulaError("#VALUE!", error instanceof Error ? error.message : String(error));
  }
  if (!Array.isArray(result)) return resultScalar(result);
  const rows = result as unknown[];
  if (rows.length === 0) return new FormulaError("#CALC!", "The function returned an empty array.");
  const width = rows.reduce<number>((m, row) => Math.max(m, Array.isArray(row) ? row.length : 1), 0);
  if (width === 0) return new FormulaError("#CALC!", "The function returned an empty array.");
  // Rows shorter than the widest are padded with #N/A, as Excel pads a ragged array.
  const cells = rows.map((row) => {
    const values = Array.isArray(row) ? (row as unknown[]) : [row];
    return Array.from({ length: width }, (_, j) => (j < values.length ? resultScalar(values[j]) : new FormulaError("#N/A")));
  });
  return cells.length === 1 && width === 1 ? cells[0]![0]! : new ArrayVal(cells);
}

/** One result cell as the evaluator holds it. */
function resultScalar(value: unknown): Scalar {
  if (typeof value === "number") return Number.isFinite(value) ? value : new FormulaError("#NUM!");
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value === null || value === undefined) return "";
  if (isFunctionErrorValue(value)) return new FormulaError(value.excelText, value.message);
  return new FormulaError("#VALUE!");
}

function parse(wb: WorkbookState, sheet: SheetState, formula: string): Val {
  try {
    return new Parser(tokenize(formula.replace(/^=/, "")), { wb, sheet }).parse();
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
}

/**
 * Evaluates a cell's formula: one value, or the array a function returned (two or more cells)
 * for the caller to spill. A multi-cell range on its own is #VALUE! (no implicit spill of
 * references in this simulation).
 */
export function evaluateFormulaResult(wb: WorkbookState, sheet: SheetState, formula: string): FormulaResult {
  const v = parse(wb, sheet, formula);
  return v instanceof ArrayVal ? v.cells : scalar(v);
}

/**
 * Evaluates a formula ("=SUM(A1:A9)") in the context of a cell (conditional-format rules) to
 * one value; errors come back as their display strings, an array as #VALUE!.
 */
export function evaluateFormula(wb: WorkbookState, sheet: SheetState, formula: string): StoredValue {
  const v = scalar(parse(wb, sheet, formula));
  return v instanceof FormulaError ? v.code : v;
}

/**
 * Whether a formula calls a function of the registry (its result may spill), judged from its
 * tokens: a name followed by "(" that the registry resolves.
 */
export function callsRegistry(formula: string, registry: FunctionRegistry): boolean {
  let toks: Token[];
  try {
    toks = tokenize(formula.replace(/^=/, ""));
  } catch {
    return false;
  }
  return toks.some((t, i) => {
    const next = toks[i + 1];
    return t.t === "name" && next?.t === "op" && next.v === "(" && registry.resolve(t.v) !== null;
  });
}
