import type { Catalog } from "../types";

/** Messages of the report area. Each entry keeps its en-US and zh-CN texts side by side. */
export const reportMessages = {} satisfies Catalog;
