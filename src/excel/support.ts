/**
 * Requirement-set checks, in one place so every optional feature degrades the same way.
 */

/**
 * The ExcelApi version the manifest requires (`<Set Name="ExcelApi" MinVersion="1.11"/>`): Excel
 * does not load the add-in below it, so everything up to it may be used without a check. It is
 * what every client with the shared runtime (SharedRuntime 1.1) has anyway.
 */
export const MANIFEST_EXCEL_API = "1.11";

function atMost(version: string, max: string): boolean {
  const a = version.split(".").map(Number);
  const b = max.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

/**
 * Whether the running Excel supports `ExcelApi` at `version` (e.g. "1.12").
 *
 * When Office cannot answer, the answer is decided, not guessed:
 * - Office present but not able to answer yet (not initialised): only what the manifest
 *   guarantees ({@link MANIFEST_EXCEL_API}); anything newer is treated as missing, so an older
 *   client never receives a call it would reject.
 * - No Office at all: not inside Excel (tests against the workbench's simulated host, which
 *   implements the current API surface): supported. A test that wants an older client installs
 *   an `Office.context.requirements` stub that says no.
 *
 * @example
 * if (isExcelApiSupported("1.12")) sheet.customProperties.add("ARDesk", tag);
 */
export function isExcelApiSupported(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office === undefined) return true;
  const requirements = office.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return atMost(version, MANIFEST_EXCEL_API);
  return requirements.isSetSupported("ExcelApi", version);
}
