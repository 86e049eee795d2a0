/**
 * The Insights view: months, DSO window and the roll-forward's rows (per currency, customer or
 * rep), "Analyse" (writes "AR Roll-forward" with its chart and "AR Rep Scorecard"), the last
 * month's KPIs per currency, the month-ends, the reps in rank order, and the provision (given
 * or derived loss rates, and the movement against a previous provision; writes "AR Provision").
 * The choices and the last provision are kept in the workbook for next month.
 */
import { useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookSettings } from "../../excel/types";
import { lastMonthEnd } from "../../engine/dates";
import { formatMoney } from "../../engine/money";
import { monthEndSerial, monthKey, monthOfSerial, parseMonth } from "../../engine/analytics/months";
import { roundTo } from "../../engine/analytics/round";
import type { HistoryGrouping } from "../../engine/analytics/history";
import { parsePreviousProvision, previousProvisionText } from "../../engine/analytics/provision";
import { isoFromSerial, serialFromIso } from "../../engine/dates";
import { ReportCurrencyFields, reportCurrencyChoice, reportCurrencyDraft } from "./ReportCurrencyFields";
import { usePane } from "../context";
import { useInsights } from "../hooks/useInsights";
import { ErrorNotice } from "./ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: "wrap", alignItems: "end" },
  narrow: { width: "8.5em" },
  table: { tableLayout: "fixed", width: "100%" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // Three choices side by side wrap rather than widen a 320 px pane.
  wrap: { flexWrap: "wrap" },
});

/** Reps shown in the pane (the sheet lists them all). */
const MAX_REPS = 30;

const percent = (value: number | null): string => (value === null ? "—" : String(roundTo(value)));

const GROUPINGS: readonly HistoryGrouping[] = ["currency", "customer", "rep"];

/** Props of the Insights view. */
export interface InsightsViewProps {
  settings: WorkbookSettings;
  /** Keeps the view's choices in the workbook; without it they last as long as the pane. */
  save?: (next: WorkbookSettings) => Promise<void>;
}

/**
 * The previous provision to offer for a run at `asOf`: the last one kept, when it is of an
 * earlier date (a re-run of the same month-end would compare the provision with itself).
 *
 * @example
 * previousFor({ asOf: "2026-09-30", totals: "USD=5265" }, serialFromIso("2026-10-31")!) // "USD=5265"
 */
export function previousFor(last: { asOf: string; totals: string } | undefined, asOf: number): string {
  const date = last ? serialFromIso(last.asOf) : null;
  return last && date !== null && date < asOf ? last.totals : "";
}

