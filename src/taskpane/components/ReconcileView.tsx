/**
 * The Reconcile view: two tables (or a preset), tolerances, "Reconcile" (writes "AR
 * Reconciliation" and colours both tables by outcome); then the tie-out per currency, the count
 * per outcome, a filter by outcome and Previous/Next through the differences. Each step selects
 * the difference's rows in table A (or B when A has none); "Show in A"/"Show in B" select either
 * side, because Excel selects one range at a time. "Clear highlights" removes exactly the
 * reconciliation's conditional formats. Below it, the GL tie-out of the aging (GlTieOutSection).
 */
import { useState } from "react";
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
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
import type { WorkbookSettings } from "../../excel/types";
import { formatMoney } from "../../engine/money";
import { OUTCOME_COLORS, customerList } from "../../engine/report/reconcile";
import type { ReconcileRecord, ReconcileResult, TieOut } from "../../engine/reconcile";
import { usePane } from "../context";
import { useWriteNotes } from "../writes";
import {
  PRESET_CHOICES,
  outcomeCounts,
  useReconcile,
  type OutcomeFilter,
  type PresetChoice,
  type ReconcileState,
} from "../hooks/useReconcile";
import { IssueList } from "./AgingResult";
import { GlTieOutSection } from "./GlTieOutSection";
import { ErrorNotice } from "./ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  number: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    marginInlineEnd: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    verticalAlign: "middle",
  },
  details: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
});

