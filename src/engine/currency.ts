/**
 * Currencies: ISO 4217 codes, their minor-unit digits, and how people write them in ledgers
 * ("usd", "RMB", "人民币", "¥", "HK$").
 */

/**
 * Active ISO 4217 codes (plus a few recently withdrawn ones still found in older ledgers:
 * ANG, CUC, HRK, SLL, ZWL) with their minor-unit digits. Precious metals, bond-market units and
 * the testing/"no currency" codes are left out: they never denominate a receivable.
 */
const MINOR_UNITS: ReadonlyMap<string, number> = buildMinorUnits();

function buildMinorUnits(): Map<string, number> {
  const two =
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN " +
    "BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP " +
    "GBP GEL GHS GIP GMD GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT " +
    "LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO " +
    "NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS " +
    "SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD " +
    "XCG XDR YER ZAR ZMW ZWG ZWL";
  // Zero-decimal currencies: amounts in these have no minor unit at all (¥100 is 100, not 10000).
  const zero = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
  const three = "BHD IQD JOD KWD LYD OMR TND";
  const four = "CLF UYW";
  const map = new Map<string, number>();
  for (const [list, digits] of [
    [two, 2],
    [zero, 0],
    [three, 3],
    [four, 4],
  ] as const) {
    for (const code of list.split(" ")) map.set(code, digits);
  }
  return map;
}

/**
 * ISO 4217 minor-unit digits of a currency: 2 for USD, 0 for JPY and KRW, 3 for BHD and KWD,
 * 4 for CLF. Unknown codes get 2, the most common value, so a typo in a currency column cannot
 * silently scale amounts by 100.
 *
 * @example
 * currencyDecimals("JPY") // 0
 * currencyDecimals("BHD") // 3
 * currencyDecimals("usd") // 2
 */
export function currencyDecimals(code: string): number {
  return MINOR_UNITS.get(code.toUpperCase()) ?? 2;
}

/**
 * True when `code` is an ISO 4217 code this module knows (upper case as written).
 *
 * @example
 * isCurrencyCode("EUR") // true
 * isCurrencyCode("ABC") // false
 */
export function isCurrencyCode(code: string): boolean {
  return MINOR_UNITS.has(code);
}

/**
 * Folds full-width forms (U+FF01–U+FF5E, as typed with a Chinese or Japanese input method) to
 * ASCII, the ideographic space to a space, and ￥/￡/￠ to ¥/£/¢, so "１２３，４５６．７８" reads
 * like "123,456.78". Text already in ASCII is returned unchanged without copying.
 *
 * @example
 * toHalfWidth("ＵＳＤ　１２３") // "USD 123"
 */
export function toHalfWidth(text: string): string {
  let i = 0;
  const n = text.length;
  while (i < n && text.charCodeAt(i) < 0x3000) i++;
  if (i === n) return text;
  let out = text.slice(0, i);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else if (c === 0xffe5) out += "¥";
    else if (c === 0xffe1) out += "£";
    else if (c === 0xffe0) out += "¢";
    else out += text.charAt(i);
  }
  return out;
}

/** Currencies written with a bare "$"; a "$" is read as the book's default when it is one of them. */
const DOLLAR_CURRENCIES = new Set([
  "USD",
  "CAD",
  "AUD",
  "NZD",
  "HKD",
  "SGD",
  "TWD",
  "MXN",
  "ARS",
  "CLP",
  "COP",
  "BSD",
  "BBD",
  "BMD",
  "BND",
  "BZD",
  "FJD",
  "GYD",
  "JMD",
  "KYD",
  "LRD",
  "NAD",
  "SBD",
  "SRD",
  "TTD",
  "XCD",
]);