/** The Insights view. */
export function InsightsView({ settings, save }: InsightsViewProps) {
  const { t, lang, today } = usePane();
  const styles = useStyles();
  const insights = useInsights(settings, lang);
  const lastMonth = monthOfSerial(lastMonthEnd(today()));
  const [from, setFrom] = useState(monthKey(lastMonth - 5));
  const [to, setTo] = useState(monthKey(lastMonth));
  const [windowMonths, setWindowMonths] = useState(String(settings.insights?.window ?? 3));
  const [by, setBy] = useState<HistoryGrouping>(settings.insights?.by ?? "currency");
  const [fxDraft, setFxDraft] = useState(() => reportCurrencyDraft(settings.reportCurrency));
  const [lossRates, setLossRates] = useState("");
  const [history, setHistory] = useState("12");
  const [adjust, setAdjust] = useState("0");
  const [previous, setPrevious] = useState(() => previousFor(settings.insights?.lastProvision, monthEndSerial(lastMonth)));
  const [problem, setProblem] = useState<string | null>(null);

  const fx = (): { currency: string; ratesTable: string } | null | undefined => {
    const choice = reportCurrencyChoice(fxDraft);
    if (choice.ok) return choice.value;
    setProblem(t("analytics.pane.badCurrency"));
    return undefined;
  };

  /** Keeps the choices (and, after a provision, its totals) in the workbook; a refusal is not the run's failure. */
  const remember = (changes: Partial<WorkbookSettings["insights"]> & { reportCurrency?: WorkbookSettings["reportCurrency"] }) => {
    if (!save) return;
    const { reportCurrency, ...choices } = changes;
    const kept = settings.insights ?? { by: "currency" as const, window: 3 };
    void save({
      ...settings,
      ...(reportCurrency !== undefined ? { reportCurrency } : {}),
      insights: { ...kept, ...choices },
    }).catch(() => undefined);
  };

  const analyse = () => {
    setProblem(null);
    const fromMonth = parseMonth(from);
    const toMonth = parseMonth(to);
    const months = Number(windowMonths);
    if (fromMonth === null || toMonth === null || fromMonth > toMonth || toMonth - fromMonth >= 600)
      return setProblem(t("analytics.pane.badMonths"));
    if (!Number.isInteger(months) || months < 1 || months > 24) return setProblem(t("analytics.pane.badWindow"));
    const reporting = fx();
    if (reporting === undefined) return;
    remember({ by, window: months, reportCurrency: reporting });
    void insights.analyse({ from: fromMonth, to: toMonth, window: months, by, reportCurrency: reporting });
  };

  const provide = () => {
    setProblem(null);
    const toMonth = parseMonth(to);
    const historyMonths = Number(history);
    const adjustment = Number(adjust);
    const text = lossRates.trim();
    // Numbers are the rates; anything else names a table or sheet of the workbook that holds them.
    const isList = /^[\d.,，;；%\s]+$/.test(text);
    const rates = text === "" || !isList ? null : text.split(/\s*[,，;；]\s*|\s+/).map((part) => Number(part.replace(/%$/, "")));
    const lossRatesTable = text !== "" && !isList ? text : undefined;
    if (toMonth === null) return setProblem(t("analytics.pane.badMonths"));
    if (rates && rates.some((r) => !Number.isFinite(r) || r < 0 || r > 100)) return setProblem(t("analytics.pane.badRates"));
    if (!Number.isInteger(historyMonths) || historyMonths < 1 || historyMonths > 120 || !Number.isFinite(adjustment))
      return setProblem(t("analytics.pane.badHistory"));
    const reporting = fx();
    if (reporting === undefined) return;
    const previousText = previous.trim();
    // "CUR=AMOUNT, …" is checked here; a bare amount needs the book's one currency (the use case checks it).
    if (previousText !== "" && !/^\s*-?\d+(\.\d+)?\s*$/.test(previousText) && parsePreviousProvision(previousText, []) === null)
      return setProblem(t("analytics.pane.badPrevious"));
    const asOf = monthEndSerial(toMonth);
    void insights
      .provide({ asOf, rates, lossRatesTable, history: historyMonths, adjust: adjustment, previous: previousText || undefined }, reporting)
      .then((outcome) => {
        if (outcome) remember({ lastProvision: { asOf: isoFromSerial(asOf), totals: previousProvisionText(outcome.result.totals) } });
      });
  };

  const outcome = insights.kpis;
  const lastKpis = outcome ? outcome.kpis.filter((k) => k.month === Math.max(...outcome.kpis.map((x) => x.month))) : [];
  const lastReps = outcome
    ? outcome.scores.filter((s) => s.month === Math.max(...outcome.scores.map((x) => x.month))).slice(0, MAX_REPS)
    : [];
  const money = (minor: number, currency: string): string => formatMoney(minor, currency, lang);

  return (
    <section className={styles.root} aria-label={t("analytics.pane.tab")}>
      <Subtitle2 as="h2">{t("analytics.pane.period")}</Subtitle2>
      <div className={styles.row}>
        <Field label={t("analytics.pane.from")}>
          <Input className={styles.narrow} value={from} placeholder="YYYY-MM" onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label={t("analytics.pane.to")}>
          <Input className={styles.narrow} value={to} placeholder="YYYY-MM" onChange={(_, d) => setTo(d.value)} />
        </Field>
        <Field label={t("analytics.pane.window")}>
          <Input className={styles.narrow} type="number" value={windowMonths} onChange={(_, d) => setWindowMonths(d.value)} />
        </Field>
      </div>
      <Field label={t("analytics.pane.by")}>
        <RadioGroup className={styles.wrap} value={by} onChange={(_, d) => setBy(d.value as HistoryGrouping)} layout="horizontal">
          {GROUPINGS.map((g) => (
            <Radio key={g} value={g} label={t(`analytics.pane.by.${g}`)} />
          ))}
        </RadioGroup>
      </Field>
      <ReportCurrencyFields draft={fxDraft} onChange={setFxDraft} disabled={insights.running} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={analyse} disabled={insights.running}>
          {t("analytics.pane.run")}
        </Button>
        {insights.running && <Spinner size="tiny" label={t("analytics.pane.running")} />}
      </div>
      {problem && <p role="alert">{problem}</p>}
      {insights.notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{insights.notice}</MessageBarBody>
        </MessageBar>
      )}
      {insights.error !== null && <ErrorNotice error={insights.error} />}
      {insights.written.length > 0 && <p role="status">{t("analytics.pane.written", { sheets: insights.written.join(", ") })}</p>}

      {outcome && (
        <>
          <Subtitle2 as="h2">{t("analytics.pane.kpis", { month: lastKpis[0] ? monthKey(lastKpis[0].month) : "" })}</Subtitle2>
          <Table
            size="extra-small"
            className={styles.table}
            aria-label={t("analytics.pane.kpis", { month: lastKpis[0] ? monthKey(lastKpis[0].month) : "" })}
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("report.column.currency")}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t("analytics.column.dso")}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t("analytics.column.cei")}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t("analytics.column.overdue-pct")}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t("analytics.column.collection-rate")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lastKpis.map((k) => (
                <TableRow key={k.currency}>
                  <TableCell>{k.currency}</TableCell>
                  <TableCell className={styles.number}>{percent(k.dso)}</TableCell>
                  <TableCell className={styles.number}>{percent(k.cei)}</TableCell>
                  <TableCell className={styles.number}>{percent(k.overduePct)}</TableCell>
                  <TableCell className={styles.number}>{percent(k.collectionRate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>

          <Subtitle2 as="h2">{t("analytics.pane.months")}</Subtitle2>
          <Table size="extra-small" className={styles.table} aria-label={t("analytics.pane.months")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("analytics.column.month")}</TableHeaderCell>
                <TableHeaderCell>{t("report.column.currency")}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t("analytics.column.closing")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {outcome.rows.map((r) => (
                <TableRow key={`${r.month}-${r.currency}`}>
                  <TableCell>{monthKey(r.month)}</TableCell>
                  <TableCell>{r.currency}</TableCell>
                  <TableCell className={styles.number}>{money(r.closing, r.currency)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>

          <Subtitle2 as="h2">{t("analytics.pane.reps")}</Subtitle2>
          <Table size="extra-small" className={styles.table} aria-label={t("analytics.pane.reps")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("analytics.column.rank")}</TableHeaderCell>
                <TableHeaderCell>{t("report.column.sales-rep")}</TableHeaderCell>
                <TableHeaderCell>{t("report.column.currency")}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t("analytics.column.collection-rate")}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t("analytics.column.overdue-pct")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lastReps.map((r) => (
                <TableRow key={`${r.currency}-${r.rep ?? ""}`}>
                  <TableCell>{r.rank}</TableCell>
                  <TableCell>{r.rep ?? t("report.no-rep")}</TableCell>
                  <TableCell>{r.currency}</TableCell>
                  <TableCell className={styles.number}>{percent(r.collectionRate)}</TableCell>
                  <TableCell className={styles.number}>{percent(r.overduePct)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}

      <Subtitle2 as="h2">{t("analytics.pane.provision")}</Subtitle2>
      <Field label={t("analytics.pane.lossRates")} hint={t("analytics.pane.lossRates.hint")}>
        <Input value={lossRates} placeholder="0, 1.5, 3.4, 7.1, 10.8" onChange={(_, d) => setLossRates(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t("analytics.pane.history")}>
          <Input className={styles.narrow} type="number" value={history} onChange={(_, d) => setHistory(d.value)} />
        </Field>
        <Field label={t("analytics.pane.adjust")}>
          <Input className={styles.narrow} type="number" value={adjust} onChange={(_, d) => setAdjust(d.value)} />
        </Field>
      </div>
      <Field label={t("analytics.pane.previous")} hint={t("analytics.pane.previous.hint")}>
        <Input value={previous} placeholder="USD=5000, CNY=12000" onChange={(_, d) => setPrevious(d.value)} />
      </Field>
      <Button onClick={provide} disabled={insights.running}>
        {t("analytics.pane.provide")}
      </Button>
      {insights.provision && (
        <ul className={styles.list} aria-label={t("analytics.pane.provision")}>
          {insights.provision.result.totals.map((x) => (
            <li key={x.currency}>
              {t("analytics.pane.provisionTotal", {
                currency: x.currency,
                provision: money(x.provision, x.currency),
                amount: money(x.amount, x.currency),
              })}
              {x.previous !== null &&
                x.movement !== null &&
                ` ${t("analytics.pane.movement", { previous: money(x.previous, x.currency), movement: money(x.movement, x.currency) })}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
