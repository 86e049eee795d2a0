/**
 * A tiny formula evaluator so written formulas show results instead of "#NAME?".
 *
 * Supported: numbers, "strings", TRUE/FALSE, cell and range references (A1, $A$1, A1:B9,
 * A:A, Sheet1!A1, 'My sheet'!A1:B2), operators + - * / ^ & = <> < > <= >= with Excel's
 * precedence, unary minus/plus, percent, and the functions SUM, SUBTOTAL (9/109 sum,
 * 1/101 average, 2/102 count, 3/103 counta, 4/104 max, 5/105 min; nested SUBTOTALs in the
 * range are skipped as in Excel), AVERAGE, MIN, MAX, COUNT, COUNTA, ROUND, ABS, IF, AND, OR,
 * NOT, IFERROR.
 *
 * Deliberate simplifications: any other function evaluates to 0 (the real workbook would
 * compute it; 0 keeps totals readable in the grid view); a bare name that is neither a
 * reference nor a function is "#NAME?" (as Excel shows for text written unsafely, e.g.
 * "=-abc"); circular references evaluate to 0; errors are the strings "#DIV/0!",
 * "#VALUE!", "#NAME?", "#REF!".
 */
import { MAX_ROWS, parseAddress } from "./address";
import type { StoredValue } from "./cells";
import type { SheetState, WorkbookState } from "./model";

class FormulaError {
  constructor(readonly code: string) {}
}

type Scalar = number | string | boolean | FormulaError;
interface RangeRef {
  sheet: SheetState;
  row: number;
  col: number;
  rows: number;
  cols: number;
}
type Val = Scalar | RangeRef;

type Token = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; v: string } | { t: "name"; v: string } | { t: "op"; v: string };

const REF = /^(('([^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?|^(('([^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\w(])/;

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
    if (ref && !/^[A-Za-z_][\w.]*\(/.test(rest.slice(0, ref[0].length + 1))) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Za-z_@][\w.]*/.exec(rest);
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

const inProgress = new Set<string>();

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
            args.push(this.compare());
            if (this.isOp(",")) {
              this.i++;
              continue;
            }
            break;
          }
        }
        if (!this.isOp(")")) throw new FormulaError("#NAME?");
        this.i++;
        return callFunction(upper, args);
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
  return typeof v === "object" && !(v instanceof FormulaError);
}

function cellScalar(sheet: SheetState, row: number, col: number): Scalar | undefined {
  const v = sheet.value(row, col);
  return typeof v === "string" && /^#(DIV\/0!|VALUE!|NAME\?|REF!|N\/A|NUM!|NULL!)$/.test(v) && sheet.formula(row, col) !== undefined ? new FormulaError(v) : v;
}

function scalar(v: Val): Scalar {
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
  else if (typeof a === "string" && typeof b === "string") c = a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
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

/** Visits the cells of an argument: numbers count only when they come from a cell or literal. */
function eachValue(args: Val[], visit: (v: Scalar, fromRange: boolean) => void, skipSubtotals = false): void {
  for (const a of args) {
    if (!isRange(a)) {
      visit(a, false);
      continue;
    }
    const lastRow = Math.min(a.row + a.rows, a.rows === MAX_ROWS ? Math.max(a.sheet.values.length, a.sheet.formulas.length) : a.row + a.rows);
    for (let r = a.row; r < lastRow; r++) {
      if (!a.sheet.values[r] && !a.sheet.formulas[r]) continue;
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

const SUBTOTAL_KINDS: Record<number, string> = { 1: "AVERAGE", 2: "COUNT", 3: "COUNTA", 4: "MAX", 5: "MIN", 9: "SUM" };

function callFunction(name: string, args: Val[]): Val {
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
      return scalar(truthy ? args[1] ?? true : args[2] ?? false);
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
    default:
      return 0;
  }
}

/**
 * Evaluates a formula ("=SUM(A1:A9)") in the context of a cell. Returns a stored value;
 * errors come back as their display strings.
 */
export function evaluateFormula(wb: WorkbookState, sheet: SheetState, formula: string, row: number, col: number): StoredValue {
  const key = `${sheet.id}!${row},${col}`;
  if (inProgress.has(key)) return 0;
  inProgress.add(key);
  try {
    const v = scalar(new Parser(tokenize(formula.replace(/^=/, "")), { wb, sheet }).parse());
    if (v instanceof FormulaError) return v.code;
    return v;
  } catch (e) {
    if (e instanceof FormulaError) return e.code;
    throw e;
  } finally {
    inProgress.delete(key);
  }
}
