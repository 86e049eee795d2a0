/**
 * The Credit view: the credit rules, "Check credit" (writes "AR Credit"), counts by status, the
 * flagged customers (a click selects the customer's row), highlights on the customer table, and
 * the order check.
 */
import { useEffect, useState } from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookSettings } from "../../excel/types";
import type { OrderCheck } from "../../engine/credit/check";
import { CREDIT_STATUSES, DEFAULT_CREDIT_POLICY, creditStatusLabel } from "../../engine/credit/status";
import { formatMoney } from "../../engine/money";
import { orderCheck } from "../../app/credit";
import { CREDIT_STATUS_COLORS } from "../../engine/report/credit";
import { isoFromSerial, serialFromIso } from "../../engine/dates";
import { defaultAsOfIso } from "../hooks/useAgingForm";
import { usePane } from "../context";
import { useCreditCheck } from "../hooks/useCreditCheck";
import { describeProblem } from "../messages";
import { ErrorNotice } from "./ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  // The customer's name leads its line: as large and as dark as the reason, and bolder.
  customer: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    paddingInline: 0,
    minWidth: 0,
  },
  legend: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  legendItem: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  swatch: { width: "12px", height: "12px", borderRadius: tokens.borderRadiusSmall, border: `1px solid ${tokens.colorNeutralStroke1}` },
});

/** Flagged customers shown at most (the sheet lists them all). */
const MAX_FLAGGED = 50;

