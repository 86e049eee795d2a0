/** Reading a command's `--input`: the file adapter's (src/file/input.ts), where commands always found it. */
export { readInput, tableLabel } from "../file/input";
