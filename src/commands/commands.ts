/**
 * Ribbon command handlers (ExecuteFunction). Registered at module load, as Office requires for
 * a shared runtime; each handler completes its event whatever happens, or Office keeps the
 * button busy and eventually shows an error of its own.
 */
import { runMonthlyAging } from "./monthlyAging";
import { officeDisplayLanguage, officeRun, showTaskpane, todaySerial } from "./officeHost";

/** The event Office hands an ExecuteFunction handler; only `completed` is used. */
export interface CommandEvent {
  completed: () => void;
}

/** "Monthly aging": writes the last month-end's aging, or opens the task pane on the problem. */
export async function monthlyAgingAction(event: CommandEvent): Promise<void> {
  try {
    await runMonthlyAging(officeRun(), { today: () => todaySerial(), displayLanguage: officeDisplayLanguage() });
  } finally {
    event.completed();
  }
}

/** "Open AR Desk": shows the task pane. */
export async function showTaskpaneAction(event: CommandEvent): Promise<void> {
  try {
    await showTaskpane();
  } finally {
    event.completed();
  }
}

/** Action ids, as written in manifest.xml. */
export const ACTION_IDS = { monthlyAging: "ARDesk.MonthlyAging", showTaskpane: "ARDesk.ShowTaskpane" } as const;

// Office.actions is absent outside a shared runtime (and in the workbench and tests).
if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate(ACTION_IDS.monthlyAging, monthlyAgingAction);
  Office.actions.associate(ACTION_IDS.showTaskpane, showTaskpaneAction);
}
