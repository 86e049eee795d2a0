/**
 * Statements benchmark, in its own process:
 *   node --expose-gc -r ts-node/register/transpile-only bench/statements-case.ts 1000000 [pdfCount]
 * Prints one JSON line: reading the generated book, building and tying the October 2026
 * statements of every customer (aging at the statement date and the footer's collection stages
 * included, as the statements use case makes them) and their JSON (targets: ≤ 3 s for 1M invoices), then PDF statements per second for `pdfCount` of them, in Chinese and
 * in English (target ≥ 50/s), with the system's CJK font.
 */
import { generateSampleBook } from "../src/engine/sample";
import { readBook } from "../src/engine/read";
import { serialFromIso } from "../src/engine/dates";
import { ageBook } from "../src/engine/aging";
import { DEFAULT_LADDER } from "../src/engine/collections";
import { buildStatements, collectionStages, toStatementsJson, type StatementSet } from "../src/engine/statements";
import type { Lang } from "../src/engine/types";
import { loadLatinFont, loadPdfFont, statementPdf } from "../src/file/statementsPdf";

const invoices = Number(process.argv[2] ?? "1000000");
const pdfCount = Number(process.argv[3] ?? "200");
const from = serialFromIso("2026-10-01")!;
const to = serialFromIso("2026-10-31")!;
const company = {
  name: "Contoso Trading Ltd",
  address: "88 Harbour Road, Shanghai",
  taxId: "91310000MA1FL0000X",
  bank: "ICBC 1001 2345 6789",
};

/** CPU seconds this process used (user + system): wall time on a shared machine includes waiting. */
const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

async function pdfRate(set: StatementSet, lang: Lang): Promise<{ perSecond: number; perCpuSecond: number; kbPerFile: number }> {
  const font = loadPdfFont({ needsCjk: true });
  // As the CLI does: English statements in Latin script take a Latin font.
  const latinFont = lang === "en-US" ? loadLatinFont() : null;
  const statements = set.statements.slice(0, pdfCount);
  // One warm-up document: the font's glyph tables are parsed once per run.
  await statementPdf(set, statements[0]!, { document: "statement", lang, company, font, latinFont, createdOn: to });
  let bytes = 0;
  const t0 = performance.now();
  const c0 = cpuSeconds();
  for (const statement of statements)
    bytes += (await statementPdf(set, statement, { document: "statement", lang, company, font, latinFont, createdOn: to })).length;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds() - c0;
  return {
    perSecond: Math.round(statements.length / seconds),
    perCpuSecond: Math.round(statements.length / cpu),
    kbPerFile: Math.round(bytes / statements.length / 1024),
  };
}

async function main(): Promise<void> {
  const tables = generateSampleBook({ invoices, seed: 42, asOf: to, messy: false });
  let t0 = performance.now();
  const book = readBook(tables, { lang: "en-US", dateOrder: null, dateSystem: 1900, defaultCurrency: "USD" });
  const readMs = performance.now() - t0;

  t0 = performance.now();
  const c0 = cpuSeconds();
  const options = { from, to, basis: "due" as const, boundaries: [30, 60, 90], autoApply: true, lang: "en-US" as const };
  const aging = ageBook(book, { ...options, asOf: to });
  const s0 = performance.now();
  const collectionStage = collectionStages(book, { asOf: to, lang: "en-US", ladder: DEFAULT_LADDER, followUps: [], aging });
  const stagesMs = performance.now() - s0;
  const set = buildStatements(book, { ...options, aging, collectionStage });
  const buildMs = performance.now() - t0;
  t0 = performance.now();
  const text = JSON.stringify(toStatementsJson(set));
  const jsonMs = performance.now() - t0;
  const jsonCpuS = cpuSeconds() - c0;
  const lines = set.statements.reduce((n, s) => n + s.lines.length, 0);

  const zh = await pdfRate(
    buildStatements(book, {
      ...options,
      lang: "zh-CN",
      collectionStage: collectionStages(book, { asOf: to, lang: "zh-CN", ladder: DEFAULT_LADDER, followUps: [] }),
    }),
    "zh-CN",
  );
  const en = await pdfRate(set, "en-US");
  process.stdout.write(
    `${JSON.stringify({
      invoices,
      customers: book.customers.length,
      statements: set.statements.length,
      lines,
      readMs: Math.round(readMs),
      statementsMs: Math.round(buildMs),
      collectionStagesMs: Math.round(stagesMs),
      withStage: set.statements.filter((s) => s.collectionStage !== null).length,
      jsonMs: Math.round(jsonMs),
      jsonS: Math.round((buildMs + jsonMs) / 100) / 10,
      jsonCpuS: Math.round(jsonCpuS * 10) / 10,
      jsonMB: Math.round(text.length / 104857.6) / 10,
      pdfZhPerS: zh.perSecond,
      pdfZhPerCpuS: zh.perCpuSecond,
      pdfEnPerS: en.perSecond,
      pdfEnPerCpuS: en.perCpuSecond,
      pdfKB: zh.kbPerFile,
    })}\n`,
  );
}

void main();
