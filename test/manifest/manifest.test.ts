/**
 * @jest-environment jsdom
 *
 * Invariants of manifest.xml that Office checks only when it loads the add-in (and
 * `office-addin-manifest validate` only online): resources defined and short enough, one shared
 * runtime resid, https URLs, icons present at their declared sizes, every string translated,
 * ribbon actions registered by the commands module.
 */
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_URL, normalizeBaseUrl, rewriteManifest } = require("../../scripts/manifest-url.js") as {
  DEV_URL: string;
  normalizeBaseUrl: (url: string) => string;
  rewriteManifest: (xml: string, baseUrl: string) => string;
};

const ROOT = path.join(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");

/** All elements with this local name (namespace prefixes ignored). */
function all(localName: string, root: Document | Element = doc): Element[] {
  return Array.from(root.getElementsByTagName("*")).filter((e) => e.localName === localName);
}
function one(localName: string, root: Document | Element = doc): Element {
  const found = all(localName, root);
  expect(found).toHaveLength(1);
  return found[0]!;
}
function childElements(e: Element): Element[] {
  return Array.from(e.children);
}
/** The one direct child of `parent` with this local name. */
function child(localName: string, parent: Element = doc.documentElement): Element {
  const found = childElements(parent).filter((e) => e.localName === localName);
  expect(found).toHaveLength(1);
  return found[0]!;
}
function xsiType(e: Element): string | null {
  return e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type");
}

const resources = one("Resources");
/** id -> defining element, over bt:Images, bt:Urls, bt:ShortStrings and bt:LongStrings. */
const defined = new Map<string, Element>();
for (const group of childElements(resources)) {
  for (const item of childElements(group)) defined.set(item.getAttribute("id") ?? "", item);
}
const referenced = Array.from(doc.getElementsByTagName("*"))
  .filter((e) => e.hasAttribute("resid"))
  .map((e) => ({ element: e, resid: e.getAttribute("resid")! }));

function groupOf(id: string): string {
  return defined.get(id)!.parentElement!.localName;
}
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
function localFile(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return path.join(ROOT, url.slice(DEV_URL.length));
}

describe("manifest.xml", () => {
  it("is well-formed XML for a task pane add-in in Excel", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const hosts = all("Host").filter((h) => h.getAttribute("Name"));
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
  });

  it("requires SharedRuntime 1.1", () => {
    const set = all("Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(set?.getAttribute("MinVersion")).toBe("1.1");
  });

  it("defines every resid it references, each at most 32 characters", () => {
    expect(referenced.length).toBeGreaterThan(0);
    for (const { resid } of referenced) {
      expect({ resid, defined: defined.has(resid) }).toEqual({ resid, defined: true });
    }
    for (const id of defined.keys()) {
      expect(id.length).toBeGreaterThan(0);
      expect({ id, length: id.length <= 32 }).toEqual({ id, length: true });
      // Nothing defined and never used.
      expect({ id, used: referenced.some((r) => r.resid === id) }).toEqual({ id, used: true });
    }
    expect(new Set(Array.from(defined.keys())).size).toBe(defined.size);
  });

  it("puts Runtimes first under the Workbook host, with one long-lived runtime", () => {
    const host = all("Host").find((h) => xsiType(h) === "Workbook")!;
    expect(childElements(host)[0]?.localName).toBe("Runtimes");
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
  });

  it("shares one resid between Runtime, FunctionFile and the custom functions Page", () => {
    const runtimeResid = one("Runtime").getAttribute("resid");
    expect(runtimeResid).toBeTruthy();
    expect(one("FunctionFile").getAttribute("resid")).toBe(runtimeResid);
    expect(all("Page")).toHaveLength(1);
    for (const page of all("Page")) {
      expect(one("SourceLocation", page).getAttribute("resid")).toBe(runtimeResid);
    }
    // The task pane button opens the same page, so pane and commands share the runtime.
    const showTaskpane = all("Action").filter((a) => xsiType(a) === "ShowTaskpane");
    expect(showTaskpane.length).toBeGreaterThan(0);
    for (const action of showTaskpane) {
      expect(one("SourceLocation", action).getAttribute("resid")).toBe(runtimeResid);
      expect(all("TaskpaneId", action)).toHaveLength(0);
    }
    // The runtime page is the default source location too.
    const sourceDefault = one("SourceLocation", one("DefaultSettings")).getAttribute("DefaultValue");
    expect(defined.get(runtimeResid!)!.getAttribute("DefaultValue")).toBe(sourceDefault);
  });

  it("declares the AR custom functions with Chinese metadata", () => {
    const point = all("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expect(point.parentElement?.localName).toBe("AllFormFactors");
    const url = (parent: string) => defined.get(one("SourceLocation", one(parent, point)).getAttribute("resid")!)!;
    expect(url("Script").getAttribute("DefaultValue")).toBe(`${DEV_URL}functions.js`);
    const metadata = url("Metadata");
    expect(metadata.getAttribute("DefaultValue")).toBe(`${DEV_URL}functions.json`);
    const zh = all("Override", metadata).filter((o) => o.getAttribute("Locale")?.toLowerCase() === "zh-cn");
    expect(zh.map((o) => o.getAttribute("Value"))).toEqual([`${DEV_URL}functions.zh-cn.json`]);
    expect(defined.get(one("Namespace", point).getAttribute("resid")!)!.getAttribute("DefaultValue")).toBe("AR");
    // The build emits what the manifest names.
    const config = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
    expect(config).toContain('output: "functions.json"');
    expect(config).toContain('output: "functions.zh-cn.json"');
  });

  it("uses https for every URL", () => {
    const urls: string[] = [];
    for (const e of Array.from(doc.getElementsByTagName("*"))) {
      for (const attr of ["DefaultValue", "Value"]) {
        const v = e.getAttribute(attr);
        if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      }
    }
    for (const e of [...all("Image"), ...all("Url")].filter((e) => e.parentElement?.localName !== "Icon")) {
      urls.push(e.getAttribute("DefaultValue") ?? "");
    }
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      expect(url.length).toBeLessThanOrEqual(2048);
    }
  });

  it("ships icons in assets/ at the sizes it declares (16/32/80 for commands, 32/64 for the add-in, 128 for the store)", () => {
    // Ribbon images: the declared size must match the file.
    const sizesByResid = new Map<string, Set<number>>();
    for (const image of all("Image").filter((e) => e.hasAttribute("resid"))) {
      const id = image.getAttribute("resid")!;
      if (!sizesByResid.has(id)) sizesByResid.set(id, new Set());
      sizesByResid.get(id)!.add(Number(image.getAttribute("size")));
    }
    expect(new Set(Array.from(sizesByResid.values()).flatMap((s) => Array.from(s)))).toEqual(new Set([16, 32, 80]));
    for (const [id, sizes] of sizesByResid) {
      expect(groupOf(id)).toBe("Images");
      expect(sizes.size).toBe(1);
      const [size] = Array.from(sizes);
      const file = localFile(defined.get(id)!.getAttribute("DefaultValue")!);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    const icon = localFile(one("IconUrl").getAttribute("DefaultValue")!);
    expect(pngSize(icon)).toEqual({ width: 32, height: 32 });
    const highRes = localFile(one("HighResolutionIconUrl").getAttribute("DefaultValue")!);
    expect(pngSize(highRes)).toEqual({ width: 64, height: 64 });
    expect(pngSize(path.join(ROOT, "assets", "icon-128.png"))).toEqual({ width: 128, height: 128 });
  });

  it("points every URL at a file the build serves", () => {
    // Build outputs: the pages, the custom functions script and metadata.
    const served = new Set(["taskpane.html", "functions.js", "functions.json", "functions.zh-cn.json"]);
    for (const e of Array.from(doc.getElementsByTagName("*"))) {
      const v = e.getAttribute("DefaultValue") ?? e.getAttribute("Value");
      if (!v || !v.startsWith("https://")) continue;
      const rel = v.slice(DEV_URL.length);
      if (served.has(rel)) continue;
      if (rel === "help.html") expect(fs.existsSync(path.join(ROOT, "assets", "help.html"))).toBe(true);
      else expect(fs.existsSync(path.join(ROOT, rel))).toBe(true);
    }
  });

  it("keeps strings within Office's limits (short 125, long 250) and non-empty", () => {
    const check = (e: Element, max: number) => {
      const values = [e.getAttribute("DefaultValue") ?? "", ...all("Override", e).map((o) => o.getAttribute("Value") ?? "")];
      for (const v of values) {
        expect(v.trim().length).toBeGreaterThan(0);
        expect({ id: e.getAttribute("id") ?? e.localName, v, ok: v.length <= max }).toEqual({
          id: e.getAttribute("id") ?? e.localName,
          v,
          ok: true,
        });
      }
    };
    for (const s of childElements(one("ShortStrings"))) check(s, 125);
    for (const s of childElements(one("LongStrings"))) check(s, 250);
    check(child("DisplayName"), 125);
    check(child("Description"), 250);
  });

  it("has a zh-CN override for every user-facing string", () => {
    // The functions namespace is part of every formula (=AR.逾期天数) and is not translated.
    const strings = [
      ...childElements(one("ShortStrings")),
      ...childElements(one("LongStrings")),
      child("DisplayName"),
      child("Description"),
    ].filter((s) => s.getAttribute("id") !== "Functions.Namespace");
    expect(strings.length).toBeGreaterThanOrEqual(8);
    for (const s of strings) {
      const zh = all("Override", s).filter((o) => o.getAttribute("Locale") === "zh-CN");
      expect({ id: s.getAttribute("id") ?? s.localName, overrides: zh.length }).toEqual({
        id: s.getAttribute("id") ?? s.localName,
        overrides: 1,
      });
      const value = zh[0]!.getAttribute("Value")!;
      expect(value).not.toBe(s.getAttribute("DefaultValue"));
      // Han characters, or the product name alone.
      expect(/[\u4e00-\u9fff]/.test(value) || value === "AR Desk").toBe(true);
    }
  });

  it("puts an AR Desk group with two buttons on the Home tab", () => {
    const tab = one("OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const group = one("Group", tab);
    expect(defined.get(child("Label", group).getAttribute("resid")!)!.getAttribute("DefaultValue")).toBe("AR Desk");
    const controls = all("Control", group);
    const labels = controls.map((c) => defined.get(child("Label", c).getAttribute("resid")!)!.getAttribute("DefaultValue"));
    expect(labels).toEqual(["Open AR Desk", "Monthly aging"]);
    const ids = [group, ...controls].map((e) => e.getAttribute("id")!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
    expect(controls.map((c) => xsiType(one("Action", c)))).toEqual(["ShowTaskpane", "ExecuteFunction"]);
  });

  it("names only ribbon actions that src/commands registers with Office.actions.associate", () => {
    const functionNames = all("FunctionName").map((f) => f.textContent!.trim());
    expect(functionNames).toEqual(["ARDesk.MonthlyAging"]);
    const dir = path.join(ROOT, "src", "commands");
    const source = fs
      .readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
    // associate("ARDesk.X", …) or associate(SOME_ID, …) with SOME_ID = "ARDesk.X" (or a key: "ARDesk.X").
    const associated = new Set<string>();
    for (const m of Array.from(source.matchAll(/Office\.actions\.associate\(\s*(?:["'`]([^"'`]+)["'`]|([\w$.]+))/g))) {
      if (m[1]) associated.add(m[1]);
      else {
        const name = m[2]!.split(".").pop()!;
        const decl = new RegExp(`\\b${name}\\s*[:=]\\s*["'\`]([^"'\`]+)["'\`]`).exec(source);
        if (decl) associated.add(decl[1]!);
      }
    }
    for (const name of functionNames) expect({ name, associated: associated.has(name) }).toEqual({ name, associated: true });
  });
});

describe("manifest URL rewriting for production builds", () => {
  it("replaces every development URL with the base URL", () => {
    const out = rewriteManifest(xml, "https://example.com/ardesk");
    expect(out).not.toContain("localhost");
    expect(out).toContain('DefaultValue="https://example.com/ardesk/taskpane.html"');
    expect(out).toContain('DefaultValue="https://example.com/ardesk/assets/icon-80.png"');
    expect(new DOMParser().parseFromString(out, "application/xml").getElementsByTagName("parsererror")).toHaveLength(0);
  });

  it("refuses base URLs Office would not load", () => {
    expect(() => normalizeBaseUrl("http://example.com/")).toThrow(/https/);
    expect(() => normalizeBaseUrl("example.com")).toThrow(/not a URL/);
    expect(() => normalizeBaseUrl("https://example.com/?x=1")).toThrow(/query/);
    expect(normalizeBaseUrl("https://example.com/a/")).toBe("https://example.com/a/");
  });
});
