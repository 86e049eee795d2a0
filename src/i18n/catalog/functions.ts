import type { Catalog } from "../types";

/** Messages of the functions area. Each entry keeps its en-US and zh-CN texts side by side. */
export const functionsMessages = {} satisfies Catalog;
