/**
 * Sheet-scoped names: `Worksheet.names` (ExcelApi 1.4), a `NamedItemCollection` of names whose
 * scope is one sheet. A name lives in the file with its sheet (it survives save and reopen, and
 * a copy of the sheet gets its own), which makes it a place for a marker that must stay with
 * the sheet on clients without worksheet custom properties (ExcelApi 1.12).
 *
 * Simplified: a name refers to a formula kept as text (`value` is the text of a constant string
 * formula `="…"`, else the formula); `comment` is limited to 255 characters as in Excel.
 */
import { HostError, HostErrorCode } from "./errors";
import type { SheetState } from "./model";
import { HostCollection, HostContextBase, HostObject } from "./proxy";

/** A sheet-scoped name as stored. */
export interface NameState {
  name: string;
  formula: string;
  comment: string;
}

interface NameTarget {
  sheet: SheetState;
  key: string;
}

function nameKey(name: unknown, label: string): string {
  if (typeof name !== "string" || !/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name)) {
    throw new HostError(
      HostErrorCode.invalidArgument,
      `The argument is invalid or missing or has an incorrect format: name '${String(name)}'.`,
      label,
    );
  }
  return name.toLowerCase();
}

function checkComment(comment: unknown, label: string): string {
  const text = comment === undefined ? "" : String(comment);
  if (text.length > 255)
    throw new HostError(
      HostErrorCode.invalidArgument,
      "The argument is invalid or missing or has an incorrect format: comment longer than 255 characters.",
      label,
    );
  return text;
}

/** `Excel.NamedItemCollection` of a worksheet. Names compare case-insensitively. */
export class NamedItemCollectionProxy extends HostCollection<NameTarget, NamedItemProxy> {
  protected readonly _typeName = "NamedItemCollection";
  private readonly _sheet: () => SheetState | null;

  constructor(context: HostContextBase, sheet: () => SheetState | null) {
    super(context, () => {
      const s = sheet();
      return s === null ? null : [...s.names.keys()].map((key) => ({ sheet: s, key }));
    });
    this._sheet = sheet;
  }

  protected _makeItem(e: NameTarget): NamedItemProxy {
    return new NamedItemProxy(this.context, () => e);
  }

  /** Adds a name referring to `reference` (a formula "=…" or a range address); an existing name is an error. */
  add(name: string, reference: string, comment?: string): NamedItemProxy {
    this._enqueue("add()", [name, reference, comment], true, () => {
      const s = this._sheet();
      if (s === null) return;
      const k = nameKey(name, "NamedItemCollection.add");
      if (s.names.has(k))
        throw new HostError(
          HostErrorCode.invalidArgument,
          `The argument is invalid: the name '${name}' already exists.`,
          "NamedItemCollection.add",
        );
      const formula = String(reference).startsWith("=") ? String(reference) : `=${String(reference)}`;
      s.names.set(k, { name, formula, comment: checkComment(comment, "NamedItemCollection.add") });
    });
    return this.getItem(name);
  }

  /** The name; ItemNotFound at sync otherwise. */
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => {
      const s = this._sheet();
      if (s === null) return null;
      const k = nameKey(name, "NamedItemCollection.getItem");
      if (!s.names.has(k))
        throw new HostError(
          HostErrorCode.itemNotFound,
          `The requested resource doesn't exist: name '${name}'.`,
          "NamedItemCollection.getItem",
        );
      return { sheet: s, key: k };
    });
  }

  /** The name, or a null object. */
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.context,
      () => {
        const s = this._sheet();
        if (s === null) return null;
        const k = nameKey(name, "NamedItemCollection.getItemOrNullObject");
        return s.names.has(k) ? { sheet: s, key: k } : null;
      },
      true,
    );
  }
}

/** `Excel.NamedItem` of a sheet scope. */
export class NamedItemProxy extends HostObject<NameTarget> {
  protected readonly _typeName = "NamedItem";
  protected _scalarNames(): readonly string[] {
    return ["name", "formula", "comment", "value", "type", "scope", "visible"];
  }
  protected override _checkAlive(t: NameTarget): void {
    if (!t.sheet.names.has(t.key) || t.sheet.deleted)
      throw new HostError(HostErrorCode.itemNotFound, "The requested resource doesn't exist: the name was deleted.", "NamedItem");
  }
  protected _readScalar(t: NameTarget, name: string): unknown {
    const n = t.sheet.names.get(t.key);
    if (!n) return undefined;
    const constant = /^="((?:[^"]|"")*)"$/.exec(n.formula);
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "comment":
        return n.comment;
      case "value":
        return constant ? constant[1]!.replace(/""/g, '"') : n.formula;
      case "type":
        return constant ? "String" : "Range";
      case "scope":
        return "Worksheet";
      case "visible":
        return true;
      default:
        return undefined;
    }
  }
  get name(): string {
    return this._get("name");
  }
  get formula(): string {
    return this._get("formula");
  }
  get value(): string {
    return this._get("value");
  }
  get comment(): string {
    return this._get("comment");
  }
  set comment(v: string) {
    this._set("comment", v, (t) => {
      const n = t.sheet.names.get(t.key);
      if (n) n.comment = checkComment(v, "NamedItem.comment");
    });
  }
  /** Removes the name. */
  delete(): void {
    this._call("delete", [], (t) => {
      t.sheet.names.delete(t.key);
    });
  }
}
