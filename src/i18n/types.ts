/** One message in every supported language; `{name}` marks a parameter. */
export interface Message {
  "en-US": string;
  "zh-CN": string;
}

/** A group of messages keyed by a stable id such as "amount.invalid". */
export type Catalog = Record<string, Message>;
