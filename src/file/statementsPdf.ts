/**
 * Statements and balance confirmations as PDF files (pdfkit): one file per customer and
 * currency, A4 for Chinese and Letter for US English, fonts embedded (subset). Chinese text needs
 * a font with CJK glyphs: one found on the system (Noto Sans CJK on Linux, Microsoft YaHei /
 * SimSun on Windows, PingFang / Heiti on macOS) or given by the user; a missing font is a
 * {@link PdfFontError} naming what was looked for, never a PDF of empty boxes.
 *
 * The parsed font is shared by every document of a run: parsing a CJK collection per file would
 * cost more than the page itself. pdfkit parses it (with its own fontkit) once, in a probe
 * document, and takes the parsed font for every later document.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import PDFDocument from "pdfkit";
import { isoFromSerial } from "../engine/dates";
import { formatMoney } from "../engine/money";
import {
  activityHeadings,
  collectionStageText,
  companyLines,
  confirmationContent,
  openItemsHeadings,
  paperFor,
  type CompanyInfo,
  type CustomerDetails,
  type Statement,
  type StatementDocumentKind,
  type StatementSet,
} from "../engine/statements";
import type { Lang } from "../engine/types";
import { t } from "../i18n";
import { indexOpenTypeLookups } from "./otLookups";

/** A font file and, for a collection (.ttc), the PostScript name of the face to use. */
export interface FontCandidate {
  file: string;
  family?: string;
}

