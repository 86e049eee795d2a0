/**
 * The outcome of a run: which sheets were written, totals by bucket per currency (a small bar
 * chart with the same numbers in a table), the largest overdue balances, and the issues, each
 * of which selects its cell in the workbook.
 */
import { useMemo, useState } from "react";
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { RowIssue } from "../../engine/types";
import type { Bucket, CurrencyTotals } from "../../engine/aging";
import { formatMoney } from "../../engine/money";
import { isoFromSerial } from "../../engine/dates";
import { selectCell } from "../../excel";
import { usePane } from "../context";
import type { AgingRunDone } from "../hooks/useAgingRun";
import type { GroupBy } from "../hooks/useAgingForm";
import { summarizeAging, type OverdueByCurrency } from "../../engine/report/overdue";
import { issueMessage } from "../messages";
import { WriteNotices } from "../writes";
import { ErrorNotice } from "./ErrorNotice";

/** Issues listed in the pane; the exceptions sheet holds them all. */
export const MAX_LISTED_ISSUES = 50;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  chart: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  barTrack: { height: "12px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  bar: { height: "100%", backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  barOverdue: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  number: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  issues: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  issueButton: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    paddingBlock: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  issueText: { paddingInline: tokens.spacingHorizontalS },
  severity: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * How sound a run's result is: source rows left out of the figures as unusable (unreadable,
 * duplicate, currency mismatch; documents dated after the as-of date are not counted here, they
 * belong to a later period) and error issues.
 *
 * @example
 * resultHealth(report) // { leftOut: 3, errors: 4 }
 */
export function resultHealth(report: AgingRunDone["report"]): { leftOut: number; errors: number } {
  let leftOut = 0;
  for (const row of report.excluded) if (row.reason !== "after-as-of") leftOut++;
  let errors = 0;
  for (const issue of report.issues) if (issue.severity === "error") errors++;
  return { leftOut, errors };
}

/** Props of the result view. */
export interface AgingResultProps {
  result: AgingRunDone;
  groupBy: GroupBy;
}

