/**
 * The AR Desk task pane: one FluentProvider following Office's theme, a tab list (Data, Aging,
 * Credit, Reconcile, Settings), and the ribbon's hand-over message when the one-click aging could not run.
 */
import { useMemo } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { ExcelRun } from "../excel/types";
import { PaneProvider, type PaneEnvironment } from "./context";
import { usePaneShell, type PaneTab } from "./hooks/usePaneShell";
import { DataView } from "./components/DataView";
import { AgingView } from "./components/AgingView";
import { SettingsView } from "./components/SettingsView";
import { CreditView } from "./components/CreditView";
import { ReconcileView } from "./components/ReconcileView";
import { CollectionsView } from "./components/CollectionsView";
import { officeWorkbookPort } from "../excel/workbookPort";
import { describeError, describeProblem } from "./messages";

/** What the pane needs from its host; the workbench and tests pass their own. */
export interface TaskpaneDeps {
  /** `Excel.run`, or the workbench's simulated equivalent. */
  run: ExcelRun;
  /** Office's display language tag (Office.context.displayLanguage). */
  displayLanguage: string;
  /** Today as an Excel serial: the UI may read the clock, the engine may not. */
  today: () => number;
  /** Office's theme; light when not given. */
  theme?: "light" | "dark";
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  panel: { paddingBlock: tokens.spacingVerticalS },
});

const TABS: readonly PaneTab[] = ["data", "aging", "credit", "reconcile", "collections", "settings"];

/** The task pane application. */
export function App({ deps }: { deps: TaskpaneDeps }) {
  const styles = useStyles();
  const shell = usePaneShell(deps.run, deps.displayLanguage);
  const { settings, save, lang, t, tab } = shell;
  const port = useMemo(() => officeWorkbookPort(deps.run), [deps.run]);
  const environment = useMemo<PaneEnvironment>(() => ({ run: deps.run, lang, t, today: deps.today }), [deps.run, deps.today, lang, t]);

  return (
    <FluentProvider theme={deps.theme === "dark" ? webDarkTheme : webLightTheme} lang={lang}>
      <PaneProvider value={environment}>
        {/* The page styles sit on <main>, not on the provider: Fluent copies the provider's classes
            onto the portal of every dropdown list, and a full-height filled portal covers the page. */}
        <main className={mergeClasses(styles.provider, styles.root)}>
          <Title3 as="h1">{t("pane.title")}</Title3>
          {shell.problem && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("ribbon.problem.title")}</MessageBarTitle>
                {describeProblem(t, lang, shell.problem)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={shell.dismissProblem}>
                  {t("pane.dismiss")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {shell.loadError !== null && (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{t("pane.error.title")}</MessageBarTitle>
                {describeError(t, shell.loadError)}
              </MessageBarBody>
            </MessageBar>
          )}
          {!settings && <Spinner size="small" />}
          {settings && (
            <>
              <TabList selectedValue={tab} onTabSelect={(_, data) => shell.setTab(data.value as PaneTab)} aria-label={t("pane.nav")}>
                {TABS.map((id) => (
                  <Tab key={id} value={id} id={`ar-tab-${id}`} aria-controls={`ar-panel-${id}`}>
                    {t(`pane.tab.${id}`)}
                  </Tab>
                ))}
              </TabList>
              {/* Panels stay mounted so a running aging and its result survive a tab switch. */}
              <div role="tabpanel" id="ar-panel-data" aria-labelledby="ar-tab-data" hidden={tab !== "data"} className={styles.panel}>
                <DataView settings={settings} save={save} />
              </div>
              <div role="tabpanel" id="ar-panel-aging" aria-labelledby="ar-tab-aging" hidden={tab !== "aging"} className={styles.panel}>
                <AgingView settings={settings} save={save} onShowData={() => shell.setTab("data")} />
              </div>
              <div role="tabpanel" id="ar-panel-credit" aria-labelledby="ar-tab-credit" hidden={tab !== "credit"} className={styles.panel}>
                <CreditView settings={settings} />
              </div>
              <div role="tabpanel" id="ar-panel-reconcile" aria-labelledby="ar-tab-reconcile" hidden={tab !== "reconcile"} className={styles.panel}>
                <ReconcileView settings={settings} />
              </div>
              <div role="tabpanel" id="ar-panel-collections" aria-labelledby="ar-tab-collections" hidden={tab !== "collections"} className={styles.panel}>
                <CollectionsView settings={settings} port={port} />
              </div>
              <div role="tabpanel" id="ar-panel-settings" aria-labelledby="ar-tab-settings" hidden={tab !== "settings"} className={styles.panel}>
                <SettingsView settings={settings} save={save} />
              </div>
            </>
          )}
        </main>
      </PaneProvider>
    </FluentProvider>
  );
}
