/**
 * The Office.js proxy model: request contexts, queued operations, `load`, `sync`, client
 * results, null objects and collections.
 *
 * What is simulated, and how:
 * - Every method call and property set on a proxy is appended to its context's queue; nothing
 *   touches the workbook until `context.sync()`.
 * - A proxy is bound to its target the first time a queued operation uses it during a sync
 *   (as Office.js instantiates an object path at its first use in a request) and stays bound:
 *   a worksheet proxy follows its sheet through renames; a range proxy keeps its cells.
 *   `getUsedRange()` is therefore computed where it is first used in the queue.
 * - `load(...)` marks properties; at sync they are snapshotted (in queue order) and become
 *   readable once the whole request has succeeded. Reading a property that was neither loaded
 *   nor set throws `PropertyNotLoaded`. Setting a property also makes the set value readable
 *   locally, as Office.js does.
 * - A request fails at the first failing operation: operations before it have been applied
 *   (Excel does not roll back), later ones do not run, no loaded value of that request is
 *   delivered, and `sync()` rejects with `{ code, message, debugInfo }`.
 * - `*OrNullObject` proxies report `isNullObject` after the next sync. Loads, property sets
 *   and method calls on a null object (and on objects reached from it) do nothing, so
 *   `getItemOrNullObject(x).delete()` is a safe "delete if present"; reading a property of a
 *   null object throws `PropertyNotLoaded`.
 */
import { HostError, HostErrorCode, propertyNotLoaded } from "./errors";
import { jsonUtf8Bytes } from "./payload";

/** What a queued operation hands back when it has something to deliver after the request. */
export interface Delivery {
  /** Estimated bytes of this operation's part of the response. */
  bytes: number;
  /** Applies the loaded values to the proxies; called only if the whole request succeeds. */
  commit: () => void;
}

/** One queued operation. */
export interface QueuedOp {
  /** Statement label, e.g. "Range.values" or "WorksheetCollection.add". */
  label: string;
  /** Arguments as they would be serialised into the request (for the byte estimate). */
  args: unknown;
  /** True for operations that change the workbook (drives change notifications). */
  mutates: boolean;
  run: () => Delivery | void;
  /** Type name of the proxy the operation was queued on (for the request-size estimate). */
  owner?: string;
  /** The proxy itself: each distinct object costs an object path once per request. */
  target?: object;
}

/** The host runtime a context talks to (implemented by the workbench). */
export interface HostRuntime {
  /** Executes one request; resolves when applied, rejects with a HostError. */
  execute(ctx: HostContextBase, ops: QueuedOp[], nullChecks: HostObject<unknown>[]): Promise<void>;
}

/** Base of `Excel.RequestContext`: owns the queue and `sync()`. */
export class HostContextBase {
  /** @internal queued operations of the next request */
  _queue: QueuedOp[] = [];
  /** @internal null objects created since the last sync */
  _nullChecks: HostObject<unknown>[] = [];
  /** Office.js exposes tracked objects; tracking has no effect in the simulated host. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly runtime: HostRuntime) {}

  /** Sends the queued operations as one request (one round trip). */
  sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this._queue;
    const checks = this._nullChecks;
    this._queue = [];
    this._nullChecks = [];
    return this.runtime.execute(this, ops, checks).then(() => passThroughValue as T);
  }

  /** `context.load(object, properties)` is the same as `object.load(properties)`. */
  load<O extends HostObject<unknown>>(object: O, option?: LoadOption): O {
    object.load(option);
    return object;
  }

  /** Statements that the next sync would send, like `context.debugInfo.pendingStatements`. */
  get debugInfo(): { pendingStatements: string[] } {
    return { pendingStatements: this._queue.map((op) => op.label) };
  }
}

/** What `load` accepts: "a, b/c", ["a", "b/c"], { select, expand } or { a: true, b: { c: true } }. */
export type LoadOption =
  string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown> | undefined;

