/**
 * Conditional formats: `Range.conditionalFormats` (add, getItem, getItemAt, getCount, items,
 * clearAll) and the CellValue, ContainsText (`textComparison`) and Custom rule types.
 *
 * Unkind where Excel is: `ConditionalFormat.id` is not a key but the rule's priority, its
 * position among the sheet's rules ("0", "1", …). It shifts when a rule is added (a new rule
 * takes priority 0) or deleted, and a rule object got from a collection or from `getItem(id)`
 * addresses that position, not the rule first found there: delete two rules lowest position
 * first in one request and the second delete hits the rule that moved up. A rule in a saved
 * file has no id at all (see `saveAndReopen`).
 *
 * Choices where Office.js leaves room: `clearAll()` removes every rule that intersects the range
 * (Excel instead trims rules to the cells outside it); rules are validated when their `rule`
 * is set (InvalidArgument at sync for an unknown operator or a missing formula).
 */
import { Rect, intersects } from "./address";
import { normalizeColor } from "./color";
import { HostError, HostErrorCode } from "./errors";
import { evaluateFormula } from "./formula";
import { ConditionalFormatState, SheetState } from "./model";
import { HostCollection, HostContextBase, HostObject } from "./proxy";
import { RangeProxy, RangeTarget } from "./range";

const CELL_VALUE_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];
const TEXT_OPERATORS = ["Contains", "NotContains", "BeginsWith", "EndsWith"];

/** The sheet's rules in priority order (position = priority = the id Office.js reports). */
export function rulesInOrder(sheet: SheetState): ConditionalFormatState[] {
  return [...sheet.conditionalFormats].sort((a, b) => a.priority - b.priority);
}

/** Makes priorities contiguous from 0 after a rule was added or deleted, keeping their order. */
export function renumberRules(sheet: SheetState): void {
  rulesInOrder(sheet).forEach((cf, i) => (cf.priority = i));
}

/** The rule at a position of the sheet's priority order, or ItemNotFound. */
function ruleAt(sheet: SheetState, position: number, label: string): ConditionalFormatState {
  const cf = Number.isInteger(position) && !sheet.deleted ? rulesInOrder(sheet)[position] : undefined;
  if (!cf)
    throw new HostError(HostErrorCode.itemNotFound, `The requested resource doesn't exist: conditional format '${position}'.`, label);
  return cf;
}

function aliveCf(cf: ConditionalFormatState): void {
  if (!cf.sheet.conditionalFormats.includes(cf) || cf.sheet.deleted)
    throw new HostError(
      HostErrorCode.itemNotFound,
      "The requested resource doesn't exist: the conditional format was deleted.",
      "ConditionalFormat",
    );
}

/** `Excel.ConditionalFormatCollection` of a range. */
export class ConditionalFormatCollectionProxy extends HostCollection<ConditionalFormatState, ConditionalFormatProxy> {
  protected readonly _typeName = "ConditionalFormatCollection";
  private readonly _range: () => RangeTarget | null;

  constructor(context: HostContextBase, range: () => RangeTarget | null) {
    super(context, () => {
      const t = range();
      return t === null ? null : [...t.sheet.conditionalFormatsIn(t.rect)].sort((a, b) => a.priority - b.priority);
    });
    this._range = range;
  }

  protected _makeItem(e: ConditionalFormatState): ConditionalFormatProxy {
    // The item addresses the position the rule had when the collection was loaded.
    const position = rulesInOrder(e.sheet).indexOf(e);
    return new ConditionalFormatProxy(this.context, () => ruleAt(e.sheet, position, "ConditionalFormat"), false, true);
  }

  /** Adds a rule of the given Excel.ConditionalFormatType on the whole range. */
  add(type: string): ConditionalFormatProxy {
    let created: ConditionalFormatState | null | undefined;
    const proxy = new ConditionalFormatProxy(this.context, () => {
      if (created === undefined)
        throw new HostError(HostErrorCode.invalidObjectPath, "The object path was not created.", "ConditionalFormatCollection.add");
      return created;
    });
    this._enqueue("add()", [type], true, () => {
      const t = this._range();
      if (t === null) {
        created = null;
        return;
      }
      const wb = t.sheet.workbook;
      for (const cf of t.sheet.conditionalFormats) cf.priority++;
      // The internal key never reaches the API: `id` reads the priority.
      created = {
        id: wb.newId("cf"),
        sheet: t.sheet,
        rect: { ...t.rect },
        type,
        priority: 0,
        stopIfTrue: false,
        rule: {},
        format: { fill: null, fontColor: null, bold: null, italic: null },
      };
      t.sheet.conditionalFormats.push(created);
    });
    return proxy;
  }

