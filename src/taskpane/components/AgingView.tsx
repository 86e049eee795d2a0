/**
 * The Aging view: options, "Generate aging" with staged progress and Cancel, then the result.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { AgingBasis } from "../../engine/types";
import { MAX_BOUNDARIES } from "../../engine/aging";
import type { Progress, WorkbookSettings } from "../../excel/types";
import type { AgingRequest } from "../../app/aging";
import { usePane } from "../context";
import { useDrafts } from "../draft";
import { BUCKET_PRESETS, asOfSetting, useAgingForm, type BucketChoice, type GroupBy } from "../hooks/useAgingForm";
import { isoFromSerial } from "../../engine/dates";
import { formatMoney } from "../../engine/money";
import type { ConvertedAging } from "../../engine/analytics/agingFx";
import { useAgingRun, type AgingRunDone } from "../hooks/useAgingRun";
import { describeError, describeProblem } from "../messages";
import { AgingResult, resultHealth } from "./AgingResult";
import { ReportCurrencyFields, reportCurrencyChoice, reportCurrencyDraft } from "./ReportCurrencyFields";
import { ErrorNotice } from "./ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS },
  outcome: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, outlineStyle: "none" },
  // Read by screen readers, not shown (the outcome itself is on screen).
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/** Props of the Aging view. */
export interface AgingViewProps {
  settings: WorkbookSettings;
  save: (next: WorkbookSettings) => Promise<void>;
  /** Opens the Data view (when the run stopped on a table or column problem). */
  onShowData: () => void;
}

/** Progress as a fraction, or undefined (indeterminate) before the first block is counted. */
function fraction(progress: Progress | null): number | undefined {
  return progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
}

