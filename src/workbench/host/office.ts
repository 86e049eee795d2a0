/**
 * Installs the simulated host on a global object: `Excel` (run, RequestContext, the enums as
 * string constants, ErrorCodes), `OfficeExtension` (Error, ErrorCodes, ClientObject,
 * ClientResult) and a minimal `Office` (onReady, context.displayLanguage,
 * context.requirements.isSetSupported, context.document.settings, actions.associate,
 * addin.showAsTaskpane/hide, HostType, PlatformType, AsyncResultStatus).
 *
 * Document settings follow Office: `Office.context.document.settings` is an in-memory copy
 * taken when installed; `set`/`remove` change the copy, `saveAsync` writes it into the
 * workbook (where `workbook.settings` reads it), `refreshAsync` re-reads the workbook.
 */
import { ExcelEnums } from "./enums";
import { HostError, HostErrorCode } from "./errors";
import { HostClientResult, HostObject } from "./proxy";
import type { Workbench } from "./workbench";
import { RequestContextProxy } from "./workbook";

/** Requirement sets the simulated host reports as supported (highest version). */
export const SUPPORTED_SETS: Record<string, string> = {
  ExcelApi: "1.17",
  ExcelApiOnline: "1.1",
  SharedRuntime: "1.1",
  CustomFunctionsRuntime: "1.3",
  DialogApi: "1.2",
  RibbonApi: "1.1",
  AddinCommands: "1.1",
};

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

interface AsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { code: number; name: string; message: string };
  asyncContext?: unknown;
}

type AsyncCallback<T> = (result: AsyncResult<T>) => void;

function callLater<T>(cb: AsyncCallback<T> | undefined, value: T, asyncContext?: unknown): void {
  if (!cb) return;
  setTimeout(() => cb({ status: "succeeded", value, asyncContext }), 0);
}

/** Defines `Excel`, `OfficeExtension` and `Office` on `globalObj` (replacing existing ones). */
export function installOffice(globalObj: object, wb: Workbench): void {
  const g = globalObj as Record<string, unknown>;
  let docSettings = new Map<string, unknown>(wb.workbook.settings);
  let taskpaneVisible = false;

  const excelErrorCodes = { ...ExcelEnums.ErrorCodes, requestPayloadSizeLimitExceeded: HostErrorCode.requestPayloadSizeLimitExceeded };

  g["Excel"] = {
    ...ExcelEnums,
    ErrorCodes: excelErrorCodes,
    run: wb.run,
    RequestContext: RequestContextProxy,
  };

  g["OfficeExtension"] = {
    Error: HostError,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      activityLimitReached: "ActivityLimitReached",
      invalidObjectPath: HostErrorCode.invalidObjectPath,
      propertyNotLoaded: HostErrorCode.propertyNotLoaded,
      valueNotLoaded: HostErrorCode.valueNotLoaded,
      invalidRequestContext: "InvalidRequestContext",
      invalidArgument: HostErrorCode.invalidArgument,
      runMustReturnPromise: HostErrorCode.runMustReturnPromise,
      cannotRegisterEvent: "CannotRegisterEvent",
      apiNotFound: "ApiNotFound",
      connectionFailure: "ConnectionFailure",
    },
    ClientObject: HostObject,
    ClientResult: HostClientResult,
    config: { extendedErrorLogging: false },
  };

  const settings = {
    get(name: string): unknown {
      return docSettings.has(name) ? docSettings.get(name) : null;
    },
    set(name: string, value: unknown): void {
      docSettings.set(name, JSON.parse(JSON.stringify(value ?? null)) as unknown);
    },
    remove(name: string): void {
      docSettings.delete(name);
    },
    saveAsync(optionsOrCallback?: unknown, callback?: AsyncCallback<void>): void {
      const cb = (typeof optionsOrCallback === "function" ? optionsOrCallback : callback) as AsyncCallback<void> | undefined;
      const ctx =
        typeof optionsOrCallback === "object" && optionsOrCallback
          ? (optionsOrCallback as { asyncContext?: unknown }).asyncContext
          : undefined;
      const store = wb.workbook.settings;
      store.clear();
      for (const [k, v] of docSettings) store.set(k, v);
      wb.notify({ kind: "settings" });
      callLater(cb, undefined, ctx);
    },
    refreshAsync(callback?: AsyncCallback<unknown>): void {
      docSettings = new Map(wb.workbook.settings);
      callLater(callback, settings);
    },
    addHandlerAsync(_type: unknown, _handler: unknown, _options?: unknown, callback?: AsyncCallback<void>): void {
      callLater(callback, undefined);
    },
  };

  const info = { host: "Excel", platform: "OfficeOnline" };
  let readyCallbacks: ((i: typeof info) => void)[] | null = [];
  setTimeout(() => {
    const cbs = readyCallbacks ?? [];
    readyCallbacks = null;
    for (const cb of cbs) cb(info);
  }, 0);

  const office = {
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { SettingsChanged: "settingsChanged", DocumentSelectionChanged: "documentSelectionChanged" },
    initialize: undefined as unknown,
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return new Promise((resolve) => {
        const done = (i: typeof info): void => {
          callback?.(i);
          resolve(i);
        };
        if (readyCallbacks) readyCallbacks.push(done);
        else setTimeout(() => done(info), 0);
      });
    },
    context: {
      displayLanguage: wb.locale,
      contentLanguage: wb.locale,
      host: "Excel",
      platform: "OfficeOnline",
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" },
      officeTheme: {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#000000",
        isDarkTheme: false,
      },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const have = SUPPORTED_SETS[name];
          if (have === undefined) return false;
          return minVersion === undefined ? true : versionAtLeast(have, String(minVersion));
        },
      },
      document: { settings },
    },
    actions: {
      associate(id: string, handler: (event: { completed: (options?: unknown) => void }) => unknown): void {
        wb.actions.set(id, handler);
      },
    },
    addin: {
      showAsTaskpane(): Promise<void> {
        taskpaneVisible = true;
        return Promise.resolve();
      },
      hide(): Promise<void> {
        taskpaneVisible = false;
        return Promise.resolve();
      },
      /** Not part of Office.js: lets the workbench page show or hide its pane. */
      get isTaskpaneVisible(): boolean {
        return taskpaneVisible;
      },
      onVisibilityModeChanged(): Promise<() => Promise<void>> {
        return Promise.resolve(() => Promise.resolve());
      },
    },
  };
  g["Office"] = office;
}