  /** The rule whose id (priority position) is `id` at the time of use; ItemNotFound otherwise. */
  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      () => {
        const t = this._range();
        return t === null ? null : ruleAt(t.sheet, Number(id), "ConditionalFormatCollection.getItem");
      },
      false,
      true,
    );
  }

  /** The rule at a position in priority order. */
  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => {
      const list = this._bind();
      if (list === null) return null;
      const cf = list[index];
      if (!cf)
        throw new HostError(
          HostErrorCode.itemNotFound,
          `The requested resource doesn't exist: conditional format at ${index}.`,
          "ConditionalFormatCollection.getItemAt",
        );
      return cf;
    });
  }

  /** Removes every rule intersecting the range. */
  clearAll(): void {
    this._enqueue("clearAll()", [], true, () => {
      const t = this._range();
      if (t === null) return;
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, t.rect));
      renumberRules(t.sheet);
    });
  }
}

/** `Excel.ConditionalFormat`. */
export class ConditionalFormatProxy extends HostObject<ConditionalFormatState> {
  protected readonly _typeName = "ConditionalFormat";

  constructor(context: HostContextBase, resolver: () => ConditionalFormatState | null, nullable = false, positional = false) {
    super(context, resolver, nullable);
    this._stickyBinding = !positional;
  }

  protected _scalarNames(): readonly string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }

  protected override _checkAlive(cf: ConditionalFormatState): void {
    aliveCf(cf);
  }

  protected _readScalar(cf: ConditionalFormatState, name: string): unknown {
    return name === "id"
      ? String(cf.priority)
      : name === "type"
        ? cf.type
        : name === "priority"
          ? cf.priority
          : name === "stopIfTrue"
            ? cf.stopIfTrue
            : undefined;
  }

  protected override _navigation(name: string): HostObject<unknown> | undefined {
    if (name === "cellValue") return this.cellValue as HostObject<unknown>;
    if (name === "textComparison") return this.textComparison as HostObject<unknown>;
    if (name === "custom") return this.custom as HostObject<unknown>;
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(v: number) {
    this._set("priority", v, (cf) => {
      // Moving a rule shifts the others, as in Excel (negative counts from the back).
      const order = rulesInOrder(cf.sheet).filter((c) => c !== cf);
      const at = v < 0 ? Math.max(0, order.length + 1 + v) : Math.min(v, order.length);
      order.splice(at, 0, cf);
      order.forEach((c, i) => (c.priority = i));
    });
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, (cf) => {
      cf.stopIfTrue = v;
    });
  }

  private _typed<P>(type: string, make: (r: () => ConditionalFormatState | null) => P, nullable: boolean): P {
    return make(() => {
      const cf = this._bind();
      if (cf === null) return null;
      if (cf.type !== type) {
        if (nullable) return null;
        throw new HostError(
          HostErrorCode.invalidOperation,
          `The conditional format is of type ${cf.type}, not ${type}.`,
          `ConditionalFormat.${type}`,
        );
      }
      return cf;
    });
  }

  private _cv?: CellValueConditionalFormatProxy;
  private _tc?: TextConditionalFormatProxy;
  private _cu?: CustomConditionalFormatProxy;

  /** The CellValue rule (type must be "CellValue"). */
  get cellValue(): CellValueConditionalFormatProxy {
    return (this._cv ??= this._typed("CellValue", (r) => new CellValueConditionalFormatProxy(this.context, r), false));
  }
  get cellValueOrNullObject(): CellValueConditionalFormatProxy {
    return this._typed("CellValue", (r) => new CellValueConditionalFormatProxy(this.context, r, true), true);
  }
  /** The text-comparison rule (type must be "ContainsText"). */
  get textComparison(): TextConditionalFormatProxy {
    return (this._tc ??= this._typed("ContainsText", (r) => new TextConditionalFormatProxy(this.context, r), false));
  }
  get textComparisonOrNullObject(): TextConditionalFormatProxy {
    return this._typed("ContainsText", (r) => new TextConditionalFormatProxy(this.context, r, true), true);
  }
  /** The formula rule (type must be "Custom"). */
  get custom(): CustomConditionalFormatProxy {
    return (this._cu ??= this._typed("Custom", (r) => new CustomConditionalFormatProxy(this.context, r), false));
  }
  get customOrNullObject(): CustomConditionalFormatProxy {
    return this._typed("Custom", (r) => new CustomConditionalFormatProxy(this.context, r, true), true);
  }

  /** The range the rule applies to. */
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const cf = this._bind();
      return cf === null ? null : { sheet: cf.sheet, rect: { ...cf.rect } };
    });
  }

  /** Deletes the rule. */
  delete(): void {
    this._call("delete", [], (cf) => {
      cf.sheet.conditionalFormats = cf.sheet.conditionalFormats.filter((c) => c !== cf);
      renumberRules(cf.sheet);
    });
  }
}

