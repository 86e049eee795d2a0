import type { Catalog } from "../types";

/** Messages of the addin area. Each entry keeps its en-US and zh-CN texts side by side. */
export const addinMessages = {} satisfies Catalog;
