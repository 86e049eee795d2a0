/** Display / message language. Defined here, with the catalogs, so the engine and every front end share it without i18n importing the engine. */
export type Lang = "en-US" | "zh-CN";

/** One message in every supported language; `{name}` marks a parameter. */
export interface Message {
  "en-US": string;
  "zh-CN": string;
}

/** A group of messages keyed by a stable id such as "amount.invalid". */
export type Catalog = Record<string, Message>;
