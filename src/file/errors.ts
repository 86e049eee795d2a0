/**
 * Errors of the file adapter. Each carries a message id from the cli catalog and the file it is
 * about, so the command can explain the problem in the user's language and name the file.
 */

/** Message ids (cli catalog) that a FileError may carry. */
export type FileErrorCode =
  | "cli.file.notFound"
  | "cli.file.unreadable"
  | "cli.file.notXlsx"
  | "cli.file.damaged"
  | "cli.file.truncated"
  | "cli.file.encrypted"
  | "cli.file.xls"
  | "cli.file.xlsb"
  | "cli.file.ods"
  | "cli.file.tooLarge"
  | "cli.file.isDirectory"
  | "cli.csv.encoding"
  | "cli.csv.noFiles"
  | "cli.out.sameAsInput"
  | "cli.out.unwritable"
  | "cli.map.invalid";

/**
 * A problem with an input or output file, identified by a catalog id and the file's path.
 *
 * @example
 * throw new FileError("cli.csv.encoding", "data/invoices.csv", "invalid UTF-8 at byte 120");
 */
export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly file: string,
    readonly detail = "",
  ) {
    super(`${code}: ${file}${detail ? ` (${detail})` : ""}`);
    this.name = "FileError";
  }
}

/**
 * Turns a Node file-system error on `file` into a FileError (missing file vs anything else);
 * other values are returned unchanged so programming errors still surface as themselves.
 *
 * @example
 * try { await readFile(p); } catch (e) { throw asFileError(e, p); }
 */
export function asFileError(error: unknown, file: string): unknown {
  if (error instanceof FileError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return new FileError("cli.file.notFound", file);
  if (typeof code === "string") return new FileError("cli.file.unreadable", file, code);
  return error;
}
