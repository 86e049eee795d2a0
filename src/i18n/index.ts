/**
 * Message catalogs shared by the UI, the written sheets and error messages.
 *
 * Every user-facing string lives here in en-US and zh-CN, grouped by area (catalog/*.ts) and
 * keyed by a stable id. The engine may import this module: it is pure data plus formatting.
 */
import type { Catalog, Lang, Message } from "./types";
import { readMessages } from "./catalog/read";
import { reportMessages } from "./catalog/report";
import { cliMessages } from "./catalog/cli";
import { addinMessages } from "./catalog/addin";
import { functionsMessages } from "./catalog/functions";
import { reconcileMessages } from "./catalog/reconcile";
import { creditMessages } from "./catalog/credit";
import { analyticsMessages } from "./catalog/analytics";
import { statementsMessages } from "./catalog/statements";
import { inputMessages } from "./catalog/input";
import { collectionsMessages } from "./catalog/collections";

export type { Catalog, Message };
export type { Lang };

/** All messages, by id. A duplicate id across areas is a test failure (see test/i18n). */
export const catalogs: Record<string, Catalog> = {
  read: readMessages,
  report: reportMessages,
  cli: cliMessages,
  addin: addinMessages,
  functions: functionsMessages,
  reconcile: reconcileMessages,
  credit: creditMessages,
  analytics: analyticsMessages,
  statements: statementsMessages,
  input: inputMessages,
  collections: collectionsMessages,
};

const messages: Catalog = Object.assign({}, ...Object.values(catalogs)) as Catalog;

/** Languages in the order they are offered to users. */
export const LANGS: readonly Lang[] = ["en-US", "zh-CN"];

/** Parameters substituted into `{name}` placeholders. */
export type MessageParams = Record<string, string | number | boolean | null | undefined>;

/**
 * Looks up message `id` in `lang` and fills its `{placeholders}`.
 * An unknown id is a programming error and throws, so tests catch it.
 *
 * @example
 * t("zh-CN", "amount.invalid", { value: "abc" }) // "金额无法识别：abc"
 */
export function t(lang: Lang, id: string, params: MessageParams = {}): string {
  const message = messages[id];
  if (!message) throw new Error(`Unknown message id: ${id}`);
  return fill(message[lang], params);
}

/** True when `id` names a message (for adapters that pass ids through). */
export function hasMessage(id: string): boolean {
  return id in messages;
}

/**
 * Replaces `{name}` with params[name]; unknown placeholders are left as written.
 *
 * @example
 * fill("Row {row}", { row: 12 }) // "Row 12"
 */
export function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/**
 * Picks a supported language from an Office/BCP-47 tag ("zh-cn", "zh-Hans-CN", "en-GB").
 *
 * @example
 * pickLang("zh-Hans") // "zh-CN"
 */
export function pickLang(tag: string | null | undefined): Lang {
  return tag && /^zh\b/i.test(tag) ? "zh-CN" : "en-US";
}