/** The Reconcile view. */
export function ReconcileView({ settings, save }: { settings: WorkbookSettings; save?: (next: WorkbookSettings) => Promise<void> }) {
  const { run, t, lang, today } = usePane();
  const { notApplied } = useWriteNotes();
  const styles = useStyles();
  const state = useReconcile(run, settings, lang, today);
  const running = state.status.kind === "running";
  const [cleared, setCleared] = useState<number | null>(null);
  const [clearError, setClearError] = useState<unknown>(null);

  const clear = async () => {
    setCleared(null);
    setClearError(null);
    try {
      setCleared(await state.clear());
    } catch (error) {
      setClearError(error);
    }
  };

  const numberError = (value: number | undefined | null, whole: boolean) =>
    value === null
      ? { validationState: "error" as const, validationMessage: t(whole ? "pane.reconcile.daysError" : "pane.reconcile.numberError") }
      : {};

  return (
    <section className={styles.root} aria-labelledby="ar-reconcile-heading">
      <Subtitle2 as="h2" id="ar-reconcile-heading">
        {t("pane.reconcile.heading")}
      </Subtitle2>
      {state.loading && <Spinner size="tiny" label={t("pane.reconcile.loading")} />}
      {state.loadError !== null && <ErrorNotice error={state.loadError} />}
      {!state.loading && state.tables.length < 2 && (
        <MessageBar intent="info">
          <MessageBarBody>{t("pane.reconcile.noTables")}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t("pane.reconcile.tableA")}>
        <Dropdown
          value={state.tableA}
          selectedOptions={state.tableA ? [state.tableA] : []}
          onOptionSelect={(_, data) => data.optionValue && state.setTableA(data.optionValue)}
          disabled={running}
        >
          {state.tables.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label={t("pane.reconcile.tableB")}
        validationState={state.tableA !== "" && state.tableA === state.tableB ? "error" : "none"}
        validationMessage={state.tableA !== "" && state.tableA === state.tableB ? t("pane.reconcile.sameTable") : undefined}
      >
        <Dropdown
          value={state.tableB}
          selectedOptions={state.tableB ? [state.tableB] : []}
          onOptionSelect={(_, data) => data.optionValue && state.setTableB(data.optionValue)}
          disabled={running}
        >
          {state.tables.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Checkbox
        label={t("pane.reconcile.customersOfB")}
        checked={state.customersOfB}
        onChange={(_, data) => state.setCustomersOfB(data.checked === true)}
        disabled={running}
      />
      <Field label={t("pane.reconcile.preset")}>
        <Dropdown
          value={t(`pane.reconcile.preset.${state.preset}`)}
          selectedOptions={[state.preset]}
          onOptionSelect={(_, data) => data.optionValue && state.setPreset(data.optionValue as PresetChoice)}
          disabled={running}
        >
          {PRESET_CHOICES.map((choice) => (
            <Option key={choice} value={choice}>
              {t(`pane.reconcile.preset.${choice}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("pane.reconcile.amountTolerance")} hint={t("pane.reconcile.amountHint")} {...numberError(state.amount, false)}>
        <Input value={state.amountText} onChange={(_, data) => state.setAmountText(data.value)} inputMode="decimal" disabled={running} />
      </Field>
      <Field label={t("pane.reconcile.percentTolerance")} {...numberError(state.percent, false)}>
        <Input value={state.percentText} onChange={(_, data) => state.setPercentText(data.value)} inputMode="decimal" disabled={running} />
      </Field>
      <Field label={t("pane.reconcile.dateTolerance")} hint={t("pane.reconcile.dateHint")} {...numberError(state.days, true)}>
        <Input value={state.daysText} onChange={(_, data) => state.setDaysText(data.value)} inputMode="numeric" disabled={running} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void state.start()} disabled={!state.valid || running}>
          {t("pane.reconcile.run")}
        </Button>
        <Button onClick={() => void state.reload()} disabled={running || state.loading}>
          {t("pane.reconcile.reload")}
        </Button>
        <Button onClick={() => void clear()} disabled={running}>
          {t("pane.reconcile.clear")}
        </Button>
      </div>
      {running && <Spinner size="tiny" label={t("pane.reconcile.running")} />}
      {cleared !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{t("pane.reconcile.cleared", { count: cleared })}</MessageBarBody>
        </MessageBar>
      )}
      {clearError !== null && <ErrorNotice error={clearError} />}
      {state.status.kind === "blocked" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("pane.reconcile.blocked")}</MessageBarTitle>
            {state.status.messages.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status.kind === "failed" && <ErrorNotice error={state.status.error} titled />}
      {state.status.kind === "done" && (
        <>
          {/* Freeze panes or a filter Excel refused (shown above the view) make the result a warning. */}
          <MessageBar intent={notApplied ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              {t("pane.reconcile.written", { sheet: state.status.done.sheet, count: state.status.done.highlights.added })}
              {state.status.done.highlights.skipped > 0 &&
                ` ${t("pane.reconcile.skipped", { count: state.status.done.highlights.skipped })}`}
            </MessageBarBody>
          </MessageBar>
          {state.status.done.result.scoped && (
            <Text>
              {t("reconcile.sheet.scoped", {
                customers: customerList(state.status.done.result.scoped.customers, lang),
                left: state.status.done.result.scoped.leftA,
              })}
            </Text>
          )}
          <TieOutTables result={state.status.done.result} />
          <OutcomeCounts result={state.status.done.result} />
          <Stepper state={state} result={state.status.done.result} />
          {/* The rows left out as unreadable (also listed on the sheet), each a jump to its cell. */}
          <IssueList issues={state.status.done.result.issues} headingId="ar-reconcile-issues-heading" />
        </>
      )}
      <GlTieOutSection settings={settings} save={save} />
    </section>
  );
}

/** One table per currency: totals, difference and how it is explained. */
function TieOutTables({ result }: { result: ReconcileResult }) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const rows: { id: string; value: (tie: TieOut) => number }[] = [
    { id: "totalA", value: (tie) => tie.totalA },
    { id: "totalB", value: (tie) => tie.totalB },
    { id: "difference", value: (tie) => tie.difference },
    { id: "variance", value: (tie) => tie.variance },
    { id: "unmatchedA", value: (tie) => tie.unmatchedA },
    { id: "unmatchedB", value: (tie) => tie.unmatchedB },
  ];
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">{t("reconcile.tie.heading")}</Subtitle2>
      <Text>{t("pane.reconcile.balanced")}</Text>
      {result.tieOut.map((tie) => (
        <Table key={tie.currency} size="extra-small" aria-label={t("pane.reconcile.tieOut", { currency: tie.currency })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("reconcile.tie.currency")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{tie.currency}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell>{t(`reconcile.tie.${row.id}`)}</TableCell>
                <TableCell className={styles.number}>{formatMoney(row.value(tie), tie.currency, lang)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ))}
    </div>
  );
}

/** Count per outcome, each with its highlight colour (the legend of the source tables). */
function OutcomeCounts({ result }: { result: ReconcileResult }) {
  const { t } = usePane();
  const styles = useStyles();
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3" id="ar-reconcile-counts">
        {t("pane.reconcile.counts")}
      </Subtitle2>
      <Table size="extra-small" aria-labelledby="ar-reconcile-counts">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("reconcile.summary.heading")}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t("reconcile.summary.count")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {outcomeCounts(result).map(({ outcome, count }) => (
            <TableRow key={outcome}>
              <TableCell>
                <span className={styles.swatch} style={{ backgroundColor: OUTCOME_COLORS[outcome] }} aria-hidden="true" />
                {t(`reconcile.outcome.${outcome}`)}
              </TableCell>
              <TableCell className={styles.number}>{count}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** "Invoices!12, 13" for a side's rows, or a dash. */
function reference(sheet: string, rows: readonly number[]): string {
  return rows.length === 0 ? "—" : `${sheet}!${rows.join(", ")}`;
}

/** The filter, Previous/Next, and the current difference with both sides. */
function Stepper({ state, result }: { state: ReconcileState; result: ReconcileResult }) {
  const { t } = usePane();
  const styles = useStyles();
  const counts = outcomeCounts(result);
  const differences = result.records.filter((r) => r.outcome !== "matched").length;
  const filterLabel = (filter: OutcomeFilter): string =>
    filter === "differences"
      ? t("pane.reconcile.filter.differences", { count: differences })
      : t("pane.reconcile.filter.option", {
          outcome: t(`reconcile.outcome.${filter}`),
          count: counts.find((c) => c.outcome === filter)?.count ?? 0,
        });
  const options: OutcomeFilter[] = ["differences", ...counts.map((c) => c.outcome)];
  const { current, records, index, selection } = state;

  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">{t("pane.reconcile.step")}</Subtitle2>
      <Field label={t("pane.reconcile.filter")}>
        <Dropdown
          value={filterLabel(state.filter)}
          selectedOptions={[state.filter]}
          onOptionSelect={(_, data) => data.optionValue && state.setFilter(data.optionValue as OutcomeFilter)}
        >
          {options.map((option) => (
            <Option key={option} value={option}>
              {filterLabel(option)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void state.previous()} disabled={records.length === 0 || index === 0}>
          {t("pane.reconcile.previous")}
        </Button>
        <Button appearance="primary" onClick={() => void state.next()} disabled={records.length === 0 || index === records.length - 1}>
          {t("pane.reconcile.next")}
        </Button>
      </div>
      <Text role="status">
        {records.length === 0
          ? t("pane.reconcile.none")
          : index < 0
            ? t("pane.reconcile.ready", { count: records.length })
            : t("pane.reconcile.position", { index: index + 1, count: records.length })}
      </Text>
      {current && <RecordDetails record={current} result={result} onShow={(side) => void state.show(side)} />}
      {selection && (
        <Text>
          {selection.rows
            ? t("pane.reconcile.selectedFirst", { sheet: selection.sheet, address: selection.address, rows: selection.rows.join(", ") })
            : t("pane.reconcile.selected", { sheet: selection.sheet, address: selection.address })}
        </Text>
      )}
      {state.navError !== null && <ErrorNotice error={state.navError} />}
    </div>
  );
}

/** The current difference: outcome, key, both sides' rows and amounts, variance. */
function RecordDetails({
  record,
  result,
  onShow,
}: {
  record: ReconcileRecord;
  result: ReconcileResult;
  onShow: (side: "A" | "B") => void;
}) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const money = (minor: number | null) => (minor === null ? "—" : formatMoney(minor, record.currency, lang));
  const refA = reference(result.a.sheet, record.aRows);
  const refB = reference(result.b.sheet, record.bRows);
  const items: [string, string][] = [
    [t("reconcile.detail.outcome"), t(`reconcile.outcome.${record.outcome}`)],
    [t("reconcile.detail.key"), record.key],
    [t("reconcile.detail.rowsA"), refA],
    [t("reconcile.detail.amountA"), money(record.amountA)],
    [t("reconcile.detail.rowsB"), refB],
    [t("reconcile.detail.amountB"), money(record.amountB)],
    [t("reconcile.detail.variance"), money(record.variance)],
  ];
  return (
    <div className={styles.section} aria-label={t("pane.reconcile.current")} role="group">
      <dl className={styles.details}>
        {items.map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>
              {term === items[0]?.[0] && (
                <span className={styles.swatch} style={{ backgroundColor: OUTCOME_COLORS[record.outcome] }} aria-hidden="true" />
              )}
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className={styles.row}>
        <Button size="small" onClick={() => onShow("A")} disabled={record.aRows.length === 0}>
          {t("pane.reconcile.showA", { ref: refA })}
        </Button>
        <Button size="small" onClick={() => onShow("B")} disabled={record.bRows.length === 0}>
          {t("pane.reconcile.showB", { ref: refB })}
        </Button>
      </div>
    </div>
  );
}