/** Normalises a load option to property paths ("format/font/bold"); [] means all scalars. */
export function loadPaths(option: LoadOption): string[] {
  if (option === undefined || option === null) return [];
  if (typeof option === "string")
    return option
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  if (Array.isArray(option)) return option.flatMap((s) => loadPaths(s));
  const o = option as Record<string, unknown>;
  if ("select" in o || "expand" in o) {
    return [...loadPaths(o["select"] as LoadOption), ...loadPaths(o["expand"] as LoadOption)];
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k.startsWith("$")) continue;
    if (v === true) out.push(k);
    else if (v && typeof v === "object") {
      const sub = loadPaths(v as LoadOption);
      if (sub.length === 0) out.push(k);
      else out.push(...sub.map((s) => `${k}/${s}`));
    }
  }
  return out;
}

/** `OfficeExtension.ClientResult`: a value delivered by a sync. */
export class HostClientResult<T> {
  private has = false;
  private v: T | undefined;

  /** The value; throws ValueNotLoaded before the sync that delivers it. */
  get value(): T {
    if (!this.has)
      throw new HostError(
        HostErrorCode.valueNotLoaded,
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    return this.v as T;
  }

  /** @internal */
  _set(v: T): void {
    this.v = v;
    this.has = true;
  }
}

function approxBytes(v: unknown): number {
  // Bytes, not UTF-16 code units: a CJK memo is three bytes a character in the response.
  return jsonUtf8Bytes(v);
}

/**
 * Base of every proxy (`OfficeExtension.ClientObject`). `T` is the model object it is bound to.
 */
export abstract class HostObject<T> {
  /** Type name used in statements and errors ("Range", "Worksheet"). */
  protected abstract readonly _typeName: string;
  private readonly _resolver: () => T | null;
  private _bound = false;
  private _target: T | null = null;
  private _isNull: boolean | undefined;
  private readonly _values = new Map<string, unknown>();
  /**
   * False for objects Office.js addresses by a position (a conditional format's id is its
   * priority): such a proxy finds its target again at every use, so it follows the position,
   * not the object it first found there.
   */
  protected _stickyBinding = true;

  constructor(
    /** The request context this proxy belongs to. */
    readonly context: HostContextBase,
    resolver: () => T | null,
    nullable = false,
  ) {
    this._resolver = resolver;
    if (nullable) context._nullChecks.push(this as HostObject<unknown>);
  }

  /** Scalar properties loaded by `load()` with no arguments. */
  protected abstract _scalarNames(): readonly string[];

  /** Reads a scalar property from the model (called during a sync). */
  protected abstract _readScalar(target: T, name: string): unknown;

  /** A navigation property (another proxy), if `name` is one. */
  protected _navigation(_name: string): HostObject<unknown> | undefined {
    return undefined;
  }

  /** Throws if a bound target is no longer valid (e.g. its sheet was deleted). */
  protected _checkAlive(_target: T): void {}