/** The Aging view. */
export function AgingView({ settings, save, onShowData }: AgingViewProps) {
  const { t, lang, today, engine } = usePane();
  const styles = useStyles();
  const form = useAgingForm(settings, today);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [fxDraft, setFxDraft] = useState(() => reportCurrencyDraft(settings.reportCurrency));
  const fx = reportCurrencyChoice(fxDraft);

  // The options that produced a sheet become the workbook's defaults, so the ribbon's
  // one-click aging writes the same buckets and basis next month.
  const remember = useCallback(
    (request: AgingRequest, _result: AgingRunDone) => {
      // The as-of date too: the credit check and the GL tie-out start from the aging's date.
      const next: WorkbookSettings = {
        ...settings,
        asOf: asOfSetting(isoFromSerial(request.asOf), today()),
        basis: request.basis,
        boundaries: request.boundaries,
        autoApply: request.autoApply,
        groupBy: request.groupBy,
        reportCurrency: request.reportCurrency && "ratesTable" in request.reportCurrency ? request.reportCurrency : null,
      };
      setSaveError(null);
      save(next).catch((error: unknown) => setSaveError(error));
    },
    [settings, save, today],
  );
  const aging = useAgingRun(remember, engine);
  const running = aging.status.kind === "running";

  const { mappingUnsaved } = useDrafts();
  const generate = () => {
    if (mappingUnsaved) return;
    if (!form.valid || form.asOf === null || form.boundaries === null || !fx.ok) return;
    void aging.generate({
      asOf: form.asOf,
      basis: form.basis,
      boundaries: form.boundaries,
      autoApply: form.autoApply,
      groupBy: form.groupBy,
      lang,
      dateOrder: settings.dateOrder,
      defaultCurrency: settings.defaultCurrency,
      mapping: settings.mapping,
      ...(fx.value ? { reportCurrency: fx.value } : {}),
    });
  };

  const convertedLine = (converted: ConvertedAging): string =>
    converted.total
      ? t("analytics.aging-fx.summary", {
          currency: converted.reportCurrency,
          date: isoFromSerial(converted.asOf),
          net: formatMoney(converted.total.net, converted.reportCurrency, lang),
        })
      : t("analytics.aging-fx.incomplete", { currency: converted.reportCurrency, missing: converted.missing.join(", ") });

  const customInvalid = form.bucketChoice === "custom" && form.boundaries === null;

  // When a run ends, focus moves to its outcome (the result's heading, or the banner saying why
  // it stopped) and a live region says it in words, so nobody is left on <body> guessing.
  const outcomeRef = useRef<HTMLDivElement>(null);
  const ended =
    aging.status.kind === "done" || aging.status.kind === "stopped" || aging.status.kind === "failed" || aging.status.kind === "cancelled";
  useEffect(() => {
    if (!ended) return;
    const target = outcomeRef.current?.querySelector<HTMLElement>("#ar-result-heading") ?? outcomeRef.current;
    target?.focus();
  }, [ended, aging.status]);
  const announcement = (() => {
    switch (aging.status.kind) {
      case "done": {
        const date = isoFromSerial(aging.status.result.report.asOf);
        const { leftOut } = resultHealth(aging.status.result.report);
        return leftOut > 0 ? t("pane.aging.announce.leftOut", { date, count: leftOut }) : t("pane.aging.announce.done", { date });
      }
      case "stopped":
        return t("pane.aging.announce.stopped");
      case "cancelled":
        return t("pane.aging.announce.cancelled");
      case "failed":
        return t("pane.aging.announce.failed");
      default:
        return "";
    }
  })();

  // Both the unsaved-mapping warning and a stopped run send the user to the Data view.
  const openDataAction = (
    <MessageBarActions>
      <Button size="small" onClick={onShowData}>
        {t("pane.aging.openData")}
      </Button>
    </MessageBarActions>
  );

  return (
    <section className={styles.root} aria-labelledby="ar-aging-heading">
      <Subtitle2 as="h2" id="ar-aging-heading">
        {t("pane.aging.heading")}
      </Subtitle2>
      <Field
        label={t("pane.aging.asOf")}
        hint={t("pane.aging.asOfHint")}
        validationState={form.asOf === null ? "error" : "none"}
        validationMessage={form.asOf === null ? t("pane.aging.asOfError") : undefined}
      >
        {/* @fluentui/react-components ships no date picker; the native date input is accessible and localised by the browser. */}
        <Input type="date" value={form.asOfIso} onChange={(_, data) => form.setAsOfIso(data.value)} disabled={running} />
      </Field>
      <Field label={t("pane.aging.basis")}>
        <RadioGroup
          value={form.basis}
          onChange={(_, data) => form.setBasis(data.value as AgingBasis)}
          disabled={running}
          layout="horizontal"
        >
          <Radio value="due" label={t("pane.aging.basis.due")} />
          <Radio value="invoice" label={t("pane.aging.basis.invoice")} />
        </RadioGroup>
      </Field>
      <Field label={t("pane.aging.buckets")}>
        <RadioGroup value={form.bucketChoice} onChange={(_, data) => form.setBucketChoice(data.value as BucketChoice)} disabled={running}>
          {(Object.keys(BUCKET_PRESETS) as (keyof typeof BUCKET_PRESETS)[]).map((id) => (
            <Radio key={id} value={id} label={BUCKET_PRESETS[id].join(" / ")} />
          ))}
          <Radio value="custom" label={t("pane.aging.preset.custom")} />
        </RadioGroup>
      </Field>
      {form.bucketChoice === "custom" && (
        <Field
          label={t("pane.aging.custom")}
          hint={t("pane.aging.customHint")}
          validationState={customInvalid ? "error" : "none"}
          validationMessage={customInvalid ? t("pane.aging.customError", { max: MAX_BOUNDARIES }) : undefined}
        >
          <Input value={form.customText} onChange={(_, data) => form.setCustomText(data.value)} disabled={running} inputMode="numeric" />
        </Field>
      )}
      <Switch
        checked={form.autoApply}
        onChange={(_, data) => form.setAutoApply(data.checked)}
        label={t("pane.aging.autoApply")}
        disabled={running}
      />
      <Field label={t("pane.aging.groupBy")}>
        <RadioGroup
          value={form.groupBy}
          onChange={(_, data) => form.setGroupBy(data.value as GroupBy)}
          disabled={running}
          layout="horizontal"
        >
          <Radio value="customer" label={t("pane.aging.groupBy.customer")} />
          <Radio value="salesRep" label={t("pane.aging.groupBy.salesRep")} />
        </RadioGroup>
      </Field>
      <ReportCurrencyFields draft={fxDraft} onChange={setFxDraft} disabled={running} />
      {mappingUnsaved && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("pane.aging.unsavedMapping")}</MessageBarBody>
          {openDataAction}
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={generate} disabled={!form.valid || !fx.ok || running || mappingUnsaved}>
          {t("pane.aging.generate")}
        </Button>
        {running && <Button onClick={aging.cancel}>{t("pane.aging.cancel")}</Button>}
      </div>
      {aging.status.kind === "running" && (
        <Field label={t(`pane.progress.${aging.status.progress?.stage ?? "read"}`)} validationState="none">
          <ProgressBar value={fraction(aging.status.progress)} thickness="large" />
        </Field>
      )}
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </div>
      <div
        ref={outcomeRef}
        tabIndex={-1}
        className={styles.outcome}
        role={ended ? "region" : undefined}
        aria-label={ended ? announcement : undefined}
      >
        {aging.status.kind === "cancelled" && (
          <MessageBar intent="info">
            <MessageBarBody>{t("pane.aging.cancelled")}</MessageBarBody>
          </MessageBar>
        )}
        {aging.status.kind === "stopped" && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{t("pane.aging.stopped")}</MessageBarTitle>
              {describeProblem(t, lang, aging.status.problem)}
            </MessageBarBody>
            {openDataAction}
          </MessageBar>
        )}
        {aging.status.kind === "failed" && <ErrorNotice error={aging.status.error} titled />}
        {saveError !== null && (
          <MessageBar intent="warning">
            <MessageBarBody>{describeError(t, saveError)}</MessageBarBody>
          </MessageBar>
        )}
        {aging.status.kind === "done" && <AgingResult result={aging.status.result} groupBy={form.groupBy} />}
        {aging.status.kind === "done" && aging.status.result.converted && (
          <p role="status">{convertedLine(aging.status.result.converted)}</p>
        )}
      </div>
    </section>
  );
}
