/**
 * Edits the user has made but not saved, shared across views: the Data view's mapping draft
 * blocks "Generate aging" until it is saved or discarded, so an aging never silently runs on a
 * mapping other than the one on screen.
 */
import { createContext, useContext } from "react";

/** Unsaved edits and their setter. */
export interface PaneDrafts {
  /** True while the Data view shows a mapping that differs from the saved one. */
  mappingUnsaved: boolean;
  setMappingUnsaved: (unsaved: boolean) => void;
}

const DraftContext = createContext<PaneDrafts>({ mappingUnsaved: false, setMappingUnsaved: () => undefined });

/** Provides the drafts to the views (App holds the state). */
export const DraftProvider = DraftContext.Provider;

/** The pane's unsaved edits. */
export function useDrafts(): PaneDrafts {
  return useContext(DraftContext);
}
