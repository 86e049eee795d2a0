/**
 * The Settings view's draft: date order and default currency are edited and then saved;
 * the language applies (and is saved) at once, since the user expects to read the pane in it.
 */
import { useState } from "react";
import type { DateOrder, Lang } from "../../engine/types";
import type { WorkbookSettings } from "../../excel/types";
import { isCurrencyCode } from "../../engine/currency";

/** The language choice: a language, or null to follow Office. */
export type LanguageChoice = Lang | null;

/** Draft values, validation and actions of the Settings view. */
export interface SettingsFormState {
  dateOrder: DateOrder | null;
  setDateOrder: (order: DateOrder | null) => void;
  currency: string;
  setCurrency: (text: string) => void;
  currencyValid: boolean;
  /** The settings to save, with the draft applied (currency upper-cased). */
  next: () => WorkbookSettings;
}

/** Draft state seeded from the saved settings. */
export function useSettingsForm(settings: WorkbookSettings): SettingsFormState {
  const [dateOrder, setDateOrder] = useState<DateOrder | null>(settings.dateOrder);
  const [currency, setCurrency] = useState(settings.defaultCurrency);
  const code = currency.trim().toUpperCase();
  return {
    dateOrder,
    setDateOrder,
    currency,
    setCurrency,
    currencyValid: isCurrencyCode(code),
    next: () => ({ ...settings, dateOrder, defaultCurrency: code }),
  };
}
