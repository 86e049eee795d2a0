/**
 * Requirement-set checks, in one place so every optional feature degrades the same way.
 */

/**
 * Whether the running Excel supports `ExcelApi` at `version` (e.g. "1.12").
 *
 * Outside Office (no `Office.context.requirements`: the workbench's simulated host, tests) the
 * answer is true: those hosts implement the current API surface, and a test that wants an
 * older client installs an `Office.context.requirements` stub that says no.
 *
 * @example
 * if (isExcelApiSupported("1.12")) sheet.customProperties.add("ARDesk", tag);
 */
export function isExcelApiSupported(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== "function") return true;
  return requirements.isSetSupported("ExcelApi", version);
}
