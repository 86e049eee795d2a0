import type { Catalog } from "../types";

/** Messages of the read area. Each entry keeps its en-US and zh-CN texts side by side. */
export const readMessages = {} satisfies Catalog;
