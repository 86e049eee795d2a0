/**
 * Mounting the task pane into a page: the production entry (index.tsx) and the workbench page
 * both call this with their own host dependencies.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, type TaskpaneDeps } from "./App";

export type { TaskpaneDeps };

/**
 * Renders the task pane into `element` and returns a function that unmounts it.
 *
 * @example
 * const unmount = mountTaskpane(document.getElementById("container")!, { run, displayLanguage: "en-US", today });
 */
export function mountTaskpane(element: HTMLElement, deps: TaskpaneDeps): () => void {
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <App deps={deps} />
    </StrictMode>,
  );
  return () => root.unmount();
}
