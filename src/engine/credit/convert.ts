/**
 * Currency conversion for the credit check: amounts are compared with a limit only in the
 * limit's currency, and converted only with an explicit rate from the user's rate table.
 */
import { currencyDecimals } from "../currency";
import { fromMinor, toMinor } from "../money";
import type { RateTable } from "../read/creditTables";

/** Converts minor units of one currency to minor units of another; null when no rate is known. */
export type Converter = (minor: number, from: string, to: string) => number | null;

/**
 * A converter over a rate table. A rate is used directly (from → to), inverted (to → from), or
 * through a currency both have a rate to (from → base ← to). Results are rounded half away from
 * zero to the target's minor units.
 *
 * @example
 * const convert = converterOf({ rates: [{ from: "EUR", to: "USD", rate: 1.1 }] });
 * convert(10000, "EUR", "USD") // 11000 (100.00 EUR = 110.00 USD)
 * convert(11000, "USD", "EUR") // 10000
 * convert(100, "JPY", "USD")   // null: no rate
 */
export function converterOf(table: RateTable | null): Converter {
  const direct = new Map<string, number>();
  for (const { from, to, rate } of table?.rates ?? []) {
    direct.set(`${from}>${to}`, rate);
    if (!direct.has(`${to}>${from}`)) direct.set(`${to}>${from}`, 1 / rate);
  }
  const rateOf = (from: string, to: string): number | null => {
    if (from === to) return 1;
    const known = direct.get(`${from}>${to}`);
    if (known !== undefined) return known;
    for (const { to: base } of table?.rates ?? []) {
      const a = direct.get(`${from}>${base}`);
      const b = direct.get(`${base}>${to}`);
      if (a !== undefined && b !== undefined) return a * b;
    }
    return null;
  };
  // Rates by pair, looked up once: the credit check converts once per account and order.
  const known = new Map<string, Map<string, number | null>>();
  return (minor, from, to) => {
    if (from === to) return minor;
    let row = known.get(from);
    if (row === undefined) known.set(from, (row = new Map<string, number | null>()));
    let rate = row.get(to);
    if (rate === undefined) {
      rate = rateOf(from, to);
      row.set(to, rate);
    }
    if (rate === null) return null;
    return toMinor(fromMinor(minor, currencyDecimals(from)) * rate, currencyDecimals(to));
  };
}
