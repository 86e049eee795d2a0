/**
 * Entry of workbench.html: AR Desk without Excel. Creates the simulated Excel host with the AR
 * custom functions registered (so `=AR.…` formulas compute in the grid, in the page's language
 * and with its "today"), seeds it with the sample book, installs the `Excel` and `Office` globals in place of office.js, loads the
 * ribbon commands (which register their actions with `Office.actions.associate`, as in Excel)
 * and renders the grid view with the real task pane beside it.
 *
 * Built only in development or with `--env workbench`; production bundles never include it.
 */
import { createRoot } from "react-dom/client";
import { serialFromIso } from "../engine/dates";
import { mountTaskpane } from "../taskpane/mount";
import { workerAgingEngine } from "../taskpane/worker/client";
import { createEngineWorker } from "../taskpane/worker/createWorker";
import { fixedToday, systemToday, type Today } from "../host/clock";
import { registerRibbonActions } from "../commands/ribbon";
import { showTaskpane } from "../host/office";
import type { ExcelRun } from "../excel/types";
import { createWorkbench } from "./host/workbench";
import { App } from "./page/App";
import { arFunctionRegistry } from "./page/functions";
import type { PageHost } from "./page/App";
import { pageParams } from "./page/params";
import { sampleTables, seedTables } from "./page/seed";

async function start(): Promise<void> {
  const params = pageParams(window.location.search);
  document.documentElement.lang = params.lang;
  // `?today=` fixes the date for everything on the page: the pane, the ribbon and the formulas.
  const fixedSerial = params.today ? serialFromIso(params.today) : null;
  const today: Today = fixedSerial !== null ? fixedToday(fixedSerial) : systemToday;
  // The page's language is fixed for its lifetime (switching reloads the page), as Excel's
  // display language is for a session.
  const workbench = createWorkbench({
    locale: params.lang,
    functions: arFunctionRegistry(() => ({ lang: params.lang, today })),
    freezePanesFail: params.freezePanesFail,
  });
  if (!params.empty) await seedTables(workbench, sampleTables(params.invoices, params.seed));
  workbench.install(window);

  // Office.addin.showAsTaskpane / hide (used by the "Open AR Desk" command and by the monthly
  // aging when it needs the user) show and hide the page's side panel.
  const visibilityListeners: Array<(visible: boolean) => void> = [];
  const addin = (window as unknown as { Office: { addin: { showAsTaskpane: () => Promise<void>; hide: () => Promise<void> } } }).Office
    .addin;
  const showAsTaskpane = addin.showAsTaskpane.bind(addin);
  const hide = addin.hide.bind(addin);
  addin.showAsTaskpane = async () => {
    await showAsTaskpane();
    for (const l of visibilityListeners) l(true);
  };
  addin.hide = async () => {
    await hide();
    for (const l of visibilityListeners) l(false);
  };

  // The ribbon's handlers, registered as Excel's shared runtime does when commands.js loads, but
  // with the page's host: its Excel.run, language and "today".
  const office = (window as unknown as { Office: typeof Office }).Office;
  registerRibbonActions(office.actions, { run: workbench.run as ExcelRun, today, displayLanguage: params.lang, showTaskpane });

  const host: PageHost = {
    get workbook() {
      return workbench.workbook;
    },
    subscribe: (listener) => workbench.onChange(() => listener()),
    stats: () => ({ roundTrips: workbench.stats.roundTrips, largestRequestBytes: workbench.stats.maxRequestBytes }),
    runAction: (id) => workbench.invokeAction(id),
    mountPane: (element) => {
      // The pane's aging computes in a worker, as in Excel (`?engine=inprocess` computes on the page's thread, for comparison).
      const engine = params.engine === "worker" ? workerAgingEngine(createEngineWorker) : undefined;
      mountTaskpane(element, { run: workbench.run as ExcelRun, displayLanguage: params.lang, today, theme: params.theme, engine });
    },
    onPaneVisibility: (listener) => {
      visibilityListeners.push(listener);
    },
    // Through the API like any write, so it counts in the status bar's round trips.
    writeCell: (sheet, row, col, entry) =>
      workbench.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, col, 1, 1).formulas = [[entry]];
        await context.sync();
      }),
  };

  const container = document.getElementById("workbench");
  if (!container) throw new Error('workbench.html must contain <div id="workbench">');
  createRoot(container).render(<App host={host} lang={params.lang} paneOpen={params.paneOpen} paneWidth={params.paneWidth} />);
}

void start();