  /** True after a sync when the object does not exist (`*OrNullObject`). */
  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._typeName, "isNullObject");
    return this._isNull;
  }

  /**
   * @internal Binds the proxy to its model object during a sync; null for a null object.
   * Throws the resolver's error (ItemNotFound, …) otherwise.
   */
  _bind(): T | null {
    if (!this._bound || !this._stickyBinding) {
      const t = this._resolver();
      this._target = t;
      this._bound = true;
      this._isNull = t === null;
    }
    if (this._target !== null) this._checkAlive(this._target);
    return this._target;
  }

  /** @internal Resolves a null-object check at the end of a sync (errors mean "null"). */
  _resolveNullCheck(): void {
    try {
      this._bind();
    } catch (e) {
      if (!(e instanceof HostError)) throw e;
      this._bound = true;
      this._target = null;
      this._isNull = true;
    }
  }

  /** Queues the loading of properties; they are readable after the next sync. */
  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this._enqueue("load", paths, false, () => this._snapshot(paths));
    return this;
  }

  /** Office.js object tracking; no effect here. */
  track(): this {
    return this;
  }

  /** Office.js object tracking; no effect here. */
  untrack(): this {
    return this;
  }

  /** The loaded properties as a plain object. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }

  /** @internal Snapshots the given paths now (during a sync). */
  _snapshot(paths: string[]): Delivery {
    const target = this._bind();
    const own: string[] = [];
    const nav = new Map<string, string[]>();
    const scalars = this._scalarNames();
    if (paths.length === 0) own.push(...scalars);
    for (const p of paths) {
      const slash = p.indexOf("/");
      const head = slash >= 0 ? p.slice(0, slash) : p;
      const rest = slash >= 0 ? p.slice(slash + 1) : "";
      const child = this._navigation(head);
      if (child) {
        const list = nav.get(head) ?? [];
        if (rest !== "") list.push(rest);
        nav.set(head, list);
      } else if (scalars.includes(head) && rest === "") {
        if (!own.includes(head)) own.push(head);
      } else {
        throw new HostError(
          HostErrorCode.invalidArgument,
          `The property '${p}' does not exist on ${this._typeName}.`,
          `${this._typeName}.load`,
        );
      }
    }
    if (target === null) return { bytes: 0, commit: () => undefined };
    const values = own.map((n) => this._readScalar(target, n));
    let bytes = 0;
    for (const v of values) bytes += approxBytes(v);
    const children: Delivery[] = [];
    for (const [name, sub] of nav) {
      const child = this._navigation(name);
      if (child) children.push(child._snapshot(sub));
    }
    for (const c of children) bytes += c.bytes;
    return {
      bytes,
      commit: () => {
        own.forEach((n, i) => this._values.set(n, values[i]));
        for (const c of children) c.commit();
      },
    };
  }

  /** @internal Queues an operation on this proxy. */
  protected _enqueue(name: string, args: unknown, mutates: boolean, run: () => Delivery | void): void {
    this.context._queue.push({ label: `${this._typeName}.${name}`, args, mutates, run, owner: this._typeName, target: this });
  }

  /** Reads a loaded (or locally set) property; throws PropertyNotLoaded otherwise. */
  protected _get<V>(name: string): V {
    if (!this._values.has(name) || this._isNull === true) throw propertyNotLoaded(this._typeName, name);
    return this._values.get(name) as V;
  }

  /** Queues a property write; the value is readable locally at once. */
  protected _set(name: string, value: unknown, apply: (target: T) => void): void {
    this._values.set(name, value);
    this._enqueue(name, value, true, () => {
      const t = this._bind();
      if (t !== null) apply(t);
    });
  }

  /** Queues a method call with no result. */
  protected _call(name: string, args: unknown[], apply: (target: T) => void, mutates = true): void {
    this._enqueue(`${name}()`, args, mutates, () => {
      const t = this._bind();
      if (t !== null) apply(t);
    });
  }

  /** Queues a method call whose result arrives in a ClientResult after the sync. */
  protected _callResult<R>(name: string, args: unknown[], compute: (target: T) => R, mutates = false): HostClientResult<R> {
    const result = new HostClientResult<R>();
    this._enqueue(`${name}()`, args, mutates, () => {
      const t = this._bind();
      const v = t === null ? (null as R) : compute(t);
      return { bytes: approxBytes(v), commit: () => result._set(v) };
    });
    return result;
  }
}

/**
 * Base of collections: `items` after load; `load("name")` and `load("items/name")` both load
 * `name` on every item, `load()` loads every scalar of every item.
 */
export abstract class HostCollection<E, P extends HostObject<E>> extends HostObject<E[]> {
  private _items: P[] | undefined;

  /** Creates the item proxy bound to one model object. */
  protected abstract _makeItem(entity: E): P;

  protected _scalarNames(): readonly string[] {
    return [];
  }

  protected _readScalar(): unknown {
    return undefined;
  }

  /** The loaded items; throws PropertyNotLoaded before `load` + `sync`. */
  get items(): P[] {
    if (this._items === undefined) throw propertyNotLoaded(this._typeName, "items");
    return this._items;
  }

  /** @internal */
  override _snapshot(paths: string[]): Delivery {
    const list = this._bind();
    if (list === null) return { bytes: 0, commit: () => undefined };
    const itemPaths = paths.filter((p) => p !== "items" && p !== "$all").map((p) => (p.startsWith("items/") ? p.slice(6) : p));
    const items = list.map((e) => this._makeItem(e));
    const deliveries = items.map((it) => it._snapshot(itemPaths));
    let bytes = 2;
    for (const d of deliveries) bytes += d.bytes + 2;
    return {
      bytes,
      commit: () => {
        this._items = items;
        for (const d of deliveries) d.commit();
      },
    };
  }

  /** Number of items, delivered by the next sync. */
  getCount(): HostClientResult<number> {
    return this._callResult("getCount", [], (list) => list.length);
  }
}
