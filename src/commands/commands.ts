/**
 * Production entry of the ribbon commands (commands.js): registers the handlers at module load,
 * as Office requires in a shared runtime, with the real host — Office's `Excel.run`, display
 * language and task pane, and the machine's clock. The workbench registers the same handlers
 * with its own host (src/workbench/index.tsx).
 */
import { systemToday } from "../host/clock";
import { officeDisplayLanguage, officeRun, showTaskpane } from "../host/office";
import { registerRibbonActions } from "./ribbon";

export { ACTION_IDS, ribbonActions, type CommandEvent } from "./ribbon";

// Office.actions is absent outside a shared runtime (and in tests that load no host).
if (typeof Office !== "undefined" && Office.actions) {
  registerRibbonActions(Office.actions, { run: officeRun(), today: systemToday, displayLanguage: officeDisplayLanguage(), showTaskpane });
}
