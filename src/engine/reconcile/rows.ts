/**
 * Reading one side of a reconciliation into columnar arrays. A row whose key, amount, date or
 * currency cannot be read becomes a RowIssue and an excluded row; the rest still reconcile.
 */
import type { CellValue, DateOrder, Lang, RowIssue, TableData } from "../types";
import { NO_DATE } from "../types";
import { parseAmount, toMinor } from "../money";
import { currencyDecimals, normalizeCurrency } from "../currency";
import { parseDateCell } from "../dates";
import { cellAddress, cellText, isBlankCell, normalizeKey } from "../read/normalize";
import { isTotalNumber, rowHasTotalLabel } from "../read/values";
import { t } from "../../i18n";
import { foldMatchKey, type CompiledPrefixes } from "./key";
import type { ReconcileColumns, ReconcileExcluded, SideRows } from "./types";

/** Minor units beyond ±2^53 would make sums inexact. */
const MAX_MINOR = Number.MAX_SAFE_INTEGER;

/** Currencies of a whole reconciliation, shared by both sides so indexes agree. */
export interface CurrencyRegistry {
  codes: string[];
  index: Map<string, number>;
  decimals: number[];
  /** Currency cell text as written -> index, -1 when it names no currency. */
  byText: Map<string, number>;
  defaultCode: string;
}

/**
 * An empty registry whose default currency is `defaultCurrency` read like a currency cell.
 *
 * @example
 * newCurrencyRegistry("usd").defaultCode // "USD"
 */
export function newCurrencyRegistry(defaultCurrency: string): CurrencyRegistry {
  const defaultCode = normalizeCurrency(defaultCurrency) ?? defaultCurrency.trim().toUpperCase();
  return { codes: [], index: new Map(), decimals: [], byText: new Map(), defaultCode };
}

/**
 * Index of an ISO code, added on first use.
 *
 * @example
 * currencyIndexOf(newCurrencyRegistry("USD"), "EUR") // 0
 */
export function currencyIndexOf(registry: CurrencyRegistry, code: string): number {
  let index = registry.index.get(code);
  if (index === undefined) {
    index = registry.codes.length;
    registry.codes.push(code);
    registry.decimals.push(currencyDecimals(code));
    registry.index.set(code, index);
  }
  return index;
}

function currencyOfText(registry: CurrencyRegistry, text: string): number {
  let index = registry.byText.get(text);
  if (index === undefined) {
    const code = normalizeCurrency(text, registry.defaultCode);
    index = code === null ? -1 : currencyIndexOf(registry, code);
    registry.byText.set(text, index);
  }
  return index;
}

/** What reading a side needs besides the table. */
export interface SideContext {
  side: "A" | "B";
  lang: Lang;
  dateOrder: DateOrder | null;
  dateSystem: 1900 | 1904;
  prefixes: CompiledPrefixes;
  currencies: CurrencyRegistry;
}

/** A side's rows and what was left out. */
export interface SideRead {
  rows: SideRows;
  issues: RowIssue[];
  excluded: ReconcileExcluded[];
}

type Row = readonly (CellValue | undefined)[];

/** Outcome of reading one amount cell: minor units and currency, or an issue code. */
type AmountRead = { ok: true; minor: number; currency: number } | { ok: false; code: string; params?: Record<string, string> };

/**
 * Reads an amount in the row's currency. A currency written in a text amount ("€ 100") sets
 * the row's currency when the table has no currency column, and must agree with it when it does.
 */
function readAmount(cell: CellValue | undefined, currency: number, fromColumn: boolean, registry: CurrencyRegistry): AmountRead {
  const decimals = registry.decimals[currency] ?? 2;
  if (typeof cell === "number") {
    const minor = toMinor(cell, decimals);
    if (minor <= MAX_MINOR && minor >= -MAX_MINOR) return { ok: true, minor, currency };
  }
  const parsed = parseAmount(cell ?? null, decimals);
  if (!parsed.ok) return { ok: false, code: parsed.code };
  if (parsed.currencyText === null) return { ok: true, minor: parsed.minor, currency };
  const written = normalizeCurrency(parsed.currencyText, registry.codes[currency] ?? registry.defaultCode);
  if (written === null || written === registry.codes[currency]) return { ok: true, minor: parsed.minor, currency };
  if (fromColumn) return { ok: false, code: "amount.currencyConflict", params: { currency: registry.codes[currency] ?? "" } };
  const own = currencyIndexOf(registry, written);
  const reparsed = parseAmount(cell ?? null, registry.decimals[own] ?? 2);
  return reparsed.ok ? { ok: true, minor: reparsed.minor, currency: own } : { ok: false, code: reparsed.code };
}