/** Fonts with Chinese glyphs, in order of preference, on Linux, Windows and macOS. */
export const CJK_FONT_CANDIDATES: readonly FontCandidate[] = [
  { file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "NotoSansCJKsc-Regular" },
  { file: "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", family: "NotoSansCJKsc-Regular" },
  { file: "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", family: "NotoSansCJKsc-Regular" },
  { file: "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf" },
  { file: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", family: "WenQuanYiMicroHei" },
  { file: "C:\\Windows\\Fonts\\msyh.ttc", family: "MicrosoftYaHei" },
  { file: "C:\\Windows\\Fonts\\simsun.ttc", family: "SimSun" },
  { file: "C:\\Windows\\Fonts\\simhei.ttf" },
  { file: "/System/Library/Fonts/PingFang.ttc", family: "PingFangSC-Regular" },
  { file: "/System/Library/Fonts/STHeiti Light.ttc", family: "STHeitiSC-Light" },
  { file: "/Library/Fonts/Arial Unicode.ttf" },
];

/** Latin fonts for statements without Chinese text, when no CJK font is present. */
export const LATIN_FONT_CANDIDATES: readonly FontCandidate[] = [
  { file: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" },
  { file: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf" },
  { file: "C:\\Windows\\Fonts\\arial.ttf" },
  { file: "/System/Library/Fonts/Supplemental/Arial.ttf" },
  { file: "/Library/Fonts/Arial.ttf" },
];

/** No usable font: `looked` lists the files tried (or the one given that could not be used). */
export class PdfFontError extends Error {
  constructor(
    readonly looked: string[],
    readonly detail: string | null,
  ) {
    super(detail ?? `No font with Chinese characters found (looked for ${looked.join(", ")})`);
    this.name = "PdfFontError";
  }
}

/** The parts of a parsed (fontkit) font this module uses. */
interface ParsedFont {
  layout: (...args: never[]) => unknown;
  hasGlyphForCodePoint(codePoint: number): boolean;
  /** Present on fonts opened here: see withRunCaches. */
  completeGlyphTables?: (tables: GlyphTables) => void;
}

/** A parsed font ready for pdfkit (shared by all documents of a run). */
export interface PdfFont {
  file: string;
  /** The face's PostScript name, for a collection. */
  family: string | undefined;
  font: ParsedFont;
  /** True when the font has Chinese glyphs. */
  cjk: boolean;
}

/**
 * True when text holds characters a Latin-only font lacks (CJK ideographs, kana, hangul,
 * full-width forms).
 *
 * @example
 * needsCjkFont("Acme Corp") // false
 * needsCjkFont("北京远景")    // true
 */
export function needsCjkFont(text: string): boolean {
  return /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(text);
}

/**
 * Opens the font for a run: `fontFile` when given (a .ttc takes its Simplified Chinese face, else
 * its first), else the first CJK candidate present, else — only when no text needs Chinese
 * glyphs — a Latin one. Throws {@link PdfFontError} naming what was looked for.
 *
 * @example
 * const font = loadPdfFont({ needsCjk: true }); // Noto Sans CJK SC on Debian
 */
export function loadPdfFont(options: {
  needsCjk: boolean;
  fontFile?: string;
  candidates?: readonly FontCandidate[];
  latin?: readonly FontCandidate[];
}): PdfFont {
  if (options.fontFile) return openFont({ file: options.fontFile }, true);
  const candidates = options.candidates ?? CJK_FONT_CANDIDATES;
  const found = candidates.find((c) => existsSync(c.file));
  if (found) return openFont(found, false);
  if (!options.needsCjk) {
    const latin = (options.latin ?? LATIN_FONT_CANDIDATES).find((c) => existsSync(c.file));
    if (latin) return openFont(latin, false);
  }
  throw new PdfFontError(
    candidates.map((c) => c.file),
    null,
  );
}

/**
 * The first Latin font present, or null. English statements without Chinese text use it: a
 * TrueType subset is much cheaper to embed than a subset of a CJK OpenType (CFF) font.
 *
 * @example
 * loadLatinFont()?.file // "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" on Debian
 */
export function loadLatinFont(candidates: readonly FontCandidate[] = LATIN_FONT_CANDIDATES): PdfFont | null {
  const found = candidates.find((c) => existsSync(c.file));
  return found ? openFont(found, false) : null;
}

function openFont(candidate: FontCandidate, given: boolean): PdfFont {
  let bytes: Buffer;
  try {
    bytes = readFileSync(candidate.file);
  } catch (error) {
    throw new PdfFontError([candidate.file], given ? (error as Error).message : null);
  }
  // A collection without a named face: its Simplified Chinese face when it has one, else the first.
  let family = candidate.family;
  if (family === undefined && bytes.toString("latin1", 0, 4) === "ttcf") {
    const faces = collectionFaceNames(bytes);
    family = faces.find((name) => /SC|Hans|GB/i.test(name)) ?? faces[0];
  }
  let font: ParsedFont | undefined;
  try {
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.registerFont("probe", bytes, family as string);
    probe.font("probe");
    font = (probe as unknown as { _font?: { font?: ParsedFont } })._font?.font;
  } catch (error) {
    throw new PdfFontError([candidate.file], (error as Error).message);
  }
  if (!font || typeof font.layout !== "function") throw new PdfFontError([candidate.file], "not a TrueType or OpenType font");
  indexOpenTypeLookups(font as unknown as { layout: (text: string) => unknown });
  return { file: candidate.file, family, font: withRunCaches(font), cjk: font.hasGlyphForCodePoint(0x5bf9) };
}

/** Most shaped strings a run keeps: labels, dates and amounts repeat across statements. */
const LAYOUT_CACHE_LIMIT = 20000;
/** Glyphs a run's shared CFF subset may grow to before a fresh one starts (bounds each file's size). */
const SHARED_SUBSET_LIMIT = 2500;

/** The parts of a fontkit subset used here. */
interface FontSubset {
  glyphs: number[];
  cff?: unknown;
  strings?: unknown;
  encode(): Uint8Array;
}

/** Glyph widths and code points of a pdfkit font, by subset glyph id (as pdfkit keeps them). */
interface GlyphTables {
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
}

/**
 * The font with two things remembered across the documents of a run:
 * - text shaping: pdfkit shapes every string through `font.layout` and caches only within one
 *   document; statements repeat the same labels, dates and amounts in every file. pdfkit
 *   scales a run's positions in place, so each document gets its own copy of them (see
 *   freshPositions); the glyphs it only reads are shared;
 * - for CFF (OpenType/CJK) fonts, the glyph subset: encoding a CFF subset is most of the cost
 *   of a page, so documents share one growing subset whose encoding is redone only when a
 *   document brings new glyphs. Glyph ids of a subset never change, so every document's text
 *   stays valid; {@link completeGlyphTables} gives each document the widths and code points of
 *   the glyphs it embeds without drawing them (pdfkit writes both tables from its own records).
 */
function withRunCaches(font: ParsedFont): ParsedFont & { completeGlyphTables(tables: GlyphTables): void } {
  const cache = new Map<string, GlyphRun>();
  const layout = font.layout.bind(font) as (text: string, features?: unknown) => unknown;
  const cached = (text: string, features?: unknown): unknown => {
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = cache.get(key);
    if (run === undefined) {
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      run = layout(text, features) as GlyphRun;
      cache.set(key, run);
    }
    return freshPositions(run);
  };
  const createSubset = (font as unknown as { createSubset(): FontSubset }).createSubset.bind(font);
  let shared: { subset: FontSubset; tables: GlyphTables; encoded: { count: number; bytes: Uint8Array } | null } | null = null;
  const sharedSubset = (): FontSubset => {
    const fresh = createSubset();
    if (fresh.cff == null) return fresh;
    if (!shared || shared.subset.glyphs.length >= SHARED_SUBSET_LIMIT) {
      const subset = fresh;
      const state: NonNullable<typeof shared> = { subset, tables: { widths: [], unicode: [] }, encoded: null };
      const encode = subset.encode.bind(subset);
      subset.encode = () => {
        if (!state.encoded || state.encoded.count !== subset.glyphs.length) {
          // The string index is appended to on every encoding; start it afresh.
          subset.strings = undefined;
          state.encoded = { count: subset.glyphs.length, bytes: encode() };
        }
        return state.encoded.bytes;
      };
      shared = state;
    }
    return shared.subset;
  };
  const completeGlyphTables = (tables: GlyphTables): void => {
    if (!shared) return;
    const own = shared.tables;
    for (let gid = 0; gid < shared.subset.glyphs.length; gid++) {
      if (tables.widths[gid] == null) tables.widths[gid] = own.widths[gid];
      else own.widths[gid] = tables.widths[gid];
      if (tables.unicode[gid] == null) tables.unicode[gid] = own.unicode[gid] ?? [];
      else own.unicode[gid] = tables.unicode[gid];
    }
  };
  return new Proxy(font, {
    get: (target, name, receiver) => {
      if (name === "layout") return cached;
      if (name === "createSubset") return sharedSubset;
      if (name === "completeGlyphTables") return completeGlyphTables;
      return Reflect.get(target, name, receiver) as unknown;
    },
  }) as ParsedFont & { completeGlyphTables(tables: GlyphTables): void };
}

/** The parts of a fontkit glyph run pdfkit reads; it scales `positions` in place to its units. */
interface GlyphRun {
  glyphs: unknown[];
  positions: object[];
}

/**
 * The run with positions of its own: pdfkit scales a run's positions in place (to 1/1000 em) in
 * every document that shapes it, so a run shared across documents must hand each one fresh
 * positions, or a font whose em is not 1000 units draws later documents with shrinking spacing.
 * Glyphs are only read and stay shared; prototypes are kept (the run's advanceWidth is a getter
 * summing its positions).
 */
function freshPositions(run: GlyphRun): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object | null) as GlyphRun, run);
  copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object | null) as object, p));
  return copy;
}

