/**
 * Settings: the pane's language, the order of text dates, and the default currency, all kept
 * in the workbook.
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
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DateOrder } from "../../engine/types";
import type { WorkbookSettings } from "../../excel/types";
import { usePane } from "../context";
import { useSettingsForm, type LanguageChoice } from "../hooks/useSettingsForm";
import { describeError } from "../messages";
import { FormatDatesSection } from "./FormatDatesSection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex" },
});

const DATE_ORDERS: readonly DateOrder[] = ["DMY", "MDY", "YMD"];
/** Radio values cannot be null; "office" stands for following Office's language. */
const FOLLOW_OFFICE = "office";
const NO_ORDER = "none";

/** Props of the Settings view. */
export interface SettingsViewProps {
  settings: WorkbookSettings;
  save: (next: WorkbookSettings) => Promise<void>;
}

type Notice = { intent: "success" | "error"; text: string } | null;

/** The Settings view. */
export function SettingsView({ settings, save }: SettingsViewProps) {
  const { t } = usePane();
  const styles = useStyles();
  const form = useSettingsForm(settings);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const persist = async (next: WorkbookSettings, successId: string | null) => {
    setBusy(true);
    setNotice(null);
    try {
      await save(next);
      if (successId) setNotice({ intent: "success", text: t(successId) });
    } catch (error) {
      setNotice({ intent: "error", text: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const chooseLanguage = (value: string) => {
    const lang: LanguageChoice = value === "en-US" || value === "zh-CN" ? value : null;
    void persist({ ...settings, lang }, null);
  };

  return (
    <section className={styles.root} aria-labelledby="ar-settings-heading">
      <Subtitle2 as="h2" id="ar-settings-heading">
        {t("pane.settings.heading")}
      </Subtitle2>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t("pane.settings.language")}>
        <RadioGroup value={settings.lang ?? FOLLOW_OFFICE} onChange={(_, data) => chooseLanguage(data.value)} disabled={busy}>
          <Radio value={FOLLOW_OFFICE} label={t("pane.settings.language.office")} />
          {/* Each language is named in itself, so a user who cannot read the current one finds theirs. */}
          <Radio value="en-US" label={t("pane.settings.language.en")} lang="en" />
          <Radio value="zh-CN" label={t("pane.settings.language.zh")} lang="zh-CN" />
        </RadioGroup>
      </Field>
      <Field label={t("pane.settings.dateOrder")}>
        <RadioGroup
          value={form.dateOrder ?? NO_ORDER}
          onChange={(_, data) => form.setDateOrder(data.value === NO_ORDER ? null : (data.value as DateOrder))}
          disabled={busy}
        >
          <Radio value={NO_ORDER} label={t("pane.settings.dateOrder.none")} />
          {DATE_ORDERS.map((order) => (
            <Radio key={order} value={order} label={t(`pane.settings.dateOrder.${order}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t("pane.settings.currency")}
        hint={t("pane.settings.currencyHint")}
        validationState={form.currencyValid ? "none" : "error"}
        validationMessage={form.currencyValid ? undefined : t("pane.settings.currencyError")}
      >
        <Input value={form.currency} onChange={(_, data) => form.setCurrency(data.value)} maxLength={3} disabled={busy} />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || !form.currencyValid}
          onClick={() => void persist(form.next(), "pane.settings.saved")}
        >
          {t("pane.settings.save")}
        </Button>
      </div>
      <FormatDatesSection />
    </section>
  );
}
