/**
 * Errors shaped like `OfficeExtension.Error`: `name`, `code`, `message`, `debugInfo`
 * (with `code`, `message`, `errorLocation`, `statement`), `traceMessages`, `innerError`.
 * Adapter code checks `error.code`, so the codes are the strings Excel sends.
 */

/** Error codes the simulated host raises (the same strings as Excel / OfficeExtension). */
export const HostErrorCode = {
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  itemNotFound: "ItemNotFound",
  itemAlreadyExists: "ItemAlreadyExists",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidObjectPath: "InvalidObjectPath",
  notImplemented: "NotImplemented",
  generalException: "GeneralException",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  runMustReturnPromise: "RunMustReturnPromise",
} as const;

/** Debug information carried by a host error, as `OfficeExtension.DebugInfo`. */
export interface HostDebugInfo {
  code: string;
  message: string;
  /** The object/method where the failing statement ran, e.g. "Range.values". */
  errorLocation?: string;
  /** The failing statement, approximated from the queued operation. */
  statement?: string;
  surroundingStatements?: string[];
}

/**
 * The error the simulated host throws or rejects with. Structurally compatible with
 * `OfficeExtension.Error` (code, message, debugInfo, traceMessages, innerError).
 */
export class HostError extends Error {
  /** Error code, e.g. "ItemNotFound". */
  readonly code: string;
  readonly debugInfo: HostDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: HostError | null = null;
  readonly httpStatusCode?: number;

  constructor(code: string, message: string, errorLocation?: string, statement?: string) {
    super(message);
    // Office.js errors are named "RichApi.Error"; keep that so logs look the same.
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
    if (errorLocation !== undefined) this.debugInfo.errorLocation = errorLocation;
    if (statement !== undefined) this.debugInfo.statement = statement;
  }

  /** A plain JSON view, as `OfficeExtension.Error.toString` gives. */
  override toString(): string {
    return JSON.stringify({ code: this.code, message: this.message, debugInfo: this.debugInfo });
  }
}

/** Creates the error thrown when reading a property that was not loaded and synced. */
export function propertyNotLoaded(objectName: string, property: string): HostError {
  return new HostError(
    HostErrorCode.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${objectName}.${property}`,
  );
}

/** Shorthand for a host error raised while executing a queued operation. */
export function fail(code: string, message: string, location?: string): never {
  throw new HostError(code, message, location);
}
