/**
 * The pane's views, in navigation order. Adding a view is one line here: an id, the catalog
 * id of its label, and how to render it. The navigation fits any number of views at 320 px
 * (the ones that do not fit move into a "More" menu), so no other file changes.
 */
import type { ReactNode } from "react";
import type { WorkbookSettings } from "../excel/types";
import { AgingView } from "./components/AgingView";
import { CreditView } from "./components/CreditView";
import { DataView } from "./components/DataView";
import { ReconcileView } from "./components/ReconcileView";
import { SettingsView } from "./components/SettingsView";
import { StatementsView } from "./components/StatementsView";
import { InsightsView } from "./components/InsightsView";
import { CollectionsView } from "./components/CollectionsView";

import { usePanePort } from "./writes";

/** What every view is rendered with. */
export interface ViewProps {
  settings: WorkbookSettings;
  save: (next: WorkbookSettings) => Promise<void>;
  /** Switches the pane to another view (e.g. "Show data" from the aging's problem). */
  showView: (id: string) => void;
}

/** One view of the pane. */
export interface PaneView {
  /** Stable id: the tab's value, and part of the tab and panel element ids. */
  id: string;
  /** Catalog id of the view's name in the navigation. */
  label: string;
  render: (props: ViewProps) => ReactNode;
}

/** Every view, in navigation order; the first ones stay visible longest when the pane is narrow. */
export const PANE_VIEWS: readonly PaneView[] = [
  { id: "data", label: "pane.tab.data", render: (p) => <DataView settings={p.settings} save={p.save} /> },
  {
    id: "aging",
    label: "pane.tab.aging",
    render: (p) => <AgingView settings={p.settings} save={p.save} onShowData={() => p.showView("data")} />,
  },
  { id: "collections", label: "pane.tab.collections", render: (p) => <CollectionsPanel settings={p.settings} /> },
  { id: "credit", label: "pane.tab.credit", render: (p) => <CreditView settings={p.settings} save={p.save} /> },
  { id: "reconcile", label: "pane.tab.reconcile", render: (p) => <ReconcileView settings={p.settings} save={p.save} /> },
  { id: "statements", label: "pane.tab.statements", render: (p) => <StatementsView settings={p.settings} /> },
  { id: "insights", label: "pane.tab.insights", render: (p) => <InsightsView settings={p.settings} save={p.save} /> },
  { id: "settings", label: "pane.tab.settings", render: (p) => <SettingsView settings={p.settings} save={p.save} /> },
];

/** The Collections view over the pane's workbook port. */
function CollectionsPanel({ settings }: { settings: WorkbookSettings }): ReactNode {
  const port = usePanePort();
  return <CollectionsView settings={settings} port={port} />;
}