function badRule(label: string, why: string): HostError {
  return new HostError(HostErrorCode.invalidArgument, `The argument is invalid or missing or has an incorrect format: ${why}.`, label);
}

function formulaText(v: unknown): string {
  return typeof v === "number" ? String(v) : String(v ?? "");
}

/** `Excel.CellValueConditionalFormat`: rule { formula1, formula2?, operator } and format. */
export class CellValueConditionalFormatProxy extends HostObject<ConditionalFormatState> {
  protected readonly _typeName = "CellValueConditionalFormat";
  private _format?: ConditionalRangeFormatProxy;

  protected _scalarNames(): readonly string[] {
    return ["rule"];
  }
  protected _readScalar(cf: ConditionalFormatState, name: string): unknown {
    return name === "rule" ? { ...cf.rule } : undefined;
  }
  protected override _navigation(name: string): HostObject<unknown> | undefined {
    return name === "format" ? (this.format as HostObject<unknown>) : undefined;
  }

  get rule(): { formula1: string; formula2?: string; operator: string } {
    return this._get("rule");
  }
  set rule(v: { formula1: string; formula2?: string; operator: string }) {
    this._set("rule", v, (cf) => {
      const label = "CellValueConditionalFormat.rule";
      if (!v || !CELL_VALUE_OPERATORS.includes(v.operator)) throw badRule(label, `operator '${String(v?.operator)}'`);
      if (v.formula1 === undefined || formulaText(v.formula1) === "") throw badRule(label, "formula1");
      if ((v.operator === "Between" || v.operator === "NotBetween") && (v.formula2 === undefined || formulaText(v.formula2) === ""))
        throw badRule(label, "formula2");
      cf.rule = { formula1: formulaText(v.formula1), operator: v.operator };
      if (v.formula2 !== undefined) cf.rule["formula2"] = formulaText(v.formula2);
    });
  }
  get format(): ConditionalRangeFormatProxy {
    return (this._format ??= new ConditionalRangeFormatProxy(this.context, () => this._bind()));
  }
}

/** `Excel.TextConditionalFormat`: rule { operator, text } and format. */
export class TextConditionalFormatProxy extends HostObject<ConditionalFormatState> {
  protected readonly _typeName = "TextConditionalFormat";
  private _format?: ConditionalRangeFormatProxy;

  protected _scalarNames(): readonly string[] {
    return ["rule"];
  }
  protected _readScalar(cf: ConditionalFormatState, name: string): unknown {
    return name === "rule" ? { ...cf.rule } : undefined;
  }
  protected override _navigation(name: string): HostObject<unknown> | undefined {
    return name === "format" ? (this.format as HostObject<unknown>) : undefined;
  }

  get rule(): { operator: string; text: string } {
    return this._get("rule");
  }
  set rule(v: { operator: string; text: string }) {
    this._set("rule", v, (cf) => {
      if (!v || !TEXT_OPERATORS.includes(v.operator)) throw badRule("TextConditionalFormat.rule", `operator '${String(v?.operator)}'`);
      if (typeof v.text !== "string") throw badRule("TextConditionalFormat.rule", "text");
      cf.rule = { operator: v.operator, text: v.text };
    });
  }
  get format(): ConditionalRangeFormatProxy {
    return (this._format ??= new ConditionalRangeFormatProxy(this.context, () => this._bind()));
  }
}

