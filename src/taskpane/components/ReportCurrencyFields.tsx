/**
 * The reporting currency and the workbook table (or sheet) holding its exchange rates: two
 * short fields shared by the Aging view (converted totals under the summary) and the Insights
 * view (converted roll-forward, KPIs and provision). Both empty means document currencies only.
 */
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { isCurrencyCode } from "../../engine/currency";
import { usePane } from "../context";

const useStyles = makeStyles({
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: "wrap", alignItems: "start" },
  narrow: { width: "8.5em" },
});

/** What the two fields hold, as typed. */
export interface ReportCurrencyDraft {
  currency: string;
  ratesTable: string;
}

/** A reporting currency with its rates table, none, or a draft that is neither. */
export type ReportCurrencyChoice = { ok: true; value: { currency: string; ratesTable: string } | null } | { ok: false };

/**
 * The choice a draft makes: none when both fields are empty; a currency code (upper-cased) with
 * a rates table; anything else is incomplete.
 *
 * @example
 * reportCurrencyChoice({ currency: "cny", ratesTable: " Rates " }) // { ok: true, value: { currency: "CNY", ratesTable: "Rates" } }
 * reportCurrencyChoice({ currency: "", ratesTable: "" })          // { ok: true, value: null }
 * reportCurrencyChoice({ currency: "CNY", ratesTable: "" })       // { ok: false }
 */
export function reportCurrencyChoice(draft: ReportCurrencyDraft): ReportCurrencyChoice {
  const currency = draft.currency.trim().toUpperCase();
  const ratesTable = draft.ratesTable.trim();
  if (currency === "" && ratesTable === "") return { ok: true, value: null };
  if (!isCurrencyCode(currency) || ratesTable === "") return { ok: false };
  return { ok: true, value: { currency, ratesTable } };
}

/**
 * The draft fields of a saved reporting currency.
 *
 * @example
 * reportCurrencyDraft(null) // { currency: "", ratesTable: "" }
 */
export function reportCurrencyDraft(saved: { currency: string; ratesTable: string } | null | undefined): ReportCurrencyDraft {
  return { currency: saved?.currency ?? "", ratesTable: saved?.ratesTable ?? "" };
}

/** Props of {@link ReportCurrencyFields}. */
export interface ReportCurrencyFieldsProps {
  draft: ReportCurrencyDraft;
  onChange: (draft: ReportCurrencyDraft) => void;
  disabled?: boolean;
}

/** The two fields, with the problem shown under them while the draft is incomplete. */
export function ReportCurrencyFields({ draft, onChange, disabled }: ReportCurrencyFieldsProps) {
  const { t } = usePane();
  const styles = useStyles();
  const invalid = !reportCurrencyChoice(draft).ok;
  return (
    <div className={styles.row}>
      <Field
        label={t("analytics.pane.reportCurrency")}
        validationState={invalid ? "error" : "none"}
        validationMessage={invalid ? t("analytics.pane.badCurrency") : undefined}
      >
        <Input
          className={styles.narrow}
          value={draft.currency}
          placeholder="CNY"
          maxLength={3}
          disabled={disabled}
          onChange={(_, d) => onChange({ ...draft, currency: d.value })}
        />
      </Field>
      <Field label={t("analytics.pane.ratesTable")}>
        <Input
          className={styles.narrow}
          value={draft.ratesTable}
          disabled={disabled}
          onChange={(_, d) => onChange({ ...draft, ratesTable: d.value })}
        />
      </Field>
    </div>
  );
}