/**
 * PostScript names of the faces of a TrueType/OpenType collection (.ttc), read from each face's
 * `name` table (name id 6); empty when the bytes are not a readable collection.
 *
 * @example
 * collectionFaceNames(readFileSync("NotoSansCJK-Regular.ttc")) // ["NotoSansCJKjp-Regular", "NotoSansCJKkr-Regular", "NotoSansCJKsc-Regular", …]
 */
export function collectionFaceNames(bytes: Buffer): string[] {
  if (bytes.length < 12 || bytes.toString("latin1", 0, 4) !== "ttcf") return [];
  const count = bytes.readUInt32BE(8);
  const names: string[] = [];
  for (let f = 0; f < count && 12 + 4 * f + 4 <= bytes.length; f++) {
    const face = bytes.readUInt32BE(12 + 4 * f);
    if (face + 12 > bytes.length) continue;
    const tables = bytes.readUInt16BE(face + 4);
    for (let k = 0; k < tables; k++) {
      const entry = face + 12 + 16 * k;
      if (entry + 16 > bytes.length || bytes.toString("latin1", entry, entry + 4) !== "name") continue;
      const name = postScriptName(bytes, bytes.readUInt32BE(entry + 8));
      if (name) names.push(name);
    }
  }
  return names;
}

function postScriptName(bytes: Buffer, table: number): string | null {
  if (table + 6 > bytes.length) return null;
  const count = bytes.readUInt16BE(table + 2);
  const strings = table + bytes.readUInt16BE(table + 4);
  for (let r = 0; r < count; r++) {
    const record = table + 6 + 12 * r;
    if (record + 12 > bytes.length) return null;
    const platform = bytes.readUInt16BE(record);
    if (bytes.readUInt16BE(record + 6) !== 6) continue;
    const length = bytes.readUInt16BE(record + 8);
    const start = strings + bytes.readUInt16BE(record + 10);
    if (start + length > bytes.length) return null;
    if (platform === 1) return bytes.toString("latin1", start, start + length);
    if (platform === 3 || platform === 0)
      return Buffer.from(bytes.subarray(start, start + length))
        .swap16()
        .toString("utf16le");
  }
  return null;
}