function isBlankRow(cells: Row): boolean {
  for (const cell of cells) if (!isBlankCell(cell)) return false;
  return true;
}

/** Growable columns, turned into typed arrays once the side is read. */
interface Builder {
  row: number[];
  keyText: string[];
  key: string[];
  amount: number[];
  currency: number[];
  date: number[];
  customer: (string | null)[];
  customerKey: (string | null)[];
}

/**
 * Reads the rows of one side. Blank rows, section headings and total rows ("Total", "合计")
 * are skipped silently, as engine/read does; every other unreadable row is excluded with an
 * issue: an empty key, a key with no letter or digit, a bad or empty amount, a bad date,
 * an unknown currency. A blank date is not a problem: that row's date is simply not compared.
 *
 * @example
 * readSide(table, columns, { side: "A", lang: "en-US", dateOrder: null, dateSystem: 1900,
 *   prefixes: compilePrefixes(DEFAULT_KEY_PREFIXES), currencies: newCurrencyRegistry("USD") })
 */
export function readSide(table: TableData, columns: ReconcileColumns, context: SideContext): SideRead {
  const issues: RowIssue[] = [];
  const excluded: ReconcileExcluded[] = [];
  const b: Builder = { row: [], keyText: [], key: [], amount: [], currency: [], date: [], customer: [], customerKey: [] };
  const usable = columns.key >= 0 && columns.amount >= 0;
  const customerKeys = new Map<string, string>();
  const dateOptions = { dateOrder: context.dateOrder, dateSystem: context.dateSystem };
  const registry = context.currencies;
  const defaultCurrency = currencyIndexOf(registry, registry.defaultCode);
  const rows = usable ? table.rows : [];

  const fail = (i: number, column: number, code: string, params: Record<string, string> = {}): void => {
    const row = table.firstRow + i;
    const value = table.rows[i]?.[column] ?? null;
    const header = table.header[column];
    const headerText = header === null || header === undefined ? "" : String(header);
    issues.push({
      severity: "error",
      sheet: table.sheet,
      row,
      column: headerText,
      cell: cellAddress(table.firstColumn + column, row),
      value,
      code,
      message: t(context.lang, code, { value: value === null ? "" : String(value), row, column: headerText, ...params }),
    });
    excluded.push({ side: context.side, sheet: table.sheet, row, code });
  };

  for (let i = 0; i < rows.length; i++) {
    const cells: Row = rows[i] ?? [];
    const keyText = cellText(cells[columns.key]);
    if (keyText === null) {
      if (isBlankCell(cells[columns.amount]) || rowHasTotalLabel(cells) || isBlankRow(cells)) continue;
      fail(i, columns.key, "reconcile.key.empty");
      continue;
    }
    if (isTotalNumber(keyText)) continue;
    const key = foldMatchKey(keyText, context.prefixes, null);
    if (key === "") {
      fail(i, columns.key, "reconcile.key.invalid");
      continue;
    }

    let currency = defaultCurrency;
    const currencyText = columns.currency >= 0 ? cellText(cells[columns.currency]) : null;
    if (currencyText !== null) {
      currency = currencyOfText(registry, currencyText);
      if (currency < 0) {
        fail(i, columns.currency, "currency.unknown");
        continue;
      }
    }
    const amount = readAmount(cells[columns.amount], currency, currencyText !== null, registry);
    if (!amount.ok) {
      fail(i, columns.amount, amount.code, amount.params);
      continue;
    }

    let date = NO_DATE;
    if (columns.date >= 0) {
      const cell = cells[columns.date];
      if (!isBlankCell(cell)) {
        const parsed = parseDateCell(cell ?? null, dateOptions);
        if (!parsed.ok) {
          fail(i, columns.date, parsed.code);
          continue;
        }
        date = parsed.serial;
      }
    }

    const customer = columns.customer >= 0 ? cellText(cells[columns.customer]) : null;
    let customerKey: string | null = null;
    if (customer !== null) {
      customerKey = customerKeys.get(customer) ?? null;
      if (customerKey === null) {
        customerKey = normalizeKey(customer);
        customerKeys.set(customer, customerKey);
      }
    }

    b.row.push(table.firstRow + i);
    b.keyText.push(keyText);
    b.key.push(key);
    b.amount.push(amount.minor);
    b.currency.push(amount.currency);
    b.date.push(date);
    b.customer.push(customer);
    b.customerKey.push(customerKey);
  }

  return {
    rows: {
      length: b.row.length,
      row: Int32Array.from(b.row),
      keyText: b.keyText,
      key: b.key,
      amount: Float64Array.from(b.amount),
      currency: Int32Array.from(b.currency),
      date: Int32Array.from(b.date),
      customer: b.customer,
      customerKey: b.customerKey,
    },
    issues,
    excluded,
  };
}