/** The Credit view. */
export function CreditView({ settings, save }: { settings: WorkbookSettings; save?: (next: WorkbookSettings) => Promise<void> }) {
  const { run, t, lang, today } = usePane();
  const styles = useStyles();
  const credit = useCreditCheck(run, settings, lang, today, save);
  // The sheet is as of the aging's date; an order is checked against what is owed today.
  const [asOfIso, setAsOfIso] = useState(() => defaultAsOfIso(settings, today()));
  // Follows the workbook's as-of when the aging (or the tie-out) saves a new one.
  useEffect(() => setAsOfIso(defaultAsOfIso(settings, today())), [settings.asOf]);
  const [orderAsOfIso, setOrderAsOfIso] = useState(() => isoFromSerial(today()));
  const asOf = asOfIso ? serialFromIso(asOfIso) : null;
  const orderAsOf = orderAsOfIso ? serialFromIso(orderAsOfIso) : null;
  const [near, setNear] = useState(String(DEFAULT_CREDIT_POLICY.nearPercent));
  const [hold, setHold] = useState(String(DEFAULT_CREDIT_POLICY.holdDays));
  const [net, setNet] = useState(true);
  const [zero, setZero] = useState(false);
  const [customer, setCustomer] = useState("");
  const [amount, setAmount] = useState("");
  const [order, setOrder] = useState<(OrderCheck & { asOf: number }) | null>(null);
  const [orderProblem, setOrderProblem] = useState<string | null>(null);
  const { report } = credit;
  // Start from the options saved in the workbook by the last check.
  useEffect(() => {
    if (!credit.saved) return;
    setNear(String(credit.saved.policy.nearPercent));
    setHold(String(credit.saved.policy.holdDays));
    setZero(credit.saved.policy.noLimit === "zero");
    setNet(credit.saved.netUnapplied);
  }, [credit.saved]);

  const runCheck = () => {
    if (asOf === null) return;
    const nearPercent = Number(near);
    const holdDays = Number(hold);
    void credit.check(
      {
        policy: {
          nearPercent: nearPercent > 0 && nearPercent <= 100 ? nearPercent : DEFAULT_CREDIT_POLICY.nearPercent,
          holdDays: Number.isInteger(holdDays) && holdDays >= 0 ? holdDays : DEFAULT_CREDIT_POLICY.holdDays,
          noLimit: zero ? "zero" : "warn",
        },
        netUnapplied: net,
      },
      asOf,
    );
  };

  const runOrder = () => {
    setOrder(null);
    if (!report) return setOrderProblem(t("credit.pane.order.needsRun"));
    if (orderAsOf === null) return setOrderProblem(t("pane.aging.asOfError"));
    const asOfReport = credit.reportAsOf(orderAsOf) ?? report;
    const value = Number(amount.replace(/,/g, ""));
    if (!(value > 0)) return setOrderProblem(t("credit.pane.order.badAmount"));
    setOrderProblem(null);
    setOrder({ ...orderCheck(asOfReport, { customer, amount: value, defaultCurrency: settings.defaultCurrency }), asOf: asOfReport.asOf });
  };

  const flagged = report?.customers.filter((c) => c.status !== "ok") ?? [];
  const money = (minor: number | null, currency: string) => (minor === null ? "—" : formatMoney(minor, currency, lang));

  return (
    <section className={styles.root} aria-label={t("pane.tab.credit")}>
      <Subtitle2 as="h2">{t("credit.pane.options")}</Subtitle2>
      <div className={styles.row}>
        <Field label={t("credit.pane.near")}>
          <Input type="number" value={near} onChange={(_, d) => setNear(d.value)} />
        </Field>
        <Field label={t("credit.pane.hold")}>
          <Input type="number" value={hold} onChange={(_, d) => setHold(d.value)} />
        </Field>
      </div>
      <Field
        label={t("credit.pane.asOf")}
        hint={t("credit.pane.asOfHint")}
        validationState={asOf === null ? "error" : "none"}
        validationMessage={asOf === null ? t("pane.aging.asOfError") : undefined}
      >
        <Input type="date" value={asOfIso} onChange={(_, d) => setAsOfIso(d.value)} disabled={credit.running} />
      </Field>
      <Switch label={t("credit.pane.net")} checked={net} onChange={(_, d) => setNet(d.checked)} />
      <Switch label={t("credit.pane.zero")} checked={zero} onChange={(_, d) => setZero(d.checked)} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={runCheck} disabled={credit.running || asOf === null}>
          {t("credit.pane.run")}
        </Button>
        {credit.running && <Spinner size="tiny" label={t("credit.pane.running")} />}
      </div>
      {credit.problem !== null && (
        <MessageBar intent="warning">
          <MessageBarBody>{describeProblem(t, lang, credit.problem)}</MessageBarBody>
        </MessageBar>
      )}
      {credit.error !== null && <ErrorNotice error={credit.error} />}
      {report && (
        <>
          {credit.sheet && <p>{t("credit.pane.written.asOf", { sheet: credit.sheet, date: isoFromSerial(report.asOf) })}</p>}
          <Subtitle2 as="h2">{t("credit.pane.counts")}</Subtitle2>
          <ul className={styles.list} aria-label={t("credit.pane.counts")}>
            {CREDIT_STATUSES.map((s) => (
              <li key={s}>
                {creditStatusLabel(s, lang)}: {report.counts[s]}
              </li>
            ))}
          </ul>
          <Subtitle2 as="h2">{t("credit.pane.flagged")}</Subtitle2>
          {flagged.length === 0 ? (
            <p>{t("credit.pane.flagged.none")}</p>
          ) : (
            <ul className={styles.list} aria-label={t("credit.pane.flagged")}>
              {flagged.slice(0, MAX_FLAGGED).map((c) => (
                <li key={`${c.customer}-${c.customerIndex}`}>
                  <Button
                    appearance="transparent"
                    className={styles.customer}
                    disabled={!c.location}
                    aria-label={t("credit.pane.select", { customer: c.customer })}
                    onClick={() => c.location && void credit.select(c.location)}
                  >
                    {c.customer}
                  </Button>{" "}
                  {creditStatusLabel(c.status, lang)} — {c.reason}
                </li>
              ))}
            </ul>
          )}
          <div className={styles.row}>
            <Button onClick={() => void credit.highlight()} disabled={credit.running}>
              {t("credit.pane.highlight")}
            </Button>
            <Button onClick={() => void credit.clear()} disabled={credit.running}>
              {t("credit.pane.clear")}
            </Button>
          </div>
          {credit.notice && <p role="status">{t(credit.notice.id, credit.notice.params)}</p>}
          {credit.notice?.id === "credit.pane.highlighted" && (
            <ul className={styles.legend} aria-label={t("credit.pane.legend")}>
              {CREDIT_STATUSES.filter((s): s is keyof typeof CREDIT_STATUS_COLORS => s !== "ok" && report.counts[s] > 0).map((s) => (
                <li key={s} className={styles.legendItem}>
                  <span className={styles.swatch} style={{ backgroundColor: CREDIT_STATUS_COLORS[s] }} aria-hidden="true" />
                  {creditStatusLabel(s, lang)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <Subtitle2 as="h2">{t("credit.pane.order")}</Subtitle2>
      <div className={styles.row}>
        <Field label={t("credit.pane.order.customer")}>
          <Input value={customer} onChange={(_, d) => setCustomer(d.value)} list="ar-credit-customers" />
        </Field>
        <datalist id="ar-credit-customers">
          {report?.customers.slice(0, 2000).map((c) => (
            <option key={`${c.customer}-${c.customerIndex}`} value={c.customer} />
          ))}
        </datalist>
        <Field label={t("credit.pane.order.amount")}>
          <Input value={amount} inputMode="decimal" onChange={(_, d) => setAmount(d.value)} />
        </Field>
      </div>
      <Field label={t("credit.pane.order.asOf")} hint={t("credit.pane.order.asOfHint")}>
        <Input type="date" value={orderAsOfIso} onChange={(_, d) => setOrderAsOfIso(d.value)} />
      </Field>
      <Button onClick={runOrder}>{t("credit.pane.order.check")}</Button>
      {orderProblem && <p role="alert">{orderProblem}</p>}
      {order && (
        <div role="region" aria-label={t("credit.pane.order")}>
          {!order.known && <p>{t("credit.pane.order.unknown", { customer: order.customer })}</p>}
          <p>
            <strong>{t("credit.pane.order.result", { status: creditStatusLabel(order.status, lang) })}</strong>
          </p>
          <p>{t("credit.pane.order.asOfLine", { date: isoFromSerial(order.asOf) })}</p>
          <p>{order.reason}</p>
          {order.availableAfter !== null ? (
            <p>
              {t("credit.pane.order.available", {
                before: money(order.availableBefore, order.currency),
                after: money(order.availableAfter, order.currency),
              })}
            </p>
          ) : (
            // A currency mismatch has a limit: its reason already says what is missing.
            order.limit === null && order.status !== "currency" && <p>{t("credit.pane.order.noLimit")}</p>
          )}
        </div>
      )}
    </section>
  );
}