/** The result of a completed aging run. */
export function AgingResult({ result, groupBy }: AgingResultProps) {
  const { t } = usePane();
  const styles = useStyles();
  const { report, write } = result;
  const summary = useMemo(() => summarizeAging(report, groupBy), [report, groupBy]);
  const { leftOut, errors } = useMemo(() => resultHealth(report), [report]);

  return (
    <section className={styles.root} aria-labelledby="ar-result-heading">
      {/* tabIndex -1: the view moves focus here when a run ends, so keyboard and screen-reader users land on the result. */}
      <Subtitle2 as="h2" id="ar-result-heading" tabIndex={-1}>
        {t("pane.result.heading", { date: isoFromSerial(report.asOf) })}
      </Subtitle2>
      {/* Rows left out, errors in the data, or a freeze pane Excel refused make the result a warning, never a plain success. */}
      <MessageBar intent={leftOut > 0 || errors > 0 || (write.warnings?.length ?? 0) > 0 ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          {t("pane.result.written", { sheets: write.sheets.join(", ") })}
          {leftOut > 0 && <> {t("pane.result.leftOut", { count: leftOut })}</>}
          {leftOut === 0 && errors > 0 && <> {t("pane.result.withErrors", { count: errors })}</>}
        </MessageBarBody>
      </MessageBar>
      {/* Edited sheets kept or replaced, freeze panes Excel refused: said here, beside the result. */}
      <WriteNotices />
      {write.renamed.map((r) => (
        <MessageBar key={r.requested} intent="info">
          <MessageBarBody>{t("pane.result.renamed", r)}</MessageBarBody>
        </MessageBar>
      ))}
      <div className={styles.section}>
        <Subtitle2 as="h3">{t("pane.result.totals")}</Subtitle2>
        {summary.totals.map((totals) => (
          <CurrencyTotalsView
            key={totals.currency}
            buckets={summary.buckets}
            totals={totals}
            firstOverdue={report.basis === "due" ? 1 : summary.buckets.length}
          />
        ))}
      </div>
      <TopOverdue groups={summary.topOverdue} groupBy={groupBy} />
      <IssueList issues={report.issues} />
    </section>
  );
}

interface CurrencyTotalsViewProps {
  buckets: Bucket[];
  totals: CurrencyTotals;
  /** Index of the first overdue bucket (basis "due": after Current), for the bar colour. */
  firstOverdue: number;
}

/** One currency's buckets: a bar chart for the eye, a table with the same numbers for everyone. */
function CurrencyTotalsView({ buckets, totals, firstOverdue }: CurrencyTotalsViewProps) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const largest = Math.max(1, ...totals.buckets.map((amount) => Math.abs(amount)));
  const chartLabel = t("pane.result.chartLabel", { currency: totals.currency });

  return (
    <div className={styles.section}>
      {/* The chart repeats the table below; it is hidden from assistive technology. */}
      <div className={styles.chart} aria-hidden="true">
        {buckets.map((bucket, k) => {
          const amount = totals.buckets[k] ?? 0;
          const width = `${Math.round((Math.max(0, amount) / largest) * 100)}%`;
          return (
            <div key={bucket.key} style={{ display: "contents" }}>
              <Caption1>{bucket.label}</Caption1>
              <div className={styles.barTrack}>
                <div className={k >= firstOverdue ? `${styles.bar} ${styles.barOverdue}` : styles.bar} style={{ width }} />
              </div>
            </div>
          );
        })}
      </div>
      <Table size="extra-small" aria-label={chartLabel}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("pane.result.bucket")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("pane.result.amount")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {buckets.map((bucket, k) => (
            <TableRow key={bucket.key}>
              <TableCell>{bucket.label}</TableCell>
              <TableCell className={styles.number}>{formatMoney(totals.buckets[k] ?? 0, totals.currency, lang)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>{t("pane.result.open")}</TableCell>
            <TableCell className={styles.number}>{formatMoney(totals.open, totals.currency, lang)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{t("pane.result.unapplied")}</TableCell>
            <TableCell className={styles.number}>{formatMoney(totals.unapplied, totals.currency, lang)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{t("pane.result.net")}</TableCell>
            <TableCell className={styles.number}>{formatMoney(totals.net, totals.currency, lang)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

/** The largest overdue balances per currency, by customer or by sales rep. */
function TopOverdue({ groups, groupBy }: { groups: OverdueByCurrency[]; groupBy: GroupBy }) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const heading = t(groupBy === "salesRep" ? "pane.result.topOverdueReps" : "pane.result.topOverdue");
  const nameHeader = t(groupBy === "salesRep" ? "pane.aging.groupBy.salesRep" : "pane.aging.groupBy.customer");

  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">{heading}</Subtitle2>
      {groups.length === 0 && <Text>{t("pane.result.noOverdue")}</Text>}
      {groups.map(({ currency, rows }) => (
        <Table key={currency} size="extra-small" aria-label={`${heading} (${currency})`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{nameHeader}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("pane.result.overdue")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("pane.result.open")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.name ?? ""}>
                <TableCell>{row.name ?? t("pane.result.noRep")}</TableCell>
                <TableCell className={styles.number}>{formatMoney(row.overdue, currency, lang)}</TableCell>
                <TableCell className={styles.number}>{formatMoney(row.open, currency, lang)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ))}
    </div>
  );
}

/** The data's issues; those located in a cell are buttons that select it in the workbook (also used by the Reconcile view). */
export function IssueList({ issues, headingId = "ar-issues-heading" }: { issues: RowIssue[]; headingId?: string }) {
  const { t, run } = usePane();
  const styles = useStyles();
  const [error, setError] = useState<unknown>(null);
  const shown = issues.slice(0, MAX_LISTED_ISSUES);

  const goTo = async (issue: RowIssue) => {
    if (!issue.cell) return;
    setError(null);
    try {
      await selectCell(run, issue.sheet, issue.cell);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <div className={styles.section}>
      <Subtitle2 as="h3" id={headingId}>
        {t("pane.result.issues", { count: issues.length })}
      </Subtitle2>
      {error !== null && <ErrorNotice error={error} />}
      {issues.length === 0 && <Text>{t("pane.result.noIssues")}</Text>}
      {issues.length > shown.length && (
        <Caption1 className={styles.muted}>{t("pane.result.moreIssues", { shown: shown.length, count: issues.length })}</Caption1>
      )}
      <ul className={styles.issues} aria-labelledby={headingId}>
        {shown.map((issue, k) => {
          const severity = t(`pane.result.severity.${issue.severity}`);
          return (
            <li key={`${issue.code}-${issue.sheet}-${issue.cell ?? ""}-${k}`}>
              {issue.cell ? (
                <Button
                  appearance="subtle"
                  className={styles.issueButton}
                  aria-label={`${severity}. ${t("pane.result.goTo", { sheet: issue.sheet, cell: issue.cell, message: issueMessage(t, issue) })}`}
                  onClick={() => void goTo(issue)}
                >
                  <span>
                    <span className={styles.severity}>{severity}</span> {issue.sheet}!{issue.cell}: {issueMessage(t, issue)}
                  </span>
                </Button>
              ) : (
                <Text className={styles.issueText}>
                  <span className={styles.severity}>{severity}</span> {issue.sheet ? `${issue.sheet}: ` : ""}
                  {issueMessage(t, issue)}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
