/**
 * The Collections view: "Build worklist" (writes "AR Collections"), a warnings badge, the
 * worklist filtered by rep and stage, a customer's open items on click, "Log follow-up" (appends
 * to the user's follow-up log) and "Letter" (writes the letters sheet for that customer). Fits
 * 320 px: everything wraps, nothing has a fixed width.
 */
import { useMemo, useState } from "react";
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookPort } from "../../app/port";
import type { FollowUpInput } from "../../app/collections";
import type { WorkbookSettings } from "../../excel/types";
import { customerItems, FOLLOW_UP_TYPES, followUpWord, type CollectionCustomer, type FollowUpType } from "../../engine/collections";
import { isoFromSerial, serialFromIso } from "../../engine/dates";
import { formatMoney } from "../../engine/money";
import { usePane } from "../context";
import { useCollections } from "../hooks/useCollections";
import { CollectionRules } from "./CollectionRules";
import { ErrorNotice } from "./ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: "wrap", alignItems: "end" },
  list: {
    margin: 0,
    paddingInlineStart: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: { overflowWrap: "anywhere" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { paddingInline: tokens.spacingHorizontalXS, textAlign: "start", overflowWrap: "anywhere" },
  number: { paddingInline: tokens.spacingHorizontalXS, textAlign: "end", whiteSpace: "nowrap" },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
});

/** Customers shown at most (the sheet lists them all). */
const MAX_SHOWN = 100;
const ALL = "all";
const NO_STAGE = "none";

