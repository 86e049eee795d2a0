/**
 * The GL tie-out section of the Reconcile view: the ledger's AR control balance (an amount or a
 * cell such as GL!B5), the currency and the basis; "Tie out" ages the workbook as the Aging view
 * does, writes "AR GL Tie-out" and shows the aging total, the control balance, the difference,
 * how it is explained and the explaining items, each of which selects its source row.
 */
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
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookSettings } from "../../excel/types";
import { formatMoney } from "../../engine/money";
import type { GlAgingTieOut, GlBasis } from "../../engine/reconcile";
import { glAgingTotalLabel, glKindLabel, glMethodText } from "../../engine/report/gl";
import { isoFromSerial } from "../../engine/dates";
import { usePane } from "../context";
import { useGlTieOut, type GlTieOutState } from "../hooks/useGlTieOut";
import { describeProblem } from "../messages";
import { ErrorNotice } from "./ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, paddingBlockStart: tokens.spacingVerticalL },
  number: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
});

const BASES: readonly GlBasis[] = ["net", "open"];

/** The GL tie-out section. */
export function GlTieOutSection({ settings, save }: { settings: WorkbookSettings; save?: (next: WorkbookSettings) => Promise<void> }) {
  const { run, t, lang, today } = usePane();
  const styles = useStyles();
  const state = useGlTieOut(run, settings, lang, today, save);
  const running = state.status.kind === "running";
  const controlInvalid = state.controlText.trim() !== "" && state.control === null;

  return (
    <section className={styles.root} aria-labelledby="ar-gl-heading">
      <Subtitle2 as="h2" id="ar-gl-heading">
        {t("gl.pane.heading")}
      </Subtitle2>
      <Text>{t("gl.pane.intro")}</Text>
      <Field
        label={t("gl.pane.control")}
        hint={t("gl.pane.controlHint")}
        validationState={controlInvalid ? "error" : "none"}
        validationMessage={controlInvalid ? t("gl.pane.controlError") : undefined}
      >
        <Input value={state.controlText} onChange={(_, data) => state.setControlText(data.value)} disabled={running} />
      </Field>
      <Field
        label={t("gl.pane.asOf")}
        hint={t("gl.pane.asOfHint")}
        validationState={state.asOf === null ? "error" : "none"}
        validationMessage={state.asOf === null ? t("pane.aging.asOfError") : undefined}
      >
        <Input type="date" value={state.asOfIso} onChange={(_, data) => state.setAsOfIso(data.value)} disabled={running} />
      </Field>
      <Field
        label={t("gl.pane.currency")}
        validationState={state.currencyValid ? "none" : "error"}
        validationMessage={state.currencyValid ? undefined : t("gl.pane.currencyError")}
      >
        <Input value={state.currencyText} onChange={(_, data) => state.setCurrencyText(data.value)} disabled={running} />
      </Field>
      <Field label={t("gl.pane.basis")}>
        <RadioGroup value={state.basis} onChange={(_, data) => state.setBasis(data.value as GlBasis)} disabled={running}>
          {BASES.map((basis) => (
            <Radio key={basis} value={basis} label={t(`gl.pane.basis.${basis}`)} />
          ))}
        </RadioGroup>
      </Field>
      <div>
        <Button appearance="primary" onClick={() => void state.start()} disabled={!state.valid || running}>
          {t("gl.pane.run")}
        </Button>
      </div>
      {running && <Spinner size="tiny" label={t("gl.pane.running")} />}
      {state.status.kind === "blocked" && (
        <MessageBar intent="warning">
          <MessageBarBody>{state.status.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.status.kind === "stopped" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{describeProblem(t, lang, state.status.problem)}</MessageBarBody>
        </MessageBar>
      )}
      {state.status.kind === "failed" && <ErrorNotice error={state.status.error} titled />}
      {state.status.kind === "done" && <TieOutResult state={state} result={state.status.done.result} />}
    </section>
  );
}

/** The three amounts, the explanation, and the explaining items with their "Show" buttons. */
function TieOutResult({ state, result }: { state: GlTieOutState; result: GlAgingTieOut }) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const money = (minor: number) => formatMoney(minor, result.currency, lang);
  const rows: [string, number][] = [
    [glAgingTotalLabel(result.basis, lang), result.agingOpenTotal],
    [t("gl.row.control"), result.controlBalance],
    [t("gl.row.difference"), result.difference],
  ];
  return (
    <>
      <Text>{t("report.as-of", { date: isoFromSerial(result.asOf) })}</Text>
      <Table size="extra-small" aria-label={t("gl.pane.result", { currency: result.currency })}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell>{label}</TableCell>
              <TableCell className={styles.number}>{money(value)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <MessageBar
        intent={result.method === "unexplained" ? "warning" : result.method === "balanced" ? "success" : "info"}
        layout="multiline"
      >
        <MessageBarBody>{glMethodText(result, lang)}</MessageBarBody>
      </MessageBar>
      {result.items.length > 0 && (
        <Table size="extra-small" aria-label={t("gl.items.heading")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("gl.column.kind")}</TableHeaderCell>
              <TableHeaderCell>{t("gl.column.label")}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{t("gl.column.amount")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.items.map((item, k) => (
              <TableRow key={`${item.kind}:${item.label}:${k}`}>
                <TableCell>{glKindLabel(item.kind, lang)}</TableCell>
                <TableCell>
                  {item.sheet !== undefined && item.row !== undefined ? (
                    <Button size="small" appearance="transparent" onClick={() => void state.show(item)}>
                      {t("gl.pane.show", { label: item.label, sheet: item.sheet, row: item.row })}
                    </Button>
                  ) : (
                    item.label
                  )}
                </TableCell>
                <TableCell className={styles.number}>{money(item.amount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {state.selection && <Text role="status">{t("gl.pane.selected", state.selection)}</Text>}
      {state.navError !== null && <ErrorNotice error={state.navError} />}
    </>
  );
}
