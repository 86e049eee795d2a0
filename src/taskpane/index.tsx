/**
 * Production entry of the task pane page (taskpane.html, `<div id="container">`): waits for
 * Office, then mounts the pane with the real host. (The ribbon commands are their own entry,
 * src/commands/commands.ts, loaded into the same shared runtime.)
 */
import { mountTaskpane } from "./mount";
import { systemToday } from "../host/clock";
import { officeDisplayLanguage, officeRun, officeTheme } from "../host/office";
import { workerAgingEngine } from "./worker/client";
import { createEngineWorker } from "./worker/createWorker";

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) throw new Error('taskpane.html must contain <div id="container">');
  mountTaskpane(container, {
    run: officeRun(),
    displayLanguage: officeDisplayLanguage(),
    today: systemToday,
    theme: officeTheme(),
    engine: workerAgingEngine(createEngineWorker),
  });
});