/** `Excel.CustomConditionalFormat`: rule.formula and format. */
export class CustomConditionalFormatProxy extends HostObject<ConditionalFormatState> {
  protected readonly _typeName = "CustomConditionalFormat";
  private _format?: ConditionalRangeFormatProxy;
  private _rule?: ConditionalFormatRuleProxy;

  protected _scalarNames(): readonly string[] {
    return [];
  }
  protected _readScalar(): unknown {
    return undefined;
  }
  protected override _navigation(name: string): HostObject<unknown> | undefined {
    if (name === "format") return this.format as HostObject<unknown>;
    if (name === "rule") return this.rule as HostObject<unknown>;
    return undefined;
  }
  get rule(): ConditionalFormatRuleProxy {
    return (this._rule ??= new ConditionalFormatRuleProxy(this.context, () => this._bind()));
  }
  get format(): ConditionalRangeFormatProxy {
    return (this._format ??= new ConditionalRangeFormatProxy(this.context, () => this._bind()));
  }
}

/** `Excel.ConditionalFormatRule` (formula of a Custom rule). */
export class ConditionalFormatRuleProxy extends HostObject<ConditionalFormatState> {
  protected readonly _typeName = "ConditionalFormatRule";
  protected _scalarNames(): readonly string[] {
    return ["formula", "formulaLocal"];
  }
  protected _readScalar(cf: ConditionalFormatState, name: string): unknown {
    return name === "formula" || name === "formulaLocal" ? (cf.rule["formula"] ?? "") : undefined;
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._set("formula", v, (cf) => {
      if (typeof v !== "string" || !v.startsWith("=")) throw badRule("ConditionalFormatRule.formula", "a formula starting with '='");
      cf.rule = { formula: v };
    });
  }
  get formulaLocal(): string {
    return this._get("formulaLocal");
  }
  set formulaLocal(v: string) {
    this.formula = v;
  }
}

/** `Excel.ConditionalRangeFormat`: fill and font of matching cells. */
export class ConditionalRangeFormatProxy extends HostObject<ConditionalFormatState> {
  protected readonly _typeName = "ConditionalRangeFormat";
  private _fill?: ConditionalRangeFillProxy;
  private _font?: ConditionalRangeFontProxy;
  protected _scalarNames(): readonly string[] {
    return [];
  }
  protected _readScalar(): unknown {
    return undefined;
  }
  protected override _navigation(name: string): HostObject<unknown> | undefined {
    if (name === "fill") return this.fill as HostObject<unknown>;
    if (name === "font") return this.font as HostObject<unknown>;
    return undefined;
  }
  get fill(): ConditionalRangeFillProxy {
    return (this._fill ??= new ConditionalRangeFillProxy(this.context, () => this._bind()));
  }
  get font(): ConditionalRangeFontProxy {
    return (this._font ??= new ConditionalRangeFontProxy(this.context, () => this._bind()));
  }
}

/** `Excel.ConditionalRangeFill`. */
export class ConditionalRangeFillProxy extends HostObject<ConditionalFormatState> {
  protected readonly _typeName = "ConditionalRangeFill";
  protected _scalarNames(): readonly string[] {
    return ["color"];
  }
  protected _readScalar(cf: ConditionalFormatState, name: string): unknown {
    return name === "color" ? cf.format.fill : undefined;
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (cf) => {
      cf.format.fill = normalizeColor(v, "ConditionalRangeFill.color");
    });
  }
  /** Removes the fill of the rule. */
  clear(): void {
    this._call("clear", [], (cf) => {
      cf.format.fill = null;
    });
  }
}

/** `Excel.ConditionalRangeFont`. */
export class ConditionalRangeFontProxy extends HostObject<ConditionalFormatState> {
  protected readonly _typeName = "ConditionalRangeFont";
  protected _scalarNames(): readonly string[] {
    return ["color", "bold", "italic"];
  }
  protected _readScalar(cf: ConditionalFormatState, name: string): unknown {
    return name === "color" ? cf.format.fontColor : name === "bold" ? cf.format.bold : name === "italic" ? cf.format.italic : undefined;
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (cf) => {
      cf.format.fontColor = normalizeColor(v, "ConditionalRangeFont.color");
    });
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, (cf) => {
      cf.format.bold = v;
    });
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, (cf) => {
      cf.format.italic = v;
    });
  }
}