/** The Collections view over a workbook port. */
export function CollectionsView({ settings, port }: { settings: WorkbookSettings; port: WorkbookPort }) {
  const { t, lang, today } = usePane();
  const styles = useStyles();
  const state = useCollections(port, settings, lang, today);
  const [rep, setRep] = useState(ALL);
  const [stage, setStage] = useState(ALL);
  const [selected, setSelected] = useState<CollectionCustomer | null>(null);
  const [logging, setLogging] = useState(false);
  const [editingRules, setEditingRules] = useState(false);
  const report = state.result?.report ?? null;

  const reps = useMemo(
    () => [...new Set((report?.worklist.customers ?? []).map((c) => c.salesRep).filter((r): r is string => r !== null))].sort(),
    [report],
  );
  const shown = useMemo(
    () =>
      (report?.worklist.customers ?? []).filter(
        (c) =>
          (rep === ALL || c.salesRep === rep) && (stage === ALL || (stage === NO_STAGE ? c.stage === null : c.stage === Number(stage))),
      ),
    [report, rep, stage],
  );
  const current =
    selected && report
      ? (report.worklist.customers.find((c) => c.customer === selected.customer && c.currency === selected.currency) ?? null)
      : null;
  const items = current && report ? customerItems(report.aging, report.worklist, current) : [];
  const money = (minor: number, currency: string) => formatMoney(minor, currency, lang);

  return (
    <section className={styles.root} aria-label={t("collections.pane.tab")}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void state.build()} disabled={state.running}>
          {t("collections.pane.run")}
        </Button>
        <Button onClick={() => setEditingRules(!editingRules)} aria-expanded={editingRules}>
          {t(editingRules ? "collections.pane.rules.hide" : "collections.pane.rules")}
        </Button>
        {state.running && <Spinner size="tiny" label={t("collections.pane.running")} />}
        {report && (
          <Badge appearance="filled" color={report.warnings.length > 0 ? "danger" : "success"} role="status">
            {t("collections.pane.warnings", { count: report.warnings.length })}
          </Badge>
        )}
      </div>
      {editingRules && <CollectionRules port={port} onSaved={() => undefined} />}
      {state.error !== null && <ErrorNotice error={state.error} />}
      {state.problems.map((p) => (
        <MessageBar key={p} intent="error">
          <MessageBarBody>{p}</MessageBarBody>
        </MessageBar>
      ))}
      {state.notice && <p role="status">{t(state.notice.id, state.notice.params)}</p>}
      {report && (
        <>
          <div className={styles.row}>
            <Button size="small" onClick={() => void state.clear()} disabled={state.running}>
              {t("collections.pane.clear")}
            </Button>
          </div>
          <div className={styles.row}>
            <Field label={t("collections.pane.rep")}>
              <Select value={rep} onChange={(_, d) => setRep(d.value)}>
                <option value={ALL}>{t("collections.pane.all")}</option>
                {reps.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("collections.pane.stage")}>
              <Select value={stage} onChange={(_, d) => setStage(d.value)}>
                <option value={ALL}>{t("collections.pane.all")}</option>
                {report.worklist.ladder.map((s) => (
                  <option key={s.stage} value={String(s.stage)}>
                    {s.stage} · {s.action[lang]}
                  </option>
                ))}
                <option value={NO_STAGE}>{t("collections.pane.noStage")}</option>
              </Select>
            </Field>
          </div>
          <div className={styles.row}>
            <Button
              size="small"
              onClick={() => void state.letter(shown.filter((c) => c.stage !== null).map((c) => c.customer))}
              disabled={state.running || !shown.some((c) => c.stage !== null)}
            >
              {t("collections.pane.letters", { count: shown.filter((c) => c.stage !== null).length })}
            </Button>
          </div>
          {shown.length === 0 ? (
            <p>{t("collections.pane.empty", { asOf: isoFromSerial(report.asOf) })}</p>
          ) : (
            <ul className={styles.list} aria-label={t("collections.sheet.title")}>
              {shown.slice(0, MAX_SHOWN).map((c) => (
                <li key={`${c.customer}-${c.currency}`} className={styles.item}>
                  <Button
                    appearance={current === c ? "primary" : "subtle"}
                    size="small"
                    onClick={() => {
                      setSelected(c);
                      setLogging(false);
                    }}
                  >
                    {c.rank}. {c.customer}
                  </Button>{" "}
                  {c.stage === null ? t("collections.pane.noStage") : `${c.stage} · ${c.action}`} —{" "}
                  {money(c.chase > 0 ? c.chase : c.chaseNotDue, c.currency)}
                </li>
              ))}
            </ul>
          )}
          {current && (
            <div role="region" aria-label={t("collections.pane.items", { customer: current.customer })}>
              <Subtitle2 as="h2">{t("collections.pane.items", { customer: current.customer })}</Subtitle2>
              <p>
                {t("collections.pane.score", {
                  score: current.score,
                  weighted: current.scoreParts.weighted,
                  broken: current.scoreParts.brokenPromise,
                  hold: current.scoreParts.hold,
                })}
              </p>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th className={styles.cell}>{t("collections.log.column.invoice")}</th>
                    <th className={styles.number}>{t("collections.pane.days")}</th>
                    <th className={styles.number}>{t("report.column.open")}</th>
                    <th className={styles.cell}>{t("collections.column.chase")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.invoice}>
                      <td className={styles.cell}>{item.number}</td>
                      <td className={styles.number}>{item.daysOverdue}</td>
                      <td className={styles.number}>{money(item.open, current.currency)}</td>
                      <td className={styles.cell}>
                        {item.disputed > 0
                          ? t("collections.column.disputed")
                          : item.promised > 0
                            ? t("collections.column.promised")
                            : money(item.chase, current.currency)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className={styles.row}>
                <Button onClick={() => setLogging(true)} disabled={state.running}>
                  {t("collections.pane.log")}
                </Button>
                <Button onClick={() => void state.letter([current.customer])} disabled={state.running || current.stage === null}>
                  {t("collections.pane.letter")}
                </Button>
                <Button onClick={() => void state.copyLetter(current.customer)} disabled={state.running || current.stage === null}>
                  {t("collections.pane.copy")}
                </Button>
              </div>
              {logging && (
                <FollowUpForm
                  customer={current}
                  invoices={items.map((i) => i.number)}
                  today={today()}
                  running={state.running}
                  onCancel={() => setLogging(false)}
                  onSave={async (entry) => {
                    if (await state.log(entry)) setLogging(false);
                  }}
                />
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The "Log follow-up" form: customer pre-filled, invoice picked from its open items. */
function FollowUpForm(props: {
  customer: CollectionCustomer;
  invoices: string[];
  today: number;
  running: boolean;
  onSave: (entry: FollowUpInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const [type, setType] = useState<FollowUpType>("call");
  const [date, setDate] = useState(isoFromSerial(props.today));
  const [invoice, setInvoice] = useState("");
  const [amount, setAmount] = useState("");
  const [until, setUntil] = useState("");
  const [by, setBy] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState(false);

  const save = () => {
    const dateSerial = serialFromIso(date);
    const untilSerial = until === "" ? null : serialFromIso(until);
    const value = amount.trim() === "" ? null : Number(amount.replace(/,/g, ""));
    const promised = type === "promise" || type === "plan";
    const bad =
      dateSerial === null ||
      (until !== "" && untilSerial === null) ||
      (value !== null && !(value >= 0)) ||
      (promised && (value === null || !(value > 0) || untilSerial === null)) ||
      (type === "dispute" && invoice === "");
    setProblem(bad);
    if (bad || dateSerial === null) return;
    void props.onSave({
      date: dateSerial,
      customer: props.customer.customer,
      invoice: invoice === "" ? null : invoice,
      type,
      amount: value,
      currency: props.customer.currency,
      until: untilSerial,
      status: "open",
      by: by.trim() === "" ? null : by.trim(),
      note: note.trim() === "" ? null : note.trim(),
    });
  };

  return (
    <form
      className={styles.form}
      aria-label={t("collections.pane.log")}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Field label={t("collections.log.column.customer")}>
        <Input value={props.customer.customer} readOnly />
      </Field>
      <Field label={t("collections.log.column.type")}>
        <Select value={type} onChange={(_, d) => setType(d.value as FollowUpType)}>
          {FOLLOW_UP_TYPES.map((x) => (
            <option key={x} value={x}>
              {followUpWord(x, lang)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("collections.log.column.date")}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Field label={t("collections.log.column.invoice")}>
        <Select value={invoice} onChange={(_, d) => setInvoice(d.value)}>
          <option value="">—</option>
          {props.invoices.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("collections.log.column.amount")}>
        <Input value={amount} inputMode="decimal" onChange={(_, d) => setAmount(d.value)} />
      </Field>
      <Field label={t("collections.log.column.until")}>
        <Input type="date" value={until} onChange={(_, d) => setUntil(d.value)} />
      </Field>
      <Field label={t("collections.log.column.by")}>
        <Input value={by} onChange={(_, d) => setBy(d.value)} />
      </Field>
      <Field label={t("collections.log.column.note")}>
        <Input value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
      {problem && <p role="alert">{t("collections.pane.invalid")}</p>}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={props.running}>
          {t("collections.pane.save")}
        </Button>
        <Button onClick={props.onCancel}>{t("collections.pane.cancel")}</Button>
      </div>
    </form>
  );
}
