/**
 * Ids of the AR custom functions. An id is stored in every workbook that uses the function:
 * never change or reuse one after release (Excel shows #NAME? for an unknown id).
 */
export const FUNCTION_IDS = [
  "DAYSOVERDUE",
  "AGEBUCKET",
  "AGING",
  "DUEDATE",
  "DISCOUNT",
  "LATEFEE",
  "CREDITAVAILABLE",
  "CREDITSTATUS",
  "DSO",
  "BPDSO",
  "CEI",
] as const;

/** One of {@link FUNCTION_IDS}. */
export type FunctionId = (typeof FUNCTION_IDS)[number];

/** The namespace the manifest gives the functions: users write =AR.DAYSOVERDUE(…). */
export const FUNCTION_NAMESPACE = "AR";