/** Shifts relative A1 references in a formula by (dr, dc), as Excel applies a rule to each cell. */
function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula.replace(
    /("[^"]*")|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
    (m, quoted: string | undefined, cAbs: string, col: string, rAbs: string, row: string) => {
      if (quoted) return m;
      let c = 0;
      for (const ch of col) c = c * 26 + (ch.charCodeAt(0) - 64);
      c -= 1;
      const nc = cAbs ? c : c + dc;
      const nr = rAbs ? Number(row) : Number(row) + dr;
      if (nc < 0 || nr < 1) return "#REF!";
      let letters = "";
      for (let n = nc + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      return `${cAbs}${letters}${rAbs}${nr}`;
    },
  );
}

/** The formatting conditional formats give one cell (for the grid view), or null. */
export function conditionalStyleAt(sheet: SheetState, row: number, col: number): ConditionalFormatState["format"] | null {
  const cell: Rect = { row, col, rows: 1, cols: 1 };
  const rules = sheet.conditionalFormats.filter((cf) => intersects(cf.rect, cell)).sort((a, b) => a.priority - b.priority);
  const out: ConditionalFormatState["format"] = { fill: null, fontColor: null, bold: null, italic: null };
  let any = false;
  for (const cf of rules) {
    if (!ruleMatches(sheet, cf, row, col)) continue;
    any = true;
    out.fill ??= cf.format.fill;
    out.fontColor ??= cf.format.fontColor;
    out.bold ??= cf.format.bold;
    out.italic ??= cf.format.italic;
    if (cf.stopIfTrue) break;
  }
  return any ? out : null;
}

function ruleMatches(sheet: SheetState, cf: ConditionalFormatState, row: number, col: number): boolean {
  const v = sheet.value(row, col);
  const evalAt = (f: unknown): unknown => {
    const text = formulaText(f);
    return evaluateFormula(
      sheet.workbook,
      sheet,
      shiftFormula(text.startsWith("=") ? text : `=${text}`, row - cf.rect.row, col - cf.rect.col),
    );
  };
  if (cf.type === "CellValue") {
    const op = String(cf.rule["operator"] ?? "");
    if (v === undefined || op === "") return false;
    const a = evalAt(cf.rule["formula1"]);
    const b = cf.rule["formula2"] !== undefined ? evalAt(cf.rule["formula2"]) : undefined;
    const cmp = (x: unknown, y: unknown): number =>
      typeof x === "number" && typeof y === "number" ? x - y : String(x).toLowerCase().localeCompare(String(y).toLowerCase());
    switch (op) {
      case "EqualTo":
        return cmp(v, a) === 0;
      case "NotEqualTo":
        return cmp(v, a) !== 0;
      case "GreaterThan":
        return cmp(v, a) > 0;
      case "LessThan":
        return cmp(v, a) < 0;
      case "GreaterThanOrEqual":
        return cmp(v, a) >= 0;
      case "LessThanOrEqual":
        return cmp(v, a) <= 0;
      case "Between":
        return cmp(v, a) >= 0 && cmp(v, b) <= 0;
      case "NotBetween":
        return cmp(v, a) < 0 || cmp(v, b) > 0;
      default:
        return false;
    }
  }
  if (cf.type === "ContainsText") {
    const s = String(v ?? "").toLowerCase();
    const t = String(cf.rule["text"] ?? "").toLowerCase();
    switch (cf.rule["operator"]) {
      case "Contains":
        return s.includes(t);
      case "NotContains":
        return !s.includes(t);
      case "BeginsWith":
        return s.startsWith(t);
      case "EndsWith":
        return s.endsWith(t);
      default:
        return false;
    }
  }
  if (cf.type === "Custom" && typeof cf.rule["formula"] === "string") {
    const r = evalAt(cf.rule["formula"]);
    return r === true || (typeof r === "number" && r !== 0);
  }
  return false;
}
