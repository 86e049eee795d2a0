/**
 * The collection rules as the user edits them in the pane, saved in the workbook: the ladder
 * (where each stage ends, its action in the pane's language), the early-warning thresholds, the
 * late fee of the letters and the remit-to lines. The next "Build worklist" uses them.
 */
import { useEffect, useState } from "react";
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { templateFor, type LetterTemplate } from "../../engine/collections";
import type { WorkbookPort } from "../../app/port";
import {
  COLLECTIONS_SETTINGS,
  readCollectionsSettings,
  saveLadder,
  saveWarningRules,
  type CollectionsSettings,
} from "../../app/collections";
import { usePane } from "../context";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** A whole number or decimal ≥ 0 typed by the user, else null. */
function nonNegative(text: string): number | null {
  const value = Number(text.replace(/,/g, "").trim());
  return text.trim() !== "" && Number.isFinite(value) && value >= 0 ? value : null;
}

/** The rules form; loads the saved rules (or the defaults) when shown. */
export function CollectionRules({ port, onSaved }: { port: WorkbookPort; onSaved: () => void }) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const [settings, setSettings] = useState<CollectionsSettings | null>(null);
  const [toDays, setToDays] = useState<string[]>([]);
  const [actions, setActions] = useState<string[]>([]);
  const [oldest, setOldest] = useState("");
  const [amount, setAmount] = useState("");
  const [utilisation, setUtilisation] = useState("");
  const [rate, setRate] = useState("");
  const [fee, setFee] = useState("");
  const [remit, setRemit] = useState("");
  /** Letter templates of the pane's language being edited, by stage. */
  const [templates, setTemplates] = useState<Record<string, LetterTemplate>>({});
  const [templateStage, setTemplateStage] = useState("0");
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    void readCollectionsSettings(port, lang).then(({ settings: loaded }) => {
      if (!live) return;
      setSettings(loaded);
      setToDays(loaded.ladder.map((s) => (s.toDays === null ? "" : String(s.toDays))));
      setActions(loaded.ladder.map((s) => s.action[lang]));
      setOldest(String(loaded.warnings.oldestOverdue.days));
      setAmount(loaded.warnings.overdueAmount.enabled ? String(loaded.warnings.overdueAmount.amount) : "0");
      setUtilisation(String(loaded.warnings.creditUtilisation.percent));
      setRate(loaded.lateFee ? String(Math.round(loaded.lateFee.annualRate * 1e6) / 1e4) : "0");
      setFee(loaded.lateFee ? String(loaded.lateFee.fixedFee) : "0");
      setRemit(loaded.remitTo.join("\n"));
      setTemplates(
        Object.fromEntries(loaded.ladder.map((stage) => [String(stage.stage), templateFor(loaded.templates, lang, stage.stage)])),
      );
    });
    return () => {
      live = false;
    };
  }, [port, lang]);

  if (!settings) return null;

  const save = async () => {
    const numbers = [oldest, amount, utilisation, rate, fee].map(nonNegative);
    if (numbers.some((n) => n === null)) return setMessage({ text: t("collections.pane.rules.bad"), alert: true });
    const [oldestDays, overdueAmount, percent, ratePercent, fixedFee] = numbers as number[];
    const ladder = settings.ladder.map((stage, k) => {
      const last = k === settings.ladder.length - 1;
      const previousTo = k === 0 ? null : Number(toDays[k - 1]);
      return {
        stage: k,
        fromDays: k === 0 ? stage.fromDays : previousTo! + 1,
        toDays: last ? null : Number(toDays[k]),
        action: { ...stage.action, [lang]: actions[k] ?? "" },
      };
    });
    const ladderProblem = await saveLadder(port, ladder, lang);
    if (ladderProblem) return setMessage({ text: ladderProblem, alert: true });
    const warnings = {
      ...settings.warnings,
      oldestOverdue: { ...settings.warnings.oldestOverdue, days: Math.floor(oldestDays!) },
      overdueAmount: { enabled: overdueAmount! > 0, amount: overdueAmount! },
      creditUtilisation: { ...settings.warnings.creditUtilisation, percent: percent! },
    };
    const warningProblem = await saveWarningRules(port, warnings, lang);
    if (warningProblem) return setMessage({ text: warningProblem, alert: true });
    await port.writeSetting(
      COLLECTIONS_SETTINGS.lateFee,
      ratePercent! > 0 || fixedFee! > 0 ? { annualRate: ratePercent! / 100, fixedFee } : null,
    );
    await port.writeSetting(
      COLLECTIONS_SETTINGS.remitTo,
      remit
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== ""),
    );
    await port.writeSetting(COLLECTIONS_SETTINGS.templates, { ...settings.templates, [lang]: templates });
    setMessage({ text: t("collections.pane.rules.saved"), alert: false });
    onSaved();
  };

  return (
    <form
      className={styles.form}
      aria-label={t("collections.pane.rules")}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {settings.ladder.map((stage, k) => (
        <div key={stage.stage} className={styles.row}>
          {k < settings.ladder.length - 1 ? (
            <Field label={t("collections.pane.rules.toDays", { stage: k })}>
              <Input type="number" value={toDays[k] ?? ""} onChange={(_, d) => setToDays(toDays.map((x, j) => (j === k ? d.value : x)))} />
            </Field>
          ) : (
            <p>{t("collections.pane.rules.lastStage", { stage: k, from: Number(toDays[k - 1]) + 1 })}</p>
          )}
          <Field label={t("collections.pane.rules.action", { stage: k })}>
            <Input value={actions[k] ?? ""} onChange={(_, d) => setActions(actions.map((x, j) => (j === k ? d.value : x)))} />
          </Field>
        </div>
      ))}
      <Field label={t("collections.pane.rules.oldest")}>
        <Input type="number" value={oldest} onChange={(_, d) => setOldest(d.value)} />
      </Field>
      <Field label={t("collections.pane.rules.amount")}>
        <Input value={amount} inputMode="decimal" onChange={(_, d) => setAmount(d.value)} />
      </Field>
      <Field label={t("collections.pane.rules.utilisation")}>
        <Input type="number" value={utilisation} onChange={(_, d) => setUtilisation(d.value)} />
      </Field>
      <Field label={t("collections.pane.rules.rate")}>
        <Input value={rate} inputMode="decimal" onChange={(_, d) => setRate(d.value)} />
      </Field>
      <Field label={t("collections.pane.rules.fee")}>
        <Input value={fee} inputMode="decimal" onChange={(_, d) => setFee(d.value)} />
      </Field>
      <Field label={t("collections.pane.rules.remit")}>
        <Textarea value={remit} onChange={(_, d) => setRemit(d.value)} />
      </Field>
      <Field label={t("collections.pane.rules.template")}>
        <Select value={templateStage} onChange={(_, d) => setTemplateStage(d.value)}>
          {settings.ladder.map((stage) => (
            <option key={stage.stage} value={String(stage.stage)}>
              {stage.stage} · {actions[stage.stage] ?? stage.action[lang]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("collections.pane.rules.subject")}>
        <Input
          value={templates[templateStage]?.subject ?? ""}
          onChange={(_, d) =>
            setTemplates({ ...templates, [templateStage]: { body: templates[templateStage]?.body ?? "", subject: d.value } })
          }
        />
      </Field>
      <Field label={t("collections.pane.rules.body")} hint={t("collections.pane.rules.fields")}>
        <Textarea
          rows={8}
          value={templates[templateStage]?.body ?? ""}
          onChange={(_, d) =>
            setTemplates({ ...templates, [templateStage]: { subject: templates[templateStage]?.subject ?? "", body: d.value } })
          }
        />
      </Field>
      {message && <p role={message.alert ? "alert" : "status"}>{message.text}</p>}
      <div className={styles.row}>
        <Button appearance="primary" type="submit">
          {t("collections.pane.rules.save")}
        </Button>
      </div>
    </form>
  );
}
