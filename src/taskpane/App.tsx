/**
 * The AR Desk task pane: one FluentProvider following Office's theme, the navigation over the
 * views registered in `views.tsx`, and the ribbon's hand-over message when the one-click aging could not run.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { ExcelRun } from "../excel/types";
import type { AgingEngine } from "../app/agingEngine";
import { PaneProvider, type PaneEnvironment } from "./context";
import { usePaneShell } from "./hooks/usePaneShell";
import { PaneNav } from "./nav/PaneNav";
import { DraftProvider } from "./draft";
import { PANE_VIEWS } from "./views";
import { describeError, describeProblem } from "./messages";
import { WriteDeskProvider, WriteNotices, WriteScope } from "./writes";

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
  /** Where the aging computes: the page's engine worker; in process when not given (tests). */
  engine?: AgingEngine;
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  panel: { paddingBlock: tokens.spacingVerticalS },
  header: { display: "flex", alignItems: "baseline", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
});

/** The task pane application. */
export function App({ deps }: { deps: TaskpaneDeps }) {
  const styles = useStyles();
  const shell = usePaneShell(deps.run, deps.displayLanguage);
  const { settings, save, lang, t, tab } = shell;
  const [mappingUnsaved, setMappingUnsaved] = useState(false);
  const drafts = useMemo(() => ({ mappingUnsaved, setMappingUnsaved }), [mappingUnsaved]);
  // The ribbon's problem is the first thing the user sees: scrolled into view and focused.
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!shell.problem || !settings) return;
    problemRef.current?.scrollIntoView?.({ block: "start" });
    problemRef.current?.focus();
  }, [shell.problem, settings]);
  const setTab = shell.setTab;
  // The ribbon's write notes (a kept edited sheet, a freeze pane refused) belong to the Aging view.
  const showAging = useCallback(() => setTab("aging"), [setTab]);
  const environment = useMemo<PaneEnvironment>(
    () => ({ run: deps.run, lang, t, today: deps.today, engine: deps.engine }),
    [deps.run, deps.today, deps.engine, lang, t],
  );

  return (
    <FluentProvider theme={deps.theme === "dark" ? webDarkTheme : webLightTheme} lang={lang}>
      <PaneProvider value={environment}>
        <DraftProvider value={drafts}>
          <WriteDeskProvider onRibbonNotes={showAging}>
            {/* The page styles sit on <main>, not on the provider: Fluent copies the provider's classes
            onto the portal of every dropdown list, and a full-height filled portal covers the page. */}
            <main className={mergeClasses(styles.provider, styles.root)}>
              <div className={styles.header}>
                <Title3 as="h1">{t("pane.title")}</Title3>
                {/* help.html ships beside the pane (webpack copies it); Chinese readers get its Chinese section. */}
                <Link
                  href={lang === "zh-CN" ? "help.html#zh-CN" : "help.html"}
                  target="_blank"
                  rel="noopener"
                  aria-label={t("pane.help.label")}
                >
                  {t("pane.help")}
                </Link>
              </div>
              {shell.problem && (
                <MessageBar intent="warning" layout="multiline" ref={problemRef} tabIndex={-1} aria-labelledby="ar-ribbon-problem">
                  <MessageBarBody>
                    <MessageBarTitle id="ar-ribbon-problem">{t("ribbon.problem.title")}</MessageBarTitle>
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
                  <PaneNav views={PANE_VIEWS} selected={tab} onSelect={shell.setTab} />
                  {/* Panels stay mounted so a running aging and its result survive a view switch. */}
                  {PANE_VIEWS.map((view) => (
                    <div
                      key={view.id}
                      role="tabpanel"
                      id={`ar-panel-${view.id}`}
                      aria-labelledby={`ar-tab-${view.id}`}
                      hidden={tab !== view.id}
                      className={styles.panel}
                    >
                      <WriteScope id={view.id}>
                        <WriteNotices placement="panel" />
                        {view.render({ settings, save, showView: shell.setTab })}
                      </WriteScope>
                    </div>
                  ))}
                </>
              )}
            </main>
          </WriteDeskProvider>
        </DraftProvider>
      </PaneProvider>
    </FluentProvider>
  );
}
