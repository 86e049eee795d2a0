/**
 * The Statements view: statements of account or balance confirmations for one customer, a sales
 * rep's customers or everyone with a balance or activity; period (last month by default);
 * language; and the company block printed on them, saved in the workbook.
 */
import { useEffect, useState } from "react";
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
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { parseCompany, type CompanyInfo } from "../../engine/statements";
import { formatMoney } from "../../engine/money";
import type { Lang } from "../../engine/types";
import type { WorkbookSettings } from "../../excel/types";
import { LANGS, t as translate } from "../../i18n";
import { usePane } from "../context";
import {
  defaultStatementsForm,
  statementsFormProblem,
  useStatements,
  type StatementsForm,
  type StatementsScope,
} from "../hooks/useStatements";
import { ErrorNotice } from "./ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  dates: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS },
  input: { minWidth: 0, width: "100%" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** Statements shown in the result list at most (the sheet has them all). */
const MAX_LISTED = 20;
const LANGUAGE_NAMES: Record<Lang, string> = { "en-US": "English", "zh-CN": "中文" };

/** The Statements view. */
export function StatementsView({ settings }: { settings: WorkbookSettings }) {
  const { t, lang, today } = usePane();
  const styles = useStyles();
  const statements = useStatements(settings);
  const [form, setForm] = useState<StatementsForm>(() => defaultStatementsForm(today(), lang));
  const [problem, setProblem] = useState<string | null>(null);
  const [company, setCompany] = useState<CompanyInfo>({ name: "" });
  const set = (patch: Partial<StatementsForm>) => setForm((f) => ({ ...f, ...patch }));

  useEffect(() => {
    if (statements.company) setCompany(statements.company);
  }, [statements.company]);

  const create = () => {
    const found = statementsFormProblem(form);
    setProblem(found);
    if (!found) void statements.create(form);
  };

  const result = statements.result;
  const companyField = (key: keyof CompanyInfo, label: string) => (
    <Field label={label}>
      <Input className={styles.input} value={company[key] ?? ""} onChange={(_, d) => setCompany((c) => ({ ...c, [key]: d.value }))} />
    </Field>
  );
  // Multi-line fields: an address prints line by line, the footer message wraps.
  const companyText = (key: "address" | "message", label: string, placeholder?: string) => (
    <Field label={label}>
      <Textarea
        className={styles.input}
        resize="vertical"
        value={company[key] ?? ""}
        placeholder={placeholder}
        onChange={(_, d) => setCompany((c) => ({ ...c, [key]: d.value }))}
      />
    </Field>
  );
  // What would be saved: blanks dropped and text trimmed, as the statements read it back.
  const cleaned = parseCompany(company);
  const saved = cleaned.ok && statements.company !== null && sameCompany(cleaned.company, statements.company);

  return (
    <section className={styles.root} aria-label={t("statements.pane.title")}>
      <Subtitle2 as="h2">{t("statements.pane.title")}</Subtitle2>
      <RadioGroup
        aria-label={t("statements.pane.customers")}
        value={form.scope}
        onChange={(_, d) => set({ scope: d.value as StatementsScope })}
      >
        <Radio value="all" label={t("statements.pane.scope.all")} />
        <Radio value="one" label={t("statements.pane.scope.one")} />
        <Radio value="rep" label={t("statements.pane.scope.rep")} />
      </RadioGroup>
      {form.scope !== "all" && (
        <Field label={t(form.scope === "one" ? "statements.pane.customer" : "statements.pane.rep")}>
          <Input className={styles.input} value={form.name} onChange={(_, d) => set({ name: d.value })} />
        </Field>
      )}
      <div className={styles.dates}>
        <Field label={t("statements.pane.from")}>
          <Input className={styles.input} value={form.from} placeholder="YYYY-MM-DD" onChange={(_, d) => set({ from: d.value })} />
        </Field>
        <Field label={t("statements.pane.to")}>
          <Input className={styles.input} value={form.to} placeholder="YYYY-MM-DD" onChange={(_, d) => set({ to: d.value })} />
        </Field>
      </div>
      <RadioGroup
        aria-label={t("statements.pane.document")}
        value={form.document}
        onChange={(_, d) => set({ document: d.value as StatementsForm["document"] })}
      >
        <Radio value="statement" label={t("statements.pane.document.statement")} />
        <Radio value="confirmation" label={t("statements.pane.document.confirmation")} />
      </RadioGroup>
      <RadioGroup
        aria-label={t("statements.pane.language")}
        layout="horizontal"
        value={form.lang}
        onChange={(_, d) => set({ lang: d.value as Lang })}
      >
        {LANGS.map((l) => (
          <Radio key={l} value={l} label={LANGUAGE_NAMES[l]} />
        ))}
      </RadioGroup>
      <Switch label={t("statements.pane.openItems")} checked={form.openItems} onChange={(_, d) => set({ openItems: d.checked })} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={create} disabled={statements.running}>
          {t("statements.pane.run")}
        </Button>
        {statements.running && <Spinner size="tiny" label={t("statements.pane.running")} />}
      </div>
      {problem && <p role="alert">{t(problem)}</p>}
      {statements.error !== null && <ErrorNotice error={statements.error} />}
      {result && !result.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && (
        <div role="region" aria-label={t("statements.pane.result")}>
          <p role="status">
            {result.sheet
              ? t("statements.pane.done", { count: result.set.statements.length, sheet: result.sheet })
              : t("statements.none", { period: `${form.from} – ${form.to}` })}
          </p>
          {result.set.statements.length > 0 && (
            <ul className={styles.list} aria-label={t("statements.pane.list")}>
              {result.set.statements.slice(0, MAX_LISTED).map((s) => (
                <li key={`${s.customerIndex}-${s.currency}`}>
                  {s.customer}: {formatMoney(s.closing, s.currency, lang)}
                </li>
              ))}
            </ul>
          )}
          {result.issues
            .filter((issue) => issue.code.startsWith("statements."))
            .map((issue, k) => (
              <p key={k} role="note">
                {issue.message}
              </p>
            ))}
        </div>
      )}
      <Subtitle2 as="h2">{t("statements.pane.company")}</Subtitle2>
      {companyField("name", t("statements.pane.company.name"))}
      {companyText("address", t("statements.pane.company.address"))}
      {companyField("taxId", t("statements.field.taxId"))}
      {companyField("bank", t("statements.field.bank"))}
      {companyField("phone", t("statements.pane.company.phone"))}
      {companyField("email", t("statements.pane.company.email"))}
      {companyText("message", t("statements.pane.company.message"), translate(form.lang, "statements.message.default"))}
      <div className={styles.row}>
        <Button onClick={() => cleaned.ok && void statements.saveCompany(cleaned.company)} disabled={!cleaned.ok || saved}>
          {t("statements.pane.company.save")}
        </Button>
        {saved && <span role="status">{t("statements.pane.company.saved")}</span>}
      </div>
    </section>
  );
}

/** Whether two company blocks hold the same text in every field. */
function sameCompany(a: CompanyInfo, b: CompanyInfo): boolean {
  const keys = ["name", "address", "taxId", "bank", "phone", "email", "message"] as const;
  return keys.every((key) => (a[key] ?? "") === (b[key] ?? ""));
}