/** Symbols, prefixed dollars and names (upper-cased, spaces removed) that name one currency. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ["RMB", "CNY"],
  ["CN¥", "CNY"],
  ["元", "CNY"],
  ["人民币", "CNY"],
  ["人民幣", "CNY"],
  ["US$", "USD"],
  ["U$S", "USD"],
  ["美元", "USD"],
  ["美金", "USD"],
  ["HK$", "HKD"],
  ["港币", "HKD"],
  ["港幣", "HKD"],
  ["港元", "HKD"],
  ["NT$", "TWD"],
  ["新台币", "TWD"],
  ["新台幣", "TWD"],
  ["台币", "TWD"],
  ["台幣", "TWD"],
  ["S$", "SGD"],
  ["新加坡元", "SGD"],
  ["新币", "SGD"],
  ["新幣", "SGD"],
  ["A$", "AUD"],
  ["AU$", "AUD"],
  ["澳元", "AUD"],
  ["澳币", "AUD"],
  ["澳幣", "AUD"],
  ["C$", "CAD"],
  ["CA$", "CAD"],
  ["加元", "CAD"],
  ["加币", "CAD"],
  ["加幣", "CAD"],
  ["NZ$", "NZD"],
  ["纽元", "NZD"],
  ["R$", "BRL"],
  ["MX$", "MXN"],
  ["€", "EUR"],
  ["欧元", "EUR"],
  ["歐元", "EUR"],
  ["£", "GBP"],
  ["英镑", "GBP"],
  ["英鎊", "GBP"],
  ["JP¥", "JPY"],
  ["円", "JPY"],
  ["日元", "JPY"],
  ["日圆", "JPY"],
  ["日圓", "JPY"],
  ["₩", "KRW"],
  ["韩元", "KRW"],
  ["韓元", "KRW"],
  ["₹", "INR"],
  ["₽", "RUB"],
  ["₫", "VND"],
  ["₺", "TRY"],
  ["₱", "PHP"],
  ["₪", "ILS"],
  ["฿", "THB"],
  ["瑞士法郎", "CHF"],
  ["澳门元", "MOP"],
  ["澳门币", "MOP"],
  ["澳門幣", "MOP"],
]);

/**
 * Reads a currency as written in a ledger or a currency column and returns its ISO 4217 code,
 * or null when the text names no currency this module knows.
 *
 * - ISO codes in any case and width: "usd", " USD ", "ＵＳＤ" → "USD".
 * - Symbols and names: "€" → EUR, "£" → GBP, "US$" → USD, "HK$"/"港币"/"港元" → HKD,
 *   "RMB"/"人民币"/"元" → CNY, "美元" → USD, "日元" → JPY, "欧元" → EUR.
 * - A bare "¥" or "￥" is the same sign for yuan and yen. It is read as CNY unless the book's
 *   default currency is JPY.
 * - A bare "$" is read as the book's default currency when that is a dollar (or peso)
 *   currency written with "$" (CAD, AUD, HKD, …), otherwise as USD. A non-dollar default
 *   (e.g. EUR) never turns "$" into that currency.
 *
 * @param defaultCurrency the book's default currency (ISO 4217), used only to resolve "¥" and "$".
 * @example
 * normalizeCurrency(" usd ")      // "USD"
 * normalizeCurrency("人民币")     // "CNY"
 * normalizeCurrency("¥")          // "CNY"
 * normalizeCurrency("¥", "JPY")   // "JPY"
 * normalizeCurrency("$", "CAD")   // "CAD"
 * normalizeCurrency("dollars")    // null
 */
export function normalizeCurrency(text: string, defaultCurrency?: string): string | null {
  const key = toHalfWidth(text).replace(/\s+/g, "").toUpperCase();
  if (key === "") return null;
  const fallback = defaultCurrency?.trim().toUpperCase();
  if (key === "¥") return fallback === "JPY" ? "JPY" : "CNY";
  if (key === "$") return fallback !== undefined && DOLLAR_CURRENCIES.has(fallback) ? fallback : "USD";
  if (MINOR_UNITS.has(key)) return key;
  return ALIASES.get(key) ?? null;
}