/** What every PDF of a run shares. */
export interface PdfRunOptions {
  document: StatementDocumentKind;
  lang: Lang;
  company: CompanyInfo;
  font: PdfFont;
  /** A Latin font for English statements whose text has no Chinese characters (faster to embed). */
  latinFont?: PdfFont | null;
  details?: (customer: number) => CustomerDetails;
  openItems?: boolean;
  /** Excel serial of the day the files are made (the PDF's creation date). */
  createdOn: number;
}

const MARGIN = 40;
const PAPER = { A4: [595.28, 841.89], Letter: [612, 792] } as const;

/** Amount digits without the currency code (the column says the currency). */
const amount = (minor: number, currency: string, lang: Lang): string => formatMoney(minor, currency, lang).replace(/\s+[A-Z]{3}$/, "");

/**
 * One statement (or confirmation) as PDF bytes.
 *
 * @example
 * const bytes = await statementPdf(set, set.statements[0], { document: "statement", lang: "en-US", company, font, createdOn: 46330 });
 */
export function statementPdf(set: StatementSet, statement: Statement, options: PdfRunOptions): Promise<Buffer> {
  const paper = paperFor(options.lang);
  const [width, height] = PAPER[paper];
  const doc = new PDFDocument({
    size: paper.toUpperCase(),
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    // No default font: pdfkit would parse its Helvetica metrics for every document, and the
    // run's own font is set before any text.
    font: null as unknown as string,
    info: {
      Title: `${options.document === "statement" ? t(options.lang, "statements.title") : t(options.lang, "confirmation.title")} – ${statement.customer}`,
      Author: options.company.name,
      Producer: "AR Desk",
      Creator: "AR Desk",
      CreationDate: new Date((options.createdOn - 25569) * 86400000),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const chosen = fontFor(statement, options);
  doc.registerFont("body", chosen.font as unknown as string);
  doc.font("body");
  const page = { width, height, bottom: height - MARGIN - 24 };
  companyBlock(doc, options, page);
  if (options.document === "statement") statementBody(doc, set, statement, options, page);
  else confirmationBody(doc, set, statement, options, page);
  footers(doc, options.lang, page);
  // A shared subset may hold glyphs this document did not draw: give it their widths and code points.
  const embedded = (doc as unknown as { _font?: GlyphTables })._font;
  if (embedded) chosen.font.completeGlyphTables?.(embedded);
  doc.end();
  return done;
}

/** The run's font for this statement: the Latin one when it can print every character. */
function fontFor(s: Statement, options: PdfRunOptions): PdfFont {
  const latin = options.latinFont;
  if (!latin || options.lang !== "en-US") return options.font;
  const details = options.details?.(s.customerIndex);
  const texts = [s.customer, JSON.stringify(options.company), details?.address, details?.contact, details?.email];
  if (texts.some((text) => text && needsCjkFont(text))) return options.font;
  for (const line of s.lines)
    if (needsCjkFont(line.ref) || (line.description && needsCjkFont(line.description)) || (line.po && needsCjkFont(line.po)))
      return options.font;
  for (const item of s.openItems) if (needsCjkFont(item.ref)) return options.font;
  return latin;
}

interface Page {
  width: number;
  height: number;
  /** Lowest y for content (the footer sits below). */
  bottom: number;
}

function companyBlock(doc: PDFKit.PDFDocument, options: PdfRunOptions, _page: Page): void {
  const { lang, company } = options;
  doc.fontSize(15).text(company.name || " ", MARGIN, MARGIN);
  const labels = {
    taxId: t(lang, "statements.field.taxId"),
    bank: t(lang, "statements.field.bank"),
    phone: t(lang, "statements.field.phone"),
    email: t(lang, "statements.field.email"),
  };
  doc.fontSize(8.5);
  for (const line of companyLines(company, labels)) doc.text(line);
  doc.moveDown(0.8);
}

/** The customer block (left) and date, period, currency (right). */
function customerBlock(doc: PDFKit.PDFDocument, set: StatementSet, s: Statement, options: PdfRunOptions, page: Page, title: string): void {
  const { lang } = options;
  doc.fontSize(14).text(title, MARGIN, doc.y);
  doc.moveDown(0.4);
  const top = doc.y;
  const details = options.details?.(s.customerIndex);
  doc.fontSize(10).text(s.customer, MARGIN, top, { width: 280 });
  doc.fontSize(8.5);
  if (details?.address) doc.text(details.address, { width: 280 });
  if (details?.contact) doc.text(`${t(lang, "statements.field.contact")}: ${details.contact}`, { width: 280 });
  if (details?.email) doc.text(`${t(lang, "statements.field.email")}: ${details.email}`, { width: 280 });
  const leftEnd = doc.y;
  const x = page.width - MARGIN - 200;
  const rows: [string, string][] = [
    [t(lang, "statements.field.date"), isoFromSerial(set.to)],
    [t(lang, "statements.field.period"), `${isoFromSerial(set.from)} – ${isoFromSerial(set.to)}`],
    [t(lang, "statements.field.currency"), s.currency],
  ];
  let y = top;
  for (const [label, value] of rows) {
    doc.fontSize(8.5).text(label, x, y, { width: 80 });
    doc.text(value, x + 80, y, { width: 120, align: "right" });
    y += 12;
  }
  doc.x = MARGIN;
  doc.y = Math.max(leftEnd, y) + 10;
}

/** Column x positions and widths of the statement table. */
const COLUMNS = (() => {
  const widths = [54, 50, 64, 104, 54, 63, 63, 63];
  const xs: number[] = [];
  widths.reduce((x, w) => (xs.push(x), x + w), MARGIN);
  return widths.map((w, k) => ({ x: xs[k]!, width: w, align: k >= 5 ? ("right" as const) : ("left" as const) }));
})();

function tableRow(doc: PDFKit.PDFDocument, cells: (string | null)[], y: number, size = 8): number {
  doc.fontSize(size);
  let height = 0;
  cells.forEach((text, k) => {
    const col = COLUMNS[k]!;
    if (text === null || text === "") return;
    // Left-aligned text runs on over the empty cells after it ("Opening balance" under Type).
    let width = col.width;
    for (
      let next = k + 1;
      col.align === "left" && next < COLUMNS.length && (cells[next] ?? null) === null && COLUMNS[next]!.align === "left";
      next++
    )
      width += COLUMNS[next]!.width;
    const options = { width: width - 4, align: col.align, lineBreak: false, ellipsis: true, height: size + 4 } as PDFKit.Mixins.TextOptions;
    doc.text(text, col.x + 2, y, options);
    height = Math.max(height, size + 5);
  });
  return y + Math.max(height, size + 5);
}

function rule(doc: PDFKit.PDFDocument, y: number, page: Page): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(page.width - MARGIN, y)
    .lineWidth(0.5)
    .strokeColor("#888888")
    .stroke();
}

function statementBody(doc: PDFKit.PDFDocument, set: StatementSet, s: Statement, options: PdfRunOptions, page: Page): void {
  const { lang } = options;
  const money = (minor: number): string => amount(minor, s.currency, lang);
  const blank = (minor: number): string | null => (minor === 0 ? null : money(minor));
  customerBlock(doc, set, s, options, page, t(lang, "statements.title"));
  const header = activityHeadings(lang);
  const drawHeader = (y: number): number => {
    doc
      .rect(MARGIN, y - 2, page.width - 2 * MARGIN, 14)
      .fill("#D9E1F2")
      .fillColor("black");
    return tableRow(doc, header, y, 8);
  };
  let y = drawHeader(doc.y);
  const row = (cells: (string | null)[]): void => {
    if (y > page.bottom - 12) {
      doc.addPage();
      y = drawHeader(MARGIN);
    }
    y = tableRow(doc, cells, y);
  };
  row([isoFromSerial(set.from), t(lang, "statements.opening"), null, null, null, null, null, money(s.opening)]);
  for (const line of s.lines) {
    const text = [line.description, line.po].filter((x) => x !== null).join(" / ");
    row([
      isoFromSerial(line.date),
      t(lang, `statements.type.${line.type}`),
      line.ref,
      text,
      line.due === null ? null : isoFromSerial(line.due),
      blank(line.debit),
      blank(line.credit),
      money(line.balance),
    ]);
  }
  if (s.lines.length === 0) row([null, t(lang, "statements.noLines")]);
  rule(doc, y, page);
  y += 2;
  row([null, t(lang, "statements.totals"), null, null, null, money(s.debits), money(s.credits), null]);
  row([isoFromSerial(set.to), t(lang, "statements.closing"), null, null, null, null, null, money(s.closing)]);
  doc.y = y + 10;
  agingStrip(doc, set, s, options, page);
  if (options.openItems) openItems(doc, set, s, options, page);
  doc.moveDown(1);
  if (s.collectionStage) doc.fontSize(9).text(collectionStageText(s, lang), MARGIN, doc.y, { width: page.width - 2 * MARGIN });
  doc
    .fontSize(8.5)
    .text(options.company.message ?? t(lang, "statements.message.default"), MARGIN, doc.y, { width: page.width - 2 * MARGIN });
}

function ensureRoom(doc: PDFKit.PDFDocument, needed: number, page: Page): void {
  if (doc.y + needed > page.bottom) {
    doc.addPage();
    doc.y = MARGIN;
  }
}

function agingStrip(doc: PDFKit.PDFDocument, set: StatementSet, s: Statement, options: PdfRunOptions, page: Page): void {
  const { lang } = options;
  const labels = [...set.buckets.map((b) => b.label), t(lang, "statements.unapplied"), t(lang, "statements.due")];
  const values = [...s.buckets, s.unapplied, s.closing].map((minor) => amount(minor, s.currency, lang));
  const perRow = 7;
  const cell = (page.width - 2 * MARGIN) / perRow;
  ensureRoom(doc, 20 + Math.ceil(labels.length / perRow) * 26, page);
  doc.fontSize(9).text(t(lang, "statements.aging", { date: isoFromSerial(set.to) }), MARGIN, doc.y);
  let y = doc.y + 3;
  for (let start = 0; start < labels.length; start += perRow) {
    doc
      .rect(MARGIN, y - 2, page.width - 2 * MARGIN, 12)
      .fill("#F2F2F2")
      .fillColor("black");
    labels
      .slice(start, start + perRow)
      .forEach((label, k) =>
        doc.fontSize(7.5).text(label, MARGIN + k * cell, y, { width: cell - 4, align: "right", lineBreak: false, ellipsis: true }),
      );
    y += 12;
    values
      .slice(start, start + perRow)
      .forEach((value, k) => doc.fontSize(8).text(value, MARGIN + k * cell, y, { width: cell - 4, align: "right", lineBreak: false }));
    y += 14;
  }
  doc.x = MARGIN;
  doc.y = y;
}

function openItems(doc: PDFKit.PDFDocument, set: StatementSet, s: Statement, options: PdfRunOptions, page: Page): void {
  if (s.openItems.length === 0) return;
  const { lang } = options;
  ensureRoom(doc, 40, page);
  doc.moveDown(0.6);
  doc.fontSize(9).text(t(lang, "statements.openItems", { date: isoFromSerial(set.to) }), MARGIN, doc.y);
  const header = openItemsHeadings(lang);
  let y = tableRow(doc, header, doc.y + 2, 8);
  for (const item of s.openItems) {
    if (y > page.bottom - 12) {
      doc.addPage();
      y = tableRow(doc, header, MARGIN, 8);
    }
    y = tableRow(
      doc,
      [
        isoFromSerial(item.date),
        null,
        item.ref,
        null,
        item.due === null ? null : isoFromSerial(item.due),
        amount(item.amount, s.currency, lang),
        amount(item.open, s.currency, lang),
        String(item.daysOverdue),
      ],
      y,
    );
  }
  doc.x = MARGIN;
  doc.y = y;
}

function confirmationBody(doc: PDFKit.PDFDocument, set: StatementSet, s: Statement, options: PdfRunOptions, page: Page): void {
  const { lang } = options;
  const letter = confirmationContent(s, options.company, set.to, lang);
  const width = page.width - 2 * MARGIN;
  doc.fontSize(15).text(letter.title, MARGIN, doc.y, { width, align: "center" });
  doc.moveDown(0.8);
  doc.fontSize(10).text(letter.addressee, MARGIN, doc.y, { width });
  const details = options.details?.(s.customerIndex);
  doc.fontSize(8.5);
  if (details?.address) doc.text(details.address, { width });
  if (details?.contact) doc.text(`${t(lang, "statements.field.contact")}: ${details.contact}`, { width });
  doc.moveDown(0.6);
  doc.fontSize(9.5);
  for (const paragraph of letter.intro) doc.text(paragraph, MARGIN, doc.y, { width, lineGap: 2 }).moveDown(0.6);
  const y = doc.y;
  doc
    .rect(MARGIN, y - 3, width, 18)
    .lineWidth(0.5)
    .strokeColor("#888888")
    .stroke();
  doc.fontSize(10).text(letter.balanceLabel, MARGIN + 6, y + 1, { width: width / 2 });
  doc.text(`${formatMoney(letter.balance, letter.currency, lang)}`, MARGIN + width / 2, y + 1, { width: width / 2 - 6, align: "right" });
  doc.x = MARGIN;
  doc.y = y + 22;
  doc.fontSize(9.5).text(letter.balanceSentence, MARGIN, doc.y, { width });
  if (options.openItems) openItems(doc, set, s, options, page);
  doc.moveDown(0.6);
  doc.text(letter.closingNote, MARGIN, doc.y, { width, lineGap: 2 });
  doc.moveDown(1);
  for (const line of letter.sender) doc.text(line, MARGIN + width / 2, doc.y, { width: width / 2 });
  ensureRoom(doc, 190, page);
  doc.moveDown(1.5);
  rule(doc, doc.y, page);
  doc.moveDown(0.5);
  doc.fontSize(11).text(letter.replyHeading, MARGIN, doc.y, { width, align: "center" });
  doc.moveDown(0.5);
  doc.fontSize(9.5).text(`${t(lang, "statements.field.customer")}: ${s.customer}`, MARGIN, doc.y, { width });
  for (const line of letter.replyLines) {
    doc.moveDown(0.9);
    doc.text(line, MARGIN, doc.y, { width });
  }
}

/** "Page x of y" on every page (pages are buffered until the end). */
function footers(doc: PDFKit.PDFDocument, lang: Lang, page: Page): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const text = t(lang, "statements.page", { page: i + 1, pages: range.count });
    // Below the bottom margin: keep pdfkit from starting a new page for the footer itself.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(7.5)
      .fillColor("#555555")
      .text(text, MARGIN, page.height - MARGIN + 6, { width: page.width - 2 * MARGIN, align: "center", lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.fillColor("black");
  }
}

/** Characters Windows forbids in file names, and control characters. */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/g;
/** Device names Windows reserves, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Characters kept of a customer's name: room for the currency, a counter and ".pdf" within 100. */
const NAME_LIMIT = 80;

/**
 * A file name for a statement that Windows, macOS and Linux accept: forbidden characters
 * replaced, no trailing dot or space, no reserved device name, at most 100 characters, and
 * unique within `used` (case-insensitively, as Windows compares names) by a " (2)" counter.
 *
 * @example
 * statementFileName("Acme: Corp / EU", "EUR", new Set()) // "Acme_ Corp _ EU EUR.pdf"
 * statementFileName("CON", "USD", new Set())             // "_CON USD.pdf"
 */
export function statementFileName(customer: string, currency: string, used: Set<string>, prefix = ""): string {
  let base = customer.normalize("NFC").replace(FORBIDDEN, "_").replace(/\s+/g, " ").trim();
  base = [...base]
    .slice(0, NAME_LIMIT)
    .join("")
    .replace(/[. ]+$/, "");
  if (base === "") base = "_";
  if (RESERVED.test(base)) base = `_${base}`;
  const stem = `${prefix}${base} ${currency}`;
  let name = `${stem}.pdf`;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n}).pdf`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * Writes one PDF per statement into `dir` (which must exist) through `write(file, bytes)`;
 * returns the file paths in statement order.
 *
 * @example
 * const files = await writeStatementPdfs(set, "out/statements", options, (file, bytes) => writeFile(file, bytes));
 */
export async function writeStatementPdfs(
  set: StatementSet,
  dir: string,
  options: PdfRunOptions,
  write: (file: string, bytes: Buffer) => Promise<void>,
): Promise<string[]> {
  const used = new Set<string>();
  const prefix = options.document === "confirmation" ? `${t(options.lang, "confirmation.title")} ` : "";
  const files: string[] = [];
  for (const statement of set.statements) {
    const file = path.join(dir, statementFileName(statement.customer, statement.currency, used, prefix));
    await write(file, await statementPdf(set, statement, options));
    files.push(file);
  }
  return files;
}
