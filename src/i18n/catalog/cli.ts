import type { Catalog } from "../types";

/** Messages of the cli area. Each entry keeps its en-US and zh-CN texts side by side. */
export const cliMessages = {} satisfies Catalog;
