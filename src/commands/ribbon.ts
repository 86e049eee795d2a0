/**
 * Ribbon command handlers (ExecuteFunction), built from the host facts they need — `Excel.run`,
 * today's date, the display language — so the production entry (commands.ts), the workbench and
 * tests hand in their own. Each handler completes its event whatever happens, or Office keeps the
 * button busy and eventually shows an error of its own.
 */
import type { ExcelRun } from "../excel/types";
import type { Today } from "../host/clock";
import { runMonthlyAging } from "./monthlyAging";

/** The event Office hands an ExecuteFunction handler; only `completed` is used. */
export interface CommandEvent {
  completed: () => void;
}

/** What the ribbon's handlers are given by their host. */
export interface RibbonDeps {
  run: ExcelRun;
  /** Today as an Excel serial: the monthly aging is the last month-end before it. */
  today: Today;
  displayLanguage: string;
  showTaskpane: () => Promise<void>;
}

/** Action ids, as written in manifest.xml. */
export const ACTION_IDS = { monthlyAging: "ARDesk.MonthlyAging", showTaskpane: "ARDesk.ShowTaskpane" } as const;

/** One handler per ribbon button. */
export interface RibbonActions {
  /** "Monthly aging": writes the last month-end's aging, or opens the task pane on the problem. */
  monthlyAging: (event: CommandEvent) => Promise<void>;
  /** "Open AR Desk": shows the task pane. */
  showTaskpane: (event: CommandEvent) => Promise<void>;
}

/**
 * The ribbon's handlers over `deps`.
 *
 * @example
 * const actions = ribbonActions({ run: Excel.run, today: systemToday, displayLanguage: "en-US", showTaskpane });
 * Office.actions.associate(ACTION_IDS.monthlyAging, actions.monthlyAging);
 */
export function ribbonActions(deps: RibbonDeps): RibbonActions {
  return {
    monthlyAging: async (event) => {
      try {
        await runMonthlyAging(deps.run, { today: deps.today, displayLanguage: deps.displayLanguage, showTaskpane: deps.showTaskpane });
      } finally {
        event.completed();
      }
    },
    showTaskpane: async (event) => {
      try {
        await deps.showTaskpane();
      } finally {
        event.completed();
      }
    },
  };
}

/**
 * Registers every ribbon handler with Office (in a shared runtime this must happen when the
 * commands script loads).
 *
 * @example
 * registerRibbonActions(Office.actions, deps);
 */
export function registerRibbonActions(actions: Pick<typeof Office.actions, "associate">, deps: RibbonDeps): RibbonActions {
  const handlers = ribbonActions(deps);
  actions.associate(ACTION_IDS.monthlyAging, handlers.monthlyAging);
  actions.associate(ACTION_IDS.showTaskpane, handlers.showTaskpane);
  return handlers;
}
